//! The checklist: the to-dos for the scenario and the offering decided on, preconditions of use
//! first. Beside (or below) the list, why the to-do under the cursor applies and which norms
//! require it come first, then its progress; Enter opens it as a form (status, owner, due date,
//! evidence, note). `p` shows the action plan: every open to-do with owner and due date.
//! "Ready for use" is always in view, and so is the way on (Ctrl+N).

use crate::i18n::{Key, k};
use jiff::civil::Date;
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block as Frame_, Borders, Cell, List, ListItem, ListState, Paragraph, Row as TableRow,
    Scrollbar, ScrollbarOrientation, ScrollbarState, Table, Wrap,
};

use super::{Cx, Flow, Focus, Go, Leave};
use crate::describe;
use crate::domain::assessment::{ChecklistItem, TodoStatus};
use crate::domain::todos::{Todo, TodoId};
use crate::tui::action::Action;
use crate::tui::doc::{Doc, Note};
use crate::tui::editor::{self, Editor, TextField};
use crate::tui::env::Env;
use crate::tui::form::{self, Block, Field};
use crate::tui::keymap::{self, Binding, Footer, Keys};
use crate::tui::text::wrap_hanging;

/// A line of the list.
#[derive(Clone, Debug, PartialEq)]
pub enum Entry {
    /// A to-do that applies now.
    Todo(Todo),
    /// A to-do that no longer applies (kept with its date).
    Gone(TodoId, Date),
}

impl Entry {
    pub fn id(&self) -> TodoId {
        match self {
            Entry::Todo(t) => t.id,
            Entry::Gone(id, _) => *id,
        }
    }
}

/// The list: preconditions of use first, then the other to-dos, then those that no longer apply.
pub fn entries(doc: &Doc, env: &Env) -> Vec<Entry> {
    let mut todos = doc.todos(env.catalog.as_ref());
    todos.sort_by_key(|t| !t.precondition);
    let mut out: Vec<Entry> = todos.into_iter().map(Entry::Todo).collect();
    for (id, item) in &doc.loaded.assessment.checklist {
        if let Some(since) = item.no_longer_applies_since
            && !out.iter().any(|e| e.id() == *id)
        {
            out.push(Entry::Gone(*id, since));
        }
    }
    out
}

/// A row of a to-do's form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemRow {
    Status(TodoStatus),
    Field(TextField),
}

impl ItemRow {
    pub fn all(id: TodoId) -> Vec<ItemRow> {
        let mut rows: Vec<ItemRow> = TodoStatus::ALL.map(ItemRow::Status).to_vec();
        rows.extend(
            [
                TextField::Owner(id),
                TextField::Due(id),
                TextField::Evidence(id),
                TextField::EvidenceDate(id),
                TextField::Note(id),
            ]
            .map(ItemRow::Field),
        );
        rows
    }
}

/// One to-do opened as a form.
pub struct Item {
    pub id: TodoId,
    pub cursor: usize,
    pub editor: Option<Editor>,
    pub scroll: form::Scroll,
}

impl Item {
    pub fn row(&self) -> ItemRow {
        ItemRow::all(self.id)[self.cursor]
    }

    fn writing_note(&self) -> bool {
        self.editor.as_ref().is_some_and(|e| e.field.multi_line())
    }
}

pub struct State {
    pub cursor: usize,
    pub item: Option<Item>,
    /// The action plan is shown instead of the list.
    pub plan: bool,
    /// Tab moved the focus to the detail: ↑↓ scroll it.
    pub detail_focus: bool,
    /// Tab moved the focus to "Continue to the review".
    pub continue_focus: bool,
    pub detail_scroll: u16,
}

fn glyph(status: TodoStatus) -> &'static str {
    match status {
        TodoStatus::Open => "○",
        TodoStatus::InProgress => "◐",
        TodoStatus::Done => "✓",
        TodoStatus::NotApplicable => "–",
    }
}

impl State {
    pub fn new(cx: &mut Cx, focus: &Focus) -> State {
        let cursor = match focus {
            Focus::Todo(id) => entries(cx.doc, cx.env).iter().position(|e| e.id() == *id),
            _ => None,
        };
        State {
            cursor: cursor.unwrap_or(0),
            item: None,
            plan: false,
            detail_focus: false,
            continue_focus: false,
            detail_scroll: 0,
        }
    }

