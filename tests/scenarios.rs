//! Realistic scenarios on the real catalogue. Each row says why offerings are in or out, from
//! the public sources that `assets/catalog.ron` cites for each fact. Assertions name offering
//! ids and rule ids, so that a catalogue change that alters the advice shows up.

use jiff::civil::Date;
use meetcheck::domain::catalog::{Browser, Catalog, Feature, parse};
use meetcheck::domain::narrowing::{AnswerId, Outcome, RelaxedTo, RuleId, Tier, narrow};
use meetcheck::domain::scenario::*;
use meetcheck::domain::todos::{TodoId, TodoReason, before_decision, todos};

const TODAY: Date = Date::constant(2026, 12, 2);

fn catalog() -> Catalog {
    parse(meetcheck::commands::EMBEDDED_CATALOG).expect("embedded catalogue parses")
}

struct Case {
    name: &'static str,
    scenario: Scenario,
    /// Offerings that must remain.
    remain: &'static [&'static str],
    /// Offerings that must be excluded, with one rule each must show.
    out: &'static [(&'static str, RuleId)],
    /// Offerings that must remain as fits if confirmed, with one requirement each leaves open.
    open: &'static [(&'static str, RuleId)],
    /// To-dos that must appear before the decision, and whether each is a precondition.
    todos: &'static [(TodoId, bool)],
    /// To-dos that must not appear.
    no_todos: &'static [TodoId],
}

/// Checks one case; returns every way it fails (all of them, so that a catalogue change shows
/// its whole effect at once).
fn check(c: &Catalog, case: &Case) -> Vec<String> {
    let mut errors = Vec::new();
    let list = narrow(c, &case.scenario, TODAY);
    // No fit if confirmed ever ranks above a confirmed fit.
    let tiers: Vec<Tier> = list.ranked.iter().map(|e| e.tier()).collect();
    if tiers.windows(2).any(|w| w[0] > w[1]) {
        errors.push(format!("{}: a fit if confirmed ranks above a confirmed fit", case.name));
    }
    for id in case.remain {
        match list.evaluation(id) {
            None => errors.push(format!("{}: {id} not in catalogue", case.name)),
            Some(e) if e.excluded() => errors.push(format!(
                "{}: {id} should remain, excluded by {:?}",
                case.name,
                e.knockouts.iter().map(|k| k.rule).collect::<Vec<_>>()
            )),
            Some(_) => {}
        }
    }
    for (id, rule) in case.open {
        match list.evaluation(id) {
            Some(e) if e.outcome(*rule) == Outcome::Unconfirmed && !e.excluded() => {}
            Some(e) => errors.push(format!(
                "{}: {id} should be a fit if {rule:?} is confirmed, has {:?} / {:?}",
                case.name,
                e.knockouts.iter().map(|k| k.rule).collect::<Vec<_>>(),
                e.unconfirmed.iter().map(|u| u.rule).collect::<Vec<_>>()
            )),
            None => errors.push(format!("{}: {id} not in catalogue", case.name)),
        }
    }
    for (id, rule) in case.out {
        match list.evaluation(id) {
            Some(e) if e.knockouts.iter().any(|k| k.rule == *rule) => {}
            Some(e) => errors.push(format!(
                "{}: {id} should be out by {rule:?}, has {:?}",
                case.name,
                e.knockouts.iter().map(|k| k.rule).collect::<Vec<_>>()
            )),
            None => errors.push(format!("{}: {id} not in catalogue", case.name)),
        }
    }
    // The to-dos before the decision, with a question for every fit if confirmed.
    let list_todos = before_decision(&case.scenario, &list);
    for (id, precondition) in case.todos {
        match list_todos.iter().find(|t| t.id == *id) {
            Some(t) if t.precondition == *precondition => {}
            Some(_) => errors.push(format!("{}: precondition flag of {id:?}", case.name)),
            None => errors.push(format!("{}: to-do {id:?} missing", case.name)),
        }
    }
    for id in case.no_todos {
        if list_todos.iter().any(|t| t.id == *id) {
            errors.push(format!("{}: to-do {id:?} should not apply", case.name));
        }
    }
    errors
}

