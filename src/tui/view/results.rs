//! The results: the ranked offerings as a matrix of meetcheck's lights (glyph and colour, never
//! colour alone), the weights in use, the excluded offerings with their knock-out reasons, a
//! detail pane, the what-ifs, a side-by-side comparison, and what changed since the decision.
//!
//! Narrow terminals get the detail pane below the list instead of beside it, and abbreviated
//! matrix columns.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::text::{truncate, width};
use crate::describe;
use crate::domain::catalog::{Catalog, Offering};
use crate::domain::narrowing::{AnswerId, CriterionId, Evaluation, FactField, Light, Tier};
use crate::tui::app::{Doc, Model};
use crate::tui::outcome::{self, ListKind, Pane};

/// Marks a fit only if confirmed, in the list and the detail.
const UNCONFIRMED: &str = "◇ ";

/// From this width on, the detail pane sits beside the list.
const SIDE_BY_SIDE: u16 = 120;

/// The style of a light: its colour, or nothing in the monochrome theme (the glyph carries it).
pub fn light_style(model: &Model, light: Light) -> Style {
    if model.theme.is_monochrome() {
        return Style::new();
    }
    Style::new().fg(match light {
        Light::Green => Color::Green,
        Light::Yellow => Color::Yellow,
        Light::Red => Color::Red,
        Light::Grey => Color::DarkGray,
    })
}

/// Text key of a criterion's column label (at most five columns wide).
fn column_key(c: CriterionId) -> &'static str {
    match c {
        CriterionId::Contract => "ui.results.col.contract",
        CriterionId::OwnPurpose => "ui.results.col.own_purpose",
        CriterionId::Transfers => "ui.results.col.transfers",
        CriterionId::ForeignAccess => "ui.results.col.foreign_access",
        CriterionId::Encryption => "ui.results.col.encryption",
        CriterionId::BrowserAccess => "ui.results.col.browser_access",
        CriterionId::OpenSource => "ui.results.col.open_source",
        CriterionId::AuthorityView => "ui.results.col.authority_view",
    }
}

/// The first `n` columns of a label, without an ellipsis (abbreviations stay readable).
fn cut(s: &str, n: usize) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if width(&out) + unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) > n {
            break;
        }
        out.push(c);
    }
    out
}

fn pad(s: &str, n: usize) -> String {
    format!("{s}{}", " ".repeat(n.saturating_sub(width(s))))
}

fn pane_label(model: &Model, doc: &Doc, pane: Pane) -> String {
    let t = &model.texts;
    let list = doc.shortlist.as_ref();
    let n = |v: usize| v.to_string();
    match pane {
        Pane::Ranked => {
            t.fmt("ui.results.pane.ranked", &[("n", &n(list.map_or(0, |l| l.ranked.len())))])
        }
        Pane::Excluded => {
            t.fmt("ui.results.pane.excluded", &[("n", &n(list.map_or(0, |l| l.excluded.len())))])
        }
        Pane::Detail => t.get("ui.results.pane.detail").to_string(),
        Pane::WhatIf => {
            t.fmt("ui.results.pane.what_if", &[("n", &n(list.map_or(0, |l| l.what_ifs.len())))])
        }
        Pane::Compare => {
            t.fmt("ui.results.pane.compare", &[("n", &n(doc.outcome.results.compare.len()))])
        }
        Pane::Changes => t.get("ui.results.pane.changes").to_string(),
    }
}

