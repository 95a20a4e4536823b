//! Advice that says what it knows: every hard requirement is met, not met or unconfirmed; fits
//! if confirmed rank after every confirmed fit and become questions for the provider; the
//! organisation's own evidence fills what the catalogue does not know; proposals, authority
//! scope, purposes and regimes. Synthetic offerings, one field changed at a time.

mod common;

use common::*;
use jiff::civil::Date;
use meetcheck::domain::assessment::{Assessment, ChecklistItem, Decision, TodoStatus};
use meetcheck::domain::catalog::{
    Authority, AuthorityPosition, Availability, BodyKind, DpaTerms, E2eeMode, Entity, Feature,
    Offering, OwnPurpose, PositionScope, Sector, Verdict,
};
use meetcheck::domain::decision;
use meetcheck::domain::evidence::{self, Evidence, EvidenceFact};
use meetcheck::domain::facts::{AsOf, Fact, Text};
use meetcheck::domain::narrowing::{
    CriterionId, Light, Outcome, RelaxedTo, RuleId, Shortlist, Tier, narrow, position_applies,
};
use meetcheck::domain::scenario::{
    AttentionTracking, Bundesland, DataCategory, LegalRegime, OrgType, Participant, Purpose,
    RecordingPolicy, Scenario, TransferStance,
};
use meetcheck::domain::todos::{self, TodoId, TodoReason, before_decision};

const TODAY: Date = Date::constant(2026, 12, 2);

fn run(offerings: Vec<Offering>, s: &Scenario) -> Shortlist {
    narrow(&catalog(offerings), s, TODAY)
}

/// The outcome of `rule` for one offering alone.
fn outcome(o: Offering, s: &Scenario, rule: RuleId) -> Outcome {
    let id = o.id.clone();
    run(vec![o], s).evaluation(&id).expect("evaluated").outcome(rule)
}

/// Checks met / not met / unconfirmed for one rule: `change` makes the baseline fail the rule
/// with a known fact, `blank` makes the deciding fact unknown.
fn three_outcomes(
    rule: RuleId,
    s: &Scenario,
    change: impl Fn(&mut Offering),
    blank: impl Fn(&mut Offering),
) {
    assert_eq!(outcome(baseline("met"), s, rule), Outcome::Met, "{rule:?}: met");
    let mut not_met = baseline("not-met");
    change(&mut not_met);
    assert_eq!(outcome(not_met, s, rule), Outcome::NotMet, "{rule:?}: not met");
    let mut open = baseline("open");
    blank(&mut open);
    assert_eq!(outcome(open, s, rule), Outcome::Unconfirmed, "{rule:?}: unconfirmed");
}

fn entity(country: &str) -> Fact<Entity> {
    known(Entity { name: format!("Company {country}"), country: country.into() })
}

#[test]
fn transfer_stance_has_three_outcomes() {
    three_outcomes(
        RuleId::TransferStance,
        &Scenario { transfer_stance: TransferStance::EuOnly, ..Scenario::default() },
        |o| o.processing_locations = known(vec!["US".into()]),
        |o| o.processing_locations = unknown(),
    );
}

#[test]
fn social_data_transfers_have_three_outcomes() {
    let s = Scenario {
        social_data: Some(true),
        transfer_stance: TransferStance::SccWithTia,
        ..Scenario::default()
    };
    three_outcomes(
        RuleId::SocialDataTransfers,
        &s,
        |o| {
            o.subprocessor_locations = known(vec!["IN".into()]);
            o.transfer_basis = known(vec![meetcheck::domain::catalog::TransferMechanism::Scc]);
        },
        |o| o.subprocessor_locations = unknown(),
    );
}

#[test]
fn a_dpa_has_three_outcomes() {
    three_outcomes(
        RuleId::NoDpa,
        &Scenario::default(),
        |o| o.dpa = known(DpaTerms::NotOffered),
        |o| o.dpa = unknown(),
    );
}

