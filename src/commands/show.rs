//! `meetcheck show NAME|PATH`: a plain-text summary of one assessment with its warnings.
//! Exit 1 only when no copy loads; a fallback to the backup is exit 0 with a loud warning.

use crate::i18n::{Key, k};
use std::io::Write;
use std::process::ExitCode;

use anyhow::{Result, anyhow};
use jiff::civil::Date;

pub use crate::domain::changes::{SnapshotChange, snapshot_changes, stale_facts};

use super::Context;
use crate::cli;
use crate::describe;
use crate::domain::assessment::{Assessment, Decision};
use crate::domain::catalog::Catalog;
use crate::domain::decision;
use crate::domain::evidence::{self, Evidence};
use crate::domain::narrowing::{self, AnswerId, Shortlist, Tier};
use crate::domain::scenario::Step;
use crate::domain::todos::{self, TodoId};
use crate::i18n::Texts;
use crate::store::{Loaded, Store};
use crate::terminal_text::for_terminal;

/// The answers a summary shows (the rest are in the decision record).
const MAIN_ANSWERS: [AnswerId; 15] = [
    AnswerId::OrgType,
    AnswerId::PublicBody,
    AnswerId::Regime,
    AnswerId::Bundesland,
    AnswerId::Purposes,
    AnswerId::Participants,
    AnswerId::Size,
    AnswerId::Data,
    AnswerId::ProtectionNeed,
    AnswerId::E2eeRequired,
    AnswerId::Representation,
    AnswerId::TransferStance,
    AnswerId::Hosting,
    AnswerId::Browsers,
    AnswerId::RequiredFeatures,
];

