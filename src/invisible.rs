//! Characters that change what a reader sees without being seen themselves: bidirectional
//! embeddings, overrides and isolates (which can reorder the text around them, "Trojan Source")
//! and zero-width characters (which can hide text or make two names look the same).
//!
//! User text passes through [`neutralise`] before it reaches a document (the terminal has its own
//! guard, `terminal_text`, which shows such characters as a visible replacement). Text in
//! right-to-left scripts stays as it is: the Unicode bidirectional algorithm orders it without
//! these controls; the marks LRM, RLM and ALM, which only place neutral characters, are kept.
//! Zero-width joiners and non-joiners are kept where they join two non-ASCII characters (emoji
//! sequences, Persian or Indic script) and dropped elsewhere.

/// Embeddings, overrides and isolates: LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Characters without width that never carry meaning in names and sentences.
fn is_zero_width(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' // zero width space
            | '\u{2060}' // word joiner
            | '\u{FEFF}' // zero width no-break space (byte order mark)
            | '\u{180E}' // Mongolian vowel separator
            | '\u{2061}'..='\u{2064}' // invisible operators
    )
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\u{200C}' | '\u{200D}')
}

/// Whether `c` would be dropped or is a joiner: neither counts as a neighbour of a joiner.
fn is_invisible(c: char) -> bool {
    is_bidi_control(c) || is_zero_width(c) || is_joiner(c)
}

/// The text without bidirectional controls and stray zero-width characters.
pub fn neutralise(text: &str) -> String {
    if !text.chars().any(is_invisible) {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let visible_neighbour = |from: usize, step: isize| -> Option<char> {
        let mut i = from as isize + step;
        while i >= 0 && (i as usize) < chars.len() {
            let c = chars[i as usize];
            if !is_invisible(c) {
                return Some(c);
            }
            i += step;
        }
        None
    };
    let joins = |c: Option<char>| c.is_some_and(|c| !c.is_ascii() && !c.is_whitespace());
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        if is_bidi_control(c) || is_zero_width(c) {
            continue;
        }
        if is_joiner(c) && !(joins(visible_neighbour(i, -1)) && joins(visible_neighbour(i, 1))) {
            continue;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bidi_overrides_and_isolates_are_dropped() {
        assert_eq!(neutralise("abc\u{202E}fed\u{202C}"), "abcfed");
        assert_eq!(neutralise("\u{2066}x\u{2069}\u{2067}y\u{2068}z"), "xyz");
    }

    #[test]
    fn right_to_left_text_and_marks_stay() {
        let hebrew = "שלום עולם";
        assert_eq!(neutralise(hebrew), hebrew);
        let arabic = "مرحبا\u{200F} (1)";
        assert_eq!(neutralise(arabic), arabic);
    }

    #[test]
    fn zero_width_characters_are_dropped() {
        assert_eq!(neutralise("Ad\u{200B}min\u{FEFF}\u{2060}"), "Admin");
    }

    #[test]
    fn joiners_stay_only_between_non_ascii_characters() {
        let family = "👨\u{200D}👩\u{200D}👧";
        assert_eq!(neutralise(family), family);
        let persian = "می\u{200C}خواهم";
        assert_eq!(neutralise(persian), persian);
        assert_eq!(neutralise("pay\u{200D}pal"), "paypal");
        assert_eq!(neutralise("\u{200C}x"), "x");
        assert_eq!(neutralise("é\u{200D}\u{202E}"), "é");
    }
}
