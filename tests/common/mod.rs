//! Small synthetic offerings for rule tests: one baseline that passes everything, changed one
//! field at a time in each test.
#![allow(dead_code)]

use std::collections::BTreeMap;

use meetcheck::domain::catalog::{
    Browser, Catalog, DpaTerms, E2ee, E2eeMode, Entity, Feature, Offering, OperatingModel,
    OwnPurpose, Platform, Source, TransferMechanism,
};
use meetcheck::domain::facts::{Certainty, Fact, Text};

pub fn known<T>(value: T) -> Fact<T> {
    Fact::known(value, "test", "2026-06", Certainty::Vendor)
}

pub fn old<T>(value: T) -> Fact<T> {
    Fact::known(value, "test", "2021-03", Certainty::Vendor)
}

pub fn unknown<T>() -> Fact<T> {
    Fact::unknown("unbekannt", "unknown")
}

/// A German online service that passes every rule of the default scenario.
pub fn baseline(id: &str) -> Offering {
    let all_features: BTreeMap<Feature, Fact<bool>> =
        Feature::ALL.iter().map(|f| (*f, known(true))).collect();
    Offering {
        id: id.to_string(),
        name: Text::new(format!("{id} (de)"), format!("{id} (en)")),
        product: id.to_string(),
        operating_model: OperatingModel::OnlineService,
        operator: known(Entity { name: "Beispiel GmbH".into(), country: "DE".into() }),
        parent: known(Entity { name: "Beispiel GmbH".into(), country: "DE".into() }),
        processing_locations: known(vec!["DE".into()]),
        subprocessor_locations: known(vec!["DE".into()]),
        dpf_certified: Fact::NotApplicable,
        transfer_basis: Fact::NotApplicable,
        dpa: known(DpaTerms::Standard),
        own_purpose: known(OwnPurpose::None),
        open_source: known(true),
        licence: known("AGPL-3.0".into()),
        e2ee: known(E2ee {
            mode: E2eeMode::OnByDefault,
            browser_join: known(Browser::ALL.to_vec()),
            max_participants: known(100),
            features_lost: vec![],
            requires: None,
            experimental: false,
        }),
        browser_join: known(Browser::ALL.to_vec()),
        apps: known(Platform::ALL.to_vec()),
        max_participants: known(500),
        features: all_features,
        kbv_listed: known(false),
        join_without_account: known(true),
        attention_tracking: known(false),
        availability: Fact::NotApplicable,
        authority_positions: vec![],
        settings: vec![Text::new("Kamera aus beim Beitritt", "Camera off on joining")],
        notes: vec![],
    }
}

/// A US online service with DPF certification and SCC as fallback.
pub fn us_dpf(id: &str) -> Offering {
    let mut o = baseline(id);
    o.operator = known(Entity { name: "Example Inc.".into(), country: "US".into() });
    o.parent = o.operator.clone();
    o.processing_locations = known(vec!["US".into(), "DE".into()]);
    o.subprocessor_locations = known(vec!["US".into()]);
    o.dpf_certified = known(true);
    o.transfer_basis = known(vec![TransferMechanism::Dpf, TransferMechanism::Scc]);
    o.open_source = known(false);
    o
}

pub fn self_hosted(id: &str) -> Offering {
    let mut o = baseline(id);
    o.operating_model = OperatingModel::SelfOperated;
    o.operator = Fact::NotApplicable;
    o.parent = Fact::NotApplicable;
    o.processing_locations = Fact::NotApplicable;
    o.subprocessor_locations = Fact::NotApplicable;
    o.dpa = Fact::NotApplicable;
    o.own_purpose = Fact::NotApplicable;
    o
}

pub fn catalog(offerings: Vec<Offering>) -> Catalog {
    Catalog {
        schema: meetcheck::domain::catalog::SCHEMA_VERSION,
        edition: "test".into(),
        sources: BTreeMap::from([(
            "test".into(),
            Source {
                title: "Test source".into(),
                url: Some("https://example.org/terms".into()),
                kind: meetcheck::domain::catalog::SourceKind::Vendor,
            },
        )]),
        adequacy: BTreeMap::from([
            ("CH".into(), known(Text::new("Schweiz", "Switzerland"))),
            ("GB".into(), known(Text::new("Vereinigtes Königreich", "United Kingdom"))),
        ]),
        offerings,
    }
}
