//! `meetcheck list [--json]`: the saved assessments. On a terminal a table with headers fitted
//! to its width; through a pipe tab-separated values with a header row; with `--json` an array
//! of objects. Every offering by its display name, every status and step in words: the only id
//! is the NAME, which is what the other commands take. Damaged files are listed with their
//! error, never hidden.

use crate::i18n::{Key, k};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anyhow::{Result, anyhow};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;

use super::Context;
use super::table::{self, Cell, Column, Drop, Fit, Row};
use crate::cli;
use unicode_width::UnicodeWidthStr;

use crate::domain::assessment::Status;
use crate::domain::catalog::Catalog;
use crate::domain::facts::Text;
use crate::domain::scenario::Step;
use crate::i18n::Texts;
use crate::store::{self, Damage, ListedHeader, Store, StoreError, names, rescue};
use crate::terminal_text::for_terminal;

/// What a table cell shows for "nothing".
const NONE: &str = "–";
/// Terminal width assumed when the terminal does not tell.
const FALLBACK_WIDTH: usize = 100;
/// A NAME is never cut shorter than this, nor than a prefix that still names it.
const NAME_MIN: usize = 10;

pub fn run(ctx: &Context, json: bool) -> Result<ExitCode> {
    let store = Store::new(ctx.saves_dir()?);
    let rescued = rescue::noted(&store);
    if !rescued.is_empty() {
        let paths: Vec<String> = rescued.iter().map(|p| p.display().to_string()).collect();
        cli::report(&ctx.texts.fmt(k::UI_NOTE_RESCUED_BEFORE, &[("paths", &paths.join(", "))]));
    }
    // Only the header of each save is read, not its decision snapshot.
    let entries = store.list_headers().map_err(|e| anyhow!(e.message(&ctx.texts)))?;
    // A refused --catalog file must not hide the saves: it is reported, and names then come
    // from the decisions' snapshots.
    let catalog = match ctx.catalog() {
        Ok(catalog) => Some(catalog),
        Err(error) => {
            cli::report(&format!("{error:#}"));
            None
        }
    };
    let today = jiff::ZonedDateTime::now().date();
    let terminal = std::io::stdout().is_terminal();
    let listed = listed(catalog.as_ref(), entries);
    let texts = &ctx.texts;
    let mut out = std::io::stdout().lock();
    if json {
        let objects: Vec<Json> = listed.iter().map(|l| to_json(texts, today, l)).collect();
        // Written whole, so that a closed pipe is an I/O error like any other write's.
        let text = serde_json::to_string_pretty(&objects)?;
        // JSON escapes control characters itself; on a terminal, reordering and invisible
        // characters are made visible too. Through a pipe the data stays exactly as saved.
        let text = if terminal { for_terminal(&text) } else { text.into() };
        writeln!(out, "{text}")?;
        return Ok(ExitCode::SUCCESS);
    }
    let dir = for_terminal(&store.dir().display().to_string()).into_owned();
    if listed.is_empty() {
        let message = texts.fmt(k::LIST_EMPTY, &[("dir", &dir)]);
        // Scripts get no lines at all; the message goes aside.
        if terminal {
            writeln!(out, "{message}")?;
        } else {
            cli::report(&message);
        }
        return Ok(ExitCode::SUCCESS);
    }
    if terminal {
        for line in terminal_table(texts, today, &listed, terminal_width()) {
            writeln!(out, "{line}")?;
        }
        writeln!(out)?;
        writeln!(out, "{}", texts.fmt(k::LIST_DIR, &[("dir", &dir)]))?;
    } else {
        for line in tab_separated(texts, today, &listed) {
            writeln!(out, "{line}")?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// `COLUMNS` when set (as `ls` does), else what the terminal says, else [`FALLBACK_WIDTH`].
fn terminal_width() -> usize {
    let columns = std::env::var("COLUMNS").ok().and_then(|c| c.trim().parse::<usize>().ok());
    let terminal = || ratatui::crossterm::terminal::size().ok().map(|(c, _)| usize::from(c));
    columns.filter(|&c| c > 0).or_else(|| terminal().filter(|&c| c > 0)).unwrap_or(FALLBACK_WIDTH)
}

/// One saved assessment as every output shows it.
struct Listed {
    name: String,
    summary: Result<Summary, StoreError>,
}

struct Summary {
    title: String,
    organisation: String,
    updated: Timestamp,
    step: Step,
    /// The chosen offering's id and display name (from today's catalogue, else the decision's
    /// snapshot); `None` before the decision.
    chosen: Option<(String, Option<Text>)>,
    status: Option<Status>,
    to_be_confirmed: bool,
    /// Preconditions of use still open; `None` before the decision (or when the header does not
    /// say).
    open_preconditions: Option<usize>,
    review_by: Option<Date>,
    from_backup: bool,
}

impl Summary {
    fn overdue(&self, today: Date) -> bool {
        self.review_by.is_some_and(|date| date < today)
    }
}

/// Latest change first; damaged files after them, by name.
fn listed(catalog: Option<&Catalog>, entries: Vec<store::Listed>) -> Vec<Listed> {
    let mut listed: Vec<Listed> = entries
        .into_iter()
        .map(|entry| Listed {
            summary: entry.header.map(|listed| summary(catalog, listed)),
            name: entry.name,
        })
        .collect();
    listed.sort_by(|a, b| match (&a.summary, &b.summary) {
        (Ok(x), Ok(y)) => y.updated.cmp(&x.updated).then_with(|| a.name.cmp(&b.name)),
        (Ok(_), Err(_)) => std::cmp::Ordering::Less,
        (Err(_), Ok(_)) => std::cmp::Ordering::Greater,
        (Err(_), Err(_)) => a.name.cmp(&b.name),
    });
    listed
}

fn summary(catalog: Option<&Catalog>, listed: ListedHeader) -> Summary {
    let h = listed.header;
    Summary {
        // Today's catalogue names the offering; the name the decision recorded serves when the
        // catalogue no longer has it.
        chosen: h.chosen.map(|chosen| {
            let current = catalog.and_then(|c| c.offering(&chosen.id)).map(|o| o.name.clone());
            (chosen.id, current.or(chosen.name))
        }),
        title: h.title,
        organisation: h.organisation,
        updated: h.updated,
        step: h.step,
        status: h.status,
        to_be_confirmed: h.to_be_confirmed,
        open_preconditions: h.preconditions_open,
        review_by: h.review_by,
        from_backup: listed.from_backup,
    }
}

/// The words every output shares.
struct Words<'a> {
    texts: &'a Texts,
    today: Date,
}

impl Words<'_> {
    fn title(&self, s: &Summary) -> String {
        if s.from_backup {
            self.texts.fmt(k::LIST_FROM_BACKUP, &[("title", &s.title)])
        } else {
            s.title.clone()
        }
    }

    fn updated(&self, s: &Summary) -> Cell {
        let local = s.updated.to_zoned_datetime(jiff::tz::TimeZone::system());
        Cell::with_short(
            local.strftime("%Y-%m-%d %H:%M").to_string(),
            local.strftime("%Y-%m-%d").to_string(),
        )
    }

    fn step(&self, s: &Summary) -> Cell {
        let number = format!("{}/{}", s.step.number(), Step::ALL.len());
        Cell::with_short(format!("{number} {}", self.texts.by_name(&s.step.key())), number)
    }

    fn chosen(&self, s: &Summary) -> Option<String> {
        let (_, name) = s.chosen.as_ref()?;
        Some(match name {
            Some(name) => self.texts.pick(name).to_string(),
            // Neither today's catalogue nor the snapshot describes it: say so, not its id.
            None => self.texts.get(k::LIST_CHOSEN_UNKNOWN).to_string(),
        })
    }

    /// The decision's status; "to be confirmed again" in full, or marked "!" when space is short.
    fn status(&self, s: &Summary) -> Option<Cell> {
        let status = self.texts.by_name(s.status?.key());
        Some(if s.to_be_confirmed {
            Cell::with_short(
                self.texts.fmt(k::LIST_STATUS_CONFIRM_AGAIN, &[("status", status)]),
                self.texts.fmt(k::LIST_ATTENTION, &[("text", status)]),
            )
        } else {
            Cell::new(status)
        })
    }

    fn ready(&self, s: &Summary) -> Option<Cell> {
        Some(match s.open_preconditions? {
            0 => Cell::new(self.texts.get(k::LIST_READY_YES)),
            open => Cell::with_short(
                self.texts.fmt(k::LIST_READY_NO, &[("count", &open.to_string())]),
                self.texts.get(k::LIST_READY_NO_SHORT),
            ),
        })
    }

    fn review(&self, s: &Summary) -> Option<Cell> {
        let date = s.review_by?.to_string();
        Some(if s.overdue(self.today) {
            Cell::with_short(
                self.texts.fmt(k::LIST_OVERDUE, &[("date", &date)]),
                self.texts.fmt(k::LIST_ATTENTION, &[("text", &date)]),
            )
        } else {
            Cell::new(date)
        })
    }

    /// One line for a damaged file: the table stays readable; `show NAME` has the rest.
    fn broken(&self, name: &str, error: &StoreError) -> String {
        let texts = self.texts;
        match error {
            StoreError::Corrupt { line, column, reason: Damage::EndsEarly, .. } => texts.fmt(
                k::LIST_BROKEN_ENDS_EARLY,
                &[("line", &line.to_string()), ("column", &column.to_string()), ("name", name)],
            ),
            StoreError::Corrupt { line, column, .. } => texts.fmt(
                k::LIST_BROKEN_CORRUPT,
                &[("line", &line.to_string()), ("column", &column.to_string()), ("name", name)],
            ),
            StoreError::Newer { version, .. } => {
                texts.fmt(k::LIST_BROKEN_NEWER, &[("version", &version.to_string())])
            }
            other => other.message(texts).lines().next().unwrap_or_default().to_string(),
        }
    }
}

/// The header and column rules of the terminal table (see [`table`] for how it fits).
fn columns(texts: &Texts, listed: &[Listed]) -> Vec<Column> {
    let header = |key: Key| Cell::new(texts.get(key));
    let short = |long: Key, short: Key| Cell::with_short(texts.get(long), texts.get(short));
    let cut = |comfortable, min, order| Fit::Cut { comfortable, min, order };
    let column = |header, fit, shorten, drop| Column { header, fit, shorten, drop };
    let (whole, early) = (Fit::Whole, |rank| Some(Drop::Early(rank)));
    vec![
        column(header(k::LIST_COL_NAME), name_fit(listed), None, None),
        column(header(k::LIST_COL_TITLE), cut(24, 10, 2), None, None),
        column(header(k::LIST_COL_ORGANISATION), cut(16, 8, 0), None, Some(Drop::Early(0))),
        column(short(k::LIST_COL_UPDATED, k::LIST_COL_UPDATED_SHORT), whole, Some(2), early(1)),
        column(header(k::LIST_COL_STEP), Fit::Whole, Some(1), Some(Drop::Early(2))),
        column(short(k::LIST_COL_CHOSEN, k::LIST_COL_CHOSEN_SHORT), cut(24, 10, 2), None, None),
        column(header(k::LIST_COL_STATUS), Fit::Whole, Some(0), Some(Drop::Last(1))),
        column(
            short(k::LIST_COL_READY, k::LIST_COL_READY_SHORT),
            whole,
            Some(3),
            Some(Drop::Last(0)),
        ),
        column(short(k::LIST_COL_REVIEW, k::LIST_COL_REVIEW_SHORT), Fit::Whole, Some(4), None),
    ]
}

/// A NAME is what the other commands take: cut only where what is left still names it (a unique
/// prefix is accepted everywhere), and never to fewer than [`NAME_MIN`] characters.
fn name_fit(listed: &[Listed]) -> Fit {
    let all: Vec<&str> = listed.iter().map(|l| l.name.as_str()).collect();
    let min = all
        .iter()
        .zip(names::unique_prefix_lens(&all))
        .map(|(name, len)| {
            let whole = name.width();
            let kept = name[..len].width().max(NAME_MIN.min(whole));
            // A cut name ends in "…".
            if kept < whole { kept + 1 } else { whole }
        })
        .max()
        .unwrap_or(NAME_MIN);
    Fit::Cut { comfortable: min.max(16), min, order: 1 }
}

/// Indexes into [`columns`] of the cells that can carry the "!" mark.
const STATUS: usize = 6;
const REVIEW: usize = 8;

fn terminal_table(texts: &Texts, today: Date, listed: &[Listed], width: usize) -> Vec<String> {
    let words = Words { texts, today };
    let none = || Cell::new(NONE);
    let rows: Vec<Row> = listed
        .iter()
        .map(|l| match &l.summary {
            Err(error) => Row::Note(Cell::new(&l.name), words.broken(&l.name, error)),
            Ok(s) => Row::Cells(vec![
                Cell::new(&l.name),
                Cell::new(words.title(s)),
                Cell::new(if s.organisation.trim().is_empty() { NONE } else { &s.organisation }),
                words.updated(s),
                words.step(s),
                words.chosen(s).map_or_else(none, Cell::new),
                words.status(s).unwrap_or_else(none),
                words.ready(s).unwrap_or_else(none),
                words.review(s).unwrap_or_else(none),
            ]),
        })
        .collect();
    let table = table::render(&columns(texts, listed), &rows, width);
    let mut lines = table.lines;
    // Short forms mark what needs attention with "!": say what it means when one shows.
    let marked = |column: usize| table.short[column] && !table.dropped[column];
    let shown = listed
        .iter()
        .filter_map(|l| l.summary.as_ref().ok())
        .any(|s| (s.to_be_confirmed && marked(STATUS)) || (s.overdue(today) && marked(REVIEW)));
    if shown {
        lines.push(String::new());
        lines.extend(table::wrap(texts.get(k::LIST_LEGEND), width));
    }
    lines
}

/// A header row, then one line per assessment; cells never cut, tabs and line breaks inside a
/// cell turned into spaces. An empty cell is nothing. The last column holds a damaged file's
/// error.
fn tab_separated(texts: &Texts, today: Date, listed: &[Listed]) -> Vec<String> {
    let words = Words { texts, today };
    let header = [
        k::LIST_COL_NAME,
        k::LIST_COL_TITLE,
        k::LIST_COL_ORGANISATION,
        k::LIST_COL_UPDATED,
        k::LIST_COL_STEP,
        k::LIST_COL_CHOSEN,
        k::LIST_COL_STATUS,
        k::LIST_COL_READY,
        k::LIST_COL_REVIEW,
        k::LIST_COL_PROBLEM,
    ]
    .map(|key| texts.get(key).to_string());
    let mut lines = vec![header.join("\t")];
    for l in listed {
        let cells: Vec<String> = match &l.summary {
            Err(error) => {
                let mut cells = vec![l.name.clone()];
                cells.resize(header.len() - 1, String::new());
                cells.push(words.broken(&l.name, error));
                cells
            }
            Ok(s) => vec![
                l.name.clone(),
                words.title(s),
                s.organisation.clone(),
                words.updated(s).long,
                words.step(s).long,
                words.chosen(s).unwrap_or_default(),
                words.status(s).map(|c| c.long).unwrap_or_default(),
                words.ready(s).map(|c| c.long).unwrap_or_default(),
                s.review_by.map(|d| d.to_string()).unwrap_or_default(),
                String::new(),
            ],
        };
        let cells: Vec<String> =
            cells.iter().map(|c| table::one_line(c).trim().to_string()).collect();
        lines.push(cells.join("\t"));
    }
    lines
}

/// One assessment in `list --json`. Every key is always there (`null` when it does not apply),
/// so that scripts need no guessing; a damaged file has its name and `error` only.
#[derive(Serialize)]
struct Json {
    name: String,
    title: Option<String>,
    organisation: Option<String>,
    /// RFC 3339, UTC.
    last_change: Option<String>,
    step: Option<NamedStep>,
    status: Option<Named>,
    to_be_confirmed: Option<bool>,
    chosen: Option<Named>,
    ready_for_use: Option<bool>,
    preconditions_open: Option<usize>,
    review_by: Option<String>,
    review_overdue: Option<bool>,
    from_backup: Option<bool>,
    error: Option<String>,
}

/// A stable id with its words in the chosen language.
#[derive(Serialize)]
struct Named {
    id: String,
    name: String,
}

/// A step: id, words and its number among the steps.
#[derive(Serialize)]
struct NamedStep {
    id: String,
    name: String,
    number: usize,
}

fn to_json(texts: &Texts, today: Date, l: &Listed) -> Json {
    let words = Words { texts, today };
    let s = match &l.summary {
        Ok(s) => s,
        Err(error) => {
            return Json {
                name: l.name.clone(),
                title: None,
                organisation: None,
                last_change: None,
                step: None,
                status: None,
                to_be_confirmed: None,
                chosen: None,
                ready_for_use: None,
                preconditions_open: None,
                review_by: None,
                review_overdue: None,
                from_backup: None,
                error: Some(error.message(texts)),
            };
        }
    };
    Json {
        name: l.name.clone(),
        title: Some(s.title.clone()),
        organisation: Some(s.organisation.clone()),
        last_change: Some(s.updated.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()),
        step: Some(NamedStep {
            id: s.step.id().to_string(),
            name: texts.by_name(&s.step.key()).to_string(),
            number: s.step.number(),
        }),
        status: s.status.map(|status| Named {
            id: status.id().to_string(),
            name: texts.by_name(status.key()).to_string(),
        }),
        to_be_confirmed: Some(s.to_be_confirmed),
        chosen: s
            .chosen
            .as_ref()
            .map(|(id, _)| Named { id: id.clone(), name: words.chosen(s).unwrap_or_default() }),
        ready_for_use: s.open_preconditions.map(|open| open == 0),
        preconditions_open: s.open_preconditions,
        review_by: s.review_by.map(|d| d.to_string()),
        review_overdue: s.review_by.map(|_| s.overdue(today)),
        from_backup: Some(s.from_backup),
        error: None,
    }
}
