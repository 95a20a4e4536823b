//! The decision record in MADR 4 structure: front matter with the title, then the MADR sections
//! in order. Short by default (about five pages): the considered options are the chosen one, the
//! runner-up and the other confirmed fits; the rest of the catalogue is one compact table; the
//! fact appendix covers the chosen offering and the runner-up (`--full`: every offering).

use crate::describe;
use crate::domain::assessment::Status;
use crate::domain::catalog::Offering;
use crate::domain::narrowing::{AnswerId, CriterionId, Evaluation, FactField, Light, Rating};
use crate::domain::scenario::{HostingPreference, TransferStance};
use crate::i18n::Texts;
use crate::i18n::{Key, k};

use super::Options;
use super::adr;
use super::appendix::Appendix;
use super::basis::Basis;
use super::cite::Citations;
use super::markdown::{self as md, Doc};
use super::words;

/// The answers that work as knock-out criteria, in the order the wizard asks them.
const KNOCKOUT_ANSWERS: [AnswerId; 10] = [
    AnswerId::TransferStance,
    AnswerId::Hosting,
    AnswerId::E2eeRequired,
    AnswerId::Size,
    AnswerId::Audience,
    AnswerId::JoinWithoutAccount,
    AnswerId::RequiredFeatures,
    AnswerId::InstallPossible,
    AnswerId::OpenSourceRequired,
    AnswerId::SocialData,
];

/// How many offerings a what-if names before it counts the rest.
const WHAT_IF_NAMES: usize = 4;

pub fn render(basis: &Basis, texts: &Texts, options: &Options) -> String {
    let sources = Citations::of(&basis.catalog);
    let r = Record { b: basis, t: texts, o: options, sources: &sources };
    let mut doc = Doc::new();
    doc.raw(&r.front_matter());
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

/// How the fit of a remaining offering stands.
enum Fit {
    /// Meets every hard requirement on confirmed facts.
    Confirmed,
    /// Meets the hard requirements only if these facts are confirmed.
    IfConfirmed(Vec<FactField>),
    Excluded,
}

struct Record<'a> {
    b: &'a Basis<'a>,
    t: &'a Texts,
    o: &'a Options,
    sources: &'a Citations,
}

