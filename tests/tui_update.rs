//! `update()` on the start screen, About and the question screens, and the navigation that
//! works everywhere: one way to choose, the next-step key, the step rail, returning, messages.

#[path = "common/tui.rs"]
mod support;

use meetcheck::domain::narrowing::AnswerId;
use meetcheck::domain::scenario::{OrgType, ProtectionNeed, Step, TransferStance};
use meetcheck::i18n::{Lang, k};
use meetcheck::tui::app::{
    self, Action, DecisionState, Effect, Model, Msg, Overlay, SaveSummary, check_invariants, update,
};
use meetcheck::tui::doc::NoteArg;
use meetcheck::tui::editor::{AboutField, TextField};
use meetcheck::tui::questions::{Question, Row};
use meetcheck::tui::screen::Screen;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use support::*;

fn past_about(title: &str) -> Model {
    let mut m = with_new_assessment(Lang::De);
    type_text(&mut m, title);
    next_step(&mut m);
    m
}

/// The row under the cursor on a question screen.
fn row(m: &Model) -> Row {
    match &m.screen {
        Screen::Scenario(s) => s.current_row(m.doc.as_ref().unwrap()).unwrap(),
        _ => panic!("not a question screen"),
    }
}

/// The row under the cursor is a chosen option.
fn row_is_chosen(m: &Model) -> bool {
    match row(m) {
        Row::Choice { question, option } => {
            question.is_selected(option, m.doc.as_ref().unwrap().scenario())
        }
        Row::Text { .. } => false,
    }
}

fn scenario(m: &Model) -> &meetcheck::domain::scenario::Scenario {
    m.doc.as_ref().unwrap().scenario()
}

#[test]
fn about_requires_a_title_and_says_so() {
    let mut m = with_new_assessment(Lang::En);
    for _ in 0..8 {
        act(&mut m, Action::Enter);
    }
    assert_eq!(step(&m), Step::About, "no title: stays");
    let note = m.notes.current.as_ref().expect("says what is missing");
    assert!(note.error && note.args[0].1 == NoteArg::Worded(k::UI_MISSING_TITLE));
    assert_eq!(m.editing(), Some(TextField::About(AboutField::Title)), "focus back on the title");
    type_text(&mut m, "Team meetings");
    assert_eq!(next_step(&mut m), Effect::Save, "every step saves");
    assert_eq!(step(&m), Step::Organisation);
    assert_eq!(m.doc.as_ref().unwrap().loaded.assessment.meta.title, "Team meetings");
}

#[test]
fn text_fields_take_every_printable_key_and_paste() {
    let mut m = with_new_assessment(Lang::De);
    type_text(&mut m, "q?jk ");
    update(&mut m, Msg::Paste("Größe\r\n会議 🎓".into()));
    let title = &m.doc.as_ref().unwrap().loaded.assessment.meta.title;
    assert_eq!(title, "q?jk Größe 会議 🎓");
    let keys = app::keys(&m);
    assert!(keys.text);
    let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
    assert_eq!(keys.action_for(q), None, "q is text here");
    assert!(m.dirty());
}

#[test]
fn leaving_a_changed_text_field_saves() {
    let mut m = with_new_assessment(Lang::De);
    assert_eq!(act(&mut m, Action::Down), Effect::None, "unchanged field: nothing to save");
    type_text(&mut m, "Verein");
    assert_eq!(act(&mut m, Action::Down), Effect::Save);
    assert_eq!(m.doc.as_ref().unwrap().loaded.assessment.meta.organisation, "Verein");
}

#[test]
fn enter_on_untouched_steps_accepts_the_defaults() {
    let mut m = past_about("Defaults");
    let before = scenario(&m).clone();
    for expected in [Step::People, Step::Data, Step::Transfers, Step::Participation, Step::Results]
    {
        assert_eq!(next_step(&mut m), Effect::Save);
        assert_eq!(step(&m), expected);
    }
    assert_eq!(scenario(&m), &before);
    assert!(m.doc.as_ref().unwrap().loaded.assessment.history.is_empty());
}

