//! The file format: `(version: N, header: (…), assessment: (…))` in RON, and a reader for every
//! released version. Older versions are upgraded on load; a newer one is refused, never guessed
//! at.
//!
//! Version 2 writes a small [`Header`] (title, organisation, step, status, chosen offering,
//! review date, last change) before the assessment, so that `list` and the start screen read a
//! few hundred bytes of each file ([`parse_header`]) instead of parsing its decision snapshot.
//! Version 1 had no header; its answer history held ids joined by ", " (see [`v1`]).
//! Version 3 holds the decision-makers, the consulted and the informed as lists of names (and a
//! sign-off); version 2 held each as one text, which is split into names once when read.

mod v1;

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::domain::assessment::{Assessment, Status};
use crate::domain::facts::Text;
use crate::domain::scenario::Step;
use crate::domain::todos;

/// The version this build writes. Raise it when the saved shape changes incompatibly, freeze the
/// old types in a module of their own and add a [`Reader`] for it to [`READERS`].
pub const CURRENT_VERSION: u32 = 3;

/// Reads one released version and upgrades it to the current [`Assessment`].
pub struct Reader {
    pub version: u32,
    pub read: fn(&str) -> Result<Assessment, ron::error::SpannedError>,
}

/// Every version this build can read, oldest first: older ones parse their frozen types, then
/// convert them.
pub const READERS: &[Reader] = &[
    Reader { version: 1, read: v1::read_and_upgrade },
    // Version 2 differs only in the names, which the current types read in either shape.
    Reader { version: 2, read: read_current },
    Reader { version: 3, read: read_current },
];

/// What `list` and the start screen show of a save, written before the assessment. It repeats
/// what the assessment says; the assessment decides when the two differ (a hand-edited file).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Header {
    pub title: String,
    #[serde(default)]
    pub organisation: String,
    /// The last change.
    pub updated: Timestamp,
    /// The step reached.
    pub step: Step,
    #[serde(default)]
    pub status: Option<Status>,
    #[serde(default)]
    pub chosen: Option<Chosen>,
    #[serde(default)]
    pub review_by: Option<Date>,
    /// A decision form was left without taking it.
    #[serde(default)]
    pub draft: bool,
    /// An answer changed after the decision: it is to be confirmed again.
    #[serde(default)]
    pub to_be_confirmed: bool,
    /// Preconditions of use still open for the chosen offering (as the decision recorded it);
    /// `None` before the decision, and in headers written before this field existed.
    #[serde(default)]
    pub preconditions_open: Option<usize>,
}

/// The chosen offering: its id and, from the decision's snapshot, its name.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Chosen {
    pub id: String,
    #[serde(default)]
    pub name: Option<Text>,
}

impl Header {
    pub fn of(a: &Assessment) -> Header {
        Header {
            title: a.meta.title.clone(),
            organisation: a.meta.organisation.clone(),
            updated: a.meta.updated,
            step: a.step,
            status: a.status.as_ref().map(|s| s.status),
            chosen: a.decision.as_ref().map(|d| Chosen {
                id: d.chosen.clone(),
                name: d.chosen_offering(None).map(|o| o.name.clone()),
            }),
            review_by: a.review_by,
            draft: a.draft.is_some(),
            to_be_confirmed: a.decision.as_ref().is_some_and(|d| d.to_be_confirmed),
            preconditions_open: a.decision.as_ref().map(|d| {
                let todos = todos::todos(&a.scenario, d.chosen_offering(None));
                a.open_preconditions(&todos).len()
            }),
        }
    }
}

/// Why a text is not a loadable assessment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseFailure {
    /// Written by a newer meetcheck: refuse, never fall back to an older copy.
    Newer { version: u32 },
    /// Older than any version this build can still read.
    Unsupported { version: u32 },
    /// Not valid: where (1-based line and column) and what is wrong there.
    Invalid { line: usize, column: usize, damage: Damage },
}

