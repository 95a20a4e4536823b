//! markdownlint's default rules without MD013 (line length), as far as a generated document can
//! break them, encoded so that `cargo test` checks every export without Node. Findings read
//! "line N: MDxxx what"; lines are those of the document, front matter included.

use std::collections::BTreeSet;

fn heading_level(line: &str) -> Option<usize> {
    let hashes = line.chars().take_while(|c| *c == '#').count();
    (1..=6).contains(&hashes).then_some(hashes).filter(|_| line[hashes..].starts_with(' '))
}

/// A list item line: its indentation and marker ("*", "-", "+" or "1.").
fn list_item(line: &str) -> Option<(usize, String)> {
    let t = line.trim_start();
    let indent = line.len() - t.len();
    for marker in ["* ", "- ", "+ "] {
        if t.starts_with(marker) {
            return Some((indent, marker.trim().to_string()));
        }
    }
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if (1..=9).contains(&digits) && (t[digits..].starts_with(". ") || t[digits..].starts_with(") "))
    {
        return Some((indent, t[..digits + 1].to_string()));
    }
    None
}

/// Characters of `line` not preceded by an unescaped backslash, as (index, char).
fn unescaped(line: &str) -> Vec<(usize, char)> {
    let mut out = Vec::new();
    let mut escaped = false;
    for (i, c) in line.char_indices() {
        if escaped {
            escaped = false;
            continue;
        }
        if c == '\\' {
            escaped = true;
            continue;
        }
        out.push((i, c));
    }
    out
}

