//! The start screen: every saved assessment in a table (title and organisation, where the
//! decision stands, ready for use, review due), with keys to open, start a new one, copy one's
//! answers, delete, export its record, filter the list and browse the catalogue. It is always
//! shown, also with no saves, and comes back on the assessment just left.

use crate::i18n::k;
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block as Frame_, Borders, Cell, Paragraph, Row as TableRow, Scrollbar, ScrollbarOrientation,
    ScrollbarState, Table, TableState,
};

use crate::domain::scenario::Step;
use crate::export::Kind;
use crate::terminal_text::for_terminal;
use crate::tui::action::Action;
use crate::tui::env::Env;
use crate::tui::keymap::{self, Binding, Footer, Keys};
use crate::tui::msg::{DecisionState, Effect, SaveSummary};
use crate::tui::text::wrap;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct State {
    /// Row under the cursor, among the rows the filter lets through.
    pub cursor: usize,
    pub filter: String,
    /// `/` was pressed: typed keys go into the filter.
    pub filtering: bool,
    /// Asking whether to delete this one (its target).
    pub confirm_delete: Option<String>,
}

/// What a key on the start screen asks for.
#[derive(Debug, PartialEq, Eq)]
pub enum Out {
    Stay,
    Effect(Effect),
    /// Back into the assessment that is open.
    Resume,
    Catalog,
}

impl State {
    /// A start screen with the cursor on `target` (the assessment just left), if listed.
    pub fn on(saves: &[SaveSummary], target: Option<&str>) -> State {
        let cursor = target.and_then(|t| saves.iter().position(|s| s.target == t)).unwrap_or(0);
        State { cursor, ..State::default() }
    }

    /// The saves the filter lets through, in the order listed.
    pub fn visible<'a>(&self, saves: &'a [SaveSummary]) -> Vec<&'a SaveSummary> {
        let needle = self.filter.to_lowercase();
        saves
            .iter()
            .filter(|s| {
                needle.is_empty()
                    || s.title.to_lowercase().contains(&needle)
                    || s.organisation.to_lowercase().contains(&needle)
                    || s.target.to_lowercase().contains(&needle)
            })
            .collect()
    }

    pub fn keys(&self, saves: &[SaveSummary]) -> Keys {
        use Action as A;
        if self.confirm_delete.is_some() {
            return Keys::new(vec![
                keymap::letter('y', k::UI_START_DOES_DELETE_YES, A::Yes).footer(Footer::Always),
                Binding::new(
                    k::UI_KEY_OTHER,
                    k::UI_START_DOES_DELETE_NO,
                    &[(KeyCode::Char('n'), A::No), (KeyCode::Esc, A::No)],
                    Footer::Always,
                ),
            ]);
        }
        if self.filtering {
            return Keys::text(vec![
                keymap::enter(k::UI_START_DOES_FILTER_DONE),
                keymap::esc(k::UI_START_DOES_FILTER_CLEAR),
                keymap::arrows(k::UI_DOES_MOVE, false),
            ]);
        }
        let mut list = Vec::new();
        if !self.visible(saves).is_empty() {
            list.push(keymap::enter(k::UI_DOES_OPEN));
        }
        list.push(keymap::letter('n', k::UI_START_DOES_NEW, A::New).footer(Footer::Always));
        if !self.visible(saves).is_empty() {
            list.extend([
                keymap::letter('c', k::UI_START_DOES_COPY, A::Copy),
                keymap::letter('d', k::UI_START_DOES_DELETE, A::Delete),
                keymap::letter('e', k::UI_START_DOES_EXPORT, A::Export(Kind::Record)),
                keymap::letter('/', k::UI_START_DOES_FILTER, A::Filter),
                keymap::arrows(k::UI_DOES_MOVE, true),
            ]);
        }
        list.push(keymap::letter('b', k::UI_START_DOES_BROWSE, A::Browse));
        if !self.filter.is_empty() {
            list.push(keymap::esc(k::UI_START_DOES_FILTER_CLEAR));
        }
        Keys::new(list)
    }

    pub fn update(&mut self, saves: &[SaveSummary], open: Option<&str>, action: Action) -> Out {
        let visible = self.visible(saves);
        let selected = visible.get(self.cursor).map(|s| (*s).clone());
        if let Some(target) = self.confirm_delete.take() {
            return match action {
                Action::Yes => Out::Effect(Effect::Delete(target)),
                _ => Out::Stay,
            };
        }
        if self.filtering {
            match action {
                Action::Enter => self.filtering = false,
                Action::Back => {
                    self.filtering = false;
                    self.filter.clear();
                    self.cursor = 0;
                }
                Action::Up => self.cursor = self.cursor.saturating_sub(1),
                Action::Down => {
                    self.cursor = (self.cursor + 1).min(visible.len().saturating_sub(1))
                }
                _ => {}
            }
            return Out::Stay;
        }
        match action {
            Action::Up => self.cursor = self.cursor.saturating_sub(1),
            Action::Down => self.cursor = (self.cursor + 1).min(visible.len().saturating_sub(1)),
            Action::Enter => {
                if let Some(save) = selected {
                    // The open assessment itself: go back into it (loading it again would meet
                    // its own lock).
                    if open == Some(save.target.as_str()) {
                        return Out::Resume;
                    }
                    return Out::Effect(Effect::Open(save.target));
                }
            }
            Action::New => return Out::Effect(Effect::New),
            Action::Copy => {
                if let Some(save) = selected.filter(|s| s.error.is_none()) {
                    return Out::Effect(Effect::Copy(save.target));
                }
            }
            Action::Delete => {
                if let Some(save) = selected {
                    self.confirm_delete = Some(save.target);
                }
            }
            Action::Export(kind) => {
                if let Some(save) = selected.filter(|s| s.error.is_none()) {
                    return Out::Effect(Effect::ExportSaved(save.target, kind));
                }
            }
            Action::Filter => self.filtering = true,
            Action::Browse => return Out::Catalog,
            Action::Back if !self.filter.is_empty() => {
                self.filter.clear();
                self.cursor = 0;
            }
            _ => {}
        }
        Out::Stay
    }

    /// A key typed into the filter.
    pub fn edit(&mut self, key: KeyEvent) -> bool {
        if !self.filtering {
            return false;
        }
        match key.code {
            KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                self.filter.push(c)
            }
            KeyCode::Backspace => {
                self.filter.pop();
            }
            _ => return false,
        }
        self.cursor = 0;
        true
    }

    /// Keeps the cursor on a listed row.
    pub fn clamp(&mut self, saves: &[SaveSummary]) {
        self.cursor = self.cursor.min(self.visible(saves).len().saturating_sub(1));
    }
}

