//! The `meetcheck` binary: parses the command line and hands over to the library.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use meetcheck::commands::{self, Context};
use meetcheck::export::Kind;
use meetcheck::i18n::Lang;
use meetcheck::terminal_text::for_terminal;

#[derive(Parser, Debug)]
#[command(
    name = "meetcheck",
    version,
    about = "Choose a GDPR-compliant online meeting platform and document the decision / Eine DSGVO-konforme Online-Meeting-Plattform auswählen und die Entscheidung dokumentieren"
)]
struct Cli {
    /// Language: de or en (default from LC_ALL / LC_MESSAGES / LANG, else the system language,
    /// else de)
    #[arg(long, global = true, value_enum)]
    lang: Option<Lang>,
    /// Directory of saved assessments
    #[arg(long, global = true, env = "MEETCHECK_SAVES_DIR")]
    saves_dir: Option<PathBuf>,
    /// A catalogue file that adds or overrides offerings by id
    #[arg(long, global = true, env = "MEETCHECK_CATALOG")]
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
        #[arg(long)]
        from: Option<String>,
    },
    /// Reopen an assessment at the step where it was left (default: the latest)
    Resume { target: Option<String> },
    /// List saved assessments
    List,
    /// Print a plain-text summary of one assessment
    Show { target: String },
    /// Delete an assessment and its backup
    Delete {
        name: String,
        /// Do not ask for confirmation
        #[arg(long)]
        yes: bool,
    },
    /// Export the decision record (or the notice / record-of-processing draft) as Markdown
    Export {
        target: String,
        /// Write to FILE instead of standard output (`-`: standard output)
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "record")]
        kind: Kind,
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
    /// Check every saved decision against today's catalogue (changes read only, nothing altered)
    Recheck {
        /// Only the decisions whose review date is due
        #[arg(long)]
        due: bool,
    },
}

/// `600`, `0644`: permission bits in octal, nothing beyond `777`.
fn parse_mode(text: &str) -> Result<u32, String> {
    match u32::from_str_radix(text, 8) {
        Ok(mode) if mode <= 0o777 => Ok(mode),
        _ => Err(format!("“{text}” is not a file mode in octal such as 600 or 644")),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = cli.lang.unwrap_or_else(Lang::from_environment);
    let ctx = Context::new(lang, cli.saves_dir, cli.catalog);
    let result = match cli.command {
        None => commands::start::run(&ctx),
        Some(Command::New { title, from }) => commands::start::new(&ctx, title, from),
        Some(Command::Resume { target }) => commands::start::resume(&ctx, target),
        Some(Command::List) => commands::list::run(&ctx),
        Some(Command::Show { target }) => commands::show::run(&ctx, &target),
        Some(Command::Delete { name, yes }) => commands::delete::run(&ctx, &name, yes),
        Some(Command::Export { target, output, kind, full, adr_dir, force, mode }) => {
            let destination = commands::export::Destination::from_args(output, adr_dir);
            let options = commands::export::Args { kind, full, force, mode };
            commands::export::run(&ctx, &target, destination, &options)
        }
        Some(Command::Catalog { check, json, stats }) => {
            commands::catalog::run(&ctx, commands::catalog::Request { check, json, stats })
        }
        Some(Command::Recheck { due }) => commands::recheck::run(&ctx, due),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            // Messages quote file names and file contents: nothing in them may steer the
            // terminal. A standard error that is gone is no reason to panic.
            let message = format!("meetcheck: {err:#}");
            let _ = writeln!(std::io::stderr(), "{}", for_terminal(&message));
            ExitCode::from(1)
        }
    }
}
