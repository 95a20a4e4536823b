//! What a document rests on: the decision snapshot once a decision is taken (what was known
//! then), otherwise the current catalogue narrowed as of today ("decision pending").

use std::collections::BTreeMap;

use jiff::civil::Date;

use crate::domain::assessment::{Assessment, ChecklistItem, Decision, ExcludedOffering};
use crate::domain::catalog::{Catalog, Offering};
use crate::domain::evidence;
use crate::domain::facts::Fact;
use crate::domain::narrowing::{self, Evaluation, FactField, Shortlist};
use crate::domain::scenario::Scenario;
use crate::domain::todos::{self, Todo, TodoId, TodoReason};
use crate::i18n::Texts;

pub struct Basis<'a> {
    pub assessment: &'a Assessment,
    /// The snapshot's offerings and sources as a catalogue, or today's catalogue when pending.
    pub catalog: Catalog,
    /// Today's catalogue: only for names and wording of offerings a snapshot holds no copy of.
    pub current: &'a Catalog,
    /// The record's offerings plus today's for those it lacks: names only (what-ifs).
    pub naming: Catalog,
    /// Name and model of the excluded offerings the record kept without a full copy, as
    /// offerings whose facts are all unrecorded (only name and model are read from them).
    kept: Vec<Offering>,
    pub scenario: &'a Scenario,
    pub shortlist: Shortlist,
    pub todos: Vec<Todo>,
    pub decision: Option<&'a Decision>,
    /// The day the facts were looked at: the decision day, or today when pending.
    pub as_of: Date,
    pub today: Date,
}

