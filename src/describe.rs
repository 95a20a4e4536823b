//! Turns the domain's structured values (rule ids, facts, answers, to-dos) into German or English
//! sentences, once, for the wizard, `show` and the exporter alike — so all say the same thing.

use crate::domain::answer_value::AnswerValue;
use crate::domain::assessment::{Decision, Status, TodoStatus};
use crate::domain::catalog::{Browser, Catalog, DpaTerms, Entity, Feature, Offering, OwnPurpose};
use crate::domain::changes::{self, SnapshotChange};
use crate::domain::fact_ref::FactRef;
use crate::domain::facts::{AsOf, Fact};
use crate::domain::narrowing::{
    AnswerId, CriterionId, FactField, KnockOut, KnockOutDetail, Light, Rating, RelaxedTo, RuleId,
    StaleFact, Tier, Unconfirmed, WhatIf,
};
use crate::domain::norms::{self, CatholicSupervision, Law, Norm, Supervisor, Topic};
use crate::domain::scenario::{Bundesland, Proposal, Scenario, TransferStance};
use crate::domain::todos::{Todo, TodoId};
use crate::i18n::Texts;
use crate::i18n::{Key, k};

/// Text keys of yes and no as answer values.
const YES: Key = k::ANSWER_VALUE_YES;
const NO: Key = k::ANSWER_VALUE_NO;

/// The offering's display name, or the id with a marker when the catalogue no longer has it.
pub fn offering_name(texts: &Texts, catalog: &Catalog, id: &str) -> String {
    match catalog.offering(id) {
        Some(o) => texts.pick(&o.name).to_string(),
        None => id.to_string(),
    }
}

fn list<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    items.into_iter().collect::<Vec<_>>().join(", ")
}

fn browsers(texts: &Texts, families: &[Browser]) -> String {
    list(families.iter().map(|b| texts.by_name(b.key())))
}

/// One sentence: why `offering` is excluded by `knockout`, with the values that decided it.
pub fn knockout(texts: &Texts, offering: &Offering, knockout: &KnockOut) -> String {
    let name = texts.pick(&offering.name);
    let key = match (knockout.rule, &knockout.detail) {
        (RuleId::TransferStance, KnockOutDetail::Countries { allowed, .. })
            if *allowed == TransferStance::SccWithTia =>
        {
            k::RULE_TRANSFER_STANCE_REASON_NO_BASIS
        }
        (RuleId::TransferStance, _) => k::RULE_TRANSFER_STANCE_REASON,
        (RuleId::SocialDataTransfers, _) => k::RULE_SOCIAL_DATA_TRANSFERS_REASON,
        (RuleId::NoDpa, _) => k::RULE_NO_DPA_REASON,
        (RuleId::OwnPurpose, _) => k::RULE_OWN_PURPOSE_REASON,
        (RuleId::BrowserJoin, KnockOutDetail::Browsers { under_e2ee: true, .. }) => {
            k::RULE_BROWSER_JOIN_REASON_E2EE
        }
        (RuleId::BrowserJoin, KnockOutDetail::NoBrowser { under_e2ee: true }) => {
            k::RULE_BROWSER_JOIN_REASON_NONE_E2EE
        }
        (RuleId::BrowserJoin, KnockOutDetail::NoBrowser { .. }) => k::RULE_BROWSER_JOIN_REASON_NONE,
        (RuleId::BrowserJoin, _) => k::RULE_BROWSER_JOIN_REASON,
        (RuleId::E2ee, _) => k::RULE_E2EE_REASON,
        (RuleId::Size, KnockOutDetail::Participants { under_e2ee: true, .. }) => {
            k::RULE_SIZE_REASON_E2EE
        }
        (RuleId::Size, _) => k::RULE_SIZE_REASON,
        (RuleId::RequiredFeature, KnockOutDetail::Feature { under_e2ee: true, .. }) => {
            k::RULE_REQUIRED_FEATURE_REASON_E2EE
        }
        (RuleId::RequiredFeature, _) => k::RULE_REQUIRED_FEATURE_REASON,
        (RuleId::Hosting, _) => k::RULE_HOSTING_REASON,
        (RuleId::SelfHosting, _) => k::RULE_SELF_HOSTING_REASON,
        (RuleId::OpenSource, _) => k::RULE_OPEN_SOURCE_REASON,
        (RuleId::StatutoryInsurance, _) => k::RULE_STATUTORY_INSURANCE_REASON,
        (RuleId::Availability, KnockOutDetail::Availability { ended: Some(_), .. }) => {
            k::RULE_AVAILABILITY_REASON_ENDED
        }
        (RuleId::Availability, _) => k::RULE_AVAILABILITY_REASON,
        (RuleId::UsControl, KnockOutDetail::Control { operator: true, .. }) => {
            k::RULE_US_CONTROL_REASON_OPERATOR
        }
        (RuleId::UsControl, _) => k::RULE_US_CONTROL_REASON_PARENT,
        (RuleId::JoinWithoutAccount, _) => k::RULE_JOIN_WITHOUT_ACCOUNT_REASON,
    };
    let (operator, _) = entity(texts, &offering.operator);
    let (parent, _) = entity(texts, &offering.parent);
    let mut args: Vec<(&str, String)> = vec![
        ("name", name.to_string()),
        ("model", texts.by_name(offering.operating_model.key()).to_string()),
        ("operator", operator),
        ("parent", parent),
    ];
    match &knockout.detail {
        KnockOutDetail::Countries { countries, allowed } => {
            args.push(("countries", in_countries(texts, countries)));
            args.push(("allowed", texts.by_name(allowed.key()).to_string()));
        }
        KnockOutDetail::Browsers { missing, .. } => {
            args.push(("browsers", browsers(texts, missing)));
        }
        KnockOutDetail::Participants { needed, max, .. } => {
            args.push(("needed", needed.to_string()));
            args.push(("max", max.to_string()));
        }
        KnockOutDetail::Feature { feature, .. } => {
            args.push(("feature", texts.by_name(feature.key()).to_string()));
        }
        KnockOutDetail::Availability { land, public_bodies_only, ended } => {
            args.push(("reserved_for", reserved_for(texts, *land, *public_bodies_only)));
            if let Some(date) = ended {
                args.push(("until", date.to_string()));
            }
        }
        KnockOutDetail::NoBrowser { .. }
        | KnockOutDetail::Control { .. }
        | KnockOutDetail::Plain => {}
    }
    fill(texts, key, &args)
}

