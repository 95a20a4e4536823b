//! The built-in catalogue, compiled in: `build.rs` validated `assets/catalog.ron` and turned it
//! into code that constructs it, so no command parses RON to get it.

use std::collections::BTreeMap;

use crate::domain::catalog::{
    Authority, AuthorityPosition, Availability, Browser, Catalog, DpaTerms, E2ee, E2eeMode, Entity,
    Feature, Offering, OperatingModel, OwnPurpose, Platform, Source, TransferMechanism, Verdict,
};
use crate::domain::facts::{AsOf, Certainty, Fact, PartialDate, Text};
use crate::domain::scenario::Bundesland;

include!(concat!(env!("OUT_DIR"), "/catalog.rs"));

#[cfg(test)]
mod tests {
    #[test]
    fn the_compiled_catalogue_is_the_catalogue_file() {
        let parsed = crate::domain::catalog::parse(crate::commands::EMBEDDED_CATALOG).unwrap();
        assert_eq!(super::build(), parsed);
    }
}
