//! The steps after the scenario: results, decision, checklist and review. Their state lives in
//! [`OutcomeState`] (one field of the open `Doc`), their transitions here; like `app::update`,
//! nothing here does I/O: writing a document is an [`Effect::Export`] the shell runs.

use crate::i18n::{Key, k};
use std::path::PathBuf;

use jiff::civil::Date;
use tui_input::InputRequest;

use super::app::{Action, Doc, Effect, Model, Note, go_to};
use super::keymap::Mode;
use super::outcome_fields::{BadDate, TextBox, TextField};
use super::questions;
use crate::domain::assessment::{Assessment, Status, StatusChange, TodoStatus};
use crate::domain::catalog::Catalog;
use crate::domain::changes::{SnapshotChange, snapshot_changes};
use crate::domain::decision::{self, Missing};
use crate::domain::narrowing::AnswerId;
use crate::domain::scenario::Step;
use crate::domain::todos::{self, Todo, TodoId};
use crate::tui::form::AboutField;

/// At most this many offerings side by side.
pub const COMPARE_MAX: usize = 3;

/// The panes of the results screen, in Tab order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Pane {
    #[default]
    Ranked,
    Excluded,
    Detail,
    WhatIf,
    /// Only with two or three offerings chosen with Space.
    Compare,
    /// Only when the decision rests on other answers or another catalogue than today's.
    Changes,
}

/// Which list the detail pane follows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ListKind {
    #[default]
    Ranked,
    Excluded,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ResultsState {
    pub pane: Pane,
    pub ranked: usize,
    pub excluded: usize,
    /// The list the detail pane shows an offering of.
    pub detail_of: ListKind,
    /// First line of the scrolled pane (detail, what-ifs, comparison, changes).
    pub scroll: u16,
    /// Offering ids chosen for the comparison, in the order chosen.
    pub compare: Vec<String>,
    /// Today's catalogue compared with the decision snapshot (computed when narrowing).
    pub catalog_changes: Vec<SnapshotChange>,
}

/// The rows of the decision form, top to bottom.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DecisionRow {
    Chosen,
    RunnerUp,
    Rationale,
    OverrideReason,
    OverrideAcceptedBy,
    Status,
    DecidedBy,
    DpoOpinion,
    DpoName,
    DpoDate,
    /// The approval of the decision-maker at this place of the About form's list.
    Approval(usize),
    Take,
}

impl DecisionRow {
    pub fn key(self) -> Key {
        match self {
            DecisionRow::Chosen => k::UI_DECISION_CHOSEN,
            DecisionRow::RunnerUp => k::UI_DECISION_RUNNER_UP,
            DecisionRow::Rationale => k::UI_DECISION_RATIONALE,
            DecisionRow::OverrideReason => k::UI_DECISION_OVERRIDE_REASON,
            DecisionRow::OverrideAcceptedBy => k::UI_DECISION_OVERRIDE_ACCEPTED_BY,
            DecisionRow::Status => k::UI_DECISION_STATUS,
            DecisionRow::DecidedBy => k::UI_DECISION_DECIDED_BY,
            DecisionRow::DpoOpinion => k::UI_DECISION_DPO_OPINION,
            DecisionRow::DpoName => k::UI_DECISION_DPO_NAME,
            DecisionRow::DpoDate => k::UI_DECISION_DPO_DATE,
            DecisionRow::Approval(_) => k::UI_DECISION_APPROVAL,
            DecisionRow::Take => k::UI_DECISION_TAKE,
        }
    }