    pub fn keys(&self) -> Keys {
        use Action as A;
        if self.plan {
            return Keys::new(vec![
                keymap::letter('p', k::UI_CHECKLIST_DOES_LIST, A::Plan).footer(Footer::Always),
                keymap::esc(k::UI_CHECKLIST_DOES_LIST),
            ]);
        }
        if let Some(item) = &self.item {
            if item.writing_note() {
                let mut keys = Keys::text(vec![
                    Binding::new(
                        "Enter",
                        k::UI_DOES_NEW_LINE,
                        &[(KeyCode::Enter, A::NewLine)],
                        Footer::Always,
                    ),
                    keymap::esc(k::UI_DOES_CLOSE_TEXT),
                    keymap::tab(k::UI_DOES_CLOSE_TEXT_NEXT),
                ]);
                keys.bindings.extend(keymap::editor_keys(true));
                return keys;
            }
            if item.editor.is_some() {
                let mut keys = Keys::text(vec![
                    keymap::enter(k::UI_DOES_NEXT),
                    keymap::esc(k::UI_CHECKLIST_DOES_CLOSE),
                    keymap::arrows(k::UI_DOES_FIELD, false),
                    keymap::tab(k::UI_DOES_FIELD).footer(Footer::No),
                ]);
                keys.bindings.extend(keymap::editor_keys(false));
                return keys;
            }
            let first = match item.row() {
                ItemRow::Field(_) => keymap::space(k::UI_DOES_WRITE),
                ItemRow::Status(_) => keymap::space(k::UI_DOES_CHOOSE),
            };
            return Keys::new(vec![
                first,
                keymap::enter(k::UI_DOES_NEXT),
                keymap::esc(k::UI_CHECKLIST_DOES_CLOSE),
                keymap::arrows(k::UI_DOES_MOVE, true),
                keymap::tab(k::UI_DOES_FIELD).footer(Footer::No),
            ]);
        }
        if self.detail_focus {
            return Keys::new(vec![
                keymap::arrows(k::UI_DOES_SCROLL, true).footer(Footer::Always),
                keymap::tab(k::UI_CHECKLIST_DOES_TO_CONTINUE).footer(Footer::Always),
                keymap::esc(k::UI_DOES_BACK),
            ]);
        }
        if self.continue_focus {
            return Keys::new(vec![
                keymap::enter(k::UI_CHECKLIST_DOES_CONTINUE),
                keymap::tab(k::UI_CHECKLIST_DOES_LIST).footer(Footer::Always),
                keymap::esc(k::UI_DOES_BACK),
            ]);
        }
        Keys::new(vec![
            keymap::space(k::UI_CHECKLIST_DOES_DONE),
            keymap::enter(k::UI_CHECKLIST_DOES_OPEN),
            keymap::esc(k::UI_DOES_BACK),
            keymap::arrows(k::UI_DOES_MOVE, true),
            keymap::letter('p', k::UI_CHECKLIST_DOES_PLAN, A::Plan),
            keymap::tab(k::UI_CHECKLIST_DOES_DETAIL).footer(Footer::No),
        ])
    }

