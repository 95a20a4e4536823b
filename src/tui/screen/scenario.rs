//! A scenario step (organisation, people, data, transfers, participation): its questions with
//! their options, the explanation of the option under the cursor, and the live panel that says
//! what each answer changed.
//!
//! One way to choose: ↑↓ move, Space picks (ticks on a multiple choice); the cursor and Enter
//! never change an answer. Enter and Tab go to the next question, onto its chosen answer; from
//! the last question Enter goes on to the next step.

use crate::i18n::{Key, k};
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block as Frame_, Borders, Paragraph};

use super::{Cx, Flow, Focus, Go, Leave};
use crate::describe;
use crate::domain::answer_value::AnswerValue;
use crate::domain::narrowing::{AnswerId, Tier};
use crate::domain::scenario::{Scenario, Step};
use crate::tui::action::Action;
use crate::tui::doc::Doc;
use crate::tui::editor::{self, Editor, TextField};
use crate::tui::env::Env;
use crate::tui::form::{self, Block, Field};
use crate::tui::keymap::{self, Binding, Footer, Keys};
use crate::tui::questions::{self, Question, Row};
use crate::tui::text::wrap_hanging;

pub struct State {
    pub step: Step,
    /// Row under the cursor (see [`questions::rows`]).
    pub cursor: usize,
    /// The text field under the cursor (lowering reason, risk owner).
    pub editor: Option<Editor>,
    pub scroll: form::Scroll,
}

impl State {
    pub fn new(step: Step, cx: &mut Cx, focus: &Focus) -> State {
        let doc = &*cx.doc;
        let question = match focus {
            Focus::Question(q) => Some(*q),
            Focus::Answer(answer) => questions::questions(step, doc.scenario())
                .into_iter()
                .find(|q| q.answers().contains(answer)),
            _ => None,
        };
        let question =
            question.or_else(|| questions::questions(step, doc.scenario()).first().copied());
        let cursor = question.map_or(0, |q| landing_row(step, doc.scenario(), q));
        let mut state = State { step, cursor, editor: None, scroll: form::Scroll::default() };
        let _ = state.sync_editor(cx.doc);
        state
    }

    pub fn rows(&self, doc: &Doc) -> Vec<Row> {
        questions::rows(self.step, doc.scenario())
    }

    pub fn current_row(&self, doc: &Doc) -> Option<Row> {
        self.rows(doc).get(self.cursor).copied()
    }

    /// The text field under the cursor, if the row is one.
    fn focused_field(&self, doc: &Doc) -> Option<TextField> {
        match self.current_row(doc)? {
            Row::Text { question } => Some(field_of(question)),
            Row::Choice { .. } => None,
        }
    }

    /// Opens the editor on the field under the cursor; true when a changed field was left.
    fn sync_editor(&mut self, doc: &mut Doc) -> bool {
        let field = self.focused_field(doc);
        editor::refocus(&mut self.editor, field, &mut doc.loaded.assessment).unwrap_or(false)
    }

    pub fn keys(&self, doc: &Doc) -> Keys {
        let panel = Binding::ctrl(k::UI_KEY_CTRL_P, k::UI_DOES_PANEL, 'p', Action::TogglePanel);
        let tab = keymap::tab(k::UI_DOES_QUESTION).footer(Footer::No);
        if self.editor.is_some() {
            let mut keys = Keys::text(vec![
                keymap::enter(k::UI_DOES_NEXT),
                keymap::esc(k::UI_DOES_BACK),
                keymap::arrows(k::UI_DOES_FIELD, false),
                tab,
                panel,
            ]);
            keys.bindings.extend(keymap::editor_keys(false));
            return keys;
        }
        let _ = doc;
        Keys::new(vec![
            keymap::space(k::UI_DOES_CHOOSE),
            keymap::enter(k::UI_DOES_NEXT),
            keymap::esc(k::UI_DOES_BACK),
            keymap::arrows(k::UI_DOES_MOVE, true),
            tab,
            panel,
        ])
    }

