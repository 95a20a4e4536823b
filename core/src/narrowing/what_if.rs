//! What-ifs: relax one knock-out answer by one named level and see which excluded offerings
//! would then pass every rule.

use super::knockouts::knockouts;
use super::{AnswerId, Evaluation, WhatIf};
use crate::catalog::{Catalog, Offering};
use crate::scenario::{HostingPreference, Scenario, Size, TransferStance};

/// One relaxed answer: which answer, its relaxed value's text key, and the relaxed scenario.
pub(super) struct Relaxation {
    pub answer: AnswerId,
    pub relaxed_to: &'static str,
    pub scenario: Scenario,
}

/// Text keys for yes/no answer values (shared with `describe`).
pub const YES: &str = "answer.value.yes";
pub const NO: &str = "answer.value.no";

/// The next level of every answer that can be relaxed, given the answers that caused knock-outs.
pub(super) fn relaxations(s: &Scenario, causes: &[AnswerId]) -> Vec<Relaxation> {
    let mut out = Vec::new();
    let mut relax = |answer: AnswerId, relaxed_to: &'static str, change: &dyn Fn(&mut Scenario)| {
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
                    relax(answer, next.key(), &|sc| sc.transfer_stance = next);
                }
            }
            AnswerId::InstallPossible if !s.install_possible => {
                relax(answer, YES, &|sc| sc.install_possible = true);
            }
            AnswerId::E2eeRequired if s.e2ee() => {
                relax(answer, NO, &|sc| sc.e2ee_required = Some(false));
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
                    relax(answer, smaller.key(), &|sc| sc.size = smaller);
                }
            }
            AnswerId::RequiredFeatures => {
                for &feature in &s.required_features {
                    relax(answer, feature.key(), &|sc| {
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
                    relax(answer, broader.key(), &|sc| sc.hosting = broader);
                }
            }
            AnswerId::OpenSourceRequired if s.open_source_required => {
                relax(answer, NO, &|sc| sc.open_source_required = false);
            }
            AnswerId::SelfHostingCapacity if !s.self_hosting_capacity => {
                relax(answer, YES, &|sc| sc.self_hosting_capacity = true);
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
                relaxed_to: relaxation.relaxed_to.to_string(),
                brings_back,
            });
        }
    }
    out
}
