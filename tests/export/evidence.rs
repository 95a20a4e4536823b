//! The organisation's own evidence (a processing agreement naming the operator and where it
//! processes) in the documents: the notice and the record of processing state it instead of a
//! placeholder, also when it was recorded after the decision; a record decided with it shows it
//! as the organisation's evidence with the document among the sources; no key reaches a reader.

use meetcheck::domain::assessment::Assessment;
use meetcheck::domain::catalog::Entity;
use meetcheck::domain::decision;
use meetcheck::domain::evidence::{Evidence, EvidenceFact};
use meetcheck::export::Kind;
use meetcheck::i18n::Lang;

use super::examples::{TODAY, embedded_catalog, example_saves, render};
use super::lint::lint;
use super::parse::body;

const DOCUMENT: &str = "AV-Vertrag Nr. 2026-041, Anlage 2";

fn counselling() -> Assessment {
    let (_, a) = example_saves()
        .into_iter()
        .find(|(stem, _)| stem.ends_with("bst001"))
        .expect("the counselling example");
    assert_eq!(a.decision.as_ref().unwrap().chosen, "jitsi-netways");
    a
}

fn netways_evidence() -> Vec<Evidence> {
    let piece = |fact| Evidence {
        offering: "jitsi-netways".into(),
        fact,
        document: DOCUMENT.into(),
        date: jiff::civil::Date::constant(2026, 11, 10),
        checked_by: "Tim Okafor".into(),
    };
    vec![
        piece(EvidenceFact::Operator(Entity {
            name: "NETWAYS Web Services GmbH".into(),
            country: "DE".into(),
        })),
        piece(EvidenceFact::ProcessingLocations(vec!["DE".into()])),
        piece(EvidenceFact::SubprocessorLocations(vec!["DE".into()])),
    ]
}

fn no_key_reaches_the_reader(doc: &str, what: &str) {
    let key = doc
        .match_indices("evidence:")
        .any(|(i, m)| doc[i + m.len()..].starts_with(|c: char| c.is_ascii_digit()));
    assert!(!key, "{what}: a source key\n{doc}");
    assert!(!body(doc).contains("jitsi-netways"), "{what}: an offering id\n{doc}");
    let problems = lint(doc);
    assert!(problems.is_empty(), "{what}:\n{}", problems.join("\n"));
}

fn states_the_operator_and_where_it_processes(a: &Assessment, what: &str) {
    let catalog = embedded_catalog();
    for kind in [Kind::Notice, Kind::Ropa] {
        let de = render(kind, a, &catalog, Lang::De, false);
        no_key_reaches_the_reader(&de, what);
        assert!(
            de.contains("NETWAYS Web Services GmbH mit Sitz in Deutschland"),
            "{what} {kind:?}\n{de}"
        );
        assert!(
            !de.contains("Name und Sitz des Betreibers"),
            "{what} {kind:?}: no placeholder\n{de}"
        );
        assert!(
            !de.contains("Orte der Verarbeitung und der Unterauftragsverarbeiter laut"),
            "{what} {kind:?}\n{de}"
        );
        let en = render(kind, a, &catalog, Lang::En, false);
        no_key_reaches_the_reader(&en, what);
        assert!(
            en.contains("NETWAYS Web Services GmbH, seated in Germany"),
            "{what} {kind:?}\n{en}"
        );
    }
}

#[test]
fn evidence_recorded_after_the_decision_fills_the_notice_and_the_record_of_processing() {
    let before = counselling();
    let catalog = embedded_catalog();
    let notice = render(Kind::Notice, &before, &catalog, Lang::De, false);
    assert!(notice.contains("Name und Sitz des Betreibers"), "the catalogue does not know it");
    let mut a = before.clone();
    a.evidence = netways_evidence();
    states_the_operator_and_where_it_processes(&a, "after the decision");
    // The record keeps what the decision rested on.
    for lang in [Lang::De, Lang::En] {
        let record = render(Kind::Record, &a, &catalog, lang, false);
        no_key_reaches_the_reader(&record, "record");
        assert_eq!(record, render(Kind::Record, &before, &catalog, lang, false));
    }
}

#[test]
fn evidence_before_a_pending_decision_fills_the_notice() {
    let mut a = counselling();
    a.decision = None;
    a.status = None;
    a.evidence = netways_evidence();
    states_the_operator_and_where_it_processes(&a, "pending");
}

#[test]
fn a_record_decided_with_evidence_shows_it_as_the_organisations_own() {
    let catalog = embedded_catalog();
    let mut a = counselling();
    a.evidence = netways_evidence();
    decision::take(&mut a, &catalog, TODAY).unwrap();
    assert_eq!(a.decision.as_ref().unwrap().snapshot.evidence.len(), 4, "three and the DPA");
    states_the_operator_and_where_it_processes(&a, "decided with it");
    let de = render(Kind::Record, &a, &catalog, Lang::De, false);
    no_key_reaches_the_reader(&de, "record de");
    assert!(de.contains("NETWAYS Web Services GmbH"), "{de}");
    assert!(de.contains("eigener Nachweis der Organisation"), "{de}");
    assert!(de.contains(&format!("Nachweis der Organisation: {DOCUMENT}")), "{de}");
    let decided = de.split("\n## Entscheidung\n").nth(1).unwrap();
    let because = decided.lines().find(|l| l.starts_with("Gewählte Option")).unwrap();
    assert!(!because.contains("Verarbeitungsorte"), "now evidenced: {because}");
    let en = render(Kind::Record, &a, &catalog, Lang::En, false);
    no_key_reaches_the_reader(&en, "record en");
    if let Ok(dir) = std::env::var("MEETCHECK_EXPORT_DUMP") {
        for (name, doc) in [
            ("evidence-record-de", de.clone()),
            ("evidence-record-en", en.clone()),
            ("evidence-notice-de", render(Kind::Notice, &a, &catalog, Lang::De, false)),
            ("evidence-ropa-en", render(Kind::Ropa, &a, &catalog, Lang::En, false)),
        ] {
            std::fs::write(std::path::Path::new(&dir).join(format!("{name}.md")), doc).unwrap();
        }
    }
    assert!(en.contains(&format!("The organisation's own evidence: {DOCUMENT}")), "{en}");
}
