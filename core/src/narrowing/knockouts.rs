//! The hard requirements. Each has three outcomes for an offering: met, not met (a knock-out with
//! the facts and answers it used), or unconfirmed — it rests on a fact nobody has confirmed, so
//! the offering is a fit only if the provider confirms it. Unknown is never read as "no" and never
//! as "yes". The one exception is the statutory-insurance listing: billing depends on it, so only
//! a confirmed listing counts.

use super::transfers::profile;
use super::{AnswerId, FactField, KnockOut, KnockOutDetail, RuleId, Unconfirmed};
use crate::catalog::{
    Browser, Catalog, DpaTerms, E2ee, E2eeMode, Entity, Offering, OperatingModel, OwnPurpose,
};
use crate::facts::Fact;
use crate::scenario::{HostingPreference, SMALL_MEETING, Scenario, TransferStance};
use jiff::civil::Date;

/// The outcome of every hard requirement for one offering: what is not met and what is not
/// confirmed. A requirement in neither list is met.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Requirements {
    pub not_met: Vec<KnockOut>,
    pub unconfirmed: Vec<Unconfirmed>,
}

impl Requirements {
    fn not_met(
        &mut self,
        rule: RuleId,
        facts: &[FactField],
        answers: &[AnswerId],
        detail: KnockOutDetail,
    ) {
        self.not_met.push(KnockOut {
            rule,
            facts: facts.to_vec(),
            answers: answers.to_vec(),
            detail,
        });
    }

    fn unconfirmed(&mut self, rule: RuleId, facts: &[FactField], answers: &[AnswerId]) {
        match self.unconfirmed.iter_mut().find(|u| u.rule == rule) {
            Some(u) => {
                for f in facts {
                    if !u.facts.contains(f) {
                        u.facts.push(*f);
                    }
                }
            }
            None => self.unconfirmed.push(Unconfirmed {
                rule,
                facts: facts.to_vec(),
                answers: answers.to_vec(),
            }),
        }
    }
}

/// Every hard requirement of `s` for `o`, except availability (which depends on the date).
pub(super) fn requirements(catalog: &Catalog, s: &Scenario, o: &Offering) -> Requirements {
    let mut out = Requirements::default();
    transfer_rules(catalog, s, o, &mut out);
    us_control(s, o, &mut out);
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
    join_without_account(s, o, &mut out);
    hosting(s, o, &mut out);
    open_source(s, o, &mut out);
    statutory_insurance(s, o, &mut out);
    out
}

