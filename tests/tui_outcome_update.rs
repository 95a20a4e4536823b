//! `update()` on results, decision, checklist and review: panes, comparison, taking the decision
//! (override and status checks, the snapshot), the checklist form, exports as effects, and what a
//! changed answer does to a decision already taken.

#[path = "common/tui.rs"]
mod support;

use meetcheck::domain::assessment::{Status, TodoStatus};
use meetcheck::domain::narrowing::AnswerId;
use meetcheck::domain::scenario::{AttentionTracking, Step};
use meetcheck::domain::todos::TodoId;
use meetcheck::export::Kind;
use meetcheck::i18n::Lang;
use meetcheck::tui::app::{Action, Effect, Model, Msg, NoteArg, check_invariants, update};
use meetcheck::tui::keymap::{self, Mode};
use meetcheck::tui::outcome::{self, DecisionRow, ItemRow, Pane};
use meetcheck::tui::questions::{self, Question, Row};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use support::*;

fn step(m: &Model) -> Step {
    m.doc.as_ref().unwrap().step()
}

/// A new assessment with the real narrowing, Enter through every scenario step to `to`.
fn at(to: Step) -> Model {
    at_with(to, |_| {})
}

/// Like [`at`], with the answers changed by `answer` before the steps are walked.
fn at_with(to: Step, answer: impl Fn(&mut meetcheck::domain::scenario::Scenario)) -> Model {
    let mut m = with_new_assessment_real(Lang::En);
    answer(&mut m.doc.as_mut().unwrap().loaded.assessment.scenario);
    // The catalogue arriving (again) narrows the changed answers.
    update(&mut m, Msg::CatalogLoaded(Box::new(catalog())));
    type_text(&mut m, "Counselling by video");
    act(&mut m, Action::NextField);
    for _ in 0..8 {
        act(&mut m, Action::NextField);
    }
    while step(&m) < to {
        if step(&m) == Step::Decision {
            focus_decision_row(&mut m, DecisionRow::Take);
        }
        if step(&m) == Step::Checklist {
            // To the last row, "continue".
            for _ in 0..40 {
                act(&mut m, Action::Down);
            }
        }
        act(&mut m, Action::Enter);
    }
    check_invariants(&m).unwrap();
    m
}

fn focus_decision_row(m: &mut Model, row: DecisionRow) {
    for _ in 0..30 {
        let doc = m.doc.as_ref().unwrap();
        let rows = outcome::decision_rows(doc);
        if rows.get(doc.outcome.decision.focus) == Some(&row) {
            return;
        }
        let up = rows.iter().position(|r| *r == row).unwrap() < doc.outcome.decision.focus;
        act(m, if up { Action::Up } else { Action::Down });
    }
    panic!("row {row:?} not reached");
}

fn pane(m: &Model) -> Pane {
    m.doc.as_ref().unwrap().outcome.results.pane
}

fn note_what(m: &Model) -> meetcheck::i18n::Key {
    let note = m.note.as_ref().expect("a note");
    assert!(note.error, "an error note: {note:?}");
    match note.args.first() {
        Some((_, NoteArg::Worded(key))) => *key,
        other => panic!("what is missing, as a text: {other:?}"),
    }
}

#[test]
fn tab_and_shift_tab_cycle_the_panes() {
    let mut m = at(Step::Results);
    assert_eq!(keymap::mode(&m), Mode::Results);
    assert_eq!(pane(&m), Pane::Ranked);
    let mut seen = vec![];
    for _ in 0..4 {
        act(&mut m, Action::NextField);
        seen.push(pane(&m));
    }
    assert_eq!(seen, [Pane::Excluded, Pane::Detail, Pane::WhatIf, Pane::Ranked]);
    act(&mut m, Action::PrevField);
    assert_eq!(pane(&m), Pane::WhatIf);
    let key = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(keymap::action_for(Mode::Results, key), Some(Action::PrevField));
}

