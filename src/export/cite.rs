//! Sources numbered once, in the order a document first cites them, and cited by number ("[3]").

use crate::i18n::k;
use std::cell::RefCell;
use std::collections::BTreeMap;

use crate::domain::catalog::{Catalog, Source, SourceKind};
use crate::i18n::Texts;

use super::markdown as md;

/// The sources a document cites, by catalogue key, in the order of their first citation.
#[derive(Debug, Default)]
pub struct Citations {
    keys: RefCell<Vec<String>>,
    /// Keys of sources that are the same document as an earlier key (the organisation's
    /// evidence gives each fact its own key): cited under the earlier key.
    same_as: BTreeMap<String, String>,
}

impl Citations {
    /// Citations of `catalog`'s sources: one number per document, however many keys name it.
    pub fn of(catalog: &Catalog) -> Citations {
        let mut same_as = BTreeMap::new();
        let mut first: Vec<(&Source, &String)> = Vec::new();
        for (key, source) in &catalog.sources {
            match first.iter().find(|(s, _)| *s == source) {
                Some((_, earlier)) => {
                    same_as.insert(key.clone(), (*earlier).clone());
                }
                None => first.push((source, key)),
            }
        }
        Citations { keys: RefCell::default(), same_as }
    }

    /// The number of source `key`, given on its first citation: " [3]" (plain text, escaped by
    /// the caller like any other text).
    pub fn cite(&self, key: &str) -> String {
        let key = self.same_as.get(key).map_or(key, String::as_str);
        let mut keys = self.keys.borrow_mut();
        let number = match keys.iter().position(|k| k == key) {
            Some(i) => i + 1,
            None => {
                keys.push(key.to_string());
                keys.len()
            }
        };
        format!(" [{number}]")
    }

    pub fn is_empty(&self) -> bool {
        self.keys.borrow().is_empty()
    }

    /// The numbered list items (already escaped): "title – <url>", in citation order; a key
    /// missing from the catalogue shows as itself. `brief` leaves out long explanations in
    /// parentheses that some titles carry (what the source says), keeping what identifies it.
    /// The organisation's own documents (its evidence) are named as such.
    pub fn items(&self, catalog: &Catalog, texts: &Texts, brief: bool) -> Vec<String> {
        self.keys
            .borrow()
            .iter()
            .map(|key| match catalog.sources.get(key) {
                Some(source) => {
                    let title = if brief {
                        without_long_asides(&source.title)
                    } else {
                        source.title.clone()
                    };
                    let title = if source.kind == SourceKind::Organisation {
                        texts.fmt(k::EXPORT_RECORD_SOURCES_ORGANISATION, &[("document", &title)])
                    } else {
                        title
                    };
                    match &source.url {
                        Some(url) => md::text(&format!("{title} – {url}")),
                        None => md::text(&title),
                    }
                }
                None => md::text(key),
            })
            .collect()
    }
}

/// A title without parenthesised asides longer than a few words ("(servers in Germany and
/// Ireland; 100 % open source …)"); short ones ("(ABl. L 215)") stay.
fn without_long_asides(title: &str) -> String {
    const LONG: usize = 40;
    let mut out = String::with_capacity(title.len());
    let mut rest = title;
    while let Some(open) = rest.find(" (") {
        let Some(close) = rest[open..].find(')').map(|c| open + c) else { break };
        let aside = &rest[open + 2..close];
        out.push_str(&rest[..open]);
        if aside.chars().count() <= LONG || aside.contains('(') {
            out.push_str(&rest[open..=close]);
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_are_numbered_once_in_order_of_first_citation() {
        let c = Citations::default();
        assert_eq!(c.cite("b"), " [1]");
        assert_eq!(c.cite("a"), " [2]");
        assert_eq!(c.cite("b"), " [1]");
        assert_eq!(*c.keys.borrow(), vec!["b".to_string(), "a".to_string()]);
    }

    #[test]
    fn one_document_under_several_keys_is_one_source() {
        let source =
            |title: &str| Source { title: title.into(), url: None, kind: SourceKind::Organisation };
        let mut catalog: Catalog = crate::domain::catalog::parse(
            "(schema: 1, edition: \"2026-12\", sources: {}, adequacy: {}, offerings: [])",
        )
        .unwrap();
        catalog.sources.insert("evidence:0".into(), source("DPA No. 1"));
        catalog.sources.insert("evidence:1".into(), source("DPA No. 1"));
        catalog.sources.insert("evidence:2".into(), source("DPA No. 2"));
        let c = Citations::of(&catalog);
        assert_eq!(c.cite("evidence:1"), " [1]");
        assert_eq!(c.cite("evidence:0"), " [1]");
        assert_eq!(c.cite("evidence:2"), " [2]");
    }

    #[test]
    fn brief_titles_drop_long_asides_only() {
        assert_eq!(
            without_long_asides(
                "Wire: Security (servers in Germany and Ireland; open source on GitHub), undated"
            ),
            "Wire: Security, undated"
        );
        assert_eq!(
            without_long_asides("Decision 2000/518/EC (OJ L 215, p. 1)"),
            "Decision 2000/518/EC (OJ L 215, p. 1)"
        );
        assert_eq!(without_long_asides("Wire (software) (stored)"), "Wire (software) (stored)");
    }
}
