//! Text from a save, a catalogue or a file name, made safe to print to a terminal.
//!
//! A save may come from elsewhere (the README invites `meetcheck show` on other people's files):
//! a title holding `ESC ] 0 ; … BEL` would set the window title, colour codes would recolour the
//! screen, a right-to-left override would reorder what the reader sees. Every such text passes
//! through [`for_terminal`] before it is printed: `show`, `list`, `catalog`, error messages, the
//! line printed on leaving the wizard, and the wizard's own header, notes and start screen.

use std::borrow::Cow;

/// What stands in for a character that must not reach the terminal.
const REPLACEMENT: char = '\u{FFFD}';

/// `text` with every character that could steer the terminal or reorder or hide what it shows
/// made visible: C0 control characters become their control pictures (ESC → `␛`), DEL `␡`,
/// C1 controls, bidirectional overrides, embeddings, isolates and marks, zero-width characters
/// and line or paragraph separators become `�`. Newlines and tabs stay: callers that need a
/// single line replace them.
pub fn for_terminal(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_replacing) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(replacement).collect())
}

fn needs_replacing(c: char) -> bool {
    replacement(c) != c
}

fn replacement(c: char) -> char {
    match c {
        '\n' | '\t' => c,
        '\0'..='\x1f' => char::from_u32(0x2400 + c as u32).unwrap_or(REPLACEMENT),
        '\x7f' => '\u{2421}',
        '\u{80}'..='\u{9f}' => REPLACEMENT,
        // Bidirectional formatting: ALM, LRM, RLM, LRE … RLO, LRI … PDI.
        '\u{061c}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}' => REPLACEMENT,
        // Zero-width and invisible characters, and separators some terminals take as new lines.
        '\u{180e}' | '\u{200b}'..='\u{200d}' | '\u{2060}'..='\u{2064}' | '\u{feff}' => REPLACEMENT,
        '\u{2028}' | '\u{2029}' => REPLACEMENT,
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible_and_inert() {
        let hostile = "Titel\x1b]0;pwned\x07 \x1b[31mrot\x1b[0m\r\u{9b}2J";
        let safe = for_terminal(hostile);
        assert!(!safe.contains(|c: char| c.is_control()), "{safe:?}");
        assert_eq!(safe, "Titel␛]0;pwned␇ ␛[31mrot␛[0m␍�2J");
    }

    #[test]
    fn reordering_and_invisible_characters_are_replaced() {
        let safe = for_terminal("abc\u{202e}fed\u{2066}x\u{2069}\u{200b}\u{feff}\u{2028}");
        assert_eq!(safe, "abc�fed�x����");
    }

    #[test]
    fn ordinary_text_is_left_alone_and_not_copied() {
        let text = "Grundschule Am Mühlbach – 会議\n\tzweite Zeile „zitiert“ 🎉";
        assert!(matches!(for_terminal(text), Cow::Borrowed(t) if t == text));
    }
}