/// One sentence: which hard requirement of `offering` is not confirmed, and what to ask.
pub fn unconfirmed(texts: &Texts, offering: &Offering, open: &Unconfirmed) -> String {
    let facts: Vec<String> = open.facts.iter().map(|f| fact_label(texts, *f)).collect();
    texts.fmt(
        k::REQUIREMENT_UNCONFIRMED,
        &[
            ("name", texts.pick(&offering.name)),
            ("requirement", texts.by_name(&open.rule.requirement_key())),
            ("facts", &facts.join(", ")),
        ],
    )
}

/// "fits if confirmed: data processing agreement, data transfers" — the requirements still open.
pub fn open_requirements(texts: &Texts, open: &[Unconfirmed]) -> String {
    let names: Vec<String> = open.iter().map(|u| requirement(texts, u.rule)).collect();
    texts.fmt(k::TIER_UNCONFIRMED_OPEN, &[("requirements", &names.join(", "))])
}

/// The tier's label ("fits" / "fits if confirmed").
pub fn tier(texts: &Texts, tier: Tier) -> String {
    texts.by_name(tier.key()).to_string()
}

/// "public bodies in Berlin", "bodies in Berlin", "public bodies".
fn reserved_for(texts: &Texts, land: Option<Bundesland>, public_bodies_only: bool) -> String {
    match (land, public_bodies_only) {
        (Some(land), true) => {
            texts.fmt(k::RULE_AVAILABILITY_PUBLIC_IN, &[("land", texts.by_name(land.key()))])
        }
        (Some(land), false) => {
            texts.fmt(k::RULE_AVAILABILITY_BODIES_IN, &[("land", texts.by_name(land.key()))])
        }
        (None, true) => texts.get(k::RULE_AVAILABILITY_PUBLIC).to_string(),
        (None, false) => texts.get(k::RULE_AVAILABILITY_OTHERS).to_string(),
    }
}

/// What a hard requirement asks for ("data processing agreement obtainable").
pub fn requirement(texts: &Texts, rule: RuleId) -> String {
    texts.by_name(&rule.requirement_key()).to_string()
}

/// The rule's short name ("Auftragsverarbeitungsvertrag").
pub fn rule(texts: &Texts, rule: RuleId) -> String {
    texts.by_name(rule.key()).to_string()
}

fn fill(texts: &Texts, key: Key, args: &[(&str, String)]) -> String {
    let borrowed: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    texts.fmt(key, &borrowed)
}

/// [`fill`] for a key that comes from data (a light's cause, a to-do's reason).
fn fill_by_name(texts: &Texts, key: &str, args: &[(&str, String)]) -> String {
    let borrowed: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    texts.fmt_by_name(key, &borrowed)
}

fn entity(texts: &Texts, fact: &Fact<Entity>) -> (String, String) {
    fact.value().map(|e| (e.name.clone(), country(texts, &e.country))).unwrap_or_default()
}

/// One sentence: why `offering` got this light.
pub fn rating(texts: &Texts, offering: &Offering, rating: &Rating) -> String {
    let (operator, operator_country) = entity(texts, &offering.operator);
    let (parent, parent_country) = entity(texts, &offering.parent);
    fill_by_name(
        texts,
        rating.cause.id(),
        &[
            ("name", texts.pick(&offering.name).to_string()),
            ("operator", operator),
            ("operator_country", operator_country),
            ("parent", parent),
            ("parent_country", parent_country),
        ],
    )
}

/// The criterion's short name.
pub fn criterion(texts: &Texts, criterion: CriterionId) -> String {
    texts.by_name(criterion.key()).to_string()
}

/// What the criterion measures, in one line.
pub fn criterion_hint(texts: &Texts, criterion: CriterionId) -> String {
    texts.by_name(criterion.hint_key()).to_string()
}

/// "Verschlüsselung: Gewicht 3".
pub fn weight(texts: &Texts, criterion: CriterionId, weight: u8) -> String {
    texts.fmt(
        k::CRITERION_WEIGHT,
        &[("criterion", texts.by_name(criterion.key())), ("weight", &weight.to_string())],
    )
}

/// The glyph of a light; the same set everywhere, so that no light depends on colour alone.
pub fn light_glyph(light: Light) -> &'static str {
    match light {
        Light::Green => "●",
        Light::Yellow => "▲",
        Light::Red => "✖",
        Light::Grey => "?",
    }
}

/// A light as glyph plus word, never colour alone (e.g. "● gut" / "▲ Vorbehalte").
pub fn light(texts: &Texts, light: Light) -> String {
    format!("{} {}", light_glyph(light), texts.by_name(light.key()))
}

/// The label that marks lights as meetcheck's own, never an authority's.
pub fn lights_label(texts: &Texts) -> String {
    texts.get(k::LIGHT_OWN_LABEL).to_string()
}

