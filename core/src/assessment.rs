//! The assessment record: the one thing that is saved, resumed and exported.
//!
//! Everything on screen while answering is derived from it plus the current catalogue; the one
//! exception is the decision snapshot, frozen when the decision is taken (Art. 5(2) GDPR).

use std::collections::BTreeMap;

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::answer_value::AnswerValue;
use super::catalog::{Catalog, Offering, OperatingModel, Source};
use super::evidence::Evidence;
use super::facts::{AsOf, Certainty, Text};
use super::narrowing::{AnswerId, FactField, Shortlist};
use super::people::SignOff;
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
    /// One name per entry (earlier saves held free text; it is split once when read).
    #[serde(default, deserialize_with = "crate::people::names_or_text")]
    pub decision_makers: Vec<String>,
    #[serde(default, deserialize_with = "crate::people::names_or_text")]
    pub consulted: Vec<String>,
    #[serde(default, deserialize_with = "crate::people::names_or_text")]
    pub informed: Vec<String>,
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
                    let p = offering.fact(field).provenance()?;
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

impl Decision {
    /// The offering the decision names by `id`: from today's catalogue while it has it, else the
    /// snapshot's copy (an offering may leave the catalogue; the decision still names it).
    pub fn offering<'a>(&'a self, catalog: Option<&'a Catalog>, id: &str) -> Option<&'a Offering> {
        catalog
            .and_then(|c| c.offering(id))
            .or_else(|| self.snapshot.offerings.iter().find(|o| o.id == id))
    }

    /// The chosen offering, as [`Decision::offering`] finds it.
    pub fn chosen_offering<'a>(&'a self, catalog: Option<&'a Catalog>) -> Option<&'a Offering> {
        self.offering(catalog, &self.chosen)
    }
}

/// The decision form as it was left: what a decision would record, not yet taken. It is saved so
/// that nothing typed is lost, and shown as a draft wherever it appears; only taking it makes a
/// [`Decision`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionDraft {
    pub chosen: String,
    #[serde(default)]
    pub runner_up: Option<String>,
    #[serde(default)]
    pub rationale: String,
    #[serde(default)]
    pub override_: Option<Override>,
    #[serde(default = "proposed")]
    pub status: Status,
    /// Who sets the status (prefilled from the decision-makers).
    #[serde(default)]
    pub set_by: String,
}

fn proposed() -> Status {
    Status::Proposed
}

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum TodoStatus {
    #[default]
    Open,
    /// Someone is on it.
    InProgress,
    Done,
    NotApplicable,
}

impl TodoStatus {
    pub const ALL: [TodoStatus; 4] =
        [TodoStatus::Open, TodoStatus::InProgress, TodoStatus::Done, TodoStatus::NotApplicable];

    /// Still to be done (open or in progress).
    pub fn is_open(self) -> bool {
        matches!(self, TodoStatus::Open | TodoStatus::InProgress)
    }

    pub fn key(self) -> &'static str {
        match self {
            TodoStatus::Open => "todo_status.open",
            TodoStatus::InProgress => "todo_status.in_progress",
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

impl ChecklistItem {
    /// Still to do: neither done nor set aside as not applicable, and the to-do still applies.
    pub fn is_open(&self) -> bool {
        self.status.is_open() && self.no_longer_applies_since.is_none()
    }
}

/// One entry of the answer history: when, which answer, old → new (typed values, worded in the
/// reader's language when shown).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub at: Timestamp,
    pub answer: AnswerId,
    pub old: AnswerValue,
    pub new: AnswerValue,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    pub meta: Meta,
    pub scenario: Scenario,
    /// The step reached (where resume lands).
    pub step: Step,
    /// The decision taken (only "Take the decision" sets it).
    #[serde(default)]
    pub decision: Option<Decision>,
    /// A decision form left without taking it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draft: Option<DecisionDraft>,
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
    /// The data protection officer's opinion and the decision-makers' approvals.
    #[serde(default, skip_serializing_if = "SignOff::is_empty")]
    pub sign_off: SignOff,
    /// Facts about offerings the organisation verified itself (see `evidence`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
}

impl Assessment {
    /// The preconditions of use among `todos` that are still open; a to-do without a checklist
    /// entry is open.
    pub fn open_preconditions<'a>(&self, todos: &'a [Todo]) -> Vec<&'a Todo> {
        todos
            .iter()
            .filter(|t| t.precondition)
            .filter(|t| self.checklist.get(&t.id).is_none_or(ChecklistItem::is_open))
            .collect()
    }

    pub fn new(id: String, title: String, now: Timestamp, catalog_edition: String) -> Self {
        Assessment {
            meta: Meta {
                id,
                title,
                organisation: String::new(),
                controller: String::new(),
                dpo_contact: String::new(),
                assessors: String::new(),
                decision_makers: Vec::new(),
                consulted: Vec::new(),
                informed: Vec::new(),
                created: now,
                updated: now,
            },
            scenario: Scenario::default(),
            step: Step::About,
            decision: None,
            draft: None,
            status: None,
            checklist: BTreeMap::new(),
            review_by: None,
            catalog_edition,
            history: Vec::new(),
            sign_off: SignOff::default(),
            evidence: Vec::new(),
        }
    }
}
