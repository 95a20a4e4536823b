//! The file format: `(version: N, assessment: (…))` in RON, and a reader for every released
//! version. Older versions are upgraded on load; a newer one is refused, never guessed at.

use serde::{Deserialize, Serialize};

use crate::domain::assessment::Assessment;

/// The version this build writes. Raise it when the saved shape changes incompatibly, freeze the
/// old types in a module of their own and add a [`Reader`] for it to [`READERS`].
pub const CURRENT_VERSION: u32 = 1;

/// Reads one released version and upgrades it to the current [`Assessment`].
pub struct Reader {
    pub version: u32,
    pub read: fn(&str) -> Result<Assessment, ron::error::SpannedError>,
}

/// Every version this build can read, oldest first. A v2 adds `Reader { version: 1, read:
/// v1::read_and_upgrade }` here (parsing the frozen v1 types, then converting them).
pub const READERS: &[Reader] = &[Reader { version: 1, read: read_current }];

/// Why a text is not a loadable assessment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseFailure {
    /// Written by a newer meetcheck: refuse, never fall back to an older copy.
    Newer { version: u32 },
    /// Older than any version this build can still read.
    Unsupported { version: u32 },
    /// Not valid: where and why (1-based line and column).
    Invalid { line: usize, column: usize, message: String },
}

/// A parsed file and the version it was written in.
#[derive(Debug)]
pub struct Parsed {
    pub assessment: Assessment,
    pub version: u32,
}

#[derive(Serialize)]
struct FileRef<'a> {
    version: u32,
    assessment: &'a Assessment,
}

#[derive(Deserialize)]
struct CurrentFile {
    #[allow(dead_code)]
    version: u32,
    assessment: Assessment,
}

/// Nesting levels written one item per line; deeper values (a fact with its source and date,
/// an evaluation in the snapshot) stay on one line, which keeps large snapshots readable.
const LINE_DEPTH: usize = 6;

/// The text of a save in the current version: pretty RON, `\n` line ends on every platform.
pub fn to_text(assessment: &Assessment) -> Result<String, ron::Error> {
    let config =
        ron::ser::PrettyConfig::new().new_line("\n").indentor("    ").depth_limit(LINE_DEPTH);
    let mut text =
        ron::ser::to_string_pretty(&FileRef { version: CURRENT_VERSION, assessment }, config)?;
    text.push('\n');
    Ok(text)
}

/// Parses a save of any version this build reads.
pub fn parse(bytes: &[u8]) -> Result<Parsed, ParseFailure> {
    parse_with(bytes, READERS, CURRENT_VERSION)
}

/// [`parse`] against an explicit table of readers, so the migration path itself can be tested.
pub fn parse_with(bytes: &[u8], readers: &[Reader], current: u32) -> Result<Parsed, ParseFailure> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = position(bytes, e.valid_up_to());
        ParseFailure::Invalid { line, column, message: e.to_string() }
    })?;
    // A file whose version cannot be found is read as the current one, so that the error points
    // at the actual damage.
    let version = declared_version(text).unwrap_or(current);
    if version > current {
        return Err(ParseFailure::Newer { version });
    }
    let reader = readers
        .iter()
        .find(|r| r.version == version)
        .ok_or(ParseFailure::Unsupported { version })?;
    let assessment = (reader.read)(text).map_err(|e| ParseFailure::Invalid {
        line: e.span.start.line,
        column: e.span.start.col,
        message: e.code.to_string(),
    })?;
    Ok(Parsed { assessment, version })
}

fn read_current(text: &str) -> Result<Assessment, ron::error::SpannedError> {
    ron::from_str::<CurrentFile>(text).map(|file| file.assessment)
}

/// The `version` a file declares, even when the rest is damaged or in a newer shape: first at
/// the opening of the text, where meetcheck writes it (cheap), then as RON in any field order
/// (a second full pass, only for files edited by hand).
pub fn declared_version(text: &str) -> Option<u32> {
    #[derive(Deserialize)]
    struct Probe {
        version: u32,
    }
    leading_version(text).or_else(|| ron::from_str::<Probe>(text).ok().map(|p| p.version))
}

