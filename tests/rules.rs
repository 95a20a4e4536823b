//! One test per knock-out rule (positive and negative case), plus lights, rank, what-ifs and
//! stale facts, on small synthetic offerings.

mod common;

use common::*;
use jiff::civil::Date;
use meetcheck::domain::catalog::{
    Authority, AuthorityPosition, Browser, DpaTerms, E2eeMode, Entity, Feature, Offering,
    OperatingModel, OwnPurpose, TransferMechanism, Verdict,
};
use meetcheck::domain::facts::{AsOf, Fact, Text};
use meetcheck::domain::narrowing::{
    AnswerId, CriterionId, FactField, KnockOutDetail, Light, Outcome, RuleId, Shortlist, Tier,
    narrow,
};
use meetcheck::domain::scenario::{
    AttentionTracking, DataCategory, HostingPreference, OrgType, Participant, RecordingPolicy,
    Scenario, TransferStance,
};

const TODAY: Date = Date::constant(2026, 11, 29);

fn run(offerings: Vec<Offering>, scenario: &Scenario) -> Shortlist {
    narrow(&catalog(offerings), scenario, TODAY)
}

fn rules(list: &Shortlist, id: &str) -> Vec<RuleId> {
    list.evaluation(id).expect("evaluated").knockouts.iter().map(|k| k.rule).collect()
}

fn light(list: &Shortlist, id: &str, criterion: CriterionId) -> (Light, String) {
    let r = list
        .evaluation(id)
        .unwrap()
        .lights
        .iter()
        .find(|r| r.criterion == criterion)
        .unwrap()
        .clone();
    (r.light, r.cause.id().to_string())
}

#[test]
fn baseline_passes_the_default_scenario() {
    let list = run(vec![baseline("a")], &Scenario::default());
    assert_eq!(list.ranked.len(), 1);
    assert!(list.excluded.is_empty());
}

#[test]
fn transfer_stance_classifies_every_destination() {
    let mut ch = baseline("ch");
    ch.processing_locations = known(vec!["CH".into()]);
    let us = us_dpf("us");
    let mut us_scc = us_dpf("us-scc");
    us_scc.dpf_certified = known(false);
    let mut in_scc = baseline("in");
    in_scc.subprocessor_locations = known(vec!["IN".into()]);
    in_scc.transfer_basis = known(vec![TransferMechanism::Scc]);
    let mut no_basis = baseline("none");
    no_basis.subprocessor_locations = known(vec!["IN".into()]);
    no_basis.transfer_basis = known(vec![]);
    let offerings = vec![baseline("eu"), ch, us, us_scc, in_scc, no_basis];

    let passing = |stance| {
        let s = Scenario { transfer_stance: stance, ..Scenario::default() };
        let mut ids: Vec<String> =
            run(offerings.clone(), &s).ranked.into_iter().map(|e| e.offering).collect();
        ids.sort();
        ids
    };
    assert_eq!(passing(TransferStance::EuOnly), ["eu"]);
    assert_eq!(passing(TransferStance::Adequacy), ["ch", "eu"]);
    assert_eq!(passing(TransferStance::Dpf), ["ch", "eu", "us"]);
    assert_eq!(passing(TransferStance::SccWithTia), ["ch", "eu", "in", "us", "us-scc"]);

    let list = run(offerings, &Scenario::default());
    let ko = &list.evaluation("us").unwrap().knockouts[0];
    assert_eq!(ko.rule, RuleId::TransferStance);
    assert_eq!(ko.answers, [AnswerId::TransferStance]);
    assert!(ko.facts.contains(&FactField::DpfCertified));
    assert_eq!(
        ko.detail,
        KnockOutDetail::Countries { countries: vec!["US".into()], allowed: TransferStance::EuOnly }
    );
    // No basis at all: out even at the widest stance.
    let s = Scenario { transfer_stance: TransferStance::SccWithTia, ..Scenario::default() };
    let mut nb = baseline("none");
    nb.subprocessor_locations = known(vec!["IN".into()]);
    nb.transfer_basis = known(vec![]);
    assert_eq!(rules(&run(vec![nb], &s), "none"), [RuleId::TransferStance]);
}

#[test]
fn unknown_locations_and_self_operation_never_knock_out() {
    let mut unknown_loc = baseline("unknown");
    unknown_loc.subprocessor_locations = unknown();
    let s = Scenario { self_hosting_capacity: true, ..Scenario::default() };
    let list = run(vec![unknown_loc, self_hosted("own")], &s);
    assert_eq!(list.ranked.len(), 2);
    assert_eq!(light(&list, "unknown", CriterionId::Transfers).0, Light::Grey);
    assert_eq!(
        light(&list, "own", CriterionId::Transfers),
        (Light::Green, "light.transfers.self_chosen".into())
    );
}

#[test]
fn a_us_parent_alone_is_a_yellow_light_not_a_knock_out() {
    let mut o = baseline("eu-sub");
    o.parent = known(Entity { name: "Parent Inc.".into(), country: "US".into() });
    let list = run(vec![o], &Scenario::default());
    assert!(rules(&list, "eu-sub").is_empty());
    assert_eq!(
        light(&list, "eu-sub", CriterionId::ForeignAccess),
        (Light::Yellow, "light.foreign_access.third_country_parent".into())
    );
}

