//! The hard requirements. Each rule names the facts and answers it used; Unknown facts never knock
//! out (they light grey and become questions), except where only a confirmed listing counts
//! (statutory-insurance video consultations).

use super::transfers::{Need, profile};
use super::{AnswerId, FactField, KnockOut, KnockOutDetail, RuleId};
use crate::catalog::{
    Browser, Catalog, DpaTerms, E2ee, E2eeMode, Offering, OperatingModel, OwnPurpose,
};
use crate::facts::Fact;
use crate::scenario::{HostingPreference, Scenario, TransferStance};
use jiff::civil::Date;

pub(super) fn knockouts(catalog: &Catalog, s: &Scenario, o: &Offering) -> Vec<KnockOut> {
    let mut out = Vec::new();
    transfer_rules(catalog, s, o, &mut out);
    no_dpa(o, &mut out);
    own_purpose(s, o, &mut out);
    let e2ee = s.e2ee();
    let e2ee_terms = if e2ee { e2ee_rule(o, &mut out) } else { None };
    // When E2EE is required but the offering has none, the E2EE rule already says it all.
    let e2ee_blocked = e2ee && e2ee_terms.is_none() && matches!(o.e2ee, Fact::Known { .. });
    if !e2ee_blocked {
        browser_join(s, o, e2ee_terms, &mut out);
        size(s, o, e2ee_terms, &mut out);
        features(s, o, e2ee_terms, &mut out);
    }
    hosting(s, o, &mut out);
    open_source(s, o, &mut out);
    statutory_insurance(s, o, &mut out);
    out
}

fn push(
    out: &mut Vec<KnockOut>,
    rule: RuleId,
    facts: &[FactField],
    answers: &[AnswerId],
    detail: KnockOutDetail,
) {
    out.push(KnockOut { rule, facts: facts.to_vec(), answers: answers.to_vec(), detail });
}

fn transfer_facts(uses_dpf: bool, uses_scc: bool, inferred: bool) -> Vec<FactField> {
    let mut facts = vec![FactField::ProcessingLocations, FactField::SubprocessorLocations];
    if inferred {
        facts.extend([FactField::Operator, FactField::Parent, FactField::TransferBasis]);
    }
    if uses_dpf {
        facts.push(FactField::DpfCertified);
    }
    if uses_scc {
        facts.push(FactField::DpfCertified);
        facts.push(FactField::TransferBasis);
    }
    facts.sort();
    facts.dedup();
    facts
}

/// The transfer stance, and the § 80(2) SGB X limit for social data.
fn transfer_rules(catalog: &Catalog, s: &Scenario, o: &Offering, out: &mut Vec<KnockOut>) {
    let profile = profile(catalog, o);
    if profile.self_chosen || profile.destinations.is_empty() {
        return;
    }
    let beyond = |allowed: TransferStance| -> Vec<String> {
        let mut countries: Vec<String> = profile
            .destinations
            .iter()
            .filter(|(_, need)| !need.allowed_by(allowed))
            .map(|(c, _)| c.to_ascii_uppercase())
            .collect();
        countries.sort();
        countries
    };
    let countries = beyond(s.transfer_stance);
    if !countries.is_empty() {
        out.push(KnockOut {
            rule: RuleId::TransferStance,
            facts: transfer_facts(profile.uses_dpf, profile.uses_scc, profile.inferred),
            answers: vec![AnswerId::TransferStance],
            detail: KnockOutDetail::Countries { countries, allowed: s.transfer_stance },
        });
    }
    if s.social_data {
        // § 80(2) SGB X: DE, EU/EEA or an adequacy decision (a DPF listing is one, Art. 45).
        let countries = beyond(TransferStance::Dpf);
        if !countries.is_empty() {
            out.push(KnockOut {
                rule: RuleId::SocialDataTransfers,
                facts: transfer_facts(profile.uses_dpf, true, profile.inferred),
                answers: vec![AnswerId::SocialData],
                detail: KnockOutDetail::Countries { countries, allowed: TransferStance::Dpf },
            });
        }
    }
    debug_assert!(profile.worst().is_none_or(|n| n >= Need::Level(TransferStance::EuOnly)));
}

