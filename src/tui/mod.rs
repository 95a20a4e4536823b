//! The wizard in the terminal (The Elm Architecture). This file is the thin shell: terminal
//! lifecycle, signals, the event loop, and running the [`app::Effect`]s that `update` returns.
//!
//! Input and signals arrive on one channel from two small threads, so the loop blocks when
//! nothing is pending (no busy loop, no redraw loop); it wakes once a second to notice a terminal
//! that went away without a signal, and earlier while unsaved changes wait for the autosave.
//!
//! Never orphaned, never stuck:
//! - the terminal going away (end of input, a read error, SIGHUP) saves and exits; the input
//!   thread waits on the terminal itself with poll(2), so a hung-up terminal is seen as such
//!   instead of being read in a loop;
//! - Ctrl+C, SIGTERM, SIGINT and SIGHUP jump the queue of pending keys;
//! - if the loop has not ended [`STUCK_AFTER`] after one of those, the process leaves anyway;
//! - restoring the terminal never panics: errors of a dead terminal are ignored, and ratatui's
//!   `Terminal` is never dropped with a hidden cursor it cannot show (its drop would print).

use crate::i18n::k;
pub mod action;
pub mod app;
pub mod doc;
pub mod editor;
pub mod env;
pub mod form;
pub mod keymap;
pub mod msg;
pub mod questions;
pub mod screen;
pub mod text;
pub mod theme;
pub mod view;

use std::io::{self, Write};
use std::mem::ManuallyDrop;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender, TryRecvError};
use std::time::{Duration, Instant};

use jiff::Timestamp;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, EnableBracketedPaste, Event, KeyCode, KeyModifiers,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGWINCH};
use signal_hook::iterator::Signals;

use crate::domain::catalog::Catalog;
use crate::store::Loaded;
use app::{Action, Effect, Model, Msg, SaveSummary, update};

/// Unsaved changes are saved after this much quiet.
pub const IDLE_SAVE: Duration = Duration::from_secs(2);
/// How often an idle wizard checks that its terminal is still there.
const ALIVE_CHECK: Duration = Duration::from_secs(1);
/// While keys keep coming, the screen is still redrawn this often.
const REDRAW_UNDER_LOAD: Duration = Duration::from_millis(100);
/// After a signal, the process leaves by itself when the loop has not ended by then (it is
/// stuck in I/O that does not return).
pub const STUCK_AFTER: Duration = Duration::from_secs(10);

/// The I/O the wizard needs, provided by the `start` command (and by fakes in tests).
pub trait Io {
    fn load_catalog(&mut self) -> Result<Catalog, String>;
    fn list_saves(&mut self) -> Vec<SaveSummary>;
    /// Whether the saves directory holds any save at all (cheap: no file is parsed).
    fn any_saves(&mut self) -> bool;
    fn open(&mut self, target: &str) -> Result<Loaded, String>;
    /// Reads a saved assessment without opening it for editing (no lock).
    fn inspect(&mut self, target: &str) -> Result<crate::domain::assessment::Assessment, String>;
    /// A new, unsaved assessment with the answers of a saved one.
    fn copy(&mut self, target: &str, now: Timestamp) -> Result<Loaded, String>;
    /// Deletes a saved assessment and its backup; returns its title.
    fn delete(&mut self, target: &str) -> Result<String, String>;
    /// A new, unsaved assessment.
    fn create(&mut self, now: Timestamp) -> Loaded;
    /// Saves and returns the path written.
    fn save(&mut self, loaded: &mut Loaded) -> Result<PathBuf, SaveFailure>;
    /// Saves as a new assessment in the saves directory under a new NAME, leaving the file it
    /// came from as it is; later saves go to the copy.
    fn save_as_copy(&mut self, loaded: &mut Loaded) -> Result<PathBuf, String>;
    /// The last resort when the saves directory cannot be written: an emergency copy elsewhere.
    /// With `unseen` (nobody can read the terminal any more) it also leaves a note that the
    /// next start reports.
    fn rescue(&mut self, loaded: &Loaded, unseen: bool) -> Result<PathBuf, String>;
}

/// A save that did not happen.
#[derive(Clone, Debug)]
pub struct SaveFailure {
    /// What happened and what to do, in the user's language.
    pub message: String,
    /// Another meetcheck holds the file, or it changed or vanished: a copy is the way out.
    pub conflict: bool,
}

/// How the wizard ended.
pub struct Exit {
    pub model: Model,
    /// Saving on the way out failed (the caller prints it with what to do).
    pub save_error: Option<String>,
    /// The terminal went away (SIGHUP, end of input): nothing can be printed to it.
    pub hung_up: bool,
}

