//! `update()` on results, decision, checklist and review: a decision exists only when taken;
//! choosing works as on every question; the checklist's form, action plan and way on; review
//! lines go to the very field and Ctrl+R comes back; what-ifs are previewed, then taken over or
//! discarded; an exclusion leads to its answer.

#[path = "common/tui.rs"]
mod support;

use meetcheck::domain::assessment::{Status, TodoStatus};
use meetcheck::domain::narrowing::AnswerId;
use meetcheck::domain::scenario::{AttentionTracking, Step, TransferStance};
use meetcheck::domain::todos::TodoId;
use meetcheck::export::Kind;
use meetcheck::i18n::{Lang, k};
use meetcheck::tui::app::{self, Action, Effect, Model, Msg, check_invariants, update};
use meetcheck::tui::doc::NoteArg;
use meetcheck::tui::editor::TextField;
use meetcheck::tui::questions::{Question, Row};
use meetcheck::tui::screen::Screen;
use meetcheck::tui::screen::checklist::{self, ItemRow};
use meetcheck::tui::screen::decision::{self, Part};
use meetcheck::tui::screen::results::{self, Pane};
use meetcheck::tui::screen::review;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use support::*;

/// A new assessment (real narrowing) at `to`, with the answers changed by `answer` first.
fn at_with(to: Step, answer: impl Fn(&mut meetcheck::domain::scenario::Scenario)) -> Model {
    let mut m = with_new_assessment_real(Lang::En);
    answer(&mut m.doc.as_mut().unwrap().loaded.assessment.scenario);
    update(&mut m, Msg::CatalogLoaded(Box::new(catalog())));
    type_text(&mut m, "Counselling by video");
    while step(&m) < to {
        if step(&m) == Step::Checklist {
            act(&mut m, Action::NextStep);
        } else {
            next_step(&mut m);
        }
    }
    check_invariants(&m).unwrap();
    m
}

fn at(to: Step) -> Model {
    at_with(to, |_| {})
}

fn results_state(m: &Model) -> &results::State {
    match &m.screen {
        Screen::Results(s) => s,
        _ => panic!("not on the results"),
    }
}

fn decision_state(m: &Model) -> &decision::State {
    match &m.screen {
        Screen::Decision(s) => s,
        _ => panic!("not on the decision"),
    }
}

fn checklist_state(m: &Model) -> &checklist::State {
    match &m.screen {
        Screen::Checklist(s) => s,
        _ => panic!("not on the checklist"),
    }
}

fn part(m: &Model) -> Part {
    decision_state(m).row(m.doc.as_ref().unwrap()).unwrap().part()
}

/// Tab (or Shift+Tab) until the decision form is on `part`.
fn to_part(m: &mut Model, target: Part) {
    for action in [Action::NextField, Action::PrevField] {
        for _ in 0..30 {
            if part(m) == target {
                return;
            }
            act(m, action);
        }
    }
    panic!("{target:?} not reached");
}

fn note_what(m: &Model) -> meetcheck::i18n::Key {
    let note = m.notes.current.as_ref().expect("a note");
    assert!(note.error, "an error note: {note:?}");
    match note.args.first() {
        Some((_, NoteArg::Worded(key))) => *key,
        other => panic!("what is missing, as a text: {other:?}"),
    }
}

fn assessment(m: &Model) -> &meetcheck::domain::assessment::Assessment {
    &m.doc.as_ref().unwrap().loaded.assessment
}

