//! Store errors and warnings in words: the store reports structured values
//! ([`crate::store::StoreError`], [`crate::store::Warning`]); the commands and the wizard show
//! them through these, in German or English, naming the file and what to do.

use crate::i18n::k;
use std::fmt;
use std::path::Path;
use std::sync::OnceLock;

use crate::i18n::{Key, Lang, Texts};
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
                texts.fmt(k::STORE_ERROR_NOT_FOUND, &[("name", name), ("dir", &show(dir))])
            }
            StoreError::Ambiguous { prefix, candidates, dir } => {
                let list: Vec<String> = candidates.iter().map(|c| format!("  {c}")).collect();
                texts.fmt(
                    k::STORE_ERROR_AMBIGUOUS,
                    &[
                        ("prefix", prefix),
                        ("count", &candidates.len().to_string()),
                        ("dir", &show(dir)),
                        ("candidates", &list.join("\n")),
                    ],
                )
            }
            StoreError::BadName { name } => {
                texts.fmt(k::STORE_ERROR_BAD_NAME, &[("name", &name.escape_debug().to_string())])
            }
            StoreError::Read { path, source } => texts.fmt(
                k::STORE_ERROR_READ,
                &[("file", &show(path)), ("reason", &source.to_string())],
            ),
            StoreError::Write { path, source } => texts.fmt(
                k::STORE_ERROR_WRITE,
                &[("file", &show(path)), ("reason", &source.to_string())],
            ),
            StoreError::Corrupt { path, line, column, reason, backup } => texts.fmt(
                k::STORE_ERROR_CORRUPT,
                &[
                    ("file", &show(path)),
                    ("line", &line.to_string()),
                    ("column", &column.to_string()),
                    ("reason", &reason.message(texts)),
                    ("backup", &backup.message(texts)),
                ],
            ),
            StoreError::MissingWithBackup { path, backup } => texts.fmt(
                k::STORE_ERROR_MISSING_WITH_BACKUP,
                &[("file", &show(path)), ("backup", &backup.message(texts))],
            ),
            StoreError::NotRegular { path, kind } => texts.fmt(
                k::STORE_ERROR_NOT_REGULAR,
                &[("file", &show(path)), ("kind", texts.get(kind_key(*kind)))],
            ),
            StoreError::TooLarge { path, size, limit } => texts.fmt(
                k::STORE_ERROR_TOO_LARGE,
                &[
                    ("file", &show(path)),
                    ("size", &size.to_string()),
                    ("limit", &limit.to_string()),
                ],
            ),
            StoreError::Link { path } => texts.fmt(k::STORE_ERROR_LINK, &[("file", &show(path))]),
            StoreError::NotADirectory { dir } => {
                texts.fmt(k::STORE_ERROR_NOT_A_DIRECTORY, &[("dir", &show(dir))])
            }
            StoreError::Newer { path, version, supported } => texts.fmt(
                k::STORE_ERROR_NEWER,
                &[
                    ("file", &show(path)),
                    ("version", &version.to_string()),
                    ("supported", &supported.to_string()),
                ],
            ),
            StoreError::Unsupported { path, version } => texts.fmt(
                k::STORE_ERROR_UNSUPPORTED,
                &[("file", &show(path)), ("version", &version.to_string())],
            ),
            StoreError::Locked { path } => {
                texts.fmt(k::STORE_ERROR_LOCKED, &[("file", &show(path))])
            }
            StoreError::Changed { path } => {
                texts.fmt(k::STORE_ERROR_CHANGED, &[("file", &show(path))])
            }
            StoreError::Vanished { path } => {
                texts.fmt(k::STORE_ERROR_VANISHED, &[("file", &show(path))])
            }
            StoreError::Outside { path, dir } => {
                texts.fmt(k::STORE_ERROR_OUTSIDE, &[("file", &show(path)), ("dir", &show(dir))])
            }
            StoreError::Serialize { reason } => {
                texts.fmt(k::STORE_ERROR_SERIALIZE, &[("reason", reason)])
            }
        }
    }
}

