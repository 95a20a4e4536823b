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

/// Every character that could break a table, a heading, a list, the front matter or the page.
pub const HOSTILE: &str = "| # * _x_ `tick` [a](b) <script>alert(1)</script>\n1. --- > + - ~~s~~ \
                           &amp; $x$ mail@example.org \\ end #";

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
    a.meta.decision_makers = "Dr. Anna Berger; Jonas Weiß".into();
    a.meta.consulted = "Works council".into();
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
    a.meta.title = "# Evil | title *x* <script>alert(1)</script>\n---\nstatus: hacked".into();
    a.meta.organisation = HOSTILE.into();
    a.meta.controller = HOSTILE.into();
    a.meta.dpo_contact = "- dpo@example.org | `x`".into();
    a.meta.assessors = HOSTILE.into();
    a.meta.decision_makers = "Eve | \"Mallory\" ---\n<script>alert(1)</script>".into();
    a.meta.consulted = "---".into();
    a.meta.informed = "key: value".into();
    let decision = a.decision.as_mut().unwrap();
    decision.rationale =
        format!("{HOSTILE}\n- not a list\n\n# not a heading\n\n| a | b |\n|---|---|\n| c | d |");
    for item in a.checklist.values_mut() {
        item.owner = "Eve | *Mallory*".into();
        item.evidence = "`rm -rf` [x]".into();
        item.note = HOSTILE.into();
    }
    a
}

pub fn render(kind: Kind, a: &Assessment, lang: Lang) -> String {
    export::render(kind, a, &catalog(), &Texts::embedded(lang), TODAY)
}

fn heading_level(line: &str) -> Option<usize> {
    let hashes = line.chars().take_while(|c| *c == '#').count();
    (1..=6).contains(&hashes).then_some(hashes).filter(|_| line[hashes..].starts_with(' '))
}

fn is_list_line(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with("* ") || t.starts_with("- ") || t.starts_with("+ ")
}

/// The markdownlint rules the exports rely on (MD013 off, MD024 siblings only, MD033 off), as
/// findings "line N: MDxxx what". Lines are those of the document, front matter included.
pub fn lint(doc: &str) -> Vec<String> {
    let mut found = Vec::new();
    if !doc.ends_with('\n') || doc.ends_with("\n\n") {
        found.push("end: MD047 the file must end with exactly one newline".to_string());
    }
    let lines: Vec<&str> = doc.lines().collect();
    let start = if lines.first() == Some(&"---") {
        lines.iter().skip(1).position(|l| *l == "---").map_or(0, |p| p + 2)
    } else {
        0
    };
    // markdownlint counts a front-matter `title` (at any depth) as the document's H1 (MD025).
    for (i, line) in lines[..start].iter().enumerate() {
        let key = line.trim_start();
        if key.starts_with("title:") || key.starts_with("title=") {
            found.push(format!("line {}: MD025 front-matter title besides the H1: {line}", i + 1));
        }
    }
    let mut h1 = 0;
    let mut previous_level = 0;
    // Heading texts seen per level under the current parent (MD024 siblings_only).
    let mut siblings: Vec<BTreeSet<String>> = vec![BTreeSet::new(); 7];
    let blank = |i: usize| lines.get(i).is_none_or(|l| l.is_empty());
    for i in start..lines.len() {
        let line = lines[i];
        let n = i + 1;
        let mut report = |rule: &str| found.push(format!("line {n}: {rule}: {line}"));
        if line.ends_with(' ') || line.ends_with('\t') {
            report("MD009 trailing spaces");
        }
        if line.is_empty() && i > start && lines[i - 1].is_empty() {
            report("MD012 multiple blank lines");
        }
        if let Some(level) = heading_level(line) {
            if level == 1 {
                h1 += 1;
                if h1 > 1 {
                    report("MD025 more than one H1");
                }
            }
            if previous_level > 0 && level > previous_level + 1 {
                report("MD001 heading level skipped");
            }
            if (i > start && !blank(i - 1)) || !blank(i + 1) {
                report("MD022 heading without blank lines around");
            }
            let text = line[level..].trim().to_string();
            if !siblings[level].insert(text) {
                report("MD024 duplicate sibling heading");
            }
            for deeper in siblings.iter_mut().skip(level + 1) {
                deeper.clear();
            }
            previous_level = level;
        }
        let list_follows = lines.get(i + 1).is_some_and(|next| next.starts_with("* "));
        if line.is_empty() && i > start && is_list_line(lines[i - 1]) && list_follows {
            report("two lists separated by a blank line only: they merge into one");
        }
        let trimmed = line.trim_start();
        if trimmed.starts_with("- ") || trimmed.starts_with("+ ") {
            report("MD004 list marker other than *");
        }
        if is_list_line(line) {
            let indent = line.len() - trimmed.len();
            if indent != 0 && indent != 2 {
                report("MD007 list indentation");
            }
            let before_ok = i == start || blank(i - 1) || is_list_line(lines[i - 1]);
            let after_ok = blank(i + 1) || is_list_line(lines[i + 1]);
            if !before_ok || !after_ok {
                report("MD032 list without blank lines around");
            }
        }
        if line.starts_with('|') {
            let table = |j: usize| lines.get(j).is_some_and(|l| l.starts_with('|'));
            if !(blank(i - 1) || table(i - 1)) || !(blank(i + 1) || table(i + 1)) {
                report("MD058 table without blank lines around");
            }
        }
        for word in line.split([' ', '(', ')']) {
            let bare = word.contains('@') && word.contains('.') && !word.starts_with('<');
            if bare && word.split('@').all(|p| p.chars().next().is_some_and(char::is_alphanumeric))
            {
                report("MD034 bare e-mail address");
            }
        }
        for (pos, _) in line.match_indices("://") {
            let scheme_start =
                line[..pos].rfind(|c: char| !c.is_ascii_alphanumeric()).map_or(0, |p| p + 1);
            if scheme_start == 0 || !line[..scheme_start].ends_with('<') {
                report("MD034 bare URL");
            }
        }
    }
    found
}
