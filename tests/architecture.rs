//! The layering rules of ARCHITECTURE.md, checked on the source text: the domain stays pure, the
//! store and the exporter never reach into the wizard, and views do not touch files.

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
            let text = std::fs::read_to_string(&path).unwrap();
            let code: Vec<&str> =
                text.lines().filter(|l| !l.trim_start().starts_with("//")).collect();
            (path, code.join("\n"))
        })
        .collect()
}

fn assert_free_of(dir: &str, forbidden: &[&str]) {
    for (path, code) in code_of(dir) {
        for needle in forbidden {
            assert!(!code.contains(needle), "{} uses `{needle}`", path.display());
        }
    }
}

#[test]
fn the_domain_has_no_terminal_files_clock_texts_or_store() {
    assert_free_of(
        "domain",
        &[
            "crate::tui",
            "crate::store",
            "crate::export",
            "crate::i18n",
            "crate::describe",
            "crate::commands",
            "ratatui",
            "crossterm",
            "std::fs",
            "std::io",
            "std::env",
            "std::time",
            "std::process",
            "::now()",
            "directories",
        ],
    );
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
