//! meetcheck's own lights per criterion (see [`super::CriterionId`] for the table).

use super::transfers::{Need, is_eea, profile};
use super::{CriterionId, FactField, Light, LightCause, Rating};
use crate::catalog::{
    AuthorityPosition, BodyKind, Browser, Catalog, DpaTerms, E2eeMode, Entity, Offering,
    OperatingModel, OwnPurpose, Sector, Verdict,
};
use crate::facts::Fact;
use crate::scenario::{OrgType, Participant, ProtectionNeed, Scenario, TransferStance};

pub(super) fn lights(catalog: &Catalog, s: &Scenario, o: &Offering) -> Vec<Rating> {
    vec![
        contract(o),
        own_purpose(o),
        transfers(catalog, o),
        foreign_access(catalog, o),
        encryption(s, o),
        browser_access(s, o),
        open_source(o),
        authority_view(s, o),
    ]
}

fn rating(criterion: CriterionId, light: Light, cause: LightCause, facts: &[FactField]) -> Rating {
    Rating { criterion, light, cause, facts: facts.to_vec() }
}

fn contract(o: &Offering) -> Rating {
    let facts = [FactField::Dpa, FactField::OperatingModel];
    let (light, cause) = match (&o.dpa, o.operating_model) {
        (Fact::NotApplicable, OperatingModel::SelfOperated) => {
            (Light::Green, LightCause::ContractSelfOperated)
        }
        (Fact::Known { value: DpaTerms::Standard, .. }, _) => {
            (Light::Green, LightCause::ContractStandard)
        }
        (Fact::Known { value: DpaTerms::OnRequest, .. }, _) => {
            (Light::Yellow, LightCause::ContractOnRequest)
        }
        (Fact::Known { value: DpaTerms::NotOffered, .. }, _) => {
            (Light::Red, LightCause::ContractNotOffered)
        }
        _ => (Light::Grey, LightCause::ContractUnknown),
    };
    rating(CriterionId::Contract, light, cause, &facts)
}

fn own_purpose(o: &Offering) -> Rating {
    let (light, cause) = match &o.own_purpose {
        Fact::Known { value: OwnPurpose::None, .. } => (Light::Green, LightCause::OwnPurposeNone),
        Fact::Known { value: OwnPurpose::ServiceData, .. } => {
            (Light::Yellow, LightCause::OwnPurposeServiceData)
        }
        Fact::Known { value: OwnPurpose::AdFinanced, .. } => {
            (Light::Red, LightCause::OwnPurposeAdFinanced)
        }
        Fact::NotApplicable => (Light::Green, LightCause::OwnPurposeSelfOperated),
        Fact::Unknown { .. } => (Light::Grey, LightCause::OwnPurposeUnknown),
    };
    rating(CriterionId::OwnPurpose, light, cause, &[FactField::OwnPurpose])
}

fn transfers(catalog: &Catalog, o: &Offering) -> Rating {
    let p = profile(catalog, o);
    let mut facts = vec![FactField::ProcessingLocations, FactField::SubprocessorLocations];
    if p.uses_dpf || p.uses_scc {
        facts.push(FactField::DpfCertified);
    }
    if p.uses_scc {
        facts.push(FactField::TransferBasis);
    }
    let (light, cause) = match p.worst() {
        _ if p.self_chosen => (Light::Green, LightCause::TransfersSelfChosen),
        Some(Need::NoBasis) => (Light::Red, LightCause::TransfersNoBasis),
        Some(Need::Level(TransferStance::SccWithTia)) => (Light::Yellow, LightCause::TransfersScc),
        Some(Need::Level(TransferStance::Dpf)) => (Light::Yellow, LightCause::TransfersDpf),
        _ if p.unknown => (Light::Grey, LightCause::TransfersUnknown),
        Some(Need::Level(TransferStance::Adequacy)) => {
            (Light::Green, LightCause::TransfersAdequacy)
        }
        Some(Need::Level(TransferStance::EuOnly | TransferStance::NoUsControl)) | None => {
            (Light::Green, LightCause::TransfersEuOnly)
        }
    };
    rating(CriterionId::Transfers, light, cause, &facts)
}

fn third_country(catalog: &Catalog, entity: &Entity) -> bool {
    !is_eea(&entity.country)
        && !catalog
            .adequacy
            .iter()
            .any(|(c, f)| c.eq_ignore_ascii_case(&entity.country) && f.is_known())
}

fn foreign_access(catalog: &Catalog, o: &Offering) -> Rating {
    let facts = [FactField::Operator, FactField::Parent];
    let third = |f: &Fact<Entity>| f.value().is_some_and(|e| third_country(catalog, e));
    let (light, cause) = if third(&o.operator) {
        (Light::Yellow, LightCause::ForeignAccessThirdCountryOperator)
    } else if third(&o.parent) {
        (Light::Yellow, LightCause::ForeignAccessThirdCountryParent)
    } else if o.operating_model == OperatingModel::SelfOperated
        && matches!(o.operator, Fact::NotApplicable)
    {
        (Light::Green, LightCause::ForeignAccessSelfOperated)
    } else if o.operator.is_unknown() || o.parent.is_unknown() {
        (Light::Grey, LightCause::ForeignAccessUnknown)
    } else {
        (Light::Green, LightCause::ForeignAccessEu)
    };
    rating(CriterionId::ForeignAccess, light, cause, &facts)
}

