//! `meetcheck delete`.

use std::process::ExitCode;

use anyhow::{Result, bail};

use super::Context;

pub fn run(_ctx: &Context, _name: &str, _yes: bool) -> Result<ExitCode> {
    bail!("not available yet")
}
