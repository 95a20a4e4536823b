//! The results: the remaining offerings as a table of meetcheck's lights (glyph and colour, never
//! colour alone) with the criterion under the cursor named in full with its weight, ties
//! explained; the excluded offerings with their reasons (a key goes to the answer that excluded
//! one); the details of an offering with sources; the what-ifs, which can be previewed and then
//! taken over or discarded; a comparison of up to three offerings (criteria as rows); and what
//! changed since the decision.

use crate::i18n::{Key, k};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block as Frame_, Borders, Cell, List, ListItem, ListState, Paragraph, Row as TableRow,
    Scrollbar, ScrollbarOrientation, ScrollbarState, Table, TableState,
};

use super::{Cx, Flow, Focus, Go, Leave};
use crate::describe;
use crate::domain::catalog::{Catalog, Offering};
use crate::domain::narrowing::{
    self, AnswerId, CriterionId, Evaluation, FactField, Light, Shortlist, Tier,
};
use crate::domain::scenario::Step;
use crate::export::Kind;
use crate::tui::action::Action;
use crate::tui::doc::{Doc, Note, Preview};
use crate::tui::env::Env;
use crate::tui::keymap::{self, Footer, Keys};
use crate::tui::msg::Effect;
use crate::tui::questions;
use crate::tui::text::{wrap, wrap_hanging};

/// Marks a fit only if confirmed, so that it never reads as meeting every requirement.
const UNCONFIRMED: &str = "◇ ";

/// At most this many offerings side by side.
pub const COMPARE_MAX: usize = 3;

/// From this width on, the detail sits beside the list.
const SIDE_BY_SIDE: u16 = 120;

/// The panes of the results, in Tab order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Pane {
    #[default]
    Ranked,
    Excluded,
    Detail,
    WhatIf,
    /// Only with two or three offerings chosen with Space.
    Compare,
    /// Only when the decision rests on other answers or another catalogue than today's.
    Changes,
}

/// Which list the detail follows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ListKind {
    #[default]
    Ranked,
    Excluded,
}

#[derive(Clone, Debug, Default)]
pub struct State {
    pub pane: Pane,
    pub ranked: usize,
    pub excluded: usize,
    pub what_if: usize,
    /// The criterion under the cursor in the table (named in full below it).
    pub column: usize,
    pub detail_of: ListKind,
    /// First line of a scrolled pane (detail, comparison, changes).
    pub scroll: u16,
}

/// The shortlist shown: the preview's while a what-if is previewed.
pub fn shown(doc: &Doc) -> Option<&Shortlist> {
    match &doc.preview {
        Some(p) => Some(&p.shortlist),
        None => doc.shortlist.as_ref(),
    }
}

/// The decision must be confirmed again, or the catalogue changed since it was taken.
pub fn has_changes(doc: &Doc) -> bool {
    doc.loaded.assessment.decision.as_ref().is_some_and(|d| d.to_be_confirmed)
        || !doc.catalog_changes.is_empty()
}

/// The panes that can be reached right now, in Tab order.
pub fn panes(doc: &Doc) -> Vec<Pane> {
    let mut panes = vec![Pane::Ranked, Pane::Excluded, Pane::Detail, Pane::WhatIf];
    if doc.compare.len() >= 2 {
        panes.push(Pane::Compare);
    }
    if has_changes(doc) {
        panes.push(Pane::Changes);
    }
    panes
}

impl State {
    pub fn new(cx: &mut Cx, focus: &Focus) -> State {
        let mut state = State::default();
        if let (Focus::Offering(id), Some(list)) = (focus, shown(cx.doc)) {
            if let Some(i) = list.ranked.iter().position(|e| e.offering == *id) {
                state.ranked = i;
            } else if let Some(i) = list.excluded.iter().position(|e| e.offering == *id) {
                state.excluded = i;
                state.pane = Pane::Excluded;
                state.detail_of = ListKind::Excluded;
            }
        }
        state
    }

