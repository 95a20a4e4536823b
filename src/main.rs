//! The `meetcheck` binary: parses the command line and hands over to the library.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use meetcheck::cli;
use meetcheck::commands::{self, Context};
use meetcheck::export::Kind;
use meetcheck::i18n::{Lang, Texts};
use meetcheck::terminal_text::for_terminal;

#[derive(Parser, Debug)]
#[command(
    name = "meetcheck",
    version,
    about = "Choose a GDPR-compliant online meeting platform and document the decision / Eine DSGVO-konforme Online-Meeting-Plattform auswählen und die Entscheidung dokumentieren"
)]
struct Cli {
    /// Language (default from LC_ALL / LC_MESSAGES / LANG, else the system's, else de)
    #[arg(long, global = true)]
    lang: Option<LangArg>,
    /// Directory of saved assessments
    #[arg(long, global = true, env = "MEETCHECK_SAVES_DIR", value_name = "DIR")]
    saves_dir: Option<PathBuf>,
    /// A catalogue file that adds or overrides offerings by id
    #[arg(long, global = true, env = "MEETCHECK_CATALOG", value_name = "FILE")]
    catalog: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Start a new assessment
    New {
        #[arg(long)]
        title: Option<String>,
        /// Copy the answers of another assessment (NAME or PATH)
        #[arg(long, conflicts_with = "answers")]
        from: Option<String>,
        /// Create it from an answers file (the `scenario: ( … )` block of a save, in RON) without
        /// the wizard, and print its NAME
        #[arg(long, value_name = "FILE")]
        answers: Option<PathBuf>,
    },
    /// Reopen an assessment at the step where it was left (default: the latest)
    Resume {
        #[arg(value_name = "NAME|PATH")]
        target: Option<String>,
    },
    /// List saved assessments
    List {
        /// One JSON object per assessment, in an array
        #[arg(long)]
        json: bool,
    },
    /// Print a plain-text summary of one assessment
    Show {
        #[arg(value_name = "NAME|PATH")]
        target: String,
        /// Print the outcome as one JSON object: candidates with tier, excluded with rule ids,
        /// to-dos, decision
        #[arg(long)]
        json: bool,
    },
    /// Delete an assessment and its backup
    Delete {
        #[arg(value_name = "NAME")]
        name: String,
        /// Do not ask for confirmation
        #[arg(long)]
        yes: bool,
    },
    /// Export the decision record (or the notice / record-of-processing draft) as Markdown
    Export {
        #[arg(value_name = "NAME|PATH")]
        target: String,
        /// Write to FILE instead of standard output (`-`: standard output)
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
        /// Which document
        #[arg(long, value_enum, default_value_t = KindArg::Record)]
        kind: KindArg,
        /// Add the fact appendix of every offering to the decision record
        #[arg(long)]
        full: bool,
        /// Write the decision record into a directory of records as NNNN-title.md (next free
        /// number); an earlier record of the same assessment there is marked superseded
        #[arg(long, value_name = "DIR", conflicts_with = "output")]
        adr_dir: Option<PathBuf>,
        /// Overwrite FILE if it exists (never a directory, device, pipe or symbolic link)
        #[arg(long)]
        force: bool,
        /// Permissions of the file written in octal (default 600: only you can read it; 644
        /// shares it)
        #[arg(long, value_name = "MODE", default_value = "600", value_parser = parse_mode)]
        mode: u32,
    },
    /// List the catalogue of offerings, print every fact as JSON or its coverage, or check a
    /// catalogue file
    Catalog {
        /// Validate FILE instead of listing
        #[arg(long, value_name = "FILE", conflicts_with_all = ["json", "stats"])]
        check: Option<PathBuf>,
        /// Every offering with every fact (state, value, source, as-of, certainty) as JSON
        #[arg(long, conflicts_with = "stats")]
        json: bool,
        /// Per field: known, unknown, not applicable, share from primary sources, stale
        #[arg(long)]
        stats: bool,
    },
    /// Record a fact the organisation verified itself (its processing agreement, the provider's
    /// written answer): it fills what the catalogue does not know for this assessment
    Evidence {
        #[arg(value_name = "NAME|PATH")]
        target: String,
        /// The offering's id (`meetcheck catalog` lists them)
        #[arg(long, value_name = "ID")]
        offering: String,
        /// The verified fact in RON, e.g. `Dpa(Standard)`, `ProcessingLocations(["DE"])`,
        /// `Feature(Lobby, true)`, `KbvListed(true)`
        #[arg(long, value_name = "FACT")]
        fact: String,
        /// The document it rests on, e.g. "Processing agreement No. 2026-041, section 3"
        #[arg(long, value_name = "DOCUMENT")]
        document: String,
        /// Who checked it
        #[arg(long, value_name = "WHO")]
        by: String,
        /// When it was checked (default: today)
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<jiff::civil::Date>,
    },
    /// Check every saved decision against today's catalogue (changes read only, nothing altered)
    Recheck {
        /// Only the decisions whose review date is due
        #[arg(long)]
        due: bool,
    },
}

