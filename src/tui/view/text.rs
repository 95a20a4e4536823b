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
}