enum Input {
    Event(Event),
    /// End of input or a read error: the terminal is gone.
    Gone,
    /// A signal woke the loop; what it means is in [`Urgent`].
    Signal,
    /// The terminal changed size (SIGWINCH).
    Resized,
}

/// What must happen before any key still queued: kept in one atomic, raised by the input and
/// signal threads, the strongest wins.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[repr(u8)]
enum Urgent {
    Nothing = 0,
    /// Ctrl+C.
    ForceQuit = 1,
    /// SIGTERM, SIGINT.
    Terminate = 2,
    /// SIGHUP or the terminal gone.
    HangUp = 3,
}

impl Urgent {
    fn raise(flag: &AtomicU8, to: Urgent) {
        flag.fetch_max(to as u8, Ordering::SeqCst);
        arm_watchdog();
    }

    fn take(flag: &AtomicU8) -> Urgent {
        match flag.swap(0, Ordering::SeqCst) {
            1 => Urgent::ForceQuit,
            2 => Urgent::Terminate,
            3 => Urgent::HangUp,
            _ => Urgent::Nothing,
        }
    }
}

/// Runs the wizard until the user quits, a signal arrives or the terminal goes away; the
/// terminal is restored in every case, panics included.
pub fn run(model: Model, io: &mut dyn Io) -> anyhow::Result<Exit> {
    let (tx, rx) = mpsc::channel();
    let urgent = Arc::new(AtomicU8::new(0));
    let signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGWINCH])?;
    {
        let (tx, urgent) = (tx.clone(), urgent.clone());
        std::thread::spawn(move || watch_signals(signals, tx, urgent));
    }
    let mut screen = Screen::enter()?;
    {
        let urgent = urgent.clone();
        std::thread::spawn(move || read_input(tx, urgent));
    }
    let result = event_loop(&mut screen.terminal, model, io, rx, &urgent);
    let gone = result.as_ref().map_or(true, |e| e.hung_up);
    let left = screen.leave();
    if !gone {
        left?;
    }
    result
}

/// The terminal in raw mode on the alternate screen, restored on drop (also while unwinding).
struct Screen {
    terminal: ManuallyDrop<DefaultTerminal>,
    left: bool,
}

impl Screen {
    fn enter() -> io::Result<Screen> {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = restore_terminal();
            previous(info);
        }));
        enable_raw_mode()?;
        let entered = execute!(io::stdout(), EnterAlternateScreen);
        let terminal = entered.and_then(|()| {
            ratatui::Terminal::new(ratatui::backend::CrosstermBackend::new(io::stdout()))
        });
        let terminal = match terminal {
            Ok(terminal) => terminal,
            Err(e) => {
                let _ = restore_terminal();
                return Err(e);
            }
        };
        let _ = execute!(io::stdout(), EnableBracketedPaste);
        Ok(Screen { terminal: ManuallyDrop::new(terminal), left: false })
    }

    /// Shows the cursor and leaves raw mode and the alternate screen; the first error, if any.
    fn leave(&mut self) -> io::Result<()> {
        if self.left {
            return Ok(());
        }
        self.left = true;
        let shown = self.terminal.show_cursor();
        if shown.is_ok() {
            // SAFETY: dropped once (`left` guards), and never used again.
            unsafe { ManuallyDrop::drop(&mut self.terminal) };
        }
        // Otherwise the terminal is leaked on purpose: its drop would try again and print the
        // failure to standard error, which panics when standard error is the dead terminal.
        let restored = restore_terminal();
        shown.and(restored)
    }
}

impl Drop for Screen {
    fn drop(&mut self) {
        let _ = self.leave();
    }
}

/// Leaves raw mode, bracketed paste and the alternate screen, showing the cursor. Every step is
/// tried even when one fails (a dead terminal fails them all).
fn restore_terminal() -> io::Result<()> {
    let raw = disable_raw_mode();
    let mut out = io::stdout();
    let screen = execute!(
        out,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        ratatui::crossterm::cursor::Show
    );
    let _ = out.flush();
    raw.and(screen)
}

/// Signals become messages; the urgent ones also jump the queue.
fn watch_signals(mut signals: Signals, tx: Sender<Input>, urgent: Arc<AtomicU8>) {
    for signal in signals.forever() {
        let input = match signal {
            SIGWINCH => Input::Resized,
            SIGHUP => {
                Urgent::raise(&urgent, Urgent::HangUp);
                Input::Signal
            }
            _ => {
                Urgent::raise(&urgent, Urgent::Terminate);
                Input::Signal
            }
        };
        if tx.send(input).is_err() {
            break;
        }
    }
}

