//! What-ifs: relax one knock-out answer by one named level and see which excluded offerings
//! would then pass every rule.

use super::knockouts::knockouts;
use super::{AnswerId, Evaluation, KnockOutDetail, WhatIf};
use crate::catalog::{Catalog, Feature, Offering};
use crate::scenario::{HostingPreference, RecordingPolicy, Scenario, Size, TransferStance};

/// The relaxed value of an answer. Saved as the id of that value (`stance.dpf`, `size.up_to_20`,
/// `feature.recording` for a feature no longer required, `answer.value.yes` / `.no`), the form
/// the first save format used; a smaller meeting as `participants.N`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RelaxedTo {
    Stance(TransferStance),
    /// A size band of the first save format (read from old snapshots only).
    Size(Size),
    /// At most this many people in all (active and watching).
    Participants(u32),
    Hosting(HostingPreference),
    /// The feature is no longer required.
    WithoutFeature(Feature),
    Recording(RecordingPolicy),
    Yes,
    No,
}

impl RelaxedTo {
    /// Every value a relaxation can take.
    pub fn all() -> impl Iterator<Item = RelaxedTo> {
        let stances = TransferStance::ALL.iter().map(|s| RelaxedTo::Stance(*s));
        let sizes = Size::ALL.iter().map(|s| RelaxedTo::Size(*s));
        let hosting = HostingPreference::ALL.iter().map(|h| RelaxedTo::Hosting(*h));
        let features = Feature::ALL.iter().map(|f| RelaxedTo::WithoutFeature(*f));
        let recording = RecordingPolicy::ALL.iter().map(|r| RelaxedTo::Recording(*r));
        stances
            .chain(sizes)
            .chain(hosting)
            .chain(features)
            .chain(recording)
            .chain([RelaxedTo::Yes, RelaxedTo::No])
    }

    /// The stable id, as saved.
    pub fn id(self) -> String {
        match self {
            RelaxedTo::Stance(s) => s.key().to_string(),
            RelaxedTo::Size(s) => s.key().to_string(),
            RelaxedTo::Participants(n) => format!("{PARTICIPANTS}{n}"),
            RelaxedTo::Hosting(h) => h.key().to_string(),
            RelaxedTo::WithoutFeature(f) => f.key().to_string(),
            RelaxedTo::Recording(r) => r.key().to_string(),
            RelaxedTo::Yes => "answer.value.yes".to_string(),
            RelaxedTo::No => "answer.value.no".to_string(),
        }
    }

    pub fn from_id(id: &str) -> Option<RelaxedTo> {
        if let Some(n) = id.strip_prefix(PARTICIPANTS) {
            return n.parse().ok().map(RelaxedTo::Participants);
        }
        RelaxedTo::all().find(|r| r.id() == id)
    }
}

impl serde::Serialize for RelaxedTo {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.id())
    }
}

impl<'de> serde::Deserialize<'de> for RelaxedTo {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let id = <String as serde::Deserialize>::deserialize(deserializer)?;
        RelaxedTo::from_id(&id).ok_or_else(|| {
            serde::de::Error::invalid_value(serde::de::Unexpected::Str(&id), &"a relaxed answer")
        })
    }
}

/// One relaxed answer: which answer, its relaxed value, and the relaxed scenario.
pub(super) struct Relaxation {
    pub answer: AnswerId,
    pub relaxed_to: RelaxedTo,
    pub scenario: Scenario,
}

/// The prefix of a smaller meeting's id: `participants.100` is "at most 100 people in all".
const PARTICIPANTS: &str = "participants.";