#[test]
fn own_purposes_have_three_outcomes_in_a_sensitive_context() {
    let school = Scenario { org_type: OrgType::School, ..Scenario::default() };
    three_outcomes(
        RuleId::OwnPurpose,
        &school,
        |o| o.own_purpose = known(OwnPurpose::AdFinanced),
        |o| o.own_purpose = unknown(),
    );
}

#[test]
fn e2ee_has_three_outcomes() {
    let s = Scenario { e2ee_required: Some(true), ..Scenario::default() };
    three_outcomes(
        RuleId::E2ee,
        &s,
        |o| {
            if let Fact::Known { value, .. } = &mut o.e2ee {
                value.mode = E2eeMode::None;
            }
        },
        |o| o.e2ee = unknown(),
    );
}

#[test]
fn joining_in_the_browser_has_three_outcomes() {
    use meetcheck::domain::catalog::Browser;
    let s = Scenario {
        install_possible: false,
        browsers: [Browser::Safari].into(),
        e2ee_required: Some(false),
        ..Scenario::default()
    };
    three_outcomes(
        RuleId::BrowserJoin,
        &s,
        |o| o.browser_join = known(vec![Browser::Chromium]),
        |o| o.browser_join = unknown(),
    );
    // Any browser will do when none is named; apps only is still not met.
    let any = Scenario { browsers: Default::default(), ..s };
    let mut apps_only = baseline("apps");
    apps_only.browser_join = known(vec![]);
    assert_eq!(outcome(apps_only, &any, RuleId::BrowserJoin), Outcome::NotMet);
}

#[test]
fn size_counts_the_audience_and_a_small_meeting_needs_no_confirmation() {
    let s = Scenario { largest_meeting: 40, e2ee_required: Some(false), ..Scenario::default() };
    three_outcomes(
        RuleId::Size,
        &s,
        |o| o.max_participants = known(30),
        |o| o.max_participants = unknown(),
    );
    // 20 active and 200 watching: 220 people.
    let webinar = Scenario { largest_meeting: 20, audience: 200, ..s.clone() };
    let mut o = baseline("webinar");
    o.max_participants = known(100);
    assert_eq!(outcome(o, &webinar, RuleId::Size), Outcome::NotMet);
    // Five people: an unknown limit is no question for the provider.
    let small = Scenario { largest_meeting: 5, ..s };
    let mut o = baseline("small");
    o.max_participants = unknown();
    assert_eq!(outcome(o, &small, RuleId::Size), Outcome::Met);
}

#[test]
fn required_features_have_three_outcomes_and_recording_follows_the_policy() {
    let s = Scenario { required_features: [Feature::Lobby].into(), ..Scenario::default() };
    three_outcomes(
        RuleId::RequiredFeature,
        &s,
        |o| {
            o.features.insert(Feature::Lobby, known(false));
        },
        |o| {
            o.features.insert(Feature::Lobby, unknown());
        },
    );
    let mut no_recording = baseline("no-rec");
    no_recording.features.insert(Feature::Recording, known(false));
    let prohibited = Scenario { recording: RecordingPolicy::Prohibited, ..Scenario::default() };
    assert_eq!(outcome(no_recording.clone(), &prohibited, RuleId::RequiredFeature), Outcome::Met);
    let consent = Scenario { recording: RecordingPolicy::WithConsent, ..Scenario::default() };
    assert_eq!(outcome(no_recording, &consent, RuleId::RequiredFeature), Outcome::NotMet);
}

#[test]
fn no_provider_under_us_control_looks_at_seat_and_parent() {
    let s = Scenario { transfer_stance: TransferStance::NoUsControl, ..Scenario::default() };
    three_outcomes(RuleId::UsControl, &s, |o| o.parent = entity("US"), |o| o.parent = unknown());
    // A US operator, even with processing in Germany only.
    let mut o = baseline("us-operator");
    o.operator = entity("US");
    assert_eq!(outcome(o, &s, RuleId::UsControl), Outcome::NotMet);
    // A Swiss parent is no US control; the stance is "EU only" for data besides.
    let mut o = baseline("ch-parent");
    o.parent = entity("CH");
    assert_eq!(outcome(o, &s, RuleId::UsControl), Outcome::Met);
    assert_eq!(TransferStance::NoUsControl.data_level(), TransferStance::EuOnly);
    // Other stances do not ask.
    let mut o = baseline("us-parent");
    o.parent = entity("US");
    assert_eq!(outcome(o, &Scenario::default(), RuleId::UsControl), Outcome::Met);
}