/// Once the wizard has been told to end (Ctrl+C, a signal, the terminal gone), a loop stuck in
/// I/O that does not return cannot keep the process, and the assessment's lock, alive: after
/// [`STUCK_AFTER`] it leaves anyway. The atomic save means the last saved version is intact.
fn arm_watchdog() {
    static ARMED: std::sync::Once = std::sync::Once::new();
    ARMED.call_once(|| {
        std::thread::spawn(|| {
            std::thread::sleep(STUCK_AFTER);
            let _ = restore_terminal();
            let _ = writeln!(io::stderr(), "meetcheck: {STUCK_MESSAGE}");
            std::process::exit(1);
        });
    });
}

/// Printed (where possible) when the wizard had to leave without finishing.
const STUCK_MESSAGE: &str = "stopped: a file operation did not return after quitting was asked for; the last saved version is unchanged";

/// Reads terminal events until the terminal goes away. It waits on the terminal with poll(2)
/// first and asks crossterm only with a bounded wait: crossterm reads a hung-up terminal again
/// and again without returning, so it must never be left waiting on one.
fn read_input(tx: Sender<Input>, urgent: Arc<AtomicU8>) {
    let gone = |tx: &Sender<Input>| {
        Urgent::raise(&urgent, Urgent::HangUp);
        let _ = tx.send(Input::Gone);
    };
    loop {
        if !terminal::wait_for_input() {
            return gone(&tx);
        }
        // Everything the terminal has now, and every event crossterm parsed from it.
        loop {
            match event::poll(READ_SLICE) {
                Ok(true) => {}
                Ok(false) => break,
                Err(_) => return gone(&tx),
            }
            let Ok(event) = event::read() else { return gone(&tx) };
            if is_ctrl_c(&event) {
                Urgent::raise(&urgent, Urgent::ForceQuit);
            }
            if tx.send(Input::Event(event)).is_err() {
                return;
            }
        }
    }
}

/// The longest crossterm is asked to wait for an event (it cannot tell a hung-up terminal).
const READ_SLICE: Duration = Duration::from_millis(5);

fn is_ctrl_c(event: &Event) -> bool {
    event.as_key_press_event().is_some_and(|key| {
        key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL)
    })
}

/// The terminal seen through standard input, without reading from it.
mod terminal {
    /// Blocks until standard input has something to read; false when the terminal hung up or
    /// standard input broke.
    #[cfg(unix)]
    pub fn wait_for_input() -> bool {
        loop {
            match poll_stdin(-1) {
                Some(revents)
                    if revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 =>
                {
                    return false;
                }
                Some(revents) if revents & libc::POLLIN != 0 => return true,
                Some(_) => continue,
                None => return false,
            }
        }
    }

    /// The terminal hung up (checked without waiting).
    #[cfg(unix)]
    pub fn gone() -> bool {
        match poll_stdin(0) {
            Some(revents) => revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0,
            None => true,
        }
    }

    /// poll(2) on standard input; `None` on an error other than an interruption.
    #[cfg(unix)]
    fn poll_stdin(timeout_ms: i32) -> Option<libc::c_short> {
        loop {
            let mut fd = libc::pollfd { fd: libc::STDIN_FILENO, events: libc::POLLIN, revents: 0 };
            // SAFETY: one valid pollfd for the duration of the call.
            let ready = unsafe { libc::poll(&mut fd, 1, timeout_ms) };
            if ready >= 0 {
                return Some(fd.revents);
            }
            if std::io::Error::last_os_error().kind() != std::io::ErrorKind::Interrupted {
                return None;
            }
        }
    }

    #[cfg(not(unix))]
    pub fn wait_for_input() -> bool {
        true
    }

    #[cfg(not(unix))]
    pub fn gone() -> bool {
        false
    }
}