/// "Allowing DPF-certified US recipients would bring back: Zoom, Teams".
pub fn what_if(texts: &Texts, catalog: &Catalog, what_if: &WhatIf) -> String {
    let names: Vec<String> =
        what_if.brings_back.iter().map(|id| offering_name(texts, catalog, id)).collect();
    let value = match what_if.relaxed_to {
        RelaxedTo::Stance(s) => texts.by_name(s.key()).to_string(),
        RelaxedTo::Size(s) => texts.by_name(s.key()).to_string(),
        RelaxedTo::Participants(n) => {
            texts.fmt(k::ANSWER_VALUE_AT_MOST_PEOPLE, &[("n", &n.to_string())])
        }
        RelaxedTo::Hosting(h) => texts.by_name(h.key()).to_string(),
        RelaxedTo::WithoutFeature(f) => texts.by_name(f.key()).to_string(),
        RelaxedTo::Recording(r) => texts.by_name(r.key()).to_string(),
        RelaxedTo::Yes => texts.get(YES).to_string(),
        RelaxedTo::No => texts.get(NO).to_string(),
    };
    let key = match (what_if.answer, what_if.relaxed_to) {
        (AnswerId::TransferStance, RelaxedTo::Stance(TransferStance::EuOnly)) => {
            k::WHATIF_STANCE_EU_ONLY
        }
        (AnswerId::TransferStance, RelaxedTo::Stance(TransferStance::Adequacy)) => {
            k::WHATIF_STANCE_ADEQUACY
        }
        (AnswerId::TransferStance, RelaxedTo::Stance(TransferStance::Dpf)) => k::WHATIF_STANCE_DPF,
        (AnswerId::TransferStance, _) => k::WHATIF_STANCE_SCC,
        (AnswerId::InstallPossible, _) => k::WHATIF_INSTALL_POSSIBLE,
        (AnswerId::E2eeRequired, _) => k::WHATIF_E2EE_REQUIRED,
        (AnswerId::Size, _) => k::WHATIF_SIZE,
        (AnswerId::RequiredFeatures, _) => k::WHATIF_REQUIRED_FEATURE,
        (AnswerId::Hosting, _) => k::WHATIF_HOSTING,
        (AnswerId::OpenSourceRequired, _) => k::WHATIF_OPEN_SOURCE,
        (AnswerId::SelfHostingCapacity, _) => k::WHATIF_SELF_HOSTING_CAPACITY,
        (AnswerId::Recording, _) => k::WHATIF_RECORDING,
        (AnswerId::JoinWithoutAccount, _) => k::WHATIF_JOIN_WITHOUT_ACCOUNT,
        _ => k::WHATIF_OTHER,
    };
    fill(
        texts,
        key,
        &[
            ("names", names.join(", ")),
            ("value", value),
            ("answer", texts.by_name(what_if.answer.key()).to_string()),
        ],
    )
}

/// One sentence on a stale fact: which offering, which fact, how old.
pub fn stale(texts: &Texts, catalog: &Catalog, fact: &StaleFact) -> String {
    fill(
        texts,
        k::STALE_SENTENCE,
        &[
            ("name", offering_name(texts, catalog, &fact.offering)),
            ("field", fact_label(texts, fact.field)),
            ("as_of", as_of(texts, &fact.as_of)),
        ],
    )
}

/// The to-do's title.
pub fn todo_title(texts: &Texts, id: TodoId) -> String {
    texts.by_name(id.key()).to_string()
}

/// "Voraussetzung für den Einsatz" for preconditions of use, else empty.
pub fn todo_flag(texts: &Texts, todo: &Todo) -> String {
    if todo.precondition { texts.get(k::TODO_PRECONDITION).to_string() } else { String::new() }
}

/// Why the to-do applies, one sentence per cause, then the norms of the scenario's regime (and,
/// for a DPIA, the competent authority to consult).
pub fn todo_why(texts: &Texts, scenario: &Scenario, todo: &Todo) -> Vec<String> {
    todo_why_in(texts, scenario, None, todo)
}

/// [`todo_why`], naming the offerings a cause concerns from `catalog` (else by id).
pub fn todo_why_in(
    texts: &Texts,
    scenario: &Scenario,
    catalog: Option<&Catalog>,
    todo: &Todo,
) -> Vec<String> {
    let act = state_act(texts, scenario);
    let mut out: Vec<String> = todo
        .why
        .iter()
        .map(|cause| {
            let labels: Vec<String> = cause.facts.iter().map(|f| fact_label(texts, *f)).collect();
            let facts = labels.join(", ");
            let name = match (&cause.offering, catalog) {
                (Some(id), Some(c)) => offering_name(texts, c, id),
                (Some(id), None) => id.clone(),
                (None, _) => String::new(),
            };
            fill_by_name(
                texts,
                cause.reason.id(),
                &[("state_act", act.clone()), ("facts", facts), ("name", name)],
            )
        })
        .collect();
    if todo.id == TodoId::Dpia
        && let Some(authority) = competent_authority(texts, scenario)
    {
        out.push(texts.fmt(k::TODO_DPIA_CONSULT, &[("authority", &authority)]));
    }
    let norms = todo_norms(texts, scenario, todo);
    if !norms.is_empty() {
        out.push(texts.fmt(k::TODO_NORMS, &[("norms", &norms)]));
    }
    out
}

/// The text key of a topic's GDPR article.
fn gdpr_key(topic: Topic) -> Key {
    match topic {
        Topic::Dpo => k::NORM_GDPR_DPO,
        Topic::Dpa => k::NORM_GDPR_DPA,
        Topic::Transfer => k::NORM_GDPR_TRANSFER,
        Topic::Toms => k::NORM_GDPR_TOMS,
        Topic::Settings => k::NORM_GDPR_SETTINGS,
        Topic::Information => k::NORM_GDPR_INFORMATION,
        Topic::Record => k::NORM_GDPR_RECORD,
        Topic::Dpia => k::NORM_GDPR_DPIA,
        Topic::Lawfulness => k::NORM_GDPR_LAWFULNESS,
        Topic::Employees => k::NORM_GDPR_EMPLOYEES,
        Topic::Special => k::NORM_GDPR_SPECIAL,
        Topic::Breach => k::NORM_GDPR_BREACH,
    }
}

