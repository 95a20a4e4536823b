//! The wizard in the terminal (The Elm Architecture). This file is the thin shell: terminal
//! lifecycle, signals, the event loop, and running the [`app::Effect`]s that `update` returns.
//!
//! Input and signals arrive on one channel from two small threads, so the loop blocks in
//! `recv()` when nothing is pending (no busy loop, no redraw loop) and waits with a timeout only
//! while unsaved changes are pending (autosave after about two seconds of quiet).

pub mod app;
pub mod form;
pub mod keymap;
pub mod outcome;
pub mod outcome_fields;
pub mod questions;
pub mod theme;
pub mod view;

use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use jiff::Timestamp;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use ratatui::crossterm::execute;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

use crate::domain::catalog::Catalog;
use crate::store::Loaded;
use app::{Effect, Model, Msg, SaveSummary, update};

/// Unsaved changes are saved after this much quiet.
pub const IDLE_SAVE: Duration = Duration::from_secs(2);

/// The I/O the wizard needs, provided by the `start` command (and by fakes in tests).
pub trait Io {
    fn load_catalog(&mut self) -> Result<Catalog, String>;
    fn list_saves(&mut self) -> Vec<SaveSummary>;
    /// Whether the saves directory holds any save at all (cheap: no file is parsed).
    fn any_saves(&mut self) -> bool;
    fn open(&mut self, target: &str) -> Result<Loaded, String>;
    /// A new, unsaved assessment.
    fn create(&mut self, now: Timestamp) -> Loaded;
    /// Saves and returns the path written.
    fn save(&mut self, loaded: &mut Loaded) -> Result<PathBuf, String>;
    /// Saves on the way out; if that fails, writes an emergency copy and says where.
    fn save_on_quit(&mut self, loaded: &mut Loaded) -> Result<PathBuf, String>;
}

/// How the wizard ended.
pub struct Exit {
    pub model: Model,
    /// Saving on the way out failed (the caller prints it with what to do).
    pub save_error: Option<String>,
    /// The terminal went away (SIGHUP): nothing can be printed to it.
    pub hung_up: bool,
}

enum Input {
    Event(Event),
    ReadFailed,
    Signal(i32),
}

/// Runs the wizard until the user quits or a signal arrives; the terminal is restored in every
/// case (ratatui's panic hook covers panics).
pub fn run(model: Model, io: &mut dyn Io) -> anyhow::Result<Exit> {
    let (tx, rx) = mpsc::channel();
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    let signal_tx = tx.clone();
    std::thread::spawn(move || {
        for signal in signals.forever() {
            if signal_tx.send(Input::Signal(signal)).is_err() {
                break;
            }
        }
    });

    // Bracketed paste is not part of ratatui's restore: undo it in the panic hook too. ratatui's
    // own hook (installed by `init`) restores first, then calls this one.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableBracketedPaste);
        previous(info);
    }));
    let mut terminal = ratatui::try_init()?;
    let _ = execute!(io::stdout(), EnableBracketedPaste);

    std::thread::spawn(move || {
        loop {
            let input = match event::read() {
                Ok(event) => Input::Event(event),
                Err(_) => Input::ReadFailed,
            };
            let failed = matches!(input, Input::ReadFailed);
            if tx.send(input).is_err() || failed {
                break;
            }
        }
    });

    let result = event_loop(&mut terminal, model, io, rx);
    let hung_up = result.as_ref().is_ok_and(|e| e.hung_up);
    let _ = execute!(io::stdout(), DisableBracketedPaste);
    let restored = ratatui::try_restore();
    if !hung_up {
        restored?;
        let _ = io::stdout().flush();
    }
    result
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    mut model: Model,
    io: &mut dyn Io,
    rx: Receiver<Input>,
) -> anyhow::Result<Exit> {
    let size = terminal.size()?;
    model.size = (size.width, size.height);
    terminal.draw(|frame| view::draw(frame, &model))?;
    // The first frame is on screen; now the time zone, the saved assessments and the catalogue.
    model.tz = jiff::tz::TimeZone::system();
    if model.start.loading {
        let saves = io.list_saves();
        update(&mut model, Msg::SavesListed(saves));
        terminal.draw(|frame| view::draw(frame, &model))?;
    }
    let loaded = match io.load_catalog() {
        Ok(catalog) => Msg::CatalogLoaded(Box::new(catalog)),
        Err(error) => Msg::CatalogFailed(error),
    };
    if let Some(save_error) = dispatch(&mut model, io, loaded) {
        return Ok(Exit { model, save_error, hung_up: false });
    }
    let mut last_input = Instant::now();
    loop {
        terminal.draw(|frame| view::draw(frame, &model))?;
        let input = if model.dirty() {
            let wait = (last_input + IDLE_SAVE).saturating_duration_since(Instant::now());
            match rx.recv_timeout(wait) {
                Ok(input) => Some(input),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => Some(Input::ReadFailed),
            }
        } else {
            Some(rx.recv().unwrap_or(Input::ReadFailed))
        };
        let (msg, hung_up) = match input {
            None => (Msg::Idle, false),
            Some(Input::Event(event)) => {
                last_input = Instant::now();
                // A key can be read before the resize that preceded it (crossterm polls the tty
                // and its resize signal together): judge the key at the size on screen now.
                if let Ok(size) = terminal.size()
                    && (size.width, size.height) != model.size
                {
                    update(&mut model, Msg::Resize(size.width, size.height));
                }
                match keymap::msg_for(keymap::mode(&model), &event) {
                    Some(msg) => (msg, false),
                    None => continue,
                }
            }
            // The terminal is gone (or input broke): save and leave without drawing again.
            Some(Input::ReadFailed) => (Msg::Terminate, true),
            Some(Input::Signal(signal)) => (Msg::Terminate, signal == SIGHUP),
        };
        if let Some(save_error) = dispatch(&mut model, io, msg) {
            return Ok(Exit { model, save_error, hung_up });
        }
    }
}

