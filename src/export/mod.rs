//! Markdown exports of an assessment: the decision record (MADR 4), the participant information
//! draft (Art. 13 GDPR) and the record-of-processing draft (Art. 30 GDPR).
//!
//! A decided assessment is exported from its decision snapshot, never from today's catalogue; an
//! undecided one as "decision pending" with the shortlist of the current catalogue as of `today`.

use crate::i18n::{Key, k};
use std::io;
use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::domain::assessment::Assessment;
use crate::domain::catalog::Catalog;
use crate::i18n::Texts;

pub mod adr;
mod appendix;
mod basis;
mod cite;
mod files;
mod legal;
pub mod markdown;
mod notice;
mod record;
mod ropa;
mod words;

pub use adr::label as adr_label;
pub use files::{Occupant, PRIVATE, WriteError, slug, write_file, write_file_with_mode};

/// Which document to export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// The decision record (MADR 4).
    Record,
    /// The participant information draft (Art. 13 GDPR).
    Notice,
    /// The record-of-processing draft (Art. 30 GDPR).
    Ropa,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Record, Kind::Notice, Kind::Ropa];

    /// The id used on the command line (`--kind`).
    pub fn id(self) -> &'static str {
        match self {
            Kind::Record => "record",
            Kind::Notice => "notice",
            Kind::Ropa => "ropa",
        }
    }

    /// Text key of the file-name suffix, e.g. `entscheidung` / `decision-record`.
    pub fn file_key(self) -> Key {
        match self {
            Kind::Record => k::EXPORT_FILE_RECORD,
            Kind::Notice => k::EXPORT_FILE_NOTICE,
            Kind::Ropa => k::EXPORT_FILE_ROPA,
        }
    }
}

/// How a document is rendered beyond its kind.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The record's fact appendix for every offering, not only the chosen one and the runner-up.
    pub full: bool,
    /// The record's number in a directory of records, and the earlier record it supersedes.
    pub numbering: Option<Numbering>,
}

#[derive(Clone, Debug)]
pub struct Numbering {
    pub number: u32,
    pub supersedes: Option<adr::Earlier>,
}

/// The document of `kind` for `assessment`, in the language of `texts`. `catalog` and `today`
/// are used only while the decision is pending.
pub fn render(
    kind: Kind,
    assessment: &Assessment,
    catalog: &Catalog,
    texts: &Texts,
    today: Date,
) -> String {
    render_with(kind, assessment, catalog, texts, today, &Options::default())
}

/// [`render`] with options (`--full`, a record number).
pub fn render_with(
    kind: Kind,
    assessment: &Assessment,
    catalog: &Catalog,
    texts: &Texts,
    today: Date,
    options: &Options,
) -> String {
    let basis = basis::Basis::new(assessment, catalog, today);
    match kind {
        Kind::Record => record::render(&basis, texts, options),
        Kind::Notice => notice::render(&basis.with_current_evidence(), texts),
        Kind::Ropa => ropa::render(&basis.with_current_evidence(), texts),
    }
}

/// Writes the decision record into the directory of records `dir` as `NNNN-title.md` with the
/// next free number; an earlier record of the same assessment there is marked superseded.
pub fn write_numbered_record(
    dir: &Path,
    assessment: &Assessment,
    catalog: &Catalog,
    texts: &Texts,
    today: Date,
    full: bool,
    mode: u32,
) -> Result<adr::Written, WriteError> {
    let wording = RecordWording { assessment, catalog, texts, today, full };
    let slug = slug(&assessment.meta.title, "meetcheck");
    adr::write(dir, &assessment.meta.id, &slug, &wording, mode)
}

struct RecordWording<'a> {
    assessment: &'a Assessment,
    catalog: &'a Catalog,
    texts: &'a Texts,
    today: Date,
    full: bool,
}

impl adr::Wording for RecordWording<'_> {
    fn record(&self, number: u32, earlier: Option<&adr::Earlier>) -> String {
        let options = Options {
            full: self.full,
            numbering: Some(Numbering { number, supersedes: earlier.cloned() }),
        };
        render_with(Kind::Record, self.assessment, self.catalog, self.texts, self.today, &options)
    }

    fn superseded(&self, number: u32, file_name: &str) -> (String, String) {
        let adr = adr::label(number);
        let notice =
            self.texts.fmt(k::EXPORT_ADR_SUPERSEDED, &[("adr", &adr), ("file", file_name)]);
        (markdown::yaml_string(&format!("superseded by {adr}")), markdown::text(&notice))
    }
}

/// The front matter of the notice and the record of processing: the title (for pandoc and
/// markdownlint, inert there), the language, and a comment for the controller that stays out of
/// the rendered document.
fn draft_front_matter(title: &str, basis: &basis::Basis, texts: &Texts) -> String {
    let note = texts.fmt(
        k::EXPORT_DRAFT_NOTE,
        &[("id", &basis.assessment.meta.id), ("date", &basis.today.to_string())],
    );
    [
        "---".to_string(),
        format!("title: {}", markdown::yaml_string(&markdown::inert(title))),
        format!("lang: {}", markdown::yaml_string(texts.lang.code())),
        format!("# {}", markdown::one_line(&note)),
        "meetcheck:".to_string(),
        format!("  assessment: {}", markdown::yaml_string(&basis.assessment.meta.id)),
        "---".to_string(),
    ]
    .join("\n")
}

/// The file name (without `.md` and number) the wizard writes a document to, from the title.
pub fn default_stem(kind: Kind, assessment: &Assessment, texts: &Texts) -> String {
    let title = slug(&assessment.meta.title, "meetcheck");
    format!("{title}-{}", texts.get(kind.file_key()))
}

/// Renders and writes the document into `dir` under its default name, numbering (`-2`, `-3` …)
/// instead of overwriting; returns the path written. This is what the wizard's `e` key calls.
pub fn write_default(
    dir: &Path,
    kind: Kind,
    assessment: &Assessment,
    catalog: &Catalog,
    texts: &Texts,
    today: Date,
) -> io::Result<PathBuf> {
    let content = render(kind, assessment, catalog, texts, today);
    files::write_numbered(dir, &default_stem(kind, assessment, texts), &content)
}