    /// The offering the detail shows.
    pub fn detail_offering<'a>(&self, doc: &'a Doc) -> Option<&'a str> {
        let list = shown(doc)?;
        let e = match self.detail_of {
            ListKind::Ranked => list.ranked.get(self.ranked),
            ListKind::Excluded => list.excluded.get(self.excluded),
        };
        e.map(|e| e.offering.as_str())
    }

    pub fn keys(&self, doc: &Doc) -> Keys {
        use Action as A;
        let tab = keymap::tab(k::UI_RESULTS_DOES_PANE);
        let export = keymap::letter('e', k::UI_RESULTS_DOES_EXPORT, A::Export(Kind::Record));
        let decide = keymap::enter(k::UI_RESULTS_DOES_DECIDE);
        if doc.preview.is_some() {
            return Keys::new(vec![
                keymap::letter('a', k::UI_RESULTS_DOES_ADOPT, A::Adopt).footer(Footer::Always),
                keymap::esc(k::UI_RESULTS_DOES_DISCARD),
                keymap::arrows(k::UI_DOES_MOVE, true),
                keymap::Binding::new(
                    "←→",
                    k::UI_RESULTS_DOES_COLUMN,
                    &[
                        (ratatui::crossterm::event::KeyCode::Left, A::Left),
                        (ratatui::crossterm::event::KeyCode::Right, A::Right),
                    ],
                    Footer::IfRoom,
                ),
            ]);
        }
        let mut list = match self.pane {
            Pane::Ranked => vec![
                decide,
                keymap::space(k::UI_RESULTS_DOES_COMPARE).footer(Footer::IfRoom),
                keymap::Binding::new(
                    "←→",
                    k::UI_RESULTS_DOES_COLUMN,
                    &[
                        (ratatui::crossterm::event::KeyCode::Left, A::Left),
                        (ratatui::crossterm::event::KeyCode::Right, A::Right),
                    ],
                    Footer::IfRoom,
                ),
                tab,
            ],
            Pane::Excluded => vec![
                keymap::letter('a', k::UI_RESULTS_DOES_TO_ANSWER, A::ToAnswer)
                    .footer(Footer::Always),
                decide.footer(Footer::IfRoom),
                keymap::space(k::UI_RESULTS_DOES_COMPARE).footer(Footer::IfRoom),
                tab,
            ],
            Pane::WhatIf => vec![keymap::space(k::UI_RESULTS_DOES_PREVIEW), decide, tab],
            _ => vec![decide, tab],
        };
        let moves = match self.pane {
            Pane::Ranked | Pane::Excluded | Pane::WhatIf => k::UI_DOES_MOVE,
            _ => k::UI_DOES_SCROLL,
        };
        list.extend([
            export.footer(Footer::Always),
            keymap::esc(k::UI_DOES_BACK),
            keymap::arrows(moves, true),
        ]);
        Keys::new(list)
    }

    pub fn update(&mut self, cx: &mut Cx, action: Action) -> Flow {
        let flow = self.act(cx, action);
        self.clamp(cx.doc);
        flow
    }

    /// Keeps the cursors on rows that exist (a preview lists more than the result it leaves).
    fn clamp(&mut self, doc: &Doc) {
        if let Some(list) = shown(doc) {
            self.ranked = self.ranked.min(list.ranked.len().saturating_sub(1));
            self.excluded = self.excluded.min(list.excluded.len().saturating_sub(1));
            self.what_if = self.what_if.min(list.what_ifs.len().saturating_sub(1));
        }
        if !panes(doc).contains(&self.pane) {
            self.pane = Pane::Ranked;
        }
    }

    fn act(&mut self, cx: &mut Cx, action: Action) -> Flow {
        let (ranked, excluded, what_ifs) = shown(cx.doc)
            .map_or((0, 0, 0), |l| (l.ranked.len(), l.excluded.len(), l.what_ifs.len()));
        let step = |i: usize, up: bool, len: usize| {
            if up { i.saturating_sub(1) } else { (i + 1).min(len.saturating_sub(1)) }
        };
        if cx.doc.preview.is_some() {
            match action {
                Action::Adopt => return self.adopt(cx),
                Action::Back => {
                    cx.doc.preview = None;
                    self.pane = Pane::WhatIf;
                    return Flow::Stay;
                }
                Action::Up | Action::Down => {
                    self.ranked = step(self.ranked, action == Action::Up, ranked);
                }
                Action::Left => self.column = self.column.saturating_sub(1),
                Action::Right => self.column = (self.column + 1).min(CriterionId::ALL.len() - 1),
                _ => {}
            }
            return Flow::Stay;
        }
        match action {
            Action::Up | Action::Down => {
                let up = action == Action::Up;
                match self.pane {
                    Pane::Ranked => {
                        self.ranked = step(self.ranked, up, ranked);
                        self.detail_of = ListKind::Ranked;
                        self.scroll = 0;
                    }
                    Pane::Excluded => {
                        self.excluded = step(self.excluded, up, excluded);
                        self.detail_of = ListKind::Excluded;
                        self.scroll = 0;
                    }
                    Pane::WhatIf => self.what_if = step(self.what_if, up, what_ifs),
                    _ if up => self.scroll = self.scroll.saturating_sub(1),
                    _ => self.scroll = self.scroll.saturating_add(1).min(500),
                }
            }
            Action::Left => self.column = self.column.saturating_sub(1),
            Action::Right => self.column = (self.column + 1).min(CriterionId::ALL.len() - 1),
            Action::NextField | Action::PrevField => {
                let panes = panes(cx.doc);
                let i = panes.iter().position(|p| *p == self.pane).unwrap_or(0);
                let n = panes.len();
                let next = if action == Action::NextField { (i + 1) % n } else { (i + n - 1) % n };
                self.pane = panes[next];
                match self.pane {
                    Pane::Ranked => self.detail_of = ListKind::Ranked,
                    Pane::Excluded if excluded > 0 => self.detail_of = ListKind::Excluded,
                    _ => {}
                }
                self.scroll = 0;
            }
            Action::Space => match self.pane {
                Pane::Ranked | Pane::Excluded => self.toggle_compare(cx),
                Pane::WhatIf => self.preview(cx),
                _ => {}
            },
            Action::ToAnswer if self.pane == Pane::Excluded => return self.jump_to_answer(cx),
            Action::Enter => return Flow::Go(Go::Next),
            Action::Back => return Flow::Go(Go::Back),
            Action::Export(kind) => return Flow::Effect(Effect::Export(kind)),
            _ => {}
        }
        Flow::Stay
    }

    fn toggle_compare(&mut self, cx: &mut Cx) {
        let Some(id) = self.detail_offering(cx.doc).map(str::to_string) else { return };
        let compare = &mut cx.doc.compare;
        if let Some(i) = compare.iter().position(|c| *c == id) {
            compare.remove(i);
        } else if compare.len() < COMPARE_MAX {
            compare.push(id);
        } else {
            let max = COMPARE_MAX.to_string();
            cx.note(Note::error(k::UI_RESULTS_COMPARE_FULL, vec![("n", max)]));
        }
    }

    /// From the excluded offering to the answer that excluded it.
    fn jump_to_answer(&mut self, cx: &mut Cx) -> Flow {
        let Some(list) = shown(cx.doc) else { return Flow::Stay };
        let Some(e) = list.excluded.get(self.excluded) else { return Flow::Stay };
        let Some(answer) = e.knockouts.iter().flat_map(|k| k.answers.iter().copied()).next() else {
            cx.note(Note::error(k::UI_RESULTS_NO_ANSWER, vec![]));
            return Flow::Stay;
        };
        let id = e.offering.clone();
        Flow::Go(Go::Jump {
            to: questions::step_of(answer),
            focus: Focus::Answer(answer),
            back: (Step::Results, Focus::Offering(id)),
        })
    }

    /// Shows the results as they would be with the selected what-if.
    fn preview(&mut self, cx: &mut Cx) {
        let (Some(catalog), Some(list)) = (&cx.env.catalog, &cx.doc.shortlist) else { return };
        let Some(what_if) = list.what_ifs.get(self.what_if).cloned() else { return };
        let Some(scenario) = narrowing::relaxed(cx.doc.scenario(), &what_if) else { return };
        let shortlist = (cx.env.narrow)(catalog, &scenario, cx.env.today);
        cx.doc.preview = Some(Preview { what_if, scenario, shortlist });
        self.pane = Pane::Ranked;
        self.ranked = 0;
        self.detail_of = ListKind::Ranked;
    }

    /// Takes the previewed what-if over as the answer (recorded in the history).
    fn adopt(&mut self, cx: &mut Cx) -> Flow {
        let Some(preview) = cx.doc.preview.take() else { return Flow::Stay };
        let answer = preview.what_if.answer;
        let old = crate::domain::answer_value::AnswerValue::of(cx.doc.scenario(), answer);
        cx.doc.loaded.assessment.scenario = preview.scenario;
        cx.doc.record_change(answer, old, cx.env.now);
        cx.doc.renarrow(cx.env, Some(answer));
        let label = describe::answer_label(&cx.env.texts, answer);
        cx.note(Note::info(k::UI_RESULTS_ADOPTED, vec![("answer", label)]));
        self.pane = Pane::Ranked;
        Flow::Save
    }

    pub fn leave(&mut self, cx: &mut Cx) -> Leave {
        cx.doc.preview = None;
        Leave::Ok(false)
    }

    pub fn help_key(&self) -> Key {
        k::UI_RESULTS_HELP
    }
}

