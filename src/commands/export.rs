//! `meetcheck export NAME|PATH [-o FILE|-] [--kind record|notice|ropa] [--full] [--adr-dir DIR]
//! [--force] [--mode MODE]`: Markdown to a file (private unless `--mode` says otherwise), a
//! directory of decision records or standard output, no terminal UI.

use crate::i18n::k;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Result, anyhow};

use super::Context;
use crate::cli;
use crate::export::{self, Kind, Occupant, Options, WriteError};
use crate::i18n::Texts;
use crate::store::Store;

/// Where the document goes.
#[derive(Debug)]
pub enum Destination {
    Stdout,
    File(PathBuf),
    /// A directory of decision records: `NNNN-title.md` with the next free number.
    RecordDir(PathBuf),
}

impl Destination {
    /// From `-o` (where `-` is standard output) and `--adr-dir`; clap keeps them exclusive.
    pub fn from_args(output: Option<PathBuf>, adr_dir: Option<PathBuf>) -> Destination {
        match (output, adr_dir) {
            (_, Some(dir)) => Destination::RecordDir(dir),
            (Some(path), None) if path.as_os_str() == "-" => Destination::Stdout,
            (Some(path), None) => Destination::File(path),
            (None, None) => Destination::Stdout,
        }
    }
}

/// The options of `export` besides where the document goes.
#[derive(Debug)]
pub struct Args {
    /// Which document.
    pub kind: Kind,
    /// The record's fact appendix for every offering.
    pub full: bool,
    /// Replace an existing regular file.
    pub force: bool,
    /// Permission bits of the file written.
    pub mode: u32,
}

pub fn run(ctx: &Context, target: &str, destination: Destination, args: &Args) -> Result<ExitCode> {
    let (kind, full, force, mode) = (args.kind, args.full, args.force, args.mode);
    if matches!(destination, Destination::RecordDir(_)) && kind != Kind::Record {
        cli::report(ctx.texts.get(k::EXPORT_ERROR_ADR_KIND));
        return Ok(ExitCode::from(2));
    }
    let store = Store::new(ctx.saves_dir()?);
    // Exporting changes nothing: no lock, no directory created.
    let loaded = store.inspect(target).map_err(|e| anyhow!(e.message(&ctx.texts)))?;
    // Standard output carries only the Markdown; a damaged or missing file is reported aside.
    for warning in loaded.warnings.iter().filter(|w| w.is_loud()) {
        cli::report(&warning.message(&ctx.texts));
    }
    let catalog = ctx.catalog()?;
    let today = jiff::ZonedDateTime::now().date();
    let texts = &ctx.texts;
    let a = &loaded.assessment;
    let options = Options { full, numbering: None };
    match destination {
        Destination::Stdout => {
            let markdown = export::render_with(kind, a, &catalog, texts, today, &options);
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(markdown.as_bytes())?;
            stdout.flush()?;
        }
        Destination::File(path) => {
            let markdown = export::render_with(kind, a, &catalog, texts, today, &options);
            export::write_file_with_mode(&path, &markdown, force, mode)
                .map_err(|e| error(texts, &e))?;
            cli::report(&texts.fmt(k::EXPORT_WRITTEN, &[("path", &path.display().to_string())]));
        }
        Destination::RecordDir(dir) => {
            let written =
                export::write_numbered_record(&dir, a, &catalog, texts, today, full, mode)
                    .map_err(|e| error(texts, &e))?;
            let path = written.path.display().to_string();
            let number = export::adr_label(written.number);
            cli::report(&texts.fmt(k::EXPORT_ADR_WRITTEN, &[("path", &path), ("adr", &number)]));
            if let Some(earlier) = written.superseded {
                let old = export::adr_label(earlier.number);
                let shown = earlier.path.display().to_string();
                cli::report(&texts.fmt(
                    k::EXPORT_ADR_MARKED,
                    &[("path", &shown), ("adr", &old), ("by", &number)],
                ));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The refusal or failure in words, naming the path and what to do.
fn error(texts: &Texts, error: &WriteError) -> anyhow::Error {
    let shown = |p: &Path| p.display().to_string();
    match error {
        WriteError::Exists(path) => {
            anyhow!("{}", texts.fmt(k::EXPORT_ERROR_EXISTS, &[("path", &shown(path))]))
        }
        WriteError::NotAFile(path, Occupant::SymbolicLink) => {
            anyhow!("{}", texts.fmt(k::EXPORT_ERROR_LINK, &[("path", &shown(path))]))
        }
        WriteError::NotAFile(path, occupant) => {
            let what = texts.get(match occupant {
                Occupant::Directory => k::EXPORT_OCCUPANT_DIRECTORY,
                Occupant::Pipe => k::EXPORT_OCCUPANT_PIPE,
                Occupant::Device => k::EXPORT_OCCUPANT_DEVICE,
                Occupant::Socket => k::EXPORT_OCCUPANT_SOCKET,
                Occupant::SymbolicLink | Occupant::Other => k::EXPORT_OCCUPANT_OTHER,
            });
            anyhow!(
                "{}",
                texts.fmt(k::EXPORT_ERROR_NOT_A_FILE, &[("path", &shown(path)), ("what", what)])
            )
        }
        WriteError::Io(path, e) => anyhow!(
            "{}",
            texts.fmt(k::EXPORT_ERROR_WRITE, &[("path", &shown(path)), ("error", &e.to_string())])
        ),
    }
}