#[test]
fn no_decision_without_take_the_decision() {
    let mut m = at(Step::Decision);
    // Another offering (an excluded one, at the end of the list), a rationale, a status; Esc.
    for _ in 0..60 {
        if part(&m) != Part::Chosen {
            act(&mut m, Action::Up);
            break;
        }
        act(&mut m, Action::Down);
    }
    act(&mut m, Action::Space);
    let chosen = decision::shown_draft(m.doc.as_ref().unwrap()).chosen;
    assert!(decision::excluded_now(m.doc.as_ref().unwrap(), &chosen), "{chosen} is excluded");
    to_part(&mut m, Part::Rationale);
    act(&mut m, Action::Space);
    type_text(&mut m, "Cheapest");
    act(&mut m, Action::Back);
    to_part(&mut m, Part::Status);
    act(&mut m, Action::Down);
    act(&mut m, Action::Space);
    act(&mut m, Action::Back);
    assert_eq!(step(&m), Step::Results);
    let a = assessment(&m);
    assert!(a.decision.is_none(), "leaving the form decides nothing");
    assert!(a.status.is_none(), "nor sets a status");
    let draft = a.draft.clone().expect("the form is kept as a draft");
    assert_eq!((draft.rationale.as_str(), draft.status), ("Cheapest", Status::Accepted));
    // Quitting keeps it a draft; the record says pending and names the draft as a draft.
    assert_eq!(act(&mut m, Action::Quit), Effect::Quit { force: false });
    let a = assessment(&m);
    let catalog = m.env.catalog.as_ref().unwrap();
    let record = meetcheck::export::render(Kind::Record, a, catalog, &m.env.texts, TODAY);
    assert!(record.contains("decision: pending"), "{record}");
    assert!(!record.contains("Chosen option:"), "{record}");
    assert!(record.contains("has not been taken"), "{record}");
    // Back on the form, the draft is as it was left, and labelled a draft.
    act(&mut m, Action::Enter);
    assert_eq!(step(&m), Step::Decision);
    let text = screen_text(&render(&mut m, 80, 24));
    assert!(text.contains("Draft"), "{text}");
    assert_eq!(decision::shown_draft(m.doc.as_ref().unwrap()), draft);
    // Also the next-step key passes by without deciding.
    act(&mut m, Action::NextStep);
    assert_eq!(step(&m), Step::Checklist);
    assert!(assessment(&m).decision.is_none());
}

#[test]
fn enter_carries_through_the_decision_and_takes_it() {
    let mut m = at(Step::Decision);
    let top = m.doc.as_ref().unwrap().shortlist.as_ref().unwrap().ranked[0].offering.clone();
    assert_eq!(decision::shown_draft(m.doc.as_ref().unwrap()).chosen, top, "preselected");
    let mut parts = vec![part(&m)];
    for _ in 0..5 {
        act(&mut m, Action::Enter);
        parts.push(part(&m));
    }
    assert_eq!(
        parts,
        [Part::Chosen, Part::RunnerUp, Part::Rationale, Part::Status, Part::SetBy, Part::Take],
        "the optional sign-off is below the button, out of Enter's way"
    );
    assert_eq!(decision::shown_draft(m.doc.as_ref().unwrap()).rationale, "", "no blank lines");
    assert!(assessment(&m).decision.is_none(), "nothing taken by looking");
    assert_eq!(act(&mut m, Action::Enter), Effect::Save);
    assert_eq!(step(&m), Step::Checklist);
    let doc = m.doc.as_ref().unwrap();
    let d = doc.loaded.assessment.decision.as_ref().expect("taken");
    assert_eq!(d.chosen, top);
    assert_eq!(d.snapshot.taken_on, TODAY);
    assert_eq!(&d.snapshot.shortlist, doc.shortlist.as_ref().unwrap());
    assert!(doc.loaded.assessment.draft.is_none());
}

