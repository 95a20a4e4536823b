//! `update()` per screen: navigation, answers, validation, autosave effects, quitting.

#[path = "common/tui.rs"]
mod support;

use meetcheck::domain::answer_value::AnswerValue;
use meetcheck::domain::scenario::{OrgType, ProtectionNeed, Step, TransferStance};
use meetcheck::i18n::Lang;
use meetcheck::tui::app::{
    Action, Effect, Msg, NoteArg, SaveSummary, Screen, check_invariants, update,
};
use meetcheck::tui::keymap::{self, Keys, Mode};
use support::*;

fn step(m: &meetcheck::tui::app::Model) -> Step {
    m.doc.as_ref().unwrap().step()
}

fn past_about(title: &str) -> meetcheck::tui::app::Model {
    let mut m = with_new_assessment(Lang::De);
    type_text(&mut m, title);
    for _ in 0..8 {
        act(&mut m, Action::Enter);
    }
    m
}

#[test]
fn about_requires_a_title_and_says_so() {
    let mut m = with_new_assessment(Lang::En);
    for _ in 0..8 {
        act(&mut m, Action::Enter);
    }
    assert_eq!(step(&m), Step::About, "no title: stays");
    let note = m.note.as_ref().expect("says what is missing");
    assert!(note.error && note.args[0].1 == NoteArg::Worded(meetcheck::i18n::k::UI_MISSING_TITLE));
    assert_eq!(m.doc.as_ref().unwrap().about_focus, 0, "focus back on the title");
    type_text(&mut m, "Team meetings");
    let mut effect = Effect::None;
    for _ in 0..8 {
        effect = act(&mut m, Action::Enter);
    }
    assert_eq!(step(&m), Step::Organisation);
    assert_eq!(effect, Effect::Save, "every step saves");
    assert_eq!(m.doc.as_ref().unwrap().loaded.assessment.meta.title, "Team meetings");
}

#[test]
fn text_fields_take_every_printable_key_and_paste() {
    let mut m = with_new_assessment(Lang::De);
    type_text(&mut m, "q?jk ");
    update(&mut m, Msg::Paste("Größe\r\n会議 🎓".into()));
    let title = &m.doc.as_ref().unwrap().loaded.assessment.meta.title;
    assert_eq!(title, "q?jk Größe  会議 🎓");
    assert_eq!(keymap::mode(&m), Mode::Editing);
    assert!(m.dirty());
}

#[test]
fn leaving_a_changed_text_field_saves() {
    let mut m = with_new_assessment(Lang::De);
    assert_eq!(act(&mut m, Action::NextField), Effect::None, "unchanged field: nothing to save");
    type_text(&mut m, "Verein");
    assert_eq!(act(&mut m, Action::NextField), Effect::Save);
    assert_eq!(m.doc.as_ref().unwrap().loaded.assessment.meta.organisation, "Verein");
}

#[test]
fn enter_on_an_untouched_step_accepts_the_defaults() {
    let mut m = past_about("Defaults");
    let before = m.doc.as_ref().unwrap().loaded.assessment.scenario.clone();
    for expected in [Step::People, Step::Data, Step::Transfers, Step::Participation, Step::Results]
    {
        assert_eq!(act(&mut m, Action::Enter), Effect::Save);
        assert_eq!(step(&m), expected);
    }
    assert_eq!(m.doc.as_ref().unwrap().loaded.assessment.scenario, before);
    assert!(m.doc.as_ref().unwrap().loaded.assessment.history.is_empty());
}

#[test]
fn enter_on_a_single_choice_selects_and_advances() {
    let mut m = past_about("Schule");
    act(&mut m, Action::Down);
    act(&mut m, Action::Down);
    act(&mut m, Action::Enter);
    let a = &m.doc.as_ref().unwrap().loaded.assessment;
    assert_eq!(a.scenario.org_type, OrgType::School);
    assert_eq!(a.step, Step::People);
    assert_eq!(a.history.len(), 1);
    assert_eq!(
        (&a.history[0].old, &a.history[0].new),
        (&AnswerValue::OrgType(OrgType::Company), &AnswerValue::OrgType(OrgType::School))
    );
}

#[test]
fn esc_goes_back_and_keeps_the_answers() {
    let mut m = past_about("Zurück");
    act(&mut m, Action::Down);
    act(&mut m, Action::Space);
    act(&mut m, Action::Enter);
    assert_eq!(step(&m), Step::People);
    act(&mut m, Action::Back);
    assert_eq!(step(&m), Step::Organisation);
    assert_eq!(m.doc.as_ref().unwrap().scenario().org_type, OrgType::PublicBody);
    act(&mut m, Action::Back);
    assert_eq!(step(&m), Step::About);
    assert_eq!(act(&mut m, Action::Back), Effect::ListSaves);
    assert_eq!(m.screen, Screen::Start);
    assert_eq!(m.doc.as_ref().unwrap().loaded.assessment.meta.title, "Zurück");
}

