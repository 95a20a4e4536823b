//! What the participant notice and the record of processing share: the groups of people, their
//! purposes and legal bases, the data, the recipients by name and seat, the third countries with
//! the actual basis of each transfer, and the storage periods. Plain sentences (escaped by the
//! caller). What neither the catalogue nor the organisation's records say becomes a placeholder
//! for the controller to fill in, never an "unknown" or a working note.

use crate::describe;
use crate::domain::catalog::{Feature, Offering, OperatingModel, TransferMechanism};
use crate::domain::narrowing;
use crate::domain::scenario::{
    DataCategory, LegalRegime, OrgType, Organiser, Participant, Purpose, Representation,
};
use crate::i18n::Texts;
use crate::i18n::{Key, k};

use super::basis::Basis;

/// Whom a document speaks to: the participants ("we", "you") or the record ("the controller").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Voice {
    Notice,
    Record,
}

impl Voice {
    fn prefix(self) -> &'static str {
        match self {
            Voice::Notice => "export.notice",
            Voice::Record => "export.ropa",
        }
    }
}

/// A group of people whose data a meeting processes, as a notice and a record name them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    Staff,
    Volunteers,
    Applicants,
    BusinessPartners,
    Guests,
    Pupils,
    Parents,
    Clients,
    Patients,
}

impl Group {
    fn id(self) -> &'static str {
        match self {
            Group::Staff => "staff",
            Group::Volunteers => "volunteers",
            Group::Applicants => "applicants",
            Group::BusinessPartners => "business_partners",
            Group::Guests => "guests",
            Group::Pupils => "pupils",
            Group::Parents => "parents",
            Group::Clients => "clients",
            Group::Patients => "patients",
        }
    }
}

pub struct Legal<'a> {
    pub b: &'a Basis<'a>,
    pub t: &'a Texts,
}