/// The knock-outs alone (what-ifs and the snapshot comparison need no more).
pub(super) fn knockouts(catalog: &Catalog, s: &Scenario, o: &Offering) -> Vec<KnockOut> {
    requirements(catalog, s, o).not_met
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

/// The transfer stance, and the § 80(2) SGB X limit for social data. A destination beyond the
/// stance is a knock-out; an unknown location list, or a DPF listing or transfer basis on which
/// staying within the stance depends, leaves the requirement unconfirmed.
fn transfer_rules(catalog: &Catalog, s: &Scenario, o: &Offering, out: &mut Requirements) {
    let profile = profile(catalog, o);
    if profile.self_chosen {
        return;
    }
    let mut check = |rule: RuleId, allowed: TransferStance, answer: AnswerId, uses_scc: bool| {
        let countries = profile.beyond(allowed);
        if !countries.is_empty() {
            out.not_met.push(KnockOut {
                rule,
                facts: transfer_facts(profile.uses_dpf, uses_scc, profile.inferred),
                answers: vec![answer],
                detail: KnockOutDetail::Countries { countries, allowed },
            });
            return;
        }
        let open = profile.open_for(allowed);
        if !open.is_empty() {
            out.unconfirmed(rule, &open, &[answer]);
        }
    };
    // "No provider under US control" keeps the data in the EU/EEA like "EU/EEA only".
    let stance = s.transfer_stance.data_level();
    check(RuleId::TransferStance, stance, AnswerId::TransferStance, profile.uses_scc);
    if s.social_data() {
        // § 80(2) SGB X: DE, EU/EEA or an adequacy decision (a DPF listing is one, Art. 45).
        check(RuleId::SocialDataTransfers, TransferStance::Dpf, AnswerId::SocialData, true);
    }
}

/// "No provider under US control": neither the operator nor its parent company is seated in the
/// US (US CLOUD Act). Self-operated offerings have no operator; no parent means none.
fn us_control(s: &Scenario, o: &Offering, out: &mut Requirements) {
    if s.transfer_stance != TransferStance::NoUsControl {
        return;
    }
    let us = |e: &Entity| e.country.eq_ignore_ascii_case("US");
    let operator = o.operator.value().is_some_and(us);
    let parent = o.parent.value().is_some_and(us);
    let answers = [AnswerId::TransferStance];
    if operator || parent {
        out.not_met(
            RuleId::UsControl,
            &[FactField::Operator, FactField::Parent],
            &answers,
            KnockOutDetail::Control { operator, parent },
        );
        return;
    }
    let mut open = Vec::new();
    if o.operator.is_unknown() {
        open.push(FactField::Operator);
    }
    if o.parent.is_unknown() {
        open.push(FactField::Parent);
    }
    if !open.is_empty() {
        out.unconfirmed(RuleId::UsControl, &open, &answers);
    }
}

/// Art. 28 GDPR applies in every scenario: an external operator without a DPA is out, and one
/// whose DPA nobody has confirmed is a fit only if confirmed.
fn no_dpa(o: &Offering, out: &mut Requirements) {
    if o.operating_model == OperatingModel::SelfOperated {
        return;
    }
    let facts = [FactField::Dpa, FactField::OperatingModel];
    match &o.dpa {
        Fact::Known { value: DpaTerms::NotOffered, .. } => {
            out.not_met(RuleId::NoDpa, &facts, &[], KnockOutDetail::Plain);
        }
        Fact::Unknown { .. } => out.unconfirmed(RuleId::NoDpa, &[FactField::Dpa], &[]),
        _ => {}
    }
}

/// Ad-financed services are out where minors, counselling, health care or public bodies are
/// involved; elsewhere they light red (see the lights).
fn own_purpose(s: &Scenario, o: &Offering, out: &mut Requirements) {
    if !s.sensitive_context() {
        return;
    }
    match &o.own_purpose {
        Fact::Known { value: OwnPurpose::AdFinanced, .. } => out.not_met(
            RuleId::OwnPurpose,
            &[FactField::OwnPurpose],
            &sensitive_answers(s),
            KnockOutDetail::Plain,
        ),
        Fact::Unknown { .. } if o.operating_model != OperatingModel::SelfOperated => {
            out.unconfirmed(RuleId::OwnPurpose, &[FactField::OwnPurpose], &sensitive_answers(s));
        }
        _ => {}
    }
}

/// The answers that make the context sensitive, for the record.
fn sensitive_answers(s: &Scenario) -> Vec<AnswerId> {
    use crate::scenario::{DataCategory, OrgType, Participant, Purpose};
    let mut answers = Vec::new();
    if matches!(
        s.org_type,
        OrgType::School
            | OrgType::SocialService
            | OrgType::YouthWelfare
            | OrgType::HealthCare
            | OrgType::PublicBody
    ) {
        answers.push(AnswerId::OrgType);
    }
    if s.public_body() {
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

/// E2EE required: out when the offering has none, unconfirmed when nobody knows. Returns the E2EE
/// terms the other checks use.
fn e2ee_rule<'a>(o: &'a Offering, out: &mut Requirements) -> Option<&'a E2ee> {
    match &o.e2ee {
        Fact::Known { value, .. } if value.mode == E2eeMode::None => {
            out.not_met(
                RuleId::E2ee,
                &[FactField::E2ee],
                &[AnswerId::E2eeRequired],
                KnockOutDetail::Plain,
            );
            None
        }
        Fact::Known { value, .. } => Some(value),
        Fact::Unknown { .. } => {
            out.unconfirmed(RuleId::E2ee, &[FactField::E2ee], &[AnswerId::E2eeRequired]);
            None
        }
        Fact::NotApplicable => None,
    }
}

/// Nothing can be installed: the browsers participants use must be able to join (under E2EE
/// when it is required). Without a list of browsers any one will do, but one there must be.
fn browser_join(s: &Scenario, o: &Offering, e2ee: Option<&E2ee>, out: &mut Requirements) {
    if s.install_possible {
        return;
    }
    let (fact, field) = match e2ee {
        Some(terms) => (&terms.browser_join, FactField::E2eeBrowserJoin),
        None => (&o.browser_join, FactField::BrowserJoin),
    };
    let mut answers = vec![AnswerId::InstallPossible, AnswerId::Browsers];
    if e2ee.is_some() {
        answers.push(AnswerId::E2eeRequired);
    }
    let families = match fact {
        Fact::Known { value, .. } => value,
        Fact::Unknown { .. } => {
            out.unconfirmed(RuleId::BrowserJoin, &[field], &answers);
            return;
        }
        Fact::NotApplicable => return,
    };
    let under_e2ee = e2ee.is_some();
    if s.browsers.is_empty() {
        if families.is_empty() {
            out.not_met(
                RuleId::BrowserJoin,
                &[field],
                &answers,
                KnockOutDetail::NoBrowser { under_e2ee },
            );
        }
        return;
    }
    let missing: Vec<Browser> =
        s.browsers.iter().copied().filter(|b| !families.contains(b)).collect();
    if !missing.is_empty() {
        out.not_met(
            RuleId::BrowserJoin,
            &[field],
            &answers,
            KnockOutDetail::Browsers { missing, under_e2ee },
        );
    }
}

/// Everyone in the largest meeting, active or watching, within the offering's limit (under E2EE
/// the lower of both limits). A small meeting needs no confirmation of an unknown limit.
fn size(s: &Scenario, o: &Offering, e2ee: Option<&E2ee>, out: &mut Requirements) {
    let needed = s.participants_needed();
    let general = &o.max_participants;
    let under = e2ee.map(|t| &t.max_participants);
    let mut answers = vec![AnswerId::Size];
    if s.audience > 0 {
        answers.push(AnswerId::Audience);
    }
    let knock_out = |out: &mut Requirements, max: u32, under_e2ee: bool, field: FactField| {
        let mut answers = answers.clone();
        if under_e2ee {
            answers.push(AnswerId::E2eeRequired);
        }
        out.not_met(
            RuleId::Size,
            &[field],
            &answers,
            KnockOutDetail::Participants { needed, max, under_e2ee },
        );
    };
    if let Some(Fact::Known { value, .. }) = under
        && *value < needed
    {
        return knock_out(out, *value, true, FactField::E2eeMaxParticipants);
    }
    if let Fact::Known { value, .. } = general
        && *value < needed
    {
        return knock_out(out, *value, false, FactField::MaxParticipants);
    }
    if needed <= SMALL_MEETING {
        return;
    }
    let mut open = Vec::new();
    match under {
        Some(Fact::Unknown { .. }) => open.push(FactField::E2eeMaxParticipants),
        // A known E2EE limit that suffices settles it: E2EE never raises the general limit.
        Some(Fact::Known { .. }) => return,
        _ => {}
    }
    if general.is_unknown() {
        open.push(FactField::MaxParticipants);
    }
    if !open.is_empty() {
        let mut answers = answers.clone();
        if e2ee.is_some() {
            answers.push(AnswerId::E2eeRequired);
        }
        out.unconfirmed(RuleId::Size, &open, &answers);
    }
}

/// Every required feature (recording too, where the policy records) must work, under E2EE when
/// it is required.
fn features(s: &Scenario, o: &Offering, e2ee: Option<&E2ee>, out: &mut Requirements) {
    for feature in s.features_needed() {
        let field = FactField::Feature(feature);
        let answer = if feature == crate::catalog::Feature::Recording
            && !s.required_features.contains(&feature)
        {
            AnswerId::Recording
        } else {
            AnswerId::RequiredFeatures
        };
        match o.feature(feature) {
            Fact::Known { value: false, .. } => out.not_met(
                RuleId::RequiredFeature,
                &[field],
                &[answer],
                KnockOutDetail::Feature { feature, under_e2ee: false },
            ),
            _ if e2ee.is_some_and(|t| t.features_lost.contains(&feature)) => out.not_met(
                RuleId::RequiredFeature,
                &[field, FactField::E2ee],
                &[answer, AnswerId::E2eeRequired],
                KnockOutDetail::Feature { feature, under_e2ee: true },
            ),
            Fact::Unknown { .. } => out.unconfirmed(RuleId::RequiredFeature, &[field], &[answer]),
            _ => {}
        }
    }
}

/// Participants must join without an account or registration.
fn join_without_account(s: &Scenario, o: &Offering, out: &mut Requirements) {
    if !s.join_without_account {
        return;
    }
    let facts = [FactField::JoinWithoutAccount];
    let answers = [AnswerId::JoinWithoutAccount];
    match &o.join_without_account {
        Fact::Known { value: false, .. } => {
            out.not_met(RuleId::JoinWithoutAccount, &facts, &answers, KnockOutDetail::Plain);
        }
        Fact::Unknown { .. } => out.unconfirmed(RuleId::JoinWithoutAccount, &facts, &answers),
        _ => {}
    }
}

fn hosting(s: &Scenario, o: &Offering, out: &mut Requirements) {
    let allowed = match s.hosting {
        HostingPreference::Any => true,
        HostingPreference::OwnOrProvider => o.operating_model != OperatingModel::OnlineService,
        HostingPreference::OwnOnly => o.operating_model == OperatingModel::SelfOperated,
    };
    if !allowed {
        out.not_met(
            RuleId::Hosting,
            &[FactField::OperatingModel],
            &[AnswerId::Hosting],
            KnockOutDetail::Plain,
        );
    }
    if o.operating_model == OperatingModel::SelfOperated && !s.self_hosting_capacity {
        out.not_met(
            RuleId::SelfHosting,
            &[FactField::OperatingModel],
            &[AnswerId::SelfHostingCapacity],
            KnockOutDetail::Plain,
        );
    }
}

fn open_source(s: &Scenario, o: &Offering, out: &mut Requirements) {
    if !s.open_source_required {
        return;
    }
    let facts = [FactField::OpenSource];
    let answers = [AnswerId::OpenSourceRequired];
    match &o.open_source {
        Fact::Known { value: false, .. } => {
            out.not_met(RuleId::OpenSource, &facts, &answers, KnockOutDetail::Plain);
        }
        Fact::Unknown { .. } => out.unconfirmed(RuleId::OpenSource, &facts, &answers),
        _ => {}
    }
}

/// Anlage 31b BMV-Ä: only certified video service providers on the KBV list; an unconfirmed
/// listing is not enough, because billing depends on it (the organisation's own check of the
/// list counts, as evidence).
fn statutory_insurance(s: &Scenario, o: &Offering, out: &mut Requirements) {
    if s.asks_statutory_insurance()
        && s.statutory_insurance_video
        && o.kbv_listed.value() != Some(&true)
    {
        out.not_met(
            RuleId::StatutoryInsurance,
            &[FactField::KbvListed],
            &[AnswerId::StatutoryInsuranceVideo],
            KnockOutDetail::Plain,
        );
    }
}

/// The offering is reserved for bodies of one Land or for public bodies, or its contract has
/// ended: nobody else can obtain it, whatever its merits. Unknown terms are unconfirmed.
pub(super) fn availability(s: &Scenario, o: &Offering, today: Date, out: &mut Requirements) {
    let terms = match &o.availability {
        Fact::Known { value, .. } => value,
        Fact::Unknown { .. } => {
            out.unconfirmed(RuleId::Availability, &[FactField::Availability], &[]);
            return;
        }
        Fact::NotApplicable => return,
    };
    let land = terms.land.filter(|land| s.bundesland != Some(*land));
    let public_bodies_only = terms.public_bodies_only && !s.public_body();
    let ended = terms.until.filter(|until| *until < today);
    if land.is_none() && !public_bodies_only && ended.is_none() {
        return;
    }
    let mut answers = Vec::new();
    if land.is_some() {
        answers.push(AnswerId::Bundesland);
    }
    if public_bodies_only {
        answers.push(AnswerId::PublicBody);
    }
    out.not_met(
        RuleId::Availability,
        &[FactField::Availability],
        &answers,
        KnockOutDetail::Availability { land, public_bodies_only, ended },
    );
}