#[test]
fn social_data_excludes_the_scc_level_but_counts_dpf_as_adequacy() {
    let mut us_scc = us_dpf("us-scc");
    us_scc.dpf_certified = known(false);
    let s = Scenario {
        social_data: Some(true),
        transfer_stance: TransferStance::SccWithTia,
        ..Scenario::default()
    };
    let list = run(vec![us_dpf("us"), us_scc], &s);
    assert!(rules(&list, "us").is_empty(), "a DPF listing is an adequacy decision (Art. 45)");
    assert_eq!(rules(&list, "us-scc"), [RuleId::SocialDataTransfers]);
    let ko = &list.evaluation("us-scc").unwrap().knockouts[0];
    assert_eq!(ko.answers, [AnswerId::SocialData]);
    // Without social data the same offering passes at this stance.
    let s = Scenario { social_data: Some(false), ..s };
    let mut us_scc = us_dpf("us-scc");
    us_scc.dpf_certified = known(false);
    assert!(rules(&run(vec![us_scc], &s), "us-scc").is_empty());
}

#[test]
fn no_dpa_from_an_external_operator_is_out_in_every_scenario() {
    let mut consumer = baseline("consumer");
    consumer.dpa = known(DpaTerms::NotOffered);
    let mut on_request = baseline("on-request");
    on_request.dpa = known(DpaTerms::OnRequest);
    let mut unknown_dpa = baseline("unknown-dpa");
    unknown_dpa.dpa = unknown();
    let list = run(vec![consumer, on_request, unknown_dpa], &Scenario::default());
    assert_eq!(rules(&list, "consumer"), [RuleId::NoDpa]);
    assert!(rules(&list, "on-request").is_empty());
    assert_eq!(light(&list, "on-request", CriterionId::Contract).0, Light::Yellow);
    assert!(rules(&list, "unknown-dpa").is_empty());
    assert_eq!(light(&list, "unknown-dpa", CriterionId::Contract).0, Light::Grey);
}

#[test]
fn ad_financed_is_out_in_sensitive_contexts_and_red_elsewhere() {
    let mut ads = baseline("ads");
    ads.own_purpose = known(OwnPurpose::AdFinanced);
    let company = run(vec![ads.clone(), baseline("clean")], &Scenario::default());
    assert!(rules(&company, "ads").is_empty());
    assert_eq!(light(&company, "ads", CriterionId::OwnPurpose).0, Light::Red);
    assert_eq!(company.ranked[0].offering, "clean", "offerings with red go last");

    let school = Scenario {
        org_type: OrgType::School,
        participants: [Participant::Pupils].into(),
        ..Scenario::default()
    };
    let list = run(vec![ads], &school);
    assert_eq!(rules(&list, "ads"), [RuleId::OwnPurpose]);
    let ko = &list.evaluation("ads").unwrap().knockouts[0];
    assert!(
        ko.answers.contains(&AnswerId::OrgType) && ko.answers.contains(&AnswerId::Participants)
    );
}

#[test]
fn browser_join_checks_every_listed_family_and_uses_e2ee_terms_when_required() {
    let mut chromium_only = baseline("chromium");
    chromium_only.browser_join = known(vec![Browser::Chromium]);
    let desktop = [Browser::Chromium, Browser::Firefox, Browser::Safari];
    let s = Scenario { install_possible: false, browsers: desktop.into(), ..Scenario::default() };
    let list = run(vec![chromium_only.clone(), baseline("all")], &s);
    assert_eq!(rules(&list, "chromium"), [RuleId::BrowserJoin]);
    assert_eq!(
        list.evaluation("chromium").unwrap().knockouts[0].detail,
        KnockOutDetail::Browsers {
            missing: vec![Browser::Firefox, Browser::Safari],
            under_e2ee: false
        }
    );
    assert!(rules(&list, "all").is_empty());
    // Install possible: browsers do not matter.
    assert!(rules(&run(vec![chromium_only.clone()], &Scenario::default()), "chromium").is_empty());
    // No browsers named: any one will do (the default never excludes a family by itself), but
    // an offering for apps only is out, and one whose browser support is unknown unconfirmed.
    let mut apps_only = baseline("apps");
    apps_only.browser_join = known(vec![]);
    let mut browser_unknown = baseline("unknown");
    browser_unknown.browser_join = unknown();
    let any = Scenario { install_possible: false, ..Scenario::default() };
    assert!(any.browsers.is_empty(), "no browser is ticked by default");
    let list = run(vec![chromium_only, apps_only, browser_unknown], &any);
    assert_eq!(list.evaluation("chromium").unwrap().outcome(RuleId::BrowserJoin), Outcome::Met);
    let apps = list.evaluation("apps").unwrap();
    assert_eq!(apps.outcome(RuleId::BrowserJoin), Outcome::NotMet);
    assert_eq!(apps.knockouts[0].detail, KnockOutDetail::NoBrowser { under_e2ee: false });
    let open = list.evaluation("unknown").unwrap();
    assert_eq!(open.outcome(RuleId::BrowserJoin), Outcome::Unconfirmed);
    assert_eq!(open.unconfirmed[0].facts, [FactField::BrowserJoin]);

    // Under E2EE the E2EE browser list counts.
    let mut app_only_e2ee = baseline("e2ee-apps");
    if let Fact::Known { value, .. } = &mut app_only_e2ee.e2ee {
        value.browser_join = known(vec![]);
    }
    let s = Scenario {
        install_possible: false,
        e2ee_required: Some(true),
        browsers: desktop.into(),
        ..Scenario::default()
    };
    let list = run(vec![app_only_e2ee.clone()], &s);
    let ko = &list.evaluation("e2ee-apps").unwrap().knockouts[0];
    assert_eq!(ko.rule, RuleId::BrowserJoin);
    assert_eq!(ko.facts, [FactField::E2eeBrowserJoin]);
    assert!(ko.answers.contains(&AnswerId::E2eeRequired));
    let s = Scenario { e2ee_required: Some(false), ..s };
    assert!(rules(&run(vec![app_only_e2ee], &s), "e2ee-apps").is_empty());
}

