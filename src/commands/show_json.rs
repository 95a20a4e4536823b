//! `meetcheck show NAME|PATH --json`: the outcome of one assessment as one JSON object, for
//! scripts. Ids only, never sentences: offering ids, rule ids, to-do ids, answer ids.
//!
//! Before a decision the candidates and to-dos are today's (the catalogue plus the organisation's
//! evidence); after it the candidates are today's too, and `decision` names what it rests on and
//! what is still open.

use jiff::civil::Date;
use serde::Serialize;

use crate::domain::assessment::{Assessment, TodoStatus};
use crate::domain::catalog::Catalog;
use crate::domain::decision;
use crate::domain::evidence;
use crate::domain::narrowing::{self, Evaluation};
use crate::domain::todos::{self, Todo};
use crate::store::Loaded;

#[derive(Serialize)]
pub struct Outcome {
    /// The NAME in the saves directory, or `null` for a file opened read-only.
    pub name: Option<String>,
    pub title: String,
    pub catalog_edition: String,
    /// Confirmed fits first, then fits if confirmed; `rank` counts from 1 over both.
    pub candidates: Vec<Candidate>,
    pub excluded: Vec<Excluded>,
    pub todos: Vec<TodoOut>,
    pub what_ifs: Vec<WhatIfOut>,
    /// Facts the organisation verified that contradict the catalogue.
    pub conflicts: Vec<ConflictOut>,
    pub decision: Option<DecisionOut>,
}

#[derive(Serialize)]
pub struct Candidate {
    pub id: String,
    pub rank: usize,
    /// `"confirmed"`: every hard requirement is met; `"unconfirmed"`: some rest on facts nobody
    /// has confirmed yet (a fit if confirmed).
    pub tier: &'static str,
    /// Ids of the hard requirements still to be confirmed.
    pub unconfirmed: Vec<&'static str>,
    /// The facts to ask the provider about, by field id.
    pub ask_provider: Vec<String>,
    pub score: i32,
    pub red_light: bool,
}

#[derive(Serialize)]
pub struct Excluded {
    pub id: String,
    /// Ids of the hard requirements not met.
    pub reasons: Vec<&'static str>,
}

#[derive(Serialize)]
pub struct TodoOut {
    pub id: &'static str,
    pub precondition: bool,
    /// Why it applies (reason ids).
    pub causes: Vec<&'static str>,
    /// For "ask the provider" before the decision: the offerings whose facts are open.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub offerings: Vec<String>,
    /// The facts it asks about or rests on, by field id.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<String>,
    /// `"open"`, `"done"`, `"not_applicable"`, or `"no_longer_applies"`.
    pub status: &'static str,
}

#[derive(Serialize)]
pub struct WhatIfOut {
    pub answer: &'static str,
    pub relaxed_to: String,
    pub brings_back: Vec<String>,
}

#[derive(Serialize)]
pub struct ConflictOut {
    pub offering: String,
    pub fact: String,
}

#[derive(Serialize)]
pub struct DecisionOut {
    pub chosen: String,
    pub runner_up: Option<String>,
    /// `"proposed"`, `"accepted"`, `"rejected"` or `"superseded"`.
    pub status: &'static str,
    /// The chosen offering's tier when the decision was taken (`"excluded"` when it was chosen
    /// over its knock-outs).
    pub tier: &'static str,
    /// Hard requirements of the chosen offering nobody has confirmed yet.
    pub open_confirmations: Vec<&'static str>,
    /// Preconditions of use still open (to-do ids).
    pub open_preconditions: Vec<&'static str>,
    pub ready_for_use: bool,
    /// The chosen offering was excluded and chosen with a written reason.
    pub overridden: bool,
    /// Answers changed after the decision: it must be confirmed again.
    pub to_be_confirmed: bool,
}

fn candidate(rank: usize, e: &Evaluation) -> Candidate {
    let mut ask: Vec<String> =
        e.unconfirmed.iter().flat_map(|u| u.facts.iter().map(|f| f.id())).collect();
    ask.sort();
    ask.dedup();
    Candidate {
        id: e.offering.clone(),
        rank,
        tier: e.tier().id(),
        unconfirmed: e.unconfirmed.iter().map(|u| u.rule.id()).collect(),
        ask_provider: ask,
        score: e.score,
        red_light: e.has_red(),
    }
}

