//! One keystroke's work: narrowing (with what-ifs and stale facts) plus the to-dos for the
//! top-ranked offering, on the real catalogue and on 10 000 synthetic offerings made by varying
//! the real ones.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use jiff::civil::Date;
use meetcheck::domain::catalog::{Catalog, parse};
use meetcheck::domain::facts::{Certainty, Fact};
use meetcheck::domain::narrowing::narrow;
use meetcheck::domain::scenario::{
    DataCategory, OrgType, Participant, Purpose, Scenario, TransferStance,
};
use meetcheck::domain::todos::todos;

const TODAY: Date = Date::constant(2026, 11, 29);

fn real() -> Catalog {
    parse(meetcheck::commands::EMBEDDED_CATALOG).expect("embedded catalogue parses")
}

/// 10 000 offerings: the real ones, renamed, with limits and locations varied so that the
/// knock-outs and lights spread like in a large catalogue.
fn synthetic(base: &Catalog) -> Catalog {
    let mut c = base.clone();
    c.offerings.clear();
    let countries = ["DE", "FR", "CH", "US", "IN", "NL"];
    for i in 0..10_000 {
        let mut o = base.offerings[i % base.offerings.len()].clone();
        o.id = format!("{}-{i}", o.id);
        o.name.de = format!("{} {i}", o.name.de);
        o.name.en = format!("{} {i}", o.name.en);
        if i % 3 == 0 {
            o.max_participants =
                Fact::known(10 + (i as u32 * 7) % 500, "synthetic", "2025-06", Certainty::Vendor);
        }
        if i % 5 == 0 && o.processing_locations.is_known() {
            o.processing_locations = Fact::known(
                vec![countries[i % countries.len()].to_string()],
                "synthetic",
                "2023-01",
                Certainty::Vendor,
            );
        }
        c.offerings.push(o);
    }
    c
}

/// A demanding scenario: counselling with E2EE, no installs, a stance that knocks out many.
fn scenario() -> Scenario {
    Scenario {
        org_type: OrgType::SocialService,
        social_data: Some(true),
        purposes: [Purpose::Counselling].into(),
        participants: [Participant::VulnerableClients, Participant::Staff].into(),
        data: [DataCategory::SpecialCategories].into(),
        largest_meeting: 20,
        install_possible: false,
        transfer_stance: TransferStance::Adequacy,
        ..Scenario::default()
    }
}

fn keystroke(c: &Catalog, s: &Scenario) -> usize {
    let list = narrow(c, s, TODAY);
    let top = list.ranked.first().and_then(|e| c.offering(&e.offering));
    list.ranked.len() + todos(s, top).len()
}

fn bench(cr: &mut Criterion) {
    let real = real();
    let synthetic = synthetic(&real);
    let s = scenario();
    let default = Scenario::default();
    cr.bench_function("keystroke/real catalogue/counselling", |b| {
        b.iter(|| keystroke(black_box(&real), black_box(&s)))
    });
    cr.bench_function("keystroke/real catalogue/default", |b| {
        b.iter(|| keystroke(black_box(&real), black_box(&default)))
    });
    cr.bench_function("keystroke/10000 synthetic/counselling", |b| {
        b.iter(|| keystroke(black_box(&synthetic), black_box(&s)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