/// The text key of a checked church-law paragraph.
fn church_key(law: Law, topic: Topic) -> Option<Key> {
    Some(match (law, topic) {
        (Law::Kdg, Topic::Dpa) => k::NORM_KDG_DPA,
        (Law::Kdg, Topic::Toms) => k::NORM_KDG_TOMS,
        (Law::Kdg, Topic::Information) => k::NORM_KDG_INFORMATION,
        (Law::Kdg, Topic::Dpia) => k::NORM_KDG_DPIA,
        (Law::Kdg, Topic::Lawfulness) => k::NORM_KDG_LAWFULNESS,
        (Law::Kdg, Topic::Special) => k::NORM_KDG_SPECIAL,
        (Law::Kdg, Topic::Employees) => k::NORM_KDG_EMPLOYEES,
        (Law::Ekd, Topic::Employees) => k::NORM_EKD_EMPLOYEES,
        (Law::Ekd, Topic::Dpa) => k::NORM_EKD_DPA,
        (Law::Ekd, Topic::Transfer) => k::NORM_EKD_TRANSFER,
        (Law::Ekd, Topic::Toms) => k::NORM_EKD_TOMS,
        (Law::Ekd, Topic::Settings) => k::NORM_EKD_SETTINGS,
        (Law::Ekd, Topic::Information) => k::NORM_EKD_INFORMATION,
        (Law::Ekd, Topic::Record) => k::NORM_EKD_RECORD,
        (Law::Ekd, Topic::Lawfulness) => k::NORM_EKD_LAWFULNESS,
        (Law::Ekd, Topic::Special) => k::NORM_EKD_SPECIAL,
        _ => return None,
    })
}

/// A norm as cited ("Art. 28 DSGVO", "§ 29 KDG", "Art. 28 DSGVO (KDG: entsprechende Norm prüfen)").
pub fn norm(texts: &Texts, norm: Norm) -> String {
    match norm {
        Norm::Gdpr(topic) => texts.get(gdpr_key(topic)).to_string(),
        Norm::Church(law, topic) => match church_key(law, topic) {
            Some(key) => texts.get(key).to_string(),
            None => church_unchecked(texts, law, topic),
        },
        Norm::ChurchUnchecked(law, topic) => church_unchecked(texts, law, topic),
        Norm::StateLawfulness(land) => {
            texts.fmt(k::NORM_STATE_LAWFULNESS, &[("act", texts.get(state_act_key(land)))])
        }
        Norm::StateEmployees(Bundesland::Hessen) => {
            texts.get(k::NORM_STATE_EMPLOYEES_HE).to_string()
        }
        Norm::StateEmployees(Bundesland::Berlin) => {
            texts.get(k::NORM_STATE_EMPLOYEES_BE).to_string()
        }
        Norm::StateEmployees(land) => {
            texts.fmt(k::NORM_STATE_EMPLOYEES, &[("act", texts.get(state_act_key(land)))])
        }
    }
}

fn church_unchecked(texts: &Texts, law: Law, topic: Topic) -> String {
    let law = texts.get(if law == Law::Ekd { k::NORM_EKD } else { k::NORM_KDG });
    texts.fmt(k::NORM_CHURCH_FALLBACK, &[("norm", texts.get(gdpr_key(topic))), ("law", law)])
}

/// The norms a to-do rests on under the scenario's regime ("Art. 28 DSGVO" / "§ 29 KDG").
pub fn todo_norms(texts: &Texts, scenario: &Scenario, todo: &Todo) -> String {
    let norms = norms::todo_norms(scenario, todo);
    norms.into_iter().map(|n| norm(texts, n)).collect::<Vec<_>>().join("; ")
}

fn state_act_key(land: Bundesland) -> Key {
    match land {
        Bundesland::BadenWuerttemberg => k::NORM_STATE_ACT_BW,
        Bundesland::Bayern => k::NORM_STATE_ACT_BY,
        Bundesland::Berlin => k::NORM_STATE_ACT_BE,
        Bundesland::Brandenburg => k::NORM_STATE_ACT_BB,
        Bundesland::Bremen => k::NORM_STATE_ACT_HB,
        Bundesland::Hamburg => k::NORM_STATE_ACT_HH,
        Bundesland::Hessen => k::NORM_STATE_ACT_HE,
        Bundesland::MecklenburgVorpommern => k::NORM_STATE_ACT_MV,
        Bundesland::Niedersachsen => k::NORM_STATE_ACT_NI,
        Bundesland::NordrheinWestfalen => k::NORM_STATE_ACT_NW,
        Bundesland::RheinlandPfalz => k::NORM_STATE_ACT_RP,
        Bundesland::Saarland => k::NORM_STATE_ACT_SL,
        Bundesland::Sachsen => k::NORM_STATE_ACT_SN,
        Bundesland::SachsenAnhalt => k::NORM_STATE_ACT_ST,
        Bundesland::SchleswigHolstein => k::NORM_STATE_ACT_SH,
        Bundesland::Thueringen => k::NORM_STATE_ACT_TH,
    }
}

/// The Land's data protection act where it applies, else a general phrase.
fn state_act(texts: &Texts, scenario: &Scenario) -> String {
    match norms::state_act(scenario) {
        Some(land) => texts.get(state_act_key(land)).to_string(),
        None => texts.get(k::NORM_STATE_ACT_GENERIC).to_string(),
    }
}

/// The question's short label.
pub fn answer_label(texts: &Texts, answer: AnswerId) -> String {
    texts.by_name(answer.key()).to_string()
}

fn yes_no(texts: &Texts, value: bool) -> String {
    texts.get(if value { YES } else { NO }).to_string()
}

fn set<'a, T: 'a>(
    texts: &Texts,
    items: impl IntoIterator<Item = &'a T>,
    key: impl Fn(&T) -> &'static str,
) -> String {
    let words: Vec<&str> = items.into_iter().map(|i| texts.by_name(key(i))).collect();
    if words.is_empty() { texts.get(k::ANSWER_VALUE_NONE).to_string() } else { words.join(", ") }
}

