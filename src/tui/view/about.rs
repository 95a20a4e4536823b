//! The About form: who assesses what, for whom.

use crate::i18n::k;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::text::{skip_columns, truncate, width};
use crate::tui::app::{ABOUT_CONTINUE, Model};
use crate::tui::form::{AboutField, Field};

/// Shown between the names of a list (never typed: the entries are separate).
const SEPARATOR: char = '·';

/// One text field on one line: label, then the value (scrolled so the cursor stays visible).
/// Returns the cursor position when the field is being edited.
pub fn field_line(
    model: &Model,
    label: &str,
    label_width: usize,
    field: Field,
    area: Rect,
) -> (Line<'static>, Option<Position>) {
    let th = &model.theme;
    let Some(doc) = &model.doc else { return (Line::raw(""), None) };
    let value = field.value(&doc.loaded.assessment);
    let value_width = (area.width as usize).saturating_sub(label_width + 3).max(1);
    let label = format!(" {}", truncate(label, label_width));
    let pad = " ".repeat(label_width + 2 - width(&label).min(label_width + 2));
    let editor = doc.editor.as_ref().filter(|e| e.field == field);
    // A list of names shows its entries side by side; the editor works on the last one.
    let list = field.list(&doc.loaded.assessment);
    let before = match (list, editor) {
        (Some(names), Some(_)) if names.len() > 1 => {
            format!("{} {SEPARATOR} ", names[..names.len() - 1].join(&format!(" {SEPARATOR} ")))
        }
        _ => String::new(),
    };
    let (shown, style, cursor) = match editor {
        Some(editor) => {
            let room = value_width.saturating_sub(width(&before).min(value_width / 2));
            let before = truncate(&before, value_width - room);
            let scroll = editor.input.visual_scroll(room.saturating_sub(1));
            let shown =
                format!("{before}{}", truncate(skip_columns(editor.input.value(), scroll), room));
            let x = area.x as usize
                + width(&label)
                + pad.len()
                + width(&before)
                + editor.input.visual_cursor()
                - scroll;
            (shown, th.field_focus, Some(Position::new(x as u16, area.y)))
        }
        None => match list {
            Some(names) => {
                (truncate(&names.join(&format!(" {SEPARATOR} ")), value_width), th.field, None)
            }
            None => (truncate(&value, value_width), th.field, None),
        },
    };
    let fill = " ".repeat(value_width.saturating_sub(width(&shown)));
    let marker = if editor.is_some() { th.selected } else { ratatui::style::Style::new() };
    let line = Line::from(vec![
        Span::styled(label, marker),
        Span::raw(pad),
        Span::styled(format!("{shown}{fill}"), style),
    ]);
    (line, cursor)
}

pub fn draw(frame: &mut Frame, model: &Model, area: Rect) {
    let t = &model.texts;
    let th = &model.theme;
    let Some(doc) = &model.doc else { return };
    let block = Block::new().borders(Borders::TOP).border_style(th.border);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let intro = Paragraph::new(vec![
        Line::styled(t.get(k::UI_ABOUT_HEADING), th.heading),
        Line::raw(t.get(k::UI_ABOUT_INTRO)),
    ])
    .wrap(Wrap { trim: false });
    let intro_area = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        height: 3.min(inner.height),
        ..inner
    };
    frame.render_widget(intro, intro_area);

    let label_width = AboutField::ALL
        .iter()
        .map(|f| width(t.get(f.key())) + 2)
        .max()
        .unwrap_or(20)
        .min(inner.width as usize / 2);
    let mut y = inner.y + 3;
    for field in AboutField::ALL {
        if y >= inner.bottom() {
            break;
        }
        let row = Rect { y, height: 1, ..inner };
        let label = if field.required() {
            format!("{} *", t.get(field.key()))
        } else {
            t.get(field.key()).to_string()
        };
        let (line, cursor) = field_line(model, &label, label_width, Field::About(field), row);
        frame.render_widget(Paragraph::new(line), row);
        if let Some(position) = cursor {
            frame.set_cursor_position(position);
        }
        y += 1;
    }
    y += 1;
    if y < inner.bottom() {
        let on_button = doc.about_focus == ABOUT_CONTINUE;
        let marker = if on_button { "▶" } else { " " };
        let button = format!("[ {} ]", t.get(k::UI_ABOUT_CONTINUE));
        let style = if on_button { th.selected } else { th.heading };
        let line = Line::from(vec![Span::raw(format!(" {marker} ")), Span::styled(button, style)]);
        frame.render_widget(Paragraph::new(line), Rect { y, height: 1, ..inner });
    }
    y += 2;
    if y < inner.bottom() {
        let line = Line::styled(format!(" {}", t.get(k::UI_ABOUT_REQUIRED)), th.muted);
        frame.render_widget(Paragraph::new(line), Rect { y, height: 1, ..inner });
    }
}
