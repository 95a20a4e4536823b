//! The frame around every screen: header with the step indicator, message line, key hints.

use crate::i18n::k;
use crate::tui::app::NoteArg;
use crate::tui::keymap::Keys;
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::text::{truncate, width, wrap};
use crate::domain::scenario::Step;
use crate::terminal_text::for_terminal;
use crate::tui::app::{Model, Screen};
use crate::tui::keymap::{self, Binding};

/// "Schritt 2 von 10" for the steps from About to Review.
pub fn step_indicator(model: &Model, step: Step) -> String {
    let n = step.number().to_string();
    let total = Step::ALL.len().to_string();
    model.texts.fmt(k::UI_STEP_OF, &[("n", &n), ("total", &total)])
}

pub fn header(frame: &mut Frame, model: &Model, area: Rect) {
    let t = &model.texts;
    let th = &model.theme;
    let (title, right) = match model.screen {
        Screen::Start => (t.get(k::UI_START_TITLE).to_string(), String::new()),
        Screen::Catalog | Screen::CatalogDetail => {
            let edition = model.catalog.as_ref().map(|c| c.edition.as_str()).unwrap_or("…");
            (
                t.get(k::UI_CATALOG_TITLE).to_string(),
                t.fmt(k::UI_CATALOG_EDITION, &[("edition", edition)]),
            )
        }
        Screen::Step(step) => {
            let doc_title = model.doc.as_ref().map(|d| d.loaded.assessment.meta.title.trim());
            let name = match doc_title {
                Some(title) if !title.is_empty() => title.to_string(),
                _ => t.get(k::UI_UNTITLED).to_string(),
            };
            let right = format!("{} · {}", step_indicator(model, step), t.by_name(&step.key()));
            (name, right)
        }
    };
    let title = for_terminal(&title).into_owned();
    let right_width = width(&right);
    let prefix = " meetcheck · ";
    let left_room = (area.width as usize).saturating_sub(right_width + 2 + width(prefix));
    let left = Line::from(vec![
        Span::styled(" meetcheck", th.heading),
        Span::raw(&prefix[" meetcheck".len()..]),
        Span::raw(truncate(&title, left_room)),
    ]);
    frame.render_widget(Paragraph::new(left), area);
    let right = Line::from(Span::styled(format!("{right} "), th.heading));
    frame.render_widget(Paragraph::new(right).alignment(Alignment::Right), area);
}

/// Errors and confirmations, else the store's warnings about the open assessment: whole,
/// wrapped at the window's width (the end of a message says what to do). At most `max` lines;
/// only what does not fit even then ends in "…".
pub fn note_lines(model: &Model, columns: u16, max: usize) -> Vec<Line<'static>> {
    let t = &model.texts;
    let th = &model.theme;
    let (glyph, style, texts) = if let Some(note) = &model.note {
        let args: Vec<(&str, &str)> = note
            .args
            .iter()
            .map(|(name, value)| match value {
                NoteArg::Text(text) => (*name, text.as_str()),
                NoteArg::Worded(key) => (*name, t.get(*key)),
            })
            .collect();
        let text = t.fmt(note.key, &args);
        if note.error { ("▲", th.error, vec![text]) } else { ("✓", th.success, vec![text]) }
    } else if !model.warnings.is_empty() {
        ("▲", th.error, model.warnings.clone())
    } else {
        return Vec::new();
    };
    // Three columns for " ▲ ", and continuation lines indented under the text.
    let room = (columns as usize).saturating_sub(3).max(1);
    let mut lines = Vec::new();
    for text in texts {
        for (i, part) in wrap(&for_terminal(&text), room).into_iter().enumerate() {
            let lead = if i == 0 { format!(" {glyph} ") } else { "   ".to_string() };
            lines.push(Line::styled(format!("{lead}{part}"), style));
        }
    }
    if lines.len() > max {
        lines.truncate(max);
        if let Some(last) = lines.last_mut() {
            let cut = truncate(&format!("{last}…"), columns as usize);
            *last = Line::styled(cut, style);
        }
    }
    lines
}

pub fn note(frame: &mut Frame, lines: Vec<Line<'static>>, area: Rect) {
    frame.render_widget(Paragraph::new(lines), area);
}

/// How a binding's keys are written.
pub fn keys_label<'a>(model: &'a Model, binding: &'a Binding) -> &'a str {
    match binding.keys {
        Keys::Plain(keys) => keys,
        Keys::Worded(key) => model.texts.get(key),
    }
}

/// The footer's hints: the keys that work here, from the key map. Help is always shown.
pub fn footer_hints(model: &Model, max_width: usize) -> Vec<Binding> {
    let mode = keymap::mode(model);
    let copy = |b: &Binding| b.does == k::UI_DOES_SAVE_COPY;
    let advised = model.copy_advised();
    let mut all: Vec<Binding> =
        keymap::bindings(mode).into_iter().filter(|b| b.footer && (!copy(b) || advised)).collect();
    // When a copy is the way out, its key comes first.
    all.sort_by_key(|b| !copy(b));
    let cost = |b: &Binding| width(keys_label(model, b)) + 1 + width(model.texts.get(b.does)) + 3;
    let help = all.iter().find(|b| b.does == k::UI_DOES_HELP).cloned();
    let mut budget = max_width.saturating_sub(help.as_ref().map_or(0, cost));
    let mut shown = Vec::new();
    for b in all {
        if Some(&b) == help.as_ref() {
            shown.push(b);
            continue;
        }
        if cost(&b) <= budget {
            budget -= cost(&b);
            shown.push(b);
        }
    }
    shown
}

pub fn footer(frame: &mut Frame, model: &Model, area: Rect) {
    let th = &model.theme;
    let mut spans = vec![Span::raw(" ")];
    for (i, b) in footer_hints(model, area.width as usize).iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" · ", th.muted));
        }
        spans.push(Span::styled(keys_label(model, b).to_string(), th.key));
        spans.push(Span::raw(format!(" {}", model.texts.get(b.does))));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
