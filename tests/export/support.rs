//! A hand-built, decided assessment over a two-offering catalogue, a hostile twin of it, and a
//! Markdown lint that encodes the markdownlint rules the exports must pass.

use std::collections::{BTreeMap, BTreeSet};

use jiff::Timestamp;
use jiff::civil::Date;
use meetcheck::domain::answer_value::AnswerValue;
use meetcheck::domain::assessment::{
    Assessment, Change, ChecklistItem, Decision, DecisionSnapshot, Status, StatusChange, TodoStatus,
};
use meetcheck::domain::catalog::{Browser, Catalog, Feature};
use meetcheck::domain::narrowing::{
    AnswerId, CriterionId, Evaluation, FactField, KnockOut, KnockOutDetail, Light, LightCause,
    Rating, RelaxedTo, RuleId, Shortlist, StaleFact, WhatIf,
};
use meetcheck::domain::scenario::{
    Bundesland, DataCategory, OrgType, Participant, Purpose, Representation, TransferStance,
};
use meetcheck::domain::todos::{Todo, TodoCause, TodoId, TodoReason};
use meetcheck::export::{self, Kind};
use meetcheck::i18n::{Lang, Texts};

pub const TODAY: Date = Date::constant(2026, 11, 29);

/// Every character that could break a table, a heading, a list, the front matter or the page,
/// and text that must come through intact: emoji, right-to-left script, a Markdown image.
pub const HOSTILE: &str = "| # * _x_ `tick` [a](b) <script>alert(1)</script>\n1. --- > + - ~~s~~ \
                           &amp; $x$ mail@example.org \\ 🎉👨\u{200D}👩\u{200D}👧 שלום عربي \
                           ![t](http://host/pixel.png) www.example.org „https://x.org/a“. end #";

/// Invisible controls that must not reach a document: a right-to-left override and a
/// zero-width space.
pub const INVISIBLE: &str = "Ann\u{202E}a\u{200B} Admin";

/// 5,000 characters of one word and spaces.
pub fn long_text() -> String {
    "Datenschutz ".repeat(417).chars().take(5000).collect()
}