    pub fn update(&mut self, cx: &mut Cx, action: Action) -> Flow {
        if self.plan {
            if matches!(action, Action::Plan | Action::Back) {
                self.plan = false;
            }
            return Flow::Stay;
        }
        if self.item.is_some() {
            return self.update_item(cx, action);
        }
        let list = entries(cx.doc, cx.env);
        if list.is_empty() {
            return match action {
                Action::Back => Flow::Go(Go::Back),
                _ => Flow::Stay,
            };
        }
        self.cursor = self.cursor.min(list.len() - 1);
        if self.continue_focus {
            match action {
                Action::Enter => return Flow::Go(Go::Next),
                Action::NextField => self.continue_focus = false,
                Action::PrevField => {
                    self.continue_focus = false;
                    self.detail_focus = true;
                }
                Action::Back => return Flow::Go(Go::Back),
                _ => {}
            }
            return Flow::Stay;
        }
        if self.detail_focus {
            match action {
                Action::Up => self.detail_scroll = self.detail_scroll.saturating_sub(1),
                Action::Down => self.detail_scroll = self.detail_scroll.saturating_add(1).min(200),
                // List → explanation → "continue" → list.
                Action::NextField => {
                    self.detail_focus = false;
                    self.continue_focus = true;
                }
                Action::PrevField => self.detail_focus = false,
                Action::Back => return Flow::Go(Go::Back),
                _ => {}
            }
            return Flow::Stay;
        }
        let entry = &list[self.cursor];
        match action {
            Action::Up => self.move_to(self.cursor.saturating_sub(1)),
            Action::Down => self.move_to((self.cursor + 1).min(list.len() - 1)),
            Action::NextField => self.detail_focus = true,
            Action::PrevField => self.continue_focus = true,
            Action::Space => {
                if let Entry::Todo(todo) = entry {
                    let item = cx.doc.loaded.assessment.checklist.entry(todo.id).or_default();
                    item.status = match item.status {
                        TodoStatus::Done => TodoStatus::Open,
                        _ => TodoStatus::Done,
                    };
                    cx.doc.touch(cx.env.now);
                    return Flow::Save;
                }
            }
            Action::Enter => {
                let id = entry.id();
                let status = cx
                    .doc
                    .loaded
                    .assessment
                    .checklist
                    .get(&id)
                    .map_or(TodoStatus::Open, |i| i.status);
                let cursor = TodoStatus::ALL.iter().position(|s| *s == status).unwrap_or(0);
                self.item =
                    Some(Item { id, cursor, editor: None, scroll: form::Scroll::default() });
            }
            Action::Plan => self.plan = true,
            Action::Back => return Flow::Go(Go::Back),
            _ => {}
        }
        Flow::Stay
    }

    fn move_to(&mut self, cursor: usize) {
        if cursor != self.cursor {
            self.cursor = cursor;
            self.detail_scroll = 0;
        }
    }

    fn update_item(&mut self, cx: &mut Cx, action: Action) -> Flow {
        let Some(item) = &mut self.item else { return Flow::Stay };
        let rows = ItemRow::all(item.id);
        let last = rows.len() - 1;
        if item.writing_note() {
            return match action {
                Action::NewLine => {
                    if let Some(e) = &mut item.editor
                        && e.new_line(&mut cx.doc.loaded.assessment)
                    {
                        cx.doc.touch(cx.env.now);
                    }
                    Flow::Stay
                }
                // Back to the form, on the note (never into another field).
                Action::Back | Action::NextField | Action::PrevField => {
                    let changed = item.editor.take().is_some_and(|e| e.changed);
                    if changed { Flow::Save } else { Flow::Stay }
                }
                _ => Flow::Stay,
            };
        }
        let first_field = TodoStatus::ALL.len();
        let mut changed = false;
        match action {
            Action::Up => item.cursor = item.cursor.saturating_sub(1),
            Action::Down => item.cursor = (item.cursor + 1).min(last),
            // The status is one question; each field is one.
            Action::NextField | Action::Enter if item.cursor < first_field => {
                item.cursor = first_field
            }
            Action::Enter if item.cursor == last => return self.close_item(cx),
            Action::NextField | Action::Enter => item.cursor = (item.cursor + 1).min(last),
            Action::PrevField if item.cursor <= first_field => {
                let status = cx
                    .doc
                    .loaded
                    .assessment
                    .checklist
                    .get(&item.id)
                    .map_or(TodoStatus::Open, |i| i.status);
                item.cursor = TodoStatus::ALL.iter().position(|s| *s == status).unwrap_or(0);
            }
            Action::PrevField => item.cursor -= 1,
            Action::Space => match rows[item.cursor] {
                ItemRow::Status(status) => {
                    let entry = cx.doc.loaded.assessment.checklist.entry(item.id).or_default();
                    if entry.status != status {
                        entry.status = status;
                        cx.doc.touch(cx.env.now);
                        changed = true;
                    }
                    // Picked: on to the next question (the owner).
                    item.cursor = first_field;
                }
                ItemRow::Field(field) if field.multi_line() => {
                    item.editor = Some(Editor::open(field, &cx.doc.loaded.assessment));
                    return Flow::Stay;
                }
                ItemRow::Field(_) => {}
            },
            Action::Back => return self.close_item(cx),
            _ => {}
        }
        match self.sync_item_editor(cx) {
            Ok(left) if left || changed => Flow::Save,
            Ok(_) => Flow::Stay,
            Err(()) => Flow::Stay,
        }
    }