#[test]
fn choosing_an_excluded_offering_needs_a_reason_and_a_name() {
    let mut m = at(Step::Decision);
    loop {
        let doc = m.doc.as_ref().unwrap();
        match decision_state(&m).row(doc) {
            Some(decision::Row::Chosen(id)) if decision::excluded_now(doc, &id) => break,
            Some(decision::Row::Chosen(_)) => {
                act(&mut m, Action::Down);
            }
            _ => panic!("past the offerings"),
        }
    }
    act(&mut m, Action::Space);
    let doc = m.doc.as_ref().unwrap();
    let chosen = decision::shown_draft(doc).chosen;
    assert!(decision::rows(doc).contains(&decision::Row::Field(TextField::OverrideReason)));
    let text = screen_text(&render(&mut m, 100, 40));
    assert!(text.contains("overrides these reasons"), "says plainly what is overridden:\n{text}");
    to_part(&mut m, Part::Take);
    act(&mut m, Action::Enter);
    assert_eq!(step(&m), Step::Decision, "stays");
    assert_eq!(note_what(&m), k::UI_DECISION_MISSING_OVERRIDE_REASON);
    assert_eq!(m.editing(), Some(TextField::OverrideReason), "the focus is in the reason field");
    type_text(&mut m, "Only this one works on the clinic's locked-down tablets");
    to_part(&mut m, Part::Take);
    act(&mut m, Action::Enter);
    assert_eq!(note_what(&m), k::UI_DECISION_MISSING_OVERRIDE_ACCEPTED_BY);
    type_text(&mut m, "Dr. Ada Roth");
    to_part(&mut m, Part::Take);
    act(&mut m, Action::Enter);
    assert_eq!(step(&m), Step::Checklist);
    let d = assessment(&m).decision.clone().unwrap();
    let o = d.override_.expect("the override is recorded");
    assert_eq!(o.accepted_by, "Dr. Ada Roth");
    assert!(d.snapshot.offerings.iter().any(|x| x.id == chosen), "the excluded one is copied");
}

#[test]
fn set_by_is_prefilled_a_settled_status_needs_a_rationale_written_with_space() {
    let mut m = with_new_assessment_real(Lang::En);
    type_text(&mut m, "Status");
    for _ in 0..5 {
        act(&mut m, Action::Down);
    }
    type_text(&mut m, "Ute Weber");
    while step(&m) < Step::Decision {
        next_step(&mut m);
    }
    to_part(&mut m, Part::SetBy);
    assert_eq!(m.editing(), Some(TextField::SetBy));
    assert_eq!(decision::shown_draft(m.doc.as_ref().unwrap()).set_by, "Ute Weber", "prefilled");
    to_part(&mut m, Part::Status);
    // One "proposed"; the option under it is "accepted".
    act(&mut m, Action::Down);
    act(&mut m, Action::Space);
    assert_eq!(decision::shown_draft(m.doc.as_ref().unwrap()).status, Status::Accepted);
    to_part(&mut m, Part::Take);
    act(&mut m, Action::Enter);
    assert_eq!(note_what(&m), k::UI_DECISION_MISSING_RATIONALE);
    assert_eq!(part(&m), Part::Rationale);
    assert_eq!(m.editing(), None, "the rationale opens with Space");
    let space = KeyEvent::new(KeyCode::Char(' '), KeyModifiers::NONE);
    assert_eq!(app::keys(&m).action_for(space), Some(Action::Space));
    act(&mut m, Action::Space);
    assert_eq!(m.editing(), Some(TextField::Rationale));
    type_text(&mut m, "Hosted in Germany,");
    let enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(app::keys(&m).action_for(enter), Some(Action::NewLine));
    act(&mut m, Action::NewLine);
    type_text(&mut m, "no US parent.");
    // ↑ moves inside the text; Esc goes back to the form on the same row, and q then quits.
    update(&mut m, Msg::Edit(key(KeyCode::Up)));
    assert_eq!(m.editing(), Some(TextField::Rationale));
    assert_eq!(act(&mut m, Action::Back), Effect::Save, "leaving a changed text saves");
    assert_eq!(m.editing(), None);
    assert_eq!(part(&m), Part::Rationale, "never into the next text field");
    let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
    assert_eq!(app::keys(&m).action_for(q), Some(Action::Quit));
    to_part(&mut m, Part::Take);
    act(&mut m, Action::Enter);
    assert_eq!(step(&m), Step::Checklist);
    let a = assessment(&m);
    assert_eq!(a.decision.as_ref().unwrap().rationale, "Hosted in Germany,\nno US parent.");
    let status = a.status.as_ref().unwrap();
    assert_eq!(
        (status.status, status.by.as_str(), status.on),
        (Status::Accepted, "Ute Weber", TODAY)
    );
}

