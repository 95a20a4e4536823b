//! `meetcheck` without arguments, `meetcheck new` and `meetcheck resume`: the wizard.

use crate::i18n::k;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Result, anyhow};
use jiff::Timestamp;

use super::Context;
use crate::domain::assessment::Assessment;
use crate::domain::catalog::Catalog;
use crate::domain::scenario::Step;
use crate::i18n::Texts;
use crate::store::format::Header;
use crate::store::{self, Loaded, Store, names, rescue};
use crate::terminal_text::for_terminal;
use crate::tui::app::{DecisionState, Model, SaveSummary};
use crate::tui::doc::Note;
use crate::tui::theme::Theme;
use crate::tui::{self, Io, SaveFailure};

/// `meetcheck`: the start screen (also with no saves: it says how to begin).
pub fn run(ctx: &Context) -> Result<ExitCode> {
    let mut io = StartIo::new(ctx, None)?;
    let mut model = model(ctx);
    model.saves_loading = io.any_saves();
    let exit = run_wizard(ctx, model, &mut io)?;
    finish(ctx, &io, exit)
}

/// `meetcheck new [--title T] [--from NAME]`.
pub fn new(ctx: &Context, title: Option<String>, from: Option<String>) -> Result<ExitCode> {
    let mut io = StartIo::new(ctx, title)?;
    if let Some(from) = from {
        let source = io.store.inspect(&from).map_err(|e| anyhow!(e.message(&ctx.texts)))?;
        io.source = Some(source.assessment);
    }
    let mut model = model(ctx);
    model.saves_loading = true;
    model.open(io.create(model.env.now));
    let exit = run_wizard(ctx, model, &mut io)?;
    finish(ctx, &io, exit)
}

/// `meetcheck resume [NAME|PATH]`: at the step where it was left (no argument: the latest).
pub fn resume(ctx: &Context, target: Option<String>) -> Result<ExitCode> {
    let mut io = StartIo::new(ctx, None)?;
    let saves = io.list_saves();
    let target = match target {
        Some(target) => target,
        None => saves
            .iter()
            .filter(|s| s.error.is_none())
            .max_by_key(|s| s.updated)
            .map(|s| s.target.clone())
            .ok_or_else(|| anyhow!("{}", ctx.texts.get(k::UI_ERROR_NO_SAVES)))?,
    };
    let loaded = io.store.load(&target).map_err(|e| anyhow!(e.message(&ctx.texts)))?;
    let mut model = model(ctx);
    model.saves = saves;
    model.open(loaded);
    let exit = run_wizard(ctx, model, &mut io)?;
    finish(ctx, &io, exit)
}

/// The wizard needs a terminal on both ends; say so plainly instead of failing on the first
/// terminal call. A `--catalog` file is checked before the screen changes, so that a refused one
/// is reported like everywhere else; emergency copies an earlier session could not report are
/// named on the first screen.
fn run_wizard(ctx: &Context, mut model: Model, io: &mut StartIo) -> Result<tui::Exit> {
    use std::io::IsTerminal;
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        anyhow::bail!("{}", ctx.texts.get(k::UI_ERROR_NO_TERMINAL));
    }
    if ctx.catalog_file.is_some() {
        io.catalog = Some(ctx.catalog()?);
    }
    let rescued = rescue::noted(&io.store);
    if !rescued.is_empty() {
        let paths: Vec<String> = rescued.iter().map(|p| p.display().to_string()).collect();
        model.note(Note::error(k::UI_NOTE_RESCUED_BEFORE, vec![("paths", paths.join(", "))]));
    }
    let exit = tui::run(model, io);
    if !rescued.is_empty() {
        rescue::clear_note(&io.store);
    }
    exit
}

fn model(ctx: &Context) -> Model {
    let theme = Theme::from_no_color(std::env::var("NO_COLOR").ok().as_deref());
    let now = Timestamp::now();
    // UTC until the shell has read the system time zone after the first frame (finding its
    // name can mean scanning the whole zoneinfo tree).
    let today = now.to_zoned_datetime(jiff::tz::TimeZone::UTC).date();
    Model::new(ctx.texts.clone(), theme, today, now, crate::domain::narrowing::narrow)
}

