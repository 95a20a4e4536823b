//! Taking the decision and living with it: the frozen snapshot, what a decision must have before
//! it counts, and what a changed answer does to a decision already taken. Pure: today's date is
//! passed in, the catalogue too.

use std::collections::BTreeSet;

use jiff::civil::Date;

use super::assessment::{
    Assessment, ChecklistItem, Decision, DecisionDraft, DecisionSnapshot, Override, Status,
    StatusChange, TodoStatus, excluded_records,
};
use super::catalog::{Catalog, Offering};
use super::evidence;
use super::narrowing::{self, FactField, RuleId, Shortlist, Tier};
use super::scenario::Scenario;
use super::todos::{self, Todo, TodoId};

/// Something a decision still lacks; the wizard names it and keeps the focus there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Missing {
    /// No offering is chosen.
    Chosen,
    /// The runner-up is the chosen offering itself.
    RunnerUpIsChosen,
    /// An excluded offering is chosen: why it is chosen anyway.
    OverrideReason,
    /// An excluded offering is chosen: who accepts the risk.
    OverrideAcceptedBy,
    /// A status is set without the name of the decision-maker who set it.
    DecidedBy,
    /// A status other than "proposed" needs a rationale.
    Rationale,
}

/// Whether the narrowing excluded `id` (an offering the shortlist does not rank at all, e.g. one
/// added to the catalogue since, counts as not excluded).
pub fn is_excluded(shortlist: &Shortlist, id: &str) -> bool {
    shortlist.excluded.iter().any(|e| e.offering == id)
}

/// Freezes what the decision rests on: the shortlist as of `today`, full copies of the chosen
/// offering, the runner-up and every offering that remained, the sources they cite, the to-dos.
pub fn snapshot(
    catalog: &Catalog,
    scenario: &Scenario,
    chosen: &str,
    runner_up: Option<&str>,
    today: Date,
) -> DecisionSnapshot {
    let shortlist = narrowing::narrow(catalog, scenario, today);
    let mut ids: Vec<&str> = shortlist.ranked.iter().map(|e| e.offering.as_str()).collect();
    ids.extend([Some(chosen), runner_up].into_iter().flatten());
    let offerings: Vec<Offering> =
        catalog.offerings.iter().filter(|o| ids.contains(&o.id.as_str())).cloned().collect();
    let mut cited = BTreeSet::new();
    for offering in &offerings {
        for field in FactField::all() {
            if let Some(p) = offering.fact(field).provenance() {
                cited.insert(p.source.to_string());
            }
        }
        cited.extend(offering.authority_positions.iter().map(|p| p.source.clone()));
    }
    let excluded = excluded_records(catalog, &shortlist, &offerings);
    cited.extend(excluded.iter().flat_map(|e| e.facts.iter().map(|f| f.source.clone())));
    let sources = catalog
        .sources
        .iter()
        .filter(|(k, _)| cited.contains(*k))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    DecisionSnapshot {
        catalog_edition: catalog.edition.clone(),
        schema: catalog.schema,
        taken_on: today,
        scenario: scenario.clone(),
        shortlist,
        offerings,
        sources,
        todos: match catalog.offering(chosen) {
            Some(o) => todos::for_offering(catalog, scenario, o),
            None => todos::todos(scenario, None),
        },
        evidence: Vec::new(),
        excluded,
    }
}

/// A decision for `chosen` that nobody has confirmed yet (the wizard's working copy).
pub fn propose(catalog: &Catalog, scenario: &Scenario, chosen: &str, today: Date) -> Decision {
    Decision {
        chosen: chosen.to_string(),
        runner_up: None,
        rationale: String::new(),
        override_: None,
        snapshot: snapshot(catalog, scenario, chosen, None, today),
        to_be_confirmed: false,
    }
}

