//! The decision: the chosen offering (the top-ranked one preselected), a runner-up, the
//! rationale, an override when an excluded offering is chosen (saying plainly what is overridden),
//! and the status set by a named decision-maker.

use crate::i18n::k;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::text::{skip_columns, truncate, width};
use crate::describe;
use crate::tui::app::{Doc, Model};
use crate::tui::outcome::{self, DecisionRow};
use crate::tui::outcome_fields::{TextBox, TextField};

/// Lines the rationale box takes.
const RATIONALE_LINES: u16 = 4;

/// A one-line text field's visible text and cursor column (scrolled to keep the cursor in view).
pub fn one_line(value: &str, editor: Option<&TextBox>, room: usize) -> (String, Option<usize>) {
    match editor {
        Some(e) => {
            let scroll = e.input.visual_scroll(room.saturating_sub(1));
            let shown = truncate(skip_columns(e.input.value(), scroll), room);
            (shown, Some(e.input.visual_cursor().saturating_sub(scroll)))
        }
        None => (truncate(value, room), None),
    }
}

/// A multi-line text as lines of at most `room` columns (hard-wrapped), with the cursor's
/// line and column when it is being edited; the last `height` lines around the cursor show.
pub fn multi_line(
    value: &str,
    editor: Option<&TextBox>,
    room: usize,
    height: usize,
) -> (Vec<String>, Option<(usize, usize)>) {
    let room = room.max(1);
    let text = editor.map_or(value, |e| e.input.value());
    let cursor_char = editor.map(|e| e.input.cursor());
    let mut lines = vec![String::new()];
    let mut cursor = None;
    for (i, c) in text.chars().enumerate() {
        if Some(i) == cursor_char {
            let last = lines.len() - 1;
            cursor = Some((last, width(&lines[last])));
        }
        if c == '\n' {
            lines.push(String::new());
            continue;
        }
        let last = lines.len() - 1;
        if width(&lines[last]) + unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) > room {
            lines.push(String::new());
        }
        let last = lines.len() - 1;
        lines[last].push(c);
    }
    if cursor.is_none() && cursor_char.is_some() {
        let last = lines.len() - 1;
        cursor = Some((last, width(&lines[last])));
    }
    if let Some((line, col)) = cursor
        && col >= room
    {
        lines.push(String::new());
        cursor = Some((line + 1, 0));
    }
    let first = cursor.map_or(0, |(l, _)| (l + 1).saturating_sub(height));
    let shown: Vec<String> = lines.into_iter().skip(first).take(height).collect();
    (shown, cursor.map(|(l, c)| (l - first, c)))
}

fn value_of(model: &Model, doc: &Doc, row: DecisionRow) -> String {
    let t = &model.texts;
    let a = &doc.loaded.assessment;
    let name = |id: &str| match &model.catalog {
        Some(c) => describe::offering_name(t, c, id),
        None => id.to_string(),
    };
    let standing = |id: &str| {
        let list = doc.shortlist.as_ref();
        match list.and_then(|l| l.ranked.iter().position(|e| e.offering == id)) {
            Some(i) => t.fmt(k::UI_RESULTS_RANK, &[("n", &(i + 1).to_string())]),
            None => format!("✖ {}", t.get(k::UI_RESULTS_EXCLUDED)),
        }
    };
    match row {
        DecisionRow::Chosen => match outcome::shown_chosen(doc) {
            Some(id) => format!("{} ({})", name(&id), standing(&id)),
            None => t.get(k::UI_DECISION_NOTHING_TO_CHOOSE).to_string(),
        },
        DecisionRow::RunnerUp => match a.decision.as_ref().and_then(|d| d.runner_up.as_deref()) {
            Some(id) => format!("{} ({})", name(id), standing(id)),
            None => t.get(k::UI_DECISION_NO_RUNNER_UP).to_string(),
        },
        DecisionRow::Status => match &a.status {
            Some(s) => t.by_name(s.status.key()).to_string(),
            None => t.get(k::UI_DECISION_STATUS_UNSET).to_string(),
        },
        DecisionRow::Take => t.get(k::UI_DECISION_TAKE).to_string(),
        other => other.field().map(|f| f.value(a)).unwrap_or_default(),
    }
}