#[test]
fn space_chooses_up_to_three_offerings_for_the_comparison() {
    // Transfers under SCC allowed: enough offerings remain to try a fourth.
    let mut m = at_with(Step::Results, |s| {
        s.transfer_stance = meetcheck::domain::scenario::TransferStance::SccWithTia;
    });
    let ranked: Vec<String> = m.doc.as_ref().unwrap().shortlist.as_ref().unwrap().ranked[..4]
        .iter()
        .map(|e| e.offering.clone())
        .collect();
    act(&mut m, Action::Space);
    assert!(
        !outcome::panes(m.doc.as_ref().unwrap()).contains(&Pane::Compare),
        "one is no comparison"
    );
    for _ in 0..3 {
        act(&mut m, Action::Down);
        act(&mut m, Action::Space);
    }
    let compare = &m.doc.as_ref().unwrap().outcome.results.compare;
    assert_eq!(compare, &ranked[..3], "the fourth is refused");
    let note = m.note.as_ref().unwrap();
    assert_eq!(note.key, meetcheck::i18n::k::UI_RESULTS_COMPARE_FULL);
    assert_eq!(note.args, [("n", NoteArg::Text("3".into()))]);
    // Space on a chosen one takes it out again.
    act(&mut m, Action::Up);
    act(&mut m, Action::Space);
    assert_eq!(m.doc.as_ref().unwrap().outcome.results.compare, [&ranked[0][..], &ranked[1][..]]);
    let panes = outcome::panes(m.doc.as_ref().unwrap());
    assert!(panes.contains(&Pane::Compare), "two offerings: the comparison pane is there");
    while pane(&m) != Pane::Compare {
        act(&mut m, Action::NextField);
    }
    let text = screen_text(&render(&mut m, 80, 24));
    let name = |id: &str| {
        let c = m.catalog.as_ref().unwrap();
        m.texts.pick(&c.offering(id).unwrap().name).to_string()
    };
    for id in &ranked[..2] {
        let shown: String = name(id).chars().take(8).collect();
        assert!(text.contains(&shown), "{shown} in\n{text}");
    }
    check_invariants(&m).unwrap();
}

#[test]
fn e_writes_the_record_from_results_and_review_n_and_r_the_drafts() {
    let mut m = at(Step::Results);
    let e = KeyEvent::new(KeyCode::Char('e'), KeyModifiers::NONE);
    assert_eq!(keymap::action_for(Mode::Results, e), Some(Action::Export(Kind::Record)));
    assert_eq!(act(&mut m, Action::Export(Kind::Record)), Effect::Export(Kind::Record));
    let mut m = at(Step::Review);
    assert_eq!(keymap::mode(&m), Mode::Review);
    for (c, kind) in [('e', Kind::Record), ('n', Kind::Notice), ('r', Kind::Ropa)] {
        let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        let action = keymap::action_for(Mode::Review, key).unwrap();
        assert_eq!(act(&mut m, action), Effect::Export(kind));
    }
    update(&mut m, Msg::Exported(Ok("/tmp/x/counselling-by-video-decision-record.md".into())));
    let note = m.note.as_ref().unwrap();
    assert!(
        !note.error
            && matches!(&note.args[0].1, NoteArg::Text(path) if path.ends_with("decision-record.md"))
    );
    assert_eq!(m.doc.as_ref().unwrap().outcome.review.written.len(), 1);
    update(&mut m, Msg::Exported(Err("permission denied".into())));
    assert!(m.note.as_ref().unwrap().error);
}

#[test]
fn taking_the_decision_freezes_a_snapshot_of_the_top_ranked_offering() {
    let mut m = at(Step::Decision);
    let doc = m.doc.as_ref().unwrap();
    let top = doc.shortlist.as_ref().unwrap().ranked[0].offering.clone();
    assert_eq!(outcome::shown_chosen(doc).as_deref(), Some(top.as_str()), "preselected");
    assert!(doc.loaded.assessment.decision.is_none(), "nothing taken by looking");
    focus_decision_row(&mut m, DecisionRow::Take);
    assert_eq!(keymap::mode(&m), Mode::Form);
    assert_eq!(act(&mut m, Action::Enter), Effect::Save);
    assert_eq!(step(&m), Step::Checklist);
    let doc = m.doc.as_ref().unwrap();
    let d = doc.loaded.assessment.decision.as_ref().expect("taken");
    assert_eq!(d.chosen, top);
    assert_eq!(d.snapshot.taken_on, TODAY);
    assert_eq!(d.snapshot.catalog_edition, m.catalog.as_ref().unwrap().edition);
    assert_eq!(&d.snapshot.shortlist, doc.shortlist.as_ref().unwrap());
    assert_eq!(d.snapshot.scenario, doc.loaded.assessment.scenario);
    assert!(d.snapshot.offerings.iter().any(|o| o.id == top));
    assert!(!d.snapshot.todos.is_empty());
    assert!(!d.to_be_confirmed);
}

