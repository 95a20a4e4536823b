//! The parts the participant information and the record of processing share: purposes, legal
//! bases per group of people, data categories, recipients, transfers and storage periods, as
//! plain sentences (escaped by the caller). What only the user knows is a marked placeholder.

use crate::describe;
use crate::domain::catalog::{Feature, OperatingModel};
use crate::domain::narrowing::FactField;
use crate::domain::scenario::{DataCategory, LegalRegime, OrgType, Organiser, Participant};
use crate::i18n::Texts;

use super::basis::Basis;
use super::markdown::{self as md, Doc};

pub struct Legal<'a> {
    pub b: &'a Basis<'a>,
    pub t: &'a Texts,
}

impl Legal<'_> {
    /// Writes a list of plain-text items, escaped.
    pub fn write_list(&self, doc: &mut Doc, items: &[String]) {
        let escaped: Vec<String> = items.iter().map(|i| md::text(i)).collect();
        doc.list(&escaped);
    }

    /// The recipients (processor, sub-processors) and the facts behind them: the same block in
    /// the participant notice and the record of processing.
    pub fn write_recipients(&self, doc: &mut Doc) {
        let (recipients, facts) = self.recipients();
        self.write_list(doc, &recipients);
        if !facts.is_empty() {
            doc.paragraph(&md::text(self.t.get("export.notice.recipient_facts")));
            self.write_list(doc, &facts);
        }
    }

    /// Third-country transfers and their basis, as in [`Legal::write_recipients`].
    pub fn write_transfers(&self, doc: &mut Doc) {
        let (intro, transfers) = self.transfers();
        if let Some(intro) = intro {
            doc.paragraph(&md::text(&intro));
        }
        self.write_list(doc, &transfers);
    }

    pub fn get(&self, key: &str) -> String {
        self.t.get(key).to_string()
    }

    pub fn fmt(&self, key: &str, args: &[(&str, &str)]) -> String {
        self.t.fmt(key, args)
    }

    /// `[[TO FILL IN: what]]` / `[[BITTE ERGÄNZEN: what]]`.
    pub fn placeholder(&self, what_key: &str) -> String {
        self.fmt("export.placeholder", &[("what", self.t.get(what_key))])
    }

    /// The user's value, or a placeholder when it is empty.
    pub fn or_placeholder(&self, value: &str, what_key: &str) -> String {
        if value.trim().is_empty() { self.placeholder(what_key) } else { value.to_string() }
    }

    /// The platform's name: the chosen offering, else the top-ranked one marked provisional.
    pub fn platform(&self) -> String {
        match (self.b.decision, self.b.subject()) {
            (Some(_), Some(o)) => self.t.pick(&o.name).to_string(),
            (None, Some(o)) => {
                self.fmt("export.legal.platform_provisional", &[("option", self.t.pick(&o.name))])
            }
            (_, None) => self.placeholder("export.what.platform"),
        }
    }

    pub fn is_public(&self) -> bool {
        let s = self.b.scenario;
        s.public_body() || matches!(s.org_type, OrgType::PublicBody | OrgType::School)
    }

    pub fn purposes(&self) -> Vec<String> {
        self.b.scenario.purposes.iter().map(|p| self.get(p.key())).collect()
    }

    /// Legal bases per group of people, as fits the organisation.
    pub fn legal_bases(&self) -> Vec<String> {
        let s = self.b.scenario;
        let mut out = Vec::new();
        if self.is_public() {
            out.push(self.get("export.legal.public_task"));
            if s.org_type == OrgType::School || s.participants.contains(&Participant::Pupils) {
                out.push(self.get("export.legal.school"));
            }
        } else {
            out.push(self.get("export.legal.contract"));
            out.push(self.get("export.legal.legitimate"));
        }
        let employees = s.participants.contains(&Participant::Staff)
            || s.organisers.contains(&Organiser::Staff)
            || s.organisers.contains(&Organiser::Teachers);
        if employees {
            out.push(self.get(if self.is_public() {
                "export.legal.employees_public"
            } else {
                "export.legal.employees"
            }));
        }
        if self.special_categories() {
            out.push(self.get("export.legal.special"));
        }
        if s.social_data() {
            out.push(self.get("export.legal.social"));
        }
        if s.required_features.contains(&Feature::Recording) {
            out.push(self.get("export.legal.recording"));
        }
        if matches!(s.regime(), LegalRegime::ChurchKdg | LegalRegime::ChurchDsgEkd) {
            out.push(self.fmt("export.legal.church", &[("law", self.t.get(s.regime().key()))]));
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
            self.get("export.data.master"),
            self.get("export.data.meeting"),
            self.get("export.data.content"),
        ];
        if s.required_features.contains(&Feature::DialIn) {
            out.push(self.get("export.data.dial_in"));
        }
        if s.required_features.contains(&Feature::Recording) {
            out.push(self.get("export.data.recording"));
        }
        if self.special_categories() {
            out.push(self.get("export.data.special"));
        }
        if s.data.contains(&DataCategory::ChildrensData)
            || s.participants.contains(&Participant::Pupils)
        {
            out.push(self.get("export.data.children"));
        }
        if s.social_data() {
            out.push(self.get("export.data.social"));
        }
        if s.professional_secrecy() || s.data.contains(&DataCategory::ProfessionalSecrets) {
            out.push(self.get("export.data.secrets"));
        }
        out
    }

    /// The people whose data are processed: organisers and participants.
    pub fn data_subjects(&self) -> Vec<String> {
        let s = self.b.scenario;
        let mut out: Vec<String> = s.organisers.iter().map(|o| self.get(o.key())).collect();
        for p in &s.participants {
            let label = self.get(p.key());
            if !out.contains(&label) {
                out.push(label);
            }
        }
        out
    }

    /// Recipients: the other participants, and the operator with what the facts say about its
    /// parent, processing and sub-processor locations.
    pub fn recipients(&self) -> (Vec<String>, Vec<String>) {
        let mut main = vec![self.get("export.recipients.participants")];
        let mut facts = Vec::new();
        match self.b.subject() {
            None => main.push(self.placeholder("export.what.processor")),
            Some(o) if o.operating_model == OperatingModel::SelfOperated => {
                main.push(self.get("export.recipients.self"));
            }
            Some(o) => {
                main.push(self.fmt(
                    "export.recipients.processor",
                    &[
                        ("option", self.t.pick(&o.name)),
                        ("model", self.t.get(o.operating_model.key())),
                    ],
                ));
                // Locations follow under transfers.
                for field in [FactField::Operator, FactField::Parent] {
                    facts.push(self.fact(o, field));
                }
                main.push(self.placeholder("export.what.subprocessors"));
            }
        }
        (main, facts)
    }

    /// Transfers to third countries as the facts of the assessment show them: an introduction
    /// (for an external operator) and the items.
    pub fn transfers(&self) -> (Option<String>, Vec<String>) {
        let as_of = self.b.as_of.to_string();
        match self.b.subject() {
            None => (None, vec![self.placeholder("export.what.transfers")]),
            Some(o) if o.operating_model == OperatingModel::SelfOperated => {
                (None, vec![self.get("export.transfers.self")])
            }
            Some(o) => {
                let mut items: Vec<String> = [
                    FactField::ProcessingLocations,
                    FactField::SubprocessorLocations,
                    FactField::DpfCertified,
                    FactField::TransferBasis,
                ]
                .iter()
                .map(|f| self.fact(o, *f))
                .collect();
                items.push(self.get("export.transfers.check"));
                (Some(self.fmt("export.transfers.intro", &[("date", &as_of)])), items)
            }
        }
    }

    /// "Label: value – provenance" for one fact of an offering.
    pub fn fact(&self, o: &crate::domain::catalog::Offering, field: FactField) -> String {
        let label = describe::fact_label(self.t, field);
        let value = describe::fact_value(self.t, o, field);
        match describe::provenance(self.t, &self.b.catalog, o, field) {
            Some(p) => self.fmt(
                "export.record.facts.item",
                &[("label", &label), ("value", &value), ("provenance", &p)],
            ),
            None => {
                self.fmt("export.record.facts.item_plain", &[("label", &label), ("value", &value)])
            }
        }
    }

    pub fn storage(&self) -> Vec<String> {
        let s = self.b.scenario;
        let mut out = vec![self.get("export.storage.content"), self.get("export.storage.metadata")];
        if s.required_features.contains(&Feature::Recording) {
            out.push(self.get("export.storage.recording"));
        }
        if s.required_features.contains(&Feature::Chat) {
            out.push(self.get("export.storage.chat"));
        }
        out.push(self.get("export.storage.accounts"));
        out
    }
}
