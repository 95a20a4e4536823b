//! The decision record: MADR structure, what it says about the decision, its length, sources,
//! sign-off, numbering.

use meetcheck::export::{self, Kind, Options};
use meetcheck::i18n::{Lang, Texts};

use super::export_support::{TODAY, catalog, decided, render};
use super::lint::lint;
use super::parse::{Block, blocks, get, headings, keys, section, split, strings, words, yaml};

pub const EN_SECTIONS: [(u8, &str); 8] = [
    (2, "Context and Problem Statement"),
    (2, "Decision Drivers"),
    (2, "Considered Options"),
    (2, "Decision Outcome"),
    (3, "Consequences"),
    (3, "Confirmation"),
    (2, "Pros and Cons of the Options"),
    (2, "More Information"),
];

pub const DE_SECTIONS: [(u8, &str); 8] = [
    (2, "Kontext und Problemstellung"),
    (2, "Entscheidungskriterien"),
    (2, "Betrachtete Optionen"),
    (2, "Entscheidung"),
    (3, "Konsequenzen"),
    (3, "Bestätigung"),
    (2, "Vor- und Nachteile der Optionen"),
    (2, "Weitere Informationen"),
];

/// The MADR sections of a record, in order, with the title in the front matter and no H1
/// (markdownlint counts a front-matter title as the top heading).
pub fn assert_madr(doc: &str, expected: &[(u8, &str)], what: &str) {
    let (front, body) = split(doc);
    let title = get(&yaml(front), "title").as_str().map(str::to_string);
    assert!(title.is_some_and(|t| !t.trim().is_empty()), "{what}: a title in the front matter");
    let (blocks, _) = blocks(body);
    let heads = headings(&blocks);
    assert!(heads.iter().all(|(l, _)| *l >= 2), "{what}: no H1 beside the front-matter title");
    assert_eq!(heads[0], (2, expected[0].1.to_string()), "{what}: the context comes first");
    let found: Vec<(u8, &str)> = heads
        .iter()
        .filter(|(l, t)| *l == 2 || expected.iter().any(|(el, et)| el == l && et == t))
        .map(|(l, t)| (*l, t.as_str()))
        .collect();
    assert_eq!(found, expected.to_vec(), "{what}");
    let mut previous = 1;
    for (level, text) in &heads {
        assert!(*level <= previous + 1, "{what}: heading '{text}' skips a level");
        previous = *level;
    }
}

#[test]
fn the_record_has_the_madr_sections_in_order_in_both_languages() {
    let a = decided();
    assert_madr(&render(Kind::Record, &a, Lang::En), &EN_SECTIONS, "en");
    assert_madr(&render(Kind::Record, &a, Lang::De), &DE_SECTIONS, "de");
}

#[test]
fn the_title_names_problem_and_choice() {
    let doc = render(Kind::Record, &decided(), Lang::En);
    let y = yaml(split(&doc).0);
    assert_eq!(
        get(&y, "title").as_str(),
        Some("Video meetings for counselling: choose Jitsi Meet, self-hosted")
    );
}

#[test]
fn every_offering_is_named_under_considered_options_once() {
    let a = decided();
    let doc = render(Kind::Record, &a, Lang::En);
    let (blocks, _) = blocks(split(&doc).1);
    let options = section(&blocks, "Considered Options");
    let items: Vec<&str> =
        options.iter().filter(|b| matches!(b, Block::Item(_))).map(|b| b.text()).collect();
    assert!(items[0].starts_with("Jitsi Meet, self-hosted (chosen; rank 1;"), "{items:?}");
    assert!(items[1].starts_with("Example Meetings Cloud (runner-up; excluded"), "{items:?}");
    let text: Vec<&str> = options.iter().map(|b| b.text()).collect();
    for o in &catalog().offerings {
        let named = text.iter().filter(|t| t.contains(o.name.en.as_str())).count();
        assert_eq!(named, 1, "{} named once: {text:?}", o.name.en);
    }
}

