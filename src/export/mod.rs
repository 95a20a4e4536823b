//! Markdown exports of an assessment: the decision record (MADR 4), the participant information
//! draft (Art. 13 GDPR) and the record-of-processing draft (Art. 30 GDPR).
//!
//! A decided assessment is exported from its decision snapshot, never from today's catalogue; an
//! undecided one as "decision pending" with the shortlist of the current catalogue as of `today`.

use std::io;
use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::domain::assessment::Assessment;
use crate::domain::catalog::Catalog;
use crate::i18n::Texts;

mod basis;
mod files;
mod legal;
pub mod markdown;
mod notice;
mod record;
mod ropa;

pub use files::{PRIVATE, WriteError, slug, write_file, write_file_with_mode};

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
    pub fn file_key(self) -> &'static str {
        match self {
            Kind::Record => "export.file.record",
            Kind::Notice => "export.file.notice",
            Kind::Ropa => "export.file.ropa",
        }
    }
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
    let basis = basis::Basis::new(assessment, catalog, today);
    match kind {
        Kind::Record => record::render(&basis, texts),
        Kind::Notice => notice::render(&basis, texts),
        Kind::Ropa => ropa::render(&basis, texts),
    }
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