/// Chooses another offering (or runner-up) for the working decision; the snapshot follows, so
/// that it always holds copies of the offerings the decision names.
pub fn rechoose(
    decision: &mut Decision,
    catalog: &Catalog,
    scenario: &Scenario,
    chosen: &str,
    runner_up: Option<&str>,
    today: Date,
) {
    decision.chosen = chosen.to_string();
    decision.runner_up = runner_up.map(str::to_string);
    decision.snapshot = snapshot(catalog, scenario, chosen, runner_up, today);
    if is_excluded(&decision.snapshot.shortlist, chosen) {
        decision
            .override_
            .get_or_insert_with(|| Override { reason: String::new(), accepted_by: String::new() });
    }
}

/// What the assessment's decision still lacks, in the order the form asks for it.
pub fn missing(a: &Assessment) -> Vec<Missing> {
    let Some(d) = &a.decision else { return vec![Missing::Chosen] };
    let mut out = Vec::new();
    if d.chosen.trim().is_empty() {
        out.push(Missing::Chosen);
    }
    if d.runner_up.as_deref() == Some(d.chosen.as_str()) {
        out.push(Missing::RunnerUpIsChosen);
    }
    let status = a.status.as_ref();
    let settled = status.is_some_and(|s| s.status != Status::Proposed);
    if settled && d.rationale.trim().is_empty() {
        out.push(Missing::Rationale);
    }
    if is_excluded(&d.snapshot.shortlist, &d.chosen) {
        let o = d.override_.as_ref();
        if o.is_none_or(|o| o.reason.trim().is_empty()) {
            out.push(Missing::OverrideReason);
        }
        if o.is_none_or(|o| o.accepted_by.trim().is_empty()) {
            out.push(Missing::OverrideAcceptedBy);
        }
    }
    if status.is_some_and(|s| s.by.trim().is_empty()) {
        out.push(Missing::DecidedBy);
    }
    out
}

/// Takes the decision: checks it is complete, freezes the snapshot anew as of `today` (the
/// catalogue with the organisation's evidence, and the answers of this moment), dates the
/// status, confirms it again after changes, and brings the checklist in line with the to-dos of
/// the chosen offering.
pub fn take(a: &mut Assessment, catalog: &Catalog, today: Date) -> Result<(), Vec<Missing>> {
    let problems = missing(a);
    if !problems.is_empty() {
        return Err(problems);
    }
    let scenario = a.scenario.clone();
    let proof = evidence::of_assessment(a);
    let effective = evidence::effective_catalog(catalog, &proof);
    let Some(d) = &mut a.decision else { return Err(vec![Missing::Chosen]) };
    let chosen = d.chosen.clone();
    let runner_up = d.runner_up.clone();
    d.snapshot = snapshot(&effective, &scenario, &chosen, runner_up.as_deref(), today);
    d.snapshot.evidence = proof;
    if !is_excluded(&d.snapshot.shortlist, &chosen) {
        d.override_ = None;
    } else if d.override_.is_none() {
        // The catalogue changed under the form: the override is now needed and missing.
        return Err(vec![Missing::OverrideReason, Missing::OverrideAcceptedBy]);
    }
    d.to_be_confirmed = false;
    let todos = d.snapshot.todos.clone();
    let rests_on_dpf = d.snapshot.offerings.iter().find(|o| o.id == chosen).is_some_and(|o| {
        o.dpf_certified.value() == Some(&true)
            && narrowing::third_countries(o).iter().any(|c| c.eq_ignore_ascii_case("US"))
    });
    if a.review_by.is_none() {
        a.review_by = Some(default_review_by(today, rests_on_dpf));
    }
    if let Some(status) = &mut a.status {
        status.on = today;
    }
    reconcile_checklist(a, &todos, today);
    Ok(())
}

/// The decision form's contents: the saved draft, else the decision taken (with its status),
/// else `preselected` (the top-ranked offering) with "proposed", set by the decision-makers.
pub fn draft_of(a: &Assessment, preselected: Option<&str>) -> DecisionDraft {
    if let Some(draft) = &a.draft {
        return draft.clone();
    }
    taken_as_draft(a).unwrap_or_else(|| DecisionDraft {
        chosen: preselected.unwrap_or_default().to_string(),
        runner_up: None,
        rationale: String::new(),
        override_: None,
        status: Status::Proposed,
        set_by: decision_makers(a),
    })
}