#[test]
fn a_changed_form_over_a_taken_decision_stays_a_draft() {
    let mut m = at(Step::Checklist);
    let taken = assessment(&m).decision.clone().unwrap();
    act(&mut m, Action::Back);
    assert_eq!(step(&m), Step::Decision);
    act(&mut m, Action::Down);
    act(&mut m, Action::Space);
    act(&mut m, Action::Back);
    let a = assessment(&m);
    assert_eq!(a.decision.as_ref().unwrap(), &taken, "the decision taken is untouched");
    assert!(a.draft.as_ref().is_some_and(|d| d.chosen != taken.chosen));
    let review_lines = review::lines(m.doc.as_ref().unwrap());
    assert!(review_lines.contains(&review::ReviewLine::Draft), "Review names the draft");
    // Choosing the first again leaves nothing pending.
    act(&mut m, Action::Enter);
    act(&mut m, Action::Up);
    act(&mut m, Action::Space);
    assert!(assessment(&m).draft.is_none());
}

#[test]
fn tab_and_shift_tab_cycle_the_panes() {
    let mut m = at(Step::Results);
    assert_eq!(results_state(&m).pane, Pane::Ranked);
    let mut seen = vec![];
    for _ in 0..4 {
        act(&mut m, Action::NextField);
        seen.push(results_state(&m).pane);
    }
    assert_eq!(seen, [Pane::Excluded, Pane::Detail, Pane::WhatIf, Pane::Ranked]);
    act(&mut m, Action::PrevField);
    assert_eq!(results_state(&m).pane, Pane::WhatIf);
}

#[test]
fn the_column_under_the_cursor_is_named_in_full_with_its_weight() {
    let mut m = at(Step::Results);
    act(&mut m, Action::Right);
    act(&mut m, Action::Right);
    assert_eq!(results_state(&m).column, 2);
    let text = screen_text(&render(&mut m, 80, 24));
    assert!(text.contains("(weight "), "{text}");
    let criterion = meetcheck::describe::criterion(
        &m.env.texts,
        meetcheck::domain::narrowing::CriterionId::ALL[2],
    );
    assert!(text.contains(&criterion), "{criterion} in\n{text}");
}

#[test]
fn an_exclusion_leads_to_the_answer_that_caused_it_and_ctrl_r_comes_back() {
    let mut m = at(Step::Results);
    act(&mut m, Action::NextField);
    assert_eq!(results_state(&m).pane, Pane::Excluded);
    let list = results::shown(m.doc.as_ref().unwrap()).unwrap().clone();
    let i = list
        .excluded
        .iter()
        .position(|e| e.knockouts.iter().any(|k| !k.answers.is_empty()))
        .unwrap();
    for _ in 0..i {
        act(&mut m, Action::Down);
    }
    let answer =
        list.excluded[i].knockouts.iter().flat_map(|k| k.answers.iter()).next().copied().unwrap();
    let a_key = KeyEvent::new(KeyCode::Char('a'), KeyModifiers::NONE);
    assert_eq!(app::keys(&m).action_for(a_key), Some(Action::ToAnswer));
    act(&mut m, Action::ToAnswer);
    assert_eq!(step(&m), meetcheck::tui::questions::step_of(answer));
    let Screen::Scenario(s) = &m.screen else { panic!() };
    let q = s.current_row(m.doc.as_ref().unwrap()).unwrap().question();
    assert!(q.answers().contains(&answer), "{q:?} is the question of {answer:?}");
    act(&mut m, Action::Return);
    assert_eq!(step(&m), Step::Results);
    assert_eq!(results_state(&m).pane, Pane::Excluded);
    assert_eq!(results_state(&m).excluded, i, "on the same offering");
}