#[test]
fn e2ee_required_excludes_transport_only_but_not_unknown() {
    let mut none = baseline("none");
    if let Fact::Known { value, .. } = &mut none.e2ee {
        value.mode = E2eeMode::None;
    }
    let mut unknown_e2ee = baseline("unknown");
    unknown_e2ee.e2ee = unknown();
    let s = Scenario { e2ee_required: Some(true), ..Scenario::default() };
    let list = run(vec![none.clone(), unknown_e2ee], &s);
    assert_eq!(rules(&list, "none"), [RuleId::E2ee]);
    assert!(rules(&list, "unknown").is_empty());
    assert_eq!(light(&list, "unknown", CriterionId::Encryption).0, Light::Grey);
    assert!(rules(&run(vec![none], &Scenario::default()), "none").is_empty());
}

#[test]
fn size_uses_the_e2ee_limit_under_e2ee() {
    let mut small = baseline("small");
    small.max_participants = known(50);
    let s = Scenario { largest_meeting: 100, ..Scenario::default() };
    let list = run(vec![small.clone()], &s);
    assert_eq!(
        list.evaluation("small").unwrap().knockouts[0].detail,
        KnockOutDetail::Participants { needed: 100, max: 50, under_e2ee: false }
    );
    assert!(
        rules(&run(vec![small], &Scenario { largest_meeting: 50, ..s.clone() }), "small")
            .is_empty()
    );

    // Baseline: 500 in general, 100 under E2EE.
    let s = Scenario { largest_meeting: 300, e2ee_required: Some(true), ..Scenario::default() };
    let list = run(vec![baseline("e2ee")], &s);
    assert_eq!(
        list.evaluation("e2ee").unwrap().knockouts[0].detail,
        KnockOutDetail::Participants { needed: 300, max: 100, under_e2ee: true }
    );
    let s = Scenario { e2ee_required: Some(false), ..s };
    assert!(rules(&run(vec![baseline("e2ee")], &s), "e2ee").is_empty());
}

#[test]
fn each_required_feature_is_checked_also_under_e2ee() {
    let mut no_dial_in = baseline("no-dial-in");
    no_dial_in.features.insert(Feature::DialIn, known(false));
    let mut unknown_rec = baseline("unknown-rec");
    unknown_rec.features.remove(&Feature::Recording);
    let s = Scenario {
        required_features: [Feature::DialIn, Feature::Recording].into(),
        ..Scenario::default()
    };
    let list = run(vec![no_dial_in, unknown_rec], &s);
    assert_eq!(rules(&list, "no-dial-in"), [RuleId::RequiredFeature]);
    assert!(rules(&list, "unknown-rec").is_empty(), "unknown is never no");

    let mut lost = baseline("lost");
    if let Fact::Known { value, .. } = &mut lost.e2ee {
        value.features_lost = vec![Feature::Recording, Feature::BreakoutRooms];
    }
    let s = Scenario {
        required_features: [Feature::Recording, Feature::BreakoutRooms].into(),
        e2ee_required: Some(true),
        ..Scenario::default()
    };
    let list = run(vec![lost.clone()], &s);
    let details: Vec<_> =
        list.evaluation("lost").unwrap().knockouts.iter().map(|k| k.detail.clone()).collect();
    assert_eq!(
        details,
        [
            KnockOutDetail::Feature { feature: Feature::Recording, under_e2ee: true },
            KnockOutDetail::Feature { feature: Feature::BreakoutRooms, under_e2ee: true },
        ]
    );
    let s = Scenario { e2ee_required: Some(false), ..s };
    assert!(rules(&run(vec![lost], &s), "lost").is_empty());
}

#[test]
fn hosting_preference_and_self_hosting_capacity() {
    let mut provider = baseline("provider");
    provider.operating_model = OperatingModel::ItProvider;
    let offerings = vec![baseline("saas"), provider, self_hosted("own")];
    let s = Scenario {
        hosting: HostingPreference::OwnOrProvider,
        self_hosting_capacity: true,
        ..Scenario::default()
    };
    let list = run(offerings.clone(), &s);
    assert_eq!(rules(&list, "saas"), [RuleId::Hosting]);
    assert!(rules(&list, "provider").is_empty());
    assert!(rules(&list, "own").is_empty());
    let s = Scenario { hosting: HostingPreference::OwnOnly, ..s };
    let list = run(offerings.clone(), &s);
    assert_eq!(rules(&list, "provider"), [RuleId::Hosting]);
    // Without capacity, self-operation is out.
    let s = Scenario { self_hosting_capacity: false, hosting: HostingPreference::Any, ..s };
    let list = run(offerings, &s);
    assert_eq!(rules(&list, "own"), [RuleId::SelfHosting]);
    assert!(rules(&list, "saas").is_empty());
}

