//! The frame around every screen: the header with the step indicator, the step rail, the
//! message line, the key hints.

use crate::i18n::k;
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::domain::scenario::Step;
use crate::terminal_text::for_terminal;
use crate::tui::app::{self, Model};
use crate::tui::keymap::{Binding, Footer};
use crate::tui::screen::Screen;
use crate::tui::text::{truncate, width, wrap};

/// "Schritt 2 von 10" for the steps from About to Review.
pub fn step_indicator(model: &Model, step: Step) -> String {
    let n = step.number().to_string();
    let total = Step::ALL.len().to_string();
    model.env.texts.fmt(k::UI_STEP_OF, &[("n", &n), ("total", &total)])
}

pub fn header(frame: &mut Frame, model: &Model, area: Rect) {
    let t = &model.env.texts;
    let th = &model.env.theme;
    let (title, right) = match &model.screen {
        Screen::Start(_) => (t.get(k::UI_START_TITLE).to_string(), String::new()),
        Screen::Catalog(_) => {
            let edition = model.env.catalog.as_ref().map(|c| c.edition.as_str()).unwrap_or("…");
            (
                t.get(k::UI_CATALOG_TITLE).to_string(),
                t.fmt(k::UI_CATALOG_EDITION, &[("edition", edition)]),
            )
        }
        screen => {
            let step = screen.step().unwrap_or(Step::About);
            let doc_title = model.doc.as_ref().map(|d| d.loaded.assessment.meta.title.trim());
            let name = match doc_title {
                Some(title) if !title.is_empty() => title.to_string(),
                _ => t.get(k::UI_UNTITLED).to_string(),
            };
            let full = format!("{} · {}", step_indicator(model, step), t.by_name(&step.key()));
            // A long title keeps its room: the step's name is on the rail as well.
            let right = if width(&full) + width(&name) + 4 <= area.width as usize {
                full
            } else {
                step_indicator(model, step)
            };
            (name, right)
        }
    };
    let title = for_terminal(&title).replace('\n', " ");
    let right_width = width(&right) + 1;
    let room = (area.width as usize).saturating_sub(right_width + 1);
    let prefix = "meetcheck · ";
    let left = if width(prefix) + width(&title) < room {
        vec![Span::styled(" meetcheck", th.heading), Span::raw(" · "), Span::raw(title)]
    } else {
        vec![Span::raw(" "), Span::raw(truncate(&title, room.saturating_sub(1)))]
    };
    frame.render_widget(Paragraph::new(Line::from(left)), area);
    let right = Line::from(Span::styled(format!("{right} "), th.heading));
    frame.render_widget(Paragraph::new(right).alignment(Alignment::Right), area);
}

/// The step rail: every step with done (✓), current (▶), needs attention (▲) or not yet (·);
/// names where there is room, else numbers with the current step's name.
pub fn rail(frame: &mut Frame, model: &Model, area: Rect) {
    let t = &model.env.texts;
    let th = &model.env.theme;
    let (Some(doc), Some(current)) = (&model.doc, model.step()) else { return };
    let catalog = model.env.catalog.as_ref();
    let mark = |step: Step| -> (&'static str, Style) {
        if step == current {
            ("▶", th.selected)
        } else if doc.needs_attention(step, catalog) && step < doc.reached.max(current) {
            ("▲", th.error)
        } else if step < doc.reached.max(current) {
            ("✓", th.success)
        } else {
            ("·", th.muted)
        }
    };
    let hint = t.get(k::UI_RAIL_GO_TO);
    let full = |names: bool| -> Vec<Span<'static>> {
        let mut spans = vec![Span::raw(" ")];
        for step in Step::ALL {
            let (glyph, style) = mark(step);
            let name = if names || step == current {
                format!(" {}", t.by_name(&step.key()))
            } else {
                String::new()
            };
            spans.push(Span::styled(format!("{glyph}{}{name}", step.number()), style));
            spans.push(Span::raw(" "));
        }
        spans
    };
    let spans = if Line::from(full(true)).width() + width(hint) + 2 <= area.width as usize {
        full(true)
    } else {
        full(false)
    };
    let used = Line::from(spans.clone()).width();
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
    if used + width(hint) + 2 <= area.width as usize {
        let right = Line::from(Span::styled(format!("{hint} "), th.muted));
        frame.render_widget(Paragraph::new(right).alignment(Alignment::Right), area);
    }
}

/// Errors and confirmations, else the store's warnings about the open assessment: whole,
/// wrapped at the window's width (the end of a message says what to do). At most `max` lines;
/// what does not fit is in the message log (Ctrl+L), which the last line then names.
pub fn note_lines(model: &Model, columns: u16, max: usize) -> Vec<Line<'static>> {
    let t = &model.env.texts;
    let th = &model.env.theme;
    let (glyph, style, texts) = if let Some(note) = &model.notes.current {
        let text = note_text(model, note);
        if note.error { ("▲", th.error, vec![text]) } else { ("✓", th.success, vec![text]) }
    } else if !model.warnings.is_empty() && model.step().is_some() {
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
        lines.truncate(max.saturating_sub(1).max(1));
        let more = format!("   {}", t.get(k::UI_NOTE_MORE_IN_LOG));
        lines.push(Line::styled(truncate(&more, columns as usize), th.muted));
    }
    lines
}

/// A message in words.
pub fn note_text(model: &Model, note: &crate::tui::doc::Note) -> String {
    note.text(&model.env.texts)
}

pub fn note(frame: &mut Frame, lines: Vec<Line<'static>>, area: Rect) {
    frame.render_widget(Paragraph::new(lines), area);
}

/// How a binding's keys are written.
pub fn keys_label<'a>(model: &'a Model, binding: &'a Binding) -> &'a str {
    binding.keys.text(&model.env.texts)
}

/// The footer's hints: the keys that work here, from the key map. The essential ones get room
/// first, then those marked `Always`; the others follow in order while they fit.
pub fn footer_bindings(model: &Model, columns: usize) -> Vec<Binding> {
    let all: Vec<Binding> =
        app::keys(model).bindings.into_iter().filter(|b| b.footer != Footer::No).collect();
    let cost =
        |b: &Binding| width(keys_label(model, b)) + 1 + width(model.env.texts.get(b.does)) + 2;
    // One leading space; every hint but the last is followed by two.
    let mut budget = (columns + 2).saturating_sub(1);
    let mut keep = vec![false; all.len()];
    for pass in [Footer::Essential, Footer::Always, Footer::IfRoom] {
        for (i, b) in all.iter().enumerate() {
            if b.footer == pass && cost(b) <= budget {
                budget -= cost(b);
                keep[i] = true;
            }
        }
    }
    all.into_iter().zip(keep).filter(|(_, k)| *k).map(|(b, _)| b).collect()
}

pub fn footer(frame: &mut Frame, model: &Model, area: Rect) {
    let th = &model.env.theme;
    let mut spans = vec![Span::raw(" ")];
    for (i, b) in footer_bindings(model, area.width as usize).iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw("  "));
        }
        spans.push(Span::styled(keys_label(model, b).to_string(), th.key));
        spans.push(Span::raw(format!(" {}", model.env.texts.get(b.does))));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