pub fn draw(frame: &mut Frame, model: &Model, area: Rect) {
    let th = &model.theme;
    let t = &model.texts;
    let Some(doc) = &model.doc else { return };
    let block = Block::new().borders(Borders::TOP).border_style(th.border);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let (Some(catalog), Some(_)) = (&model.catalog, &doc.shortlist) else {
        frame.render_widget(Paragraph::new(t.get("ui.panel.loading")), inner);
        return;
    };
    // The organisation's evidence stands in for the catalogue's facts here too.
    let catalog = doc.seen(catalog);
    let inner = Rect { x: inner.x + 1, width: inner.width.saturating_sub(2), ..inner };
    let [tabs, banner, body] = inner.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ]));
    // The pane tabs: the focused one selected, so that Tab has a visible effect.
    let mut spans = Vec::new();
    for (i, pane) in outcome::panes(doc).into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" │ ", th.muted));
        }
        let style = if pane == doc.outcome.results.pane { th.selected } else { th.heading };
        spans.push(Span::styled(pane_label(model, doc, pane), style));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), tabs);
    frame.render_widget(Paragraph::new(banner_line(model, doc)), banner);

    let r = &doc.outcome.results;
    let list_pane = match r.pane {
        Pane::Detail => match r.detail_of {
            ListKind::Ranked => Pane::Ranked,
            ListKind::Excluded => Pane::Excluded,
        },
        p => p,
    };
    let with_detail = matches!(r.pane, Pane::Ranked | Pane::Excluded | Pane::Detail);
    if body.width >= SIDE_BY_SIDE && with_detail {
        let [left, right] =
            body.layout(&Layout::horizontal([Constraint::Percentage(58), Constraint::Fill(1)]));
        draw_pane(frame, model, doc, catalog, list_pane, left);
        draw_detail(frame, model, doc, catalog, right, true);
    } else if with_detail && r.pane != Pane::Detail {
        // Narrow: the list on top, the detail of the selected offering below.
        let rows = match list_pane {
            Pane::Ranked => doc.shortlist.as_ref().map_or(0, |l| l.ranked.len()) as u16 + 3,
            _ => body.height / 2,
        };
        let top = rows.min(body.height * 3 / 5).max(4);
        let [upper, lower] =
            body.layout(&Layout::vertical([Constraint::Length(top), Constraint::Fill(1)]));
        draw_pane(frame, model, doc, catalog, list_pane, upper);
        draw_detail(frame, model, doc, catalog, lower, true);
    } else if r.pane == Pane::Detail {
        draw_detail(frame, model, doc, catalog, body, false);
    } else {
        draw_pane(frame, model, doc, catalog, r.pane, body);
    }
}

/// What changed since the decision, or the weights in use.
fn banner_line(model: &Model, doc: &Doc) -> Line<'static> {
    let t = &model.texts;
    let th = &model.theme;
    let a = &doc.loaded.assessment;
    if a.decision.as_ref().is_some_and(|d| d.to_be_confirmed) {
        return Line::styled(format!("▲ {}", t.get("ui.results.to_be_confirmed")), th.error);
    }
    if !doc.outcome.results.catalog_changes.is_empty() {
        return Line::styled(format!("▲ {}", t.get("ui.results.catalog_changed")), th.error);
    }
    weights_line(model, doc)
}

fn weights_line(model: &Model, doc: &Doc) -> Line<'static> {
    let t = &model.texts;
    let Some(list) = &doc.shortlist else { return Line::raw("") };
    let need = t.get(doc.scenario().protection().key());
    let mut spans =
        vec![Span::styled(t.fmt("ui.results.weights", &[("need", need)]), model.theme.muted)];
    for (i, (c, w)) in list.weights.iter().enumerate() {
        let sep = if i == 0 { " " } else { " · " };
        spans.push(Span::raw(format!("{sep}{} {w}", t.get(column_key(*c)))));
    }
    Line::from(spans)
}

fn draw_pane(
    frame: &mut Frame,
    model: &Model,
    doc: &Doc,
    catalog: &Catalog,
    pane: Pane,
    area: Rect,
) {
    let r = &doc.outcome.results;
    let lines = match pane {
        Pane::Ranked => return draw_matrix(frame, model, doc, catalog, area),
        Pane::Excluded => excluded_lines(model, doc, catalog, area.width as usize),
        Pane::WhatIf => what_if_lines(model, doc, catalog),
        Pane::Compare => compare_lines(model, doc, catalog, area.width as usize),
        Pane::Changes => change_lines(model, doc, catalog),
        Pane::Detail => Vec::new(),
    };
    let scroll = if pane == Pane::Excluded {
        // Keep the selected offering in view: each takes its name line plus its reasons.
        let at = lines.iter().position(|l| l.spans.first().is_some_and(|s| s.content == "▶ "));
        at.map_or(0, |at| (at as u16).saturating_sub(area.height.saturating_sub(3)))
    } else {
        r.scroll.min((lines.len() as u16).saturating_sub(1))
    };
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }).scroll((scroll, 0)), area);
}

