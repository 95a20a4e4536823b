//! `--help` in the reader's language. clap writes help from the English doc comments of the
//! argument definitions, with English headings; [`localise`] replaces every description, heading
//! and usage line with the texts of `assets/i18n`. A description that has no text keeps clap's
//! (and the test of the binary names it).

use crate::i18n::{Key, k};
use clap::{Arg, Command};

use crate::i18n::Texts;

/// The text key of a command's description: `cli.cmd.list`; the whole program's is `cli.about`.
pub fn command_key(command: Option<&str>) -> String {
    match command {
        Some(name) => format!("cli.cmd.{name}"),
        None => k::CLI_ABOUT.name().to_string(),
    }
}

/// The text key of an argument's description: `cli.arg.export.kind`; options that every command
/// takes (`--lang`, `--help`) have one key, `cli.arg.lang`.
pub fn arg_key(command: Option<&str>, id: &str) -> String {
    match command {
        Some(name) => format!("cli.arg.{name}.{id}"),
        None => format!("cli.arg.{id}"),
    }
}

/// Arguments clap adds itself, described once for every command.
const BUILT_IN: [&str; 2] = ["help", "version"];

/// `command` (not yet built) with descriptions, headings and usage lines from `texts`; built.
pub fn localise(command: Command, texts: &Texts) -> Command {
    let describe = |key: String, fallback: Option<String>| -> String {
        if texts.has(&key) { texts.by_name(&key).to_string() } else { fallback.unwrap_or_default() }
    };
    // Before building: the program's own options reach every command when clap builds it.
    let mut command = command.about(describe(command_key(None), None));
    let own: Vec<String> = command.get_arguments().map(|a| a.get_id().to_string()).collect();
    for id in &own {
        let key = arg_key(None, id);
        command = command.mut_arg(id, |arg| {
            let fallback = arg.get_help().map(ToString::to_string);
            quiet(arg.help(describe(key, fallback)))
        });
    }
    let names: Vec<String> = command.get_subcommands().map(|c| c.get_name().to_string()).collect();
    for name in &names {
        command = command.mut_subcommand(name, |sub| {
            let fallback = sub.get_about().map(ToString::to_string);
            let mut sub = sub.about(describe(command_key(Some(name)), fallback));
            let ids: Vec<String> = sub.get_arguments().map(|a| a.get_id().to_string()).collect();
            for id in ids {
                let key = arg_key(Some(name), &id);
                sub = sub.mut_arg(&id, |arg| {
                    let fallback = arg.get_help().map(ToString::to_string);
                    quiet(arg.help(describe(key, fallback)))
                });
            }
            sub
        });
    }
    // After building: the arguments and the `help` command clap adds, usage lines, headings.
    command.build();
    let mut command = finish(command, texts);
    let names: Vec<String> = command.get_subcommands().map(|c| c.get_name().to_string()).collect();
    for name in names {
        command = command.mut_subcommand(&name, |sub| {
            let about = sub.get_about().map(ToString::to_string);
            let sub = sub.about(describe(command_key(Some(&name)), about));
            finish(sub, texts)
        });
    }
    command
}

/// Without clap's English "[possible values: …]", "[default: …]" and "[env: …]": the
/// descriptions say it in the reader's language.
fn quiet(arg: Arg) -> Arg {
    let arg = arg.hide_env(true);
    if arg.get_action().takes_values() {
        arg.hide_possible_values(true).hide_default_value(true)
    } else {
        arg
    }
}

/// The built-in arguments described, the usage line and the headings in the reader's language.
fn finish(mut command: Command, texts: &Texts) -> Command {
    for id in BUILT_IN {
        if command.get_arguments().any(|a| a.get_id() == id) {
            command =
                command.mut_arg(id, |arg| arg.help(texts.by_name(&arg_key(None, id)).to_string()));
        }
    }
    let usage = command.render_usage().to_string();
    let usage = usage.strip_prefix("Usage:").unwrap_or(&usage).trim();
    let usage = usage
        .replace("[OPTIONS]", texts.get(k::CLI_USAGE_OPTIONS))
        .replace("[COMMAND]", texts.get(k::CLI_USAGE_COMMAND));
    let mut template =
        format!("{{about}}\n\n{}\n", texts.fmt(k::CLI_USAGE, &[("usage", "{usage}")]));
    let mut section = |heading: Key, tag: &str| {
        template.push_str(&format!("\n{}\n{tag}\n", texts.get(heading)));
    };
    if command.has_subcommands() {
        section(k::CLI_HEADING_COMMANDS, "{subcommands}");
    }
    if command.get_positionals().next().is_some() {
        section(k::CLI_HEADING_ARGUMENTS, "{positionals}");
    }
    section(k::CLI_HEADING_OPTIONS, "{options}");
    command.override_usage(usage).help_template(template)
}
