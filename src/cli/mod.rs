//! What the command line says outside the commands themselves: usage errors in the reader's
//! language (clap's own are English only), every message prefixed `meetcheck:`, and a reader
//! that went away (`meetcheck list | head -1`) taken as the end of the output, not as an error.

mod help;
mod usage_error;

pub use help::{arg_key, command_key, localise};
pub use usage_error::usage_error;

use std::ffi::OsString;
use std::io::Write as _;

use crate::i18n::Lang;
use crate::terminal_text::for_terminal;

/// The prefix of every message on standard error.
pub const PREFIX: &str = "meetcheck: ";

/// Prints `message` to standard error as meetcheck's own (continuation lines as they are).
/// Messages quote file names and file contents: nothing in them may steer the terminal. A
/// standard error that is gone is no reason to panic.
pub fn report(message: &str) {
    let line = format!("{PREFIX}{message}");
    let _ = writeln!(std::io::stderr(), "{}", for_terminal(&line));
}

/// The language `--lang` asks for, read before clap has parsed anything, so that a usage error
/// can already be in that language. `None` when absent or not a language meetcheck speaks.
pub fn lang_in_args(args: &[OsString]) -> Option<Lang> {
    let mut args = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = args.next() {
        if arg == "--" {
            return None;
        }
        if arg == "--lang" {
            return args.next().and_then(|value| Lang::parse(&value));
        }
        if let Some(value) = arg.strip_prefix("--lang=") {
            return Lang::parse(value);
        }
    }
    None
}

/// The output was closed by its reader (a pipe into `head`): nothing is wrong, there is just no
/// one left to write to.
pub fn is_broken_pipe(error: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    error.chain().any(|cause| {
        let io = cause.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == BrokenPipe);
        // JSON written straight to standard output keeps the I/O error inside its own.
        let json = cause
            .downcast_ref::<serde_json::Error>()
            .is_some_and(|e| e.io_error_kind() == Some(BrokenPipe));
        io || json
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        std::iter::once("meetcheck").chain(list.iter().copied()).map(OsString::from).collect()
    }

    #[test]
    fn the_language_is_found_before_parsing() {
        assert_eq!(lang_in_args(&args(&["--lang", "en", "list"])), Some(Lang::En));
        assert_eq!(lang_in_args(&args(&["list", "--lang=de"])), Some(Lang::De));
        assert_eq!(lang_in_args(&args(&["list", "--lang", "fr"])), None);
        assert_eq!(lang_in_args(&args(&["list", "--lang"])), None);
        assert_eq!(lang_in_args(&args(&["show", "--", "--lang", "en"])), None);
    }

    #[test]
    fn a_broken_pipe_is_found_anywhere_in_the_chain() {
        let pipe = std::io::Error::from(std::io::ErrorKind::BrokenPipe);
        assert!(is_broken_pipe(&anyhow::Error::new(pipe).context("writing the list")));
        let other = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        assert!(!is_broken_pipe(&anyhow::Error::new(other)));
        assert!(!is_broken_pipe(&anyhow::anyhow!("Broken pipe")));
        let json = serde_json::Error::io(std::io::Error::from(std::io::ErrorKind::BrokenPipe));
        assert!(is_broken_pipe(&anyhow::Error::new(json)));
    }
}
