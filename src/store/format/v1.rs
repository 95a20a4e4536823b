//! Format version 1, frozen: no header, and the answer history held each value as ids joined
//! by ", " ("pupils, staff"; "yes"/"no"; "none" for no Land). Everything else was shaped as in
//! version 2 (to-do reasons were saved under `key`, which version 2 still reads).

use std::collections::BTreeMap;

use jiff::Timestamp;
use jiff::civil::Date;
use ron::error::{Position, Span, SpannedError};
use serde::Deserialize;

use crate::domain::answer_value::AnswerValue;
use crate::domain::assessment::{Assessment, Change, ChecklistItem, Decision, Meta, StatusChange};
use crate::domain::catalog::{Browser, Feature};
use crate::domain::narrowing::AnswerId;
use crate::domain::scenario::{
    Bundesland, DataCategory, HostingPreference, LegalRegime, OrgType, Organiser, Participant,
    ProtectionNeed, Purpose, Representation, Scenario, Size, Step, TransferStance,
};
use crate::domain::todos::TodoId;

#[derive(Deserialize)]
struct File {
    #[allow(dead_code)]
    version: u32,
    assessment: AssessmentV1,
}

#[derive(Deserialize)]
struct AssessmentV1 {
    meta: Meta,
    scenario: Scenario,
    step: Step,
    #[serde(default)]
    decision: Option<Decision>,
    #[serde(default)]
    status: Option<StatusChange>,
    #[serde(default)]
    checklist: BTreeMap<TodoId, ChecklistItem>,
    #[serde(default)]
    review_by: Option<Date>,
    catalog_edition: String,
    #[serde(default)]
    history: Vec<ChangeV1>,
}

#[derive(Deserialize)]
struct ChangeV1 {
    at: Timestamp,
    answer: AnswerId,
    old: String,
    new: String,
}

/// Parses a version-1 text and upgrades it. A history value that names no option of its answer
/// (only possible in a file edited by hand) is an error at that value, never dropped.
pub fn read_and_upgrade(text: &str) -> Result<Assessment, SpannedError> {
    // Answers saved as plain values (`public_body: false`) read as given answers.
    let file: File = crate::answers_text::ron_options().from_str(text)?;
    let v1 = file.assessment;
    let mut history = Vec::with_capacity(v1.history.len());
    for change in v1.history {
        let value = |ids: &str| {
            legacy_value(change.answer, ids).ok_or_else(|| unreadable(text, change.answer, ids))
        };
        history.push(Change {
            at: change.at,
            answer: change.answer,
            old: value(&change.old)?,
            new: value(&change.new)?,
        });
    }
    Ok(Assessment {
        meta: v1.meta,
        scenario: v1.scenario,
        step: v1.step,
        decision: v1.decision,
        // Version 1 knew no drafts: a form left untaken was written as the decision itself.
        draft: None,
        status: v1.status,
        checklist: v1.checklist,
        review_by: v1.review_by,
        catalog_edition: v1.catalog_edition,
        history,
        sign_off: Default::default(),
        evidence: Vec::new(),
    })
}

/// The error for a history value, placed at its first occurrence in the text.
fn unreadable(text: &str, answer: AnswerId, ids: &str) -> SpannedError {
    let quoted = format!("{ids:?}");
    let offset = text.find(&quoted).unwrap_or(0);
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    let at = Position { line, col };
    SpannedError {
        code: ron::Error::Message(format!("{quoted} is no value of the answer {answer:?}")),
        span: Span { start: at, end: at },
    }
}

