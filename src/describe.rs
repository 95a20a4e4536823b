//! Turns the domain's structured values (rule ids, facts, answers, to-dos) into German or English
//! sentences, once, for the wizard, `show` and the exporter alike — so all say the same thing.

use crate::domain::answer_value::AnswerValue;
use crate::domain::assessment::{Status, TodoStatus};
use crate::domain::catalog::{Browser, Catalog, DpaTerms, Entity, Feature, Offering, OwnPurpose};
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

/// Text keys of yes and no as answer values.
const YES: &str = "answer.value.yes";
const NO: &str = "answer.value.no";

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
    list(families.iter().map(|b| texts.get(b.key())))
}

/// One sentence: why `offering` is excluded by `knockout`, with the values that decided it.
pub fn knockout(texts: &Texts, offering: &Offering, knockout: &KnockOut) -> String {
    let name = texts.pick(&offering.name);
    let key = match (knockout.rule, &knockout.detail) {
        (RuleId::TransferStance, KnockOutDetail::Countries { allowed, .. })
            if *allowed == TransferStance::SccWithTia =>
        {
            "rule.transfer_stance.reason_no_basis"
        }
        (RuleId::TransferStance, _) => "rule.transfer_stance.reason",
        (RuleId::SocialDataTransfers, _) => "rule.social_data_transfers.reason",
        (RuleId::NoDpa, _) => "rule.no_dpa.reason",
        (RuleId::OwnPurpose, _) => "rule.own_purpose.reason",
        (RuleId::BrowserJoin, KnockOutDetail::Browsers { under_e2ee: true, .. }) => {
            "rule.browser_join.reason_e2ee"
        }
        (RuleId::BrowserJoin, KnockOutDetail::NoBrowser { under_e2ee: true }) => {
            "rule.browser_join.reason_none_e2ee"
        }
        (RuleId::BrowserJoin, KnockOutDetail::NoBrowser { .. }) => "rule.browser_join.reason_none",
        (RuleId::BrowserJoin, _) => "rule.browser_join.reason",
        (RuleId::E2ee, _) => "rule.e2ee.reason",
        (RuleId::Size, KnockOutDetail::Participants { under_e2ee: true, .. }) => {
            "rule.size.reason_e2ee"
        }
        (RuleId::Size, _) => "rule.size.reason",
        (RuleId::RequiredFeature, KnockOutDetail::Feature { under_e2ee: true, .. }) => {
            "rule.required_feature.reason_e2ee"
        }
        (RuleId::RequiredFeature, _) => "rule.required_feature.reason",
        (RuleId::Hosting, _) => "rule.hosting.reason",
        (RuleId::SelfHosting, _) => "rule.self_hosting.reason",
        (RuleId::OpenSource, _) => "rule.open_source.reason",
        (RuleId::StatutoryInsurance, _) => "rule.statutory_insurance.reason",
        (RuleId::Availability, KnockOutDetail::Availability { ended: Some(_), .. }) => {
            "rule.availability.reason_ended"
        }
        (RuleId::Availability, _) => "rule.availability.reason",
        (RuleId::UsControl, KnockOutDetail::Control { operator: true, .. }) => {
            "rule.us_control.reason_operator"
        }
        (RuleId::UsControl, _) => "rule.us_control.reason_parent",
        (RuleId::JoinWithoutAccount, _) => "rule.join_without_account.reason",
    };
    let (operator, _) = entity(texts, &offering.operator);
    let (parent, _) = entity(texts, &offering.parent);
    let mut args: Vec<(&str, String)> = vec![
        ("name", name.to_string()),
        ("model", texts.get(offering.operating_model.key()).to_string()),
        ("operator", operator),
        ("parent", parent),
    ];
    match &knockout.detail {
        KnockOutDetail::Countries { countries, allowed } => {
            args.push(("countries", in_countries(texts, countries)));
            args.push(("allowed", texts.get(allowed.key()).to_string()));
        }
        KnockOutDetail::Browsers { missing, .. } => {
            args.push(("browsers", browsers(texts, missing)));
        }
        KnockOutDetail::Participants { needed, max, .. } => {
            args.push(("needed", needed.to_string()));
            args.push(("max", max.to_string()));
        }
        KnockOutDetail::Feature { feature, .. } => {
            args.push(("feature", texts.get(feature.key()).to_string()));
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
        "requirement.unconfirmed",
        &[
            ("name", texts.pick(&offering.name)),
            ("requirement", texts.get(&open.rule.requirement_key())),
            ("facts", &facts.join(", ")),
        ],
    )
}

/// "fits if confirmed: data processing agreement, data transfers" — the requirements still open.
pub fn open_requirements(texts: &Texts, open: &[Unconfirmed]) -> String {
    let names: Vec<String> = open.iter().map(|u| requirement(texts, u.rule)).collect();
    texts.fmt("tier.unconfirmed.open", &[("requirements", &names.join(", "))])
}

/// The tier's label ("fits" / "fits if confirmed").
pub fn tier(texts: &Texts, tier: Tier) -> String {
    texts.get(tier.key()).to_string()
}

/// "public bodies in Berlin", "bodies in Berlin", "public bodies".
fn reserved_for(texts: &Texts, land: Option<Bundesland>, public_bodies_only: bool) -> String {
    match (land, public_bodies_only) {
        (Some(land), true) => {
            texts.fmt("rule.availability.public_in", &[("land", texts.get(land.key()))])
        }
        (Some(land), false) => {
            texts.fmt("rule.availability.bodies_in", &[("land", texts.get(land.key()))])
        }
        (None, true) => texts.get("rule.availability.public").to_string(),
        (None, false) => texts.get("rule.availability.others").to_string(),
    }
}

/// What a hard requirement asks for ("data processing agreement obtainable").
pub fn requirement(texts: &Texts, rule: RuleId) -> String {
    texts.get(&rule.requirement_key()).to_string()
}

/// The rule's short name ("Auftragsverarbeitungsvertrag").
pub fn rule(texts: &Texts, rule: RuleId) -> String {
    texts.get(rule.key()).to_string()
}

fn fill(texts: &Texts, key: &str, args: &[(&str, String)]) -> String {
    let borrowed: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    texts.fmt(key, &borrowed)
}

fn entity(texts: &Texts, fact: &Fact<Entity>) -> (String, String) {
    fact.value().map(|e| (e.name.clone(), country(texts, &e.country))).unwrap_or_default()
}

/// One sentence: why `offering` got this light.
pub fn rating(texts: &Texts, offering: &Offering, rating: &Rating) -> String {
    let (operator, operator_country) = entity(texts, &offering.operator);
    let (parent, parent_country) = entity(texts, &offering.parent);
    fill(
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
    texts.get(criterion.key()).to_string()
}

/// What the criterion measures, in one line.
pub fn criterion_hint(texts: &Texts, criterion: CriterionId) -> String {
    texts.get(criterion.hint_key()).to_string()
}

/// "Verschlüsselung: Gewicht 3".
pub fn weight(texts: &Texts, criterion: CriterionId, weight: u8) -> String {
    texts.fmt(
        "criterion.weight",
        &[("criterion", texts.get(criterion.key())), ("weight", &weight.to_string())],
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
    format!("{} {}", light_glyph(light), texts.get(light.key()))
}

/// The label that marks lights as meetcheck's own, never an authority's.
pub fn lights_label(texts: &Texts) -> String {
    texts.get("light.own_label").to_string()
}

/// "Allowing DPF-certified US recipients would bring back: Zoom, Teams".
pub fn what_if(texts: &Texts, catalog: &Catalog, what_if: &WhatIf) -> String {
    let names: Vec<String> =
        what_if.brings_back.iter().map(|id| offering_name(texts, catalog, id)).collect();
    let value = match what_if.relaxed_to {
        RelaxedTo::Stance(s) => texts.get(s.key()).to_string(),
        RelaxedTo::Size(s) => texts.get(s.key()).to_string(),
        RelaxedTo::Participants(n) => {
            texts.fmt("answer.value.at_most_people", &[("n", &n.to_string())])
        }
        RelaxedTo::Hosting(h) => texts.get(h.key()).to_string(),
        RelaxedTo::WithoutFeature(f) => texts.get(f.key()).to_string(),
        RelaxedTo::Recording(r) => texts.get(r.key()).to_string(),
        RelaxedTo::Yes => texts.get(YES).to_string(),
        RelaxedTo::No => texts.get(NO).to_string(),
    };
    let key = match (what_if.answer, what_if.relaxed_to) {
        (AnswerId::TransferStance, RelaxedTo::Stance(TransferStance::EuOnly)) => {
            "whatif.stance.eu_only"
        }
        (AnswerId::TransferStance, RelaxedTo::Stance(TransferStance::Adequacy)) => {
            "whatif.stance.adequacy"
        }
        (AnswerId::TransferStance, RelaxedTo::Stance(TransferStance::Dpf)) => "whatif.stance.dpf",
        (AnswerId::TransferStance, _) => "whatif.stance.scc",
        (AnswerId::InstallPossible, _) => "whatif.install_possible",
        (AnswerId::E2eeRequired, _) => "whatif.e2ee_required",
        (AnswerId::Size, _) => "whatif.size",
        (AnswerId::RequiredFeatures, _) => "whatif.required_feature",
        (AnswerId::Hosting, _) => "whatif.hosting",
        (AnswerId::OpenSourceRequired, _) => "whatif.open_source",
        (AnswerId::SelfHostingCapacity, _) => "whatif.self_hosting_capacity",
        (AnswerId::Recording, _) => "whatif.recording",
        (AnswerId::JoinWithoutAccount, _) => "whatif.join_without_account",
        _ => "whatif.other",
    };
    fill(
        texts,
        key,
        &[
            ("names", names.join(", ")),
            ("value", value),
            ("answer", texts.get(what_if.answer.key()).to_string()),
        ],
    )
}

/// One sentence on a stale fact: which offering, which fact, how old.
pub fn stale(texts: &Texts, catalog: &Catalog, fact: &StaleFact) -> String {
    fill(
        texts,
        "stale.sentence",
        &[
            ("name", offering_name(texts, catalog, &fact.offering)),
            ("field", fact_label(texts, fact.field)),
            ("as_of", as_of(texts, &fact.as_of)),
        ],
    )
}

/// The to-do's title.
pub fn todo_title(texts: &Texts, id: TodoId) -> String {
    texts.get(id.key()).to_string()
}

/// "Voraussetzung für den Einsatz" for preconditions of use, else empty.
pub fn todo_flag(texts: &Texts, todo: &Todo) -> String {
    if todo.precondition { texts.get("todo.precondition").to_string() } else { String::new() }
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
            fill(
                texts,
                cause.reason.id(),
                &[("state_act", act.clone()), ("facts", facts), ("name", name)],
            )
        })
        .collect();
    if todo.id == TodoId::Dpia
        && let Some(authority) = competent_authority(texts, scenario)
    {
        out.push(texts.fmt("todo.dpia.consult", &[("authority", &authority)]));
    }
    let norms = todo_norms(texts, scenario, todo);
    if !norms.is_empty() {
        out.push(texts.fmt("todo.norms", &[("norms", &norms)]));
    }
    out
}

/// The text key of a topic's GDPR article.
fn gdpr_key(topic: Topic) -> &'static str {
    match topic {
        Topic::Dpo => "norm.gdpr.dpo",
        Topic::Dpa => "norm.gdpr.dpa",
        Topic::Transfer => "norm.gdpr.transfer",
        Topic::Toms => "norm.gdpr.toms",
        Topic::Settings => "norm.gdpr.settings",
        Topic::Information => "norm.gdpr.information",
        Topic::Record => "norm.gdpr.record",
        Topic::Dpia => "norm.gdpr.dpia",
        Topic::Lawfulness => "norm.gdpr.lawfulness",
        Topic::Employees => "norm.gdpr.employees",
        Topic::Special => "norm.gdpr.special",
        Topic::Breach => "norm.gdpr.breach",
    }
}