// ---------------------------------------------------------------------------------------------
// Drawing

/// The style of a light: its colour, or nothing in the monochrome theme (the glyph carries it).
pub fn light_style(env: &Env, light: Light) -> Style {
    if env.theme.is_monochrome() {
        return Style::new();
    }
    Style::new().fg(match light {
        Light::Green => Color::Green,
        Light::Yellow => Color::Yellow,
        Light::Red => Color::Red,
        Light::Grey => Color::DarkGray,
    })
}

/// Text key of a criterion's column label (a few letters; the full name shows below the table).
fn column_key(c: CriterionId) -> Key {
    match c {
        CriterionId::Contract => k::UI_RESULTS_COL_CONTRACT,
        CriterionId::OwnPurpose => k::UI_RESULTS_COL_OWN_PURPOSE,
        CriterionId::Transfers => k::UI_RESULTS_COL_TRANSFERS,
        CriterionId::ForeignAccess => k::UI_RESULTS_COL_FOREIGN_ACCESS,
        CriterionId::Encryption => k::UI_RESULTS_COL_ENCRYPTION,
        CriterionId::BrowserAccess => k::UI_RESULTS_COL_BROWSER_ACCESS,
        CriterionId::OpenSource => k::UI_RESULTS_COL_OPEN_SOURCE,
        CriterionId::AuthorityView => k::UI_RESULTS_COL_AUTHORITY_VIEW,
    }
}

fn pane_label(env: &Env, doc: &Doc, pane: Pane) -> String {
    let t = &env.texts;
    let list = shown(doc);
    let n = |v: usize| v.to_string();
    match pane {
        Pane::Ranked => {
            t.fmt(k::UI_RESULTS_PANE_RANKED, &[("n", &n(list.map_or(0, |l| l.ranked.len())))])
        }
        Pane::Excluded => {
            t.fmt(k::UI_RESULTS_PANE_EXCLUDED, &[("n", &n(list.map_or(0, |l| l.excluded.len())))])
        }
        Pane::Detail => t.get(k::UI_RESULTS_PANE_DETAIL).to_string(),
        Pane::WhatIf => {
            t.fmt(k::UI_RESULTS_PANE_WHAT_IF, &[("n", &n(list.map_or(0, |l| l.what_ifs.len())))])
        }
        Pane::Compare => t.fmt(k::UI_RESULTS_PANE_COMPARE, &[("n", &n(doc.compare.len()))]),
        Pane::Changes => t.get(k::UI_RESULTS_PANE_CHANGES).to_string(),
    }
}

