//! The wizard's model and every transition: one [`Model`], one [`Msg`] and [`update`], which
//! does no I/O. What must happen outside (save, load, export, quit) comes back as an [`Effect`]
//! that the shell in `tui/mod.rs` runs, feeding the result back as a `Msg`.
//!
//! The screens act on their own state ([`crate::tui::screen`]); this module carries out what
//! they ask for (another step, a save, a file) and handles the keys that work everywhere: help,
//! the message log, the next step, going to a step, returning to where a jump came from.

use crate::i18n::{Key, k};
use std::path::PathBuf;

use jiff::Timestamp;
use jiff::civil::Date;

pub use super::action::Action;
use super::doc::{Doc, Note, Notes};
pub use super::env::{Env, Narrower};
use super::keymap::{self, Binding, Footer, Global, Keys};
pub use super::msg::{DecisionState, Effect, Msg, SaveSummary};
use super::screen::{self, Cx, Flow, Focus, Go, Leave, Screen};
use super::theme::Theme;
use crate::domain::catalog::Catalog;
use crate::domain::scenario::Step;
use crate::i18n::Texts;
use crate::store::Loaded;

/// The smallest terminal the wizard draws in.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 20;

/// Something shown over the screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    Help {
        scroll: u16,
    },
    /// The recent messages.
    Log {
        scroll: u16,
    },
    /// The steps, to go to one.
    Steps {
        cursor: usize,
    },
}

pub struct Model {
    pub env: Env,
    pub screen: Screen,
    pub doc: Option<Doc>,
    /// The saved assessments (the start screen's table).
    pub saves: Vec<SaveSummary>,
    /// The saves are read after the first frame (parsing them takes longer than drawing).
    pub saves_loading: bool,
    pub overlay: Option<Overlay>,
    pub notes: Notes,
    /// Warnings from the store about the open assessment, in words.
    pub warnings: Vec<String>,
    /// A save before quitting failed: the next `q` quits without saving.
    pub quit_armed: bool,
    /// The last save was asked for with Ctrl+S: say where it went.
    pub save_requested: bool,
    /// The live panel beside the questions is hidden (Ctrl+P).
    pub panel_hidden: bool,
    /// A jump from Review or Results to an answer: where Ctrl+R goes back to.
    pub return_to: Option<(Step, Focus)>,
}

impl Model {
    pub fn new(texts: Texts, theme: Theme, today: Date, now: Timestamp, narrow: Narrower) -> Self {
        Model {
            env: Env {
                texts,
                theme,
                today,
                now,
                tz: jiff::tz::TimeZone::UTC,
                size: (80, 24),
                catalog: None,
                narrow,
            },
            screen: Screen::Start(screen::start::State::default()),
            doc: None,
            saves: Vec::new(),
            saves_loading: false,
            overlay: None,
            notes: Notes::default(),
            warnings: Vec::new(),
            quit_armed: false,
            save_requested: false,
            panel_hidden: false,
            return_to: None,
        }
    }

    pub fn too_small(&self) -> bool {
        self.env.size.0 < MIN_WIDTH || self.env.size.1 < MIN_HEIGHT
    }

    /// The step on screen, when an assessment's step is.
    pub fn step(&self) -> Option<Step> {
        self.screen.step()
    }

    pub fn dirty(&self) -> bool {
        self.doc.as_ref().is_some_and(|d| d.dirty)
    }

    /// Shows a message (and keeps it in the log).
    pub fn note(&mut self, note: Note) {
        self.notes.show(note, self.env.now);
    }

    /// Opens an assessment at the step where it was left.
    pub fn open(&mut self, mut loaded: Loaded) {
        if let Some(catalog) = &self.env.catalog {
            loaded.check_catalog(catalog);
        }
        let mut doc = Doc::new(loaded);
        doc.renarrow(&self.env, None);
        let step = doc.step();
        self.doc = Some(doc);
        self.return_to = None;
        self.refresh_warnings();
        self.show_step(step, &Focus::First);
    }

