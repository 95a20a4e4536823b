//! Small pieces of wording the documents share: dates for readers, short exclusion reasons,
//! facts in words with country names, licences in the reader's language.

use crate::i18n::k;
use jiff::civil::Date;

use crate::describe;
use crate::domain::catalog::{Browser, Entity, Offering};
use crate::domain::facts::{AsOf, Certainty, Fact};
use crate::domain::narrowing::{FactField, KnockOut, KnockOutDetail};
use crate::i18n::{Lang, Texts};

/// "2. Dezember 2026" / "2 December 2026": the date as a reader writes it.
pub fn long_date(texts: &Texts, date: Date) -> String {
    let month = texts.get(match date.month() {
        1 => k::MONTH_1,
        2 => k::MONTH_2,
        3 => k::MONTH_3,
        4 => k::MONTH_4,
        5 => k::MONTH_5,
        6 => k::MONTH_6,
        7 => k::MONTH_7,
        8 => k::MONTH_8,
        9 => k::MONTH_9,
        10 => k::MONTH_10,
        11 => k::MONTH_11,
        _ => k::MONTH_12,
    });
    texts.fmt(
        k::DATE_LONG,
        &[("day", &date.day().to_string()), ("month", month), ("year", &date.year().to_string())],
    )
}

/// An English sentence continued after "because": its first word in lower case unless it is a
/// name (the offering's, its product's or an entity's) or an abbreviation. German sentences and
/// names stay as they are.
pub fn continued(texts: &Texts, sentence: &str, names: &[&str]) -> String {
    let sentence = sentence.trim_end_matches('.');
    if texts.lang != Lang::En || names.iter().any(|n| !n.is_empty() && sentence.starts_with(n)) {
        return sentence.to_string();
    }
    let first_word = sentence.split([' ', ':', ',']).next().unwrap_or("");
    let mut chars = first_word.chars();
    let initial_only = chars.next().is_some_and(char::is_uppercase)
        && chars.all(|c| c.is_lowercase() || c == '-' || c == '\'');
    let next_word_lower =
        sentence.split(' ').nth(1).and_then(|w| w.chars().next()).is_none_or(|c| !c.is_uppercase());
    if initial_only && next_word_lower {
        let mut out: String = first_word.to_lowercase();
        out.push_str(&sentence[first_word.len()..]);
        out
    } else {
        sentence.to_string()
    }
}

/// A label inside an English sentence: "Processing locations" becomes "processing locations";
/// abbreviations ("DPF certification") and German nouns stay.
pub fn in_sentence(texts: &Texts, label: &str) -> String {
    continued(texts, label, &[])
}

/// Fact labels as a list, with required features gathered under one word: "Verarbeitungsorte
/// und die Funktionen Bildschirmfreigabe und Warteraum".
pub fn facts_named(texts: &Texts, facts: &[FactField]) -> String {
    let mut labels: Vec<String> = Vec::new();
    let mut features: Vec<&str> = Vec::new();
    for field in facts {
        match field {
            FactField::Feature(f) => features.push(texts.by_name(f.key())),
            other => labels.push(in_sentence(texts, &describe::fact_label(texts, *other))),
        }
    }
    match features.len() {
        0 => {}
        1 => labels.push(texts.fmt(k::EXPORT_FACTS_FEATURE, &[("feature", features[0])])),
        _ => {
            labels.push(texts.fmt(
                k::EXPORT_FACTS_FEATURES,
                &[("features", &describe::and_list(texts, &features))],
            ))
        }
    }
    describe::and_list(texts, &labels)
}

/// "Stand 2024-08, Vertrag" / "undatiert, erfasst 2025, Angabe des Anbieters".
pub fn when(texts: &Texts, as_of: &AsOf, certainty: Certainty) -> String {
    let plain = AsOf { undated: false, ..*as_of }.to_string();
    let key = if as_of.undated { k::EXPORT_WHEN_UNDATED } else { k::EXPORT_WHEN };
    texts.fmt(key, &[("date", &plain), ("certainty", texts.by_name(certainty.key()))])
}