/// The line with autolinks (`<https://…>`, `<a@b.org>`) removed.
fn without_autolinks(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(start) = rest.find('<') {
        let escaped = rest[..start].ends_with('\\') && !rest[..start].ends_with("\\\\");
        let end = rest[start..].find('>').map(|e| start + e);
        match end {
            Some(end) if !escaped => {
                let inner = &rest[start + 1..end];
                let autolink = (inner.starts_with("https://") || inner.starts_with("http://"))
                    && !inner.contains(' ')
                    || (inner.contains('@') && !inner.contains(' ') && !inner.contains(':'));
                out.push_str(&rest[..start]);
                if !autolink {
                    out.push_str(&rest[start..=end]);
                }
                rest = &rest[end + 1..];
            }
            _ => {
                out.push_str(&rest[..=start]);
                rest = &rest[start + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

pub fn lint(doc: &str) -> Vec<String> {
    let mut found = Vec::new();
    if !doc.ends_with('\n') || doc.ends_with("\n\n") {
        found.push("end: MD047 the file must end with exactly one newline".to_string());
    }
    let lines: Vec<&str> = doc.lines().collect();
    let start = if lines.first() == Some(&"---") {
        lines.iter().skip(1).position(|l| *l == "---").map_or(0, |p| p + 2)
    } else {
        0
    };
    // markdownlint reads a front-matter `title` (any depth) as the document's top heading.
    let front_title = lines[..start]
        .iter()
        .any(|l| l.trim_start().starts_with("title:") || l.trim_start().starts_with("title="));
    let blank = |i: usize| lines.get(i).is_none_or(|l| l.trim().is_empty());
    let first_content = (start..lines.len()).find(|i| !lines[*i].trim().is_empty());
    if !front_title && first_content.is_some_and(|i| heading_level(lines[i]) != Some(1)) {
        found.push("line 1: MD041 the first line should be a top-level heading".to_string());
    }
    let mut h1 = usize::from(front_title);
    let mut previous_level = usize::from(front_title);
    let mut headings = BTreeSet::new();
    let mut list_marker: Option<String> = None;
    let mut ordered_numbers: Vec<usize> = Vec::new();
    let mut table_width: Option<usize> = None;
    for i in start..lines.len() {
        let line = lines[i];
        let n = i + 1;
        let mut report = |rule: &str| found.push(format!("line {n}: {rule}: {line}"));
        let plain = unescaped(line);
        if line.ends_with(' ') || line.ends_with('\t') {
            report("MD009 trailing spaces");
        }
        if line.contains('\t') {
            report("MD010 hard tab");
        }
        if line.trim().is_empty() && i > start && lines[i - 1].trim().is_empty() {
            report("MD012 multiple blank lines");
        }
        // Headings: MD001, MD003 (setext), MD018–MD026.
        if let Some(level) = heading_level(line) {
            if level == 1 {
                h1 += 1;
                if h1 > 1 {
                    report("MD025 more than one top-level heading (a front-matter title counts)");
                }
            }
            if previous_level > 0 && level > previous_level + 1 {
                report("MD001 heading level skipped");
            }
            if (i > start && !blank(i - 1)) || !blank(i + 1) {
                report("MD022 heading without blank lines around");
            }
            let text = line[level..].trim();
            if line[level + 1..].starts_with(' ') {
                report("MD019 more than one space after the hashes");
            }
            if text.ends_with('#') && !text.ends_with("\\#") {
                report("MD020/MD021 closed heading");
            }
            if [".", ",", ";", ":", "!", "。", "，", "；", "：", "！"]
                .iter()
                .any(|p| text.ends_with(p))
            {
                report("MD026 trailing punctuation in heading");
            }
            if !headings.insert(text.to_string()) {
                report("MD024 duplicate heading");
            }
            previous_level = level;
        } else if line.starts_with('#') {
            let hashes = line.chars().take_while(|c| *c == '#').count();
            if hashes <= 6 && line[hashes..].chars().next().is_some_and(|c| c != ' ') {
                report("MD018 no space after hashes");
            }
        }
        if line.starts_with(' ') && line.trim_start().starts_with('#') {
            report("MD023 heading not at the start of the line");
        }
        let text_before = i > start && !blank(i - 1) && list_item(lines[i - 1]).is_none();
        if text_before && !line.is_empty() && line.chars().all(|c| c == '=' || c == '-') {
            report("MD003 setext heading");
        }
        // Lists: MD004, MD005/MD007, MD029, MD030, MD032, merging lists.
        if let Some((indent, marker)) = list_item(line) {
            let ordered = marker.ends_with('.') || marker.ends_with(')');
            if ordered {
                let number: usize = marker[..marker.len() - 1].parse().unwrap_or(0);
                let first_item = i == start || list_item(lines[i - 1]).is_none();
                if first_item {
                    ordered_numbers.clear();
                }
                ordered_numbers.push(number);
                let last_item = list_item(lines.get(i + 1).copied().unwrap_or("")).is_none();
                if last_item {
                    let sequence = ordered_numbers.iter().enumerate().all(|(k, n)| *n == k + 1);
                    let ones = ordered_numbers.iter().all(|n| *n == 1);
                    if !sequence && !ones {
                        report("MD029 ordered list prefix");
                    }
                }
            } else {
                match &list_marker {
                    Some(m) if *m != marker => report("MD004 inconsistent list marker"),
                    None => list_marker = Some(marker.clone()),
                    _ => {}
                }
            }
            if indent != 0 && indent != 2 {
                report("MD007 list indentation");
            }
            let after_marker = &line.trim_start()[marker.len()..];
            if after_marker.starts_with("  ") {
                report("MD030 more than one space after the list marker");
            }
            let before_ok = i == start || blank(i - 1) || list_item(lines[i - 1]).is_some();
            let after_ok = blank(i + 1) || list_item(lines[i + 1]).is_some();
            if !before_ok || !after_ok {
                report("MD032 list without blank lines around");
            }
        }
        let list_follows = lines.get(i + 1).and_then(|l| list_item(l)).is_some();
        if line.is_empty() && i > start && list_item(lines[i - 1]).is_some() && list_follows {
            report("two lists separated by a blank line only: they merge into one");
        }
        // Block quotes: MD027, MD028.
        if line.starts_with(">  ") {
            report("MD027 more than one space after the quote marker");
        }
        if line.is_empty()
            && i > start
            && lines[i - 1].starts_with('>')
            && lines.get(i + 1).is_some_and(|l| l.starts_with('>'))
        {
            report("MD028 blank line inside a block quote");
        }
        // Tables: MD055, MD056, MD058.
        if line.starts_with('|') {
            let table = |j: usize| lines.get(j).is_some_and(|l| l.starts_with('|'));
            if !(blank(i - 1) || table(i - 1)) || !(blank(i + 1) || table(i + 1)) {
                report("MD058 table without blank lines around");
            }
            if !line.trim_end().ends_with('|') {
                report("MD055 table row without a trailing pipe");
            }
            let cells = plain.iter().filter(|(_, c)| *c == '|').count();
            match table_width {
                Some(w) if w != cells => report("MD056 table row with a different column count"),
                None => table_width = Some(cells),
                _ => {}
            }
        } else {
            table_width = None;
        }
        let code = without_autolinks(line);
        let code_plain = unescaped(&code);
        // MD033: raw HTML (an unescaped `<` opening a tag or comment).
        for (pos, c) in &code_plain {
            if *c == '<' {
                let next = code[pos + 1..].chars().next();
                if next.is_some_and(|n| n.is_ascii_alphabetic() || n == '/' || n == '!' || n == '?')
                {
                    report("MD033 inline HTML");
                    break;
                }
            }
        }
        // MD011, MD039, MD042, MD045: links and images built from unescaped brackets.
        let brackets: String = code_plain.iter().map(|(_, c)| *c).collect();
        if brackets.contains("](") || brackets.contains("][") {
            report("MD042/MD045 a link or image");
        }
        if brackets.contains(")[") && brackets.contains('(') {
            report("MD011 reversed link syntax");
        }
        // MD036: a paragraph that is only emphasis, without closing punctuation.
        let t = line.trim();
        let whole_emphasis = (t.starts_with("**") && t.ends_with("**") && t.len() > 4)
            || (t.starts_with('*') && t.ends_with('*') && !t.starts_with("* ") && t.len() > 2);
        if whole_emphasis && blank(i + 1) && (i == start || blank(i - 1)) {
            let inner = t.trim_matches('*');
            if !inner.ends_with(['.', ',', ';', ':', '!', '?']) {
                report("MD036 emphasis used as a heading");
            }
        }
        // MD037, MD049/MD050: emphasis markers with spaces inside; `_` emphasis.
        if code.contains("** ") && !code.contains(" ** ") && code.matches("**").count() % 2 == 1 {
            report("MD037 spaces inside emphasis markers");
        }
        for (pos, c) in &code_plain {
            if *c == '_' {
                let before = code[..*pos].chars().next_back();
                let after = code[pos + 1..].chars().next();
                let opens = before.is_none_or(|b| !b.is_alphanumeric())
                    && after.is_some_and(|a| !a.is_whitespace());
                if opens && code[pos + 1..].contains('_') {
                    report("MD049/MD050 underscore emphasis");
                    break;
                }
            }
        }
        // MD034: bare URLs and e-mail addresses.
        for word in code.split([' ', '(', ')']) {
            let bare = word.contains('@') && word.contains('.') && !word.contains('\\');
            if bare && word.split('@').all(|p| p.chars().next().is_some_and(char::is_alphanumeric))
            {
                report("MD034 bare e-mail address");
            }
        }
        for (pos, _) in code.match_indices("://") {
            let scheme_start =
                code[..pos].rfind(|c: char| !c.is_ascii_alphanumeric()).map_or(0, |p| p + 1);
            let scheme = &code[scheme_start..pos];
            if (scheme == "http" || scheme == "https") && !code[..scheme_start].ends_with('\\') {
                report("MD034 bare URL");
            }
        }
        if code.contains("www.") && !code.contains("www\\.") {
            let at = code.find("www.").unwrap_or(0);
            if at == 0 || !code[..at].ends_with(|c: char| c.is_alphanumeric() || c == '/') {
                report("MD034 bare www address");
            }
        }
    }
    found
}

#[test]
fn the_lint_catches_what_it_should() {
    let bad = "# A\ntext  \n\n\n- item\n### skip\n# B\n";
    let problems = lint(bad);
    for rule in ["MD022", "MD009", "MD012", "MD001", "MD025", "MD032"] {
        assert!(problems.iter().any(|p| p.contains(rule)), "{rule} not caught: {problems:?}");
    }
    let cases: &[(&str, &str)] = &[
        ("# A\n\ntext", "MD047"),
        ("# A\n\nsee https://x.org\n", "MD034"),
        ("# A\n\nmail a@b.org\n", "MD034"),
        ("# A\n\nsee www.example.org\n", "MD034"),
        ("# A\n\n* a\n\n* b\n", "merge"),
        ("# A\n\n* a\n- b\n", "MD004"),
        ("# A\n\n## B\n\n## B\n", "MD024"),
        ("# A\n\n## B:\n", "MD026"),
        ("---\ntitle: \"T\"\n---\n\n# A\n", "MD025"),
        ("text\n", "MD041"),
        ("# A\n\n**Bold**\n", "MD036"),
        ("# A\n\n<b>x</b>\n", "MD033"),
        ("# A\n\n![i](http://x/p.png)\n", "MD045"),
        ("# A\n\n| a | b |\n| --- | --- |\n| c |\n", "MD056"),
        ("# A\n\n> a\n\n> b\n", "MD028"),
        ("# A\n\n1. a\n3. b\n", "MD029"),
        ("# A\n\n_x_\n", "MD049"),
    ];
    for (doc, rule) in cases {
        assert!(lint(doc).iter().any(|p| p.contains(rule)), "{rule} not caught in {doc:?}");
    }
    for good in [
        "# A\n\nmail <a@b.org>\n",
        "---\ntitle: \"T\"\n---\n\n## A\n\ntext\n",
        "# A\n\n1. a\n2. b\n",
        "# A\n\n**Bold:**\n",
        "# A\n\n> a\n>\n> b\n",
        r"# A\n\n!\[t\](http\://x)\n",
    ] {
        let good = good.replace(r"\n", "\n");
        assert!(lint(&good).is_empty(), "{good:?}: {:?}", lint(&good));
    }
}