/// An answer's value in words ("Schüler, Beschäftigte", "bis 20", "ja").
pub fn answer_value_words(texts: &Texts, value: &AnswerValue) -> String {
    match value {
        AnswerValue::Flag(flag) => yes_no(texts, *flag),
        AnswerValue::OrgType(v) => texts.by_name(v.key()).to_string(),
        AnswerValue::Regime(v) => texts.by_name(v.key()).to_string(),
        AnswerValue::Bundesland(Some(land)) => texts.by_name(land.key()).to_string(),
        AnswerValue::Bundesland(None) => texts.get(k::ANSWER_VALUE_NONE).to_string(),
        AnswerValue::Purposes(v) => set(texts, v, |p| p.key()),
        AnswerValue::Organisers(v) => set(texts, v, |p| p.key()),
        AnswerValue::Participants(v) => set(texts, v, |p| p.key()),
        AnswerValue::Size(v) => texts.by_name(v.key()).to_string(),
        AnswerValue::People(0) => texts.get(k::ANSWER_VALUE_NOBODY).to_string(),
        AnswerValue::People(n) => texts.fmt(k::ANSWER_VALUE_PEOPLE, &[("n", &n.to_string())]),
        AnswerValue::Recording(v) => texts.by_name(v.key()).to_string(),
        AnswerValue::AttentionTracking(v) => texts.by_name(v.key()).to_string(),
        AnswerValue::Data(v) => set(texts, v, |d| d.key()),
        AnswerValue::ProtectionNeed(v) => texts.by_name(v.key()).to_string(),
        AnswerValue::Representation(v) => texts.by_name(v.key()).to_string(),
        AnswerValue::TransferStance(v) => texts.by_name(v.key()).to_string(),
        AnswerValue::Hosting(v) => texts.by_name(v.key()).to_string(),
        AnswerValue::Browsers(v) => set(texts, v, |b| b.key()),
        AnswerValue::Features(v) => set(texts, v, |f: &Feature| f.key()),
    }
}

/// The current value of one answer, in words, marked when it follows the proposal.
pub fn answer_value(texts: &Texts, scenario: &Scenario, answer: AnswerId) -> String {
    let s = scenario;
    let words = match answer {
        AnswerId::Browsers if s.browsers.is_empty() => {
            texts.get(k::ANSWER_VALUE_ANY_BROWSER).to_string()
        }
        _ => answer_value_words(texts, &AnswerValue::of(scenario, answer)),
    };
    // An answer that follows from others reads "yes (proposed, because …)" until confirmed.
    let because = |unset: bool, why: Proposal| {
        if unset {
            texts.fmt(
                k::ANSWER_VALUE_PROPOSED_BECAUSE,
                &[("value", &words), ("because", texts.by_name(why.key()))],
            )
        } else {
            words.clone()
        }
    };
    match answer {
        AnswerId::PublicBody => because(s.public_body.is_none(), s.proposed_public_body().1),
        AnswerId::Regime => because(s.regime.is_none(), s.proposed_regime().1),
        AnswerId::SocialData => because(s.social_data.is_none(), s.proposed_social_data().1),
        AnswerId::ProfessionalSecrecy => {
            because(s.professional_secrecy.is_none(), s.proposed_professional_secrecy().1)
        }
        AnswerId::E2eeRequired => because(s.e2ee_required.is_none(), s.proposed_e2ee().1),
        AnswerId::ProtectionNeed if s.protection_need.is_none() => {
            let (_, reasons) = s.proposed_protection();
            let why: Vec<&str> = reasons.iter().map(|r| texts.by_name(r.key())).collect();
            texts.fmt(
                k::ANSWER_VALUE_PROPOSED_FROM,
                &[("value", &words), ("reasons", &why.join("; "))],
            )
        }
        _ => words,
    }
}

/// The one-line explanation of a status option.
pub fn status_hint(texts: &Texts, status: Status) -> String {
    texts
        .get(match status {
            Status::Proposed => k::STATUS_PROPOSED_HINT,
            Status::Accepted => k::STATUS_ACCEPTED_HINT,
            Status::Rejected => k::STATUS_REJECTED_HINT,
            Status::Superseded => k::STATUS_SUPERSEDED_HINT,
        })
        .to_string()
}

/// The one-line explanation of a checklist status option.
pub fn todo_status_hint(texts: &Texts, status: TodoStatus) -> String {
    texts
        .get(match status {
            TodoStatus::Open => k::TODO_STATUS_OPEN_HINT,
            TodoStatus::InProgress => k::TODO_STATUS_IN_PROGRESS_HINT,
            TodoStatus::Done => k::TODO_STATUS_DONE_HINT,
            TodoStatus::NotApplicable => k::TODO_STATUS_NOT_APPLICABLE_HINT,
        })
        .to_string()
}

/// The competent supervisory authority, where the Bundesland or regime tells.
pub fn competent_authority(texts: &Texts, scenario: &Scenario) -> Option<String> {
    let key = match norms::competent_authority(scenario)? {
        Supervisor::Kdg => k::SUPERVISOR_KDG,
        Supervisor::Ekd => k::SUPERVISOR_EKD,
        Supervisor::Bfdi => k::SUPERVISOR_BFDI,
        Supervisor::BayernPrivate => k::SUPERVISOR_BY_PRIVATE,
        Supervisor::KdgJoint(CatholicSupervision::NorthRhineWestphalia) => k::SUPERVISOR_KDG_NW,
        Supervisor::KdgJoint(CatholicSupervision::Bavaria) => k::SUPERVISOR_KDG_BY,
        Supervisor::KdgJoint(CatholicSupervision::SouthWest) => k::SUPERVISOR_KDG_SOUTHWEST,
        Supervisor::Land(land) => match land {
            Bundesland::BadenWuerttemberg => k::SUPERVISOR_BW,
            Bundesland::Bayern => k::SUPERVISOR_BY,
            Bundesland::Berlin => k::SUPERVISOR_BE,
            Bundesland::Brandenburg => k::SUPERVISOR_BB,
            Bundesland::Bremen => k::SUPERVISOR_HB,
            Bundesland::Hamburg => k::SUPERVISOR_HH,
            Bundesland::Hessen => k::SUPERVISOR_HE,
            Bundesland::MecklenburgVorpommern => k::SUPERVISOR_MV,
            Bundesland::Niedersachsen => k::SUPERVISOR_NI,
            Bundesland::NordrheinWestfalen => k::SUPERVISOR_NW,
            Bundesland::RheinlandPfalz => k::SUPERVISOR_RP,
            Bundesland::Saarland => k::SUPERVISOR_SL,
            Bundesland::Sachsen => k::SUPERVISOR_SN,
            Bundesland::SachsenAnhalt => k::SUPERVISOR_ST,
            Bundesland::SchleswigHolstein => k::SUPERVISOR_SH,
            Bundesland::Thueringen => k::SUPERVISOR_TH,
        },
    };
    Some(texts.get(key).to_string())
}

