//! What-ifs: relax one knock-out answer by one named level and see which excluded offerings
//! would then pass every rule.

use super::knockouts::knockouts;
use super::{AnswerId, Evaluation, WhatIf};
use crate::catalog::{Catalog, Feature, Offering};
use crate::scenario::{HostingPreference, Scenario, Size, TransferStance};

/// The relaxed value of an answer. Saved as the id of that value (`stance.dpf`, `size.up_to_20`,
/// `feature.recording` for a feature no longer required, `answer.value.yes` / `.no`), the form
/// the first save format used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RelaxedTo {
    Stance(TransferStance),
    Size(Size),
    Hosting(HostingPreference),
    /// The feature is no longer required.
    WithoutFeature(Feature),
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
        stances.chain(sizes).chain(hosting).chain(features).chain([RelaxedTo::Yes, RelaxedTo::No])
    }

    /// The stable id, as saved.
    pub fn id(self) -> &'static str {
        match self {
            RelaxedTo::Stance(s) => s.key(),
            RelaxedTo::Size(s) => s.key(),
            RelaxedTo::Hosting(h) => h.key(),
            RelaxedTo::WithoutFeature(f) => f.key(),
            RelaxedTo::Yes => "answer.value.yes",
            RelaxedTo::No => "answer.value.no",
        }
    }

    pub fn from_id(id: &str) -> Option<RelaxedTo> {
        RelaxedTo::all().find(|r| r.id() == id)
    }
}

impl serde::Serialize for RelaxedTo {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
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

/// The next level of every answer that can be relaxed, given the answers that caused knock-outs.
pub(super) fn relaxations(s: &Scenario, causes: &[AnswerId]) -> Vec<Relaxation> {
    let mut out = Vec::new();
    let mut relax = |answer: AnswerId, relaxed_to: RelaxedTo, change: &dyn Fn(&mut Scenario)| {
        let mut scenario = s.clone();
        change(&mut scenario);
        out.push(Relaxation { answer, relaxed_to, scenario });
    };
    for &answer in causes {
        match answer {
            AnswerId::TransferStance => {
                let next = match s.transfer_stance {
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
            AnswerId::Size => {
                let smaller = match s.size {
                    Size::UpTo5 => None,
                    Size::UpTo20 => Some(Size::UpTo5),
                    Size::UpTo50 => Some(Size::UpTo20),
                    Size::UpTo100 => Some(Size::UpTo50),
                    Size::UpTo300 => Some(Size::UpTo100),
                    Size::Over300 => Some(Size::UpTo300),
                };
                if let Some(smaller) = smaller {
                    relax(answer, RelaxedTo::Size(smaller), &|sc| sc.size = smaller);
                }
            }
            AnswerId::RequiredFeatures => {
                for &feature in &s.required_features {
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
    let mut out = Vec::new();
    for relaxation in relaxations(s, &causes) {
        let brings_back: Vec<String> = excluded
            .iter()
            // Only offerings whose every knock-out used this answer can come back.
            .filter(|(_, e)| e.knockouts.iter().all(|k| k.answers.contains(&relaxation.answer)))
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
            assert_eq!(RelaxedTo::from_id(r.id()), Some(*r));
        }
        let mut ids: Vec<&str> = all.iter().map(|r| r.id()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), all.len());
        let text = ron::to_string(&RelaxedTo::Stance(TransferStance::Dpf)).unwrap();
        assert_eq!(text, "\"stance.dpf\"");
    }
}
