//! The organisation's own evidence: a fact about an offering that the organisation verified, with
//! the document it rests on ("processing agreement No. 2026-041, § 3"), the date and who checked.
//!
//! For its assessment the evidence stands in for the catalogue's fact: it fills an Unknown, and
//! where it contradicts a Known fact it counts too (it is the organisation's own contract or
//! check), while the contradiction is reported as a conflict to resolve. Narrowing, lights, to-dos
//! and documents all read the catalogue *with* the evidence applied ([`effective_catalog`]), so
//! they agree; such facts carry [`Certainty::Organisation`] and a source key starting with
//! [`SOURCE_PREFIX`], so that every screen can mark them as the organisation's.

use std::borrow::Cow;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::assessment::{Assessment, TodoStatus};
use crate::catalog::{
    Browser, Catalog, DpaTerms, E2ee, E2eeMode, Entity, Feature, Offering, OwnPurpose, Source,
    SourceKind, TransferMechanism,
};
use crate::facts::{AsOf, Certainty, Fact, PartialDate};
use crate::narrowing::FactField;
use crate::todos::TodoId;

/// Source keys of evidence facts start with this (`evidence:2` is the third piece).
pub const SOURCE_PREFIX: &str = "evidence:";

/// One fact the organisation verified.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// The offering id.
    pub offering: String,
    pub fact: EvidenceFact,
    /// The document it rests on, as the organisation files it.
    pub document: String,
    /// When it was checked (or the document's date).
    pub date: Date,
    pub checked_by: String,
}

/// A verified value for one fact field of an offering.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum EvidenceFact {
    Operator(Entity),
    /// `None`: the operator has no parent company.
    Parent(Option<Entity>),
    ProcessingLocations(Vec<String>),
    SubprocessorLocations(Vec<String>),
    DpfCertified(bool),
    TransferBasis(Vec<TransferMechanism>),
    Dpa(DpaTerms),
    OwnPurpose(OwnPurpose),
    OpenSource(bool),
    E2ee(E2eeMode),
    E2eeBrowserJoin(Vec<Browser>),
    E2eeMaxParticipants(u32),
    BrowserJoin(Vec<Browser>),
    MaxParticipants(u32),
    Feature(Feature, bool),
    KbvListed(bool),
    JoinWithoutAccount(bool),
    AttentionTracking(bool),
}

impl EvidenceFact {
    /// The fact field the evidence is about.
    pub fn field(&self) -> FactField {
        match self {
            EvidenceFact::Operator(_) => FactField::Operator,
            EvidenceFact::Parent(_) => FactField::Parent,
            EvidenceFact::ProcessingLocations(_) => FactField::ProcessingLocations,
            EvidenceFact::SubprocessorLocations(_) => FactField::SubprocessorLocations,
            EvidenceFact::DpfCertified(_) => FactField::DpfCertified,
            EvidenceFact::TransferBasis(_) => FactField::TransferBasis,
            EvidenceFact::Dpa(_) => FactField::Dpa,
            EvidenceFact::OwnPurpose(_) => FactField::OwnPurpose,
            EvidenceFact::OpenSource(_) => FactField::OpenSource,
            EvidenceFact::E2ee(_) => FactField::E2ee,
            EvidenceFact::E2eeBrowserJoin(_) => FactField::E2eeBrowserJoin,
            EvidenceFact::E2eeMaxParticipants(_) => FactField::E2eeMaxParticipants,
            EvidenceFact::BrowserJoin(_) => FactField::BrowserJoin,
            EvidenceFact::MaxParticipants(_) => FactField::MaxParticipants,
            EvidenceFact::Feature(f, _) => FactField::Feature(*f),
            EvidenceFact::KbvListed(_) => FactField::KbvListed,
            EvidenceFact::JoinWithoutAccount(_) => FactField::JoinWithoutAccount,
            EvidenceFact::AttentionTracking(_) => FactField::AttentionTracking,
        }
    }
}

/// Evidence and a Known catalogue fact disagree: both are shown until someone resolves it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    pub offering: String,
    pub field: FactField,
    /// Index into the evidence the conflict was found with.
    pub evidence: usize,
}

