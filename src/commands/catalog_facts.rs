//! Every fact of the catalogue as one flat list: the data behind `catalog --json` and
//! `catalog --stats`.
//!
//! The facts are found by walking the serialised offering, so a field added to the catalogue
//! model is listed here without a change: a node is a fact when it has the shape of
//! `Fact<T>` (`{"Known": {value, source, as_of, certainty}}`, `{"Unknown": {note}}` or
//! `"NotApplicable"`).

use jiff::civil::Date;
use serde_json::{Map, Value, json};

use crate::domain::catalog::{Catalog, Offering, SourceKind};
use crate::domain::facts::{AsOf, STALE_AFTER_MONTHS};

/// Top-level offering fields that describe the offering rather than state a fact.
const DESCRIPTIVE: [&str; 7] =
    ["id", "name", "product", "operating_model", "authority_positions", "settings", "notes"];

/// Facts that stay true however the provider's terms change (who it is, its licence, its apps,
/// its certification as recorded with its own date): everything else goes stale after
/// [`STALE_AFTER_MONTHS`].
const NOT_CHANGEABLE: [&str; 7] =
    ["operator", "parent", "open_source", "licence", "apps", "kbv_listed", "availability"];

/// Fields that can exclude an offering or decide its rank: the floors of the catalogue's
/// coverage are measured on these.
pub const EXCLUSION_DRIVING: [&str; 12] = [
    "operator",
    "processing_locations",
    "subprocessor_locations",
    "dpf_certified",
    "transfer_basis",
    "dpa",
    "own_purpose",
    "e2ee",
    "browser_join",
    "max_participants",
    "kbv_listed",
    "features.DialIn",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    Known,
    Unknown,
    NotApplicable,
}

impl State {
    pub fn id(self) -> &'static str {
        match self {
            State::Known => "known",
            State::Unknown => "unknown",
            State::NotApplicable => "not_applicable",
        }
    }
}

/// One fact of one offering.
#[derive(Clone, Debug)]
pub struct FactEntry {
    /// Field path, e.g. `operator`, `e2ee.browser_join`, `features.DialIn`.
    pub path: String,
    pub state: State,
    /// The value (Known), with nested facts flattened into the same shape as this entry.
    pub value: Option<Value>,
    pub source: Option<String>,
    pub as_of: Option<AsOf>,
    pub certainty: Option<String>,
    pub note: Option<Value>,
}

impl FactEntry {
    /// Whether the fact is of a kind that changes and its date is older than the limit.
    pub fn is_stale(&self, today: Date) -> bool {
        let top = self.path.split('.').next().unwrap_or_default();
        !NOT_CHANGEABLE.contains(&top)
            && self.as_of.is_some_and(|a| a.is_older_than(STALE_AFTER_MONTHS, today))
    }

    /// Known, and from a source that is not secondary (vendor, authority, law, certification).
    pub fn is_primary(&self, catalog: &Catalog) -> bool {
        self.source
            .as_deref()
            .and_then(|key| catalog.sources.get(key))
            .is_some_and(|s| !matches!(s.kind, SourceKind::Secondary | SourceKind::Unclassified))
    }

    pub fn to_json(&self, catalog: &Catalog, today: Date) -> Value {
        let mut out = Map::new();
        out.insert("field".into(), json!(self.path));
        out.insert("state".into(), json!(self.state.id()));
        if let Some(value) = &self.value {
            out.insert("value".into(), value.clone());
        }
        if let Some(key) = &self.source {
            out.insert("source".into(), source_json(catalog, key));
        }
        if let Some(as_of) = self.as_of {
            out.insert("as_of".into(), json!(as_of.to_string()));
            out.insert("stale".into(), json!(self.is_stale(today)));
        }
        if let Some(certainty) = &self.certainty {
            out.insert("certainty".into(), json!(certainty));
        }
        if let Some(note) = &self.note {
            out.insert("note".into(), note.clone());
        }
        Value::Object(out)
    }
}