#[test]
fn joining_without_an_account_has_three_outcomes() {
    let s = Scenario { join_without_account: true, ..Scenario::default() };
    three_outcomes(
        RuleId::JoinWithoutAccount,
        &s,
        |o| o.join_without_account = known(false),
        |o| o.join_without_account = unknown(),
    );
    let mut o = baseline("account");
    o.join_without_account = known(false);
    assert_eq!(outcome(o, &Scenario::default(), RuleId::JoinWithoutAccount), Outcome::Met);
}

#[test]
fn open_source_and_availability_have_three_outcomes() {
    let s = Scenario { open_source_required: true, ..Scenario::default() };
    three_outcomes(
        RuleId::OpenSource,
        &s,
        |o| o.open_source = known(false),
        |o| o.open_source = unknown(),
    );
    let s = Scenario { bundesland: Some(Bundesland::Hessen), ..Scenario::default() };
    three_outcomes(
        RuleId::Availability,
        &s,
        |o| {
            o.availability = known(Availability {
                land: Some(Bundesland::Bayern),
                public_bodies_only: true,
                until: None,
            });
        },
        |o| o.availability = unknown(),
    );
}

#[test]
fn statutory_insurance_needs_a_confirmed_listing_an_unknown_one_is_not_met() {
    let s = Scenario {
        org_type: OrgType::HealthCare,
        purposes: [Purpose::Consultations].into(),
        participants: [Participant::Patients].into(),
        statutory_insurance_video: true,
        ..Scenario::default()
    };
    let mut listed = baseline("listed");
    listed.kbv_listed = known(true);
    assert_eq!(outcome(listed, &s, RuleId::StatutoryInsurance), Outcome::Met);
    assert_eq!(outcome(baseline("unlisted"), &s, RuleId::StatutoryInsurance), Outcome::NotMet);
    // Billing depends on the listing: unknown is not enough (the KBV list decides).
    let mut open = baseline("open");
    open.kbv_listed = unknown();
    assert_eq!(outcome(open, &s, RuleId::StatutoryInsurance), Outcome::NotMet);
}

#[test]
fn hosting_and_self_hosting_depend_on_answers_only() {
    let own = self_hosted("own");
    assert_eq!(outcome(own.clone(), &Scenario::default(), RuleId::SelfHosting), Outcome::NotMet);
    let s = Scenario { self_hosting_capacity: true, ..Scenario::default() };
    assert_eq!(outcome(own, &s, RuleId::SelfHosting), Outcome::Met);
}

#[test]
fn fits_if_confirmed_rank_after_every_confirmed_fit_whatever_their_score() {
    // The unconfirmed one has the better lights; the confirmed one even a red one (ad-financed,
    // outside a sensitive context no knock-out).
    let mut confirmed = baseline("confirmed");
    confirmed.own_purpose = known(OwnPurpose::AdFinanced);
    confirmed.open_source = known(false);
    confirmed.e2ee = known(meetcheck::domain::catalog::E2ee {
        mode: E2eeMode::None,
        browser_join: Fact::NotApplicable,
        max_participants: Fact::NotApplicable,
        features_lost: vec![],
        requires: None,
        experimental: false,
    });
    let mut open = baseline("open");
    open.dpa = unknown();
    let list = run(vec![open, confirmed], &Scenario::default());
    let ids: Vec<(&str, Tier)> =
        list.ranked.iter().map(|e| (e.offering.as_str(), e.tier())).collect();
    assert_eq!(ids, [("confirmed", Tier::Confirmed), ("open", Tier::Unconfirmed)]);
    let open = list.evaluation("open").unwrap();
    let sure = list.evaluation("confirmed").unwrap();
    assert!(open.score > sure.score && sure.has_red(), "better lights");
    assert_eq!(open.unconfirmed.len(), 1);
    assert_eq!(open.unconfirmed[0].rule, RuleId::NoDpa);
    assert_eq!(list.confirmed().count(), 1);
    assert_eq!(list.unconfirmed().count(), 1);
    assert_eq!(Tier::Unconfirmed.id(), "unconfirmed");
    assert_eq!(RuleId::NoDpa.id(), "no_dpa");
}