/// Every piece of evidence of an assessment: what was recorded as evidence, and what the
/// checklist establishes — a data processing agreement marked done with its document is one
/// concluded with the chosen offering's operator.
pub fn of_assessment(a: &Assessment) -> Vec<Evidence> {
    let mut out = a.evidence.clone();
    if let Some(d) = &a.decision
        && let Some(item) = a.checklist.get(&TodoId::Dpa)
        && item.status == TodoStatus::Done
        && !item.evidence.trim().is_empty()
        && !out.iter().any(|e| e.offering == d.chosen && e.fact.field() == FactField::Dpa)
    {
        out.push(Evidence {
            offering: d.chosen.clone(),
            fact: EvidenceFact::Dpa(DpaTerms::Standard),
            document: item.evidence.clone(),
            date: item.evidence_date.unwrap_or(d.snapshot.taken_on),
            checked_by: item.owner.clone(),
        });
    }
    out
}

/// `catalog` as the assessment sees it: each offering with the organisation's evidence in
/// place of the catalogue's fact. Borrowed unchanged when there is no evidence.
pub fn effective_catalog<'a>(catalog: &'a Catalog, evidence: &[Evidence]) -> Cow<'a, Catalog> {
    if evidence.is_empty() {
        return Cow::Borrowed(catalog);
    }
    let mut out = catalog.clone();
    for (i, e) in evidence.iter().enumerate() {
        let Some(offering) = out.offerings.iter_mut().find(|o| o.id == e.offering) else {
            continue;
        };
        let key = format!("{SOURCE_PREFIX}{i}");
        apply(offering, e, &key);
        let source =
            Source { title: e.document.clone(), url: None, kind: SourceKind::Organisation };
        out.sources.insert(key, source);
    }
    Cow::Owned(out)
}

fn known<T>(value: T, source: &str, date: Date) -> Fact<T> {
    let day = PartialDate { year: date.year(), month: Some(date.month()), day: Some(date.day()) };
    Fact::Known {
        value,
        source: source.to_string(),
        as_of: AsOf { from: day, to: day, undated: false },
        certainty: Certainty::Organisation,
        note: None,
    }
}

fn apply(o: &mut Offering, e: &Evidence, source: &str) {
    let date = e.date;
    match &e.fact {
        EvidenceFact::Operator(v) => o.operator = known(v.clone(), source, date),
        EvidenceFact::Parent(Some(v)) => o.parent = known(v.clone(), source, date),
        EvidenceFact::Parent(None) => o.parent = Fact::NotApplicable,
        EvidenceFact::ProcessingLocations(v) => {
            o.processing_locations = known(v.clone(), source, date);
        }
        EvidenceFact::SubprocessorLocations(v) => {
            o.subprocessor_locations = known(v.clone(), source, date);
        }
        EvidenceFact::DpfCertified(v) => o.dpf_certified = known(*v, source, date),
        EvidenceFact::TransferBasis(v) => o.transfer_basis = known(v.clone(), source, date),
        EvidenceFact::Dpa(v) => o.dpa = known(*v, source, date),
        EvidenceFact::OwnPurpose(v) => o.own_purpose = known(*v, source, date),
        EvidenceFact::OpenSource(v) => o.open_source = known(*v, source, date),
        EvidenceFact::E2ee(mode) => match &mut o.e2ee {
            Fact::Known { value, .. } if value.mode == *mode => {}
            _ => {
                // What E2EE costs is not part of this evidence: unknown until confirmed too.
                let terms = E2ee {
                    mode: *mode,
                    browser_join: unknown(),
                    max_participants: unknown(),
                    features_lost: Vec::new(),
                    requires: None,
                    experimental: false,
                };
                o.e2ee = known(terms, source, date);
            }
        },
        EvidenceFact::E2eeBrowserJoin(v) => {
            if let Fact::Known { value, .. } = &mut o.e2ee {
                value.browser_join = known(v.clone(), source, date);
            }
        }
        EvidenceFact::E2eeMaxParticipants(v) => {
            if let Fact::Known { value, .. } = &mut o.e2ee {
                value.max_participants = known(*v, source, date);
            }
        }
        EvidenceFact::BrowserJoin(v) => o.browser_join = known(v.clone(), source, date),
        EvidenceFact::MaxParticipants(v) => o.max_participants = known(*v, source, date),
        EvidenceFact::Feature(f, v) => {
            o.features.insert(*f, known(*v, source, date));
        }
        EvidenceFact::KbvListed(v) => o.kbv_listed = known(*v, source, date),
        EvidenceFact::JoinWithoutAccount(v) => o.join_without_account = known(*v, source, date),
        EvidenceFact::AttentionTracking(v) => o.attention_tracking = known(*v, source, date),
    }
}

