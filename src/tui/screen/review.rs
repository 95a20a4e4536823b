//! The review: every answer and the decision in one table. Enter on a line goes to that very
//! field (Ctrl+R comes back here); `e`, `n`, `r` write the documents.

use crate::i18n::{Key, k};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{
    Block as Frame_, Borders, Cell, Paragraph, Row as TableRow, Scrollbar, ScrollbarOrientation,
    ScrollbarState, Table, TableState,
};

use super::decision::Part;
use super::{Cx, Flow, Focus, Go, Leave};
use crate::describe;
use crate::domain::narrowing::AnswerId;
use crate::domain::scenario::Step;
use crate::export::Kind;
use crate::tui::action::Action;
use crate::tui::doc::Doc;
use crate::tui::editor::{AboutField, TextField};
use crate::tui::env::Env;
use crate::tui::keymap::{self, Footer, Keys};
use crate::tui::msg::Effect;
use crate::tui::questions::{self, Question};
use crate::tui::text::wrap;

/// A line of the review.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Line_ {
    About(AboutField),
    Answer(AnswerId, Step),
    /// The reason for a lower protection need and who accepts the risk.
    Lowering,
    Chosen,
    RunnerUp,
    Rationale,
    /// Choosing an excluded offering: the reason and who accepts the risk.
    Override,
    Status,
    /// A decision form left without taking it.
    Draft,
    Ready,
    ReviewBy,
}

pub use Line_ as ReviewLine;

impl Line_ {
    /// The step and the very field the line shows.
    pub fn target(self) -> (Step, Focus) {
        match self {
            Line_::About(f) => (Step::About, Focus::Field(TextField::About(f))),
            Line_::Answer(answer, step) => (step, Focus::Answer(answer)),
            Line_::Lowering => (Step::Data, Focus::Question(Question::LoweringReason)),
            Line_::Chosen | Line_::Draft => (Step::Decision, Focus::Decision(Part::Chosen)),
            Line_::RunnerUp => (Step::Decision, Focus::Decision(Part::RunnerUp)),
            Line_::Rationale => (Step::Decision, Focus::Decision(Part::Rationale)),
            Line_::Override => (Step::Decision, Focus::Decision(Part::OverrideReason)),
            Line_::Status => (Step::Decision, Focus::Decision(Part::Status)),
            Line_::Ready | Line_::ReviewBy => (Step::Checklist, Focus::First),
        }
    }
}

/// Every line, in the order of the steps.
pub fn lines(doc: &Doc) -> Vec<Line_> {
    let a = &doc.loaded.assessment;
    let s = &a.scenario;
    let mut out: Vec<Line_> = AboutField::ALL.into_iter().map(Line_::About).collect();
    for step in Step::ALL.into_iter().filter(|s| s.is_scenario()) {
        for q in questions::questions(step, s) {
            if q == Question::LoweringReason {
                out.push(Line_::Lowering);
            }
            // The numbers of participants are text fields with an answer of their own.
            let counts = matches!(q, Question::Size | Question::Audience);
            for answer in q.answers() {
                if (!q.is_text() || counts) && !out.contains(&Line_::Answer(answer, step)) {
                    out.push(Line_::Answer(answer, step));
                }
            }
        }
    }
    out.extend([Line_::Chosen, Line_::RunnerUp, Line_::Rationale]);
    if a.decision.as_ref().is_some_and(|d| d.override_.is_some()) {
        out.push(Line_::Override);
    }
    out.push(Line_::Status);
    if a.draft.is_some() {
        out.push(Line_::Draft);
    }
    out.extend([Line_::Ready, Line_::ReviewBy]);
    out
}

pub struct State {
    pub cursor: usize,
}

impl State {
    pub fn new(cx: &mut Cx, focus: &Focus) -> State {
        let cursor = match focus {
            Focus::Row(i) => *i,
            _ => 0,
        };
        State { cursor: cursor.min(lines(cx.doc).len() - 1) }
    }