/// The matrix: one row per remaining offering, one column per criterion.
fn draw_matrix(frame: &mut Frame, model: &Model, doc: &Doc, catalog: &Catalog, area: Rect) {
    let t = &model.texts;
    let th = &model.theme;
    let Some(list) = &doc.shortlist else { return };
    let r = &doc.outcome.results;
    let focused = r.pane == Pane::Ranked;
    let total = area.width as usize;
    // Rank, marker and score take 11 columns; the name at least 14; the rest is for the lights.
    let col = ((total.saturating_sub(11 + 14)) / CriterionId::ALL.len()).clamp(2, 6);
    let name_w = total.saturating_sub(11 + col * CriterionId::ALL.len()).max(6);
    let mut header = vec![Span::styled(
        format!("{}{}", pad("", 5), pad(&cut(t.get("ui.results.col.offering"), name_w), name_w)),
        th.heading,
    )];
    for c in CriterionId::ALL {
        header.push(Span::styled(pad(&cut(t.get(column_key(c)), col - 1), col), th.heading));
    }
    header.push(Span::styled(format!("{:>5}", cut(t.get("ui.results.col.score"), 5)), th.heading));
    let mut lines = vec![Line::from(header)];
    let height = area.height.saturating_sub(2) as usize;
    let offset = (r.ranked + 1).saturating_sub(height.max(1));
    if list.ranked.is_empty() {
        lines.push(Line::raw(t.get("ui.panel.none").to_string()));
    }
    for (i, e) in list.ranked.iter().enumerate().skip(offset).take(height) {
        let here = i == r.ranked;
        let compared = r.compare.contains(&e.offering);
        let marker = match (here && focused, compared) {
            (true, true) => "▶✓",
            (true, false) => "▶ ",
            (false, true) => " ✓",
            (false, false) => "  ",
        };
        // A fit only if confirmed is marked, so that it never reads as meeting every requirement.
        let mark = if e.tier() == Tier::Unconfirmed { UNCONFIRMED } else { "" };
        let name = format!("{mark}{}", describe::offering_name(t, catalog, &e.offering));
        let name = truncate(&name, name_w - 1);
        let name_style = if here && focused { th.selected } else { Style::new() };
        let mut spans = vec![
            Span::raw(format!("{marker}{:>2} ", i + 1)),
            Span::styled(pad(&name, name_w), name_style),
        ];
        for c in CriterionId::ALL {
            let light = e.lights.iter().find(|l| l.criterion == c).map(|l| l.light);
            let glyph = light.map_or(" ", describe::light_glyph);
            let style = light.map_or(Style::new(), |l| light_style(model, l));
            spans.push(Span::styled(pad(glyph, col), style));
        }
        spans.push(Span::raw(format!("{:>5}", e.score)));
        lines.push(Line::from(spans));
    }
    let used = lines.len() as u16;
    frame.render_widget(Paragraph::new(lines), area);
    // The legend: meetcheck's own lights, glyph by glyph.
    if used < area.height {
        let mut spans: Vec<Span> = Vec::new();
        for light in Light::ALL {
            spans.push(Span::styled(describe::light_glyph(light), light_style(model, light)));
            spans.push(Span::raw(format!(" {}  ", t.get(light.key()))));
        }
        spans.push(Span::raw(format!("{UNCONFIRMED}{}  ", describe::tier(t, Tier::Unconfirmed))));
        spans.push(Span::styled(describe::lights_label(t), th.muted));
        let legend = Rect { y: area.y + used, height: area.height - used, ..area };
        frame.render_widget(Paragraph::new(Line::from(spans)).wrap(Wrap { trim: true }), legend);
    }
}