#[test]
fn choosing_an_excluded_offering_needs_a_reason_and_a_name() {
    let mut m = at(Step::Decision);
    // ← from the top-ranked wraps round to the last offering: an excluded one.
    act(&mut m, Action::Left);
    let doc = m.doc.as_ref().unwrap();
    let chosen = outcome::shown_chosen(doc).unwrap();
    assert!(outcome::excluded_now(doc, &chosen), "{chosen} is excluded");
    assert!(outcome::decision_rows(doc).contains(&DecisionRow::OverrideReason));
    let text = screen_text(&render(&mut m, 80, 24));
    assert!(text.contains("overrides these reasons"), "says plainly what is overridden:\n{text}");

    focus_decision_row(&mut m, DecisionRow::Take);
    act(&mut m, Action::Enter);
    assert_eq!(step(&m), Step::Decision, "stays");
    assert_eq!(note_what(&m), meetcheck::i18n::k::UI_DECISION_MISSING_OVERRIDE_REASON);
    assert_eq!(keymap::mode(&m), Mode::Editing, "the focus is in the reason field");
    type_text(&mut m, "Only this one works on the clinic's locked-down tablets");
    focus_decision_row(&mut m, DecisionRow::Take);
    act(&mut m, Action::Enter);
    assert_eq!(note_what(&m), meetcheck::i18n::k::UI_DECISION_MISSING_OVERRIDE_ACCEPTED_BY);
    type_text(&mut m, "Dr. Ada Roth");
    focus_decision_row(&mut m, DecisionRow::Take);
    act(&mut m, Action::Enter);
    assert_eq!(step(&m), Step::Checklist);
    let d = m.doc.as_ref().unwrap().loaded.assessment.decision.clone().unwrap();
    let o = d.override_.expect("the override is recorded");
    assert_eq!(o.accepted_by, "Dr. Ada Roth");
    assert!(o.reason.starts_with("Only this one"));
    assert!(d.snapshot.offerings.iter().any(|x| x.id == chosen), "the excluded one is copied");
}

#[test]
fn a_status_needs_a_named_decision_maker_and_then_a_rationale() {
    let mut m = at(Step::Decision);
    focus_decision_row(&mut m, DecisionRow::Status);
    assert_eq!(keymap::mode(&m), Mode::Selector);
    act(&mut m, Action::Space);
    act(&mut m, Action::Space);
    let status = m.doc.as_ref().unwrap().loaded.assessment.status.clone().unwrap();
    assert_eq!(status.status, Status::Accepted);
    focus_decision_row(&mut m, DecisionRow::Take);
    act(&mut m, Action::Enter);
    assert_eq!(note_what(&m), meetcheck::i18n::k::UI_DECISION_MISSING_RATIONALE);
    assert_eq!(keymap::mode(&m), Mode::MultiLine, "the rationale is multi-line");
    type_text(&mut m, "Hosted in Germany,");
    // Enter is a new line here, Esc leaves the field.
    let enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(keymap::action_for(Mode::MultiLine, enter), Some(Action::NewLine));
    act(&mut m, Action::NewLine);
    type_text(&mut m, "no US parent.");
    let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
    let leave = keymap::action_for(Mode::MultiLine, esc).unwrap();
    assert_eq!(act(&mut m, leave), Effect::Save, "leaving a changed field saves");
    assert_ne!(keymap::mode(&m), Mode::MultiLine);
    focus_decision_row(&mut m, DecisionRow::Take);
    act(&mut m, Action::Enter);
    assert_eq!(note_what(&m), meetcheck::i18n::k::UI_DECISION_MISSING_DECIDED_BY);
    type_text(&mut m, "Ute Weber");
    focus_decision_row(&mut m, DecisionRow::Take);
    act(&mut m, Action::Enter);
    assert_eq!(step(&m), Step::Checklist);
    let a = &m.doc.as_ref().unwrap().loaded.assessment;
    assert_eq!(a.decision.as_ref().unwrap().rationale, "Hosted in Germany,\nno US parent.");
    let status = a.status.as_ref().unwrap();
    assert_eq!(
        (status.status, status.by.as_str(), status.on),
        (Status::Accepted, "Ute Weber", TODAY)
    );
}