/// Fact labels in the fewest words, for the compact table ("AVV, eigene Zwecke, E2EE").
pub fn facts_short(texts: &Texts, facts: &[FactField]) -> String {
    let labels: Vec<String> = facts
        .iter()
        .map(|field| match field {
            FactField::Feature(f) => texts.by_name(f.key()).to_string(),
            other => {
                let key = format!("export.short.{}", short_id(*other));
                if texts.has(&key) {
                    texts.by_name(&key).to_string()
                } else {
                    in_sentence(texts, &describe::fact_label(texts, *other))
                }
            }
        })
        .collect();
    labels.join(", ")
}

fn short_id(field: FactField) -> &'static str {
    match field {
        FactField::Operator => "operator",
        FactField::Parent => "parent",
        FactField::ProcessingLocations => "processing_locations",
        FactField::SubprocessorLocations => "subprocessor_locations",
        FactField::DpfCertified => "dpf_certified",
        FactField::TransferBasis => "transfer_basis",
        FactField::Dpa => "dpa",
        FactField::OwnPurpose => "own_purpose",
        FactField::E2ee => "e2ee",
        FactField::E2eeBrowserJoin => "e2ee_browser_join",
        FactField::E2eeMaxParticipants => "e2ee_max_participants",
        FactField::BrowserJoin => "browser_join",
        FactField::MaxParticipants => "max_participants",
        FactField::KbvListed => "kbv_listed",
        _ => "other",
    }
}

/// Why an offering is excluded, in a few words: the rule's name and the values that decided.
pub fn short_knockout(texts: &Texts, knockout: &KnockOut) -> String {
    let rule = describe::rule(texts, knockout.rule);
    let detail = match &knockout.detail {
        KnockOutDetail::Countries { countries, .. } => texts
            .fmt(k::EXPORT_KO_COUNTRIES, &[("places", &describe::in_countries(texts, countries))]),
        KnockOutDetail::Browsers { missing, under_e2ee } if missing.len() == Browser::ALL.len() => {
            let key =
                if *under_e2ee { k::EXPORT_KO_NO_BROWSER_E2EE } else { k::EXPORT_KO_NO_BROWSER };
            texts.get(key).to_string()
        }
        KnockOutDetail::Browsers { missing, under_e2ee } => {
            let names: Vec<&str> = missing.iter().map(|b| texts.by_name(b.key())).collect();
            let key = if *under_e2ee { k::EXPORT_KO_BROWSERS_E2EE } else { k::EXPORT_KO_BROWSERS };
            texts.fmt(key, &[("browsers", &describe::and_list(texts, &names))])
        }
        KnockOutDetail::Participants { needed, max, under_e2ee } => {
            let key = if *under_e2ee { k::EXPORT_KO_SIZE_E2EE } else { k::EXPORT_KO_SIZE };
            texts.fmt(key, &[("needed", &needed.to_string()), ("max", &max.to_string())])
        }
        KnockOutDetail::Feature { feature, under_e2ee } => {
            let key = if *under_e2ee { k::EXPORT_KO_FEATURE_E2EE } else { k::EXPORT_KO_FEATURE };
            texts.fmt(key, &[("feature", texts.by_name(feature.key()))])
        }
        KnockOutDetail::NoBrowser { under_e2ee } => {
            let key =
                if *under_e2ee { k::EXPORT_KO_NO_BROWSER_E2EE } else { k::EXPORT_KO_NO_BROWSER };
            texts.get(key).to_string()
        }
        KnockOutDetail::Control { operator: true, .. } => {
            texts.get(k::EXPORT_KO_US_OPERATOR).to_string()
        }
        KnockOutDetail::Control { .. } => texts.get(k::EXPORT_KO_US_PARENT).to_string(),
        KnockOutDetail::Availability { .. } => String::new(),
        KnockOutDetail::Plain => String::new(),
    };
    if detail.is_empty() {
        rule
    } else {
        texts.fmt(k::EXPORT_KO_RULE_DETAIL, &[("rule", &rule), ("detail", &detail)])
    }
}

