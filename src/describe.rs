//! Turns the domain's structured values (rule ids, facts, answers, to-dos) into German or English
//! sentences, once, for the wizard, `show` and the exporter alike — so all say the same thing.

use crate::domain::catalog::{Catalog, Offering};
use crate::domain::narrowing::{AnswerId, CriterionId, FactField, KnockOut, Light, Rating, WhatIf};
use crate::domain::scenario::Scenario;
use crate::domain::todos::{Todo, TodoId};
use crate::i18n::Texts;

/// The offering's display name, or the id with a marker when the catalogue no longer has it.
pub fn offering_name(texts: &Texts, catalog: &Catalog, id: &str) -> String {
    match catalog.offering(id) {
        Some(o) => texts.pick(&o.name).to_string(),
        None => id.to_string(),
    }
}

/// One sentence: why `offering` is excluded by `knockout`.
pub fn knockout(texts: &Texts, offering: &Offering, knockout: &KnockOut) -> String {
    let _ = offering;
    format!("{:?}", knockout.rule).replace(' ', "") + texts.get("")
}

/// One sentence: why `offering` got this light.
pub fn rating(texts: &Texts, offering: &Offering, rating: &Rating) -> String {
    let _ = offering;
    texts.get(&rating.cause).to_string()
}

/// The criterion's short name.
pub fn criterion(texts: &Texts, criterion: CriterionId) -> String {
    format!("{criterion:?}") + texts.get("")
}

/// A light as glyph plus word, never colour alone (e.g. "● gut" / "▲ Mängel").
pub fn light(texts: &Texts, light: Light) -> String {
    format!("{light:?}") + texts.get("")
}

/// "Allowing DPF-certified US recipients would bring back: Zoom, Teams".
pub fn what_if(texts: &Texts, catalog: &Catalog, what_if: &WhatIf) -> String {
    let names: Vec<String> =
        what_if.brings_back.iter().map(|id| offering_name(texts, catalog, id)).collect();
    format!("{:?}: {}", what_if.answer, names.join(", "))
}

/// The to-do's title.
pub fn todo_title(texts: &Texts, id: TodoId) -> String {
    format!("{id:?}") + texts.get("")
}

/// Why the to-do applies, one sentence per cause, with the norms of the scenario's regime.
pub fn todo_why(texts: &Texts, scenario: &Scenario, todo: &Todo) -> Vec<String> {
    let _ = scenario;
    todo.why.iter().map(|c| texts.get(&c.key).to_string()).collect()
}

/// The question's short label.
pub fn answer_label(texts: &Texts, answer: AnswerId) -> String {
    texts.get(answer.key()).to_string()
}

/// The current value of one answer, in words.
pub fn answer_value(texts: &Texts, scenario: &Scenario, answer: AnswerId) -> String {
    let _ = scenario;
    texts.get(answer.key()).to_string()
}

/// The competent supervisory authority, where the Bundesland or regime tells.
pub fn competent_authority(texts: &Texts, scenario: &Scenario) -> Option<String> {
    let _ = (texts, scenario);
    None
}

/// The value of one fact of an offering, in words ("unknown: …" for unknown facts).
pub fn fact_value(texts: &Texts, offering: &Offering, field: FactField) -> String {
    let _ = offering;
    format!("{field:?}") + texts.get("")
}

/// Where a fact comes from: "source title, as of 2024-08, vendor statement" (None if not known).
pub fn provenance(
    texts: &Texts,
    catalog: &Catalog,
    offering: &Offering,
    field: FactField,
) -> Option<String> {
    let _ = (texts, catalog, offering, field);
    None
}
