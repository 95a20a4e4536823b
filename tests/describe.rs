//! The sentences: values filled in, both languages, no raw keys.

mod common;

use common::*;
use jiff::civil::Date;
use meetcheck::describe;
use meetcheck::domain::catalog::{Browser, DpaTerms, Entity, Feature};
use meetcheck::domain::narrowing::{
    AnswerId, CriterionId, FactField, KnockOut, KnockOutDetail, Light, RelaxedTo, RuleId, WhatIf,
    narrow,
};
use meetcheck::domain::scenario::{
    Bundesland, DataCategory, LegalRegime, OrgType, Scenario, Size, TransferStance,
};
use meetcheck::domain::todos::{TodoId, todos};
use meetcheck::i18n::{Lang, Texts};

fn de() -> Texts {
    Texts::embedded(Lang::De)
}
fn en() -> Texts {
    Texts::embedded(Lang::En)
}

fn no_raw_key(text: &str) {
    for prefix in
        ["rule.", "light.", "criterion.", "whatif.", "todo.", "norm.", "stale.", "answer.", "{"]
    {
        assert!(!text.contains(prefix), "raw key or placeholder left in: {text}");
    }
}

fn ko(rule: RuleId, detail: KnockOutDetail) -> KnockOut {
    KnockOut { rule, facts: vec![], answers: vec![], detail }
}

#[test]
fn knockouts_name_the_values_in_both_languages() {
    let o = us_dpf("zoomish");
    let transfer = ko(
        RuleId::TransferStance,
        KnockOutDetail::Countries { countries: vec!["US".into()], allowed: TransferStance::EuOnly },
    );
    let d = describe::knockout(&de(), &o, &transfer);
    assert!(
        d.contains("zoomish (de)") && d.contains("in den USA") && d.contains("nur EU/EWR"),
        "{d}"
    );
    let e = describe::knockout(&en(), &o, &transfer);
    assert!(
        e.contains("zoomish (en)")
            && e.contains("in the United States")
            && e.contains("EU/EEA only"),
        "{e}"
    );

    let browsers = ko(
        RuleId::BrowserJoin,
        KnockOutDetail::Browsers {
            missing: vec![Browser::Firefox, Browser::Safari],
            under_e2ee: true,
        },
    );
    let e = describe::knockout(&en(), &o, &browsers);
    assert!(e.contains(en().by_name(Browser::Firefox.key())), "{e}");
    assert!(e.contains("under end-to-end encryption"), "{e}");
    let d = describe::knockout(&de(), &o, &browsers);
    assert!(d.contains("unter Ende-zu-Ende-Verschlüsselung"), "{d}");

    let size =
        ko(RuleId::Size, KnockOutDetail::Participants { needed: 300, max: 100, under_e2ee: false });
    let d = describe::knockout(&de(), &o, &size);
    assert!(d.contains("300") && d.contains("100") && !d.contains("Verschlüsselung"), "{d}");

    let feature = ko(
        RuleId::RequiredFeature,
        KnockOutDetail::Feature { feature: Feature::DialIn, under_e2ee: false },
    );
    let e = describe::knockout(&en(), &o, &feature);
    assert!(e.contains(en().by_name(Feature::DialIn.key())), "{e}");

    let social = ko(
        RuleId::SocialDataTransfers,
        KnockOutDetail::Countries { countries: vec!["IN".into()], allowed: TransferStance::Dpf },
    );
    let d = describe::knockout(&de(), &o, &social);
    assert!(
        d.contains("§ 80 Abs. 2 SGB X") && d.contains("Art. 45") && d.contains("in Indien"),
        "{d}"
    );

    let plain = [
        RuleId::NoDpa,
        RuleId::OwnPurpose,
        RuleId::E2ee,
        RuleId::Hosting,
        RuleId::SelfHosting,
        RuleId::OpenSource,
        RuleId::StatutoryInsurance,
    ];
    for rule in RuleId::ALL {
        for texts in [de(), en()] {
            if plain.contains(&rule) {
                no_raw_key(&describe::knockout(&texts, &o, &ko(rule, KnockOutDetail::Plain)));
            }
            no_raw_key(&describe::rule(&texts, rule));
        }
    }
    let no_dpa = describe::knockout(&de(), &o, &ko(RuleId::NoDpa, KnockOutDetail::Plain));
    assert!(no_dpa.contains("Art. 28 DSGVO"), "{no_dpa}");
}