#[test]
fn the_dpo_opinion_and_one_approval_per_decision_maker_are_entered_on_the_decision_screen() {
    let mut m = at(Step::Decision);
    let rows = outcome::decision_rows(m.doc.as_ref().unwrap());
    assert!(!rows.iter().any(|r| matches!(r, DecisionRow::Approval(_))), "no decision-makers yet");
    let names = vec!["Ute Weber".to_string(), "Jonas Petersen; Vorstand".to_string()];
    m.doc.as_mut().unwrap().loaded.assessment.meta.decision_makers = names.clone();
    let rows = outcome::decision_rows(m.doc.as_ref().unwrap());
    let approvals: Vec<_> =
        rows.iter().filter(|r| matches!(r, DecisionRow::Approval(_))).copied().collect();
    assert_eq!(approvals, [DecisionRow::Approval(0), DecisionRow::Approval(1)]);

    focus_decision_row(&mut m, DecisionRow::DpoOpinion);
    assert_eq!(keymap::mode(&m), Mode::Editing);
    type_text(&mut m, "No objection if the order processing agreement is signed.");
    focus_decision_row(&mut m, DecisionRow::DpoName);
    type_text(&mut m, "Dr. Eva Brandt");
    focus_decision_row(&mut m, DecisionRow::DpoDate);
    type_text(&mut m, "2026-11-20");
    focus_decision_row(&mut m, DecisionRow::Approval(1));
    type_text(&mut m, "20.11.2026");
    act(&mut m, Action::Down);
    assert_eq!(
        m.note.as_ref().unwrap().key,
        meetcheck::i18n::k::UI_CHECKLIST_BAD_DATE,
        "dates are YYYY-MM-DD"
    );
    let rows = outcome::decision_rows(m.doc.as_ref().unwrap());
    let focus = m.doc.as_ref().unwrap().outcome.decision.focus;
    assert_eq!(rows[focus], DecisionRow::Approval(1), "stays in the date field");
    update(&mut m, Msg::Edit(tui_input::InputRequest::DeleteLine));
    type_text(&mut m, "2026-11-21");
    act(&mut m, Action::Down);
    let text = screen_text(&render(&mut m, 120, 30));
    assert!(text.contains("Approved by Jonas Petersen; Vorstand   2026-11-21"), "{text}");

    let a = &m.doc.as_ref().unwrap().loaded.assessment;
    assert_eq!(a.sign_off.dpo_opinion, "No objection if the order processing agreement is signed.");
    assert_eq!(a.sign_off.dpo_name, "Dr. Eva Brandt");
    assert_eq!(a.sign_off.dpo_date, Some(jiff::civil::Date::constant(2026, 11, 20)));
    assert_eq!(a.sign_off.approved("Ute Weber"), None);
    let one = "Jonas Petersen; Vorstand";
    assert_eq!(a.sign_off.approved(one), Some(jiff::civil::Date::constant(2026, 11, 21)));
    assert_eq!(a.meta.decision_makers, names, "a name with a semicolon stays one name");

    // More rows than the smallest screen has room for: the focused one stays in view.
    let more = ["Ines Vogt", "Kai Lorenz", "Mira Sander"].map(String::from);
    m.doc.as_mut().unwrap().loaded.assessment.meta.decision_makers.extend(more);
    focus_decision_row(&mut m, DecisionRow::Take);
    let text = screen_text(&render(&mut m, 60, 20));
    assert!(text.contains("▶ [ Take the decision"), "{text}");
    focus_decision_row(&mut m, DecisionRow::Chosen);
    let text = screen_text(&render(&mut m, 60, 20));
    assert!(text.contains("▶ Chosen offering"), "{text}");
    check_invariants(&m).unwrap();
}

