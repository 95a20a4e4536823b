//! One accessor for every fact of an offering by [`FactField`]: provenance, unknown-ness,
//! comparison and wording all go through it instead of each matching on the fields.

use crate::catalog::{
    AuthorityPosition, Availability, Browser, DpaTerms, E2ee, Entity, Offering, OperatingModel,
    OwnPurpose, Platform, TransferMechanism,
};
use crate::facts::{Fact, Provenance, Text};
use crate::narrowing::FactField;

/// One fact of an offering, typed by its value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FactRef<'a> {
    /// Not a sourced fact: the catalogue's classification.
    Model(OperatingModel),
    Entity(&'a Fact<Entity>),
    /// ISO 3166 codes (or the EU/EEA region codes).
    Countries(&'a Fact<Vec<String>>),
    Flag(&'a Fact<bool>),
    Mechanisms(&'a Fact<Vec<TransferMechanism>>),
    Dpa(&'a Fact<DpaTerms>),
    OwnPurpose(&'a Fact<OwnPurpose>),
    Licence(&'a Fact<String>),
    /// The E2EE fact; also what stands in for its parts (browser join and limit under E2EE)
    /// when E2EE itself is unknown or not applicable.
    E2ee(&'a Fact<E2ee>),
    /// Browser families that can join (empty: apps only).
    Browsers(&'a Fact<Vec<Browser>>),
    Platforms(&'a Fact<Vec<Platform>>),
    /// A participant limit.
    Participants(&'a Fact<u32>),
    Availability(&'a Fact<Availability>),
    /// Not a sourced fact: each position carries its own source and date.
    Positions(&'a [AuthorityPosition]),
}

impl Offering {
    /// The fact behind `field`.
    pub fn fact(&self, field: FactField) -> FactRef<'_> {
        let e2ee = self.e2ee.value();
        match field {
            FactField::OperatingModel => FactRef::Model(self.operating_model),
            FactField::Operator => FactRef::Entity(&self.operator),
            FactField::Parent => FactRef::Entity(&self.parent),
            FactField::ProcessingLocations => FactRef::Countries(&self.processing_locations),
            FactField::SubprocessorLocations => FactRef::Countries(&self.subprocessor_locations),
            FactField::DpfCertified => FactRef::Flag(&self.dpf_certified),
            FactField::TransferBasis => FactRef::Mechanisms(&self.transfer_basis),
            FactField::Dpa => FactRef::Dpa(&self.dpa),
            FactField::OwnPurpose => FactRef::OwnPurpose(&self.own_purpose),
            FactField::OpenSource => FactRef::Flag(&self.open_source),
            FactField::Licence => FactRef::Licence(&self.licence),
            FactField::E2ee => FactRef::E2ee(&self.e2ee),
            FactField::E2eeBrowserJoin => match e2ee {
                Some(terms) => FactRef::Browsers(&terms.browser_join),
                None => FactRef::E2ee(&self.e2ee),
            },
            FactField::E2eeMaxParticipants => match e2ee {
                Some(terms) => FactRef::Participants(&terms.max_participants),
                None => FactRef::E2ee(&self.e2ee),
            },
            FactField::BrowserJoin => FactRef::Browsers(&self.browser_join),
            FactField::Apps => FactRef::Platforms(&self.apps),
            FactField::MaxParticipants => FactRef::Participants(&self.max_participants),
            FactField::Feature(f) => FactRef::Flag(self.feature(f)),
            FactField::KbvListed => FactRef::Flag(&self.kbv_listed),
            FactField::Availability => FactRef::Availability(&self.availability),
            FactField::AuthorityPositions => FactRef::Positions(&self.authority_positions),
            FactField::JoinWithoutAccount => FactRef::Flag(&self.join_without_account),
            FactField::AttentionTracking => FactRef::Flag(&self.attention_tracking),
        }
    }
}

/// Calls `$body` with the `&Fact<_>` of any sourced variant, `$other` for the rest.
macro_rules! with_fact {
    ($r:expr, $f:ident => $body:expr, $other:expr) => {
        match $r {
            FactRef::Entity($f) => $body,
            FactRef::Countries($f) => $body,
            FactRef::Flag($f) => $body,
            FactRef::Mechanisms($f) => $body,
            FactRef::Dpa($f) => $body,
            FactRef::OwnPurpose($f) => $body,
            FactRef::Licence($f) => $body,
            FactRef::E2ee($f) => $body,
            FactRef::Browsers($f) => $body,
            FactRef::Platforms($f) => $body,
            FactRef::Participants($f) => $body,
            FactRef::Availability($f) => $body,
            FactRef::Model(_) | FactRef::Positions(_) => $other,
        }
    };
}

impl<'a> FactRef<'a> {
    /// Source key, date and certainty (`None` unless known).
    pub fn provenance(self) -> Option<Provenance<'a>> {
        with_fact!(self, f => f.provenance(), None)
    }

    /// Recorded as unknown (never read as "no").
    pub fn is_unknown(self) -> bool {
        with_fact!(self, f => f.is_unknown(), false)
    }

    /// The note of an unknown fact (what is missing), or of a known one.
    pub fn note(self) -> Option<&'a Text> {
        with_fact!(self, f => f.note(), None)
    }

    /// The same value, source, date, certainty and note. For E2EE only the fact's own parts
    /// count: browser join and the limit under E2EE are fields of their own.
    pub fn same_as(self, other: FactRef<'_>) -> bool {
        match (self, other) {
            (FactRef::E2ee(a), FactRef::E2ee(b)) => {
                let terms = |f: &Fact<E2ee>| {
                    f.value().map(|e| (e.mode, e.features_lost.clone(), e.requires.clone()))
                };
                let experimental = |f: &Fact<E2ee>| f.value().map(|e| e.experimental);
                a.provenance() == b.provenance()
                    && a.note() == b.note()
                    && a.is_unknown() == b.is_unknown()
                    && terms(a) == terms(b)
                    && experimental(a) == experimental(b)
            }
            _ => self == other,
        }
    }
}
