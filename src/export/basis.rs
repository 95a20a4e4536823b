//! What a document rests on: the decision snapshot once a decision is taken (what was known
//! then), otherwise the current catalogue narrowed as of today ("decision pending").

use std::collections::BTreeMap;

use jiff::civil::Date;

use crate::domain::assessment::{Assessment, ChecklistItem, Decision, TodoStatus};
use crate::domain::catalog::{Catalog, Offering};
use crate::domain::narrowing::{self, Evaluation, Shortlist};
use crate::domain::scenario::Scenario;
use crate::domain::todos::{self, Todo, TodoId};

pub struct Basis<'a> {
    pub assessment: &'a Assessment,
    /// The snapshot's offerings and sources as a catalogue, or today's catalogue when pending.
    pub catalog: Catalog,
    pub scenario: &'a Scenario,
    pub shortlist: Shortlist,
    pub todos: Vec<Todo>,
    pub decision: Option<&'a Decision>,
    /// The day the facts were looked at: the decision day, or today when pending.
    pub as_of: Date,
    pub today: Date,
}

impl<'a> Basis<'a> {
    pub fn new(assessment: &'a Assessment, current: &Catalog, today: Date) -> Basis<'a> {
        match &assessment.decision {
            Some(decision) => {
                let snap = &decision.snapshot;
                Basis {
                    assessment,
                    catalog: Catalog {
                        schema: snap.schema,
                        edition: snap.catalog_edition.clone(),
                        sources: snap.sources.clone(),
                        adequacy: BTreeMap::new(),
                        offerings: snap.offerings.clone(),
                    },
                    scenario: &snap.scenario,
                    shortlist: snap.shortlist.clone(),
                    todos: snap.todos.clone(),
                    decision: Some(decision),
                    as_of: snap.taken_on,
                    today,
                }
            }
            None => {
                let scenario = &assessment.scenario;
                Basis {
                    assessment,
                    catalog: current.clone(),
                    scenario,
                    shortlist: narrowing::narrow(current, scenario, today),
                    todos: todos::todos(scenario, None),
                    decision: None,
                    as_of: today,
                    today,
                }
            }
        }
    }

    pub fn offering(&self, id: &str) -> Option<&Offering> {
        self.catalog.offering(id)
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

    /// The checklist entry of a to-do (an untouched one is open).
    pub fn item(&self, id: TodoId) -> ChecklistItem {
        self.assessment.checklist.get(&id).cloned().unwrap_or_default()
    }

    /// Preconditions of use that are neither done nor set aside.
    pub fn open_preconditions(&self) -> usize {
        self.todos
            .iter()
            .filter(|t| t.precondition)
            .filter(|t| {
                let item = self.item(t.id);
                item.no_longer_applies_since.is_none() && item.status == TodoStatus::Open
            })
            .count()
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
