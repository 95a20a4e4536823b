//! Saved assessments: atomic, versioned RON files in the saves directory.

use std::path::{Path, PathBuf};

use crate::domain::assessment::Assessment;

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
    /// Warnings to show (backup used, offerings no longer in the catalogue, …), as text keys.
    pub warnings: Vec<String>,
}

/// A store operation that failed, with the file and what to do.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{0}")]
    Other(String),
}

impl Store {
    pub fn new(dir: impl Into<PathBuf>) -> Store {
        Store { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Loads NAME (in the saves directory) or PATH (contains `/` or ends in `.ron`).
    pub fn load(&self, target: &str) -> Result<Loaded, StoreError> {
        let _ = target;
        todo!("store: load")
    }

    /// A new assessment that has not been saved yet.
    pub fn create(&self, assessment: Assessment) -> Loaded {
        Loaded { assessment, path: None, read_only: false, warnings: Vec::new() }
    }

    /// Saves atomically; returns the path written.
    pub fn save(&self, loaded: &mut Loaded) -> Result<PathBuf, StoreError> {
        let _ = loaded;
        todo!("store: save")
    }
}
