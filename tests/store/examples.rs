//! The example assessments in `saves/`: generated from scenarios with the real narrowing and
//! to-dos (`write_examples`, ignored), committed, and kept loadable by `examples_load_…`.
//! They are fixtures for the export and wizard tests too.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use meetcheck::commands::EMBEDDED_CATALOG;
use meetcheck::domain::answer_value::AnswerValue;
use meetcheck::domain::assessment::{
    Assessment, Change, ChecklistItem, Decision, Status, StatusChange, TodoStatus,
};
use meetcheck::domain::catalog::{self, Browser, Catalog, Feature};
use meetcheck::domain::decision;
use meetcheck::domain::narrowing::{self, AnswerId};
use meetcheck::domain::people::{Approval, SignOff};
use meetcheck::domain::scenario::*;
use meetcheck::domain::todos::{self, TodoId};
use meetcheck::store::{Store, format, names};

use crate::support::{date, ts};

fn saves_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("saves")
}

fn catalog() -> Catalog {
    catalog::parse(EMBEDDED_CATALOG).unwrap()
}

/// Checklist progress: the given to-dos get the given state, the others stay open without
/// an owner (as in real life, not everything is assigned yet).
fn checklist(
    scenario: &Scenario,
    catalog: &Catalog,
    chosen: &str,
    progress: &[(TodoId, TodoStatus, &str, Option<Date>, &str)],
) -> BTreeMap<TodoId, ChecklistItem> {
    let mut list = BTreeMap::new();
    for todo in todos::todos(scenario, catalog.offering(chosen)) {
        let item = match progress.iter().find(|p| p.0 == todo.id) {
            Some((_, status, owner, due, evidence)) => ChecklistItem {
                status: *status,
                owner: owner.to_string(),
                due: *due,
                evidence: evidence.to_string(),
                evidence_date: (*status == TodoStatus::Done)
                    .then(|| due.unwrap_or(date(2026, 10, 1))),
                note: String::new(),
                no_longer_applies_since: None,
            },
            None => ChecklistItem::default(),
        };
        list.insert(todo.id, item);
    }
    list
}

fn change(at: &str, answer: AnswerId, old: AnswerValue, new: AnswerValue) -> Change {
    Change { at: ts(at), answer, old, new }
}

/// Takes the decision the narrowing supports: the top-ranked offering, the second as runner-up.
/// Decides for `pick` (chosen and runner-up), which must remain, or else for the top two.
fn decide(
    a: &mut Assessment,
    catalog: &Catalog,
    on: Date,
    rationale: &str,
    pick: Option<(&str, &str)>,
) -> (String, Option<String>) {
    let shortlist = narrowing::narrow(catalog, &a.scenario, on);
    let (chosen, runner_up) = match pick {
        Some((chosen, runner_up)) => {
            for id in [chosen, runner_up] {
                let e = shortlist.evaluation(id).expect("in the catalogue");
                assert!(!e.excluded(), "{id} remains");
            }
            (chosen.to_string(), Some(runner_up.to_string()))
        }
        None => (
            shortlist.ranked.first().expect("something remains").offering.clone(),
            shortlist.ranked.get(1).map(|e| e.offering.clone()),
        ),
    };
    a.decision = Some(Decision {
        chosen: chosen.clone(),
        runner_up: runner_up.clone(),
        rationale: rationale.into(),
        override_: None,
        snapshot: decision::snapshot(catalog, &a.scenario, &chosen, runner_up.as_deref(), on),
        to_be_confirmed: false,
    });
    (chosen, runner_up)
}