/// The text key of a checked church-law paragraph.
fn church_key(law: Law, topic: Topic) -> Option<&'static str> {
    Some(match (law, topic) {
        (Law::Kdg, Topic::Dpa) => "norm.kdg.dpa",
        (Law::Kdg, Topic::Toms) => "norm.kdg.toms",
        (Law::Kdg, Topic::Information) => "norm.kdg.information",
        (Law::Kdg, Topic::Dpia) => "norm.kdg.dpia",
        (Law::Kdg, Topic::Lawfulness) => "norm.kdg.lawfulness",
        (Law::Kdg, Topic::Special) => "norm.kdg.special",
        (Law::Kdg, Topic::Employees) => "norm.kdg.employees",
        (Law::Ekd, Topic::Employees) => "norm.ekd.employees",
        (Law::Ekd, Topic::Dpa) => "norm.ekd.dpa",
        (Law::Ekd, Topic::Transfer) => "norm.ekd.transfer",
        (Law::Ekd, Topic::Toms) => "norm.ekd.toms",
        (Law::Ekd, Topic::Settings) => "norm.ekd.settings",
        (Law::Ekd, Topic::Information) => "norm.ekd.information",
        (Law::Ekd, Topic::Record) => "norm.ekd.record",
        (Law::Ekd, Topic::Lawfulness) => "norm.ekd.lawfulness",
        (Law::Ekd, Topic::Special) => "norm.ekd.special",
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
            texts.fmt("norm.state.lawfulness", &[("act", texts.get(state_act_key(land)))])
        }
        Norm::StateEmployees(Bundesland::Hessen) => {
            texts.get("norm.state.employees.he").to_string()
        }
        Norm::StateEmployees(Bundesland::Berlin) => {
            texts.get("norm.state.employees.be").to_string()
        }
        Norm::StateEmployees(land) => {
            texts.fmt("norm.state.employees", &[("act", texts.get(state_act_key(land)))])
        }
    }
}

