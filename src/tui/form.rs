//! One way to show questions, options, text fields and buttons, shared by About, the scenario
//! steps, the decision and a checklist item: everything wraps at whole words, the focused row is
//! always in view (with the question it belongs to when there is room), and a scrollbar says
//! when there is more above or below.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use crate::tui::editor::Editor;
use crate::tui::text::{pad, width, wrap, wrap_hanging};
use crate::tui::theme::Theme;

/// Where a form is scrolled to (the first block shown), kept between frames so that the view
/// moves no more than needed to keep the focus in sight.
#[derive(Debug, Default)]
pub struct Scroll(std::cell::Cell<usize>);

/// A part of a form, top to bottom.
pub enum Block<'a> {
    /// Lines that cannot take the focus (a question, an explanation); `starts` marks the start
    /// of a question, shown together with its focused option when there is room.
    Text {
        lines: Vec<Line<'static>>,
        starts: bool,
    },
    /// A row that can take the focus (an option, a button), already wrapped.
    Row {
        lines: Vec<Line<'static>>,
        focused: bool,
    },
    Field(Field<'a>),
}

/// A text field: its label, its value (or the editor while it is being edited).
pub struct Field<'a> {
    pub label: String,
    pub value: String,
    pub editor: Option<&'a Editor>,
    pub focused: bool,
    /// Shown muted after the value when it is empty (e.g. "YYYY-MM-DD").
    pub hint: Option<String>,
}

impl Block<'_> {
    fn focused(&self) -> bool {
        match self {
            Block::Text { .. } => false,
            Block::Row { focused, .. } => *focused,
            Block::Field(f) => f.focused,
        }
    }
}

/// An option of a question: "▶ (•) label", continuation lines under the label.
pub fn option_lines(
    theme: &Theme,
    columns: usize,
    focused: bool,
    glyph: &str,
    label: &str,
    style: Style,
) -> Vec<Line<'static>> {
    let marker = if focused { " ▶ " } else { "   " };
    let lead = format!("{glyph} ");
    let indent = " ".repeat(width(&lead));
    let lines = wrap_hanging(label, columns.saturating_sub(width(marker)), &lead, &indent);
    let label_style = if focused { theme.selected } else { style };
    lines
        .into_iter()
        .enumerate()
        .map(|(i, text)| {
            let m = if i == 0 { marker } else { "   " };
            Line::from(vec![Span::raw(m), Span::styled(text, label_style)])
        })
        .collect()
}

/// A heading (a question) wrapped at whole words, with a muted note after it ("(choose any)").
pub fn heading_lines(
    theme: &Theme,
    columns: usize,
    text: &str,
    note: Option<&str>,
) -> Vec<Line<'static>> {
    let full = match note {
        Some(note) => format!("{text} {note}"),
        None => text.to_string(),
    };
    let mut lines: Vec<Line<'static>> = wrap(&full, columns.saturating_sub(1))
        .into_iter()
        .map(|l| Line::styled(format!(" {l}"), theme.heading))
        .collect();
    // The note is muted, wherever it ended up.
    if let (Some(note), Some(last)) = (note, lines.last_mut()) {
        let text = last.to_string();
        if let Some(head) = text.strip_suffix(note) {
            *last = Line::from(vec![
                Span::styled(head.to_string(), theme.heading),
                Span::styled(note.to_string(), theme.muted),
            ]);
        }
    }
    lines
}

/// Plain wrapped lines in one style, indented by `indent` columns.
pub fn text_lines(text: &str, columns: usize, indent: usize, style: Style) -> Vec<Line<'static>> {
    let lead = " ".repeat(indent);
    wrap_hanging(text, columns, &lead, &lead).into_iter().map(|l| Line::styled(l, style)).collect()
}

/// The columns of a field's label: the widest label, at most half the width, but
/// never narrower than its longest word (a label wraps at whole words).
pub fn label_width(labels: impl IntoIterator<Item = String>, columns: usize) -> usize {
    let labels: Vec<String> = labels.into_iter().collect();
    let widest = labels.iter().map(|l| width(l)).max().unwrap_or(10);
    let longest_word =
        labels.iter().flat_map(|l| l.split(' ').map(width).collect::<Vec<_>>()).max().unwrap_or(6);
    (widest + 3).min(columns / 2).max(longest_word + 3).max(6)
}

/// Rows a block takes at `columns`.
fn height(block: &Block, columns: usize, label_w: usize) -> usize {
    match block {
        Block::Text { lines, .. } | Block::Row { lines, .. } => lines.len(),
        Block::Field(f) => field_rows(f, columns, label_w).0,
    }
}

/// (total rows, label lines, value rows, label above the value).
fn field_rows(f: &Field, columns: usize, label_w: usize) -> (usize, usize, usize, bool) {
    let above = columns < label_w + 16;
    let value_w = if above { columns.saturating_sub(3) } else { columns - label_w - 1 };
    let label_lines = wrap(&f.label, if above { columns } else { label_w - 3 }).len();
    let value_rows = match f.editor {
        Some(e) => e.rows(value_w.max(1)),
        None if f.value.is_empty() => f.hint.as_ref().map_or(1, |h| hint_lines(h, value_w).len()),
        None => f.value.split('\n').map(|l| wrap(l, value_w.max(1)).len()).sum::<usize>().max(1),
    };
    if above {
        (label_lines + value_rows, label_lines, value_rows, true)
    } else {
        (label_lines.max(value_rows), label_lines, value_rows, false)
    }
}