    pub fn update(&mut self, cx: &mut Cx, action: Action) -> Flow {
        let rows = self.rows(cx.doc);
        let Some(row) = rows.get(self.cursor).copied() else { return Flow::Stay };
        let mut changed = false;
        // A single choice, once picked, goes on to the next question.
        let mut then = None;
        match action {
            Action::Up => self.cursor = self.cursor.saturating_sub(1),
            Action::Down => self.cursor = (self.cursor + 1).min(rows.len() - 1),
            Action::NextField | Action::PrevField => {
                let forward = action == Action::NextField;
                if let Some(q) = self.neighbour(cx.doc, row.question(), forward) {
                    self.cursor = landing_row(self.step, cx.doc.scenario(), q);
                }
            }
            // Space alone changes an answer: it picks the option (toggles a multiple choice).
            Action::Space => {
                if let Row::Choice { question, option } = row {
                    changed = cx.doc.choose(cx.env, question, option).is_some();
                    if !question.is_multi() {
                        then = Some(question);
                    }
                }
            }
            // Enter never changes an answer: the next question, from the last the next step.
            Action::Enter => match self.neighbour(cx.doc, row.question(), true) {
                Some(q) => self.cursor = landing_row(self.step, cx.doc.scenario(), q),
                None => return Flow::Go(Go::Next),
            },
            Action::Back => return Flow::Go(Go::Back),
            _ => {}
        }
        // Rows come and go with an answer (the lowering reason): stay on the same row.
        let new_rows = self.rows(cx.doc);
        if changed && let Some(i) = new_rows.iter().position(|r| *r == row) {
            self.cursor = i;
        }
        self.cursor = self.cursor.min(new_rows.len().saturating_sub(1));
        if let Some(q) = then.and_then(|q| self.neighbour(cx.doc, q, true)) {
            self.cursor = landing_row(self.step, cx.doc.scenario(), q);
        }
        let left = self.sync_editor(cx.doc);
        if changed || left { Flow::Save } else { Flow::Stay }
    }

    pub fn edit(&mut self, cx: &mut Cx, key: KeyEvent) -> bool {
        self.edit_with(cx, |e, a| e.key(key, a))
    }

    pub fn paste(&mut self, cx: &mut Cx, text: &str) -> bool {
        self.edit_with(cx, |e, a| e.paste(text, a))
    }

    /// An edit of the field under the cursor. A number of participants changes the narrowing at
    /// once, like a chosen option, and is recorded in the history like one.
    fn edit_with(
        &mut self,
        cx: &mut Cx,
        edit: impl FnOnce(&mut Editor, &mut crate::domain::assessment::Assessment) -> bool,
    ) -> bool {
        let Some(e) = &mut self.editor else { return false };
        let number = match e.field {
            TextField::LargestMeeting => Some(AnswerId::Size),
            TextField::Audience => Some(AnswerId::Audience),
            _ => None,
        };
        let old = number.map(|answer| AnswerValue::of(cx.doc.scenario(), answer));
        let changed = edit(e, &mut cx.doc.loaded.assessment);
        if changed && let (Some(answer), Some(old)) = (number, old) {
            cx.doc.record_change(answer, old, cx.env.now);
            cx.doc.renarrow(cx.env, Some(answer));
        }
        changed
    }

    pub fn leave(&mut self) -> Leave {
        Leave::Ok(self.editor.take().is_some_and(|e| e.changed))
    }

    /// Puts the cursor on a question (a missing answer).
    pub fn focus(&mut self, cx: &mut Cx, q: Question) {
        self.cursor = landing_row(self.step, cx.doc.scenario(), q);
        self.sync_editor(cx.doc);
    }

    /// The question after (or before) `q` on this step.
    fn neighbour(&self, doc: &Doc, q: Question, forward: bool) -> Option<Question> {
        let qs = questions::questions(self.step, doc.scenario());
        let i = qs.iter().position(|x| *x == q)?;
        if forward { qs.get(i + 1).copied() } else { i.checked_sub(1).map(|j| qs[j]) }
    }

    pub fn help_key(&self) -> Key {
        k::UI_HELP_CHOICE
    }
}

/// The field a text row edits.
pub fn field_of(question: Question) -> TextField {
    match question {
        Question::LoweringReason => TextField::LoweringReason,
        Question::Size => TextField::LargestMeeting,
        Question::Audience => TextField::Audience,
        _ => TextField::RiskAcceptedBy,
    }
}