/// The languages of `--lang`.
#[derive(Clone, Copy, Debug, ValueEnum)]
enum LangArg {
    De,
    En,
}

impl From<LangArg> for Lang {
    fn from(arg: LangArg) -> Lang {
        match arg {
            LangArg::De => Lang::De,
            LangArg::En => Lang::En,
        }
    }
}

/// The documents of `export --kind`.
#[derive(Clone, Copy, Debug, ValueEnum)]
enum KindArg {
    /// The decision record
    Record,
    /// The participant information (Art. 13 GDPR), a draft
    Notice,
    /// The record of processing (Art. 30 GDPR), a draft
    Ropa,
}

impl From<KindArg> for Kind {
    fn from(arg: KindArg) -> Kind {
        match arg {
            KindArg::Record => Kind::Record,
            KindArg::Notice => Kind::Notice,
            KindArg::Ropa => Kind::Ropa,
        }
    }
}

/// `600`, `0644`: permission bits in octal, nothing beyond `777`.
fn parse_mode(text: &str) -> Result<u32, String> {
    match u32::from_str_radix(text, 8) {
        Ok(mode) if mode <= 0o777 => Ok(mode),
        _ => Err(format!("“{text}” is not a file mode in octal such as 600 or 644")),
    }
}

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // The language is needed before parsing: help and usage errors are already in it.
    let early = cli::lang_in_args(&args).unwrap_or_else(Lang::from_environment);
    let texts = Texts::embedded(early);
    let mut command = cli::localise(Cli::command(), &texts);
    let cli = match command.try_get_matches_from_mut(&args) {
        Ok(matches) => match Cli::from_arg_matches(&matches) {
            Ok(cli) => cli,
            Err(error) => return usage_error(&error, &command, &args, &texts),
        },
        Err(error) => return usage_error(&error, &command, &args, &texts),
    };
    let lang = cli.lang.map_or(early, Lang::from);
    let ctx = Context::new(lang, cli.saves_dir, cli.catalog);
    let result = match cli.command {
        None => commands::start::run(&ctx),
        Some(Command::New { title, answers: Some(file), .. }) => {
            commands::new::from_answers(&ctx, &file, title)
        }
        Some(Command::New { title, from, answers: None }) => {
            commands::start::new(&ctx, title, from)
        }
        Some(Command::Resume { target }) => commands::start::resume(&ctx, target),
        Some(Command::List { json }) => commands::list::run(&ctx, json),
        Some(Command::Show { target, json }) => commands::show::run(&ctx, &target, json),
        Some(Command::Delete { name, yes }) => commands::delete::run(&ctx, &name, yes),
        Some(Command::Export { target, output, kind, full, adr_dir, force, mode }) => {
            let destination = commands::export::Destination::from_args(output, adr_dir);
            let options = commands::export::Args { kind: kind.into(), full, force, mode };
            commands::export::run(&ctx, &target, destination, &options)
        }
        Some(Command::Catalog { check, json, stats }) => {
            commands::catalog::run(&ctx, commands::catalog::Request { check, json, stats })
        }
        Some(Command::Evidence { target, offering, fact, document, by, date }) => {
            let args = commands::evidence::Args { target, offering, fact, document, by, date };
            commands::evidence::run(&ctx, args)
        }
        Some(Command::Recheck { due }) => commands::recheck::run(&ctx, due),
    };
    match result {
        Ok(code) => code,
        // The reader has all it wanted (`meetcheck list | head -1`).
        Err(error) if cli::is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            cli::report(&format!("{error:#}"));
            ExitCode::from(1)
        }
    }
}