/// The decision-makers named on the About form, as one "set by" value.
fn decision_makers(a: &Assessment) -> String {
    let names: Vec<&str> =
        a.meta.decision_makers.iter().map(|n| n.trim()).filter(|n| !n.is_empty()).collect();
    names.join(", ")
}

/// The decision taken, as the form shows it.
fn taken_as_draft(a: &Assessment) -> Option<DecisionDraft> {
    let d = a.decision.as_ref()?;
    Some(DecisionDraft {
        chosen: d.chosen.clone(),
        runner_up: d.runner_up.clone(),
        rationale: d.rationale.clone(),
        override_: d.override_.clone(),
        status: a.status.as_ref().map_or(Status::Proposed, |s| s.status),
        set_by: match &a.status {
            Some(s) => s.by.clone(),
            None => decision_makers(a),
        },
    })
}

/// Keeps `draft` as the assessment's draft, or drops it when it says what the decision taken
/// already says (then there is nothing pending).
pub fn keep_draft(a: &mut Assessment, draft: DecisionDraft) {
    a.draft = (taken_as_draft(a).as_ref() != Some(&draft)).then_some(draft);
}

/// What the draft still lacks before it can be taken, in the order the form asks for it.
/// `excluded` tells whether the narrowing of today excludes an offering.
pub fn missing_in_draft(draft: &DecisionDraft, excluded: impl Fn(&str) -> bool) -> Vec<Missing> {
    let mut out = Vec::new();
    if draft.chosen.trim().is_empty() {
        out.push(Missing::Chosen);
    }
    if draft.runner_up.as_deref() == Some(draft.chosen.as_str()) {
        out.push(Missing::RunnerUpIsChosen);
    }
    let settled = draft.status != Status::Proposed;
    if settled && draft.rationale.trim().is_empty() {
        out.push(Missing::Rationale);
    }
    if excluded(&draft.chosen) {
        let o = draft.override_.as_ref();
        if o.is_none_or(|o| o.reason.trim().is_empty()) {
            out.push(Missing::OverrideReason);
        }
        if o.is_none_or(|o| o.accepted_by.trim().is_empty()) {
            out.push(Missing::OverrideAcceptedBy);
        }
    }
    if settled && draft.set_by.trim().is_empty() {
        out.push(Missing::DecidedBy);
    }
    out
}

/// "Take the decision" on the form's contents: the decision with its snapshot as of `today`, the
/// status dated today. On success the draft is gone; on failure nothing changes.
pub fn take_draft(
    a: &mut Assessment,
    draft: &DecisionDraft,
    catalog: &Catalog,
    today: Date,
) -> Result<(), Vec<Missing>> {
    let mut next = a.clone();
    let mut decision = match next.decision.take() {
        Some(d) => d,
        None => propose(catalog, &a.scenario, &draft.chosen, today),
    };
    rechoose(&mut decision, catalog, &a.scenario, &draft.chosen, draft.runner_up.as_deref(), today);
    decision.rationale = draft.rationale.clone();
    decision.override_ = draft
        .override_
        .clone()
        .filter(|o| !o.reason.trim().is_empty() || !o.accepted_by.trim().is_empty());
    if is_excluded(&decision.snapshot.shortlist, &draft.chosen) && decision.override_.is_none() {
        decision.override_ = Some(Override { reason: String::new(), accepted_by: String::new() });
    }
    next.decision = Some(decision);
    let named = !draft.set_by.trim().is_empty();
    next.status = (draft.status != Status::Proposed || named).then(|| StatusChange {
        status: draft.status,
        by: draft.set_by.trim().to_string(),
        on: today,
    });
    take(&mut next, catalog, today)?;
    next.draft = None;
    *a = next;
    Ok(())
}

/// When a decision should be looked at again: after a year, as facts go stale; after six months
/// when US transfers rest on the Data Privacy Framework, whose adequacy decision is under appeal
/// (C-703/25 P).
pub fn default_review_by(today: Date, rests_on_dpf: bool) -> Date {
    let months = if rests_on_dpf { 6 } else { 12 };
    today.checked_add(jiff::Span::new().months(months)).unwrap_or(today)
}

