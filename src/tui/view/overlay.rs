//! What is shown over the screen: the help (what the screen is for and every key that works on
//! it, from the key map), the log of recent messages, and the steps to go to one.

use crate::i18n::{Key, k};
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Borders, Clear, List, ListItem, ListState, Paragraph, Scrollbar, ScrollbarOrientation,
    ScrollbarState,
};

use super::chrome::{keys_label, note_text};
use crate::domain::scenario::Step;
use crate::tui::app::{self, Model, Overlay};
use crate::tui::text::{pad, width, wrap, wrap_hanging};

pub fn draw(frame: &mut Frame, model: &Model, area: Rect) {
    match model.overlay {
        Some(Overlay::Help { scroll }) => help(frame, model, area, scroll),
        Some(Overlay::Log { scroll }) => log(frame, model, area, scroll),
        Some(Overlay::Steps { cursor }) => steps(frame, model, area, cursor),
        None => {}
    }
}

/// A framed box over the screen; returns the area inside it.
fn popup(frame: &mut Frame, model: &Model, area: Rect, title_key: Key, w: u16, h: u16) -> Rect {
    let th = &model.env.theme;
    let popup = area.centered(Constraint::Percentage(w), Constraint::Percentage(h));
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(th.heading)
        .title(Span::styled(format!(" {} ", model.env.texts.get(title_key)), th.heading));
    frame.render_widget(Clear, popup);
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    Rect { x: inner.x + 1, width: inner.width.saturating_sub(2), ..inner }
}

fn scrolled(frame: &mut Frame, model: &Model, area: Rect, lines: Vec<Line<'static>>, scroll: u16) {
    let total = lines.len();
    let rows = area.height as usize;
    let scroll = (scroll as usize).min(total.saturating_sub(rows));
    frame.render_widget(Paragraph::new(lines).scroll((scroll as u16, 0)), area);
    if total > rows {
        let mut state = ScrollbarState::new(total.saturating_sub(rows)).position(scroll);
        let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(Some("▲"))
            .end_symbol(Some("▼"))
            .style(model.env.theme.muted);
        let bar_area = Rect { x: area.x + 1, ..area };
        frame.render_stateful_widget(bar, bar_area, &mut state);
    }
}

fn help(frame: &mut Frame, model: &Model, area: Rect, scroll: u16) {
    let t = &model.env.texts;
    let th = &model.env.theme;
    let inner = popup(frame, model, area, k::UI_HELP_TITLE, 90, 90);
    let columns = inner.width.saturating_sub(1) as usize;
    let mut lines: Vec<Line> =
        wrap(t.get(app::help_key(model)), columns).into_iter().map(Line::raw).collect();
    lines.push(Line::raw(""));
    let bindings = app::keys_beneath_help(model).bindings;
    let key_width =
        bindings.iter().map(|b| width(keys_label(model, b))).max().unwrap_or(4).min(columns / 3);
    for b in &bindings {
        let keys = keys_label(model, b);
        let lead = format!("{}  ", pad(keys, key_width));
        let indent = " ".repeat(key_width + 2);
        for (i, l) in wrap_hanging(t.get(b.does), columns, &lead, &indent).into_iter().enumerate() {
            if i == 0 {
                lines.push(Line::from(vec![
                    Span::styled(pad(keys, key_width), th.key),
                    Span::raw(l[pad(keys, key_width).len()..].to_string()),
                ]));
            } else {
                lines.push(Line::raw(l));
            }
        }
    }
    lines.push(Line::raw(""));
    for key in [k::UI_HELP_CHOOSING, k::UI_HELP_AUTOSAVE, k::UI_HELP_CLOSE] {
        lines.extend(wrap(t.get(key), columns).into_iter().map(|l| Line::styled(l, th.muted)));
    }
    scrolled(frame, model, inner, lines, scroll);
}

fn log(frame: &mut Frame, model: &Model, area: Rect, scroll: u16) {
    let t = &model.env.texts;
    let th = &model.env.theme;
    let inner = popup(frame, model, area, k::UI_LOG_TITLE, 90, 80);
    let columns = inner.width.saturating_sub(1) as usize;
    let mut lines = Vec::new();
    if model.notes.log.is_empty() {
        lines.push(Line::raw(t.get(k::UI_LOG_EMPTY).to_string()));
    }
    for (at, note) in model.notes.log.iter().rev() {
        let when = at.to_zoned_datetime(model.env.tz.clone()).strftime("%H:%M:%S").to_string();
        let glyph = if note.error { "▲" } else { "✓" };
        let style = if note.error { th.error } else { ratatui::style::Style::new() };
        let lead = format!("{when} {glyph} ");
        let text = crate::terminal_text::for_terminal(&note_text(model, note)).into_owned();
        let indent = " ".repeat(width(&lead));
        lines.extend(
            wrap_hanging(&text, columns, &lead, &indent)
                .into_iter()
                .map(|l| Line::styled(l, style)),
        );
    }
    scrolled(frame, model, inner, lines, scroll);
}

fn steps(frame: &mut Frame, model: &Model, area: Rect, cursor: usize) {
    let t = &model.env.texts;
    let th = &model.env.theme;
    let inner = popup(frame, model, area, k::UI_STEPS_TITLE, 60, 70);
    let current = model.step();
    let doc = model.doc.as_ref();
    let catalog = model.env.catalog.as_ref();
    let items: Vec<ListItem> = Step::ALL
        .iter()
        .map(|step| {
            let reached =
                doc.map_or(Step::About, |d| d.reached.max(current.unwrap_or(Step::About)));
            let (glyph, style) = if Some(*step) == current {
                ("▶", th.heading)
            } else if doc.is_some_and(|d| d.needs_attention(*step, catalog)) && *step < reached {
                ("▲", th.error)
            } else if *step < reached {
                ("✓", th.success)
            } else {
                ("·", th.muted)
            };
            ListItem::new(Line::from(vec![
                Span::styled(format!("{glyph} "), style),
                Span::raw(format!("{:>2}  {}", step.number(), t.by_name(&step.key()))),
            ]))
        })
        .collect();
    let list = List::new(items).highlight_style(th.selected);
    let mut state = ListState::default().with_selected(Some(cursor));
    let hint = wrap(t.get(k::UI_STEPS_HINT), inner.width as usize);
    let list_area = Rect { height: inner.height.saturating_sub(hint.len() as u16 + 1), ..inner };
    frame.render_stateful_widget(list, list_area, &mut state);
    let hint_area = Rect { y: list_area.bottom() + 1, height: hint.len() as u16, ..inner };
    let hint: Vec<Line> = hint.into_iter().map(|l| Line::styled(l, th.muted)).collect();
    frame.render_widget(Paragraph::new(hint), hint_area);
}