fn unknown<T>() -> Fact<T> {
    Fact::Unknown { note: Default::default() }
}

/// Evidence that contradicts a Known fact of the catalogue.
pub fn conflicts(catalog: &Catalog, evidence: &[Evidence]) -> Vec<Conflict> {
    let mut out = Vec::new();
    for (i, e) in evidence.iter().enumerate() {
        let Some(o) = catalog.offering(&e.offering) else { continue };
        if contradicts(o, &e.fact) {
            out.push(Conflict { offering: e.offering.clone(), field: e.fact.field(), evidence: i });
        }
    }
    out
}

/// The catalogue knows the fact and says something else.
fn contradicts(o: &Offering, fact: &EvidenceFact) -> bool {
    fn differs<T: PartialEq>(fact: &Fact<T>, value: &T) -> bool {
        fact.value().is_some_and(|known| known != value)
    }
    fn differs_set<T: Ord + Clone>(fact: &Fact<Vec<T>>, value: &[T]) -> bool {
        fact.value().is_some_and(|known| {
            let mut a = known.clone();
            let mut b = value.to_vec();
            a.sort();
            b.sort();
            a != b
        })
    }
    let e2ee = o.e2ee.value();
    match fact {
        EvidenceFact::Operator(v) => differs(&o.operator, v),
        EvidenceFact::Parent(Some(v)) => differs(&o.parent, v),
        EvidenceFact::Parent(None) => o.parent.is_known(),
        EvidenceFact::ProcessingLocations(v) => differs_set(&o.processing_locations, v),
        EvidenceFact::SubprocessorLocations(v) => differs_set(&o.subprocessor_locations, v),
        EvidenceFact::DpfCertified(v) => differs(&o.dpf_certified, v),
        EvidenceFact::TransferBasis(v) => differs_set(&o.transfer_basis, v),
        // A concluded agreement is "offered" whether the terms call it standard or on request.
        EvidenceFact::Dpa(DpaTerms::Standard | DpaTerms::OnRequest) => {
            o.dpa.value() == Some(&DpaTerms::NotOffered)
        }
        EvidenceFact::Dpa(v) => differs(&o.dpa, v),
        EvidenceFact::OwnPurpose(v) => differs(&o.own_purpose, v),
        EvidenceFact::OpenSource(v) => differs(&o.open_source, v),
        EvidenceFact::E2ee(v) => e2ee.is_some_and(|t| t.mode != *v),
        EvidenceFact::E2eeBrowserJoin(v) => e2ee.is_some_and(|t| differs_set(&t.browser_join, v)),
        EvidenceFact::E2eeMaxParticipants(v) => {
            e2ee.is_some_and(|t| differs(&t.max_participants, v))
        }
        EvidenceFact::BrowserJoin(v) => differs_set(&o.browser_join, v),
        EvidenceFact::MaxParticipants(v) => differs(&o.max_participants, v),
        EvidenceFact::Feature(f, v) => differs(o.feature(*f), v),
        EvidenceFact::KbvListed(v) => differs(&o.kbv_listed, v),
        EvidenceFact::JoinWithoutAccount(v) => differs(&o.join_without_account, v),
        EvidenceFact::AttentionTracking(v) => differs(&o.attention_tracking, v),
    }
}

/// The fact is the organisation's evidence (by its source key).
pub fn is_evidence_source(source: &str) -> bool {
    source.starts_with(SOURCE_PREFIX)
}