    pub fn keys(&self) -> Keys {
        Keys::new(vec![
            keymap::enter(k::UI_REVIEW_DOES_JUMP),
            keymap::letter('e', k::UI_RESULTS_DOES_EXPORT, Action::Export(Kind::Record))
                .footer(Footer::Always),
            keymap::letter('n', k::UI_REVIEW_DOES_NOTICE, Action::Export(Kind::Notice)),
            keymap::letter('r', k::UI_REVIEW_DOES_ROPA, Action::Export(Kind::Ropa)),
            keymap::esc(k::UI_DOES_BACK),
            keymap::arrows(k::UI_DOES_MOVE, true),
        ])
    }

    pub fn update(&mut self, cx: &mut Cx, action: Action) -> Flow {
        let list = lines(cx.doc);
        self.cursor = self.cursor.min(list.len() - 1);
        match action {
            Action::Up => self.cursor = self.cursor.saturating_sub(1),
            Action::Down => self.cursor = (self.cursor + 1).min(list.len() - 1),
            Action::Enter => {
                let (to, focus) = list[self.cursor].target();
                return Flow::Go(Go::Jump {
                    to,
                    focus,
                    back: (Step::Review, Focus::Row(self.cursor)),
                });
            }
            Action::Export(kind) => return Flow::Effect(Effect::Export(kind)),
            Action::Back => return Flow::Go(Go::Back),
            _ => {}
        }
        Flow::Stay
    }

    pub fn leave(&mut self) -> Leave {
        Leave::Ok(false)
    }

    pub fn help_key(&self) -> Key {
        k::UI_REVIEW_HELP
    }
}

/// The label and value of one line.
pub fn texts(env: &Env, doc: &Doc, line: Line_) -> (String, String) {
    let t = &env.texts;
    let a = &doc.loaded.assessment;
    let s = &a.scenario;
    let none = || t.get(k::ANSWER_VALUE_NONE).to_string();
    let d = a.decision.as_ref();
    let undecided = || t.get(k::UI_REVIEW_NOT_DECIDED).to_string();
    let label = |key: Key| t.get(key).to_string();
    match line {
        Line_::About(field) => {
            // A list of names reads as one line.
            let value = TextField::About(field).value(a).replace('\n', ", ");
            (label(field.key()), if value.trim().is_empty() { none() } else { value })
        }
        Line_::Answer(answer, _) => {
            (describe::answer_label(t, answer), describe::answer_value(t, s, answer))
        }
        Line_::Lowering => {
            let value = t.fmt(
                k::UI_REVIEW_LOWERING_VALUE,
                &[
                    ("reason", &s.protection_lowered_reason),
                    ("person", &s.protection_risk_accepted_by),
                ],
            );
            (label(k::UI_REVIEW_LOWERING), value)
        }
        Line_::Chosen => {
            let value = match d {
                Some(d) if d.to_be_confirmed => {
                    format!("{} · ▲ {}", env.name(&d.chosen), t.get(k::UI_REVIEW_TO_BE_CONFIRMED))
                }
                Some(d) => env.name(&d.chosen),
                None => undecided(),
            };
            (label(k::UI_DECISION_CHOSEN), value)
        }
        Line_::RunnerUp => {
            let value = match d {
                Some(d) => d.runner_up.as_deref().map(|id| env.name(id)).unwrap_or_else(none),
                None => undecided(),
            };
            (label(k::UI_DECISION_RUNNER_UP), value)
        }
        Line_::Rationale => {
            let value = d.map(|d| d.rationale.clone()).filter(|r| !r.trim().is_empty());
            (label(k::UI_DECISION_RATIONALE), value.unwrap_or_else(none))
        }
        Line_::Override => {
            let value = d.and_then(|d| d.override_.as_ref()).map(|o| {
                t.fmt(
                    k::UI_REVIEW_OVERRIDE_VALUE,
                    &[("reason", &o.reason), ("person", &o.accepted_by)],
                )
            });
            (label(k::UI_REVIEW_OVERRIDE), value.unwrap_or_else(none))
        }
        Line_::Status => {
            let value = match (&a.status, d) {
                (Some(st), _) => t.fmt(
                    k::UI_REVIEW_STATUS_BY,
                    &[
                        ("status", t.by_name(st.status.key())),
                        ("by", &st.by),
                        ("date", &st.on.to_string()),
                    ],
                ),
                (None, Some(_)) => t.get(k::STATUS_PROPOSED).to_string(),
                (None, None) => undecided(),
            };
            (label(k::UI_DECISION_STATUS), value)
        }
        Line_::Draft => {
            let draft = super::decision::shown_draft(doc);
            let value = t.fmt(
                k::UI_REVIEW_DRAFT_VALUE,
                &[("name", &env.name(&draft.chosen)), ("status", t.by_name(draft.status.key()))],
            );
            (label(k::UI_REVIEW_DRAFT), value)
        }
        Line_::Ready => {
            let (text, _) = super::checklist::ready_text(env, doc);
            (label(k::UI_REVIEW_READY), text)
        }
        Line_::ReviewBy => {
            let value = match a.review_by {
                Some(date) if date <= env.today => {
                    format!("▲ {}", t.fmt(k::UI_REVIEW_REVIEW_DUE, &[("date", &date.to_string())]))
                }
                Some(date) => date.to_string(),
                None => none(),
            };
            (label(k::UI_REVIEW_REVIEW_BY), value)
        }
    }
}

