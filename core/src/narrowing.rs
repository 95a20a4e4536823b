//! Narrowing: from the catalogue and the scenario to a ranked shortlist with a reason for every
//! exclusion and every light. Pure: today's date is passed in.
//!
//! The domain speaks in structured values (rule ids, the facts and answers used); `crate::describe`
//! turns them into German or English sentences for the wizard and the exporter alike.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::catalog::{Browser, Catalog, Feature, Offering};
use super::facts::AsOf;
use super::scenario::{Bundesland, ProtectionNeed, Scenario, TransferStance};

mod causes;
mod knockouts;
mod lights;
mod transfers;
mod what_if;

pub use causes::LightCause;
pub use transfers::{is_eea, third_countries};
pub use what_if::RelaxedTo;

/// Scenario answers, by id: knock-outs, what-ifs and the history of changes refer to them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum AnswerId {
    OrgType,
    PublicBody,
    Regime,
    SocialData,
    ProfessionalSecrecy,
    Bundesland,
    Purposes,
    Organisers,
    Participants,
    Size,
    Data,
    ProtectionNeed,
    E2eeRequired,
    Representation,
    TransferStance,
    Hosting,
    SelfHostingCapacity,
    InstallPossible,
    Browsers,
    RequiredFeatures,
    OpenSourceRequired,
    StatutoryInsuranceVideo,
}

impl AnswerId {
    /// Every answer, in the order the wizard asks them.
    pub const ALL: [AnswerId; 22] = [
        AnswerId::OrgType,
        AnswerId::PublicBody,
        AnswerId::Regime,
        AnswerId::Bundesland,
        AnswerId::SocialData,
        AnswerId::ProfessionalSecrecy,
        AnswerId::Purposes,
        AnswerId::Organisers,
        AnswerId::Participants,
        AnswerId::Size,
        AnswerId::Data,
        AnswerId::ProtectionNeed,
        AnswerId::E2eeRequired,
        AnswerId::Representation,
        AnswerId::TransferStance,
        AnswerId::Hosting,
        AnswerId::SelfHostingCapacity,
        AnswerId::InstallPossible,
        AnswerId::Browsers,
        AnswerId::RequiredFeatures,
        AnswerId::OpenSourceRequired,
        AnswerId::StatutoryInsuranceVideo,
    ];

    pub fn key(self) -> &'static str {
        match self {
            AnswerId::OrgType => "answer.org_type",
            AnswerId::PublicBody => "answer.public_body",
            AnswerId::Regime => "answer.regime",
            AnswerId::SocialData => "answer.social_data",
            AnswerId::ProfessionalSecrecy => "answer.professional_secrecy",
            AnswerId::Bundesland => "answer.bundesland",
            AnswerId::Purposes => "answer.purposes",
            AnswerId::Organisers => "answer.organisers",
            AnswerId::Participants => "answer.participants",
            AnswerId::Size => "answer.size",
            AnswerId::Data => "answer.data",
            AnswerId::ProtectionNeed => "answer.protection_need",
            AnswerId::E2eeRequired => "answer.e2ee_required",
            AnswerId::Representation => "answer.representation",
            AnswerId::TransferStance => "answer.transfer_stance",
            AnswerId::Hosting => "answer.hosting",
            AnswerId::SelfHostingCapacity => "answer.self_hosting_capacity",
            AnswerId::InstallPossible => "answer.install_possible",
            AnswerId::Browsers => "answer.browsers",
            AnswerId::RequiredFeatures => "answer.required_features",
            AnswerId::OpenSourceRequired => "answer.open_source_required",
            AnswerId::StatutoryInsuranceVideo => "answer.statutory_insurance_video",
        }
    }
}

/// The facts of an offering, by field: knock-outs and lights name the ones they used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum FactField {
    OperatingModel,
    Operator,
    Parent,
    ProcessingLocations,
    SubprocessorLocations,
    DpfCertified,
    TransferBasis,
    Dpa,
    OwnPurpose,
    OpenSource,
    Licence,
    E2ee,
    E2eeBrowserJoin,
    E2eeMaxParticipants,
    BrowserJoin,
    Apps,
    MaxParticipants,
    Feature(Feature),
    KbvListed,
    Availability,
    AuthorityPositions,
}

impl FactField {
    /// Facts that change with the provider's editions and terms (limits, E2EE, terms, DPF,
    /// locations, browsers, features) and so go stale; who runs it, its licence and the
    /// authorities' dated positions do not.
    pub fn changeable(self) -> bool {
        !matches!(
            self,
            FactField::OperatingModel
                | FactField::Operator
                | FactField::Parent
                | FactField::OpenSource
                | FactField::Licence
                | FactField::Apps
                | FactField::KbvListed
                | FactField::Availability
                | FactField::AuthorityPositions
        )
    }

