//! Browsing the catalogue: the offerings, and every fact of one with its source and date.

use crate::i18n::{Key, k};
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
pub fn fact_fields() -> Vec<(FactField, Key)> {
    use FactField as F;
    let mut fields = vec![
        (F::OperatingModel, k::UI_FACT_OPERATING_MODEL),
        (F::Operator, k::UI_FACT_OPERATOR),
        (F::Parent, k::UI_FACT_PARENT),
        (F::ProcessingLocations, k::UI_FACT_PROCESSING_LOCATIONS),
        (F::SubprocessorLocations, k::UI_FACT_SUBPROCESSOR_LOCATIONS),
        (F::DpfCertified, k::UI_FACT_DPF_CERTIFIED),
        (F::TransferBasis, k::UI_FACT_TRANSFER_BASIS),
        (F::Dpa, k::UI_FACT_DPA),
        (F::OwnPurpose, k::UI_FACT_OWN_PURPOSE),
        (F::OpenSource, k::UI_FACT_OPEN_SOURCE),
        (F::Licence, k::UI_FACT_LICENCE),
        (F::E2ee, k::UI_FACT_E2EE),
        (F::E2eeBrowserJoin, k::UI_FACT_E2EE_BROWSER_JOIN),
        (F::E2eeMaxParticipants, k::UI_FACT_E2EE_MAX_PARTICIPANTS),
        (F::BrowserJoin, k::UI_FACT_BROWSER_JOIN),
        (F::Apps, k::UI_FACT_APPS),
        (F::MaxParticipants, k::UI_FACT_MAX_PARTICIPANTS),
    ];
    fields.extend(Feature::ALL.iter().map(|f| (F::Feature(*f), Key::named(f.key()))));
    fields.extend([
        (F::KbvListed, k::UI_FACT_KBV_LISTED),
        (F::AuthorityPositions, k::UI_FACT_AUTHORITY_POSITIONS),
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
            format!("{} · {}", offering.product, t.by_name(offering.operating_model.key())),
            th.muted,
        ),
    ];
    for (field, label) in fact_fields() {
        lines.push(Line::from(vec![
            Span::styled(format!("{}: ", t.get(label)), th.heading),
            Span::raw(describe::fact_value(t, offering, field)),
        ]));
        if let Some(from) = describe::provenance(t, catalog, offering, field) {
            lines.push(Line::styled(format!("  {} {from}", t.get(k::UI_CATALOG_SOURCE)), th.muted));
        }
    }
    if !offering.settings.is_empty() {
        lines.push(Line::styled(t.get(k::UI_CATALOG_SETTINGS).to_string(), th.heading));
        lines.extend(offering.settings.iter().map(|s| Line::raw(format!("• {}", t.pick(s)))));
    }
    if !offering.notes.is_empty() {
        lines.push(Line::styled(t.get(k::UI_CATALOG_NOTES).to_string(), th.heading));
        lines.extend(offering.notes.iter().map(|s| Line::raw(format!("• {}", t.pick(s)))));
    }
    lines
}

pub fn draw_list(frame: &mut Frame, model: &Model, area: Rect) {
    let t = &model.texts;
    let th = &model.theme;
    let Some(catalog) = &model.catalog else {
        frame.render_widget(Paragraph::new(t.get(k::UI_START_BROWSE_LOADING)), area);
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