#[test]
fn lights_carry_glyph_and_word_and_causes_fill_values() {
    assert_eq!(describe::light(&de(), Light::Green), "● gut");
    assert_eq!(describe::light(&en(), Light::Red), "✖ critical");
    assert_eq!(describe::light(&en(), Light::Grey), "? unknown");
    assert!(describe::light(&de(), Light::Yellow).starts_with("▲ "));
    assert!(describe::lights_label(&de()).contains("meetcheck"));

    let mut o = baseline("eu");
    o.parent = known(Entity { name: "Parent Inc.".into(), country: "US".into() });
    let list =
        narrow(&catalog(vec![o.clone()]), &Scenario::default(), Date::constant(2026, 11, 29));
    let foreign =
        list.ranked[0].lights.iter().find(|r| r.criterion == CriterionId::ForeignAccess).unwrap();
    let e = describe::rating(&en(), &o, foreign);
    assert!(e.contains("Parent Inc.") && e.contains("US") && e.contains("CLOUD Act"), "{e}");
    for r in &list.ranked[0].lights {
        no_raw_key(&describe::rating(&de(), &o, r));
        no_raw_key(&describe::rating(&en(), &o, r));
    }
    for c in CriterionId::ALL {
        no_raw_key(&describe::criterion(&de(), c));
        no_raw_key(&describe::criterion_hint(&en(), c));
    }
    assert_eq!(describe::weight(&de(), CriterionId::Encryption, 3), "Verschlüsselung: Gewicht 3");
}

#[test]
fn what_ifs_read_as_sentences() {
    let c = catalog(vec![us_dpf("zoom"), us_dpf("teams")]);
    let w = WhatIf {
        answer: AnswerId::TransferStance,
        relaxed_to: RelaxedTo::Stance(TransferStance::Dpf),
        brings_back: vec!["zoom".into(), "teams".into()],
    };
    assert_eq!(
        describe::what_if(&en(), &c, &w),
        "Allowing DPF-certified US recipients would bring back: zoom (en), teams (en)"
    );
    assert!(
        describe::what_if(&de(), &c, &w)
            .starts_with("Wenn DPF-zertifizierte US-Empfänger zugelassen würden")
    );
    let size = WhatIf {
        answer: AnswerId::Size,
        relaxed_to: RelaxedTo::Size(Size::UpTo50),
        brings_back: vec!["zoom".into()],
    };
    assert!(describe::what_if(&de(), &c, &size).contains("bis 50 Personen"));
    let feature = WhatIf {
        answer: AnswerId::RequiredFeatures,
        relaxed_to: RelaxedTo::WithoutFeature(Feature::Recording),
        brings_back: vec!["teams".into()],
    };
    let e = describe::what_if(&en(), &c, &feature);
    assert!(e.starts_with("Dropping the requirement") && e.contains("teams (en)"), "{e}");
}

#[test]
fn todos_cite_the_regimes_own_norms_and_authority() {
    let s = Scenario::default();
    let list = todos(&s, None);
    let dpa = list.iter().find(|t| t.id == TodoId::Dpa).unwrap();
    let why = describe::todo_why(&de(), &s, dpa);
    assert!(why.last().unwrap().contains("Art. 28 DSGVO"), "{why:?}");
    assert_eq!(describe::todo_flag(&de(), dpa), "Voraussetzung für den Einsatz");
    assert_eq!(describe::todo_title(&en(), TodoId::Dpa), "Conclude a data processing agreement");

    let kdg = Scenario { regime: Some(LegalRegime::ChurchKdg), ..Scenario::default() };
    let why = describe::todo_why(&de(), &kdg, dpa);
    assert!(why.last().unwrap().contains("§ 29 KDG"), "{why:?}");
    let record = list.iter().find(|t| t.id == TodoId::RecordOfProcessing).unwrap();
    let why = describe::todo_why(&de(), &kdg, record);
    assert!(
        why.last().unwrap().contains("Art. 30 DSGVO") && why.last().unwrap().contains("KDG prüfen"),
        "{why:?}"
    );
    let ekd = Scenario { regime: Some(LegalRegime::ChurchDsgEkd), ..Scenario::default() };
    assert!(describe::todo_why(&en(), &ekd, record).last().unwrap().contains("§ 31 DSG-EKD"));

    // State law in Hesse: § 23 HDSIG for employees; the HBDI for a DPIA.
    let mut hesse = Scenario {
        regime: Some(LegalRegime::StateLaw),
        public_body: Some(true),
        bundesland: Some(Bundesland::Hessen),
        ..Scenario::default()
    };
    hesse.data.insert(DataCategory::SpecialCategories);
    let list = todos(&hesse, None);
    let legal = list.iter().find(|t| t.id == TodoId::LegalBasis).unwrap();
    let why = describe::todo_why(&de(), &hesse, legal).join(" ");
    assert!(why.contains("§ 23 HDSIG") && why.contains("Hessischen Datenschutz"), "{why}");
    assert!(why.contains("C-34/21"), "{why}");
    let dpia = list.iter().find(|t| t.id == TodoId::Dpia).unwrap();
    let why = describe::todo_why(&en(), &hesse, dpia).join(" ");
    assert!(why.contains("HBDI") && why.contains("Art. 35 GDPR"), "{why}");

    for todo in &list {
        for texts in [de(), en()] {
            no_raw_key(&describe::todo_title(&texts, todo.id));
            for line in describe::todo_why(&texts, &hesse, todo) {
                no_raw_key(&line);
            }
        }
    }
}