fn leading_version(text: &str) -> Option<u32> {
    let rest = skip_blank(text).strip_prefix('(')?;
    let rest = skip_blank(rest).strip_prefix("version")?;
    let rest = skip_blank(rest).strip_prefix(':')?;
    let rest = skip_blank(rest);
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// Skips whitespace, comments and `#![enable(…)]` attributes.
fn skip_blank(mut text: &str) -> &str {
    loop {
        let trimmed = text.trim_start();
        if let Some(rest) = trimmed.strip_prefix("//") {
            text = rest.split_once('\n').map_or("", |(_, after)| after);
        } else if let Some(rest) = trimmed.strip_prefix("/*") {
            text = rest.split_once("*/").map_or("", |(_, after)| after);
        } else if let Some(rest) = trimmed.strip_prefix("#!") {
            text = rest.split_once(']').map_or("", |(_, after)| after);
        } else {
            return trimmed;
        }
    }
}

/// 1-based line and column of a byte offset.
fn position(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    let line_start = before.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..]).chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::assessment::Assessment;

    fn sample() -> Assessment {
        let now: jiff::Timestamp = "2026-11-29T09:00:00Z".parse().unwrap();
        Assessment::new(
            "abc123".into(),
            "Beratung \"online\"\nzweite Zeile".into(),
            now,
            "2026-11".into(),
        )
    }

    #[test]
    fn writes_the_version_first_and_reads_it_back() {
        let text = to_text(&sample()).unwrap();
        assert!(text.starts_with("(\n    version: 1,\n    assessment: ("), "{text}");
        let parsed = parse(text.as_bytes()).unwrap();
        assert_eq!(parsed.version, 1);
        assert_eq!(parsed.assessment, sample());
    }

    #[test]
    fn finds_the_version_of_damaged_and_newer_files() {
        assert_eq!(declared_version("(version: 999, assessment: (new_shape: 1))"), Some(999));
        assert_eq!(declared_version("// note\n(\n  version : 7,\n  assessment: (meta: ("), Some(7));
        assert_eq!(declared_version("#![enable(implicit_some)]\n(version: 2"), Some(2));
        assert_eq!(declared_version("(assessment: (), version: 3)"), Some(3));
        assert_eq!(declared_version("garbage"), None);
    }

    #[test]
    fn newer_versions_are_refused_even_when_they_parse_as_ours() {
        let text = to_text(&sample()).unwrap().replace("version: 1,", "version: 999,");
        assert_eq!(parse(text.as_bytes()).unwrap_err(), ParseFailure::Newer { version: 999 });
    }

    #[test]
    fn damage_is_reported_with_line_and_column() {
        let text = to_text(&sample()).unwrap();
        let truncated = &text[..text.len() / 2];
        match parse(truncated.as_bytes()).unwrap_err() {
            ParseFailure::Invalid { line, column, .. } => {
                assert!(line > 1 && column >= 1, "{line}:{column}");
            }
            other => panic!("expected Invalid, got {other:?}"),
        }
        let mut bytes = text.into_bytes();
        bytes.splice(20..20, [0xff, 0xfe]);
        match parse(&bytes).unwrap_err() {
            ParseFailure::Invalid { line, column, .. } => assert_eq!((line, column), (3, 3)),
            other => panic!("expected Invalid, got {other:?}"),
        }
    }

    /// How a v2 plugs in: the v1 reader upgrades, v2 is current, v3 is refused, v0 unsupported.
    #[test]
    fn migration_table_upgrades_older_versions_and_refuses_others() {
        #[derive(Deserialize)]
        struct V2File {
            record: Assessment,
        }
        fn read_v2(text: &str) -> Result<Assessment, ron::error::SpannedError> {
            ron::from_str::<V2File>(text).map(|f| f.record)
        }
        fn read_v1_and_upgrade(text: &str) -> Result<Assessment, ron::error::SpannedError> {
            let mut a = read_current(text)?;
            a.meta.title = format!("{} (migrated)", a.meta.title);
            Ok(a)
        }
        let readers = [
            Reader { version: 1, read: read_v1_and_upgrade },
            Reader { version: 2, read: read_v2 },
        ];
        let v1 = to_text(&sample()).unwrap();
        let parsed = parse_with(v1.as_bytes(), &readers, 2).unwrap();
        assert_eq!(parsed.version, 1);
        assert!(parsed.assessment.meta.title.ends_with("(migrated)"));

        let v2 = v1.replace("version: 1,", "version: 2,").replace("assessment:", "record:");
        let parsed = parse_with(v2.as_bytes(), &readers, 2).unwrap();
        assert_eq!((parsed.version, parsed.assessment), (2, sample()));

        let v3 = v1.replace("version: 1,", "version: 3,");
        assert_eq!(
            parse_with(v3.as_bytes(), &readers, 2).unwrap_err(),
            ParseFailure::Newer { version: 3 }
        );
        let v0 = v1.replace("version: 1,", "version: 0,");
        assert_eq!(
            parse_with(v0.as_bytes(), &readers, 2).unwrap_err(),
            ParseFailure::Unsupported { version: 0 }
        );
    }

    #[test]
    fn every_version_up_to_the_current_one_has_a_reader() {
        let versions: Vec<u32> = READERS.iter().map(|r| r.version).collect();
        assert_eq!(versions, (1..=CURRENT_VERSION).collect::<Vec<_>>());
    }
}
