//! The decision: the chosen offering (the top-ranked one preselected), a runner-up, an override
//! when an excluded offering is chosen (saying plainly what is overridden), the rationale, the
//! status and who sets it.
//!
//! The form edits a draft; nothing is decided until "Take the decision". Leaving keeps the
//! draft, which is labelled as a draft wherever it shows. Choosing works as on every question:
//! ↑↓ move, Space picks, Enter goes to the next question; the rationale opens with Space, takes
//! Enter as a new line, and Esc closes it again.

use crate::i18n::{Key, k};
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block as Frame_, Borders, Paragraph};

use super::{Cx, Flow, Focus, Go, Leave};
use crate::describe;
use crate::domain::assessment::{DecisionDraft, Status};
use crate::domain::decision::{self, Missing};
use crate::domain::scenario::Step;
use crate::tui::action::Action;
use crate::tui::doc::{Doc, Note};
use crate::tui::editor::{self, Editor, TextField};
use crate::tui::env::Env;
use crate::tui::form::{self, Block, Field};
use crate::tui::keymap::{self, Binding, Footer, Keys};

/// The questions of the form, top to bottom.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    Chosen,
    RunnerUp,
    OverrideReason,
    OverrideAcceptedBy,
    Rationale,
    Status,
    SetBy,
    Take,
    /// The sign-off, below the button: the data protection officer's opinion, by whom, when;
    /// then one approval per decision-maker named on the About form. Optional, may come later,
    /// and outside the draft.
    DpoOpinion,
    DpoName,
    DpoDate,
    Approval(usize),
}

impl Part {
    pub fn key(self) -> Key {
        match self {
            Part::Chosen => k::UI_DECISION_CHOSEN,
            Part::RunnerUp => k::UI_DECISION_RUNNER_UP,
            Part::OverrideReason => k::UI_DECISION_OVERRIDE_REASON,
            Part::OverrideAcceptedBy => k::UI_DECISION_OVERRIDE_ACCEPTED_BY,
            Part::Rationale => k::UI_DECISION_RATIONALE,
            Part::Status => k::UI_DECISION_STATUS,
            Part::SetBy => k::UI_DECISION_DECIDED_BY,
            Part::DpoOpinion | Part::DpoName | Part::DpoDate | Part::Approval(_) => {
                k::UI_DECISION_SIGN_OFF
            }
            Part::Take => k::UI_DECISION_TAKE,
        }
    }

    /// Where a missing piece is asked for.
    pub fn of_missing(missing: Missing) -> Part {
        match missing {
            Missing::Chosen => Part::Chosen,
            Missing::RunnerUpIsChosen => Part::RunnerUp,
            Missing::OverrideReason => Part::OverrideReason,
            Missing::OverrideAcceptedBy => Part::OverrideAcceptedBy,
            Missing::DecidedBy => Part::SetBy,
            Missing::Rationale => Part::Rationale,
        }
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

/// A row of the form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Row {
    Chosen(String),
    RunnerUp(Option<String>),
    Field(TextField),
    Status(Status),
    Take,
}

impl Row {
    pub fn part(&self) -> Part {
        match self {
            Row::Chosen(_) => Part::Chosen,
            Row::RunnerUp(_) => Part::RunnerUp,
            Row::Field(TextField::OverrideReason) => Part::OverrideReason,
            Row::Field(TextField::OverrideAcceptedBy) => Part::OverrideAcceptedBy,
            Row::Field(TextField::Rationale) => Part::Rationale,
            Row::Field(TextField::DpoOpinion) => Part::DpoOpinion,
            Row::Field(TextField::DpoName) => Part::DpoName,
            Row::Field(TextField::DpoDate) => Part::DpoDate,
            Row::Field(TextField::Approval(i)) => Part::Approval(*i),
            Row::Field(_) => Part::SetBy,
            Row::Status(_) => Part::Status,
            Row::Take => Part::Take,
        }
    }