#[test]
fn open_source_required() {
    let s = Scenario { open_source_required: true, ..Scenario::default() };
    let mut unknown_licence = baseline("unknown");
    unknown_licence.open_source = unknown();
    let list = run(
        vec![us_dpf("closed"), baseline("open"), unknown_licence],
        &Scenario { transfer_stance: TransferStance::Dpf, ..s },
    );
    assert!(rules(&list, "closed").contains(&RuleId::OpenSource));
    assert!(rules(&list, "open").is_empty());
    assert!(rules(&list, "unknown").is_empty());
}

#[test]
fn statutory_insurance_needs_a_confirmed_kbv_listing() {
    let mut listed = baseline("listed");
    listed.kbv_listed = known(true);
    let mut unknown_listing = baseline("unknown");
    unknown_listing.kbv_listed = unknown();
    let s = Scenario {
        org_type: OrgType::HealthCare,
        statutory_insurance_video: true,
        ..Scenario::default()
    };
    let list = run(vec![listed, unknown_listing, baseline("unlisted")], &s);
    assert!(rules(&list, "listed").is_empty());
    assert_eq!(rules(&list, "unknown"), [RuleId::StatutoryInsurance]);
    assert_eq!(rules(&list, "unlisted"), [RuleId::StatutoryInsurance]);
    // The answer only counts in health care.
    let s = Scenario { org_type: OrgType::Company, ..s };
    assert!(rules(&run(vec![baseline("unlisted")], &s), "unlisted").is_empty());
}

fn position(verdict: Verdict, historical: bool) -> AuthorityPosition {
    AuthorityPosition {
        applies_to: None,
        authority: Authority::Dsk,
        scope: Text::new("alle", "all"),
        edition: "test".into(),
        date: AsOf::parse("2022-11").unwrap(),
        verdict,
        historical,
        source: "test".into(),
        summary: Text::new("x", "x"),
    }
}

#[test]
fn authority_positions_inform_the_light_but_never_knock_out() {
    let mut negative = baseline("negative");
    negative.authority_positions = vec![position(Verdict::Negative, false)];
    let mut contested = baseline("contested");
    contested.authority_positions =
        vec![position(Verdict::Negative, false), position(Verdict::Conditional, false)];
    let mut historical = baseline("historical");
    historical.authority_positions = vec![position(Verdict::Warning, true)];
    let list = run(vec![negative, contested, historical, baseline("none")], &Scenario::default());
    assert!(list.excluded.is_empty());
    assert_eq!(light(&list, "negative", CriterionId::AuthorityView).0, Light::Red);
    assert_eq!(light(&list, "contested", CriterionId::AuthorityView).0, Light::Yellow);
    assert_eq!(
        light(&list, "historical", CriterionId::AuthorityView),
        (Light::Yellow, "light.authority_view.negative_historical".into())
    );
    assert_eq!(light(&list, "none", CriterionId::AuthorityView).0, Light::Grey);
    assert_eq!(list.ranked.last().unwrap().offering, "negative");
}

#[test]
fn rank_is_no_red_first_then_score_then_name() {
    let mut worse = baseline("b-worse");
    worse.open_source = known(false);
    let mut red = baseline("a-red");
    red.own_purpose = known(OwnPurpose::AdFinanced);
    let list = run(vec![red, worse, baseline("d-good"), baseline("c-good")], &Scenario::default());
    let order: Vec<&str> = list.ranked.iter().map(|e| e.offering.as_str()).collect();
    assert_eq!(order, ["c-good", "d-good", "b-worse", "a-red"]);
    assert!(list.ranked[0].score > list.ranked[2].score);
}

#[test]
fn weights_follow_the_protection_need() {
    let normal = run(vec![], &Scenario::default()).weights;
    let mut s = Scenario::default();
    s.data.insert(DataCategory::SpecialCategories);
    let very_high = run(vec![], &s).weights;
    let w = |ws: &[(CriterionId, u8)], c| ws.iter().find(|(x, _)| *x == c).unwrap().1;
    assert!(w(&very_high, CriterionId::Encryption) > w(&normal, CriterionId::Encryption));
    assert!(w(&very_high, CriterionId::BrowserAccess) < w(&normal, CriterionId::BrowserAccess));
    assert_eq!(normal.len(), CriterionId::ALL.len());
}

#[test]
fn what_ifs_relax_one_level_and_list_what_comes_back() {
    let mut ch = baseline("ch");
    ch.processing_locations = known(vec!["CH".into()]);
    let mut no_dial_in = baseline("no-dial-in");
    no_dial_in.features.insert(Feature::DialIn, known(false));
    let mut two_missing = baseline("two-missing");
    two_missing.features.insert(Feature::DialIn, known(false));
    two_missing.features.insert(Feature::Polls, known(false));
    let s = Scenario {
        required_features: [Feature::DialIn, Feature::Polls].into(),
        ..Scenario::default()
    };
    let list = run(vec![ch, us_dpf("us"), no_dial_in, two_missing], &s);
    let find = |answer, to: &str| {
        list.what_ifs
            .iter()
            .find(|w| w.answer == answer && w.relaxed_to.id() == to)
            .map(|w| w.brings_back.clone())
    };
    // One level only: adequacy brings back CH, not the US offering.
    assert_eq!(find(AnswerId::TransferStance, "stance.adequacy"), Some(vec!["ch".to_string()]));
    assert_eq!(
        find(AnswerId::RequiredFeatures, "feature.dial_in"),
        Some(vec!["no-dial-in".to_string()])
    );
    // Dropping one feature does not bring back an offering that lacks two.
    assert_eq!(find(AnswerId::RequiredFeatures, "feature.polls"), None);
}

