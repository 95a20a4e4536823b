//! `meetcheck delete NAME [--yes]`: deletes an assessment and its backup after confirmation.

use crate::i18n::k;
use std::io::{BufRead, Write};
use std::process::ExitCode;

use anyhow::{Result, anyhow};

use super::Context;
use crate::cli;
use crate::store::{BackupState, Store, StoreError};
use crate::terminal_text::for_terminal;

/// Answers that confirm, in either language (lower-cased, trimmed).
const YES: [&str; 4] = ["j", "ja", "y", "yes"];

pub fn run(ctx: &Context, name: &str, yes: bool) -> Result<ExitCode> {
    let texts = &ctx.texts;
    let mut out = std::io::stdout().lock();
    let store = Store::new(ctx.saves_dir()?);
    let path = store.saved_path(name).map_err(|e| anyhow!(e.message(texts)))?;
    let inspected = store.inspect(name);
    // A file from a newer meetcheck cannot be summarised here: it is named and deleted only
    // after an explicit answer, even with --yes.
    let newer = match &inspected {
        Err(StoreError::Newer { version, .. }) => Some(*version),
        Err(StoreError::MissingWithBackup { backup, .. }) => match backup.as_ref() {
            BackupState::Newer { version, .. } => Some(*version),
            _ => None,
        },
        _ => None,
    };
    if !yes || newer.is_some() {
        // A damaged file can still be deleted; the question then names only the file.
        let title = inspected.ok().map(|l| l.assessment.meta.title);
        let file = path.display().to_string();
        let question = match (newer, &title) {
            (Some(version), _) => texts.fmt(
                k::DELETE_CONFIRM_NEWER,
                &[("file", &file), ("version", &version.to_string())],
            ),
            (None, Some(title)) => {
                texts.fmt(k::DELETE_CONFIRM, &[("title", title), ("file", &file)])
            }
            (None, None) => texts.fmt(k::DELETE_CONFIRM_FILE, &[("file", &file)]),
        };
        write!(out, "{} ", for_terminal(&question))?;
        out.flush()?;
        let mut answer = String::new();
        let read = std::io::stdin().lock().read_line(&mut answer)?;
        if read == 0 {
            let key = if newer.is_some() { k::DELETE_NO_ANSWER_NEWER } else { k::DELETE_NO_ANSWER };
            cli::report(texts.get(key));
            return Ok(ExitCode::from(1));
        }
        if !YES.contains(&answer.trim().to_lowercase().as_str()) {
            writeln!(out, "{}", texts.get(k::DELETE_CANCELLED))?;
            return Ok(ExitCode::SUCCESS);
        }
    }
    let removed = store.delete(name).map_err(|e| match e {
        StoreError::Locked { path } => {
            anyhow!(texts.fmt(k::DELETE_LOCKED, &[("file", &path.display().to_string())]))
        }
        other => anyhow!(other.message(texts)),
    })?;
    for file in removed {
        let line = texts.fmt(k::DELETE_REMOVED, &[("file", &file.display().to_string())]);
        writeln!(out, "{}", for_terminal(&line))?;
    }
    Ok(ExitCode::SUCCESS)
}