/// What is wrong at the place a file stops being a valid save.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Damage {
    /// The text stops in the middle: the file was most likely cut off (a crash, a full disk, a
    /// copy that did not finish).
    EndsEarly,
    /// Bytes that are not UTF-8 text.
    NotUtf8,
    /// Anything else, in the parser's words.
    Syntax(String),
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
    header: Header,
    assessment: &'a Assessment,
}

#[derive(Deserialize)]
struct CurrentFile {
    #[allow(dead_code)]
    version: u32,
    /// Read from the assessment instead; only `parse_header` uses it.
    #[allow(dead_code)]
    #[serde(default)]
    header: serde::de::IgnoredAny,
    assessment: Assessment,
}

/// The opening of a file up to its header, as `parse_header` reads it.
#[derive(Deserialize)]
struct HeaderFile {
    version: u32,
    header: Header,
}

/// Where the header ends in a file meetcheck wrote: the assessment starts on its own line. A
/// string cannot contain it (line breaks in strings are written as `\n`).
const ASSESSMENT_MARKER: &str = "\n    assessment: (";

/// How `parse_header` fared with the opening bytes of a file.
#[derive(Debug, PartialEq)]
pub enum HeaderRead {
    Read(Box<Header>),
    /// Written by a newer meetcheck.
    Newer {
        version: u32,
    },
    /// No header in these bytes (version 1, a file edited by hand, damage, or a header longer
    /// than the bytes given): parse the whole file.
    NeedsFull,
}

/// Nesting levels written one item per line; deeper values (a fact with its source and date,
/// an evaluation in the snapshot) stay on one line, which keeps large snapshots readable.
const LINE_DEPTH: usize = 6;

/// The text of a save in the current version: pretty RON, `\n` line ends on every platform.
pub fn to_text(assessment: &Assessment) -> Result<String, ron::Error> {
    let config =
        ron::ser::PrettyConfig::new().new_line("\n").indentor("    ").depth_limit(LINE_DEPTH);
    let file = FileRef { version: CURRENT_VERSION, header: Header::of(assessment), assessment };
    let mut text = ron::ser::to_string_pretty(&file, config)?;
    text.push('\n');
    Ok(text)
}

/// Reads the header from the opening bytes of a save (see [`ASSESSMENT_MARKER`]) without
/// looking at the rest.
pub fn parse_header(opening: &[u8]) -> HeaderRead {
    let text = match std::str::from_utf8(opening) {
        Ok(text) => text,
        // The opening may end inside a character: what comes before it is enough.
        Err(e) => std::str::from_utf8(&opening[..e.valid_up_to()]).unwrap_or_default(),
    };
    match leading_version(text) {
        Some(version) if version > CURRENT_VERSION => return HeaderRead::Newer { version },
        Some(CURRENT_VERSION) => {}
        _ => return HeaderRead::NeedsFull,
    }
    let Some(end) = text.find(ASSESSMENT_MARKER) else { return HeaderRead::NeedsFull };
    match ron::from_str::<HeaderFile>(&format!("{}\n)", &text[..end])) {
        Ok(file) if file.version == CURRENT_VERSION => HeaderRead::Read(Box::new(file.header)),
        _ => HeaderRead::NeedsFull,
    }
}

/// Parses a save of any version this build reads.
pub fn parse(bytes: &[u8]) -> Result<Parsed, ParseFailure> {
    parse_with(bytes, READERS, CURRENT_VERSION)
}

/// [`parse`] against an explicit table of readers, so the migration path itself can be tested.
pub fn parse_with(bytes: &[u8], readers: &[Reader], current: u32) -> Result<Parsed, ParseFailure> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = position(bytes, e.valid_up_to());
        // A multi-byte character cut in two at the very end is a cut, not foreign bytes.
        let damage = if e.error_len().is_none() { Damage::EndsEarly } else { Damage::NotUtf8 };
        ParseFailure::Invalid { line, column, damage }
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
        damage: damage(text, &e),
    })?;
    Ok(Parsed { assessment, version })
}