/// Where the cursor lands on question `q`: its chosen option (the first chosen of a multiple
/// choice), else its first row.
pub fn landing_row(step: Step, s: &Scenario, q: Question) -> usize {
    let rows = questions::rows(step, s);
    let first = rows.iter().position(|r| r.question() == q).unwrap_or(0);
    rows.iter()
        .position(|r| match *r {
            Row::Choice { question, option } => question == q && question.is_selected(option, s),
            Row::Text { .. } => false,
        })
        .unwrap_or(first)
}

// ---------------------------------------------------------------------------------------------
// Drawing

/// The explanation of an option: its own hint where it has one, else the question's.
fn option_hint(env: &Env, question: Question, option: usize) -> String {
    let t = &env.texts;
    let own = match question {
        Question::Overlays if option == 0 => {
            Some(k::UI_OVERLAY_SOCIAL_DATA_HINT.name().to_string())
        }
        Question::Overlays => Some(k::UI_OVERLAY_PROFESSIONAL_SECRECY_HINT.name().to_string()),
        // The transfer levels are explained under each option already.
        Question::TransferStance => None,
        q if q.options_have_hints() => {
            q.option_keys().get(option).map(|k| format!("{}.hint", k.name()))
        }
        _ => None,
    };
    match own {
        Some(key) if t.has(&key) => t.by_name(&key).to_string(),
        _ => t.get(question.hint_key()).to_string(),
    }
}

/// The proposed value of a question's answer, in words ("yes", "GDPR with a Land's act").
fn proposed_value(env: &Env, question: Question, option: usize, s: &Scenario) -> String {
    let t = &env.texts;
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
            format!("{label}: {}", t.get(if yes { k::UI_YES } else { k::UI_NO }))
        }
        _ => (0..keys.len())
            .find(|o| question.is_proposed(*o, s))
            .map_or_else(String::new, |o| t.get(keys[o]).to_string()),
    }
}

/// The info box: what the option under the cursor means, and the step's warnings.
fn info_lines(state: &State, env: &Env, doc: &Doc, columns: usize) -> Vec<Line<'static>> {
    let t = &env.texts;
    let th = &env.theme;
    let s = doc.scenario();
    let mut out: Vec<(String, Style)> = Vec::new();
    if let Some(row) = state.current_row(doc) {
        let text = match row {
            Row::Choice { question, option } => option_hint(env, question, option),
            Row::Text { question } => t.get(question.hint_key()).to_string(),
        };
        out.push((format!("ⓘ {text}"), Style::new()));
        let (proposed, reasons) = s.proposed_protection();
        match row.question() {
            Question::ProtectionNeed | Question::LoweringReason | Question::RiskAcceptedBy => {
                let why: Vec<&str> = reasons.iter().map(|r| t.by_name(r.key())).collect();
                let need = t.by_name(proposed.key());
                let text = t.fmt(
                    k::UI_HINT_PROPOSED_PROTECTION,
                    &[("need", need), ("why", &why.join("; "))],
                );
                out.push((text, th.muted));
            }
            question => {
                // An answer that follows from others: proposed, with why, until confirmed.
                let option = match row {
                    Row::Choice { option, .. } => option,
                    Row::Text { .. } => 0,
                };
                if let Some(why) = question.pending_proposal(option, s) {
                    let value = proposed_value(env, question, option, s);
                    let because = t.by_name(why.key());
                    let text = t.fmt(
                        k::UI_HINT_PROPOSED_ANSWER,
                        &[("value", &value), ("because", because)],
                    );
                    out.push((text, th.muted));
                }
            }
        }
    }
    if state.step == Step::Data && s.protection_lowered() {
        out.push((format!("▲ {}", t.get(k::UI_HINT_LOWERED)), th.error));
    }
    if state.step == Step::Organisation && s.purposes_diverge() {
        out.push((format!("▲ {}", t.get(k::UI_HINT_PURPOSES_DIVERGE)), th.error));
    }
    out.into_iter()
        .flat_map(|(text, style)| {
            wrap_hanging(&text, columns, " ", "   ")
                .into_iter()
                .map(move |l| Line::styled(l, style))
        })
        .collect()
}

/// A field's label; a star on the ones that must be filled. Of the two numbers one is enough,
/// which the missing-answer note says, so neither has a star.
fn field_label(env: &Env, field: TextField) -> String {
    let label = env.texts.get(field.label_key());
    match field {
        TextField::LargestMeeting | TextField::Audience => label.to_string(),
        _ => format!("{label} *"),
    }
}

