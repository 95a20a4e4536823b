//! Store errors and warnings in words: the store reports structured values
//! ([`crate::store::StoreError`], [`crate::store::Warning`]); the commands and the wizard show
//! them through these, in German or English, naming the file and what to do.

use std::fmt;
use std::path::Path;
use std::sync::OnceLock;

use crate::i18n::{Lang, Texts};
use crate::store::format::Damage;
use crate::store::{BackupState, FileKind, StoreError, Warning};

/// English, for logs and `anyhow` chains; users see [`StoreError::message`].
impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(english()))
    }
}

impl StoreError {
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