/// The label of a fact field ("Auftragsverarbeitungsvertrag", "Funktion: Aufzeichnung").
pub fn fact_label(texts: &Texts, field: FactField) -> String {
    match field {
        FactField::Feature(feature) => {
            texts.fmt(k::STALE_FIELD_FEATURE, &[("feature", texts.by_name(feature.key()))])
        }
        other => fact_label_static(texts, other).to_string(),
    }
}

fn fact_label_static(texts: &Texts, field: FactField) -> &str {
    texts.get(match field {
        FactField::OperatingModel => k::STALE_FIELD_OPERATING_MODEL,
        FactField::Operator => k::STALE_FIELD_OPERATOR,
        FactField::Parent => k::STALE_FIELD_PARENT,
        FactField::ProcessingLocations => k::STALE_FIELD_PROCESSING_LOCATIONS,
        FactField::SubprocessorLocations => k::STALE_FIELD_SUBPROCESSOR_LOCATIONS,
        FactField::DpfCertified => k::STALE_FIELD_DPF_CERTIFIED,
        FactField::TransferBasis => k::STALE_FIELD_TRANSFER_BASIS,
        FactField::Dpa => k::STALE_FIELD_DPA,
        FactField::OwnPurpose => k::STALE_FIELD_OWN_PURPOSE,
        FactField::OpenSource => k::STALE_FIELD_OPEN_SOURCE,
        FactField::Licence => k::STALE_FIELD_LICENCE,
        FactField::E2ee => k::STALE_FIELD_E2EE,
        FactField::E2eeBrowserJoin => k::STALE_FIELD_E2EE_BROWSER_JOIN,
        FactField::E2eeMaxParticipants => k::STALE_FIELD_E2EE_MAX_PARTICIPANTS,
        FactField::BrowserJoin => k::STALE_FIELD_BROWSER_JOIN,
        FactField::Apps => k::STALE_FIELD_APPS,
        FactField::MaxParticipants => k::STALE_FIELD_MAX_PARTICIPANTS,
        FactField::Feature(feature) => Key::named(feature.key()),
        FactField::KbvListed => k::STALE_FIELD_KBV_LISTED,
        FactField::Availability => k::STALE_FIELD_AVAILABILITY,
        FactField::AuthorityPositions => k::STALE_FIELD_AUTHORITY_POSITIONS,
        FactField::JoinWithoutAccount => k::STALE_FIELD_JOIN_WITHOUT_ACCOUNT,
        FactField::AttentionTracking => k::STALE_FIELD_ATTENTION_TRACKING,
    })
}

fn fact_words<T>(texts: &Texts, fact: &Fact<T>, words: impl Fn(&T) -> String) -> String {
    match fact {
        Fact::Known { value, .. } => words(value),
        Fact::Unknown { note } if texts.pick(note).is_empty() => {
            texts.fmt(k::STALE_UNKNOWN, &[("note", texts.get(k::STALE_UNRECORDED))])
        }
        Fact::Unknown { note } => texts.fmt(k::STALE_UNKNOWN, &[("note", texts.pick(note))]),
        Fact::NotApplicable => texts.get(k::STALE_NOT_APPLICABLE).to_string(),
    }
}

fn countries(texts: &Texts, list: &[String]) -> String {
    let names: Vec<String> = list.iter().map(|c| country(texts, c)).collect();
    names.join(", ")
}

/// The value of one fact of an offering, in words ("unknown: …" for unknown facts).
pub fn fact_value(texts: &Texts, offering: &Offering, field: FactField) -> String {
    let entity = |e: &Entity| format!("{} ({})", e.name, country(texts, &e.country));
    let participants =
        |n: &u32| texts.count(k::STALE_VALUE_PARTICIPANTS, *n as usize, &[("n", &n.to_string())]);
    let flag = |b: &bool| yes_no(texts, *b);
    match offering.fact(field) {
        FactRef::Model(model) => texts.by_name(model.key()).to_string(),
        FactRef::Entity(f) => fact_words(texts, f, entity),
        FactRef::Countries(f) => fact_words(texts, f, |l| countries(texts, l)),
        FactRef::Flag(f) => fact_words(texts, f, flag),
        FactRef::Mechanisms(f) => fact_words(texts, f, |m| set(texts, m, |x| x.key())),
        FactRef::Dpa(f) => fact_words(texts, f, |d| {
            texts
                .get(match d {
                    DpaTerms::Standard => k::STALE_VALUE_DPA_STANDARD,
                    DpaTerms::OnRequest => k::STALE_VALUE_DPA_ON_REQUEST,
                    DpaTerms::NotOffered => k::STALE_VALUE_DPA_NOT_OFFERED,
                })
                .to_string()
        }),
        FactRef::OwnPurpose(f) => fact_words(texts, f, |p| {
            texts
                .get(match p {
                    OwnPurpose::None => k::STALE_VALUE_OWN_PURPOSE_NONE,
                    OwnPurpose::ServiceData => k::STALE_VALUE_OWN_PURPOSE_SERVICE_DATA,
                    OwnPurpose::AdFinanced => k::STALE_VALUE_OWN_PURPOSE_AD_FINANCED,
                })
                .to_string()
        }),
        FactRef::Licence(f) => fact_words(texts, f, |l| l.clone()),
        // For the parts of E2EE (browser join, limit) when E2EE itself is not known, the E2EE
        // fact stands in: its note or "not applicable", never a mode.
        FactRef::E2ee(f) if field != FactField::E2ee => fact_words(texts, f, |_| String::new()),
        FactRef::E2ee(f) => fact_words(texts, f, |e| texts.by_name(e.mode.key()).to_string()),
        FactRef::Browsers(f) => fact_words(texts, f, |b| browsers_or_apps(texts, b)),
        FactRef::Platforms(f) => fact_words(texts, f, |a| set(texts, a, |p| p.key())),
        FactRef::Participants(f) => fact_words(texts, f, participants),
        FactRef::Availability(Fact::NotApplicable) => {
            texts.get(k::STALE_VALUE_AVAILABLE_TO_ALL).to_string()
        }
        FactRef::Availability(f) => fact_words(texts, f, |a| {
            let mut words = reserved_for(texts, a.land, a.public_bodies_only);
            if let Some(until) = a.until {
                words.push_str(&texts.fmt(k::STALE_VALUE_UNTIL, &[("date", &until.to_string())]));
            }
            words
        }),
        FactRef::Positions([]) => texts.get(k::ANSWER_VALUE_NONE).to_string(),
        FactRef::Positions(positions) => positions
            .iter()
            .map(|p| {
                format!(
                    "{} {}: {}",
                    texts.by_name(p.authority.key()),
                    as_of(texts, &p.date),
                    texts.by_name(p.verdict.key())
                )
            })
            .collect::<Vec<_>>()
            .join("; "),
    }
}

