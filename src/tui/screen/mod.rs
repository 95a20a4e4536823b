//! The screens, one module each with its state, its update, its keys and its drawing. The
//! wizard is on exactly one [`Screen`]; a step screen's state lives only while it is shown (the
//! assessment holds what must last).
//!
//! A screen never changes another: what it cannot do itself (another step, a save, a file) it
//! asks for with a [`Flow`], which `app` carries out.

use ratatui::crossterm::event::KeyEvent;

use super::doc::{Doc, Notes};
use super::env::Env;
use super::msg::Effect;
use crate::domain::narrowing::AnswerId;
use crate::domain::scenario::Step;
use crate::domain::todos::TodoId;

pub mod about;
pub mod catalog;
pub mod checklist;
pub mod decision;
pub mod results;
pub mod review;
pub mod scenario;
pub mod start;

pub enum Screen {
    Start(start::State),
    Catalog(catalog::State),
    About(about::State),
    Scenario(scenario::State),
    Results(results::State),
    Decision(decision::State),
    Checklist(checklist::State),
    Review(review::State),
}

impl Screen {
    /// The step shown, for the screens of an assessment.
    pub fn step(&self) -> Option<Step> {
        Some(match self {
            Screen::Start(_) | Screen::Catalog(_) => return None,
            Screen::About(_) => Step::About,
            Screen::Scenario(s) => s.step,
            Screen::Results(_) => Step::Results,
            Screen::Decision(_) => Step::Decision,
            Screen::Checklist(_) => Step::Checklist,
            Screen::Review(_) => Step::Review,
        })
    }

    /// The screen of `step` for the open assessment, with the focus on `focus`.
    pub fn of_step(step: Step, cx: &mut Cx, focus: &Focus) -> Screen {
        match step {
            Step::About => Screen::About(about::State::new(cx, focus)),
            Step::Results => Screen::Results(results::State::new(cx, focus)),
            Step::Decision => Screen::Decision(decision::State::new(cx, focus)),
            Step::Checklist => Screen::Checklist(checklist::State::new(cx, focus)),
            Step::Review => Screen::Review(review::State::new(cx, focus)),
            step => Screen::Scenario(scenario::State::new(step, cx, focus)),
        }
    }
}

/// What a step screen needs to act: the environment, the open assessment, the message line.
pub struct Cx<'a> {
    pub env: &'a Env,
    pub doc: &'a mut Doc,
    pub notes: &'a mut Notes,
}

impl Cx<'_> {
    /// Shows a message (and keeps it in the log).
    pub fn note(&mut self, note: super::doc::Note) {
        self.notes.show(note, self.env.now);
    }
}

/// What a screen asks of the app after a key.
#[derive(Debug, PartialEq)]
pub enum Flow {
    Stay,
    /// Something worth saving changed (a field was left, an answer was chosen).
    Save,
    Effect(Effect),
    Go(Go),
}

/// Where to go.
#[derive(Clone, Debug, PartialEq)]
pub enum Go {
    /// The next step, unless something required is missing (then that is said and focused).
    Next,
    /// The previous step (before About: the start screen).
    Back,
    /// A step, with the focus on something in it.
    Step(Step, Focus),
    /// From the answer a review line or an exclusion points at: the step, and the return point.
    Jump { to: Step, focus: Focus, back: (Step, Focus) },
}

/// What to put the focus on when a step opens.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum Focus {
    #[default]
    First,
    Answer(AnswerId),
    Question(super::questions::Question),
    Field(super::editor::TextField),
    Decision(decision::Part),
    Todo(TodoId),
    Offering(String),
    Row(usize),
}

/// Leaving a screen: what was being edited is closed (a date that is not one keeps the screen).
pub enum Leave {
    /// Left; whether something changed that should be saved.
    Ok(bool),
    Refused,
}

/// A key for the text being edited, on whichever screen.
pub fn edit(screen: &mut Screen, cx: &mut Cx, key: KeyEvent) -> bool {
    let now = cx.env.now;
    let changed = match screen {
        Screen::About(s) => s.edit(cx, key),
        Screen::Scenario(s) => s.edit(cx, key),
        Screen::Decision(s) => s.edit(cx, key),
        Screen::Checklist(s) => s.edit(cx, key),
        Screen::Start(s) => return s.edit(key),
        _ => false,
    };
    if changed {
        cx.doc.touch(now);
        cx.notes.clear_passing();
    }
    changed
}

/// Pasted text for the text being edited.
pub fn paste(screen: &mut Screen, cx: &mut Cx, text: &str) -> bool {
    let now = cx.env.now;
    let changed = match screen {
        Screen::About(s) => s.paste(cx, text),
        Screen::Scenario(s) => s.paste(cx, text),
        Screen::Decision(s) => s.paste(cx, text),
        Screen::Checklist(s) => s.paste(cx, text),
        _ => false,
    };
    if changed {
        cx.doc.touch(now);
        cx.notes.clear_passing();
    }
    changed
}