/// Keeps the checklist in line with the to-dos that apply now: a to-do that no longer applies is
/// kept and marked "no longer applies since `today`" (never deleted); one that applies again
/// loses the mark. To-dos of the snapshot the user never touched are kept the same way.
pub fn reconcile_checklist(a: &mut Assessment, current: &[Todo], today: Date) {
    let applies = |id| current.iter().any(|t| t.id == id);
    let mut known: Vec<_> = a.checklist.keys().copied().collect();
    if let Some(d) = &a.decision {
        known.extend(d.snapshot.todos.iter().map(|t| t.id));
    }
    for id in known {
        let item = a.checklist.entry(id).or_default();
        if applies(id) {
            item.no_longer_applies_since = None;
        } else if item.no_longer_applies_since.is_none() {
            item.no_longer_applies_since = Some(today);
        }
    }
    // Untouched to-dos that apply need no entry: they are open by default.
    a.checklist.retain(|id, item| {
        !(applies(*id)
            && item.no_longer_applies_since.is_none()
            && *item == ChecklistItem::default())
    });
}

/// An answer changed after the decision was taken: the decision must be confirmed again unless
/// the answers are back to what the decision rested on, and the checklist follows the to-dos of
/// the new answers. Without a decision nothing happens.
pub fn answer_changed(a: &mut Assessment, catalog: &Catalog, today: Date) {
    let current = current_todos(a, catalog);
    let Some(d) = &mut a.decision else { return };
    d.to_be_confirmed = a.scenario != d.snapshot.scenario;
    reconcile_checklist(a, &current, today);
}

/// The to-dos that apply now: for the chosen offering (today's catalogue with the organisation's
/// evidence) once there is a decision, else those before the decision.
pub fn current_todos(a: &Assessment, catalog: &Catalog) -> Vec<Todo> {
    let proof = evidence::of_assessment(a);
    let effective = evidence::effective_catalog(catalog, &proof);
    match &a.decision {
        Some(d) => match d.chosen_offering(Some(&effective)) {
            Some(o) => todos::for_offering(&effective, &a.scenario, o),
            None => todos::todos(&a.scenario, None),
        },
        None => todos::todos(&a.scenario, None),
    }
}

/// What a decision still waits for before use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Readiness {
    /// The to-dos that apply now (see [`current_todos`]).
    pub todos: Vec<Todo>,
    /// Preconditions of use not yet done.
    pub open_preconditions: Vec<TodoId>,
    /// Hard requirements of the chosen offering nobody has confirmed (today's catalogue with
    /// the organisation's evidence).
    pub open_confirmations: Vec<RuleId>,
    /// The chosen offering's tier when the decision was frozen (`None`: it was excluded).
    pub tier_when_taken: Option<Tier>,
}

impl Readiness {
    /// Ready for use: every precondition done and every hard requirement confirmed.
    pub fn ready_for_use(&self) -> bool {
        self.open_preconditions.is_empty() && self.open_confirmations.is_empty()
    }
}