#[test]
fn the_checklist_form_takes_owner_dates_and_refuses_a_bad_date() {
    let mut m = at(Step::Checklist);
    assert_eq!(keymap::mode(&m), Mode::ChecklistList);
    let catalog = m.catalog.clone();
    let rows = outcome::checklist_rows(m.doc.as_ref().unwrap(), catalog.as_ref());
    let outcome::ChecklistRow::Todo(first) = rows[0].clone() else { panic!("a to-do first") };
    assert!(first.precondition, "preconditions of use come first");
    let open = outcome::open_preconditions(m.doc.as_ref().unwrap(), catalog.as_ref());
    assert!(open > 0);
    assert_eq!(act(&mut m, Action::Space), Effect::Save);
    let item = &m.doc.as_ref().unwrap().loaded.assessment.checklist[&first.id];
    assert_eq!(item.status, TodoStatus::Done);
    assert_eq!(outcome::open_preconditions(m.doc.as_ref().unwrap(), catalog.as_ref()), open - 1);
    let text = screen_text(&render(&mut m, 80, 24));
    let n = (open - 1).to_string();
    assert!(text.contains(&format!("Ready for use: no – {n} preconditions open")), "{text}");

    act(&mut m, Action::Enter);
    assert_eq!(keymap::mode(&m), Mode::Selector, "the item's status row");
    act(&mut m, Action::Down);
    type_text(&mut m, "Ines Vogt");
    act(&mut m, Action::Down);
    type_text(&mut m, "2026-13-01");
    act(&mut m, Action::Down);
    assert_eq!(m.note.as_ref().unwrap().key, meetcheck::i18n::k::UI_CHECKLIST_BAD_DATE);
    let form = m.doc.as_ref().unwrap().outcome.checklist.item.as_ref().unwrap();
    assert_eq!(ItemRow::ALL[form.focus], ItemRow::Due, "stays in the date field");
    update(&mut m, Msg::Edit(tui_input::InputRequest::DeleteLine));
    type_text(&mut m, "2026-12-15");
    act(&mut m, Action::Down);
    act(&mut m, Action::Back);
    assert!(m.doc.as_ref().unwrap().outcome.checklist.item.is_none(), "Esc closes the item");
    let item = &m.doc.as_ref().unwrap().loaded.assessment.checklist[&first.id];
    assert_eq!(item.owner, "Ines Vogt");
    assert_eq!(item.due, Some(jiff::civil::Date::constant(2026, 12, 15)));
    check_invariants(&m).unwrap();
}

#[test]
fn enter_on_a_review_line_goes_to_its_step() {
    let mut m = at(Step::Review);
    let rows = outcome::review_rows(m.doc.as_ref().unwrap());
    let i = rows
        .iter()
        .position(|r| matches!(r, outcome::ReviewRow::Answer(AnswerId::TransferStance, _)))
        .unwrap();
    for _ in 0..i {
        act(&mut m, Action::Down);
    }
    act(&mut m, Action::Enter);
    assert_eq!(step(&m), Step::Transfers);
}

/// The Participation row that chooses `value` for attention tracking.
fn attention_row(m: &Model, value: AttentionTracking) -> usize {
    let rows = m.doc.as_ref().unwrap().rows();
    let option = AttentionTracking::ALL.iter().position(|v| *v == value).unwrap();
    let question = Question::AttentionTracking;
    rows.iter().position(|r| *r == Row::Choice { question, option }).unwrap()
}

