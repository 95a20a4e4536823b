//! Where an offering's data go and which transfer stance that needs.
//!
//! Processing and sub-processor locations decide, not the seat: a US parent is a yellow light on
//! foreign access, never a knock-out by itself. Two things count as destinations as well, because
//! data reach a third country through them even when no server location is known:
//! - a contracting entity (the processor that receives the data) seated in a third country;
//! - a parent in a third country when locations are unknown but the operator offers DPF or SCC as
//!   its transfer basis — it would not offer a transfer tool without transfers.

use super::FactField;
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

/// One destination country and what it needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Destination<'a> {
    pub country: &'a str,
    /// What it needs if the facts still unknown turn out well (what the lights use).
    pub need: Need,
    /// What it needs if they turn out badly; equal to `need` when nothing is open.
    pub worst: Need,
    /// What the lights go by: an unknown DPF listing is not read as a listing, so the
    /// destination is lit as one needing standard contractual clauses.
    pub lit_as: Need,
    /// The unknown facts between the two (DPF listing, transfer basis).
    pub open: Vec<FactField>,
}

/// The destinations of one offering, classified.
pub(super) struct TransferProfile<'a> {
    /// Every Known destination (processing and sub-processors), deduplicated, with its need.
    pub destinations: Vec<Destination<'a>>,
    /// A location list is Unknown: never a knock-out, but a grey light and a question.
    pub unknown: bool,
    /// The location lists that are Unknown.
    pub unknown_fields: Vec<FactField>,
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
    /// The highest level any destination needs as the lights see it; `None` when nothing is
    /// known to leave the EEA.
    pub fn worst(&self) -> Option<Need> {
        self.destinations.iter().map(|d| d.lit_as).max()
    }

    /// Countries that need more than `allowed` even if every open fact turns out well.
    pub fn beyond(&self, allowed: TransferStance) -> Vec<String> {
        let mut countries: Vec<String> = self
            .destinations
            .iter()
            .filter(|d| !d.need.allowed_by(allowed))
            .map(|d| d.country.to_ascii_uppercase())
            .collect();
        countries.sort();
        countries
    }

    /// The unknown facts on which staying within `allowed` depends: unknown location lists, and
    /// the DPF listing or transfer basis of destinations that might need more than `allowed`.
    pub fn open_for(&self, allowed: TransferStance) -> Vec<FactField> {
        let mut open = self.unknown_fields.clone();
        for d in &self.destinations {
            if d.need.allowed_by(allowed) && !d.worst.allowed_by(allowed) {
                open.extend(d.open.iter().copied());
            }
        }
        open.sort();
        open.dedup();
        open
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
        unknown_fields: Vec::new(),
        self_chosen: true,
        uses_dpf: false,
        uses_scc: false,
        inferred: false,
    };
    let lists = [
        (&offering.processing_locations, FactField::ProcessingLocations),
        (&offering.subprocessor_locations, FactField::SubprocessorLocations),
    ];
    for (list, field) in lists {
        match list {
            Fact::Known { value, .. } => {
                profile.self_chosen = false;
                for country in value {
                    profile.add(classify(catalog, offering, country));
                }
            }
            Fact::Unknown { .. } => {
                profile.self_chosen = false;
                profile.unknown = true;
                profile.unknown_fields.push(field);
            }
            Fact::NotApplicable => {}
        }
    }
    let leaves_eea = |country: &str| !is_eea(country);
    // The processor itself receives the data: its seat is a destination.
    if let Some(entity) = offering.operator.value()
        && leaves_eea(&entity.country)
        && !profile.has(&entity.country)
    {
        profile.inferred = true;
        profile.self_chosen = false;
        profile.add(classify(catalog, offering, &entity.country));
    }
    // Locations unknown, but a DPF or SCC basis on offer: the data reach the parent's country.
    let offers_tool = offering.transfer_basis.value().is_some_and(|basis| {
        basis.contains(&TransferMechanism::Dpf) || basis.contains(&TransferMechanism::Scc)
    });
    if profile.unknown
        && offers_tool
        && !profile.destinations.iter().any(|d| leaves_eea(d.country))
        && let Some(parent) = offering.parent.value()
        && leaves_eea(&parent.country)
    {
        profile.inferred = true;
        profile.add(classify(catalog, offering, &parent.country));
    }
    profile
}

impl<'a> TransferProfile<'a> {
    fn has(&self, country: &str) -> bool {
        self.destinations.iter().any(|d| d.country.eq_ignore_ascii_case(country))
    }

    fn add(&mut self, destination: Destination<'a>) {
        if self.has(destination.country) {
            return;
        }
        for need in [destination.need, destination.lit_as] {
            match need {
                Need::Level(TransferStance::Dpf) => self.uses_dpf = true,
                Need::Level(TransferStance::SccWithTia) | Need::NoBasis => self.uses_scc = true,
                Need::Level(_) => {}
            }
        }
        self.destinations.push(destination);
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

/// What one destination country needs, at best and at worst. An unknown DPF listing or transfer
/// basis is neither "yes" nor "no": the destination may need more than it seems (`worst`), and
/// the unknown facts say what to ask.
fn classify<'a>(catalog: &Catalog, offering: &Offering, country: &'a str) -> Destination<'a> {
    let fixed = |need| Destination { country, need, worst: need, lit_as: need, open: Vec::new() };
    if is_eea(country) {
        return fixed(Need::Level(TransferStance::EuOnly));
    }
    if adequate(catalog, country) {
        return fixed(Need::Level(TransferStance::Adequacy));
    }
    // Standard contractual clauses: offered, unknown, or known not to be offered.
    let scc = match &offering.transfer_basis {
        Fact::Known { value, .. } if value.contains(&TransferMechanism::Scc) => {
            (Need::Level(TransferStance::SccWithTia), Need::Level(TransferStance::SccWithTia))
        }
        Fact::Unknown { .. } => (Need::Level(TransferStance::SccWithTia), Need::NoBasis),
        _ => (Need::NoBasis, Need::NoBasis),
    };
    let scc_open = if offering.transfer_basis.is_unknown() {
        vec![FactField::TransferBasis]
    } else {
        Vec::new()
    };
    if country.eq_ignore_ascii_case("US") {
        match offering.dpf_certified {
            Fact::Known { value: true, .. } => return fixed(Need::Level(TransferStance::Dpf)),
            Fact::Unknown { .. } => {
                let mut open = vec![FactField::DpfCertified];
                open.extend(scc_open);
                return Destination {
                    country,
                    need: Need::Level(TransferStance::Dpf),
                    worst: scc.1,
                    lit_as: scc.0,
                    open,
                };
            }
            _ => {}
        }
    }
    Destination { country, need: scc.0, worst: scc.1, lit_as: scc.0, open: scc_open }
}