    /// Puts the screen of `step` up (the assessment is already at that step).
    fn show_step(&mut self, step: Step, focus: &Focus) {
        let Some(doc) = &mut self.doc else { return };
        let mut cx = Cx { env: &self.env, doc, notes: &mut self.notes };
        self.screen = Screen::of_step(step, &mut cx, focus);
    }

    /// The store's warnings about the open assessment, in the model's language.
    fn refresh_warnings(&mut self) {
        let warnings = self.doc.as_ref().map(|d| d.loaded.warnings.as_slice()).unwrap_or(&[]);
        self.warnings = warnings.iter().map(|w| w.message(&self.env.texts)).collect();
    }

    /// Saving a copy is the way out now: another meetcheck has the file open, or a save failed
    /// or went to a copy by itself. The footer then offers the key first.
    pub fn copy_advised(&self) -> bool {
        let Some(doc) = &self.doc else { return false };
        let elsewhere = doc
            .loaded
            .warnings
            .iter()
            .any(|w| matches!(w, crate::store::Warning::OpenElsewhere { .. }));
        let failed = self.notes.current.as_ref().is_some_and(|n| {
            matches!(
                n.key,
                k::UI_NOTE_SAVE_FAILED | k::UI_NOTE_QUIT_SAVE_FAILED | k::UI_NOTE_SAVED_COPY_AUTO
            )
        });
        elsewhere || failed
    }