/// Where the decision stands, in words.
fn status(env: &Env, save: &SaveSummary) -> (String, Style) {
    let t = &env.texts;
    let th = &env.theme;
    match save.decision {
        DecisionState::None => {
            let n = save.step.number().to_string();
            let total = Step::ALL.len().to_string();
            (t.fmt(k::UI_START_AT_STEP, &[("n", &n), ("total", &total)]), th.muted)
        }
        DecisionState::Draft => (t.get(k::UI_START_DRAFT).to_string(), th.error),
        DecisionState::Taken => {
            let status = save.status.map_or(k::STATUS_PROPOSED.name(), |s| s.key());
            (t.by_name(status).to_string(), Style::new())
        }
        DecisionState::ToBeConfirmed => {
            (format!("▲ {}", t.get(k::UI_START_CONFIRM_AGAIN)), th.error)
        }
    }
}

pub fn draw(
    frame: &mut Frame,
    area: Rect,
    state: &State,
    env: &Env,
    saves: &[SaveSummary],
    loading: bool,
) {
    let t = &env.texts;
    let th = &env.theme;
    let rule = Frame_::new().borders(Borders::TOP).border_style(th.border);
    let inner = rule.inner(area);
    frame.render_widget(rule, area);
    let inner = Rect { x: inner.x + 1, width: inner.width.saturating_sub(1), ..inner };
    let columns = inner.width as usize;
    let visible = state.visible(saves);

    let mut below: Vec<Line> = Vec::new();
    if let Some(target) = &state.confirm_delete {
        let title =
            saves.iter().find(|s| s.target == *target).map_or(target.clone(), |s| s.title.clone());
        let text = t.fmt(k::UI_START_CONFIRM_DELETE, &[("title", &for_terminal(&title))]);
        below.extend(wrap(&text, columns).into_iter().map(|l| Line::styled(l, th.error)));
    }
    if state.filtering || !state.filter.is_empty() {
        let text = t.fmt(k::UI_START_FILTER, &[("filter", &state.filter)]);
        let cursor = if state.filtering { "▏" } else { "" };
        below.push(Line::from(vec![Span::styled(format!("{text}{cursor}"), th.heading)]));
    }
    let browse = match &env.catalog {
        Some(c) => t.fmt(
            k::UI_START_BROWSE,
            &[("count", &c.offerings.len().to_string()), ("edition", &c.edition)],
        ),
        None => t.get(k::UI_START_BROWSE_LOADING).to_string(),
    };
    for (key, text) in [("n", t.get(k::UI_START_NEW).to_string()), ("b", browse)] {
        let lines = crate::tui::text::wrap_hanging(&text, columns, &format!("{key}  "), "   ");
        for (i, l) in lines.into_iter().enumerate() {
            if i == 0 {
                below.push(Line::from(vec![
                    Span::styled(key.to_string(), th.key),
                    Span::raw(l[1..].to_string()),
                ]));
            } else {
                below.push(Line::raw(l));
            }
        }
    }
    let heading = if loading {
        t.get(k::UI_START_LOADING).to_string()
    } else if saves.is_empty() {
        t.get(k::UI_START_NO_SAVES).to_string()
    } else {
        t.fmt(k::UI_START_SAVES, &[("n", &saves.len().to_string())])
    };
    let head: Vec<Line> =
        wrap(&heading, columns).into_iter().map(|l| Line::styled(l, th.heading)).collect();
    let [head_area, table_area, below_area] = inner.layout(&Layout::vertical([
        Constraint::Length(head.len() as u16 + 1),
        Constraint::Fill(1),
        Constraint::Length(below.len() as u16),
    ]));
    frame.render_widget(Paragraph::new(head), head_area);
    frame.render_widget(Paragraph::new(below), below_area);
    if visible.is_empty() {
        if !saves.is_empty() {
            frame.render_widget(Paragraph::new(t.get(k::UI_START_NOTHING_MATCHES)), table_area);
        }
        return;
    }

    let wide = columns >= 110;
    let status_w = 18usize;
    let ready_w = 16usize;
    let due_w = 12usize;
    let changed_w = if wide { 17 } else { 0 };
    let fixed = status_w + ready_w + due_w + changed_w + 5;
    let title_w = columns.saturating_sub(fixed).max(14);
    let rows: Vec<TableRow> = visible
        .iter()
        .map(|save| {
            let title = if save.title.trim().is_empty() {
                t.get(k::UI_UNTITLED).to_string()
            } else {
                save.title.clone()
            };
            let mut name: Vec<Line> =
                wrap(&for_terminal(&title), title_w).into_iter().map(Line::raw).collect();
            let cells = if let Some(error) = &save.error {
                let text = t.fmt(k::UI_START_UNREADABLE, &[("error", &for_terminal(error))]);
                name.extend(wrap(&text, title_w).into_iter().map(|l| Line::styled(l, th.error)));
                vec![Cell::from(""), Cell::from(""), Cell::from("")]
            } else {
                if !save.organisation.trim().is_empty() {
                    name.extend(
                        wrap(&for_terminal(&save.organisation), title_w)
                            .into_iter()
                            .map(|l| Line::styled(l, th.muted)),
                    );
                }
                let (status, style) = status(env, save);
                let ready = match save.open_preconditions {
                    None => "—".to_string(),
                    Some(0) => t.get(k::UI_START_READY_YES).to_string(),
                    Some(n) => t.fmt(k::UI_START_READY_NO, &[("n", &n.to_string())]),
                };
                let due = match save.review_by {
                    Some(d) if d <= env.today => format!("▲ {d}"),
                    Some(d) => d.to_string(),
                    None => "—".to_string(),
                };
                let due_style = if save.review_by.is_some_and(|d| d <= env.today) {
                    th.error
                } else {
                    Style::new()
                };
                let mut cells = vec![
                    Cell::from(wrap(&status, status_w).join("\n")).style(style),
                    Cell::from(wrap(&ready, ready_w).join("\n")),
                    Cell::from(due).style(due_style),
                ];
                if wide {
                    cells.push(Cell::from(env.when(save.updated)).style(th.muted));
                }
                cells
            };
            let height = name.len().max(1) as u16;
            let mut all = vec![Cell::from(name)];
            all.extend(cells);
            TableRow::new(all).height(height)
        })
        .collect();
    let mut header = vec![
        Cell::from(t.get(k::UI_START_COL_TITLE)),
        Cell::from(t.get(k::UI_START_COL_STATUS)),
        Cell::from(t.get(k::UI_START_COL_READY)),
        Cell::from(t.get(k::UI_START_COL_REVIEW)),
    ];
    let mut widths = vec![
        Constraint::Fill(1),
        Constraint::Length(status_w as u16),
        Constraint::Length(ready_w as u16),
        Constraint::Length(due_w as u16),
    ];
    if wide {
        header.push(Cell::from(t.get(k::UI_START_COL_CHANGED)));
        widths.push(Constraint::Length(changed_w as u16));
    }
    let table = Table::new(rows, widths)
        .header(TableRow::new(header).style(th.heading))
        .column_spacing(1)
        .row_highlight_style(th.selected)
        .highlight_symbol("▶ ");
    let cursor = state.cursor.min(visible.len() - 1);
    let mut table_state = TableState::default().with_selected(Some(cursor));
    frame.render_stateful_widget(table, table_area, &mut table_state);
    if visible.len() * 2 > table_area.height as usize {
        let mut bar = ScrollbarState::new(visible.len()).position(cursor);
        frame.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight).style(th.muted),
            table_area,
            &mut bar,
        );
    }
}
