//! The participant notice (Art. 13) and the record of processing (Art. 30): every item, written
//! for its reader, placeholders instead of working notes.

use std::collections::BTreeSet;

use meetcheck::domain::scenario::{OrgType, Participant, Purpose};
use meetcheck::export::Kind;
use meetcheck::i18n::Lang;

use super::export_support::{decided, render};
use super::parse::{Block, blocks, get, headings, split, yaml};

fn heading_texts(doc: &str) -> Vec<String> {
    let (blocks, _) = blocks(split(doc).1);
    headings(&blocks).into_iter().map(|(_, t)| t).collect()
}

fn text_of(doc: &str) -> String {
    let (blocks, _) = blocks(split(doc).1);
    blocks.iter().map(Block::text).collect::<Vec<_>>().join("\n")
}

/// The hand-built assessment with the US online service chosen.
fn cloud() -> meetcheck::domain::assessment::Assessment {
    let mut a = decided();
    let d = a.decision.as_mut().unwrap();
    d.chosen = "example-cloud".into();
    d.runner_up = None;
    a
}

#[test]
fn the_notice_covers_every_item_of_article_13_in_order() {
    // Guests join on legitimate interests, so the right to object applies.
    let mut a = decided();
    a.decision.as_mut().unwrap().snapshot.scenario.participants.insert(Participant::Public);
    let doc = render(Kind::Notice, &a, Lang::En);
    let y = yaml(split(&doc).0);
    assert_eq!(
        get(&y, "title").as_str(),
        Some("Privacy notice for online meetings with Jitsi Meet, self-hosted")
    );
    let expected = [
        "Who is responsible for your data", // 13(1)(a)
        "Data protection officer",          // 13(1)(b)
        "What we process your data for, and on which legal basis", // 13(1)(c), (d)
        "Which data are processed",
        "Who receives your data",                            // 13(1)(e)
        "Transfers to countries outside the EU and the EEA", // 13(1)(f)
        "How long your data are kept",                       // 13(2)(a)
        "Your rights",                                       // 13(2)(b), (c)
        "Your right to object (Art. 21 GDPR)",               // Art. 21(4)
        "Complaints to a supervisory authority",             // 13(2)(d)
        "Do you have to provide your data?",                 // 13(2)(e)
        "Automated decisions",                               // 13(2)(f)
    ];
    assert_eq!(heading_texts(&doc), expected);
    let text = text_of(&doc);
    for needle in [
        "Beratungsstelle Nord e. V., Hafenstraße 1",
        "datenschutz@beratung-nord.example",
        "Art. 15 GDPR",
        "Art. 16 GDPR",
        "Art. 17 GDPR",
        "Art. 18 GDPR",
        "Art. 20 GDPR",
        "withdraw it at any time",
        "Art. 77 GDPR",
        "Hamburg",
        "Art. 22 GDPR",
        "Last updated: 29 November 2026",
    ] {
        assert!(text.contains(needle), "{needle} missing");
    }
}

#[test]
fn the_right_to_object_stands_apart_in_bold() {
    let mut a = decided();
    a.decision.as_mut().unwrap().snapshot.scenario.participants.insert(Participant::Public);
    let doc = render(Kind::Notice, &a, Lang::De);
    let part = doc.split("## Ihr Widerspruchsrecht (Art. 21 DSGVO)\n\n").nth(1).expect("a section");
    assert!(part.starts_with("**Sie haben das Recht, aus Gründen"), "{part}");
    assert!(part.contains("berechtigten Interessen"));
    let mut a = decided();
    a.decision.as_mut().unwrap().snapshot.scenario.public_body = Some(true);
    let public = render(Kind::Notice, &a, Lang::De);
    let none = render(Kind::Notice, &decided(), Lang::De);
    assert!(
        !none.contains("Widerspruchsrecht"),
        "staff and clients on contracts: no Art. 21 right"
    );
    assert!(public.contains(
        "Erfüllung unserer öffentlichen Aufgaben beruht (Art. 6 Abs. 1 UAbs. 1 lit. e DSGVO)"
    ));
}

#[test]
fn the_notice_gives_a_legal_basis_per_group_of_people() {
    let doc = render(Kind::Notice, &decided(), Lang::En);
    let text = text_of(&doc);
    assert!(text.contains(
        "Staff – Purpose: internal meetings and hosting meetings. Legal basis: Art. 6(1)(b) GDPR"
    ));
    assert!(text.contains("C-34/21"), "employees: the CJEU judgment is noted");
    assert!(text.contains("Clients seeking counselling – Purpose: counselling sessions."));
    assert!(text.contains("Art. 9(2) GDPR"), "special categories need a condition");
    assert!(
        text.contains("A works agreement under Art. 88 GDPR"),
        "a works council: a works agreement"
    );
    let mut a = decided();
    a.decision.as_mut().unwrap().snapshot.scenario.public_body = Some(true);
    let public = text_of(&render(Kind::Notice, &a, Lang::En));
    assert!(public.contains("Art. 6(1)(e) and (3) GDPR"));
    assert!(
        !public.contains("Art. 6(1)(f) GDPR."),
        "a public body never relies on legitimate interests"
    );
}

