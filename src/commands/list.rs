//! `meetcheck list`: the saved assessments as a table (plain tab-separated lines when standard
//! output is not a terminal). Broken files are listed with their error, never hidden.

use std::io::IsTerminal;
use std::process::ExitCode;

use anyhow::{Result, anyhow};
use jiff::Timestamp;
use jiff::civil::Date;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::Context;
use crate::domain::catalog::Catalog;
use crate::domain::scenario::Step;
use crate::store::format::Header;
use crate::store::{Damage, Listed, Store, StoreError, rescue};
use crate::terminal_text::for_terminal;

/// Column headers, in order.
const COLUMNS: [&str; 8] = [
    "list.col.name",
    "list.col.title",
    "list.col.organisation",
    "list.col.updated",
    "list.col.step",
    "list.col.chosen",
    "list.col.status",
    "list.col.review",
];
/// Widest a free-text cell may get in the table (titles can be very long).
const MAX_CELL: usize = 36;
const NONE: &str = "–";

pub fn run(ctx: &Context) -> Result<ExitCode> {
    let store = Store::new(ctx.saves_dir()?);
    // Emergency copies an earlier session could not report: named first, whatever follows.
    let rescued = rescue::noted(&store);
    if !rescued.is_empty() {
        let paths: Vec<String> = rescued.iter().map(|p| p.display().to_string()).collect();
        let note = ctx.texts.fmt("ui.note.rescued_before", &[("paths", &paths.join(", "))]);
        eprintln!("{}", for_terminal(&note));
    }
    let entries = store.list_headers().map_err(|e| anyhow!(e.message(&ctx.texts)))?;
    // A refused --catalog file must not hide the saves: it is reported, and names then come
    // from the snapshots.
    let catalog = match ctx.catalog() {
        Ok(catalog) => Some(catalog),
        Err(error) => {
            eprintln!("meetcheck: {}", for_terminal(&format!("{error:#}")));
            None
        }
    };
    let today = jiff::ZonedDateTime::now().date();
    let terminal = std::io::stdout().is_terminal();
    let dir = for_terminal(&store.dir().display().to_string()).into_owned();
    if entries.is_empty() {
        let message = ctx.texts.fmt("list.empty", &[("dir", &dir)]);
        if terminal {
            println!("{message}")
        } else {
            eprintln!("{message}")
        }
        return Ok(ExitCode::SUCCESS);
    }
    let rows = rows(ctx, catalog.as_ref(), today, entries);
    if terminal {
        let header: Vec<String> = COLUMNS.iter().map(|k| ctx.texts.get(k).to_string()).collect();
        print!("{}", table(&header, &rows));
        println!();
        println!("{}", ctx.texts.fmt("list.dir", &[("dir", &dir)]));
    } else {
        for row in &rows {
            let cells: Vec<String> = row.iter().map(|c| one_line(c)).collect();
            println!("{}", cells.join("\t").trim_end());
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Latest change first; broken files after them, by name.
fn rows(
    ctx: &Context,
    catalog: Option<&Catalog>,
    today: Date,
    entries: Vec<Listed>,
) -> Vec<Vec<String>> {
    let mut good: Vec<(Timestamp, Vec<String>)> = Vec::new();
    let mut broken: Vec<Vec<String>> = Vec::new();
    for entry in entries {
        match &entry.header {
            Ok(listed) => {
                let mut row = row(ctx, catalog, today, &entry.name, &listed.header);
                if listed.from_backup {
                    row[1] = ctx.texts.fmt("list.from_backup", &[("title", &row[1])]);
                }
                good.push((listed.header.updated, row));
            }
            Err(error) => {
                broken.push(vec![entry.name.clone(), broken_summary(ctx, &entry.name, error)])
            }
        }
    }
    good.sort_by_key(|(updated, _)| std::cmp::Reverse(*updated));
    good.into_iter().map(|(_, row)| row).chain(broken).collect()
}

fn row(
    ctx: &Context,
    catalog: Option<&Catalog>,
    today: Date,
    name: &str,
    h: &Header,
) -> Vec<String> {
    let texts = &ctx.texts;
    let updated = h.updated.to_zoned_datetime(jiff::tz::TimeZone::system());
    // Today's catalogue names the offering; the header's name (from the decision's snapshot)
    // serves when the catalogue no longer has it.
    let chosen = h.chosen.as_ref().map_or(NONE.to_string(), |c| {
        let current = catalog.and_then(|catalog| catalog.offering(&c.id)).map(|o| &o.name);
        match current.or(c.name.as_ref()) {
            Some(name) => texts.pick(name).to_string(),
            None => c.id.clone(),
        }
    });
    let status = h.status.map_or(NONE.to_string(), |s| texts.get(s.key()).to_string());
    let review = match h.review_by {
        Some(date) if date < today => texts.fmt("list.overdue", &[("date", &date.to_string())]),
        Some(date) => date.to_string(),
        None => NONE.to_string(),
    };
    vec![
        name.to_string(),
        h.title.clone(),
        h.organisation.clone(),
        updated.strftime("%Y-%m-%d %H:%M").to_string(),
        step_label(ctx, h.step),
        chosen,
        status,
        review,
    ]
}

fn step_label(ctx: &Context, step: Step) -> String {
    format!("{}/{} {}", step.number(), Step::ALL.len(), ctx.texts.get(&step.key()))
}

/// One line instead of the full message: the table stays readable; `show NAME` has the rest.
fn broken_summary(ctx: &Context, name: &str, error: &StoreError) -> String {
    let texts = &ctx.texts;
    match error {
        StoreError::Corrupt { line, column, reason: Damage::EndsEarly, .. } => texts.fmt(
            "list.broken.ends_early",
            &[("line", &line.to_string()), ("column", &column.to_string()), ("name", name)],
        ),
        StoreError::Corrupt { line, column, .. } => texts.fmt(
            "list.broken.corrupt",
            &[("line", &line.to_string()), ("column", &column.to_string()), ("name", name)],
        ),
        StoreError::Newer { version, .. } => {
            texts.fmt("list.broken.newer", &[("version", &version.to_string())])
        }
        other => other.message(texts).lines().next().unwrap_or_default().to_string(),
    }
}

/// Control characters (a newline in a title) would break the lines; tabs would shift columns;
/// escape sequences and reordering characters must not reach the terminal at all.
fn one_line(text: &str) -> String {
    for_terminal(text).chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

/// Cuts to `max` display columns, marking the cut with "…".
fn fit(text: &str, max: usize) -> String {
    let text = one_line(text);
    if text.width() <= max {
        return text;
    }
    let mut out = String::new();
    let mut width = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if width + w + 1 > max {
            break;
        }
        out.push(c);
        width += w;
    }
    out.push('…');
    out
}

/// Left-aligned columns padded by display width. The last cell of a row is neither cut nor
/// padded: a broken file's error (name, then error) stays whole.
fn table(header: &[String], rows: &[Vec<String>]) -> String {
    let rows: Vec<Vec<String>> = std::iter::once(header.to_vec())
        .chain(rows.iter().cloned())
        .map(|row| {
            let last = row.len().saturating_sub(1);
            row.iter()
                .enumerate()
                .map(|(i, c)| if i == last { one_line(c) } else { fit(c, MAX_CELL) })
                .collect()
        })
        .collect();
    let mut widths = vec![0; header.len()];
    for row in &rows {
        for (i, cell) in row.iter().enumerate().take(row.len().saturating_sub(1)) {
            widths[i] = widths[i].max(cell.width());
        }
    }
    let mut out = String::new();
    for row in &rows {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            line.push_str(cell);
            if i + 1 < row.len() {
                line.push_str(&" ".repeat(widths[i] - cell.width() + 2));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_cut_by_display_width() {
        assert_eq!(fit("kurz", 10), "kurz");
        assert_eq!(fit(&"x".repeat(50), 10), format!("{}…", "x".repeat(9)));
        assert_eq!(fit("日本語日本語", 7).width(), 7);
        assert_eq!(fit("a\nb", 10), "a b");
    }

    #[test]
    fn table_columns_line_up_with_wide_characters() {
        let header = vec!["A".to_string(), "B".to_string()];
        let rows = vec![
            vec!["日本".to_string(), "x".to_string()],
            vec!["ab".to_string(), "y".to_string()],
        ];
        let out = table(&header, &rows);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines, ["A     B", "日本  x", "ab    y"]);
    }

    #[test]
    fn a_broken_files_error_is_never_cut() {
        let header = vec!["Name".to_string(), "Title".to_string(), "Org".to_string()];
        let error =
            "damaged (3:7), no loadable backup copy – details: meetcheck show x".to_string();
        let rows = vec![vec!["x".to_string(), error.clone()]];
        assert!(table(&header, &rows).contains(&error));
    }
}
