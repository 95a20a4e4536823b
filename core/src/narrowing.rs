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
pub use knockouts::Requirements;
pub use lights::position_applies;
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
    /// The passive audience of a webinar or livestream.
    Audience,
    Data,
    ProtectionNeed,
    E2eeRequired,
    Representation,
    TransferStance,
    Hosting,
    SelfHostingCapacity,
    InstallPossible,
    Browsers,
    JoinWithoutAccount,
    RequiredFeatures,
    Recording,
    AttentionTracking,
    OpenSourceRequired,
    StatutoryInsuranceVideo,
}

impl AnswerId {
    /// Every answer, in the order the wizard asks them.
    pub const ALL: [AnswerId; 26] = [
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
        AnswerId::Audience,
        AnswerId::Data,
        AnswerId::ProtectionNeed,
        AnswerId::E2eeRequired,
        AnswerId::Representation,
        AnswerId::TransferStance,
        AnswerId::Hosting,
        AnswerId::SelfHostingCapacity,
        AnswerId::InstallPossible,
        AnswerId::Browsers,
        AnswerId::JoinWithoutAccount,
        AnswerId::RequiredFeatures,
        AnswerId::Recording,
        AnswerId::AttentionTracking,
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
            AnswerId::Audience => "answer.audience",
            AnswerId::Data => "answer.data",
            AnswerId::ProtectionNeed => "answer.protection_need",
            AnswerId::E2eeRequired => "answer.e2ee_required",
            AnswerId::Representation => "answer.representation",
            AnswerId::TransferStance => "answer.transfer_stance",
            AnswerId::Hosting => "answer.hosting",
            AnswerId::SelfHostingCapacity => "answer.self_hosting_capacity",
            AnswerId::InstallPossible => "answer.install_possible",
            AnswerId::Browsers => "answer.browsers",
            AnswerId::JoinWithoutAccount => "answer.join_without_account",
            AnswerId::RequiredFeatures => "answer.required_features",
            AnswerId::Recording => "answer.recording",
            AnswerId::AttentionTracking => "answer.attention_tracking",
            AnswerId::OpenSourceRequired => "answer.open_source_required",
            AnswerId::StatutoryInsuranceVideo => "answer.statutory_insurance_video",
        }
    }

    /// Stable id for scripts (`show --json`): the text key without its prefix.
    pub fn id(self) -> &'static str {
        self.key().trim_start_matches("answer.")
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
    JoinWithoutAccount,
    AttentionTracking,
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
            FactField::JoinWithoutAccount,
            FactField::AttentionTracking,
        ]);
        fields
    }

    /// Stable id for scripts and evidence: the catalogue field's name (`dpa`,
    /// `e2ee.max_participants`, `features.recording`).
    pub fn id(self) -> String {
        let plain = match self {
            FactField::OperatingModel => "operating_model",
            FactField::Operator => "operator",
            FactField::Parent => "parent",
            FactField::ProcessingLocations => "processing_locations",
            FactField::SubprocessorLocations => "subprocessor_locations",
            FactField::DpfCertified => "dpf_certified",
            FactField::TransferBasis => "transfer_basis",
            FactField::Dpa => "dpa",
            FactField::OwnPurpose => "own_purpose",
            FactField::OpenSource => "open_source",
            FactField::Licence => "licence",
            FactField::E2ee => "e2ee",
            FactField::E2eeBrowserJoin => "e2ee.browser_join",
            FactField::E2eeMaxParticipants => "e2ee.max_participants",
            FactField::BrowserJoin => "browser_join",
            FactField::Apps => "apps",
            FactField::MaxParticipants => "max_participants",
            FactField::Feature(f) => {
                return format!("features.{}", f.key().trim_start_matches("feature."));
            }
            FactField::KbvListed => "kbv_listed",
            FactField::Availability => "availability",
            FactField::AuthorityPositions => "authority_positions",
            FactField::JoinWithoutAccount => "join_without_account",
            FactField::AttentionTracking => "attention_tracking",
        };
        plain.to_string()
    }

    /// The field with this [`Self::id`].
    pub fn from_id(id: &str) -> Option<FactField> {
        FactField::all().into_iter().find(|f| f.id() == id)
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
    /// "No provider under US control": the operator or its parent is seated in the US.
    UsControl,
    /// Participants must join without an account or registration.
    JoinWithoutAccount,
}

impl RuleId {
    pub const ALL: [RuleId; 15] = [
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
        RuleId::UsControl,
        RuleId::JoinWithoutAccount,
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
            RuleId::UsControl => "rule.us_control",
            RuleId::JoinWithoutAccount => "rule.join_without_account",
        }
    }

    /// Stable id for scripts (`show --json`): the text key without its prefix.
    pub fn id(self) -> &'static str {
        self.key().trim_start_matches("rule.")
    }

    /// Text key of what the rule requires ("data processing agreement obtainable"), for
    /// requirements still to be confirmed.
    pub fn requirement_key(self) -> String {
        format!("requirement.{}", self.id())
    }
}

/// What a knock-out found, as values the texts fill in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum KnockOutDetail {
    /// Data go to these countries, beyond what the stance allows.
    Countries { countries: Vec<String>, allowed: TransferStance },
    /// These browser families cannot join (under E2EE when `under_e2ee`).
    Browsers { missing: Vec<Browser>, under_e2ee: bool },
    /// No browser can join at all: apps only (under E2EE when `under_e2ee`).
    NoBrowser { under_e2ee: bool },
    /// The operator and/or its parent company is seated in the US.
    Control { operator: bool, parent: bool },
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