#[test]
fn what_ifs_cover_install_e2ee_size_hosting_open_source_and_capacity() {
    let mut chromium = baseline("chromium");
    chromium.browser_join = known(vec![Browser::Chromium]);
    if let Fact::Known { value, .. } = &mut chromium.e2ee {
        value.browser_join = known(vec![Browser::Chromium]);
    }
    let mut none = baseline("none");
    if let Fact::Known { value, .. } = &mut none.e2ee {
        value.mode = E2eeMode::None;
    }
    let mut small = baseline("small");
    small.max_participants = known(60);
    if let Fact::Known { value, .. } = &mut small.e2ee {
        value.max_participants = known(60);
    }
    let mut closed = baseline("closed");
    closed.open_source = known(false);
    let s = Scenario {
        install_possible: false,
        browsers: [Browser::Chromium, Browser::Firefox, Browser::Safari].into(),
        e2ee_required: Some(true),
        largest_meeting: 100,
        open_source_required: true,
        ..Scenario::default()
    };
    let list = run(vec![chromium, none, small, closed, self_hosted("own")], &s);
    let back = |answer| {
        list.what_ifs
            .iter()
            .find(|w| w.answer == answer)
            .map(|w| w.brings_back.clone())
            .unwrap_or_default()
    };
    assert_eq!(back(AnswerId::InstallPossible), ["chromium"]);
    assert_eq!(back(AnswerId::E2eeRequired), ["none"]);
    assert_eq!(back(AnswerId::Size), ["small"]);
    assert_eq!(back(AnswerId::OpenSourceRequired), ["closed"]);
    assert_eq!(back(AnswerId::SelfHostingCapacity), ["own"]);

    let s = Scenario {
        hosting: HostingPreference::OwnOnly,
        self_hosting_capacity: true,
        ..Scenario::default()
    };
    let mut provider = baseline("provider");
    provider.operating_model = OperatingModel::ItProvider;
    let list = run(vec![provider, baseline("saas")], &s);
    assert_eq!(list.what_ifs.len(), 1, "one level: own → own or provider");
    assert_eq!(list.what_ifs[0].relaxed_to.id(), "hosting.own_or_provider");
    assert_eq!(list.what_ifs[0].brings_back, ["provider"]);
}

#[test]
fn stale_facts_are_reported_for_remaining_offerings_only() {
    let mut stale = baseline("stale");
    stale.dpa = old(DpaTerms::Standard);
    stale.open_source = old(true); // not a changeable fact
    stale.features.insert(Feature::ScreenSharing, old(true));
    let mut stale_excluded = baseline("stale-out");
    stale_excluded.dpa = old(DpaTerms::NotOffered);
    let list = run(vec![stale, stale_excluded], &Scenario::default());
    let fields: Vec<FactField> = list.stale.iter().map(|f| f.field).collect();
    assert_eq!(fields, [FactField::Dpa, FactField::Feature(Feature::ScreenSharing)]);
    assert!(list.stale.iter().all(|f| f.offering == "stale"));
    assert_eq!(list.stale[0].as_of.to_string(), "2021-03");
}

#[test]
fn narrowing_is_deterministic() {
    let offerings = vec![baseline("x"), us_dpf("y"), self_hosted("z")];
    let a = run(offerings.clone(), &Scenario::default());
    let b = run(offerings, &Scenario::default());
    assert_eq!(a, b);
}

// ---- to-dos ----

use meetcheck::domain::scenario::{Purpose, Representation};
use meetcheck::domain::todos::{Todo, TodoId, todos};

fn todo(list: &[Todo], id: TodoId) -> Option<&Todo> {
    list.iter().find(|t| t.id == id)
}

fn causes(list: &[Todo], id: TodoId) -> Vec<String> {
    todo(list, id)
        .map(|t| t.why.iter().map(|c| c.reason.id().to_string()).collect())
        .unwrap_or_default()
}

#[test]
fn every_scenario_gets_the_basic_todos() {
    let list = todos(&Scenario::default(), Some(&baseline("a")));
    for id in [
        TodoId::InvolveItAndDpo,
        TodoId::Dpa,
        TodoId::CheckToms,
        TodoId::Settings,
        TodoId::ParticipantInformation,
        TodoId::RecordOfProcessing,
        TodoId::LegalBasis,
    ] {
        assert!(todo(&list, id).is_some(), "{id:?} missing");
    }
    assert!(todo(&list, TodoId::Dpa).unwrap().precondition);
    assert!(todo(&list, TodoId::ParticipantInformation).unwrap().precondition);
    assert!(!todo(&list, TodoId::RecordOfProcessing).unwrap().precondition);
    assert_eq!(causes(&list, TodoId::Settings), ["todo.settings.offering"]);
    // Nothing in the default scenario triggers the special to-dos.
    for id in [
        TodoId::TransferBasis,
        TodoId::Dpia,
        TodoId::SpecialCategoryCondition,
        TodoId::ProfessionalSecrecy,
        TodoId::SocialDataNotice,
        TodoId::Representation,
        TodoId::AskProvider,
        TodoId::StatutoryInsurance,
    ] {
        assert!(todo(&list, id).is_none(), "{id:?} should not apply");
    }
    // No recordings by default: the to-do says how to keep it so, and is no precondition.
    assert_eq!(causes(&list, TodoId::Recording), ["todo.recording.prohibited"]);
    assert!(!todo(&list, TodoId::Recording).unwrap().precondition);
    let ids: Vec<TodoId> = list.iter().map(|t| t.id).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted, "stable order");
}

