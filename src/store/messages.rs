//! What can go wrong or needs saying, as structured values; [`StoreError::message`] and
//! [`Warning::message`] turn them into German or English text naming the file and what to do.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use super::disk::FileKind;
use super::format::Damage;
use crate::domain::facts::Text;
use crate::i18n::{Lang, Texts};

/// A store operation that failed: which file, and (in the message) what to do.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// No assessment of that name in the saves directory.
    #[error("{}", self.message(english()))]
    NotFound { name: String, dir: PathBuf },
    /// A prefix that several saved names start with.
    #[error("{}", self.message(english()))]
    Ambiguous { prefix: String, candidates: Vec<String>, dir: PathBuf },
    /// The NAME contains characters a name cannot have.
    #[error("{}", self.message(english()))]
    BadName { name: String },
    #[error("{}", self.message(english()))]
    Read {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("{}", self.message(english()))]
    Write {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    /// Neither the file nor its backup loads. Both are left as they are.
    #[error("{}", self.message(english()))]
    Corrupt { path: PathBuf, line: usize, column: usize, reason: Damage, backup: Box<BackupState> },
    /// The file is missing and its backup does not load (newer, damaged, unreadable).
    #[error("{}", self.message(english()))]
    MissingWithBackup { path: PathBuf, backup: Box<BackupState> },
    /// A directory, FIFO, device or socket where a save should be: never read.
    #[error("{}", self.message(english()))]
    NotRegular { path: PathBuf, kind: FileKind },
    /// Larger than any save can be: not read.
    #[error("{}", self.message(english()))]
    TooLarge { path: PathBuf, size: u64, limit: u64 },
    /// A lock (or other file meetcheck creates) is a symbolic link: not followed, nothing written.
    #[error("{}", self.message(english()))]
    Link { path: PathBuf },
    /// The saves directory exists but is not a directory.
    #[error("{}", self.message(english()))]
    NotADirectory { dir: PathBuf },
    /// Written by a newer meetcheck; never replaced by an older backup.
    #[error("{}", self.message(english()))]
    Newer { path: PathBuf, version: u32, supported: u32 },
    /// Older than any version this build reads.
    #[error("{}", self.message(english()))]
    Unsupported { path: PathBuf, version: u32 },
    /// Another meetcheck has the assessment open; nothing was written.
    #[error("{}", self.message(english()))]
    Locked { path: PathBuf },
    /// The file changed on disk since it was loaded; nothing was written.
    #[error("{}", self.message(english()))]
    Changed { path: PathBuf },
    /// The file was deleted or moved away since it was loaded; nothing was written.
    #[error("{}", self.message(english()))]
    Vanished { path: PathBuf },
    /// A PATH outside the saves directory where only saved assessments are allowed.
    #[error("{}", self.message(english()))]
    Outside { path: PathBuf, dir: PathBuf },
    #[error("{}", self.message(english()))]
    Serialize { reason: String },
}

/// The state of the backup when the main file did not load.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackupState {
    Missing {
        path: PathBuf,
    },
    Broken {
        path: PathBuf,
        line: usize,
        column: usize,
        reason: Damage,
    },
    /// The backup cannot be read at all (permissions, I/O).
    Unreadable {
        path: PathBuf,
        reason: String,
    },
    /// The backup is of a newer version (the main file is damaged): refused as well.
    Newer {
        path: PathBuf,
        version: u32,
    },
    /// The backup is older than any version this build reads.
    Unsupported {
        path: PathBuf,
        version: u32,
    },
}

impl StoreError {
    /// A conflict with another writer (or a file gone from under us): saving a copy under a
    /// new NAME is the way out.
    pub fn is_conflict(&self) -> bool {
        matches!(
            self,
            StoreError::Locked { .. } | StoreError::Changed { .. } | StoreError::Vanished { .. }
        )
    }

    /// The file the error is about, if any.
    pub fn path(&self) -> Option<&Path> {
        match self {
            StoreError::Read { path, .. }
            | StoreError::Write { path, .. }
            | StoreError::Corrupt { path, .. }
            | StoreError::Newer { path, .. }
            | StoreError::Unsupported { path, .. }
            | StoreError::Locked { path }
            | StoreError::Changed { path }
            | StoreError::Vanished { path }
            | StoreError::MissingWithBackup { path, .. }
            | StoreError::NotRegular { path, .. }
            | StoreError::TooLarge { path, .. }
            | StoreError::Link { path }
            | StoreError::Outside { path, .. } => Some(path),
            StoreError::NotADirectory { dir } => Some(dir),
            StoreError::NotFound { .. }
            | StoreError::Ambiguous { .. }
            | StoreError::BadName { .. }
            | StoreError::Serialize { .. } => None,
        }
    }