fn cases() -> Vec<Case> {
    vec![
        // 1. Counselling service (social data, clients in crisis, health topics, § 203 secrets;
        // clients cannot install apps). Very high need → E2EE required.
        // - BBB (any operator), alfaview, OpenTalk: no E2EE at all (see the catalogue's sources;
        //   BBB transport only) → E2ee.
        // - Zoom: E2EE meetings cannot be joined from a browser (see the catalogue's sources) → BrowserJoin;
        //   its processing in the US also breaks "EU only" → TransferStance.
        // - Teams (M365): E2EE needs Premium and blocks the browser (§2.2) → BrowserJoin.
        // - Google Meet free: no DPA (consumer) and ad-financed in a counselling context → NoDpa,
        //   OwnPurpose.
        // - Wire: E2EE in Chromium and Firefox only, no Safari (§2.7) → BrowserJoin.
        // - Signal: app only → BrowserJoin.
        // - Tixeo: E2EE always; browser under E2EE unknown → remains with a question, and as
        //   joining without installation is a hard requirement here, the provider must confirm
        //   it before the first session (ask-provider is a precondition of use).
        Case {
            name: "counselling service",
            scenario: Scenario {
                org_type: OrgType::SocialService,
                social_data: Some(true),
                professional_secrecy: Some(true),
                purposes: [Purpose::Counselling].into(),
                participants: [Participant::VulnerableClients, Participant::Staff].into(),
                data: [DataCategory::SpecialCategories, DataCategory::ProfessionalSecrets].into(),
                largest_meeting: 5,
                install_possible: false,
                // Clients join from whatever they have, phones included.
                browsers: [Browser::Chromium, Browser::Firefox, Browser::Safari, Browser::Mobile]
                    .into(),
                representation: Representation::None,
                ..Scenario::default()
            },
            remain: &["tixeo-cloud", "jitsi-netways"],
            out: &[
                ("jitsi-mailbox-org", RuleId::BrowserJoin),
                ("bbb-werk21", RuleId::E2ee),
                ("alfaview", RuleId::E2ee),
                ("zoom", RuleId::BrowserJoin),
                ("zoom", RuleId::TransferStance),
                ("teams-m365", RuleId::BrowserJoin),
                ("google-meet-free", RuleId::NoDpa),
                ("google-meet-free", RuleId::OwnPurpose),
                ("wire", RuleId::BrowserJoin),
                ("signal", RuleId::BrowserJoin),
            ],
            open: &[],
            todos: &[
                (TodoId::Dpa, true),
                (TodoId::Dpia, true),
                (TodoId::SpecialCategoryCondition, true),
                (TodoId::ProfessionalSecrecy, true),
                (TodoId::SocialDataNotice, true),
                (TodoId::AskProvider, true),
            ],
            no_todos: &[TodoId::Representation, TodoId::StatutoryInsurance],
        },
        // 2. Primary school (state law, pupils, children's data; browsers only; up to 50).
        // High need, E2EE not required. Ad-financed Google Meet free is out (minors) and has no
        // DPA. Zoom and Teams process in the US → out at "EU only". BBB by Werk21 (Berlin's
        // green light 2020) remains; self-hosted BBB needs capacity the school lacks.
        Case {
            name: "primary school",
            scenario: Scenario {
                org_type: OrgType::School,
                public_body: Some(true),
                regime: Some(LegalRegime::StateLaw),
                bundesland: Some(Bundesland::BadenWuerttemberg),
                purposes: [Purpose::Teaching].into(),
                organisers: [Organiser::Teachers].into(),
                participants: [Participant::Pupils].into(),
                data: [DataCategory::ChildrensData].into(),
                largest_meeting: 50,
                install_possible: false,
                representation: Representation::StaffCouncil,
                ..Scenario::default()
            },
            remain: &["bbb-werk21", "alfaview", "jitsi-netways"],
            out: &[
                ("google-meet-free", RuleId::OwnPurpose),
                ("zoom", RuleId::TransferStance),
                ("teams-m365", RuleId::TransferStance),
                ("bbb-self-hosted", RuleId::SelfHosting),
                ("signal", RuleId::BrowserJoin),
                ("galene", RuleId::SelfHosting),
            ],
            open: &[],
            todos: &[
                (TodoId::Dpia, true),
                (TodoId::Representation, true),
                (TodoId::LegalBasis, false),
            ],
            no_todos: &[TodoId::EmployeeConsentWeak, TodoId::SocialDataNotice],
        },
        // 3. Company on Microsoft 365 with a works council, accepting DPF-certified US
        // recipients. Teams (M365): DPA standard, sub-processors in the US, Microsoft DPF-certified
        // (see the catalogue's sources) → passes at the DPF level; authorities contested (DSK 2022 negative,
        // HBDI 2025 conditional, §7) → a yellow light, never a knock-out. Teams free has no DPA.
        // Whereby's US sub-processors need SCC → out at the DPF level.
        Case {
            name: "company on Microsoft 365 with works council",
            scenario: Scenario {
                org_type: OrgType::Company,
                purposes: [Purpose::InternalMeetings, Purpose::ExternalMeetings].into(),
                participants: [Participant::Staff, Participant::BusinessPartners].into(),
                data: [DataCategory::ConfidentialBusiness].into(),
                largest_meeting: 100,
                representation: Representation::WorksCouncil,
                transfer_stance: TransferStance::Dpf,
                required_features: [Feature::ScreenSharing].into(),
                recording: RecordingPolicy::WithConsent,
                ..Scenario::default()
            },
            remain: &["teams-m365", "zoom", "webex"],
            out: &[("teams-free", RuleId::NoDpa), ("whereby", RuleId::TransferStance)],
            open: &[],
            todos: &[
                (TodoId::Representation, true),
                (TodoId::EmployeeConsentWeak, false),
                (TodoId::Recording, false),
                (TodoId::Dpia, true),
            ],
            no_todos: &[TodoId::SocialDataNotice, TodoId::ProfessionalSecrecy],
        },
        // 4. Law firm: § 203 secrets, very high need → E2EE required; clients may install apps.
        // Transport-only offerings (alfaview, BBB) are out; Zoom stays out at "EU only" (US
        // processing). Wire (Swiss operator, adequacy; E2EE always; 100 under E2EE) remains
        // when adequacy countries are allowed.
        Case {
            name: "law firm",
            scenario: Scenario {
                org_type: OrgType::LawFirm,
                professional_secrecy: Some(true),
                purposes: [Purpose::ExternalMeetings].into(),
                participants: [Participant::BusinessPartners, Participant::Staff].into(),
                data: [DataCategory::ProfessionalSecrets].into(),
                largest_meeting: 5,
                transfer_stance: TransferStance::Adequacy,
                ..Scenario::default()
            },
            remain: &["wire", "tixeo-cloud"],
            out: &[
                ("alfaview", RuleId::E2ee),
                ("bbb-werk21", RuleId::E2ee),
                ("zoom", RuleId::TransferStance),
                ("google-meet-free", RuleId::NoDpa),
            ],
            open: &[],
            todos: &[
                (TodoId::ProfessionalSecrecy, true),
                (TodoId::Dpa, true),
                (TodoId::Dpia, true),
            ],
            no_todos: &[TodoId::SocialDataNotice],
        },
        // 5. Association without IT: volunteers, no server of its own, ordinary data. Every
        // self-operated offering is out (SelfHosting); the what-if names them. Google Meet free
        // lacks a DPA → out even for a small association (Art. 28 always applies).
        Case {
            name: "association without IT",
            scenario: Scenario {
                org_type: OrgType::Association,
                organisers: [Organiser::Volunteers].into(),
                participants: [Participant::Public, Participant::Staff].into(),
                largest_meeting: 20,
                install_possible: false,
                browsers: [Browser::Chromium, Browser::Firefox].into(),
                ..Scenario::default()
            },
            remain: &["jitsi-mailbox-org", "alfaview"],
            out: &[
                ("jitsi-self-hosted", RuleId::SelfHosting),
                ("nextcloud-talk", RuleId::SelfHosting),
                ("google-meet-free", RuleId::NoDpa),
                ("signal", RuleId::BrowserJoin),
            ],
            open: &[],
            todos: &[(TodoId::ParticipantInformation, true), (TodoId::Dpa, true)],
            no_todos: &[TodoId::Dpia, TodoId::Representation],
        },
        // 6. Public webinar of a company: up to 300 viewers, browsers incl. mobile, SCC stance.
        // Galène (12), Nextcloud Talk without HPB (20), Signal (40, app only) are too small;
        // Wire has no Safari and 100 people; BBB self-hosted needs capacity; Zoom passes.
        Case {
            name: "public webinar",
            scenario: Scenario {
                purposes: [Purpose::Webinars].into(),
                participants: [Participant::Public].into(),
                largest_meeting: 300,
                install_possible: false,
                browsers: [Browser::Chromium, Browser::Firefox, Browser::Safari].into(),
                transfer_stance: TransferStance::SccWithTia,
                ..Scenario::default()
            },
            remain: &["zoom"],
            out: &[
                ("bbb-berlin-sdui", RuleId::Size),
                ("wire", RuleId::BrowserJoin),
                ("wire", RuleId::Size),
                ("signal", RuleId::Size),
                ("jitsi-mailbox-org", RuleId::BrowserJoin),
            ],
            open: &[],
            todos: &[(TodoId::ParticipantInformation, true), (TodoId::Dpa, true)],
            no_todos: &[TodoId::Dpia, TodoId::EmployeeConsentWeak],
        },
        // 7. Medical practice with statutory-insurance video consultations: only certified
        // providers on the KBV list (Anlage 31b BMV-Ä). The certified providers in the catalogue
        // remain (RED connect, MeetOne); general platforms and providers whose certification is
        // not shown are out by StatutoryInsurance; the to-dos name patient consent and the KV
        // notice.
        Case {
            name: "medical practice with statutory-insurance consultations",
            scenario: Scenario {
                org_type: OrgType::HealthCare,
                professional_secrecy: Some(true),
                purposes: [Purpose::Consultations].into(),
                participants: [Participant::Patients].into(),
                data: [DataCategory::SpecialCategories].into(),
                largest_meeting: 5,
                install_possible: false,
                statutory_insurance_video: true,
                ..Scenario::default()
            },
            remain: &["red-connect", "meetone"],
            out: &[
                ("samedi-video", RuleId::StatutoryInsurance),
                ("zoom", RuleId::StatutoryInsurance),
                ("teams-m365", RuleId::StatutoryInsurance),
                ("jitsi-mailbox-org", RuleId::StatutoryInsurance),
                ("alfaview", RuleId::StatutoryInsurance),
            ],
            open: &[],
            todos: &[
                (TodoId::StatutoryInsurance, true),
                (TodoId::SpecialCategoryCondition, true),
                (TodoId::ProfessionalSecrecy, true),
            ],
            no_todos: &[TodoId::Representation],
        },
        // 8. Job interviews of a company: applicants are prospective employees (employee data
        // protection), confidential personnel matters → high need; no E2EE requirement.
        // Whereby (US sub-processors on SCC) and Zoom (US) are out at "EU only".
        Case {
            name: "job interviews",
            scenario: Scenario {
                purposes: [Purpose::JobInterviews].into(),
                participants: [Participant::Public, Participant::Staff].into(),
                data: [DataCategory::ConfidentialBusiness].into(),
                largest_meeting: 5,
                install_possible: false,
                representation: Representation::WorksCouncil,
                ..Scenario::default()
            },
            remain: &["alfaview", "jitsi-netways"],
            out: &[("whereby", RuleId::TransferStance), ("zoom", RuleId::TransferStance)],
            open: &[],
            todos: &[(TodoId::LegalBasis, false), (TodoId::Representation, true)],
            no_todos: &[TodoId::SpecialCategoryCondition],
        },
        // 9. Clinic with special categories and its own IT (self-hosting possible, own
        // operation only). E2EE required. Nextcloud Talk (always E2EE, all desktop browsers,
        // 20 people) and Element Call (compulsory E2EE in the browser, §2.8) remain; BBB and
        // OpenTalk (no E2EE) are out; online services are out by the hosting preference.
        Case {
            name: "clinic with special categories, self-hosted",
            scenario: Scenario {
                org_type: OrgType::HealthCare,
                purposes: [Purpose::InternalMeetings, Purpose::Consultations].into(),
                participants: [Participant::Staff, Participant::Patients].into(),
                data: [DataCategory::SpecialCategories].into(),
                largest_meeting: 20,
                hosting: HostingPreference::OwnOnly,
                self_hosting_capacity: true,
                representation: Representation::WorksCouncil,
                install_possible: false,
                browsers: [Browser::Chromium, Browser::Firefox].into(),
                open_source_required: true,
                ..Scenario::default()
            },
            remain: &["nextcloud-talk", "element-call-self-hosted", "opentalk-self-hosted"],
            out: &[
                ("bbb-self-hosted", RuleId::E2ee),
                ("galene", RuleId::E2ee),
                ("zoom", RuleId::Hosting),
                ("wire", RuleId::Hosting),
                ("jitsi-self-hosted", RuleId::BrowserJoin),
            ],
            open: &[],
            todos: &[(TodoId::Dpia, true), (TodoId::Dpa, true), (TodoId::CheckToms, false)],
            no_todos: &[TodoId::TransferBasis, TodoId::StatutoryInsurance],
        },
        // 10. Municipal authority (state law, Hesse), staff meetings with citizens, staff
        // council, capacity to run a server via its IT provider. Self-operated BBB remains.
        // Teams M365 is out at "EU only" (US sub-processors) — the HBDI's 2025 conditional
        // position informs a light but never overrides a hard requirement. The Berlin
        // administration's BBB service is open only to Berlin public bodies and its contract ran
        // until 10/2026 (videokonferenz.berlin terms): out for a Hessian town.
        Case {
            name: "municipal authority",
            scenario: Scenario {
                org_type: OrgType::PublicBody,
                public_body: Some(true),
                regime: Some(LegalRegime::StateLaw),
                bundesland: Some(Bundesland::Hessen),
                purposes: [Purpose::InternalMeetings, Purpose::ExternalMeetings].into(),
                participants: [Participant::Staff, Participant::Public].into(),
                largest_meeting: 50,
                representation: Representation::StaffCouncil,
                self_hosting_capacity: true,
                hosting: HostingPreference::OwnOrProvider,
                ..Scenario::default()
            },
            remain: &["bbb-self-hosted", "jitsi-self-hosted"],
            out: &[
                ("bbb-berlin-sdui", RuleId::Availability),
                ("teams-m365", RuleId::Hosting),
                ("zoom", RuleId::Hosting),
                ("tixeo-cloud", RuleId::Hosting),
            ],
            open: &[],
            todos: &[(TodoId::Representation, true), (TodoId::LegalBasis, false)],
            no_todos: &[TodoId::SocialDataNotice],
        },
        // 11. Catholic kindergarten (KDG): parent meetings with educators; children's data →
        // high need; church employee representation. Ad-financed Google Meet free is out
        // (minors). No capacity for a server.
        Case {
            name: "church kindergarten",
            scenario: Scenario {
                org_type: OrgType::SocialService,
                regime: Some(LegalRegime::ChurchKdg),
                purposes: [Purpose::ExternalMeetings].into(),
                participants: [Participant::Staff, Participant::Public].into(),
                data: [DataCategory::ChildrensData].into(),
                largest_meeting: 20,
                representation: Representation::ChurchCouncil,
                install_possible: false,
                ..Scenario::default()
            },
            remain: &["alfaview", "jitsi-netways"],
            out: &[
                ("google-meet-free", RuleId::OwnPurpose),
                ("bbb-self-hosted", RuleId::SelfHosting),
            ],
            open: &[],
            todos: &[(TodoId::Representation, true), (TodoId::Dpia, true)],
            no_todos: &[TodoId::SocialDataNotice],
        },
    ]
}

