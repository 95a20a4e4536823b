//! A plain-text table fitted to the terminal: free-text columns are cut with "…" (never below
//! their minimum), columns with a short form use it when space is tight, and the least important
//! columns are left out only when nothing else helps. Widths are display widths, never `len()`.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::terminal_text::for_terminal;

/// Space between columns.
const GAP: &str = "  ";

/// A cell's text, and a shorter form of it for tight terminals (often the same).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cell {
    pub long: String,
    pub short: String,
}

impl Cell {
    pub fn new(text: impl Into<String>) -> Cell {
        let text = text.into();
        Cell { short: text.clone(), long: text }
    }

    pub fn with_short(long: impl Into<String>, short: impl Into<String>) -> Cell {
        Cell { long: long.into(), short: short.into() }
    }

    fn form(&self, short: bool) -> &str {
        if short { &self.short } else { &self.long }
    }
}

/// How a column gives way when the table is too wide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fit {
    /// Always shown whole (dates, counts): only its short form saves space.
    Whole,
    /// Free text, cut with "…": first down to `comfortable`, then, if still needed, to `min`.
    /// Columns are cut in `order` (lowest first): one down to its limit before the next;
    /// columns of the same order give way together.
    Cut { comfortable: usize, min: usize, order: u8 },
}

#[derive(Clone, Debug)]
pub struct Column {
    pub header: Cell,
    pub fit: Fit,
    /// Columns with a short form switch to it in this order (lowest first).
    pub shorten: Option<u8>,
    /// Whether and when the column may be left out; `None`: always shown.
    pub drop: Option<Drop>,
}

/// When a column may be left out, and in which order among its kind (lowest first).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Drop {
    /// Before free text is cut below its comfortable width.
    Early(u8),
    /// Only when even the minimum widths do not fit.
    Last(u8),
}

#[derive(Clone, Debug)]
pub enum Row {
    Cells(Vec<Cell>),
    /// The first cell, then a note across the other columns: wrapped at spaces, never cut
    /// (a damaged file's error).
    Note(Cell, String),
}

/// A table as printed, and which columns it shows in their short form or not at all.
#[derive(Debug)]
pub struct Rendered {
    pub lines: Vec<String>,
    pub short: Vec<bool>,
    pub dropped: Vec<bool>,
}

/// The table as lines of at most `width` display columns (unless even the narrowest layout is
/// wider): header, rule, rows. Trailing spaces are trimmed.
pub fn render(columns: &[Column], rows: &[Row], width: usize) -> Rendered {
    let layout = layout(columns, rows, width);
    let visible: Vec<usize> = (0..columns.len()).filter(|i| !layout.dropped[*i]).collect();
    let line = |cells: &[Cell]| -> String {
        let parts: Vec<String> = visible
            .iter()
            .map(|&i| {
                let text = cells.get(i).map_or("", |c| c.form(layout.short[i]));
                pad(&cut(&one_line(text), layout.widths[i]), layout.widths[i])
            })
            .collect();
        parts.join(GAP).trim_end().to_string()
    };
    // A header is never cut: its short form where the long one does not fit.
    let headers: Vec<Cell> = columns
        .iter()
        .zip(&layout.widths)
        .map(|(c, &w)| {
            let fits = c.header.long.width() <= w;
            Cell::new(if fits { &c.header.long } else { &c.header.short })
        })
        .collect();
    let mut out = vec![line(&headers)];
    let rule: Vec<String> = visible.iter().map(|&i| "─".repeat(layout.widths[i])).collect();
    out.push(rule.join(GAP));
    let first = visible.first().copied().unwrap_or(0);
    let indent = layout.widths.get(first).copied().unwrap_or(0) + GAP.len();
    for row in rows {
        match row {
            Row::Cells(cells) => out.push(line(cells)),
            Row::Note(cell, note) => {
                let head = pad(&cut(&one_line(cell.form(layout.short[first])), indent - 2), indent);
                let room = width.saturating_sub(indent).max(20);
                for (n, part) in wrap(&one_line(note), room).into_iter().enumerate() {
                    let lead = if n == 0 { head.clone() } else { " ".repeat(indent) };
                    out.push(format!("{lead}{part}").trim_end().to_string());
                }
            }
        }
    }
    Rendered { lines: out, short: layout.short, dropped: layout.dropped }
}

struct Layout {
    widths: Vec<usize>,
    short: Vec<bool>,
    dropped: Vec<bool>,
}