#[test]
fn pupils_get_a_plain_language_part_first() {
    let mut a = decided();
    let s = &mut a.decision.as_mut().unwrap().snapshot.scenario;
    s.org_type = OrgType::School;
    s.participants = BTreeSet::from([Participant::Pupils, Participant::Staff]);
    s.purposes = BTreeSet::from([Purpose::Teaching]);
    let doc = render(Kind::Notice, &a, Lang::De);
    let heads = heading_texts(&doc);
    assert_eq!(heads[0], "Kurz erklärt für Schülerinnen und Schüler");
    assert!(doc.contains("Du darfst Kamera und Mikrofon ausschalten"));
    assert!(
        doc.contains("Eltern und andere Erziehungsberechtigte"),
        "parents are a group at a school"
    );
    let company = render(Kind::Notice, &decided(), Lang::De);
    assert!(!company.contains("Kurz erklärt"));
}

#[test]
fn the_notice_holds_no_working_notes_sources_or_unknowns() {
    let catalog = super::export_support::catalog();
    for a in [decided(), cloud()] {
        for lang in [Lang::De, Lang::En] {
            let doc = render(Kind::Notice, &a, lang);
            let text = text_of(&doc).to_lowercase();
            for word in
                ["unknown", "unbekannt", "not documented", "nicht belegt", "undated", "undatiert"]
            {
                assert!(!text.contains(word), "{lang:?}: '{word}' in the notice");
            }
            for source in catalog.sources.values() {
                assert!(
                    !doc.contains(&source.title),
                    "{lang:?}: source '{}' in the notice",
                    source.title
                );
            }
            for o in &catalog.offerings {
                for note in o.notes.iter().chain(o.settings.iter()) {
                    assert!(!doc.contains(&note.de) && !doc.contains(&note.en));
                }
            }
        }
    }
}

#[test]
fn recipients_are_named_by_legal_name_and_seat_and_transfers_by_country_and_basis() {
    let doc = render(Kind::Notice, &cloud(), Lang::En);
    let text = text_of(&doc);
    assert!(text.contains("Example Meetings Inc., seated in the United States, who runs Example Meetings Cloud for us as our processor"), "{text}");
    assert!(text.contains("in the United States: the Commission's adequacy decision on the EU-US Data Privacy Framework (Implementing Decision (EU) 2023/1795)"), "{text}");
    assert!(text.contains("standard contractual clauses (Implementing Decision (EU) 2021/914)"));
    assert!(text.contains("in India: the Commission's standard contractual clauses"), "{text}");
    assert!(text.contains("You can obtain a copy of the standard contractual clauses"));
    let de = text_of(&render(Kind::Notice, &cloud(), Lang::De));
    assert!(de.contains("Example Meetings Inc. mit Sitz in den USA"), "{de}");
    assert!(de.contains(
        "in den USA: Angemessenheitsbeschluss der Kommission zum EU-US Data Privacy Framework"
    ));
    assert!(!de.contains("in US") && !de.contains("()"));
}

#[test]
fn a_self_operated_platform_asks_for_the_server_location() {
    let doc = render(Kind::Notice, &decided(), Lang::En);
    let text = text_of(&doc);
    assert!(text.contains("We run Jitsi Meet, self-hosted ourselves"));
    assert!(text.contains("The servers are located [[TO FILL IN: location of the servers"));
}

#[test]
fn the_record_of_processing_has_every_item_of_article_30_in_the_third_person() {
    for (lang, items, forbidden) in [
        (
            Lang::De,
            ["lit. a", "lit. b", "lit. c", "lit. c", "lit. d", "lit. e", "lit. f", "lit. g"],
            [" Sie ", " Ihre ", " Ihr ", " wir ", " unser"],
        ),
        (
            Lang::En,
            ["(1)(a)", "(1)(b)", "(1)(c)", "(1)(c)", "(1)(d)", "(1)(e)", "(1)(f)", "(1)(g)"],
            [" you ", " your ", " we ", " our ", " You "],
        ),
    ] {
        let doc = render(Kind::Ropa, &decided(), lang);
        let heads = heading_texts(&doc);
        for (head, item) in heads.iter().zip(items) {
            assert!(head.contains(item), "{lang:?}: {head} should cite {item}");
        }
        let text = format!(" {} ", text_of(&doc).replace('\n', " "));
        for word in forbidden {
            assert!(!text.contains(word), "{lang:?}: '{word}' in the record of processing");
        }
    }
}