    /// The option is the one the draft has.
    fn selected(&self, d: &DecisionDraft) -> bool {
        match self {
            Row::Chosen(id) => *id == d.chosen,
            Row::RunnerUp(id) => *id == d.runner_up,
            Row::Status(s) => *s == d.status,
            _ => false,
        }
    }
}

/// The top-ranked offering (preselected on a new form).
pub fn top_ranked(doc: &Doc) -> Option<String> {
    doc.shortlist.as_ref()?.ranked.first().map(|e| e.offering.clone())
}

/// What the form shows: its draft, else the decision taken, else a new proposal.
pub fn shown_draft(doc: &Doc) -> DecisionDraft {
    decision::draft_of(&doc.loaded.assessment, top_ranked(doc).as_deref())
}

/// Whether today's answers exclude the offering.
pub fn excluded_now(doc: &Doc, id: &str) -> bool {
    doc.shortlist.as_ref().is_some_and(|l| decision::is_excluded(l, id))
}

/// Changes the form; the result is kept as the draft (dropped when it equals the decision
/// taken). Returns whether anything changed.
pub fn edit_draft(doc: &mut Doc, change: impl FnOnce(&mut DecisionDraft)) -> bool {
    let before = shown_draft(doc);
    let mut draft = before.clone();
    change(&mut draft);
    if draft == before {
        return false;
    }
    decision::keep_draft(&mut doc.loaded.assessment, draft);
    true
}

/// The rows of the form for the draft as it is.
pub fn rows(doc: &Doc) -> Vec<Row> {
    let d = shown_draft(doc);
    let (ranked, excluded): (Vec<String>, Vec<String>) = match &doc.shortlist {
        Some(l) => (
            l.ranked.iter().map(|e| e.offering.clone()).collect(),
            l.excluded.iter().map(|e| e.offering.clone()).collect(),
        ),
        None => (Vec::new(), Vec::new()),
    };
    let mut rows: Vec<Row> = ranked.iter().chain(&excluded).cloned().map(Row::Chosen).collect();
    if !d.chosen.is_empty() && !rows.contains(&Row::Chosen(d.chosen.clone())) {
        rows.push(Row::Chosen(d.chosen.clone()));
    }
    rows.push(Row::RunnerUp(None));
    let mut runners: Vec<String> = ranked.into_iter().filter(|id| *id != d.chosen).collect();
    if let Some(r) = &d.runner_up
        && !runners.contains(r)
    {
        runners.push(r.clone());
    }
    rows.extend(runners.into_iter().map(|id| Row::RunnerUp(Some(id))));
    if excluded_now(doc, &d.chosen) {
        rows.extend([
            Row::Field(TextField::OverrideReason),
            Row::Field(TextField::OverrideAcceptedBy),
        ]);
    }
    rows.push(Row::Field(TextField::Rationale));
    rows.extend(Status::ALL.map(Row::Status));
    rows.push(Row::Field(TextField::SetBy));
    rows.push(Row::Take);
    // The sign-off often comes later than the decision: below the button, out of Enter's way.
    rows.extend([TextField::DpoOpinion, TextField::DpoName, TextField::DpoDate].map(Row::Field));
    let makers = doc.loaded.assessment.meta.decision_makers.len();
    rows.extend((0..makers).map(|i| Row::Field(TextField::Approval(i))));
    rows
}

pub struct State {
    pub cursor: usize,
    /// The text being edited: a one-line field under the cursor, or the rationale once opened.
    pub editor: Option<Editor>,
    pub scroll: form::Scroll,
}

impl State {
    pub fn new(cx: &mut Cx, focus: &Focus) -> State {
        let mut state = State { cursor: 0, editor: None, scroll: form::Scroll::default() };
        let part = match focus {
            Focus::Decision(part) => *part,
            Focus::Field(f) => match f {
                TextField::Rationale => Part::Rationale,
                TextField::OverrideReason => Part::OverrideReason,
                TextField::OverrideAcceptedBy => Part::OverrideAcceptedBy,
                TextField::DpoOpinion => Part::DpoOpinion,
                TextField::DpoName => Part::DpoName,
                TextField::DpoDate => Part::DpoDate,
                TextField::Approval(i) => Part::Approval(*i),
                _ => Part::SetBy,
            },
            _ => Part::Chosen,
        };
        state.land_on(cx, part);
        state
    }