pub fn run(ctx: &Context, target: &str, json: bool) -> Result<ExitCode> {
    let store = Store::new(ctx.saves_dir()?);
    let mut loaded = store.inspect(target).map_err(|e| anyhow!(e.message(&ctx.texts)))?;
    let catalog = ctx.catalog()?;
    loaded.check_catalog(&catalog);
    let today = jiff::ZonedDateTime::now().date();
    for warning in loaded.warnings.iter().filter(|w| w.is_loud()) {
        cli::report(&warning.message(&ctx.texts));
    }
    // The save may come from anywhere: nothing in it may steer the terminal.
    let text = if json {
        super::show_json::to_json(&super::show_json::outcome(&catalog, &loaded, today))
    } else {
        for_terminal(&summary(&ctx.texts, &catalog, &loaded, today)).into_owned()
    };
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The whole summary as text (one function so that tests can check it without a process).
pub fn summary(texts: &Texts, catalog: &Catalog, loaded: &Loaded, today: Date) -> String {
    let a = &loaded.assessment;
    let mut out = Out::default();
    out.line(&a.meta.title);
    match (loaded.name(), &loaded.path) {
        (Some(name), _) => out.field(texts, k::SHOW_NAME, &name),
        (None, Some(path)) => {
            out.line(&texts.fmt(k::SHOW_FILE_READ_ONLY, &[("file", &path.display().to_string())]))
        }
        (None, None) => {}
    }
    meta(texts, a, &mut out);
    answers(texts, a, &mut out);
    // Everything below reads the catalogue with the organisation's own evidence applied.
    let proof = evidence::of_assessment(a);
    let effective = evidence::effective_catalog(catalog, &proof);
    match &a.decision {
        Some(d) => {
            decision_section(texts, catalog, a, d, &mut out);
            readiness_section(texts, &effective, a, today, &mut out);
        }
        None => {
            let list = narrowing::narrow(&effective, &a.scenario, today);
            shortlist_section(texts, &effective, &list, &mut out);
            before_decision(texts, &effective, a, &list, &mut out);
        }
    }
    evidence_section(texts, catalog, &effective, &proof, &mut out);
    draft_section(texts, catalog, a, &mut out);
    warnings(texts, catalog, loaded, today, &mut out);
    out.text
}

#[derive(Default)]
struct Out {
    text: String,
}

impl Out {
    fn line(&mut self, line: &str) {
        self.text.push_str(line);
        self.text.push('\n');
    }

    fn heading(&mut self, texts: &Texts, key: Key) {
        self.text.push('\n');
        self.line(&format!("== {} ==", texts.get(key)));
    }

    fn field(&mut self, texts: &Texts, key: Key, value: &str) {
        if value.trim().is_empty() {
            return;
        }
        // Continuation lines of a multi-line value are indented under it.
        let value = value.trim_end().replace('\n', "\n    ");
        self.line(&format!("{}: {value}", texts.get(key)));
    }

    fn bullet(&mut self, text: &str) {
        self.line(&format!("- {}", text.trim_end().replace('\n', "\n  ")));
    }
}

fn meta(texts: &Texts, a: &Assessment, out: &mut Out) {
    let m = &a.meta;
    out.heading(texts, k::SHOW_HEADING_META);
    out.field(texts, k::SHOW_META_ORGANISATION, &m.organisation);
    out.field(texts, k::SHOW_META_CONTROLLER, &m.controller);
    out.field(texts, k::SHOW_META_DPO, &m.dpo_contact);
    out.field(texts, k::SHOW_META_ASSESSORS, &m.assessors);
    // One name per line: a name may hold commas or semicolons of its own.
    out.field(texts, k::SHOW_META_DECISION_MAKERS, &m.decision_makers.join("\n"));
    out.field(texts, k::SHOW_META_CONSULTED, &m.consulted.join("\n"));
    out.field(texts, k::SHOW_META_INFORMED, &m.informed.join("\n"));
    out.field(texts, k::SHOW_META_CREATED, &m.created.strftime("%Y-%m-%d %H:%M UTC").to_string());
    out.field(texts, k::SHOW_META_UPDATED, &m.updated.strftime("%Y-%m-%d %H:%M UTC").to_string());
    let step = texts.fmt(
        k::SHOW_STEP,
        &[
            ("n", &a.step.number().to_string()),
            ("total", &Step::ALL.len().to_string()),
            ("step", texts.by_name(&a.step.key())),
        ],
    );
    out.field(texts, k::SHOW_META_STEP, &step);
    out.field(texts, k::SHOW_META_EDITION, &a.catalog_edition);
    if let Some(review_by) = a.review_by {
        out.field(texts, k::SHOW_META_REVIEW_BY, &review_by.to_string());
    }
}

fn answers(texts: &Texts, a: &Assessment, out: &mut Out) {
    out.heading(texts, k::SHOW_HEADING_ANSWERS);
    for answer in MAIN_ANSWERS {
        let value = describe::answer_value(texts, &a.scenario, answer);
        out.line(&format!("{}: {value}", describe::answer_label(texts, answer)));
    }
    if let Some(authority) = describe::competent_authority(texts, &a.scenario) {
        out.field(texts, k::SHOW_AUTHORITY, &authority);
    }
}

fn name_of(texts: &Texts, catalog: &Catalog, decision: &Decision, id: &str) -> String {
    describe::decided_offering_name(texts, catalog, decision, id)
}

fn decision_section(texts: &Texts, catalog: &Catalog, a: &Assessment, d: &Decision, out: &mut Out) {
    out.heading(texts, k::SHOW_HEADING_DECISION);
    out.field(texts, k::SHOW_DECISION_CHOSEN, &name_of(texts, catalog, d, &d.chosen));
    if let Some(runner_up) = &d.runner_up {
        out.field(texts, k::SHOW_DECISION_RUNNER_UP, &name_of(texts, catalog, d, runner_up));
    }
    out.field(texts, k::SHOW_DECISION_RATIONALE, &d.rationale);
    if let Some(o) = &d.override_ {
        let text = texts
            .fmt(k::SHOW_DECISION_OVERRIDE, &[("reason", &o.reason), ("person", &o.accepted_by)]);
        out.line(&text);
    }
    match &a.status {
        Some(status) => {
            let value = texts.fmt(
                k::SHOW_DECISION_STATUS_VALUE,
                &[
                    ("status", texts.by_name(status.status.key())),
                    ("by", &status.by),
                    ("on", &status.on.to_string()),
                ],
            );
            out.field(texts, k::SHOW_DECISION_STATUS, &value);
        }
        None => out.field(texts, k::SHOW_DECISION_STATUS, texts.get(k::STATUS_PROPOSED)),
    }
    risk_owners(texts, a, out);
    let snapshot = &d.snapshot;
    out.line(&texts.fmt(
        k::SHOW_DECISION_BASIS,
        &[("date", &snapshot.taken_on.to_string()), ("edition", &snapshot.catalog_edition)],
    ));
    if d.to_be_confirmed {
        out.line(texts.get(k::SHOW_DECISION_TO_BE_CONFIRMED));
    }
}

/// Who accepted a risk: of choosing an excluded offering, of a lower protection need.
fn risk_owners(texts: &Texts, a: &Assessment, out: &mut Out) {
    let overridden = a.decision.as_ref().and_then(|d| d.override_.as_ref());
    let owners = [
        (overridden.map(|o| o.accepted_by.as_str()), k::SHOW_DECISION_RISK_OVERRIDE),
        (
            Some(a.scenario.protection_risk_accepted_by.as_str())
                .filter(|_| a.scenario.protection_lowered()),
            k::SHOW_DECISION_RISK_LOWERED,
        ),
    ];
    for (person, what) in owners {
        if let Some(person) = person.filter(|p| !p.trim().is_empty()) {
            let value = texts.fmt(
                k::SHOW_DECISION_RISK_OWNER_VALUE,
                &[("person", person), ("what", texts.get(what))],
            );
            out.field(texts, k::SHOW_DECISION_RISK_OWNER, &value);
        }
    }
}

/// A decision form left without taking it: named as a draft, never as the decision.
fn draft_section(texts: &Texts, catalog: &Catalog, a: &Assessment, out: &mut Out) {
    let Some(draft) = &a.draft else { return };
    out.heading(texts, k::SHOW_HEADING_DRAFT);
    let name = match &a.decision {
        Some(d) => name_of(texts, catalog, d, &draft.chosen),
        None => catalog
            .offering(&draft.chosen)
            .map_or(draft.chosen.clone(), |o| texts.pick(&o.name).to_string()),
    };
    out.line(&texts.fmt(
        k::SHOW_DRAFT_VALUE,
        &[("name", &name), ("status", texts.by_name(draft.status.key()))],
    ));
}

fn shortlist_section(texts: &Texts, catalog: &Catalog, list: &Shortlist, out: &mut Out) {
    out.heading(texts, k::SHOW_HEADING_SHORTLIST);
    out.line(&texts.count(
        k::SHOW_SHORTLIST_COUNT,
        list.confirmed().count(),
        &[
            ("confirmed", &list.confirmed().count().to_string()),
            ("unconfirmed", &list.unconfirmed().count().to_string()),
            ("total", &catalog.offerings.len().to_string()),
        ],
    ));
    for (rank, evaluation) in list.ranked.iter().enumerate() {
        let name = describe::offering_name(texts, catalog, &evaluation.offering);
        match evaluation.tier() {
            Tier::Confirmed => out.line(&format!("{}. {name}", rank + 1)),
            Tier::Unconfirmed => out.line(&format!(
                "{}. {name} — {}",
                rank + 1,
                describe::open_requirements(texts, &evaluation.unconfirmed)
            )),
        }
    }
    for what_if in &list.what_ifs {
        if !what_if.brings_back.is_empty() {
            out.bullet(&describe::what_if(texts, catalog, what_if));
        }
    }
}

/// Before the decision: the preconditions of use the answers already call for, and what the
/// providers of the fits if confirmed must confirm first.
fn before_decision(
    texts: &Texts,
    catalog: &Catalog,
    a: &Assessment,
    list: &Shortlist,
    out: &mut Out,
) {
    out.heading(texts, k::SHOW_HEADING_PRECONDITIONS);
    let todos = todos::before_decision(&a.scenario, list);
    out.line(texts.get(k::SHOW_READY_PENDING));
    for todo in todos.iter().filter(|t| t.precondition) {
        if todo.id == TodoId::AskProvider {
            for line in describe::todo_why_in(texts, &a.scenario, Some(catalog), todo) {
                out.bullet(&texts.fmt(k::SHOW_TODO_ASK, &[("question", &line)]));
            }
        } else {
            out.bullet(&describe::todo_title(texts, todo.id));
        }
    }
}

/// After the decision: whether it is ready for use, the preconditions still open and the
/// requirements of the chosen offering nobody has confirmed.
fn readiness_section(texts: &Texts, catalog: &Catalog, a: &Assessment, today: Date, out: &mut Out) {
    out.heading(texts, k::SHOW_HEADING_PRECONDITIONS);
    let Some(state) = decision::readiness(a, catalog, today) else { return };
    if state.ready_for_use() {
        out.line(texts.get(k::SHOW_READY_YES));
        return;
    }
    out.line(&texts.fmt(
        k::SHOW_READY_NO,
        &[
            ("count", &state.open_preconditions.len().to_string()),
            ("open", &state.open_confirmations.len().to_string()),
        ],
    ));
    if !state.open_confirmations.is_empty() {
        let names: Vec<String> =
            state.open_confirmations.iter().map(|r| describe::requirement(texts, *r)).collect();
        out.bullet(
            &texts.fmt(k::SHOW_DECISION_OPEN_CONFIRMATIONS, &[("requirements", &names.join(", "))]),
        );
    }
    for id in &state.open_preconditions {
        let mut line = describe::todo_title(texts, *id);
        if let Some(item) = a.checklist.get(id) {
            if !item.owner.trim().is_empty() {
                line = texts.fmt(k::SHOW_TODO_OWNER, &[("todo", &line), ("owner", &item.owner)]);
            }
            if let Some(due) = item.due {
                let key = if due < today { k::SHOW_TODO_OVERDUE } else { k::SHOW_TODO_DUE };
                line = texts.fmt(key, &[("todo", &line), ("date", &due.to_string())]);
            }
        }
        out.bullet(&line);
    }
}

/// The organisation's own evidence, and where it contradicts the catalogue.
fn evidence_section(
    texts: &Texts,
    catalog: &Catalog,
    effective: &Catalog,
    proof: &[Evidence],
    out: &mut Out,
) {
    if proof.is_empty() {
        return;
    }
    out.heading(texts, k::SHOW_HEADING_EVIDENCE);
    for e in proof {
        out.bullet(&describe::evidence(texts, effective, e));
    }
    for conflict in evidence::conflicts(catalog, proof) {
        out.bullet(&describe::conflict(
            texts,
            catalog,
            effective,
            &conflict,
            &proof[conflict.evidence],
        ));
    }
}

fn warnings(texts: &Texts, catalog: &Catalog, loaded: &Loaded, today: Date, out: &mut Out) {
    let a = &loaded.assessment;
    let mut lines: Vec<String> = Vec::new();
    let mut store_warnings: Vec<_> = loaded.warnings.iter().collect();
    store_warnings.sort_by_key(|w| !w.is_loud());
    lines.extend(store_warnings.iter().map(|w| w.message(texts)));
    if let Some(review_by) = a.review_by
        && review_by < today
    {
        lines.push(texts.fmt(k::SHOW_WARNING_REVIEW_PASSED, &[("date", &review_by.to_string())]));
    }
    if let Some(decision) = &a.decision {
        for stale in stale_facts(decision, catalog, today) {
            let Some(offering) =
                decision.snapshot.offerings.iter().find(|o| o.id == stale.offering)
            else {
                continue;
            };
            lines.push(texts.fmt(
                k::SHOW_WARNING_STALE,
                &[
                    ("offering", texts.pick(&offering.name)),
                    ("field", &describe::fact_label(texts, stale.field)),
                    ("fact", &describe::fact_value(texts, offering, stale.field)),
                    ("as_of", &stale.as_of.to_string()),
                ],
            ));
        }
        lines.extend(
            snapshot_changes(decision, catalog, today)
                .iter()
                .map(|c| describe::snapshot_change(texts, catalog, decision, c)),
        );
    }
    out.heading(texts, k::SHOW_HEADING_WARNINGS);
    if lines.is_empty() {
        out.line(texts.get(k::SHOW_WARNING_NONE));
    }
    for line in lines {
        out.bullet(&line);
    }
}