fn excluded_lines(
    model: &Model,
    doc: &Doc,
    catalog: &Catalog,
    _width: usize,
) -> Vec<Line<'static>> {
    let t = &model.texts;
    let th = &model.theme;
    let Some(list) = &doc.shortlist else { return Vec::new() };
    let r = &doc.outcome.results;
    if list.excluded.is_empty() {
        return vec![Line::raw(t.get("ui.results.none_excluded").to_string())];
    }
    let mut lines = Vec::new();
    for (i, e) in list.excluded.iter().enumerate() {
        let here = i == r.excluded && r.pane == Pane::Excluded;
        let marker = if here { "▶ " } else { "  " };
        let check = if r.compare.contains(&e.offering) { "✓ " } else { "" };
        let name = describe::offering_name(t, catalog, &e.offering);
        lines.push(Line::from(vec![
            Span::raw(marker),
            Span::styled(format!("{check}✖ {name}"), if here { th.selected } else { th.heading }),
        ]));
        if let Some(o) = catalog.offering(&e.offering) {
            for ko in &e.knockouts {
                lines.push(Line::raw(format!("    {}", describe::knockout(t, o, ko))));
            }
        }
    }
    lines
}

fn what_if_lines(model: &Model, doc: &Doc, catalog: &Catalog) -> Vec<Line<'static>> {
    let t = &model.texts;
    let th = &model.theme;
    let Some(list) = &doc.shortlist else { return Vec::new() };
    let mut lines = vec![Line::styled(t.get("ui.results.what_if_heading").to_string(), th.heading)];
    if list.what_ifs.is_empty() {
        lines.push(Line::raw(t.get("ui.results.no_what_ifs").to_string()));
    }
    for w in &list.what_ifs {
        lines.push(Line::raw(format!("↺ {}", describe::what_if(t, catalog, w))));
    }
    if !list.stale.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(t.get("ui.results.stale_heading").to_string(), th.heading));
        for s in &list.stale {
            lines.push(Line::raw(format!("⌛ {}", describe::stale(t, catalog, s))));
        }
    }
    lines
}

/// The facts the comparison shows beside the lights.
const COMPARED_FACTS: [(FactField, &str); 6] = [
    (FactField::Operator, "ui.fact.operator"),
    (FactField::ProcessingLocations, "ui.fact.processing_locations"),
    (FactField::Dpa, "ui.fact.dpa"),
    (FactField::E2ee, "ui.fact.e2ee"),
    (FactField::BrowserJoin, "ui.fact.browser_join"),
    (FactField::MaxParticipants, "ui.fact.max_participants"),
];

fn compare_lines(model: &Model, doc: &Doc, catalog: &Catalog, width: usize) -> Vec<Line<'static>> {
    let t = &model.texts;
    let th = &model.theme;
    let Some(list) = &doc.shortlist else { return Vec::new() };
    let chosen: Vec<(&Offering, &Evaluation)> = doc
        .outcome
        .results
        .compare
        .iter()
        .filter_map(|id| Some((catalog.offering(id)?, list.evaluation(id)?)))
        .collect();
    let n = chosen.len().max(1);
    let label_w = (width / 4).clamp(10, 24);
    let col = (width.saturating_sub(label_w) / n).max(8);
    let cell = |s: &str| pad(&truncate(s, col - 1), col);
    let mut head = vec![Span::raw(pad("", label_w))];
    head.extend(chosen.iter().map(|(o, _)| Span::styled(cell(t.pick(&o.name)), th.heading)));
    let mut lines = vec![Line::from(head)];
    let label = |s: &str| Span::styled(pad(&truncate(s, label_w - 1), label_w), th.muted);
    let mut standing = vec![label(t.get("ui.results.standing"))];
    for (_, e) in &chosen {
        let text = match list.ranked.iter().position(|r| r.offering == e.offering) {
            Some(i) => t.fmt("ui.results.rank", &[("n", &(i + 1).to_string())]),
            None => format!("✖ {}", t.get("ui.results.excluded")),
        };
        standing.push(Span::raw(cell(&text)));
    }
    lines.push(Line::from(standing));
    for c in CriterionId::ALL {
        let mut spans = vec![label(&describe::criterion(t, c))];
        for (_, e) in &chosen {
            match e.lights.iter().find(|l| l.criterion == c) {
                Some(l) => spans.push(Span::styled(
                    cell(&describe::light(t, l.light)),
                    light_style(model, l.light),
                )),
                None => spans.push(Span::raw(cell(""))),
            }
        }
        lines.push(Line::from(spans));
    }
    let mut score = vec![label(t.get("ui.results.col.score"))];
    score.extend(chosen.iter().map(|(_, e)| Span::raw(cell(&e.score.to_string()))));
    lines.push(Line::from(score));
    for (field, key) in COMPARED_FACTS {
        let mut spans = vec![label(t.get(key))];
        for (o, _) in &chosen {
            spans.push(Span::raw(cell(&describe::fact_value(t, o, field))));
        }
        lines.push(Line::from(spans));
    }
    lines
}