    /// The text field being edited, if any.
    pub fn editing(&self) -> Option<super::editor::TextField> {
        match &self.screen {
            Screen::About(s) => Some(s.editor.field),
            Screen::Scenario(s) => s.editor.as_ref().map(|e| e.field),
            Screen::Decision(s) => s.editor.as_ref().map(|e| e.field),
            Screen::Checklist(s) => s.editor().map(|e| e.field),
            _ => None,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Keys: the screen's, then the ones that work everywhere. Footer and help read this too.

/// The keys that work right now.
pub fn keys(model: &Model) -> Keys {
    use ratatui::crossterm::event::KeyCode;
    let quit =
        Binding::new("q", k::UI_DOES_QUIT, &[(KeyCode::Char('q'), Action::Quit)], Footer::IfRoom);
    let force = Binding::ctrl(k::UI_KEY_CTRL_C, k::UI_DOES_FORCE_QUIT, 'c', Action::ForceQuit);
    if model.too_small() {
        return Keys::new(vec![quit.footer(Footer::Always), force]);
    }
    match model.overlay {
        Some(Overlay::Help { .. }) => {
            let close = Binding::new(
                "Esc",
                k::UI_DOES_CLOSE_HELP,
                &[
                    (KeyCode::Esc, Action::Back),
                    (KeyCode::Char('?'), Action::Help),
                    (KeyCode::F(1), Action::Help),
                ],
                Footer::Always,
            );
            return Keys::new(vec![close, keymap::arrows(k::UI_DOES_SCROLL, true), quit, force]);
        }
        Some(Overlay::Log { .. }) => {
            let mut close = keymap::esc(k::UI_DOES_CLOSE_LOG);
            close.presses.push((
                KeyCode::Char('l'),
                ratatui::crossterm::event::KeyModifiers::CONTROL,
                Action::Log,
            ));
            return Keys::new(vec![close, keymap::arrows(k::UI_DOES_SCROLL, true), quit, force]);
        }
        Some(Overlay::Steps { .. }) => {
            let mut digits: Vec<(KeyCode, Action)> =
                (1..=9).map(|d| (KeyCode::Char(char::from(b'0' + d)), Action::Digit(d))).collect();
            digits.push((KeyCode::Char('0'), Action::Digit(10)));
            return Keys::new(vec![
                keymap::enter(k::UI_DOES_GO_THERE),
                Binding::new("1…0", k::UI_DOES_STEP_NUMBER, &digits, Footer::IfRoom),
                keymap::esc(k::UI_DOES_CLOSE),
                keymap::arrows(k::UI_DOES_MOVE, true),
                force,
            ]);
        }
        None => {}
    }
    let mut keys = screen_keys(model);
    let doc = model.doc.as_ref();
    let global = Global {
        in_step: model.step().is_some(),
        last_step: model.step() == Some(Step::Review),
        text: keys.text,
        can_return: model.step().is_some() && model.return_to.is_some(),
        copy_advised: model.copy_advised(),
        doc: doc.is_some(),
    };
    keys.bindings.extend(keymap::global(global));
    keys
}

/// The keys of the screen itself.
fn screen_keys(model: &Model) -> Keys {
    let Some(doc) = &model.doc else {
        return match &model.screen {
            Screen::Start(s) => s.keys(&model.saves),
            Screen::Catalog(s) => s.keys(),
            _ => Keys::default(),
        };
    };
    match &model.screen {
        Screen::Start(s) => s.keys(&model.saves),
        Screen::Catalog(s) => s.keys(),
        Screen::About(s) => s.keys(),
        Screen::Scenario(s) => s.keys(doc),
        Screen::Results(s) => s.keys(doc),
        Screen::Decision(s) => s.keys(doc),
        Screen::Checklist(s) => s.keys(),
        Screen::Review(s) => s.keys(),
    }
}

/// The keys the help overlay lists: those of the screen beneath it.
pub fn keys_beneath_help(model: &Model) -> Keys {
    let overlay = model.overlay;
    // The same function, as if the overlay were closed.
    let mut keys = screen_keys(model);
    let doc = model.doc.as_ref();
    keys.bindings.extend(keymap::global(Global {
        in_step: model.step().is_some(),
        last_step: model.step() == Some(Step::Review),
        text: keys.text,
        can_return: model.step().is_some() && model.return_to.is_some(),
        copy_advised: model.copy_advised(),
        doc: doc.is_some(),
    }));
    let _ = overlay;
    keys
}

/// Text key of the help overlay's explanation of the screen beneath.
pub fn help_key(model: &Model) -> Key {
    match &model.screen {
        Screen::Start(_) => k::UI_HELP_START,
        Screen::Catalog(_) => k::UI_HELP_CATALOG,
        Screen::About(s) => s.help_key(),
        Screen::Scenario(s) => s.help_key(),
        Screen::Results(s) => s.help_key(),
        Screen::Decision(s) => s.help_key(),
        Screen::Checklist(s) => s.help_key(),
        Screen::Review(s) => s.help_key(),
    }
}

// ---------------------------------------------------------------------------------------------
// Update

/// Applies `msg` to the model and says what the shell must do. No I/O, no clock.
pub fn update(model: &mut Model, msg: Msg) -> Effect {
    model.notes.shown_now = false;
    match msg {
        Msg::Resize(w, h) => {
            model.env.size = (w, h);
            Effect::None
        }
        Msg::Idle => {
            if model.dirty() {
                Effect::Save
            } else {
                Effect::None
            }
        }
        Msg::Terminate => Effect::Quit { force: true },
        Msg::CatalogLoaded(catalog) => catalog_loaded(model, *catalog),
        Msg::CatalogFailed(error) => {
            model.note(Note::error(k::UI_NOTE_CATALOG_FAILED, vec![("error", error)]));
            Effect::None
        }
        Msg::SavesListed(saves) => {
            model.saves = saves;
            model.saves_loading = false;
            let open = model.doc.as_ref().and_then(|d| d.path()).map(|p| p.display().to_string());
            if let Screen::Start(s) = &mut model.screen {
                if let Some(i) =
                    open.and_then(|t| s.visible(&model.saves).iter().position(|x| x.target == t))
                {
                    s.cursor = i;
                }
                s.clamp(&model.saves);
            }
            Effect::None
        }
        Msg::Opened(loaded) => {
            model.notes.current = None;
            model.overlay = None;
            model.open(*loaded);
            Effect::None
        }
        Msg::OpenFailed(error) => {
            model.note(Note::error(k::UI_NOTE_OPEN_FAILED, vec![("error", error)]));
            Effect::None
        }
        Msg::Saved(result) => saved(model, result),
        Msg::SavedAsCopy { path, reason } => saved_as_copy(model, path, reason),
        Msg::QuitSaveFailed(error) => {
            model.quit_armed = true;
            model.note(Note::error(k::UI_NOTE_QUIT_SAVE_FAILED, vec![("error", error)]));
            Effect::None
        }
        Msg::Exported(result) => exported(model, result),
        Msg::Deleted(result) => match result {
            Ok(title) => {
                model.note(Note::info(k::UI_NOTE_DELETED, vec![("title", title)]));
                Effect::ListSaves
            }
            Err(error) => {
                model.note(Note::error(k::UI_NOTE_DELETE_FAILED, vec![("error", error)]));
                Effect::None
            }
        },
        Msg::Edit(key) => {
            if let Screen::Start(s) = &mut model.screen {
                s.edit(key);
                s.clamp(&model.saves);
                return Effect::None;
            }
            let Some(doc) = &mut model.doc else { return Effect::None };
            let mut cx = Cx { env: &model.env, doc, notes: &mut model.notes };
            screen::edit(&mut model.screen, &mut cx, key);
            Effect::None
        }
        Msg::Paste(text) => {
            let Some(doc) = &mut model.doc else { return Effect::None };
            let mut cx = Cx { env: &model.env, doc, notes: &mut model.notes };
            screen::paste(&mut model.screen, &mut cx, &text);
            Effect::None
        }
        Msg::Action(action) => act(model, action),
    }
}

fn catalog_loaded(model: &mut Model, catalog: Catalog) -> Effect {
    if let Some(doc) = &mut model.doc {
        doc.loaded.check_catalog(&catalog);
    }
    model.env.catalog = Some(catalog);
    model.refresh_warnings();
    if let Some(doc) = &mut model.doc {
        doc.renarrow(&model.env, None);
    }
    // The results and the decision read the shortlist: show them anew.
    if let Some(step @ (Step::Results | Step::Decision)) = model.step() {
        model.show_step(step, &Focus::First);
    }
    Effect::None
}

fn saved(model: &mut Model, result: Result<PathBuf, String>) -> Effect {
    let requested = std::mem::take(&mut model.save_requested);
    match result {
        Ok(path) => {
            if let Some(doc) = &mut model.doc {
                doc.dirty = false;
                doc.saved_to = Some(path.clone());
            }
            model.quit_armed = false;
            model.refresh_warnings();
            if requested
                || model.notes.current.as_ref().is_some_and(|n| {
                    n.error
                        && matches!(
                            n.key,
                            k::UI_NOTE_SAVE_FAILED
                                | k::UI_NOTE_SAVED_COPY_AUTO
                                | k::UI_NOTE_QUIT_SAVE_FAILED
                        )
                })
            {
                let path = path.display().to_string();
                model.note(Note::info(k::UI_NOTE_SAVED, vec![("path", path)]));
            }
        }
        Err(error) => {
            model.note(Note::error(k::UI_NOTE_SAVE_FAILED, vec![("error", error)]));
        }
    }
    Effect::None
}

fn saved_as_copy(model: &mut Model, path: PathBuf, reason: Option<String>) -> Effect {
    model.save_requested = false;
    if let Some(doc) = &mut model.doc {
        doc.dirty = false;
        doc.saved_to = Some(path.clone());
    }
    model.quit_armed = false;
    model.refresh_warnings();
    let name = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let path = path.display().to_string();
    model.note(match reason {
        // Asked for: a confirmation. By itself: it stays until something else is said.
        None => Note::info(k::UI_NOTE_SAVED_COPY, vec![("name", name), ("path", path)]),
        Some(reason) => Note::error(
            k::UI_NOTE_SAVED_COPY_AUTO,
            vec![("reason", reason), ("name", name), ("path", path)],
        ),
    });
    Effect::None
}

/// A document was written (or not).
fn exported(model: &mut Model, result: Result<PathBuf, String>) -> Effect {
    match result {
        Ok(path) => {
            let shown = path.display().to_string();
            model.note(Note::info(k::UI_REVIEW_EXPORTED, vec![("path", shown)]));
            if model.step().is_some()
                && let Some(doc) = &mut model.doc
            {
                doc.written.push(path);
            }
        }
        Err(error) => {
            model.note(Note::error(k::UI_REVIEW_EXPORT_FAILED, vec![("error", error)]));
        }
    }
    Effect::None
}

fn act(model: &mut Model, action: Action) -> Effect {
    // Keys that work the same everywhere.
    match action {
        Action::ForceQuit => return Effect::Quit { force: true },
        Action::Quit => return Effect::Quit { force: model.quit_armed },
        Action::SaveNow if model.doc.is_some() => {
            model.save_requested = true;
            return Effect::SaveNow;
        }
        Action::SaveCopy if model.doc.is_some() => return Effect::SaveCopy,
        Action::SaveNow | Action::SaveCopy => return Effect::None,
        _ if model.too_small() => return Effect::None,
        Action::Help => {
            model.overlay = match model.overlay {
                Some(Overlay::Help { .. }) => None,
                _ => Some(Overlay::Help { scroll: 0 }),
            };
            return Effect::None;
        }
        Action::Log => {
            model.overlay = match model.overlay {
                Some(Overlay::Log { .. }) => None,
                _ => Some(Overlay::Log { scroll: 0 }),
            };
            return Effect::None;
        }
        _ => {}
    }
    if let Some(overlay) = model.overlay {
        return act_overlay(model, overlay, action);
    }
    if let Some(step) = model.step() {
        match action {
            Action::TogglePanel => {
                model.panel_hidden = !model.panel_hidden;
                return Effect::None;
            }
            Action::GoTo => {
                model.overlay = Some(Overlay::Steps { cursor: step.number() - 1 });
                return Effect::None;
            }
            Action::NextStep => return advance(model),
            Action::Return => {
                let back = model.return_to.take();
                return match back {
                    Some((step, focus)) => go_to(model, step, &focus),
                    None => Effect::None,
                };
            }
            _ => {}
        }
    }
    match &mut model.screen {
        Screen::Start(s) => {
            let open = model.doc.as_ref().and_then(|d| d.path()).map(|p| p.display().to_string());
            match s.update(&model.saves, open.as_deref(), action) {
                screen::start::Out::Stay => Effect::None,
                screen::start::Out::Effect(effect) => effect,
                screen::start::Out::Resume => {
                    let step = model.doc.as_ref().map_or(Step::About, Doc::step);
                    model.show_step(step, &Focus::First);
                    Effect::None
                }
                screen::start::Out::Catalog => {
                    if model.env.catalog.is_some() {
                        model.screen = Screen::Catalog(screen::catalog::State::default());
                    }
                    Effect::None
                }
            }
        }
        Screen::Catalog(s) => {
            if s.update(&model.env, action) == screen::catalog::Out::Leave {
                to_start(model);
            }
            Effect::None
        }
        _ => {
            let Some(doc) = &mut model.doc else { return Effect::None };
            let mut cx = Cx { env: &model.env, doc, notes: &mut model.notes };
            let flow = match &mut model.screen {
                Screen::About(s) => s.update(&mut cx, action),
                Screen::Scenario(s) => s.update(&mut cx, action),
                Screen::Results(s) => s.update(&mut cx, action),
                Screen::Decision(s) => s.update(&mut cx, action),
                Screen::Checklist(s) => s.update(&mut cx, action),
                Screen::Review(s) => s.update(&mut cx, action),
                Screen::Start(_) | Screen::Catalog(_) => Flow::Stay,
            };
            apply(model, flow)
        }
    }
}

fn act_overlay(model: &mut Model, overlay: Overlay, action: Action) -> Effect {
    match overlay {
        Overlay::Help { scroll } | Overlay::Log { scroll } => {
            let scroll = match action {
                Action::Up => scroll.saturating_sub(1),
                Action::Down => scroll.saturating_add(1).min(200),
                Action::Back => {
                    model.overlay = None;
                    return Effect::None;
                }
                _ => scroll,
            };
            model.overlay = Some(match overlay {
                Overlay::Help { .. } => Overlay::Help { scroll },
                _ => Overlay::Log { scroll },
            });
            Effect::None
        }
        Overlay::Steps { cursor } => {
            let last = Step::ALL.len() - 1;
            let target = match action {
                Action::Up => {
                    model.overlay = Some(Overlay::Steps { cursor: cursor.saturating_sub(1) });
                    None
                }
                Action::Down => {
                    model.overlay = Some(Overlay::Steps { cursor: (cursor + 1).min(last) });
                    None
                }
                Action::Enter => Some(cursor),
                Action::Digit(d) => Some((d as usize).saturating_sub(1).min(last)),
                Action::Back => {
                    model.overlay = None;
                    None
                }
                _ => None,
            };
            match target {
                Some(i) => {
                    model.overlay = None;
                    go_to(model, Step::ALL[i], &Focus::First)
                }
                None => Effect::None,
            }
        }
    }
}

/// Carries out what a screen asked for.
fn apply(model: &mut Model, flow: Flow) -> Effect {
    match flow {
        Flow::Stay => Effect::None,
        Flow::Save => Effect::Save,
        Flow::Effect(effect) => effect,
        Flow::Go(Go::Next) => advance(model),
        Flow::Go(Go::Back) => back(model),
        Flow::Go(Go::Step(step, focus)) => go_to(model, step, &focus),
        Flow::Go(Go::Jump { to, focus, back }) => {
            model.return_to = Some(back);
            go_to(model, to, &focus)
        }
    }
}

/// Closes what the screen has open; `false` when it refuses (a date that is not one).
fn leave_screen(model: &mut Model) -> Option<bool> {
    let Some(doc) = &mut model.doc else { return Some(false) };
    let mut cx = Cx { env: &model.env, doc, notes: &mut model.notes };
    let left = match &mut model.screen {
        Screen::About(s) => s.leave(),
        Screen::Scenario(s) => s.leave(),
        Screen::Results(s) => s.leave(&mut cx),
        Screen::Decision(s) => s.leave(&mut cx),
        Screen::Checklist(s) => s.leave(&mut cx),
        Screen::Review(s) => s.leave(),
        Screen::Start(_) | Screen::Catalog(_) => Leave::Ok(false),
    };
    match left {
        Leave::Ok(changed) => Some(changed),
        Leave::Refused => None,
    }
}

/// The next step, unless something required is missing: then say what, and focus it. From the
/// last step, the assessment is done: back to the start screen.
fn advance(model: &mut Model) -> Effect {
    let Some(step) = model.step() else { return Effect::None };
    match step.next() {
        Some(next) => go_to(model, next, &Focus::First),
        None => {
            if leave_screen(model).is_none() {
                return Effect::None;
            }
            to_start(model);
            Effect::ListSaves
        }
    }
}

/// The previous step; before About, the start screen.
fn back(model: &mut Model) -> Effect {
    let Some(step) = model.step() else { return Effect::None };
    match step.previous() {
        Some(previous) => go_to(model, previous, &Focus::First),
        None => {
            if leave_screen(model).is_none() {
                return Effect::None;
            }
            model.notes.clear_passing();
            to_start(model);
            Effect::ListSaves
        }
    }
}

/// The start screen, on the assessment just left.
fn to_start(model: &mut Model) {
    let open = model.doc.as_ref().and_then(|d| d.path()).map(|p| p.display().to_string());
    model.screen = Screen::Start(screen::start::State::on(&model.saves, open.as_deref()));
}

/// Moves to `step` with the focus on `focus` (answers are kept).
pub fn go_to(model: &mut Model, step: Step, focus: &Focus) -> Effect {
    let Some(doc) = &model.doc else { return Effect::None };
    // Forward only past what is complete: a step with a missing required answer is where the
    // way on ends, with the focus on what is missing.
    if let Some(current) = model.step()
        && step > current
        && let Some((at, key, missing)) = Step::ALL
            .into_iter()
            .filter(|s| *s < step)
            .find_map(|s| doc.missing(s).map(|(key, m)| (s, key, m)))
    {
        let focus = match missing {
            super::doc::Missing::Title => {
                Focus::Field(super::editor::TextField::About(super::editor::AboutField::Title))
            }
            super::doc::Missing::Question(q) => Focus::Question(q),
        };
        let effect = if at == current {
            let Some(doc) = &mut model.doc else { return Effect::None };
            let mut cx = Cx { env: &model.env, doc, notes: &mut model.notes };
            match (&mut model.screen, missing) {
                (Screen::About(s), _) => s.focus_title(&mut cx),
                (Screen::Scenario(s), super::doc::Missing::Question(q)) => s.focus(&mut cx, q),
                _ => {}
            }
            Effect::Save
        } else {
            go_to(model, at, &focus)
        };
        model.note(Note::missing(key));
        return effect;
    }
    if model.step().is_some() && leave_screen(model).is_none() {
        return Effect::None;
    }
    if let Some(doc) = &mut model.doc {
        if doc.step() != step {
            doc.loaded.assessment.step = step;
            doc.dirty = true;
        }
        doc.reached = doc.reached.max(step);
    }
    // A return point stays only until its own step is shown again.
    if model.return_to.as_ref().is_some_and(|(back, _)| *back == step) {
        model.return_to = None;
    }
    if !model.notes.shown_now {
        model.notes.clear_passing();
    }
    model.show_step(step, focus);
    Effect::Save
}

// ---------------------------------------------------------------------------------------------
// Invariants

/// The model is consistent: the checks the property test runs after every message.
pub fn check_invariants(model: &Model) -> Result<(), String> {
    if let Screen::Start(s) = &model.screen
        && !s.visible(&model.saves).is_empty()
        && s.cursor >= s.visible(&model.saves).len()
    {
        return Err("start cursor out of range".into());
    }
    let Some(step) = model.step() else { return Ok(()) };
    let doc = model.doc.as_ref().ok_or("a step without an assessment")?;
    if doc.step() != step {
        return Err(format!("screen {step:?} but assessment at {:?}", doc.step()));
    }
    let a = &doc.loaded.assessment;
    if step > Step::About && a.meta.title.trim().is_empty() {
        return Err("left About without a title".into());
    }
    if step > Step::Data && doc.missing(Step::Data).is_some() {
        return Err("left Data with a lowered protection need and no reason".into());
    }
    if let Some(draft) = &a.draft
        && a.decision.is_some()
    {
        let mut copy = a.clone();
        crate::domain::decision::keep_draft(&mut copy, draft.clone());
        if copy.draft.is_none() {
            return Err("a draft that says what the decision taken says".into());
        }
    }
    match &model.screen {
        Screen::Scenario(s) => {
            let rows = s.rows(doc);
            if !rows.is_empty() && s.cursor >= rows.len() {
                return Err(format!("cursor {} of {} rows", s.cursor, rows.len()));
            }
            let focused = match s.current_row(doc) {
                Some(super::questions::Row::Text { question }) => Some(question),
                _ => None,
            };
            let editing = s.editor.as_ref().map(|e| e.field);
            let expected = focused.map(screen::scenario::field_of);
            if editing != expected {
                return Err("the editor is not on the focused field".into());
            }
        }
        Screen::Results(s) => {
            if let Some(list) = screen::results::shown(doc)
                && !list.ranked.is_empty()
                && s.ranked >= list.ranked.len()
            {
                return Err("results cursor out of range".into());
            }
            if doc.compare.len() > screen::results::COMPARE_MAX {
                return Err("more than three offerings compared".into());
            }
        }
        Screen::Decision(s) if s.cursor >= screen::decision::rows(doc).len() => {
            return Err("decision cursor out of range".into());
        }
        _ => {}
    }
    let editor = match &model.screen {
        Screen::About(s) => Some(&s.editor),
        Screen::Scenario(s) => s.editor.as_ref(),
        Screen::Decision(s) => s.editor.as_ref(),
        Screen::Checklist(s) => s.editor(),
        _ => None,
    };
    // A list keeps its names; lines not yet typed are no names.
    let names = |text: &str| -> Vec<String> {
        text.split('\n').map(str::trim).filter(|n| !n.is_empty()).map(str::to_string).collect()
    };
    if let Some(e) = editor
        && !e.field.is_date()
        && if e.field.is_list() {
            names(&e.text()) != names(&e.field.value(a))
        } else {
            e.text() != e.field.value(a)
        }
    {
        return Err(format!("editor and assessment disagree on {:?}", e.field));
    }
    Ok(())
}