#[test]
fn competent_authority_follows_land_and_regime() {
    let a = |s: Scenario| describe::competent_authority(&de(), &s);
    assert_eq!(a(Scenario::default()), None);
    let by_company = Scenario { bundesland: Some(Bundesland::Bayern), ..Scenario::default() };
    assert!(a(by_company.clone()).unwrap().contains("BayLDA"));
    let by_public =
        Scenario { regime: Some(LegalRegime::StateLaw), public_body: Some(true), ..by_company };
    assert!(a(by_public).unwrap().contains("BayLfD"));
    let federal = Scenario {
        public_body: Some(true),
        regime: Some(LegalRegime::GdprBdsg),
        ..Scenario::default()
    };
    assert!(a(federal).unwrap().contains("BfDI"));
    let kdg = Scenario { regime: Some(LegalRegime::ChurchKdg), ..Scenario::default() };
    assert!(a(kdg).unwrap().contains("Diözesandatenschutzbeauftragte"));
    for land in Bundesland::ALL {
        let s = Scenario { bundesland: Some(*land), ..Scenario::default() };
        no_raw_key(&a(s).unwrap());
    }
}

#[test]
fn answer_values_in_words() {
    let mut s = Scenario::default();
    assert_eq!(
        describe::answer_value(&de(), &s, AnswerId::ProtectionNeed),
        "normal (vorgeschlagen wegen: Nur alltägliche Daten)"
    );
    assert_eq!(
        describe::answer_value(&en(), &s, AnswerId::E2eeRequired),
        "no (proposed, because nothing in the answers calls for it)"
    );
    // A school is proposed as a public body under the Land's act, until someone confirms it.
    let school = Scenario { org_type: OrgType::School, ..Scenario::default() };
    assert_eq!(
        describe::answer_value(&en(), &school, AnswerId::PublicBody),
        "yes (proposed, because authorities and schools are usually public bodies)"
    );
    assert!(describe::answer_value(&en(), &school, AnswerId::Regime).contains("(proposed"));
    let confirmed = Scenario { public_body: Some(true), ..school };
    assert_eq!(describe::answer_value(&en(), &confirmed, AnswerId::PublicBody), "yes");
    assert_eq!(describe::answer_value(&de(), &s, AnswerId::TransferStance), "nur EU/EWR");
    assert_eq!(describe::answer_value(&en(), &s, AnswerId::Bundesland), "none");
    s.e2ee_required = Some(true);
    assert_eq!(describe::answer_value(&de(), &s, AnswerId::E2eeRequired), "ja");
    assert_eq!(
        describe::answer_label(&en(), AnswerId::Size),
        "Largest meeting (taking part actively)"
    );
    for answer in AnswerId::ALL {
        for texts in [de(), en()] {
            no_raw_key(&describe::answer_label(&texts, answer));
            no_raw_key(&describe::answer_value(&texts, &s, answer));
        }
    }
}

#[test]
fn fact_values_and_provenance() {
    let mut o = us_dpf("zoomish");
    o.dpa = old(DpaTerms::Standard);
    o.subprocessor_locations = unknown();
    let c = catalog(vec![o.clone()]);
    assert_eq!(describe::fact_value(&de(), &o, FactField::Operator), "Example Inc. (USA)");
    assert_eq!(
        describe::fact_value(&en(), &o, FactField::ProcessingLocations),
        "United States, Germany"
    );
    assert_eq!(
        describe::fact_value(&en(), &o, FactField::SubprocessorLocations),
        "unknown: unknown"
    );
    assert_eq!(
        describe::fact_value(&de(), &o, FactField::SubprocessorLocations),
        "unbekannt: unbekannt"
    );
    assert_eq!(describe::fact_value(&de(), &o, FactField::Dpa), "Teil der Standardbedingungen");
    assert_eq!(describe::fact_value(&en(), &o, FactField::E2eeMaxParticipants), "100 people");
    let p = describe::provenance(&en(), &c, &o, FactField::Dpa).unwrap();
    assert!(p.starts_with("Test source, as of 2021-03, "), "{p}");
    let today = Date::constant(2026, 11, 29);
    assert!(
        describe::provenance_on(&en(), &c, &o, FactField::Dpa, today).unwrap().ends_with("; stale")
    );
    assert!(
        !describe::provenance_on(&de(), &c, &o, FactField::ProcessingLocations, today)
            .unwrap()
            .contains("veraltet")
    );
    assert_eq!(describe::provenance(&de(), &c, &o, FactField::SubprocessorLocations), None);

    let list = narrow(
        &c,
        &Scenario { transfer_stance: TransferStance::Dpf, ..Scenario::default() },
        today,
    );
    let stale = list.stale.iter().find(|f| f.field == FactField::Dpa).expect("stale DPA reported");
    let d = describe::stale(&de(), &c, stale);
    assert!(
        d.contains("zoomish (de)")
            && d.contains("Auftragsverarbeitungsvertrag")
            && d.contains("2021-03"),
        "{d}"
    );
}
