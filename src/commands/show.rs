//! `meetcheck show`.

use std::process::ExitCode;

use anyhow::{Result, bail};

use super::Context;

pub fn run(_ctx: &Context, _target: &str) -> Result<ExitCode> {
    bail!("not available yet")
}