    /// The editor follows the item's cursor (one-line fields at once, the note once opened).
    /// `Err` when a date that is not one keeps the focus in its field.
    fn sync_item_editor(&mut self, cx: &mut Cx) -> Result<bool, ()> {
        let Some(item) = &mut self.item else { return Ok(false) };
        let field = match item.row() {
            ItemRow::Field(f) if !f.multi_line() => Some(f),
            _ => None,
        };
        match editor::refocus(&mut item.editor, field, &mut cx.doc.loaded.assessment) {
            Ok(left) => {
                if cx.notes.is(k::UI_CHECKLIST_BAD_DATE) {
                    cx.notes.current = None;
                }
                Ok(left)
            }
            Err(editor::BadDate) => {
                // Back to the date field, and say how to write it.
                let field = item.editor.as_ref().map(|e| e.field);
                let rows = ItemRow::all(item.id);
                if let Some(i) = rows.iter().position(|r| Some(*r) == field.map(ItemRow::Field)) {
                    item.cursor = i;
                }
                let value = item.editor.as_ref().map(Editor::text).unwrap_or_default();
                cx.note(Note::error(k::UI_CHECKLIST_BAD_DATE, vec![("value", value)]));
                Err(())
            }
        }
    }

    /// Closes the to-do's form (a date that is not one keeps it open).
    fn close_item(&mut self, cx: &mut Cx) -> Flow {
        let Some(item) = &mut self.item else { return Flow::Stay };
        let field = item.editor.as_ref().map(|e| e.field);
        let closed = match &item.editor {
            Some(e) => e.close(&mut cx.doc.loaded.assessment),
            None => Ok(false),
        };
        match closed {
            Ok(changed) => {
                self.item = None;
                if cx.notes.is(k::UI_CHECKLIST_BAD_DATE) {
                    cx.notes.current = None;
                }
                if changed {
                    cx.doc.touch(cx.env.now);
                    return Flow::Save;
                }
                Flow::Stay
            }
            Err(_) => {
                let value = item.editor.as_ref().map(Editor::text).unwrap_or_default();
                if let Some(i) =
                    ItemRow::all(item.id).iter().position(|r| Some(*r) == field.map(ItemRow::Field))
                {
                    item.cursor = i;
                }
                cx.note(Note::error(k::UI_CHECKLIST_BAD_DATE, vec![("value", value)]));
                Flow::Stay
            }
        }
    }

    pub fn edit(&mut self, cx: &mut Cx, key: KeyEvent) -> bool {
        let Some(e) = self.item.as_mut().and_then(|i| i.editor.as_mut()) else { return false };
        e.key(key, &mut cx.doc.loaded.assessment)
    }

    pub fn paste(&mut self, cx: &mut Cx, text: &str) -> bool {
        let Some(e) = self.item.as_mut().and_then(|i| i.editor.as_mut()) else { return false };
        e.paste(text, &mut cx.doc.loaded.assessment)
    }

    pub fn leave(&mut self, cx: &mut Cx) -> Leave {
        if self.item.is_none() {
            return Leave::Ok(false);
        }
        match self.close_item(cx) {
            Flow::Save => Leave::Ok(true),
            _ if self.item.is_some() => Leave::Refused,
            _ => Leave::Ok(false),
        }
    }

    pub fn editor(&self) -> Option<&Editor> {
        self.item.as_ref()?.editor.as_ref()
    }

    pub fn help_key(&self) -> Key {
        k::UI_CHECKLIST_HELP
    }
}

// ---------------------------------------------------------------------------------------------
// Drawing