pub fn draw(frame: &mut Frame, area: Rect, state: &State, env: &Env, doc: &Doc) {
    let th = &env.theme;
    let t = &env.texts;
    let rule = Frame_::new().borders(Borders::TOP).border_style(th.border);
    let inner = rule.inner(area);
    frame.render_widget(rule, area);
    let (Some(catalog), Some(_)) = (&env.catalog, shown(doc)) else {
        frame.render_widget(Paragraph::new(t.get(k::UI_PANEL_LOADING)), inner);
        return;
    };
    // The organisation's evidence stands in for the catalogue's facts here too.
    let catalog = doc.seen(catalog);
    let inner = Rect { x: inner.x + 1, width: inner.width.saturating_sub(1), ..inner };
    let columns = inner.width as usize;
    // The pane tabs, wrapped when the window is narrow; the focused one selected.
    let mut spans = Vec::new();
    for (i, pane) in panes(doc).into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" │ ", th.muted));
        }
        let style =
            if pane == state.pane && doc.preview.is_none() { th.selected } else { th.heading };
        spans.push(Span::styled(pane_label(env, doc, pane), style));
    }
    let tabs = Line::from(spans);
    let tab_rows = (tabs.width() / columns.max(1) + 1) as u16;
    let banner = banner_lines(env, doc, columns);
    let [tabs_area, banner_area, body] = inner.layout(&Layout::vertical([
        Constraint::Length(tab_rows),
        Constraint::Length(banner.len() as u16),
        Constraint::Fill(1),
    ]));
    frame.render_widget(
        Paragraph::new(tabs).wrap(ratatui::widgets::Wrap { trim: false }),
        tabs_area,
    );
    frame.render_widget(Paragraph::new(banner), banner_area);

    let pane = if doc.preview.is_some() { Pane::Ranked } else { state.pane };
    let list_pane = match pane {
        Pane::Detail => match state.detail_of {
            ListKind::Ranked => Pane::Ranked,
            ListKind::Excluded => Pane::Excluded,
        },
        p => p,
    };
    let with_detail = matches!(pane, Pane::Ranked | Pane::Excluded);
    if pane == Pane::Detail {
        draw_detail(frame, body, state, env, doc, catalog, true);
    } else if with_detail && body.width >= SIDE_BY_SIDE {
        let [left, right] =
            body.layout(&Layout::horizontal([Constraint::Percentage(58), Constraint::Fill(1)]));
        draw_pane(frame, left, state, env, doc, catalog, list_pane);
        let frame_ = Frame_::new().borders(Borders::LEFT).border_style(th.border);
        let detail = frame_.inner(right);
        frame.render_widget(frame_, right);
        let detail = Rect { x: detail.x + 1, width: detail.width.saturating_sub(1), ..detail };
        draw_detail(frame, detail, state, env, doc, catalog, false);
    } else if with_detail {
        // Narrow: the list on top, the detail of the selected offering below.
        let list_len = shown(doc).map_or(0, |l| match list_pane {
            Pane::Ranked => table_height(env, l, body.width) + 3,
            _ => l.excluded.len() * 3,
        }) as u16;
        let top = list_len.min(body.height * 3 / 5).max(4);
        let [upper, lower] =
            body.layout(&Layout::vertical([Constraint::Length(top), Constraint::Fill(1)]));
        draw_pane(frame, upper, state, env, doc, catalog, list_pane);
        let frame_ = Frame_::new().borders(Borders::TOP).border_style(th.border);
        let detail = frame_.inner(lower);
        frame.render_widget(frame_, lower);
        draw_detail(frame, detail, state, env, doc, catalog, false);
    } else {
        draw_pane(frame, body, state, env, doc, catalog, pane);
    }
}

/// What changed since the decision, the preview, or the legend of the lights.
fn banner_lines(env: &Env, doc: &Doc, columns: usize) -> Vec<Line<'static>> {
    let t = &env.texts;
    let th = &env.theme;
    let a = &doc.loaded.assessment;
    let (text, style) = if let (Some(p), Some(catalog)) = (&doc.preview, &env.catalog) {
        let what = describe::what_if(t, catalog, &p.what_if);
        (format!("◇ {}", t.fmt(k::UI_RESULTS_PREVIEW, &[("what_if", &what)])), th.heading)
    } else if a.decision.as_ref().is_some_and(|d| d.to_be_confirmed) {
        (format!("▲ {}", t.get(k::UI_RESULTS_TO_BE_CONFIRMED)), th.error)
    } else if !doc.catalog_changes.is_empty() {
        (format!("▲ {}", t.get(k::UI_RESULTS_CATALOG_CHANGED)), th.error)
    } else {
        let mut legend: Vec<String> = Light::ALL.iter().map(|l| describe::light(t, *l)).collect();
        if shown(doc).is_some_and(|l| l.unconfirmed().next().is_some()) {
            legend.push(format!("{UNCONFIRMED}{}", describe::tier(t, Tier::Unconfirmed)));
        }
        (format!("{} – {}", legend.join("  "), describe::lights_label(t)), th.muted)
    };
    wrap_hanging(&text, columns, "", "  ").into_iter().map(|l| Line::styled(l, style)).collect()
}

fn draw_pane(
    frame: &mut Frame,
    area: Rect,
    state: &State,
    env: &Env,
    doc: &Doc,
    catalog: &Catalog,
    pane: Pane,
) {
    match pane {
        Pane::Ranked => draw_table(frame, area, state, env, doc, catalog),
        Pane::Excluded => draw_excluded(frame, area, state, env, doc, catalog),
        Pane::WhatIf => draw_what_ifs(frame, area, state, env, doc, catalog),
        Pane::Compare => draw_compare(frame, area, state, env, doc, catalog),
        Pane::Changes => {
            let lines = change_lines(env, doc, catalog, area.width as usize);
            draw_scrolled(frame, area, lines, state.scroll, env);
        }
        Pane::Detail => {}
    }
}

/// Lines scrolled to `scroll`, with a scrollbar when they do not fit.
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

/// Columns of the lights in the table, and of the offering's name.
fn table_widths(width: u16) -> (u16, usize) {
    let cell_w: u16 = if width >= 110 { 6 } else { 4 };
    // Rank, the highlight mark, the lights, the score and the gaps between: the rest is the name's.
    let name_w = (width as usize).saturating_sub(2 + 4 + 8 * (cell_w as usize + 1) + 5 + 2).max(10);
    (cell_w, name_w)
}

/// Rows the table takes: the header and every offering's (wrapped) name.
fn table_height(env: &Env, list: &Shortlist, width: u16) -> usize {
    let (_, name_w) = table_widths(width);
    let Some(catalog) = &env.catalog else { return list.ranked.len() + 1 };
    let headings: usize =
        group_headings(list).iter().map(|&(tier, n)| group_text(env, tier, n, name_w).len()).sum();
    1 + headings
        + list
            .ranked
            .iter()
            .map(|e| {
                let name = describe::offering_name(&env.texts, catalog, &e.offering);
                wrap(&format!("{UNCONFIRMED}{name}"), name_w).len()
            })
            .sum::<usize>()
}

/// The group headings of the table, when fits and fits if confirmed are both there or only the
/// latter: each tier with its number of offerings.
fn group_headings(list: &Shortlist) -> Vec<(Tier, usize)> {
    let Some(first) = list.ranked.iter().position(|e| e.tier() == Tier::Unconfirmed) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if first > 0 {
        out.push((Tier::Confirmed, first));
    }
    out.push((Tier::Unconfirmed, list.ranked.len() - first));
    out
}