/// A version-1 history value of `answer`: ids joined by "," (with or without a space).
fn legacy_value(answer: AnswerId, ids: &str) -> Option<AnswerValue> {
    fn one<T: Copy>(all: &[T], id: impl Fn(T) -> &'static str, text: &str) -> Option<T> {
        all.iter().copied().find(|v| id(*v) == text.trim())
    }
    fn set<T: Copy + Ord>(
        all: &[T],
        id: impl Fn(T) -> &'static str,
        text: &str,
    ) -> Option<std::collections::BTreeSet<T>> {
        text.split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|part| one(all, &id, part))
            .collect()
    }
    let feature = |f: Feature| f.key().trim_start_matches("feature.");
    let browser = |b: Browser| b.key().trim_start_matches("browser.");
    let flag = || match ids.trim() {
        "yes" => Some(AnswerValue::Flag(true)),
        "no" => Some(AnswerValue::Flag(false)),
        _ => None,
    };
    Some(match answer {
        AnswerId::OrgType => AnswerValue::OrgType(one(OrgType::ALL, OrgType::id, ids)?),
        AnswerId::Regime => AnswerValue::Regime(one(LegalRegime::ALL, LegalRegime::id, ids)?),
        AnswerId::Bundesland if ids.trim() == "none" => AnswerValue::Bundesland(None),
        AnswerId::Bundesland => {
            AnswerValue::Bundesland(Some(one(Bundesland::ALL, Bundesland::id, ids)?))
        }
        AnswerId::Purposes => AnswerValue::Purposes(set(Purpose::ALL, Purpose::id, ids)?),
        AnswerId::Organisers => AnswerValue::Organisers(set(Organiser::ALL, Organiser::id, ids)?),
        AnswerId::Participants => {
            AnswerValue::Participants(set(Participant::ALL, Participant::id, ids)?)
        }
        AnswerId::Size => AnswerValue::Size(one(Size::ALL, Size::id, ids)?),
        AnswerId::Data => AnswerValue::Data(set(DataCategory::ALL, DataCategory::id, ids)?),
        AnswerId::ProtectionNeed => {
            AnswerValue::ProtectionNeed(one(ProtectionNeed::ALL, ProtectionNeed::id, ids)?)
        }
        AnswerId::Representation => {
            AnswerValue::Representation(one(Representation::ALL, Representation::id, ids)?)
        }
        AnswerId::TransferStance => {
            AnswerValue::TransferStance(one(TransferStance::ALL, TransferStance::id, ids)?)
        }
        AnswerId::Hosting => {
            AnswerValue::Hosting(one(HostingPreference::ALL, HostingPreference::id, ids)?)
        }
        AnswerId::Browsers => AnswerValue::Browsers(set(&Browser::ALL, browser, ids)?),
        AnswerId::RequiredFeatures => AnswerValue::Features(set(&Feature::ALL, feature, ids)?),
        AnswerId::PublicBody
        | AnswerId::SocialData
        | AnswerId::ProfessionalSecrecy
        | AnswerId::E2eeRequired
        | AnswerId::SelfHostingCapacity
        | AnswerId::InstallPossible
        | AnswerId::OpenSourceRequired
        | AnswerId::StatutoryInsuranceVideo => flag()?,
        // Answers version 1 did not have.
        AnswerId::Audience
        | AnswerId::JoinWithoutAccount
        | AnswerId::Recording
        | AnswerId::AttentionTracking => return None,
    })
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    #[test]
    fn legacy_values_of_every_kind_read() {
        let cases = [
            (AnswerId::Size, "up_to_20", AnswerValue::Size(Size::UpTo20)),
            (
                AnswerId::Participants,
                "pupils, staff",
                AnswerValue::Participants(BTreeSet::from([
                    Participant::Pupils,
                    Participant::Staff,
                ])),
            ),
            (
                AnswerId::RequiredFeatures,
                "screen_sharing,dial_in",
                AnswerValue::Features(BTreeSet::from([Feature::ScreenSharing, Feature::DialIn])),
            ),
            (AnswerId::Browsers, "", AnswerValue::Browsers(BTreeSet::new())),
            (AnswerId::Bundesland, "none", AnswerValue::Bundesland(None)),
            (AnswerId::Bundesland, "be", AnswerValue::Bundesland(Some(Bundesland::Berlin))),
            (AnswerId::InstallPossible, "no", AnswerValue::Flag(false)),
            (
                AnswerId::TransferStance,
                "eu_only",
                AnswerValue::TransferStance(TransferStance::EuOnly),
            ),
        ];
        for (answer, ids, value) in cases {
            assert_eq!(legacy_value(answer, ids), Some(value), "{answer:?} {ids:?}");
        }
        assert_eq!(legacy_value(AnswerId::Size, "huge"), None);
        assert_eq!(legacy_value(AnswerId::Participants, "pupils, aliens"), None);
        assert_eq!(legacy_value(AnswerId::InstallPossible, "maybe"), None);
    }
}