    pub fn row(&self, doc: &Doc) -> Option<Row> {
        rows(doc).get(self.cursor).cloned()
    }

    /// Puts the cursor on `part`: its chosen option, or its field.
    pub fn land_on(&mut self, cx: &mut Cx, part: Part) {
        let rows = rows(cx.doc);
        let d = shown_draft(cx.doc);
        let first = rows.iter().position(|r| r.part() == part);
        self.cursor =
            rows.iter().position(|r| r.part() == part && r.selected(&d)).or(first).unwrap_or(0);
        let _ = self.sync_editor(cx, false);
    }

    /// The editor follows the cursor: one-line fields are edited as soon as they have the
    /// focus; the rationale only once opened (`open`).
    fn sync_editor(&mut self, cx: &mut Cx, open: bool) -> bool {
        let field = match self.row(cx.doc) {
            Some(Row::Field(TextField::Rationale)) => {
                let writing = self.editor.as_ref().is_some_and(|e| e.field == TextField::Rationale);
                (open || writing).then_some(TextField::Rationale)
            }
            Some(Row::Field(f)) => Some(f),
            _ => None,
        };
        let before = self.editor.as_ref().map(|e| e.field);
        match editor::refocus(&mut self.editor, field, &mut cx.doc.loaded.assessment) {
            Ok(left) => {
                if before != field && cx.notes.is(k::UI_CHECKLIST_BAD_DATE) {
                    cx.notes.current = None;
                }
                left
            }
            Err(editor::BadDate) => {
                // Back to the date field, with the text as typed, and say how to write it.
                let field = self.editor.as_ref().map(|e| e.field);
                if let Some(i) =
                    rows(cx.doc).iter().position(|r| Some(r) == field.map(Row::Field).as_ref())
                {
                    self.cursor = i;
                }
                let value = self.editor.as_ref().map(Editor::text).unwrap_or_default();
                cx.note(Note::error(k::UI_CHECKLIST_BAD_DATE, vec![("value", value)]));
                false
            }
        }
    }

    /// The rationale is open for writing.
    pub fn writing(&self) -> bool {
        self.editor.as_ref().is_some_and(|e| e.field.multi_line())
    }

    pub fn keys(&self, doc: &Doc) -> Keys {
        let tab = keymap::tab(k::UI_DOES_QUESTION).footer(Footer::No);
        if self.writing() {
            let mut keys = Keys::text(vec![
                Binding::new(
                    "Enter",
                    k::UI_DOES_NEW_LINE,
                    &[(ratatui::crossterm::event::KeyCode::Enter, Action::NewLine)],
                    Footer::Always,
                ),
                keymap::esc(k::UI_DOES_CLOSE_TEXT),
                keymap::tab(k::UI_DOES_CLOSE_TEXT_NEXT),
            ]);
            keys.bindings.extend(keymap::editor_keys(true));
            return keys;
        }
        if self.editor.is_some() {
            let mut keys = Keys::text(vec![
                keymap::enter(k::UI_DOES_NEXT),
                keymap::esc(k::UI_DOES_BACK),
                keymap::arrows(k::UI_DOES_FIELD, false),
                tab,
            ]);
            keys.bindings.extend(keymap::editor_keys(false));
            return keys;
        }
        let first = match self.row(doc) {
            Some(Row::Take) => keymap::enter(k::UI_DECISION_DOES_TAKE),
            Some(Row::Field(TextField::Rationale)) => keymap::space(k::UI_DOES_WRITE),
            _ => keymap::space(k::UI_DOES_CHOOSE),
        };
        let mut list = vec![first];
        if !matches!(self.row(doc), Some(Row::Take)) {
            list.push(keymap::enter(k::UI_DOES_NEXT));
        }
        list.extend([keymap::esc(k::UI_DOES_BACK), keymap::arrows(k::UI_DOES_MOVE, true), tab]);
        Keys::new(list)
    }

