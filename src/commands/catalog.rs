//! `meetcheck catalog [--check FILE] [--json] [--stats]`: the offerings at a glance (a table on a
//! terminal, TSV when piped), every fact as JSON, coverage per field, or a catalogue file checked.

use crate::i18n::{Key, k};
use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use serde_json::json;

use super::Context;
use super::catalog_facts::{EXCLUSION_DRIVING, FieldStats, facts_of, field_stats, source_json};
use crate::cli;
use crate::describe;
use crate::domain::catalog::{self, Catalog, Offering, OperatingModel};
use crate::domain::facts::{AsOf, Fact};
use crate::i18n::Texts;
use crate::store::ReadError;
use crate::terminal_text::for_terminal;

/// Columns of the table, in order, by their header key.
const HEADERS: [Key; 8] = [
    k::CATALOG_HEADER_NAME,
    k::CATALOG_HEADER_OPERATOR,
    k::CATALOG_HEADER_SEAT,
    k::CATALOG_HEADER_MODEL,
    k::CATALOG_HEADER_E2EE,
    k::CATALOG_HEADER_BROWSER_JOIN,
    k::CATALOG_HEADER_POSITION,
    k::CATALOG_HEADER_OLDEST_FACT,
];

/// Gap between table columns.
const GAP: &str = "  ";
/// Width below which a column is not shrunk further to fit the terminal.
const MIN_COLUMN: usize = 5;
/// Terminal width assumed when the terminal does not tell.
const FALLBACK_WIDTH: usize = 100;

/// What `meetcheck catalog` prints.
#[derive(Clone, Debug, Default)]
pub struct Request {
    pub check: Option<PathBuf>,
    pub json: bool,
    pub stats: bool,
}