const CATALOG: &str = r#"(
    schema: 1,
    edition: "2026-10",
    sources: {
        "jitsi-docs": (title: "Jitsi handbook", url: Some("https://jitsi.github.io/handbook/")),
        "example-dpa": (title: "Example Meetings data processing addendum"),
        "berlin-2021": (title: "BlnBDI, Hinweise für Berliner Verantwortliche, Version 2.0"),
    },
    adequacy: {},
    offerings: [
        (
            id: "jitsi-self-hosted",
            name: (de: "Jitsi Meet, selbst betrieben", en: "Jitsi Meet, self-hosted"),
            product: "Jitsi Meet",
            operating_model: SelfOperated,
            operator: NotApplicable,
            parent: NotApplicable,
            processing_locations: NotApplicable,
            subprocessor_locations: NotApplicable,
            dpf_certified: NotApplicable,
            transfer_basis: NotApplicable,
            dpa: NotApplicable,
            own_purpose: NotApplicable,
            open_source: Known(value: true, source: "jitsi-docs", as_of: "undated 2025", certainty: Vendor),
            licence: Known(value: "Apache-2.0", source: "jitsi-docs", as_of: "undated 2025", certainty: Vendor),
            e2ee: Known(
                value: (
                    mode: OptionalOff,
                    browser_join: Known(value: [Chromium], source: "jitsi-docs", as_of: "2024-04-13", certainty: Vendor),
                    max_participants: Unknown(note: (de: "Keine Grenze dokumentiert.", en: "No limit documented.")),
                    experimental: true,
                ),
                source: "jitsi-docs",
                as_of: "2024-04-13",
                certainty: Vendor,
            ),
            browser_join: Known(value: [Chromium, Firefox, Safari, Mobile], source: "jitsi-docs", as_of: "2023..2025", certainty: Vendor),
            apps: Known(value: [Windows, MacOs, Linux, Ios, Android], source: "jitsi-docs", as_of: "2023..2025", certainty: Vendor),
            max_participants: Unknown(note: (de: "Hängt vom Server ab.", en: "Depends on the server.")),
            features: {
                ScreenSharing: Known(value: true, source: "jitsi-docs", as_of: "2023..2025", certainty: Vendor),
                Lobby: Known(value: true, source: "jitsi-docs", as_of: "2023..2025", certainty: Vendor),
            },
            kbv_listed: Unknown(note: (de: "Nicht geprüft.", en: "Not checked.")),
            settings: [
                (de: "Lobby für jeden Raum einschalten.", en: "Turn on the lobby for every room."),
                (de: "Keine externen STUN-Server und kein Gravatar verwenden.", en: "Use no external STUN servers and no Gravatar."),
            ],
        ),
        (
            id: "example-cloud",
            name: (de: "Example Meetings Cloud", en: "Example Meetings Cloud"),
            product: "Example Meetings",
            operating_model: OnlineService,
            operator: Known(value: (name: "Example Meetings Inc.", country: "US"), source: "example-dpa", as_of: "2025-06", certainty: Contract),
            parent: Known(value: (name: "Example Holdings Inc.", country: "US"), source: "example-dpa", as_of: "2025-06", certainty: Contract),
            processing_locations: Known(value: ["DE", "US"], source: "example-dpa", as_of: "2025-06", certainty: Contract),
            subprocessor_locations: Known(value: ["US", "IN"], source: "example-dpa", as_of: "2025-06", certainty: Contract),
            dpf_certified: Known(value: true, source: "example-dpa", as_of: "2025-06", certainty: Vendor),
            transfer_basis: Known(value: [Dpf, Scc], source: "example-dpa", as_of: "2025-06", certainty: Contract),
            dpa: Known(value: Standard, source: "example-dpa", as_of: "2025-06", certainty: Contract),
            own_purpose: Known(value: ServiceData, source: "example-dpa", as_of: "2025-06", certainty: Contract),
            open_source: Known(value: false, source: "example-dpa", as_of: "2025-06", certainty: Vendor),
            licence: Known(value: "proprietary", source: "example-dpa", as_of: "2025-06", certainty: Vendor),
            e2ee: Known(
                value: (
                    mode: OptionalOff,
                    browser_join: Known(value: [], source: "example-dpa", as_of: "2025-06", certainty: Vendor),
                    max_participants: Known(value: 200, source: "example-dpa", as_of: "2025-06", certainty: Vendor),
                    features_lost: [Recording, BreakoutRooms],
                ),
                source: "example-dpa",
                as_of: "2025-06",
                certainty: Vendor,
            ),
            browser_join: Known(value: [Chromium, Firefox, Safari], source: "example-dpa", as_of: "2025-06", certainty: Vendor),
            apps: Known(value: [Windows, MacOs, Ios, Android], source: "example-dpa", as_of: "2025-06", certainty: Vendor),
            max_participants: Known(value: 1000, source: "example-dpa", as_of: "2025-06", certainty: Vendor),
            features: {},
            kbv_listed: Known(value: false, source: "example-dpa", as_of: "2025-06", certainty: Vendor),
            authority_positions: [
                (
                    authority: BlnBdi,
                    scope: (de: "Berliner Verantwortliche; Standardbedingungen", en: "Berlin controllers; standard terms"),
                    edition: "Version 2.0",
                    date: "2021-02-18",
                    verdict: Yellow,
                    historical: true,
                    source: "berlin-2021",
                    summary: (de: "Mängel, die sich beheben lassen.", en: "Defects that can be fixed."),
                ),
            ],
        ),
    ],
)"#;

pub fn catalog() -> Catalog {
    meetcheck::domain::catalog::parse(CATALOG).expect("the test catalogue parses")
}

fn at(s: &str) -> Timestamp {
    s.parse().expect("a timestamp literal")
}

fn rating(criterion: CriterionId, light: Light, cause: &str, facts: &[FactField]) -> Rating {
    let cause = LightCause::from_id(cause).expect("a light cause");
    Rating { criterion, light, cause, facts: facts.to_vec() }
}

fn todo(id: TodoId, precondition: bool, key: &str) -> Todo {
    Todo {
        id,
        precondition,
        why: vec![TodoCause {
            offering: None,
            reason: TodoReason::from_id(key).expect("a to-do reason"),
            answers: vec![],
            facts: vec![],
        }],
    }
}