/// "Fits if confirmed (24)", wrapped to the name column.
fn group_text(env: &Env, tier: Tier, n: usize, width: usize) -> Vec<String> {
    wrap(&format!("{} ({n})", describe::tier(&env.texts, tier)), width)
}

/// Whether the offering at `i` has the same score as a neighbour (the order is then by name).
fn tied(list: &[Evaluation], i: usize) -> Option<usize> {
    let me = list.get(i)?;
    let same = |e: &Evaluation| {
        e.tier() == me.tier()
            && e.has_red() == me.has_red()
            && e.unconfirmed.len() == me.unconfirmed.len()
            && e.score == me.score
    };
    [i.checked_sub(1), Some(i + 1)].into_iter().flatten().find(|&j| list.get(j).is_some_and(same))
}

/// The table: one row per remaining offering, one column per criterion; below it the
/// criterion under the cursor in full with its weight, and how a tie is broken.
fn draw_table(
    frame: &mut Frame,
    area: Rect,
    state: &State,
    env: &Env,
    doc: &Doc,
    catalog: &Catalog,
) {
    let t = &env.texts;
    let th = &env.theme;
    let Some(list) = shown(doc) else { return };
    let focused = state.pane == Pane::Ranked || doc.preview.is_some();
    let column = state.column.min(CriterionId::ALL.len() - 1);
    // Below the table: the criterion under the cursor, and a tie.
    let mut notes = criterion_lines(state, env, list, catalog, area.width as usize);
    if list.ranked.is_empty() {
        notes =
            wrap(t.get(k::UI_PANEL_NONE), area.width as usize).into_iter().map(Line::raw).collect();
    }
    let [table_area, notes_area] = area
        .layout(&Layout::vertical([Constraint::Fill(1), Constraint::Length(notes.len() as u16)]));
    // A scrollbar when the rows do not fit, in a column of its own.
    let overflow = table_height(env, list, area.width) > table_area.height as usize;
    let rows_area = if overflow {
        Rect { width: table_area.width.saturating_sub(1), ..table_area }
    } else {
        table_area
    };
    let (cell_w, name_w) = table_widths(rows_area.width);
    let mut header = vec![Cell::from("#"), Cell::from(t.get(k::UI_RESULTS_COL_OFFERING))];
    for (i, c) in CriterionId::ALL.iter().enumerate() {
        let label: String = t.get(column_key(*c)).chars().take(cell_w as usize).collect();
        let style = if i == column { th.selected } else { th.heading };
        header.push(Cell::from(label).style(style));
    }
    header.push(Cell::from(t.get(k::UI_RESULTS_COL_SCORE)));
    // Confirmed fits first, then fits if confirmed, each under its own heading when both exist.
    let first_unconfirmed = list.ranked.iter().position(|e| e.tier() == Tier::Unconfirmed);
    let grouped = first_unconfirmed.is_some();
    let group_row = |tier: Tier, n: usize| {
        let lines = group_text(env, tier, n, name_w);
        let height = lines.len().max(1) as u16;
        TableRow::new(vec![Cell::from(""), Cell::from(lines.join("\n")).style(th.heading)])
            .height(height)
    };
    let mut rows: Vec<TableRow> = Vec::new();
    for (i, e) in list.ranked.iter().enumerate() {
        if grouped && i == 0 && first_unconfirmed != Some(0) {
            rows.push(group_row(Tier::Confirmed, first_unconfirmed.unwrap_or(0)));
        }
        if first_unconfirmed == Some(i) {
            rows.push(group_row(Tier::Unconfirmed, list.ranked.len() - i));
        }
        let compared = if doc.compare.contains(&e.offering) { "✓" } else { " " };
        let rank = if tied(&list.ranked, i).is_some() {
            format!("={}", i + 1)
        } else {
            format!("{}", i + 1)
        };
        let mark = if e.tier() == Tier::Unconfirmed { UNCONFIRMED } else { "" };
        let name = format!("{mark}{}", describe::offering_name(t, catalog, &e.offering));
        let name = wrap(&name, name_w);
        let height = name.len().max(1) as u16;
        let mut cells = vec![Cell::from(format!("{compared}{rank}")), Cell::from(name.join("\n"))];
        for c in CriterionId::ALL {
            let light = e.lights.iter().find(|l| l.criterion == c).map(|l| l.light);
            let glyph = light.map_or(" ", describe::light_glyph);
            let style = light.map_or(Style::new(), |l| light_style(env, l));
            cells.push(Cell::from(format!(" {glyph}")).style(style));
        }
        cells.push(Cell::from(format!("{:>4}", e.score)));
        rows.push(TableRow::new(cells).height(height));
    }
    // The row of the offering under the cursor, counting the group headings above it.
    let headings_before = |i: usize| match first_unconfirmed {
        None => 0,
        Some(0) => 1,
        Some(f) if i < f => 1,
        Some(_) => 2,
    };
    let mut widths = vec![Constraint::Length(4), Constraint::Fill(1)];
    widths.extend(CriterionId::ALL.iter().map(|_| Constraint::Length(cell_w)));
    widths.push(Constraint::Length(5));
    let highlight = if focused { th.selected } else { Style::new() };
    let table = Table::new(rows, widths)
        .header(TableRow::new(header).style(th.heading))
        .column_spacing(1)
        .row_highlight_style(highlight)
        .highlight_symbol(if focused { "▶ " } else { "  " })
        .highlight_spacing(ratatui::widgets::HighlightSpacing::Always);
    let selected = state.ranked + headings_before(state.ranked);
    let mut table_state = TableState::default().with_selected(Some(selected));
    frame.render_stateful_widget(table, rows_area, &mut table_state);
    if overflow {
        let mut bar = ScrollbarState::new(list.ranked.len()).position(state.ranked);
        let widget = Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(Some("▲"))
            .end_symbol(Some("▼"))
            .style(th.muted);
        frame.render_stateful_widget(widget, table_area, &mut bar);
    }
    frame.render_widget(Paragraph::new(notes), notes_area);
}