#[test]
fn every_fit_if_confirmed_is_a_question_for_its_provider_before_the_decision() {
    let mut open = baseline("open");
    open.dpa = unknown();
    open.features.insert(Feature::Lobby, unknown());
    let s = Scenario { required_features: [Feature::Lobby].into(), ..Scenario::default() };
    let list = run(vec![baseline("sure"), open], &s);
    let todos = before_decision(&s, &list);
    let ask = todos.iter().find(|t| t.id == TodoId::AskProvider).expect("ask the provider");
    assert!(ask.precondition, "before the decision, not after");
    let causes: Vec<_> =
        ask.why.iter().filter(|c| c.reason == TodoReason::AskProviderCandidate).collect();
    assert_eq!(causes.len(), 1, "one question per fit if confirmed");
    assert_eq!(causes[0].offering.as_deref(), Some("open"));
    use meetcheck::domain::narrowing::FactField;
    assert!(causes[0].facts.contains(&FactField::Dpa));
    assert!(causes[0].facts.contains(&FactField::Feature(Feature::Lobby)));
    // Only confirmed fits: nothing to ask before the decision.
    let list = run(vec![baseline("sure")], &s);
    assert!(!before_decision(&s, &list).iter().any(|t| t.id == TodoId::AskProvider));
}

#[test]
fn choosing_a_fit_if_confirmed_leaves_the_decision_not_ready_with_its_open_confirmations() {
    let mut open = baseline("open");
    open.dpa = unknown();
    let c = catalog(vec![baseline("sure"), open]);
    let mut a =
        Assessment::new("t1".into(), "Test".into(), jiff::Timestamp::UNIX_EPOCH, "test".into());
    a.decision = Some(decision::propose(&c, &a.scenario, "open", TODAY));
    decision::take(&mut a, &c, TODAY).expect("a fit if confirmed may be chosen");
    let r = decision::readiness(&a, &c, TODAY).expect("decided");
    assert_eq!(r.open_confirmations, [RuleId::NoDpa]);
    assert_eq!(r.tier_when_taken, Some(Tier::Unconfirmed));
    assert!(r.open_preconditions.contains(&TodoId::AskProvider));
    assert!(!r.ready_for_use());
}

fn with_evidence(a: &mut Assessment, offering: &str, fact: EvidenceFact) {
    a.evidence.push(Evidence {
        offering: offering.into(),
        fact,
        document: "Auftragsverarbeitungsvertrag Nr. 2026-041, § 3".into(),
        date: Date::constant(2026, 10, 14),
        checked_by: "A. Weber".into(),
    });
}

#[test]
fn the_organisations_evidence_fills_an_unknown_and_confirms_the_fit() {
    let mut open = baseline("open");
    open.dpa = unknown();
    let c = catalog(vec![open]);
    let mut a =
        Assessment::new("t2".into(), "Test".into(), jiff::Timestamp::UNIX_EPOCH, "test".into());
    with_evidence(&mut a, "open", EvidenceFact::Dpa(DpaTerms::Standard));
    let proof = evidence::of_assessment(&a);
    let seen = evidence::effective_catalog(&c, &proof);
    let o = seen.offering("open").unwrap();
    assert_eq!(o.dpa.value(), Some(&DpaTerms::Standard));
    let Fact::Known { source, .. } = &o.dpa else { panic!("known now") };
    assert!(evidence::is_evidence_source(source));
    assert_eq!(
        narrow(&seen, &a.scenario, TODAY).evaluation("open").unwrap().tier(),
        Tier::Confirmed
    );
    assert!(evidence::conflicts(&c, &proof).is_empty(), "filling an Unknown is no conflict");
    // The lights read it too.
    let list = narrow(&seen, &a.scenario, TODAY);
    let contract = list
        .evaluation("open")
        .unwrap()
        .lights
        .iter()
        .find(|r| r.criterion == CriterionId::Contract)
        .unwrap();
    assert_eq!(contract.light, Light::Green);
}

