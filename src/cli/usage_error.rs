//! Usage errors in the reader's language: clap finds them, meetcheck words them.

use crate::i18n::k;
use clap::error::{ContextKind, ContextValue, ErrorKind};

use super::PREFIX;
use crate::i18n::Texts;

/// A usage error as meetcheck says it: what is wrong, a suggestion when clap has one, the usage
/// line (clap's, else `usage`: that of the command the arguments name) and where to read more.
/// Help and version output are not errors and are not passed here.
pub fn usage_error(error: &clap::Error, usage: &str, texts: &Texts) -> String {
    let text = |kind| context_text(error, kind);
    let arg = text(ContextKind::InvalidArg).unwrap_or_default();
    let value = text(ContextKind::InvalidValue).unwrap_or_default();
    let valid = text(ContextKind::ValidValue);
    let what = match error.kind() {
        ErrorKind::UnknownArgument => texts.fmt(k::CLI_ERROR_UNKNOWN_ARGUMENT, &[("arg", &arg)]),
        ErrorKind::InvalidSubcommand => {
            let command = text(ContextKind::InvalidSubcommand).unwrap_or_default();
            texts.fmt(k::CLI_ERROR_UNKNOWN_COMMAND, &[("command", &command)])
        }
        ErrorKind::InvalidValue if value.is_empty() => {
            let missing = texts.fmt(k::CLI_ERROR_MISSING_VALUE, &[("arg", &arg)]);
            match &valid {
                Some(valid) => texts
                    .fmt(k::CLI_ERROR_WITH_CHOICES, &[("message", &missing), ("choices", valid)]),
                None => missing,
            }
        }
        ErrorKind::InvalidValue => {
            let invalid =
                texts.fmt(k::CLI_ERROR_INVALID_VALUE, &[("value", &value), ("arg", &arg)]);
            match &valid {
                Some(valid) => texts
                    .fmt(k::CLI_ERROR_WITH_CHOICES, &[("message", &invalid), ("choices", valid)]),
                None => invalid,
            }
        }
        ErrorKind::MissingRequiredArgument => {
            texts.fmt(k::CLI_ERROR_MISSING_ARGUMENT, &[("arg", &arg)])
        }
        ErrorKind::MissingSubcommand => texts.get(k::CLI_ERROR_MISSING_COMMAND).to_string(),
        ErrorKind::ArgumentConflict => {
            let other = text(ContextKind::PriorArg).unwrap_or_default();
            texts.fmt(k::CLI_ERROR_CONFLICT, &[("arg", &arg), ("other", &other)])
        }
        ErrorKind::TooManyValues => {
            texts.fmt(k::CLI_ERROR_UNEXPECTED_VALUE, &[("value", &value), ("arg", &arg)])
        }
        // The value parsers' own reasons are English; say what is expected instead.
        ErrorKind::ValueValidation => {
            let invalid =
                texts.fmt(k::CLI_ERROR_INVALID_VALUE, &[("value", &value), ("arg", &arg)]);
            if arg.starts_with("--mode") {
                texts.fmt(
                    k::CLI_ERROR_WITH_EXPECTED,
                    &[("message", &invalid), ("expected", texts.get(k::CLI_EXPECTED_MODE))],
                )
            } else {
                invalid
            }
        }
        _ => texts.fmt(k::CLI_ERROR_OTHER, &[("detail", &clap_detail(error))]),
    };
    let mut out = format!("{PREFIX}{what}");
    let suggested =
        [ContextKind::SuggestedArg, ContextKind::SuggestedSubcommand, ContextKind::SuggestedValue]
            .into_iter()
            .find_map(text);
    if let Some(suggestion) = suggested {
        out.push('\n');
        out.push_str(&texts.fmt(k::CLI_ERROR_DID_YOU_MEAN, &[("suggestion", &suggestion)]));
    }
    let usage = text(ContextKind::Usage).unwrap_or_else(|| usage.to_string());
    let usage = usage.strip_prefix("Usage:").unwrap_or(&usage).trim();
    if !usage.is_empty() {
        let localised = usage
            .replace("[OPTIONS]", texts.get(k::CLI_USAGE_OPTIONS))
            .replace("[COMMAND]", texts.get(k::CLI_USAGE_COMMAND));
        out.push_str("\n\n");
        out.push_str(&texts.fmt(k::CLI_USAGE, &[("usage", &localised)]));
    }
    out.push('\n');
    out.push_str(&texts.fmt(k::CLI_MORE, &[("command", &command_of(usage))]));
    out
}

/// A context value as plain text; lists joined with ", ".
fn context_text(error: &clap::Error, kind: ContextKind) -> Option<String> {
    match error.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(list) if list.is_empty() => None,
        ContextValue::Strings(list) => Some(list.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(list) if list.is_empty() => None,
        ContextValue::StyledStrs(list) => {
            Some(list.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "))
        }
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// clap's own first line without its "error: " (kinds too rare to have words of our own).
fn clap_detail(error: &clap::Error) -> String {
    let rendered = error.render().to_string();
    let first = rendered.lines().next().unwrap_or_default();
    first.strip_prefix("error: ").unwrap_or(first).to_string()
}

/// `meetcheck export` from the usage `meetcheck export [OPTIONS] <TARGET>`.
fn command_of(usage: &str) -> String {
    let words: Vec<&str> =
        usage.split_whitespace().take_while(|w| !w.starts_with(['[', '<', '-'])).collect();
    if words.is_empty() { "meetcheck".to_string() } else { words.join(" ") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_for_more_help_comes_from_the_usage() {
        assert_eq!(command_of("meetcheck export [OPTIONS] <NAME|PATH>"), "meetcheck export");
        assert_eq!(command_of("meetcheck [OPTIONS] [COMMAND]"), "meetcheck");
        assert_eq!(command_of(""), "meetcheck");
    }
}
