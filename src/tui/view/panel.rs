//! The live narrowing panel: how many offerings remain, and what the last answer knocked out or
//! brought back, with the reason.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use crate::describe;
use crate::domain::narrowing::Tier;
use crate::tui::app::{Doc, Model};

/// How many offerings the panel names before "and N more".
const NAMED: usize = 4;

pub fn lines(model: &Model, doc: &Doc) -> Vec<Line<'static>> {
    let t = &model.texts;
    let th = &model.theme;
    let (Some(catalog), Some(shortlist)) = (&model.catalog, &doc.shortlist) else {
        return vec![Line::raw(t.get("ui.panel.loading").to_string())];
    };
    let confirmed = shortlist.confirmed().count().to_string();
    let unconfirmed = shortlist.unconfirmed().count().to_string();
    let total = (shortlist.ranked.len() + shortlist.excluded.len()).to_string();
    let mut lines = vec![
        Line::styled(t.fmt("ui.panel.remain", &[("n", &confirmed), ("total", &total)]), th.heading),
        Line::styled(t.fmt("ui.panel.if_confirmed", &[("n", &unconfirmed)]), th.muted),
        Line::raw(""),
    ];
    let name = |id: &str| describe::offering_name(t, catalog, id);
    match &doc.last_change {
        Some(change) => {
            let answer = describe::answer_label(t, change.answer);
            lines.push(Line::styled(
                t.fmt("ui.panel.last_answer", &[("answer", &answer)]),
                th.muted,
            ));
            if change.knocked_out.is_empty() && change.brought_back.is_empty() {
                lines.push(Line::raw(t.get("ui.panel.no_change").to_string()));
            }
            for id in change.knocked_out.iter().take(NAMED) {
                lines.push(Line::from(vec![
                    Span::styled("✗ ", th.removed),
                    Span::styled(name(id), th.removed),
                ]));
                let reason = shortlist.evaluation(id).and_then(|e| e.knockouts.first());
                if let (Some(ko), Some(offering)) = (reason, catalog.offering(id)) {
                    lines.push(Line::raw(format!("  {}", describe::knockout(t, offering, ko))));
                }
            }
            for id in change.brought_back.iter().take(NAMED) {
                lines.push(Line::from(vec![
                    Span::styled("↺ ", th.added),
                    Span::styled(t.fmt("ui.panel.back", &[("name", &name(id))]), th.added),
                ]));
            }
            let more = change.knocked_out.len().saturating_sub(NAMED)
                + change.brought_back.len().saturating_sub(NAMED);
            if more > 0 {
                lines.push(Line::raw(t.fmt("ui.panel.more", &[("n", &more.to_string())])));
            }
        }
        None if shortlist.ranked.is_empty() => {
            lines.push(Line::raw(t.get("ui.panel.none").to_string()));
        }
        None => {
            lines.push(Line::styled(t.get("ui.panel.best").to_string(), th.muted));
            for e in shortlist.ranked.iter().take(NAMED) {
                let mark = if e.tier() == Tier::Unconfirmed { "◇" } else { "•" };
                lines.push(Line::raw(format!("{mark} {}", name(&e.offering))));
            }
        }
    }
    lines
}

pub fn draw(frame: &mut Frame, model: &Model, doc: &Doc, area: Rect) {
    let th = &model.theme;
    let title = format!(" {} ", model.texts.get("ui.panel.title"));
    let block = Block::new()
        .borders(Borders::TOP | Borders::LEFT)
        .border_style(th.border)
        .title(Span::styled(title, th.heading));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let inner = Rect { x: inner.x + 1, width: inner.width.saturating_sub(1), ..inner };
    frame.render_widget(Paragraph::new(lines(model, doc)).wrap(Wrap { trim: true }), inner);
}