fn browsers_or_apps(texts: &Texts, families: &[Browser]) -> String {
    if families.is_empty() {
        texts.get(k::STALE_VALUE_APPS_ONLY).to_string()
    } else {
        browsers(texts, families)
    }
}

/// A date as the catalogue gives it, localised for undated sources.
pub fn as_of(texts: &Texts, as_of: &AsOf) -> String {
    let plain = AsOf { undated: false, ..*as_of }.to_string();
    if as_of.undated { texts.fmt(k::STALE_UNDATED, &[("date", &plain)]) } else { plain }
}

/// Where a fact comes from: "source title, as of 2024-08, vendor statement" (None if not known),
/// with "stale" appended when the fact can change and is older than the limit on `today`.
pub fn provenance(
    texts: &Texts,
    catalog: &Catalog,
    offering: &Offering,
    field: FactField,
) -> Option<String> {
    let p = offering.fact(field).provenance()?;
    let source = catalog.sources.get(p.source).map_or(p.source, |s| s.title.as_str());
    Some(texts.fmt(
        k::STALE_PROVENANCE,
        &[
            ("source", source),
            ("as_of", &as_of(texts, &p.as_of)),
            ("certainty", texts.by_name(p.certainty.key())),
        ],
    ))
}

/// The provenance of a fact frozen with a decision for an excluded offering, stale-marked as of
/// `on` like [`provenance_on`].
pub fn frozen_provenance(
    texts: &Texts,
    sources: &std::collections::BTreeMap<String, crate::domain::catalog::Source>,
    fact: &crate::domain::assessment::FrozenFact,
    on: jiff::civil::Date,
) -> String {
    let source = sources.get(&fact.source).map_or(fact.source.as_str(), |s| s.title.as_str());
    let text = texts.fmt(
        k::STALE_PROVENANCE,
        &[
            ("source", source),
            ("as_of", &as_of(texts, &fact.as_of)),
            ("certainty", texts.by_name(fact.certainty.key())),
        ],
    );
    if fact.field.changeable()
        && fact.as_of.is_older_than(crate::domain::facts::STALE_AFTER_MONTHS, on)
    {
        format!("{text}; {}", texts.get(k::STALE_MARKER))
    } else {
        text
    }
}

/// [`provenance`] with the stale marker when the fact is changeable and too old on `today`.
pub fn provenance_on(
    texts: &Texts,
    catalog: &Catalog,
    offering: &Offering,
    field: FactField,
    today: jiff::civil::Date,
) -> Option<String> {
    let text = provenance(texts, catalog, offering, field)?;
    let p = offering.fact(field).provenance()?;
    if field.changeable() && p.as_of.is_older_than(crate::domain::facts::STALE_AFTER_MONTHS, today)
    {
        Some(format!("{text}; {}", texts.get(k::STALE_MARKER)))
    } else {
        Some(text)
    }
}

/// One piece of the organisation's evidence: "Zoom, DPA: standard — processing agreement
/// No. 2026-041, § 3 (2026-10-14, checked by A. Weber)". `effective` holds the evidence applied.
pub fn evidence(
    texts: &Texts,
    effective: &Catalog,
    e: &crate::domain::evidence::Evidence,
) -> String {
    let field = e.fact.field();
    let (name, value) = match effective.offering(&e.offering) {
        Some(o) => (texts.pick(&o.name).to_string(), fact_value(texts, o, field)),
        None => (e.offering.clone(), String::new()),
    };
    texts.fmt(
        k::EVIDENCE_LINE,
        &[
            ("name", &name),
            ("field", &fact_label(texts, field)),
            ("value", &value),
            ("document", &e.document),
            ("date", &e.date.to_string()),
            ("by", &e.checked_by),
        ],
    )
}

/// Evidence that contradicts the catalogue: both values, to resolve.
pub fn conflict(
    texts: &Texts,
    catalog: &Catalog,
    effective: &Catalog,
    conflict: &crate::domain::evidence::Conflict,
    e: &crate::domain::evidence::Evidence,
) -> String {
    let (Some(then), Some(now)) =
        (catalog.offering(&conflict.offering), effective.offering(&conflict.offering))
    else {
        return conflict.offering.clone();
    };
    texts.fmt(
        k::EVIDENCE_CONFLICT,
        &[
            ("name", texts.pick(&then.name)),
            ("field", &fact_label(texts, conflict.field)),
            ("catalogue", &fact_value(texts, then, conflict.field)),
            ("evidence", &fact_value(texts, now, conflict.field)),
            ("document", &e.document),
        ],
    )
}

