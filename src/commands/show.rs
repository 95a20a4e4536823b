//! `meetcheck show NAME|PATH`: a plain-text summary of one assessment with its warnings.
//! Exit 1 only when no copy loads; a fallback to the backup is exit 0 with a loud warning.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Result, anyhow};
use jiff::civil::Date;

use crate::domain::changes;
pub use crate::domain::changes::{SnapshotChange, snapshot_changes, stale_facts};

use super::Context;
use crate::cli;
use crate::describe;
use crate::domain::assessment::{Assessment, Decision};
use crate::domain::catalog::{Catalog, Offering};
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
        (Some(name), _) => out.field(texts, "show.name", &name),
        (None, Some(path)) => {
            out.line(&texts.fmt("show.file_read_only", &[("file", &path.display().to_string())]))
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

    fn heading(&mut self, texts: &Texts, key: &str) {
        self.text.push('\n');
        self.line(&format!("== {} ==", texts.get(key)));
    }

    fn field(&mut self, texts: &Texts, key: &str, value: &str) {
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
    out.heading(texts, "show.heading.meta");
    out.field(texts, "show.meta.organisation", &m.organisation);
    out.field(texts, "show.meta.controller", &m.controller);
    out.field(texts, "show.meta.dpo", &m.dpo_contact);
    out.field(texts, "show.meta.assessors", &m.assessors);
    // One name per line: a name may hold commas or semicolons of its own.
    out.field(texts, "show.meta.decision_makers", &m.decision_makers.join("\n"));
    out.field(texts, "show.meta.consulted", &m.consulted.join("\n"));
    out.field(texts, "show.meta.informed", &m.informed.join("\n"));
    out.field(texts, "show.meta.created", &m.created.strftime("%Y-%m-%d %H:%M UTC").to_string());
    out.field(texts, "show.meta.updated", &m.updated.strftime("%Y-%m-%d %H:%M UTC").to_string());
    let step = texts.fmt(
        "show.step",
        &[
            ("n", &a.step.number().to_string()),
            ("total", &Step::ALL.len().to_string()),
            ("step", texts.get(&a.step.key())),
        ],
    );
    out.field(texts, "show.meta.step", &step);
    out.field(texts, "show.meta.edition", &a.catalog_edition);
    if let Some(review_by) = a.review_by {
        out.field(texts, "show.meta.review_by", &review_by.to_string());
    }
}

fn answers(texts: &Texts, a: &Assessment, out: &mut Out) {
    out.heading(texts, "show.heading.answers");
    for answer in MAIN_ANSWERS {
        let value = describe::answer_value(texts, &a.scenario, answer);
        out.line(&format!("{}: {value}", describe::answer_label(texts, answer)));
    }
    if let Some(authority) = describe::competent_authority(texts, &a.scenario) {
        out.field(texts, "show.authority", &authority);
    }
}

fn name_of(texts: &Texts, catalog: &Catalog, decision: &Decision, id: &str) -> String {
    decision.offering(Some(catalog), id).map_or(id.to_string(), |o| texts.pick(&o.name).to_string())
}

fn decision_section(texts: &Texts, catalog: &Catalog, a: &Assessment, d: &Decision, out: &mut Out) {
    out.heading(texts, "show.heading.decision");
    out.field(texts, "show.decision.chosen", &name_of(texts, catalog, d, &d.chosen));
    if let Some(runner_up) = &d.runner_up {
        out.field(texts, "show.decision.runner_up", &name_of(texts, catalog, d, runner_up));
    }
    out.field(texts, "show.decision.rationale", &d.rationale);
    if let Some(o) = &d.override_ {
        let text = texts
            .fmt("show.decision.override", &[("reason", &o.reason), ("person", &o.accepted_by)]);
        out.line(&text);
    }
    if let Some(status) = &a.status {
        let value = texts.fmt(
            "show.decision.status_value",
            &[
                ("status", texts.get(status.status.key())),
                ("by", &status.by),
                ("on", &status.on.to_string()),
            ],
        );
        out.field(texts, "show.decision.status", &value);
    }
    let snapshot = &d.snapshot;
    out.line(&texts.fmt(
        "show.decision.basis",
        &[("date", &snapshot.taken_on.to_string()), ("edition", &snapshot.catalog_edition)],
    ));
    if d.to_be_confirmed {
        out.line(texts.get("show.decision.to_be_confirmed"));
    }
}

fn shortlist_section(texts: &Texts, catalog: &Catalog, list: &Shortlist, out: &mut Out) {
    out.heading(texts, "show.heading.shortlist");
    out.line(&texts.fmt(
        "show.shortlist.count",
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
    out.heading(texts, "show.heading.preconditions");
    let todos = todos::before_decision(&a.scenario, list);
    out.line(texts.get("show.ready.pending"));
    for todo in todos.iter().filter(|t| t.precondition) {
        if todo.id == TodoId::AskProvider {
            for line in describe::todo_why_in(texts, &a.scenario, Some(catalog), todo) {
                out.bullet(&texts.fmt("show.todo.ask", &[("question", &line)]));
            }
        } else {
            out.bullet(&describe::todo_title(texts, todo.id));
        }
    }
}

/// After the decision: whether it is ready for use, the preconditions still open and the
/// requirements of the chosen offering nobody has confirmed.
fn readiness_section(texts: &Texts, catalog: &Catalog, a: &Assessment, today: Date, out: &mut Out) {
    out.heading(texts, "show.heading.preconditions");
    let Some(state) = decision::readiness(a, catalog, today) else { return };
    if state.ready_for_use() {
        out.line(texts.get("show.ready.yes"));
        return;
    }
    out.line(&texts.fmt(
        "show.ready.no",
        &[
            ("count", &state.open_preconditions.len().to_string()),
            ("open", &state.open_confirmations.len().to_string()),
        ],
    ));
    if !state.open_confirmations.is_empty() {
        let names: Vec<String> =
            state.open_confirmations.iter().map(|r| describe::requirement(texts, *r)).collect();
        out.bullet(
            &texts.fmt("show.decision.open_confirmations", &[("requirements", &names.join(", "))]),
        );
    }
    for id in &state.open_preconditions {
        let mut line = describe::todo_title(texts, *id);
        if let Some(item) = a.checklist.get(id) {
            if !item.owner.trim().is_empty() {
                line = texts.fmt("show.todo.owner", &[("todo", &line), ("owner", &item.owner)]);
            }
            if let Some(due) = item.due {
                let key = if due < today { "show.todo.overdue" } else { "show.todo.due" };
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
    out.heading(texts, "show.heading.evidence");
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
        lines.push(texts.fmt("show.warning.review_passed", &[("date", &review_by.to_string())]));
    }
    if let Some(decision) = &a.decision {
        for stale in stale_facts(decision, catalog, today) {
            let Some(offering) =
                decision.snapshot.offerings.iter().find(|o| o.id == stale.offering)
            else {
                continue;
            };
            lines.push(texts.fmt(
                "show.warning.stale",
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
                .map(|c| change(texts, catalog, decision, c)),
        );
    }
    out.heading(texts, "show.heading.warnings");
    if lines.is_empty() {
        out.line(texts.get("show.warning.none"));
    }
    for line in lines {
        out.bullet(&line);
    }
}

/// One difference between a decision's snapshot and today's catalogue, in words.
pub fn change(
    texts: &Texts,
    catalog: &Catalog,
    decision: &Decision,
    change: &SnapshotChange,
) -> String {
    match change {
        SnapshotChange::Edition { then, now } => {
            texts.fmt("show.change.edition", &[("then", then), ("now", now)])
        }
        SnapshotChange::Fact { offering, field } => {
            let pair = changes::named_offerings(decision, catalog)
                .into_iter()
                .find(|(_, now)| &now.id == offering);
            let Some((then, now)) = pair else { return offering.clone() };
            let mut old = describe::fact_value(texts, then, *field);
            let mut new = describe::fact_value(texts, now, *field);
            // Same value, other source or date: the source is what changed, so show it.
            if old == new {
                let recorded = changes::snapshot_catalog(decision, catalog);
                let source = |c: &Catalog, o: &Offering| describe::provenance(texts, c, o, *field);
                if let Some(p) = source(&recorded, then) {
                    old = format!("{old} ({p})");
                }
                if let Some(p) = source(catalog, now) {
                    new = format!("{new} ({p})");
                }
            }
            texts.fmt(
                "show.change.fact",
                &[
                    ("offering", texts.pick(&now.name)),
                    ("field", &describe::fact_label(texts, *field)),
                    ("then", &old),
                    ("now", &new),
                ],
            )
        }
        SnapshotChange::Details { offering } => texts.fmt(
            "show.change.details",
            &[("offering", &name_of(texts, catalog, decision, offering))],
        ),
        SnapshotChange::NowExcluded { offering, knockouts } => {
            let name = name_of(texts, catalog, decision, offering);
            let reasons: Vec<String> = match catalog.offering(offering) {
                Some(o) => knockouts.iter().map(|k| describe::knockout(texts, o, k)).collect(),
                None => Vec::new(),
            };
            texts.fmt(
                "show.change.now_excluded",
                &[("offering", &name), ("reasons", &reasons.join(" "))],
            )
        }
        SnapshotChange::NewCandidates { offerings } => {
            let names: Vec<String> =
                offerings.iter().map(|id| describe::offering_name(texts, catalog, id)).collect();
            texts.fmt("show.change.new_candidates", &[("offerings", &names.join(", "))])
        }
    }
}
