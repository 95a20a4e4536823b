//! Colour and monochrome themes. Meaning never rests on colour alone: every state also has a glyph
//! or a modifier, so the monochrome theme (chosen when `NO_COLOR` is set) loses nothing.

use ratatui::style::{Color, Modifier, Style};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    /// The highlighted row of a list.
    pub selected: Style,
    /// Screen titles and headings.
    pub heading: Style,
    /// Secondary text: hints, explanations, dates.
    pub muted: Style,
    /// The focused text field.
    pub field_focus: Style,
    /// An unfocused text field.
    pub field: Style,
    pub error: Style,
    pub success: Style,
    /// Key names in the footer.
    pub key: Style,
    pub border: Style,
    /// Offerings knocked out by the last answer.
    pub removed: Style,
    /// Offerings brought back by the last answer.
    pub added: Style,
}

impl Theme {
    /// The terminal's named palette only (readable on light and dark backgrounds).
    pub fn colour() -> Theme {
        Theme {
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            heading: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            muted: Style::new().fg(Color::DarkGray),
            field_focus: Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            field: Style::new().add_modifier(Modifier::UNDERLINED),
            error: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            success: Style::new().fg(Color::Green),
            key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            border: Style::new().fg(Color::DarkGray),
            removed: Style::new().fg(Color::Red),
            added: Style::new().fg(Color::Green),
        }
    }

    /// No colour at all: crossterm 0.29 writes a bare attribute reset for every suppressed colour
    /// under `NO_COLOR`, which would wipe REVERSED and BOLD. Modifiers and glyphs carry the meaning.
    pub fn monochrome() -> Theme {
        Theme {
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            heading: Style::new().add_modifier(Modifier::BOLD),
            muted: Style::new(),
            field_focus: Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            field: Style::new().add_modifier(Modifier::UNDERLINED),
            error: Style::new().add_modifier(Modifier::BOLD),
            success: Style::new(),
            key: Style::new().add_modifier(Modifier::BOLD),
            border: Style::new(),
            removed: Style::new(),
            added: Style::new(),
        }
    }

    /// The theme for this environment: monochrome when `NO_COLOR` is set and not empty.
    pub fn from_no_color(no_color: Option<&str>) -> Theme {
        match no_color {
            Some(v) if !v.is_empty() => Theme::monochrome(),
            _ => Theme::colour(),
        }
    }

    pub fn is_monochrome(&self) -> bool {
        *self == Theme::monochrome()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn monochrome_has_no_colour_anywhere() {
        let t = Theme::monochrome();
        for style in [
            t.selected,
            t.heading,
            t.muted,
            t.field_focus,
            t.field,
            t.error,
            t.success,
            t.key,
            t.border,
            t.removed,
            t.added,
        ] {
            assert_eq!(style.fg, None);
            assert_eq!(style.bg, None);
            assert_eq!(style.underline_color, None);
        }
        assert!(t.selected.add_modifier.contains(Modifier::REVERSED));
    }

    #[test]
    fn no_color_must_be_non_empty() {
        assert!(Theme::from_no_color(Some("1")).is_monochrome());
        assert!(!Theme::from_no_color(Some("")).is_monochrome());
        assert!(!Theme::from_no_color(None).is_monochrome());
    }
}
