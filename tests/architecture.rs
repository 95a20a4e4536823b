//! The layering rules of ARCHITECTURE.md, checked on the source text: the core crate stays pure
//! (Cargo guards its dependencies; this guards the standard library and the clock), the store
//! and the exporter never reach into the wizard, and views do not touch files.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

/// Code lines (comments dropped) of every file under `src/<dir>` (or the file `src/<dir>.rs`).
fn code_of(dir: &str) -> Vec<(PathBuf, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    if src.join(dir).is_dir() {
        files.extend(rust_files(&src.join(dir)));
    }
    let single = src.join(format!("{dir}.rs"));
    if single.is_file() {
        files.push(single);
    }
    assert!(!files.is_empty(), "no sources for {dir}");
    files
        .into_iter()
        .map(|path| {
            let code = code_lines(&path);
            (path, code)
        })
        .collect()
}

/// A file's code lines, comments dropped.
fn code_lines(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let code: Vec<&str> = text.lines().filter(|l| !l.trim_start().starts_with("//")).collect();
    code.join("\n")
}

fn assert_free_of(dir: &str, forbidden: &[&str]) {
    for (path, code) in code_of(dir) {
        for needle in forbidden {
            assert!(!code.contains(needle), "{} uses `{needle}`", path.display());
        }
    }
}

/// Code lines (comments dropped) of every file of the core crate.
fn code_of_core() -> Vec<(PathBuf, String)> {
    let files = rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("core/src"));
    assert!(!files.is_empty(), "no sources for the core");
    files
        .into_iter()
        .map(|path| {
            let code = code_lines(&path);
            (path, code)
        })
        .collect()
}

/// Cargo already keeps the core from reaching the rest of meetcheck (it cannot depend on it);
/// what Cargo cannot see is the standard library and the clock.
#[test]
fn the_core_has_no_files_environment_or_clock() {
    let forbidden = [
        "std::fs",
        "std::io",
        "std::env",
        "std::time",
        "std::process",
        "std::net",
        "SystemTime",
        "Instant",
        "::now(",
        "Zoned::now",
        "env!(",
        "option_env!(",
    ];
    for (path, code) in code_of_core() {
        // Unit tests may read fixtures; what ships may not.
        let shipped = code.split("#[cfg(test)]").next().unwrap_or_default();
        for needle in forbidden {
            assert!(!shipped.contains(needle), "{} uses `{needle}`", path.display());
        }
    }
}

/// The core's dependencies are data and dates only; anything else (a terminal, a command line,
/// files, directories, texts) belongs to the `meetcheck` package.
#[test]
fn the_core_depends_only_on_serde_jiff_and_thiserror() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("core/Cargo.toml");
    let text = std::fs::read_to_string(manifest).unwrap();
    let mut section = String::new();
    for line in text.lines().map(str::trim) {
        if line.starts_with('[') {
            section = line.to_string();
            let known = !section.contains("dependencies")
                || ["[dependencies]", "[dev-dependencies]"].contains(&line);
            assert!(known, "core/Cargo.toml has a section {line}");
        } else if section == "[dependencies]" && !line.is_empty() && !line.starts_with('#') {
            let name = line.split(['=', ' ', '.']).next().unwrap();
            let allowed = ["serde", "jiff", "thiserror"].contains(&name);
            assert!(allowed, "the core depends on `{name}`");
        }
    }
}

#[test]
fn store_and_export_do_not_reach_into_the_wizard() {
    for dir in ["store", "export"] {
        assert_free_of(dir, &["crate::tui", "ratatui", "crossterm"]);
    }
}

#[test]
fn views_only_draw() {
    assert_free_of("tui/view", &["std::fs", "crate::store", "crate::export", "::now()"]);
}

/// The store reports structured values; `store_words` puts them into words.
#[test]
fn the_store_holds_no_words() {
    assert_free_of("store", &["crate::i18n", "crate::describe", "Texts"]);
}

/// The commands use the wizard (start, resume), never the other way round.
#[test]
fn the_wizard_does_not_reach_into_the_commands() {
    assert_free_of("tui", &["crate::commands"]);
}