fn church_unchecked(texts: &Texts, law: Law, topic: Topic) -> String {
    let law = texts.get(if law == Law::Ekd { "norm.ekd" } else { "norm.kdg" });
    texts.fmt("norm.church_fallback", &[("norm", texts.get(gdpr_key(topic))), ("law", law)])
}

/// The norms a to-do rests on under the scenario's regime ("Art. 28 DSGVO" / "§ 29 KDG").
pub fn todo_norms(texts: &Texts, scenario: &Scenario, todo: &Todo) -> String {
    let norms = norms::todo_norms(scenario, todo);
    norms.into_iter().map(|n| norm(texts, n)).collect::<Vec<_>>().join("; ")
}

fn state_act_key(land: Bundesland) -> &'static str {
    match land {
        Bundesland::BadenWuerttemberg => "norm.state_act.bw",
        Bundesland::Bayern => "norm.state_act.by",
        Bundesland::Berlin => "norm.state_act.be",
        Bundesland::Brandenburg => "norm.state_act.bb",
        Bundesland::Bremen => "norm.state_act.hb",
        Bundesland::Hamburg => "norm.state_act.hh",
        Bundesland::Hessen => "norm.state_act.he",
        Bundesland::MecklenburgVorpommern => "norm.state_act.mv",
        Bundesland::Niedersachsen => "norm.state_act.ni",
        Bundesland::NordrheinWestfalen => "norm.state_act.nw",
        Bundesland::RheinlandPfalz => "norm.state_act.rp",
        Bundesland::Saarland => "norm.state_act.sl",
        Bundesland::Sachsen => "norm.state_act.sn",
        Bundesland::SachsenAnhalt => "norm.state_act.st",
        Bundesland::SchleswigHolstein => "norm.state_act.sh",
        Bundesland::Thueringen => "norm.state_act.th",
    }
}