#[test]
fn evidence_against_a_known_fact_counts_and_the_conflict_is_shown() {
    let c = catalog(vec![baseline("a")]);
    let mut a =
        Assessment::new("t3".into(), "Test".into(), jiff::Timestamp::UNIX_EPOCH, "test".into());
    with_evidence(&mut a, "a", EvidenceFact::ProcessingLocations(vec!["DE".into(), "US".into()]));
    let proof = evidence::of_assessment(&a);
    let conflicts = evidence::conflicts(&c, &proof);
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0].offering, "a");
    let seen = evidence::effective_catalog(&c, &proof);
    let s = Scenario { transfer_stance: TransferStance::EuOnly, ..Scenario::default() };
    let list = narrow(&seen, &s, TODAY);
    assert!(list.evaluation("a").unwrap().excluded(), "the organisation's own finding counts");
}

#[test]
fn a_concluded_processing_agreement_in_the_checklist_is_evidence_and_frozen_into_the_snapshot() {
    let mut open = baseline("open");
    open.dpa = unknown();
    let c = catalog(vec![open]);
    let mut a =
        Assessment::new("t4".into(), "Test".into(), jiff::Timestamp::UNIX_EPOCH, "test".into());
    a.decision = Some(decision::propose(&c, &a.scenario, "open", TODAY));
    a.checklist.insert(
        TodoId::Dpa,
        ChecklistItem {
            status: TodoStatus::Done,
            owner: "A. Weber".into(),
            evidence: "AVV vom 14.10.2026".into(),
            ..ChecklistItem::default()
        },
    );
    let proof = evidence::of_assessment(&a);
    assert_eq!(proof.len(), 1);
    assert_eq!(proof[0].fact, EvidenceFact::Dpa(DpaTerms::Standard));
    decision::take(&mut a, &c, TODAY).unwrap();
    let d: &Decision = a.decision.as_ref().unwrap();
    assert_eq!(d.snapshot.evidence, proof, "frozen with the decision");
    let e = d.snapshot.shortlist.evaluation("open").unwrap();
    assert_eq!(e.tier(), Tier::Confirmed, "the snapshot's narrowing used the evidence");
    let r = decision::readiness(&a, &c, TODAY).unwrap();
    assert!(r.open_confirmations.is_empty());
}

fn position(authority: Authority, scope: Option<PositionScope>) -> AuthorityPosition {
    AuthorityPosition {
        authority,
        scope: Text::new("alle", "all"),
        edition: "Hinweise".into(),
        date: AsOf::parse("2025-05").unwrap(),
        verdict: Verdict::Negative,
        historical: false,
        source: "test".into(),
        summary: Text::new("kritisch", "critical"),
        applies_to: scope,
    }
}

