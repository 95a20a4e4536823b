//! Sources numbered once, in the order a document first cites them, and cited by number ("[3]").

use std::cell::RefCell;

use crate::domain::catalog::Catalog;

use super::markdown as md;

/// The sources a document cites, by catalogue key, in the order of their first citation.
#[derive(Debug, Default)]
pub struct Citations {
    keys: RefCell<Vec<String>>,
}

impl Citations {
    /// The number of source `key`, given on its first citation: " [3]" (plain text, escaped by
    /// the caller like any other text).
    pub fn cite(&self, key: &str) -> String {
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
    /// missing from the catalogue shows as itself.
    pub fn items(&self, catalog: &Catalog) -> Vec<String> {
        self.keys
            .borrow()
            .iter()
            .map(|key| match catalog.sources.get(key) {
                Some(source) => match &source.url {
                    Some(url) => md::text(&format!("{} – {url}", source.title)),
                    None => md::text(&source.title),
                },
                None => md::text(key),
            })
            .collect()
    }
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
}