/// The Land's data protection act where it applies, else a general phrase.
fn state_act(texts: &Texts, scenario: &Scenario) -> String {
    match norms::state_act(scenario) {
        Some(land) => texts.get(state_act_key(land)).to_string(),
        None => texts.get("norm.state_act.generic").to_string(),
    }
}

/// The question's short label.
pub fn answer_label(texts: &Texts, answer: AnswerId) -> String {
    texts.get(answer.key()).to_string()
}

fn yes_no(texts: &Texts, value: bool) -> String {
    texts.get(if value { YES } else { NO }).to_string()
}

fn set<'a, T: 'a>(
    texts: &Texts,
    items: impl IntoIterator<Item = &'a T>,
    key: impl Fn(&T) -> &'static str,
) -> String {
    let words: Vec<&str> = items.into_iter().map(|i| texts.get(key(i))).collect();
    if words.is_empty() { texts.get("answer.value.none").to_string() } else { words.join(", ") }
}

/// An answer's value in words ("Schüler, Beschäftigte", "bis 20", "ja").
pub fn answer_value_words(texts: &Texts, value: &AnswerValue) -> String {
    match value {
        AnswerValue::Flag(flag) => yes_no(texts, *flag),
        AnswerValue::OrgType(v) => texts.get(v.key()).to_string(),
        AnswerValue::Regime(v) => texts.get(v.key()).to_string(),
        AnswerValue::Bundesland(Some(land)) => texts.get(land.key()).to_string(),
        AnswerValue::Bundesland(None) => texts.get("answer.value.none").to_string(),
        AnswerValue::Purposes(v) => set(texts, v, |p| p.key()),
        AnswerValue::Organisers(v) => set(texts, v, |p| p.key()),
        AnswerValue::Participants(v) => set(texts, v, |p| p.key()),
        AnswerValue::Size(v) => texts.get(v.key()).to_string(),
        AnswerValue::People(0) => texts.get("answer.value.nobody").to_string(),
        AnswerValue::People(n) => texts.fmt("answer.value.people", &[("n", &n.to_string())]),
        AnswerValue::Recording(v) => texts.get(v.key()).to_string(),
        AnswerValue::AttentionTracking(v) => texts.get(v.key()).to_string(),
        AnswerValue::Data(v) => set(texts, v, |d| d.key()),
        AnswerValue::ProtectionNeed(v) => texts.get(v.key()).to_string(),
        AnswerValue::Representation(v) => texts.get(v.key()).to_string(),
        AnswerValue::TransferStance(v) => texts.get(v.key()).to_string(),
        AnswerValue::Hosting(v) => texts.get(v.key()).to_string(),
        AnswerValue::Browsers(v) => set(texts, v, |b| b.key()),
        AnswerValue::Features(v) => set(texts, v, |f: &Feature| f.key()),
    }
}

