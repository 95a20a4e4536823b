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