fn counselling_scenario() -> Assessment {
    let catalog = catalog();
    let mut a = Assessment::new(
        "bst001".into(),
        "Beratungsstelle Lindenhof – Videoberatung".into(),
        ts("2026-09-08T07:45:00Z"),
        catalog.edition.clone(),
    );
    a.meta.organisation = "Psychologische Beratungsstelle Lindenhof e. V.".into();
    a.meta.controller = "Psychologische Beratungsstelle Lindenhof e. V., Lindenstraße 12, 44135 Dortmund, info@beratung-lindenhof.example".into();
    a.meta.dpo_contact =
        "Datenschutz Nord-West GmbH, Frau Dr. Kaya, datenschutz@dsnw.example".into();
    a.meta.assessors = "Jana Brandt (Leitung), Tim Okafor (IT)".into();
    a.meta.decision_makers =
        vec!["Ursula Wendt (Vorstand)".into(), "Karl-Heinz Böhm (Vorstand)".into()];
    a.meta.consulted =
        vec!["Datenschutzbeauftragte".into(), "Team der Beraterinnen und Berater".into()];
    a.meta.informed =
        vec!["Alle Mitarbeitenden".into(), "Jugendamt Dortmund als Zuwendungsgeber".into()];
    let s = &mut a.scenario;
    s.org_type = OrgType::SocialService;
    s.public_body = Some(false);
    s.regime = Some(LegalRegime::GdprBdsg);
    s.social_data = Some(true);
    s.professional_secrecy = Some(true);
    s.bundesland = Some(Bundesland::NordrheinWestfalen);
    s.purposes = BTreeSet::from([Purpose::Counselling, Purpose::InternalMeetings]);
    s.organisers = BTreeSet::from([Organiser::Staff]);
    s.participants =
        BTreeSet::from([Participant::Staff, Participant::VulnerableClients, Participant::Public]);
    s.largest_meeting = 5;
    s.data = BTreeSet::from([DataCategory::SpecialCategories]);
    s.e2ee_required = None;
    s.representation = Representation::None;
    s.transfer_stance = TransferStance::EuOnly;
    s.hosting = HostingPreference::Any;
    s.self_hosting_capacity = false;
    s.install_possible = false;
    s.browsers =
        BTreeSet::from([Browser::Chromium, Browser::Firefox, Browser::Safari, Browser::Mobile]);
    s.required_features =
        BTreeSet::from([Feature::ScreenSharing, Feature::Lobby, Feature::Passwords]);
    a.history = vec![
        change(
            "2026-09-08T08:02:00Z",
            AnswerId::Size,
            AnswerValue::People(20),
            AnswerValue::People(5),
        ),
        change(
            "2026-09-08T08:10:00Z",
            AnswerId::Browsers,
            AnswerValue::Browsers(BTreeSet::from([
                Browser::Chromium,
                Browser::Firefox,
                Browser::Safari,
            ])),
            AnswerValue::Browsers(BTreeSet::from(Browser::ALL)),
        ),
        change(
            "2026-09-15T13:30:00Z",
            AnswerId::InstallPossible,
            AnswerValue::Flag(true),
            AnswerValue::Flag(false),
        ),
    ];
    a
}

