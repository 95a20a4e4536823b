//! The built-in catalogue, compiled in: `build.rs` validated `assets/catalog.ron` and turned it
//! into code that constructs it, so no command parses RON to get it.

use std::collections::BTreeMap;

// The generated code names the catalogue's types as serde reports them (bare names).
use meetcheck_core::catalog::*;
use meetcheck_core::facts::*;
use meetcheck_core::scenario::Bundesland;

include!(concat!(env!("OUT_DIR"), "/catalog.rs"));

#[cfg(test)]
mod tests {
    #[test]
    fn the_compiled_catalogue_is_the_catalogue_file() {
        let parsed = crate::domain::catalog::parse(crate::commands::EMBEDDED_CATALOG).unwrap();
        assert_eq!(super::build(), parsed);
    }
}
