//! The checklist: the to-dos for the scenario and the chosen offering, preconditions of use first,
//! each with why it applies and its progress; the offering's privacy-friendly settings; and,
//! always in view, whether the offering is ready for use.

use crate::i18n::k;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::decision::{multi_line, one_line};
use super::text::{truncate, width};
use crate::describe;
use crate::domain::assessment::{ChecklistItem, TodoStatus};
use crate::domain::todos::{Todo, TodoId};
use crate::tui::app::{Doc, Model};
use crate::tui::outcome::{self, ChecklistRow, ItemRow};

/// From this width on, the detail sits beside the list.
const SIDE_BY_SIDE: u16 = 100;

fn status_glyph(status: TodoStatus) -> &'static str {
    match status {
        TodoStatus::Open => "○",
        TodoStatus::Done => "✓",
        TodoStatus::NotApplicable => "–",
    }
}

/// "Einsatzbereit: nein – 3 Voraussetzungen offen" / "ready for use: yes".
pub fn ready_line(model: &Model, doc: &Doc) -> Line<'static> {
    let t = &model.texts;
    let open = outcome::open_preconditions(doc, model.catalog.as_ref());
    if open == 0 {
        Line::styled(format!("✓ {}", t.get(k::UI_CHECKLIST_READY_YES)), model.theme.success)
    } else {
        Line::styled(
            format!("▲ {}", t.count(k::UI_CHECKLIST_READY_NO, open, &[("n", &open.to_string())])),
            model.theme.error,
        )
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
    let [ready, subject, body] = inner.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ]));
    frame.render_widget(Paragraph::new(ready_line(model, doc)), ready);
    let a = &doc.loaded.assessment;
    let offering = a.decision.as_ref().and_then(|d| d.chosen_offering(model.catalog.as_ref()));
    let subject_line = match offering {
        Some(o) => t.fmt(k::UI_CHECKLIST_FOR, &[("name", t.pick(&o.name))]),
        None => t.get(k::UI_CHECKLIST_NO_OFFERING).to_string(),
    };
    let mut spans = vec![Span::styled(subject_line, th.muted)];
    if a.decision.as_ref().is_some_and(|d| d.to_be_confirmed) {
        spans.push(Span::styled(format!("  ▲ {}", t.get(k::UI_CHECKLIST_CHANGED)), th.error));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), subject);

    let rows = outcome::checklist_rows(doc, model.catalog.as_ref());
    let cursor = doc.outcome.checklist.cursor.min(rows.len() - 1);
    let (list_area, detail_area) = if body.width >= SIDE_BY_SIDE {
        let [l, r] =
            body.layout(&Layout::horizontal([Constraint::Percentage(45), Constraint::Fill(1)]));
        (l, r)
    } else {
        let list_h = (rows.len() as u16 + 1).min(body.height * 2 / 5).max(3);
        let [l, r] =
            body.layout(&Layout::vertical([Constraint::Length(list_h), Constraint::Fill(1)]));
        (l, r)
    };
    let item_open = doc.outcome.checklist.item.is_some();
    let w = list_area.width as usize;
    let mut lines = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let here = i == cursor;
        let marker = if here { "▶ " } else { "  " };
        let style = if here && !item_open { th.selected } else { Style::new() };
        let (text, muted) = match row {
            ChecklistRow::Todo(todo) => {
                let item = a.checklist.get(&todo.id).cloned().unwrap_or_default();
                let flag = if todo.precondition { "! " } else { "  " };
                let title = describe::todo_title(t, todo.id);
                (format!("{} {flag}{title}", status_glyph(item.status)), false)
            }
            ChecklistRow::Gone(id, since) => {
                let title = describe::todo_title(t, *id);
                let gone = t.fmt(k::UI_CHECKLIST_GONE, &[("date", &since.to_string())]);
                (format!("⊘   {title} ({gone})"), true)
            }
            ChecklistRow::Continue => (format!("[ {} ]", t.get(k::UI_CHECKLIST_CONTINUE)), false),
        };
        let text = truncate(&text, w.saturating_sub(2));
        let style = if muted && !here { th.muted } else { style };
        lines.push(Line::from(vec![Span::raw(marker), Span::styled(text, style)]));
    }
    let offset = (cursor + 1).saturating_sub(list_area.height as usize);
    frame.render_widget(Paragraph::new(lines).scroll((offset as u16, 0)), list_area);

    let block = if body.width >= SIDE_BY_SIDE {
        Block::new().borders(Borders::LEFT).border_style(th.border)
    } else {
        Block::new().borders(Borders::TOP).border_style(th.border)
    };
    let detail = block.inner(detail_area);
    frame.render_widget(block, detail_area);
    let detail = Rect { x: detail.x + 1, width: detail.width.saturating_sub(1), ..detail };
    match &rows[cursor] {
        ChecklistRow::Todo(todo) => draw_item(frame, model, doc, todo.id, Some(todo), detail),
        ChecklistRow::Gone(id, _) => draw_item(frame, model, doc, *id, None, detail),
        ChecklistRow::Continue => {
            let mut lines = vec![Line::styled(t.get(k::UI_CHECKLIST_LEGEND).to_string(), th.muted)];
            settings_lines(model, doc, &mut lines);
            frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), detail);
        }
    }
}