/// The event loop: draws when nothing is pending (and now and then under a stream of keys),
/// turns inputs into messages, and ends with the state to save and report.
fn event_loop(
    terminal: &mut DefaultTerminal,
    mut model: Model,
    io: &mut dyn Io,
    rx: Receiver<Input>,
    urgent: &AtomicU8,
) -> anyhow::Result<Exit> {
    let mut shell = Shell { terminal, gone: false };
    if let Ok(size) = shell.terminal.size() {
        model.env.size = (size.width, size.height);
    }
    shell.draw(&model);
    // The first frame is on screen; now the time zone, the saved assessments and the catalogue.
    model.env.tz = jiff::tz::TimeZone::system();
    if model.saves_loading {
        let saves = io.list_saves();
        update(&mut model, Msg::SavesListed(saves));
        shell.draw(&model);
    }
    let loaded = match io.load_catalog() {
        Ok(catalog) => Msg::CatalogLoaded(Box::new(catalog)),
        Err(error) => Msg::CatalogFailed(error),
    };
    if let Some(save_error) = dispatch(&mut model, io, loaded, false) {
        return Ok(Exit { model, save_error, hung_up: false });
    }
    let mut last_input = Instant::now();
    let mut drawn = false;
    let mut last_draw = Instant::now();
    loop {
        // Quitting and signals come before any key still queued.
        let first = match Urgent::take(urgent) {
            Urgent::Nothing => None,
            Urgent::ForceQuit => Some((Msg::Action(Action::ForceQuit), false)),
            Urgent::Terminate => Some((Msg::Terminate, false)),
            Urgent::HangUp => Some((Msg::Terminate, true)),
        };
        if let Some((msg, hung_up)) = first {
            let gone = hung_up || shell.gone;
            if let Some(save_error) = dispatch(&mut model, io, msg, gone) {
                return Ok(Exit { model, save_error, hung_up: gone });
            }
            continue;
        }
        if shell.gone {
            // The screen cannot be written any more: leave as on a hang-up.
            Urgent::raise(urgent, Urgent::HangUp);
            continue;
        }
        let input = match rx.try_recv() {
            Ok(input) => {
                if !drawn && last_draw.elapsed() >= REDRAW_UNDER_LOAD {
                    shell.draw(&model);
                    drawn = true;
                    last_draw = Instant::now();
                }
                Some(input)
            }
            Err(TryRecvError::Disconnected) => Some(Input::Gone),
            Err(TryRecvError::Empty) => {
                if !drawn {
                    shell.draw(&model);
                    drawn = true;
                    last_draw = Instant::now();
                }
                let idle_at = last_input + IDLE_SAVE;
                let wait = if model.dirty() {
                    idle_at.saturating_duration_since(Instant::now()).min(ALIVE_CHECK)
                } else {
                    ALIVE_CHECK
                };
                match rx.recv_timeout(wait) {
                    Ok(input) => Some(input),
                    Err(RecvTimeoutError::Timeout) => None,
                    Err(RecvTimeoutError::Disconnected) => Some(Input::Gone),
                }
            }
        };
        let msg = match input {
            None => {
                if terminal::gone() {
                    Urgent::raise(urgent, Urgent::HangUp);
                    continue;
                }
                if !(model.dirty() && Instant::now() >= last_input + IDLE_SAVE) {
                    continue;
                }
                // A save that keeps failing is tried again after the next quiet spell, not in
                // a loop.
                last_input = Instant::now();
                Msg::Idle
            }
            Some(Input::Gone) => {
                Urgent::raise(urgent, Urgent::HangUp);
                continue;
            }
            // The urgent flag already says what the signal means.
            Some(Input::Signal) => continue,
            Some(Input::Resized) => match shell.terminal.size() {
                Ok(size) => Msg::Resize(size.width, size.height),
                Err(_) => continue,
            },
            Some(Input::Event(event)) => {
                last_input = Instant::now();
                // A key can be read before the resize that preceded it (crossterm polls the tty
                // and its resize signal together): judge the key at the size on screen now.
                if let Ok(size) = shell.terminal.size()
                    && (size.width, size.height) != model.env.size
                {
                    update(&mut model, Msg::Resize(size.width, size.height));
                    drawn = false;
                }
                match app::keys(&model).msg_for(&event) {
                    Some(msg) => msg,
                    None => continue,
                }
            }
        };
        drawn = false;
        if let Some(save_error) = dispatch(&mut model, io, msg, false) {
            return Ok(Exit { model, save_error, hung_up: false });
        }
    }
}

/// The terminal as the loop uses it: a failed draw means the terminal is gone.
struct Shell<'a> {
    terminal: &'a mut DefaultTerminal,
    gone: bool,
}

impl Shell<'_> {
    fn draw(&mut self, model: &Model) {
        if self.gone {
            return;
        }
        if self.terminal.draw(|frame| view::draw(frame, model)).is_err() {
            self.gone = true;
        }
    }
}