/// Art. 28 GDPR applies in every scenario: an external operator without a DPA is out.
fn no_dpa(o: &Offering, out: &mut Vec<KnockOut>) {
    if o.operating_model != OperatingModel::SelfOperated
        && o.dpa.value() == Some(&DpaTerms::NotOffered)
    {
        push(
            out,
            RuleId::NoDpa,
            &[FactField::Dpa, FactField::OperatingModel],
            &[],
            KnockOutDetail::Plain,
        );
    }
}

/// Ad-financed services are out where minors, counselling, health care or public bodies are
/// involved; elsewhere they light red (see the lights).
fn own_purpose(s: &Scenario, o: &Offering, out: &mut Vec<KnockOut>) {
    if s.sensitive_context() && o.own_purpose.value() == Some(&OwnPurpose::AdFinanced) {
        push(
            out,
            RuleId::OwnPurpose,
            &[FactField::OwnPurpose],
            &sensitive_answers(s),
            KnockOutDetail::Plain,
        );
    }
}

/// The answers that make the context sensitive, for the record.
fn sensitive_answers(s: &Scenario) -> Vec<AnswerId> {
    use crate::scenario::{DataCategory, OrgType, Participant, Purpose};
    let mut answers = Vec::new();
    if matches!(
        s.org_type,
        OrgType::School | OrgType::SocialService | OrgType::HealthCare | OrgType::PublicBody
    ) {
        answers.push(AnswerId::OrgType);
    }
    if s.public_body {
        answers.push(AnswerId::PublicBody);
    }
    if s.purposes.contains(&Purpose::Counselling) || s.purposes.contains(&Purpose::Consultations) {
        answers.push(AnswerId::Purposes);
    }
    if [Participant::Pupils, Participant::VulnerableClients, Participant::Patients]
        .iter()
        .any(|p| s.participants.contains(p))
    {
        answers.push(AnswerId::Participants);
    }
    if s.data.contains(&DataCategory::ChildrensData) {
        answers.push(AnswerId::Data);
    }
    answers
}

/// E2EE required: out when the offering has none. Returns the E2EE terms the other checks use.
fn e2ee_rule<'a>(o: &'a Offering, out: &mut Vec<KnockOut>) -> Option<&'a E2ee> {
    match &o.e2ee {
        Fact::Known { value, .. } if value.mode == E2eeMode::None => {
            push(
                out,
                RuleId::E2ee,
                &[FactField::E2ee],
                &[AnswerId::E2eeRequired],
                KnockOutDetail::Plain,
            );
            None
        }
        Fact::Known { value, .. } => Some(value),
        _ => None,
    }
}

fn browser_join(s: &Scenario, o: &Offering, e2ee: Option<&E2ee>, out: &mut Vec<KnockOut>) {
    if s.install_possible || s.browsers.is_empty() {
        return;
    }
    let (fact, field) = match e2ee {
        Some(terms) => (&terms.browser_join, FactField::E2eeBrowserJoin),
        None => (&o.browser_join, FactField::BrowserJoin),
    };
    let Some(families) = fact.value() else { return };
    let missing: Vec<Browser> =
        s.browsers.iter().copied().filter(|b| !families.contains(b)).collect();
    if missing.is_empty() {
        return;
    }
    let mut answers = vec![AnswerId::InstallPossible, AnswerId::Browsers];
    if e2ee.is_some() {
        answers.push(AnswerId::E2eeRequired);
    }
    out.push(KnockOut {
        rule: RuleId::BrowserJoin,
        facts: vec![field],
        answers,
        detail: KnockOutDetail::Browsers { missing, under_e2ee: e2ee.is_some() },
    });
}

fn size(s: &Scenario, o: &Offering, e2ee: Option<&E2ee>, out: &mut Vec<KnockOut>) {
    let needed = s.size.participants();
    let general = o.max_participants.value().copied();
    let under = e2ee.and_then(|t| t.max_participants.value().copied());
    // Under E2EE the lower of both limits counts (E2EE never raises the general one).
    let (max, under_e2ee, facts) = match (under, general) {
        (Some(u), Some(g)) if u <= g => (u, true, vec![FactField::E2eeMaxParticipants]),
        (Some(u), None) => (u, true, vec![FactField::E2eeMaxParticipants]),
        (_, Some(g)) => (g, false, vec![FactField::MaxParticipants]),
        (None, None) => return,
    };
    if max < needed {
        let mut answers = vec![AnswerId::Size];
        if under_e2ee {
            answers.push(AnswerId::E2eeRequired);
        }
        out.push(KnockOut {
            rule: RuleId::Size,
            facts,
            answers,
            detail: KnockOutDetail::Participants { needed, max, under_e2ee },
        });
    }
}

