//! Catalogue text in RON: parsing with line and column. The core crate holds the catalogue's
//! model and validation but reads no text format.

use crate::domain::catalog::Catalog;

/// A catalogue text that did not parse: where and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{line}:{column}: {message}")]
pub struct ParseError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Parses a catalogue from RON text (no validation beyond types; see `validate`).
pub fn parse(text: &str) -> Result<Catalog, ParseError> {
    ron::from_str(text).map_err(|e: ron::error::SpannedError| {
        let (line, column) = first_token_at(text, e.span.start.line, e.span.start.col);
        ParseError { line, column, message: e.code.to_string() }
    })
}

/// RON may report an error at the blank before the offending token; point at the token itself
/// (1-based line and column, counted in characters).
pub(crate) fn first_token_at(text: &str, line: usize, column: usize) -> (usize, usize) {
    let (mut l, mut c) = (1, 1);
    let mut chars = text.chars().peekable();
    while (l, c) < (line, column) {
        match chars.next() {
            Some('\n') => (l, c) = (l + 1, 1),
            Some(_) => c += 1,
            None => return (line, column),
        }
    }
    while let Some(ch) = chars.next_if(|ch| ch.is_whitespace()) {
        if ch == '\n' {
            (l, c) = (l + 1, 1);
        } else {
            c += 1;
        }
    }
    (l, c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_carry_line_and_column() {
        let err = parse("(\n  schema: 1,\n  edition: oops,\n)").unwrap_err();
        assert_eq!((err.line, err.column), (3, 12), "{err}");
    }
}
