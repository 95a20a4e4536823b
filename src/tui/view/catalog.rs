//! Browsing the catalogue: the offerings, and every fact of one with its source and date.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::text::truncate;
use crate::describe;
use crate::domain::catalog::{Feature, Offering};
use crate::domain::narrowing::FactField;
use crate::tui::app::Model;

/// Every fact field, in the order shown, with its label key.
pub fn fact_fields() -> Vec<(FactField, &'static str)> {
    use FactField as F;
    let mut fields = vec![
        (F::OperatingModel, "ui.fact.operating_model"),
        (F::Operator, "ui.fact.operator"),
        (F::Parent, "ui.fact.parent"),
        (F::ProcessingLocations, "ui.fact.processing_locations"),
        (F::SubprocessorLocations, "ui.fact.subprocessor_locations"),
        (F::DpfCertified, "ui.fact.dpf_certified"),
        (F::TransferBasis, "ui.fact.transfer_basis"),
        (F::Dpa, "ui.fact.dpa"),
        (F::OwnPurpose, "ui.fact.own_purpose"),
        (F::OpenSource, "ui.fact.open_source"),
        (F::Licence, "ui.fact.licence"),
        (F::E2ee, "ui.fact.e2ee"),
        (F::E2eeBrowserJoin, "ui.fact.e2ee_browser_join"),
        (F::E2eeMaxParticipants, "ui.fact.e2ee_max_participants"),
        (F::BrowserJoin, "ui.fact.browser_join"),
        (F::Apps, "ui.fact.apps"),
        (F::MaxParticipants, "ui.fact.max_participants"),
    ];
    fields.extend(Feature::ALL.iter().map(|f| (F::Feature(*f), f.key())));
    fields.extend([
        (F::KbvListed, "ui.fact.kbv_listed"),
        (F::AuthorityPositions, "ui.fact.authority_positions"),
    ]);
    fields
}

/// The detail of one offering as lines: every fact, then where it comes from.
pub fn detail_lines(model: &Model, offering: &Offering) -> Vec<Line<'static>> {
    let t = &model.texts;
    let th = &model.theme;
    let Some(catalog) = &model.catalog else { return Vec::new() };
    let mut lines = vec![
        Line::styled(t.pick(&offering.name).to_string(), th.heading),
        Line::styled(
            format!("{} · {}", offering.product, t.get(offering.operating_model.key())),
            th.muted,
        ),
    ];
    for (field, label) in fact_fields() {
        lines.push(Line::from(vec![
            Span::styled(format!("{}: ", t.get(label)), th.heading),
            Span::raw(describe::fact_value(t, offering, field)),
        ]));
        if let Some(from) = describe::provenance(t, catalog, offering, field) {
            lines.push(Line::styled(format!("  {} {from}", t.get("ui.catalog.source")), th.muted));
        }
    }
    if !offering.settings.is_empty() {
        lines.push(Line::styled(t.get("ui.catalog.settings").to_string(), th.heading));
        lines.extend(offering.settings.iter().map(|s| Line::raw(format!("• {}", t.pick(s)))));
    }
    if !offering.notes.is_empty() {
        lines.push(Line::styled(t.get("ui.catalog.notes").to_string(), th.heading));
        lines.extend(offering.notes.iter().map(|s| Line::raw(format!("• {}", t.pick(s)))));
    }
    lines
}

pub fn draw_list(frame: &mut Frame, model: &Model, area: Rect) {
    let t = &model.texts;
    let th = &model.theme;
    let Some(catalog) = &model.catalog else {
        frame.render_widget(Paragraph::new(t.get("ui.start.browse_loading")), area);
        return;
    };
    let [list_area, detail_area] =
        area.layout(&Layout::horizontal([Constraint::Percentage(38), Constraint::Fill(1)]));
    let block = Block::new().borders(Borders::TOP | Borders::RIGHT).border_style(th.border);
    let inner = block.inner(list_area);
    frame.render_widget(block, list_area);
    let w = inner.width.saturating_sub(3) as usize;
    let lines: Vec<Line> = catalog
        .offerings
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let name = truncate(t.pick(&o.name), w);
            if i == model.browse.cursor {
                Line::from(vec![Span::raw("▶ "), Span::styled(name, th.selected)])
            } else {
                Line::raw(format!("  {name}"))
            }
        })
        .collect();
    let offset = (model.browse.cursor + 1).saturating_sub(inner.height as usize);
    frame.render_widget(Paragraph::new(lines).scroll((offset as u16, 0)), inner);

    let block = Block::new().borders(Borders::TOP).border_style(th.border);
    let inner = block.inner(detail_area);
    frame.render_widget(block, detail_area);
    if let Some(offering) = catalog.offerings.get(model.browse.cursor) {
        let mut lines = detail_lines(model, offering);
        let inner = Rect { x: inner.x + 1, width: inner.width.saturating_sub(1), ..inner };
        // Each line takes at least one row: the rest could not show, so it is not wrapped.
        lines.truncate(inner.height as usize);
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
    }
}

pub fn draw_detail(frame: &mut Frame, model: &Model, area: Rect) {
    let th = &model.theme;
    let block = Block::new().borders(Borders::TOP).border_style(th.border);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let offering = model.catalog.as_ref().and_then(|c| c.offerings.get(model.browse.cursor));
    if let Some(offering) = offering {
        let inner = Rect { x: inner.x + 1, width: inner.width.saturating_sub(2), ..inner };
        let mut lines = detail_lines(model, offering);
        // Wrapped lines make the text longer, never shorter: this bound keeps something visible.
        let scroll = model.browse.scroll.min((lines.len() as u16).saturating_sub(1));
        // Each line takes at least one row: the rest could not show, so it is not wrapped.
        lines.truncate(scroll as usize + inner.height as usize);
        let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
        frame.render_widget(paragraph.scroll((scroll, 0)), inner);
    }
}