#[test]
fn dpa_applies_to_a_hoster_when_self_operated_and_to_sub_processors() {
    let own = todos(&Scenario::default(), Some(&self_hosted("own")));
    assert_eq!(causes(&own, TodoId::Dpa), ["todo.dpa.hoster"]);
    assert_eq!(causes(&own, TodoId::CheckToms), ["todo.check_toms.self_operated"]);
    let mut on_request = baseline("x");
    on_request.dpa = known(DpaTerms::OnRequest);
    let ext = todos(&Scenario::default(), Some(&on_request));
    assert_eq!(
        causes(&ext, TodoId::Dpa),
        ["todo.dpa.operator", "todo.dpa.on_request", "todo.dpa.subprocessors"]
    );
    assert_eq!(causes(&todos(&Scenario::default(), None), TodoId::Dpa), ["todo.dpa.processor"]);
}

#[test]
fn transfer_basis_names_dpf_with_fallback_or_scc() {
    let list = todos(&Scenario::default(), Some(&us_dpf("us")));
    let t = todo(&list, TodoId::TransferBasis).unwrap();
    assert!(t.precondition);
    assert_eq!(causes(&list, TodoId::TransferBasis), ["todo.transfer_basis.dpf"]);
    let mut scc = us_dpf("scc");
    scc.dpf_certified = known(false);
    assert_eq!(
        causes(&todos(&Scenario::default(), Some(&scc)), TodoId::TransferBasis),
        ["todo.transfer_basis.scc"]
    );
    let mut ch = baseline("ch");
    ch.processing_locations = known(vec!["CH".into()]);
    ch.transfer_basis = known(vec![TransferMechanism::Adequacy]);
    let list = todos(&Scenario::default(), Some(&ch));
    assert_eq!(causes(&list, TodoId::TransferBasis), ["todo.transfer_basis.adequacy"]);
    assert!(!todo(&list, TodoId::TransferBasis).unwrap().precondition);
    // EU only: no transfer to-do.
    assert!(
        todo(&todos(&Scenario::default(), Some(&baseline("eu"))), TodoId::TransferBasis).is_none()
    );
}

#[test]
fn dpia_triggers() {
    let mut s = Scenario::default();
    s.data.insert(DataCategory::SpecialCategories);
    let list = todos(&s, None);
    assert_eq!(
        causes(&list, TodoId::Dpia),
        ["todo.dpia.very_high", "todo.dpia.special_categories"]
    );
    assert!(todo(&list, TodoId::Dpia).unwrap().precondition);
    assert!(todo(&list, TodoId::SpecialCategoryCondition).unwrap().precondition);
    assert!(
        causes(&list, TodoId::LegalBasis).contains(&"todo.legal_basis.special_categories".into())
    );

    let vulnerable =
        Scenario { participants: [Participant::VulnerableClients].into(), ..Scenario::default() };
    assert_eq!(causes(&todos(&vulnerable, None), TodoId::Dpia), ["todo.dpia.vulnerable"]);

    let monitoring = Scenario { recording: RecordingPolicy::WithConsent, ..Scenario::default() };
    let list = todos(&monitoring, None);
    assert_eq!(causes(&list, TodoId::Dpia), ["todo.dpia.monitoring"]);
    // Staff only: a works or service agreement, not consent.
    assert_eq!(causes(&list, TodoId::Recording), ["todo.recording.employees"]);
    let tracking =
        Scenario { attention_tracking: AttentionTracking::Allowed, ..Scenario::default() };
    assert_eq!(causes(&todos(&tracking, None), TodoId::Dpia), ["todo.dpia.attention_tracking"]);
}

#[test]
fn legal_basis_per_group_and_weak_employee_consent() {
    let public =
        Scenario { org_type: OrgType::PublicBody, public_body: Some(true), ..Scenario::default() };
    let list = todos(&public, None);
    assert_eq!(
        causes(&list, TodoId::LegalBasis),
        ["todo.legal_basis.public_task", "todo.legal_basis.employees"]
    );
    assert!(todo(&list, TodoId::EmployeeConsentWeak).is_some());
    let school = Scenario {
        org_type: OrgType::School,
        public_body: Some(true),
        participants: [Participant::Pupils].into(),
        ..Scenario::default()
    };
    let list = todos(&school, None);
    assert_eq!(
        causes(&list, TodoId::LegalBasis),
        ["todo.legal_basis.public_task", "todo.legal_basis.school_act", "todo.legal_basis.pupils"]
    );
    assert!(todo(&list, TodoId::EmployeeConsentWeak).is_none(), "no staff taking part");
    assert_eq!(
        causes(&todos(&Scenario::default(), None), TodoId::LegalBasis)[0],
        "todo.legal_basis.private"
    );
}