    /// The message in the texts' language.
    pub fn message(&self, texts: &Texts) -> String {
        match self {
            StoreError::NotFound { name, dir } => {
                texts.fmt("store.error.not_found", &[("name", name), ("dir", &show(dir))])
            }
            StoreError::Ambiguous { prefix, candidates, dir } => {
                let list: Vec<String> = candidates.iter().map(|c| format!("  {c}")).collect();
                texts.fmt(
                    "store.error.ambiguous",
                    &[
                        ("prefix", prefix),
                        ("count", &candidates.len().to_string()),
                        ("dir", &show(dir)),
                        ("candidates", &list.join("\n")),
                    ],
                )
            }
            StoreError::BadName { name } => {
                texts.fmt("store.error.bad_name", &[("name", &name.escape_debug().to_string())])
            }
            StoreError::Read { path, source } => texts
                .fmt("store.error.read", &[("file", &show(path)), ("reason", &source.to_string())]),
            StoreError::Write { path, source } => texts.fmt(
                "store.error.write",
                &[("file", &show(path)), ("reason", &source.to_string())],
            ),
            StoreError::Corrupt { path, line, column, reason, backup } => texts.fmt(
                "store.error.corrupt",
                &[
                    ("file", &show(path)),
                    ("line", &line.to_string()),
                    ("column", &column.to_string()),
                    ("reason", &reason.message(texts)),
                    ("backup", &backup.message(texts)),
                ],
            ),
            StoreError::MissingWithBackup { path, backup } => texts.fmt(
                "store.error.missing_with_backup",
                &[("file", &show(path)), ("backup", &backup.message(texts))],
            ),
            StoreError::NotRegular { path, kind } => texts.fmt(
                "store.error.not_regular",
                &[("file", &show(path)), ("kind", texts.get(kind_key(*kind)))],
            ),
            StoreError::TooLarge { path, size, limit } => texts.fmt(
                "store.error.too_large",
                &[
                    ("file", &show(path)),
                    ("size", &size.to_string()),
                    ("limit", &limit.to_string()),
                ],
            ),
            StoreError::Link { path } => texts.fmt("store.error.link", &[("file", &show(path))]),
            StoreError::NotADirectory { dir } => {
                texts.fmt("store.error.not_a_directory", &[("dir", &show(dir))])
            }
            StoreError::Newer { path, version, supported } => texts.fmt(
                "store.error.newer",
                &[
                    ("file", &show(path)),
                    ("version", &version.to_string()),
                    ("supported", &supported.to_string()),
                ],
            ),
            StoreError::Unsupported { path, version } => texts.fmt(
                "store.error.unsupported",
                &[("file", &show(path)), ("version", &version.to_string())],
            ),
            StoreError::Locked { path } => {
                texts.fmt("store.error.locked", &[("file", &show(path))])
            }
            StoreError::Changed { path } => {
                texts.fmt("store.error.changed", &[("file", &show(path))])
            }
            StoreError::Vanished { path } => {
                texts.fmt("store.error.vanished", &[("file", &show(path))])
            }
            StoreError::Outside { path, dir } => {
                texts.fmt("store.error.outside", &[("file", &show(path)), ("dir", &show(dir))])
            }
            StoreError::Serialize { reason } => {
                texts.fmt("store.error.serialize", &[("reason", reason)])
            }
        }
    }
}

impl BackupState {
    fn message(&self, texts: &Texts) -> String {
        match self {
            BackupState::Missing { path } => {
                texts.fmt("store.error.backup_missing", &[("backup", &show(path))])
            }
            BackupState::Broken { path, line, column, reason } => texts.fmt(
                "store.error.backup_broken",
                &[
                    ("backup", &show(path)),
                    ("line", &line.to_string()),
                    ("column", &column.to_string()),
                    ("reason", &reason.message(texts)),
                ],
            ),
            BackupState::Unreadable { path, reason } => texts.fmt(
                "store.error.backup_unreadable",
                &[("backup", &show(path)), ("reason", reason)],
            ),
            BackupState::Newer { path, version } => texts.fmt(
                "store.error.backup_newer",
                &[("backup", &show(path)), ("version", &version.to_string())],
            ),
            BackupState::Unsupported { path, version } => texts.fmt(
                "store.error.backup_unsupported",
                &[("backup", &show(path)), ("version", &version.to_string())],
            ),
        }
    }
}