#[test]
fn data_subjects_follow_the_groups_of_people() {
    let mut a = decided();
    let s = &mut a.decision.as_mut().unwrap().snapshot.scenario;
    s.purposes.insert(Purpose::JobInterviews);
    s.participants.insert(Participant::Public);
    let doc = render(Kind::Ropa, &a, Lang::De);
    let (blocks, _) = blocks(split(&doc).1);
    let subjects: Vec<&str> = super::parse::section(
        &blocks,
        "Kategorien betroffener Personen (Art. 30 Abs. 1 lit. c DSGVO)",
    )
    .iter()
    .map(|b| b.text())
    .collect();
    assert_eq!(
        subjects,
        [
            "Beschäftigte",
            "Bewerberinnen und Bewerber",
            "Ratsuchende",
            "Gäste ohne Vertragsbeziehung, z. B. Teilnehmende offener Veranstaltungen"
        ]
    );
    assert!(!doc.contains("Öffentlichkeit"));
}

#[test]
fn the_record_of_processing_describes_measures_from_catalogue_settings_and_evidence() {
    let doc = render(Kind::Ropa, &decided(), Lang::En);
    let text = text_of(&doc);
    assert!(text.contains("Run on own servers"));
    assert!(text.contains("End-to-end encryption of meeting content: off by default and, given the protection need, to be switched on for every meeting"));
    assert!(text.contains("Setting: Turn on the lobby for every room"));
    assert!(
        text.contains(
            "Carry out a data protection impact assessment: done (evidence: DSFA-2026-04)"
        ),
        "{text}"
    );
}

#[test]
fn placeholders_are_marked_and_escaped() {
    let mut a = decided();
    a.meta.controller.clear();
    for (lang, marker) in [(Lang::De, "[[BITTE ERGÄNZEN: "), (Lang::En, "[[TO FILL IN: ")] {
        for kind in [Kind::Notice, Kind::Ropa] {
            let doc = render(kind, &a, lang);
            let text = text_of(&doc);
            assert!(text.contains(marker), "{kind:?} {lang:?}: placeholders shown");
            let body = split(&doc).1;
            assert!(body.contains(r"\[\[") && !body.contains("[["), "placeholders escaped");
            assert!(!text.contains(&format!("{marker}]]")), "no empty placeholder");
        }
    }
}

#[test]
fn the_dsk_checklist_points_reach_the_record_and_the_record_of_processing() {
    use meetcheck::domain::assessment::{ChecklistItem, TodoStatus};
    use meetcheck::domain::todos::{TodoId, todos};
    let mut a = decided();
    let d = a.decision.as_mut().unwrap();
    let offering = d.snapshot.offerings.iter().find(|o| o.id == d.chosen).unwrap().clone();
    d.snapshot.todos = todos(&d.snapshot.scenario, Some(&offering));
    a.checklist.insert(
        TodoId::ModeratorRoles,
        ChecklistItem {
            status: TodoStatus::Done,
            evidence: "Dienstanweisung VK-1".into(),
            ..ChecklistItem::default()
        },
    );
    let record = render(Kind::Record, &a, Lang::De);
    for title in [
        "Meldeprozess für Datenpannen festlegen (Art. 33 und 34 DSGVO)",
        "Moderationsrollen und Gastzugang festlegen (Art. 32 DSGVO)",
        "Updates regelmäßig einspielen (Art. 32 DSGVO)",
        "Telemetrie und Diagnosedaten minimieren (Art. 25 DSGVO)",
        "Auf die Teilnahme von zu Hause vorbereiten (Art. 25 DSGVO)",
    ] {
        assert!(record.contains(&format!("* **{title}:** ")), "{title} missing from the record");
    }
    let ropa = text_of(&render(Kind::Ropa, &a, Lang::De));
    assert!(
        ropa.contains(
            "Links sind nicht dauerhaft offen (Umsetzung: erledigt, Nachweis Dienstanweisung VK-1)"
        ),
        "{ropa}"
    );
    assert!(ropa.contains("Datenpannen: Bewertung und Meldung binnen 72 Stunden"));
    assert!(ropa.contains("Teilnahme von zu Hause"));
    assert!(ropa.contains("Updates: Server, Apps und Browser werden zeitnah aktualisiert, Sicherheitsupdates zuerst (Umsetzung: offen)"));
}
