//! Browsing the catalogue: the offerings, and every fact of one with its source and date.

use crate::i18n::{Key, k};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block as Frame_, Borders, List, ListItem, ListState, Paragraph, Scrollbar,
    ScrollbarOrientation, ScrollbarState,
};

use crate::describe;
use crate::domain::catalog::{Feature, Offering};
use crate::domain::narrowing::FactField;
use crate::tui::action::Action;
use crate::tui::env::Env;
use crate::tui::keymap::{self, Keys};
use crate::tui::text::{wrap, wrap_hanging};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct State {
    pub cursor: usize,
    /// One offering fills the screen.
    pub detail: bool,
    /// First line of the detail.
    pub scroll: u16,
}

/// What a key on the catalogue asks for.
#[derive(Debug, PartialEq, Eq)]
pub enum Out {
    Stay,
    /// Back to the start screen.
    Leave,
}

impl State {
    pub fn keys(&self) -> Keys {
        if self.detail {
            return Keys::new(vec![
                keymap::esc(k::UI_DOES_BACK),
                keymap::arrows(k::UI_DOES_SCROLL, true),
            ]);
        }
        Keys::new(vec![
            keymap::enter(k::UI_DOES_DETAILS),
            keymap::esc(k::UI_DOES_BACK),
            keymap::arrows(k::UI_DOES_MOVE, true),
        ])
    }

    pub fn update(&mut self, env: &Env, action: Action) -> Out {
        let count = env.catalog.as_ref().map_or(0, |c| c.offerings.len());
        match (self.detail, action) {
            (true, Action::Up) => self.scroll = self.scroll.saturating_sub(1),
            (true, Action::Down) => self.scroll = self.scroll.saturating_add(1).min(500),
            (true, Action::Back) => self.detail = false,
            (false, Action::Up) => self.cursor = self.cursor.saturating_sub(1),
            (false, Action::Down) => self.cursor = (self.cursor + 1).min(count.saturating_sub(1)),
            (false, Action::Enter) if count > 0 => {
                self.scroll = 0;
                self.detail = true;
            }
            (false, Action::Back) => return Out::Leave,
            _ => {}
        }
        Out::Stay
    }
}

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
pub fn detail_lines(env: &Env, offering: &Offering, columns: usize) -> Vec<Line<'static>> {
    let t = &env.texts;
    let th = &env.theme;
    let Some(catalog) = &env.catalog else { return Vec::new() };
    let mut lines = Vec::new();
    let para = |lines: &mut Vec<Line<'static>>, text: &str, style, lead: &str, indent: &str| {
        lines.extend(
            wrap_hanging(text, columns, lead, indent).into_iter().map(|l| Line::styled(l, style)),
        );
    };
    para(&mut lines, t.pick(&offering.name), th.heading, "", "");
    let kind = format!("{} · {}", offering.product, t.by_name(offering.operating_model.key()));
    para(&mut lines, &kind, th.muted, "", "");
    for (field, label) in fact_fields() {
        let label = format!("{}: ", t.get(label));
        let value = describe::fact_value(t, offering, field);
        for (i, l) in
            wrap_hanging(&format!("{label}{value}"), columns, "", "  ").into_iter().enumerate()
        {
            if i == 0 && l.len() >= label.len() {
                lines.push(Line::from(vec![
                    Span::styled(label.clone(), th.heading),
                    Span::raw(l[label.len()..].to_string()),
                ]));
            } else {
                lines.push(Line::raw(l));
            }
        }
        if let Some(from) = describe::provenance(t, catalog, offering, field) {
            let text = format!("{} {from}", t.get(k::UI_CATALOG_SOURCE));
            para(&mut lines, &text, th.muted, "  ", "    ");
        }
    }
    if !offering.settings.is_empty() {
        para(&mut lines, t.get(k::UI_CATALOG_SETTINGS), th.heading, "", "");
        for s in &offering.settings {
            para(&mut lines, t.pick(s), Default::default(), "• ", "  ");
        }
    }
    if !offering.notes.is_empty() {
        para(&mut lines, t.get(k::UI_CATALOG_NOTES), th.heading, "", "");
        for s in &offering.notes {
            para(&mut lines, t.pick(s), Default::default(), "• ", "  ");
        }
    }
    lines
}

pub fn draw(frame: &mut Frame, area: Rect, state: &State, env: &Env) {
    let t = &env.texts;
    let th = &env.theme;
    let Some(catalog) = &env.catalog else {
        frame.render_widget(Paragraph::new(t.get(k::UI_START_BROWSE_LOADING)), area);
        return;
    };
    let cursor = state.cursor.min(catalog.offerings.len().saturating_sub(1));
    let offering = catalog.offerings.get(cursor);
    if state.detail {
        let rule = Frame_::new().borders(Borders::TOP).border_style(th.border);
        let inner = rule.inner(area);
        frame.render_widget(rule, area);
        let inner = Rect { x: inner.x + 1, width: inner.width.saturating_sub(2), ..inner };
        if let Some(o) = offering {
            draw_scrolled(
                frame,
                inner,
                detail_lines(env, o, inner.width as usize),
                state.scroll,
                env,
            );
        }
        return;
    }
    let [list_area, detail_area] =
        area.layout(&Layout::horizontal([Constraint::Percentage(38), Constraint::Fill(1)]));
    let rule = Frame_::new().borders(Borders::TOP | Borders::RIGHT).border_style(th.border);
    let inner = rule.inner(list_area);
    frame.render_widget(rule, list_area);
    let columns = inner.width.saturating_sub(3) as usize;
    let items: Vec<ListItem> = catalog
        .offerings
        .iter()
        .map(|o| {
            ListItem::new(
                wrap(t.pick(&o.name), columns).into_iter().map(Line::raw).collect::<Vec<_>>(),
            )
        })
        .collect();
    let list = List::new(items).highlight_style(th.selected).highlight_symbol("▶ ");
    let mut list_state = ListState::default().with_selected(Some(cursor));
    frame.render_stateful_widget(list, inner, &mut list_state);

    let rule = Frame_::new().borders(Borders::TOP).border_style(th.border);
    let inner = rule.inner(detail_area);
    frame.render_widget(rule, detail_area);
    let inner = Rect { x: inner.x + 1, width: inner.width.saturating_sub(1), ..inner };
    if let Some(o) = offering {
        draw_scrolled(
            frame,
            inner,
            detail_lines(env, o, inner.width.saturating_sub(1) as usize),
            0,
            env,
        );
    }
}

fn draw_scrolled(frame: &mut Frame, area: Rect, lines: Vec<Line<'static>>, scroll: u16, env: &Env) {
    let total = lines.len();
    let rows = area.height as usize;
    let scroll = (scroll as usize).min(total.saturating_sub(rows));
    frame.render_widget(Paragraph::new(lines).scroll((scroll as u16, 0)), area);
    if total > rows {
        let mut bar = ScrollbarState::new(total.saturating_sub(rows)).position(scroll);
        let widget = Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(Some("▲"))
            .end_symbol(Some("▼"))
            .style(env.theme.muted);
        frame.render_stateful_widget(widget, area, &mut bar);
    }
}
