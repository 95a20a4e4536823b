//! What today's catalogue changes compared with a decision's snapshot, and which facts the
//! decision rests on have gone stale since. Structured values; `show` puts them into words.

use jiff::civil::Date;

use crate::assessment::Decision;
use crate::catalog::{Catalog, Offering};
use crate::narrowing::{self, FactField, KnockOut, StaleFact};

/// One difference between the snapshot and today's catalogue.
#[derive(Clone, Debug, PartialEq)]
pub enum SnapshotChange {
    /// The catalogue is a different edition now.
    Edition { then: String, now: String },
    /// A fact of a named offering (chosen or runner-up) has another value or source now.
    Fact { offering: String, field: FactField },
    /// Something else about the offering changed (notes, settings, authority positions).
    Details { offering: String },
    /// The chosen offering would be knocked out by today's catalogue.
    NowExcluded { offering: String, knockouts: Vec<KnockOut> },
    /// Offerings that pass every knock-out today but were not on the shortlist then.
    NewCandidates { offerings: Vec<String> },
}

/// The offerings the decision names that today's catalogue also has, paired then/now.
pub fn named_offerings<'a>(
    decision: &'a Decision,
    catalog: &'a Catalog,
) -> Vec<(&'a Offering, &'a Offering)> {
    std::iter::once(&decision.chosen)
        .chain(decision.runner_up.as_ref())
        .filter_map(|id| {
            let then = decision.snapshot.offerings.iter().find(|o| &o.id == id)?;
            Some((then, catalog.offering(id)?))
        })
        .collect()
}

/// Compares the snapshot with `catalog` for the snapshot's own scenario.
pub fn snapshot_changes(
    decision: &Decision,
    catalog: &Catalog,
    today: Date,
) -> Vec<SnapshotChange> {
    let snapshot = &decision.snapshot;
    // The snapshot holds the offerings with the organisation's evidence applied: compare like
    // with like, so that evidence is never reported as a change of the catalogue.
    let catalog = &*crate::evidence::effective_catalog(catalog, &snapshot.evidence);
    let mut changes = Vec::new();
    if snapshot.catalog_edition != catalog.edition {
        changes.push(SnapshotChange::Edition {
            then: snapshot.catalog_edition.clone(),
            now: catalog.edition.clone(),
        });
    }
    for (then, now) in named_offerings(decision, catalog) {
        if then == now {
            continue;
        }
        let fields: Vec<FactField> =
            FactField::all().into_iter().filter(|f| !then.fact(*f).same_as(now.fact(*f))).collect();
        if fields.is_empty() {
            changes.push(SnapshotChange::Details { offering: now.id.clone() });
        }
        changes.extend(
            fields
                .into_iter()
                .map(|field| SnapshotChange::Fact { offering: now.id.clone(), field }),
        );
    }
    let today_list = narrowing::narrow(catalog, &snapshot.scenario, today);
    if let Some(evaluation) = today_list.evaluation(&decision.chosen)
        && evaluation.excluded()
    {
        changes.push(SnapshotChange::NowExcluded {
            offering: decision.chosen.clone(),
            knockouts: evaluation.knockouts.clone(),
        });
    }
    let new: Vec<String> = today_list
        .ranked
        .iter()
        .map(|e| e.offering.clone())
        .filter(|id| snapshot.shortlist.ranked.iter().all(|e| &e.offering != id))
        .collect();
    if !new.is_empty() {
        changes.push(SnapshotChange::NewCandidates { offerings: new });
    }
    changes
}

/// Stale facts the decision rests on, as of `today`: the snapshot narrowed again, limited to
/// the offerings the decision names.
pub fn stale_facts(decision: &Decision, current: &Catalog, today: Date) -> Vec<StaleFact> {
    let snapshot = &decision.snapshot;
    let then = snapshot_catalog(decision, current);
    let named = |id: &String| id == &decision.chosen || decision.runner_up.as_ref() == Some(id);
    narrowing::narrow(&then, &snapshot.scenario, today)
        .stale
        .into_iter()
        .filter(|s| named(&s.offering))
        .collect()
}

/// The catalogue as the snapshot recorded it (its offerings and sources).
pub fn snapshot_catalog(decision: &Decision, current: &Catalog) -> Catalog {
    let snapshot = &decision.snapshot;
    Catalog {
        schema: snapshot.schema,
        edition: snapshot.catalog_edition.clone(),
        sources: snapshot.sources.clone(),
        // The snapshot does not keep the adequacy list; today's is the best available.
        adequacy: current.adequacy.clone(),
        offerings: snapshot.offerings.clone(),
    }
}