impl<'a> Basis<'a> {
    pub fn new(assessment: &'a Assessment, current: &'a Catalog, today: Date) -> Basis<'a> {
        let mut basis = Basis::unnamed(assessment, current, today);
        basis.kept = basis.excluded_records().iter().map(kept_offering).collect();
        basis.naming.offerings.extend(basis.kept.iter().cloned());
        let missing: Vec<Offering> = current
            .offerings
            .iter()
            .filter(|o| basis.catalog.offering(&o.id).is_none())
            .cloned()
            .collect();
        basis.naming.offerings.extend(missing);
        basis
    }

    fn unnamed(assessment: &'a Assessment, current: &'a Catalog, today: Date) -> Basis<'a> {
        match &assessment.decision {
            Some(decision) => {
                let snap = &decision.snapshot;
                let catalog = Catalog {
                    schema: snap.schema,
                    edition: snap.catalog_edition.clone(),
                    sources: snap.sources.clone(),
                    adequacy: BTreeMap::new(),
                    offerings: snap.offerings.clone(),
                };
                Basis {
                    assessment,
                    kept: Vec::new(),
                    naming: catalog.clone(),
                    catalog,
                    scenario: &snap.scenario,
                    shortlist: snap.shortlist.clone(),
                    todos: snap.todos.clone(),
                    current,
                    decision: Some(decision),
                    as_of: snap.taken_on,
                    today,
                }
            }
            None => {
                let scenario = &assessment.scenario;
                // Pending: today's catalogue with the organisation's evidence, and the questions
                // for the providers of every fit if confirmed.
                let proof = evidence::of_assessment(assessment);
                let seen = evidence::effective_catalog(current, &proof).into_owned();
                let shortlist = narrowing::narrow(&seen, scenario, today);
                let todos = todos::before_decision(scenario, &shortlist);
                Basis {
                    assessment,
                    kept: Vec::new(),
                    catalog: seen.clone(),
                    naming: seen,
                    scenario,
                    shortlist,
                    todos,
                    current,
                    decision: None,
                    as_of: today,
                    today,
                }
            }
        }
    }

    /// For the documents about the processing as it is now (notice, record of processing): the
    /// organisation's evidence recorded since the decision is applied on top of the snapshot's
    /// facts (the decision record keeps what the decision rested on). The snapshot's evidence
    /// comes first, so that its source keys keep their numbers.
    pub fn with_current_evidence(mut self) -> Self {
        let Some(decision) = self.decision else { return self };
        let mut proof = decision.snapshot.evidence.clone();
        for e in evidence::of_assessment(self.assessment) {
            if !proof.contains(&e) {
                proof.push(e);
            }
        }
        if proof.len() > decision.snapshot.evidence.len() {
            self.catalog = evidence::effective_catalog(&self.catalog, &proof).into_owned();
        }
        self
    }

    pub fn offering(&self, id: &str) -> Option<&Offering> {
        self.catalog.offering(id)
    }

    /// What the decision kept of the offerings it excluded without a full copy.
    pub fn excluded_records(&self) -> &[ExcludedOffering] {
        self.decision.map_or(&[], |d| d.snapshot.excluded.as_slice())
    }

    /// The offering from the record (a full copy, or the name and model it kept of an excluded
    /// one), else from today's catalogue (`false`: not from the record).
    pub fn offering_for_wording(&self, id: &str) -> Option<(&Offering, bool)> {
        match self.offering(id).or_else(|| self.kept.iter().find(|o| o.id == id)) {
            Some(o) => Some((o, true)),
            None => self.current.offering(id).map(|o| (o, false)),
        }
    }

    /// The display name: from the record, else today's catalogue, else the id.
    pub fn name(&self, texts: &Texts, id: &str) -> String {
        match self.offering_for_wording(id) {
            Some((o, _)) => texts.pick(&o.name).to_string(),
            None => id.to_string(),
        }
    }

    /// The chosen offering, or the top-ranked one while the decision is pending.
    pub fn subject(&self) -> Option<&Offering> {
        match self.decision {
            Some(d) => self.offering(&d.chosen),
            None => self.shortlist.ranked.first().and_then(|e| self.offering(&e.offering)),
        }
    }

    /// Every evaluation: remaining (best first), then excluded.
    pub fn evaluations(&self) -> impl Iterator<Item = &Evaluation> {
        self.shortlist.ranked.iter().chain(&self.shortlist.excluded)
    }

    /// The facts a remaining offering's hard requirements rest on that no source confirms: it
    /// meets the requirements only if the provider confirms them ("fit if confirmed"). Empty for
    /// a confirmed fit and for offerings the record holds no copy of.
    pub fn unconfirmed(&self, id: &str) -> Vec<FactField> {
        // The requirement outcomes of the evaluation, as Results and `show` name them. A
        // shortlist written before outcomes were recorded has none anywhere: then the to-dos'
        // reading of the unknown facts stands in.
        let recorded = self.evaluations().any(|e| !e.unconfirmed.is_empty());
        if recorded {
            let Some(e) = self.shortlist.ranked.iter().find(|e| e.offering == id) else {
                return Vec::new();
            };
            let mut facts: Vec<FactField> =
                e.unconfirmed.iter().flat_map(|u| u.facts.iter().copied()).collect();
            facts.sort();
            facts.dedup();
            return facts;
        }
        let Some(offering) = self.offering(id) else { return Vec::new() };
        todos::todos(self.scenario, Some(offering))
            .into_iter()
            .filter(|t| t.id == TodoId::AskProvider)
            .flat_map(|t| t.why)
            .filter(|c| c.reason == TodoReason::AskProviderHardRequirements)
            .flat_map(|c| c.facts)
            .collect()
    }

    /// Remaining offerings that meet every hard requirement on confirmed facts, best first.
    pub fn confirmed_fits(&self) -> Vec<&Evaluation> {
        self.shortlist.ranked.iter().filter(|e| self.unconfirmed(&e.offering).is_empty()).collect()
    }

    /// The checklist entry of a to-do (an untouched one is open).
    pub fn item(&self, id: TodoId) -> ChecklistItem {
        self.assessment.checklist.get(&id).cloned().unwrap_or_default()
    }

    /// Preconditions of use that are neither done nor set aside.
    pub fn open_preconditions(&self) -> usize {
        self.assessment.open_preconditions(&self.todos).len()
    }

    /// To-dos of the record followed by checklist entries for to-dos that no longer arise
    /// (kept, never dropped).
    pub fn checklist_ids(&self) -> Vec<TodoId> {
        let mut ids: Vec<TodoId> = self.todos.iter().map(|t| t.id).collect();
        for id in self.assessment.checklist.keys() {
            if !ids.contains(id) {
                ids.push(*id);
            }
        }
        ids
    }

    pub fn todo(&self, id: TodoId) -> Option<&Todo> {
        self.todos.iter().find(|t| t.id == id)
    }
}

fn unrecorded<T>() -> Fact<T> {
    Fact::Unknown { note: Default::default() }
}

/// An offering carrying only what the record kept of an excluded one: its name and model.
fn kept_offering(record: &ExcludedOffering) -> Offering {
    Offering {
        id: record.id.clone(),
        name: record.name.clone(),
        product: record.name.en.clone(),
        operating_model: record.operating_model,
        operator: unrecorded(),
        parent: unrecorded(),
        processing_locations: unrecorded(),
        subprocessor_locations: unrecorded(),
        dpf_certified: unrecorded(),
        transfer_basis: unrecorded(),
        dpa: unrecorded(),
        own_purpose: unrecorded(),
        open_source: unrecorded(),
        licence: unrecorded(),
        e2ee: unrecorded(),
        browser_join: unrecorded(),
        apps: unrecorded(),
        max_participants: unrecorded(),
        features: BTreeMap::new(),
        kbv_listed: unrecorded(),
        join_without_account: unrecorded(),
        attention_tracking: unrecorded(),
        availability: Fact::NotApplicable,
        authority_positions: Vec::new(),
        settings: Vec::new(),
        notes: Vec::new(),
    }
}
