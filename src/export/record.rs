//! The decision record in MADR 4 structure: front matter, one H1, the MADR sections in order.

use std::collections::BTreeSet;

use crate::describe;
use crate::domain::assessment::Status;
use crate::domain::catalog::Offering;
use crate::domain::facts::STALE_AFTER_MONTHS;
use crate::domain::narrowing::{AnswerId, Evaluation, FactField, Light, Rating, Tier};
use crate::domain::scenario::TransferStance;
use crate::i18n::Texts;

use super::basis::Basis;
use super::markdown::{self as md, Doc};

/// The answers that work as knock-out criteria, in the order the wizard asks them.
const KNOCKOUT_ANSWERS: [AnswerId; 8] = [
    AnswerId::TransferStance,
    AnswerId::Hosting,
    AnswerId::E2eeRequired,
    AnswerId::Size,
    AnswerId::RequiredFeatures,
    AnswerId::InstallPossible,
    AnswerId::OpenSourceRequired,
    AnswerId::SocialData,
];

pub fn render(basis: &Basis, texts: &Texts) -> String {
    let r = Record { b: basis, t: texts };
    let mut doc = Doc::new();
    doc.raw(&r.front_matter());
    doc.heading(1, &md::text(&r.title()));
    r.context(&mut doc);
    r.drivers(&mut doc);
    r.options(&mut doc);
    r.outcome(&mut doc);
    r.consequences(&mut doc);
    r.confirmation(&mut doc);
    r.pros_and_cons(&mut doc);
    r.more_information(&mut doc);
    doc.finish()
}

struct Record<'a> {
    b: &'a Basis<'a>,
    t: &'a Texts,
}