fn change_lines(model: &Model, doc: &Doc, catalog: &Catalog) -> Vec<Line<'static>> {
    let t = &model.texts;
    let th = &model.theme;
    let a = &doc.loaded.assessment;
    let Some(d) = &a.decision else { return Vec::new() };
    let mut lines = Vec::new();
    if d.to_be_confirmed {
        let on = d.snapshot.taken_on.to_string();
        lines.push(Line::styled(t.fmt("ui.results.answers_changed", &[("date", &on)]), th.heading));
        for answer in AnswerId::ALL {
            let then = describe::answer_value(t, &d.snapshot.scenario, answer);
            let now = describe::answer_value(t, &a.scenario, answer);
            if then != now {
                let label = describe::answer_label(t, answer);
                lines.push(Line::raw(format!("• {label}: {then} → {now}")));
            }
        }
        if let (Some(list), Some(o)) = (&doc.shortlist, catalog.offering(&d.chosen))
            && let Some(e) = list.excluded.iter().find(|e| e.offering == d.chosen)
        {
            lines.push(Line::styled(
                t.fmt("ui.results.chosen_now_excluded", &[("name", t.pick(&o.name))]),
                th.error,
            ));
            for ko in &e.knockouts {
                lines.push(Line::raw(format!("  ✖ {}", describe::knockout(t, o, ko))));
            }
        }
        lines.push(Line::raw(t.get("ui.results.confirm_hint").to_string()));
        lines.push(Line::raw(""));
    }
    let changes = &doc.outcome.results.catalog_changes;
    if !changes.is_empty() {
        let edition = d.snapshot.catalog_edition.as_str();
        lines.push(Line::styled(
            t.fmt("ui.results.catalog_changes", &[("edition", edition)]),
            th.heading,
        ));
        for c in changes {
            lines.push(Line::raw(format!("• {}", crate::commands::show::change(t, catalog, d, c))));
        }
    }
    lines
}