pub fn draw(frame: &mut Frame, area: Rect, state: &State, env: &Env, doc: &Doc) {
    let t = &env.texts;
    let th = &env.theme;
    let rule = Frame_::new().borders(Borders::TOP).border_style(th.border);
    let inner = rule.inner(area);
    frame.render_widget(rule, area);
    let inner = Rect { x: inner.x + 1, width: inner.width.saturating_sub(1), ..inner };
    let columns = inner.width as usize;
    let intro: Vec<Line> = wrap(t.get(k::UI_REVIEW_INTRO), columns)
        .into_iter()
        .map(|l| Line::styled(l, th.muted))
        .collect();
    let written = &doc.written;
    let mut files: Vec<Line> = Vec::new();
    if written.is_empty() {
        files.extend(
            wrap(t.get(k::UI_REVIEW_EXPORT_HINT), columns)
                .into_iter()
                .map(|l| Line::styled(l, th.muted)),
        );
    } else {
        files.push(Line::styled(t.get(k::UI_REVIEW_WRITTEN).to_string(), th.heading));
        for path in written.iter().rev().take(3) {
            let text =
                format!("• {}", crate::terminal_text::for_terminal(&path.display().to_string()));
            files.extend(wrap(&text, columns).into_iter().map(Line::raw));
        }
    }
    let [intro_area, table_area, files_area] = inner.layout(&Layout::vertical([
        Constraint::Length(intro.len() as u16),
        Constraint::Fill(1),
        Constraint::Length(files.len() as u16),
    ]));
    frame.render_widget(Paragraph::new(intro), intro_area);
    frame.render_widget(Paragraph::new(files), files_area);

    let list = lines(doc);
    let step_w = 3;
    let label_w = (columns / 3).clamp(12, 36);
    let value_w = columns.saturating_sub(step_w + label_w + 3).max(8);
    let rows: Vec<TableRow> = list
        .iter()
        .map(|line| {
            let (label, value) = texts(env, doc, *line);
            let label = wrap(&label, label_w).join("\n");
            let value = crate::terminal_text::for_terminal(&value).into_owned();
            let value: Vec<String> = value.split('\n').flat_map(|l| wrap(l, value_w)).collect();
            let height = label.lines().count().max(value.len()).max(1) as u16;
            let step = format!("{:>2}", line.target().0.number());
            TableRow::new(vec![
                Cell::from(step).style(th.muted),
                Cell::from(label),
                Cell::from(value.join("\n")),
            ])
            .height(height)
        })
        .collect();
    let widths = [
        Constraint::Length(step_w as u16),
        Constraint::Length(label_w as u16),
        Constraint::Fill(1),
    ];
    let table = Table::new(rows, widths)
        .column_spacing(1)
        .row_highlight_style(th.selected)
        .highlight_symbol("▶");
    let cursor = state.cursor.min(list.len() - 1);
    let mut table_state = TableState::default().with_selected(Some(cursor));
    frame.render_stateful_widget(table, table_area, &mut table_state);
    if list.len() > table_area.height as usize {
        let mut bar = ScrollbarState::new(list.len()).position(cursor);
        frame.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight).style(th.muted),
            table_area,
            &mut bar,
        );
    }
}
