//! Saved assessments: versioned RON files in the saves directory, written atomically with a
//! backup, guarded against a second writer, and never lost or silently overwritten.
//!
//! - [`Store::load`] opens NAME or PATH for editing (takes the advisory lock); [`Store::inspect`]
//!   only reads and changes nothing (show, list, export).
//! - [`Store::save`] writes atomically (see [`disk`]); a file from outside the saves directory is
//!   saved as a new assessment there.
//! - A file that changed on disk since it was loaded, that vanished, or that another meetcheck
//!   has open, is never overwritten: [`StoreError::Locked`] / [`StoreError::Changed`] /
//!   [`StoreError::Vanished`], and [`Store::save_as_copy`] is the way out.
//! - When the saves directory cannot be written at all, [`Store::rescue`] writes an emergency
//!   copy next to it (else into the temporary directory); [`rescue`] keeps a note of it for the
//!   next start when nobody could be told.

mod disk;
pub mod format;
mod messages;
pub mod names;
pub mod rescue;

use std::fs::{self, File};
use std::path::{Path, PathBuf};

use jiff::Timestamp;

use crate::domain::assessment::Assessment;
use crate::domain::catalog::Catalog;
use crate::domain::scenario::Step;

pub use disk::{FileKind, MAX_FILE, ReadError, read_regular};
pub use format::{CURRENT_VERSION, Damage};
pub use messages::{BackupState, StoreError, Warning};

/// Where saves live; all operations go through it.
#[derive(Clone, Debug)]
pub struct Store {
    dir: PathBuf,
}

/// An assessment as loaded: where it came from, whether it may be written back, what went wrong.
#[derive(Debug)]
pub struct Loaded {
    pub assessment: Assessment,
    /// The file it was loaded from or last saved to; `None` for a new, unsaved assessment.
    pub path: Option<PathBuf>,
    /// Opened from outside the saves directory: the first save creates a new assessment.
    pub read_only: bool,
    /// Warnings to show (backup used, offerings no longer in the catalogue, …), loud ones first.
    pub warnings: Vec<Warning>,
    on_disk: OnDisk,
    /// The advisory lock, held while the assessment is open for editing.
    lock: Option<File>,
}

/// What the file looked like when it was loaded or last saved.
#[derive(Clone, Copy, Debug, Default)]
struct OnDisk {
    /// Fingerprint of `NAME.ron`; `None` when there was no such file.
    fingerprint: Option<u64>,
    /// `NAME.ron` did not load (the backup did): the next save keeps it aside.
    unreadable: bool,
}

/// One file of the saves directory, as `list` shows it.
#[derive(Debug)]
pub struct Entry {
    pub name: String,
    pub path: PathBuf,
    /// Broken files are listed with their error, not hidden.
    pub loaded: Result<Loaded, StoreError>,
}

/// One file of the saves directory as `list` and the start screen show it: its header only.
#[derive(Debug)]
pub struct Listed {
    pub name: String,
    pub path: PathBuf,
    /// Broken files are listed with their error, not hidden.
    pub header: Result<ListedHeader, StoreError>,
}

#[derive(Debug)]
pub struct ListedHeader {
    pub header: format::Header,
    /// The main file did not load and the header comes from its backup.
    pub from_backup: bool,
}

/// Bytes read from the start of a file for its header; a longer header (a title of thousands
/// of characters) makes the file be read in full.
const HEADER_BYTES: usize = 8 * 1024;

struct Target {
    path: PathBuf,
    /// In the saves directory (editable), not a PATH elsewhere.
    inside: bool,
}