    pub fn update(&mut self, cx: &mut Cx, action: Action) -> Flow {
        let rows = rows(cx.doc);
        let Some(row) = rows.get(self.cursor).cloned() else { return Flow::Stay };
        if self.writing() {
            return match action {
                Action::NewLine => {
                    State::ensure_draft(cx);
                    if let Some(e) = &mut self.editor
                        && e.new_line(&mut cx.doc.loaded.assessment)
                    {
                        cx.doc.touch(cx.env.now);
                    }
                    State::settle_draft(cx);
                    Flow::Stay
                }
                // Back to the form, on the same row (never into the next field).
                Action::Back => self.close_text(cx),
                Action::NextField | Action::PrevField => {
                    let flow = self.close_text(cx);
                    self.next_part(cx, action == Action::NextField);
                    flow
                }
                _ => Flow::Stay,
            };
        }
        let mut changed = false;
        match action {
            Action::Up => self.cursor = self.cursor.saturating_sub(1),
            Action::Down => self.cursor = (self.cursor + 1).min(rows.len() - 1),
            Action::NextField | Action::PrevField => {
                self.next_part(cx, action == Action::NextField);
                return self.after_move(cx, false);
            }
            Action::Space => match &row {
                Row::Chosen(id) => {
                    let id = id.clone();
                    changed = edit_draft(cx.doc, |d| {
                        if d.runner_up.as_ref() == Some(&id) {
                            d.runner_up = None;
                        }
                        d.chosen = id;
                    });
                }
                Row::RunnerUp(id) => {
                    let id = id.clone();
                    changed = edit_draft(cx.doc, |d| d.runner_up = id);
                }
                Row::Status(s) => {
                    let s = *s;
                    changed = edit_draft(cx.doc, |d| d.status = s);
                }
                Row::Field(TextField::Rationale) => {
                    self.sync_editor(cx, true);
                    return Flow::Stay;
                }
                _ => {}
            },
            Action::Enter if row == Row::Take => return self.take(cx),
            Action::Enter => {
                self.next_part(cx, true);
                return self.after_move(cx, false);
            }
            Action::Back => return Flow::Go(Go::Back),
            _ => {}
        }
        if changed {
            cx.doc.touch(cx.env.now);
            // The rows change with the choice (runner-ups, override): stay on the same row.
            if let Some(i) = super::decision::rows(cx.doc).iter().position(|r| *r == row) {
                self.cursor = i;
            }
        }
        // A choice, once picked, goes on to the next question.
        if action == Action::Space
            && matches!(row, Row::Chosen(_) | Row::RunnerUp(_) | Row::Status(_))
        {
            self.next_part(cx, true);
        }
        self.after_move(cx, changed)
    }

    fn after_move(&mut self, cx: &mut Cx, changed: bool) -> Flow {
        self.cursor = self.cursor.min(rows(cx.doc).len() - 1);
        let left = self.sync_editor(cx, false);
        if changed || left { Flow::Save } else { Flow::Stay }
    }

    /// The next (or previous) question, onto its chosen option.
    fn next_part(&mut self, cx: &mut Cx, forward: bool) {
        let rows = rows(cx.doc);
        let Some(here) = rows.get(self.cursor).map(Row::part) else { return };
        let mut parts: Vec<Part> = rows.iter().map(Row::part).collect();
        parts.dedup();
        let i = parts.iter().position(|p| *p == here).unwrap_or(0);
        let next = if forward { parts.get(i + 1) } else { i.checked_sub(1).map(|j| &parts[j]) };
        if let Some(part) = next.copied() {
            self.editor = match self.editor.take() {
                Some(e) if e.field.multi_line() => None,
                other => other,
            };
            self.land_on(cx, part);
        }
    }

    fn close_text(&mut self, cx: &mut Cx) -> Flow {
        let changed = self.editor.take().is_some_and(|e| e.changed);
        let _ = cx;
        if changed { Flow::Save } else { Flow::Stay }
    }

