//! `meetcheck catalog [--check FILE]`.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;

use super::Context;

pub fn run(ctx: &Context, _check: Option<PathBuf>) -> Result<ExitCode> {
    let catalog = ctx.catalog()?;
    for offering in &catalog.offerings {
        println!("{}\t{}", offering.id, ctx.texts.pick(&offering.name));
    }
    Ok(ExitCode::SUCCESS)
}
