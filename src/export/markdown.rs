//! Markdown building blocks and the escaping of text.
//!
//! Everything that goes into a document is treated as plain text and escaped here — user input,
//! catalogue notes and our own sentences alike — so Markdown syntax only ever comes from code.
//! Escaping is minimal so the plain text still reads naturally: a character is escaped only where
//! it could start something (emphasis, a link, a code span, HTML, a table cell, a heading, a list).

/// Collapses every run of whitespace (line breaks included) to one space, drops control
/// characters and trims: the form of text inside one line (a table cell, a heading, a list item).
pub fn one_line(text: &str) -> String {
    let text = crate::invisible::neutralise(text);
    // Most text is one line already: single spaces between words, nothing to drop.
    let single_spaced = !text.starts_with(' ') && !text.ends_with(' ') && !text.contains("  ");
    if single_spaced && text.chars().all(|c| c == ' ' || !(c.is_whitespace() || c.is_control())) {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_whitespace() || is_invisible_break(c) {
            pending_space = !out.is_empty();
        } else if c.is_control() {
            continue;
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

/// Characters that some renderers or editors treat as line breaks.
fn is_invisible_break(c: char) -> bool {
    matches!(c, '\u{2028}' | '\u{2029}' | '\u{85}')
}

/// Escapes one line of text for use anywhere inline: in a paragraph, a list item, a table cell or
/// a heading. Line breaks become spaces. Web and e-mail addresses become autolinks, so they are
/// neither mangled nor reported as bare URLs.
pub fn text(raw: &str) -> String {
    escape(raw, Addresses::Autolink)
}

/// Escapes one line of text so that no Markdown reader finds anything in it but text: like
/// [`text`], and web and e-mail addresses are broken up by escapes instead of linked. For the
/// front matter, whose values pandoc reads as Markdown (a link or an image there would be
/// fetched or followed when the document is converted).
pub fn inert(raw: &str) -> String {
    escape(raw, Addresses::Inert)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Addresses {
    Autolink,
    Inert,
}

fn escape(raw: &str, addresses: Addresses) -> String {
    let line = one_line(raw);
    if is_plain(&line, addresses) { line } else { escape_chars(&line, addresses) }
}

/// Text in which nothing needs escaping and nothing is or looks like an address (most prose):
/// no character that `needs_escape` ever escapes, no `@`, `http`, `www` or `://`, and a first
/// character that opens no block and no ordered-list number.
fn is_plain(line: &str, addresses: Addresses) -> bool {
    let opens_block = line
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || matches!(c, '>' | '-' | '+' | '='));
    let www = line.as_bytes().windows(3).any(|w| w.eq_ignore_ascii_case(b"www"));
    !opens_block
        && !www
        && !line.contains(['*', '`', '[', ']', '<', '|', '~', '$', '\\', '_', '#', '&', '@'])
        && !line.contains("http")
        && (addresses == Addresses::Autolink || !line.contains("://"))
}

/// [`escape`] character by character, for a line that may need escapes, autolinks or broken-up
/// addresses.
fn escape_chars(line: &str, addresses: Addresses) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        let at_word_start = i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '\\');
        if addresses == Addresses::Autolink
            && at_word_start
            && let Some(len) = autolink_len(&chars[i..])
        {
            out.push('<');
            out.extend(&chars[i..i + len]);
            out.push('>');
            i += len;
            continue;
        }
        let c = chars[i];
        let address = match addresses {
            Addresses::Inert => breaks_address(&chars, i),
            // A bare `www.` would become a link in GitHub's Markdown and a bare-URL finding.
            Addresses::Autolink => c == '.' && breaks_www(&chars, i),
        };
        if needs_escape(&chars, i) || address {
            out.push('\\');
        }
        out.push(c);
        i += 1;
    }
    out
}

