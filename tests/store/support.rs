//! Builders and generators shared by the store tests.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use jiff::Timestamp;
use jiff::civil::Date;
use meetcheck::commands::EMBEDDED_CATALOG;
use meetcheck::domain::answer_value::AnswerValue;
use meetcheck::domain::assessment::{
    Assessment, ChecklistItem, Decision, DecisionSnapshot, Override, Status, StatusChange,
    TodoStatus,
};
use meetcheck::domain::catalog::{self, Browser, Feature};
use meetcheck::domain::narrowing::{AnswerId, Shortlist};
use meetcheck::domain::scenario::*;
use meetcheck::domain::todos::{Todo, TodoCause, TodoId, TodoReason};
use proptest::prelude::*;

pub const ANSWER_IDS: [AnswerId; 6] = [
    AnswerId::OrgType,
    AnswerId::Purposes,
    AnswerId::Data,
    AnswerId::TransferStance,
    AnswerId::Browsers,
    AnswerId::E2eeRequired,
];

pub fn ts(text: &str) -> Timestamp {
    text.parse().expect("timestamp literal")
}

pub fn date(y: i16, m: i8, d: i8) -> Date {
    Date::new(y, m, d).expect("date literal")
}

/// A decided assessment whose snapshot names an offering the current catalogue lacks.
pub fn decided(title: &str, id: &str) -> Assessment {
    static CATALOG: std::sync::OnceLock<catalog::Catalog> = std::sync::OnceLock::new();
    let catalog = CATALOG.get_or_init(|| catalog::parse(EMBEDDED_CATALOG).unwrap());
    let mut gone = catalog.offerings[0].clone();
    gone.id = "gone-offering".into();
    gone.name.de = "Verschwundenes Angebot".into();
    gone.name.en = "Vanished offering".into();
    let mut a =
        Assessment::new(id.into(), title.into(), ts("2026-10-01T08:00:00Z"), "2026-11".into());
    a.meta.organisation = "Beratungsstelle Nord e. V.".into();
    a.scenario.org_type = OrgType::SocialService;
    a.scenario.purposes = BTreeSet::from([Purpose::Counselling]);
    a.step = Step::Checklist;
    a.decision = Some(Decision {
        chosen: "gone-offering".into(),
        runner_up: Some(catalog.offerings[0].id.clone()),
        rationale: "Läuft im eigenen Rechenzentrum.\nZweite Zeile mit \"Anführungszeichen\"."
            .into(),
        override_: None,
        snapshot: DecisionSnapshot {
            catalog_edition: "2025-03".into(),
            schema: 1,
            taken_on: date(2026, 10, 2),
            scenario: a.scenario.clone(),
            shortlist: Shortlist::default(),
            offerings: vec![gone, catalog.offerings[0].clone()],
            sources: catalog.sources.clone(),
            todos: vec![Todo {
                id: TodoId::Dpa,
                precondition: true,
                why: vec![TodoCause {
                    offering: None,
                    reason: TodoReason::DpaOperator,
                    answers: vec![AnswerId::OrgType],
                    facts: vec![],
                }],
            }],
            evidence: Vec::new(),
            excluded: Vec::new(),
        },
        to_be_confirmed: false,
    });
    a.status = Some(StatusChange {
        status: Status::Accepted,
        by: "M. Muster".into(),
        on: date(2026, 10, 3),
    });
    a.checklist.insert(
        TodoId::Dpa,
        ChecklistItem {
            status: TodoStatus::Done,
            owner: "IT".into(),
            due: Some(date(2026, 12, 1)),
            evidence: "Vertrag 2026-17".into(),
            evidence_date: Some(date(2026, 10, 20)),
            note: String::new(),
            no_longer_applies_since: None,
        },
    );
    a.review_by = Some(date(2027, 10, 1));
    a
}

/// A save file written directly, as another program (or a hand edit) would.
pub fn write(path: &Path, bytes: &[u8]) {
    std::fs::write(path, bytes).unwrap();
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "(?s).{0,24}",
        Just(String::new()),
        Just("\"quoted\" \\ back\\slash\nnew line\ttab".to_string()),
        Just("ÄÖÜ äöü ß – „deutsch“ 🎉 \u{0}\u{7f}".to_string()),
        Just(")), version: 999, ((".to_string()),
    ]
}

fn timestamp() -> impl Strategy<Value = Timestamp> {
    (0i64..4_000_000_000, 0i32..1_000_000_000)
        .prop_map(|(s, n)| Timestamp::new(s, n).expect("in range"))
}

fn civil_date() -> impl Strategy<Value = Date> {
    (1990i16..2100, 1i8..=12, 1i8..=28).prop_map(|(y, m, d)| date(y, m, d))
}

fn set<T: Ord + Copy + std::fmt::Debug>(all: &'static [T]) -> impl Strategy<Value = BTreeSet<T>> {
    proptest::sample::subsequence(all, 0..=all.len()).prop_map(|v| v.into_iter().collect())
}