pub fn counselling() -> Assessment {
    let catalog = catalog();
    let mut a = counselling_scenario();
    // Decided with the catalogue edition of that month (the record names both).
    let taken_on = date(2026, 11, 16);
    let (chosen, _) = decide(
        &mut a,
        &catalog,
        taken_on,
        "Ratsuchende können ohne Installation im Browser teilnehmen, die Daten bleiben in Deutschland, und der Anbieter schließt einen Auftragsverarbeitungsvertrag mit Verpflichtung nach § 203 StGB ab.\nDie zweite Wahl bleibt Rückfallebene, falls der Vertrag nicht rechtzeitig zustande kommt.",
        Some(("jitsi-netways", "tixeo-cloud")),
    );
    a.status = Some(StatusChange {
        status: Status::Accepted,
        by: "Ursula Wendt (Vorstand)".into(),
        on: taken_on,
    });
    a.sign_off = SignOff {
        dpo_opinion: "Keine Bedenken gegen den Einsatz, sobald die Datenschutz-Folgenabschätzung abgeschlossen ist und der Anbieter Serverstandort und Ende-zu-Ende-Verschlüsselung schriftlich bestätigt hat.".into(),
        dpo_name: "Frau Dr. Kaya, Datenschutz Nord-West GmbH".into(),
        dpo_date: Some(date(2026, 11, 13)),
        approvals: vec![Approval { name: "Ursula Wendt (Vorstand)".into(), on: taken_on }],
    };
    a.checklist = checklist(
        &a.scenario,
        &catalog,
        &chosen,
        &[
            (
                TodoId::InvolveItAndDpo,
                TodoStatus::Done,
                "Jana Brandt",
                Some(date(2026, 9, 10)),
                "Protokoll Teamsitzung 10.09.2026",
            ),
            (
                TodoId::Dpa,
                TodoStatus::Done,
                "Tim Okafor",
                Some(date(2026, 10, 15)),
                "AV-Vertrag Nr. 2026-041, Ordner Datenschutz/Verträge",
            ),
            (
                TodoId::ProfessionalSecrecy,
                TodoStatus::Done,
                "Tim Okafor",
                Some(date(2026, 10, 15)),
                "Verpflichtung nach § 203 Abs. 4 StGB, Anlage 3 zum AV-Vertrag",
            ),
            (TodoId::Dpia, TodoStatus::Open, "Frau Dr. Kaya (DSB)", Some(date(2026, 12, 15)), ""),
            (
                TodoId::ParticipantInformation,
                TodoStatus::Open,
                "Jana Brandt",
                Some(date(2026, 11, 20)),
                "",
            ),
            (
                TodoId::Settings,
                TodoStatus::Done,
                "Tim Okafor",
                Some(date(2026, 10, 20)),
                "Konfigurationsprotokoll im Ticket IT-318",
            ),
            (
                TodoId::RecordOfProcessing,
                TodoStatus::Open,
                "Jana Brandt",
                Some(date(2026, 12, 31)),
                "",
            ),
        ],
    );
    a.step = Step::Checklist;
    a.review_by = Some(date(2027, 11, 16));
    a.meta.updated = ts("2026-11-18T15:20:00Z");
    a
}

fn school_scenario() -> Assessment {
    let catalog = catalog();
    let mut a = Assessment::new(
        "gs0001".into(),
        "Grundschule Am Mühlbach – Fernunterricht und Elterngespräche".into(),
        ts("2025-06-02T06:30:00Z"),
        catalog.edition.clone(),
    );
    a.meta.organisation = "Grundschule Am Mühlbach, Freiburg im Breisgau".into();
    a.meta.controller = "Grundschule Am Mühlbach, Schulleitung, Mühlbachweg 3, 79100 Freiburg, poststelle@gs-muehlbach.example".into();
    a.meta.dpo_contact = "Datenschutzbeauftragter für Schulen am Staatlichen Schulamt Freiburg, dsb-schulen@ssa-fr.example".into();
    a.meta.assessors = "Sabine Lorenz (Konrektorin), Herr Yılmaz (Netzwerkberater)".into();
    a.meta.decision_makers = vec!["Dr. Petra Hahn (Schulleiterin)".into()];
    a.meta.consulted =
        vec!["Örtlicher Personalrat".into(), "Elternbeirat".into(), "Schulkonferenz".into()];
    a.meta.informed = vec!["Kollegium".into(), "Eltern über den Elternbrief".into()];
    let s = &mut a.scenario;
    s.org_type = OrgType::School;
    s.public_body = Some(true);
    s.regime = Some(LegalRegime::StateLaw);
    // Saved before these were proposals: every answer given.
    s.social_data = Some(false);
    s.professional_secrecy = Some(false);
    s.bundesland = Some(Bundesland::BadenWuerttemberg);
    s.purposes =
        BTreeSet::from([Purpose::Teaching, Purpose::ExternalMeetings, Purpose::InternalMeetings]);
    s.organisers = BTreeSet::from([Organiser::Teachers]);
    s.participants = BTreeSet::from([Participant::Pupils, Participant::Staff, Participant::Public]);
    s.largest_meeting = 50;
    s.data = BTreeSet::from([DataCategory::Ordinary, DataCategory::ChildrensData]);
    s.representation = Representation::StaffCouncil;
    s.transfer_stance = TransferStance::EuOnly;
    s.hosting = HostingPreference::Any;
    s.install_possible = false;
    s.browsers =
        BTreeSet::from([Browser::Chromium, Browser::Firefox, Browser::Safari, Browser::Mobile]);
    s.required_features =
        BTreeSet::from([Feature::ScreenSharing, Feature::BreakoutRooms, Feature::Whiteboard]);
    a.history = vec![
        change(
            "2025-06-02T07:05:00Z",
            AnswerId::Participants,
            AnswerValue::Participants(BTreeSet::from([Participant::Pupils, Participant::Staff])),
            AnswerValue::Participants(BTreeSet::from([
                Participant::Pupils,
                Participant::Staff,
                Participant::Public,
            ])),
        ),
        change(
            "2025-06-16T09:40:00Z",
            AnswerId::RequiredFeatures,
            AnswerValue::Features(BTreeSet::from([Feature::ScreenSharing])),
            AnswerValue::Features(BTreeSet::from([
                Feature::ScreenSharing,
                Feature::BreakoutRooms,
                Feature::Whiteboard,
            ])),
        ),
    ];
    a
}