#[test]
fn enter_and_the_cursor_never_change_an_answer_space_does() {
    let mut m = past_about("Schule");
    act(&mut m, Action::Down);
    act(&mut m, Action::Down);
    act(&mut m, Action::Enter);
    assert_eq!(scenario(&m).org_type, OrgType::Company, "Enter took nothing");
    assert!(m.doc.as_ref().unwrap().loaded.assessment.history.is_empty());
    assert_eq!(step(&m), Step::Organisation, "Enter goes to the next question, not the next step");
    assert_eq!(row(&m).question(), Question::PublicBody);
    assert!(row_is_chosen(&m), "on the chosen answer of the next question");
    // Space picks.
    act(&mut m, Action::PrevField);
    act(&mut m, Action::Down);
    act(&mut m, Action::Down);
    act(&mut m, Action::Space);
    let a = &m.doc.as_ref().unwrap().loaded.assessment;
    assert_eq!(a.scenario.org_type, OrgType::School);
    assert_eq!(a.history.len(), 1);
    use meetcheck::domain::answer_value::AnswerValue;
    let change = (&a.history[0].old, &a.history[0].new);
    assert_eq!(
        change,
        (&AnswerValue::OrgType(OrgType::Company), &AnswerValue::OrgType(OrgType::School))
    );
    // Enter from the last question goes on to the next step, again without changing anything.
    let before = scenario(&m).clone();
    next_step(&mut m);
    assert_eq!(step(&m), Step::People);
    assert_eq!(scenario(&m), &before);
}

#[test]
fn tab_lands_on_the_chosen_answer_of_the_next_question() {
    let mut m = past_about("Tab");
    act(&mut m, Action::Down);
    act(&mut m, Action::Down);
    act(&mut m, Action::Space); // school, and on to the next question
    assert_eq!(row(&m).question(), Question::PublicBody);
    assert!(row_is_chosen(&m));
    act(&mut m, Action::PrevField);
    assert_eq!(row(&m).question(), Question::OrgType);
    assert!(row_is_chosen(&m), "on “school”, not the first option");
    act(&mut m, Action::NextField);
    assert_eq!(row(&m).question(), Question::PublicBody);
    assert!(row_is_chosen(&m));
    act(&mut m, Action::PrevField);
    // Tab + Enter changes nothing (it used to set an answer).
    let before = scenario(&m).clone();
    act(&mut m, Action::NextField);
    act(&mut m, Action::Enter);
    assert_eq!(scenario(&m), &before);
}

#[test]
fn esc_goes_back_and_keeps_the_answers() {
    let mut m = past_about("Zurück");
    act(&mut m, Action::Down);
    act(&mut m, Action::Space);
    next_step(&mut m);
    assert_eq!(step(&m), Step::People);
    act(&mut m, Action::Back);
    assert_eq!(step(&m), Step::Organisation);
    assert_eq!(scenario(&m).org_type, OrgType::PublicBody);
    act(&mut m, Action::Back);
    assert_eq!(step(&m), Step::About);
    assert_eq!(act(&mut m, Action::Back), Effect::ListSaves);
    assert!(matches!(m.screen, Screen::Start(_)));
    assert_eq!(m.doc.as_ref().unwrap().loaded.assessment.meta.title, "Zurück");
}