#[test]
fn a_what_if_is_previewed_then_discarded_or_taken_over() {
    let mut m = at_with(Step::Results, |s| s.transfer_stance = TransferStance::EuOnly);
    let list = m.doc.as_ref().unwrap().shortlist.clone().unwrap();
    let what_if = list.what_ifs.first().cloned().expect("a what-if");
    while results_state(&m).pane != Pane::WhatIf {
        act(&mut m, Action::NextField);
    }
    act(&mut m, Action::Space);
    let doc = m.doc.as_ref().unwrap();
    let preview = doc.preview.as_ref().expect("previewed");
    assert!(preview.shortlist.ranked.len() > list.ranked.len());
    assert_eq!(doc.scenario().transfer_stance, TransferStance::EuOnly, "nothing changed yet");
    act(&mut m, Action::Back);
    assert!(m.doc.as_ref().unwrap().preview.is_none(), "discarded");
    assert_eq!(step(&m), Step::Results);
    act(&mut m, Action::Space);
    assert_eq!(act(&mut m, Action::Adopt), Effect::Save);
    let a = assessment(&m);
    assert_ne!(a.scenario.transfer_stance, TransferStance::EuOnly, "taken over");
    assert_eq!(a.history.last().unwrap().answer, what_if.answer);
}

#[test]
fn space_chooses_up_to_three_offerings_for_the_comparison() {
    let mut m = at_with(Step::Results, |s| s.transfer_stance = TransferStance::SccWithTia);
    for _ in 0..4 {
        act(&mut m, Action::Space);
        act(&mut m, Action::Down);
    }
    assert_eq!(m.doc.as_ref().unwrap().compare.len(), 3, "the fourth is refused");
    assert_eq!(m.notes.current.as_ref().unwrap().key, k::UI_RESULTS_COMPARE_FULL);
    assert!(results::panes(m.doc.as_ref().unwrap()).contains(&Pane::Compare));
    while results_state(&m).pane != Pane::Compare {
        act(&mut m, Action::NextField);
    }
    let text = screen_text(&render(&mut m, 80, 24));
    let criterion = meetcheck::describe::criterion(
        &m.env.texts,
        meetcheck::domain::narrowing::CriterionId::ALL[0],
    );
    assert!(text.contains(&criterion), "criteria as rows:\n{text}");
}

#[test]
fn e_writes_the_record_from_results_and_review_n_and_r_the_drafts() {
    let mut m = at(Step::Results);
    assert_eq!(act(&mut m, Action::Export(Kind::Record)), Effect::Export(Kind::Record));
    let mut m = at(Step::Review);
    for (c, kind) in [('e', Kind::Record), ('n', Kind::Notice), ('r', Kind::Ropa)] {
        let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        let action = app::keys(&m).action_for(key).unwrap();
        assert_eq!(act(&mut m, action), Effect::Export(kind));
    }
    update(&mut m, Msg::Exported(Ok("/tmp/x/counselling-by-video-decision-record.md".into())));
    assert_eq!(m.doc.as_ref().unwrap().written.len(), 1);
    update(&mut m, Msg::Exported(Err("permission denied".into())));
    assert!(m.notes.current.as_ref().unwrap().error);
}