/// A cut-off file fails wherever the cut happens to fall (in a name, a string, between values),
/// and the parser's message ("Unexpected variant named `Gre`") would only mislead. A save always
/// ends by closing what it opened, so a text that stops with brackets still open (or inside a
/// string or comment) ends early.
fn damage(text: &str, error: &ron::error::SpannedError) -> Damage {
    use ron::error::Error;
    let unterminated = matches!(
        error.code,
        Error::Eof
            | Error::ExpectedStringEnd
            | Error::UnclosedBlockComment
            | Error::UnclosedLineComment
    );
    if text.trim().is_empty() || unterminated || left_open(text) {
        Damage::EndsEarly
    } else {
        Damage::Syntax(error.code.to_string())
    }
}

/// Whether `text` stops with a bracket, string, character or block comment still open.
fn left_open(text: &str) -> bool {
    let mut depth: usize = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            '"' | '\'' => {
                // A string or character: up to the same quote, skipping escaped characters.
                loop {
                    match chars.next() {
                        None => return true,
                        Some('\\') => {
                            chars.next();
                        }
                        Some(q) if q == c => break,
                        Some(_) => {}
                    }
                }
            }
            '/' if chars.peek() == Some(&'/') => {
                chars.find(|&c| c == '\n');
            }
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut previous = ' ';
                loop {
                    match chars.next() {
                        None => return true,
                        Some('/') if previous == '*' => break,
                        Some(c) => previous = c,
                    }
                }
            }
            _ => {}
        }
    }
    depth > 0
}