#[test]
fn changing_an_answer_after_the_decision_asks_for_confirmation_and_keeps_old_todos() {
    // Attention tracking allowed: monitoring, so an impact assessment is needed.
    let mut m = at(Step::Participation);
    m.doc.as_mut().unwrap().cursor = attention_row(&m, AttentionTracking::Allowed);
    act(&mut m, Action::Space);
    while step(&m) < Step::Checklist {
        if step(&m) == Step::Decision {
            focus_decision_row(&mut m, DecisionRow::Take);
        }
        act(&mut m, Action::Enter);
    }
    let a = &m.doc.as_ref().unwrap().loaded.assessment;
    assert!(a.decision.as_ref().unwrap().snapshot.todos.iter().any(|t| t.id == TodoId::Dpia));
    let history_before = a.history.len();

    // Back to Participation: no attention tracking after all.
    while step(&m) > Step::Participation {
        act(&mut m, Action::Back);
    }
    m.doc.as_mut().unwrap().cursor = attention_row(&m, AttentionTracking::Prohibited);
    act(&mut m, Action::Space);
    let a = &m.doc.as_ref().unwrap().loaded.assessment;
    assert!(a.decision.as_ref().unwrap().to_be_confirmed, "to be confirmed again");
    assert_eq!(a.history.len(), history_before + 1);
    let change = a.history.last().unwrap();
    assert_eq!(change.answer, AnswerId::AttentionTracking);
    assert_ne!(change.old, change.new);
    let gone = &a.checklist[&TodoId::Dpia];
    assert_eq!(gone.no_longer_applies_since, Some(TODAY), "kept, marked");

    // The results and the checklist say so.
    act(&mut m, Action::Enter);
    assert_eq!(step(&m), Step::Results);
    assert!(outcome::panes(m.doc.as_ref().unwrap()).contains(&Pane::Changes));
    let text = screen_text(&render(&mut m, 80, 24));
    assert!(text.contains("confirm the decision again"), "{text}");
    while pane(&m) != Pane::Changes {
        act(&mut m, Action::NextField);
    }
    let text = screen_text(&render(&mut m, 80, 24));
    assert!(text.contains("Attention tracking:"), "what changed, old → new:\n{text}");
    act(&mut m, Action::Enter);
    act(&mut m, Action::Back);
    act(&mut m, Action::Enter);
    focus_decision_row(&mut m, DecisionRow::Take);
    let catalog = m.catalog.clone();
    let rows = outcome::checklist_rows(m.doc.as_ref().unwrap(), catalog.as_ref());
    assert!(rows.iter().any(|r| matches!(r, outcome::ChecklistRow::Gone(TodoId::Dpia, _))));
    // Taking the decision again confirms it.
    act(&mut m, Action::Enter);
    assert_eq!(step(&m), Step::Checklist);
    let a = &m.doc.as_ref().unwrap().loaded.assessment;
    assert!(!a.decision.as_ref().unwrap().to_be_confirmed);
    assert!(a.checklist.contains_key(&TodoId::Dpia), "never deleted");
    let rows = outcome::checklist_rows(m.doc.as_ref().unwrap(), catalog.as_ref());
    let gone = rows.iter().position(|r| matches!(r, outcome::ChecklistRow::Gone(..))).unwrap();
    for _ in 0..gone {
        act(&mut m, Action::Down);
    }
    let text = screen_text(&render(&mut m, 80, 24));
    assert!(text.contains("no longer applies since 2026-11-29"), "{text}");
}

#[test]
fn the_new_screens_have_their_own_help() {
    let mut m = at(Step::Results);
    act(&mut m, Action::Help);
    let text = screen_text(&render(&mut m, 80, 24));
    assert!(text.contains("meetcheck's lights"), "{text}");
    let _ = questions::rows;
}

#[test]
fn every_footer_hint_of_the_new_screens_is_handled_there() {
    let mut models =
        vec![at(Step::Results), at(Step::Decision), at(Step::Checklist), at(Step::Review)];
    let mut rationale = at(Step::Decision);
    focus_decision_row(&mut rationale, DecisionRow::Rationale);
    let mut item = at(Step::Checklist);
    act(&mut item, Action::Enter);
    let mut owner = at(Step::Checklist);
    act(&mut owner, Action::Enter);
    act(&mut owner, Action::Down);
    models.extend([rationale, item, owner]);
    let mut modes = std::collections::HashSet::new();
    for m in &mut models {
        let mode = keymap::mode(m);
        modes.insert(mode);
        let footer = screen_text(&render(m, 80, 24)).lines().last().unwrap().to_string();
        let bindings = keymap::bindings(mode);
        let shown: Vec<_> =
            bindings.iter().filter(|b| b.footer && footer.contains(m.texts.get(b.does))).collect();
        assert!(shown.len() >= 3, "{mode:?}: {footer}");
        for b in shown {
            for (code, mods, action) in &b.presses {
                let got = keymap::action_for(mode, KeyEvent::new(*code, *mods));
                assert_eq!(got, Some(*action), "{mode:?}: {footer}");
                // And the action does something defined on this screen: no panic, valid model.
                let mut copy = at(m.doc.as_ref().unwrap().step());
                if keymap::mode(&copy) == mode {
                    act(&mut copy, *action);
                    check_invariants(&copy).unwrap();
                }
            }
        }
    }
    for mode in [Mode::Results, Mode::Selector, Mode::MultiLine, Mode::ChecklistList, Mode::Review]
    {
        assert!(modes.contains(&mode), "{mode:?} covered");
    }
}