/// Something the user should know about a loaded assessment.
#[derive(Clone, Debug, PartialEq)]
pub enum Warning {
    /// The file did not parse; its backup was loaded. The next save keeps the file aside.
    BackupUsed { path: PathBuf, backup: PathBuf, line: usize, column: usize, reason: Damage },
    /// The file was missing; its backup was loaded.
    MainMissing { path: PathBuf, backup: PathBuf },
    /// Written by an older meetcheck; the next save writes the current version.
    Migrated { path: PathBuf, from: u32, to: u32 },
    /// Another meetcheck has it open: saving will be refused until it is closed.
    OpenElsewhere { path: PathBuf },
    /// Outside the saves directory: the first save creates a new assessment there.
    ReadOnly { path: PathBuf },
    /// The decision names an offering the current catalogue lacks; shown from the snapshot.
    NotInCatalog { id: String, name: Option<Text>, edition: String },
    /// The previous file did not load and was kept under this name by the last save.
    KeptAside { path: PathBuf },
}

impl Warning {
    pub fn message(&self, texts: &Texts) -> String {
        match self {
            Warning::BackupUsed { path, backup, line, column, reason } => texts.fmt(
                "store.warning.backup_used",
                &[
                    ("file", &show(path)),
                    ("backup", &show(backup)),
                    ("line", &line.to_string()),
                    ("column", &column.to_string()),
                    ("reason", &reason.message(texts)),
                ],
            ),
            Warning::MainMissing { path, backup } => texts.fmt(
                "store.warning.main_missing",
                &[("file", &show(path)), ("backup", &show(backup))],
            ),
            Warning::Migrated { path, from, to } => texts.fmt(
                "store.warning.migrated",
                &[("file", &show(path)), ("from", &from.to_string()), ("to", &to.to_string())],
            ),
            Warning::OpenElsewhere { path } => {
                texts.fmt("store.warning.open_elsewhere", &[("file", &show(path))])
            }
            Warning::ReadOnly { path } => {
                texts.fmt("store.warning.read_only", &[("file", &show(path))])
            }
            Warning::NotInCatalog { id, name, edition } => {
                let name = name.as_ref().map_or(id.as_str(), |n| texts.pick(n));
                texts.fmt(
                    "store.warning.not_in_catalog",
                    &[("name", name), ("id", id), ("edition", edition)],
                )
            }
            Warning::KeptAside { path } => {
                texts.fmt("store.warning.kept_aside", &[("file", &show(path))])
            }
        }
    }

    /// Loud warnings (a damaged or missing file) come first and stand out.
    pub fn is_loud(&self) -> bool {
        matches!(
            self,
            Warning::BackupUsed { .. } | Warning::MainMissing { .. } | Warning::KeptAside { .. }
        )
    }
}

impl Damage {
    /// What is wrong, in words: "the file ends early (it may have been cut off)".
    pub fn message(&self, texts: &Texts) -> String {
        match self {
            Damage::EndsEarly => texts.get("store.damage.ends_early").to_string(),
            Damage::NotUtf8 => texts.get("store.damage.not_utf8").to_string(),
            Damage::Syntax(reason) => texts.fmt("store.damage.syntax", &[("reason", reason)]),
        }
    }
}

/// Text key naming a kind of file ("a named pipe (FIFO)").
pub fn kind_key(kind: FileKind) -> &'static str {
    match kind {
        FileKind::Directory => "store.kind.directory",
        FileKind::Fifo => "store.kind.fifo",
        FileKind::Device => "store.kind.device",
        FileKind::Socket => "store.kind.socket",
        FileKind::Other => "store.kind.other",
    }
}

fn show(path: &Path) -> String {
    path.display().to_string()
}

/// English texts for `Display` (logs, `anyhow` chains); users see [`StoreError::message`].
fn english() -> &'static Texts {
    static TEXTS: OnceLock<Texts> = OnceLock::new();
    TEXTS.get_or_init(|| Texts::embedded(Lang::En))
}
