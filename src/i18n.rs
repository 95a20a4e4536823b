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

    /// The language when `--lang` is absent: the first of `LC_ALL`, `LC_MESSAGES` and `LANG`
    /// that names a language, else the system's locale (what `sys-locale` finds), else German.
    pub fn from_environment() -> Lang {
        let var = |name| std::env::var(name).ok();
        let env = [var("LC_ALL"), var("LC_MESSAGES"), var("LANG")];
        Lang::from_locale(env.iter().map(Option::as_deref))
            .or_else(|| Lang::from_locale([sys_locale::get_locale().as_deref()]))
            .unwrap_or_default()
    }

    /// The language from locale values in POSIX precedence (`LC_ALL`, `LC_MESSAGES`, `LANG`):
    /// the first one that names a language decides, English for `en…`, German otherwise.
    /// Empty values and the `C`/`POSIX` locale name none.
    pub fn from_locale<'a>(values: impl IntoIterator<Item = Option<&'a str>>) -> Option<Lang> {
        let names_language = |value: &&str| {
            let base = value.split(['.', '@']).next().unwrap_or_default();
            !base.is_empty() && base != "C" && base != "POSIX"
        };
        let first = values.into_iter().flatten().find(names_language)?;
        Some(if first.to_ascii_lowercase().starts_with("en") { Lang::En } else { Lang::De })
    }

    /// Picks the language's half of a catalogue text.
    pub fn pick(self, text: &Text) -> &str {
        match self {
            Lang::De => &text.de,
            Lang::En => &text.en,
        }
    }
}

/// The texts of both languages as sorted `(key, text)` tables, made by `build.rs` from
/// `assets/i18n/{de,en}.ron` (both have the same keys, in the same order).
mod tables {
    include!(concat!(env!("OUT_DIR"), "/texts.rs"));
}

/// A text key. Code names keys by the constants in [`k`] (made by `build.rs`, one per key), so
/// a misspelt key does not compile; keys that come from data (a domain id) are looked up with
/// [`Texts::by_name`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    name: &'static str,
    /// Position in the embedded tables.
    index: u16,
    /// Position of the singular form (`<key>.one`), `u16::MAX` when there is none.
    one: u16,
}

impl Key {
    pub fn name(self) -> &'static str {
        self.name
    }

    /// The key for a name that comes from data (a domain id such as `rule.no_dpa`); a name
    /// without a text shows as itself.
    pub fn named(name: &'static str) -> Key {
        let index = tables::DE.binary_search_by(|(k, _)| (*k).cmp(name));
        Key { name, index: index.map_or(u16::MAX, |i| i as u16), one: u16::MAX }
    }
}

/// Every text key as a constant: `k::UI_START_TITLE` is `"ui.start.title"`.
pub mod k {
    use super::Key;
    include!(concat!(env!("OUT_DIR"), "/keys.rs"));
}

/// The texts of one language: the embedded table, plus a user's replacements.
#[derive(Clone, Debug)]
pub struct Texts {
    pub lang: Lang,
    table: &'static [(&'static str, &'static str)],
    replaced: HashMap<String, String>,
}

impl Texts {
    /// The embedded texts (checked when meetcheck is built, so this cannot fail at run time).
    pub fn embedded(lang: Lang) -> Texts {
        let table = match lang {
            Lang::De => tables::DE,
            Lang::En => tables::EN,
        };
        Texts { lang, table, replaced: HashMap::new() }
    }

    /// Texts from RON source in the same format as `assets/i18n/*.ron` (a user's own file).
    pub fn parse(lang: Lang, source: &str) -> Result<Texts, ron::error::SpannedError> {
        let replaced: HashMap<String, String> = ron::from_str(source)?;
        Ok(Texts { lang, table: &[], replaced })
    }

    /// Replaces texts by key with the user's own.
    pub fn override_with(&mut self, other: Texts) {
        self.replaced.extend(other.replaced);
        self.replaced.extend(other.table.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        let extra = self.replaced.keys().map(String::as_str).filter(|k| self.lookup(k).is_none());
        self.table.iter().map(|(k, _)| *k).chain(extra)
    }

    pub fn has(&self, key: &str) -> bool {
        self.replaced.contains_key(key) || self.lookup(key).is_some()
    }

    fn lookup(&self, key: &str) -> Option<&'static str> {
        let i = self.table.binary_search_by(|(k, _)| (*k).cmp(key)).ok()?;
        Some(self.table[i].1)
    }

    /// The text for `key`.
    pub fn get(&self, key: Key) -> &str {
        if let Some(text) = self.replaced.get(key.name) {
            return text;
        }
        match self.table.get(usize::from(key.index)) {
            Some((name, text)) if *name == key.name => text,
            _ => self.by_name(key.name),
        }
    }

