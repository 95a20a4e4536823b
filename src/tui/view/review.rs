//! The review: every answer and decision field in one list (Enter jumps to its step), and the
//! documents written from here.

use crate::i18n::k;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::text::{truncate, width};
use crate::describe;
use crate::tui::app::{Doc, Model};
use crate::tui::form::Field;
use crate::tui::outcome::{self, DecisionRow, ReviewRow};

/// The label and value of one review line.
fn row_text(model: &Model, doc: &Doc, row: ReviewRow) -> (String, String) {
    let t = &model.texts;
    let a = &doc.loaded.assessment;
    let s = &a.scenario;
    let name = |id: &str| match &model.catalog {
        Some(c) => describe::offering_name(t, c, id),
        None => id.to_string(),
    };
    let none = || t.get(k::ANSWER_VALUE_NONE).to_string();
    let d = a.decision.as_ref();
    match row {
        ReviewRow::About(field) => {
            (t.get(field.key()).to_string(), Field::About(field).value(a).to_string())
        }
        ReviewRow::Answer(answer, _) => {
            (describe::answer_label(t, answer), describe::answer_value(t, s, answer))
        }
        ReviewRow::LoweringReason => (
            t.get(k::UI_REVIEW_LOWERING).to_string(),
            format!("{} ({})", s.protection_lowered_reason, s.protection_risk_accepted_by),
        ),
        ReviewRow::Decision(r) => {
            let value = match r {
                DecisionRow::Chosen => d
                    .map(|d| name(&d.chosen))
                    .unwrap_or_else(|| t.get(k::UI_REVIEW_NOT_DECIDED).to_string()),
                DecisionRow::RunnerUp => {
                    d.and_then(|d| d.runner_up.as_deref()).map(name).unwrap_or_else(none)
                }
                DecisionRow::Rationale => d
                    .map(|d| d.rationale.replace('\n', " ⏎ "))
                    .filter(|r| !r.trim().is_empty())
                    .unwrap_or_else(none),
                DecisionRow::OverrideReason => d
                    .and_then(|d| d.override_.as_ref())
                    .map(|o| format!("{} ({})", o.reason, o.accepted_by))
                    .unwrap_or_else(none),
                _ => match &a.status {
                    Some(st) => t.fmt(
                        k::UI_REVIEW_STATUS_BY,
                        &[
                            ("status", t.by_name(st.status.key())),
                            ("by", &st.by),
                            ("date", &st.on.to_string()),
                        ],
                    ),
                    None => t.get(k::UI_DECISION_STATUS_UNSET).to_string(),
                },
            };
            let value = if r == DecisionRow::Chosen && d.is_some_and(|d| d.to_be_confirmed) {
                format!("{value} · ▲ {}", t.get(k::UI_REVIEW_TO_BE_CONFIRMED))
            } else {
                value
            };
            (t.get(r.key()).to_string(), value)
        }
        ReviewRow::Ready => {
            let open = outcome::open_preconditions(doc, model.catalog.as_ref());
            let value = if open == 0 {
                t.get(k::UI_CHECKLIST_READY_YES).to_string()
            } else {
                t.count(k::UI_CHECKLIST_READY_NO, open, &[("n", &open.to_string())])
            };
            (t.get(k::UI_REVIEW_READY).to_string(), value)
        }
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
    let written = &doc.outcome.review.written;
    let footer_h = if written.is_empty() { 2 } else { written.len().min(3) as u16 + 1 };
    let [intro, list, files] = inner.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(footer_h),
    ]));
    frame.render_widget(
        Paragraph::new(Line::styled(t.get(k::UI_REVIEW_INTRO).to_string(), th.muted)),
        intro,
    );
    let rows = outcome::review_rows(doc);
    let cursor = doc.outcome.review.cursor.min(rows.len() - 1);
    let total = list.width as usize;
    let step_w = 4;
    let label_w = (total / 3).clamp(12, 34);
    let value_w = total.saturating_sub(step_w + label_w + 3);
    let height = list.height as usize;
    let offset = (cursor + 1).saturating_sub(height.max(1));
    let mut lines = Vec::new();
    for (i, row) in rows.iter().enumerate().skip(offset).take(height) {
        let here = i == cursor;
        let (label, value) = row_text(model, doc, *row);
        let marker = if here { "▶" } else { " " };
        let step = format!("{:>2}", row.step().number());
        let style = if here { th.selected } else { Style::new() };
        lines.push(Line::from(vec![
            Span::raw(marker),
            Span::styled(format!("{step} "), th.muted),
            Span::styled(pad(&truncate(&label, label_w - 1), label_w), style),
            Span::raw(truncate(&value, value_w)),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), list);
    let mut lines = Vec::new();
    if written.is_empty() {
        lines.push(Line::styled(t.get(k::UI_REVIEW_EXPORT_HINT).to_string(), th.muted));
    } else {
        lines.push(Line::styled(t.get(k::UI_REVIEW_WRITTEN).to_string(), th.heading));
        for path in written.iter().rev().take(3) {
            lines.push(Line::raw(format!("• {}", path.display())));
        }
    }
    frame.render_widget(Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: true }), files);
}

fn pad(s: &str, n: usize) -> String {
    format!("{s}{}", " ".repeat(n.saturating_sub(width(s))))
}