    /// Every fact field of an offering, in catalogue order.
    pub fn all() -> Vec<FactField> {
        let mut fields = vec![
            FactField::OperatingModel,
            FactField::Operator,
            FactField::Parent,
            FactField::ProcessingLocations,
            FactField::SubprocessorLocations,
            FactField::DpfCertified,
            FactField::TransferBasis,
            FactField::Dpa,
            FactField::OwnPurpose,
            FactField::OpenSource,
            FactField::Licence,
            FactField::E2ee,
            FactField::E2eeBrowserJoin,
            FactField::E2eeMaxParticipants,
            FactField::BrowserJoin,
            FactField::Apps,
            FactField::MaxParticipants,
        ];
        fields.extend(Feature::ALL.iter().map(|f| FactField::Feature(*f)));
        fields.extend([
            FactField::KbvListed,
            FactField::Availability,
            FactField::AuthorityPositions,
        ]);
        fields
    }
}

/// Hard requirements: an offering that fails one is excluded, with the reason.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum RuleId {
    TransferStance,
    SocialDataTransfers,
    NoDpa,
    OwnPurpose,
    BrowserJoin,
    E2ee,
    Size,
    RequiredFeature,
    Hosting,
    SelfHosting,
    OpenSource,
    StatutoryInsurance,
    /// The offering is not available to this organisation (reserved for others, or ended).
    Availability,
}

impl RuleId {
    pub const ALL: [RuleId; 13] = [
        RuleId::TransferStance,
        RuleId::SocialDataTransfers,
        RuleId::NoDpa,
        RuleId::OwnPurpose,
        RuleId::BrowserJoin,
        RuleId::E2ee,
        RuleId::Size,
        RuleId::RequiredFeature,
        RuleId::Hosting,
        RuleId::SelfHosting,
        RuleId::OpenSource,
        RuleId::StatutoryInsurance,
        RuleId::Availability,
    ];

    /// Text key of the rule's short name; the sentence with values is built in `describe`.
    pub fn key(self) -> &'static str {
        match self {
            RuleId::TransferStance => "rule.transfer_stance",
            RuleId::SocialDataTransfers => "rule.social_data_transfers",
            RuleId::NoDpa => "rule.no_dpa",
            RuleId::OwnPurpose => "rule.own_purpose",
            RuleId::BrowserJoin => "rule.browser_join",
            RuleId::E2ee => "rule.e2ee",
            RuleId::Size => "rule.size",
            RuleId::RequiredFeature => "rule.required_feature",
            RuleId::Hosting => "rule.hosting",
            RuleId::SelfHosting => "rule.self_hosting",
            RuleId::OpenSource => "rule.open_source",
            RuleId::StatutoryInsurance => "rule.statutory_insurance",
            RuleId::Availability => "rule.availability",
        }
    }
}

/// What a knock-out found, as values the texts fill in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum KnockOutDetail {
    /// Data go to these countries, beyond what the stance allows.
    Countries { countries: Vec<String>, allowed: TransferStance },
    /// These browser families cannot join (under E2EE when `under_e2ee`).
    Browsers { missing: Vec<Browser>, under_e2ee: bool },
    /// Too few participants (under E2EE when `under_e2ee`).
    Participants { needed: u32, max: u32, under_e2ee: bool },
    /// A required feature is missing (or stops working under E2EE).
    Feature { feature: Feature, under_e2ee: bool },
    /// The offering is reserved for bodies of a Land or for public bodies, or its contract ended.
    Availability { land: Option<Bundesland>, public_bodies_only: bool, ended: Option<Date> },
    /// No further values: the rule id says it all.
    Plain,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KnockOut {
    pub rule: RuleId,
    pub facts: Vec<FactField>,
    pub answers: Vec<AnswerId>,
    pub detail: KnockOutDetail,
}

/// meetcheck's own traffic lights (never an authority's).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Light {
    Green,
    Yellow,
    Red,
    /// Unknown: not counted as good or bad; becomes a question for the provider.
    Grey,
}

impl Light {
    pub const ALL: [Light; 4] = [Light::Green, Light::Yellow, Light::Red, Light::Grey];

    pub fn key(self) -> &'static str {
        match self {
            Light::Green => "light.green",
            Light::Yellow => "light.yellow",
            Light::Red => "light.red",
            Light::Grey => "light.grey",
        }
    }

    /// Points per unit of weight: grey is neither good nor bad.
    fn points(self) -> i32 {
        match self {
            Light::Green => 2,
            Light::Yellow | Light::Grey => 0,
            Light::Red => -3,
        }
    }
}

