//! Language choice and text lookup. Every user-facing text lives in `assets/i18n/{de,en}.ron`,
//! keyed by id; code never holds a sentence of its own.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::domain::facts::Text;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// German is the primary audience and the default.
    #[default]
    De,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        match code.to_ascii_lowercase().as_str() {
            "de" => Some(Lang::De),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language from locale values in POSIX precedence (`LC_ALL`, `LC_MESSAGES`, `LANG`):
    /// English for an `en` locale, German otherwise.
    pub fn from_locale<'a>(values: impl IntoIterator<Item = Option<&'a str>>) -> Lang {
        let first = values.into_iter().flatten().find(|v| !v.is_empty());
        match first {
            Some(v) if v.to_ascii_lowercase().starts_with("en") => Lang::En,
            _ => Lang::De,
        }
    }

    /// Picks the language's half of a catalogue text.
    pub fn pick(self, text: &Text) -> &str {
        match self {
            Lang::De => &text.de,
            Lang::En => &text.en,
        }
    }
}

const DE: &str = include_str!("../assets/i18n/de.ron");
const EN: &str = include_str!("../assets/i18n/en.ron");

/// The texts of one language.
#[derive(Clone, Debug)]
pub struct Texts {
    pub lang: Lang,
    map: HashMap<String, String>,
}

impl Texts {
    /// The embedded texts (checked by the test suite, so this cannot fail at run time).
    pub fn embedded(lang: Lang) -> Texts {
        Texts::parse(lang, Texts::source(lang)).expect("embedded texts parse (tested)")
    }

    /// The embedded RON source of a language.
    pub fn source(lang: Lang) -> &'static str {
        match lang {
            Lang::De => DE,
            Lang::En => EN,
        }
    }

    pub fn parse(lang: Lang, source: &str) -> Result<Texts, ron::error::SpannedError> {
        let map: HashMap<String, String> = ron::from_str(source)?;
        Ok(Texts { lang, map })
    }

    /// Replaces texts by key with the user's own (a file in the same format).
    pub fn override_with(&mut self, other: Texts) {
        self.map.extend(other.map);
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.map.keys().map(String::as_str)
    }

    pub fn has(&self, key: &str) -> bool {
        self.map.contains_key(key)
    }

    /// The text for `key`; a missing key shows as itself so that it is noticed, never as blank.
    pub fn get<'a>(&'a self, key: &'a str) -> &'a str {
        self.map.get(key).map(String::as_str).unwrap_or(key)
    }

    /// The text for `key` with `{name}` placeholders filled in.
    pub fn fmt(&self, key: &str, args: &[(&str, &str)]) -> String {
        let mut out = self.get(key).to_string();
        for (name, value) in args {
            out = out.replace(&format!("{{{name}}}"), value);
        }
        out
    }

    pub fn pick<'a>(&self, text: &'a Text) -> &'a str {
        self.lang.pick(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_precedence_and_default() {
        assert_eq!(Lang::from_locale([None, None, None]), Lang::De);
        assert_eq!(Lang::from_locale([None, None, Some("en_GB.UTF-8")]), Lang::En);
        assert_eq!(Lang::from_locale([Some("de_DE.UTF-8"), None, Some("en_US")]), Lang::De);
        assert_eq!(Lang::from_locale([Some(""), Some("en_US"), None]), Lang::En);
        assert_eq!(Lang::from_locale([Some("C.UTF-8"), None, None]), Lang::De);
    }

    #[test]
    fn placeholders_are_filled() {
        let texts = Texts::parse(Lang::En, r#"{"x": "{n} of {total} remain"}"#).unwrap();
        assert_eq!(texts.fmt("x", &[("n", "9"), ("total", "27")]), "9 of 27 remain");
        assert_eq!(texts.get("missing.key"), "missing.key");
    }
}