/// A source by key, as JSON: key, title, URL and kind (`null` fields for an unlisted key).
pub fn source_json(catalog: &Catalog, key: &str) -> Value {
    match catalog.sources.get(key) {
        Some(s) => json!({"key": key, "title": s.title, "url": s.url, "kind": s.kind}),
        None => json!({"key": key, "title": null, "url": null, "kind": null}),
    }
}

/// Every fact of an offering, in catalogue order.
pub fn facts_of(offering: &Offering) -> Vec<FactEntry> {
    let Ok(Value::Object(fields)) = serde_json::to_value(offering) else {
        return Vec::new();
    };
    let mut entries = Vec::new();
    for (name, value) in fields {
        if DESCRIPTIVE.contains(&name.as_str()) {
            continue;
        }
        if name == "features" {
            if let Value::Object(features) = value {
                for (feature, fact) in features {
                    walk(&format!("features.{feature}"), fact, &mut entries);
                }
            }
        } else {
            walk(&name, value, &mut entries);
        }
    }
    entries
}

/// Records the fact at `path` (and the facts nested in its value) and returns the flattened
/// value for its parent, or `None` if `node` is no fact.
fn walk(path: &str, node: Value, entries: &mut Vec<FactEntry>) -> Option<Value> {
    let entry = match node {
        Value::String(s) if s == "NotApplicable" => FactEntry {
            path: path.to_string(),
            state: State::NotApplicable,
            value: None,
            source: None,
            as_of: None,
            certainty: None,
            note: None,
        },
        Value::Object(mut map) if map.len() == 1 && map.contains_key("Unknown") => {
            let mut inner = map.remove("Unknown")?;
            FactEntry {
                path: path.to_string(),
                state: State::Unknown,
                value: None,
                source: None,
                as_of: None,
                certainty: None,
                note: inner.get_mut("note").map(Value::take),
            }
        }
        Value::Object(mut map) if map.len() == 1 && map.contains_key("Known") => {
            let Value::Object(mut known) = map.remove("Known")? else { return None };
            // Record this fact before the facts nested in its value, so that the order reads
            // `e2ee`, `e2ee.browser_join`, `e2ee.max_participants`.
            let index = entries.len();
            let value = known.remove("value").map(|v| flatten_nested(path, v, entries));
            let text = |v: Option<Value>| v.and_then(|v| v.as_str().map(str::to_string));
            let as_of = text(known.remove("as_of")).and_then(|s| AsOf::parse(&s).ok());
            let entry = FactEntry {
                path: path.to_string(),
                state: State::Known,
                value,
                source: text(known.remove("source")),
                as_of,
                certainty: text(known.remove("certainty")),
                note: known.remove("note").filter(|n| !n.is_null()),
            };
            entries.insert(index, entry.clone());
            return Some(entry_summary(&entry));
        }
        _ => return None,
    };
    let summary = entry_summary(&entry);
    entries.push(entry);
    Some(summary)
}

/// Inside a Known value (E2EE conditions), nested facts become entries of their own.
fn flatten_nested(path: &str, value: Value, entries: &mut Vec<FactEntry>) -> Value {
    match value {
        Value::Object(map) => {
            let mut out = Map::new();
            for (key, inner) in map {
                let nested_path = format!("{path}.{key}");
                let before = entries.len();
                match walk(&nested_path, inner.clone(), entries) {
                    Some(summary) => {
                        out.insert(key, summary);
                    }
                    None => {
                        entries.truncate(before);
                        out.insert(key, inner);
                    }
                }
            }
            Value::Object(out)
        }
        other => other,
    }
}

/// The short form of a nested fact inside its parent's value: state and value.
fn entry_summary(entry: &FactEntry) -> Value {
    match &entry.value {
        Some(value) => json!({"state": entry.state.id(), "value": value}),
        None => json!({"state": entry.state.id()}),
    }
}