#[test]
fn the_outcome_says_what_was_chosen_when_on_what_basis_and_what_is_open() {
    let doc = render(Kind::Record, &decided(), Lang::En);
    let (blocks, _) = blocks(split(&doc).1);
    let outcome = section(&blocks, "Decision Outcome");
    let first = outcome[0].text();
    assert!(first.starts_with("Chosen option: “Jitsi Meet, self-hosted”, because "), "{first}");
    let texts: Vec<&str> = blocks.iter().map(Block::text).collect();
    for line in [
        "Ready for use: no — 1 precondition open",
        "Runner-up: “Example Meetings Cloud”",
        "Decided on 2026-11-20 on the basis of meetcheck catalogue edition 2026-10",
        "Status: accepted, set by Dr. Anna Berger",
    ] {
        assert!(texts.contains(&line), "{line} missing: {texts:?}");
    }
    assert!(texts.iter().any(|t| t.starts_with("Good, because ")));
    assert!(texts.iter().any(|t| t.starts_with("Bad, because ") && t.contains("knock-out")));
    assert!(texts.iter().any(|t| t.contains("C-703/25 P")), "the DPF review trigger is named");
    assert!(!texts.iter().any(|t| t.contains("because A ") || t.contains("because The ")));
}

#[test]
fn consequences_say_what_must_happen_what_is_given_up_and_what_is_risked() {
    for (lang, heads) in [
        (Lang::En, ["What must happen:", "What is given up:", "What is risked:"]),
        (Lang::De, ["Was geschehen muss:", "Was aufgegeben wird:", "Was riskiert wird:"]),
    ] {
        let doc = render(Kind::Record, &decided(), lang);
        let (blocks, _) = blocks(split(&doc).1);
        let title = if lang == Lang::En { "Consequences" } else { "Konsequenzen" };
        let part: Vec<&str> = section(&blocks, title).iter().map(|b| b.text()).collect();
        let positions: Vec<usize> =
            heads.iter().map(|h| part.iter().position(|t| t == h).expect(h)).collect();
        assert!(positions.windows(2).all(|w| w[0] + 1 < w[1]), "{lang:?}: {part:?}");
    }
    let doc = render(Kind::Record, &decided(), Lang::En);
    assert!(
        doc.contains(
            "* Before the first meeting: involve the works council (section 87(1)(6) BetrVG)\n"
        ),
        "{doc}"
    );
}

#[test]
fn an_option_whose_facts_are_unconfirmed_is_never_said_to_meet_every_requirement() {
    // E2EE is required (special categories) and the participant limit under E2EE of
    // self-hosted Jitsi is not documented: a fit only once that is documented.
    let doc = render(Kind::Record, &decided(), Lang::En);
    let (blocks, _) = blocks(split(&doc).1);
    let first = section(&blocks, "Decision Outcome")[0].text().to_string();
    assert!(first.contains("That it meets them all is not documented"), "{first}");
    assert!(first.contains("participant limit under end-to-end encryption"), "{first}");
    let options = section(&blocks, "Considered Options");
    let chosen = options.iter().find(|b| b.text().starts_with("Jitsi")).unwrap().text();
    assert!(!chosen.contains("meets every requirement"), "{chosen}");
    let de = render(Kind::Record, &decided(), Lang::De);
    assert!(de.contains("Dass sie alle erfüllt, ist aber nicht belegt"));
    assert!(!de.contains("die alle Anforderungen nachweislich erfüllen, am besten"));
}

#[test]
fn sources_are_numbered_once_and_cited_by_number() {
    let doc = render(Kind::Record, &decided(), Lang::En);
    let (blocks, _) = blocks(split(&doc).1);
    let listed: Vec<&str> = section(&blocks, "Sources")
        .iter()
        .filter(|b| matches!(b, Block::Item(_)))
        .map(|b| b.text())
        .collect();
    assert!(!listed.is_empty());
    let mut unique = listed.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), listed.len(), "each source once: {listed:?}");
    for n in 1..=listed.len() {
        assert!(doc.contains(&format!("\\[{n}\\]")), "source {n} is cited");
    }
    assert!(!doc.contains(&format!("\\[{}\\]", listed.len() + 1)), "no citation without a source");
    assert_eq!(doc.matches("Jitsi handbook").count(), 1, "a title is written once");
}