/// "Transfers to third countries – weight 3: ▲ reservations – …" for the selected offering; and
/// how it ranks against an offering with the same score.
fn criterion_lines(
    state: &State,
    env: &Env,
    list: &Shortlist,
    catalog: &Catalog,
    columns: usize,
) -> Vec<Line<'static>> {
    let t = &env.texts;
    let th = &env.theme;
    let c = CriterionId::ALL[state.column.min(CriterionId::ALL.len() - 1)];
    let weight = list.weights.iter().find(|(x, _)| *x == c).map_or(0, |(_, w)| *w);
    let mut out = Vec::new();
    let head = t.fmt(
        k::UI_RESULTS_COLUMN_LINE,
        &[("criterion", &describe::criterion(t, c)), ("weight", &weight.to_string())],
    );
    let e = list.ranked.get(state.ranked);
    let rating = e.and_then(|e| {
        let r = e.lights.iter().find(|l| l.criterion == c)?;
        let o = catalog.offering(&e.offering)?;
        Some((r.light, describe::rating(t, o, r)))
    });
    let text = match rating {
        Some((light, why)) => format!("{head}: {} – {why}", describe::light(t, light)),
        None => format!("{head}: {}", describe::criterion_hint(t, c)),
    };
    out.extend(
        wrap_hanging(&text, columns, "", "  ").into_iter().map(|l| Line::styled(l, th.muted)),
    );
    if let Some(j) = tied(&list.ranked, state.ranked) {
        let other = describe::offering_name(t, catalog, &list.ranked[j].offering);
        let text = format!("= {}", t.fmt(k::UI_RESULTS_TIE, &[("other", &other)]));
        out.extend(
            wrap_hanging(&text, columns, "", "  ").into_iter().map(|l| Line::styled(l, th.muted)),
        );
    }
    out
}

fn draw_excluded(
    frame: &mut Frame,
    area: Rect,
    state: &State,
    env: &Env,
    doc: &Doc,
    catalog: &Catalog,
) {
    let t = &env.texts;
    let th = &env.theme;
    let Some(list) = shown(doc) else { return };
    if list.excluded.is_empty() {
        frame.render_widget(Paragraph::new(t.get(k::UI_RESULTS_NONE_EXCLUDED)), area);
        return;
    }
    let columns = area.width.saturating_sub(3) as usize;
    let items: Vec<ListItem> = list
        .excluded
        .iter()
        .map(|e| {
            let check = if doc.compare.contains(&e.offering) { "✓ " } else { "" };
            let name = describe::offering_name(t, catalog, &e.offering);
            let mut lines = vec![Line::styled(format!("{check}✖ {name}"), th.heading)];
            if let (Some(o), Some(ko)) = (catalog.offering(&e.offering), e.knockouts.first()) {
                let mut reason = describe::knockout(t, o, ko);
                if e.knockouts.len() > 1 {
                    reason = format!(
                        "{reason} {}",
                        t.fmt(
                            k::UI_RESULTS_MORE_REASONS,
                            &[("n", &(e.knockouts.len() - 1).to_string())]
                        )
                    );
                }
                lines.extend(wrap_hanging(&reason, columns, "  ", "  ").into_iter().map(Line::raw));
            }
            ListItem::new(lines)
        })
        .collect();
    let highlight = if state.pane == Pane::Excluded { th.selected } else { Style::new() };
    let widget = List::new(items).highlight_style(highlight).highlight_symbol("▶ ");
    let mut list_state = ListState::default().with_selected(Some(state.excluded));
    frame.render_stateful_widget(widget, area, &mut list_state);
}

