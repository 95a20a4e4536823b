//! The start screen: saved assessments to resume, a new one, the catalogue.

use crate::i18n::k;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::text::{truncate, wrap};
use crate::terminal_text::for_terminal;
use crate::tui::app::{Model, SaveSummary};

/// The last change, in the user's time zone, to the minute.
pub fn when(model: &Model, ts: jiff::Timestamp) -> String {
    ts.to_zoned_datetime(model.tz.clone()).strftime("%Y-%m-%d %H:%M").to_string()
}

fn details(model: &Model, save: &SaveSummary) -> String {
    let t = &model.texts;
    if let Some(error) = &save.error {
        return t.fmt(k::UI_START_UNREADABLE, &[("error", error)]);
    }
    let step = super::chrome::step_indicator(model, save.step);
    let mut parts = vec![
        t.fmt(k::UI_START_CHANGED, &[("when", &when(model, save.updated))]),
        format!("{step} ({})", t.by_name(&save.step.key())),
    ];
    if let Some(chosen) = &save.chosen {
        parts.push(t.fmt(k::UI_START_CHOSEN, &[("offering", chosen)]));
    }
    if let Some(status) = save.status {
        parts.push(t.by_name(status.key()).to_string());
    }
    parts.join(" · ")
}

pub fn draw(frame: &mut Frame, model: &Model, area: Rect) {
    let t = &model.texts;
    let th = &model.theme;
    let start = &model.start;
    let w = area.width.saturating_sub(4) as usize;
    let block = Block::new().borders(Borders::TOP).border_style(th.border);
    let inner = block.inner(area);
    frame.render_widget(block, area);

    let mut lines = Vec::new();
    let mut cursor_line = 0;
    // The line after the selected entry's last line, when that is more than title and details.
    let mut cursor_end = 0;
    let heading = if start.loading {
        k::UI_START_LOADING
    } else if start.saves.is_empty() {
        k::UI_START_NO_SAVES
    } else {
        k::UI_START_SAVES
    };
    lines.push(Line::styled(format!(" {}", t.get(heading)), th.heading));
    // Only the title line of the selected entry is highlighted: a cursor move then rewrites
    // two short lines, no more.
    let item = |selected: bool, glyph: &str, text: String| {
        let marker = if selected { "▶" } else { " " };
        let text = truncate(&text, w.saturating_sub(4));
        let style = if selected { th.selected } else { ratatui::style::Style::new() };
        Line::from(vec![Span::raw(format!(" {marker}{glyph}")), Span::styled(text, style)])
    };
    for (i, save) in start.saves.iter().enumerate() {
        let selected = i == start.cursor;
        if selected {
            cursor_line = lines.len();
        }
        let title = if save.title.trim().is_empty() { t.get(k::UI_UNTITLED) } else { &save.title };
        let head = if save.organisation.is_empty() {
            title.to_string()
        } else {
            format!("{title} — {}", save.organisation)
        };
        lines.push(item(selected, " ", for_terminal(&head).into_owned()));
        let details = for_terminal(&details(model, save)).into_owned();
        if selected && save.error.is_some() {
            // Why a file cannot be opened, and what to do, in full for the one under the cursor.
            for part in wrap(&details, w) {
                lines.push(Line::styled(format!("    {part}"), th.muted));
            }
            cursor_end = lines.len();
        } else {
            lines.push(Line::styled(format!("    {}", truncate(&details, w)), th.muted));
        }
    }
    lines.push(Line::raw(""));
    if start.cursor == start.new_row() {
        cursor_line = lines.len();
    }
    lines.push(item(start.cursor == start.new_row(), "+ ", t.get(k::UI_START_NEW).to_string()));
    if start.cursor == start.catalog_row() {
        cursor_line = lines.len();
    }
    let browse = match &model.catalog {
        Some(c) => t.count(
            k::UI_START_BROWSE,
            c.offerings.len(),
            &[("count", &c.offerings.len().to_string()), ("edition", &c.edition)],
        ),
        None => t.get(k::UI_START_BROWSE_LOADING).to_string(),
    };
    lines.push(item(start.cursor == start.catalog_row(), "≡ ", browse));

    let height = inner.height as usize;
    let offset = (cursor_line + 2).max(cursor_end).saturating_sub(height);
    frame.render_widget(Paragraph::new(lines).scroll((offset as u16, 0)), inner);
}
