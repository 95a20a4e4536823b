//! `meetcheck export`.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Result, bail};

use super::Context;

pub fn run(
    _ctx: &Context,
    _target: &str,
    _output: Option<PathBuf>,
    _kind: &str,
    _force: bool,
) -> Result<ExitCode> {
    bail!("not available yet")
}