/// A counselling association that chose self-hosted Jitsi; one precondition is still open.
pub fn decided() -> Assessment {
    let catalog = catalog();
    let mut a = Assessment::new(
        "k3x9".into(),
        "Video meetings for counselling".into(),
        at("2026-11-02T09:00:00Z"),
        "2026-10".into(),
    );
    a.meta.organisation = "Beratungsstelle Nord e. V.".into();
    a.meta.controller = "Beratungsstelle Nord e. V., Hafenstraße 1, 20457 Hamburg".into();
    a.meta.dpo_contact = "datenschutz@beratung-nord.example".into();
    a.meta.assessors = "Lea Schmidt".into();
    a.meta.decision_makers = vec!["Dr. Anna Berger".into(), "Jonas Weiß".into()];
    a.meta.consulted = vec!["Works council".into()];
    let s = &mut a.scenario;
    s.org_type = OrgType::Association;
    s.bundesland = Some(Bundesland::Hamburg);
    s.purposes = BTreeSet::from([Purpose::Counselling, Purpose::InternalMeetings]);
    s.participants = BTreeSet::from([Participant::Staff, Participant::VulnerableClients]);
    s.data = BTreeSet::from([DataCategory::SpecialCategories]);
    s.representation = Representation::WorksCouncil;
    s.transfer_stance = TransferStance::Dpf;
    s.required_features = BTreeSet::from([Feature::ScreenSharing, Feature::Lobby]);
    let jitsi = Evaluation {
        offering: "jitsi-self-hosted".into(),
        knockouts: vec![],
        unconfirmed: vec![],
        lights: vec![
            rating(
                CriterionId::Contract,
                Light::Green,
                "light.contract.self_operated",
                &[FactField::OperatingModel],
            ),
            rating(
                CriterionId::Transfers,
                Light::Green,
                "light.transfers.self_chosen",
                &[FactField::ProcessingLocations],
            ),
            rating(
                CriterionId::Encryption,
                Light::Yellow,
                "light.encryption.experimental",
                &[FactField::E2ee, FactField::E2eeBrowserJoin],
            ),
            rating(
                CriterionId::OpenSource,
                Light::Green,
                "light.open_source.yes",
                &[FactField::OpenSource, FactField::Licence],
            ),
            rating(
                CriterionId::AuthorityView,
                Light::Grey,
                "light.authority_view.none",
                &[FactField::AuthorityPositions],
            ),
        ],
        score: 14,
    };
    let cloud = Evaluation {
        offering: "example-cloud".into(),
        unconfirmed: vec![],
        knockouts: vec![KnockOut {
            rule: RuleId::E2ee,
            facts: vec![FactField::E2ee, FactField::E2eeBrowserJoin],
            answers: vec![AnswerId::E2eeRequired],
            detail: KnockOutDetail::Browsers {
                missing: vec![Browser::Chromium, Browser::Firefox, Browser::Safari],
                under_e2ee: true,
            },
        }],
        lights: vec![
            rating(
                CriterionId::Transfers,
                Light::Yellow,
                "light.transfers.dpf",
                &[FactField::DpfCertified, FactField::TransferBasis],
            ),
            rating(
                CriterionId::ForeignAccess,
                Light::Red,
                "light.foreign_access.third_country_parent",
                &[FactField::Parent],
            ),
        ],
        score: 3,
    };
    let shortlist = Shortlist {
        ranked: vec![jitsi],
        excluded: vec![cloud],
        weights: vec![
            (CriterionId::Contract, 3),
            (CriterionId::Transfers, 3),
            (CriterionId::Encryption, 3),
            (CriterionId::ForeignAccess, 2),
            (CriterionId::OpenSource, 1),
            (CriterionId::AuthorityView, 1),
        ],
        what_ifs: vec![WhatIf {
            answer: AnswerId::E2eeRequired,
            relaxed_to: RelaxedTo::No,
            brings_back: vec!["example-cloud".into()],
        }],
        stale: vec![StaleFact {
            offering: "jitsi-self-hosted".into(),
            field: FactField::E2ee,
            as_of: meetcheck::domain::facts::AsOf::parse("2024-04-13").unwrap(),
        }],
    };
    let todos = vec![
        todo(TodoId::InvolveItAndDpo, false, "todo.involve_it_and_dpo.always"),
        todo(TodoId::Dpia, true, "todo.dpia.special_categories"),
        todo(TodoId::ParticipantInformation, true, "todo.participant_information.always"),
        todo(TodoId::Representation, true, "todo.representation.works_council"),
        todo(TodoId::Settings, false, "todo.settings.general"),
    ];
    a.checklist = BTreeMap::from([
        (
            TodoId::Dpia,
            ChecklistItem {
                status: TodoStatus::Done,
                owner: "Lea Schmidt".into(),
                evidence: "DSFA-2026-04".into(),
                evidence_date: Some(Date::constant(2026, 11, 18)),
                ..ChecklistItem::default()
            },
        ),
        (
            TodoId::ParticipantInformation,
            ChecklistItem { status: TodoStatus::Done, ..Default::default() },
        ),
        (
            TodoId::Representation,
            ChecklistItem {
                owner: "Jonas Weiß".into(),
                due: Some(Date::constant(2026, 12, 15)),
                note: "Works agreement in draft".into(),
                ..ChecklistItem::default()
            },
        ),
        (
            TodoId::RecordOfProcessing,
            ChecklistItem {
                no_longer_applies_since: Some(Date::constant(2026, 11, 25)),
                ..ChecklistItem::default()
            },
        ),
    ]);
    a.history = vec![Change {
        at: at("2026-11-05T10:30:00Z"),
        answer: AnswerId::E2eeRequired,
        old: AnswerValue::Flag(false),
        new: AnswerValue::Flag(true),
    }];
    a.status = Some(StatusChange {
        status: Status::Accepted,
        by: "Dr. Anna Berger".into(),
        on: Date::constant(2026, 11, 20),
    });
    a.review_by = Some(Date::constant(2027, 5, 31));
    a.step = meetcheck::domain::scenario::Step::Review;
    a.decision = Some(Decision {
        chosen: "jitsi-self-hosted".into(),
        runner_up: Some("example-cloud".into()),
        rationale: "Runs on our own server in Hamburg; counselling needs end-to-end encryption."
            .into(),
        override_: None,
        snapshot: DecisionSnapshot {
            catalog_edition: catalog.edition.clone(),
            schema: catalog.schema,
            taken_on: Date::constant(2026, 11, 20),
            scenario: a.scenario.clone(),
            shortlist,
            offerings: catalog.offerings.clone(),
            sources: catalog.sources.clone(),
            todos,
            evidence: Vec::new(),
            excluded: Vec::new(),
        },
        to_be_confirmed: false,
    });
    a
}