impl Legal<'_> {
    pub fn get(&self, key: Key) -> String {
        self.t.get(key).to_string()
    }

    pub fn fmt(&self, key: Key, args: &[(&str, &str)]) -> String {
        self.t.fmt(key, args)
    }

    /// [`Legal::get`] for a key that comes from data.
    pub fn by_name(&self, key: &str) -> String {
        self.t.by_name(key).to_string()
    }

    /// [`Legal::fmt`] for a key that comes from data.
    pub fn fmt_by_name(&self, key: &str, args: &[(&str, &str)]) -> String {
        self.t.fmt_by_name(key, args)
    }

    /// `[[TO FILL IN: what]]` / `[[BITTE ERGÄNZEN: what]]`.
    pub fn placeholder(&self, what: &str) -> String {
        self.fmt(k::EXPORT_PLACEHOLDER, &[("what", what)])
    }

    /// A placeholder whose description is a text key.
    pub fn placeholder_for(&self, what_key: Key) -> String {
        self.placeholder(self.t.get(what_key))
    }

    /// The user's value, or a placeholder when it is empty.
    pub fn or_placeholder(&self, value: &str, what_key: Key) -> String {
        if value.trim().is_empty() { self.placeholder_for(what_key) } else { value.to_string() }
    }

    /// The platform's name: the chosen offering, else the top-ranked one (see [`Self::platform`]).
    pub fn platform_name(&self) -> String {
        match self.b.subject() {
            Some(o) => self.t.pick(&o.name).to_string(),
            None => self.placeholder_for(k::EXPORT_WHAT_PLATFORM),
        }
    }

    /// [`Self::platform_name`] for a title: marked provisional while the decision is pending.
    pub fn platform(&self) -> String {
        match (self.b.decision, self.b.subject()) {
            (Some(_), Some(o)) => self.t.pick(&o.name).to_string(),
            (None, Some(o)) => {
                self.fmt(k::EXPORT_LEGAL_PLATFORM_PROVISIONAL, &[("option", self.t.pick(&o.name))])
            }
            (_, None) => self.placeholder_for(k::EXPORT_WHAT_PLATFORM),
        }
    }

    pub fn is_public(&self) -> bool {
        let s = self.b.scenario;
        s.public_body() || matches!(s.org_type, OrgType::PublicBody | OrgType::School)
    }

    fn church(&self) -> bool {
        matches!(self.b.scenario.regime(), LegalRegime::ChurchKdg | LegalRegime::ChurchDsgEkd)
    }

    /// The groups of people, in the order a reader expects them.
    pub fn groups(&self) -> Vec<Group> {
        let s = self.b.scenario;
        let has = |p: Participant| s.participants.contains(&p);
        let mut out = Vec::new();
        let mut add = |g: Group, yes: bool| {
            if yes && !out.contains(&g) {
                out.push(g);
            }
        };
        add(
            Group::Staff,
            has(Participant::Staff)
                || s.organisers.contains(&Organiser::Staff)
                || s.organisers.contains(&Organiser::Teachers),
        );
        add(Group::Volunteers, s.organisers.contains(&Organiser::Volunteers));
        add(Group::Pupils, has(Participant::Pupils));
        add(Group::Parents, has(Participant::Pupils) || s.org_type == OrgType::School);
        add(Group::Applicants, s.purposes.contains(&Purpose::JobInterviews));
        add(Group::BusinessPartners, has(Participant::BusinessPartners));
        add(Group::Clients, has(Participant::VulnerableClients));
        add(Group::Patients, has(Participant::Patients));
        add(Group::Guests, has(Participant::Public));
        out
    }

    /// The group's name as a category of people ("Beschäftigte", "Gäste").
    pub fn group_name(&self, g: Group) -> String {
        self.by_name(&format!("export.group.{}", g.id()))
    }

    /// What the group's data are processed for.
    pub fn group_purpose(&self, g: Group) -> String {
        self.by_name(&format!("export.group.{}.purpose", g.id()))
    }

    /// The legal basis for the group, as fits the organisation.
    pub fn group_basis(&self, g: Group) -> String {
        let sector = if self.is_public() { "public" } else { "private" };
        let key = format!("export.basis.{}.{sector}", g.id());
        let mut basis = match g {
            Group::Pupils | Group::Parents if self.is_public() => {
                let land = self.b.scenario.bundesland.map(|l| self.by_name(l.key()));
                let what = match land {
                    Some(land) => self.fmt(k::EXPORT_WHAT_SCHOOL_LAW_OF, &[("land", &land)]),
                    None => self.get(k::EXPORT_WHAT_SCHOOL_LAW),
                };
                self.fmt_by_name(&key, &[("law", &self.placeholder(&what))])
            }
            _ if self.t.by_name(&key).contains("{placeholder}") => {
                let what = self.by_name(&format!("{key}.what"));
                self.fmt_by_name(&key, &[("placeholder", &self.placeholder(&what))])
            }
            _ => self.by_name(&key),
        };
        if g == Group::Staff {
            let agreement = match self.b.scenario.representation {
                Representation::None => None,
                Representation::WorksCouncil => Some(k::EXPORT_BASIS_STAFF_WORKS_AGREEMENT),
                Representation::StaffCouncil => Some(k::EXPORT_BASIS_STAFF_SERVICE_AGREEMENT),
                Representation::ChurchCouncil => Some(k::EXPORT_BASIS_STAFF_CHURCH_AGREEMENT),
            };
            if let Some(key) = agreement {
                basis.push(' ');
                basis.push_str(
                    &self.fmt(
                        key,
                        &[("placeholder", &self.placeholder_for(k::EXPORT_WHAT_AGREEMENT))],
                    ),
                );
            }
        }
        basis
    }

    /// A basis of a group rests on Art. 6(1)(e) or (f): the right to object applies.
    pub fn objection_applies(&self) -> bool {
        self.is_public()
            || self
                .groups()
                .iter()
                .any(|g| matches!(g, Group::BusinessPartners | Group::Guests | Group::Volunteers))
    }

    /// Bases beyond the groups: special categories, social data, recording, church law.
    pub fn further_bases(&self) -> Vec<String> {
        let s = self.b.scenario;
        let mut out = Vec::new();
        if self.special_categories() {
            out.push(self.fmt(
                k::EXPORT_BASIS_SPECIAL,
                &[("placeholder", &self.placeholder_for(k::EXPORT_WHAT_SPECIAL_CONDITION))],
            ));
        }
        if s.social_data() {
            out.push(self.get(k::EXPORT_BASIS_SOCIAL));
        }
        if s.recording.records() {
            out.push(self.get(k::EXPORT_BASIS_RECORDING));
        }
        if self.church() {
            out.push(self.fmt(
                k::EXPORT_BASIS_CHURCH,
                &[
                    ("law", self.t.by_name(s.regime().key())),
                    ("placeholder", &self.placeholder_for(k::EXPORT_WHAT_CHURCH_NORMS)),
                ],
            ));
        }
        out
    }

    pub fn special_categories(&self) -> bool {
        let s = self.b.scenario;
        s.data.contains(&DataCategory::SpecialCategories)
            || s.participants.contains(&Participant::Patients)
    }

    pub fn data_categories(&self) -> Vec<String> {
        let s = self.b.scenario;
        let mut out = vec![
            self.get(k::EXPORT_DATA_MASTER),
            self.get(k::EXPORT_DATA_MEETING),
            self.get(k::EXPORT_DATA_CONTENT),
        ];
        if s.features_needed().contains(&Feature::DialIn) {
            out.push(self.get(k::EXPORT_DATA_DIAL_IN));
        }
        if s.recording.records() {
            out.push(self.get(k::EXPORT_DATA_RECORDING));
        }
        if self.special_categories() {
            out.push(self.get(k::EXPORT_DATA_SPECIAL));
        }
        if s.data.contains(&DataCategory::ChildrensData)
            || s.participants.contains(&Participant::Pupils)
        {
            out.push(self.get(k::EXPORT_DATA_CHILDREN));
        }
        if s.social_data() {
            out.push(self.get(k::EXPORT_DATA_SOCIAL));
        }
        if s.professional_secrecy() || s.data.contains(&DataCategory::ProfessionalSecrets) {
            out.push(self.get(k::EXPORT_DATA_SECRETS));
        }
        out
    }

    /// "Wire Swiss GmbH mit Sitz in der Schweiz", else a placeholder asking for both.
    pub fn operator(&self, o: &Offering) -> String {
        match o.operator.value() {
            Some(e) => self.fmt(
                k::EXPORT_LEGAL_ENTITY_SEAT,
                &[("name", &e.name), ("seat", &describe::in_country(self.t, &e.country))],
            ),
            None => self.placeholder(
                &self.fmt(k::EXPORT_WHAT_OPERATOR, &[("option", self.t.pick(&o.name))]),
            ),
        }
    }

    /// Recipients: the other participants, the operator by legal name and seat, its
    /// sub-processors (by location as far as known, else a placeholder).
    pub fn recipients(&self, voice: Voice) -> Vec<String> {
        let p = voice.prefix();
        let mut out = vec![self.by_name(&format!("{p}.recipients.participants"))];
        match self.b.subject() {
            None => out.push(self.placeholder_for(k::EXPORT_WHAT_PROCESSOR)),
            Some(o) if o.operating_model == OperatingModel::SelfOperated => {
                out.push(self.fmt_by_name(
                    &format!("{p}.recipients.self"),
                    &[
                        ("platform", &self.platform_name()),
                        ("placeholder", &self.placeholder_for(k::EXPORT_WHAT_HOSTER)),
                    ],
                ));
            }
            Some(o) => {
                out.push(self.fmt_by_name(
                    &format!("{p}.recipients.processor"),
                    &[("operator", &self.operator(o)), ("platform", &self.platform_name())],
                ));
                let known = o.subprocessor_locations.value().filter(|l| !l.is_empty());
                let list = self.placeholder_for(k::EXPORT_WHAT_SUBPROCESSORS);
                out.push(match known {
                    Some(places) => self.fmt(
                        k::EXPORT_LEGAL_SUBPROCESSORS_IN,
                        &[("list", &list), ("places", &describe::in_countries(self.t, places))],
                    ),
                    None => self.fmt(k::EXPORT_LEGAL_SUBPROCESSORS, &[("list", &list)]),
                });
            }
        }
        out
    }

    /// Transfers to third countries: each country by name with the basis that covers it (the
    /// adequacy decision by number, the Data Privacy Framework, standard contractual clauses);
    /// where the locations are not all known, a placeholder for the rest.
    pub fn transfers(&self, voice: Voice) -> Vec<String> {
        let p = voice.prefix();
        let Some(o) = self.b.subject() else {
            return vec![self.placeholder_for(k::EXPORT_WHAT_TRANSFERS)];
        };
        if o.operating_model == OperatingModel::SelfOperated {
            return vec![self.fmt_by_name(
                &format!("{p}.transfers.self"),
                &[("placeholder", &self.placeholder_for(k::EXPORT_WHAT_SERVER_LOCATION))],
            )];
        }
        let processing = o.processing_locations.value();
        let sub = o.subprocessor_locations.value();
        let mut places: Vec<String> = Vec::new();
        for list in [processing, sub].into_iter().flatten() {
            for c in list {
                if !places.iter().any(|p| p.eq_ignore_ascii_case(c)) {
                    places.push(c.clone());
                }
            }
        }
        let mut third: Vec<String> =
            places.iter().filter(|c| !narrowing::is_eea(c)).cloned().collect();
        // A processor seated in a third country receives the data there too.
        if let Some(e) = o.operator.value()
            && !narrowing::is_eea(&e.country)
            && !third.iter().any(|c| c.eq_ignore_ascii_case(&e.country))
        {
            third.push(e.country.clone());
        }
        let all_known = processing.is_some() && sub.is_some();
        let mut out = Vec::new();
        if third.is_empty() && all_known {
            let eea: Vec<String> =
                places.iter().filter(|c| narrowing::is_eea(c)).cloned().collect();
            out.push(self.fmt_by_name(
                &format!("{p}.transfers.none"),
                &[("places", &describe::in_countries(self.t, &eea))],
            ));
            return out;
        }
        let mut scc = false;
        for country in &third {
            let (basis, uses_scc) = self.transfer_basis(o, country);
            scc |= uses_scc;
            out.push(self.fmt(
                k::EXPORT_LEGAL_TRANSFER,
                &[("place", &describe::in_country(self.t, country)), ("basis", &basis)],
            ));
        }
        if !all_known {
            let key = if third.is_empty() {
                k::EXPORT_WHAT_LOCATIONS
            } else {
                k::EXPORT_WHAT_MORE_LOCATIONS
            };
            out.push(self.placeholder(&self.fmt(key, &[("option", self.t.pick(&o.name))])));
        }
        if scc {
            out.push(self.by_name(&format!("{p}.transfers.scc_copy")));
        }
        out
    }

    /// The basis of a transfer to `country`, and whether it rests on standard clauses.
    fn transfer_basis(&self, o: &Offering, country: &str) -> (String, bool) {
        let offered = o.transfer_basis.value();
        let offers = |m: TransferMechanism| offered.is_some_and(|v| v.contains(&m));
        let us = country.eq_ignore_ascii_case("US");
        if us && o.dpf_certified.value() == Some(&true) {
            let dpf = self.get(k::EXPORT_LEGAL_BASIS_DPF);
            if offers(TransferMechanism::Scc) {
                return (self.fmt(k::EXPORT_LEGAL_BASIS_DPF_AND_SCC, &[("dpf", &dpf)]), true);
            }
            return (dpf, false);
        }
        if !us && let Some(decision) = describe::adequacy_decision(self.t, country) {
            return (self.fmt(k::EXPORT_LEGAL_BASIS_ADEQUACY, &[("decision", &decision)]), false);
        }
        if offers(TransferMechanism::Scc) {
            return (self.get(k::EXPORT_LEGAL_BASIS_SCC), true);
        }
        let what = self.fmt(
            k::EXPORT_WHAT_TRANSFER_BASIS,
            &[("place", &describe::in_country(self.t, country))],
        );
        (self.placeholder(&what), false)
    }

    pub fn storage(&self) -> Vec<String> {
        let s = self.b.scenario;
        let mut out =
            vec![self.get(k::EXPORT_STORAGE_CONTENT), self.get(k::EXPORT_STORAGE_METADATA)];
        if s.recording.records() {
            out.push(self.get(k::EXPORT_STORAGE_RECORDING));
        }
        if s.features_needed().contains(&Feature::Chat) {
            out.push(self.get(k::EXPORT_STORAGE_CHAT));
        }
        if s.features_needed().contains(&Feature::DialIn) {
            out.push(self.get(k::EXPORT_STORAGE_DIAL_IN));
        }
        out.push(self.get(k::EXPORT_STORAGE_ACCOUNTS));
        out
    }

    /// The competent supervisory authority, or a placeholder.
    pub fn authority(&self) -> String {
        describe::competent_authority(self.t, self.b.scenario)
            .unwrap_or_else(|| self.placeholder_for(k::EXPORT_WHAT_AUTHORITY))
    }
}