    pub fn field(self) -> Option<TextField> {
        match self {
            DecisionRow::Rationale => Some(TextField::Rationale),
            DecisionRow::OverrideReason => Some(TextField::OverrideReason),
            DecisionRow::OverrideAcceptedBy => Some(TextField::OverrideAcceptedBy),
            DecisionRow::DecidedBy => Some(TextField::DecidedBy),
            DecisionRow::DpoOpinion => Some(TextField::DpoOpinion),
            DecisionRow::DpoName => Some(TextField::DpoName),
            DecisionRow::DpoDate => Some(TextField::DpoDate),
            DecisionRow::Approval(i) => Some(TextField::Approval(i)),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct DecisionForm {
    pub focus: usize,
    pub editor: Option<TextBox>,
}

/// The fields of one checklist item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ItemRow {
    Status,
    Owner,
    Due,
    Evidence,
    EvidenceDate,
    Note,
}

impl ItemRow {
    pub const ALL: [ItemRow; 6] = [
        ItemRow::Status,
        ItemRow::Owner,
        ItemRow::Due,
        ItemRow::Evidence,
        ItemRow::EvidenceDate,
        ItemRow::Note,
    ];

    pub fn key(self) -> Key {
        match self {
            ItemRow::Status => k::UI_CHECKLIST_STATUS,
            ItemRow::Owner => k::UI_CHECKLIST_OWNER,
            ItemRow::Due => k::UI_CHECKLIST_DUE,
            ItemRow::Evidence => k::UI_CHECKLIST_EVIDENCE,
            ItemRow::EvidenceDate => k::UI_CHECKLIST_EVIDENCE_DATE,
            ItemRow::Note => k::UI_CHECKLIST_NOTE,
        }
    }

    pub fn field(self, id: TodoId) -> Option<TextField> {
        match self {
            ItemRow::Status => None,
            ItemRow::Owner => Some(TextField::Owner(id)),
            ItemRow::Due => Some(TextField::Due(id)),
            ItemRow::Evidence => Some(TextField::Evidence(id)),
            ItemRow::EvidenceDate => Some(TextField::EvidenceDate(id)),
            ItemRow::Note => Some(TextField::Note(id)),
        }
    }
}

/// One checklist item opened for editing.
#[derive(Clone, Debug)]
pub struct ItemForm {
    pub id: TodoId,
    pub focus: usize,
    pub editor: Option<TextBox>,
}

#[derive(Clone, Debug, Default)]
pub struct ChecklistState {
    pub cursor: usize,
    pub item: Option<ItemForm>,
}

/// A line of the checklist screen.
#[derive(Clone, Debug, PartialEq)]
pub enum ChecklistRow {
    /// A to-do that applies now.
    Todo(Todo),
    /// A to-do that no longer applies (kept with its date).
    Gone(TodoId, Date),
    /// "Continue to the review".
    Continue,
}

/// A line of the review: what it shows, and the step Enter jumps to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReviewRow {
    About(AboutField),
    Answer(AnswerId, Step),
    LoweringReason,
    Decision(DecisionRow),
    Ready,
}

impl ReviewRow {
    pub fn step(self) -> Step {
        match self {
            ReviewRow::About(_) => Step::About,
            ReviewRow::Answer(_, step) => step,
            ReviewRow::LoweringReason => Step::Data,
            ReviewRow::Decision(_) => Step::Decision,
            ReviewRow::Ready => Step::Checklist,
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct ReviewState {
    pub cursor: usize,
    /// Paths written from this screen or the results, newest last.
    pub written: Vec<PathBuf>,
}

/// The state of the four screens for the open assessment.
#[derive(Clone, Debug, Default)]
pub struct OutcomeState {
    pub results: ResultsState,
    pub decision: DecisionForm,
    pub checklist: ChecklistState,
    pub review: ReviewState,
}

// ---------------------------------------------------------------------------------------------
// Derived views of the assessment (used by update and by the views alike)

/// The panes that can be reached right now, in Tab order.
pub fn panes(doc: &Doc) -> Vec<Pane> {
    let mut panes = vec![Pane::Ranked, Pane::Excluded, Pane::Detail, Pane::WhatIf];
    if doc.outcome.results.compare.len() >= 2 {
        panes.push(Pane::Compare);
    }
    if has_changes(doc) {
        panes.push(Pane::Changes);
    }
    panes
}

/// The decision must be confirmed again, or the catalogue changed since it was taken.
pub fn has_changes(doc: &Doc) -> bool {
    let a = &doc.loaded.assessment;
    a.decision.as_ref().is_some_and(|d| d.to_be_confirmed)
        || !doc.outcome.results.catalog_changes.is_empty()
}

/// The offering the detail pane shows.
pub fn detail_offering(doc: &Doc) -> Option<&str> {
    let list = doc.shortlist.as_ref()?;
    let r = &doc.outcome.results;
    let e = match r.detail_of {
        ListKind::Ranked => list.ranked.get(r.ranked),
        ListKind::Excluded => list.excluded.get(r.excluded),
    };
    e.map(|e| e.offering.as_str())
}

/// Every offering the decision can name: the remaining ones (best first), then the excluded.
pub fn choosable(doc: &Doc) -> Vec<String> {
    let Some(list) = &doc.shortlist else { return Vec::new() };
    list.ranked.iter().chain(&list.excluded).map(|e| e.offering.clone()).collect()
}

/// The offering the form shows as chosen: the decision's, else the top-ranked (preselected).
pub fn shown_chosen(doc: &Doc) -> Option<String> {
    match &doc.loaded.assessment.decision {
        Some(d) => Some(d.chosen.clone()),
        None => doc.shortlist.as_ref()?.ranked.first().map(|e| e.offering.clone()),
    }
}

/// Whether the offering is excluded by the current answers.
pub fn excluded_now(doc: &Doc, id: &str) -> bool {
    doc.shortlist.as_ref().is_some_and(|l| decision::is_excluded(l, id))
}

pub fn decision_rows(doc: &Doc) -> Vec<DecisionRow> {
    use DecisionRow as R;
    let mut rows = vec![R::Chosen, R::RunnerUp, R::Rationale];
    if shown_chosen(doc).is_some_and(|id| excluded_now(doc, &id)) {
        rows.extend([R::OverrideReason, R::OverrideAcceptedBy]);
    }
    rows.extend([R::Status, R::DecidedBy, R::DpoOpinion, R::DpoName, R::DpoDate]);
    // One approval per decision-maker named on the About form.
    let makers = doc.loaded.assessment.meta.decision_makers.len();
    rows.extend((0..makers).map(R::Approval));
    rows.push(R::Take);
    rows
}

/// The to-dos for the scenario and the chosen offering (none chosen: the scenario's alone).
pub fn current_todos(doc: &Doc, catalog: Option<&Catalog>) -> Vec<Todo> {
    let a = &doc.loaded.assessment;
    match (&a.decision, catalog) {
        // With the catalogue: the chosen offering's unconfirmed requirements are asked exactly.
        (_, Some(c)) => decision::current_todos(a, c),
        (Some(d), None) => {
            todos::todos(&a.scenario, d.snapshot.offerings.iter().find(|o| o.id == d.chosen))
        }
        (None, None) => todos::todos(&a.scenario, None),
    }
}

/// The checklist: preconditions of use first, then the other to-dos, then those that no longer
/// apply, then "continue".
pub fn checklist_rows(doc: &Doc, catalog: Option<&Catalog>) -> Vec<ChecklistRow> {
    let mut todos = current_todos(doc, catalog);
    todos.sort_by_key(|t| !t.precondition);
    let mut rows: Vec<ChecklistRow> = todos.into_iter().map(ChecklistRow::Todo).collect();
    for (id, item) in &doc.loaded.assessment.checklist {
        if let Some(since) = item.no_longer_applies_since
            && !rows.iter().any(|r| matches!(r, ChecklistRow::Todo(t) if t.id == *id))
        {
            rows.push(ChecklistRow::Gone(*id, since));
        }
    }
    rows.push(ChecklistRow::Continue);
    rows
}

/// Preconditions of use that are still open (neither done nor set aside as not applicable).
pub fn open_preconditions(doc: &Doc, catalog: Option<&Catalog>) -> usize {
    doc.loaded.assessment.open_preconditions(&current_todos(doc, catalog)).len()
}

/// Every answer and decision field, in the order of the steps.
pub fn review_rows(doc: &Doc) -> Vec<ReviewRow> {
    let s = doc.scenario();
    let mut rows: Vec<ReviewRow> = AboutField::ALL.into_iter().map(ReviewRow::About).collect();
    for step in Step::ALL.into_iter().filter(|s| s.is_scenario()) {
        for q in questions::questions(step, s) {
            if q.is_text() {
                match q {
                    questions::Question::LoweringReason => rows.push(ReviewRow::LoweringReason),
                    questions::Question::Size | questions::Question::Audience => {
                        if let Some(answer) = q.answer(0) {
                            rows.push(ReviewRow::Answer(answer, step));
                        }
                    }
                    _ => {}
                }
                continue;
            }
            for option in 0..q.option_keys().len().max(1) {
                if let Some(answer) = q.answer(option)
                    && !rows.contains(&ReviewRow::Answer(answer, step))
                {
                    rows.push(ReviewRow::Answer(answer, step));
                }
            }
        }
    }
    rows.extend(
        [
            DecisionRow::Chosen,
            DecisionRow::RunnerUp,
            DecisionRow::Rationale,
            DecisionRow::OverrideReason,
            DecisionRow::Status,
        ]
        .map(ReviewRow::Decision),
    );
    rows.push(ReviewRow::Ready);
    rows
}

// ---------------------------------------------------------------------------------------------
// Hooks called by `app`

/// After the shortlist was computed: with `answer_changed`, a decision already taken must be
/// confirmed again and the checklist follows; the catalogue is compared with the snapshot.
pub fn after_narrowing(doc: &mut Doc, catalog: &Catalog, today: Date, answer_changed: bool) {
    let a = &mut doc.loaded.assessment;
    if answer_changed && a.decision.is_some() {
        decision::answer_changed(a, catalog, today);
        doc.dirty = true;
    }
    let r = &mut doc.outcome.results;
    r.catalog_changes = match &a.decision {
        Some(d) => snapshot_changes(d, catalog, today),
        None => Vec::new(),
    };
    if let Some(list) = &doc.shortlist {
        r.ranked = r.ranked.min(list.ranked.len().saturating_sub(1));
        r.excluded = r.excluded.min(list.excluded.len().saturating_sub(1));
        r.compare.retain(|id| list.evaluation(id).is_some());
    }
    if !panes(doc).contains(&doc.outcome.results.pane) {
        doc.outcome.results.pane = Pane::Ranked;
    }
}

/// A step was entered: no field is being edited, the forms start at the top.
pub fn entered(doc: &mut Doc, step: Step) {
    let o = &mut doc.outcome;
    o.decision.editor = None;
    o.checklist.item = None;
    if step == Step::Decision {
        o.decision.focus = 0;
    }
}

/// A text field of these screens has the focus.
pub fn editing(doc: &Doc) -> Option<&TextBox> {
    match doc.step() {
        Step::Decision => doc.outcome.decision.editor.as_ref(),
        Step::Checklist => doc.outcome.checklist.item.as_ref()?.editor.as_ref(),
        _ => None,
    }
}

fn editor_mut(doc: &mut Doc) -> Option<&mut TextBox> {
    match doc.step() {
        Step::Decision => doc.outcome.decision.editor.as_mut(),
        Step::Checklist => doc.outcome.checklist.item.as_mut()?.editor.as_mut(),
        _ => None,
    }
}

/// The key-map mode of these screens.
pub fn mode(doc: &Doc) -> Mode {
    if let Some(editor) = editing(doc) {
        return if editor.field.multi_line() { Mode::MultiLine } else { Mode::Editing };
    }
    match doc.step() {
        Step::Results => Mode::Results,
        Step::Decision => match decision_rows(doc).get(doc.outcome.decision.focus) {
            Some(DecisionRow::Take) => Mode::Form,
            _ => Mode::Selector,
        },
        Step::Checklist => match &doc.outcome.checklist.item {
            Some(_) => Mode::Selector,
            None => Mode::ChecklistList,
        },
        _ => Mode::Review,
    }
}

/// Text key of the help overlay's explanation for the step.
pub fn help_key(step: Step) -> Key {
    match step {
        Step::Results => k::UI_RESULTS_HELP,
        Step::Decision => k::UI_DECISION_HELP,
        Step::Checklist => k::UI_CHECKLIST_HELP,
        _ => k::UI_REVIEW_HELP,
    }
}

/// An edit of the focused text field.
pub fn edit(model: &mut Model, request: Option<InputRequest>, paste: Option<&str>) -> Effect {
    let (today, now) = (model.today, model.now);
    let Some(doc) = &mut model.doc else { return Effect::None };
    ensure_decision_for_edit(doc, model.catalog.as_ref(), today);
    let needs_decision = doc.step() == Step::Decision
        && editing(doc).is_some_and(|e| e.field != TextField::DecidedBy);
    if needs_decision && doc.loaded.assessment.decision.is_none() {
        return Effect::None;
    }
    let Some(mut editor) = editor_mut(doc).map(|e| e.clone()) else { return Effect::None };
    let a = &mut doc.loaded.assessment;
    let changed = match (request, paste) {
        (Some(r), _) => editor.apply(r, a, today),
        (None, Some(text)) => editor.paste(text, a, today),
        _ => false,
    };
    if let Some(slot) = editor_mut(doc) {
        *slot = editor;
    }
    let a = &mut doc.loaded.assessment;
    if changed {
        a.meta.updated = now;
        doc.dirty = true;
        if model.note.as_ref().is_some_and(|n| !n.error || n.key == k::UI_NOTE_MISSING) {
            model.note = None;
        }
    }
    Effect::None
}

/// The decision's text fields write into the decision: make one (for the preselected offering)
/// before the first keystroke.
fn ensure_decision_for_edit(doc: &mut Doc, catalog: Option<&Catalog>, today: Date) {
    let decision_field = doc.step() == Step::Decision
        && doc.outcome.decision.editor.as_ref().is_some_and(|e| e.field != TextField::DecidedBy);
    if decision_field
        && doc.loaded.assessment.decision.is_none()
        && let (Some(catalog), Some(chosen)) = (catalog, shown_chosen(doc))
    {
        let a = &mut doc.loaded.assessment;
        a.decision = Some(decision::propose(catalog, &a.scenario, &chosen, today));
    }
}

/// A document was written (or not).
pub fn exported(model: &mut Model, result: Result<PathBuf, String>) -> Effect {
    match result {
        Ok(path) => {
            let shown = path.display().to_string();
            model.note = Some(Note::info(k::UI_REVIEW_EXPORTED, vec![("path", shown)]));
            if let Some(doc) = &mut model.doc {
                doc.outcome.review.written.push(path);
            }
        }
        Err(error) => {
            model.note = Some(Note::error(k::UI_REVIEW_EXPORT_FAILED, vec![("error", error)]));
        }
    }
    Effect::None
}

/// A key on one of these screens.
pub fn act(model: &mut Model, action: Action) -> Effect {
    if action == Action::NewLine {
        return edit(model, Some(InputRequest::InsertChar('\n')), None);
    }
    let Some(doc) = &model.doc else { return Effect::None };
    match doc.step() {
        Step::Results => act_results(model, action),
        Step::Decision => act_decision(model, action),
        Step::Checklist => act_checklist(model, action),
        _ => act_review(model, action),
    }
}

fn act_results(model: &mut Model, action: Action) -> Effect {
    let Some(doc) = &mut model.doc else { return Effect::None };
    let (ranked, excluded) =
        doc.shortlist.as_ref().map_or((0, 0), |l| (l.ranked.len(), l.excluded.len()));
    let panes = panes(doc);
    let r = &mut doc.outcome.results;
    let step = |i: usize, up: bool, len: usize| {
        if up { i.saturating_sub(1) } else { (i + 1).min(len.saturating_sub(1)) }
    };
    match action {
        Action::Up | Action::Down => {
            let up = action == Action::Up;
            match r.pane {
                Pane::Ranked => {
                    r.ranked = step(r.ranked, up, ranked);
                    r.detail_of = ListKind::Ranked;
                    r.scroll = 0;
                }
                Pane::Excluded => {
                    r.excluded = step(r.excluded, up, excluded);
                    r.detail_of = ListKind::Excluded;
                    r.scroll = 0;
                }
                _ if up => r.scroll = r.scroll.saturating_sub(1),
                _ => r.scroll = r.scroll.saturating_add(1).min(500),
            }
        }
        Action::NextField | Action::PrevField => {
            let i = panes.iter().position(|p| *p == r.pane).unwrap_or(0);
            let n = panes.len();
            let next = if action == Action::NextField { (i + 1) % n } else { (i + n - 1) % n };
            r.pane = panes[next];
            match r.pane {
                Pane::Ranked => r.detail_of = ListKind::Ranked,
                Pane::Excluded if excluded > 0 => r.detail_of = ListKind::Excluded,
                _ => {}
            }
            if !matches!(r.pane, Pane::Ranked | Pane::Excluded) {
                r.scroll = 0;
            }
        }
        Action::Space => {
            let id = match r.pane {
                Pane::Ranked | Pane::Excluded => detail_offering(doc).map(str::to_string),
                _ => None,
            };
            if let Some(id) = id {
                let r = &mut doc.outcome.results;
                if let Some(i) = r.compare.iter().position(|c| *c == id) {
                    r.compare.remove(i);
                } else if r.compare.len() < COMPARE_MAX {
                    r.compare.push(id);
                } else {
                    let max = COMPARE_MAX.to_string();
                    model.note = Some(Note::error(k::UI_RESULTS_COMPARE_FULL, vec![("n", max)]));
                }
            }
        }
        Action::Enter => return go_to(model, Some(Step::Decision)),
        Action::Back => return go_to(model, Step::Results.previous()),
        Action::Export(kind) => return Effect::Export(kind),
        _ => {}
    }
    Effect::None
}

/// Opens the editor on the focused decision row (if it is a text field); returns true when a
/// changed field was left.
fn sync_decision_editor(doc: &mut Doc) -> Result<bool, BadDate> {
    let focused = decision_rows(doc).get(doc.outcome.decision.focus).and_then(|r| r.field());
    let current = doc.outcome.decision.editor.as_ref().map(|e| e.field);
    if current == focused {
        return Ok(false);
    }
    // A bad date keeps the editor (and its text) for fixing.
    let left = match &doc.outcome.decision.editor {
        Some(editor) => editor.close(&mut doc.loaded.assessment)?,
        None => false,
    };
    doc.outcome.decision.editor = focused.map(|f| TextBox::open(f, &doc.loaded.assessment));
    Ok(left)
}

fn act_decision(model: &mut Model, action: Action) -> Effect {
    let (today, now) = (model.today, model.now);
    let Some(doc) = &mut model.doc else { return Effect::None };
    let rows = decision_rows(doc);
    let focus = doc.outcome.decision.focus.min(rows.len() - 1);
    let row = rows[focus];
    match action {
        Action::Up | Action::PrevField => doc.outcome.decision.focus = focus.saturating_sub(1),
        Action::Down | Action::NextField => {
            doc.outcome.decision.focus = (focus + 1).min(rows.len() - 1)
        }
        Action::Enter if row == DecisionRow::Take => return take(model),
        Action::Enter => doc.outcome.decision.focus = (focus + 1).min(rows.len() - 1),
        Action::Space | Action::Right | Action::Left => {
            let forward = action != Action::Left;
            let Some(catalog) = &model.catalog else { return Effect::None };
            if cycle(doc, catalog, row, forward, today) {
                doc.loaded.assessment.meta.updated = now;
                doc.dirty = true;
                // The override rows come and go with the choice: stay on the same row.
                let new_rows = decision_rows(doc);
                doc.outcome.decision.focus = new_rows.iter().position(|r| *r == row).unwrap_or(0);
            }
        }
        Action::Back => {
            doc.outcome.decision.editor = None;
            return go_to(model, Step::Decision.previous());
        }
        _ => {}
    }
    leave_field(model)
}

/// After a focus change: open the editor of the new field, save when a changed one was left.
fn leave_field(model: &mut Model) -> Effect {
    let Some(doc) = &mut model.doc else { return Effect::None };
    let result = match doc.step() {
        Step::Decision => sync_decision_editor(doc),
        _ => sync_item_editor(doc),
    };
    if result.is_ok() && model.note.as_ref().is_some_and(|n| n.key == k::UI_CHECKLIST_BAD_DATE) {
        model.note = None;
    }
    match result {
        Ok(true) => {
            doc.dirty = true;
            Effect::Save
        }
        Ok(false) => Effect::None,
        Err(BadDate) => {
            // A date that is not a date: stay in the field and say how to write it.
            if let Some(item) = &mut doc.outcome.checklist.item
                && let Some(editor) = &item.editor
            {
                let field = Some(editor.field);
                item.focus =
                    ItemRow::ALL.iter().position(|r| r.field(item.id) == field).unwrap_or(0);
            } else if doc.step() == Step::Decision
                && let Some(editor) = &doc.outcome.decision.editor
            {
                let field = Some(editor.field);
                let rows = decision_rows(doc);
                doc.outcome.decision.focus =
                    rows.iter().position(|r| r.field() == field).unwrap_or(0);
            }
            let value = editing(doc).map(|e| e.input.value().to_string()).unwrap_or_default();
            model.note = Some(Note::error(k::UI_CHECKLIST_BAD_DATE, vec![("value", value)]));
            Effect::None
        }
    }
}

/// Space, ← and → on a choice row: the next (or previous) option. Returns whether it changed.
fn cycle(doc: &mut Doc, catalog: &Catalog, row: DecisionRow, forward: bool, today: Date) -> bool {
    let step = |i: usize, n: usize| if forward { (i + 1) % n } else { (i + n - 1) % n };
    match row {
        DecisionRow::Chosen => {
            let options = choosable(doc);
            if options.is_empty() {
                return false;
            }
            let current = shown_chosen(doc);
            let i = options.iter().position(|o| Some(o) == current.as_ref()).unwrap_or(0);
            let chosen = &options[step(i, options.len())];
            let a = &mut doc.loaded.assessment;
            let runner_up =
                a.decision.as_ref().and_then(|d| d.runner_up.clone()).filter(|r| r != chosen);
            match &mut a.decision {
                Some(d) => {
                    decision::rechoose(d, catalog, &a.scenario, chosen, runner_up.as_deref(), today)
                }
                None => {
                    let mut d = decision::propose(catalog, &a.scenario, chosen, today);
                    decision::rechoose(&mut d, catalog, &a.scenario, chosen, None, today);
                    a.decision = Some(d);
                }
            }
            true
        }
        DecisionRow::RunnerUp => {
            let Some(chosen) = shown_chosen(doc) else { return false };
            let mut options: Vec<Option<String>> = vec![None];
            options.extend(choosable(doc).into_iter().filter(|o| *o != chosen).map(Some));
            let a = &mut doc.loaded.assessment;
            let current = a.decision.as_ref().and_then(|d| d.runner_up.clone());
            let i = options.iter().position(|o| *o == current).unwrap_or(0);
            let runner_up = options[step(i, options.len())].clone();
            let d = a
                .decision
                .get_or_insert_with(|| decision::propose(catalog, &a.scenario, &chosen, today));
            decision::rechoose(d, catalog, &a.scenario, &chosen, runner_up.as_deref(), today);
            true
        }
        DecisionRow::Status => {
            let a = &mut doc.loaded.assessment;
            let current = a.status.as_ref().map(|s| s.status);
            let i = current.and_then(|c| Status::ALL.iter().position(|s| *s == c));
            let next = match i {
                None if forward => 0,
                None => Status::ALL.len() - 1,
                Some(i) => step(i, Status::ALL.len()),
            };
            let by = a.status.as_ref().map(|s| s.by.clone()).unwrap_or_default();
            a.status = Some(StatusChange { status: Status::ALL[next], by, on: today });
            true
        }
        _ => false,
    }
}

/// Text key naming what the decision still lacks.
pub fn missing_key(missing: Missing) -> Key {
    match missing {
        Missing::Chosen => k::UI_DECISION_MISSING_CHOSEN,
        Missing::RunnerUpIsChosen => k::UI_DECISION_MISSING_RUNNER_UP,
        Missing::OverrideReason => k::UI_DECISION_MISSING_OVERRIDE_REASON,
        Missing::OverrideAcceptedBy => k::UI_DECISION_MISSING_OVERRIDE_ACCEPTED_BY,
        Missing::DecidedBy => k::UI_DECISION_MISSING_DECIDED_BY,
        Missing::Rationale => k::UI_DECISION_MISSING_RATIONALE,
    }
}

fn missing_row(missing: Missing) -> DecisionRow {
    match missing {
        Missing::Chosen => DecisionRow::Chosen,
        Missing::RunnerUpIsChosen => DecisionRow::RunnerUp,
        Missing::OverrideReason => DecisionRow::OverrideReason,
        Missing::OverrideAcceptedBy => DecisionRow::OverrideAcceptedBy,
        Missing::DecidedBy => DecisionRow::DecidedBy,
        Missing::Rationale => DecisionRow::Rationale,
    }
}

/// "Take the decision": complete → snapshot frozen, on to the checklist; else say what is missing
/// and put the focus there.
fn take(model: &mut Model) -> Effect {
    let (today, now) = (model.today, model.now);
    let (Some(doc), Some(catalog)) = (&mut model.doc, &model.catalog) else {
        return Effect::None;
    };
    if doc.loaded.assessment.decision.is_none()
        && let Some(chosen) = shown_chosen(doc)
    {
        let a = &mut doc.loaded.assessment;
        a.decision = Some(decision::propose(catalog, &a.scenario, &chosen, today));
    }
    match decision::take(&mut doc.loaded.assessment, catalog, today) {
        Ok(()) => {
            doc.loaded.assessment.meta.updated = now;
            doc.dirty = true;
            model.note = Some(Note::info(k::UI_DECISION_TAKEN, vec![]));
            go_to(model, Some(Step::Checklist))
        }
        Err(missing) => {
            let first = missing[0];
            let rows = decision_rows(doc);
            doc.outcome.decision.focus =
                rows.iter().position(|r| *r == missing_row(first)).unwrap_or(0);
            let _ = sync_decision_editor(doc);
            doc.dirty = true;
            model.note = Some(Note::missing(missing_key(first)));
            Effect::Save
        }
    }
}

fn sync_item_editor(doc: &mut Doc) -> Result<bool, BadDate> {
    let Some(item) = &mut doc.outcome.checklist.item else { return Ok(false) };
    let focused = ItemRow::ALL.get(item.focus).and_then(|r| r.field(item.id));
    if item.editor.as_ref().map(|e| e.field) == focused {
        return Ok(false);
    }
    let left = match &item.editor {
        Some(editor) => editor.close(&mut doc.loaded.assessment)?,
        None => false,
    };
    item.editor = focused.map(|f| TextBox::open(f, &doc.loaded.assessment));
    Ok(left)
}

fn cycle_status(a: &mut Assessment, id: TodoId, forward: bool) {
    use TodoStatus as S;
    let item = a.checklist.entry(id).or_default();
    item.status = match (item.status, forward) {
        (S::Open, true) | (S::NotApplicable, false) => S::Done,
        (S::Done, true) | (S::Open, false) => S::NotApplicable,
        (S::NotApplicable, true) | (S::Done, false) => S::Open,
    };
}

fn act_checklist(model: &mut Model, action: Action) -> Effect {
    let now = model.now;
    let catalog = model.catalog.as_ref();
    let Some(doc) = &mut model.doc else { return Effect::None };
    let rows = checklist_rows(doc, catalog);
    let cursor = doc.outcome.checklist.cursor.min(rows.len() - 1);
    if let Some(item) = &mut doc.outcome.checklist.item {
        let last = ItemRow::ALL.len() - 1;
        let id = item.id;
        match action {
            Action::Up | Action::PrevField => item.focus = item.focus.saturating_sub(1),
            Action::Down | Action::Enter => item.focus = (item.focus + 1).min(last),
            Action::NextField if item.focus == last => return close_item(model),
            Action::NextField => item.focus += 1,
            Action::Space | Action::Right | Action::Left if item.focus == 0 => {
                cycle_status(&mut doc.loaded.assessment, id, action != Action::Left);
                doc.loaded.assessment.meta.updated = now;
                doc.dirty = true;
            }
            Action::Back => return close_item(model),
            _ => {}
        }
        return leave_field(model);
    }
    let row = rows[cursor].clone();
    match action {
        Action::Up => doc.outcome.checklist.cursor = cursor.saturating_sub(1),
        Action::Down => doc.outcome.checklist.cursor = (cursor + 1).min(rows.len() - 1),
        Action::Space => {
            if let ChecklistRow::Todo(todo) = &row {
                cycle_status(&mut doc.loaded.assessment, todo.id, true);
                doc.loaded.assessment.meta.updated = now;
                doc.dirty = true;
                return Effect::Save;
            }
        }
        Action::Enter => match row {
            ChecklistRow::Todo(Todo { id, .. }) | ChecklistRow::Gone(id, _) => {
                doc.outcome.checklist.item = Some(ItemForm { id, focus: 0, editor: None });
            }
            ChecklistRow::Continue => return go_to(model, Some(Step::Review)),
        },
        Action::Back => return go_to(model, Step::Checklist.previous()),
        _ => {}
    }
    Effect::None
}

/// Leaves the item form for the list (a bad date keeps it open).
fn close_item(model: &mut Model) -> Effect {
    let Some(doc) = &mut model.doc else { return Effect::None };
    if let Some(item) = &mut doc.outcome.checklist.item {
        item.focus = usize::MAX;
    }
    let effect = leave_field(model);
    let Some(doc) = &mut model.doc else { return effect };
    if doc.outcome.checklist.item.as_ref().is_some_and(|i| i.editor.is_some()) {
        // The date was refused: the form stays open on it (leave_field put the focus back).
        return effect;
    }
    doc.outcome.checklist.item = None;
    if doc.dirty { Effect::Save } else { effect }
}

fn act_review(model: &mut Model, action: Action) -> Effect {
    let Some(doc) = &mut model.doc else { return Effect::None };
    let rows = review_rows(doc);
    let r = &mut doc.outcome.review;
    let cursor = r.cursor.min(rows.len() - 1);
    match action {
        Action::Up => r.cursor = cursor.saturating_sub(1),
        Action::Down => r.cursor = (cursor + 1).min(rows.len() - 1),
        Action::Enter => return go_to(model, Some(rows[cursor].step())),
        Action::Back => return go_to(model, Step::Review.previous()),
        Action::Export(kind) => return Effect::Export(kind),
        _ => {}
    }
    Effect::None
}

/// Consistency of these screens, for the property test.
pub fn check(doc: &Doc) -> Result<(), String> {
    let o = &doc.outcome;
    if let Some(list) = &doc.shortlist {
        if !list.ranked.is_empty() && o.results.ranked >= list.ranked.len() {
            return Err("results cursor out of range".into());
        }
        if o.results.compare.len() > COMPARE_MAX {
            return Err("more than three offerings compared".into());
        }
    }
    if doc.step() != Step::Decision && o.decision.editor.is_some() {
        return Err("decision editor open on another step".into());
    }
    if let Some(editor) = editing(doc)
        && !editor.field.is_date()
        && editor.input.value() != editor.field.value(&doc.loaded.assessment)
    {
        return Err("editor and assessment disagree".into());
    }
    Ok(())
}