#[test]
fn tab_jumps_to_the_next_question() {
    let mut m = past_about("Tab");
    act(&mut m, Action::NextField);
    let row = m.doc.as_ref().unwrap().current_row().unwrap();
    assert_eq!(row.question(), meetcheck::tui::questions::Question::PublicBody);
    act(&mut m, Action::PrevField);
    let row = m.doc.as_ref().unwrap().current_row().unwrap();
    assert_eq!(row.question(), meetcheck::tui::questions::Question::OrgType);
}

#[test]
fn lowering_the_protection_need_needs_reason_and_person() {
    let mut m = past_about("Schutzbedarf");
    act(&mut m, Action::Enter);
    act(&mut m, Action::Enter);
    assert_eq!(step(&m), Step::Data);
    // Special categories (third data option) → very high is proposed.
    act(&mut m, Action::Down);
    act(&mut m, Action::Down);
    act(&mut m, Action::Space);
    assert_eq!(
        m.doc.as_ref().unwrap().scenario().proposed_protection().0,
        ProtectionNeed::VeryHigh
    );
    // Protection need: Tab to it, choose "normal".
    act(&mut m, Action::NextField);
    act(&mut m, Action::Space);
    assert!(m.doc.as_ref().unwrap().scenario().protection_lowered());
    act(&mut m, Action::Enter);
    assert_eq!(step(&m), Step::Data, "reason missing: stays");
    assert_eq!(keymap::mode(&m), Mode::Editing, "cursor in the reason field");
    type_text(&mut m, "Nur Terminabsprachen");
    act(&mut m, Action::Down);
    type_text(&mut m, "Dr. Weiß");
    act(&mut m, Action::Down);
    act(&mut m, Action::Enter);
    assert_eq!(step(&m), Step::Transfers);
    let s = m.doc.as_ref().unwrap().scenario();
    assert_eq!(s.protection_lowered_reason, "Nur Terminabsprachen");
    assert_eq!(s.protection_risk_accepted_by, "Dr. Weiß");
}

#[test]
fn the_panel_diff_names_what_came_back_and_what_went() {
    let mut m = past_about("Panel");
    for _ in 0..3 {
        act(&mut m, Action::Enter);
    }
    assert_eq!(step(&m), Step::Transfers);
    let doc = m.doc.as_ref().unwrap();
    let catalog = m.catalog.as_ref().unwrap();
    let first = catalog.offerings[0].id.clone();
    // The stand-in knocks out every offering at an even position under "EU only".
    let even: Vec<String> = catalog.offerings.iter().step_by(2).map(|o| o.id.clone()).collect();
    assert!(doc.shortlist.as_ref().unwrap().excluded.iter().any(|e| e.offering == first));
    act(&mut m, Action::Down);
    act(&mut m, Action::Space);
    let doc = m.doc.as_ref().unwrap();
    assert_eq!(doc.scenario().transfer_stance, TransferStance::Adequacy);
    let change = doc.last_change.as_ref().unwrap();
    assert_eq!(change.brought_back, even);
    assert!(change.knocked_out.is_empty());
    act(&mut m, Action::Up);
    act(&mut m, Action::Space);
    let change = m.doc.as_ref().unwrap().last_change.as_ref().unwrap();
    assert_eq!(change.knocked_out, even);
    assert!(change.brought_back.is_empty());
}

#[test]
fn statutory_insurance_is_asked_only_in_health_care() {
    let mut m = past_about("Praxis");
    for _ in 0..5 {
        act(&mut m, Action::Down);
    }
    act(&mut m, Action::Enter); // health care
    for _ in 0..3 {
        act(&mut m, Action::Enter);
    }
    assert_eq!(step(&m), Step::Participation);
    let rows = m.doc.as_ref().unwrap().rows();
    assert!(
        rows.iter()
            .any(|r| r.question() == meetcheck::tui::questions::Question::StatutoryInsurance)
    );
}

#[test]
fn idle_saves_only_with_unsaved_changes() {
    let mut m = with_new_assessment(Lang::De);
    assert_eq!(update(&mut m, Msg::Idle), Effect::None);
    type_text(&mut m, "x");
    assert_eq!(update(&mut m, Msg::Idle), Effect::Save);
    update(&mut m, Msg::Saved(Ok("/saves/x.ron".into())));
    assert!(!m.dirty());
    assert_eq!(update(&mut m, Msg::Idle), Effect::None);
}