fn draw_what_ifs(
    frame: &mut Frame,
    area: Rect,
    state: &State,
    env: &Env,
    doc: &Doc,
    catalog: &Catalog,
) {
    let t = &env.texts;
    let th = &env.theme;
    let Some(list) = shown(doc) else { return };
    let columns = area.width.saturating_sub(3) as usize;
    let mut head: Vec<Line> = wrap(t.get(k::UI_RESULTS_WHAT_IF_HEADING), columns + 2)
        .into_iter()
        .map(|l| Line::styled(l, th.heading))
        .collect();
    if list.what_ifs.is_empty() {
        head.extend(wrap(t.get(k::UI_RESULTS_NO_WHAT_IFS), columns + 2).into_iter().map(Line::raw));
    }
    let mut stale: Vec<Line> = Vec::new();
    if !list.stale.is_empty() {
        stale.push(Line::styled(t.get(k::UI_RESULTS_STALE_HEADING).to_string(), th.heading));
        for s in &list.stale {
            let text = format!("⌛ {}", describe::stale(t, catalog, s));
            stale.extend(wrap_hanging(&text, columns + 2, "", "  ").into_iter().map(Line::raw));
        }
    }
    let items: Vec<ListItem> = list
        .what_ifs
        .iter()
        .map(|w| {
            let text = format!("↺ {}", describe::what_if(t, catalog, w));
            ListItem::new(
                wrap_hanging(&text, columns, "", "  ")
                    .into_iter()
                    .map(Line::raw)
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    let stale_h = (stale.len() as u16).min(area.height / 3);
    let [head_area, list_area, stale_area] = area.layout(&Layout::vertical([
        Constraint::Length(head.len() as u16),
        Constraint::Fill(1),
        Constraint::Length(stale_h),
    ]));
    frame.render_widget(Paragraph::new(head), head_area);
    let widget = List::new(items).highlight_style(th.selected).highlight_symbol("▶ ");
    let mut list_state = ListState::default().with_selected(Some(state.what_if));
    frame.render_stateful_widget(widget, list_area, &mut list_state);
    frame.render_widget(Paragraph::new(stale), stale_area);
}

/// The facts the comparison shows beside the lights; a wide window shows them all.
const COMPARED_FACTS: [FactField; 6] = [
    FactField::Operator,
    FactField::ProcessingLocations,
    FactField::Dpa,
    FactField::E2ee,
    FactField::BrowserJoin,
    FactField::MaxParticipants,
];

/// The comparison: criteria (and facts) as rows, the offerings as columns; cells wrap.
fn draw_compare(
    frame: &mut Frame,
    area: Rect,
    state: &State,
    env: &Env,
    doc: &Doc,
    catalog: &Catalog,
) {
    let t = &env.texts;
    let th = &env.theme;
    let Some(list) = shown(doc) else { return };
    let chosen: Vec<(&Offering, &Evaluation)> = doc
        .compare
        .iter()
        .filter_map(|id| Some((catalog.offering(id)?, list.evaluation(id)?)))
        .collect();
    let n = chosen.len().max(1);
    let label_w = (area.width as usize / 4).clamp(12, 30);
    let col_w = ((area.width as usize).saturating_sub(label_w + n + 2) / n).max(8);
    let cell = |s: &str| wrap(s, col_w).join("\n");
    let mut rows: Vec<TableRow> = Vec::new();
    let mut total = 0usize;
    let mut push = |label: String, values: Vec<(String, Style)>| {
        let label = wrap(&label, label_w).join("\n");
        let mut height = label.lines().count();
        let mut cells = vec![Cell::from(label).style(th.muted)];
        for (v, style) in values {
            let v = cell(&v);
            height = height.max(v.lines().count());
            cells.push(Cell::from(v).style(style));
        }
        total += height.max(1);
        rows.push(TableRow::new(cells).height(height.max(1) as u16));
    };
    let standing: Vec<(String, Style)> = chosen
        .iter()
        .map(|(_, e)| {
            let text = match list.ranked.iter().position(|r| r.offering == e.offering) {
                Some(i) if e.tier() == Tier::Unconfirmed => format!(
                    "{}, {UNCONFIRMED}{}",
                    t.fmt(k::UI_RESULTS_RANK, &[("n", &(i + 1).to_string())]),
                    describe::tier(t, Tier::Unconfirmed)
                ),
                Some(i) => t.fmt(k::UI_RESULTS_RANK, &[("n", &(i + 1).to_string())]),
                None => format!("✖ {}", t.get(k::UI_RESULTS_EXCLUDED)),
            };
            (text, Style::new())
        })
        .collect();
    push(t.get(k::UI_RESULTS_STANDING).to_string(), standing);
    for c in CriterionId::ALL {
        let weight = list.weights.iter().find(|(x, _)| *x == c).map_or(0, |(_, w)| *w);
        let label = t.fmt(
            k::UI_RESULTS_COLUMN_LINE,
            &[("criterion", &describe::criterion(t, c)), ("weight", &weight.to_string())],
        );
        let values = chosen
            .iter()
            .map(|(_, e)| match e.lights.iter().find(|l| l.criterion == c) {
                Some(l) => (describe::light(t, l.light), light_style(env, l.light)),
                None => (String::new(), Style::new()),
            })
            .collect();
        push(label, values);
    }
    push(
        t.get(k::UI_RESULTS_COL_SCORE_FULL).to_string(),
        chosen.iter().map(|(_, e)| (e.score.to_string(), Style::new())).collect(),
    );
    let wide = area.width >= 140 && area.height >= 30;
    let facts: Vec<FactField> = if wide {
        super::catalog::fact_fields()
            .into_iter()
            .map(|(f, _)| f)
            .filter(|f| *f != FactField::AuthorityPositions)
            .collect()
    } else {
        COMPARED_FACTS.to_vec()
    };
    for field in facts {
        let values =
            chosen.iter().map(|(o, _)| (describe::fact_value(t, o, field), Style::new())).collect();
        push(describe::fact_label(t, field), values);
    }
    let mut header = vec![Cell::from("")];
    header.extend(chosen.iter().map(|(o, _)| Cell::from(cell(t.pick(&o.name))).style(th.heading)));
    let header_h =
        chosen.iter().map(|(o, _)| wrap(t.pick(&o.name), col_w).len()).max().unwrap_or(1);
    let mut widths = vec![Constraint::Length(label_w as u16)];
    widths.extend(chosen.iter().map(|_| Constraint::Length(col_w as u16)));
    let skip = (state.scroll as usize).min(rows.len().saturating_sub(1));
    let rows: Vec<TableRow> = rows.into_iter().skip(skip).collect();
    let table = Table::new(rows, widths)
        .header(TableRow::new(header).height(header_h as u16))
        .column_spacing(1);
    frame.render_widget(table, area);
    if total + header_h > area.height as usize {
        let mut bar = ScrollbarState::new(total).position(skip);
        frame.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight).style(th.muted),
            area,
            &mut bar,
        );
    }
}

fn change_lines(env: &Env, doc: &Doc, catalog: &Catalog, columns: usize) -> Vec<Line<'static>> {
    let t = &env.texts;
    let th = &env.theme;
    let a = &doc.loaded.assessment;
    let Some(d) = &a.decision else { return Vec::new() };
    let mut lines = Vec::new();
    let mut para = |text: String, style: Style, lead: &str, indent: &str| {
        lines.extend(
            wrap_hanging(&text, columns, lead, indent).into_iter().map(|l| Line::styled(l, style)),
        );
    };
    if d.to_be_confirmed {
        let on = d.snapshot.taken_on.to_string();
        para(t.fmt(k::UI_RESULTS_ANSWERS_CHANGED, &[("date", &on)]), th.heading, "", "");
        for answer in AnswerId::ALL {
            let then = describe::answer_value(t, &d.snapshot.scenario, answer);
            let now = describe::answer_value(t, &a.scenario, answer);
            if then != now {
                let label = describe::answer_label(t, answer);
                para(format!("{label}: {then} → {now}"), Style::new(), "• ", "  ");
            }
        }
        if let (Some(list), Some(o)) = (&doc.shortlist, catalog.offering(&d.chosen))
            && let Some(e) = list.excluded.iter().find(|e| e.offering == d.chosen)
        {
            para(
                t.fmt(k::UI_RESULTS_CHOSEN_NOW_EXCLUDED, &[("name", t.pick(&o.name))]),
                th.error,
                "",
                "",
            );
            for ko in &e.knockouts {
                para(describe::knockout(t, o, ko), Style::new(), "  ✖ ", "    ");
            }
        }
        para(t.get(k::UI_RESULTS_CONFIRM_HINT).to_string(), Style::new(), "", "");
        para(String::new(), Style::new(), "", "");
    }
    if !doc.catalog_changes.is_empty() {
        let edition = d.snapshot.catalog_edition.as_str();
        para(t.fmt(k::UI_RESULTS_CATALOG_CHANGES, &[("edition", edition)]), th.heading, "", "");
        for c in &doc.catalog_changes {
            para(crate::describe::snapshot_change(t, catalog, d, c), Style::new(), "• ", "  ");
        }
    }
    lines
}

