//! Answers files in RON: the `scenario: ( … )` block of a save, read with line and column in
//! every error. Answers left out take their defaults; an unknown field or value is an error.
//! `Some(…)` around an optional answer may be left out (`bundesland: Hessen`).

use ron::extensions::Extensions;

use crate::catalog_text::{ParseError, first_token_at};
use crate::domain::scenario::Scenario;

/// The RON options saves and answers files are read with.
pub fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

/// Parses an answers file (no checks beyond types; see [`Scenario::problem`]).
pub fn parse(text: &str) -> Result<Scenario, ParseError> {
    ron_options().from_str(text).map_err(|e: ron::error::SpannedError| {
        let (line, column) = first_token_at(text, e.span.start.line, e.span.start.col);
        ParseError { line, column, message: e.code.to_string() }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalog::Browser;
    use crate::domain::scenario::{Bundesland, OrgType, RecordingPolicy};

    #[test]
    fn answers_left_out_take_their_defaults() {
        let s = parse("(org_type: School, bundesland: Hessen, largest_meeting: 150)").unwrap();
        assert_eq!(s.org_type, OrgType::School);
        assert_eq!(s.bundesland, Some(Bundesland::Hessen));
        assert_eq!(s.largest_meeting, 150);
        assert_eq!(s.browsers, Scenario::default().browsers);
        assert_eq!(parse("()").unwrap(), Scenario::default());
    }

    #[test]
    fn optional_answers_are_read_with_and_without_some() {
        let a = parse("(public_body: Some(true), e2ee_required: None)").unwrap();
        let b = parse("(public_body: true)").unwrap();
        assert_eq!(a, b);
        assert_eq!(a.public_body, Some(true));
    }

    #[test]
    fn a_misspelt_field_or_value_is_reported_where_it_is() {
        let err = parse("(\n    org_type: School,\n    bundesland: Hesse,\n)").unwrap_err();
        assert_eq!((err.line, err.column), (3, 17), "{err}");
        assert!(err.message.contains("Hesse"), "{err}");
        let err = parse("(\n  orgtype: School,\n)").unwrap_err();
        assert_eq!((err.line, err.column), (2, 3), "{err}");
        assert!(err.message.contains("orgtype"), "{err}");
    }

    #[test]
    fn the_first_save_format_is_converted() {
        let s = parse(
            "(size: UpTo300, required_features: [ScreenSharing, Recording], \
             data: [ProfessionalSecrets], browsers: [Safari])",
        )
        .unwrap();
        assert_eq!(s.largest_meeting, 300);
        assert_eq!(s.recording, RecordingPolicy::WithConsent);
        assert!(!s.required_features.contains(&crate::domain::catalog::Feature::Recording));
        assert_eq!(s.professional_secrecy, Some(true));
        assert_eq!(s.browsers.iter().copied().collect::<Vec<_>>(), [Browser::Safari]);
    }
}