#[test]
fn lowering_the_protection_need_needs_reason_and_person() {
    let mut m = past_about("Schutzbedarf");
    next_step(&mut m);
    next_step(&mut m);
    assert_eq!(step(&m), Step::Data);
    // Special categories (third data option) → very high is proposed.
    act(&mut m, Action::Down);
    act(&mut m, Action::Down);
    act(&mut m, Action::Space);
    assert_eq!(scenario(&m).proposed_protection().0, ProtectionNeed::VeryHigh);
    // Protection need: Tab lands on the proposal; two up is "normal".
    act(&mut m, Action::NextField);
    act(&mut m, Action::Up);
    act(&mut m, Action::Up);
    act(&mut m, Action::Space);
    assert!(scenario(&m).protection_lowered());
    assert_eq!(m.editing(), Some(TextField::LoweringReason), "Space goes on to the reason");
    // Enter through the rest of the step: the step refuses to end and puts the cursor back.
    for _ in 0..20 {
        act(&mut m, Action::Enter);
        if m.notes.current.as_ref().is_some_and(|n| n.key == k::UI_NOTE_MISSING) {
            break;
        }
    }
    assert_eq!(step(&m), Step::Data, "reason missing: stays");
    assert_eq!(m.editing(), Some(TextField::LoweringReason), "cursor in the reason field");
    type_text(&mut m, "Nur Terminabsprachen");
    act(&mut m, Action::Down);
    type_text(&mut m, "Dr. Weiß");
    next_step(&mut m);
    assert_eq!(step(&m), Step::Transfers);
    let s = scenario(&m);
    assert_eq!(s.protection_lowered_reason, "Nur Terminabsprachen");
    assert_eq!(s.protection_risk_accepted_by, "Dr. Weiß");
}

#[test]
fn the_panel_diff_names_what_came_back_and_what_went() {
    let mut m = past_about("Panel");
    for _ in 0..3 {
        next_step(&mut m);
    }
    assert_eq!(step(&m), Step::Transfers);
    let catalog = m.env.catalog.as_ref().unwrap();
    // The stand-in knocks out every offering at an even position under "EU only".
    let even: Vec<String> = catalog.offerings.iter().step_by(2).map(|o| o.id.clone()).collect();
    act(&mut m, Action::Down);
    act(&mut m, Action::Space);
    let doc = m.doc.as_ref().unwrap();
    assert_eq!(doc.scenario().transfer_stance, TransferStance::Adequacy);
    let change = doc.last_change.as_ref().unwrap();
    assert_eq!(change.brought_back, even);
    assert!(change.knocked_out.is_empty());
    act(&mut m, Action::PrevField);
    act(&mut m, Action::Up);
    act(&mut m, Action::Space);
    let change = m.doc.as_ref().unwrap().last_change.as_ref().unwrap();
    assert_eq!(change.knocked_out, even);
}

#[test]
fn the_panel_hides_and_the_count_stays_in_view() {
    let mut m = past_about("Panel");
    let text = screen_text(&render(&mut m, 80, 24));
    assert!(text.contains("Angebote"), "{text}");
    act(&mut m, Action::TogglePanel);
    assert!(m.panel_hidden);
    let text = screen_text(&render(&mut m, 80, 24));
    assert!(text.contains("von"), "the count moves under the questions:\n{text}");
}

#[test]
fn statutory_insurance_is_asked_only_in_health_care() {
    let mut m = past_about("Praxis");
    for _ in 0..5 {
        act(&mut m, Action::Down);
    }
    act(&mut m, Action::Space); // health care
    for _ in 0..4 {
        next_step(&mut m);
    }
    assert_eq!(step(&m), Step::Participation);
    let Screen::Scenario(s) = &m.screen else { panic!() };
    assert!(
        s.rows(m.doc.as_ref().unwrap())
            .iter()
            .any(|r| r.question() == Question::StatutoryInsurance)
    );
}