fn encryption(s: &Scenario, o: &Offering) -> Rating {
    let need = s.protection();
    let (light, cause) = match &o.e2ee {
        Fact::Known { value, .. } => match value.mode {
            _ if value.experimental && value.mode.available() => {
                (Light::Yellow, LightCause::EncryptionExperimental)
            }
            E2eeMode::Always | E2eeMode::OnByDefault => {
                (Light::Green, LightCause::EncryptionE2eeDefault)
            }
            E2eeMode::OptionalOff if need == ProtectionNeed::Normal => {
                (Light::Green, LightCause::EncryptionE2eeOptional)
            }
            E2eeMode::OptionalOff => (Light::Yellow, LightCause::EncryptionE2eeMustEnable),
            E2eeMode::None if need == ProtectionNeed::VeryHigh => {
                (Light::Red, LightCause::EncryptionTransportOnlyVeryHigh)
            }
            E2eeMode::None => (Light::Yellow, LightCause::EncryptionTransportOnly),
        },
        _ => (Light::Grey, LightCause::EncryptionUnknown),
    };
    rating(CriterionId::Encryption, light, cause, &[FactField::E2ee])
}

fn browser_access(s: &Scenario, o: &Offering) -> Rating {
    let under_e2ee = s.e2ee() && o.e2ee.value().is_some_and(|t| t.mode.available());
    let (fact, field) = match o.e2ee.value() {
        Some(terms) if under_e2ee => (&terms.browser_join, FactField::E2eeBrowserJoin),
        _ => (&o.browser_join, FactField::BrowserJoin),
    };
    let (light, cause) = match fact.value() {
        Some(families) if Browser::ALL.iter().all(|b| families.contains(b)) => {
            (Light::Green, LightCause::BrowserAccessAll)
        }
        Some(families) if families.is_empty() => (Light::Yellow, LightCause::BrowserAccessAppsOnly),
        Some(_) => (Light::Yellow, LightCause::BrowserAccessSome),
        None => (Light::Grey, LightCause::BrowserAccessUnknown),
    };
    let mut facts = vec![field];
    if under_e2ee {
        facts.push(FactField::E2ee);
    }
    rating(CriterionId::BrowserAccess, light, cause, &facts)
}

fn open_source(o: &Offering) -> Rating {
    let (light, cause) = match o.open_source.value() {
        Some(true) => (Light::Green, LightCause::OpenSourceYes),
        Some(false) => (Light::Yellow, LightCause::OpenSourceNo),
        None => (Light::Grey, LightCause::OpenSourceUnknown),
    };
    rating(CriterionId::OpenSource, light, cause, &[FactField::OpenSource, FactField::Licence])
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Stand {
    Positive,
    Conditional,
    Negative,
}

fn stand(verdict: Verdict) -> Stand {
    match verdict {
        Verdict::Green | Verdict::Recommended => Stand::Positive,
        Verdict::Yellow | Verdict::Conditional | Verdict::WarningWithdrawn => Stand::Conditional,
        Verdict::Red | Verdict::Negative | Verdict::Warning => Stand::Negative,
    }
}

/// Whether a position addresses this organisation: its Land (an unknown Land is inside no
/// Land's scope), its sector and its kind of body.
pub fn position_applies(s: &Scenario, p: &AuthorityPosition) -> bool {
    let scope = p.scope();
    let land = scope.lands.is_empty() || s.bundesland.is_some_and(|l| scope.lands.contains(&l));
    let sector = match scope.sector {
        None => true,
        Some(Sector::Schools) => {
            s.org_type == OrgType::School || s.participants.contains(&Participant::Pupils)
        }
    };
    let bodies = match scope.bodies {
        None => true,
        Some(BodyKind::PublicBodies) => s.public_body(),
        // meetcheck's organisations are never EU institutions.
        Some(BodyKind::EuInstitutions) => false,
    };
    land && sector && bodies
}

/// Authority positions inform this light only; they never knock out. Current positions decide;
/// only when there are none do historical ones count (half weight, see
/// [`LightCause::rests_on_history`]).
fn authority_view(s: &Scenario, o: &Offering) -> Rating {
    // Only positions addressed to organisations like this one count.
    let here: Vec<&AuthorityPosition> =
        o.authority_positions.iter().filter(|p| position_applies(s, p)).collect();
    let current: Vec<Stand> =
        here.iter().filter(|p| !p.historical).map(|p| stand(p.verdict)).collect();
    let historical: Vec<Stand> =
        here.iter().filter(|p| p.historical).map(|p| stand(p.verdict)).collect();
    let has = |v: &[Stand], s: Stand| v.contains(&s);
    let (light, cause) = if !current.is_empty() {
        let negative = has(&current, Stand::Negative);
        let supportive = has(&current, Stand::Positive) || has(&current, Stand::Conditional);
        if negative && supportive {
            (Light::Yellow, LightCause::AuthorityContested)
        } else if negative {
            (Light::Red, LightCause::AuthorityNegative)
        } else if has(&current, Stand::Conditional) {
            (Light::Yellow, LightCause::AuthorityConditional)
        } else {
            (Light::Green, LightCause::AuthorityPositive)
        }
    } else if !historical.is_empty() {
        if has(&historical, Stand::Negative) && !has(&historical, Stand::Positive) {
            (Light::Yellow, LightCause::AuthorityNegativeHistorical)
        } else if has(&historical, Stand::Positive) && !has(&historical, Stand::Negative) {
            (Light::Green, LightCause::AuthorityPositiveHistorical)
        } else {
            (Light::Yellow, LightCause::AuthorityMixedHistorical)
        }
    } else if !o.authority_positions.is_empty() {
        (Light::Grey, LightCause::AuthorityElsewhere)
    } else {
        (Light::Grey, LightCause::AuthorityNone)
    };
    rating(CriterionId::AuthorityView, light, cause, &[FactField::AuthorityPositions])
}