/// A hard requirement that rests on facts nobody has confirmed: the offering fits only if the
/// provider confirms them. Each becomes a question for the provider before the decision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unconfirmed {
    pub rule: RuleId,
    /// The unknown facts to ask about.
    pub facts: Vec<FactField>,
    pub answers: Vec<AnswerId>,
}

/// What a hard requirement comes to for one offering.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Outcome {
    Met,
    NotMet,
    /// Rests on a fact nobody has confirmed.
    Unconfirmed,
}

/// The two kinds of remaining offering: every hard requirement met, or some still to confirm.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Tier {
    /// Meets every hard requirement.
    Confirmed,
    /// A fit if confirmed: ranked after every confirmed fit, never described as meeting all
    /// requirements.
    Unconfirmed,
}

impl Tier {
    /// Stable id for scripts.
    pub fn id(self) -> &'static str {
        match self {
            Tier::Confirmed => "confirmed",
            Tier::Unconfirmed => "unconfirmed",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Tier::Confirmed => "tier.confirmed",
            Tier::Unconfirmed => "tier.unconfirmed",
        }
    }
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
    /// Hard requirements not met; empty for offerings that remain.
    pub knockouts: Vec<KnockOut>,
    /// Hard requirements nobody has confirmed (not listed for excluded offerings).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unconfirmed: Vec<Unconfirmed>,
    pub lights: Vec<Rating>,
    /// Weighted score; higher is better.
    pub score: i32,
}

impl Evaluation {
    pub fn excluded(&self) -> bool {
        !self.knockouts.is_empty()
    }

    /// Confirmed fit or fit if confirmed (meaningful for offerings that remain).
    pub fn tier(&self) -> Tier {
        if self.unconfirmed.is_empty() { Tier::Confirmed } else { Tier::Unconfirmed }
    }

    /// The outcome of one hard requirement.
    pub fn outcome(&self, rule: RuleId) -> Outcome {
        if self.knockouts.iter().any(|k| k.rule == rule) {
            Outcome::NotMet
        } else if self.unconfirmed.iter().any(|u| u.rule == rule) {
            Outcome::Unconfirmed
        } else {
            Outcome::Met
        }
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
    /// Offerings that pass every knock-out, best first: every confirmed fit before every fit if
    /// confirmed.
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

    /// The remaining offerings that meet every hard requirement, best first.
    pub fn confirmed(&self) -> impl Iterator<Item = &Evaluation> {
        self.ranked.iter().filter(|e| e.tier() == Tier::Confirmed)
    }

    /// The fits if confirmed, best first.
    pub fn unconfirmed(&self) -> impl Iterator<Item = &Evaluation> {
        self.ranked.iter().filter(|e| e.tier() == Tier::Unconfirmed)
    }
}

/// Narrows `catalog` for `scenario` as of `today`.
///
/// Every offering is tested against every hard requirement (all reasons are kept, not just the
/// first), rated on every criterion, and ranked: confirmed fits before fits if confirmed; within
/// each, offerings without a red light first, then (fits if confirmed) fewer open requirements,
/// then by weighted score (descending), then by German name and id (the primary language, so that
/// the order does not change with the display language).
pub fn narrow(catalog: &Catalog, scenario: &Scenario, today: Date) -> Shortlist {
    let weights = weights(scenario.protection());
    let mut ranked = Vec::new();
    let mut excluded = Vec::new();
    for offering in &catalog.offerings {
        let mut requirements = knockouts::requirements(catalog, scenario, offering);
        knockouts::availability(scenario, offering, today, &mut requirements);
        let knockouts = requirements.not_met;
        // Open questions matter only for an offering that could still be chosen.
        let unconfirmed = if knockouts.is_empty() { requirements.unconfirmed } else { Vec::new() };
        let lights = lights::lights(catalog, scenario, offering);
        let score = score(&lights, &weights);
        let evaluation =
            Evaluation { offering: offering.id.clone(), knockouts, unconfirmed, lights, score };
        if evaluation.excluded() {
            excluded.push((offering, evaluation));
        } else {
            ranked.push((offering, evaluation));
        }
    }
    ranked.sort_by(|(a, ea), (b, eb)| {
        ea.tier()
            .cmp(&eb.tier())
            .then(ea.has_red().cmp(&eb.has_red()))
            .then(ea.unconfirmed.len().cmp(&eb.unconfirmed.len()))
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

/// The hard requirements a chosen offering leaves unconfirmed (availability aside, which depends
/// on the date): the questions its provider must answer before the first meeting.
pub fn requirements_of_choice(
    catalog: &Catalog,
    scenario: &Scenario,
    offering: &Offering,
) -> Vec<Unconfirmed> {
    knockouts::requirements(catalog, scenario, offering).unconfirmed
}

/// The outcome of every hard requirement for one offering as of `today`: not met and unconfirmed.
pub fn requirements_of(
    catalog: &Catalog,
    scenario: &Scenario,
    offering: &Offering,
    today: Date,
) -> Requirements {
    let mut requirements = knockouts::requirements(catalog, scenario, offering);
    knockouts::availability(scenario, offering, today, &mut requirements);
    requirements
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
    fields.extend(scenario.features_needed().iter().map(|f| FactField::Feature(*f)));
    if scenario.join_without_account {
        fields.push(FactField::JoinWithoutAccount);
    }
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