    /// The text for a key that comes from data (a domain id such as `rule.no_dpa`); a missing
    /// key shows as itself so that it is noticed, never as blank.
    pub fn by_name<'a>(&'a self, key: &'a str) -> &'a str {
        match self.replaced.get(key) {
            Some(text) => text,
            None => self.lookup(key).unwrap_or(key),
        }
    }

    /// The text for `key` with `{name}` placeholders filled in.
    pub fn fmt(&self, key: Key, args: &[(&str, &str)]) -> String {
        fill(self.get(key), args)
    }

    /// [`Texts::fmt`] for a key that comes from data.
    pub fn fmt_by_name(&self, key: &str, args: &[(&str, &str)]) -> String {
        fill(self.by_name(key), args)
    }

    /// [`Texts::fmt`] for a text about `n` things: its singular form (`<key>.one`) when `n` is
    /// 1 and the key has one ("1 offering", "1 Angebot"), else the plural.
    pub fn count(&self, key: Key, n: usize, args: &[(&str, &str)]) -> String {
        let one = (n == 1 && key.one != u16::MAX).then(|| self.table.get(usize::from(key.one)));
        match one.flatten() {
            Some((name, _)) if !self.replaced.contains_key(key.name) => {
                fill(self.by_name(name), args)
            }
            _ => self.fmt(key, args),
        }
    }

    pub fn pick<'a>(&self, text: &'a Text) -> &'a str {
        self.lang.pick(text)
    }
}

/// `text` with `{name}` placeholders filled in, in one pass: a value is never searched for
/// placeholders itself.
fn fill(text: &str, args: &[(&str, &str)]) -> String {
    let mut rest = text;
    let mut out = String::with_capacity(rest.len() + 32);
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let name = after.find('}').map(|close| &after[..close]);
        match name.and_then(|name| args.iter().find(|(n, _)| *n == name)) {
            Some((name, value)) => {
                out.push_str(value);
                rest = &after[name.len() + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_precedence_and_default() {
        assert_eq!(Lang::from_locale([None, None, None]), None);
        assert_eq!(Lang::from_locale([None, None, Some("en_GB.UTF-8")]), Some(Lang::En));
        assert_eq!(Lang::from_locale([Some("de_DE.UTF-8"), None, Some("en_US")]), Some(Lang::De));
        assert_eq!(Lang::from_locale([Some(""), Some("en_US"), None]), Some(Lang::En));
        assert_eq!(Lang::from_locale([Some("fr_FR.UTF-8"), None, None]), Some(Lang::De));
        assert_eq!(Lang::from_locale(["en-US"].map(Some)), Some(Lang::En), "BCP 47 too");
    }

    #[test]
    fn the_c_locale_names_no_language() {
        assert_eq!(Lang::from_locale([Some("C.UTF-8"), None, None]), None);
        assert_eq!(Lang::from_locale([Some("POSIX"), None, Some("en_US")]), Some(Lang::En));
        assert_eq!(Lang::from_locale([None, Some("C"), Some("de_AT")]), Some(Lang::De));
    }

    #[test]
    fn embedded_tables_are_sorted_and_found() {
        for lang in [Lang::De, Lang::En] {
            let texts = Texts::embedded(lang);
            let keys: Vec<&str> = texts.keys().collect();
            assert!(keys.windows(2).all(|w| w[0] < w[1]), "{lang:?} table is sorted");
            assert!(keys.len() > 500);
            for key in keys {
                assert_ne!(texts.by_name(key), key, "{lang:?}: {key} is found");
            }
        }
        assert_eq!(Texts::embedded(Lang::En).get(k::STEP_ABOUT), "About");
    }

    #[test]
    fn a_users_text_replaces_the_embedded_one() {
        let mut texts = Texts::embedded(Lang::En);
        texts.override_with(Texts::parse(Lang::En, r#"{"step.about": "Basics"}"#).unwrap());
        assert_eq!(texts.get(k::STEP_ABOUT), "Basics");
        assert!(texts.has(k::STEP_DATA.name()));
    }

    #[test]
    fn placeholders_are_filled() {
        let texts = Texts::parse(Lang::En, r#"{"x": "{n} of {total} remain"}"#).unwrap();
        assert_eq!(texts.fmt_by_name("x", &[("n", "9"), ("total", "27")]), "9 of 27 remain");
        assert_eq!(texts.by_name("missing.key"), "missing.key");
        // A value is not searched for placeholders; unknown ones and lone braces stay.
        assert_eq!(
            texts.fmt_by_name("x", &[("n", "{total}"), ("total", "2")]),
            "{total} of 2 remain"
        );
        let texts = Texts::parse(Lang::En, r#"{"y": "{a} {b} {"}"#).unwrap();
        assert_eq!(texts.fmt_by_name("y", &[("a", "1")]), "1 {b} {");
    }
}