/// The first layout that fits: long forms with comfortable cuts; then short forms one column at
/// a time; then the early-dropped columns left out one at a time; then cuts down to the minimum;
/// then the last-dropped columns left out.
fn layout(columns: &[Column], rows: &[Row], width: usize) -> Layout {
    let n = columns.len();
    let mut shorten_order: Vec<usize> = (0..n).filter(|&i| columns[i].shorten.is_some()).collect();
    shorten_order.sort_by_key(|&i| columns[i].shorten);
    let mut drop_order: Vec<usize> = (0..n).filter(|&i| columns[i].drop.is_some()).collect();
    drop_order.sort_by_key(|&i| columns[i].drop);
    let early = drop_order.iter().filter(|&&i| matches!(columns[i].drop, Some(Drop::Early(_))));
    let early = early.count();
    let all_short = shorten_order.len();
    let mut attempts: Vec<(usize, usize, bool)> = Vec::new();
    attempts.extend((0..=all_short).map(|shortened| (shortened, 0, false)));
    attempts.extend((1..=early).map(|dropped| (all_short, dropped, false)));
    attempts.extend((early..=drop_order.len()).map(|dropped| (all_short, dropped, true)));
    let mut last = None;
    for (shortened, dropped, hard) in attempts {
        let mut short = vec![false; n];
        for &i in &shorten_order[..shortened] {
            short[i] = true;
        }
        let mut gone = vec![false; n];
        for &i in &drop_order[..dropped] {
            gone[i] = true;
        }
        let (widths, fits) = widths(columns, rows, &short, &gone, hard, width);
        let layout = Layout { widths, short, dropped: gone };
        if fits {
            return layout;
        }
        last = Some(layout);
    }
    last.expect("at least one attempt")
}

/// Natural widths, then cuttable columns narrowed in their order, each down to its limit
/// (comfortable, or the minimum when `hard`) before the next, until the row fits.
fn widths(
    columns: &[Column],
    rows: &[Row],
    short: &[bool],
    gone: &[bool],
    hard: bool,
    width: usize,
) -> (Vec<usize>, bool) {
    let mut widths: Vec<usize> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let cells = rows.iter().filter_map(|r| match r {
                Row::Cells(cells) => cells.get(i),
                Row::Note(cell, _) => (i == 0).then_some(cell),
            });
            std::iter::once(&c.header)
                .chain(cells)
                .map(|cell| one_line(cell.form(short[i])).width())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let shown: Vec<usize> = (0..columns.len()).filter(|&i| !gone[i]).collect();
    let gaps = GAP.len() * shown.len().saturating_sub(1);
    let mut cuttable: Vec<(u8, usize, usize)> = shown
        .iter()
        .filter_map(|&i| match columns[i].fit {
            Fit::Whole => None,
            Fit::Cut { comfortable, min, order } => {
                let floor = if hard { min } else { comfortable.max(min) };
                Some((order, i, floor.max(columns[i].header.short.width()).min(widths[i])))
            }
        })
        .collect();
    cuttable.sort_unstable();
    let total = |widths: &[usize]| shown.iter().map(|&j| widths[j]).sum::<usize>() + gaps;
    // Columns of one order give way together: always the one with the most room to spare.
    for group in cuttable.chunk_by(|a, b| a.0 == b.0) {
        while total(&widths) > width {
            let roomiest = group
                .iter()
                .filter(|&&(_, i, floor)| widths[i] > floor)
                .max_by_key(|&&(_, i, floor)| (widths[i] - floor, std::cmp::Reverse(i)));
            match roomiest {
                Some(&(_, i, _)) => widths[i] -= 1,
                None => break,
            }
        }
    }
    let fits = total(&widths) <= width;
    (widths, fits)
}

/// One line that is safe to print: escape sequences and reordering characters made visible
/// (see [`for_terminal`]), line breaks and tabs, which would break the layout, made spaces.
pub fn one_line(text: &str) -> String {
    for_terminal(text).chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

/// Cuts to `max` display columns, marking the cut with "…".
pub fn cut(text: &str, max: usize) -> String {
    if text.width() <= max {
        return text.to_string();
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
    if max > 0 {
        out.push('…');
    }
    out
}

fn pad(text: &str, width: usize) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(text.width())))
}