    /// "Take the decision": complete → the snapshot is frozen, on to the checklist; else say
    /// what is missing and put the focus there.
    fn take(&mut self, cx: &mut Cx) -> Flow {
        let Some(catalog) = &cx.env.catalog else { return Flow::Stay };
        let draft = shown_draft(cx.doc);
        let doc: &Doc = cx.doc;
        let mut missing = decision::missing_in_draft(&draft, |id| excluded_now(doc, id));
        if missing.is_empty() {
            let today = cx.env.today;
            match decision::take_draft(&mut cx.doc.loaded.assessment, &draft, catalog, today) {
                Ok(()) => {
                    cx.doc.touch(cx.env.now);
                    cx.note(Note::info(k::UI_DECISION_TAKEN, vec![]));
                    return Flow::Go(Go::Step(Step::Checklist, Focus::First));
                }
                Err(m) => missing = m,
            }
        }
        let first = missing[0];
        self.land_on(cx, Part::of_missing(first));
        cx.note(Note::missing(missing_key(first)));
        Flow::Stay
    }

    /// The decision's fields write into the draft: start it from what the form shows.
    fn ensure_draft(cx: &mut Cx) {
        if cx.doc.loaded.assessment.draft.is_none() {
            cx.doc.loaded.assessment.draft = Some(shown_draft(cx.doc));
        }
    }

    /// Nothing typed: the draft made for the keystroke was only a copy of what the form shows.
    fn settle_draft(cx: &mut Cx) {
        if let Some(draft) = cx.doc.loaded.assessment.draft.clone() {
            decision::keep_draft(&mut cx.doc.loaded.assessment, draft);
        }
    }

    pub fn edit(&mut self, cx: &mut Cx, key: KeyEvent) -> bool {
        let Some(editor) = &mut self.editor else { return false };
        let draft = editor.field.in_draft();
        if draft {
            State::ensure_draft(cx);
        }
        let changed = editor.key(key, &mut cx.doc.loaded.assessment);
        if draft {
            State::settle_draft(cx);
        }
        changed
    }

    pub fn paste(&mut self, cx: &mut Cx, text: &str) -> bool {
        let Some(editor) = &mut self.editor else { return false };
        let draft = editor.field.in_draft();
        if draft {
            State::ensure_draft(cx);
        }
        let changed = editor.paste(text, &mut cx.doc.loaded.assessment);
        if draft {
            State::settle_draft(cx);
        }
        changed
    }

    /// Leaving the screen: a date that is not one keeps it (and says so).
    pub fn leave(&mut self, cx: &mut Cx) -> Leave {
        let Some(editor) = &self.editor else { return Leave::Ok(false) };
        match editor.close(&mut cx.doc.loaded.assessment) {
            Ok(changed) => {
                self.editor = None;
                Leave::Ok(changed)
            }
            Err(editor::BadDate) => {
                let value = editor.text();
                cx.note(Note::error(k::UI_CHECKLIST_BAD_DATE, vec![("value", value)]));
                Leave::Refused
            }
        }
    }