/// A country's name ("Schweiz") from its ISO 3166 code; the code itself for a country without a
/// name in the texts yet.
pub fn country(texts: &Texts, code: &str) -> String {
    let key = format!("country.{}", code.to_ascii_uppercase());
    if texts.has(&key) { texts.by_name(&key).to_string() } else { code.to_string() }
}

/// Where, in a sentence: "in der Schweiz", "in den USA", "in the United Kingdom".
pub fn in_country(texts: &Texts, code: &str) -> String {
    let key = format!("country.in.{}", code.to_ascii_uppercase());
    if texts.has(&key) {
        texts.by_name(&key).to_string()
    } else {
        texts.fmt(k::COUNTRY_IN_OTHER, &[("country", &country(texts, code))])
    }
}

/// "in den USA und in Indien".
pub fn in_countries(texts: &Texts, codes: &[String]) -> String {
    let places: Vec<String> = codes.iter().map(|c| in_country(texts, c)).collect();
    and_list(texts, &places)
}

/// Country names as a list: "Deutschland, Schweiz und USA".
pub fn countries_named(texts: &Texts, codes: &[String]) -> String {
    let names: Vec<String> = codes.iter().map(|c| country(texts, c)).collect();
    and_list(texts, &names)
}

/// "A", "A und B", "A, B und C" (English: "A, B and C").
pub fn and_list<S: AsRef<str>>(texts: &Texts, items: &[S]) -> String {
    join_last(items, texts.get(k::LIST_AND))
}

/// "A, B oder C".
pub fn or_list<S: AsRef<str>>(texts: &Texts, items: &[S]) -> String {
    join_last(items, texts.get(k::LIST_OR))
}

fn join_last<S: AsRef<str>>(items: &[S], word: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [rest @ .., last] => {
            let head: Vec<&str> = rest.iter().map(AsRef::as_ref).collect();
            format!("{} {word} {}", head.join(", "), last.as_ref())
        }
    }
}

/// The adequacy decision for a country, by number ("Entscheidung 2000/518/EG der Kommission"),
/// where the texts know it.
pub fn adequacy_decision(texts: &Texts, code: &str) -> Option<String> {
    let key = format!("adequacy.decision.{}", code.to_ascii_uppercase());
    texts.has(&key).then(|| texts.by_name(&key).to_string())
}

/// The to-do's title as it fits the scenario: the employee representation by its name
/// ("Betriebsrat beteiligen" in a company, "Personalrat beteiligen" in a public body).
pub fn todo_title_for(texts: &Texts, scenario: &Scenario, id: TodoId) -> String {
    use crate::domain::scenario::Representation;
    let key = match (id, scenario.representation) {
        (TodoId::Representation, Representation::WorksCouncil) => {
            k::TODO_REPRESENTATION_WORKS_COUNCIL_TITLE
        }
        (TodoId::Representation, Representation::StaffCouncil) => {
            k::TODO_REPRESENTATION_STAFF_COUNCIL_TITLE
        }
        (TodoId::Representation, Representation::ChurchCouncil) => {
            k::TODO_REPRESENTATION_CHURCH_COUNCIL_TITLE
        }
        _ => return todo_title(texts, id),
    };
    texts.get(key).to_string()
}

/// The name of an offering a decision names: from today's catalogue, else the snapshot's copy,
/// else its id.
pub fn decided_offering_name(
    texts: &Texts,
    catalog: &Catalog,
    decision: &Decision,
    id: &str,
) -> String {
    decision.offering(Some(catalog), id).map_or(id.to_string(), |o| texts.pick(&o.name).to_string())
}

/// One difference between a decision's snapshot and today's catalogue, in words.
pub fn snapshot_change(
    texts: &Texts,
    catalog: &Catalog,
    decision: &Decision,
    change: &SnapshotChange,
) -> String {
    match change {
        SnapshotChange::Edition { then, now } => {
            texts.fmt(k::SHOW_CHANGE_EDITION, &[("then", then), ("now", now)])
        }
        SnapshotChange::Fact { offering, field } => {
            let pair = changes::named_offerings(decision, catalog)
                .into_iter()
                .find(|(_, now)| &now.id == offering);
            let Some((then, now)) = pair else { return offering.clone() };
            let mut old = fact_value(texts, then, *field);
            let mut new = fact_value(texts, now, *field);
            // Same value, other source or date: the source is what changed, so show it.
            if old == new {
                let recorded = changes::snapshot_catalog(decision, catalog);
                let source = |c: &Catalog, o: &Offering| provenance(texts, c, o, *field);
                if let Some(p) = source(&recorded, then) {
                    old = format!("{old} ({p})");
                }
                if let Some(p) = source(catalog, now) {
                    new = format!("{new} ({p})");
                }
            }
            texts.fmt(
                k::SHOW_CHANGE_FACT,
                &[
                    ("offering", texts.pick(&now.name)),
                    ("field", &fact_label(texts, *field)),
                    ("then", &old),
                    ("now", &new),
                ],
            )
        }
        SnapshotChange::Details { offering } => texts.fmt(
            k::SHOW_CHANGE_DETAILS,
            &[("offering", &decided_offering_name(texts, catalog, decision, offering))],
        ),
        SnapshotChange::NowExcluded { offering, knockouts } => {
            let name = decided_offering_name(texts, catalog, decision, offering);
            let reasons: Vec<String> = match catalog.offering(offering) {
                Some(o) => knockouts.iter().map(|k| knockout(texts, o, k)).collect(),
                None => Vec::new(),
            };
            texts.fmt(
                k::SHOW_CHANGE_NOW_EXCLUDED,
                &[("offering", &name), ("reasons", &reasons.join(" "))],
            )
        }
        SnapshotChange::NewCandidates { offerings } => {
            let names: Vec<String> =
                offerings.iter().map(|id| offering_name(texts, catalog, id)).collect();
            texts.fmt(k::SHOW_CHANGE_NEW_CANDIDATES, &[("offerings", &names.join(", "))])
        }
    }
}
