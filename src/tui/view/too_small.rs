//! Below 60×20: say so plainly, and keep handling q and Ctrl+C.

use crate::i18n::k;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use crate::tui::app::{MIN_HEIGHT, MIN_WIDTH, Model};

pub fn draw(frame: &mut Frame, model: &Model, area: Rect) {
    let need = format!("{MIN_WIDTH}×{MIN_HEIGHT}");
    let have = format!("{}×{}", area.width, area.height);
    let t = &model.env.texts;
    let lines = vec![
        Line::styled(
            t.fmt(k::UI_TOO_SMALL, &[("need", &need), ("have", &have)]),
            model.env.theme.error,
        ),
        Line::raw(t.get(k::UI_TOO_SMALL_QUIT)),
    ];
    let height = 4.min(area.height);
    let y = area.y + area.height.saturating_sub(height) / 2;
    let area = Rect { y, height, ..area };
    frame.render_widget(Paragraph::new(lines).centered().wrap(Wrap { trim: true }), area);
}
