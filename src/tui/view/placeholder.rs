//! Steps whose screens come later (results, decision, checklist, review).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use crate::tui::app::Model;

pub fn draw(frame: &mut Frame, model: &Model, area: Rect) {
    let t = &model.texts;
    let block = Block::new().borders(Borders::TOP).border_style(model.theme.border);
    let lines = vec![
        Line::raw(""),
        Line::styled(t.get("ui.placeholder.title"), model.theme.heading),
        Line::raw(""),
        Line::raw(t.get("ui.placeholder.body")),
    ];
    frame.render_widget(Paragraph::new(lines).block(block).wrap(Wrap { trim: true }), area);
}
