//! The wizard's state and every transition: one [`Model`], one [`Msg`] enum and [`update`], which
//! does no I/O. What must happen outside (save, load, quit) comes back as an [`Effect`] that the
//! shell in `tui/mod.rs` runs, feeding the result back as a `Msg`.
//!
//! Part 2 (results, decision, checklist, review) adds screens as further `Step`s: a state struct
//! in [`Doc`], a branch in `update_step`, a view file, and a key-map mode.

use crate::i18n::{Key, k};
use std::path::PathBuf;

use jiff::Timestamp;
use jiff::civil::Date;
use tui_input::InputRequest;

use super::form::{AboutField, Editor, Field};
use super::questions::{self, Question, Row};
use super::theme::Theme;
use crate::domain::answer_value::AnswerValue;
use crate::domain::assessment::{Change, Status};
use crate::domain::catalog::Catalog;
use crate::domain::narrowing::{AnswerId, Shortlist};
use crate::domain::scenario::{Scenario, Step};
use crate::i18n::Texts;
use crate::store::Loaded;

/// The narrowing function; injected so that tests can run the wizard with a fixed shortlist.
pub type Narrower = fn(&Catalog, &Scenario, Date) -> Shortlist;

/// The smallest terminal the wizard draws in.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 20;

/// The About form's "Continue" button comes after the fields.
pub const ABOUT_CONTINUE: usize = AboutField::ALL.len();

/// What a key press means, independent of the key (see `keymap`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    Up,
    Down,
    /// Toggle (multiple choice) or select (single choice).
    Space,
    /// Choose / confirm / next.
    Enter,
    /// Back one step (answers are kept); closes the help overlay.
    Back,
    NextField,
    PrevField,
    Help,
    SaveNow,
    /// Save as a new assessment under a new NAME (the way out when another meetcheck has the
    /// file open); later saves go to the copy.
    SaveCopy,
    /// Save and quit (`q`).
    Quit,
    /// Save if possible and quit whatever happens (Ctrl+C).
    ForceQuit,
    /// ← and → on a choice row: the previous / next option.
    Left,
    Right,
    /// Enter in a multi-line text field.
    NewLine,
    /// Write a document (`e` record; on Review also `n` notice, `r` record of processing).
    Export(crate::export::Kind),
}

/// Everything that can happen to the wizard.
#[derive(Debug)]
pub enum Msg {
    Action(Action),
    /// An edit of the focused text field.
    Edit(InputRequest),
    /// Bracketed paste into the focused text field.
    Paste(String),
    Resize(u16, u16),
    /// About two seconds passed without input while changes were unsaved.
    Idle,
    /// SIGTERM or SIGHUP: save and quit.
    Terminate,
    CatalogLoaded(Box<Catalog>),
    CatalogFailed(String),
    SavesListed(Vec<SaveSummary>),
    Opened(Box<Loaded>),
    OpenFailed(String),
    Saved(Result<PathBuf, String>),
    /// Saved as a copy under a new NAME; `reason` when that happened by itself because the file
    /// was held, changed or gone (the store's words).
    SavedAsCopy {
        path: PathBuf,
        reason: Option<String>,
    },
    /// Saving before quitting failed; the work stays open.
    QuitSaveFailed(String),
    /// A document was written (the path) or not (the error).
    Exported(Result<PathBuf, String>),
}

/// What the shell must do after an update.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    None,
    /// Save if there are unsaved changes (autosave).
    Save,
    /// Save at once and say where (Ctrl+S).
    SaveNow,
    /// Save as a copy under a new NAME and say which (Ctrl+K).
    SaveCopy,
    /// Write a document of the assessment into the current directory (never overwriting).
    Export(crate::export::Kind),
    /// Save (if needed) and quit; with `force` quit even when saving fails.
    Quit {
        force: bool,
    },
    /// Save the open assessment (if any) and start a new one.
    New,
    /// Save the open assessment (if any) and open NAME or PATH.
    Open(String),
    /// Save the open assessment and list the saves again (back to the start screen).
    ListSaves,
}

/// One saved assessment on the start screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SaveSummary {
    /// NAME or PATH to open it with.
    pub target: String,
    pub title: String,
    pub organisation: String,
    pub updated: Timestamp,
    pub step: Step,
    /// Name of the chosen offering, if decided.
    pub chosen: Option<String>,
    pub status: Option<Status>,
    /// The file could not be read: the error, shown instead of the details.
    pub error: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Start,
    Catalog,
    CatalogDetail,
    Step(Step),
}

