//! The decision: the chosen offering (the top-ranked one preselected), a runner-up, an override
//! when an excluded offering is chosen (saying plainly what is overridden), the rationale, the
//! status and who sets it.
//!
//! The form edits a draft; nothing is decided until "Take the decision". Leaving keeps the
//! draft, which is labelled as a draft wherever it shows. Choosing works as on every question:
//! ↑↓ move, Space picks, Enter goes to the next question; the rationale opens with Space, takes
//! Enter as a new line, and Esc closes it again.

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
}

impl Part {
    pub fn key(self) -> &'static str {
        match self {
            Part::Chosen => "ui.decision.chosen",
            Part::RunnerUp => "ui.decision.runner_up",
            Part::OverrideReason => "ui.decision.override_reason",
            Part::OverrideAcceptedBy => "ui.decision.override_accepted_by",
            Part::Rationale => "ui.decision.rationale",
            Part::Status => "ui.decision.status",
            Part::SetBy => "ui.decision.decided_by",
            Part::Take => "ui.decision.take",
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
pub fn missing_key(missing: Missing) -> &'static str {
    match missing {
        Missing::Chosen => "ui.decision.missing.chosen",
        Missing::RunnerUpIsChosen => "ui.decision.missing.runner_up",
        Missing::OverrideReason => "ui.decision.missing.override_reason",
        Missing::OverrideAcceptedBy => "ui.decision.missing.override_accepted_by",
        Missing::DecidedBy => "ui.decision.missing.decided_by",
        Missing::Rationale => "ui.decision.missing.rationale",
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
        editor::refocus(&mut self.editor, field, &mut cx.doc.loaded.assessment).unwrap_or(false)
    }

    /// The rationale is open for writing.
    pub fn writing(&self) -> bool {
        self.editor.as_ref().is_some_and(|e| e.field.multi_line())
    }

    pub fn keys(&self, doc: &Doc) -> Keys {
        let tab = keymap::tab("ui.does.question").footer(Footer::No);
        if self.writing() {
            let mut keys = Keys::text(vec![
                Binding::new(
                    "Enter",
                    "ui.does.new_line",
                    &[(ratatui::crossterm::event::KeyCode::Enter, Action::NewLine)],
                    Footer::Always,
                ),
                keymap::esc("ui.does.close_text"),
                keymap::tab("ui.does.close_text_next"),
            ]);
            keys.bindings.extend(keymap::editor_keys(true));
            return keys;
        }
        if self.editor.is_some() {
            let mut keys = Keys::text(vec![
                keymap::enter("ui.does.next"),
                keymap::esc("ui.does.back"),
                keymap::arrows("ui.does.field", false),
                tab,
            ]);
            keys.bindings.extend(keymap::editor_keys(false));
            return keys;
        }
        let first = match self.row(doc) {
            Some(Row::Take) => keymap::enter("ui.decision.does.take"),
            Some(Row::Field(TextField::Rationale)) => keymap::space("ui.does.write"),
            _ => keymap::space("ui.does.choose"),
        };
        let mut list = vec![first];
        if !matches!(self.row(doc), Some(Row::Take)) {
            list.push(keymap::enter("ui.does.next"));
        }
        list.extend([keymap::esc("ui.does.back"), keymap::arrows("ui.does.move", true), tab]);
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
                    cx.note(Note::info("ui.decision.taken", vec![]));
                    return Flow::Go(Go::Step(Step::Checklist, Focus::First));
                }
                Err(m) => missing = m,
            }
        }
        let first = missing[0];
        self.land_on(cx, Part::of_missing(first));
        cx.note(Note::error("ui.note.missing", vec![("what", missing_key(first).to_string())]));
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
        State::ensure_draft(cx);
        let changed = editor.key(key, &mut cx.doc.loaded.assessment);
        State::settle_draft(cx);
        changed
    }

    pub fn paste(&mut self, cx: &mut Cx, text: &str) -> bool {
        let Some(editor) = &mut self.editor else { return false };
        State::ensure_draft(cx);
        let changed = editor.paste(text, &mut cx.doc.loaded.assessment);
        State::settle_draft(cx);
        changed
    }

    pub fn leave(&mut self) -> Leave {
        Leave::Ok(self.editor.take().is_some_and(|e| e.changed))
    }

    pub fn help_key(&self) -> &'static str {
        "ui.decision.help"
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
            if a.decision.is_some() { "ui.decision.draft_changed" } else { "ui.decision.draft" };
        (format!("▲ {}", t.get(key)), th.error)
    } else if a.decision.as_ref().is_some_and(|d| d.to_be_confirmed) {
        (format!("▲ {}", t.get("ui.decision.confirm_again")), th.error)
    } else if a.decision.is_some() {
        (format!("✓ {}", t.get("ui.decision.is_taken")), th.success)
    } else {
        (t.get("ui.decision.intro").to_string(), th.muted)
    };
    let banner = form::text_lines(&text, columns, 1, style);
    let [banner_area, form_area] = inner
        .layout(&Layout::vertical([Constraint::Length(banner.len() as u16), Constraint::Fill(1)]));
    frame.render_widget(Paragraph::new(banner), banner_area);
    let columns = form_area.width.saturating_sub(2) as usize;
    let blocks = blocks(state, env, doc, columns);
    let labels = [Part::OverrideReason, Part::OverrideAcceptedBy, Part::Rationale, Part::SetBy]
        .map(|p| format!("{} *", t.get(p.key())));
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
                let rank = t.fmt("ui.results.rank", &[("n", &(i + 1).to_string())]);
                let tier = list.and_then(|l| l.ranked.get(i)).map(|e| e.tier());
                match tier {
                    Some(crate::domain::narrowing::Tier::Unconfirmed) => format!(
                        "{rank}, ◇ {}",
                        describe::tier(t, crate::domain::narrowing::Tier::Unconfirmed)
                    ),
                    _ => rank,
                }
            }
            None => format!("✖ {}", t.get("ui.results.excluded")),
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
                    heading(&mut out, Some(t.get("ui.decision.optional")));
                }
                let label = match id {
                    Some(id) => format!("{} — {}", env.name(id), standing(id)),
                    None => t.get("ui.decision.no_runner_up").to_string(),
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
                let label = format!("{} – {}", t.get(s.key()), describe::status_hint(t, *s));
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
                } else if new_part && matches!(field, TextField::Rationale | TextField::SetBy) {
                    out.push(Block::Text { lines: vec![Line::raw("")], starts: false });
                }
                let hint = match field {
                    TextField::Rationale if focused && state.editor.is_none() => {
                        Some(t.get("ui.decision.rationale_space").to_string())
                    }
                    TextField::Rationale => {
                        Some(t.get("ui.decision.rationale_optional").to_string())
                    }
                    _ => None,
                };
                let required =
                    matches!(field, TextField::OverrideReason | TextField::OverrideAcceptedBy);
                let star = if required { " *" } else { "" };
                out.push(Block::Field(Field {
                    label: format!("{}{star}", t.get(field.label_key())),
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
                let label = format!("[ {} ]", t.get("ui.decision.take"));
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
    let text = format!("▲ {}", t.fmt("ui.decision.overriding", &[("name", t.pick(&o.name))]));
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
