//! A scenario step: its questions with their options on the left, the explanation of the option
//! under the cursor below, and the live narrowing panel on the right.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::about::field_line;
use super::text::{truncate, width};
use crate::domain::scenario::{ProtectionNeed, Scenario, Step};
use crate::tui::app::{Doc, Model};
use crate::tui::form::Field;
use crate::tui::questions::{Question, Row};

/// The explanation of an option: its own hint where it has one, else the question's.
fn option_hint(model: &Model, question: Question, option: usize) -> String {
    let t = &model.texts;
    let own = match question {
        Question::Overlays if option == 0 => Some("ui.overlay.social_data.hint".to_string()),
        Question::Overlays => Some("ui.overlay.professional_secrecy.hint".to_string()),
        q if q.options_have_hints() => q.option_keys().get(option).map(|k| format!("{k}.hint")),
        _ => None,
    };
    match own {
        Some(key) if t.has(&key) => t.get(&key).to_string(),
        _ => t.get(question.hint_key()).to_string(),
    }
}

fn need_name(model: &Model, need: ProtectionNeed) -> String {
    model.texts.get(need.key()).to_string()
}

/// Lines under the list: what the option under the cursor means, and step-wide warnings.
fn hint_lines(model: &Model, doc: &Doc) -> Vec<Line<'static>> {
    let t = &model.texts;
    let th = &model.theme;
    let s: &Scenario = doc.scenario();
    let mut lines = Vec::new();
    if let Some(row) = doc.current_row() {
        let text = match row {
            Row::Choice { question, option } => option_hint(model, question, option),
            Row::Text { question } => t.get(question.hint_key()).to_string(),
        };
        lines.push(Line::raw(format!("ⓘ {text}")));
        let (proposed, reasons) = s.proposed_protection();
        match row.question() {
            Question::ProtectionNeed | Question::LoweringReason | Question::RiskAcceptedBy => {
                let why: Vec<&str> = reasons.iter().map(|r| t.get(r.key())).collect();
                let need = need_name(model, proposed);
                let why = why.join("; ");
                lines.push(Line::styled(
                    t.fmt("ui.hint.proposed_protection", &[("need", &need), ("why", &why)]),
                    th.muted,
                ));
            }
            question => {
                // An answer that follows from others: proposed, with why, until confirmed.
                let option = match row {
                    Row::Choice { option, .. } => option,
                    Row::Text { .. } => 0,
                };
                if let Some(why) = question.pending_proposal(option, s) {
                    let value = proposed_value(model, question, option, s);
                    lines.push(Line::styled(
                        t.fmt(
                            "ui.hint.proposed_answer",
                            &[("value", &value), ("because", t.get(why.key()))],
                        ),
                        th.muted,
                    ));
                }
            }
        }
    }
    if doc.step() == Step::Data && s.protection_lowered() {
        lines.push(Line::styled(format!("▲ {}", t.get("ui.hint.lowered")), th.error));
    }
    if doc.step() == Step::Organisation && s.purposes_diverge() {
        lines.push(Line::styled(format!("▲ {}", t.get("ui.hint.purposes_diverge")), th.error));
    }
    lines
}

/// The proposed value of a question's answer, in words ("yes", "GDPR with a Land's act").
fn proposed_value(model: &Model, question: Question, option: usize, s: &Scenario) -> String {
    let t = &model.texts;
    let keys = question.option_keys();
    match question {
        // The overlays are two yes/no answers in one question.
        Question::Overlays => {
            let yes = if option == 0 {
                s.proposed_social_data().0
            } else {
                s.proposed_professional_secrecy().0
            };
            let label = t.get(keys[option.min(1)]);
            format!("{label}: {}", t.get(if yes { "ui.yes" } else { "ui.no" }))
        }
        _ => (0..keys.len())
            .find(|o| question.is_proposed(*o, s))
            .map_or_else(String::new, |o| t.get(keys[o]).to_string()),
    }
}

struct ListLines {
    lines: Vec<Line<'static>>,
    cursor_line: usize,
    /// Line index where each question's heading is.
    heading_of_cursor: usize,
    text_fields: Vec<(usize, Field)>,
}