/// The documented criteria each offering is rated on (meetcheck's own, not an authority's).
///
/// | criterion | green | yellow | red | grey |
/// |---|---|---|---|---|
/// | `Contract` | standard DPA, or self-operated | DPA only on request | no DPA | unknown |
/// | `OwnPurpose` | instructions only / self-operated | service data for own business | ad-financed | unknown |
/// | `Transfers` | EU/EEA or adequacy country | DPF (appeal pending) or SCC + TIA | no basis | location unknown |
/// | `ForeignAccess` | operator and parent in EU/EEA or adequacy country | third-country operator or parent (e.g. US CLOUD Act) | – | unknown |
/// | `Encryption` | E2EE on by default / always (or optional at normal need) | optional E2EE at high need, experimental, transport only at normal/high | transport only at very high need | unknown |
/// | `BrowserAccess` | every browser family (under E2EE when required) | some families / apps only | – | unknown |
/// | `OpenSource` | open source | proprietary | – | unknown |
/// | `AuthorityView` | current positive position | conditional or contested, or only historical negative | current negative position, not contradicted | no position recorded |
///
/// Historical authority positions weigh half. Weights per protection need: [`weights`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum CriterionId {
    Contract,
    OwnPurpose,
    Transfers,
    ForeignAccess,
    Encryption,
    BrowserAccess,
    OpenSource,
    AuthorityView,
}

impl CriterionId {
    pub const ALL: [CriterionId; 8] = [
        CriterionId::Contract,
        CriterionId::OwnPurpose,
        CriterionId::Transfers,
        CriterionId::ForeignAccess,
        CriterionId::Encryption,
        CriterionId::BrowserAccess,
        CriterionId::OpenSource,
        CriterionId::AuthorityView,
    ];

    /// Text key of the criterion's short name; `hint_key` explains what it measures.
    pub fn key(self) -> &'static str {
        match self {
            CriterionId::Contract => "criterion.contract",
            CriterionId::OwnPurpose => "criterion.own_purpose",
            CriterionId::Transfers => "criterion.transfers",
            CriterionId::ForeignAccess => "criterion.foreign_access",
            CriterionId::Encryption => "criterion.encryption",
            CriterionId::BrowserAccess => "criterion.browser_access",
            CriterionId::OpenSource => "criterion.open_source",
            CriterionId::AuthorityView => "criterion.authority_view",
        }
    }

    pub fn hint_key(self) -> &'static str {
        match self {
            CriterionId::Contract => "criterion.contract.hint",
            CriterionId::OwnPurpose => "criterion.own_purpose.hint",
            CriterionId::Transfers => "criterion.transfers.hint",
            CriterionId::ForeignAccess => "criterion.foreign_access.hint",
            CriterionId::Encryption => "criterion.encryption.hint",
            CriterionId::BrowserAccess => "criterion.browser_access.hint",
            CriterionId::OpenSource => "criterion.open_source.hint",
            CriterionId::AuthorityView => "criterion.authority_view.hint",
        }
    }
}

/// Weight per criterion (1 to 3) for a protection need: the higher the need, the more the legal
/// and security criteria count against convenience.
pub fn weights(need: ProtectionNeed) -> Vec<(CriterionId, u8)> {
    use CriterionId::*;
    let table: [u8; 8] = match need {
        // Contract, OwnPurpose, Transfers, ForeignAccess, Encryption, BrowserAccess, OpenSource,
        // AuthorityView
        ProtectionNeed::Normal => [3, 2, 2, 1, 1, 2, 1, 2],
        ProtectionNeed::High => [3, 3, 3, 2, 2, 1, 1, 2],
        ProtectionNeed::VeryHigh => [3, 3, 3, 3, 3, 1, 2, 2],
    };
    [
        Contract,
        OwnPurpose,
        Transfers,
        ForeignAccess,
        Encryption,
        BrowserAccess,
        OpenSource,
        AuthorityView,
    ]
    .into_iter()
    .zip(table)
    .collect()
}

/// One light with the cause behind it and the facts it used.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rating {
    pub criterion: CriterionId,
    pub light: Light,
    pub cause: LightCause,
    pub facts: Vec<FactField>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evaluation {
    pub offering: String,
    /// Empty for offerings that remain.
    pub knockouts: Vec<KnockOut>,
    pub lights: Vec<Rating>,
    /// Weighted score; higher is better.
    pub score: i32,
}

impl Evaluation {
    pub fn excluded(&self) -> bool {
        !self.knockouts.is_empty()
    }

    pub fn has_red(&self) -> bool {
        self.lights.iter().any(|r| r.light == Light::Red)
    }
}

/// Relaxing one answer by one named level, and what that would bring back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WhatIf {
    pub answer: AnswerId,
    pub relaxed_to: RelaxedTo,
    pub brings_back: Vec<String>,
}