/// Updates the model and runs the effect. `Some` ends the wizard, with the error of the last
/// save if it failed. `gone`: nobody can read the terminal any more.
fn dispatch(model: &mut Model, io: &mut dyn Io, msg: Msg, gone: bool) -> Option<Option<String>> {
    model.env.now = Timestamp::now();
    model.env.today = model.env.now.to_zoned_datetime(model.env.tz.clone()).date();
    match update(model, msg) {
        Effect::None => {}
        Effect::Save => {
            if model.dirty() {
                save(model, io);
            }
        }
        Effect::SaveNow => {
            save(model, io);
        }
        Effect::SaveCopy => save_copy(model, io),
        Effect::Quit { force } => {
            let needs_save = model.doc.as_ref().is_some_and(|d| d.dirty);
            let error = if needs_save { save_for_exit(model, io, force, gone) } else { None };
            match error {
                Some(error) if !force => {
                    update(model, Msg::QuitSaveFailed(error));
                }
                save_error => return Some(save_error),
            }
        }
        Effect::New => {
            save_if_dirty(model, io);
            let loaded = io.create(model.env.now);
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
        Effect::ExportSaved(target, kind) => {
            let result = io.inspect(&target).and_then(|a| export_assessment(model, &a, kind));
            update(model, Msg::Exported(result));
        }
        Effect::Copy(target) => {
            save_if_dirty(model, io);
            let msg = match io.copy(&target, model.env.now) {
                Ok(loaded) => Msg::Opened(Box::new(loaded)),
                Err(error) => Msg::OpenFailed(error),
            };
            update(model, msg);
        }
        Effect::Delete(target) => {
            let result = io.delete(&target);
            if let Effect::ListSaves = update(model, Msg::Deleted(result)) {
                let saves = io.list_saves();
                update(model, Msg::SavesListed(saves));
            }
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
    let t = &model.env.texts;
    let doc = model.doc.as_ref().ok_or_else(|| t.get(k::UI_REVIEW_NOTHING_OPEN).to_string())?;
    export_assessment(model, &doc.loaded.assessment, kind)
}

/// Writes a document of `assessment` into the current directory under a numbered name.
fn export_assessment(
    model: &Model,
    assessment: &crate::domain::assessment::Assessment,
    kind: crate::export::Kind,
) -> Result<PathBuf, String> {
    let t = &model.env.texts;
    let catalog =
        model.env.catalog.as_ref().ok_or_else(|| t.get(k::UI_PANEL_LOADING).to_string())?;
    let dir = std::env::current_dir().map_err(|e| e.to_string())?;
    crate::export::write_default(&dir, kind, assessment, catalog, t, model.env.today)
        .map_err(|e| format!("{}: {e}", dir.display()))
}

fn save_if_dirty(model: &mut Model, io: &mut dyn Io) {
    if model.dirty() {
        save(model, io);
    }
}

/// Saves; when another meetcheck holds the file, or it changed or vanished underneath, the work
/// goes into a copy under a new NAME in the saves directory instead, and the user is told. Returns
/// the error when nothing could be saved.
fn save(model: &mut Model, io: &mut dyn Io) -> Option<String> {
    let doc = model.doc.as_mut()?;
    let msg = match io.save(&mut doc.loaded) {
        Ok(path) => Msg::Saved(Ok(path)),
        Err(failure) if failure.conflict => match io.save_as_copy(&mut doc.loaded) {
            Ok(path) => Msg::SavedAsCopy { path, reason: Some(failure.message) },
            Err(error) => Msg::Saved(Err(format!("{} {error}", failure.message))),
        },
        Err(failure) => Msg::Saved(Err(failure.message)),
    };
    let error = match &msg {
        Msg::Saved(Err(error)) => Some(error.clone()),
        _ => None,
    };
    update(model, msg);
    error
}

fn save_copy(model: &mut Model, io: &mut dyn Io) {
    let Some(doc) = model.doc.as_mut() else { return };
    let msg = match io.save_as_copy(&mut doc.loaded) {
        Ok(path) => Msg::SavedAsCopy { path, reason: None },
        Err(error) => Msg::Saved(Err(error)),
    };
    update(model, msg);
}

/// Saves before quitting. With `force` (Ctrl+C, signals, a second `q`) a save that fails
/// leaves an emergency copy, and the returned message says where.
fn save_for_exit(model: &mut Model, io: &mut dyn Io, force: bool, gone: bool) -> Option<String> {
    let error = save(model, io)?;
    if !force {
        return Some(error);
    }
    let doc = model.doc.as_ref()?;
    let t = &model.env.texts;
    Some(match io.rescue(&doc.loaded, gone) {
        Ok(copy) => {
            t.fmt(k::UI_EXIT_RESCUED, &[("error", &error), ("copy", &copy.display().to_string())])
        }
        Err(rescue) => t.fmt(k::UI_EXIT_LOST, &[("error", &error), ("rescue", &rescue)]),
    })
}
