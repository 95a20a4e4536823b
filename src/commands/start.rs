//! `meetcheck` without arguments, `meetcheck new` and `meetcheck resume`: the wizard.

use std::process::ExitCode;

use anyhow::{Result, bail};

use super::Context;

pub fn run(ctx: &Context) -> Result<ExitCode> {
    super::catalog::run(ctx, None)
}

pub fn new(_ctx: &Context, _title: Option<String>, _from: Option<String>) -> Result<ExitCode> {
    bail!("not available yet")
}

pub fn resume(_ctx: &Context, _target: Option<String>) -> Result<ExitCode> {
    bail!("not available yet")
}
