//! `meetcheck recheck [--due]`: every saved decision against today's catalogue. It lists the
//! facts a decision rests on that the catalogue now states differently or that have gone stale,
//! and the review dates that are due. It only reads: no decision is ever changed by it.

use crate::i18n::k;
use std::io::Write;
use std::process::ExitCode;

use anyhow::{Result, anyhow};
use jiff::civil::Date;

use super::Context;
use super::show::{snapshot_changes, stale_facts};
use crate::cli;
use crate::describe;
use crate::domain::assessment::{Assessment, Decision};
use crate::domain::catalog::Catalog;
use crate::i18n::Texts;
use crate::store::Store;

pub fn run(ctx: &Context, due_only: bool) -> Result<ExitCode> {
    let store = Store::new(ctx.saves_dir()?);
    let entries = store.list().map_err(|e| anyhow!(e.message(&ctx.texts)))?;
    let catalog = ctx.catalog()?;
    let today = jiff::ZonedDateTime::now().date();
    let texts = &ctx.texts;
    let mut out = std::io::stdout().lock();
    let mut shown = 0;
    let mut decided = 0;
    for entry in &entries {
        let loaded = match &entry.loaded {
            Ok(loaded) => loaded,
            Err(err) => {
                cli::report(&err.message(texts));
                continue;
            }
        };
        let a = &loaded.assessment;
        let Some(decision) = &a.decision else { continue };
        decided += 1;
        let due = review_due(a, today);
        if due_only && !due {
            continue;
        }
        shown += 1;
        writeln!(out, "{}", heading(texts, &entry.name, a, decision, &catalog))?;
        for line in findings(texts, &catalog, a, decision, today) {
            writeln!(out, "  • {line}")?;
        }
        writeln!(out)?;
    }
    let count = |n: usize| n.to_string();
    let summary = if due_only {
        texts.fmt(k::RECHECK_SUMMARY_DUE, &[("due", &count(shown)), ("decided", &count(decided))])
    } else {
        texts.fmt(k::RECHECK_SUMMARY, &[("decided", &count(decided))])
    };
    writeln!(out, "{summary}")?;
    Ok(ExitCode::SUCCESS)
}

/// The review date has come (or no review date was ever set for a decision).
pub fn review_due(a: &Assessment, today: Date) -> bool {
    a.review_by.is_none_or(|date| date <= today)
}

/// "NAME – title: chosen Jitsi Meet (NETWAYS), decided on 2026-09-22, review by 2027-09-22".
fn heading(texts: &Texts, name: &str, a: &Assessment, d: &Decision, catalog: &Catalog) -> String {
    let review = match a.review_by {
        Some(date) => date.to_string(),
        None => texts.get(k::RECHECK_NO_REVIEW_DATE).to_string(),
    };
    texts.fmt(
        k::RECHECK_HEADING,
        &[
            ("name", name),
            ("title", &a.meta.title),
            ("chosen", &describe::offering_name(texts, catalog, &d.chosen)),
            ("taken_on", &d.snapshot.taken_on.to_string()),
            ("review", &review),
        ],
    )
}

/// What has changed or aged under one decision, each in one sentence; a line saying so when
/// nothing has.
pub fn findings(
    texts: &Texts,
    catalog: &Catalog,
    a: &Assessment,
    decision: &Decision,
    today: Date,
) -> Vec<String> {
    let mut lines = Vec::new();
    if review_due(a, today) {
        lines.push(match a.review_by {
            Some(date) => texts.fmt(k::RECHECK_REVIEW_DUE, &[("date", &date.to_string())]),
            None => texts.get(k::RECHECK_REVIEW_UNSET).to_string(),
        });
    }
    lines.extend(
        snapshot_changes(decision, catalog, today)
            .iter()
            .map(|c| describe::snapshot_change(texts, catalog, decision, c)),
    );
    for stale in stale_facts(decision, catalog, today) {
        let Some(offering) = decision.snapshot.offerings.iter().find(|o| o.id == stale.offering)
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
    if lines.is_empty() {
        lines.push(texts.get(k::RECHECK_UNCHANGED).to_string());
    }
    lines
}