fn settings_lines(model: &Model, doc: &Doc, lines: &mut Vec<Line<'static>>) {
    let t = &model.texts;
    let a = &doc.loaded.assessment;
    let offering = a.decision.as_ref().and_then(|d| d.chosen_offering(model.catalog.as_ref()));
    if let Some(o) = offering
        && !o.settings.is_empty()
    {
        lines.push(Line::styled(t.get(k::UI_CHECKLIST_SETTINGS).to_string(), model.theme.heading));
        lines.extend(o.settings.iter().map(|s| Line::raw(format!("• {}", t.pick(s)))));
    }
}

fn item_value(model: &Model, item: &ChecklistItem, row: ItemRow) -> String {
    let t = &model.texts;
    let date = |d: Option<jiff::civil::Date>| d.map(|d| d.to_string()).unwrap_or_default();
    match row {
        ItemRow::Status => t.by_name(item.status.key()).to_string(),
        ItemRow::Owner => item.owner.clone(),
        ItemRow::Due => date(item.due),
        ItemRow::Evidence => item.evidence.clone(),
        ItemRow::EvidenceDate => date(item.evidence_date),
        ItemRow::Note => item.note.clone(),
    }
}

fn draw_item(
    frame: &mut Frame,
    model: &Model,
    doc: &Doc,
    id: TodoId,
    todo: Option<&Todo>,
    area: Rect,
) {
    let t = &model.texts;
    let th = &model.theme;
    let a = &doc.loaded.assessment;
    let item = a.checklist.get(&id).cloned().unwrap_or_default();
    let form = doc.outcome.checklist.item.as_ref().filter(|f| f.id == id);
    // The fields first (they are what the user edits), then why the to-do applies.
    let label_w = ItemRow::ALL
        .iter()
        .map(|r| width(t.get(r.key())) + 1)
        .max()
        .unwrap_or(12)
        .min(area.width as usize / 3);
    let room = (area.width as usize).saturating_sub(label_w + 3).max(4);
    let mut y = area.y;
    let mut title = vec![Span::styled(describe::todo_title(t, id), th.heading)];
    if let Some(todo) = todo.filter(|t| t.precondition) {
        title.push(Span::styled(format!(" · {}", describe::todo_flag(t, todo)), th.error));
    }
    frame.render_widget(
        Paragraph::new(Line::from(title)).wrap(Wrap { trim: false }),
        Rect { height: 2.min(area.height), ..area },
    );
    y += 2;
    for (i, row) in ItemRow::ALL.iter().enumerate() {
        if y >= area.bottom() {
            return;
        }
        let here = form.is_some_and(|f| f.focus == i);
        let editor =
            form.and_then(|f| f.editor.as_ref()).filter(|e| Some(e.field) == row.field(id));
        let marker = if here { "▶" } else { " " };
        let label = format!("{marker}{}", pad(&truncate(t.get(row.key()), label_w), label_w));
        let label_style = if here && editor.is_none() { th.selected } else { Style::new() };
        let value = item_value(model, &item, *row);
        let field_style = if editor.is_some() { th.field_focus } else { th.field };
        let line_area = Rect { y, height: 1, ..area };
        if *row == ItemRow::Status {
            let line = Line::from(vec![
                Span::styled(label, label_style),
                Span::raw(" "),
                Span::styled(format!("◀ {} {value} ▶", status_glyph(item.status)), th.heading),
            ]);
            frame.render_widget(Paragraph::new(line), line_area);
            y += 1;
            continue;
        }
        let (shown, cursor) = if *row == ItemRow::Note {
            let height = 2usize;
            let (lines, cursor) = multi_line(&value, editor, room, height);
            for (n, text) in lines.iter().enumerate().take(height) {
                let head = if n == 0 { label.clone() } else { " ".repeat(label_w + 1) };
                let r = Rect { y: y + n as u16, height: 1, ..area };
                if r.y < area.bottom() {
                    let line = Line::from(vec![
                        Span::styled(head, if n == 0 { label_style } else { Style::new() }),
                        Span::raw(" "),
                        Span::styled(pad(text, room), field_style),
                    ]);
                    frame.render_widget(Paragraph::new(line), r);
                }
            }
            if lines.len() < height && y + 1 < area.bottom() {
                let r = Rect { y: y + 1, height: 1, ..area };
                let line = Line::from(vec![
                    Span::raw(" ".repeat(label_w + 2)),
                    Span::styled(pad("", room), field_style),
                ]);
                frame.render_widget(Paragraph::new(line), r);
            }
            if let Some((l, c)) = cursor {
                let pos = Position::new(area.x + (label_w + 2 + c) as u16, y + l as u16);
                if pos.y < area.bottom() {
                    frame.set_cursor_position(pos);
                }
            }
            y += height as u16;
            continue;
        } else {
            one_line(&value, editor, room)
        };
        let hint = if matches!(row, ItemRow::Due | ItemRow::EvidenceDate) && shown.is_empty() {
            t.get(k::UI_CHECKLIST_DATE_FORMAT).to_string()
        } else {
            String::new()
        };
        let line = Line::from(vec![
            Span::styled(label, label_style),
            Span::raw(" "),
            Span::styled(pad(&shown, room.min(width(&shown).max(12))), field_style),
            Span::styled(format!(" {hint}"), th.muted),
        ]);
        frame.render_widget(Paragraph::new(line), line_area);
        if let Some(c) = cursor {
            frame.set_cursor_position(Position::new(area.x + (label_w + 2 + c) as u16, y));
        }
        y += 1;
    }
    if let Some(since) = item.no_longer_applies_since {
        if y < area.bottom() {
            let gone = t.fmt(k::UI_CHECKLIST_GONE, &[("date", &since.to_string())]);
            frame.render_widget(
                Paragraph::new(Line::styled(format!("⊘ {gone}"), th.muted)),
                Rect { y, height: 1, ..area },
            );
        }
        y += 1;
    }
    y += 1;
    if y >= area.bottom() {
        return;
    }
    let mut lines = Vec::new();
    if let Some(todo) = todo {
        lines.push(Line::styled(t.get(k::UI_CHECKLIST_WHY).to_string(), th.heading));
        for why in describe::todo_why(t, &a.scenario, todo) {
            lines.push(Line::raw(format!("• {why}")));
        }
    }
    if id == TodoId::Settings {
        settings_lines(model, doc, &mut lines);
    }
    let rest = Rect { y, height: area.bottom() - y, ..area };
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), rest);
}

fn pad(s: &str, n: usize) -> String {
    format!("{s}{}", " ".repeat(n.saturating_sub(width(s))))
}
