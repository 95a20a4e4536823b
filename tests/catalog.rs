//! The embedded catalogue and the `catalog` command.

use meetcheck::commands::EMBEDDED_CATALOG;
use meetcheck::domain::catalog;

#[test]
fn embedded_catalogue_parses() {
    let parsed = catalog::parse(EMBEDDED_CATALOG);
    assert!(parsed.is_ok(), "{:?}", parsed.err());
}