#[test]
fn secrecy_social_data_representation_and_statutory_insurance() {
    let law = Scenario {
        org_type: OrgType::LawFirm,
        professional_secrecy: Some(true),
        ..Scenario::default()
    };
    let list = todos(&law, None);
    assert_eq!(
        causes(&list, TodoId::ProfessionalSecrecy),
        ["todo.professional_secrecy.stgb_203", "todo.professional_secrecy.brao_43e"]
    );
    assert!(todo(&list, TodoId::ProfessionalSecrecy).unwrap().precondition);

    let social = Scenario { social_data: Some(true), ..Scenario::default() };
    assert!(todo(&todos(&social, None), TodoId::SocialDataNotice).unwrap().precondition);

    for (rep, key) in [
        (Representation::WorksCouncil, "todo.representation.works_council"),
        (Representation::StaffCouncil, "todo.representation.staff_council"),
        (Representation::ChurchCouncil, "todo.representation.church_council"),
    ] {
        let s = Scenario { representation: rep, ..Scenario::default() };
        let list = todos(&s, None);
        assert_eq!(causes(&list, TodoId::Representation), [key]);
        assert!(todo(&list, TodoId::Representation).unwrap().precondition);
    }

    let practice = Scenario {
        org_type: OrgType::HealthCare,
        purposes: [Purpose::Consultations].into(),
        statutory_insurance_video: true,
        ..Scenario::default()
    };
    assert!(todo(&todos(&practice, None), TodoId::StatutoryInsurance).unwrap().precondition);
    let not_health = Scenario { org_type: OrgType::Company, ..practice };
    assert!(todo(&todos(&not_health, None), TodoId::StatutoryInsurance).is_none());
}

#[test]
fn ask_provider_lists_the_unknown_facts_the_decision_rests_on() {
    let mut o = baseline("x");
    o.subprocessor_locations = unknown();
    o.features.remove(&Feature::Recording);
    o.features.remove(&Feature::Polls); // not required: not asked
    let s = Scenario {
        required_features: [Feature::ScreenSharing, Feature::Recording].into(),
        ..Scenario::default()
    };
    let list = todos(&s, Some(&o));
    let ask = todo(&list, TodoId::AskProvider).unwrap();
    assert_eq!(
        ask.why[0].facts,
        [FactField::SubprocessorLocations, FactField::Feature(Feature::Recording)]
    );
    assert!(ask.precondition, "hard requirements rest on them: confirm before use");
    assert!(
        todo(&todos(&Scenario::default(), Some(&baseline("y"))), TodoId::AskProvider).is_none()
    );
    // An unknown parent is worth asking about, but no knock-out rests on it.
    let mut parent = baseline("p");
    parent.parent = unknown();
    let list = todos(&Scenario::default(), Some(&parent));
    let ask = todo(&list, TodoId::AskProvider).unwrap();
    assert!(!ask.precondition);
    assert_eq!(causes(&list, TodoId::AskProvider), ["todo.ask_provider.unknown_facts"]);
    // E2EE required and unknown: the provider must confirm it before use.
    let mut e2ee = baseline("e");
    e2ee.e2ee = unknown();
    let s = Scenario { e2ee_required: Some(true), ..Scenario::default() };
    let list = todos(&s, Some(&e2ee));
    assert_eq!(causes(&list, TodoId::AskProvider), ["todo.ask_provider.hard_requirements"]);
    assert!(todo(&list, TodoId::AskProvider).unwrap().precondition);
}

/// A processor seated in a third country receives the data: its seat is a destination even when
/// no server location is known, judged by its DPF certification or SCC.
#[test]
fn a_third_country_operator_is_a_destination() {
    let mut us_scc = baseline("us-scc");
    us_scc.operator = known(Entity { name: "Example Inc.".into(), country: "US".into() });
    us_scc.processing_locations = unknown();
    us_scc.subprocessor_locations = unknown();
    us_scc.transfer_basis = known(vec![TransferMechanism::Scc]);
    us_scc.dpf_certified = unknown();
    let eu_only = Scenario::default();
    let list = run(vec![us_scc.clone()], &eu_only);
    let ko = &list.excluded[0].knockouts[0];
    assert_eq!(ko.rule, RuleId::TransferStance);
    assert!(ko.facts.contains(&FactField::Operator), "the reason names the operator fact");
    assert_eq!(
        ko.detail,
        KnockOutDetail::Countries { countries: vec!["US".into()], allowed: TransferStance::EuOnly }
    );
    let scc = Scenario { transfer_stance: TransferStance::SccWithTia, ..Scenario::default() };
    assert_eq!(run(vec![us_scc.clone()], &scc).ranked.len(), 1);
    // At the DPF level, an unknown DPF listing is neither a pass nor a knock-out: a fit if the
    // listing is confirmed (else it would need SCC, beyond the stance).
    let dpf = Scenario { transfer_stance: TransferStance::Dpf, ..Scenario::default() };
    let list = run(vec![us_scc.clone()], &dpf);
    let e = &list.ranked[0];
    assert_eq!(e.tier(), Tier::Unconfirmed);
    assert_eq!(e.outcome(RuleId::TransferStance), Outcome::Unconfirmed);
    assert!(e.unconfirmed[0].facts.contains(&FactField::DpfCertified));
    us_scc.dpf_certified = known(false);
    assert!(run(vec![us_scc.clone()], &dpf).ranked.is_empty(), "not certified: SCC level");
    let list = todos(&eu_only, Some(&us_scc));
    assert_eq!(causes(&list, TodoId::TransferBasis), ["todo.transfer_basis.scc"]);
}

