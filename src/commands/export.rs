//! `meetcheck export NAME|PATH [-o FILE|-] [--kind record|notice|ropa] [--force] [--mode MODE]`:
//! Markdown to a file (private unless `--mode` says otherwise) or standard output, no terminal UI.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Result, anyhow};

use super::Context;
use crate::cli;
use crate::export::{self, Kind, WriteError};
use crate::store::Store;

pub fn run(
    ctx: &Context,
    target: &str,
    output: Option<PathBuf>,
    kind: Kind,
    force: bool,
    mode: u32,
) -> Result<ExitCode> {
    let store = Store::new(ctx.saves_dir()?);
    // Exporting changes nothing: no lock, no directory created.
    let loaded = store.inspect(target).map_err(|e| anyhow!(e.message(&ctx.texts)))?;
    // Standard output carries only the Markdown; a damaged or missing file is reported aside.
    for warning in loaded.warnings.iter().filter(|w| w.is_loud()) {
        cli::report(&warning.message(&ctx.texts));
    }
    let catalog = ctx.catalog()?;
    let today = jiff::ZonedDateTime::now().date();
    let markdown = export::render(kind, &loaded.assessment, &catalog, &ctx.texts, today);
    // `-o -` is standard output, as is no `-o` at all.
    let Some(path) = output.filter(|path| path.as_os_str() != "-") else {
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(markdown.as_bytes())?;
        stdout.flush()?;
        return Ok(ExitCode::SUCCESS);
    };
    let shown = path.display().to_string();
    match export::write_file_with_mode(&path, &markdown, force, mode) {
        Ok(()) => {
            cli::report(&ctx.texts.fmt("export.written", &[("path", &shown)]));
            Ok(ExitCode::SUCCESS)
        }
        Err(WriteError::Exists(_)) => {
            Err(anyhow!("{}", ctx.texts.fmt("export.error.exists", &[("path", &shown)])))
        }
        Err(WriteError::NotRegular(_)) => {
            Err(anyhow!("{}", ctx.texts.fmt("export.error.not_regular", &[("path", &shown)])))
        }
        Err(WriteError::Io(_, e)) => Err(anyhow!(
            "{}",
            ctx.texts.fmt("export.error.write", &[("path", &shown), ("error", &e.to_string())])
        )),
    }
}