/// Draws the blocks into `area`, scrolled so that the focused one shows.
pub fn draw(
    frame: &mut Frame,
    area: Rect,
    blocks: &[Block],
    scroll: &Scroll,
    label_w: usize,
    theme: &Theme,
) {
    if area.width < 4 || area.height == 0 {
        return;
    }
    // The last column is the scrollbar's, the one before it a gap.
    let columns = area.width as usize - 2;
    let heights: Vec<usize> = blocks.iter().map(|b| height(b, columns, label_w)).collect();
    let total: usize = heights.iter().sum();
    let rows = area.height as usize;
    let focus = blocks.iter().position(Block::focused);
    let first = first_shown(blocks, &heights, focus, rows, scroll.0.get());
    scroll.0.set(first);
    let mut y = area.y;
    for (block, h) in blocks.iter().zip(&heights).skip(first) {
        if y >= area.bottom() {
            break;
        }
        let room = (area.bottom() - y) as usize;
        let rect = Rect { x: area.x, y, width: columns as u16, height: (*h).min(room) as u16 };
        match block {
            Block::Text { lines, .. } | Block::Row { lines, .. } => {
                frame.render_widget(Paragraph::new(lines.clone()), rect);
            }
            Block::Field(f) => draw_field(frame, rect, f, label_w, theme),
        }
        y += *h as u16;
    }
    if total > rows {
        let before: usize = heights[..first].iter().sum();
        let mut state = ScrollbarState::new(total.saturating_sub(rows)).position(before);
        let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(Some("▲"))
            .end_symbol(Some("▼"))
            .style(theme.muted);
        frame.render_stateful_widget(bar, area, &mut state);
    }
}

/// The first block shown, scrolling no more than needed from `before`: the focused question
/// whole if it fits (and the heading after it), else from its heading to the focus, else the
/// focus at the bottom; and no empty room below the last block while something above is hidden.
fn first_shown(
    blocks: &[Block],
    heights: &[usize],
    focus: Option<usize>,
    rows: usize,
    before: usize,
) -> usize {
    let total: usize = heights.iter().sum();
    if total <= rows || blocks.is_empty() {
        return 0;
    }
    let fits = |from: usize, to: usize| heights[from..=to].iter().sum::<usize>() <= rows;
    // The smallest first block that still shows `to` whole.
    let lowest = |to: usize| (0..=to).find(|&from| fits(from, to)).unwrap_or(to);
    let last = blocks.len() - 1;
    let Some(focus) = focus else { return before.min(lowest(last)) };
    let starts = |i: usize| matches!(blocks[i], Block::Text { starts: true, .. });
    // The question the focus belongs to: from its heading to the block before the next one.
    let start = (0..=focus).rev().find(|&i| starts(i)).unwrap_or(0);
    let end = (focus + 1..blocks.len()).find(|&i| starts(i)).map_or(last, |i| i - 1);
    let (from, to) = if fits(start, end) {
        (start, end)
    } else if fits(start, focus) {
        (start, focus)
    } else {
        (focus, focus)
    };
    // Scrolling down, a glimpse of what follows (the gap and the next heading) when it fits.
    let to = (to + 1..=(to + 2).min(last)).rev().find(|&k| fits(from, k)).unwrap_or(to);
    let first = if before > from {
        from
    } else if !fits(before, to) {
        lowest(to)
    } else {
        before
    };
    first.min(lowest(last))
}

/// The hint of an empty field as it is shown: after 13 columns kept for typing.
fn hint_lines(hint: &str, value_w: usize) -> Vec<String> {
    wrap(hint, value_w.saturating_sub(13).max(8))
}

fn draw_field(frame: &mut Frame, rect: Rect, f: &Field, label_w: usize, theme: &Theme) {
    let columns = rect.width as usize;
    let (_, label_lines, value_rows, above) = field_rows(f, columns, label_w);
    let marker = if f.focused { "▶" } else { " " };
    let label_style = if f.focused && f.editor.is_none() { theme.selected } else { Style::new() };
    let label_room = if above { columns.saturating_sub(3) } else { label_w - 3 };
    let labels = wrap(&f.label, label_room);
    for (i, text) in labels.iter().enumerate().take(rect.height as usize) {
        let m = if i == 0 { marker } else { " " };
        let line = Line::from(vec![
            Span::raw(format!(" {m} ")),
            Span::styled(if above { text.clone() } else { pad(text, label_room) }, label_style),
        ]);
        frame.render_widget(Paragraph::new(line), Rect { y: rect.y + i as u16, height: 1, ..rect });
    }
    let (vx, vy, vw) = if above {
        (rect.x + 3, rect.y + label_lines as u16, columns.saturating_sub(3))
    } else {
        (rect.x + label_w as u16 + 1, rect.y, columns - label_w - 1)
    };
    let room = rect.bottom().saturating_sub(vy);
    let value_rect = Rect { x: vx, y: vy, width: vw as u16, height: (value_rows as u16).min(room) };
    if value_rect.height == 0 {
        return;
    }
    match f.editor {
        Some(editor) => frame.render_widget(editor.widget(), value_rect),
        None => {
            let mut lines: Vec<Line> = f
                .value
                .split('\n')
                .flat_map(|l| wrap(l, vw.max(1)))
                .map(|l| Line::styled(pad(&l, vw), theme.field))
                .collect();
            if f.value.is_empty()
                && let Some(hint) = &f.hint
            {
                // An empty field's hint, after room for typing, wrapped beside it.
                let blank = 12.min(vw);
                lines = hint_lines(hint, vw)
                    .into_iter()
                    .enumerate()
                    .map(|(i, text)| {
                        let room = if i == 0 { theme.field } else { Style::new() };
                        Line::from(vec![
                            Span::styled(pad("", blank), room),
                            Span::styled(format!(" {text}"), theme.muted),
                        ])
                    })
                    .collect();
            }
            frame.render_widget(Paragraph::new(lines), value_rect);
        }
    }
}