/// The next level of every answer that can be relaxed, given the answers that caused knock-outs
/// and the participant limits of the offerings too small for the meeting.
pub(super) fn relaxations(s: &Scenario, causes: &[AnswerId], limits: &[u32]) -> Vec<Relaxation> {
    let mut out = Vec::new();
    let mut relax = |answer: AnswerId, relaxed_to: RelaxedTo, change: &dyn Fn(&mut Scenario)| {
        let mut scenario = s.clone();
        change(&mut scenario);
        out.push(Relaxation { answer, relaxed_to, scenario });
    };
    let mut size_relaxed = false;
    for &answer in causes {
        match answer {
            AnswerId::TransferStance => {
                let next = match s.transfer_stance {
                    TransferStance::NoUsControl => Some(TransferStance::EuOnly),
                    TransferStance::EuOnly => Some(TransferStance::Adequacy),
                    TransferStance::Adequacy => Some(TransferStance::Dpf),
                    TransferStance::Dpf => Some(TransferStance::SccWithTia),
                    TransferStance::SccWithTia => None,
                };
                if let Some(next) = next {
                    relax(answer, RelaxedTo::Stance(next), &|sc| sc.transfer_stance = next);
                }
            }
            AnswerId::InstallPossible if !s.install_possible => {
                relax(answer, RelaxedTo::Yes, &|sc| sc.install_possible = true);
            }
            AnswerId::E2eeRequired if s.e2ee() => {
                relax(answer, RelaxedTo::No, &|sc| sc.e2ee_required = Some(false));
            }
            AnswerId::Size | AnswerId::Audience => {
                // The largest limit below the meeting: the smallest cut that brings one back.
                let needed = s.participants_needed();
                let Some(total) = limits.iter().copied().filter(|n| *n < needed && *n > 0).max()
                else {
                    continue;
                };
                if size_relaxed {
                    continue;
                }
                size_relaxed = true;
                relax(AnswerId::Size, RelaxedTo::Participants(total), &|sc| {
                    sc.largest_meeting = sc.largest_meeting.min(total);
                    sc.audience = total - sc.largest_meeting;
                });
            }
            AnswerId::Recording if s.recording.records() => {
                relax(answer, RelaxedTo::Recording(RecordingPolicy::Prohibited), &|sc| {
                    sc.recording = RecordingPolicy::Prohibited;
                });
            }
            AnswerId::JoinWithoutAccount if s.join_without_account => {
                relax(answer, RelaxedTo::No, &|sc| sc.join_without_account = false);
            }
            AnswerId::RequiredFeatures => {
                for &feature in s.required_features.iter().filter(|f| **f != Feature::Recording) {
                    relax(answer, RelaxedTo::WithoutFeature(feature), &|sc| {
                        sc.required_features.remove(&feature);
                    });
                }
            }
            AnswerId::Hosting => {
                let broader = match s.hosting {
                    HostingPreference::OwnOnly => Some(HostingPreference::OwnOrProvider),
                    HostingPreference::OwnOrProvider => Some(HostingPreference::Any),
                    HostingPreference::Any => None,
                };
                if let Some(broader) = broader {
                    relax(answer, RelaxedTo::Hosting(broader), &|sc| sc.hosting = broader);
                }
            }
            AnswerId::OpenSourceRequired if s.open_source_required => {
                relax(answer, RelaxedTo::No, &|sc| sc.open_source_required = false);
            }
            AnswerId::SelfHostingCapacity if !s.self_hosting_capacity => {
                relax(answer, RelaxedTo::Yes, &|sc| sc.self_hosting_capacity = true);
            }
            // Facts about the organisation (social data, statutory insurance, the sensitive
            // context) are not preferences: they are not relaxed.
            _ => {}
        }
    }
    out
}

/// `excluded` pairs each excluded offering with its evaluation, in catalogue order.
pub(super) fn what_ifs(
    catalog: &Catalog,
    s: &Scenario,
    excluded: &[(&Offering, &Evaluation)],
) -> Vec<WhatIf> {
    let mut causes: Vec<AnswerId> = excluded
        .iter()
        .flat_map(|(_, e)| e.knockouts.iter().flat_map(|k| k.answers.iter().copied()))
        .collect();
    causes.sort();
    causes.dedup();
    let limits: Vec<u32> = excluded
        .iter()
        .flat_map(|(_, e)| &e.knockouts)
        .filter_map(|k| match k.detail {
            KnockOutDetail::Participants { max, .. } => Some(max),
            _ => None,
        })
        .collect();
    let mut out = Vec::new();
    for relaxation in relaxations(s, &causes, &limits) {
        let brings_back: Vec<String> = excluded
            .iter()
            // Only offerings whose every knock-out used this answer can come back.
            .filter(|(_, e)| {
                e.knockouts.iter().all(|k| {
                    k.answers.contains(&relaxation.answer)
                        || (relaxation.answer == AnswerId::Size
                            && k.answers.contains(&AnswerId::Audience))
                })
            })
            .map(|(o, _)| *o)
            .filter(|o| knockouts(catalog, &relaxation.scenario, o).is_empty())
            .map(|o| o.id.clone())
            .collect();
        if !brings_back.is_empty() {
            out.push(WhatIf {
                answer: relaxation.answer,
                relaxed_to: relaxation.relaxed_to,
                brings_back,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relaxed_values_have_distinct_ids_that_read_back() {
        let all: Vec<RelaxedTo> = RelaxedTo::all().collect();
        for r in &all {
            assert_eq!(RelaxedTo::from_id(&r.id()), Some(*r));
        }
        assert_eq!(RelaxedTo::from_id("participants.100"), Some(RelaxedTo::Participants(100)));
        let mut ids: Vec<String> = all.iter().map(|r| r.id()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), all.len());
        let text = ron::to_string(&RelaxedTo::Stance(TransferStance::Dpf)).unwrap();
        assert_eq!(text, "\"stance.dpf\"");
    }
}