impl Store {
    pub fn new(dir: impl Into<PathBuf>) -> Store {
        Store { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Opens NAME (in the saves directory) or PATH (contains `/` or ends in `.ron`) for editing:
    /// takes the advisory lock, or warns that another meetcheck has it. A NAME may be a prefix
    /// that only one saved name starts with; an exact name always wins.
    pub fn load(&self, target: &str) -> Result<Loaded, StoreError> {
        let target = self.resolve(target)?;
        self.open(target, true)
    }

    /// Loads NAME or PATH without changing anything on disk (no lock, no directory created).
    pub fn inspect(&self, target: &str) -> Result<Loaded, StoreError> {
        let target = self.resolve(target)?;
        self.open(target, false)
    }

    /// A new assessment that has not been saved yet.
    pub fn create(&self, assessment: Assessment) -> Loaded {
        Loaded {
            assessment,
            path: None,
            read_only: false,
            warnings: Vec::new(),
            on_disk: OnDisk::default(),
            lock: None,
        }
    }

    /// Saves atomically; returns the path written. A new or read-only assessment gets a new
    /// file in the saves directory.
    pub fn save(&self, loaded: &mut Loaded) -> Result<PathBuf, StoreError> {
        match (&loaded.path, loaded.read_only) {
            (Some(path), false) => {
                let path = path.clone();
                self.save_existing(loaded, path)
            }
            _ => {
                let fresh_id = loaded.read_only;
                self.save_new(loaded, fresh_id)
            }
        }
    }

    /// Saves as a new assessment (new id and file), leaving the file it came from untouched:
    /// the way out of a conflict with another writer.
    pub fn save_as_copy(&self, loaded: &mut Loaded) -> Result<PathBuf, StoreError> {
        self.save_new(loaded, true)
    }

    /// The last resort when saving failed and the work must not be lost: an emergency copy in
    /// the data directory that holds the saves directory, else in the temporary directory.
    /// Returns where it went.
    pub fn rescue(&self, assessment: &Assessment) -> Result<PathBuf, StoreError> {
        let mut first_error = None;
        for dir in [rescue::data_dir(self), std::env::temp_dir()] {
            match emergency_save_in(&dir, assessment) {
                Ok(path) => return Ok(path),
                Err(error) => {
                    first_error.get_or_insert(error);
                }
            }
        }
        Err(first_error.expect("two directories were tried"))
    }

    /// Every `NAME.ron` in the saves directory (and a lone `NAME.ron.bak` whose main file is
    /// missing), sorted by name. Reads only; a missing directory is an empty list. Anything that
    /// is not a regular file (a FIFO named `x.ron`) is listed with its error, never opened.
    pub fn list(&self) -> Result<Vec<Entry>, StoreError> {
        let names = self.names()?;
        Ok(names
            .into_iter()
            .map(|name| {
                let path = self.dir.join(format!("{name}.ron"));
                let loaded = self.open(Target { path: path.clone(), inside: true }, false);
                Entry { name, path, loaded }
            })
            .collect())
    }

    /// The NAMEs [`Store::list`] lists, sorted, without reading the files.
    pub fn names(&self) -> Result<Vec<String>, StoreError> {
        self.check_dir()?;
        let read_dir = match fs::read_dir(&self.dir) {
            Ok(read_dir) => read_dir,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(source) => return Err(StoreError::Read { path: self.dir.clone(), source }),
        };
        let mut names: Vec<String> = Vec::new();
        for entry in read_dir.flatten() {
            let file_name = entry.file_name().to_string_lossy().into_owned();
            if file_name.starts_with('.') {
                continue;
            }
            if let Some(name) = file_name.strip_suffix(".ron") {
                names.push(name.to_string());
            } else if let Some(name) = file_name.strip_suffix(".ron.bak")
                && !self.dir.join(format!("{name}.ron")).exists()
            {
                names.push(name.to_string());
            }
        }
        names.sort();
        names.dedup();
        Ok(names)
    }

    /// [`Store::list`], reading only the header of each file (see [`format::parse_header`]).
    /// A file without one (version 1, edited by hand), a damaged one or one read from its backup
    /// is loaded in full, so every error still shows here.
    pub fn list_headers(&self) -> Result<Vec<Listed>, StoreError> {
        let names = self.names()?;
        Ok(names
            .into_iter()
            .map(|name| {
                let path = self.dir.join(format!("{name}.ron"));
                let header = self.header_of(&path);
                Listed { name, path, header }
            })
            .collect())
    }

    fn header_of(&self, path: &Path) -> Result<ListedHeader, StoreError> {
        if let Ok((opening, closed)) = disk::read_opening(path, HEADER_BYTES) {
            match format::parse_header(&opening) {
                format::HeaderRead::Read(header) if closed => {
                    return Ok(ListedHeader { header: *header, from_backup: false });
                }
                format::HeaderRead::Newer { version } => {
                    let path = path.to_path_buf();
                    return Err(StoreError::Newer { path, version, supported: CURRENT_VERSION });
                }
                _ => {}
            }
        }
        let loaded = self.open(Target { path: path.to_path_buf(), inside: true }, false)?;
        let from_backup = loaded.from_backup();
        Ok(ListedHeader { header: format::Header::of(&loaded.assessment), from_backup })
    }

    /// The file of a saved assessment NAME (or a PATH inside the saves directory); an error
    /// for a PATH elsewhere or a name with neither file nor backup. Changes nothing.
    pub fn saved_path(&self, target: &str) -> Result<PathBuf, StoreError> {
        let Target { path, inside } = self.resolve(target)?;
        if !inside {
            return Err(StoreError::Outside { path, dir: self.dir.clone() });
        }
        if !path.exists() && !disk::backup_path(&path).exists() {
            return Err(StoreError::NotFound { name: target.to_string(), dir: self.dir.clone() });
        }
        Ok(path)
    }

    /// Deletes NAME (or a PATH inside the saves directory) and its backup; returns the files
    /// removed. Refused while another meetcheck has it open. Files kept aside as unreadable
    /// stay: they may be the only trace of lost work.
    pub fn delete(&self, target: &str) -> Result<Vec<PathBuf>, StoreError> {
        let path = self.saved_path(target)?;
        let backup = disk::backup_path(&path);
        let Some(lock) = lock(&path)? else {
            return Err(StoreError::Locked { path });
        };
        let mut removed = Vec::new();
        for file in [&path, &backup] {
            match fs::remove_file(file) {
                Ok(()) => removed.push(file.clone()),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(source) => return Err(StoreError::Write { path: file.clone(), source }),
            }
        }
        let _ = fs::remove_file(disk::lock_path(&path));
        drop(lock);
        disk::sync_dir(&self.dir)
            .map_err(|source| StoreError::Write { path: self.dir.clone(), source })?;
        Ok(removed)
    }

    fn resolve(&self, target: &str) -> Result<Target, StoreError> {
        if names::is_path(target) {
            let path = PathBuf::from(target);
            let inside = self.holds(&path);
            Ok(Target { path, inside })
        } else if names::is_valid_name(target) {
            let name = match names::match_name(target, self.names()?.iter().map(String::as_str)) {
                names::Match::One(name) => name,
                // Not there at all: opening it reports the name as typed.
                names::Match::None => target.to_string(),
                names::Match::Several(candidates) => {
                    return Err(StoreError::Ambiguous {
                        prefix: target.to_string(),
                        candidates,
                        dir: self.dir.clone(),
                    });
                }
            };
            Ok(Target { path: self.dir.join(format!("{name}.ron")), inside: true })
        } else {
            Err(StoreError::BadName { name: target.to_string() })
        }
    }

    /// The saves directory is a directory, or does not exist yet.
    fn check_dir(&self) -> Result<(), StoreError> {
        match fs::metadata(&self.dir) {
            Ok(metadata) if !metadata.is_dir() => {
                Err(StoreError::NotADirectory { dir: self.dir.clone() })
            }
            _ => Ok(()),
        }
    }

    /// `path` is a `.ron` file directly in the saves directory.
    fn holds(&self, path: &Path) -> bool {
        let is_ron = path.extension().is_some_and(|e| e == "ron");
        let parent = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let same_dir = match (parent.canonicalize(), self.dir.canonicalize()) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        };
        is_ron && same_dir
    }

    fn open(&self, target: Target, edit: bool) -> Result<Loaded, StoreError> {
        let Target { path, inside } = target;
        let main = disk::read_if_exists(&path).map_err(|e| read_error(&path, e))?;
        let backup = disk::backup_path(&path);
        let mut warnings = Vec::new();
        let (parsed, unreadable) = match &main {
            Some(bytes) => match format::parse(bytes) {
                Ok(parsed) => (parsed, false),
                Err(format::ParseFailure::Newer { version }) => {
                    return Err(StoreError::Newer { path, version, supported: CURRENT_VERSION });
                }
                Err(format::ParseFailure::Unsupported { version }) => {
                    return Err(StoreError::Unsupported { path, version });
                }
                Err(format::ParseFailure::Invalid { line, column, damage }) => {
                    let parsed = load_backup(&backup).map_err(|backup| StoreError::Corrupt {
                        path: path.clone(),
                        line,
                        column,
                        reason: damage.clone(),
                        backup: Box::new(backup),
                    })?;
                    warnings.push(Warning::BackupUsed {
                        path: path.clone(),
                        backup: backup.clone(),
                        line,
                        column,
                        reason: damage,
                    });
                    (parsed, true)
                }
            },
            None => match load_backup(&backup) {
                Ok(parsed) => {
                    warnings
                        .push(Warning::MainMissing { path: path.clone(), backup: backup.clone() });
                    (parsed, false)
                }
                Err(BackupState::Missing { .. }) => {
                    let dir = path.parent().map_or_else(|| self.dir.clone(), Path::to_path_buf);
                    let name = path.file_stem().map(|s| s.to_string_lossy().into_owned());
                    return Err(StoreError::NotFound { name: name.unwrap_or_default(), dir });
                }
                // There is a backup, but it does not load: say why instead of "not found".
                Err(backup) => {
                    return Err(StoreError::MissingWithBackup { path, backup: Box::new(backup) });
                }
            },
        };
        if parsed.version < CURRENT_VERSION {
            warnings.push(Warning::Migrated {
                path: path.clone(),
                from: parsed.version,
                to: CURRENT_VERSION,
            });
        }
        let mut lock = None;
        if edit && inside {
            match disk::try_lock(&path) {
                Ok(Some(file)) => {
                    disk::remove_stale_temps(&path);
                    lock = Some(file);
                }
                Ok(None) => warnings.push(Warning::OpenElsewhere { path: path.clone() }),
                // A planted link is refused at once, before any work is done on the assessment.
                Err(_) if disk::is_link(&disk::lock_path(&path)) => {
                    return Err(StoreError::Link { path: disk::lock_path(&path) });
                }
                // No lock file possible (read-only medium): saving will report the real problem.
                Err(_) => {}
            }
        }
        if edit && !inside {
            warnings.push(Warning::ReadOnly { path: path.clone() });
        }
        Ok(Loaded {
            assessment: parsed.assessment,
            path: Some(path),
            read_only: !inside,
            warnings,
            on_disk: OnDisk { fingerprint: main.as_deref().map(disk::fingerprint), unreadable },
            lock,
        })
    }

    fn save_existing(&self, loaded: &mut Loaded, path: PathBuf) -> Result<PathBuf, StoreError> {
        if loaded.lock.is_none() {
            match lock(&path)? {
                Some(file) => loaded.lock = Some(file),
                None => return Err(StoreError::Locked { path }),
            }
        }
        let current = disk::read_if_exists(&path).map_err(|e| read_error(&path, e))?;
        match (&current, loaded.on_disk.fingerprint) {
            (None, Some(_)) => return Err(StoreError::Vanished { path }),
            (current, known) if current.as_deref().map(disk::fingerprint) != known => {
                return Err(StoreError::Changed { path });
            }
            _ => {}
        }
        let text = serialize(&loaded.assessment)?;
        let previous = match (&current, loaded.on_disk.unreadable) {
            (None, _) => disk::Previous::None,
            (Some(_), false) => disk::Previous::KeepAsBackup,
            (Some(_), true) => disk::Previous::MoveAside { stamp: stamp() },
        };
        let aside = disk::replace(&path, text.as_bytes(), previous)
            .map_err(|source| StoreError::Write { path: path.clone(), source })?;
        loaded.mark_saved(path.clone(), &text);
        if let Some(aside) = aside {
            loaded.warnings.insert(0, Warning::KeptAside { path: aside });
        }
        Ok(path)
    }

    fn save_new(&self, loaded: &mut Loaded, fresh_id: bool) -> Result<PathBuf, StoreError> {
        self.check_dir()?;
        disk::create_private_dir(&self.dir)
            .map_err(|source| StoreError::Write { path: self.dir.clone(), source })?;
        let mut wanted = if fresh_id { None } else { names::clean_id(&loaded.assessment.meta.id) };
        let mut last_error = None;
        // A few attempts: only an id clash with an existing file makes us take a new one.
        for _ in 0..8 {
            let id = wanted.take().unwrap_or_else(names::new_id);
            let stem = names::file_name(&loaded.assessment.meta.title, &id);
            let path = self.dir.join(format!("{stem}.ron"));
            if path.symlink_metadata().is_ok() || disk::backup_path(&path).exists() {
                continue;
            }
            let Some(lock) = lock(&path)? else { continue };
            let mut assessment = loaded.assessment.clone();
            assessment.meta.id = id;
            let text = serialize(&assessment)?;
            match disk::replace(&path, text.as_bytes(), disk::Previous::None) {
                Ok(_) => {
                    loaded.assessment = assessment;
                    loaded.lock = Some(lock);
                    loaded.mark_saved(path.clone(), &text);
                    return Ok(path);
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    last_error = Some(StoreError::Write { path, source: e });
                }
                Err(source) => return Err(StoreError::Write { path, source }),
            }
        }
        Err(last_error.unwrap_or_else(|| StoreError::Write {
            path: self.dir.clone(),
            source: std::io::Error::from(std::io::ErrorKind::AlreadyExists),
        }))
    }
}

impl Loaded {
    /// The NAME in the saves directory; `None` when unsaved or read-only.
    pub fn name(&self) -> Option<String> {
        if self.read_only {
            return None;
        }
        let stem = self.path.as_ref()?.file_stem()?;
        Some(stem.to_string_lossy().into_owned())
    }