/// The current value of one answer, in words, marked when it follows the proposal.
pub fn answer_value(texts: &Texts, scenario: &Scenario, answer: AnswerId) -> String {
    let s = scenario;
    let words = match answer {
        AnswerId::Browsers if s.browsers.is_empty() => {
            texts.get("answer.value.any_browser").to_string()
        }
        _ => answer_value_words(texts, &AnswerValue::of(scenario, answer)),
    };
    // An answer that follows from others reads "yes (proposed, because …)" until confirmed.
    let because = |unset: bool, why: Proposal| {
        if unset {
            texts.fmt(
                "answer.value.proposed_because",
                &[("value", &words), ("because", texts.get(why.key()))],
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
            let why: Vec<&str> = reasons.iter().map(|r| texts.get(r.key())).collect();
            texts.fmt(
                "answer.value.proposed_from",
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
            Status::Proposed => "status.proposed.hint",
            Status::Accepted => "status.accepted.hint",
            Status::Rejected => "status.rejected.hint",
            Status::Superseded => "status.superseded.hint",
        })
        .to_string()
}

/// The one-line explanation of a checklist status option.
pub fn todo_status_hint(texts: &Texts, status: TodoStatus) -> String {
    texts
        .get(match status {
            TodoStatus::Open => "todo_status.open.hint",
            TodoStatus::Done => "todo_status.done.hint",
            TodoStatus::NotApplicable => "todo_status.not_applicable.hint",
        })
        .to_string()
}

/// The competent supervisory authority, where the Bundesland or regime tells.
pub fn competent_authority(texts: &Texts, scenario: &Scenario) -> Option<String> {
    let key = match norms::competent_authority(scenario)? {
        Supervisor::Kdg => "supervisor.kdg",
        Supervisor::Ekd => "supervisor.ekd",
        Supervisor::Bfdi => "supervisor.bfdi",
        Supervisor::BayernPrivate => "supervisor.by_private",
        Supervisor::KdgJoint(CatholicSupervision::NorthRhineWestphalia) => "supervisor.kdg.nw",
        Supervisor::KdgJoint(CatholicSupervision::Bavaria) => "supervisor.kdg.by",
        Supervisor::KdgJoint(CatholicSupervision::SouthWest) => "supervisor.kdg.southwest",
        Supervisor::Land(land) => match land {
            Bundesland::BadenWuerttemberg => "supervisor.bw",
            Bundesland::Bayern => "supervisor.by",
            Bundesland::Berlin => "supervisor.be",
            Bundesland::Brandenburg => "supervisor.bb",
            Bundesland::Bremen => "supervisor.hb",
            Bundesland::Hamburg => "supervisor.hh",
            Bundesland::Hessen => "supervisor.he",
            Bundesland::MecklenburgVorpommern => "supervisor.mv",
            Bundesland::Niedersachsen => "supervisor.ni",
            Bundesland::NordrheinWestfalen => "supervisor.nw",
            Bundesland::RheinlandPfalz => "supervisor.rp",
            Bundesland::Saarland => "supervisor.sl",
            Bundesland::Sachsen => "supervisor.sn",
            Bundesland::SachsenAnhalt => "supervisor.st",
            Bundesland::SchleswigHolstein => "supervisor.sh",
            Bundesland::Thueringen => "supervisor.th",
        },
    };
    Some(texts.get(key).to_string())
}

/// The label of a fact field ("Auftragsverarbeitungsvertrag", "Funktion: Aufzeichnung").
pub fn fact_label(texts: &Texts, field: FactField) -> String {
    match field {
        FactField::Feature(feature) => {
            texts.fmt("stale.field.feature", &[("feature", texts.get(feature.key()))])
        }
        other => fact_label_static(texts, other).to_string(),
    }
}

fn fact_label_static(texts: &Texts, field: FactField) -> &str {
    texts.get(match field {
        FactField::OperatingModel => "stale.field.operating_model",
        FactField::Operator => "stale.field.operator",
        FactField::Parent => "stale.field.parent",
        FactField::ProcessingLocations => "stale.field.processing_locations",
        FactField::SubprocessorLocations => "stale.field.subprocessor_locations",
        FactField::DpfCertified => "stale.field.dpf_certified",
        FactField::TransferBasis => "stale.field.transfer_basis",
        FactField::Dpa => "stale.field.dpa",
        FactField::OwnPurpose => "stale.field.own_purpose",
        FactField::OpenSource => "stale.field.open_source",
        FactField::Licence => "stale.field.licence",
        FactField::E2ee => "stale.field.e2ee",
        FactField::E2eeBrowserJoin => "stale.field.e2ee_browser_join",
        FactField::E2eeMaxParticipants => "stale.field.e2ee_max_participants",
        FactField::BrowserJoin => "stale.field.browser_join",
        FactField::Apps => "stale.field.apps",
        FactField::MaxParticipants => "stale.field.max_participants",
        FactField::Feature(feature) => feature.key(),
        FactField::KbvListed => "stale.field.kbv_listed",
        FactField::Availability => "stale.field.availability",
        FactField::AuthorityPositions => "stale.field.authority_positions",
        FactField::JoinWithoutAccount => "stale.field.join_without_account",
        FactField::AttentionTracking => "stale.field.attention_tracking",
    })
}

fn fact_words<T>(texts: &Texts, fact: &Fact<T>, words: impl Fn(&T) -> String) -> String {
    match fact {
        Fact::Known { value, .. } => words(value),
        Fact::Unknown { note } if texts.pick(note).is_empty() => {
            texts.fmt("stale.unknown", &[("note", texts.get("stale.unrecorded"))])
        }
        Fact::Unknown { note } => texts.fmt("stale.unknown", &[("note", texts.pick(note))]),
        Fact::NotApplicable => texts.get("stale.not_applicable").to_string(),
    }
}

fn countries(texts: &Texts, list: &[String]) -> String {
    let names: Vec<String> = list.iter().map(|c| country(texts, c)).collect();
    names.join(", ")
}

/// The value of one fact of an offering, in words ("unknown: …" for unknown facts).
pub fn fact_value(texts: &Texts, offering: &Offering, field: FactField) -> String {
    let entity = |e: &Entity| format!("{} ({})", e.name, country(texts, &e.country));
    let participants = |n: &u32| texts.fmt("stale.value.participants", &[("n", &n.to_string())]);
    let flag = |b: &bool| yes_no(texts, *b);
    match offering.fact(field) {
        FactRef::Model(model) => texts.get(model.key()).to_string(),
        FactRef::Entity(f) => fact_words(texts, f, entity),
        FactRef::Countries(f) => fact_words(texts, f, |l| countries(texts, l)),
        FactRef::Flag(f) => fact_words(texts, f, flag),
        FactRef::Mechanisms(f) => fact_words(texts, f, |m| set(texts, m, |x| x.key())),
        FactRef::Dpa(f) => fact_words(texts, f, |d| {
            texts
                .get(match d {
                    DpaTerms::Standard => "stale.value.dpa.standard",
                    DpaTerms::OnRequest => "stale.value.dpa.on_request",
                    DpaTerms::NotOffered => "stale.value.dpa.not_offered",
                })
                .to_string()
        }),
        FactRef::OwnPurpose(f) => fact_words(texts, f, |p| {
            texts
                .get(match p {
                    OwnPurpose::None => "stale.value.own_purpose.none",
                    OwnPurpose::ServiceData => "stale.value.own_purpose.service_data",
                    OwnPurpose::AdFinanced => "stale.value.own_purpose.ad_financed",
                })
                .to_string()
        }),
        FactRef::Licence(f) => fact_words(texts, f, |l| l.clone()),
        // For the parts of E2EE (browser join, limit) when E2EE itself is not known, the E2EE
        // fact stands in: its note or "not applicable", never a mode.
        FactRef::E2ee(f) if field != FactField::E2ee => fact_words(texts, f, |_| String::new()),
        FactRef::E2ee(f) => fact_words(texts, f, |e| texts.get(e.mode.key()).to_string()),
        FactRef::Browsers(f) => fact_words(texts, f, |b| browsers_or_apps(texts, b)),
        FactRef::Platforms(f) => fact_words(texts, f, |a| set(texts, a, |p| p.key())),
        FactRef::Participants(f) => fact_words(texts, f, participants),
        FactRef::Availability(Fact::NotApplicable) => {
            texts.get("stale.value.available_to_all").to_string()
        }
        FactRef::Availability(f) => fact_words(texts, f, |a| {
            let mut words = reserved_for(texts, a.land, a.public_bodies_only);
            if let Some(until) = a.until {
                words.push_str(&texts.fmt("stale.value.until", &[("date", &until.to_string())]));
            }
            words
        }),
        FactRef::Positions([]) => texts.get("answer.value.none").to_string(),
        FactRef::Positions(positions) => positions
            .iter()
            .map(|p| {
                format!(
                    "{} {}: {}",
                    texts.get(p.authority.key()),
                    as_of(texts, &p.date),
                    texts.get(p.verdict.key())
                )
            })
            .collect::<Vec<_>>()
            .join("; "),
    }
}

fn browsers_or_apps(texts: &Texts, families: &[Browser]) -> String {
    if families.is_empty() {
        texts.get("stale.value.apps_only").to_string()
    } else {
        browsers(texts, families)
    }
}

/// A date as the catalogue gives it, localised for undated sources.
pub fn as_of(texts: &Texts, as_of: &AsOf) -> String {
    let plain = AsOf { undated: false, ..*as_of }.to_string();
    if as_of.undated { texts.fmt("stale.undated", &[("date", &plain)]) } else { plain }
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
        "stale.provenance",
        &[
            ("source", source),
            ("as_of", &as_of(texts, &p.as_of)),
            ("certainty", texts.get(p.certainty.key())),
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
        "stale.provenance",
        &[
            ("source", source),
            ("as_of", &as_of(texts, &fact.as_of)),
            ("certainty", texts.get(fact.certainty.key())),
        ],
    );
    if fact.field.changeable()
        && fact.as_of.is_older_than(crate::domain::facts::STALE_AFTER_MONTHS, on)
    {
        format!("{text}; {}", texts.get("stale.marker"))
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
        Some(format!("{text}; {}", texts.get("stale.marker")))
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
        "evidence.line",
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
        "evidence.conflict",
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
    if texts.has(&key) { texts.get(&key).to_string() } else { code.to_string() }
}

/// Where, in a sentence: "in der Schweiz", "in den USA", "in the United Kingdom".
pub fn in_country(texts: &Texts, code: &str) -> String {
    let key = format!("country.in.{}", code.to_ascii_uppercase());
    if texts.has(&key) {
        texts.get(&key).to_string()
    } else {
        texts.fmt("country.in_other", &[("country", &country(texts, code))])
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
    join_last(items, texts.get("list.and"))
}

/// "A, B oder C".
pub fn or_list<S: AsRef<str>>(texts: &Texts, items: &[S]) -> String {
    join_last(items, texts.get("list.or"))
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
    texts.has(&key).then(|| texts.get(&key).to_string())
}

/// The to-do's title as it fits the scenario: the employee representation by its name
/// ("Betriebsrat beteiligen" in a company, "Personalrat beteiligen" in a public body).
pub fn todo_title_for(texts: &Texts, scenario: &Scenario, id: TodoId) -> String {
    use crate::domain::scenario::Representation;
    let key = match (id, scenario.representation) {
        (TodoId::Representation, Representation::WorksCouncil) => {
            "todo.representation.works_council.title"
        }
        (TodoId::Representation, Representation::StaffCouncil) => {
            "todo.representation.staff_council.title"
        }
        (TodoId::Representation, Representation::ChurchCouncil) => {
            "todo.representation.church_council.title"
        }
        _ => return todo_title(texts, id),
    };
    texts.get(key).to_string()
}