/// What the assessment's decision still waits for; `None` without a decision.
pub fn readiness(a: &Assessment, catalog: &Catalog, today: Date) -> Option<Readiness> {
    let d = a.decision.as_ref()?;
    let todos = current_todos(a, catalog);
    let open_preconditions = todos
        .iter()
        .filter(|t| t.precondition)
        .filter(|t| {
            a.checklist
                .get(&t.id)
                .is_none_or(|i| i.status == TodoStatus::Open && i.no_longer_applies_since.is_none())
        })
        .map(|t| t.id)
        .collect();
    let proof = evidence::of_assessment(a);
    let effective = evidence::effective_catalog(catalog, &proof);
    let open_confirmations = match d.chosen_offering(Some(&effective)) {
        Some(o) => {
            let r = narrowing::requirements_of(&effective, &a.scenario, o, today);
            r.unconfirmed.iter().map(|u| u.rule).collect()
        }
        None => Vec::new(),
    };
    let tier_when_taken =
        d.snapshot.shortlist.ranked.iter().find(|e| e.offering == d.chosen).map(|e| e.tier());
    Some(Readiness { todos, open_preconditions, open_confirmations, tier_when_taken })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::{StatusChange, TodoStatus};
    use crate::scenario::{DataCategory, TransferStance};
    use crate::todos::TodoId;

    fn catalog() -> Catalog {
        ron::from_str(include_str!("../../tests/fixtures/catalog.ron")).unwrap()
    }

    const TODAY: Date = Date::constant(2026, 11, 29);
    const LATER: Date = Date::constant(2026, 12, 14);

    fn assessment() -> Assessment {
        let now = "2026-11-29T09:00:00Z".parse().unwrap();
        Assessment::new("d1".into(), "Test".into(), now, "x".into())
    }

    /// An assessment with a decision for the top-ranked offering.
    fn decided() -> (Assessment, Catalog) {
        let catalog = catalog();
        let mut a = assessment();
        let top = narrowing::narrow(&catalog, &a.scenario, TODAY).ranked[0].offering.clone();
        a.decision = Some(propose(&catalog, &a.scenario, &top, TODAY));
        take(&mut a, &catalog, TODAY).unwrap();
        (a, catalog)
    }

    #[test]
    fn taking_the_decision_freezes_the_snapshot() {
        let catalog = catalog();
        let mut a = assessment();
        // Countries with an adequacy decision allowed, so that a runner-up remains.
        a.scenario.transfer_stance = TransferStance::Adequacy;
        let shortlist = narrowing::narrow(&catalog, &a.scenario, TODAY);
        let top = shortlist.ranked[0].offering.clone();
        let second = shortlist.ranked[1].offering.clone();
        let mut d = propose(&catalog, &a.scenario, &top, Date::constant(2026, 1, 1));
        rechoose(&mut d, &catalog, &a.scenario, &top, Some(&second), Date::constant(2026, 1, 1));
        a.decision = Some(d);
        take(&mut a, &catalog, TODAY).unwrap();
        let snap = &a.decision.as_ref().unwrap().snapshot;
        assert_eq!(snap.taken_on, TODAY, "frozen anew when taken");
        assert_eq!(snap.catalog_edition, catalog.edition);
        assert_eq!(snap.schema, catalog.schema);
        assert_eq!(snap.scenario, a.scenario);
        assert_eq!(snap.shortlist, shortlist);
        for e in &shortlist.ranked {
            assert!(snap.offerings.iter().any(|o| o.id == e.offering), "{} copied", e.offering);
        }
        assert!(snap.offerings.iter().any(|o| o.id == second));
        for o in &snap.offerings {
            for p in &o.authority_positions {
                assert!(snap.sources.contains_key(&p.source), "{} cited", p.source);
            }
        }
        assert!(snap.sources.keys().all(|k| catalog.sources.contains_key(k)));
        assert_eq!(snap.todos, todos::todos(&a.scenario, catalog.offering(&top)));
    }

    #[test]
    fn an_excluded_choice_needs_reason_and_person() {
        let catalog = catalog();
        let mut a = assessment();
        a.scenario.transfer_stance = TransferStance::EuOnly;
        let shortlist = narrowing::narrow(&catalog, &a.scenario, TODAY);
        let out = shortlist.excluded[0].offering.clone();
        let mut d = propose(&catalog, &a.scenario, &shortlist.ranked[0].offering, TODAY);
        rechoose(&mut d, &catalog, &a.scenario, &out, None, TODAY);
        assert!(d.override_.is_some(), "the form gets an override to fill in");
        a.decision = Some(d);
        assert_eq!(
            take(&mut a, &catalog, TODAY),
            Err(vec![Missing::OverrideReason, Missing::OverrideAcceptedBy])
        );
        let o = a.decision.as_mut().unwrap().override_.as_mut().unwrap();
        o.reason = "Only this one runs on the clinic's devices".into();
        assert_eq!(take(&mut a, &catalog, TODAY), Err(vec![Missing::OverrideAcceptedBy]));
        a.decision.as_mut().unwrap().override_.as_mut().unwrap().accepted_by = "Dr. Roth".into();
        assert_eq!(take(&mut a, &catalog, TODAY), Ok(()));
        assert!(a.decision.unwrap().override_.is_some(), "kept for the record");
    }

    #[test]
    fn an_override_is_dropped_when_a_remaining_offering_is_chosen() {
        let (mut a, catalog) = decided();
        let d = a.decision.as_mut().unwrap();
        d.override_ = Some(Override { reason: "x".into(), accepted_by: "y".into() });
        take(&mut a, &catalog, TODAY).unwrap();
        assert_eq!(a.decision.unwrap().override_, None);
    }

    #[test]
    fn a_status_needs_a_named_decision_maker_and_a_settled_one_a_rationale() {
        let (mut a, catalog) = decided();
        a.status = Some(StatusChange { status: Status::Proposed, by: " ".into(), on: TODAY });
        assert_eq!(take(&mut a, &catalog, TODAY), Err(vec![Missing::DecidedBy]));
        a.status.as_mut().unwrap().by = "Ute Weber".into();
        assert_eq!(take(&mut a, &catalog, TODAY), Ok(()), "proposed: empty rationale is fine");
        a.status.as_mut().unwrap().status = Status::Accepted;
        assert_eq!(take(&mut a, &catalog, LATER), Err(vec![Missing::Rationale]));
        a.decision.as_mut().unwrap().rationale = "Fits and is hosted in Germany.".into();
        assert_eq!(take(&mut a, &catalog, LATER), Ok(()));
        assert_eq!(a.status.unwrap().on, LATER, "dated when taken");
    }

    #[test]
    fn the_runner_up_cannot_be_the_chosen_offering() {
        let (mut a, catalog) = decided();
        let d = a.decision.as_mut().unwrap();
        d.runner_up = Some(d.chosen.clone());
        assert_eq!(take(&mut a, &catalog, TODAY), Err(vec![Missing::RunnerUpIsChosen]));
    }

    #[test]
    fn a_changed_answer_asks_for_confirmation_and_keeps_old_todos() {
        let (mut a, catalog) = decided();
        a.scenario.data.insert(DataCategory::SpecialCategories);
        answer_changed(&mut a, &catalog, LATER);
        assert!(a.decision.as_ref().unwrap().to_be_confirmed);
        assert!(
            !a.checklist.contains_key(&TodoId::SpecialCategoryCondition),
            "a new to-do is open by default, no entry needed"
        );
        // Work on it, then take the answer back.
        a.checklist.insert(
            TodoId::SpecialCategoryCondition,
            ChecklistItem { status: TodoStatus::Done, owner: "IT".into(), ..Default::default() },
        );
        a.scenario.data.remove(&DataCategory::SpecialCategories);
        answer_changed(&mut a, &catalog, LATER);
        assert!(!a.decision.as_ref().unwrap().to_be_confirmed, "back to what was decided");
        let kept = &a.checklist[&TodoId::SpecialCategoryCondition];
        assert_eq!(kept.no_longer_applies_since, Some(LATER), "kept, marked, not deleted");
        assert_eq!(kept.owner, "IT");
        // Applies again: the mark goes.
        a.scenario.data.insert(DataCategory::SpecialCategories);
        answer_changed(&mut a, &catalog, Date::constant(2027, 1, 5));
        assert_eq!(a.checklist[&TodoId::SpecialCategoryCondition].no_longer_applies_since, None);
    }

    #[test]
    fn untouched_snapshot_todos_that_no_longer_apply_are_kept_too() {
        let (mut a, catalog) = decided();
        let snapshot_ids: Vec<TodoId> =
            a.decision.as_ref().unwrap().snapshot.todos.iter().map(|t| t.id).collect();
        assert!(snapshot_ids.contains(&TodoId::ParticipantInformation));
        // Make a scenario-driven to-do apply, take it, then remove the cause again. (E2EE is
        // answered "no" explicitly so that the chosen offering stays within the knock-outs.)
        a.scenario.data.insert(DataCategory::SpecialCategories);
        a.scenario.e2ee_required = Some(false);
        take(&mut a, &catalog, TODAY).unwrap();
        a.scenario.data.remove(&DataCategory::SpecialCategories);
        answer_changed(&mut a, &catalog, LATER);
        assert_eq!(
            a.checklist[&TodoId::SpecialCategoryCondition].no_longer_applies_since,
            Some(LATER)
        );
    }

    #[test]
    fn a_draft_is_no_decision_until_taken() {
        let catalog = catalog();
        let mut a = assessment();
        a.meta.decision_makers = vec!["Ute Weber".into()];
        let top = narrowing::narrow(&catalog, &a.scenario, TODAY).ranked[0].offering.clone();
        let mut draft = draft_of(&a, Some(&top));
        assert_eq!((draft.chosen.as_str(), draft.set_by.as_str()), (top.as_str(), "Ute Weber"));
        assert_eq!(draft.status, Status::Proposed);
        draft.status = Status::Accepted;
        keep_draft(&mut a, draft.clone());
        assert!(a.decision.is_none() && a.status.is_none(), "a draft decides nothing");
        assert_eq!(draft_of(&a, None), draft, "the form comes back as it was left");
        assert_eq!(take_draft(&mut a, &draft, &catalog, TODAY), Err(vec![Missing::Rationale]));
        assert!(a.decision.is_none(), "a failed take changes nothing");
        draft.rationale = "Hosted in Germany.".into();
        take_draft(&mut a, &draft, &catalog, TODAY).unwrap();
        assert!(a.draft.is_none());
        assert_eq!(a.decision.as_ref().unwrap().chosen, top);
        let status = a.status.clone().unwrap();
        assert_eq!(
            (status.status, status.by.as_str(), status.on),
            (Status::Accepted, "Ute Weber", TODAY)
        );
        // The form over a taken decision shows it; the same contents are no draft.
        let same = draft_of(&a, None);
        keep_draft(&mut a, same);
        assert!(a.draft.is_none());
    }

    #[test]
    fn a_proposed_draft_without_a_name_records_no_status() {
        let catalog = catalog();
        let mut a = assessment();
        let top = narrowing::narrow(&catalog, &a.scenario, TODAY).ranked[0].offering.clone();
        let draft = draft_of(&a, Some(&top));
        take_draft(&mut a, &draft, &catalog, TODAY).unwrap();
        assert!(a.status.is_none(), "proposed by nobody in particular");
        assert!(a.decision.is_some());
    }

    #[test]
    fn an_excluded_choice_in_a_draft_needs_reason_and_person() {
        let draft = DecisionDraft {
            chosen: "x".into(),
            runner_up: None,
            rationale: String::new(),
            override_: None,
            status: Status::Proposed,
            set_by: String::new(),
        };
        assert_eq!(
            missing_in_draft(&draft, |id| id == "x"),
            [Missing::OverrideReason, Missing::OverrideAcceptedBy]
        );
        assert!(missing_in_draft(&draft, |_| false).is_empty());
    }

    #[test]
    fn taking_the_decision_sets_a_review_date_once() {
        let (a, _) = decided();
        assert!(a.review_by.is_some_and(|d| d > TODAY), "a review date is set");
        assert_eq!(default_review_by(TODAY, false), Date::constant(2027, 11, 29));
        assert_eq!(default_review_by(TODAY, true), Date::constant(2027, 5, 29));
        let (mut a, catalog) = decided();
        a.review_by = Some(Date::constant(2030, 1, 1));
        take(&mut a, &catalog, TODAY).unwrap();
        assert_eq!(a.review_by, Some(Date::constant(2030, 1, 1)), "the user's date is kept");
    }

    #[test]
    fn without_a_decision_a_change_does_nothing() {
        let catalog = catalog();
        let mut a = assessment();
        a.scenario.transfer_stance = TransferStance::EuOnly;
        answer_changed(&mut a, &catalog, TODAY);
        assert!(a.decision.is_none() && a.checklist.is_empty());
        assert_eq!(missing(&a), vec![Missing::Chosen]);
    }
}
