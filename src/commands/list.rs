//! `meetcheck list`.

use std::process::ExitCode;

use anyhow::{Result, bail};

use super::Context;

pub fn run(_ctx: &Context) -> Result<ExitCode> {
    bail!("not available yet")
}