impl Record<'_> {
    fn get(&self, key: Key) -> String {
        self.t.get(key).to_string()
    }

    fn fmt(&self, key: Key, args: &[(&str, &str)]) -> String {
        self.t.fmt(key, args)
    }

    /// [`Record::get`] for a key that comes from data.
    fn by_name(&self, key: &str) -> String {
        self.t.by_name(key).to_string()
    }

    fn name(&self, id: &str) -> String {
        self.b.name(self.t, id)
    }

    fn heading(&self, doc: &mut Doc, level: usize, key: Key) {
        doc.heading(level, &md::text(self.t.get(key)));
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

    fn fit(&self, id: &str) -> Fit {
        if self.b.shortlist.ranked.iter().all(|e| e.offering != id) {
            return Fit::Excluded;
        }
        let unconfirmed = self.b.unconfirmed(id);
        if unconfirmed.is_empty() { Fit::Confirmed } else { Fit::IfConfirmed(unconfirmed) }
    }

    fn facts_named(&self, facts: &[FactField]) -> String {
        words::facts_named(self.t, facts)
    }

    /// "meets every requirement" / "fits if the provider confirms: …" / "excluded".
    fn fit_words(&self, id: &str) -> String {
        match self.fit(id) {
            Fit::Confirmed => self.get(k::EXPORT_RECORD_FIT_CONFIRMED),
            Fit::IfConfirmed(facts) => {
                self.fmt(k::EXPORT_RECORD_FIT_IF_CONFIRMED, &[("facts", &self.facts_named(&facts))])
            }
            Fit::Excluded => self.get(k::EXPORT_RECORD_FIT_EXCLUDED),
        }
    }

    /// "meets every requirement" / "fits if the provider confirms what is not yet documented".
    fn short_fit(&self, id: &str) -> String {
        match self.fit(id) {
            Fit::Confirmed => self.get(k::EXPORT_RECORD_FIT_CONFIRMED),
            Fit::IfConfirmed(_) => self.get(k::EXPORT_RECORD_FIT_IF_CONFIRMED_SHORT),
            Fit::Excluded => self.get(k::EXPORT_RECORD_FIT_EXCLUDED),
        }
    }

    fn status(&self) -> Status {
        self.b.assessment.status.as_ref().map(|s| s.status).unwrap_or(Status::Proposed)
    }

    /// The one date of the record: the day the decision was taken (today while it is pending).
    fn date(&self) -> String {
        self.b.as_of.to_string()
    }

    fn title(&self) -> String {
        let title = &self.b.assessment.meta.title;
        match self.b.decision {
            Some(d) => self.fmt(
                k::EXPORT_RECORD_TITLE,
                &[("title", title), ("option", &self.name(&d.chosen))],
            ),
            None => self.fmt(k::EXPORT_RECORD_TITLE_PENDING, &[("title", title)]),
        }
    }

    /// The names of a list, each on one line; empty entries left out (never split further).
    fn people(names: &[String]) -> Vec<String> {
        names.iter().map(|n| md::one_line(n)).filter(|p| !p.is_empty()).collect()
    }

    fn front_matter(&self) -> String {
        let a = self.b.assessment;
        // pandoc reads every value as Markdown: user text is made inert there.
        let inert = |s: &str| md::yaml_string(&md::inert(s));
        let list = |names: Vec<String>| {
            let items: Vec<String> = names.iter().map(|n| inert(n)).collect();
            format!("[{}]", items.join(", "))
        };
        let optional_date =
            |d: Option<jiff::civil::Date>| d.map_or("null".into(), |d| d.to_string());
        let chosen = self.b.decision.map_or("null".into(), |d| md::yaml_string(&d.chosen));
        let mut lines = vec![
            "---".to_string(),
            format!("title: {}", inert(&self.title())),
            format!("status: {}", md::yaml_string(self.status().id())),
            format!("date: {}", self.date()),
            format!("decision-makers: {}", list(Self::people(&a.meta.decision_makers))),
            format!("consulted: {}", list(Self::people(&a.meta.consulted))),
            format!("informed: {}", list(Self::people(&a.meta.informed))),
            "meetcheck:".to_string(),
            format!("  assessment: {}", md::yaml_string(&a.meta.id)),
            format!("  assessment-title: {}", inert(&a.meta.title)),
            format!("  organisation: {}", inert(&a.meta.organisation)),
            format!("  language: {}", md::yaml_string(self.t.lang.code())),
            format!("  catalog-edition: {}", md::yaml_string(&self.b.catalog.edition)),
            format!("  decision: {}", if self.b.decision.is_some() { "taken" } else { "pending" }),
            format!("  chosen: {chosen}"),
            format!("  review-by: {}", optional_date(a.review_by)),
            format!("  ready-for-use: {}", self.ready()),
            format!("  preconditions-open: {}", self.b.open_preconditions()),
            format!("  to-be-confirmed: {}", self.b.decision.is_some_and(|d| d.to_be_confirmed)),
        ];
        if let Some(n) = &self.o.numbering {
            lines.push(format!("  number: {}", md::yaml_string(&adr::label(n.number))));
            if let Some(e) = &n.supersedes {
                lines.push(format!("  supersedes: {}", md::yaml_string(&adr::label(e.number))));
            }
        }
        lines.push("---".to_string());
        lines.join("\n")
    }

    fn ready(&self) -> bool {
        self.b.decision.is_some() && self.b.open_preconditions() == 0
    }

    fn context(&self, doc: &mut Doc) {
        self.heading(doc, 2, k::EXPORT_RECORD_H_CONTEXT);
        let org = &self.b.assessment.meta.organisation;
        let org = if org.trim().is_empty() {
            self.get(k::EXPORT_RECORD_CONTEXT_ORG_UNNAMED)
        } else {
            org.clone()
        };
        doc.paragraph(&md::text(
            &self.fmt(k::EXPORT_RECORD_CONTEXT_QUESTION, &[("organisation", &org)]),
        ));
        let assessors = &self.b.assessment.meta.assessors;
        if !assessors.trim().is_empty() {
            doc.paragraph(&md::text(
                &self.fmt(k::EXPORT_RECORD_CONTEXT_ASSESSORS, &[("names", assessors)]),
            ));
        }
        doc.paragraph(&md::text(self.t.get(k::EXPORT_RECORD_CONTEXT_ANSWERS)));
        // The answers that are knock-out criteria follow under the decision drivers.
        let shown: Vec<String> = AnswerId::ALL
            .iter()
            .filter(|id| {
                !KNOCKOUT_ANSWERS.contains(id)
                    && !matches!(id, AnswerId::Browsers | AnswerId::StatutoryInsuranceVideo)
            })
            .map(|id| self.labelled(*id))
            .collect();
        doc.list(&shown);
    }

    fn drivers(&self, doc: &mut Doc) {
        self.heading(doc, 2, k::EXPORT_RECORD_H_DRIVERS);
        doc.paragraph(&md::text(self.t.get(k::EXPORT_RECORD_DRIVERS_KNOCKOUTS)));
        let s = self.b.scenario;
        // Only answers that narrow: "any operation", "apps can be installed" and "no E2EE" rule
        // nothing out.
        let mut items: Vec<String> = KNOCKOUT_ANSWERS
            .iter()
            .filter(|id| match id {
                AnswerId::OpenSourceRequired => s.open_source_required,
                AnswerId::SocialData => s.social_data(),
                AnswerId::Hosting => s.hosting != HostingPreference::Any,
                AnswerId::InstallPossible => !s.install_possible,
                AnswerId::E2eeRequired => s.e2ee(),
                AnswerId::Audience => s.audience > 0,
                AnswerId::JoinWithoutAccount => s.join_without_account,
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
        items.push(md::text(self.t.get(k::EXPORT_RECORD_DRIVERS_DPA)));
        if s.sensitive_context() {
            items.push(md::text(self.t.get(k::EXPORT_RECORD_DRIVERS_OWN_PURPOSE)));
        }
        doc.list(&items);
        doc.paragraph(&md::text(self.t.get(k::EXPORT_RECORD_DRIVERS_UNKNOWN)));
        // The value only: the answers above say why it was proposed.
        let need = self.by_name(self.b.scenario.protection().key());
        let weights: Vec<String> = self
            .b
            .shortlist
            .weights
            .iter()
            .map(|(c, w)| {
                self.fmt(
                    k::EXPORT_RECORD_DRIVERS_WEIGHT,
                    &[("criterion", &describe::criterion(self.t, *c)), ("weight", &w.to_string())],
                )
            })
            .collect();
        doc.paragraph(&md::text(&self.fmt(
            k::EXPORT_RECORD_DRIVERS_CRITERIA,
            &[("need", &need), ("weights", &weights.join(", "))],
        )));
    }

    /// The offerings the record weighs in full: chosen, runner-up, other confirmed fits (while
    /// pending: the confirmed fits, else the best fit if confirmed).
    fn considered(&self) -> Vec<String> {
        let mut ids: Vec<String> = Vec::new();
        let mut add = |id: &str| {
            if !ids.iter().any(|i| i == id) {
                ids.push(id.to_string());
            }
        };
        if let Some(d) = self.b.decision {
            add(&d.chosen);
            if let Some(r) = &d.runner_up {
                add(r);
            }
        }
        let confirmed = self.b.confirmed_fits();
        for e in &confirmed {
            add(&e.offering);
        }
        if self.b.decision.is_none()
            && confirmed.is_empty()
            && let Some(e) = self.b.shortlist.ranked.first()
        {
            add(&e.offering);
        }
        ids
    }

    fn role(&self, id: &str) -> Option<String> {
        let d = self.b.decision?;
        if d.chosen == id {
            Some(self.get(k::EXPORT_RECORD_ROLE_CHOSEN))
        } else if d.runner_up.as_deref() == Some(id) {
            Some(self.get(k::EXPORT_RECORD_ROLE_RUNNER_UP))
        } else {
            None
        }
    }

    fn rank(&self, id: &str) -> Option<usize> {
        self.b.shortlist.ranked.iter().position(|e| e.offering == id).map(|p| p + 1)
    }

    fn options(&self, doc: &mut Doc) {
        self.heading(doc, 2, k::EXPORT_RECORD_H_OPTIONS);
        let considered = self.considered();
        if considered.is_empty() {
            doc.paragraph(&md::text(self.t.get(k::EXPORT_RECORD_OPTION_NONE)));
        } else {
            doc.paragraph(&md::text(self.t.get(k::EXPORT_RECORD_OPTIONS_INTRO)));
        }
        let items: Vec<String> = considered
            .iter()
            .map(|id| {
                let mut parts = Vec::new();
                if let Some(role) = self.role(id) {
                    parts.push(role);
                }
                if let Some(rank) = self.rank(id) {
                    parts.push(
                        self.fmt(k::EXPORT_RECORD_OPTION_RANK, &[("rank", &rank.to_string())]),
                    );
                }
                parts.push(self.short_fit(id));
                md::text(&self.fmt(
                    k::EXPORT_RECORD_OPTION_LINE,
                    &[("option", &self.name(id)), ("state", &parts.join("; "))],
                ))
            })
            .collect();
        doc.list(&items);
        // Offerings with the same result share a row.
        let mut rest: Vec<(Vec<String>, String)> = Vec::new();
        for e in self.b.evaluations().filter(|e| !considered.contains(&e.offering)) {
            let why = self.why_not(e);
            match rest.iter_mut().find(|(_, w)| *w == why) {
                Some((names, _)) => names.push(self.name(&e.offering)),
                None => rest.push((vec![self.name(&e.offering)], why)),
            }
        }
        if !rest.is_empty() {
            doc.paragraph(&md::text(self.t.get(k::EXPORT_RECORD_OPTIONS_REST)));
            let header = [
                md::text(self.t.get(k::EXPORT_RECORD_COL_OPTIONS)),
                md::text(self.t.get(k::EXPORT_RECORD_COL_RESULT)),
            ];
            let rows: Vec<Vec<String>> = rest
                .iter()
                .map(|(names, why)| vec![md::text(&names.join("; ")), md::text(why)])
                .collect();
            doc.table(&header, &rows);
        }
    }

    /// One line: why an offering is not among the considered ones.
    fn why_not(&self, e: &Evaluation) -> String {
        match self.fit(&e.offering) {
            Fit::Confirmed => self.fmt(
                k::EXPORT_RECORD_REST_RANKED,
                &[("rank", &self.rank(&e.offering).unwrap_or(0).to_string())],
            ),
            Fit::IfConfirmed(facts) => self.fmt(
                k::EXPORT_RECORD_REST_IF_CONFIRMED,
                &[("facts", &words::facts_short(self.t, &facts))],
            ),
            Fit::Excluded => {
                let Some(first) = e.knockouts.first() else {
                    return self.get(k::EXPORT_RECORD_FIT_EXCLUDED);
                };
                // One line: the first reason (the appendix and `--full` give the others).
                let reason = words::short_knockout(self.t, first);
                self.fmt(k::EXPORT_RECORD_REST_EXCLUDED, &[("reason", &reason)])
            }
        }
    }

    fn outcome(&self, doc: &mut Doc) {
        self.heading(doc, 2, k::EXPORT_RECORD_H_OUTCOME);
        let Some(decision) = self.b.decision else {
            return self.outcome_pending(doc);
        };
        let name = self.name(&decision.chosen);
        let confirmed = self.b.confirmed_fits();
        let because = match (self.fit(&decision.chosen), self.rank(&decision.chosen)) {
            (Fit::Excluded, _) if decision.override_.is_some() => {
                self.get(k::EXPORT_RECORD_BECAUSE_OVERRIDE)
            }
            (Fit::Excluded, _) => self.get(k::EXPORT_RECORD_BECAUSE_RATIONALE),
            (Fit::IfConfirmed(facts), Some(1)) => self.fmt(
                k::EXPORT_RECORD_BECAUSE_FIRST_IF_CONFIRMED,
                &[("facts", &self.facts_named(&facts))],
            ),
            (Fit::IfConfirmed(facts), _) => self.fmt(
                k::EXPORT_RECORD_BECAUSE_IF_CONFIRMED,
                &[("facts", &self.facts_named(&facts))],
            ),
            (Fit::Confirmed, _) if confirmed.len() == 1 => self.get(k::EXPORT_RECORD_BECAUSE_ONLY),
            (Fit::Confirmed, _)
                if confirmed.first().is_some_and(|e| e.offering == decision.chosen) =>
            {
                self.fmt(k::EXPORT_RECORD_BECAUSE_BEST, &[("count", &confirmed.len().to_string())])
            }
            (Fit::Confirmed, _) => self.fmt(
                k::EXPORT_RECORD_BECAUSE_PREFERRED,
                &[("count", &confirmed.len().to_string())],
            ),
        };
        doc.paragraph(&md::text(
            &self.fmt(k::EXPORT_RECORD_OUTCOME_CHOSEN, &[("option", &name), ("reason", &because)]),
        ));
        let rationale = md::paragraphs(&decision.rationale);
        if rationale.is_empty() {
            doc.paragraph(&md::text(self.t.get(k::EXPORT_RECORD_OUTCOME_NO_RATIONALE)));
        } else {
            doc.paragraph(&md::text(self.t.get(k::EXPORT_RECORD_OUTCOME_RATIONALE)));
            doc.quote(&rationale);
        }
        let mut facts = Vec::new();
        if let Some(runner_up) = &decision.runner_up {
            facts.push(
                self.fmt(k::EXPORT_RECORD_OUTCOME_RUNNER_UP, &[("option", &self.name(runner_up))]),
            );
        }
        facts.push(self.fmt(
            k::EXPORT_RECORD_OUTCOME_DATE,
            &[("date", &self.date()), ("edition", &self.b.catalog.edition)],
        ));
        facts.push(self.status_line());
        facts.push(self.ready_line());
        if decision.to_be_confirmed {
            facts.push(self.get(k::EXPORT_RECORD_OUTCOME_RECONFIRM));
        }
        if let Some(o) = &decision.override_ {
            facts.push(self.fmt(
                k::EXPORT_RECORD_OUTCOME_OVERRIDE,
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
        if let Some(e) = self.o.numbering.as_ref().and_then(|n| n.supersedes.as_ref()) {
            facts.push(self.fmt(
                k::EXPORT_RECORD_OUTCOME_SUPERSEDES,
                &[("adr", &adr::label(e.number)), ("file", &e.file_name)],
            ));
        }
        let facts: Vec<String> = facts.iter().map(|f| md::text(f)).collect();
        doc.list(&facts);
        if let Some(e) = self.b.shortlist.evaluation(&decision.chosen).filter(|e| e.excluded()) {
            doc.paragraph(&md::text(
                &self.fmt(k::EXPORT_RECORD_OUTCOME_EXCLUDED_BY, &[("option", &name)]),
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
        doc.paragraph(&md::text(&self.fmt(
            k::EXPORT_RECORD_OUTCOME_PENDING,
            &[("date", &self.date()), ("edition", &self.b.catalog.edition)],
        )));
        let items: Vec<String> = self
            .b
            .shortlist
            .ranked
            .iter()
            .enumerate()
            .map(|(i, e)| {
                md::text(&self.fmt(
                    k::EXPORT_RECORD_OUTCOME_PENDING_ITEM,
                    &[
                        ("rank", &(i + 1).to_string()),
                        ("option", &self.name(&e.offering)),
                        ("fit", &self.fit_words(&e.offering)),
                    ],
                ))
            })
            .collect();
        if items.is_empty() {
            doc.paragraph(&md::text(self.t.get(k::EXPORT_RECORD_OUTCOME_PENDING_EMPTY)));
        }
        doc.list(&items);
        if let Some(draft) = &self.b.assessment.draft {
            doc.paragraph(&md::text(&self.fmt(
                k::EXPORT_RECORD_OUTCOME_DRAFT,
                &[
                    ("option", &self.name(&draft.chosen)),
                    ("status", self.by_name(draft.status.key()).as_str()),
                ],
            )));
        }
        // Paragraphs, not a list: a list right after the shortlist would merge into it.
        doc.paragraph(&md::text(&self.status_line()));
        doc.paragraph(&md::text(self.t.get(k::EXPORT_RECORD_READY_PENDING)));
        if let Some(line) = self.protection_lowered() {
            doc.paragraph(&md::text(&line));
        }
        self.what_ifs(doc);
    }

    fn status_line(&self) -> String {
        let status = self.by_name(self.status().key());
        match &self.b.assessment.status {
            Some(change) if !change.by.trim().is_empty() => self.fmt(
                k::EXPORT_RECORD_OUTCOME_STATUS_BY,
                &[("status", &status), ("person", &change.by)],
            ),
            _ => self.fmt(k::EXPORT_RECORD_OUTCOME_STATUS, &[("status", &status)]),
        }
    }

    fn ready_line(&self) -> String {
        match self.b.open_preconditions() {
            0 => self.get(k::EXPORT_RECORD_READY_YES),
            1 => self.get(k::EXPORT_RECORD_READY_NO_ONE),
            n => self.t.count(k::EXPORT_RECORD_READY_NO, n, &[("count", &n.to_string())]),
        }
    }

    fn protection_lowered(&self) -> Option<String> {
        let s = self.b.scenario;
        if !s.protection_lowered() {
            return None;
        }
        Some(self.fmt(
            k::EXPORT_RECORD_OUTCOME_PROTECTION_LOWERED,
            &[
                ("proposed", self.t.by_name(s.proposed_protection().0.key())),
                ("chosen", self.t.by_name(s.protection().key())),
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
            .map(|w| {
                // At most four names; the rest are counted.
                let mut short = w.clone();
                short.brings_back.truncate(WHAT_IF_NAMES);
                let line = describe::what_if(self.t, &self.b.naming, &short);
                let more = w.brings_back.len().saturating_sub(WHAT_IF_NAMES);
                md::text(&match more {
                    0 => line,
                    n => self.fmt(
                        k::EXPORT_RECORD_WHAT_IF_MORE,
                        &[("line", &line), ("n", &n.to_string())],
                    ),
                })
            })
            .collect();
        if !items.is_empty() {
            doc.paragraph(&md::text(self.t.get(k::EXPORT_RECORD_OUTCOME_WHAT_IFS)));
            doc.list(&items);
        }
    }

    /// What must happen, what is given up, what is risked.
    fn consequences(&self, doc: &mut Doc) {
        self.heading(doc, 3, k::EXPORT_RECORD_H_CONSEQUENCES);
        let (Some(decision), Some(offering)) = (self.b.decision, self.b.subject()) else {
            doc.paragraph(&md::text(self.t.get(k::EXPORT_RECORD_CONSEQUENCES_PENDING)));
            return;
        };
        let evaluation = self.b.shortlist.evaluation(&offering.id);

        let mut must = Vec::new();
        let open: Vec<String> = self
            .b
            .todos
            .iter()
            .filter(|t| t.precondition)
            .filter(|t| {
                let item = self.b.item(t.id);
                item.no_longer_applies_since.is_none()
                    && item.status == crate::domain::assessment::TodoStatus::Open
            })
            .map(|t| {
                words::in_sentence(self.t, &describe::todo_title_for(self.t, self.b.scenario, t.id))
            })
            .collect();
        if !open.is_empty() {
            must.push(self.fmt(
                k::EXPORT_RECORD_CONSEQUENCES_PRECONDITIONS,
                &[("todos", &describe::and_list(self.t, &open))],
            ));
        }
        if let Fit::IfConfirmed(_) = self.fit(&offering.id) {
            must.push(self.get(k::EXPORT_RECORD_CONSEQUENCES_CONFIRM));
        }
        if !offering.settings.is_empty() {
            must.push(self.get(k::EXPORT_RECORD_CONSEQUENCES_SETTINGS));
        }
        if let Some(date) = self.b.assessment.review_by {
            must.push(
                self.fmt(k::EXPORT_RECORD_CONSEQUENCES_REVIEW, &[("date", &date.to_string())]),
            );
        }

        let mut given_up = Vec::new();
        if let (Some(e), Some(other)) = (evaluation, self.alternative(decision)) {
            let other_name = self.name(&other.offering);
            let other_offering = self.b.offering_for_wording(&other.offering).map(|(o, _)| o);
            // Only what the alternative has that is good (a green light), not mere unknowns.
            for better in other.lights.iter().filter(|r| r.light == Light::Green).filter(|r| {
                e.lights
                    .iter()
                    .find(|mine| mine.criterion == r.criterion)
                    .is_some_and(|mine| light_rank(r.light) < light_rank(mine.light))
            }) {
                if let Some(o) = other_offering {
                    given_up.push(self.fmt(
                        k::EXPORT_RECORD_CONSEQUENCES_GIVEN_UP,
                        &[
                            ("option", &other_name),
                            ("sentence", describe::rating(self.t, o, better).trim_end_matches('.')),
                        ],
                    ));
                }
            }
        }
        if self.b.scenario.e2ee()
            && let Some(e2ee) = offering.e2ee.value()
            && !e2ee.features_lost.is_empty()
        {
            let lost: Vec<&str> =
                e2ee.features_lost.iter().map(|f| self.t.by_name(f.key())).collect();
            given_up.push(self.fmt(
                k::EXPORT_RECORD_CONSEQUENCES_E2EE_LOST,
                &[("features", &describe::and_list(self.t, &lost))],
            ));
        }
        if given_up.is_empty() {
            given_up.push(self.get(k::EXPORT_RECORD_CONSEQUENCES_NOTHING_GIVEN_UP));
        }

        let mut risked: Vec<String> = evaluation
            .map(|e| {
                e.lights
                    .iter()
                    // A missing authority position is no risk of its own.
                    .filter(|r| matches!(r.light, Light::Red | Light::Yellow | Light::Grey))
                    .filter(|r| {
                        !(r.light == Light::Grey && r.criterion == CriterionId::AuthorityView)
                    })
                    .map(|r| {
                        let sentence = describe::rating(self.t, offering, r);
                        let key = if r.light == Light::Grey {
                            k::EXPORT_RECORD_CONSEQUENCES_UNKNOWN
                        } else {
                            k::EXPORT_RECORD_CONSEQUENCES_RISK
                        };
                        self.fmt(key, &[("sentence", sentence.trim_end_matches('.'))])
                    })
                    .collect()
            })
            .unwrap_or_default();
        if self.involves_dpf() {
            risked.push(self.get(k::EXPORT_RECORD_CONSEQUENCES_DPF));
        }
        if risked.is_empty() {
            risked.push(self.get(k::EXPORT_RECORD_CONSEQUENCES_NO_RISK_NAMED));
        }

        for (key, items) in [
            (k::EXPORT_RECORD_CONSEQUENCES_MUST, must),
            (k::EXPORT_RECORD_CONSEQUENCES_GIVEN_UP_INTRO, given_up),
            (k::EXPORT_RECORD_CONSEQUENCES_RISKED, risked),
        ] {
            if items.is_empty() {
                continue;
            }
            doc.paragraph(&md::text(self.t.get(key)));
            let items: Vec<String> = items.iter().map(|i| md::text(i)).collect();
            doc.list(&items);
        }
    }

    /// What the chosen offering is compared with: the runner-up, else the best other fit.
    fn alternative(&self, decision: &crate::domain::assessment::Decision) -> Option<&Evaluation> {
        let id = decision.runner_up.clone().or_else(|| {
            self.b
                .shortlist
                .ranked
                .iter()
                .find(|e| e.offering != decision.chosen)
                .map(|e| e.offering.clone())
        })?;
        self.b.shortlist.evaluation(&id)
    }

    fn confirmation(&self, doc: &mut Doc) {
        self.heading(doc, 3, k::EXPORT_RECORD_H_CONFIRMATION);
        doc.paragraph(&md::text(self.t.get(k::EXPORT_RECORD_CONFIRMATION_INTRO)));
        // Preconditions of use first, then the other to-dos, then those that no longer apply.
        let mut groups: [(Key, Vec<String>); 3] = [
            (k::EXPORT_RECORD_CONFIRMATION_PRECONDITIONS, Vec::new()),
            (k::EXPORT_RECORD_CONFIRMATION_OTHERS, Vec::new()),
            (k::EXPORT_RECORD_CONFIRMATION_GONE, Vec::new()),
        ];
        for id in self.b.checklist_ids() {
            let item = self.b.item(id);
            let todo = self.b.todo(id);
            let group = match (item.no_longer_applies_since, todo.is_some_and(|t| t.precondition)) {
                (Some(_), _) => 2,
                (None, true) => 0,
                (None, false) => 1,
            };
            let mut parts = vec![match item.no_longer_applies_since {
                Some(d) => {
                    self.fmt(k::EXPORT_RECORD_NO_LONGER_APPLIES, &[("date", &d.to_string())])
                }
                None => self.by_name(item.status.key()),
            }];
            match (item.owner.trim(), item.due) {
                ("", None) => {}
                (owner, None) => parts.push(owner.to_string()),
                ("", Some(due)) => {
                    parts.push(self.fmt(k::EXPORT_RECORD_DUE, &[("date", &due.to_string())]))
                }
                (owner, Some(due)) => parts.push(self.fmt(
                    k::EXPORT_RECORD_OWNER_DUE,
                    &[("owner", owner), ("date", &due.to_string())],
                )),
            }
            match item.evidence_date {
                Some(d) if !item.evidence.trim().is_empty() => parts.push(self.fmt(
                    k::EXPORT_RECORD_EVIDENCE_DATED,
                    &[("evidence", &item.evidence), ("date", &d.to_string())],
                )),
                Some(d) => {
                    parts.push(self.fmt(k::EXPORT_RECORD_EVIDENCE, &[("evidence", &d.to_string())]))
                }
                None if !item.evidence.trim().is_empty() => {
                    parts.push(self.fmt(k::EXPORT_RECORD_EVIDENCE, &[("evidence", &item.evidence)]))
                }
                None => {}
            }
            if !item.note.trim().is_empty() {
                parts.push(self.fmt(k::EXPORT_RECORD_NOTE, &[("note", &item.note)]));
            }
            let mut title = describe::todo_title_for(self.t, self.b.scenario, id);
            if let Some(t) = todo {
                let norms = describe::todo_norms(self.t, self.b.scenario, t);
                if !norms.is_empty() {
                    title = self
                        .fmt(k::EXPORT_RECORD_TODO_NORMS, &[("todo", &title), ("norms", &norms)]);
                }
            }
            let parts: Vec<String> = parts.iter().map(|p| md::text(p)).collect();
            groups[group].1.push(format!("**{}:** {}", md::text(&title), parts.join("; ")));
        }
        if groups.iter().all(|(_, items)| items.is_empty()) {
            doc.paragraph(&md::text(self.t.get(k::EXPORT_RECORD_CONFIRMATION_NONE)));
        }
        for (key, items) in &groups {
            if !items.is_empty() {
                doc.paragraph(&md::text(self.t.get(*key)));
                doc.list(items);
            }
        }
        if self.o.full {
            let why: Vec<String> = self
                .b
                .todos
                .iter()
                .map(|todo| {
                    let title = describe::todo_title_for(self.t, self.b.scenario, todo.id);
                    let reasons = describe::todo_why(self.t, self.b.scenario, todo).join(" ");
                    format!("**{}:** {}", md::text(&title), md::text(&reasons))
                })
                .collect();
            if !why.is_empty() {
                doc.paragraph(&md::text(self.t.get(k::EXPORT_RECORD_CONFIRMATION_WHY)));
                doc.list(&why);
            }
        }
        self.settings(doc);
    }

    fn settings(&self, doc: &mut Doc) {
        let Some(offering) = self.b.subject() else { return };
        let name = self.t.pick(&offering.name);
        if offering.settings.is_empty() {
            doc.paragraph(&md::text(
                &self.fmt(k::EXPORT_RECORD_SETTINGS_NONE, &[("option", name)]),
            ));
            return;
        }
        let key = if self.b.decision.is_some() {
            k::EXPORT_RECORD_SETTINGS_INTRO
        } else {
            k::EXPORT_RECORD_SETTINGS_INTRO_PENDING
        };
        doc.paragraph(&md::text(&self.fmt(key, &[("option", name)])));
        let items: Vec<String> =
            offering.settings.iter().map(|s| md::text(self.t.pick(s))).collect();
        doc.list(&items);
    }

    fn pros_and_cons(&self, doc: &mut Doc) {
        self.heading(doc, 2, k::EXPORT_RECORD_H_PROS_CONS);
        let considered = self.considered();
        if considered.is_empty() {
            doc.paragraph(&md::text(self.t.get(k::EXPORT_RECORD_OPTION_NONE)));
        }
        let mut seen: Vec<String> = Vec::new();
        for id in &considered {
            let heading = self.unique(&mut seen, self.name(id));
            doc.heading(3, &md::text(&heading));
            let (Some(e), Some((offering, _))) =
                (self.b.shortlist.evaluation(id), self.b.offering_for_wording(id))
            else {
                doc.paragraph(&md::text(self.t.get(k::EXPORT_RECORD_PROS_CONS_MISSING)));
                continue;
            };
            // What the chosen one still needs confirmed is said under the decision.
            let fit = if self
                .role(id)
                .is_some_and(|_| self.b.decision.is_some_and(|d| d.chosen == *id))
            {
                self.short_fit(id)
            } else {
                self.fit_words(id)
            };
            doc.paragraph(&md::text(&self.fmt(
                k::EXPORT_RECORD_PROS_CONS_SUMMARY,
                &[
                    ("product", &offering.product),
                    ("model", self.t.by_name(offering.operating_model.key())),
                    ("fit", &fit),
                ],
            )));
            let mut items: Vec<String> = e
                .knockouts
                .iter()
                .map(|k| {
                    let sentence = describe::knockout(self.t, offering, k);
                    md::text(&self.fmt(
                        k::EXPORT_RECORD_BAD,
                        &[(
                            "reason",
                            &self.fmt(
                                k::EXPORT_RECORD_KNOCKOUT_REASON,
                                &[(
                                    "sentence",
                                    &words::continued(self.t, &sentence, &self.names(offering)),
                                )],
                            ),
                        )],
                    ))
                })
                .collect();
            // The chosen offering in full; the others where they differ from it.
            let chosen = self
                .b
                .decision
                .filter(|d| d.chosen != *id)
                .and_then(|d| self.b.shortlist.evaluation(&d.chosen));
            // Other options: where their lights differ, leaving out what is merely not
            // documented (the table and the outcome name that).
            let differs = |r: &&Rating| {
                (chosen.is_none() || r.light != Light::Grey)
                    && chosen.is_none_or(|c| {
                        c.lights
                            .iter()
                            .find(|l| l.criterion == r.criterion)
                            .is_none_or(|l| l.light != r.light)
                    })
            };
            items.extend(
                by_verdict(&e.lights).filter(differs).map(|r| self.light_item(offering, r)),
            );
            if items.is_empty() {
                doc.paragraph(&md::text(self.t.get(k::EXPORT_RECORD_PROS_CONS_SAME)));
            } else if chosen.is_some() {
                doc.paragraph(&md::text(self.t.get(k::EXPORT_RECORD_PROS_CONS_DIFFERENCES)));
            }
            doc.list(&items);
        }
    }

    fn unique(&self, seen: &mut Vec<String>, name: String) -> String {
        let mut heading = name.clone();
        let mut n = 2;
        while seen.contains(&heading) {
            heading = format!("{name} ({n})");
            n += 1;
        }
        seen.push(heading.clone());
        heading
    }

    /// Names a sentence about the offering may start with.
    fn names<'o>(&self, o: &'o Offering) -> Vec<&'o str> {
        let mut names = vec![o.name.de.as_str(), o.name.en.as_str(), o.product.as_str()];
        if let Some(e) = o.operator.value() {
            names.push(e.name.as_str());
        }
        if let Some(e) = o.parent.value() {
            names.push(e.name.as_str());
        }
        names
    }

    /// `Good, because …` / `Gut: …` for one light: green is good, red and yellow are bad, grey
    /// (not documented) is neutral.
    fn light_item(&self, offering: &Offering, rating: &Rating) -> String {
        let key = match rating.light {
            Light::Green => k::EXPORT_RECORD_GOOD,
            Light::Grey => k::EXPORT_RECORD_NEUTRAL,
            Light::Yellow | Light::Red => k::EXPORT_RECORD_BAD,
        };
        let sentence = describe::rating(self.t, offering, rating);
        let reason = self.fmt(
            k::EXPORT_RECORD_LIGHT_REASON,
            &[
                ("sentence", &words::continued(self.t, &sentence, &self.names(offering))),
                ("criterion", &describe::criterion(self.t, rating.criterion)),
            ],
        );
        md::text(&self.fmt(key, &[("reason", &reason)]))
    }

    fn more_information(&self, doc: &mut Doc) {
        self.heading(doc, 2, k::EXPORT_RECORD_H_MORE);
        self.sign_off(doc);
        let appendix = Appendix { b: self.b, t: self.t, sources: self.sources, notes: self.o.full };
        let mut ids = self.considered();
        if self.o.full {
            for e in self.b.evaluations() {
                if !ids.contains(&e.offering) {
                    ids.push(e.offering.clone());
                }
            }
        } else {
            // By default: the chosen offering and the runner-up (while pending: the best fit).
            ids.truncate(if self.b.decision.is_some_and(|d| d.runner_up.is_some()) {
                2
            } else {
                1
            });
        }
        self.heading(doc, 3, k::EXPORT_RECORD_H_FACTS);
        let intro_key = if self.b.decision.is_some() {
            k::EXPORT_RECORD_FACTS_INTRO
        } else {
            k::EXPORT_RECORD_FACTS_INTRO_PENDING
        };
        doc.paragraph(&md::text(
            &self.fmt(intro_key, &[("date", &self.date()), ("edition", &self.b.catalog.edition)]),
        ));
        let mut seen = Vec::new();
        for id in &ids {
            let Some(offering) = self.b.offering(id) else { continue };
            let heading = self.unique(
                &mut seen,
                self.fmt(k::EXPORT_RECORD_H_FACTS_OF, &[("option", self.t.pick(&offering.name))]),
            );
            appendix.offering(doc, offering, &heading);
        }
        if self.o.full {
            self.kept_excluded(doc);
        }
        appendix.sources(doc);
        self.history(doc);
        self.review(doc);
        doc.paragraph(&md::text(&self.fmt(
            k::EXPORT_RECORD_FOOTER,
            &[("date", &self.b.today.to_string()), ("id", &self.b.assessment.meta.id)],
        )));
    }

    /// With `--full`: the excluded offerings the record kept only the provenance of.
    fn kept_excluded(&self, doc: &mut Doc) {
        let records = self.b.excluded_records();
        if records.is_empty() {
            return;
        }
        doc.heading(4, &md::text(self.t.get(k::EXPORT_RECORD_H_FACTS_EXCLUDED)));
        let items: Vec<(String, Vec<String>)> = records
            .iter()
            .map(|r| {
                let subs: Vec<String> = r
                    .facts
                    .iter()
                    .map(|fact| {
                        let when = words::when(self.t, &fact.as_of, fact.certainty);
                        md::text(&format!(
                            "{}{}",
                            self.fmt(
                                k::EXPORT_RECORD_FACTS_FROZEN,
                                &[
                                    ("label", &describe::fact_label(self.t, fact.field)),
                                    ("when", &when)
                                ],
                            ),
                            self.sources.cite(&fact.source)
                        ))
                    })
                    .collect();
                (md::text(self.t.pick(&r.name)), subs)
            })
            .collect();
        doc.nested_list(&items);
    }

    /// The DPO's opinion, the decision-makers' approvals, who was consulted and informed.
    fn sign_off(&self, doc: &mut Doc) {
        self.heading(doc, 3, k::EXPORT_RECORD_H_SIGN_OFF);
        let meta = &self.b.assessment.meta;
        let sign_off = &self.b.assessment.sign_off;
        let opinion = md::paragraphs(&sign_off.dpo_opinion);
        if opinion.is_empty() {
            doc.paragraph(&md::text(self.t.get(k::EXPORT_RECORD_SIGN_OFF_OPINION_MISSING)));
        } else {
            let who = self.or_unnamed(&sign_off.dpo_name);
            let line = match sign_off.dpo_date {
                Some(date) => self.fmt(
                    k::EXPORT_RECORD_SIGN_OFF_OPINION_BY_ON,
                    &[("name", &who), ("date", &date.to_string())],
                ),
                None => self.fmt(k::EXPORT_RECORD_SIGN_OFF_OPINION_BY, &[("name", &who)]),
            };
            doc.paragraph(&md::text(&line));
            doc.quote(&opinion);
        }
        let mut makers = Self::people(&meta.decision_makers);
        for approval in &sign_off.approvals {
            let name = md::one_line(&approval.name);
            if !name.is_empty() && !makers.contains(&name) {
                makers.push(name);
            }
        }
        if makers.is_empty() {
            doc.paragraph(&md::text(self.t.get(k::EXPORT_RECORD_SIGN_OFF_NO_MAKERS)));
        } else {
            let header = [
                md::text(self.t.get(k::EXPORT_RECORD_COL_DECISION_MAKER)),
                md::text(self.t.get(k::EXPORT_RECORD_COL_APPROVAL)),
            ];
            let rows: Vec<Vec<String>> = makers
                .iter()
                .map(|m| {
                    let approved = sign_off
                        .approvals
                        .iter()
                        .find(|a| md::one_line(&a.name) == *m)
                        .map(|a| a.on);
                    let state = match approved {
                        Some(on) => self
                            .fmt(k::EXPORT_RECORD_SIGN_OFF_APPROVED, &[("date", &on.to_string())]),
                        None => self.get(k::EXPORT_RECORD_SIGN_OFF_PENDING),
                    };
                    vec![md::text(m), md::text(&state)]
                })
                .collect();
            doc.table(&header, &rows);
        }
        for (key, names) in [
            (k::EXPORT_RECORD_SIGN_OFF_CONSULTED, &meta.consulted),
            (k::EXPORT_RECORD_SIGN_OFF_INFORMED, &meta.informed),
        ] {
            let names = Self::people(names);
            let names = if names.is_empty() {
                self.get(k::EXPORT_RECORD_SIGN_OFF_NOBODY)
            } else {
                describe::and_list(self.t, &names)
            };
            doc.paragraph(&md::text(&self.fmt(key, &[("names", &names)])));
        }
    }

    fn or_unnamed(&self, name: &str) -> String {
        if name.trim().is_empty() {
            self.get(k::EXPORT_RECORD_SIGN_OFF_DPO_UNNAMED)
        } else {
            name.to_string()
        }
    }

    /// Changed answers: by default those after the decision (they are why it may need
    /// confirming again); with `--full` every change since the assessment began.
    fn history(&self, doc: &mut Doc) {
        let taken_on = self.b.decision.map(|d| d.snapshot.taken_on);
        let history: Vec<_> = self
            .b
            .assessment
            .history
            .iter()
            .filter(|c| {
                self.o.full
                    || taken_on.is_none()
                    || taken_on
                        .is_some_and(|t| jiff::tz::TimeZone::UTC.to_datetime(c.at).date() > t)
            })
            .collect();
        if history.is_empty() {
            return;
        }
        self.heading(doc, 3, k::EXPORT_RECORD_H_HISTORY);
        let header: Vec<String> = [
            k::EXPORT_RECORD_COL_WHEN,
            k::EXPORT_RECORD_COL_ANSWER,
            k::EXPORT_RECORD_COL_BEFORE,
            k::EXPORT_RECORD_COL_AFTER,
        ]
        .iter()
        .map(|k| md::text(self.t.get(*k)))
        .collect();
        let rows: Vec<Vec<String>> = history
            .iter()
            .map(|c| {
                let day = jiff::tz::TimeZone::UTC.to_datetime(c.at).date();
                let mut when = day.to_string();
                if taken_on.is_some_and(|t| day > t) {
                    when = self.fmt(k::EXPORT_RECORD_HISTORY_AFTER_DECISION, &[("date", &when)]);
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
        self.heading(doc, 3, k::EXPORT_RECORD_H_REVIEW);
        let line = match self.b.assessment.review_by {
            Some(d) if d < self.b.today => {
                self.fmt(k::EXPORT_RECORD_REVIEW_OVERDUE, &[("date", &d.to_string())])
            }
            Some(d) => self.fmt(k::EXPORT_RECORD_REVIEW_BY, &[("date", &d.to_string())]),
            None => self.get(k::EXPORT_RECORD_REVIEW_NONE),
        };
        doc.paragraph(&md::text(&line));
        let key = if self.involves_dpf() {
            k::EXPORT_RECORD_REVIEW_TRIGGERS_DPF
        } else {
            k::EXPORT_RECORD_REVIEW_TRIGGERS
        };
        doc.paragraph(&md::text(self.t.get(key)));
    }

    /// US recipients under the Data Privacy Framework are allowed or involved: the pending
    /// appeal against the adequacy decision is a reason to look again.
    fn involves_dpf(&self) -> bool {
        self.b.scenario.transfer_stance >= TransferStance::Dpf
            || self.b.subject().is_some_and(|o| o.dpf_certified.value() == Some(&true))
    }
}

/// Green before grey before yellow and red.
fn light_rank(light: Light) -> u8 {
    match light {
        Light::Green => 0,
        Light::Grey => 1,
        Light::Yellow => 2,
        Light::Red => 3,
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
