//! `meetcheck` without arguments, `meetcheck new` and `meetcheck resume`: the wizard.

use std::process::ExitCode;

use anyhow::{Result, bail};

use super::Context;

/// The commands that exist so far, with the key of their one-line description.
const COMMANDS: [(&str, &str); 7] = [
    ("meetcheck new", "catalog.commands_new"),
    ("meetcheck resume", "catalog.commands_resume"),
    ("meetcheck list", "catalog.commands_list"),
    ("meetcheck show NAME", "catalog.commands_show"),
    ("meetcheck delete NAME", "catalog.commands_delete"),
    ("meetcheck export NAME", "catalog.commands_export"),
    ("meetcheck catalog", "catalog.commands_catalog"),
];

pub fn run(ctx: &Context) -> Result<ExitCode> {
    let code = super::catalog::run(ctx, None)?;
    println!();
    println!("{}", ctx.texts.get("catalog.commands_title"));
    for (command, key) in COMMANDS {
        println!("  {command:<24}{}", ctx.texts.get(key));
    }
    Ok(code)
}

pub fn new(_ctx: &Context, _title: Option<String>, _from: Option<String>) -> Result<ExitCode> {
    bail!("not available yet")
}

pub fn resume(_ctx: &Context, _target: Option<String>) -> Result<ExitCode> {
    bail!("not available yet")
}