impl BackupState {
    fn message(&self, texts: &Texts) -> String {
        match self {
            BackupState::Missing { path } => {
                texts.fmt(k::STORE_ERROR_BACKUP_MISSING, &[("backup", &show(path))])
            }
            BackupState::Broken { path, line, column, reason } => texts.fmt(
                k::STORE_ERROR_BACKUP_BROKEN,
                &[
                    ("backup", &show(path)),
                    ("line", &line.to_string()),
                    ("column", &column.to_string()),
                    ("reason", &reason.message(texts)),
                ],
            ),
            BackupState::Unreadable { path, reason } => texts.fmt(
                k::STORE_ERROR_BACKUP_UNREADABLE,
                &[("backup", &show(path)), ("reason", reason)],
            ),
            BackupState::Newer { path, version } => texts.fmt(
                k::STORE_ERROR_BACKUP_NEWER,
                &[("backup", &show(path)), ("version", &version.to_string())],
            ),
            BackupState::Unsupported { path, version } => texts.fmt(
                k::STORE_ERROR_BACKUP_UNSUPPORTED,
                &[("backup", &show(path)), ("version", &version.to_string())],
            ),
        }
    }
}

impl Damage {
    /// What is wrong, in words: "the file ends early (it may have been cut off)".
    pub fn message(&self, texts: &Texts) -> String {
        match self {
            Damage::EndsEarly => texts.get(k::STORE_DAMAGE_ENDS_EARLY).to_string(),
            Damage::NotUtf8 => texts.get(k::STORE_DAMAGE_NOT_UTF8).to_string(),
            Damage::Syntax(reason) => texts.fmt(k::STORE_DAMAGE_SYNTAX, &[("reason", reason)]),
        }
    }
}

impl Warning {
    pub fn message(&self, texts: &Texts) -> String {
        match self {
            Warning::BackupUsed { path, backup, line, column, reason } => texts.fmt(
                k::STORE_WARNING_BACKUP_USED,
                &[
                    ("file", &show(path)),
                    ("backup", &show(backup)),
                    ("line", &line.to_string()),
                    ("column", &column.to_string()),
                    ("reason", &reason.message(texts)),
                ],
            ),
            Warning::MainMissing { path, backup } => texts.fmt(
                k::STORE_WARNING_MAIN_MISSING,
                &[("file", &show(path)), ("backup", &show(backup))],
            ),
            Warning::Migrated { path, from, to } => texts.fmt(
                k::STORE_WARNING_MIGRATED,
                &[("file", &show(path)), ("from", &from.to_string()), ("to", &to.to_string())],
            ),
            Warning::OpenElsewhere { path } => {
                texts.fmt(k::STORE_WARNING_OPEN_ELSEWHERE, &[("file", &show(path))])
            }
            Warning::ReadOnly { path } => {
                texts.fmt(k::STORE_WARNING_READ_ONLY, &[("file", &show(path))])
            }
            Warning::NotInCatalog { id, name, edition } => {
                let name = name.as_ref().map_or(id.as_str(), |n| texts.pick(n));
                texts.fmt(
                    k::STORE_WARNING_NOT_IN_CATALOG,
                    &[("name", name), ("id", id), ("edition", edition)],
                )
            }
            Warning::KeptAside { path } => {
                texts.fmt(k::STORE_WARNING_KEPT_ASIDE, &[("file", &show(path))])
            }
        }
    }
}

/// Text key naming a kind of file ("a named pipe (FIFO)").
pub fn kind_key(kind: FileKind) -> Key {
    match kind {
        FileKind::Directory => k::STORE_KIND_DIRECTORY,
        FileKind::Fifo => k::STORE_KIND_FIFO,
        FileKind::Device => k::STORE_KIND_DEVICE,
        FileKind::Socket => k::STORE_KIND_SOCKET,
        FileKind::Other => k::STORE_KIND_OTHER,
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