pub fn school() -> Assessment {
    let catalog = catalog();
    let mut a = school_scenario();
    let taken_on = date(2025, 7, 3);
    let (chosen, _) = decide(
        &mut a,
        &catalog,
        taken_on,
        "Läuft ohne Installation auf den Tablets der Schule und den Geräten der Familien, Daten bleiben in der EU, Gruppenräume und Whiteboard für den Unterricht sind vorhanden.",
        Some(("jitsi-netways", "tixeo-cloud")),
    );
    a.status = Some(StatusChange {
        status: Status::Accepted,
        by: "Dr. Petra Hahn (Schulleiterin)".into(),
        on: date(2025, 7, 10),
    });
    a.checklist = checklist(
        &a.scenario,
        &catalog,
        &chosen,
        &[
            (
                TodoId::InvolveItAndDpo,
                TodoStatus::Done,
                "Sabine Lorenz",
                Some(date(2025, 6, 20)),
                "E-Mail des DSB vom 20.06.2025",
            ),
            (
                TodoId::Dpa,
                TodoStatus::Done,
                "Herr Yılmaz",
                Some(date(2025, 7, 31)),
                "AV-Vertrag, Schulakte 064.2",
            ),
            (
                TodoId::Representation,
                TodoStatus::Done,
                "Dr. Petra Hahn",
                Some(date(2025, 9, 1)),
                "Dienstvereinbarung Videokonferenzen vom 01.09.2025",
            ),
            (
                TodoId::ParticipantInformation,
                TodoStatus::Done,
                "Sabine Lorenz",
                Some(date(2025, 9, 8)),
                "Elternbrief 2025/03 mit Datenschutzhinweisen",
            ),
            (
                TodoId::Settings,
                TodoStatus::NotApplicable,
                "Herr Yılmaz",
                None,
                "vom Anbieter voreingestellt",
            ),
            (
                TodoId::RecordOfProcessing,
                TodoStatus::Open,
                "Sabine Lorenz",
                Some(date(2025, 10, 31)),
                "",
            ),
        ],
    );
    a.step = Step::Review;
    // The yearly review is overdue: `show` warns about it.
    a.review_by = Some(date(2026, 7, 31));
    a.meta.updated = ts("2025-09-08T11:00:00Z");
    a
}