/// The questions of the step as form blocks.
fn blocks<'a>(state: &'a State, env: &Env, doc: &Doc, columns: usize) -> Vec<Block<'a>> {
    let t = &env.texts;
    let th = &env.theme;
    let s = doc.scenario();
    let rows = state.rows(doc);
    let mut out = Vec::new();
    let mut last = None;
    for (i, row) in rows.iter().enumerate() {
        let q = row.question();
        let focused = i == state.cursor;
        // The lowering reason and the risk owner belong to the protection need; every other
        // question has its heading.
        let sub_field = matches!(q, Question::LoweringReason | Question::RiskAcceptedBy);
        if last != Some(q) && !sub_field {
            if last.is_some() {
                out.push(Block::Text { lines: vec![Line::raw("")], starts: false });
            }
            let note = q.is_multi().then(|| t.get(k::UI_MULTI));
            let lines = form::heading_lines(th, columns, t.get(q.key()), note);
            out.push(Block::Text { lines, starts: true });
        }
        last = Some(q);
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
                    label = format!("{label} ({})", t.get(k::UI_PROPOSED));
                }
                let mut lines =
                    form::option_lines(th, columns, focused, glyph, &label, Style::new());
                // The four transfer levels are explained on the spot, not only under the cursor.
                let own_hint = format!("{}.hint", key.name());
                if question == Question::TransferStance && t.has(&own_hint) {
                    lines.extend(form::text_lines(t.by_name(&own_hint), columns, 7, th.muted));
                }
                out.push(Block::Row { lines, focused });
            }
            Row::Text { question } => {
                let field = field_of(question);
                out.push(Block::Field(Field {
                    label: field_label(env, field),
                    value: field.value(&doc.loaded.assessment),
                    editor: state.editor.as_ref().filter(|e| e.field == field && focused),
                    focused,
                    hint: None,
                }));
            }
        }
    }
    out
}

pub fn draw(frame: &mut Frame, area: Rect, state: &State, env: &Env, doc: &Doc, panel: bool) {
    let th = &env.theme;
    let panel_width = if area.width >= 120 {
        44
    } else if area.width >= 100 {
        36
    } else {
        28
    };
    let (left, right) = if panel {
        let [l, r] = area
            .layout(&Layout::horizontal([Constraint::Fill(1), Constraint::Length(panel_width)]));
        (l, Some(r))
    } else {
        (area, None)
    };
    let columns = left.width.saturating_sub(2) as usize;
    let mut info = info_lines(state, env, doc, columns);
    if !panel {
        // The count stays in view without the panel.
        let count = remain_line(env, doc);
        info.insert(0, Line::styled(format!(" {count}"), th.heading));
    }
    let info_height = (info.len() as u16 + 1).min(left.height / 2).max(2);
    let [list_area, info_area] =
        left.layout(&Layout::vertical([Constraint::Fill(1), Constraint::Length(info_height)]));
    let rule = Frame_::new().borders(Borders::TOP).border_style(th.border);
    let list_inner = rule.inner(list_area);
    frame.render_widget(rule, list_area);
    let blocks = blocks(state, env, doc, list_inner.width.saturating_sub(2) as usize);
    let labels = [
        TextField::LoweringReason,
        TextField::RiskAcceptedBy,
        TextField::LargestMeeting,
        TextField::Audience,
    ]
    .map(|f| field_label(env, f));
    let label_w = form::label_width(labels, list_inner.width as usize);
    form::draw(frame, list_inner, &blocks, &state.scroll, label_w, th);

    let rule = Frame_::new().borders(Borders::TOP).border_style(th.border);
    let info_inner = rule.inner(info_area);
    frame.render_widget(rule, info_area);
    frame.render_widget(Paragraph::new(info), info_inner);

    if let Some(right) = right {
        draw_panel(frame, right, env, doc);
    }
}