/// "Ready for use: no – 3 preconditions open" / "… yes".
pub fn ready_text(env: &Env, doc: &Doc) -> (String, bool) {
    let t = &env.texts;
    if doc.loaded.assessment.decision.is_none() {
        return (t.get(k::UI_CHECKLIST_READY_UNDECIDED).to_string(), false);
    }
    let open = doc.open_preconditions(env.catalog.as_ref());
    if open == 0 {
        (format!("✓ {}", t.get(k::UI_CHECKLIST_READY_YES)), true)
    } else {
        (format!("▲ {}", t.fmt(k::UI_CHECKLIST_READY_NO, &[("n", &open.to_string())])), false)
    }
}

pub fn draw(frame: &mut Frame, area: Rect, state: &State, env: &Env, doc: &Doc) {
    let t = &env.texts;
    let th = &env.theme;
    let rule = Frame_::new().borders(Borders::TOP).border_style(th.border);
    let inner = rule.inner(area);
    frame.render_widget(rule, area);
    let inner = Rect { x: inner.x + 1, width: inner.width.saturating_sub(1), ..inner };
    let columns = inner.width as usize;
    let a = &doc.loaded.assessment;
    let (ready, yes) = ready_text(env, doc);
    let mut head: Vec<Line> = wrap_hanging(&ready, columns, "", "  ")
        .into_iter()
        .map(|l| Line::styled(l, if yes { th.success } else { th.error }))
        .collect();
    let offering = a.decision.as_ref().and_then(|d| d.chosen_offering(env.catalog.as_ref()));
    let subject = match offering {
        Some(o) => t.fmt(k::UI_CHECKLIST_FOR, &[("name", t.pick(&o.name))]),
        None => t.get(k::UI_CHECKLIST_NO_OFFERING).to_string(),
    };
    head.extend(
        wrap_hanging(&subject, columns, "", "").into_iter().map(|l| Line::styled(l, th.muted)),
    );
    if a.decision.as_ref().is_some_and(|d| d.to_be_confirmed) {
        let text = format!("▲ {}", t.get(k::UI_CHECKLIST_CHANGED));
        head.extend(
            wrap_hanging(&text, columns, "", "  ").into_iter().map(|l| Line::styled(l, th.error)),
        );
    }
    let button =
        format!("[ {} ]  {}", t.get(k::UI_CHECKLIST_CONTINUE), t.get(k::UI_CHECKLIST_WAY_ON));
    let marker = if state.continue_focus { "▶ " } else { "  " };
    let way_on = wrap_hanging(&button, columns, marker, "  ");
    let [head_area, body, way_area] = inner.layout(&Layout::vertical([
        Constraint::Length(head.len() as u16),
        Constraint::Fill(1),
        Constraint::Length(way_on.len() as u16),
    ]));
    frame.render_widget(Paragraph::new(head), head_area);
    let way_style = if state.continue_focus { th.selected } else { th.heading };
    let way: Vec<Line> = way_on.into_iter().map(|l| Line::styled(l, way_style)).collect();
    frame.render_widget(Paragraph::new(way), way_area);
    if state.plan {
        return draw_plan(frame, body, env, doc);
    }
    let list = entries(doc, env);
    if list.is_empty() {
        frame.render_widget(
            Paragraph::new(t.get(k::UI_CHECKLIST_NONE)).wrap(Wrap { trim: true }),
            body,
        );
        return;
    }
    let cursor = state.cursor.min(list.len() - 1);
    let side = body.width >= 100;
    let (list_area, detail_area) = if side {
        let [l, r] =
            body.layout(&Layout::horizontal([Constraint::Percentage(42), Constraint::Fill(1)]));
        (l, r)
    } else if state.item.is_some() {
        // The form needs the room; the list keeps three lines around the cursor.
        let [l, r] = body.layout(&Layout::vertical([Constraint::Length(3), Constraint::Fill(1)]));
        (l, r)
    } else {
        let rows = (list.len() as u16).min(body.height * 2 / 5).max(3);
        let [l, r] =
            body.layout(&Layout::vertical([Constraint::Length(rows), Constraint::Fill(1)]));
        (l, r)
    };
    draw_list(frame, list_area, state, env, doc, &list, cursor);
    let frame_ = if side {
        Frame_::new().borders(Borders::LEFT).border_style(if state.detail_focus {
            th.heading
        } else {
            th.border
        })
    } else {
        Frame_::new().borders(Borders::TOP).border_style(if state.detail_focus {
            th.heading
        } else {
            th.border
        })
    };
    let detail = frame_.inner(detail_area);
    frame.render_widget(frame_, detail_area);
    let detail = Rect { x: detail.x + 1, width: detail.width.saturating_sub(1), ..detail };
    let entry = &list[cursor];
    match &state.item {
        Some(item) if item.id == entry.id() => draw_item(frame, detail, item, env, doc, entry),
        _ => draw_detail(frame, detail, state, env, doc, entry),
    }
}