fn company_scenario() -> Assessment {
    let catalog = catalog();
    let mut a = Assessment::new(
        "mfm001".into(),
        "Müller Feinmechanik – Videokonferenzen mit Kunden und Bewerbern".into(),
        ts("2026-10-20T08:00:00Z"),
        catalog.edition.clone(),
    );
    a.meta.organisation = "Müller Feinmechanik GmbH, Augsburg".into();
    a.meta.controller = "Müller Feinmechanik GmbH, Gutenbergstraße 8, 86156 Augsburg, datenschutz@mueller-fm.example".into();
    a.meta.dpo_contact =
        "Externer Datenschutzbeauftragter: Stefan Reiter, reiter@dsb-schwaben.example".into();
    a.meta.assessors = "Lea Fischer (IT-Leitung)".into();
    a.meta.decision_makers = vec!["Thomas Müller (Geschäftsführung)".into()];
    a.meta.consulted =
        vec!["Betriebsrat (Vorsitzende Anke Vogel)".into(), "Datenschutzbeauftragter".into()];
    a.meta.informed = vec!["Alle Beschäftigten über das Intranet".into()];
    let s = &mut a.scenario;
    s.org_type = OrgType::Company;
    // Saved before these were proposals: every answer given.
    s.public_body = Some(false);
    s.regime = Some(LegalRegime::GdprBdsg);
    s.social_data = Some(false);
    s.professional_secrecy = Some(false);
    s.bundesland = Some(Bundesland::Bayern);
    s.purposes = BTreeSet::from([
        Purpose::InternalMeetings,
        Purpose::ExternalMeetings,
        Purpose::JobInterviews,
    ]);
    s.organisers = BTreeSet::from([Organiser::Staff]);
    s.participants =
        BTreeSet::from([Participant::Staff, Participant::BusinessPartners, Participant::Public]);
    s.largest_meeting = 100;
    s.data = BTreeSet::from([DataCategory::Ordinary, DataCategory::ConfidentialBusiness]);
    s.e2ee_required = Some(false);
    s.representation = Representation::WorksCouncil;
    s.transfer_stance = TransferStance::Dpf;
    s.hosting = HostingPreference::Any;
    s.install_possible = true;
    s.browsers = BTreeSet::from([Browser::Chromium, Browser::Firefox, Browser::Safari]);
    s.required_features = BTreeSet::from([Feature::ScreenSharing, Feature::DialIn, Feature::Lobby]);
    a.history = vec![
        change(
            "2026-10-20T08:20:00Z",
            AnswerId::TransferStance,
            AnswerValue::TransferStance(TransferStance::EuOnly),
            AnswerValue::TransferStance(TransferStance::Dpf),
        ),
        change(
            "2026-10-27T14:05:00Z",
            AnswerId::RequiredFeatures,
            AnswerValue::Features(BTreeSet::from([
                Feature::ScreenSharing,
                Feature::Recording,
                Feature::DialIn,
                Feature::Lobby,
            ])),
            AnswerValue::Features(BTreeSet::from([
                Feature::ScreenSharing,
                Feature::DialIn,
                Feature::Lobby,
            ])),
        ),
    ];
    a
}

pub fn company() -> Assessment {
    let catalog = catalog();
    let mut a = company_scenario();
    // Decided with the catalogue edition of that month (the record names both).
    let taken_on = date(2026, 11, 3);
    let (chosen, _) = decide(
        &mut a,
        &catalog,
        taken_on,
        "Vorschlag der IT: Wire, Ende-zu-Ende-verschlüsselt, Anbieter in der Schweiz; Einwahl per Telefon für Kunden ohne Headset, Bildschirmfreigabe und Warteraum muss der Anbieter noch schriftlich bestätigen, bevor Wire eingesetzt wird. Zweite Wahl ist Zoom. Aufzeichnungen sind nicht vorgesehen; die Betriebsvereinbarung wird das ausdrücklich regeln.",
        Some(("wire", "zoom")),
    );
    a.status = Some(StatusChange {
        status: Status::Proposed,
        by: "Lea Fischer (IT-Leitung)".into(),
        on: taken_on,
    });
    a.checklist = checklist(
        &a.scenario,
        &catalog,
        &chosen,
        &[
            (
                TodoId::InvolveItAndDpo,
                TodoStatus::Done,
                "Lea Fischer",
                Some(date(2026, 10, 22)),
                "Termin mit Herrn Reiter am 22.10.2026",
            ),
            (
                TodoId::Representation,
                TodoStatus::Open,
                "Thomas Müller",
                Some(date(2026, 12, 10)),
                "Entwurf Betriebsvereinbarung v2 liegt dem Betriebsrat vor",
            ),
            (TodoId::Dpa, TodoStatus::Open, "Lea Fischer", Some(date(2026, 12, 1)), ""),
            (TodoId::TransferBasis, TodoStatus::Open, "Lea Fischer", Some(date(2026, 12, 1)), ""),
        ],
    );
    a.step = Step::Checklist;
    a.review_by = Some(date(2027, 11, 30));
    a.meta.updated = ts("2026-11-24T10:15:00Z");
    a
}