#[test]
fn authority_positions_count_only_inside_their_scope() {
    let bw = Scenario { bundesland: Some(Bundesland::BadenWuerttemberg), ..Scenario::default() };
    let hessen = Scenario { bundesland: Some(Bundesland::Hessen), ..Scenario::default() };
    let nowhere = Scenario { bundesland: None, ..Scenario::default() };
    let lfdi = position(Authority::LfdiBw, None);
    assert!(position_applies(&bw, &lfdi));
    assert!(!position_applies(&hessen, &lfdi), "another Land's authority");
    assert!(!position_applies(&nowhere, &lfdi), "an unknown Land is inside no Land's scope");
    let dsk = position(Authority::Dsk, None);
    assert!(position_applies(&hessen, &dsk) && position_applies(&nowhere, &dsk));
    let edps = position(Authority::Edps, None);
    assert!(!position_applies(&bw, &edps), "the EDPS supervises EU institutions only");
    let schools = position(
        Authority::Hbdi,
        Some(PositionScope {
            lands: vec![Bundesland::Hessen],
            sector: Some(Sector::Schools),
            bodies: None,
        }),
    );
    let school = Scenario { org_type: OrgType::School, ..hessen.clone() };
    assert!(position_applies(&school, &schools));
    assert!(!position_applies(&hessen, &schools), "a company in Hesse is no school");
    let public = position(
        Authority::Dsk,
        Some(PositionScope { lands: vec![], sector: None, bodies: Some(BodyKind::PublicBodies) }),
    );
    assert!(!position_applies(&Scenario::default(), &public));
    let authority = Scenario { org_type: OrgType::PublicBody, ..Scenario::default() };
    assert!(position_applies(&authority, &public));

    // Outside the scope the light is grey ("elsewhere"), inside it is red.
    let mut o = baseline("o");
    o.authority_positions = vec![lfdi];
    let light = |s: &Scenario| {
        let list = run(vec![o.clone()], s);
        let r = list
            .evaluation("o")
            .unwrap()
            .lights
            .iter()
            .find(|r| r.criterion == CriterionId::AuthorityView)
            .unwrap()
            .clone();
        (r.light, r.cause.id().to_string())
    };
    assert_eq!(light(&bw), (Light::Red, "light.authority_view.negative".into()));
    assert_eq!(light(&hessen), (Light::Grey, "light.authority_view.elsewhere".into()));
}

#[test]
fn derived_answers_are_proposals_until_answered() {
    let school = Scenario { org_type: OrgType::School, ..Scenario::default() };
    assert!(school.public_body.is_none() && school.public_body());
    assert_eq!(school.regime(), LegalRegime::StateLaw);
    let company = Scenario { org_type: OrgType::Company, ..Scenario::default() };
    assert!(!company.public_body());
    assert_eq!(company.regime(), LegalRegime::GdprBdsg);
    let youth = Scenario { org_type: OrgType::YouthWelfare, ..Scenario::default() };
    assert!(youth.social_data());
    let law = Scenario { org_type: OrgType::LawFirm, ..Scenario::default() };
    assert!(law.professional_secrecy());
    // An answer given stands against the proposal.
    let private_school = Scenario { public_body: Some(false), ..school };
    assert!(!private_school.public_body());
    assert_eq!(private_school.regime(), LegalRegime::GdprBdsg);
    let (_, proposal) = youth.proposed_social_data();
    assert!(!format!("{proposal:?}").is_empty());
}

fn reasons(s: &Scenario, offering: Option<&Offering>) -> Vec<(TodoId, bool, TodoReason)> {
    todos::todos(s, offering)
        .into_iter()
        .flat_map(|t| t.why.into_iter().map(move |c| (t.id, t.precondition, c.reason)))
        .collect()
}

#[test]
fn job_interviews_have_their_own_basis_settings_and_no_recording() {
    let s = Scenario {
        purposes: [Purpose::JobInterviews].into(),
        participants: [Participant::Applicants, Participant::Staff].into(),
        ..Scenario::default()
    };
    let r = reasons(&s, None);
    assert!(r.contains(&(TodoId::LegalBasis, false, TodoReason::LegalBasisApplicants)));
    assert!(r.contains(&(TodoId::Settings, true, TodoReason::SettingsJobInterviews)));
    assert!(r.contains(&(TodoId::Recording, false, TodoReason::RecordingJobInterviews)));
    assert!(r.iter().any(|(_, _, reason)| *reason == TodoReason::ParticipantInformationApplicants));
    // Applicants alone (without the purpose) are job interviews too.
    let applicants =
        Scenario { participants: [Participant::Applicants].into(), ..Scenario::default() };
    assert!(applicants.job_interviews());
}

