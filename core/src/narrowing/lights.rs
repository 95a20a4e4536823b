//! meetcheck's own lights per criterion (see [`super::CriterionId`] for the table).

use super::transfers::{Need, is_eea, profile};
use super::{CriterionId, FactField, Light, Rating};
use crate::catalog::{
    Browser, Catalog, DpaTerms, E2eeMode, Entity, Offering, OperatingModel, OwnPurpose, Verdict,
};
use crate::facts::Fact;
use crate::scenario::{ProtectionNeed, Scenario, TransferStance};

pub(super) fn lights(catalog: &Catalog, s: &Scenario, o: &Offering) -> Vec<Rating> {
    vec![
        contract(o),
        own_purpose(o),
        transfers(catalog, o),
        foreign_access(catalog, o),
        encryption(s, o),
        browser_access(s, o),
        open_source(o),
        authority_view(o),
    ]
}

fn rating(criterion: CriterionId, light: Light, cause: &str, facts: &[FactField]) -> Rating {
    Rating { criterion, light, cause: cause.to_string(), facts: facts.to_vec() }
}

fn contract(o: &Offering) -> Rating {
    let facts = [FactField::Dpa, FactField::OperatingModel];
    let (light, cause) = match (&o.dpa, o.operating_model) {
        (Fact::NotApplicable, OperatingModel::SelfOperated) => {
            (Light::Green, "light.contract.self_operated")
        }
        (Fact::Known { value: DpaTerms::Standard, .. }, _) => {
            (Light::Green, "light.contract.standard")
        }
        (Fact::Known { value: DpaTerms::OnRequest, .. }, _) => {
            (Light::Yellow, "light.contract.on_request")
        }
        (Fact::Known { value: DpaTerms::NotOffered, .. }, _) => {
            (Light::Red, "light.contract.not_offered")
        }
        _ => (Light::Grey, "light.contract.unknown"),
    };
    rating(CriterionId::Contract, light, cause, &facts)
}

fn own_purpose(o: &Offering) -> Rating {
    let (light, cause) = match &o.own_purpose {
        Fact::Known { value: OwnPurpose::None, .. } => (Light::Green, "light.own_purpose.none"),
        Fact::Known { value: OwnPurpose::ServiceData, .. } => {
            (Light::Yellow, "light.own_purpose.service_data")
        }
        Fact::Known { value: OwnPurpose::AdFinanced, .. } => {
            (Light::Red, "light.own_purpose.ad_financed")
        }
        Fact::NotApplicable => (Light::Green, "light.own_purpose.self_operated"),
        Fact::Unknown { .. } => (Light::Grey, "light.own_purpose.unknown"),
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
        _ if p.self_chosen => (Light::Green, "light.transfers.self_chosen"),
        Some(Need::NoBasis) => (Light::Red, "light.transfers.no_basis"),
        Some(Need::Level(TransferStance::SccWithTia)) => (Light::Yellow, "light.transfers.scc"),
        Some(Need::Level(TransferStance::Dpf)) => (Light::Yellow, "light.transfers.dpf"),
        _ if p.unknown => (Light::Grey, "light.transfers.unknown"),
        Some(Need::Level(TransferStance::Adequacy)) => (Light::Green, "light.transfers.adequacy"),
        Some(Need::Level(TransferStance::EuOnly)) | None => {
            (Light::Green, "light.transfers.eu_only")
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
        (Light::Yellow, "light.foreign_access.third_country_operator")
    } else if third(&o.parent) {
        (Light::Yellow, "light.foreign_access.third_country_parent")
    } else if o.operating_model == OperatingModel::SelfOperated
        && matches!(o.operator, Fact::NotApplicable)
    {
        (Light::Green, "light.foreign_access.self_operated")
    } else if o.operator.is_unknown() || o.parent.is_unknown() {
        (Light::Grey, "light.foreign_access.unknown")
    } else {
        (Light::Green, "light.foreign_access.eu")
    };
    rating(CriterionId::ForeignAccess, light, cause, &facts)
}

fn encryption(s: &Scenario, o: &Offering) -> Rating {
    let need = s.protection();
    let (light, cause) = match &o.e2ee {
        Fact::Known { value, .. } => match value.mode {
            _ if value.experimental && value.mode.available() => {
                (Light::Yellow, "light.encryption.experimental")
            }
            E2eeMode::Always | E2eeMode::OnByDefault => {
                (Light::Green, "light.encryption.e2ee_default")
            }
            E2eeMode::OptionalOff if need == ProtectionNeed::Normal => {
                (Light::Green, "light.encryption.e2ee_optional")
            }
            E2eeMode::OptionalOff => (Light::Yellow, "light.encryption.e2ee_must_enable"),
            E2eeMode::None if need == ProtectionNeed::VeryHigh => {
                (Light::Red, "light.encryption.transport_only_very_high")
            }
            E2eeMode::None => (Light::Yellow, "light.encryption.transport_only"),
        },
        _ => (Light::Grey, "light.encryption.unknown"),
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
            (Light::Green, "light.browser_access.all")
        }
        Some(families) if families.is_empty() => (Light::Yellow, "light.browser_access.apps_only"),
        Some(_) => (Light::Yellow, "light.browser_access.some"),
        None => (Light::Grey, "light.browser_access.unknown"),
    };
    let mut facts = vec![field];
    if under_e2ee {
        facts.push(FactField::E2ee);
    }
    rating(CriterionId::BrowserAccess, light, cause, &facts)
}

fn open_source(o: &Offering) -> Rating {
    let (light, cause) = match o.open_source.value() {
        Some(true) => (Light::Green, "light.open_source.yes"),
        Some(false) => (Light::Yellow, "light.open_source.no"),
        None => (Light::Grey, "light.open_source.unknown"),
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

/// Authority positions inform this light only; they never knock out. Current positions decide;
/// only when there are none do historical ones count (half weight, marked `_historical`).
fn authority_view(o: &Offering) -> Rating {
    let current: Vec<Stand> =
        o.authority_positions.iter().filter(|p| !p.historical).map(|p| stand(p.verdict)).collect();
    let historical: Vec<Stand> =
        o.authority_positions.iter().filter(|p| p.historical).map(|p| stand(p.verdict)).collect();
    let has = |v: &[Stand], s: Stand| v.contains(&s);
    let (light, cause) = if !current.is_empty() {
        let negative = has(&current, Stand::Negative);
        let supportive = has(&current, Stand::Positive) || has(&current, Stand::Conditional);
        if negative && supportive {
            (Light::Yellow, "light.authority_view.contested")
        } else if negative {
            (Light::Red, "light.authority_view.negative")
        } else if has(&current, Stand::Conditional) {
            (Light::Yellow, "light.authority_view.conditional")
        } else {
            (Light::Green, "light.authority_view.positive")
        }
    } else if !historical.is_empty() {
        if has(&historical, Stand::Negative) && !has(&historical, Stand::Positive) {
            (Light::Yellow, "light.authority_view.negative_historical")
        } else if has(&historical, Stand::Positive) && !has(&historical, Stand::Negative) {
            (Light::Green, "light.authority_view.positive_historical")
        } else {
            (Light::Yellow, "light.authority_view.mixed_historical")
        }
    } else {
        (Light::Grey, "light.authority_view.none")
    };
    rating(CriterionId::AuthorityView, light, cause, &[FactField::AuthorityPositions])
}