fn draw_list(
    frame: &mut Frame,
    area: Rect,
    state: &State,
    env: &Env,
    doc: &Doc,
    list: &[Entry],
    cursor: usize,
) {
    let t = &env.texts;
    let th = &env.theme;
    let a = &doc.loaded.assessment;
    let columns = area.width.saturating_sub(3) as usize;
    let items: Vec<ListItem> = list
        .iter()
        .map(|entry| {
            let (text, style) = match entry {
                Entry::Todo(todo) => {
                    let item = a.checklist.get(&todo.id).cloned().unwrap_or_default();
                    let flag = if todo.precondition { "!" } else { " " };
                    let title = describe::todo_title(t, todo.id);
                    (format!("{} {flag} {title}", glyph(item.status)), Style::new())
                }
                Entry::Gone(id, since) => {
                    let gone = t.fmt(k::UI_CHECKLIST_GONE, &[("date", &since.to_string())]);
                    (format!("⊘   {} ({gone})", describe::todo_title(t, *id)), th.muted)
                }
            };
            let lines: Vec<Line> = wrap_hanging(&text, columns, "", "    ")
                .into_iter()
                .map(|l| Line::styled(l, style))
                .collect();
            ListItem::new(lines)
        })
        .collect();
    let highlight =
        if state.item.is_some() || state.detail_focus { th.heading } else { th.selected };
    let widget = List::new(items).highlight_style(highlight).highlight_symbol("▶ ");
    let mut list_state = ListState::default().with_selected(Some(cursor));
    frame.render_stateful_widget(widget, area, &mut list_state);
    if list.len() > area.height as usize {
        let mut bar = ScrollbarState::new(list.len()).position(cursor);
        frame.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight).style(th.muted),
            area,
            &mut bar,
        );
    }
}

/// Why the to-do applies (with its norms), first; then where it stands.
fn detail_lines(env: &Env, doc: &Doc, entry: &Entry, columns: usize) -> Vec<Line<'static>> {
    let t = &env.texts;
    let th = &env.theme;
    let a = &doc.loaded.assessment;
    let id = entry.id();
    let mut lines = form::heading_lines(th, columns + 1, &describe::todo_title(t, id), None)
        .into_iter()
        .map(|l| Line::styled(l.to_string().trim_start().to_string(), th.heading))
        .collect::<Vec<_>>();
    if let Entry::Todo(todo) = entry {
        if todo.precondition {
            let flag = format!("! {}", describe::todo_flag(t, todo));
            lines.extend(form::text_lines(&flag, columns, 0, th.error));
        }
        lines.push(Line::styled(t.get(k::UI_CHECKLIST_WHY).to_string(), th.heading));
        for why in describe::todo_why(t, &a.scenario, todo) {
            lines.extend(wrap_hanging(&why, columns, "• ", "  ").into_iter().map(Line::raw));
        }
    }
    if let Entry::Gone(_, since) = entry {
        let gone = t.fmt(k::UI_CHECKLIST_GONE, &[("date", &since.to_string())]);
        lines.extend(form::text_lines(&format!("⊘ {gone}"), columns, 0, th.muted));
    }
    if id == TodoId::Settings
        && let Some(o) = a.decision.as_ref().and_then(|d| d.chosen_offering(env.catalog.as_ref()))
        && !o.settings.is_empty()
    {
        lines.push(Line::styled(t.get(k::UI_CHECKLIST_SETTINGS).to_string(), th.heading));
        for s in &o.settings {
            lines.extend(wrap_hanging(t.pick(s), columns, "• ", "  ").into_iter().map(Line::raw));
        }
    }
    lines
}

