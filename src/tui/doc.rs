//! The open assessment and what the wizard knows about it beyond the save: the shortlist for the
//! current answers, what the last answer changed, where it was saved, and the messages shown.

use crate::i18n::{Key, Texts, k};
use std::borrow::Cow;
use std::path::PathBuf;

use jiff::Timestamp;
use jiff::civil::Date;

use super::env::Env;
use super::questions::Question;
use crate::domain::answer_value::AnswerValue;
use crate::domain::assessment::Change;
use crate::domain::catalog::Catalog;
use crate::domain::changes::{SnapshotChange, snapshot_changes};
use crate::domain::narrowing::{AnswerId, Shortlist, WhatIf};
use crate::domain::scenario::{Scenario, Step};
use crate::domain::todos::{self, Todo};
use crate::domain::{decision, evidence};
use crate::store::Loaded;

/// A message: a text key with placeholder values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    pub error: bool,
    pub key: Key,
    pub args: Vec<(&'static str, NoteArg)>,
}

/// A placeholder value of a note: text shown as it is (a file name, an error, what the user
/// typed), never looked up; or a text in the reader's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoteArg {
    Text(String),
    Worded(Key),
}

impl Note {
    pub fn info(key: Key, args: Vec<(&'static str, String)>) -> Note {
        Note { error: false, key, args: as_they_are(args) }
    }
    pub fn error(key: Key, args: Vec<(&'static str, String)>) -> Note {
        Note { error: true, key, args: as_they_are(args) }
    }
    /// "Missing: …" with what is missing in the reader's language.
    pub fn missing(what: Key) -> Note {
        Note { error: true, key: k::UI_NOTE_MISSING, args: vec![("what", NoteArg::Worded(what))] }
    }

    /// The message in the reader's language.
    pub fn text(&self, t: &Texts) -> String {
        let args: Vec<(&str, &str)> = self
            .args
            .iter()
            .map(|(name, value)| match value {
                NoteArg::Text(text) => (*name, text.as_str()),
                NoteArg::Worded(key) => (*name, t.get(*key)),
            })
            .collect();
        t.fmt(self.key, &args)
    }
}

fn as_they_are(args: Vec<(&'static str, String)>) -> Vec<(&'static str, NoteArg)> {
    args.into_iter().map(|(name, value)| (name, NoteArg::Text(value))).collect()
}

/// The message line and the log of recent messages behind it.
#[derive(Clone, Debug, Default)]
pub struct Notes {
    pub current: Option<Note>,
    /// Every message shown, newest last, with when (at most [`Notes::KEPT`]).
    pub log: Vec<(Timestamp, Note)>,
    /// A message was shown during the update under way (moving on keeps it).
    pub shown_now: bool,
}

impl Notes {
    pub const KEPT: usize = 50;

    /// Shows a message and keeps it in the log.
    pub fn show(&mut self, note: Note, at: Timestamp) {
        if self.log.last().is_none_or(|(_, last)| *last != note) {
            self.log.push((at, note.clone()));
            if self.log.len() > Notes::KEPT {
                self.log.remove(0);
            }
        }
        self.current = Some(note);
        self.shown_now = true;
    }

    /// Clears the message line when it holds a confirmation or a "still missing" (an error
    /// about the files stays until something else is said).
    pub fn clear_passing(&mut self) {
        if self.current.as_ref().is_some_and(|n| !n.error || n.key == k::UI_NOTE_MISSING) {
            self.current = None;
        }
    }

    pub fn is(&self, key: Key) -> bool {
        self.current.as_ref().is_some_and(|n| n.key == key)
    }
}

/// What the last answer changed in the shortlist.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NarrowDiff {
    pub answer: AnswerId,
    /// Offering ids that were in and are now out.
    pub knocked_out: Vec<String>,
    /// Offering ids that were out and are now in.
    pub brought_back: Vec<String>,
}

/// A what-if looked at before it is taken over: the answers as they would be, and the result.
#[derive(Clone, Debug, PartialEq)]
pub struct Preview {
    pub what_if: WhatIf,
    pub scenario: Scenario,
    pub shortlist: Shortlist,
}

/// The open assessment and the wizard's knowledge about it.
#[derive(Debug)]
pub struct Doc {
    pub loaded: Loaded,
    /// Changes not yet saved.
    pub dirty: bool,
    pub saved_to: Option<PathBuf>,
    pub shortlist: Option<Shortlist>,
    /// The catalogue with the organisation's evidence applied, when there is any (the shortlist
    /// and the results read it; `None`: the catalogue as it is).
    pub with_evidence: Option<Catalog>,
    pub last_change: Option<NarrowDiff>,
    /// Today's catalogue compared with the decision snapshot.
    pub catalog_changes: Vec<SnapshotChange>,
    /// Offering ids chosen for the comparison on the results, in the order chosen.
    pub compare: Vec<String>,
    pub preview: Option<Preview>,
    /// Documents written during this session, newest last.
    pub written: Vec<PathBuf>,
    /// The furthest step reached: the steps before it count as done on the step rail.
    pub reached: Step,
}

impl Doc {
    pub fn new(loaded: Loaded) -> Doc {
        let a = &loaded.assessment;
        let reached = if a.decision.is_some() { a.step.max(Step::Checklist) } else { a.step };
        Doc {
            loaded,
            dirty: false,
            saved_to: None,
            shortlist: None,
            with_evidence: None,
            last_change: None,
            catalog_changes: Vec::new(),
            compare: Vec::new(),
            preview: None,
            written: Vec::new(),
            reached,
        }
    }

    pub fn scenario(&self) -> &Scenario {
        &self.loaded.assessment.scenario
    }

    /// The step the assessment is at (where it resumes).
    pub fn step(&self) -> Step {
        self.loaded.assessment.step
    }

    /// The file this assessment lives in (after a save, the one saved to).
    pub fn path(&self) -> Option<&PathBuf> {
        self.saved_to.as_ref().or(self.loaded.path.as_ref())
    }

    pub fn touch(&mut self, now: Timestamp) {
        self.loaded.assessment.meta.updated = now;
        self.dirty = true;
    }

    /// Recomputes the shortlist; with `answer`, records what it knocked out or brought back, and
    /// a decision already taken must be confirmed again (its checklist follows the answers).
    pub fn renarrow(&mut self, env: &Env, answer: Option<AnswerId>) {
        let Some(catalog) = &env.catalog else { return };
        let proof = evidence::of_assessment(&self.loaded.assessment);
        self.with_evidence = match evidence::effective_catalog(catalog, &proof) {
            Cow::Owned(c) => Some(c),
            Cow::Borrowed(_) => None,
        };
        let seen = self.with_evidence.as_ref().unwrap_or(catalog);
        let new = (env.narrow)(seen, self.scenario(), env.today);
        if let (Some(answer), Some(old)) = (answer, &self.shortlist) {
            let ids = |v: &[crate::domain::narrowing::Evaluation]| {
                v.iter().map(|e| e.offering.clone()).collect::<Vec<_>>()
            };
            let (old_in, new_in) = (ids(&old.ranked), ids(&new.ranked));
            self.last_change = Some(NarrowDiff {
                answer,
                knocked_out: old_in.iter().filter(|id| !new_in.contains(id)).cloned().collect(),
                brought_back: new_in.iter().filter(|id| !old_in.contains(id)).cloned().collect(),
            });
        }
        self.compare.retain(|id| new.evaluation(id).is_some());
        self.shortlist = Some(new);
        self.preview = None;
        let a = &mut self.loaded.assessment;
        if answer.is_some() && a.decision.is_some() {
            decision::answer_changed(a, catalog, env.today);
            self.dirty = true;
        }
        self.catalog_changes = match &a.decision {
            Some(d) => snapshot_changes(d, catalog, env.today),
            None => Vec::new(),
        };
    }

    /// The catalogue as this assessment sees it: with its evidence, else `catalog` itself.
    pub fn seen<'a>(&'a self, catalog: &'a Catalog) -> &'a Catalog {
        self.with_evidence.as_ref().unwrap_or(catalog)
    }

    /// Records a changed answer in the history: repeated changes of one answer in a row are one
    /// entry; the first change after a decision was taken starts a new one.
    pub fn record_change(&mut self, answer: AnswerId, old: AnswerValue, now: Timestamp) {
        let a = &mut self.loaded.assessment;
        let new = AnswerValue::of(&a.scenario, answer);
        if old == new {
            return;
        }
        let decided = a.decision.as_ref().is_some_and(|d| !d.to_be_confirmed);
        match a.history.last_mut() {
            Some(last) if last.answer == answer && !decided => last.new = new,
            _ => a.history.push(Change { at: now, answer, old, new }),
        }
        self.touch(now);
    }

    /// Space on an option: picks or toggles it, records the change, narrows again. Returns the
    /// answer that changed.
    pub fn choose(&mut self, env: &Env, question: Question, option: usize) -> Option<AnswerId> {
        let answer = question.answer(option)?;
        let old = AnswerValue::of(self.scenario(), answer);
        if !question.choose(option, &mut self.loaded.assessment.scenario) {
            return None;
        }
        self.record_change(answer, old, env.now);
        self.renarrow(env, Some(answer));
        Some(answer)
    }

    /// What is missing before `step` can be left forward: a text key, and the answer or field to
    /// put the focus on.
    pub fn missing(&self, step: Step) -> Option<(Key, Missing)> {
        let a = &self.loaded.assessment;
        match step {
            Step::About if a.meta.title.trim().is_empty() => {
                Some((k::UI_MISSING_TITLE, Missing::Title))
            }
            Step::People if a.scenario.largest_meeting == 0 && a.scenario.audience == 0 => {
                Some((k::UI_MISSING_LARGEST_MEETING, Missing::Question(Question::Size)))
            }
            Step::Data if a.scenario.protection_lowered() => {
                if a.scenario.protection_lowered_reason.trim().is_empty() {
                    Some((
                        k::UI_MISSING_LOWERING_REASON,
                        Missing::Question(Question::LoweringReason),
                    ))
                } else if a.scenario.protection_risk_accepted_by.trim().is_empty() {
                    Some((
                        k::UI_MISSING_RISK_ACCEPTED_BY,
                        Missing::Question(Question::RiskAcceptedBy),
                    ))
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    /// The to-dos for the scenario and the offering decided on (none: the scenario's alone).
    /// With the catalogue, the chosen offering's unconfirmed requirements are asked exactly.
    pub fn todos(&self, catalog: Option<&Catalog>) -> Vec<Todo> {
        let a = &self.loaded.assessment;
        match (&a.decision, catalog) {
            (_, Some(c)) => decision::current_todos(a, self.seen(c)),
            (Some(d), None) => todos::todos(&a.scenario, d.chosen_offering(None)),
            (None, None) => todos::todos(&a.scenario, None),
        }
    }

    /// Preconditions of use that are still open (neither done nor set aside as not applicable).
    pub fn open_preconditions(&self, catalog: Option<&Catalog>) -> usize {
        self.loaded.assessment.open_preconditions(&self.todos(catalog)).len()
    }

    /// The step needs the user's attention (the step rail marks it).
    pub fn needs_attention(&self, step: Step, catalog: Option<&Catalog>) -> bool {
        let a = &self.loaded.assessment;
        match step {
            Step::About | Step::People | Step::Data => self.missing(step).is_some(),
            Step::Results => self.shortlist.as_ref().is_some_and(|l| l.ranked.is_empty()),
            Step::Decision => {
                a.draft.is_some() || a.decision.as_ref().is_some_and(|d| d.to_be_confirmed)
            }
            Step::Checklist => a.decision.is_some() && self.open_preconditions(catalog) > 0,
            _ => false,
        }
    }

    /// The review date has come.
    pub fn review_due(&self, today: Date) -> bool {
        self.loaded.assessment.review_by.is_some_and(|d| d <= today)
    }
}

/// Where a missing answer is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Missing {
    Title,
    Question(Question),
}
