//! Narrowing: from the catalogue and the scenario to a ranked shortlist with a reason for every
//! exclusion and every light. Pure: today's date is passed in.
//!
//! The domain speaks in structured values (rule ids, the facts and answers used); `crate::describe`
//! turns them into German or English sentences for the wizard and the exporter alike.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::catalog::{Browser, Catalog, Feature};
use super::facts::AsOf;
use super::scenario::{Scenario, TransferStance};

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
    AuthorityPositions,
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

/// The documented criteria each offering is rated on.
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

/// One light with the cause behind it (a text key suffix) and the facts it used.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rating {
    pub criterion: CriterionId,
    pub light: Light,
    /// Text key of the reason, e.g. `light.contract.standard_dpa`.
    pub cause: String,
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
    /// Text key of the relaxed answer (e.g. `stance.dpf`).
    pub relaxed_to: String,
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
pub fn narrow(catalog: &Catalog, scenario: &Scenario, today: Date) -> Shortlist {
    let _ = (catalog, scenario, today);
    todo!("narrowing rules")
}