fn progress_lines(env: &Env, item: &ChecklistItem, columns: usize) -> Vec<Line<'static>> {
    let t = &env.texts;
    let th = &env.theme;
    let date = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_else(|| "—".into());
    let text = |s: &str| if s.trim().is_empty() { "—".to_string() } else { s.to_string() };
    let mut lines =
        vec![Line::raw(""), Line::styled(t.get(k::UI_CHECKLIST_PROGRESS).to_string(), th.heading)];
    let fields = [
        (
            k::UI_CHECKLIST_STATUS,
            format!("{} {}", glyph(item.status), t.by_name(item.status.key())),
        ),
        (k::UI_CHECKLIST_OWNER, text(&item.owner)),
        (k::UI_CHECKLIST_DUE, date(item.due)),
        (k::UI_CHECKLIST_EVIDENCE, text(&item.evidence)),
        (k::UI_CHECKLIST_EVIDENCE_DATE, date(item.evidence_date)),
        (k::UI_CHECKLIST_NOTE, text(&item.note)),
    ];
    for (key, value) in fields {
        let lead = format!("{}: ", t.get(key));
        for (i, l) in wrap_hanging(&value, columns, &lead, "  ").into_iter().enumerate() {
            if i == 0 {
                let (label, rest) = l.split_at(lead.len().min(l.len()));
                lines.push(Line::from(vec![
                    Span::styled(label.to_string(), th.muted),
                    Span::raw(rest.to_string()),
                ]));
            } else {
                lines.push(Line::raw(l));
            }
        }
    }
    lines
}

fn draw_detail(frame: &mut Frame, area: Rect, state: &State, env: &Env, doc: &Doc, entry: &Entry) {
    let columns = area.width.saturating_sub(1) as usize;
    let item = doc.loaded.assessment.checklist.get(&entry.id()).cloned().unwrap_or_default();
    let mut lines = detail_lines(env, doc, entry, columns);
    lines.extend(progress_lines(env, &item, columns));
    lines.push(Line::raw(""));
    let legend = env.texts.get(k::UI_CHECKLIST_LEGEND);
    lines.extend(
        wrap_hanging(legend, columns, "", "").into_iter().map(|l| Line::styled(l, env.theme.muted)),
    );
    let total = lines.len();
    let rows = area.height as usize;
    let scroll = (state.detail_scroll as usize).min(total.saturating_sub(rows));
    frame.render_widget(Paragraph::new(lines).scroll((scroll as u16, 0)), area);
    if total > rows {
        let mut bar = ScrollbarState::new(total.saturating_sub(rows)).position(scroll);
        frame.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight)
                .begin_symbol(Some("▲"))
                .end_symbol(Some("▼"))
                .style(env.theme.muted),
            area,
            &mut bar,
        );
    }
}

fn draw_item(frame: &mut Frame, area: Rect, item: &Item, env: &Env, doc: &Doc, entry: &Entry) {
    let t = &env.texts;
    let th = &env.theme;
    let a = &doc.loaded.assessment;
    let columns = area.width.saturating_sub(2) as usize;
    let current = a.checklist.get(&item.id).cloned().unwrap_or_default();
    let mut blocks =
        vec![Block::Text { lines: detail_lines(env, doc, entry, columns), starts: false }];
    blocks.push(Block::Text { lines: vec![Line::raw("")], starts: false });
    blocks.push(Block::Text {
        lines: form::heading_lines(th, columns, t.get(k::UI_CHECKLIST_STATUS), None),
        starts: true,
    });
    for (i, row) in ItemRow::all(item.id).into_iter().enumerate() {
        let focused = i == item.cursor;
        match row {
            ItemRow::Status(status) => {
                let glyph_ = if current.status == status { "(•)" } else { "( )" };
                let label = format!(
                    "{} – {}",
                    t.by_name(status.key()),
                    describe::todo_status_hint(t, status)
                );
                blocks.push(Block::Row {
                    lines: form::option_lines(th, columns, focused, glyph_, &label, Style::new()),
                    focused,
                });
            }
            ItemRow::Field(field) => {
                let hint = if field.is_date() {
                    Some(t.get(k::UI_CHECKLIST_DATE_FORMAT).to_string())
                } else if field.multi_line() && focused && item.editor.is_none() {
                    Some(t.get(k::UI_DECISION_RATIONALE_SPACE).to_string())
                } else {
                    None
                };
                let value = match item.editor.as_ref().filter(|e| e.field == field) {
                    Some(e) => e.text(),
                    None => field.value(a),
                };
                blocks.push(Block::Field(Field {
                    label: t.get(field.label_key()).to_string(),
                    value,
                    editor: item.editor.as_ref().filter(|e| e.field == field && focused),
                    focused,
                    hint,
                }));
            }
        }
    }
    let labels = ItemRow::all(item.id).into_iter().filter_map(|r| match r {
        ItemRow::Field(f) => Some(t.get(f.label_key()).to_string()),
        ItemRow::Status(_) => None,
    });
    let label_w = form::label_width(labels, area.width as usize);
    form::draw(frame, area, &blocks, &item.scroll, label_w, th);
}