#[test]
fn the_sign_off_names_the_dpo_opinion_approvals_consulted_and_informed() {
    let doc = render(Kind::Record, &decided(), Lang::En);
    let (blocks, tables) = blocks(split(&doc).1);
    let part: Vec<&str> = section(&blocks, "Data protection officer's opinion and sign-off")
        .iter()
        .map(|b| b.text())
        .collect();
    assert!(part.contains(&"Dr. Anna Berger") && part.contains(&"Jonas Weiß"), "{part:?}");
    assert!(part.contains(&"Consulted: Works council."), "{part:?}");
    assert!(part.contains(&"Informed: nobody named."), "{part:?}");
    assert!(tables.iter().any(|t| t[0] == 2), "an approval table");
    assert!(part.contains(&"No opinion of the data protection officer has been recorded yet."));
}

#[test]
fn the_dpo_opinion_and_approvals_are_recorded_with_names_and_dates() {
    use meetcheck::domain::people::{Approval, SignOff};
    let mut a = decided();
    a.sign_off = SignOff {
        dpo_opinion: "No objection once the works agreement is signed.\n\nReview in six months."
            .into(),
        dpo_name: "Mara Vogt".into(),
        dpo_date: Some(jiff::civil::Date::constant(2026, 11, 19)),
        approvals: vec![Approval {
            name: "Jonas Weiß".into(),
            on: jiff::civil::Date::constant(2026, 11, 21),
        }],
    };
    let doc = render(Kind::Record, &a, Lang::En);
    assert!(doc.contains("Opinion of Mara Vogt of 2026-11-19:\n\n> No objection once the works agreement is signed.\n>\n> Review in six months.\n"), "{doc}");
    assert!(doc.contains("| Dr. Anna Berger | pending |"));
    assert!(doc.contains("| Jonas Weiß | approved on 2026-11-21 |"));
    let de = render(Kind::Record, &a, Lang::De);
    assert!(de.contains("| Jonas Weiß | freigegeben am 2026-11-21 |"));
    assert!(lint(&doc).is_empty(), "{:?}", lint(&doc));
}

#[test]
fn a_name_holding_a_semicolon_is_one_decision_maker() {
    let mut a = decided();
    a.meta.decision_makers = vec!["Vorstand; Finanzen".into(), "Ute Weber".into()];
    let doc = render(Kind::Record, &a, Lang::En);
    let y = yaml(split(&doc).0);
    assert_eq!(strings(get(&y, "decision-makers")), ["Vorstand; Finanzen", "Ute Weber"]);
    assert!(doc.contains("| Vorstand; Finanzen | pending |"));
}

#[test]
fn the_default_record_is_short_and_full_adds_every_offering() {
    let a = decided();
    let texts = Texts::embedded(Lang::En);
    let short = render(Kind::Record, &a, Lang::En);
    let full = export::render_with(
        Kind::Record,
        &a,
        &catalog(),
        &texts,
        TODAY,
        &Options { full: true, numbering: None },
    );
    assert!(words(&short) <= 2500);
    assert!(words(&full) > words(&short));
    let facts = |doc: &str| {
        let (blocks, _) = blocks(split(doc).1);
        headings(&blocks).into_iter().filter(|(l, t)| *l == 4 && t.starts_with("Facts on")).count()
    };
    assert_eq!(facts(&short), 2, "chosen and runner-up");
    assert_eq!(facts(&full), 2, "every offering the record holds a copy of");
    assert!(full.contains("Defects that can be fixed"), "--full has every authority position");
    assert!(lint(&full).is_empty(), "{:?}", lint(&full));
}

#[test]
fn the_front_matter_round_trips() {
    let a = decided();
    let doc = render(Kind::Record, &a, Lang::En);
    let (front, _) = split(&doc);
    let y = yaml(front);
    assert_eq!(
        keys(&y),
        ["consulted", "date", "decision-makers", "informed", "meetcheck", "status", "title"]
            .map(String::from)
            .into()
    );
    assert!(front.contains("status: \"accepted\""), "status is quoted");
    assert_eq!(get(&y, "date").as_str(), Some("2026-11-20"), "the decision date");
    assert_eq!(strings(get(&y, "decision-makers")), ["Dr. Anna Berger", "Jonas Weiß"]);
    assert_eq!(strings(get(&y, "consulted")), ["Works council"]);
    assert!(strings(get(&y, "informed")).is_empty());
    let m = get(&y, "meetcheck");
    assert_eq!(get(m, "assessment").as_str(), Some("k3x9"));
    assert_eq!(get(m, "assessment-title").as_str(), Some(a.meta.title.as_str()));
    assert_eq!(get(m, "language").as_str(), Some("en"));
    assert_eq!(get(m, "catalog-edition").as_str(), Some("2026-10"));
    assert_eq!(get(m, "decision").as_str(), Some("taken"));
    assert_eq!(get(m, "chosen").as_str(), Some("jitsi-self-hosted"));
    assert_eq!(get(m, "review-by").as_str(), Some("2027-05-31"));
    assert_eq!(get(m, "ready-for-use").as_bool(), Some(false));
    assert_eq!(get(m, "preconditions-open").as_integer(), Some(1));
    assert_eq!(get(m, "to-be-confirmed").as_bool(), Some(false));
}

