//! The decision record's appendix: the facts an offering was judged on, with their dates and
//! numbered sources, and the authorities' positions. By default for the chosen offering and the
//! runner-up; with `--full` for every offering the record knows.

use crate::describe;
use crate::domain::catalog::Offering;
use crate::domain::facts::{STALE_AFTER_MONTHS, Text};
use crate::domain::narrowing::{self, FactField};
use crate::domain::scenario::Scenario;
use crate::i18n::Texts;
use crate::i18n::k;

use super::basis::Basis;
use super::cite::Citations;
use super::markdown::{self as md, Doc};
use super::words;

pub struct Appendix<'a> {
    pub b: &'a Basis<'a>,
    pub t: &'a Texts,
    pub sources: &'a Citations,
    /// The catalogue's notes on known facts too (by default only for the chosen offering).
    pub notes: bool,
}

/// The fields the appendix lists for a scenario, in catalogue order: the legal facts always,
/// the technical ones where a requirement or a light of this scenario rests on them.
fn fields(s: &Scenario) -> Vec<FactField> {
    let mut fields = vec![
        FactField::Operator,
        FactField::Parent,
        FactField::ProcessingLocations,
        FactField::SubprocessorLocations,
        FactField::DpfCertified,
        FactField::TransferBasis,
        FactField::Dpa,
        FactField::OwnPurpose,
        FactField::OpenSource,
        FactField::Licence,
        FactField::E2ee,
    ];
    if s.e2ee() {
        fields.extend([FactField::E2eeBrowserJoin, FactField::E2eeMaxParticipants]);
    }
    fields.extend([FactField::BrowserJoin, FactField::MaxParticipants]);
    fields.extend(s.features_needed().into_iter().map(FactField::Feature));
    if s.asks_statutory_insurance() {
        fields.push(FactField::KbvListed);
    }
    fields.push(FactField::Availability);
    fields
}