impl Record<'_> {
    fn get(&self, key: &str) -> String {
        self.t.get(key).to_string()
    }

    fn fmt(&self, key: &str, args: &[(&str, &str)]) -> String {
        self.t.fmt(key, args)
    }

    fn name(&self, id: &str) -> String {
        self.b.name(self.t, id)
    }

    fn answer(&self, id: AnswerId) -> String {
        describe::answer_value(self.t, self.b.scenario, id)
    }

    fn labelled(&self, id: AnswerId) -> String {
        format!(
            "**{}:** {}",
            md::text(&describe::answer_label(self.t, id)),
            md::text(&self.answer(id))
        )
    }

    fn rank(&self, id: &str) -> Option<usize> {
        self.b.shortlist.ranked.iter().position(|e| e.offering == id).map(|p| p + 1)
    }

    fn status(&self) -> Status {
        self.b.assessment.status.as_ref().map(|s| s.status).unwrap_or(Status::Proposed)
    }

    fn date(&self) -> String {
        match &self.b.assessment.status {
            Some(change) => change.on.to_string(),
            None => self.b.as_of.to_string(),
        }
    }

    fn front_matter(&self) -> String {
        let a = self.b.assessment;
        let people = |s: &str| {
            let items: Vec<String> = s
                .split(['\n', ';'])
                .map(md::one_line)
                .filter(|p| !p.is_empty())
                .map(|p| md::yaml_string(&p))
                .collect();
            format!("[{}]", items.join(", "))
        };
        let optional_date =
            |d: Option<jiff::civil::Date>| d.map_or("null".into(), |d| d.to_string());
        let chosen = self.b.decision.map_or("null".into(), |d| md::yaml_string(&d.chosen));
        let lines = [
            "---".to_string(),
            format!("status: {}", md::yaml_string(self.status().id())),
            format!("date: {}", self.date()),
            format!("decision-makers: {}", people(&a.meta.decision_makers)),
            format!("consulted: {}", people(&a.meta.consulted)),
            format!("informed: {}", people(&a.meta.informed)),
            "meetcheck:".to_string(),
            format!("  assessment: {}", md::yaml_string(&a.meta.id)),
            format!("  assessment-title: {}", md::yaml_string(&a.meta.title)),
            format!("  organisation: {}", md::yaml_string(&a.meta.organisation)),
            format!("  catalog-edition: {}", md::yaml_string(&self.b.catalog.edition)),
            format!("  decision: {}", if self.b.decision.is_some() { "taken" } else { "pending" }),
            format!("  chosen: {chosen}"),
            format!("  review-by: {}", optional_date(a.review_by)),
            format!("  ready-for-use: {}", self.ready()),
            format!("  preconditions-open: {}", self.b.open_preconditions()),
            format!("  to-be-confirmed: {}", self.b.decision.is_some_and(|d| d.to_be_confirmed)),
            "---".to_string(),
        ];
        lines.join("\n")
    }

    fn ready(&self) -> bool {
        self.b.decision.is_some() && self.b.open_preconditions() == 0
    }

    fn title(&self) -> String {
        let title = &self.b.assessment.meta.title;
        match self.b.decision {
            Some(d) => self
                .fmt("export.record.title", &[("title", title), ("option", &self.name(&d.chosen))]),
            None => self.fmt("export.record.title_pending", &[("title", title)]),
        }
    }

    fn context(&self, doc: &mut Doc) {
        doc.heading(2, &md::text(self.t.get("export.record.h.context")));
        let org = &self.b.assessment.meta.organisation;
        let org = if org.trim().is_empty() {
            self.get("export.record.context.org_unnamed")
        } else {
            org.clone()
        };
        doc.paragraph(&md::text(
            &self.fmt("export.record.context.question", &[("organisation", &org)]),
        ));
        let assessors = &self.b.assessment.meta.assessors;
        if !assessors.trim().is_empty() {
            doc.paragraph(&md::text(
                &self.fmt("export.record.context.assessors", &[("names", assessors)]),
            ));
        }
        doc.paragraph(&md::text(self.t.get("export.record.context.answers")));
        let s = self.b.scenario;
        let shown: Vec<String> = AnswerId::ALL
            .iter()
            .filter(|id| match id {
                AnswerId::Browsers => !s.install_possible,
                AnswerId::StatutoryInsuranceVideo => s.asks_statutory_insurance(),
                _ => true,
            })
            .map(|id| self.labelled(*id))
            .collect();
        doc.list(&shown);
    }

    fn drivers(&self, doc: &mut Doc) {
        doc.heading(2, &md::text(self.t.get("export.record.h.drivers")));
        doc.paragraph(&md::text(self.t.get("export.record.drivers.knockouts")));
        let s = self.b.scenario;
        let mut items: Vec<String> = KNOCKOUT_ANSWERS
            .iter()
            .filter(|id| match id {
                AnswerId::OpenSourceRequired => s.open_source_required,
                AnswerId::SocialData => s.social_data(),
                _ => true,
            })
            .map(|id| self.labelled(*id))
            .collect();
        if !s.install_possible {
            items.push(self.labelled(AnswerId::Browsers));
        }
        if s.asks_statutory_insurance() && s.statutory_insurance_video {
            items.push(self.labelled(AnswerId::StatutoryInsuranceVideo));
        }
        items.push(md::text(self.t.get("export.record.drivers.dpa")));
        if s.sensitive_context() {
            items.push(md::text(self.t.get("export.record.drivers.own_purpose")));
        }
        doc.list(&items);
        let need = self.answer(AnswerId::ProtectionNeed);
        doc.paragraph(&md::text(&self.fmt("export.record.drivers.criteria", &[("need", &need)])));
        let weights: Vec<String> = self
            .b
            .shortlist
            .weights
            .iter()
            .map(|(c, w)| {
                md::text(&self.fmt(
                    "export.record.drivers.weight",
                    &[("criterion", &describe::criterion(self.t, *c)), ("weight", &w.to_string())],
                ))
            })
            .collect();
        doc.list(&weights);
    }

    fn options(&self, doc: &mut Doc) {
        doc.heading(2, &md::text(self.t.get("export.record.h.options")));
        let chosen = self.b.decision.map(|d| d.chosen.as_str());
        let items: Vec<String> = self
            .b
            .evaluations()
            .map(|e| {
                let name = self.name(&e.offering);
                let state = match (self.rank(&e.offering), e.tier()) {
                    (Some(rank), Tier::Confirmed) => self.fmt(
                        "export.record.option.ranked",
                        &[("rank", &rank.to_string()), ("score", &e.score.to_string())],
                    ),
                    // Never described as meeting every requirement.
                    (Some(rank), Tier::Unconfirmed) => self.fmt(
                        "export.record.option.if_confirmed",
                        &[
                            ("rank", &rank.to_string()),
                            ("score", &e.score.to_string()),
                            ("open", &describe::open_requirements(self.t, &e.unconfirmed)),
                        ],
                    ),
                    (None, _) => self.get("export.record.option.excluded"),
                };
                let mut line = format!("{name} ({state})");
                if chosen == Some(e.offering.as_str()) {
                    line = self.fmt("export.record.option.chosen", &[("option", &line)]);
                }
                md::text(&line)
            })
            .collect();
        if items.is_empty() {
            doc.paragraph(&md::text(self.t.get("export.record.option.none")));
        }
        doc.list(&items);
    }

    fn outcome(&self, doc: &mut Doc) {
        doc.heading(2, &md::text(self.t.get("export.record.h.outcome")));
        let Some(decision) = self.b.decision else {
            return self.outcome_pending(doc);
        };
        let name = self.name(&decision.chosen);
        // "Meets every knock-out criterion" counts the confirmed fits only.
        let confirmed = self.b.shortlist.confirmed().count();
        let remaining = confirmed.to_string();
        let chosen_eval = self.b.shortlist.evaluation(&decision.chosen);
        let unconfirmed = chosen_eval.filter(|e| !e.excluded() && e.tier() == Tier::Unconfirmed);
        let because =
            match (self.rank(&decision.chosen), self.b.shortlist.evaluation(&decision.chosen)) {
                (Some(rank), _) if unconfirmed.is_some() => self.fmt(
                    "export.record.because.unconfirmed",
                    &[("rank", &rank.to_string()), ("confirmed", &remaining)],
                ),
                (Some(1), _) if confirmed == 1 => self.get("export.record.because.only"),
                (Some(1), Some(e)) => self.fmt(
                    "export.record.because.best",
                    &[("remaining", &remaining), ("score", &e.score.to_string())],
                ),
                (Some(rank), _) => self.fmt(
                    "export.record.because.ranked",
                    &[("remaining", &remaining), ("rank", &rank.to_string())],
                ),
                (None, Some(_)) => self.get("export.record.because.override"),
                (None, None) => self.get("export.record.because.rationale"),
            };
        doc.paragraph(&md::text(
            &self.fmt("export.record.outcome.chosen", &[("option", &name), ("reason", &because)]),
        ));
        doc.paragraph(&format!("**{}**", md::text(self.t.get("export.record.outcome.rationale"))));
        let rationale = md::paragraphs(&decision.rationale);
        if rationale.is_empty() {
            doc.paragraph(&md::text(self.t.get("export.record.outcome.no_rationale")));
        }
        for p in rationale {
            doc.paragraph(&p);
        }
        let mut facts = Vec::new();
        if let Some(runner_up) = &decision.runner_up {
            facts.push(
                self.fmt("export.record.outcome.runner_up", &[("option", &self.name(runner_up))]),
            );
        }
        facts.push(self.status_line());
        facts.push(self.ready_line());
        if let Some(e) = unconfirmed {
            facts.push(self.fmt(
                "export.record.outcome.open_confirmations",
                &[
                    ("option", &name),
                    ("open", &describe::open_requirements(self.t, &e.unconfirmed)),
                ],
            ));
        }
        if decision.to_be_confirmed {
            facts.push(self.get("export.record.outcome.reconfirm"));
        }
        if let Some(o) = &decision.override_ {
            facts.push(self.fmt(
                "export.record.outcome.override",
                &[
                    ("option", &name),
                    ("reason", &md::one_line(&o.reason)),
                    ("person", &o.accepted_by),
                ],
            ));
        }
        if let Some(line) = self.protection_lowered() {
            facts.push(line);
        }
        let facts: Vec<String> = facts.iter().map(|f| md::text(f)).collect();
        doc.list(&facts);
        if let Some(e) = self.b.shortlist.evaluation(&decision.chosen).filter(|e| e.excluded()) {
            doc.paragraph(&md::text(
                &self.fmt("export.record.outcome.excluded_by", &[("option", &name)]),
            ));
            let offering = self.b.offering_for_wording(&e.offering).map(|(o, _)| o);
            let reasons: Vec<String> = e
                .knockouts
                .iter()
                .filter_map(|k| offering.map(|o| md::text(&describe::knockout(self.t, o, k))))
                .collect();
            doc.list(&reasons);
        }
        self.what_ifs(doc);
    }

    fn outcome_pending(&self, doc: &mut Doc) {
        let as_of = self.b.as_of.to_string();
        doc.paragraph(&md::text(&self.fmt(
            "export.record.outcome.pending",
            &[("date", &as_of), ("edition", &self.b.catalog.edition)],
        )));
        let items: Vec<String> = self
            .b
            .shortlist
            .ranked
            .iter()
            .enumerate()
            .map(|(i, e)| {
                md::text(&self.fmt(
                    "export.record.outcome.pending_item",
                    &[
                        ("rank", &(i + 1).to_string()),
                        ("option", &self.name(&e.offering)),
                        ("score", &e.score.to_string()),
                    ],
                ))
            })
            .collect();
        if items.is_empty() {
            doc.paragraph(&md::text(self.t.get("export.record.outcome.pending_empty")));
        }
        doc.list(&items);
        // Paragraphs, not a list: a list right after the shortlist would merge into it.
        doc.paragraph(&md::text(&self.status_line()));
        doc.paragraph(&md::text(self.t.get("export.record.ready.pending")));
        if let Some(line) = self.protection_lowered() {
            doc.paragraph(&md::text(&line));
        }
        self.what_ifs(doc);
    }

    fn status_line(&self) -> String {
        let status = self.get(self.status().key());
        match &self.b.assessment.status {
            Some(change) => self.fmt(
                "export.record.outcome.status_by",
                &[("status", &status), ("person", &change.by), ("date", &change.on.to_string())],
            ),
            None => self.fmt("export.record.outcome.status", &[("status", &status)]),
        }
    }

    fn ready_line(&self) -> String {
        match self.b.open_preconditions() {
            0 => self.get("export.record.ready.yes"),
            1 => self.get("export.record.ready.no_one"),
            n => self.fmt("export.record.ready.no", &[("count", &n.to_string())]),
        }
    }

    fn protection_lowered(&self) -> Option<String> {
        let s = self.b.scenario;
        if !s.protection_lowered() {
            return None;
        }
        Some(self.fmt(
            "export.record.outcome.protection_lowered",
            &[
                ("proposed", self.t.get(s.proposed_protection().0.key())),
                ("chosen", self.t.get(s.protection().key())),
                ("reason", &md::one_line(&s.protection_lowered_reason)),
                ("person", &s.protection_risk_accepted_by),
            ],
        ))
    }

    fn what_ifs(&self, doc: &mut Doc) {
        let items: Vec<String> = self
            .b
            .shortlist
            .what_ifs
            .iter()
            .filter(|w| !w.brings_back.is_empty())
            .map(|w| md::text(&describe::what_if(self.t, &self.b.naming, w)))
            .collect();
        if items.is_empty() {
            doc.paragraph(&md::text(self.t.get("export.record.outcome.no_what_ifs")));
        } else {
            doc.paragraph(&md::text(self.t.get("export.record.outcome.what_ifs")));
            doc.list(&items);
        }
    }

    fn consequences(&self, doc: &mut Doc) {
        doc.heading(3, &md::text(self.t.get("export.record.h.consequences")));
        let (Some(_), Some(offering)) = (self.b.decision, self.b.subject()) else {
            doc.paragraph(&md::text(self.t.get("export.record.consequences.pending")));
            return;
        };
        let Some(evaluation) = self.b.shortlist.evaluation(&offering.id) else {
            doc.paragraph(&md::text(self.t.get("export.record.consequences.unrated")));
            return;
        };
        let mut items: Vec<String> =
            by_verdict(&evaluation.lights).map(|r| self.light_item(offering, r)).collect();
        let open = self.b.open_preconditions();
        if open > 0 {
            let reason = self
                .fmt("export.record.consequences.preconditions", &[("count", &open.to_string())]);
            items.push(md::text(&self.fmt("export.record.bad", &[("reason", &reason)])));
        }
        doc.list(&items);
    }

    /// `Good/Neutral/Bad, because …` for one light: green is good, red and yellow are bad,
    /// grey (unknown) is neutral.
    fn light_item(&self, offering: &Offering, rating: &Rating) -> String {
        let key = match rating.light {
            Light::Green => "export.record.good",
            Light::Grey => "export.record.neutral",
            Light::Yellow | Light::Red => "export.record.bad",
        };
        let sentence = describe::rating(self.t, offering, rating);
        let reason = self.fmt(
            "export.record.light_reason",
            &[
                ("sentence", sentence.trim_end_matches('.')),
                ("criterion", &describe::criterion(self.t, rating.criterion)),
                ("light", &describe::light(self.t, rating.light)),
            ],
        );
        md::text(&self.fmt(key, &[("reason", &reason)]))
    }

    fn confirmation(&self, doc: &mut Doc) {
        doc.heading(3, &md::text(self.t.get("export.record.h.confirmation")));
        doc.paragraph(&md::text(self.t.get("export.record.confirmation.intro")));
        let header: Vec<String> = [
            "export.record.col.todo",
            "export.record.col.precondition",
            "export.record.col.status",
            "export.record.col.owner",
            "export.record.col.due",
            "export.record.col.evidence",
            "export.record.col.note",
        ]
        .iter()
        .map(|k| md::text(self.t.get(k)))
        .collect();
        let ids = self.b.checklist_ids();
        let rows: Vec<Vec<String>> = ids
            .iter()
            .map(|id| {
                let item = self.b.item(*id);
                let precondition = self.b.todo(*id).is_some_and(|t| t.precondition);
                let status = match item.no_longer_applies_since {
                    Some(d) => {
                        self.fmt("export.record.no_longer_applies", &[("date", &d.to_string())])
                    }
                    None => self.get(item.status.key()),
                };
                let evidence = match item.evidence_date {
                    Some(d) if !item.evidence.trim().is_empty() => {
                        format!("{} ({d})", item.evidence)
                    }
                    Some(d) => d.to_string(),
                    None => item.evidence.clone(),
                };
                let yes_no = if precondition { "export.yes" } else { "export.no" };
                [
                    describe::todo_title(self.t, *id),
                    self.get(yes_no),
                    status,
                    item.owner.clone(),
                    item.due.map(|d| d.to_string()).unwrap_or_default(),
                    evidence,
                    item.note.clone(),
                ]
                .iter()
                .map(|c| md::text(c))
                .collect()
            })
            .collect();
        if rows.is_empty() {
            doc.paragraph(&md::text(self.t.get("export.record.confirmation.none")));
        } else {
            doc.table(&header, &rows);
        }
        let why: Vec<String> = self
            .b
            .todos
            .iter()
            .map(|todo| {
                let title = describe::todo_title(self.t, todo.id);
                let reasons = describe::todo_why(self.t, self.b.scenario, todo).join(" ");
                format!("**{}:** {}", md::text(&title), md::text(&reasons))
            })
            .collect();
        if !why.is_empty() {
            doc.paragraph(&md::text(self.t.get("export.record.confirmation.why")));
            doc.list(&why);
        }
        self.settings(doc);
    }

    fn settings(&self, doc: &mut Doc) {
        let Some(offering) = self.b.subject() else { return };
        let name = self.t.pick(&offering.name);
        if offering.settings.is_empty() {
            doc.paragraph(&md::text(&self.fmt("export.record.settings.none", &[("option", name)])));
            return;
        }
        let key = if self.b.decision.is_some() {
            "export.record.settings.intro"
        } else {
            "export.record.settings.intro_pending"
        };
        doc.paragraph(&md::text(&self.fmt(key, &[("option", name)])));
        let items: Vec<String> =
            offering.settings.iter().map(|s| md::text(self.t.pick(s))).collect();
        doc.list(&items);
    }

    fn pros_and_cons(&self, doc: &mut Doc) {
        doc.heading(2, &md::text(self.t.get("export.record.h.pros_cons")));
        let mut seen = BTreeSet::new();
        let evaluations: Vec<&Evaluation> = self.b.evaluations().collect();
        if evaluations.is_empty() {
            doc.paragraph(&md::text(self.t.get("export.record.option.none")));
        }
        for e in evaluations {
            let mut heading = self.name(&e.offering);
            if !seen.insert(heading.clone()) {
                heading = format!("{heading} ({})", e.offering);
            }
            doc.heading(3, &md::text(&heading));
            let Some((offering, in_record)) = self.b.offering_for_wording(&e.offering) else {
                doc.paragraph(&md::text(self.t.get("export.record.pros_cons.missing")));
                continue;
            };
            let state = match self.rank(&e.offering) {
                Some(rank) => self.fmt(
                    "export.record.option.ranked",
                    &[("rank", &rank.to_string()), ("score", &e.score.to_string())],
                ),
                None => self.get("export.record.option.excluded"),
            };
            if !in_record {
                doc.paragraph(&md::text(&self.fmt(
                    "export.record.pros_cons.from_current",
                    &[("edition", &self.b.current.edition)],
                )));
            }
            doc.paragraph(&md::text(&self.fmt(
                "export.record.pros_cons.summary",
                &[
                    ("product", &offering.product),
                    ("model", self.t.get(offering.operating_model.key())),
                    ("state", &state),
                ],
            )));
            let mut items: Vec<String> = e
                .knockouts
                .iter()
                .map(|k| {
                    let reason = self.fmt(
                        "export.record.knockout_reason",
                        &[(
                            "sentence",
                            describe::knockout(self.t, offering, k).trim_end_matches('.'),
                        )],
                    );
                    md::text(&self.fmt("export.record.bad", &[("reason", &reason)]))
                })
                .collect();
            items.extend(by_verdict(&e.lights).map(|r| self.light_item(offering, r)));
            doc.list(&items);
        }
    }

    fn more_information(&self, doc: &mut Doc) {
        doc.heading(2, &md::text(self.t.get("export.record.h.more")));
        self.facts_used(doc);
        self.positions(doc);
        self.sources(doc);
        self.history(doc);
        self.review(doc);
        doc.paragraph(&md::text(&self.fmt(
            "export.record.footer",
            &[("date", &self.b.today.to_string()), ("id", &self.b.assessment.meta.id)],
        )));
    }

    fn facts_used(&self, doc: &mut Doc) {
        doc.heading(3, &md::text(self.t.get("export.record.h.facts")));
        let key = if self.b.decision.is_some() {
            "export.record.facts.intro"
        } else {
            "export.record.facts.intro_pending"
        };
        doc.paragraph(&md::text(&self.fmt(
            key,
            &[("date", &self.b.as_of.to_string()), ("edition", &self.b.catalog.edition)],
        )));
        let mut items = Vec::new();
        for e in self.b.evaluations() {
            let Some(offering) = self.b.offering(&e.offering) else { continue };
            let mut fields: Vec<FactField> = Vec::new();
            let used = e
                .knockouts
                .iter()
                .flat_map(|k| &k.facts)
                .chain(e.lights.iter().flat_map(|r| &r.facts));
            for f in used {
                if *f != FactField::AuthorityPositions && !fields.contains(f) {
                    fields.push(*f);
                }
            }
            let subs: Vec<String> =
                fields.iter().map(|f| md::text(&self.fact_line(offering, *f))).collect();
            if !subs.is_empty() {
                items.push((md::text(self.t.pick(&offering.name)), subs));
            }
        }
        let sources = &self.b.catalog.sources;
        for record in self.b.excluded_records() {
            let subs: Vec<String> = record
                .facts
                .iter()
                .map(|fact| {
                    md::text(&self.fmt(
                        "export.record.facts.frozen",
                        &[
                            ("label", &describe::fact_label(self.t, fact.field)),
                            (
                                "provenance",
                                &describe::frozen_provenance(self.t, sources, fact, self.b.as_of),
                            ),
                        ],
                    ))
                })
                .collect();
            if !subs.is_empty() {
                items.push((md::text(self.t.pick(&record.name)), subs));
            }
        }
        if items.is_empty() {
            doc.paragraph(&md::text(self.t.get("export.record.facts.none")));
        }
        doc.nested_list(&items);
    }

    /// "Label: value – source, as of, certainty", marked stale as of the decision day, and
    /// marked again when it has gone stale since.
    fn fact_line(&self, offering: &Offering, field: FactField) -> String {
        let label = describe::fact_label(self.t, field);
        let value = describe::fact_value(self.t, offering, field);
        let provenance =
            describe::provenance_on(self.t, &self.b.catalog, offering, field, self.b.as_of);
        let line = match provenance {
            Some(p) => self.fmt(
                "export.record.facts.item",
                &[("label", &label), ("value", &value), ("provenance", &p)],
            ),
            None => {
                self.fmt("export.record.facts.item_plain", &[("label", &label), ("value", &value)])
            }
        };
        let stale_on = |day| {
            field.changeable()
                && offering
                    .fact(field)
                    .provenance()
                    .is_some_and(|p| p.as_of.is_older_than(STALE_AFTER_MONTHS, day))
        };
        if !stale_on(self.b.as_of) && stale_on(self.b.today) {
            self.fmt("export.record.facts.stale_now", &[("fact", &line)])
        } else {
            line
        }
    }

    fn positions(&self, doc: &mut Doc) {
        doc.heading(3, &md::text(self.t.get("export.record.h.positions")));
        let mut items = Vec::new();
        for e in self.b.evaluations() {
            let Some(offering) = self.b.offering(&e.offering) else { continue };
            for p in &offering.authority_positions {
                let source = self
                    .b
                    .catalog
                    .sources
                    .get(&p.source)
                    .map_or(p.source.as_str(), |s| s.title.as_str());
                let mut line = self.fmt(
                    "export.record.position",
                    &[
                        ("authority", self.t.get(p.authority.key())),
                        ("edition", &p.edition),
                        ("date", &p.date.to_string()),
                        ("option", self.t.pick(&offering.name)),
                        ("verdict", self.t.get(p.verdict.key())),
                        ("summary", self.t.pick(&p.summary).trim_end_matches('.')),
                        ("scope", self.t.pick(&p.scope).trim_end_matches('.')),
                        ("source", source),
                    ],
                );
                if p.historical {
                    line = self.fmt("export.record.position.historical", &[("position", &line)]);
                }
                items.push(md::text(&line));
            }
        }
        if items.is_empty() {
            doc.paragraph(&md::text(self.t.get("export.record.positions.none")));
        } else {
            doc.paragraph(&md::text(self.t.get("export.record.positions.intro")));
        }
        doc.list(&items);
    }

    fn sources(&self, doc: &mut Doc) {
        doc.heading(3, &md::text(self.t.get("export.record.h.sources")));
        let items: Vec<String> = self
            .b
            .catalog
            .sources
            .values()
            .map(|s| match &s.url {
                Some(url) => md::text(&format!("{} – {url}", s.title)),
                None => md::text(&s.title),
            })
            .collect();
        if items.is_empty() {
            doc.paragraph(&md::text(self.t.get("export.record.sources.none")));
        }
        doc.list(&items);
    }

    fn history(&self, doc: &mut Doc) {
        doc.heading(3, &md::text(self.t.get("export.record.h.history")));
        let history = &self.b.assessment.history;
        if history.is_empty() {
            doc.paragraph(&md::text(self.t.get("export.record.history.none")));
            return;
        }
        let taken_on = self.b.decision.map(|d| d.snapshot.taken_on);
        let header: Vec<String> = [
            "export.record.col.when",
            "export.record.col.answer",
            "export.record.col.before",
            "export.record.col.after",
        ]
        .iter()
        .map(|k| md::text(self.t.get(k)))
        .collect();
        let rows: Vec<Vec<String>> = history
            .iter()
            .map(|c| {
                let day = jiff::tz::TimeZone::UTC.to_datetime(c.at).date();
                let mut when = day.to_string();
                if taken_on.is_some_and(|t| day > t) {
                    when = self.fmt("export.record.history.after_decision", &[("date", &when)]);
                }
                [
                    when,
                    describe::answer_label(self.t, c.answer),
                    describe::answer_value_words(self.t, &c.old),
                    describe::answer_value_words(self.t, &c.new),
                ]
                .iter()
                .map(|s| md::text(s))
                .collect()
            })
            .collect();
        doc.table(&header, &rows);
    }

    fn review(&self, doc: &mut Doc) {
        doc.heading(3, &md::text(self.t.get("export.record.h.review")));
        let line = match self.b.assessment.review_by {
            Some(d) if d < self.b.today => {
                self.fmt("export.record.review.overdue", &[("date", &d.to_string())])
            }
            Some(d) => self.fmt("export.record.review.by", &[("date", &d.to_string())]),
            None => self.get("export.record.review.none"),
        };
        doc.paragraph(&md::text(&line));
        doc.paragraph(&md::text(self.t.get("export.record.review.triggers")));
        let mut triggers = Vec::new();
        if self.involves_dpf() {
            triggers.push("export.record.review.trigger.dpf");
        }
        triggers.extend([
            "export.record.review.trigger.terms",
            "export.record.review.trigger.authority",
            "export.record.review.trigger.scenario",
            "export.record.review.trigger.incident",
            "export.record.review.trigger.catalog",
        ]);
        let items: Vec<String> = triggers.iter().map(|k| md::text(self.t.get(k))).collect();
        doc.list(&items);
    }

    /// US recipients under the Data Privacy Framework are allowed or involved: the pending
    /// appeal against the adequacy decision is a reason to look again.
    fn involves_dpf(&self) -> bool {
        self.b.scenario.transfer_stance >= TransferStance::Dpf
            || self.b.subject().is_some_and(|o| o.dpf_certified.value() == Some(&true))
    }
}

/// Lights in the order MADR lists them: good (green), neutral (grey), bad (yellow, red); the
/// criteria keep their order within each group.
fn by_verdict(lights: &[Rating]) -> impl Iterator<Item = &Rating> {
    let rank = |l: Light| match l {
        Light::Green => 0,
        Light::Grey => 1,
        Light::Yellow | Light::Red => 2,
    };
    (0..3).flat_map(move |group| lights.iter().filter(move |r| rank(r.light) == group))
}