/// The detail of the offering under the cursor: lights with reasons, knock-outs, every fact with
/// its source, date and certainty (unknown ones marked), authority positions.
fn draw_detail(
    frame: &mut Frame,
    area: Rect,
    state: &State,
    env: &Env,
    doc: &Doc,
    catalog: &Catalog,
    focused: bool,
) {
    let Some(id) = state.detail_offering(doc) else { return };
    let Some(offering) = catalog.offering(id) else { return };
    let e = shown(doc).and_then(|l| l.evaluation(id));
    let lines = detail_lines(env, doc, catalog, offering, e, area.width.saturating_sub(1) as usize);
    let scroll = if focused { state.scroll } else { 0 };
    draw_scrolled(frame, area, lines, scroll, env);
}

pub fn detail_lines(
    env: &Env,
    doc: &Doc,
    catalog: &Catalog,
    offering: &Offering,
    e: Option<&Evaluation>,
    columns: usize,
) -> Vec<Line<'static>> {
    let t = &env.texts;
    let th = &env.theme;
    let mut lines: Vec<Line<'static>> = Vec::new();
    let para =
        |lines: &mut Vec<Line<'static>>, text: &str, style: Style, lead: &str, indent: &str| {
            lines.extend(
                wrap_hanging(text, columns, lead, indent)
                    .into_iter()
                    .map(|l| Line::styled(l, style)),
            );
        };
    para(&mut lines, t.pick(&offering.name), th.heading, "", "");
    let kind = format!("{} · {}", offering.product, t.by_name(offering.operating_model.key()));
    para(&mut lines, &kind, th.muted, "", "");
    if let Some(e) = e {
        for ko in &e.knockouts {
            para(&mut lines, &describe::knockout(t, offering, ko), th.error, "✖ ", "  ");
        }
        for open in &e.unconfirmed {
            para(
                &mut lines,
                &describe::unconfirmed(t, offering, open),
                th.error,
                UNCONFIRMED,
                "  ",
            );
        }
        para(&mut lines, &describe::lights_label(t), th.muted, "", "");
        for rating in &e.lights {
            let text = format!(
                "{}: {}",
                describe::criterion(t, rating.criterion),
                describe::rating(t, offering, rating)
            );
            let glyph = format!("{} ", describe::light_glyph(rating.light));
            let wrapped = wrap_hanging(&text, columns, &glyph, "  ");
            for (i, l) in wrapped.into_iter().enumerate() {
                if i == 0 {
                    let rest = l[glyph.len()..].to_string();
                    lines.push(Line::from(vec![
                        Span::styled(glyph.clone(), light_style(env, rating.light)),
                        Span::raw(rest),
                    ]));
                } else {
                    lines.push(Line::raw(l));
                }
            }
        }
    }
    para(&mut lines, t.get(k::UI_RESULTS_FACTS), th.heading, "", "");
    for (field, label) in super::catalog::fact_fields() {
        if field == FactField::AuthorityPositions {
            continue;
        }
        let unknown = is_unknown(offering, field);
        let glyph = if unknown { "? " } else { "" };
        let text = format!("{glyph}{}: {}", t.get(label), describe::fact_value(t, offering, field));
        para(&mut lines, &text, Style::new(), "", "  ");
        if let Some(from) = describe::provenance_on(t, catalog, offering, field, env.today) {
            let text = format!("{} {from}", t.get(k::UI_CATALOG_SOURCE));
            para(&mut lines, &text, th.muted, "  ", "    ");
        }
    }
    para(&mut lines, t.get(k::UI_FACT_AUTHORITY_POSITIONS), th.heading, "", "");
    if offering.authority_positions.is_empty() {
        para(&mut lines, t.get(k::ANSWER_VALUE_NONE), Style::new(), "", "");
    }
    for p in &offering.authority_positions {
        let mut historical = if p.historical {
            format!(" ({})", t.get(k::UI_RESULTS_HISTORICAL))
        } else {
            String::new()
        };
        if !narrowing::position_applies(doc.scenario(), p) {
            historical.push_str(&format!(" ({})", t.get(k::UI_RESULTS_POSITION_ELSEWHERE)));
        }
        let text = format!(
            "{}, {}, {}: {}{historical}",
            t.by_name(p.authority.key()),
            p.edition,
            describe::as_of(t, &p.date),
            t.by_name(p.verdict.key()),
        );
        para(&mut lines, &text, Style::new(), "• ", "  ");
        para(&mut lines, t.pick(&p.scope), th.muted, "  ", "  ");
    }
    if !offering.settings.is_empty() {
        para(&mut lines, t.get(k::UI_CATALOG_SETTINGS), th.heading, "", "");
        for s in &offering.settings {
            para(&mut lines, t.pick(s), Style::new(), "• ", "  ");
        }
    }
    lines
}

/// The fact is recorded as unknown (shown with "?", never read as "no").
fn is_unknown(o: &Offering, field: FactField) -> bool {
    o.fact(field).is_unknown()
}
