//! Where an offering's data go and which transfer stance that needs.
//!
//! Processing and sub-processor locations decide, not the seat: a US parent is a yellow light on
//! foreign access, never a knock-out by itself. Two things count as destinations as well, because
//! data reach a third country through them even when no server location is known:
//! - a contracting entity (the processor that receives the data) seated in a third country;
//! - a parent in a third country when locations are unknown but the operator offers DPF or SCC as
//!   its transfer basis — it would not offer a transfer tool without transfers.

use crate::catalog::{Catalog, Offering, TransferMechanism, is_eu_eea};
use crate::facts::Fact;
use crate::scenario::TransferStance;

/// The location is in the EU or the EEA (GDPR applies there directly or via the EEA agreement):
/// a member state by its ISO 3166 code ([`crate::catalog::is_eu_eea`], in any letter case), or
/// one of the region codes a catalogue may use for "somewhere in the EU/EEA".
pub fn is_eea(location: &str) -> bool {
    let code = location.to_ascii_uppercase();
    is_eu_eea(&code) || code == "EU" || code == "EEA"
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
    /// A destination comes from the operator's seat or from the transfer basis, not a location.
    pub inferred: bool,
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
        inferred: false,
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
                    let need = classify(catalog, offering, country, offers_scc || basis_unknown);
                    profile.note(need);
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
    let leaves_eea = |country: &str| !is_eea(country);
    // The processor itself receives the data: its seat is a destination.
    if let Some(entity) = offering.operator.value()
        && leaves_eea(&entity.country)
        && !profile.destinations.iter().any(|(c, _)| c.eq_ignore_ascii_case(&entity.country))
    {
        let need = classify(catalog, offering, &entity.country, offers_scc || basis_unknown);
        profile.note(need);
        profile.inferred = true;
        profile.self_chosen = false;
        profile.destinations.push((entity.country.as_str(), need));
    }
    // Locations unknown, but a DPF or SCC basis on offer: the data reach the parent's country.
    let offers_tool = offering.transfer_basis.value().is_some_and(|basis| {
        basis.contains(&TransferMechanism::Dpf) || basis.contains(&TransferMechanism::Scc)
    });
    if profile.unknown
        && offers_tool
        && !profile.destinations.iter().any(|(c, _)| leaves_eea(c))
        && let Some(parent) = offering.parent.value()
        && leaves_eea(&parent.country)
    {
        let need = classify(catalog, offering, &parent.country, offers_scc || basis_unknown);
        profile.note(need);
        profile.inferred = true;
        profile.destinations.push((parent.country.as_str(), need));
    }
    profile
}

impl TransferProfile<'_> {
    fn note(&mut self, need: Need) {
        match need {
            Need::Level(TransferStance::Dpf) => self.uses_dpf = true,
            Need::Level(TransferStance::SccWithTia) | Need::NoBasis => self.uses_scc = true,
            Need::Level(_) => {}
        }
    }
}

/// Countries outside the EU/EEA that an offering's data reach, known or inferred as in
/// [`profile`] (no catalogue needed: to-dos ask for a transfer basis whatever the adequacy list).
pub fn third_countries(offering: &Offering) -> Vec<&str> {
    fn add<'a>(country: &'a str, out: &mut Vec<&'a str>) {
        if !is_eea(country) && !out.iter().any(|c| c.eq_ignore_ascii_case(country)) {
            out.push(country);
        }
    }
    let mut out: Vec<&str> = Vec::new();
    let mut unknown = false;
    for list in [&offering.processing_locations, &offering.subprocessor_locations] {
        match list {
            Fact::Known { value, .. } => value.iter().for_each(|c| add(c, &mut out)),
            Fact::Unknown { .. } => unknown = true,
            Fact::NotApplicable => {}
        }
    }
    if let Some(entity) = offering.operator.value() {
        add(&entity.country, &mut out);
    }
    let offers_tool = offering.transfer_basis.value().is_some_and(|basis| {
        basis.contains(&TransferMechanism::Dpf) || basis.contains(&TransferMechanism::Scc)
    });
    if unknown
        && offers_tool
        && out.is_empty()
        && let Some(parent) = offering.parent.value()
    {
        add(&parent.country, &mut out);
    }
    out
}

/// What one destination country needs. An unknown transfer basis is not "no basis": the
/// destination stays possible with SCC (`scc_possible`).
fn classify(catalog: &Catalog, offering: &Offering, country: &str, scc_possible: bool) -> Need {
    if is_eea(country) {
        Need::Level(TransferStance::EuOnly)
    } else if adequate(catalog, country) {
        Need::Level(TransferStance::Adequacy)
    } else if country.eq_ignore_ascii_case("US") && offering.dpf_certified.value() == Some(&true) {
        Need::Level(TransferStance::Dpf)
    } else if scc_possible {
        Need::Level(TransferStance::SccWithTia)
    } else {
        Need::NoBasis
    }
}