/// Prints one line: what was saved where and how to resume. Nothing is printed to a terminal
/// that went away (and a failed write never panics).
fn finish(ctx: &Context, io: &StartIo, exit: tui::Exit) -> Result<ExitCode> {
    use std::io::Write;
    let t = &ctx.texts;
    if let Some(error) = exit.save_error {
        if !exit.hung_up {
            crate::cli::report(&error);
        }
        return Ok(ExitCode::from(1));
    }
    if exit.hung_up {
        return Ok(ExitCode::SUCCESS);
    }
    let doc = exit.model.doc.as_ref();
    // A read-only file (an example) that was never saved as an assessment of its own: nothing
    // was saved, and the exit line must not say otherwise.
    let path = doc.and_then(|d| {
        d.saved_to.clone().or_else(|| d.loaded.path.clone().filter(|_| !d.loaded.read_only))
    });
    match (doc, path) {
        (Some(doc), Some(path)) => {
            let a = &doc.loaded.assessment;
            let step = a.step.number().to_string();
            let total = Step::ALL.len().to_string();
            let command = io.resume_command(&path);
            let line = t.fmt(
                k::UI_EXIT_SAVED,
                &[
                    ("title", a.meta.title.trim()),
                    ("path", &path.display().to_string()),
                    ("n", &step),
                    ("total", &total),
                    ("command", &command),
                ],
            );
            let _ = writeln!(std::io::stdout(), "{}", for_terminal(&line));
        }
        _ => {
            let _ = writeln!(std::io::stdout(), "{}", t.get(k::UI_EXIT_NOTHING_SAVED));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The wizard's I/O: the store, the catalogue, new assessments.
struct StartIo<'a> {
    ctx: &'a Context,
    store: Store,
    title: Option<String>,
    /// The assessment whose answers a new one starts with (`--from`).
    source: Option<Assessment>,
    edition: Option<String>,
    /// The catalogue, when it was loaded (and checked) before the wizard started.
    catalog: Option<Catalog>,
}

impl<'a> StartIo<'a> {
    fn new(ctx: &'a Context, title: Option<String>) -> Result<Self> {
        let store = Store::new(ctx.saves_dir()?);
        Ok(StartIo { ctx, store, title, source: None, edition: None, catalog: None })
    }

    /// The catalogue edition goes into every save.
    fn stamp_edition(&self, loaded: &mut Loaded) {
        if let Some(edition) = &self.edition {
            loaded.assessment.catalog_edition.clone_from(edition);
        }
    }

    /// `meetcheck resume NAME`, with `--saves-dir` when the saves are not in the default place.
    fn resume_command(&self, path: &Path) -> String {
        let name = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let default =
            directories::ProjectDirs::from("", "", "meetcheck").map(|d| d.data_dir().join("saves"));
        if path.parent() != Some(self.store.dir()) {
            return format!("meetcheck resume {}", path.display());
        }
        match default {
            Some(dir) if dir == self.store.dir() => format!("meetcheck resume {name}"),
            _ => format!("meetcheck --saves-dir {} resume {name}", self.store.dir().display()),
        }
    }
}

impl Io for StartIo<'_> {
    fn load_catalog(&mut self) -> Result<Catalog, String> {
        let catalog = match self.catalog.take() {
            Some(catalog) => catalog,
            None => self.ctx.catalog().map_err(|e| format!("{e:#}"))?,
        };
        self.edition = Some(catalog.edition.clone());
        Ok(catalog)
    }

    fn list_saves(&mut self) -> Vec<SaveSummary> {
        let texts = &self.ctx.texts;
        let Ok(entries) = self.store.list_headers() else { return Vec::new() };
        let mut saves: Vec<SaveSummary> = entries
            .into_iter()
            .map(|entry| {
                let target = entry.path.display().to_string();
                match entry.header {
                    Ok(listed) => summary(texts, target, listed.header),
                    // An unreadable file is listed with its error, never hidden.
                    Err(error) => SaveSummary::unreadable(target, entry.name, error.message(texts)),
                }
            })
            .collect();
        saves.sort_by_key(|s| std::cmp::Reverse(s.updated));
        saves
    }

    fn any_saves(&mut self) -> bool {
        let Ok(entries) = std::fs::read_dir(self.store.dir()) else { return false };
        entries.flatten().any(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            !name.starts_with('.') && (name.ends_with(".ron") || name.ends_with(".ron.bak"))
        })
    }

    fn open(&mut self, target: &str) -> Result<Loaded, String> {
        self.store.load(target).map_err(|e| e.message(&self.ctx.texts))
    }

    fn inspect(&mut self, target: &str) -> Result<Assessment, String> {
        let loaded = self.store.inspect(target).map_err(|e| e.message(&self.ctx.texts))?;
        Ok(loaded.assessment)
    }

    fn copy(&mut self, target: &str, now: Timestamp) -> Result<Loaded, String> {
        let source = self.inspect(target)?;
        let edition = self.edition.clone().unwrap_or_default();
        let title =
            self.ctx.texts.fmt(k::UI_START_COPY_TITLE, &[("title", source.meta.title.trim())]);
        let copy = store::copy_answers(&source, names::new_id(), title, now, edition);
        Ok(self.store.create(copy))
    }

    fn delete(&mut self, target: &str) -> Result<String, String> {
        let title =
            self.inspect(target).map(|a| a.meta.title).unwrap_or_else(|_| target.to_string());
        self.store.delete(target).map_err(|e| e.message(&self.ctx.texts))?;
        Ok(title)
    }

    fn create(&mut self, now: Timestamp) -> Loaded {
        let edition = self.edition.clone().unwrap_or_default();
        let title = self.title.take().unwrap_or_default();
        let assessment = match self.source.take() {
            Some(source) => store::copy_answers(&source, names::new_id(), title, now, edition),
            None => Assessment::new(names::new_id(), title, now, edition),
        };
        self.store.create(assessment)
    }

    fn save(&mut self, loaded: &mut Loaded) -> Result<PathBuf, SaveFailure> {
        self.stamp_edition(loaded);
        self.store.save(loaded).map_err(|e| SaveFailure {
            message: e.message(&self.ctx.texts),
            conflict: e.is_conflict(),
        })
    }

    fn save_as_copy(&mut self, loaded: &mut Loaded) -> Result<PathBuf, String> {
        self.stamp_edition(loaded);
        self.store.save_as_copy(loaded).map_err(|e| e.message(&self.ctx.texts))
    }

    fn rescue(&mut self, loaded: &Loaded, unseen: bool) -> Result<PathBuf, String> {
        let copy = self.store.rescue(&loaded.assessment).map_err(|e| e.message(&self.ctx.texts))?;
        if unseen {
            // Best effort: if the data directory cannot take the note either, nothing can.
            let _ = rescue::leave_note(&self.store, &copy);
        }
        Ok(copy)
    }
}

/// One line of the start screen, from the save's header: where the decision stands, the
/// preconditions of use still open, the review date.
fn summary(texts: &Texts, target: String, header: Header) -> SaveSummary {
    let decision = match (&header.chosen, header.draft) {
        (Some(_), _) if header.to_be_confirmed => DecisionState::ToBeConfirmed,
        (Some(_), _) => DecisionState::Taken,
        (None, true) => DecisionState::Draft,
        (None, false) => DecisionState::None,
    };
    SaveSummary {
        target,
        title: header.title,
        organisation: header.organisation,
        updated: header.updated,
        step: header.step,
        chosen: header.chosen.map(|c| match &c.name {
            Some(name) => texts.pick(name).to_string(),
            None => c.id,
        }),
        status: header.status,
        decision,
        open_preconditions: header.preconditions_open,
        review_by: header.review_by,
        error: None,
    }
}