#[test]
fn a_review_line_goes_to_the_very_field_and_ctrl_r_comes_back() {
    let mut m = at(Step::Review);
    let lines = review::lines(m.doc.as_ref().unwrap());
    let i = lines
        .iter()
        .position(|l| matches!(l, review::ReviewLine::Answer(AnswerId::Hosting, _)))
        .unwrap();
    for _ in 0..i {
        act(&mut m, Action::Down);
    }
    act(&mut m, Action::Enter);
    assert_eq!(step(&m), Step::Transfers);
    let Screen::Scenario(s) = &m.screen else { panic!() };
    assert_eq!(s.current_row(m.doc.as_ref().unwrap()).unwrap().question(), Question::Hosting);
    let ctrl_r = KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL);
    assert_eq!(app::keys(&m).action_for(ctrl_r), Some(Action::Return));
    assert!(
        meetcheck::tui::view::footer_bindings(&m, 80).iter().any(|b| b.does == k::UI_DOES_RETURN)
    );
    act(&mut m, Action::Return);
    assert_eq!(step(&m), Step::Review);
    let Screen::Review(s) = &m.screen else { panic!() };
    assert_eq!(s.cursor, i, "on the same line");
    // The rationale line goes to the rationale on the decision form.
    let j = lines.iter().position(|l| *l == review::ReviewLine::Rationale).unwrap();
    for _ in i..j {
        act(&mut m, Action::Down);
    }
    act(&mut m, Action::Enter);
    assert_eq!(part(&m), Part::Rationale);
}

#[test]
fn the_checklist_form_takes_status_owner_dates_and_refuses_a_bad_date() {
    let mut m = at(Step::Checklist);
    let entries = checklist::entries(m.doc.as_ref().unwrap(), &m.env);
    let checklist::Entry::Todo(first) = entries[0].clone() else { panic!("a to-do first") };
    assert!(first.precondition, "preconditions of use come first");
    let open = m.doc.as_ref().unwrap().open_preconditions(m.env.catalog.as_ref());
    assert!(open > 0);
    assert_eq!(act(&mut m, Action::Space), Effect::Save);
    assert_eq!(assessment(&m).checklist[&first.id].status, TodoStatus::Done);
    let text = screen_text(&render(&mut m, 80, 24));
    let n = (open - 1).to_string();
    assert!(text.contains(&format!("Ready for use: no – {n} preconditions open")), "{text}");
    assert!(
        text.contains("[ Continue to the review ]  (or Ctrl+N)"),
        "the way on is in view:\n{text}"
    );

    act(&mut m, Action::Enter);
    let item = checklist_state(&m).item.as_ref().expect("opened");
    assert_eq!(item.row(), ItemRow::Status(TodoStatus::Done), "on the chosen status");
    act(&mut m, Action::Up);
    act(&mut m, Action::Space);
    assert_eq!(assessment(&m).checklist[&first.id].status, TodoStatus::InProgress);
    assert_eq!(m.editing(), Some(TextField::Owner(first.id)), "Space goes on to the owner");
    type_text(&mut m, "Ines Vogt");
    act(&mut m, Action::Enter);
    type_text(&mut m, "2026-13-01");
    act(&mut m, Action::Enter);
    assert_eq!(m.notes.current.as_ref().unwrap().key, k::UI_CHECKLIST_BAD_DATE);
    assert_eq!(m.editing(), Some(TextField::Due(first.id)), "stays in the date field");
    for _ in 0..10 {
        update(&mut m, Msg::Edit(key(KeyCode::Backspace)));
    }
    type_text(&mut m, "2026-12-15");
    act(&mut m, Action::Back);
    assert!(checklist_state(&m).item.is_none(), "Esc closes the to-do");
    let item = &assessment(&m).checklist[&first.id];
    assert_eq!(item.owner, "Ines Vogt");
    assert_eq!(item.due, Some(jiff::civil::Date::constant(2026, 12, 15)));
    check_invariants(&m).unwrap();
    // The action plan lists it with owner and due date.
    act(&mut m, Action::Plan);
    let text = screen_text(&render(&mut m, 80, 24));
    assert!(text.contains("Ines Vogt") && text.contains("2026-12-15"), "{text}");
    act(&mut m, Action::Back);
    assert!(!checklist_state(&m).plan);
}