/// Updates the model and runs the effect. `Some` ends the wizard, with the error of the last
/// save if it failed.
fn dispatch(model: &mut Model, io: &mut dyn Io, msg: Msg) -> Option<Option<String>> {
    model.now = Timestamp::now();
    model.today = model.now.to_zoned_datetime(model.tz.clone()).date();
    match update(model, msg) {
        Effect::None => {}
        Effect::Save => {
            if model.dirty() {
                save(model, io);
            }
        }
        Effect::SaveNow => save(model, io),
        Effect::Quit { force } => {
            let needs_save = model.doc.as_ref().is_some_and(|d| d.dirty);
            let error = if needs_save { save_for_exit(model, io, force) } else { None };
            match error {
                Some(error) if !force => {
                    update(model, Msg::QuitSaveFailed(error));
                }
                save_error => return Some(save_error),
            }
        }
        Effect::New => {
            save_if_dirty(model, io);
            let loaded = io.create(model.now);
            update(model, Msg::Opened(Box::new(loaded)));
        }
        Effect::Open(target) => {
            save_if_dirty(model, io);
            let msg = match io.open(&target) {
                Ok(loaded) => Msg::Opened(Box::new(loaded)),
                Err(error) => Msg::OpenFailed(error),
            };
            update(model, msg);
        }
        Effect::Export(kind) => {
            let result = export(model, kind);
            update(model, Msg::Exported(result));
        }
        Effect::ListSaves => {
            save_if_dirty(model, io);
            let saves = io.list_saves();
            update(model, Msg::SavesListed(saves));
        }
    }
    None
}

/// Writes a document of the open assessment into the current directory under a numbered name.
fn export(model: &Model, kind: crate::export::Kind) -> Result<PathBuf, String> {
    let doc =
        model.doc.as_ref().ok_or_else(|| model.texts.get("ui.review.nothing_open").to_string())?;
    let catalog =
        model.catalog.as_ref().ok_or_else(|| model.texts.get("ui.panel.loading").to_string())?;
    let dir = std::env::current_dir().map_err(|e| e.to_string())?;
    crate::export::write_default(
        &dir,
        kind,
        &doc.loaded.assessment,
        catalog,
        &model.texts,
        model.today,
    )
    .map_err(|e| format!("{}: {e}", dir.display()))
}

fn save_if_dirty(model: &mut Model, io: &mut dyn Io) {
    if model.dirty() {
        save(model, io);
    }
}

fn save(model: &mut Model, io: &mut dyn Io) {
    let Some(doc) = &mut model.doc else { return };
    let result = io.save(&mut doc.loaded);
    update(model, Msg::Saved(result));
}

/// With `force` (Ctrl+C, signals, a second `q`) a failed save leaves an emergency copy.
fn save_for_exit(model: &mut Model, io: &mut dyn Io, force: bool) -> Option<String> {
    let doc = model.doc.as_mut()?;
    let result = if force { io.save_on_quit(&mut doc.loaded) } else { io.save(&mut doc.loaded) };
    let error = result.as_ref().err().cloned();
    update(model, Msg::Saved(result));
    error
}
