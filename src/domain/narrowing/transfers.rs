//! Where an offering's data go and which transfer stance that needs.
//!
//! Processing and sub-processor locations decide, not the seat: a US parent is a yellow light on
//! foreign access, never a knock-out by itself.

use crate::domain::catalog::{Catalog, Offering, TransferMechanism};
use crate::domain::facts::Fact;
use crate::domain::scenario::TransferStance;

/// EU member states and the three further EEA states (IS, LI, NO), ISO 3166 alpha-2, plus the
/// region codes a catalogue may use for "somewhere in the EU/EEA".
const EEA: [&str; 32] = [
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
    "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO", "EU",
    "EEA",
];

/// The country is in the EU or the EEA (GDPR applies there directly or via the EEA agreement).
pub fn is_eea(country: &str) -> bool {
    EEA.iter().any(|c| c.eq_ignore_ascii_case(country))
}

/// What a single destination country needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Need {
    /// Reachable at this stance level and above.
    Level(TransferStance),
    /// A third country without any basis the operator offers: out at every level.
    NoBasis,
}

impl Need {
    pub(super) fn allowed_by(self, stance: TransferStance) -> bool {
        match self {
            Need::Level(level) => level <= stance,
            Need::NoBasis => false,
        }
    }
}

/// The destinations of one offering, classified.
pub(super) struct TransferProfile<'a> {
    /// Every Known destination (processing and sub-processors), deduplicated, with its need.
    pub destinations: Vec<(&'a str, Need)>,
    /// A location list is Unknown: never a knock-out, but a grey light and a question.
    pub unknown: bool,
    /// Both location lists are NotApplicable: the organisation chooses the hosting itself.
    pub self_chosen: bool,
    /// A US destination was judged by its DPF certification.
    pub uses_dpf: bool,
    /// A destination needs (or lacks) standard contractual clauses.
    pub uses_scc: bool,
}

impl TransferProfile<'_> {
    /// The highest level any destination needs; `None` when nothing is known to leave the EEA.
    pub fn worst(&self) -> Option<Need> {
        self.destinations.iter().map(|(_, n)| *n).max()
    }
}

fn adequate(catalog: &Catalog, country: &str) -> bool {
    // The US is adequate only for DPF-certified recipients: a property of the offering.
    !country.eq_ignore_ascii_case("US")
        && catalog
            .adequacy
            .iter()
            .any(|(c, fact)| c.eq_ignore_ascii_case(country) && fact.is_known())
}

pub(super) fn profile<'a>(catalog: &Catalog, offering: &'a Offering) -> TransferProfile<'a> {
    let mut profile = TransferProfile {
        destinations: Vec::new(),
        unknown: false,
        self_chosen: true,
        uses_dpf: false,
        uses_scc: false,
    };
    let offers_scc = offering
        .transfer_basis
        .value()
        .is_some_and(|basis| basis.contains(&TransferMechanism::Scc));
    let basis_unknown = offering.transfer_basis.is_unknown();
    for list in [&offering.processing_locations, &offering.subprocessor_locations] {
        match list {
            Fact::Known { value, .. } => {
                profile.self_chosen = false;
                for country in value {
                    if profile.destinations.iter().any(|(c, _)| c.eq_ignore_ascii_case(country)) {
                        continue;
                    }
                    let need = if is_eea(country) {
                        Need::Level(TransferStance::EuOnly)
                    } else if adequate(catalog, country) {
                        Need::Level(TransferStance::Adequacy)
                    } else if country.eq_ignore_ascii_case("US")
                        && offering.dpf_certified.value() == Some(&true)
                    {
                        profile.uses_dpf = true;
                        Need::Level(TransferStance::Dpf)
                    } else {
                        profile.uses_scc = true;
                        // An unknown basis is not "no basis": it stays possible with SCC.
                        if offers_scc || basis_unknown {
                            Need::Level(TransferStance::SccWithTia)
                        } else {
                            Need::NoBasis
                        }
                    };
                    profile.destinations.push((country.as_str(), need));
                }
            }
            Fact::Unknown { .. } => {
                profile.self_chosen = false;
                profile.unknown = true;
            }
            Fact::NotApplicable => {}
        }
    }
    profile
}