/// "NETWAYS Managed Services GmbH (Deutschland)".
pub fn entity(texts: &Texts, entity: &Entity) -> String {
    texts.fmt(
        k::EXPORT_ENTITY,
        &[("name", &entity.name), ("country", &describe::country(texts, &entity.country))],
    )
}

/// A licence as the catalogue writes it ("AGPL-3.0 (apps), proprietary (server)"), with its
/// words in the reader's language; licence names (SPDX identifiers) stay.
pub fn licence(texts: &Texts, licence: &str) -> String {
    let mut out = licence.to_string();
    for word in ["proprietary", "clients", "client", "server", "apps", "web"] {
        let key = format!("licence.word.{word}");
        if texts.has(&key) {
            out = replace_word(&out, word, texts.by_name(&key));
        }
    }
    out
}

/// Replaces whole words only (letters on neither side).
fn replace_word(text: &str, word: &str, by: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(word) {
        let before = rest[..i].chars().next_back();
        let after = rest[i + word.len()..].chars().next();
        out.push_str(&rest[..i]);
        if before.is_some_and(char::is_alphabetic) || after.is_some_and(char::is_alphabetic) {
            out.push_str(word);
        } else {
            out.push_str(by);
        }
        rest = &rest[i + word.len()..];
    }
    out.push_str(rest);
    out
}

/// The value of a known fact in words, with country names instead of codes; `None` when the
/// fact is unknown or does not apply.
pub fn fact_value(texts: &Texts, offering: &Offering, field: FactField) -> Option<String> {
    let countries = |fact: &Fact<Vec<String>>| {
        fact.value().map(|list| {
            if list.is_empty() {
                texts.get(k::EXPORT_FACT_NONE).to_string()
            } else {
                describe::countries_named(texts, list)
            }
        })
    };
    match field {
        FactField::Operator => offering.operator.value().map(|e| entity(texts, e)),
        FactField::Parent => offering.parent.value().map(|e| entity(texts, e)),
        FactField::ProcessingLocations => countries(&offering.processing_locations),
        FactField::SubprocessorLocations => countries(&offering.subprocessor_locations),
        FactField::Licence => offering.licence.value().map(|l| licence(texts, l)),
        other => {
            let known = match other {
                FactField::OperatingModel => true,
                _ => offering.fact(other).provenance().is_some(),
            };
            known.then(|| describe::fact_value(texts, offering, other))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_sentences_continue_in_lower_case_unless_they_start_with_a_name() {
        let en = Texts::embedded(Lang::En);
        let de = Texts::embedded(Lang::De);
        let names = ["Zoom", "Zoom Video Communications, Inc."];
        assert_eq!(
            continued(&en, "A data processing agreement is standard.", &names),
            "a data processing agreement is standard"
        );
        assert_eq!(continued(&en, "Zoom processes data.", &names), "Zoom processes data");
        assert_eq!(continued(&en, "Open Source: yes", &names), "Open Source: yes");
        assert_eq!(continued(&en, "DPF certification", &names), "DPF certification");
        assert_eq!(continued(&de, "Ein Vertrag ist Standard.", &names), "Ein Vertrag ist Standard");
    }

    #[test]
    fn licences_speak_the_readers_language() {
        let de = Texts::embedded(Lang::De);
        assert_eq!(
            licence(&de, "AGPL-3.0 (apps), proprietary (server)"),
            "AGPL-3.0 (Apps), proprietär (Server)"
        );
        assert_eq!(licence(&de, "Apache-2.0"), "Apache-2.0");
        let en = Texts::embedded(Lang::En);
        assert_eq!(licence(&en, "proprietary"), "proprietary");
    }

    #[test]
    fn dates_read_as_dates() {
        let de = Texts::embedded(Lang::De);
        let en = Texts::embedded(Lang::En);
        assert_eq!(long_date(&de, Date::constant(2026, 12, 2)), "2. Dezember 2026");
        assert_eq!(long_date(&en, Date::constant(2026, 3, 21)), "21 March 2026");
    }
}