fn scenario() -> impl Strategy<Value = Scenario> {
    // Only the shapes a save holds: § 203 secrets are the overlay and recording is the policy,
    // never a data category or a required feature (those are converted when read).
    const DATA: [DataCategory; 4] = [
        DataCategory::Ordinary,
        DataCategory::ConfidentialBusiness,
        DataCategory::SpecialCategories,
        DataCategory::ChildrensData,
    ];
    const FEATURES: [Feature; 3] = [Feature::ScreenSharing, Feature::DialIn, Feature::Lobby];
    let first = (
        proptest::sample::select(OrgType::ALL),
        proptest::option::of(any::<bool>()),
        proptest::option::of(proptest::sample::select(LegalRegime::ALL)),
        any::<(bool, bool, bool, bool, bool, bool)>(),
        proptest::option::of(proptest::sample::select(Bundesland::ALL)),
        set(Purpose::ALL),
        set(Organiser::ALL),
        set(Participant::ALL),
        (0u32..100_000, 0u32..100_000),
        set(&DATA),
    );
    let second = (
        proptest::option::of(proptest::sample::select(ProtectionNeed::ALL)),
        text(),
        text(),
        proptest::option::of(any::<bool>()),
        proptest::sample::select(Representation::ALL),
        proptest::sample::select(TransferStance::ALL),
        proptest::sample::select(HostingPreference::ALL),
        set(&Browser::ALL),
        set(&FEATURES),
        (proptest::option::of(any::<bool>()), proptest::option::of(any::<bool>())),
        proptest::sample::select(RecordingPolicy::ALL),
        proptest::sample::select(AttentionTracking::ALL),
    );
    (first, second).prop_map(|(f, s)| Scenario {
        org_type: f.0,
        public_body: f.1,
        regime: f.2,
        social_data: s.9.0,
        professional_secrecy: s.9.1,
        self_hosting_capacity: f.3.2,
        install_possible: f.3.3,
        open_source_required: f.3.4,
        statutory_insurance_video: f.3.5,
        join_without_account: f.3.0,
        bundesland: f.4,
        purposes: f.5,
        organisers: f.6,
        participants: f.7,
        largest_meeting: f.8.0,
        audience: f.8.1,
        data: f.9,
        protection_need: s.0,
        protection_lowered_reason: s.1,
        protection_risk_accepted_by: s.2,
        e2ee_required: s.3,
        representation: s.4,
        transfer_stance: s.5,
        hosting: s.6,
        browsers: s.7,
        required_features: s.8,
        recording: s.10,
        attention_tracking: s.11,
    })
}

fn checklist_item() -> impl Strategy<Value = ChecklistItem> {
    (
        proptest::sample::select(
            &[TodoStatus::Open, TodoStatus::Done, TodoStatus::NotApplicable][..],
        ),
        text(),
        proptest::option::of(civil_date()),
        text(),
        proptest::option::of(civil_date()),
        text(),
        proptest::option::of(civil_date()),
    )
        .prop_map(|(status, owner, due, evidence, evidence_date, note, gone)| ChecklistItem {
            status,
            owner,
            due,
            evidence,
            evidence_date,
            note,
            no_longer_applies_since: gone,
        })
}

fn change() -> impl Strategy<Value = meetcheck::domain::assessment::Change> {
    (timestamp(), proptest::sample::select(&ANSWER_IDS[..]), scenario(), scenario()).prop_map(
        |(at, answer, old, new)| meetcheck::domain::assessment::Change {
            at,
            answer,
            old: AnswerValue::of(&old, answer),
            new: AnswerValue::of(&new, answer),
        },
    )
}

/// Assessments with every part filled in some of the time, strings included that stress the
/// RON escaping (quotes, backslashes, newlines, NUL, text that looks like RON).
pub fn assessment() -> impl Strategy<Value = Assessment> {
    let meta =
        ("[a-z0-9]{1,8}", text(), proptest::collection::vec(text(), 7), timestamp(), timestamp());
    let rest = (
        scenario(),
        proptest::sample::select(&Step::ALL[..]),
        proptest::option::of((text(), proptest::option::of((text(), text())), any::<bool>())),
        proptest::option::of((proptest::sample::select(&Status::ALL[..]), text(), civil_date())),
        proptest::collection::btree_map(
            proptest::sample::select(&TodoId::ALL[..]),
            checklist_item(),
            0..5,
        ),
        proptest::option::of(civil_date()),
        proptest::collection::vec(change(), 0..5),
    );
    (meta, rest).prop_map(|((id, title, people, created, updated), rest)| {
        let (scenario, step, decision, status, checklist, review_by, history) = rest;
        let mut a = decided(&title, &id);
        a.meta.organisation = people[0].clone();
        a.meta.controller = people[1].clone();
        a.meta.dpo_contact = people[2].clone();
        a.meta.assessors = people[3].clone();
        a.meta.decision_makers = vec![people[4].clone(), people[0].clone()];
        a.meta.consulted = vec![people[5].clone()];
        a.meta.informed = vec![people[6].clone()];
        a.meta.created = created;
        a.meta.updated = updated;
        a.scenario = scenario;
        a.step = step;
        a.decision = decision.map(|(rationale, override_, to_be_confirmed)| {
            let mut d = a.decision.clone().expect("decided");
            d.rationale = rationale;
            d.override_ = override_.map(|(reason, accepted_by)| Override { reason, accepted_by });
            d.to_be_confirmed = to_be_confirmed;
            d
        });
        a.status = status.map(|(status, by, on)| StatusChange { status, by, on });
        a.checklist = checklist;
        a.review_by = review_by;
        a.history = history;
        a
    })
}

/// The files in `dir`, by name, with their bytes.
pub fn snapshot_dir(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).unwrap())
        })
        .collect()
}