#[test]
fn one_recording_line_per_policy() {
    let staff_and_clients = Scenario {
        participants: [Participant::Staff, Participant::ClientsCustomers].into(),
        ..Scenario::default()
    };
    let none = Scenario { recording: RecordingPolicy::Prohibited, ..staff_and_clients.clone() };
    let r = reasons(&none, None);
    assert!(r.contains(&(TodoId::Recording, false, TodoReason::RecordingProhibited)));
    assert!(!r.iter().any(|(_, _, x)| *x == TodoReason::RecordingEmployees));
    let consent = Scenario { recording: RecordingPolicy::WithConsent, ..staff_and_clients.clone() };
    let r = reasons(&consent, None);
    assert!(r.contains(&(TodoId::Recording, false, TodoReason::RecordingEmployees)));
    assert!(r.contains(&(TodoId::Recording, false, TodoReason::RecordingExternal)));
    assert!(!r.iter().any(|(_, _, x)| *x == TodoReason::RecordingPublication));
    let publish = Scenario { recording: RecordingPolicy::ForPublication, ..staff_and_clients };
    let r = reasons(&publish, None);
    assert!(r.contains(&(TodoId::Recording, false, TodoReason::RecordingPublication)));
    // No recording reason is a precondition of use.
    assert!(r.iter().filter(|(id, _, _)| *id == TodoId::Recording).all(|(_, pre, _)| !pre));
}

#[test]
fn attention_tracking_is_a_setting_to_switch_off_or_a_dpia() {
    let mut tracking = baseline("tracking");
    tracking.attention_tracking = known(true);
    let prohibited =
        Scenario { attention_tracking: AttentionTracking::Prohibited, ..Scenario::default() };
    let r = reasons(&prohibited, Some(&tracking));
    assert!(r.contains(&(TodoId::Settings, true, TodoReason::SettingsAttentionTrackingOff)));
    assert!(
        !reasons(&prohibited, Some(&baseline("plain")))
            .iter()
            .any(|(_, _, x)| *x == TodoReason::SettingsAttentionTrackingOff)
    );
    let allowed =
        Scenario { attention_tracking: AttentionTracking::Allowed, ..Scenario::default() };
    assert!(reasons(&allowed, None).contains(&(
        TodoId::Dpia,
        true,
        TodoReason::DpiaAttentionTracking
    )));
}

#[test]
fn church_law_and_youth_welfare_name_their_own_norms() {
    let church = Scenario {
        regime: Some(LegalRegime::ChurchKdg),
        participants: [Participant::Staff, Participant::Applicants].into(),
        ..Scenario::default()
    };
    let r = reasons(&church, None);
    assert!(r.iter().any(|(_, _, x)| *x == TodoReason::LegalBasisEmployeesChurch));
    assert!(r.iter().any(|(_, _, x)| *x == TodoReason::LegalBasisApplicantsChurch));
    assert!(!r.iter().any(|(_, _, x)| *x == TodoReason::LegalBasisEmployees), "no § 26 BDSG");
    let youth = Scenario {
        org_type: OrgType::YouthWelfare,
        participants: [Participant::ParentsGuardians, Participant::VulnerableClients].into(),
        ..Scenario::default()
    };
    let r = reasons(&youth, None);
    assert!(r.iter().any(|(_, _, x)| *x == TodoReason::LegalBasisYouthWelfare));
    assert!(r.iter().any(|(id, pre, _)| *id == TodoId::SocialDataNotice && *pre));
}

#[test]
fn statutory_insurance_consultations_point_to_the_kbv_list() {
    let s = Scenario {
        org_type: OrgType::HealthCare,
        purposes: [Purpose::Consultations].into(),
        participants: [Participant::Patients].into(),
        data: [DataCategory::SpecialCategories].into(),
        statutory_insurance_video: true,
        ..Scenario::default()
    };
    assert!(reasons(&s, None).iter().any(|(_, _, x)| *x == TodoReason::StatutoryInsuranceKbvList));
}

#[test]
fn the_size_what_if_names_the_number_of_people() {
    let mut small = baseline("small");
    small.max_participants = known(50);
    let s = Scenario { largest_meeting: 80, e2ee_required: Some(false), ..Scenario::default() };
    let list = run(vec![small], &s);
    let w = list
        .what_ifs
        .iter()
        .find(|w| matches!(w.relaxed_to, RelaxedTo::Participants(_)))
        .expect("a what-if on size");
    assert_eq!(w.relaxed_to, RelaxedTo::Participants(50));
    assert_eq!(w.relaxed_to.id(), "participants.50");
    assert_eq!(w.brings_back, ["small"]);
}