#[test]
fn the_next_step_key_works_on_every_screen_also_inside_text() {
    let mut m = with_new_assessment(Lang::De);
    type_text(&mut m, "Strg+N");
    let ctrl_n = KeyEvent::new(KeyCode::Char('n'), KeyModifiers::CONTROL);
    assert_eq!(app::keys(&m).action_for(ctrl_n), Some(Action::NextStep), "inside a text field");
    for expected in [
        Step::Organisation,
        Step::People,
        Step::Data,
        Step::Transfers,
        Step::Participation,
        Step::Results,
        Step::Decision,
        Step::Checklist,
        Step::Review,
    ] {
        assert_eq!(app::keys(&m).action_for(ctrl_n), Some(Action::NextStep));
        act(&mut m, Action::NextStep);
        assert_eq!(step(&m), expected);
        check_invariants(&m).unwrap();
    }
    assert!(
        m.doc.as_ref().unwrap().loaded.assessment.decision.is_none(),
        "passing by decides nothing"
    );
    // From the last step: done, back to the start screen.
    assert_eq!(act(&mut m, Action::NextStep), Effect::ListSaves);
    assert!(matches!(m.screen, Screen::Start(_)));
}

#[test]
fn the_next_step_key_still_asks_for_what_is_missing() {
    let mut m = with_new_assessment(Lang::En);
    act(&mut m, Action::NextStep);
    assert_eq!(step(&m), Step::About);
    assert_eq!(m.notes.current.as_ref().unwrap().args[0].1, NoteArg::Worded(k::UI_MISSING_TITLE));
}

#[test]
fn ctrl_g_goes_to_any_step_and_the_rail_marks_them() {
    let mut m = past_about("Schienen");
    act(&mut m, Action::GoTo);
    assert!(matches!(m.overlay, Some(Overlay::Steps { .. })));
    act(&mut m, Action::Digit(6));
    assert_eq!(step(&m), Step::Participation);
    assert!(m.overlay.is_none());
    let text = screen_text(&render(&mut m, 80, 24));
    let rail = text.lines().nth(1).unwrap();
    assert!(rail.contains("✓1") && rail.contains("✓2") && rail.contains("▶6"), "{rail}");
    assert!(rail.contains("·7"), "{rail}");
    act(&mut m, Action::GoTo);
    act(&mut m, Action::Up);
    act(&mut m, Action::Enter);
    assert_eq!(step(&m), Step::Transfers);
}

#[test]
fn the_rail_marks_a_step_that_needs_attention() {
    let mut m = past_about("Achtung");
    m.doc.as_mut().unwrap().loaded.assessment.meta.title.clear();
    let text = screen_text(&render(&mut m, 80, 24));
    assert!(text.lines().nth(1).unwrap().contains("▲1"), "{text}");
    // Going on past it is refused: back to the title, saying what is missing.
    act(&mut m, Action::GoTo);
    act(&mut m, Action::Digit(5));
    assert_eq!(step(&m), Step::About);
    assert_eq!(m.notes.current.as_ref().unwrap().args[0].1, NoteArg::Worded(k::UI_MISSING_TITLE));
}

#[test]
fn help_opens_anywhere_scrolls_and_esc_closes_it() {
    let mut m = past_about("Hilfe");
    act(&mut m, Action::Help);
    assert!(matches!(m.overlay, Some(Overlay::Help { .. })));
    let cursor = row(&m);
    act(&mut m, Action::Down);
    assert_eq!(row(&m), cursor, "keys do not reach the screen beneath");
    assert_eq!(m.overlay, Some(Overlay::Help { scroll: 1 }));
    act(&mut m, Action::Back);
    assert!(m.overlay.is_none());
    assert_eq!(step(&m), Step::Organisation, "Esc closed the help, not the step");
}

