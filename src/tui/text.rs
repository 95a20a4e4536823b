//! Width-aware text helpers: display width (unicode-width), never byte length.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Display width of `s` in terminal columns.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// `s` cut to at most `max` columns, with "…" when something was cut.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > max {
            break;
        }
        out.push(c);
        used += w;
    }
    if max > 0 {
        out.push('…');
    }
    out
}

/// `s` broken into lines of at most `max` columns: at spaces where possible, inside a word only
/// when the word alone is wider than a line. Newlines in `s` are kept.
pub fn wrap(s: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines = Vec::new();
    for paragraph in s.split('\n') {
        let mut line = String::new();
        for word in paragraph.split(' ') {
            let sep = usize::from(!line.is_empty());
            if width(&line) + sep + width(word) <= max {
                if sep == 1 {
                    line.push(' ');
                }
                line.push_str(word);
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            for c in word.chars() {
                if width(&line) + c.width().unwrap_or(0) > max {
                    lines.push(std::mem::take(&mut line));
                }
                line.push(c);
            }
        }
        lines.push(line);
    }
    lines
}

/// Where [`wrap`] would break `s` (one line of text, no newline): the character ranges each line
/// shows. Spaces at a break belong to no line; a word wider than a line is split.
pub fn wrap_ranges(s: &str, max: usize) -> Vec<(usize, usize)> {
    let max = max.max(1);
    let mut out = Vec::new();
    let mut line: Option<(usize, usize)> = None;
    let mut used = 0;
    let mut pos = 0;
    for word in s.split(' ') {
        let count = word.chars().count();
        let sep = usize::from(line.is_some());
        if used + sep + width(word) <= max {
            line = Some((line.map_or(pos, |(start, _)| start), pos + count));
            used += sep + width(word);
        } else {
            out.extend(line.take());
            let mut start = pos;
            used = 0;
            for (k, c) in word.chars().enumerate() {
                let w = c.width().unwrap_or(0);
                if used + w > max && used > 0 {
                    out.push((start, pos + k));
                    start = pos + k;
                    used = 0;
                }
                used += w;
            }
            line = Some((start, pos + count));
        }
        pos += count + 1;
    }
    out.extend(line);
    if out.is_empty() {
        out.push((0, 0));
    }
    out
}

/// `s` wrapped to `max` columns with a lead before the first line and `indent` before the others
/// (a hanging indent: "▶ (•) " then "      "). Words stay whole.
pub fn wrap_hanging(s: &str, max: usize, lead: &str, indent: &str) -> Vec<String> {
    let room = max.saturating_sub(width(lead).max(width(indent))).max(1);
    wrap(s, room)
        .into_iter()
        .enumerate()
        .map(|(i, line)| format!("{}{line}", if i == 0 { lead } else { indent }))
        .collect()
}

/// `s` padded with spaces to `n` columns.
pub fn pad(s: &str, n: usize) -> String {
    format!("{s}{}", " ".repeat(n.saturating_sub(width(s))))
}

/// Skips the first `columns` display columns of `s` (for horizontally scrolled fields).
pub fn skip_columns(s: &str, columns: usize) -> &str {
    let mut used = 0;
    for (i, c) in s.char_indices() {
        if used >= columns {
            return &s[i..];
        }
        used += c.width().unwrap_or(0);
    }
    ""
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_count_twice() {
        assert_eq!(width("Größe"), 5);
        assert_eq!(width("会議"), 4);
        assert_eq!(truncate("会議室の予約", 7), "会議室…");
        assert_eq!(truncate("Schule", 10), "Schule");
        assert_eq!(skip_columns("会議室", 2), "議室");
    }

    #[test]
    fn wrap_ranges_break_where_wrap_does() {
        for text in
            ["Only appointments are made by video; no health data.", "a  b", "", "会議室の予約"]
        {
            let ranges = wrap_ranges(text, 12);
            let chars: Vec<char> = text.chars().collect();
            let lines: Vec<String> =
                ranges.iter().map(|(a, b)| chars[*a..*b].iter().collect()).collect();
            let words = |v: Vec<String>| {
                v.join(" ").split_whitespace().map(String::from).collect::<Vec<_>>()
            };
            assert_eq!(words(lines.clone()), words(wrap(text, 12)), "{text}");
            assert!(lines.iter().all(|l| width(l) <= 12), "{lines:?}");
        }
        assert_eq!(
            wrap_ranges("video; no", 7),
            [(0, 6), (7, 9)],
            "punctuation stays with its word"
        );
    }

    #[test]
    fn a_hanging_indent_keeps_continuation_lines_under_the_text() {
        let lines = wrap_hanging("Chromium and Firefox on every desktop", 20, " ▶ [x] ", "       ");
        assert_eq!(lines, [" ▶ [x] Chromium and", "       Firefox on", "       every desktop"]);
        assert!(lines.iter().all(|l| width(l) <= 20));
    }

    #[test]
    fn wrapping_keeps_words_whole_and_every_character() {
        let text = "Saving failed: /a/very/long/path/that/does/not/fit.ron is open elsewhere.";
        let lines = wrap(text, 20);
        assert!(lines.iter().all(|l| width(l) <= 20), "{lines:?}");
        assert_eq!(lines[0], "Saving failed:");
        assert_eq!(lines.concat().replace(' ', ""), text.replace(' ', ""));
        assert_eq!(wrap("a\nb c", 10), ["a", "b c"]);
        assert_eq!(wrap("会議室の予約", 5), ["会議", "室の", "予約"]);
    }
}