    pub fn help_key(&self) -> Key {
        k::UI_DECISION_HELP
    }
}

// ---------------------------------------------------------------------------------------------
// Drawing

pub fn draw(frame: &mut Frame, area: Rect, state: &State, env: &Env, doc: &Doc) {
    let t = &env.texts;
    let th = &env.theme;
    let rule = Frame_::new().borders(Borders::TOP).border_style(th.border);
    let inner = rule.inner(area);
    frame.render_widget(rule, area);
    let columns = inner.width.saturating_sub(2) as usize;
    let a = &doc.loaded.assessment;
    let (text, style) = if a.draft.is_some() {
        let key =
            if a.decision.is_some() { k::UI_DECISION_DRAFT_CHANGED } else { k::UI_DECISION_DRAFT };
        (format!("▲ {}", t.get(key)), th.error)
    } else if a.decision.as_ref().is_some_and(|d| d.to_be_confirmed) {
        (format!("▲ {}", t.get(k::UI_DECISION_CONFIRM_AGAIN)), th.error)
    } else if a.decision.is_some() {
        (format!("✓ {}", t.get(k::UI_DECISION_IS_TAKEN)), th.success)
    } else {
        (t.get(k::UI_DECISION_INTRO).to_string(), th.muted)
    };
    let banner = form::text_lines(&text, columns, 1, style);
    let [banner_area, form_area] = inner
        .layout(&Layout::vertical([Constraint::Length(banner.len() as u16), Constraint::Fill(1)]));
    frame.render_widget(Paragraph::new(banner), banner_area);
    let columns = form_area.width.saturating_sub(2) as usize;
    let blocks = blocks(state, env, doc, columns);
    let labels = [
        TextField::OverrideReason,
        TextField::OverrideAcceptedBy,
        TextField::Rationale,
        TextField::SetBy,
        TextField::DpoOpinion,
        TextField::DpoName,
        TextField::DpoDate,
    ]
    .map(|f| format!("{} *", t.get(f.label_key())));
    // The approvals' labels hold names: on a narrow screen they wrap instead of widening the
    // label column for every field.
    let wide = form_area.width >= 120;
    let approvals = doc
        .loaded
        .assessment
        .meta
        .decision_makers
        .iter()
        .filter(|_| wide)
        .map(|name| t.fmt(k::UI_DECISION_APPROVAL_BY, &[("name", name)]));
    let labels = labels.into_iter().chain(approvals);
    let label_w = form::label_width(labels, form_area.width as usize);
    form::draw(frame, form_area, &blocks, &state.scroll, label_w, th);
}

fn blocks<'a>(state: &'a State, env: &Env, doc: &Doc, columns: usize) -> Vec<Block<'a>> {
    let t = &env.texts;
    let th = &env.theme;
    let a = &doc.loaded.assessment;
    let d = shown_draft(doc);
    let standing = |id: &str| {
        let list = doc.shortlist.as_ref();
        match list.and_then(|l| l.ranked.iter().position(|e| e.offering == id)) {
            Some(i) => {
                let rank = t.fmt(k::UI_RESULTS_RANK, &[("n", &(i + 1).to_string())]);
                let tier = list.and_then(|l| l.ranked.get(i)).map(|e| e.tier());
                match tier {
                    Some(crate::domain::narrowing::Tier::Unconfirmed) => format!(
                        "{rank}, ◇ {}",
                        describe::tier(t, crate::domain::narrowing::Tier::Unconfirmed)
                    ),
                    _ => rank,
                }
            }
            None => format!("✖ {}", t.get(k::UI_RESULTS_EXCLUDED)),
        }
    };
    let mut out = Vec::new();
    let mut last = None;
    for (i, row) in rows(doc).into_iter().enumerate() {
        let focused = i == state.cursor;
        let part = row.part();
        let new_part = last != Some(part);
        last = Some(part);
        let heading = |out: &mut Vec<Block>, note: Option<&str>| {
            if !out.is_empty() {
                out.push(Block::Text { lines: vec![Line::raw("")], starts: false });
            }
            out.push(Block::Text {
                lines: form::heading_lines(th, columns, t.get(part.key()), note),
                starts: true,
            });
        };
        let glyph = if row.selected(&d) { "(•)" } else { "( )" };
        match &row {
            Row::Chosen(id) => {
                if new_part {
                    heading(&mut out, None);
                }
                let excluded = excluded_now(doc, id);
                let label = format!("{} — {}", env.name(id), standing(id));
                let style = if excluded { th.muted } else { Style::new() };
                out.push(Block::Row {
                    lines: form::option_lines(th, columns, focused, glyph, &label, style),
                    focused,
                });
            }
            Row::RunnerUp(id) => {
                if new_part {
                    heading(&mut out, Some(t.get(k::UI_DECISION_OPTIONAL)));
                }
                let label = match id {
                    Some(id) => format!("{} — {}", env.name(id), standing(id)),
                    None => t.get(k::UI_DECISION_NO_RUNNER_UP).to_string(),
                };
                out.push(Block::Row {
                    lines: form::option_lines(th, columns, focused, glyph, &label, Style::new()),
                    focused,
                });
            }
            Row::Status(s) => {
                if new_part {
                    heading(&mut out, None);
                }
                let label = format!("{} – {}", t.by_name(s.key()), describe::status_hint(t, *s));
                out.push(Block::Row {
                    lines: form::option_lines(th, columns, focused, glyph, &label, Style::new()),
                    focused,
                });
            }
            Row::Field(field) => {
                if new_part && *field == TextField::OverrideReason {
                    out.push(Block::Text { lines: vec![Line::raw("")], starts: false });
                    out.push(Block::Text {
                        lines: overriding(env, doc, &d.chosen, columns),
                        starts: true,
                    });
                } else if new_part && *field == TextField::DpoOpinion {
                    heading(&mut out, Some(t.get(k::UI_DECISION_SIGN_OFF_LATER)));
                } else if new_part && matches!(field, TextField::Rationale | TextField::SetBy) {
                    out.push(Block::Text { lines: vec![Line::raw("")], starts: false });
                }
                let hint = match field {
                    TextField::Rationale if focused && state.editor.is_none() => {
                        Some(t.get(k::UI_DECISION_RATIONALE_SPACE).to_string())
                    }
                    TextField::Rationale => {
                        Some(t.get(k::UI_DECISION_RATIONALE_OPTIONAL).to_string())
                    }
                    f if f.is_date() => Some(t.get(k::UI_CHECKLIST_DATE_FORMAT).to_string()),
                    _ => None,
                };
                let required =
                    matches!(field, TextField::OverrideReason | TextField::OverrideAcceptedBy);
                let star = if required { " *" } else { "" };
                let label = match field {
                    TextField::Approval(i) => {
                        let name = a.meta.decision_makers.get(*i).map_or("", String::as_str);
                        t.fmt(k::UI_DECISION_APPROVAL_BY, &[("name", name)])
                    }
                    _ => format!("{}{star}", t.get(field.label_key())),
                };
                out.push(Block::Field(Field {
                    label,
                    value: field.value(a),
                    editor: state.editor.as_ref().filter(|e| e.field == *field && focused),
                    focused,
                    hint,
                }));
            }
            Row::Take => {
                out.push(Block::Text { lines: vec![Line::raw("")], starts: false });
                let marker = if focused { " ▶ " } else { "   " };
                let style = if focused { th.selected } else { th.heading };
                let label = format!("[ {} ]", t.get(k::UI_DECISION_TAKE));
                out.push(Block::Row {
                    lines: vec![Line::from(vec![
                        ratatui::text::Span::raw(marker),
                        ratatui::text::Span::styled(label, style),
                    ])],
                    focused,
                });
            }
        }
    }
    out
}

/// "X is excluded. Choosing it anyway overrides these reasons:" with the reasons.
fn overriding(env: &Env, doc: &Doc, chosen: &str, columns: usize) -> Vec<Line<'static>> {
    let t = &env.texts;
    let th = &env.theme;
    let mut lines = Vec::new();
    let (Some(catalog), Some(list)) = (&env.catalog, &doc.shortlist) else { return lines };
    let (Some(o), Some(e)) =
        (catalog.offering(chosen), list.excluded.iter().find(|e| e.offering == chosen))
    else {
        return lines;
    };
    let text = format!("▲ {}", t.fmt(k::UI_DECISION_OVERRIDING, &[("name", t.pick(&o.name))]));
    lines.extend(form::text_lines(&text, columns, 1, th.error));
    for ko in &e.knockouts {
        let reason = format!("✖ {}", describe::knockout(t, o, ko));
        lines.extend(
            crate::tui::text::wrap_hanging(&reason, columns, "   ", "     ")
                .into_iter()
                .map(Line::raw),
        );
    }
    lines
}
