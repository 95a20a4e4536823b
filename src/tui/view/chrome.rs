//! The frame around every screen: header with the step indicator, message line, key hints.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::text::{truncate, width};
use crate::domain::scenario::Step;
use crate::tui::app::{Model, Screen};
use crate::tui::keymap::{self, Binding};

/// "Schritt 2 von 10" for the steps from About to Review.
pub fn step_indicator(model: &Model, step: Step) -> String {
    let n = step.number().to_string();
    let total = Step::ALL.len().to_string();
    model.texts.fmt("ui.step_of", &[("n", &n), ("total", &total)])
}

pub fn header(frame: &mut Frame, model: &Model, area: Rect) {
    let t = &model.texts;
    let th = &model.theme;
    let (title, right) = match model.screen {
        Screen::Start => (t.get("ui.start.title").to_string(), String::new()),
        Screen::Catalog | Screen::CatalogDetail => {
            let edition = model.catalog.as_ref().map(|c| c.edition.as_str()).unwrap_or("…");
            (
                t.get("ui.catalog.title").to_string(),
                t.fmt("ui.catalog.edition", &[("edition", edition)]),
            )
        }
        Screen::Step(step) => {
            let doc_title = model.doc.as_ref().map(|d| d.loaded.assessment.meta.title.trim());
            let name = match doc_title {
                Some(title) if !title.is_empty() => title.to_string(),
                _ => t.get("ui.untitled").to_string(),
            };
            let right = format!("{} · {}", step_indicator(model, step), t.get(&step.key()));
            (name, right)
        }
    };
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

/// Errors and confirmations; else the store's warnings about the open assessment.
pub fn note(frame: &mut Frame, model: &Model, area: Rect) {
    let t = &model.texts;
    let th = &model.theme;
    let line = if let Some(note) = &model.note {
        let args: Vec<(&str, String)> = note
            .args
            .iter()
            .map(|(k, v)| (*k, if v.starts_with("ui.") { t.get(v).to_string() } else { v.clone() }))
            .collect();
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let text = t.fmt(note.key, &args);
        if note.error {
            Line::from(Span::styled(format!(" ▲ {text}"), th.error))
        } else {
            Line::from(Span::styled(format!(" ✓ {text}"), th.success))
        }
    } else if let Some(warning) = model.warnings.first() {
        Line::from(Span::styled(format!(" ▲ {warning}"), th.error))
    } else {
        return;
    };
    let text = truncate(&line.to_string(), area.width as usize);
    let style = line.spans.first().map(|s| s.style).unwrap_or_default();
    frame.render_widget(Paragraph::new(Line::styled(text, style)), area);
}

/// How a binding's keys are written.
pub fn keys_label<'a>(model: &'a Model, binding: &'a Binding) -> &'a str {
    if binding.keys.starts_with("ui.") { model.texts.get(binding.keys) } else { binding.keys }
}

/// The footer's hints: the keys that work here, from the key map. Help is always shown.
pub fn footer_hints(model: &Model, max_width: usize) -> Vec<Binding> {
    let mode = keymap::mode(model);
    let all: Vec<Binding> = keymap::bindings(mode).into_iter().filter(|b| b.footer).collect();
    let cost = |b: &Binding| width(keys_label(model, b)) + 1 + width(model.texts.get(b.does)) + 3;
    let help = all.iter().find(|b| b.does == "ui.does.help").cloned();
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
