//! `meetcheck catalog [--check FILE]`: the offerings at a glance, or a catalogue file checked.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::{Context, EMBEDDED_CATALOG};
use crate::cli;
use crate::domain::catalog::{self, Catalog, Offering};
use crate::domain::facts::{AsOf, Fact};
use crate::i18n::Texts;

/// Columns of the table, in order, by their header key.
const HEADERS: [&str; 8] = [
    "catalog.header.name",
    "catalog.header.operator",
    "catalog.header.seat",
    "catalog.header.model",
    "catalog.header.e2ee",
    "catalog.header.browser_join",
    "catalog.header.position",
    "catalog.header.oldest_fact",
];

/// Gap between table columns.
const GAP: &str = "  ";
/// Width below which a column is not shrunk further to fit the terminal.
const MIN_COLUMN: usize = 5;
/// Terminal width assumed when the terminal does not tell.
const FALLBACK_WIDTH: usize = 100;

pub fn run(ctx: &Context, check: Option<PathBuf>) -> Result<ExitCode> {
    if let Some(file) = check {
        return Ok(check_file(ctx, &file, today()));
    }
    let catalog = ctx.catalog()?;
    let mut out = std::io::stdout().lock();
    if std::io::stdout().is_terminal() {
        let width = ratatui::crossterm::terminal::size()
            .map(|(columns, _)| usize::from(columns))
            .unwrap_or(FALLBACK_WIDTH);
        writeln!(out, "{}", edition_line(&ctx.texts, &catalog))?;
        writeln!(out)?;
        for line in table(&ctx.texts, &catalog, width) {
            writeln!(out, "{line}")?;
        }
    } else {
        // Scripts get pure data on stdout; the edition goes to stderr so it is still shown.
        cli::report(&edition_line(&ctx.texts, &catalog));
        for line in tab_separated(&ctx.texts, &catalog) {
            writeln!(out, "{line}")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn today() -> jiff::civil::Date {
    jiff::ZonedDateTime::now().date()
}

/// "Katalogausgabe 2026-11, 29 Angebote".
pub fn edition_line(texts: &Texts, catalog: &Catalog) -> String {
    texts.fmt(
        "catalog.edition",
        &[("edition", &catalog.edition), ("count", &catalog.offerings.len().to_string())],
    )
}

/// The table, fitted to `width` display columns (cells cut with "…").
pub fn table(texts: &Texts, catalog: &Catalog, width: usize) -> Vec<String> {
    let header: Vec<String> = HEADERS.iter().map(|key| texts.get(key).to_string()).collect();
    let rows: Vec<Vec<String>> = catalog.offerings.iter().map(|o| cells(texts, o)).collect();
    let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    fit(&mut widths, width);
    let render = |row: &[String]| -> String {
        let cells: Vec<String> =
            row.iter().zip(&widths).map(|(cell, &w)| pad(&truncate(cell, w), w)).collect();
        cells.join(GAP).trim_end().to_string()
    };
    let rule: Vec<String> = widths.iter().map(|&w| "─".repeat(w)).collect();
    let mut lines = vec![render(&header), rule.join(GAP)];
    lines.extend(rows.iter().map(|row| render(row)));
    lines
}

/// One line per offering, id first, cells separated by tabs, nothing cut.
pub fn tab_separated(texts: &Texts, catalog: &Catalog) -> Vec<String> {
    catalog
        .offerings
        .iter()
        .map(|o| {
            let mut row = vec![o.id.clone()];
            row.extend(cells(texts, o).into_iter().map(|c| c.replace(['\t', '\n'], " ")));
            row.join("\t")
        })
        .collect()
}

/// The cells of one offering, in the order of [`HEADERS`].
fn cells(texts: &Texts, o: &Offering) -> Vec<String> {
    let unknown = || texts.get("catalog.value.unknown").to_string();
    let not_applicable = || texts.get("catalog.value.not_applicable").to_string();
    let operator = match &o.operator {
        Fact::Known { value, .. } => (value.name.clone(), value.country.clone()),
        Fact::Unknown { .. } => (unknown(), unknown()),
        Fact::NotApplicable => (not_applicable(), not_applicable()),
    };
    let e2ee = match &o.e2ee {
        Fact::Known { value, .. } if value.experimental => {
            texts.fmt("catalog.value.experimental", &[("mode", texts.get(value.mode.key()))])
        }
        Fact::Known { value, .. } => texts.get(value.mode.key()).to_string(),
        Fact::Unknown { .. } => unknown(),
        Fact::NotApplicable => not_applicable(),
    };
    let browser_join = match &o.browser_join {
        Fact::Known { value, .. } if value.is_empty() => {
            texts.get("catalog.value.apps_only").to_string()
        }
        Fact::Known { value, .. } => {
            value.iter().map(|b| texts.get(b.key())).collect::<Vec<_>>().join(", ")
        }
        Fact::Unknown { .. } => unknown(),
        Fact::NotApplicable => not_applicable(),
    };
    let position = match o.latest_position() {
        Some(p) => texts.fmt(
            "catalog.value.position",
            &[
                ("authority", texts.get(p.authority.key())),
                ("verdict", texts.get(p.verdict.key())),
                ("date", &as_of_text(texts, p.date)),
            ],
        ),
        None => texts.get("catalog.value.none").to_string(),
    };
    let oldest = match o.oldest_changeable_fact() {
        Some((field, as_of)) => texts.fmt(
            "catalog.value.oldest",
            &[("date", &as_of_text(texts, as_of)), ("field", texts.get(field.key()))],
        ),
        None => texts.get("catalog.value.none").to_string(),
    };
    vec![
        texts.pick(&o.name).to_string(),
        operator.0,
        operator.1,
        texts.get(o.operating_model.key()).to_string(),
        e2ee,
        browser_join,
        position,
        oldest,
    ]
}

/// A date as written in the catalogue, with "undated" in the reader's language.
fn as_of_text(texts: &Texts, as_of: AsOf) -> String {
    if as_of.undated {
        let dated = AsOf { undated: false, ..as_of };
        texts.fmt("catalog.value.undated", &[("date", &dated.to_string())])
    } else {
        as_of.to_string()
    }
}

/// Shrinks the widest columns, one step at a time, until the row fits `total`.
fn fit(widths: &mut [usize], total: usize) {
    let gaps = GAP.len() * widths.len().saturating_sub(1);
    while widths.iter().sum::<usize>() + gaps > total {
        let Some(widest) = widths.iter_mut().filter(|w| **w > MIN_COLUMN).max_by_key(|w| **w)
        else {
            break;
        };
        *widest -= 1;
    }
}

/// Cuts `s` to at most `width` display columns, ending in "…" when cut.
fn truncate(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for ch in s.chars() {
        let w = ch.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(ch);
        used += w;
    }
    out.push('…');
    out
}

fn pad(s: &str, width: usize) -> String {
    let fill = width.saturating_sub(s.width());
    format!("{s}{}", " ".repeat(fill))
}

/// `catalog --check FILE`: the first syntax or type error with file:line:column, else every
/// problem by offering and field path. Exit 1 on any problem.
fn check_file(ctx: &Context, file: &Path, today: jiff::civil::Date) -> ExitCode {
    let texts = &ctx.texts;
    let shown = file.display().to_string();
    let text = match std::fs::read_to_string(file) {
        Ok(text) => text,
        Err(err) => {
            let message = texts
                .fmt("catalog.check.cannot_read", &[("file", &shown), ("error", &err.to_string())]);
            cli::report(&message);
            return ExitCode::from(1);
        }
    };
    let parsed = match catalog::parse(&text) {
        Ok(parsed) => parsed,
        Err(err) => {
            cli::report(&format!("{shown}:{}:{}: {}", err.line, err.column, err.message));
            cli::report(texts.get("catalog.fix_hint"));
            return ExitCode::from(1);
        }
    };
    let problems = catalog::validate(&with_embedded_sources(parsed.clone()), today);
    if problems.is_empty() {
        let count = parsed.offerings.len().to_string();
        println!(
            "{}",
            texts.fmt(
                "catalog.check.ok",
                &[("file", &shown), ("count", &count), ("edition", &parsed.edition)]
            )
        );
        return ExitCode::SUCCESS;
    }
    for problem in &problems {
        let args = problem.kind.args();
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        cli::report(&format!(
            "{shown}: {}: {}",
            problem.path,
            texts.fmt(problem.kind.key(), &args)
        ));
    }
    let count = problems.len().to_string();
    cli::report(&texts.fmt("catalog.check.problems", &[("file", &shown), ("count", &count)]));
    ExitCode::from(1)
}

/// A file given with `--catalog` is merged on top of the embedded catalogue, so its facts may
/// cite the embedded sources; checking it the same way avoids false alarms.
fn with_embedded_sources(mut file: Catalog) -> Catalog {
    if let Ok(embedded) = catalog::parse(EMBEDDED_CATALOG) {
        for (key, source) in embedded.sources {
            file.sources.entry(key).or_insert(source);
        }
    }
    file
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncation_respects_display_width() {
        assert_eq!(truncate("Galène, selbst betrieben", 8), "Galène,…");
        assert_eq!(truncate("kurz", 8), "kurz");
        assert_eq!(truncate("日本語テキスト", 5), "日本…");
        assert_eq!(pad("ä", 3), "ä  ");
    }

    #[test]
    fn columns_shrink_until_the_row_fits() {
        let mut widths = vec![30, 10, 4, 20];
        fit(&mut widths, 50);
        assert!(widths.iter().sum::<usize>() + 6 <= 50, "{widths:?}");
        assert_eq!(widths[2], 4, "narrow columns stay as they are");
    }
}