/// In inert text: the `:` of `://`, every `@` and the dot of `www.` are escaped, so that no
/// autolink (GitHub's or pandoc's) can form.
fn breaks_address(chars: &[char], i: usize) -> bool {
    match chars[i] {
        ':' => chars.get(i + 1) == Some(&'/') && chars.get(i + 2) == Some(&'/'),
        '@' => true,
        '.' => breaks_www(chars, i),
        _ => false,
    }
}

/// The dot of a `www.` that starts a word.
fn breaks_www(chars: &[char], i: usize) -> bool {
    i >= 3
        && chars[i - 3..i].iter().collect::<String>().eq_ignore_ascii_case("www")
        && (i == 3 || !chars[i - 4].is_alphanumeric())
}

/// Splits text into paragraphs at blank lines and escapes each; empty text gives no paragraph.
pub fn paragraphs(raw: &str) -> Vec<String> {
    let normalised = raw.replace("\r\n", "\n").replace('\r', "\n");
    let mut result = Vec::new();
    let mut current = String::new();
    for line in normalised.split('\n') {
        if line.trim().is_empty() {
            if !current.trim().is_empty() {
                result.push(text(&current));
            }
            current.clear();
        } else {
            current.push_str(line);
            current.push(' ');
        }
    }
    if !current.trim().is_empty() {
        result.push(text(&current));
    }
    result
}

fn needs_escape(chars: &[char], i: usize) -> bool {
    let c = chars[i];
    let prev = i.checked_sub(1).map(|p| chars[p]);
    let next = chars.get(i + 1).copied();
    match c {
        // Emphasis, code spans, links, raw HTML, table cells, strikethrough, math (GitHub):
        // always.
        '*' | '`' | '[' | ']' | '<' | '|' | '~' | '$' => true,
        // A backslash escapes the punctuation after it, or (at the very end) whatever code
        // appends next.
        '\\' => next.is_none_or(|n| n.is_ascii_punctuation()),
        // `_` between letters or digits cannot open or close emphasis (snake_case stays as is).
        '_' => {
            !(prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric))
        }
        // A heading at the start, a closing sequence after a space.
        '#' => prev.is_none_or(|p| p == ' '),
        // An entity or character reference (`&amp;`, `&#60;`) would be decoded.
        '&' => looks_like_entity(&chars[i + 1..]),
        // Block quote, list, setext underline or thematic break at the start of a line.
        '>' | '-' | '+' | '=' => i == 0,
        // An ordered list marker: digits at the start followed by `.` or `)`.
        '.' | ')' => i > 0 && i <= 9 && chars[..i].iter().all(char::is_ascii_digit),
        _ => false,
    }
}

fn looks_like_entity(rest: &[char]) -> bool {
    let body: Vec<char> = rest.iter().take_while(|c| **c != ';').copied().collect();
    let terminated = rest.get(body.len()) == Some(&';');
    let body = body.strip_prefix(&['#']).unwrap_or(&body);
    terminated
        && !body.is_empty()
        && body.len() <= 32
        && body.iter().all(char::is_ascii_alphanumeric)
}

/// The length of a web address (`http://`, `https://`) or e-mail address at the start of `chars`,
/// if it can be written as an autolink. The address ends at the first character that cannot be
/// part of it (a space, a quotation mark of any language, a non-ASCII character) and leaves
/// punctuation at its end outside, so `„https://example.org“.` keeps its quotation marks.
fn autolink_len(chars: &[char]) -> Option<usize> {
    let in_address =
        |c: &char| c.is_ascii_graphic() && !matches!(c, '<' | '>' | '|' | '`' | '\\' | '"' | '\'');
    let end = chars.iter().position(|c| !in_address(c)).unwrap_or(chars.len());
    let mut word = &chars[..end];
    while let Some((last, rest)) = word.split_last() {
        let closing_own_paren = *last == ')'
            && rest.iter().filter(|c| **c == '(').count()
                > rest.iter().filter(|c| **c == ')').count();
        if matches!(last, '.' | ',' | ';' | ':' | '!' | '?' | ')' | '*' | '_' | '~')
            && !closing_own_paren
        {
            word = rest;
        } else {
            break;
        }
    }
    // Most words are neither: decide that before building a string.
    let could_be_url = word.len() > "http://".len() && word[..4] == ['h', 't', 't', 'p'];
    if !could_be_url && !word.contains(&'@') {
        return None;
    }
    let s: String = word.iter().collect();
    let url = (s.starts_with("https://") || s.starts_with("http://")) && s.len() > "https://".len();
    (url || is_email(&s)).then_some(word.len())
}

fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else { return false };
    let local_ok = !local.is_empty()
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-'));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()));
    local_ok && domain_ok
}

/// A YAML double-quoted scalar: every user value in the front matter is written this way, so no
/// value can end the front matter, add a key or change a type.
pub fn yaml_string(raw: &str) -> String {
    let raw = crate::invisible::neutralise(raw);
    let mut out = String::with_capacity(raw.len() + 2);
    out.push('"');
    for c in raw.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || is_invisible_break(c) || c == '\u{feff}' => {
                out.push_str(&format!("\\u{:04X}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A Markdown document assembled block by block: headings, paragraphs, lists and tables are
/// separated by exactly one blank line, and the result ends with one newline.
#[derive(Debug, Default)]
pub struct Doc {
    out: String,
}

impl Doc {
    pub fn new() -> Doc {
        Doc::default()
    }

    /// Raw lines written before everything else (the front matter).
    pub fn raw(&mut self, markdown: &str) {
        self.block(markdown.trim_end_matches('\n'));
    }

    /// A heading of `level` (1–6) with already escaped text.
    pub fn heading(&mut self, level: usize, escaped: &str) {
        let level = level.clamp(1, 6);
        self.block(&format!("{} {}", "#".repeat(level), escaped));
    }

    /// A paragraph of already escaped inline Markdown.
    pub fn paragraph(&mut self, escaped: &str) {
        if !escaped.trim().is_empty() {
            self.block(escaped.trim());
        }
    }

    /// A bullet list (`*` markers) of already escaped items; nothing for an empty list.
    pub fn list<S: AsRef<str>>(&mut self, items: &[S]) {
        if items.is_empty() {
            return;
        }
        let lines: Vec<String> = items.iter().map(|i| format!("* {}", i.as_ref().trim())).collect();
        self.block(&lines.join("\n"));
    }

    /// A bullet list whose items may carry one level of sub-items.
    pub fn nested_list(&mut self, items: &[(String, Vec<String>)]) {
        if items.is_empty() {
            return;
        }
        let mut lines = Vec::new();
        for (item, subs) in items {
            lines.push(format!("* {}", item.trim()));
            lines.extend(subs.iter().map(|s| format!("  * {}", s.trim())));
        }
        self.block(&lines.join("\n"));
    }

    /// A numbered list ("1." …) of already escaped items; nothing for an empty list.
    pub fn ordered_list<S: AsRef<str>>(&mut self, items: &[S]) {
        if items.is_empty() {
            return;
        }
        let lines: Vec<String> = items
            .iter()
            .enumerate()
            .map(|(i, item)| format!("{}. {}", i + 1, item.as_ref().trim()))
            .collect();
        self.block(&lines.join("\n"));
    }

    /// A block quote of already escaped paragraphs (someone else's words, shown as such).
    pub fn quote<S: AsRef<str>>(&mut self, paragraphs: &[S]) {
        let lines: Vec<String> = paragraphs
            .iter()
            .map(|p| p.as_ref().trim())
            .filter(|p| !p.is_empty())
            .map(|p| format!("> {p}"))
            .collect();
        if !lines.is_empty() {
            self.block(&lines.join("\n>\n"));
        }
    }

    /// A table of already escaped cells; rows are padded or cut to the header's width, and an
    /// empty cell shows a dash so every column reads as filled in or deliberately empty.
    pub fn table<S: AsRef<str>>(&mut self, header: &[S], rows: &[Vec<String>]) {
        let width = header.len();
        if width == 0 {
            return;
        }
        let row = |cells: Vec<&str>| {
            let cells: Vec<&str> =
                (0..width).map(|i| cells.get(i).copied().unwrap_or("").trim()).collect();
            let cells: Vec<&str> =
                cells.into_iter().map(|c| if c.is_empty() { "–" } else { c }).collect();
            format!("| {} |", cells.join(" | "))
        };
        let mut lines = vec![row(header.iter().map(AsRef::as_ref).collect())];
        lines.push(format!("|{}", " --- |".repeat(width)));
        lines.extend(rows.iter().map(|r| row(r.iter().map(String::as_str).collect())));
        self.block(&lines.join("\n"));
    }

    fn block(&mut self, block: &str) {
        if !self.out.is_empty() {
            self.out.push_str("\n\n");
        }
        self.out.push_str(block);
    }

    /// The document, with no trailing spaces and a single final newline.
    pub fn finish(self) -> String {
        let mut out: String = self.out.lines().map(str::trim_end).collect::<Vec<_>>().join("\n");
        out.push('\n');
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shortcut for plain text gives what escaping character by character gives.
    #[test]
    fn plain_text_needs_no_escaping_indeed() {
        let mut plain = 0;
        for lang in [crate::i18n::Lang::De, crate::i18n::Lang::En] {
            let texts = crate::i18n::Texts::embedded(lang);
            for key in texts.keys() {
                let line = one_line(texts.by_name(key));
                for addresses in [Addresses::Autolink, Addresses::Inert] {
                    if is_plain(&line, addresses) {
                        plain += 1;
                        assert_eq!(escape_chars(&line, addresses), line, "{key}");
                    }
                }
            }
        }
        assert!(plain > 100, "{plain}");
    }

    #[test]
    fn plain_words_stay_as_they_are() {
        for s in ["Jitsi Meet für die Beratung", "C# and F#", "snake_case_name", "e.g. 3.5", "AT&T"]
        {
            assert_eq!(text(s), s, "{s}");
        }
    }

    #[test]
    fn inline_syntax_is_escaped() {
        assert_eq!(text("a *b* c"), r"a \*b\* c");
        assert_eq!(text("_emph_"), r"\_emph\_");
        assert_eq!(text("x `code` y"), r"x \`code\` y");
        assert_eq!(text("[link](http://x)"), r"\[link\](http://x)");
        assert_eq!(text("a | b"), r"a \| b");
        assert_eq!(text("~~gone~~"), r"\~\~gone\~\~");
        assert_eq!(text("<script>alert(1)</script>"), r"\<script>alert(1)\</script>");
        assert_eq!(text("&amp; &#60; & ;"), r"\&amp; \&#60; & ;");
        assert_eq!(text("$x$"), r"\$x\$");
    }

    #[test]
    fn line_starts_cannot_open_blocks() {
        assert_eq!(text("# Title"), r"\# Title");
        assert_eq!(text("- item"), r"\- item");
        assert_eq!(text("+ item"), r"\+ item");
        assert_eq!(text("> quote"), r"\> quote");
        assert_eq!(text("---"), r"\---");
        assert_eq!(text("==="), r"\===");
        assert_eq!(text("1. first"), r"1\. first");
        assert_eq!(text("2024) year"), r"2024\) year");
        assert_eq!(text("a - b > c = d"), "a - b > c = d");
        assert_eq!(text("Version 2.0"), "Version 2.0");
    }

    #[test]
    fn hashes_after_a_space_cannot_close_a_heading() {
        assert_eq!(text("Team #"), r"Team \#");
        assert_eq!(text("Issue #12"), r"Issue \#12");
        assert_eq!(text("C#"), "C#");
    }

    #[test]
    fn backslashes_are_kept_literal() {
        assert_eq!(text(r"C:\Users\x"), r"C:\Users\x");
        assert_eq!(text(r"a\*b"), r"a\\\*b");
        assert_eq!(text(r"end\"), r"end\\");
    }

    #[test]
    fn line_breaks_and_controls_become_single_spaces() {
        assert_eq!(text("one\ntwo\r\n\tthree  \u{2028} four\u{7}"), "one two three four");
        assert_eq!(text("\n- not a list"), r"\- not a list");
        assert_eq!(one_line("  "), "");
    }

    #[test]
    fn addresses_become_autolinks() {
        assert_eq!(text("see https://example.org/a_b."), "see <https://example.org/a_b>.");
        assert_eq!(text("dsb@example.org"), "<dsb@example.org>");
        assert_eq!(text("(mail dsb@example.org)"), "(mail <dsb@example.org>)");
        assert_eq!(text("http://x.org|y"), r"<http://x.org>\|y");
        assert_eq!(text("a@b"), "a@b");
    }

    #[test]
    fn addresses_keep_the_punctuation_around_them_outside() {
        assert_eq!(text("„https://example.org/a“."), "„<https://example.org/a>“.");
        assert_eq!(text("\"https://example.org\","), "\"<https://example.org>\",");
        assert_eq!(text("(see https://x.org/a_(b))"), "(see <https://x.org/a_(b)>)");
        assert_eq!(text("«https://x.org»"), "«<https://x.org>»");
        assert_eq!(text("https://x.org/path?q=1!"), "<https://x.org/path?q=1>!");
        assert_eq!(text("see www.example.org"), r"see www\.example.org");
        assert_eq!(text("https://www.example.org"), "<https://www.example.org>");
    }

    #[test]
    fn inert_text_forms_no_link_or_image() {
        assert_eq!(inert("![t](http://host/pixel.png)"), r"!\[t\](http\://host/pixel.png)");
        assert_eq!(inert("mail a@b.org or www.example.org"), r"mail a\@b.org or www\.example.org");
        assert_eq!(inert("<img src=x>"), r"\<img src=x>");
        assert_eq!(inert("Dr. Anna Berger (Vorstand)"), "Dr. Anna Berger (Vorstand)");
        assert_eq!(inert("swww.x"), "swww.x");
    }

    #[test]
    fn invisible_controls_are_neutralised_everywhere() {
        assert_eq!(text("Ann\u{202E}a\u{200B}"), "Anna");
        assert_eq!(yaml_string("Ann\u{202E}a"), "\"Anna\"");
        assert_eq!(text("שלום"), "שלום");
    }

    #[test]
    fn paragraphs_split_at_blank_lines() {
        assert_eq!(paragraphs("a\nb\n\n  \n- c"), vec!["a b".to_string(), r"\- c".to_string()]);
        assert!(paragraphs(" \n ").is_empty());
    }

    #[test]
    fn yaml_strings_are_quoted_and_escaped() {
        assert_eq!(yaml_string("plain"), "\"plain\"");
        assert_eq!(yaml_string("a \"b\" \\ c"), r#""a \"b\" \\ c""#);
        assert_eq!(yaml_string("---\nkey: x"), r#""---\nkey: x""#);
        assert_eq!(yaml_string("bell\u{7}"), r#""bell\u0007""#);
    }

    #[test]
    fn documents_separate_blocks_by_one_blank_line() {
        let mut doc = Doc::new();
        doc.heading(1, "T");
        doc.paragraph("p  ");
        doc.paragraph("");
        doc.list(&["a", "b"]);
        doc.table(&["h1", "h2"], &[vec!["x".into()], vec!["1".into(), "2".into(), "3".into()]]);
        assert_eq!(
            doc.finish(),
            "# T\n\np\n\n* a\n* b\n\n| h1 | h2 |\n| --- | --- |\n| x | – |\n| 1 | 2 |\n"
        );
    }
}