/// Locations unknown, but DPF offered as the transfer basis: the data reach the parent's country.
#[test]
fn a_dpf_basis_with_unknown_locations_points_to_the_parent() {
    let mut o = baseline("eu-sub");
    o.operator = unknown();
    o.parent = known(Entity { name: "Example LLC".into(), country: "US".into() });
    o.processing_locations = unknown();
    o.subprocessor_locations = unknown();
    o.transfer_basis = known(vec![TransferMechanism::Dpf]);
    o.dpf_certified = known(true);
    let list = run(vec![o.clone()], &Scenario::default());
    assert_eq!(list.excluded.len(), 1, "EU/EEA only excludes it");
    let dpf = Scenario { transfer_stance: TransferStance::Dpf, ..Scenario::default() };
    assert_eq!(run(vec![o.clone()], &dpf).ranked.len(), 1);
    // Without a transfer tool on offer, an unknown location stays a question, not a knock-out.
    o.transfer_basis = unknown();
    assert_eq!(run(vec![o], &Scenario::default()).ranked.len(), 1);
}

/// An offering reserved for one Land's public bodies is out for everyone else, and for everyone
/// once its contract has ended.
#[test]
fn availability_limits_who_can_obtain_an_offering() {
    use meetcheck::domain::catalog::Availability;
    use meetcheck::domain::scenario::Bundesland;
    let mut berlin = baseline("berlin");
    berlin.availability = known(Availability {
        land: Some(Bundesland::Berlin),
        public_bodies_only: true,
        until: Some(Date::constant(2027, 1, 31)),
    });
    let berlin_body = Scenario {
        public_body: Some(true),
        bundesland: Some(Bundesland::Berlin),
        ..Scenario::default()
    };
    assert_eq!(run(vec![berlin.clone()], &berlin_body).ranked.len(), 1);
    let company = Scenario { bundesland: Some(Bundesland::Berlin), ..Scenario::default() };
    let ko = &run(vec![berlin.clone()], &company).excluded[0].knockouts[0];
    assert_eq!(ko.rule, RuleId::Availability);
    assert_eq!(
        ko.detail,
        KnockOutDetail::Availability { land: None, public_bodies_only: true, ended: None }
    );
    let hessen = Scenario { bundesland: Some(Bundesland::Hessen), ..berlin_body.clone() };
    assert_eq!(
        run(vec![berlin.clone()], &hessen).excluded[0].knockouts[0].answers,
        [AnswerId::Bundesland]
    );
    // After the contract ended nobody can obtain it, and no what-if brings it back.
    let later = narrow(&catalog(vec![berlin]), &berlin_body, Date::constant(2027, 2, 1));
    assert!(matches!(
        later.excluded[0].knockouts[0].detail,
        KnockOutDetail::Availability { ended: Some(_), .. }
    ));
    assert!(later.what_ifs.is_empty());
}

#[test]
fn the_dsk_checklist_points_apply_where_they_fit() {
    use meetcheck::domain::catalog::OwnPurpose;
    // A company meeting its business partners on an online service that uses service data.
    let s = Scenario {
        participants: std::collections::BTreeSet::from([Participant::BusinessPartners]),
        ..Scenario::default()
    };
    let mut o = baseline("a");
    o.own_purpose = known(OwnPurpose::ServiceData);
    let list = todos(&s, Some(&o));
    assert_eq!(causes(&list, TodoId::BreachProcess), ["todo.breach_process.always"]);
    assert_eq!(causes(&list, TodoId::ModeratorRoles), ["todo.moderator_roles.guests"]);
    assert_eq!(causes(&list, TodoId::Updates), ["todo.updates.clients"]);
    assert_eq!(causes(&list, TodoId::Telemetry), ["todo.telemetry.service_data"]);
    assert!(todo(&list, TodoId::PrivateHomes).is_none(), "partners join from their offices");
    for id in [TodoId::BreachProcess, TodoId::ModeratorRoles, TodoId::Updates, TodoId::Telemetry] {
        assert!(!todo(&list, id).unwrap().precondition, "{id:?} is no precondition of use");
    }

    // Staff only, on a server of their own: roles without guests, patching and logging.
    let s = Scenario::default();
    let list = todos(&s, Some(&self_hosted("b")));
    assert_eq!(causes(&list, TodoId::ModeratorRoles), ["todo.moderator_roles.staff_only"]);
    assert_eq!(causes(&list, TodoId::Updates), ["todo.updates.self_operated"]);
    assert_eq!(causes(&list, TodoId::Telemetry), ["todo.telemetry.self_operated"]);
    assert_eq!(causes(&list, TodoId::PrivateHomes), ["todo.private_homes.participants"]);

    // Pupils join from home; the provider's own purposes are not documented.
    let s = Scenario {
        participants: std::collections::BTreeSet::from([Participant::Pupils, Participant::Staff]),
        ..Scenario::default()
    };
    let mut o = baseline("c");
    o.own_purpose = unknown();
    let list = todos(&s, Some(&o));
    assert_eq!(causes(&list, TodoId::Telemetry), ["todo.telemetry.unknown"]);
    assert_eq!(causes(&list, TodoId::PrivateHomes), ["todo.private_homes.participants"]);
}