fn examples() -> [Assessment; 3] {
    [counselling(), school(), company()]
}

fn file_of(a: &Assessment) -> PathBuf {
    saves_dir().join(format!("{}.ron", names::file_name(&a.meta.title, &a.meta.id)))
}

/// Regenerates `saves/` from the scenarios above (after a catalogue or narrowing change that
/// should show in the examples). Review the diff before committing.
#[test]
#[ignore = "rewrites the example files in saves/"]
fn write_examples() {
    std::fs::create_dir_all(saves_dir()).unwrap();
    for a in examples() {
        std::fs::write(file_of(&a), format::to_text(&a).unwrap()).unwrap();
    }
}

#[test]
fn examples_load_and_hold_what_they_promise() {
    let store = Store::new(saves_dir());
    let files: Vec<PathBuf> = std::fs::read_dir(saves_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    assert!(files.len() >= 3, "{files:?}");
    let catalog = catalog();
    for path in &files {
        // A PATH outside the test's saves directory: read-only, no warnings.
        let loaded = Store::new(tempfile::tempdir().unwrap().path())
            .inspect(path.to_str().unwrap())
            .unwrap();
        assert!(
            loaded.read_only && loaded.warnings.is_empty(),
            "{}: {:?}",
            path.display(),
            loaded.warnings
        );
        let a = &loaded.assessment;
        let d = a.decision.as_ref().unwrap_or_else(|| panic!("{}: no decision", path.display()));
        assert!(
            catalog.offering(&d.chosen).is_some(),
            "{}: {} not in the catalogue",
            path.display(),
            d.chosen
        );
        assert!(d.snapshot.offerings.iter().any(|o| o.id == d.chosen));
        assert!(
            d.snapshot.shortlist.ranked.iter().any(|e| e.offering == d.chosen),
            "chosen from the shortlist"
        );
        assert!(!d.snapshot.sources.is_empty() && !d.snapshot.todos.is_empty());
        assert!(!d.rationale.is_empty() && a.status.is_some() && a.review_by.is_some());
        assert!(!a.history.is_empty());
        let statuses: BTreeSet<TodoStatus> = a.checklist.values().map(|i| i.status).collect();
        assert!(statuses.len() >= 2, "{}: mixed checklist statuses", path.display());
        assert!(a.checklist.values().any(|i| !i.owner.is_empty() && i.due.is_some()));
        assert!(a.checklist.values().any(|i| !i.evidence.is_empty()));
        assert_eq!(file_of(a), *path, "file name = slug of the title + id");
    }
    // The three scenarios are there and say what they are.
    for a in examples() {
        let loaded = store.inspect(&names::file_name(&a.meta.title, &a.meta.id)).unwrap();
        assert_eq!(loaded.assessment.meta.title, a.meta.title);
        assert_eq!(loaded.assessment.scenario, a.scenario, "regenerate with write_examples");
    }
    let school =
        store.inspect(&names::file_name(&school().meta.title, "gs0001")).unwrap().assessment;
    assert!(school.scenario.participants.contains(&Participant::Pupils));
    assert_eq!(school.scenario.representation, Representation::StaffCouncil);
    let counselling =
        store.inspect(&names::file_name(&counselling().meta.title, "bst001")).unwrap().assessment;
    assert!(counselling.scenario.professional_secrecy() && counselling.scenario.social_data());
    let company =
        store.inspect(&names::file_name(&company().meta.title, "mfm001")).unwrap().assessment;
    assert_eq!(company.scenario.representation, Representation::WorksCouncil);
    assert_eq!(company.status.unwrap().status, Status::Proposed);
}

/// `list` reads only the header of each example: it must say what the assessment says.
#[test]
fn the_examples_headers_agree_with_their_assessments() {
    for entry in std::fs::read_dir(saves_dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "ron") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let a = format::parse(&bytes).unwrap().assessment;
        match format::parse_header(&bytes) {
            format::HeaderRead::Read(header) => {
                assert_eq!(*header, format::Header::of(&a), "{}", path.display());
            }
            other => panic!("{}: {other:?}", path.display()),
        }
    }
}