fn read_current(text: &str) -> Result<Assessment, ron::error::SpannedError> {
    // `Some(…)` may be left out, so that answers once saved as plain values (`public_body:
    // false`) read as given answers.
    crate::answers_text::ron_options().from_str::<CurrentFile>(text).map(|file| file.assessment)
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
        assert!(text.starts_with("(\n    version: 3,\n    header: ("), "{text}");
        let parsed = parse(text.as_bytes()).unwrap();
        assert_eq!(parsed.version, 3);
        assert_eq!(parsed.assessment, sample());
    }

    #[test]
    fn version_2_names_are_read_as_lists_once() {
        let mut a = sample();
        a.meta.decision_makers = vec!["Vorstand; Finanzen".into(), "Ute Weber".into()];
        let v3 = to_text(&a).unwrap();
        assert!(v3.contains("\"Vorstand; Finanzen\""), "{v3}");
        assert_eq!(parse(v3.as_bytes()).unwrap().assessment, a, "a name keeps its semicolon");
        // Version 2 held one text; it is split into names when read.
        let v2 = v3
            .replace("version: 3,", "version: 2,")
            .replace(
                "decision_makers: [\n                \"Vorstand; Finanzen\",\n                \"Ute Weber\",\n            ],",
                "decision_makers: \"Ute Weber; Jan Roth\",",
            );
        assert!(v2.contains("Jan Roth"), "{v2}");
        let parsed = parse(v2.as_bytes()).unwrap();
        assert_eq!(parsed.version, 2);
        assert_eq!(parsed.assessment.meta.decision_makers, ["Ute Weber", "Jan Roth"]);
    }

    #[test]
    fn the_header_reads_from_the_opening_bytes_alone() {
        let mut a = sample();
        // A title that looks like the place where the assessment starts.
        a.meta.title = "x\n    assessment: (\n\"".into();
        let text = to_text(&a).unwrap();
        let end = text.find(ASSESSMENT_MARKER).unwrap() + ASSESSMENT_MARKER.len();
        let expected = HeaderRead::Read(Box::new(Header::of(&a)));
        assert_eq!(parse_header(&text.as_bytes()[..end]), expected);
        assert_eq!(parse_header(text.as_bytes()), expected);
        // Cut before the header ends, or no header: the whole file must be read.
        assert_eq!(parse_header(&text.as_bytes()[..end / 2]), HeaderRead::NeedsFull);
        let v1 = "(\n    version: 1,\n    assessment: (\n";
        assert_eq!(parse_header(v1.as_bytes()), HeaderRead::NeedsFull);
        let newer = text.replace("version: 3,", "version: 999,");
        assert_eq!(parse_header(newer.as_bytes()), HeaderRead::Newer { version: 999 });
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
        let text = to_text(&sample()).unwrap().replace("version: 3,", "version: 999,");
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

    #[test]
    fn a_save_cut_at_any_point_ends_early() {
        let mut a = sample();
        a.meta.organisation = "Grüne Straße 5".into();
        let text = to_text(&a).unwrap();
        let bytes = text.as_bytes();
        // The last bytes are the closing parenthesis and the newline.
        for cut in 0..bytes.len() - 2 {
            match parse(&bytes[..cut]) {
                Err(ParseFailure::Invalid { damage: Damage::EndsEarly, .. }) => {}
                other => {
                    panic!("cut at {cut} ({:?}): {other:?}", &text.get(cut.saturating_sub(20)..cut))
                }
            }
        }
    }

    #[test]
    fn damage_inside_is_not_taken_for_a_cut() {
        let text = to_text(&sample()).unwrap();
        let garbled = text.replacen("meta:", "mta:", 1);
        assert!(matches!(
            parse(garbled.as_bytes()),
            Err(ParseFailure::Invalid { damage: Damage::Syntax(_), .. })
        ));
        let trailing = format!("{text}) extra");
        assert!(matches!(
            parse(trailing.as_bytes()),
            Err(ParseFailure::Invalid { damage: Damage::Syntax(_), .. })
        ));
        let mut bytes = text.clone().into_bytes();
        bytes.splice(20..20, [0xff, 0xfe]);
        assert!(matches!(
            parse(&bytes),
            Err(ParseFailure::Invalid { damage: Damage::NotUtf8, line: 3, column: 3 })
        ));
    }

    /// How a next version plugs in: the v3 reader upgrades, v4 is current, v5 is refused, v2
    /// unsupported (in this table).
    #[test]
    fn migration_table_upgrades_older_versions_and_refuses_others() {
        #[derive(Deserialize)]
        struct V4File {
            record: Assessment,
        }
        fn read_v4(text: &str) -> Result<Assessment, ron::error::SpannedError> {
            ron::from_str::<V4File>(text).map(|f| f.record)
        }
        fn read_v3_and_upgrade(text: &str) -> Result<Assessment, ron::error::SpannedError> {
            let mut a = read_current(text)?;
            a.meta.title = format!("{} (migrated)", a.meta.title);
            Ok(a)
        }
        let readers = [
            Reader { version: 3, read: read_v3_and_upgrade },
            Reader { version: 4, read: read_v4 },
        ];
        let v3 = to_text(&sample()).unwrap();
        let parsed = parse_with(v3.as_bytes(), &readers, 4).unwrap();
        assert_eq!(parsed.version, 3);
        assert!(parsed.assessment.meta.title.ends_with("(migrated)"));

        let v4 = v3.replace("version: 3,", "version: 4,").replace("assessment:", "record:");
        let parsed = parse_with(v4.as_bytes(), &readers, 4).unwrap();
        assert_eq!((parsed.version, parsed.assessment), (4, sample()));

        let v5 = v3.replace("version: 3,", "version: 5,");
        assert_eq!(
            parse_with(v5.as_bytes(), &readers, 4).unwrap_err(),
            ParseFailure::Newer { version: 5 }
        );
        let v2 = v3.replace("version: 3,", "version: 2,");
        assert_eq!(
            parse_with(v2.as_bytes(), &readers, 4).unwrap_err(),
            ParseFailure::Unsupported { version: 2 }
        );
    }

    #[test]
    fn every_version_up_to_the_current_one_has_a_reader() {
        let versions: Vec<u32> = READERS.iter().map(|r| r.version).collect();
        assert_eq!(versions, (1..=CURRENT_VERSION).collect::<Vec<_>>());
    }
}