#[test]
fn a_numbered_record_names_the_record_it_supersedes() {
    let a = decided();
    let earlier = meetcheck::export::adr::Earlier {
        path: "docs/adr/0003-video-meetings.md".into(),
        number: 3,
        file_name: "0003-video-meetings.md".into(),
    };
    let options = Options {
        full: false,
        numbering: Some(export::Numbering { number: 4, supersedes: Some(earlier) }),
    };
    let doc = export::render_with(
        Kind::Record,
        &a,
        &catalog(),
        &Texts::embedded(Lang::En),
        TODAY,
        &options,
    );
    let y = yaml(split(&doc).0);
    assert_eq!(get(get(&y, "meetcheck"), "number").as_str(), Some("ADR-0004"));
    assert_eq!(get(get(&y, "meetcheck"), "supersedes").as_str(), Some("ADR-0003"));
    assert!(doc.contains("* Supersedes ADR-0003 (file 0003-video-meetings.md)\n"));
}

#[test]
fn an_undecided_assessment_exports_as_decision_pending_with_the_current_shortlist() {
    let mut a = decided();
    a.decision = None;
    a.status = None;
    let doc = render(Kind::Record, &a, Lang::En);
    let (front, body) = split(&doc);
    let y = yaml(front);
    assert_eq!(get(&y, "status").as_str(), Some("proposed"));
    assert_eq!(get(&y, "date").as_str(), Some("2026-11-29"), "today, as the facts were read today");
    assert_eq!(get(&y, "title").as_str(), Some("Video meetings for counselling: decision pending"));
    let m = get(&y, "meetcheck");
    assert_eq!(get(m, "decision").as_str(), Some("pending"));
    assert!(get(m, "chosen").is_null());
    let (blocks, _) = blocks(body);
    let texts: Vec<&str> = blocks.iter().map(Block::text).collect();
    assert!(texts.iter().any(|t| t.starts_with("Decision pending: ")), "{texts:?}");
    let shortlist = meetcheck::domain::narrowing::narrow(&catalog(), &a.scenario, TODAY);
    for (rank, e) in shortlist.ranked.iter().enumerate() {
        let name = catalog().offering(&e.offering).unwrap().name.en.clone();
        let line = format!("Rank {}: {name} – ", rank + 1);
        assert!(texts.iter().any(|t| t.starts_with(&line)), "{line} missing: {texts:?}");
    }
    assert!(texts.contains(&"Ready for use: no — no option has been chosen yet"));
    for kind in Kind::ALL {
        for lang in [Lang::De, Lang::En] {
            let doc = render(kind, &a, lang);
            assert!(lint(&doc).is_empty(), "{kind:?} {lang:?}: {:?}", lint(&doc));
        }
    }
}

#[test]
fn drafts_for_an_online_service_name_the_operator_and_the_transfer_basis() {
    let mut a = decided();
    let decision = a.decision.as_mut().unwrap();
    decision.chosen = "example-cloud".into();
    decision.runner_up = None;
    decision.override_ = Some(meetcheck::domain::assessment::Override {
        reason: "Only one the clients already use".into(),
        accepted_by: "Dr. Anna Berger".into(),
    });
    for kind in Kind::ALL {
        for lang in [Lang::De, Lang::En] {
            let doc = render(kind, &a, lang);
            assert!(lint(&doc).is_empty(), "{kind:?} {lang:?}:\n{}", lint(&doc).join("\n"));
        }
    }
    let record = render(Kind::Record, &a, Lang::En);
    assert!(record.contains(
        "Chosen option: “Example Meetings Cloud”, because the decision-makers chose it although it is excluded"
    ));
}