#[test]
fn the_note_of_a_todo_takes_lines_and_esc_goes_back_to_the_form() {
    let mut m = at(Step::Checklist);
    act(&mut m, Action::Enter);
    for _ in 0..12 {
        act(&mut m, Action::Down);
    }
    let id = checklist_state(&m).item.as_ref().unwrap().id;
    assert_eq!(
        checklist_state(&m).item.as_ref().unwrap().row(),
        ItemRow::Field(TextField::Note(id))
    );
    act(&mut m, Action::Space);
    type_text(&mut m, "first");
    act(&mut m, Action::NewLine);
    type_text(&mut m, "second");
    act(&mut m, Action::Back);
    assert!(checklist_state(&m).item.is_some(), "back to the form, not out of it");
    assert_eq!(m.editing(), None);
    assert_eq!(assessment(&m).checklist[&id].note, "first\nsecond");
}

/// The Participation row that chooses `value` for attention tracking.
fn attention_row(m: &Model, value: AttentionTracking) -> usize {
    let Screen::Scenario(s) = &m.screen else { panic!() };
    let rows = s.rows(m.doc.as_ref().unwrap());
    let option = AttentionTracking::ALL.iter().position(|v| *v == value).unwrap();
    let question = Question::AttentionTracking;
    rows.iter().position(|r| *r == Row::Choice { question, option }).unwrap()
}

#[test]
fn changing_an_answer_after_the_decision_asks_for_confirmation_and_keeps_old_todos() {
    // Attention tracking allowed: monitoring, so an impact assessment is needed.
    let mut m = at(Step::Participation);
    let row = attention_row(&m, AttentionTracking::Allowed);
    if let Screen::Scenario(s) = &mut m.screen {
        s.cursor = row;
    }
    act(&mut m, Action::Space);
    while step(&m) < Step::Checklist {
        next_step(&mut m);
    }
    let snapshot = &assessment(&m).decision.as_ref().unwrap().snapshot;
    assert!(snapshot.todos.iter().any(|t| t.id == TodoId::Dpia));
    let history_before = assessment(&m).history.len();
    act(&mut m, Action::GoTo);
    act(&mut m, Action::Digit(6));
    // No attention tracking after all.
    let row = attention_row(&m, AttentionTracking::Prohibited);
    if let Screen::Scenario(s) = &mut m.screen {
        s.cursor = row;
    }
    act(&mut m, Action::Space);
    let a = assessment(&m);
    assert!(a.decision.as_ref().unwrap().to_be_confirmed, "to be confirmed again");
    assert_eq!(a.history.len(), history_before + 1);
    assert_eq!(a.history.last().unwrap().answer, AnswerId::AttentionTracking);
    assert_eq!(a.checklist[&TodoId::Dpia].no_longer_applies_since, Some(TODAY), "kept, marked");
    act(&mut m, Action::NextStep);
    assert_eq!(step(&m), Step::Results);
    assert!(results::panes(m.doc.as_ref().unwrap()).contains(&Pane::Changes));
    let text = screen_text(&render(&mut m, 80, 24));
    assert!(text.contains("confirm the decision again"), "{text}");
    // The rail marks the decision as needing attention.
    assert!(text.lines().nth(1).unwrap().contains("▲8"), "{text}");
}

#[test]
fn a_new_line_first_in_the_rationale_is_kept_in_the_draft() {
    let mut m = at(Step::Decision);
    to_part(&mut m, Part::Rationale);
    act(&mut m, Action::Space);
    act(&mut m, Action::NewLine);
    type_text(&mut m, "second line");
    assert_eq!(decision::shown_draft(m.doc.as_ref().unwrap()).rationale, "\nsecond line");
    check_invariants(&m).unwrap();
}