#[test]
fn realistic_scenarios_on_the_real_catalogue() {
    let c = catalog();
    let all = cases();
    assert!(all.len() >= 10);
    let errors: Vec<String> = all.iter().flat_map(|case| check(&c, case)).collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn what_ifs_on_the_real_catalogue() {
    let c = catalog();
    // Company at "EU only": allowing adequacy countries is the next level; allowing DPF would
    // bring back Zoom and Teams (both DPF-certified).
    let s = Scenario { transfer_stance: TransferStance::Adequacy, ..Scenario::default() };
    let list = narrow(&c, &s, TODAY);
    let dpf = list
        .what_ifs
        .iter()
        .find(|w| w.answer == AnswerId::TransferStance)
        .expect("a stance what-if");
    assert_eq!(dpf.relaxed_to, RelaxedTo::Stance(TransferStance::Dpf));
    assert!(dpf.brings_back.contains(&"zoom".to_string()));
    assert!(dpf.brings_back.contains(&"teams-m365".to_string()));
    // An association without IT: capacity would bring back the self-hosted offerings.
    let list = narrow(&c, &Scenario::default(), TODAY);
    let capacity =
        list.what_ifs.iter().find(|w| w.answer == AnswerId::SelfHostingCapacity).unwrap();
    assert!(capacity.brings_back.contains(&"bbb-self-hosted".to_string()));
}

#[test]
fn zoom_needs_the_dpf_check_with_scc_fallback() {
    // Zoom processes in the US and is DPF-certified (see the catalogue's sources): the transfer to-do is
    // the DPF list check with SCC fallback and review date — a precondition of use.
    let c = catalog();
    let s = Scenario { transfer_stance: TransferStance::Dpf, ..Scenario::default() };
    let list = todos(&s, c.offering("zoom"));
    let t = list.iter().find(|t| t.id == TodoId::TransferBasis).expect("transfer to-do");
    assert!(t.precondition);
    assert!(t.caused_by(TodoReason::TransferDpf));
}

#[test]
fn authority_positions_never_knock_out_on_the_real_catalogue() {
    // Teams M365 has a current negative DSK position (2022) and conditional HBDI/EDPS ones:
    // contested, a yellow light; at the DPF stance it remains.
    let c = catalog();
    let s = Scenario { transfer_stance: TransferStance::Dpf, ..Scenario::default() };
    let list = narrow(&c, &s, TODAY);
    let teams = list.evaluation("teams-m365").unwrap();
    assert!(!teams.excluded());
    assert!(teams.knockouts.is_empty());
}
