//! The assessment record: the one thing that is saved, resumed and exported.
//!
//! Everything on screen while answering is derived from it plus the current catalogue; the one
//! exception is the decision snapshot, frozen when the decision is taken (Art. 5(2) GDPR).

use std::collections::BTreeMap;

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::catalog::{Catalog, Offering, OperatingModel, Source};
use super::evidence::Evidence;
use super::facts::{AsOf, Certainty, Text};
use super::narrowing::{AnswerId, FactField, Shortlist, fact_provenance};
use super::scenario::{Scenario, Step};
use super::todos::{Todo, TodoId};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// Stable id (short, random at creation; the caller supplies it).
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub organisation: String,
    /// Controller's name and contact, as it should appear in the participant information.
    #[serde(default)]
    pub controller: String,
    #[serde(default)]
    pub dpo_contact: String,
    /// Who carries out the assessment.
    #[serde(default)]
    pub assessors: String,
    #[serde(default)]
    pub decision_makers: String,
    #[serde(default)]
    pub consulted: String,
    #[serde(default)]
    pub informed: String,
    pub created: Timestamp,
    pub updated: Timestamp,
}

/// The status of the decision, set by a named decision-maker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Status {
    Proposed,
    Accepted,
    Rejected,
    Superseded,
}

impl Status {
    pub const ALL: [Status; 4] =
        [Status::Proposed, Status::Accepted, Status::Rejected, Status::Superseded];

    pub fn id(self) -> &'static str {
        match self {
            Status::Proposed => "proposed",
            Status::Accepted => "accepted",
            Status::Rejected => "rejected",
            Status::Superseded => "superseded",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Status::Proposed => "status.proposed",
            Status::Accepted => "status.accepted",
            Status::Rejected => "status.rejected",
            Status::Superseded => "status.superseded",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    pub status: Status,
    pub by: String,
    pub on: Date,
}

/// Choosing an offering the narrowing excluded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Override {
    pub reason: String,
    pub accepted_by: String,
}

/// What was known when the decision was made.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DecisionSnapshot {
    pub catalog_edition: String,
    pub schema: u32,
    pub taken_on: Date,
    /// The scenario the decision rested on.
    pub scenario: Scenario,
    pub shortlist: Shortlist,
    /// Full copies of the offerings the decision names (chosen, runner-up) and every other
    /// offering considered, so the record never depends on today's catalogue.
    pub offerings: Vec<Offering>,
    /// The sources those offerings cite.
    pub sources: BTreeMap<String, Source>,
    pub todos: Vec<Todo>,
    /// The organisation's evidence the decision rested on (already applied to `offerings`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
    /// The offerings excluded then that `offerings` holds no copy of: their names and where the
    /// facts their knock-outs used came from (a full copy of each would make every save large).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub excluded: Vec<ExcludedOffering>,
}

/// An excluded offering as the decision saw it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExcludedOffering {
    pub id: String,
    pub name: Text,
    pub operating_model: OperatingModel,
    /// Provenance of the known facts the knock-outs used.
    pub facts: Vec<FrozenFact>,
}

/// Where one fact came from, frozen with the decision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FrozenFact {
    pub field: FactField,
    pub source: String,
    pub as_of: AsOf,
    pub certainty: Certainty,
}

/// Records for the offerings `shortlist` excluded that are not among `copied`.
pub fn excluded_records(
    catalog: &Catalog,
    shortlist: &Shortlist,
    copied: &[Offering],
) -> Vec<ExcludedOffering> {
    shortlist
        .excluded
        .iter()
        .filter(|e| !copied.iter().any(|o| o.id == e.offering))
        .filter_map(|e| {
            let offering = catalog.offering(&e.offering)?;
            let mut fields: Vec<FactField> =
                e.knockouts.iter().flat_map(|k| k.facts.iter().copied()).collect();
            fields.sort();
            fields.dedup();
            let facts = fields
                .into_iter()
                .filter_map(|field| {
                    let p = fact_provenance(offering, field)?;
                    Some(FrozenFact {
                        field,
                        source: p.source.to_string(),
                        as_of: p.as_of,
                        certainty: p.certainty,
                    })
                })
                .collect();
            Some(ExcludedOffering {
                id: offering.id.clone(),
                name: offering.name.clone(),
                operating_model: offering.operating_model,
                facts,
            })
        })
        .collect()
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    pub chosen: String,
    #[serde(default)]
    pub runner_up: Option<String>,
    #[serde(default)]
    pub rationale: String,
    #[serde(default)]
    pub override_: Option<Override>,
    pub snapshot: DecisionSnapshot,
    /// An answer changed after the decision: it must be confirmed again.
    #[serde(default)]
    pub to_be_confirmed: bool,
}

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum TodoStatus {
    #[default]
    Open,
    Done,
    NotApplicable,
}

impl TodoStatus {
    pub fn key(self) -> &'static str {
        match self {
            TodoStatus::Open => "todo_status.open",
            TodoStatus::Done => "todo_status.done",
            TodoStatus::NotApplicable => "todo_status.not_applicable",
        }
    }
}

/// The user's progress on one to-do.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChecklistItem {
    pub status: TodoStatus,
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub due: Option<Date>,
    /// Where the evidence is (file, contract number, ticket …).
    #[serde(default)]
    pub evidence: String,
    #[serde(default)]
    pub evidence_date: Option<Date>,
    #[serde(default)]
    pub note: String,
    /// Set when a changed answer means the to-do no longer applies; kept, never deleted.
    #[serde(default)]
    pub no_longer_applies_since: Option<Date>,
}

/// One entry of the answer history: when, what, old → new (rendered values, both languages
/// are produced from ids at display time).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub at: Timestamp,
    pub answer: AnswerId,
    pub old: String,
    pub new: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    pub meta: Meta,
    pub scenario: Scenario,
    /// The step reached (where resume lands).
    pub step: Step,
    #[serde(default)]
    pub decision: Option<Decision>,
    #[serde(default)]
    pub status: Option<StatusChange>,
    #[serde(default)]
    pub checklist: BTreeMap<TodoId, ChecklistItem>,
    #[serde(default)]
    pub review_by: Option<Date>,
    /// The catalogue edition the assessment was last worked on with.
    pub catalog_edition: String,
    #[serde(default)]
    pub history: Vec<Change>,
    /// Facts about offerings the organisation verified itself (see `evidence`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
}

impl Assessment {
    pub fn new(id: String, title: String, now: Timestamp, catalog_edition: String) -> Self {
        Assessment {
            meta: Meta {
                id,
                title,
                organisation: String::new(),
                controller: String::new(),
                dpo_contact: String::new(),
                assessors: String::new(),
                decision_makers: String::new(),
                consulted: String::new(),
                informed: String::new(),
                created: now,
                updated: now,
            },
            scenario: Scenario::default(),
            step: Step::About,
            decision: None,
            status: None,
            checklist: BTreeMap::new(),
            review_by: None,
            catalog_edition,
            history: Vec::new(),
            evidence: Vec::new(),
        }
    }
}