/// Every open to-do with its owner and due date, the earliest due first.
fn draw_plan(frame: &mut Frame, area: Rect, env: &Env, doc: &Doc) {
    let t = &env.texts;
    let th = &env.theme;
    let a = &doc.loaded.assessment;
    let mut open: Vec<(Todo, ChecklistItem)> = doc
        .todos(env.catalog.as_ref())
        .into_iter()
        .map(|todo| {
            let item = a.checklist.get(&todo.id).cloned().unwrap_or_default();
            (todo, item)
        })
        .filter(|(_, item)| item.status.is_open())
        .collect();
    open.sort_by_key(|(todo, item)| (item.due.is_none(), item.due, !todo.precondition));
    let title = Line::styled(
        t.fmt(k::UI_CHECKLIST_PLAN_TITLE, &[("n", &open.len().to_string())]),
        th.heading,
    );
    let [title_area, table_area] =
        area.layout(&Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]));
    frame.render_widget(Paragraph::new(title), title_area);
    if open.is_empty() {
        frame.render_widget(Paragraph::new(t.get(k::UI_CHECKLIST_PLAN_EMPTY)), table_area);
        return;
    }
    let widths =
        [Constraint::Length(3), Constraint::Fill(3), Constraint::Fill(2), Constraint::Length(10)];
    let todo_w = (area.width as usize).saturating_sub(3 + 10 + 3) * 3 / 5;
    let owner_w = (area.width as usize).saturating_sub(3 + 10 + 3) * 2 / 5;
    let none = "—".to_string();
    let rows: Vec<TableRow> = open
        .iter()
        .map(|(todo, item)| {
            let title =
                crate::tui::text::wrap(&describe::todo_title(t, todo.id), todo_w.max(8)).join("\n");
            let owner =
                if item.owner.trim().is_empty() { none.clone() } else { item.owner.clone() };
            let owner = crate::tui::text::wrap(&owner, owner_w.max(6)).join("\n");
            let height = title.lines().count().max(owner.lines().count()).max(1) as u16;
            let flag =
                format!("{}{}", glyph(item.status), if todo.precondition { "!" } else { "" });
            let due = item.due.map(|d| d.to_string()).unwrap_or_else(|| none.clone());
            let overdue = item.due.is_some_and(|d| d < env.today);
            let due_cell = if overdue { Cell::from(due).style(th.error) } else { Cell::from(due) };
            TableRow::new(vec![Cell::from(flag), Cell::from(title), Cell::from(owner), due_cell])
                .height(height)
        })
        .collect();
    let header = TableRow::new(vec![
        Cell::from(""),
        Cell::from(t.get(k::UI_CHECKLIST_PLAN_TODO)),
        Cell::from(t.get(k::UI_CHECKLIST_OWNER)),
        Cell::from(t.get(k::UI_CHECKLIST_DUE)),
    ])
    .style(th.heading);
    let table = Table::new(rows, widths).header(header).column_spacing(1);
    frame.render_widget(table, table_area);
}