/// Coverage of one field over a set of offerings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldStats {
    pub known: usize,
    pub unknown: usize,
    pub not_applicable: usize,
    /// Known facts from a vendor, authority, law or certification source.
    pub primary: usize,
    /// Known facts of a changeable kind older than the staleness limit.
    pub stale: usize,
}

impl FieldStats {
    pub fn add(&mut self, entry: &FactEntry, catalog: &Catalog, today: Date) {
        match entry.state {
            State::Known => {
                self.known += 1;
                if entry.is_primary(catalog) {
                    self.primary += 1;
                }
                if entry.is_stale(today) {
                    self.stale += 1;
                }
            }
            State::Unknown => self.unknown += 1,
            State::NotApplicable => self.not_applicable += 1,
        }
    }

    /// Known among the facts that apply (not-applicable ones left out), in per cent.
    pub fn known_share(&self) -> Option<u32> {
        percent(self.known, self.known + self.unknown)
    }

    pub fn primary_share(&self) -> Option<u32> {
        percent(self.primary, self.known)
    }
}

fn percent(part: usize, whole: usize) -> Option<u32> {
    (whole > 0).then(|| ((part * 100 + whole / 2) / whole) as u32)
}

/// Per field path, in first-seen order.
pub fn field_stats(
    catalog: &Catalog,
    offerings: &[&Offering],
    today: Date,
) -> Vec<(String, FieldStats)> {
    let mut out: Vec<(String, FieldStats)> = Vec::new();
    for offering in offerings {
        for entry in facts_of(offering) {
            let slot = match out.iter().position(|(p, _)| *p == entry.path) {
                Some(i) => i,
                None => {
                    out.push((entry.path.clone(), FieldStats::default()));
                    out.len() - 1
                }
            };
            out[slot].1.add(&entry, catalog, today);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalog::parse;

    fn fixture() -> Catalog {
        parse(include_str!("../../tests/fixtures/catalog.ron")).expect("fixture parses")
    }

    #[test]
    fn every_fact_is_found_with_its_state_and_nested_facts_follow_their_parent() {
        let catalog = fixture();
        let offering = &catalog.offerings[0];
        let facts = facts_of(offering);
        let paths: Vec<&str> = facts.iter().map(|f| f.path.as_str()).collect();
        assert!(paths.contains(&"operator"), "{paths:?}");
        assert!(paths.contains(&"kbv_listed"), "{paths:?}");
        assert!(!paths.contains(&"name") && !paths.contains(&"notes"), "{paths:?}");
        if let Some(i) = paths.iter().position(|p| *p == "e2ee")
            && facts[i].state == State::Known
        {
            assert_eq!(paths.get(i + 1), Some(&"e2ee.browser_join"), "{paths:?}");
        }
        assert!(paths.iter().any(|p| p.starts_with("features.")), "{paths:?}");
        let known = facts.iter().filter(|f| f.state == State::Known);
        assert!(known.clone().all(|f| f.source.is_some() && f.as_of.is_some()));
    }

    #[test]
    fn staleness_counts_only_changeable_facts() {
        let today = Date::constant(2026, 12, 2);
        let old = |path: &str| FactEntry {
            path: path.into(),
            state: State::Known,
            value: None,
            source: None,
            as_of: AsOf::parse("2020-07").ok(),
            certainty: None,
            note: None,
        };
        assert!(old("dpa").is_stale(today));
        assert!(old("e2ee.max_participants").is_stale(today));
        assert!(!old("operator").is_stale(today));
        assert!(!old("licence").is_stale(today));
        let fresh = FactEntry { as_of: AsOf::parse("2026-01").ok(), ..old("dpa") };
        assert!(!fresh.is_stale(today));
    }

    #[test]
    fn shares_round_and_leave_out_what_does_not_apply() {
        let stats = FieldStats { known: 2, unknown: 1, not_applicable: 5, primary: 1, stale: 0 };
        assert_eq!(stats.known_share(), Some(67));
        assert_eq!(stats.primary_share(), Some(50));
        assert_eq!(FieldStats::default().known_share(), None);
    }
}
