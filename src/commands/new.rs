//! `meetcheck new --answers FILE [--title T]`: an assessment from an answers file, without the
//! wizard. The file holds the `scenario: ( … )` block of a save (so a user can copy it from one);
//! answers it leaves out take their defaults. A misspelt field or value is an error with line and
//! column, and nothing is written.

use crate::i18n::k;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context as _, Result, anyhow};
use jiff::Timestamp;

use super::Context;
use crate::domain::assessment::Assessment;
use crate::domain::scenario::Step;
use crate::store::{Store, names};

pub fn from_answers(ctx: &Context, file: &Path, title: Option<String>) -> Result<ExitCode> {
    let t = &ctx.texts;
    let text = std::fs::read_to_string(file).with_context(|| {
        t.fmt(k::NEW_ANSWERS_UNREADABLE, &[("file", &file.display().to_string())])
    })?;
    let scenario = crate::answers_text::parse(&text).map_err(|e| {
        anyhow!(
            "{}:{}:{}: {}\n{}",
            file.display(),
            e.line,
            e.column,
            e.message,
            t.get(k::NEW_ANSWERS_FIX_HINT)
        )
    })?;
    if let Some(problem) = scenario.problem() {
        anyhow::bail!("{}: {}", file.display(), t.by_name(problem.key()));
    }
    let catalog = ctx.catalog()?;
    let title = title.unwrap_or_else(|| default_title(file));
    let mut assessment =
        Assessment::new(names::new_id(), title, Timestamp::now(), catalog.edition.clone());
    assessment.scenario = scenario;
    // Every scenario step is answered: resuming lands on the results.
    assessment.step = Step::Results;
    let store = Store::new(ctx.saves_dir()?);
    let mut loaded = store.create(assessment);
    store.save(&mut loaded).map_err(|e| anyhow!(e.message(t)))?;
    println!("{}", loaded.name().unwrap_or_default());
    Ok(ExitCode::SUCCESS)
}

/// The file name without its extension ("kanzlei-mandantengespraeche.ron" → "kanzlei-
/// mandantengespraeche"): a title the user recognises until they give a better one.
fn default_title(file: &Path) -> String {
    file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
}
