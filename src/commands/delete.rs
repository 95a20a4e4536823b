//! `meetcheck delete NAME [--yes]`: deletes an assessment and its backup after confirmation.

use std::io::{BufRead, Write};
use std::process::ExitCode;

use anyhow::{Result, anyhow};

use super::Context;
use crate::cli;
use crate::store::Store;

/// Answers that confirm, in either language (lower-cased, trimmed).
const YES: [&str; 4] = ["j", "ja", "y", "yes"];

pub fn run(ctx: &Context, name: &str, yes: bool) -> Result<ExitCode> {
    let texts = &ctx.texts;
    let mut out = std::io::stdout().lock();
    let store = Store::new(ctx.saves_dir()?);
    let path = store.saved_path(name).map_err(|e| anyhow!(e.message(texts)))?;
    if !yes {
        // A damaged file can still be deleted; the question then names only the file.
        let title = store.inspect(name).ok().map(|l| l.assessment.meta.title);
        let file = path.display().to_string();
        let question = match &title {
            Some(title) => texts.fmt("delete.confirm", &[("title", title), ("file", &file)]),
            None => texts.fmt("delete.confirm_file", &[("file", &file)]),
        };
        write!(out, "{question} ")?;
        out.flush()?;
        let mut answer = String::new();
        let read = std::io::stdin().lock().read_line(&mut answer)?;
        if read == 0 {
            cli::report(texts.get("delete.no_answer"));
            return Ok(ExitCode::from(1));
        }
        if !YES.contains(&answer.trim().to_lowercase().as_str()) {
            writeln!(out, "{}", texts.get("delete.cancelled"))?;
            return Ok(ExitCode::SUCCESS);
        }
    }
    let removed = store.delete(name).map_err(|e| anyhow!(e.message(texts)))?;
    for file in removed {
        writeln!(out, "{}", texts.fmt("delete.removed", &[("file", &file.display().to_string())]))?;
    }
    Ok(ExitCode::SUCCESS)
}
