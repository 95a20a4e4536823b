//! The subcommands. Each takes the shared [`Context`] and returns the process exit code;
//! errors name the file and what to do.

use crate::i18n::k;
use std::path::PathBuf;

use anyhow::Result;

use crate::domain::catalog::Catalog;
use crate::i18n::{Lang, Texts};

pub mod catalog;
pub mod catalog_facts;
pub mod delete;
pub mod evidence;
pub mod export;
pub mod list;
pub mod new;
pub mod recheck;
pub mod show;
pub mod show_json;
pub mod start;
mod table;

/// The text of the built-in catalogue. Commands use [`crate::embedded_catalog::build`], which
/// `build.rs` generated from it; the text serves tests and `catalog --check`.
pub const EMBEDDED_CATALOG: &str = include_str!("../../assets/catalog.ron");

/// What every command needs: language, texts, where saves live and which catalogue applies.
pub struct Context {
    pub lang: Lang,
    pub texts: Texts,
    saves_dir: Option<PathBuf>,
    pub catalog_file: Option<PathBuf>,
}

impl Context {
    pub fn new(lang: Lang, saves_dir: Option<PathBuf>, catalog_file: Option<PathBuf>) -> Self {
        Context { lang, texts: Texts::embedded(lang), saves_dir, catalog_file }
    }

    /// The saves directory: `--saves-dir`, `MEETCHECK_SAVES_DIR`, else the platform data dir.
    pub fn saves_dir(&self) -> Result<PathBuf> {
        if let Some(dir) = &self.saves_dir {
            return Ok(dir.clone());
        }
        let dirs = directories::ProjectDirs::from("", "", "meetcheck")
            .ok_or_else(|| anyhow::anyhow!("{}", self.texts.get(k::CLI_ERROR_NO_HOME)))?;
        Ok(dirs.data_dir().join("saves"))
    }

    /// The embedded catalogue with the user's `--catalog` file merged on top. The file passes
    /// the same checks as `catalog --check FILE` and is refused with the same messages.
    pub fn catalog(&self) -> Result<Catalog> {
        let mut catalog = crate::embedded_catalog::build();
        if let Some(path) = &self.catalog_file {
            let today = jiff::ZonedDateTime::now().date();
            let extra = catalog::checked(&self.texts, path, &catalog.sources, today)
                .map_err(|lines| anyhow::anyhow!("{}", lines.join("\n")))?;
            catalog.merge(extra);
        }
        Ok(catalog)
    }
}