#[test]
fn a_failed_save_keeps_the_work_and_shows_the_error() {
    let mut m = with_new_assessment(Lang::De);
    type_text(&mut m, "Wichtig");
    assert_eq!(act(&mut m, Action::SaveNow), Effect::SaveNow);
    update(&mut m, Msg::Saved(Err("disk full".into())));
    assert!(m.dirty(), "still unsaved");
    let note = m.note.as_ref().unwrap();
    assert!(note.error && note.args[0].1 == NoteArg::Text("disk full".into()));
    // Quitting: q asks the shell to save; a failure keeps the wizard open, q again quits.
    act(&mut m, Action::Back); // leave to start (saving is attempted by the shell)
    assert_eq!(act(&mut m, Action::Quit), Effect::Quit { force: false });
    update(&mut m, Msg::QuitSaveFailed("disk full".into()));
    assert_eq!(act(&mut m, Action::Quit), Effect::Quit { force: true });
}

#[test]
fn ctrl_c_and_signals_always_quit() {
    let mut m = with_new_assessment(Lang::De);
    assert_eq!(act(&mut m, Action::ForceQuit), Effect::Quit { force: true });
    assert_eq!(update(&mut m, Msg::Terminate), Effect::Quit { force: true });
}

#[test]
fn help_opens_anywhere_and_esc_closes_it() {
    let mut m = past_about("Hilfe");
    act(&mut m, Action::Help);
    assert_eq!(keymap::mode(&m), Mode::Help);
    act(&mut m, Action::Down);
    assert_eq!(m.doc.as_ref().unwrap().cursor, 0, "keys do not reach the screen beneath");
    act(&mut m, Action::Back);
    assert!(!m.help);
    assert_eq!(step(&m), Step::Organisation, "Esc closed the help, not the step");
}

#[test]
fn too_small_still_quits() {
    let mut m = with_new_assessment(Lang::De);
    update(&mut m, Msg::Resize(40, 10));
    assert_eq!(keymap::mode(&m), Mode::TooSmall);
    act(&mut m, Action::Down);
    assert_eq!(act(&mut m, Action::Quit), Effect::Quit { force: false });
    update(&mut m, Msg::Resize(80, 24));
    assert_eq!(keymap::mode(&m), Mode::Editing);
}

#[test]
fn start_screen_opens_creates_and_browses() {
    let mut m = model(Lang::En);
    let save = SaveSummary {
        target: "/saves/a.ron".into(),
        title: "A".into(),
        organisation: String::new(),
        updated: now(),
        step: Step::Data,
        chosen: None,
        status: None,
        error: None,
    };
    update(&mut m, Msg::SavesListed(vec![save]));
    assert_eq!(act(&mut m, Action::Enter), Effect::Open("/saves/a.ron".into()));
    act(&mut m, Action::Down);
    assert_eq!(act(&mut m, Action::Enter), Effect::New);
    act(&mut m, Action::Down);
    act(&mut m, Action::Down);
    assert_eq!(m.start.cursor, 2, "stops at the last row");
    act(&mut m, Action::Enter);
    assert_eq!(m.screen, Screen::Catalog);
    act(&mut m, Action::Enter);
    assert_eq!(m.screen, Screen::CatalogDetail);
    act(&mut m, Action::Back);
    act(&mut m, Action::Back);
    assert_eq!(m.screen, Screen::Start);
}

#[test]
fn every_footer_hint_is_handled_on_its_screen() {
    use ratatui::crossterm::event::KeyEvent;
    for mode in Mode::ALL {
        for b in keymap::bindings(mode).into_iter() {
            for (code, mods, action) in b.presses {
                assert_eq!(
                    keymap::action_for(mode, KeyEvent::new(code, mods)),
                    Some(action),
                    "{mode:?} {code:?}"
                );
            }
        }
    }
    // And the footer of real screens shows only bindings of their mode, help always among them.
    let mut models = vec![model(Lang::De), with_new_assessment(Lang::De), past_about("x")];
    let mut m = past_about("y");
    act(&mut m, Action::Help);
    models.push(m);
    for m in &mut models {
        let terminal = render(m, 80, 24);
        let footer = screen_text(&terminal).lines().last().unwrap().to_string();
        let mode = keymap::mode(m);
        let bindings = keymap::bindings(mode);
        let help = bindings.iter().find(|b| b.does == meetcheck::i18n::k::UI_DOES_HELP).unwrap();
        let keys = match help.keys {
            Keys::Plain(keys) => keys,
            Keys::Worded(key) => m.texts.get(key),
        };
        assert!(footer.contains(keys), "{mode:?}: {footer}");
        for b in bindings.iter().filter(|b| b.footer) {
            let words = m.texts.get(b.does);
            if footer.contains(words) {
                assert!(
                    b.presses
                        .iter()
                        .all(|(c, mo, a)| keymap::action_for(mode, KeyEvent::new(*c, *mo))
                            == Some(*a))
                );
            }
        }
    }
}