/// The detail of the selected offering: lights with reasons, knock-outs, every fact with its
/// source, date and certainty (unknown and stale ones marked), authority positions.
pub fn detail_lines(
    model: &Model,
    catalog: &Catalog,
    offering: &Offering,
    e: Option<&Evaluation>,
) -> Vec<Line<'static>> {
    let t = &model.texts;
    let th = &model.theme;
    let mut lines = vec![
        Line::styled(t.pick(&offering.name).to_string(), th.heading),
        Line::styled(
            format!("{} · {}", offering.product, t.get(offering.operating_model.key())),
            th.muted,
        ),
    ];
    if let Some(e) = e {
        for ko in &e.knockouts {
            lines
                .push(Line::styled(format!("✖ {}", describe::knockout(t, offering, ko)), th.error));
        }
        for open in &e.unconfirmed {
            let line = describe::unconfirmed(t, offering, open);
            lines.push(Line::styled(format!("{UNCONFIRMED}{line}"), th.error));
        }
        lines.push(Line::styled(describe::lights_label(t), th.muted));
        for rating in &e.lights {
            lines.push(Line::from(vec![
                Span::styled(describe::light_glyph(rating.light), light_style(model, rating.light)),
                Span::styled(
                    format!(" {}: ", describe::criterion(t, rating.criterion)),
                    th.heading,
                ),
                Span::raw(describe::rating(t, offering, rating)),
            ]));
        }
    }
    lines.push(Line::styled(t.get("ui.results.facts").to_string(), th.heading));
    for (field, label) in super::catalog::fact_fields() {
        if field == FactField::AuthorityPositions {
            continue;
        }
        let unknown = offering.fact(field).is_unknown();
        let glyph = if unknown { "? " } else { "" };
        lines.push(Line::from(vec![
            Span::styled(format!("{glyph}{}: ", t.get(label)), th.heading),
            Span::raw(describe::fact_value(t, offering, field)),
        ]));
        if let Some(from) = describe::provenance_on(t, catalog, offering, field, model.today) {
            lines.push(Line::styled(format!("  {} {from}", t.get("ui.catalog.source")), th.muted));
        }
    }
    lines.push(Line::styled(t.get("ui.fact.authority_positions").to_string(), th.heading));
    if offering.authority_positions.is_empty() {
        lines.push(Line::raw(t.get("answer.value.none").to_string()));
    }
    for p in &offering.authority_positions {
        let mut historical = if p.historical {
            format!(" ({})", t.get("ui.results.historical"))
        } else {
            String::new()
        };
        let elsewhere = model
            .doc
            .as_ref()
            .is_some_and(|d| !crate::domain::narrowing::position_applies(d.scenario(), p));
        if elsewhere {
            historical.push_str(&format!(" ({})", t.get("ui.results.position_elsewhere")));
        }
        lines.push(Line::raw(format!(
            "• {}, {}, {}: {}{historical}",
            t.get(p.authority.key()),
            p.edition,
            describe::as_of(t, &p.date),
            t.get(p.verdict.key()),
        )));
        lines.push(Line::styled(format!("  {}", t.pick(&p.scope)), th.muted));
    }
    if !offering.settings.is_empty() {
        lines.push(Line::styled(t.get("ui.catalog.settings").to_string(), th.heading));
        lines.extend(offering.settings.iter().map(|s| Line::raw(format!("• {}", t.pick(s)))));
    }
    lines
}

fn draw_detail(
    frame: &mut Frame,
    model: &Model,
    doc: &Doc,
    catalog: &Catalog,
    area: Rect,
    framed: bool,
) {
    let th = &model.theme;
    let r = &doc.outcome.results;
    let focused = r.pane == Pane::Detail;
    let mut inner = area;
    if framed {
        let side = area.width >= SIDE_BY_SIDE / 2 && area.x > 2 && area.height > 2 && area.y > 0;
        let borders = if side && area.x > model.size.0 / 3 { Borders::LEFT } else { Borders::TOP };
        let style = if focused { th.heading } else { th.border };
        let block = Block::new().borders(borders).border_style(style);
        inner = block.inner(area);
        frame.render_widget(block, area);
        if borders == Borders::LEFT {
            inner = Rect { x: inner.x + 1, width: inner.width.saturating_sub(1), ..inner };
        }
    }
    let Some(id) = outcome::detail_offering(doc) else { return };
    let Some(offering) = catalog.offering(id) else { return };
    let e = doc.shortlist.as_ref().and_then(|l| l.evaluation(id));
    let mut lines = detail_lines(model, catalog, offering, e);
    let scroll = if focused { r.scroll.min((lines.len() as u16).saturating_sub(1)) } else { 0 };
    // Every line takes at least one row: what lies below the window need not be wrapped.
    lines.truncate(scroll as usize + inner.height as usize);
    frame
        .render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }).scroll((scroll, 0)), inner);
}