pub fn run(ctx: &Context, request: Request) -> Result<ExitCode> {
    if let Some(file) = request.check {
        return Ok(check_file(ctx, &file, today()));
    }
    let catalog = ctx.catalog()?;
    if request.json {
        let mut out = std::io::stdout().lock();
        serde_json::to_writer_pretty(&mut out, &catalog_json(&catalog, today()))?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    if request.stats {
        let mut out = std::io::stdout().lock();
        for line in stats(&ctx.texts, &catalog, today(), std::io::stdout().is_terminal()) {
            writeln!(out, "{line}")?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = std::io::stdout().lock();
    if std::io::stdout().is_terminal() {
        let width = ratatui::crossterm::terminal::size()
            .map(|(columns, _)| usize::from(columns))
            .unwrap_or(FALLBACK_WIDTH);
        writeln!(out, "{}", edition_line(&ctx.texts, &catalog))?;
        writeln!(out)?;
        for line in table(&ctx.texts, &catalog, width) {
            writeln!(out, "{}", for_terminal(&line))?;
        }
    } else {
        // Scripts get pure data on stdout; the edition goes to stderr so it is still shown.
        cli::report(&edition_line(&ctx.texts, &catalog));
        for line in tab_separated(&ctx.texts, &catalog) {
            writeln!(out, "{}", for_terminal(&line))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn today() -> jiff::civil::Date {
    jiff::ZonedDateTime::now().date()
}

/// "Katalogausgabe 2026-11, 29 Angebote".
pub fn edition_line(texts: &Texts, catalog: &Catalog) -> String {
    let n = catalog.offerings.len();
    texts.count(k::CATALOG_EDITION, n, &[("edition", &catalog.edition), ("count", &n.to_string())])
}

/// The table, fitted to `width` display columns (cells cut with "…").
pub fn table(texts: &Texts, catalog: &Catalog, width: usize) -> Vec<String> {
    let header: Vec<String> = HEADERS.iter().map(|key| texts.get(*key).to_string()).collect();
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

/// A header line, then one line per offering, id first, cells separated by tabs, nothing cut.
pub fn tab_separated(texts: &Texts, catalog: &Catalog) -> Vec<String> {
    let mut header = vec!["id".to_string()];
    header.extend(HEADERS.iter().map(|key| texts.get(*key).to_string()));
    let mut lines = vec![header.join("\t")];
    lines.extend(catalog.offerings.iter().map(|o| {
        let mut row = vec![o.id.clone()];
        row.extend(cells(texts, o).into_iter().map(|c| c.replace(['\t', '\n'], " ")));
        row.join("\t")
    }));
    lines
}

/// Every offering with every fact: state, value, source (title, URL, kind), as-of, certainty.
/// The schema is documented in README.md.
pub fn catalog_json(catalog: &Catalog, today: jiff::civil::Date) -> serde_json::Value {
    let offerings: Vec<serde_json::Value> = catalog
        .offerings
        .iter()
        .map(|o| {
            let facts: Vec<serde_json::Value> =
                facts_of(o).iter().map(|f| f.to_json(catalog, today)).collect();
            let positions: Vec<serde_json::Value> = o
                .authority_positions
                .iter()
                .map(|p| {
                    json!({
                        "authority": p.authority,
                        "verdict": p.verdict,
                        "date": p.date.to_string(),
                        "historical": p.historical,
                        "edition": p.edition,
                        "scope": p.scope,
                        "summary": p.summary,
                        "source": source_json(catalog, &p.source),
                    })
                })
                .collect();
            json!({
                "id": o.id,
                "name": o.name,
                "product": o.product,
                "operating_model": o.operating_model,
                "facts": facts,
                "authority_positions": positions,
                "settings": o.settings,
                "notes": o.notes,
            })
        })
        .collect();
    json!({
        "schema": catalog.schema,
        "edition": catalog.edition,
        "offerings": offerings,
    })
}

/// `catalog --stats`: per field known / unknown / not applicable, the share from primary
/// sources and the stale ones, then the totals and the floor for exclusion-driving fields.
/// Aligned columns on a terminal, tab-separated otherwise.
pub fn stats(
    texts: &Texts,
    catalog: &Catalog,
    today: jiff::civil::Date,
    aligned: bool,
) -> Vec<String> {
    let all: Vec<&Offering> = catalog.offerings.iter().collect();
    let per_field = field_stats(catalog, &all, today);
    let share = |s: Option<u32>| s.map_or_else(|| "–".to_string(), |s| s.to_string());
    let mut rows: Vec<Vec<String>> =
        vec![texts.get(k::CATALOG_STATS_HEADER).split('\t').map(str::to_string).collect()];
    let mut total = FieldStats::default();
    for (field, s) in &per_field {
        rows.push(vec![
            field.clone(),
            s.known.to_string(),
            s.unknown.to_string(),
            s.not_applicable.to_string(),
            share(s.known_share()),
            share(s.primary_share()),
            s.stale.to_string(),
        ]);
        total.known += s.known;
        total.unknown += s.unknown;
        total.not_applicable += s.not_applicable;
        total.primary += s.primary;
        total.stale += s.stale;
    }
    let mut lines = vec![texts.count(
        k::CATALOG_STATS_HEADING,
        catalog.offerings.len(),
        &[
            ("edition", &catalog.edition),
            ("count", &catalog.offerings.len().to_string()),
            ("today", &today.to_string()),
        ],
    )];
    lines.extend(if aligned { align(&rows) } else { rows.iter().map(|r| r.join("\t")).collect() });
    lines.push(texts.fmt(
        k::CATALOG_STATS_TOTAL,
        &[
            ("known", &total.known.to_string()),
            ("unknown", &total.unknown.to_string()),
            ("not_applicable", &total.not_applicable.to_string()),
            ("known_share", &share(total.known_share())),
            ("primary_share", &share(total.primary_share())),
            ("stale", &total.stale.to_string()),
        ],
    ));
    lines.push(texts.fmt(
        k::CATALOG_STATS_FLOOR,
        &[("share", &share(exclusion_driving_known_share(catalog, today)))],
    ));
    lines
}

/// Known share of the exclusion-driving fields of online services (the catalogue's floor).
pub fn exclusion_driving_known_share(catalog: &Catalog, today: jiff::civil::Date) -> Option<u32> {
    let online: Vec<&Offering> = catalog
        .offerings
        .iter()
        .filter(|o| o.operating_model == OperatingModel::OnlineService)
        .collect();
    let mut total = FieldStats::default();
    for (field, s) in field_stats(catalog, &online, today) {
        if EXCLUSION_DRIVING.contains(&field.as_str()) {
            total.known += s.known;
            total.unknown += s.unknown;
        }
    }
    total.known_share()
}

/// Columns padded to their widest cell.
fn align(rows: &[Vec<String>]) -> Vec<String> {
    let mut widths: Vec<usize> = Vec::new();
    for row in rows {
        widths.resize(widths.len().max(row.len()), 0);
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    rows.iter()
        .map(|row| {
            let cells: Vec<String> = row.iter().zip(&widths).map(|(c, &w)| pad(c, w)).collect();
            cells.join(GAP).trim_end().to_string()
        })
        .collect()
}

/// The cells of one offering, in the order of [`HEADERS`].
fn cells(texts: &Texts, o: &Offering) -> Vec<String> {
    let unknown = || texts.get(k::CATALOG_VALUE_UNKNOWN).to_string();
    let not_applicable = || texts.get(k::CATALOG_VALUE_NOT_APPLICABLE).to_string();
    let operator = match &o.operator {
        Fact::Known { value, .. } => (value.name.clone(), value.country.clone()),
        Fact::Unknown { .. } => (unknown(), unknown()),
        Fact::NotApplicable => (not_applicable(), not_applicable()),
    };
    let e2ee = match &o.e2ee {
        Fact::Known { value, .. } if value.experimental => {
            texts.fmt(k::CATALOG_VALUE_EXPERIMENTAL, &[("mode", texts.by_name(value.mode.key()))])
        }
        Fact::Known { value, .. } => texts.by_name(value.mode.key()).to_string(),
        Fact::Unknown { .. } => unknown(),
        Fact::NotApplicable => not_applicable(),
    };
    let browser_join = match &o.browser_join {
        Fact::Known { value, .. } if value.is_empty() => {
            texts.get(k::CATALOG_VALUE_APPS_ONLY).to_string()
        }
        Fact::Known { value, .. } => {
            value.iter().map(|b| texts.by_name(b.key())).collect::<Vec<_>>().join(", ")
        }
        Fact::Unknown { .. } => unknown(),
        Fact::NotApplicable => not_applicable(),
    };
    let position = match o.latest_position() {
        Some(p) => texts.fmt(
            k::CATALOG_VALUE_POSITION,
            &[
                ("authority", texts.by_name(p.authority.key())),
                ("verdict", texts.by_name(p.verdict.key())),
                ("date", &as_of_text(texts, p.date)),
            ],
        ),
        None => texts.get(k::CATALOG_VALUE_NONE).to_string(),
    };
    let oldest = match o.oldest_changeable_fact() {
        Some((field, as_of)) => texts.fmt(
            k::CATALOG_VALUE_OLDEST,
            &[("date", &as_of_text(texts, as_of)), ("field", &describe::fact_label(texts, field))],
        ),
        None => texts.get(k::CATALOG_VALUE_NONE).to_string(),
    };
    vec![
        texts.pick(&o.name).to_string(),
        operator.0,
        operator.1,
        texts.by_name(o.operating_model.key()).to_string(),
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
        texts.fmt(k::CATALOG_VALUE_UNDATED, &[("date", &dated.to_string())])
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
    match checked(texts, file, &embedded_sources(), today) {
        Ok(parsed) => {
            let n = parsed.offerings.len();
            let count = n.to_string();
            let shown = safe_path(file);
            let ok = texts.count(
                k::CATALOG_CHECK_OK,
                n,
                &[("file", &shown), ("count", &count), ("edition", &parsed.edition)],
            );
            // A reader that has gone away (`| head -0`) changes nothing about the result.
            let _ = writeln!(std::io::stdout(), "{ok}");
            ExitCode::SUCCESS
        }
        Err(lines) => {
            // One message, as `--catalog FILE` reports it too.
            cli::report(&lines.join("\n"));
            ExitCode::from(1)
        }
    }
}

/// Reads, parses and validates a catalogue file exactly as `catalog --check` does; the lines to
/// print when it is refused. `--catalog FILE` goes through here too, so a file the check rejects
/// is never used.
pub fn checked(
    texts: &Texts,
    file: &Path,
    embedded_sources: &BTreeMap<String, catalog::Source>,
    today: jiff::civil::Date,
) -> Result<Catalog, Vec<String>> {
    let shown = safe_path(file);
    let bytes = crate::store::read_regular(file, crate::store::MAX_FILE).map_err(|e| {
        let message = match e {
            ReadError::NotRegular(kind) => texts.fmt(
                k::CATALOG_CHECK_NOT_REGULAR,
                &[("file", &shown), ("kind", texts.get(crate::store_words::kind_key(kind)))],
            ),
            ReadError::TooLarge { size, limit } => texts.fmt(
                k::CATALOG_CHECK_TOO_LARGE,
                &[("file", &shown), ("size", &size.to_string()), ("limit", &limit.to_string())],
            ),
            ReadError::Io(err) => texts.fmt(
                k::CATALOG_CHECK_CANNOT_READ,
                &[("file", &shown), ("error", &err.to_string())],
            ),
        };
        vec![message]
    })?;
    let text = std::str::from_utf8(&bytes).map_err(|e| {
        let (line, column) = position(&bytes[..e.valid_up_to()]);
        vec![texts.fmt(
            k::CATALOG_CHECK_NOT_UTF8,
            &[("file", &shown), ("line", &line.to_string()), ("column", &column.to_string())],
        )]
    })?;
    let parsed = catalog::parse(text).map_err(|err| {
        let message = for_terminal(&err.message);
        vec![
            format!("{shown}:{}:{}: {message}", err.line, err.column),
            texts.get(k::CATALOG_FIX_HINT).to_string(),
        ]
    })?;
    let mut with_sources = parsed.clone();
    for (key, source) in embedded_sources {
        with_sources.sources.entry(key.clone()).or_insert_with(|| source.clone());
    }
    let problems = catalog::validate(&with_sources, today);
    if problems.is_empty() {
        return Ok(parsed);
    }
    let mut lines: Vec<String> = problems
        .iter()
        .map(|problem| {
            let args = problem.kind.args();
            let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let line = format!(
                "{shown}: {}: {}",
                problem.path,
                texts.fmt_by_name(problem.kind.key(), &args)
            );
            for_terminal(&line).into_owned()
        })
        .collect();
    let count = problems.len().to_string();
    lines.push(texts.fmt(k::CATALOG_CHECK_PROBLEMS, &[("file", &shown), ("count", &count)]));
    Err(lines)
}

/// A file given with `--catalog` is merged on top of the embedded catalogue, so its facts may
/// cite the embedded sources; checking it the same way avoids false alarms.
fn embedded_sources() -> BTreeMap<String, catalog::Source> {
    crate::embedded_catalog::build().sources
}

fn safe_path(file: &Path) -> String {
    for_terminal(&file.display().to_string()).into_owned()
}

/// 1-based line and column just after `before` (the valid part of a file).
fn position(before: &[u8]) -> (usize, usize) {
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    let line_start = before.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..]).chars().count() + 1;
    (line, column)
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