/// A changeable fact older than the staleness limit that influences the result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaleFact {
    pub offering: String,
    pub field: FactField,
    pub as_of: AsOf,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shortlist {
    /// Offerings that pass every knock-out, best first.
    pub ranked: Vec<Evaluation>,
    /// Offerings knocked out, in catalogue order.
    pub excluded: Vec<Evaluation>,
    /// Weight per criterion, from the protection need.
    pub weights: Vec<(CriterionId, u8)>,
    pub what_ifs: Vec<WhatIf>,
    pub stale: Vec<StaleFact>,
}

impl Shortlist {
    pub fn evaluation(&self, id: &str) -> Option<&Evaluation> {
        self.ranked.iter().chain(&self.excluded).find(|e| e.offering == id)
    }
}

/// Narrows `catalog` for `scenario` as of `today`.
///
/// Every offering is tested against every knock-out (all reasons are kept, not just the first),
/// rated on every criterion, and ranked: offerings without a red light first, then by weighted
/// score (descending), then by German name and id (the primary language, so that the order does
/// not change with the display language).
pub fn narrow(catalog: &Catalog, scenario: &Scenario, today: Date) -> Shortlist {
    let weights = weights(scenario.protection());
    let mut ranked = Vec::new();
    let mut excluded = Vec::new();
    for offering in &catalog.offerings {
        let mut knockouts = knockouts::knockouts(catalog, scenario, offering);
        knockouts.extend(knockouts::availability(scenario, offering, today));
        let lights = lights::lights(catalog, scenario, offering);
        let score = score(&lights, &weights);
        let evaluation = Evaluation { offering: offering.id.clone(), knockouts, lights, score };
        if evaluation.excluded() {
            excluded.push((offering, evaluation));
        } else {
            ranked.push((offering, evaluation));
        }
    }
    ranked.sort_by(|(a, ea), (b, eb)| {
        ea.has_red()
            .cmp(&eb.has_red())
            .then(eb.score.cmp(&ea.score))
            .then_with(|| a.name.de.cmp(&b.name.de))
            .then_with(|| a.id.cmp(&b.id))
    });
    let stale = stale_facts(scenario, ranked.iter().map(|(o, e)| (*o, e)), today);
    let pairs: Vec<(&Offering, &Evaluation)> = excluded.iter().map(|(o, e)| (*o, e)).collect();
    let what_ifs = what_if::what_ifs(catalog, scenario, &pairs);
    Shortlist {
        ranked: ranked.into_iter().map(|(_, e)| e).collect(),
        excluded: excluded.into_iter().map(|(_, e)| e).collect(),
        weights,
        what_ifs,
        stale,
    }
}

/// The knock-outs of one offering alone (e.g. for an offering added after the decision).
pub fn knockouts_of(catalog: &Catalog, scenario: &Scenario, offering: &Offering) -> Vec<KnockOut> {
    knockouts::knockouts(catalog, scenario, offering)
}

fn score(lights: &[Rating], weights: &[(CriterionId, u8)]) -> i32 {
    lights
        .iter()
        .map(|r| {
            let weight = weights.iter().find(|(c, _)| *c == r.criterion).map_or(1, |(_, w)| *w);
            let points = r.light.points();
            // Only historical positions behind the light: they count half.
            let points = if r.cause.rests_on_history() { points / 2 } else { points };
            i32::from(weight) * points
        })
        .sum()
}

/// The facts a remaining offering's result rests on: those behind its lights and those the
/// scenario's requirements were checked against (size, browsers, features).
fn facts_relied_on(scenario: &Scenario, evaluation: &Evaluation) -> Vec<FactField> {
    let mut fields: Vec<FactField> =
        evaluation.lights.iter().flat_map(|r| r.facts.iter().copied()).collect();
    let e2ee = scenario.e2ee();
    fields.push(if e2ee { FactField::E2eeMaxParticipants } else { FactField::MaxParticipants });
    fields.push(FactField::MaxParticipants);
    if !scenario.install_possible {
        fields.push(if e2ee { FactField::E2eeBrowserJoin } else { FactField::BrowserJoin });
    }
    if e2ee {
        fields.push(FactField::E2ee);
    }
    fields.extend(scenario.required_features.iter().map(|f| FactField::Feature(*f)));
    fields.sort();
    fields.dedup();
    fields
}

fn stale_facts<'a>(
    scenario: &Scenario,
    remaining: impl Iterator<Item = (&'a Offering, &'a Evaluation)>,
    today: Date,
) -> Vec<StaleFact> {
    let mut stale = Vec::new();
    for (offering, evaluation) in remaining {
        for field in facts_relied_on(scenario, evaluation) {
            if !field.changeable() {
                continue;
            }
            if let Some(p) = offering.fact(field).provenance()
                && p.as_of.is_older_than(super::facts::STALE_AFTER_MONTHS, today)
            {
                stale.push(StaleFact { offering: offering.id.clone(), field, as_of: p.as_of });
            }
        }
    }
    stale
}