fn todo_out(a: &Assessment, todo: &Todo) -> TodoOut {
    let item = a.checklist.get(&todo.id);
    let status = match item {
        Some(i) if i.no_longer_applies_since.is_some() => "no_longer_applies",
        Some(i) => match i.status {
            TodoStatus::Open => "open",
            TodoStatus::InProgress => "in_progress",
            TodoStatus::Done => "done",
            TodoStatus::NotApplicable => "not_applicable",
        },
        None => "open",
    };
    let mut facts: Vec<String> =
        todo.why.iter().flat_map(|c| c.facts.iter().map(|f| f.id())).collect();
    facts.sort();
    facts.dedup();
    // Each reason once, in order (one question per fit if confirmed shares one reason).
    let mut causes: Vec<&'static str> = Vec::new();
    for c in &todo.why {
        if !causes.contains(&c.reason.id()) {
            causes.push(c.reason.id());
        }
    }
    TodoOut {
        id: todo.id.id(),
        precondition: todo.precondition,
        causes,
        offerings: todo.why.iter().filter_map(|c| c.offering.clone()).collect(),
        facts,
        status,
    }
}

/// The outcome of `loaded` against `catalog` as of `today`.
pub fn outcome(catalog: &Catalog, loaded: &Loaded, today: Date) -> Outcome {
    let a = &loaded.assessment;
    let proof = evidence::of_assessment(a);
    let effective = evidence::effective_catalog(catalog, &proof);
    let list = narrowing::narrow(&effective, &a.scenario, today);
    let candidates =
        list.ranked.iter().enumerate().map(|(i, e)| candidate(i + 1, e)).collect::<Vec<_>>();
    let excluded = list
        .excluded
        .iter()
        .map(|e| Excluded {
            id: e.offering.clone(),
            reasons: e.knockouts.iter().map(|k| k.rule.id()).collect(),
        })
        .collect();
    let what_ifs = list
        .what_ifs
        .iter()
        .map(|w| WhatIfOut {
            answer: w.answer.id(),
            relaxed_to: w.relaxed_to.id(),
            brings_back: w.brings_back.clone(),
        })
        .collect();
    let conflicts = evidence::conflicts(catalog, &proof)
        .into_iter()
        .map(|c| ConflictOut { offering: c.offering, fact: c.field.id() })
        .collect();
    let (todos, decision) = match (&a.decision, decision::readiness(a, catalog, today)) {
        (Some(d), Some(state)) => {
            let todos = state.todos.iter().map(|t| todo_out(a, t)).collect();
            let out = DecisionOut {
                chosen: d.chosen.clone(),
                runner_up: d.runner_up.clone(),
                status: a.status.as_ref().map_or("proposed", |s| s.status.id()),
                tier: state.tier_when_taken.map_or("excluded", |t| t.id()),
                open_confirmations: state.open_confirmations.iter().map(|r| r.id()).collect(),
                open_preconditions: state.open_preconditions.iter().map(|t| t.id()).collect(),
                ready_for_use: state.ready_for_use(),
                overridden: d.override_.is_some(),
                to_be_confirmed: d.to_be_confirmed,
            };
            (todos, Some(out))
        }
        _ => {
            let list = todos::before_decision(&a.scenario, &list);
            (list.iter().map(|t| todo_out(a, t)).collect(), None)
        }
    };
    Outcome {
        name: loaded.name(),
        title: a.meta.title.clone(),
        catalog_edition: catalog.edition.clone(),
        candidates,
        excluded,
        todos,
        what_ifs,
        conflicts,
        decision,
    }
}

/// The outcome as pretty-printed JSON with a final newline. Control characters that JSON lets
/// through unescaped (DEL and the C1 range) are escaped too: user text must not steer a terminal.
pub fn to_json(outcome: &Outcome) -> String {
    let text = serde_json::to_string_pretty(outcome).unwrap_or_else(|_| "{}".to_string());
    let mut out = String::with_capacity(text.len() + 1);
    for c in text.chars() {
        if ('\u{7f}'..='\u{9f}').contains(&c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out.push('\n');
    out
}