#[test]
fn invariants_hold_on_a_normal_walk() {
    let mut m = past_about("Walk");
    for _ in 0..30 {
        act(&mut m, Action::Down);
        act(&mut m, Action::Space);
        check_invariants(&m).unwrap();
    }
}

#[test]
fn ctrl_k_saves_a_copy_and_the_note_names_it() {
    let mut m = past_about("Kopie");
    assert_eq!(act(&mut m, Action::SaveCopy), Effect::SaveCopy);
    update(&mut m, Msg::SavedAsCopy { path: "/saves/kopie-abc123.ron".into(), reason: None });
    assert!(!m.dirty());
    let note = m.note.as_ref().unwrap();
    assert!(!note.error && note.key == meetcheck::i18n::k::UI_NOTE_SAVED_COPY, "{note:?}");
    assert!(
        note.args.iter().any(|(k, v)| *k == "name" && *v == NoteArg::Text("kopie-abc123".into())),
        "{note:?}"
    );
    assert_eq!(
        m.doc.as_ref().unwrap().saved_to.as_deref(),
        Some(std::path::Path::new("/saves/kopie-abc123.ron")),
        "later saves go to the copy"
    );
    // Without an open assessment there is nothing to copy.
    let mut start = model(Lang::De);
    assert_eq!(act(&mut start, Action::SaveCopy), Effect::None);
}

#[test]
fn a_copy_made_by_itself_says_why_and_stays_on_screen() {
    let mut m = past_about("Konflikt");
    update(
        &mut m,
        Msg::SavedAsCopy {
            path: "/saves/konflikt-xyz789.ron".into(),
            reason: Some("/saves/konflikt-abc123.ron is open in another meetcheck.".into()),
        },
    );
    let note = m.note.clone().unwrap();
    assert!(note.error && note.key == meetcheck::i18n::k::UI_NOTE_SAVED_COPY_AUTO, "{note:?}");
    assert!(m.copy_advised(), "the footer offers Ctrl+K first");
    act(&mut m, Action::Down);
    assert_eq!(m.note, Some(note), "moving does not hide it");
}

#[test]
fn ctrl_k_works_wherever_ctrl_s_does() {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
    for mode in Mode::ALL {
        let save = keymap::action_for(mode, ctrl('s'));
        let copy = keymap::action_for(mode, ctrl('k'));
        assert_eq!(save.is_some(), copy == Some(Action::SaveCopy), "{mode:?}");
    }
}

#[test]
fn a_long_note_wraps_in_full_instead_of_being_cut() {
    let mut m = past_about("Lang");
    let error = "/home/someone/.local/share/meetcheck/saves/a-very-long-name-abc123.ron has \
                 changed since it was opened (by another meetcheck or by hand). Nothing was \
                 overwritten. Here is what to do about it, at the very end of the message.";
    update(&mut m, Msg::Saved(Err(error.into())));
    let terminal = render(&mut m, 80, 24);
    let text = screen_text(&terminal);
    let squeezed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(squeezed.contains("at the very end of the message."), "{text}");
    assert!(!text.contains('…'), "nothing cut:\n{text}");
}

#[test]
fn decision_makers_are_entered_as_a_list_and_keep_their_semicolons() {
    let mut m = with_new_assessment(Lang::En);
    type_text(&mut m, "Meetings");
    // Title, organisation, controller, DPO, assessors: on to the decision-makers.
    for _ in 0..5 {
        act(&mut m, Action::NextField);
    }
    type_text(&mut m, "Board; finance");
    act(&mut m, Action::Enter);
    assert_eq!(m.doc.as_ref().unwrap().about_focus, 5, "Enter after a name stays for the next");
    type_text(&mut m, "Ute Weber");
    act(&mut m, Action::Enter);
    // An empty entry: Backspace goes back to the name before, and it can be corrected.
    update(&mut m, Msg::Edit(tui_input::InputRequest::DeletePrevChar));
    update(&mut m, Msg::Edit(tui_input::InputRequest::DeletePrevChar));
    type_text(&mut m, "r, CFO");
    check_invariants(&m).unwrap();
    act(&mut m, Action::Enter);
    act(&mut m, Action::Enter);
    let makers = &m.doc.as_ref().unwrap().loaded.assessment.meta.decision_makers;
    assert_eq!(makers, &["Board; finance".to_string(), "Ute Weber, CFO".to_string()]);
    assert_eq!(m.doc.as_ref().unwrap().about_focus, 6, "Enter on an empty entry moves on");
    check_invariants(&m).unwrap();
    let screen = screen_text(&render(&mut m, 80, 24));
    assert!(screen.contains("Board; finance · Ute Weber, CFO"), "{screen}");
}