/// Help and version as clap writes them; a usage error in the reader's language, exit 2.
fn usage_error(
    error: &clap::Error,
    command: &clap::Command,
    args: &[std::ffi::OsString],
    texts: &Texts,
) -> ExitCode {
    let code = ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2));
    let display = [
        ErrorKind::DisplayHelp,
        ErrorKind::DisplayVersion,
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand,
    ];
    if display.contains(&error.kind()) {
        // Nothing to say if the reader has gone (`meetcheck --help | head -1`).
        let _ = error.print();
        return code;
    }
    // Not through `cli::report`: the message already starts with "meetcheck: ".
    let message = cli::usage_error(error, &usage(command, args), texts);
    let _ = writeln!(std::io::stderr(), "{}", for_terminal(&message));
    code
}

/// The usage line of the command the arguments name (the first that is one), else meetcheck's.
fn usage(command: &clap::Command, args: &[std::ffi::OsString]) -> String {
    let mut command = command.clone();
    let named = args.iter().skip(1).find_map(|arg| {
        let arg = arg.to_str()?;
        command
            .get_subcommands()
            .find(|sub| sub.get_name() == arg)
            .map(|sub| sub.get_name().to_string())
    });
    let usage = match named.and_then(|name| command.find_subcommand_mut(name)) {
        Some(sub) => sub.render_usage(),
        None => command.render_usage(),
    };
    usage.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The description keys of every command and argument there is.
    fn description_keys() -> Vec<String> {
        let command = cli::localise(Cli::command(), &Texts::embedded(Lang::En));
        let mut keys = vec![cli::command_key(None)];
        keys.extend(command.get_arguments().map(|a| cli::arg_key(None, a.get_id().as_str())));
        for sub in command.get_subcommands() {
            let name = sub.get_name();
            keys.push(cli::command_key(Some(name)));
            let own = sub.get_arguments().filter(|a| !a.is_global_set());
            let own =
                own.map(|a| a.get_id().as_str()).filter(|id| !["help", "version"].contains(id));
            keys.extend(own.map(|id| cli::arg_key(Some(name), id)));
        }
        keys
    }

    /// Every command and argument has its description in both languages (`--help` never falls
    /// back to the English of the definitions), and no description is left of one that is gone.
    #[test]
    fn every_command_and_argument_is_described_in_both_languages() {
        let wanted = description_keys();
        for lang in [Lang::De, Lang::En] {
            let texts = Texts::embedded(lang);
            let missing: Vec<&String> = wanted.iter().filter(|k| !texts.has(k)).collect();
            assert!(missing.is_empty(), "{lang:?}: texts missing: {missing:?}");
            let stale: Vec<&str> = texts
                .keys()
                .filter(|k| k.starts_with("cli.cmd.") || k.starts_with("cli.arg."))
                .filter(|k| !wanted.iter().any(|w| w == k))
                .collect();
            assert!(stale.is_empty(), "{lang:?}: texts of nothing: {stale:?}");
        }
    }

    #[test]
    fn help_is_in_the_chosen_language() {
        let texts = Texts::embedded(Lang::De);
        let mut command = cli::localise(Cli::command(), &texts);
        let help = command.render_help().to_string();
        for words in
            ["Aufruf: meetcheck [OPTIONEN] [BEFEHL]", "Befehle:", "Optionen:", "Hilfe anzeigen"]
        {
            assert!(help.contains(words), "{words}: {help}");
        }
        for english in ["Usage:", "Commands:", "Options:", "Print help", "[possible values"] {
            assert!(!help.contains(english), "{english}: {help}");
        }
        let export = command.find_subcommand_mut("export").unwrap().render_help().to_string();
        assert!(export.contains("Aufruf: meetcheck export [OPTIONEN] <NAME|PATH>"), "{export}");
        assert!(
            export.contains("Argumente:") && export.contains("Entscheidungsprotokoll"),
            "{export}"
        );
        assert!(!export.contains("[default:") && !export.contains("Overwrite"), "{export}");
    }
}