/// "8 of 29 offerings remain" (before any answer: "with the preset answers").
fn remain_line(env: &Env, doc: &Doc) -> String {
    let t = &env.texts;
    let Some(list) = &doc.shortlist else { return t.get(k::UI_PANEL_LOADING).to_string() };
    let confirmed = list.confirmed().count().to_string();
    let total = (list.ranked.len() + list.excluded.len()).to_string();
    let key = if doc.loaded.assessment.history.is_empty() {
        k::UI_PANEL_REMAIN_PRESET
    } else {
        k::UI_PANEL_REMAIN
    };
    let mut line = t.fmt(key, &[("n", &confirmed), ("total", &total)]);
    let unconfirmed = list.unconfirmed().count();
    if unconfirmed > 0 {
        let more = t.fmt(k::UI_PANEL_IF_CONFIRMED, &[("n", &unconfirmed.to_string())]);
        line = format!("{line}; {more}");
    }
    line
}

/// The live panel: how many offerings remain and what the last answer knocked out or brought
/// back, with the reason; what does not fit is counted ("… and 3 more").
fn draw_panel(frame: &mut Frame, area: Rect, env: &Env, doc: &Doc) {
    let t = &env.texts;
    let th = &env.theme;
    let title = format!(" {} ", t.get(k::UI_PANEL_TITLE));
    let frame_ = Frame_::new()
        .borders(Borders::TOP | Borders::LEFT)
        .border_style(th.border)
        .title(Span::styled(title, th.heading));
    let inner = frame_.inner(area);
    frame.render_widget(frame_, area);
    let inner = Rect { x: inner.x + 1, width: inner.width.saturating_sub(1), ..inner };
    let columns = inner.width as usize;
    let rows = inner.height as usize;
    let para = |text: &str, style: Style, lead: &str, indent: &str| -> Vec<Line<'static>> {
        wrap_hanging(text, columns, lead, indent)
            .into_iter()
            .map(|l| Line::styled(l, style))
            .collect()
    };
    let mut lines = para(&remain_line(env, doc), th.heading, "", "");
    lines.push(Line::raw(""));
    let (Some(catalog), Some(list)) = (&env.catalog, &doc.shortlist) else {
        frame.render_widget(Paragraph::new(lines), inner);
        return;
    };
    let name = |id: &str| describe::offering_name(t, catalog, id);
    // Entries: each is the lines of one offering; they are added while they fit.
    let mut entries: Vec<Vec<Line<'static>>> = Vec::new();
    match &doc.last_change {
        Some(change) => {
            let answer = describe::answer_label(t, change.answer);
            lines.extend(para(
                &t.fmt(k::UI_PANEL_LAST_ANSWER, &[("answer", &answer)]),
                th.muted,
                "",
                "",
            ));
            if change.knocked_out.is_empty() && change.brought_back.is_empty() {
                lines.extend(para(t.get(k::UI_PANEL_NO_CHANGE), Style::new(), "", ""));
            }
            for id in &change.knocked_out {
                let mut entry = para(&name(id), th.removed, "✗ ", "  ");
                let reason = list.evaluation(id).and_then(|e| e.knockouts.first());
                if let (Some(ko), Some(offering)) = (reason, catalog.offering(id)) {
                    entry.extend(para(
                        &describe::knockout(t, offering, ko),
                        Style::new(),
                        "  ",
                        "  ",
                    ));
                }
                entries.push(entry);
            }
            for id in &change.brought_back {
                entries.push(para(
                    &t.fmt(k::UI_PANEL_BACK, &[("name", &name(id))]),
                    th.added,
                    "↺ ",
                    "  ",
                ));
            }
        }
        None if list.ranked.is_empty() => {
            lines.extend(para(t.get(k::UI_PANEL_NONE), Style::new(), "", ""));
        }
        None => {
            lines.extend(para(t.get(k::UI_PANEL_BEST), th.muted, "", ""));
            for e in &list.ranked {
                // A fit only if confirmed is marked, so that it never reads as meeting every
                // requirement.
                let mark = if e.tier() == Tier::Unconfirmed { "◇ " } else { "• " };
                entries.push(para(&name(&e.offering), Style::new(), mark, "  "));
            }
        }
    }
    let total = entries.len();
    for (shown, entry) in entries.into_iter().enumerate() {
        let rest = total - shown;
        // Room for this entry, and for the "more" line if others follow.
        let need = entry.len() + usize::from(rest > 1);
        if lines.len() + need > rows {
            let more = t.fmt(k::UI_PANEL_MORE, &[("n", &rest.to_string())]);
            lines.extend(para(&more, th.muted, "", ""));
            break;
        }
        lines.extend(entry);
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