/// The same assessment with every user-written text replaced by something hostile.
pub fn hostile() -> Assessment {
    let mut a = decided();
    let long = long_text();
    a.meta.title =
        "# Evil | title *x* <script>alert(1)</script> ![t](http://host/t.png)\n---\nstatus: hacked https://x.org"
            .into();
    a.meta.organisation = format!("{HOSTILE} {INVISIBLE}");
    a.meta.controller = HOSTILE.into();
    a.meta.dpo_contact = "- dpo@example.org | `x` 🎉".into();
    a.meta.assessors = format!("{HOSTILE} {INVISIBLE} {long}");
    a.meta.decision_makers = vec![
        "Eve | \"Mallory\" --- ![t](http://host/pixel.png); Vorstand".into(),
        "<script>alert(1)</script>\nשלום".into(),
    ];
    a.meta.consulted = vec!["---".into()];
    a.meta.informed = vec!["key: value".into()];
    a.status.as_mut().unwrap().by = HOSTILE.into();
    a.sign_off.dpo_opinion = format!("{HOSTILE}\n\n{INVISIBLE}");
    a.sign_off.dpo_name = HOSTILE.into();
    a.sign_off.approvals = vec![meetcheck::domain::people::Approval {
        name: a.meta.decision_makers[0].clone(),
        on: Date::constant(2026, 11, 21),
    }];
    let decision = a.decision.as_mut().unwrap();
    // The organisation's own evidence, its document named by the user, as a cited source.
    let evidence = meetcheck::domain::catalog::Source {
        title: format!("{HOSTILE} {INVISIBLE}"),
        url: None,
        kind: meetcheck::domain::catalog::SourceKind::Organisation,
    };
    decision.snapshot.sources.insert("evidence:0".into(), evidence);
    let chosen = decision.snapshot.offerings.iter_mut().find(|o| o.id == decision.chosen).unwrap();
    if let meetcheck::domain::facts::Fact::Known { source, .. } = &mut chosen.open_source {
        *source = "evidence:0".into();
    }
    decision.rationale = format!(
        "{HOSTILE}\n- not a list\n\n# not a heading\n\n| a | b |\n|---|---|\n| c | d |\n\n{long}"
    );
    for item in a.checklist.values_mut() {
        item.owner = format!("Eve | *Mallory* {INVISIBLE}");
        item.evidence = "`rm -rf` [x] ![t](http://host/e.png)".into();
        item.note = HOSTILE.into();
    }
    a
}

pub fn render(kind: Kind, a: &Assessment, lang: Lang) -> String {
    export::render(kind, a, &catalog(), &Texts::embedded(lang), TODAY)
}
