//! The help overlay: every key of the screen beneath, and what the screen is for.

use crate::i18n::{Key, k};
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::chrome::keys_label;
use crate::domain::scenario::Step;
use crate::tui::app::Model;
use crate::tui::keymap::{self, Mode};

/// Text key of the screen's explanation.
fn about_key(mode: Mode) -> Key {
    match mode {
        Mode::Start => k::UI_HELP_START,
        Mode::Catalog | Mode::CatalogDetail => k::UI_HELP_CATALOG,
        Mode::Form | Mode::Editing => k::UI_HELP_FORM,
        Mode::Choice => k::UI_HELP_CHOICE,
        _ => k::UI_HELP_FORM,
    }
}

pub fn draw(frame: &mut Frame, model: &Model, area: Rect) {
    let t = &model.texts;
    let th = &model.theme;
    let beneath = keymap::mode_beneath_help(model);
    let about = match (model.screen, &model.doc) {
        (crate::tui::app::Screen::Step(step), Some(_)) if step > Step::Participation => {
            crate::tui::outcome::help_key(step)
        }
        _ => about_key(beneath),
    };
    let mut lines = vec![Line::raw(t.get(about).to_string()), Line::raw("")];
    let bindings = keymap::bindings(beneath);
    let key_width =
        bindings.iter().map(|b| super::text::width(keys_label(model, b))).max().unwrap_or(4);
    for b in &bindings {
        let keys = keys_label(model, b);
        let pad = " ".repeat(key_width.saturating_sub(super::text::width(keys)) + 2);
        lines.push(Line::from(vec![
            Span::styled(keys.to_string(), th.key),
            Span::raw(pad),
            Span::raw(t.get(b.does).to_string()),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(t.get(k::UI_HELP_AUTOSAVE).to_string(), th.muted));
    lines.push(Line::styled(t.get(k::UI_HELP_CLOSE).to_string(), th.muted));
    let popup = area.centered(Constraint::Percentage(80), Constraint::Percentage(80));
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(th.heading)
        .title(Span::styled(format!(" {} ", t.get(k::UI_HELP_TITLE)), th.heading));
    frame.render_widget(Clear, popup);
    frame.render_widget(Paragraph::new(lines).block(block).wrap(Wrap { trim: false }), popup);
}