fn list_lines(model: &Model, doc: &Doc, width_: u16) -> ListLines {
    let t = &model.texts;
    let th = &model.theme;
    let s = doc.scenario();
    let rows = doc.rows();
    let mut out = ListLines {
        lines: Vec::new(),
        cursor_line: 0,
        heading_of_cursor: 0,
        text_fields: Vec::new(),
    };
    let w = width_ as usize;
    let mut last_question = None;
    for (i, row) in rows.iter().enumerate() {
        let q = row.question();
        let at_cursor = i == doc.cursor;
        if last_question != Some(q) {
            if last_question.is_some() {
                out.lines.push(Line::raw(""));
            }
            if rows.get(doc.cursor).map(|r| r.question()) == Some(q) {
                out.heading_of_cursor = out.lines.len();
            }
            let multi = if q.is_multi() { t.get("ui.multi") } else { "" };
            let room = w.saturating_sub(2 + width(multi));
            let mut spans =
                vec![Span::styled(format!(" {}", truncate(t.get(q.key()), room)), th.heading)];
            if q.is_multi() {
                spans.push(Span::styled(format!(" {multi}"), th.muted));
            }
            if !q.is_text() {
                out.lines.push(Line::from(spans));
            }
            last_question = Some(q);
        }
        if at_cursor {
            out.cursor_line = out.lines.len();
        }
        match *row {
            Row::Choice { question, option } => {
                let selected = question.is_selected(option, s);
                let glyph = match (question.is_multi(), selected) {
                    (true, true) => "[x]",
                    (true, false) => "[ ]",
                    (false, true) => "(•)",
                    (false, false) => "( )",
                };
                let key = question.option_keys()[option];
                let mut label = t.get(key).to_string();
                if question.is_proposed(option, s) {
                    label = format!("{label} ({})", t.get("ui.proposed"));
                }
                let label = truncate(&format!("{glyph} {label}"), w.saturating_sub(4));
                let (marker, style) =
                    if at_cursor { ("▶ ", th.selected) } else { ("  ", Style::new()) };
                out.lines.push(Line::from(vec![
                    Span::raw(format!(" {marker}")),
                    Span::styled(label, style),
                ]));
                // The four levels are explained on the spot, not only under the cursor.
                let own_hint = format!("{key}.hint");
                if question == Question::TransferStance && t.has(&own_hint) {
                    let hint = t.get(&own_hint);
                    out.lines.push(Line::styled(
                        format!("       {}", truncate(hint, w.saturating_sub(8))),
                        th.muted,
                    ));
                }
            }
            Row::Text { question } => {
                let field = match question {
                    Question::LoweringReason => Field::LoweringReason,
                    Question::Size => Field::LargestMeeting,
                    Question::Audience => Field::Audience,
                    _ => Field::RiskAcceptedBy,
                };
                out.text_fields.push((out.lines.len(), field));
                out.lines.push(Line::raw(""));
                let _ = question;
            }
        }
    }
    out
}

pub fn draw(frame: &mut Frame, model: &Model, area: Rect) {
    let th = &model.theme;
    let Some(doc) = &model.doc else { return };
    let panel_width = if area.width >= 100 { 38 } else { 28 };
    let [left, right] =
        area.layout(&Layout::horizontal([Constraint::Fill(1), Constraint::Length(panel_width)]));
    let hints = hint_lines(model, doc);
    let block = Block::new().borders(Borders::TOP).border_style(th.border);
    let hint_block = Block::new().borders(Borders::TOP).border_style(th.border);
    let hint_height = (hints.len() as u16 * 2).clamp(3, 6) + 1;
    let [list_area, hint_area] =
        left.layout(&Layout::vertical([Constraint::Fill(1), Constraint::Length(hint_height)]));
    let inner = block.inner(list_area);
    frame.render_widget(block, list_area);

    let mut list = list_lines(model, doc, inner.width);
    let height = inner.height as usize;
    let total = list.lines.len();
    let offset = if total <= height {
        0
    } else {
        let max_offset = total - height;
        let mut offset = list.heading_of_cursor.min(max_offset);
        if list.cursor_line >= offset + height {
            offset = list.cursor_line + 1 - height;
        }
        offset
    };
    for (line_index, field) in std::mem::take(&mut list.text_fields) {
        if line_index < offset || line_index >= offset + height {
            continue;
        }
        let y = inner.y + (line_index - offset) as u16;
        let row = Rect { y, height: 1, ..inner };
        let label = model.texts.get(match field {
            Field::LoweringReason => Question::LoweringReason.key(),
            Field::LargestMeeting => Question::Size.key(),
            Field::Audience => Question::Audience.key(),
            _ => Question::RiskAcceptedBy.key(),
        });
        let label_width = width(label).min(inner.width as usize / 2);
        let (line, cursor) = field_line(model, label, label_width, field, row);
        list.lines[line_index] = line;
        if let Some(Position { x, y }) = cursor {
            frame.set_cursor_position(Position::new(x, y));
        }
    }
    let paragraph = Paragraph::new(list.lines).scroll((offset as u16, 0));
    frame.render_widget(paragraph, inner);

    let hint_inner = hint_block.inner(hint_area);
    frame.render_widget(hint_block, hint_area);
    let hint_inner =
        Rect { x: hint_inner.x + 1, width: hint_inner.width.saturating_sub(1), ..hint_inner };
    frame.render_widget(Paragraph::new(hints).wrap(Wrap { trim: true }), hint_inner);

    super::panel::draw(frame, model, doc, right);
}