#[test]
fn messages_wrap_and_stay_in_the_log() {
    let mut m = with_new_assessment(Lang::En);
    type_text(&mut m, "Log");
    update(&mut m, Msg::Saved(Err("disk full while writing a very long path /home/someone/.local/share/meetcheck/saves/log-abc123.ron".into())));
    update(&mut m, Msg::Saved(Ok("/saves/log-abc123.ron".into())));
    assert_eq!(m.notes.log.len(), 2);
    let text = screen_text(&render(&mut m, 80, 24));
    assert!(text.contains("Saved: /saves/log-abc123.ron"), "{text}");
    act(&mut m, Action::Log);
    let text = screen_text(&render(&mut m, 80, 24));
    assert!(text.contains("disk full"), "the earlier message is in the log:\n{text}");
    assert!(!text.contains("disk full while writing a very long path /home/someone/.local/share/meetcheck/saves/log-abc123.ron "), "wrapped");
    act(&mut m, Action::Log);
    assert!(m.overlay.is_none());
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
    let note = m.notes.current.as_ref().unwrap();
    assert!(note.error && note.args[0].1 == NoteArg::Text("disk full".into()));
    // Quitting: q asks the shell to save; a failure keeps the wizard open, q again quits.
    act(&mut m, Action::Back);
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
fn too_small_still_quits() {
    let mut m = with_new_assessment(Lang::De);
    update(&mut m, Msg::Resize(40, 10));
    assert!(m.too_small());
    let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
    assert_eq!(app::keys(&m).action_for(q), Some(Action::Quit));
    assert_eq!(act(&mut m, Action::Quit), Effect::Quit { force: false });
}

fn save(title: &str, org: &str, step: Step, decision: DecisionState) -> SaveSummary {
    let a =
        meetcheck::domain::assessment::Assessment::new("x".into(), title.into(), now(), "e".into());
    let mut s = SaveSummary::of(format!("/saves/{title}.ron"), &a, None, None);
    s.organisation = org.into();
    s.step = step;
    s.decision = decision;
    s
}

#[test]
fn the_start_screen_opens_creates_copies_deletes_exports_and_filters() {
    let mut m = model(Lang::En);
    update(
        &mut m,
        Msg::SavesListed(vec![
            save("Video counselling", "Beratung Nord", Step::Data, DecisionState::None),
            save("Parents' evenings", "Grundschule Süd", Step::Review, DecisionState::Draft),
        ]),
    );
    assert_eq!(act(&mut m, Action::Enter), Effect::Open("/saves/Video counselling.ron".into()));
    act(&mut m, Action::Down);
    assert_eq!(act(&mut m, Action::Copy), Effect::Copy("/saves/Parents' evenings.ron".into()));
    assert_eq!(
        act(&mut m, Action::Export(meetcheck::export::Kind::Record)),
        Effect::ExportSaved("/saves/Parents' evenings.ron".into(), meetcheck::export::Kind::Record)
    );
    // Delete asks first; anything but y keeps it.
    assert_eq!(act(&mut m, Action::Delete), Effect::None);
    assert_eq!(act(&mut m, Action::No), Effect::None);
    act(&mut m, Action::Delete);
    assert_eq!(act(&mut m, Action::Yes), Effect::Delete("/saves/Parents' evenings.ron".into()));
    assert_eq!(act(&mut m, Action::New), Effect::New);
    // "/" filters by title or organisation.
    act(&mut m, Action::Filter);
    type_text(&mut m, "süd");
    act(&mut m, Action::Enter);
    assert_eq!(act(&mut m, Action::Enter), Effect::Open("/saves/Parents' evenings.ron".into()));
    act(&mut m, Action::Back);
    act(&mut m, Action::Browse);
    assert!(matches!(m.screen, Screen::Catalog(_)));
    act(&mut m, Action::Enter);
    act(&mut m, Action::Back);
    act(&mut m, Action::Back);
    assert!(matches!(m.screen, Screen::Start(_)));
}

#[test]
fn the_start_screen_shows_with_no_saves_and_returns_to_the_assessment_left() {
    let mut m = model(Lang::De);
    update(&mut m, Msg::SavesListed(vec![]));
    let text = screen_text(&render(&mut m, 80, 24));
    assert!(text.contains("Noch keine gespeicherte Bewertung"), "{text}");
    assert!(footer(&mut m, 80, 24).contains("n neu"), "n for a new one in the footer");

    let mut m = with_new_assessment(Lang::De);
    type_text(&mut m, "Zweite");
    update(&mut m, Msg::Saved(Ok("/saves/zweite.ron".into())));
    act(&mut m, Action::Back);
    let listed = vec![
        save("Erste", "", Step::Data, DecisionState::None),
        SaveSummary {
            target: "/saves/zweite.ron".into(),
            ..save("Zweite", "", Step::About, DecisionState::None)
        },
    ];
    update(&mut m, Msg::SavesListed(listed));
    let Screen::Start(s) = &m.screen else { panic!() };
    assert_eq!(s.cursor, 1, "on the assessment just left");
    act(&mut m, Action::Enter);
    assert_eq!(step(&m), Step::About, "back into the open one, not loaded again");
}

#[test]
fn every_binding_the_footer_shows_is_handled() {
    let mut models = vec![model(Lang::De), with_new_assessment(Lang::De), past_about("x")];
    let mut m = past_about("y");
    act(&mut m, Action::Help);
    models.push(m);
    for m in &mut models {
        let keys = app::keys(m);
        for b in meetcheck::tui::view::footer_bindings(m, 80) {
            for (code, mods, action) in &b.presses {
                assert_eq!(
                    keys.action_for(KeyEvent::new(*code, *mods)),
                    Some(*action),
                    "{:?}",
                    b.keys
                );
            }
        }
    }
}

#[test]
fn no_key_is_bound_twice_on_any_screen() {
    let mut models = vec![model(Lang::De), with_new_assessment(Lang::De)];
    for s in [
        Step::Organisation,
        Step::Data,
        Step::Results,
        Step::Decision,
        Step::Checklist,
        Step::Review,
    ] {
        models.push(at_step(Lang::En, s));
    }
    for m in &models {
        let mut seen = std::collections::HashSet::new();
        for (code, mods, _) in app::keys(m).bindings.into_iter().flat_map(|b| b.presses) {
            assert!(seen.insert((code, mods)), "{:?}: {code:?} {mods:?} bound twice", m.step());
        }
    }
}

#[test]
fn german_question_screens_show_esc_back_and_the_next_step_key() {
    let mut m = past_about("Fußzeile");
    let footer = footer(&mut m, 80, 24);
    for hint in
        ["Leertaste wählen", "Enter weiter", "Esc zurück", "Strg+N nächster Schritt", "? Hilfe"]
    {
        assert!(footer.contains(hint), "{hint} missing: {footer}");
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
    let _ = AnswerId::ALL;
}

#[test]
fn ctrl_k_saves_a_copy_and_the_note_names_it() {
    let mut m = past_about("Kopie");
    assert_eq!(act(&mut m, Action::SaveCopy), Effect::SaveCopy);
    update(&mut m, Msg::SavedAsCopy { path: "/saves/kopie-abc123.ron".into(), reason: None });
    assert!(!m.dirty());
    let note = m.notes.current.as_ref().unwrap();
    assert!(!note.error && note.key == k::UI_NOTE_SAVED_COPY, "{note:?}");
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
    let note = m.notes.current.clone().unwrap();
    assert!(note.error && note.key == k::UI_NOTE_SAVED_COPY_AUTO, "{note:?}");
    assert!(m.copy_advised(), "the footer offers Ctrl+K first");
    assert!(footer(&mut m, 80, 24).contains("Strg+K"), "{}", footer(&mut m, 80, 24));
    act(&mut m, Action::Down);
    assert_eq!(m.notes.current, Some(note), "moving does not hide it");
}

#[test]
fn ctrl_k_works_wherever_ctrl_s_does() {
    let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
    let mut models = vec![model(Lang::De), with_new_assessment(Lang::De), past_about("k")];
    for s in [Step::Results, Step::Decision, Step::Checklist, Step::Review] {
        models.push(at_step(Lang::En, s));
    }
    for m in &models {
        let keys = app::keys(m);
        let save = keys.action_for(ctrl('s'));
        let copy = keys.action_for(ctrl('k'));
        assert_eq!(save.is_some(), copy == Some(Action::SaveCopy), "{:?}", m.step());
    }
}

#[test]
fn a_long_note_wraps_in_full_instead_of_being_cut() {
    let mut m = past_about("Lang");
    let error = "/home/someone/.local/share/meetcheck/saves/a-very-long-name-abc123.ron has \
                 changed since it was opened (by another meetcheck or by hand). Nothing was \
                 overwritten. Here is what to do about it, at the very end of the message.";
    update(&mut m, Msg::Saved(Err(error.into())));
    let text = screen_text(&render(&mut m, 80, 24));
    let squeezed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(squeezed.contains("at the very end of the message."), "{text}");
    assert!(!text.contains('…'), "nothing cut:\n{text}");
}

#[test]
fn the_number_of_participants_is_typed_narrows_at_once_and_is_required() {
    let mut m = past_about("Zahlen");
    next_step(&mut m);
    assert_eq!(step(&m), Step::People);
    act(&mut m, Action::NextField);
    act(&mut m, Action::NextField);
    assert_eq!(m.editing(), Some(TextField::LargestMeeting));
    for _ in 0..3 {
        update(&mut m, Msg::Edit(key(KeyCode::Backspace)));
    }
    type_text(&mut m, "x150");
    let a = &m.doc.as_ref().unwrap().loaded.assessment;
    assert_eq!(a.scenario.largest_meeting, 150, "digits only");
    assert_eq!(a.history.last().unwrap().answer, AnswerId::Size, "recorded like a choice");
    for _ in 0..3 {
        update(&mut m, Msg::Edit(key(KeyCode::Backspace)));
    }
    assert_eq!(m.doc.as_ref().unwrap().scenario().largest_meeting, 0);
    act(&mut m, Action::NextStep);
    assert_eq!(step(&m), Step::People, "no number: stays");
    assert_eq!(
        m.notes.current.as_ref().unwrap().args[0].1,
        NoteArg::Worded(k::UI_MISSING_LARGEST_MEETING)
    );
    assert_eq!(m.editing(), Some(TextField::LargestMeeting), "the focus is on it");
}

#[test]
fn decision_makers_are_entered_as_a_list_and_keep_their_semicolons() {
    let mut m = with_new_assessment(Lang::En);
    type_text(&mut m, "Meetings");
    // Title, organisation, controller, DPO, assessors: on to the decision-makers.
    for _ in 0..5 {
        act(&mut m, Action::NextField);
    }
    assert_eq!(m.editing(), Some(TextField::About(AboutField::DecisionMakers)));
    type_text(&mut m, "Board; finance");
    assert!(footer(&mut m, 80, 24).contains("Enter next name"), "the footer says what Enter does");
    act(&mut m, Action::Enter);
    assert_eq!(
        m.editing(),
        Some(TextField::About(AboutField::DecisionMakers)),
        "Enter after a name stays for the next"
    );
    type_text(&mut m, "Ute Weber");
    act(&mut m, Action::Enter);
    // An empty line: Backspace goes back to the name before, and it can be corrected.
    update(&mut m, Msg::Edit(key(KeyCode::Backspace)));
    update(&mut m, Msg::Edit(key(KeyCode::Backspace)));
    type_text(&mut m, "r, CFO");
    check_invariants(&m).unwrap();
    act(&mut m, Action::Enter);
    act(&mut m, Action::Enter);
    let makers = &m.doc.as_ref().unwrap().loaded.assessment.meta.decision_makers;
    assert_eq!(makers, &["Board; finance".to_string(), "Ute Weber, CFO".to_string()]);
    assert_eq!(
        m.editing(),
        Some(TextField::About(AboutField::Consulted)),
        "Enter on an empty line moves on"
    );
    check_invariants(&m).unwrap();
    let screen = screen_text(&render(&mut m, 80, 24));
    assert!(screen.contains("Board; finance"), "{screen}");
    assert!(screen.contains("Ute Weber, CFO"), "{screen}");
}
