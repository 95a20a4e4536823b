//! What can go wrong or needs saying, as structured values. The store holds no words: the
//! sentences (`crate::store_words`) turn them into German or English text naming the file and
//! what to do.

use std::io;
use std::path::{Path, PathBuf};

use super::disk::FileKind;
use super::format::Damage;
use crate::domain::facts::Text;

/// A store operation that failed: which file, and (in the message) what to do.
#[derive(Debug)]
pub enum StoreError {
    /// No assessment of that name in the saves directory.
    NotFound {
        name: String,
        dir: PathBuf,
    },
    /// A prefix that several saved names start with.
    Ambiguous {
        prefix: String,
        candidates: Vec<String>,
        dir: PathBuf,
    },
    /// The NAME contains characters a name cannot have.
    BadName {
        name: String,
    },
    Read {
        path: PathBuf,
        source: io::Error,
    },
    Write {
        path: PathBuf,
        source: io::Error,
    },
    /// Neither the file nor its backup loads. Both are left as they are.
    Corrupt {
        path: PathBuf,
        line: usize,
        column: usize,
        reason: Damage,
        backup: Box<BackupState>,
    },
    /// The file is missing and its backup does not load (newer, damaged, unreadable).
    MissingWithBackup {
        path: PathBuf,
        backup: Box<BackupState>,
    },
    /// A directory, FIFO, device or socket where a save should be: never read.
    NotRegular {
        path: PathBuf,
        kind: FileKind,
    },
    /// Larger than any save can be: not read.
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    /// A lock (or other file meetcheck creates) is a symbolic link: not followed, nothing written.
    Link {
        path: PathBuf,
    },
    /// The saves directory exists but is not a directory.
    NotADirectory {
        dir: PathBuf,
    },
    /// Written by a newer meetcheck; never replaced by an older backup.
    Newer {
        path: PathBuf,
        version: u32,
        supported: u32,
    },
    /// Older than any version this build reads.
    Unsupported {
        path: PathBuf,
        version: u32,
    },
    /// Another meetcheck has the assessment open; nothing was written.
    Locked {
        path: PathBuf,
    },
    /// The file changed on disk since it was loaded; nothing was written.
    Changed {
        path: PathBuf,
    },
    /// The file was deleted or moved away since it was loaded; nothing was written.
    Vanished {
        path: PathBuf,
    },
    /// A PATH outside the saves directory where only saved assessments are allowed.
    Outside {
        path: PathBuf,
        dir: PathBuf,
    },
    Serialize {
        reason: String,
    },
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
    /// Loud warnings (a damaged or missing file) come first and stand out.
    pub fn is_loud(&self) -> bool {
        matches!(
            self,
            Warning::BackupUsed { .. } | Warning::MainMissing { .. } | Warning::KeptAside { .. }
        )
    }
}

impl std::error::Error for StoreError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StoreError::Read { source, .. } | StoreError::Write { source, .. } => Some(source),
            _ => None,
        }
    }
}