pub fn draw(frame: &mut Frame, model: &Model, area: Rect) {
    let t = &model.texts;
    let th = &model.theme;
    let Some(doc) = &model.doc else { return };
    let block = Block::new().borders(Borders::TOP).border_style(th.border);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let inner = Rect { x: inner.x + 1, width: inner.width.saturating_sub(2), ..inner };
    let a = &doc.loaded.assessment;
    let mut y = inner.y;
    let line_at = |frame: &mut Frame, y: u16, top: u16, scroll: u16, line: Line| {
        let Some(y) = y.checked_sub(scroll).filter(|y| *y >= top) else { return };
        if y < inner.bottom() {
            frame.render_widget(Paragraph::new(line), Rect { y, height: 1, ..inner });
        }
    };
    let intro = if a.decision.as_ref().is_some_and(|d| d.to_be_confirmed) {
        Line::styled(format!("▲ {}", t.get(k::UI_DECISION_CONFIRM_AGAIN)), th.error)
    } else {
        Line::styled(t.get(k::UI_DECISION_INTRO).to_string(), th.muted)
    };
    let intro_area = Rect { height: 2.min(inner.height), ..inner };
    frame.render_widget(Paragraph::new(intro).wrap(Wrap { trim: true }), intro_area);
    y += 2;

    let rows = outcome::decision_rows(doc);
    let focus = doc.outcome.decision.focus.min(rows.len() - 1);
    let height = |row: &DecisionRow| match row {
        DecisionRow::Rationale => RATIONALE_LINES,
        DecisionRow::Take => 2,
        _ => 1,
    };
    // Rows are laid out from `top` on; `scroll` lines are cut off there so that the focused row
    // stays visible when there are more rows than room.
    let top = y;
    let end_of_focus: u16 = rows[..=focus].iter().map(height).sum();
    let scroll = end_of_focus.saturating_sub(inner.bottom().saturating_sub(top));
    let label_of = |row: &DecisionRow| match row {
        DecisionRow::Approval(i) => t.fmt(
            k::UI_DECISION_APPROVAL_BY,
            &[("name", a.meta.decision_makers.get(*i).map_or("", String::as_str))],
        ),
        _ => t.get(row.key()).to_string(),
    };
    let label_w = rows
        .iter()
        .filter(|r| **r != DecisionRow::Take)
        .map(|r| width(&label_of(r)) + 2)
        .max()
        .unwrap_or(20)
        .min(inner.width as usize / 3);
    let room = (inner.width as usize).saturating_sub(label_w + 4).max(4);
    let editor = doc.outcome.decision.editor.as_ref();
    for (i, row) in rows.iter().enumerate() {
        let here = i == focus;
        let marker = if here { "▶ " } else { "  " };
        if *row == DecisionRow::Take {
            y += 1;
            let style = if here { th.selected } else { th.heading };
            line_at(
                frame,
                y,
                top,
                scroll,
                Line::from(vec![
                    Span::raw(marker),
                    Span::styled(format!("[ {} ]", t.get(row.key())), style),
                ]),
            );
            y += 1;
            continue;
        }
        let label_text = label_of(row);
        let label = format!("{marker}{}", pad(&truncate(&label_text, label_w), label_w));
        let label_style = if here && editor.is_none() { th.selected } else { Style::new() };
        let value = value_of(model, doc, *row);
        let this_editor = editor.filter(|e| Some(e.field) == row.field());
        match row.field() {
            Some(TextField::Rationale) => {
                let (lines, cursor) =
                    multi_line(&value, this_editor, room, RATIONALE_LINES as usize);
                for n in 0..RATIONALE_LINES {
                    let text = lines.get(n as usize).cloned().unwrap_or_default();
                    let head = if n == 0 { label.clone() } else { " ".repeat(label_w + 2) };
                    let style = if this_editor.is_some() { th.field_focus } else { th.field };
                    line_at(
                        frame,
                        y + n,
                        top,
                        scroll,
                        Line::from(vec![
                            Span::styled(head, if n == 0 { label_style } else { Style::new() }),
                            Span::raw(" "),
                            Span::styled(pad(&text, room), style),
                        ]),
                    );
                }
                if let Some((l, c)) = cursor
                    && let Some(line) = (y + l as u16).checked_sub(scroll).filter(|y| *y >= top)
                {
                    let pos = Position::new(inner.x + (label_w + 3 + c) as u16, line);
                    if pos.y < inner.bottom() {
                        frame.set_cursor_position(pos);
                    }
                }
                y += RATIONALE_LINES;
            }
            Some(_) => {
                let (shown, cursor) = one_line(&value, this_editor, room);
                let style = if this_editor.is_some() { th.field_focus } else { th.field };
                let mut spans = vec![
                    Span::styled(label, label_style),
                    Span::raw(" "),
                    Span::styled(pad(&shown, room), style),
                ];
                if *row == DecisionRow::DecidedBy && a.status.is_some() {
                    spans.truncate(2);
                    let room = room.saturating_sub(14);
                    let shown = truncate(&shown, room);
                    spans.push(Span::styled(pad(&shown, room), style));
                    spans.push(Span::styled(
                        format!(
                            " {}",
                            t.fmt(k::UI_DECISION_ON, &[("date", &model.today.to_string())])
                        ),
                        th.muted,
                    ));
                }
                line_at(frame, y, top, scroll, Line::from(spans));
                if let Some(c) = cursor
                    && let Some(line) = y.checked_sub(scroll).filter(|y| *y >= top)
                    && line < inner.bottom()
                {
                    let pos = Position::new(inner.x + (label_w + 3 + c) as u16, line);
                    frame.set_cursor_position(pos);
                }
                y += 1;
            }
            None => {
                let shown = truncate(&value, room.saturating_sub(4));
                let excluded = *row == DecisionRow::Chosen
                    && outcome::shown_chosen(doc).is_some_and(|id| outcome::excluded_now(doc, &id));
                let value_style = if excluded { th.error } else { th.heading };
                line_at(
                    frame,
                    y,
                    top,
                    scroll,
                    Line::from(vec![
                        Span::styled(label, label_style),
                        Span::raw(" "),
                        Span::styled("◀ ", th.muted),
                        Span::styled(shown, value_style),
                        Span::styled(" ▶", th.muted),
                    ]),
                );
                y += 1;
            }
        }
    }
    y = y.saturating_sub(scroll) + 1;
    // What the focused row means, and plainly what an override overrides.
    let mut info: Vec<Line> = Vec::new();
    let chosen = outcome::shown_chosen(doc);
    if let (Some(id), Some(catalog), Some(list)) = (&chosen, &model.catalog, &doc.shortlist)
        && let (Some(o), Some(e)) =
            (catalog.offering(id), list.excluded.iter().find(|e| &e.offering == id))
    {
        info.push(Line::styled(
            format!("▲ {}", t.fmt(k::UI_DECISION_OVERRIDING, &[("name", t.pick(&o.name))])),
            th.error,
        ));
        for ko in &e.knockouts {
            info.push(Line::raw(format!("  ✖ {}", describe::knockout(t, o, ko))));
        }
    } else if rows[focus] == DecisionRow::Status {
        let status =
            a.status.as_ref().map_or(crate::domain::assessment::Status::Proposed, |s| s.status);
        info.push(Line::styled(describe::status_hint(t, status), th.muted));
    } else if rows[focus] == DecisionRow::Rationale {
        info.push(Line::styled(t.get(k::UI_DECISION_RATIONALE_HINT).to_string(), th.muted));
    }
    if y < inner.bottom() && !info.is_empty() {
        let rest = Rect { y, height: inner.bottom() - y, ..inner };
        frame.render_widget(Paragraph::new(info).wrap(Wrap { trim: false }), rest);
    }
}

fn pad(s: &str, n: usize) -> String {
    format!("{s}{}", " ".repeat(n.saturating_sub(width(s))))
}