fn features(s: &Scenario, o: &Offering, e2ee: Option<&E2ee>, out: &mut Vec<KnockOut>) {
    for &feature in &s.required_features {
        let field = FactField::Feature(feature);
        if o.feature(feature).value() == Some(&false) {
            out.push(KnockOut {
                rule: RuleId::RequiredFeature,
                facts: vec![field],
                answers: vec![AnswerId::RequiredFeatures],
                detail: KnockOutDetail::Feature { feature, under_e2ee: false },
            });
        } else if e2ee.is_some_and(|t| t.features_lost.contains(&feature)) {
            out.push(KnockOut {
                rule: RuleId::RequiredFeature,
                facts: vec![field, FactField::E2ee],
                answers: vec![AnswerId::RequiredFeatures, AnswerId::E2eeRequired],
                detail: KnockOutDetail::Feature { feature, under_e2ee: true },
            });
        }
    }
}

fn hosting(s: &Scenario, o: &Offering, out: &mut Vec<KnockOut>) {
    let allowed = match s.hosting {
        HostingPreference::Any => true,
        HostingPreference::OwnOrProvider => o.operating_model != OperatingModel::OnlineService,
        HostingPreference::OwnOnly => o.operating_model == OperatingModel::SelfOperated,
    };
    if !allowed {
        push(
            out,
            RuleId::Hosting,
            &[FactField::OperatingModel],
            &[AnswerId::Hosting],
            KnockOutDetail::Plain,
        );
    }
    if o.operating_model == OperatingModel::SelfOperated && !s.self_hosting_capacity {
        push(
            out,
            RuleId::SelfHosting,
            &[FactField::OperatingModel],
            &[AnswerId::SelfHostingCapacity],
            KnockOutDetail::Plain,
        );
    }
}

fn open_source(s: &Scenario, o: &Offering, out: &mut Vec<KnockOut>) {
    if s.open_source_required && o.open_source.value() == Some(&false) {
        push(
            out,
            RuleId::OpenSource,
            &[FactField::OpenSource],
            &[AnswerId::OpenSourceRequired],
            KnockOutDetail::Plain,
        );
    }
}

/// Anlage 31b BMV-Ä: only certified video service providers on the KBV list; an unconfirmed
/// listing is not enough, because billing depends on it.
fn statutory_insurance(s: &Scenario, o: &Offering, out: &mut Vec<KnockOut>) {
    if s.asks_statutory_insurance()
        && s.statutory_insurance_video
        && o.kbv_listed.value() != Some(&true)
    {
        push(
            out,
            RuleId::StatutoryInsurance,
            &[FactField::KbvListed],
            &[AnswerId::StatutoryInsuranceVideo],
            KnockOutDetail::Plain,
        );
    }
}

/// The offering is reserved for bodies of one Land or for public bodies, or its contract has
/// ended: nobody else can obtain it, whatever its merits.
pub(super) fn availability(s: &Scenario, o: &Offering, today: Date) -> Option<KnockOut> {
    let terms = o.availability.value()?;
    let land = terms.land.filter(|land| s.bundesland != Some(*land));
    let public_bodies_only = terms.public_bodies_only && !s.public_body;
    let ended = terms.until.filter(|until| *until < today);
    if land.is_none() && !public_bodies_only && ended.is_none() {
        return None;
    }
    let mut answers = Vec::new();
    if land.is_some() {
        answers.push(AnswerId::Bundesland);
    }
    if public_bodies_only {
        answers.push(AnswerId::PublicBody);
    }
    Some(KnockOut {
        rule: RuleId::Availability,
        facts: vec![FactField::Availability],
        answers,
        detail: KnockOutDetail::Availability { land, public_bodies_only, ended },
    })
}