/// A message line: a text key with placeholder values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    pub error: bool,
    pub key: Key,
    pub args: Vec<(&'static str, NoteArg)>,
}

/// A placeholder value of a note: text shown as it is (a file name, an error, what the user
/// typed), never looked up; or a text in the reader's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoteArg {
    Text(String),
    Worded(Key),
}

impl Note {
    pub fn info(key: Key, args: Vec<(&'static str, String)>) -> Note {
        Note { error: false, key, args: texts_as_they_are(args) }
    }
    pub fn error(key: Key, args: Vec<(&'static str, String)>) -> Note {
        Note { error: true, key, args: texts_as_they_are(args) }
    }
    /// "Missing: …" with what is missing in the reader's language.
    pub fn missing(what: Key) -> Note {
        Note { error: true, key: k::UI_NOTE_MISSING, args: vec![("what", NoteArg::Worded(what))] }
    }
}

fn texts_as_they_are(args: Vec<(&'static str, String)>) -> Vec<(&'static str, NoteArg)> {
    args.into_iter().map(|(name, value)| (name, NoteArg::Text(value))).collect()
}

/// What the last answer changed in the shortlist.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NarrowDiff {
    pub answer: AnswerId,
    /// Offering ids that were in and are now out.
    pub knocked_out: Vec<String>,
    /// Offering ids that were out and are now in.
    pub brought_back: Vec<String>,
}

/// The open assessment and the wizard's state for it.
#[derive(Debug)]
pub struct Doc {
    pub loaded: Loaded,
    /// Changes not yet saved.
    pub dirty: bool,
    /// The text field under the cursor changed since it was entered (save when leaving it).
    pub field_dirty: bool,
    pub about_focus: usize,
    /// Row under the cursor on a scenario step.
    pub cursor: usize,
    pub editor: Option<Editor>,
    pub shortlist: Option<Shortlist>,
    /// The catalogue with the organisation's evidence applied, when there is any evidence (the
    /// shortlist and the results read it; `None`: the catalogue as it is).
    pub with_evidence: Option<Catalog>,
    pub last_change: Option<NarrowDiff>,
    pub saved_to: Option<PathBuf>,
    /// Results, decision, checklist and review.
    pub outcome: super::outcome::OutcomeState,
}

impl Doc {
    pub fn new(loaded: Loaded) -> Doc {
        Doc {
            loaded,
            dirty: false,
            field_dirty: false,
            about_focus: 0,
            cursor: 0,
            editor: None,
            shortlist: None,
            with_evidence: None,
            last_change: None,
            saved_to: None,
            outcome: Default::default(),
        }
    }

    pub fn scenario(&self) -> &Scenario {
        &self.loaded.assessment.scenario
    }

    /// The catalogue as this assessment sees it: with its evidence, else `catalog` itself.
    pub fn seen<'a>(&'a self, catalog: &'a Catalog) -> &'a Catalog {
        self.with_evidence.as_ref().unwrap_or(catalog)
    }

    pub fn step(&self) -> Step {
        self.loaded.assessment.step
    }

    /// The selectable rows of the current step.
    pub fn rows(&self) -> Vec<Row> {
        questions::rows(self.step(), self.scenario())
    }

    pub fn current_row(&self) -> Option<Row> {
        self.rows().get(self.cursor).copied()
    }

    /// The text field the focus is on, if any.
    fn focused_field(&self) -> Option<Field> {
        match self.step() {
            Step::About => AboutField::ALL.get(self.about_focus).map(|f| Field::About(*f)),
            _ => match self.current_row()? {
                Row::Text { question: Question::LoweringReason } => Some(Field::LoweringReason),
                Row::Text { question: Question::RiskAcceptedBy } => Some(Field::RiskAcceptedBy),
                Row::Text { question: Question::Size } => Some(Field::LargestMeeting),
                Row::Text { question: Question::Audience } => Some(Field::Audience),
                _ => None,
            },
        }
    }

    /// Opens the editor on the focused field; returns true when a changed field was left.
    fn sync_editor(&mut self) -> bool {
        let focused = self.focused_field();
        if self.editor.as_ref().map(|e| e.field) == focused {
            return false;
        }
        let left_changed = std::mem::take(&mut self.field_dirty);
        if let Some(left) = self.editor.take() {
            left.close(&mut self.loaded.assessment);
        }
        self.editor = focused.map(|f| Editor::open(f, &self.loaded.assessment));
        left_changed
    }

    /// The row the cursor starts on: the chosen option of the first question.
    fn initial_cursor(&self) -> usize {
        let rows = self.rows();
        let first = rows.first().map(|r| r.question());
        rows.iter()
            .position(|r| match *r {
                Row::Choice { question, option } => {
                    Some(question) == first
                        && (question.is_multi() || question.is_selected(option, self.scenario()))
                }
                Row::Text { .. } => true,
            })
            .unwrap_or(0)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StartState {
    pub saves: Vec<SaveSummary>,
    pub cursor: usize,
    /// The saves are read after the first frame (parsing them takes longer than drawing).
    pub loading: bool,
}

impl StartState {
    /// Saves, then "new assessment", then "browse the catalogue".
    pub fn len(&self) -> usize {
        self.saves.len() + 2
    }

    pub fn is_empty(&self) -> bool {
        false
    }

    pub fn new_row(&self) -> usize {
        self.saves.len()
    }

    pub fn catalog_row(&self) -> usize {
        self.saves.len() + 1
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BrowseState {
    pub cursor: usize,
    /// First line of the detail view.
    pub scroll: u16,
}

pub struct Model {
    pub texts: Texts,
    pub theme: Theme,
    /// Today's date and the current time, set by the shell (fixed in tests).
    pub today: Date,
    pub now: Timestamp,
    /// Time zone for showing times (UTC in tests).
    pub tz: jiff::tz::TimeZone,
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    pub catalog: Option<Catalog>,
    pub narrow: Narrower,
    pub screen: Screen,
    pub start: StartState,
    pub browse: BrowseState,
    pub doc: Option<Doc>,
    pub help: bool,
    pub note: Option<Note>,
    /// Warnings from the store about the open assessment, in words.
    pub warnings: Vec<String>,
    /// A save before quitting failed: the next `q` quits without saving.
    pub quit_armed: bool,
    /// The last save was asked for with Ctrl+S: say where it went.
    pub save_requested: bool,
}

impl Model {
    pub fn new(texts: Texts, theme: Theme, today: Date, now: Timestamp, narrow: Narrower) -> Self {
        Model {
            texts,
            theme,
            today,
            now,
            tz: jiff::tz::TimeZone::UTC,
            size: (80, 24),
            catalog: None,
            narrow,
            screen: Screen::Start,
            start: StartState::default(),
            browse: BrowseState::default(),
            doc: None,
            help: false,
            note: None,
            warnings: Vec::new(),
            quit_armed: false,
            save_requested: false,
        }
    }

    pub fn too_small(&self) -> bool {
        self.size.0 < MIN_WIDTH || self.size.1 < MIN_HEIGHT
    }

    /// Opens an assessment at the step where it was left.
    pub fn open(&mut self, mut loaded: Loaded) {
        if let Some(catalog) = &self.catalog {
            loaded.check_catalog(catalog);
        }
        let mut doc = Doc::new(loaded);
        doc.cursor = doc.initial_cursor();
        doc.sync_editor();
        let step = doc.step();
        self.doc = Some(doc);
        self.screen = Screen::Step(step);
        self.refresh_warnings();
        self.renarrow(None);
    }

    /// The store's warnings about the open assessment, in the model's language.
    fn refresh_warnings(&mut self) {
        let warnings = self.doc.as_ref().map(|d| d.loaded.warnings.as_slice()).unwrap_or(&[]);
        self.warnings = warnings.iter().map(|w| w.message(&self.texts)).collect();
    }

    pub fn dirty(&self) -> bool {
        self.doc.as_ref().is_some_and(|d| d.dirty)
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
        let failed = self.note.as_ref().is_some_and(|n| {
            matches!(
                n.key,
                k::UI_NOTE_SAVE_FAILED | k::UI_NOTE_QUIT_SAVE_FAILED | k::UI_NOTE_SAVED_COPY_AUTO
            )
        });
        elsewhere || failed
    }

    /// Recomputes the shortlist; with `answer`, records what it knocked out or brought back.
    fn renarrow(&mut self, answer: Option<AnswerId>) {
        let (Some(catalog), Some(doc)) = (&self.catalog, &mut self.doc) else { return };
        let proof = crate::domain::evidence::of_assessment(&doc.loaded.assessment);
        doc.with_evidence = match crate::domain::evidence::effective_catalog(catalog, &proof) {
            std::borrow::Cow::Owned(c) => Some(c),
            std::borrow::Cow::Borrowed(_) => None,
        };
        let seen = doc.with_evidence.as_ref().unwrap_or(catalog);
        let new = (self.narrow)(seen, &doc.loaded.assessment.scenario, self.today);
        if let (Some(answer), Some(old)) = (answer, &doc.shortlist) {
            let ids = |v: &[crate::domain::narrowing::Evaluation]| {
                v.iter().map(|e| e.offering.clone()).collect::<Vec<_>>()
            };
            let (old_in, new_in) = (ids(&old.ranked), ids(&new.ranked));
            doc.last_change = Some(NarrowDiff {
                answer,
                knocked_out: old_in.iter().filter(|id| !new_in.contains(id)).cloned().collect(),
                brought_back: new_in.iter().filter(|id| !old_in.contains(id)).cloned().collect(),
            });
        }
        doc.shortlist = Some(new);
        super::outcome::after_narrowing(doc, catalog, self.today, answer.is_some());
    }
}

/// Applies `msg` to the model and says what the shell must do. No I/O, no clock.
pub fn update(model: &mut Model, msg: Msg) -> Effect {
    match msg {
        Msg::Resize(w, h) => {
            model.size = (w, h);
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
        Msg::CatalogLoaded(catalog) => {
            if let Some(doc) = &mut model.doc {
                doc.loaded.check_catalog(&catalog);
            }
            model.catalog = Some(*catalog);
            model.refresh_warnings();
            model.renarrow(None);
            Effect::None
        }
        Msg::CatalogFailed(error) => {
            model.note = Some(Note::error(k::UI_NOTE_CATALOG_FAILED, vec![("error", error)]));
            Effect::None
        }
        Msg::SavesListed(saves) => {
            model.start.saves = saves;
            model.start.loading = false;
            model.start.cursor = model.start.cursor.min(model.start.len() - 1);
            Effect::None
        }
        Msg::Opened(loaded) => {
            model.note = None;
            model.help = false;
            model.open(*loaded);
            Effect::None
        }
        Msg::OpenFailed(error) => {
            model.note = Some(Note::error(k::UI_NOTE_OPEN_FAILED, vec![("error", error)]));
            Effect::None
        }
        Msg::Saved(result) => saved(model, result),
        Msg::SavedAsCopy { path, reason } => saved_as_copy(model, path, reason),
        Msg::QuitSaveFailed(error) => {
            model.quit_armed = true;
            model.note = Some(Note::error(k::UI_NOTE_QUIT_SAVE_FAILED, vec![("error", error)]));
            Effect::None
        }
        Msg::Exported(result) => super::outcome::exported(model, result),
        Msg::Edit(request) if outcome_editing(model) => {
            super::outcome::edit(model, Some(request), None)
        }
        Msg::Paste(text) if outcome_editing(model) => {
            super::outcome::edit(model, None, Some(&text))
        }
        Msg::Edit(request) => edit(model, |editor, a| editor.apply(request, a)),
        Msg::Paste(text) => edit(model, |editor, a| editor.paste(&text, a)),
        Msg::Action(action) => act(model, action),
    }
}

/// A text field of the results … review screens has the focus.
fn outcome_editing(model: &Model) -> bool {
    model.doc.as_ref().is_some_and(|d| super::outcome::editing(d).is_some())
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
            if requested || model.note.as_ref().is_some_and(|n| n.error) {
                let path = path.display().to_string();
                model.note = Some(Note::info(k::UI_NOTE_SAVED, vec![("path", path)]));
            }
        }
        Err(error) => {
            model.note = Some(Note::error(k::UI_NOTE_SAVE_FAILED, vec![("error", error)]));
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
    model.note = Some(match reason {
        // Asked for: a confirmation. By itself: it stays until something else is said.
        None => Note::info(k::UI_NOTE_SAVED_COPY, vec![("name", name), ("path", path)]),
        Some(reason) => Note::error(
            k::UI_NOTE_SAVED_COPY_AUTO,
            vec![("reason", reason), ("name", name), ("path", path)],
        ),
    });
    Effect::None
}

fn edit(
    model: &mut Model,
    apply: impl FnOnce(&mut Editor, &mut crate::domain::assessment::Assessment) -> bool,
) -> Effect {
    let now = model.now;
    let Some(doc) = &mut model.doc else { return Effect::None };
    let Some(editor) = &mut doc.editor else { return Effect::None };
    let number = match editor.field {
        Field::LargestMeeting => Some(AnswerId::Size),
        Field::Audience => Some(AnswerId::Audience),
        _ => None,
    };
    let old = number.map(|answer| AnswerValue::of(doc.scenario(), answer));
    let Some(editor) = &mut doc.editor else { return Effect::None };
    if apply(editor, &mut doc.loaded.assessment) {
        doc.dirty = true;
        doc.field_dirty = true;
        doc.loaded.assessment.meta.updated = now;
        if model.note.as_ref().is_some_and(|n| !n.error || n.key == k::UI_NOTE_MISSING) {
            model.note = None;
        }
        // A number of participants changes the narrowing at once, like a chosen option, and
        // is recorded in the history like one.
        if let (Some(answer), Some(old)) = (number, old) {
            record_change(doc, answer, old, now);
            model.renarrow(number);
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
        Action::SaveNow => return Effect::None,
        Action::SaveCopy if model.doc.is_some() => return Effect::SaveCopy,
        Action::SaveCopy => return Effect::None,
        Action::Help => {
            model.help = !model.help;
            return Effect::None;
        }
        Action::Back if model.help => {
            model.help = false;
            return Effect::None;
        }
        _ if model.help || model.too_small() => return Effect::None,
        _ => {}
    }
    match model.screen {
        Screen::Start => act_start(model, action),
        Screen::Catalog => act_catalog(model, action),
        Screen::CatalogDetail => {
            match action {
                Action::Up => model.browse.scroll = model.browse.scroll.saturating_sub(1),
                Action::Down => {
                    model.browse.scroll = model.browse.scroll.saturating_add(1).min(500)
                }
                Action::Back => model.screen = Screen::Catalog,
                _ => {}
            }
            Effect::None
        }
        Screen::Step(Step::About) => act_about(model, action),
        Screen::Step(step) if step.is_scenario() => act_choice(model, action),
        Screen::Step(_) => super::outcome::act(model, action),
    }
}

fn act_start(model: &mut Model, action: Action) -> Effect {
    let start = &mut model.start;
    match action {
        Action::Up => start.cursor = start.cursor.saturating_sub(1),
        Action::Down => start.cursor = (start.cursor + 1).min(start.len() - 1),
        Action::Enter | Action::Space => {
            if let Some(save) = start.saves.get(start.cursor) {
                // The open assessment itself: go back into it (a second load would meet its lock).
                let open_here = model.doc.as_ref().is_some_and(|d| {
                    let path = d.saved_to.as_ref().or(d.loaded.path.as_ref());
                    path.is_some_and(|p| p.as_os_str() == save.target.as_str())
                });
                if open_here {
                    let step = model_step(model);
                    model.screen = Screen::Step(step);
                    if let Some(doc) = &mut model.doc {
                        doc.cursor = doc.initial_cursor();
                        doc.about_focus = 0;
                        doc.sync_editor();
                    }
                    return Effect::None;
                }
                return Effect::Open(save.target.clone());
            } else if start.cursor == start.new_row() {
                return Effect::New;
            } else if model.catalog.is_some() {
                model.screen = Screen::Catalog;
            }
        }
        _ => {}
    }
    Effect::None
}

fn act_catalog(model: &mut Model, action: Action) -> Effect {
    let count = model.catalog.as_ref().map_or(0, |c| c.offerings.len());
    let browse = &mut model.browse;
    match action {
        Action::Up => browse.cursor = browse.cursor.saturating_sub(1),
        Action::Down => browse.cursor = (browse.cursor + 1).min(count.saturating_sub(1)),
        Action::Enter | Action::Space if count > 0 => {
            browse.scroll = 0;
            model.screen = Screen::CatalogDetail;
        }
        Action::Back => model.screen = Screen::Start,
        _ => {}
    }
    Effect::None
}

fn act_about(model: &mut Model, action: Action) -> Effect {
    let Some(doc) = &mut model.doc else { return Effect::None };
    let before = doc.about_focus;
    let mut effect = Effect::None;
    match action {
        Action::Up | Action::PrevField => doc.about_focus = doc.about_focus.saturating_sub(1),
        Action::Down | Action::NextField => {
            doc.about_focus = (doc.about_focus + 1).min(ABOUT_CONTINUE)
        }
        // In a list of names, Enter after a name adds the next one.
        Action::Enter
            if doc.editor.as_mut().is_some_and(|e| e.add_entry(&mut doc.loaded.assessment)) =>
        {
            doc.dirty = true;
            doc.field_dirty = true;
        }
        Action::Enter if doc.about_focus + 1 < ABOUT_CONTINUE => doc.about_focus += 1,
        Action::Enter => return advance(model),
        Action::Back => return go_to(model, None),
        _ => {}
    }
    if doc.about_focus != before && doc.sync_editor() {
        effect = Effect::Save;
    }
    effect
}

fn act_choice(model: &mut Model, action: Action) -> Effect {
    let now = model.now;
    let Some(doc) = &mut model.doc else { return Effect::None };
    let rows = doc.rows();
    let Some(row) = rows.get(doc.cursor).copied() else { return Effect::None };
    let start_of = |q: Question| rows.iter().position(|r| r.question() == q).unwrap_or(0);
    let mut changed = None;
    match action {
        Action::Up => doc.cursor = doc.cursor.saturating_sub(1),
        Action::Down => doc.cursor = (doc.cursor + 1).min(rows.len() - 1),
        Action::NextField | Action::PrevField => {
            let qs: Vec<Question> = questions::questions(doc.step(), doc.scenario());
            let i = qs.iter().position(|q| *q == row.question()).unwrap_or(0);
            let target = if action == Action::NextField {
                qs.get(i + 1).copied()
            } else {
                i.checked_sub(1).map(|j| qs[j])
            };
            if let Some(q) = target {
                doc.cursor = start_of(q);
            }
        }
        Action::Space => {
            if let Row::Choice { question, option } = row {
                changed = choose(doc, question, option, now);
            }
        }
        Action::Enter => match row {
            Row::Choice { question, option } => {
                if !question.is_multi() {
                    changed = choose(doc, question, option, now);
                }
                if let Some(answer) = changed {
                    model.renarrow(Some(answer));
                }
                return advance(model);
            }
            Row::Text { .. } => doc.cursor = (doc.cursor + 1).min(rows.len() - 1),
        },
        Action::Back => {
            let previous = doc.step().previous();
            return go_to(model, previous);
        }
        _ => {}
    }
    // Rows may appear or vanish with an answer: stay on the same row.
    let new_rows = doc.rows();
    doc.cursor = new_rows
        .iter()
        .position(|r| *r == row && changed.is_some())
        .unwrap_or(doc.cursor)
        .min(new_rows.len().saturating_sub(1));
    let left_changed_field = doc.sync_editor();
    if let Some(answer) = changed {
        model.renarrow(Some(answer));
    }
    if left_changed_field { Effect::Save } else { Effect::None }
}

/// Records a changed answer in the history. Repeated changes of one answer in a row are one
/// change; the first change after a decision was taken starts a new entry.
fn record_change(doc: &mut Doc, answer: AnswerId, old: AnswerValue, now: Timestamp) {
    let a = &mut doc.loaded.assessment;
    let new = AnswerValue::of(&a.scenario, answer);
    let decided = a.decision.as_ref().is_some_and(|d| !d.to_be_confirmed);
    match a.history.last_mut() {
        Some(last) if last.answer == answer && !decided => last.new = new,
        _ => a.history.push(Change { at: now, answer, old, new }),
    }
    a.meta.updated = now;
}

/// Chooses an option and records the change; returns the answer that changed.
fn choose(doc: &mut Doc, question: Question, option: usize, now: Timestamp) -> Option<AnswerId> {
    let answer = question.answer(option)?;
    let a = &mut doc.loaded.assessment;
    let old = AnswerValue::of(&a.scenario, answer);
    if !question.choose(option, &mut a.scenario) {
        return None;
    }
    record_change(doc, answer, old, now);
    doc.dirty = true;
    Some(answer)
}

fn model_step(model: &Model) -> Step {
    model.doc.as_ref().map_or(Step::About, Doc::step)
}

/// What is missing before the current step can be left forward (a text key), if anything.
pub fn missing(doc: &Doc) -> Option<(Key, Option<usize>)> {
    let a = &doc.loaded.assessment;
    match doc.step() {
        Step::About if a.meta.title.trim().is_empty() => Some((k::UI_MISSING_TITLE, Some(0))),
        Step::People if a.scenario.largest_meeting == 0 && a.scenario.audience == 0 => {
            let rows = doc.rows();
            let at = rows.iter().position(|r| r.question() == Question::Size);
            Some((k::UI_MISSING_LARGEST_MEETING, at))
        }
        Step::Data if a.scenario.protection_lowered() => {
            let rows = doc.rows();
            let at = |q: Question| rows.iter().position(|r| r.question() == q);
            if a.scenario.protection_lowered_reason.trim().is_empty() {
                Some((k::UI_MISSING_LOWERING_REASON, at(Question::LoweringReason)))
            } else if a.scenario.protection_risk_accepted_by.trim().is_empty() {
                Some((k::UI_MISSING_RISK_ACCEPTED_BY, at(Question::RiskAcceptedBy)))
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Next step, unless something required is missing: then say what and stay.
fn advance(model: &mut Model) -> Effect {
    let Some(doc) = &mut model.doc else { return Effect::None };
    if let Some((key, focus)) = missing(doc) {
        if let Some(focus) = focus {
            if doc.step() == Step::About {
                doc.about_focus = focus;
            } else {
                doc.cursor = focus;
            }
        }
        if doc.sync_editor() {
            doc.dirty = true;
        }
        model.note = Some(Note::missing(key));
        return Effect::Save;
    }
    let next = doc.step().next();
    go_to(model, next)
}

/// Moves to `step` (answers are kept); `None` before About goes back to the start screen.
pub(super) fn go_to(model: &mut Model, step: Option<Step>) -> Effect {
    let Some(doc) = &mut model.doc else { return Effect::None };
    let Some(step) = step else {
        if let Some(left) = doc.editor.take() {
            left.close(&mut doc.loaded.assessment);
        }
        doc.field_dirty = false;
        model.note = None;
        model.screen = Screen::Start;
        return Effect::ListSaves;
    };
    if doc.step() != step {
        doc.loaded.assessment.step = step;
        doc.dirty = true;
    }
    doc.field_dirty = false;
    doc.about_focus = 0;
    doc.cursor = doc.initial_cursor();
    if let Some(left) = doc.editor.take() {
        left.close(&mut doc.loaded.assessment);
    }
    doc.sync_editor();
    super::outcome::entered(doc, step);
    model.screen = Screen::Step(step);
    if model.note.as_ref().is_some_and(|n| n.key == k::UI_NOTE_MISSING || !n.error) {
        model.note = None;
    }
    Effect::Save
}

/// The model is consistent: the checks the property test runs after every message.
pub fn check_invariants(model: &Model) -> Result<(), String> {
    if model.start.cursor >= model.start.len() {
        return Err("start cursor out of range".into());
    }
    if let Screen::Step(step) = model.screen {
        let doc = model.doc.as_ref().ok_or("a step without an assessment")?;
        if doc.step() != step {
            return Err(format!("screen {step:?} but assessment at {:?}", doc.step()));
        }
        if doc.about_focus > ABOUT_CONTINUE {
            return Err("about focus out of range".into());
        }
        let rows = doc.rows();
        if !rows.is_empty() && doc.cursor >= rows.len() {
            return Err(format!("cursor {} of {} rows", doc.cursor, rows.len()));
        }
        if step > Step::About && doc.loaded.assessment.meta.title.trim().is_empty() {
            return Err("left About without a title".into());
        }
        super::outcome::check(doc)?;
        if step > Step::Data && missing_on_data(doc) {
            return Err("left Data with a lowered protection need and no reason".into());
        }
        if doc.editor.as_ref().map(|e| e.field) != doc.focused_field() {
            return Err("editor is not on the focused field".into());
        }
        if let Some(editor) = &doc.editor
            && editor.input.value() != editor.field.value(&doc.loaded.assessment)
        {
            return Err("editor and assessment disagree".into());
        }
    }
    Ok(())
}

fn missing_on_data(doc: &Doc) -> bool {
    let s = doc.scenario();
    s.protection_lowered()
        && (s.protection_lowered_reason.trim().is_empty()
            || s.protection_risk_accepted_by.trim().is_empty())
}