/// Lines of at most `width` display columns, broken at spaces; a word longer than a line is
/// broken where it must be.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let gap = usize::from(!line.is_empty());
        if line.width() + gap + word.width() <= width {
            if gap == 1 {
                line.push(' ');
            }
            line.push_str(word);
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        for c in word.chars() {
            if !line.is_empty() && line.width() + c.width().unwrap_or(0) > width {
                lines.push(std::mem::take(&mut line));
            }
            line.push(c);
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(width: usize) -> Column {
        Column {
            header: Cell::new("Text"),
            fit: Fit::Cut { comfortable: width, min: 4, order: 0 },
            shorten: None,
            drop: None,
        }
    }

    #[test]
    fn cells_are_cut_by_display_width() {
        assert_eq!(cut("kurz", 10), "kurz");
        assert_eq!(cut(&"x".repeat(50), 10), format!("{}…", "x".repeat(9)));
        assert_eq!(cut("日本語日本語", 7).width(), 7);
        assert_eq!(one_line("a\nb\tc"), "a b c");
        assert_eq!(one_line("x\x1b]0;owned\x07\u{202e}"), "x␛]0;owned␇�", "nothing steers");
    }

    #[test]
    fn columns_line_up_with_wide_characters() {
        let rows = vec![
            Row::Cells(vec![Cell::new("日本"), Cell::new("x")]),
            Row::Cells(vec![Cell::new("ab"), Cell::new("y")]),
        ];
        let columns = vec![text(10), text(10)];
        let lines = render(&columns, &rows, 80).lines;
        assert_eq!(lines, ["Text  Text", "────  ────", "日本  x", "ab    y"]);
    }

    #[test]
    fn short_forms_come_first_then_drops_then_cuts_below_comfort() {
        let columns = vec![
            Column { fit: Fit::Cut { comfortable: 10, min: 6, order: 0 }, ..text(0) },
            Column {
                header: Cell::new("Date"),
                fit: Fit::Whole,
                shorten: Some(0),
                drop: Some(Drop::Early(0)),
            },
        ];
        let rows = vec![Row::Cells(vec![
            Cell::new("a long title of many words"),
            Cell::with_short("2026-10-01 08:00", "2026-10-01"),
        ])];
        let at = |width| render(&columns, &rows, width).lines;
        assert_eq!(at(80)[2], "a long title of many words  2026-10-01 08:00");
        assert_eq!(at(22)[2], "a long ti…  2026-10-01", "short date, title at its comfort");
        assert_eq!(at(18)[2], "a long title of m…", "the date is left out before the title");
        assert_eq!(at(8)[2], "a long …", "then cut below comfort");
        assert_eq!(at(3)[2], "a lon…", "never below the minimum");
        for width in [22, 18, 8] {
            assert!(at(width).iter().all(|l| l.width() <= width), "{:?}", at(width));
        }
    }

    #[test]
    fn columns_are_cut_in_their_order() {
        let cut = |order| Column { fit: Fit::Cut { comfortable: 6, min: 6, order }, ..text(0) };
        let columns = vec![cut(1), cut(0)];
        let rows = vec![Row::Cells(vec![Cell::new("x".repeat(20)), Cell::new("y".repeat(20))])];
        let lines = render(&columns, &rows, 32).lines;
        assert_eq!(lines[2], format!("{}  yyyyyyyyy…", "x".repeat(20)));
        let lines = render(&columns, &rows, 20).lines;
        assert_eq!(lines[2], format!("xxxxxxxxxxx…  yyyyy…"));
        let together = vec![cut(0), cut(0)];
        let lines = render(&together, &rows, 32).lines;
        assert_eq!(lines[2], "xxxxxxxxxxxxxx…  yyyyyyyyyyyyyy…", "shared evenly");
    }

    #[test]
    fn a_header_is_never_cut_but_takes_its_short_form() {
        let columns = vec![Column {
            header: Cell::with_short("Chosen offering", "Offering"),
            fit: Fit::Cut { comfortable: 4, min: 4, order: 0 },
            shorten: None,
            drop: None,
        }];
        let rows = vec![Row::Cells(vec![Cell::new("Jitsi Meet by NETWAYS")])];
        let lines = render(&columns, &rows, 5).lines;
        assert_eq!(lines[0], "Offering");
        assert_eq!(lines[2], "Jitsi M…", "the column keeps the short header's width");
        assert_eq!(render(&columns, &rows, 40).lines[0], "Chosen offering");
    }

    #[test]
    fn a_note_spans_the_other_columns_and_is_wrapped_not_cut() {
        let columns = vec![text(10), text(10), text(10)];
        let note = "damaged (3:7), no loadable backup copy – details: meetcheck show broken-x";
        let rows = vec![
            Row::Cells(vec![Cell::new("good-a"), Cell::new("x"), Cell::new("y")]),
            Row::Note(Cell::new("broken-x"), note.to_string()),
        ];
        let lines = render(&columns, &rows, 40).lines;
        let noted: Vec<&String> = lines.iter().skip(3).collect();
        assert!(noted[0].starts_with("broken-x  damaged"), "{lines:?}");
        assert!(noted.iter().all(|l| l.width() <= 40), "{lines:?}");
        let joined: Vec<&str> = noted.iter().map(|l| l[10..].trim()).collect();
        assert_eq!(joined.join(" "), note, "nothing lost");
    }

    #[test]
    fn long_words_are_broken_only_when_they_must_be() {
        assert_eq!(wrap("ab cd ef", 5), ["ab cd", "ef"]);
        assert_eq!(wrap("abcdefgh", 3), ["abc", "def", "gh"]);
        assert_eq!(wrap("", 3), [""]);
    }
}