#[test]
fn tab_reaches_continue_on_the_checklist_and_enter_goes_on() {
    let mut m = at(Step::Checklist);
    act(&mut m, Action::NextField);
    assert!(checklist_state(&m).detail_focus, "first into the explanation");
    act(&mut m, Action::NextField);
    assert!(checklist_state(&m).continue_focus);
    let enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(app::keys(&m).action_for(enter), Some(Action::Enter));
    act(&mut m, Action::Enter);
    assert_eq!(step(&m), Step::Review);
}

#[test]
fn the_dpo_opinion_and_one_approval_per_decision_maker_are_entered_on_the_decision_screen() {
    let mut m = at(Step::Decision);
    let approvals = |m: &Model| {
        decision::rows(m.doc.as_ref().unwrap())
            .into_iter()
            .filter(|r| matches!(r, decision::Row::Field(TextField::Approval(_))))
            .count()
    };
    assert_eq!(approvals(&m), 0, "no decision-makers yet");
    let names = vec!["Ute Weber".to_string(), "Jonas Petersen; Vorstand".to_string()];
    m.doc.as_mut().unwrap().loaded.assessment.meta.decision_makers = names.clone();
    assert_eq!(approvals(&m), 2, "one approval per decision-maker");

    to_part(&mut m, Part::DpoOpinion);
    assert_eq!(m.editing(), Some(TextField::DpoOpinion));
    type_text(&mut m, "No objection if the data processing agreement is signed.");
    act(&mut m, Action::Enter);
    assert_eq!(m.editing(), Some(TextField::DpoName), "Enter goes to the next field");
    type_text(&mut m, "Dr. Eva Brandt");
    act(&mut m, Action::Enter);
    type_text(&mut m, "2026-11-20");
    act(&mut m, Action::Enter);
    act(&mut m, Action::Enter);
    assert_eq!(m.editing(), Some(TextField::Approval(1)));
    type_text(&mut m, "20.11.2026");
    act(&mut m, Action::Up);
    assert_eq!(m.notes.current.as_ref().unwrap().key, k::UI_CHECKLIST_BAD_DATE);
    assert_eq!(m.editing(), Some(TextField::Approval(1)), "stays in the date field");
    for _ in 0..10 {
        update(&mut m, Msg::Edit(key(KeyCode::Backspace)));
    }
    type_text(&mut m, "2026-11-21");
    act(&mut m, Action::Up);
    assert!(m.notes.current.as_ref().is_none_or(|n| n.key != k::UI_CHECKLIST_BAD_DATE));
    let text = screen_text(&render(&mut m, 120, 40));
    assert!(text.contains("Approved by Jonas Petersen; Vorstand 2026-11-21"), "{text}");

    let a = assessment(&m);
    assert_eq!(a.sign_off.dpo_opinion, "No objection if the data processing agreement is signed.");
    assert_eq!(a.sign_off.dpo_name, "Dr. Eva Brandt");
    assert_eq!(a.sign_off.dpo_date, Some(jiff::civil::Date::constant(2026, 11, 20)));
    assert_eq!(a.sign_off.approved("Ute Weber"), None);
    let one = "Jonas Petersen; Vorstand";
    assert_eq!(a.sign_off.approved(one), Some(jiff::civil::Date::constant(2026, 11, 21)));
    assert!(a.decision.is_none(), "the sign-off takes no decision");

    // More rows than the smallest screen has room for: the focused one stays in view.
    let more = ["Ines Vogt", "Kai Lorenz", "Mira Sander"].map(String::from);
    m.doc.as_mut().unwrap().loaded.assessment.meta.decision_makers.extend(more);
    to_part(&mut m, Part::Take);
    let text = screen_text(&render(&mut m, 80, 24));
    assert!(text.contains("▶ [ Take the decision"), "{text}");
    to_part(&mut m, Part::Chosen);
    let text = screen_text(&render(&mut m, 80, 24));
    assert!(text.contains("Chosen offering"), "{text}");
    check_invariants(&m).unwrap();
}