    /// The main file did not load and this is its backup.
    pub fn from_backup(&self) -> bool {
        self.warnings
            .iter()
            .any(|w| matches!(w, Warning::BackupUsed { .. } | Warning::MainMissing { .. }))
    }

    /// Adds a warning for each offering the decision names that `catalog` lacks. The snapshot
    /// keeps them in full, so nothing is lost when saving again.
    pub fn check_catalog(&mut self, catalog: &Catalog) {
        let Some(decision) = &self.assessment.decision else { return };
        let named = std::iter::once(&decision.chosen).chain(decision.runner_up.as_ref());
        for id in named {
            if catalog.offering(id).is_some() {
                continue;
            }
            let snapshot = &decision.snapshot;
            let name = snapshot.offerings.iter().find(|o| &o.id == id).map(|o| o.name.clone());
            let warning = Warning::NotInCatalog {
                id: id.clone(),
                name,
                edition: snapshot.catalog_edition.clone(),
            };
            if !self.warnings.contains(&warning) {
                self.warnings.push(warning);
            }
        }
    }

    fn mark_saved(&mut self, path: PathBuf, text: &str) {
        self.path = Some(path);
        self.read_only = false;
        self.on_disk =
            OnDisk { fingerprint: Some(disk::fingerprint(text.as_bytes())), unreadable: false };
        // What was true of the old file no longer is.
        self.warnings
            .retain(|w| matches!(w, Warning::NotInCatalog { .. } | Warning::KeptAside { .. }));
    }
}

/// Writes `assessment` to a new private file in `dir` (see [`Store::rescue`]); returns its path
/// for the caller to print.
pub fn emergency_save_in(dir: &Path, assessment: &Assessment) -> Result<PathBuf, StoreError> {
    let text = serialize(assessment)?;
    let id = names::clean_id(&assessment.meta.id).unwrap_or_else(names::new_id);
    let stem = format!(
        "meetcheck-rescue-{}-{}-{}",
        names::file_name(&assessment.meta.title, &id),
        stamp(),
        std::process::id()
    );
    for n in 1u32..1000 {
        let name = if n == 1 { format!("{stem}.ron") } else { format!("{stem}-{n}.ron") };
        let path = dir.join(name);
        match disk::write_new_private(&path, text.as_bytes()) {
            Ok(()) => return Ok(path),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(source) => return Err(StoreError::Write { path, source }),
        }
    }
    Err(StoreError::Write {
        path: dir.join(stem),
        source: std::io::Error::from(std::io::ErrorKind::AlreadyExists),
    })
}

/// A fresh assessment with the answers of `source` (scenario and the organisation's details),
/// for `meetcheck new --from`: no decision, checklist, status or history is carried over.
pub fn copy_answers(
    source: &Assessment,
    id: String,
    title: String,
    now: Timestamp,
    catalog_edition: String,
) -> Assessment {
    let mut copy = Assessment::new(id, title, now, catalog_edition);
    let from = &source.meta;
    copy.meta.organisation = from.organisation.clone();
    copy.meta.controller = from.controller.clone();
    copy.meta.dpo_contact = from.dpo_contact.clone();
    copy.meta.assessors = from.assessors.clone();
    copy.meta.decision_makers = from.decision_makers.clone();
    copy.meta.consulted = from.consulted.clone();
    copy.meta.informed = from.informed.clone();
    copy.scenario = source.scenario.clone();
    copy.step = Step::About;
    copy
}

fn load_backup(backup: &Path) -> Result<format::Parsed, BackupState> {
    let path = backup.to_path_buf();
    let bytes = match disk::read_if_exists(backup) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => return Err(BackupState::Missing { path }),
        Err(e) => return Err(BackupState::Unreadable { path, reason: e.to_string() }),
    };
    format::parse(&bytes).map_err(|failure| match failure {
        format::ParseFailure::Newer { version } => BackupState::Newer { path, version },
        format::ParseFailure::Unsupported { version } => BackupState::Unsupported { path, version },
        format::ParseFailure::Invalid { line, column, damage } => {
            BackupState::Broken { path, line, column, reason: damage }
        }
    })
}

/// A file that could not be read, as the store reports it.
fn read_error(path: &Path, error: disk::ReadError) -> StoreError {
    let path = path.to_path_buf();
    match error {
        disk::ReadError::Io(source) => StoreError::Read { path, source },
        disk::ReadError::NotRegular(kind) => StoreError::NotRegular { path, kind },
        disk::ReadError::TooLarge { size, limit } => StoreError::TooLarge { path, size, limit },
    }
}

/// Takes the lock of `path` (`None`: another meetcheck has it); a lock file that is a link is
/// refused by name.
fn lock(path: &Path) -> Result<Option<File>, StoreError> {
    disk::try_lock(path).map_err(|source| {
        let lock = disk::lock_path(path);
        if disk::is_link(&lock) {
            StoreError::Link { path: lock }
        } else {
            StoreError::Write { path: lock, source }
        }
    })
}

fn serialize(assessment: &Assessment) -> Result<String, StoreError> {
    format::to_text(assessment).map_err(|e| StoreError::Serialize { reason: e.to_string() })
}

/// UTC time for names that must never repeat within a second's worth of saves (`-2` … follow).
fn stamp() -> String {
    Timestamp::now().strftime("%Y%m%dT%H%M%SZ").to_string()
}