impl Appendix<'_> {
    /// One H4 per offering with its facts and positions.
    pub fn offering(&self, doc: &mut Doc, offering: &Offering, heading: &str) {
        doc.heading(4, &md::text(heading));
        let mut items = Vec::new();
        // Facts no source documents, gathered by what the catalogue says is missing.
        let mut unknown: Vec<(String, Vec<FactField>)> = Vec::new();
        for field in fields(self.b.scenario) {
            // Whether a US recipient is certified matters only where data go to the US.
            let us =
                narrowing::third_countries(offering).iter().any(|c| c.eq_ignore_ascii_case("US"));
            if field == FactField::DpfCertified && !offering.dpf_certified.is_known() && !us {
                continue;
            }
            // The catalogue's notes only with `--full` (they say what is known beyond the value
            // and what to ask); the default appendix names what is not documented.
            if let Some(line) = self.fact_line(offering, field, self.notes) {
                items.push(md::text(&line));
            } else if let Some(note) = unknown_note(offering, field) {
                let note = if self.notes {
                    self.cited(self.t.pick(note).trim_end_matches('.'))
                } else {
                    String::new()
                };
                match unknown.iter_mut().find(|(n, _)| *n == note) {
                    Some((_, fields)) => fields.push(field),
                    None => unknown.push((note, vec![field])),
                }
            }
        }
        for (note, fields) in unknown {
            let facts = words::facts_named(self.t, &fields);
            let line = if note.is_empty() {
                self.t.fmt(k::EXPORT_RECORD_FACTS_UNKNOWN, &[("facts", &facts)])
            } else {
                self.t
                    .fmt(k::EXPORT_RECORD_FACTS_UNKNOWN_NOTE, &[("facts", &facts), ("note", &note)])
            };
            items.push(md::text(&line));
        }
        if items.is_empty() {
            doc.paragraph(&md::text(self.t.get(k::EXPORT_RECORD_FACTS_NONE)));
        }
        doc.list(&items);
        // Authorities' positions with `--full` (the light "supervisory authorities' view" sums
        // them up in the pros and cons).
        let positions: Vec<String> = if self.notes {
            offering.authority_positions.iter().collect::<Vec<_>>()
        } else {
            Vec::new()
        }
        .into_iter()
        .map(|p| md::text(&self.position(offering, p)))
        .collect();
        if !positions.is_empty() {
            doc.paragraph(&md::text(self.t.get(k::EXPORT_RECORD_POSITIONS_INTRO)));
            doc.list(&positions);
        }
    }

    /// "Label: value (as of, certainty) [n]" for a known fact; nothing otherwise.
    fn fact_line(&self, offering: &Offering, field: FactField, notes: bool) -> Option<String> {
        let label = describe::fact_label(self.t, field);
        if field == FactField::Availability && offering.availability.is_not_applicable() {
            return None;
        }
        match words::fact_value(self.t, offering, field) {
            Some(value) => {
                let line = match offering.fact(field).provenance() {
                    Some(p) => {
                        let mut when = words::when(self.t, &p.as_of, p.certainty);
                        if field.changeable()
                            && p.as_of.is_older_than(STALE_AFTER_MONTHS, self.b.as_of)
                        {
                            when = self.t.fmt(k::EXPORT_RECORD_FACTS_STALE, &[("when", &when)]);
                        } else if field.changeable()
                            && p.as_of.is_older_than(STALE_AFTER_MONTHS, self.b.today)
                        {
                            when = self.t.fmt(k::EXPORT_RECORD_FACTS_STALE_NOW, &[("when", &when)]);
                        }
                        let note = p
                            .note
                            .filter(|_| notes)
                            .map(|n| self.cited(self.t.pick(n).trim_end_matches('.')));
                        let base = self.t.fmt(
                            k::EXPORT_RECORD_FACTS_ITEM,
                            &[("label", &label), ("value", &value), ("when", &when)],
                        );
                        let base = match note.filter(|n| !n.is_empty()) {
                            Some(n) => self.t.fmt(
                                k::EXPORT_RECORD_FACTS_WITH_NOTE,
                                &[("fact", &base), ("note", &n)],
                            ),
                            None => base,
                        };
                        format!("{base}{}", self.sources.cite(p.source))
                    }
                    None => self.t.fmt(
                        k::EXPORT_RECORD_FACTS_ITEM_PLAIN,
                        &[("label", &label), ("value", &value)],
                    ),
                };
                Some(line)
            }
            None => None,
        }
    }

    /// A catalogue note with the source keys it names in brackets ("(kbv-list-2024)") turned
    /// into numbered citations ("[3]"), so that no key reaches the reader.
    fn cited(&self, note: &str) -> String {
        let mut out = note.to_string();
        for key in self.b.catalog.sources.keys() {
            let named = format!("({key})");
            if out.contains(&named) {
                let number = self.sources.cite(key);
                out = out.replace(&format!(" {named}"), &number).replace(&named, number.trim());
            }
        }
        out
    }

    fn position(
        &self,
        offering: &Offering,
        p: &crate::domain::catalog::AuthorityPosition,
    ) -> String {
        let line = self.t.fmt(
            k::EXPORT_RECORD_POSITION,
            &[
                ("authority", self.t.by_name(p.authority.key())),
                ("edition", &p.edition),
                ("date", &describe::as_of(self.t, &p.date)),
                ("option", self.t.pick(&offering.name)),
                ("verdict", self.t.by_name(p.verdict.key())),
                ("summary", self.t.pick(&p.summary).trim_end_matches('.')),
                ("scope", self.t.pick(&p.scope).trim_end_matches('.')),
            ],
        );
        let line = if p.historical {
            self.t.fmt(k::EXPORT_RECORD_POSITION_HISTORICAL, &[("position", &line)])
        } else {
            line
        };
        format!("{line}{}", self.sources.cite(&p.source))
    }

    /// The numbered list of every source cited above.
    pub fn sources(&self, doc: &mut Doc) {
        doc.heading(3, &md::text(self.t.get(k::EXPORT_RECORD_H_SOURCES)));
        if self.sources.is_empty() {
            doc.paragraph(&md::text(self.t.get(k::EXPORT_RECORD_SOURCES_NONE)));
            return;
        }
        doc.ordered_list(&self.sources.items(&self.b.catalog, self.t, !self.notes));
    }
}

/// The note of an unknown fact (what is missing, what to ask): empty when the catalogue gives
/// none; `None` when the fact is known or does not apply.
fn unknown_note(o: &Offering, field: FactField) -> Option<&Text> {
    static EMPTY: std::sync::OnceLock<Text> = std::sync::OnceLock::new();
    let fact = o.fact(field);
    if !fact.is_unknown()
        || matches!(field, FactField::OperatingModel | FactField::AuthorityPositions)
    {
        return None;
    }
    Some(fact.note().unwrap_or_else(|| EMPTY.get_or_init(Text::default)))
}
