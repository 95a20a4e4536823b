//! The value of one answer, typed: the answer history stores it, and the sentences layer words
//! it in the reader's language (never an id).

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::catalog::{Browser, Feature};
use crate::narrowing::AnswerId;
use crate::scenario::{
    AttentionTracking, Bundesland, DataCategory, HostingPreference, LegalRegime, OrgType,
    Organiser, Participant, ProtectionNeed, Purpose, RecordingPolicy, Representation, Scenario,
    Size, TransferStance,
};

/// What an answer was set to. Answers that follow a proposal (public body, regime, overlays,
/// protection need, E2EE) hold the value in force.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AnswerValue {
    Flag(bool),
    OrgType(OrgType),
    Regime(LegalRegime),
    /// `None`: no Land given.
    Bundesland(Option<Bundesland>),
    Purposes(BTreeSet<Purpose>),
    Organisers(BTreeSet<Organiser>),
    Participants(BTreeSet<Participant>),
    /// A size band of the first save format.
    Size(Size),
    /// A number of people (largest meeting, audience).
    People(u32),
    Data(BTreeSet<DataCategory>),
    ProtectionNeed(ProtectionNeed),
    Representation(Representation),
    TransferStance(TransferStance),
    Hosting(HostingPreference),
    Browsers(BTreeSet<Browser>),
    Features(BTreeSet<Feature>),
    Recording(RecordingPolicy),
    AttentionTracking(AttentionTracking),
}

impl AnswerValue {
    /// The value of `answer` in `scenario`.
    pub fn of(scenario: &Scenario, answer: AnswerId) -> AnswerValue {
        let s = scenario;
        match answer {
            AnswerId::OrgType => AnswerValue::OrgType(s.org_type),
            AnswerId::PublicBody => AnswerValue::Flag(s.public_body()),
            AnswerId::Regime => AnswerValue::Regime(s.regime()),
            AnswerId::SocialData => AnswerValue::Flag(s.social_data()),
            AnswerId::ProfessionalSecrecy => AnswerValue::Flag(s.professional_secrecy()),
            AnswerId::Bundesland => AnswerValue::Bundesland(s.bundesland),
            AnswerId::Purposes => AnswerValue::Purposes(s.purposes.clone()),
            AnswerId::Organisers => AnswerValue::Organisers(s.organisers.clone()),
            AnswerId::Participants => AnswerValue::Participants(s.participants.clone()),
            AnswerId::Size => AnswerValue::People(s.largest_meeting),
            AnswerId::Audience => AnswerValue::People(s.audience),
            AnswerId::Data => AnswerValue::Data(s.data.clone()),
            AnswerId::ProtectionNeed => AnswerValue::ProtectionNeed(s.protection()),
            AnswerId::E2eeRequired => AnswerValue::Flag(s.e2ee()),
            AnswerId::Representation => AnswerValue::Representation(s.representation),
            AnswerId::TransferStance => AnswerValue::TransferStance(s.transfer_stance),
            AnswerId::Hosting => AnswerValue::Hosting(s.hosting),
            AnswerId::SelfHostingCapacity => AnswerValue::Flag(s.self_hosting_capacity),
            AnswerId::InstallPossible => AnswerValue::Flag(s.install_possible),
            AnswerId::Browsers => AnswerValue::Browsers(s.browsers.clone()),
            AnswerId::JoinWithoutAccount => AnswerValue::Flag(s.join_without_account),
            AnswerId::RequiredFeatures => AnswerValue::Features(s.required_features.clone()),
            AnswerId::Recording => AnswerValue::Recording(s.recording),
            AnswerId::AttentionTracking => AnswerValue::AttentionTracking(s.attention_tracking),
            AnswerId::OpenSourceRequired => AnswerValue::Flag(s.open_source_required),
            AnswerId::StatutoryInsuranceVideo => AnswerValue::Flag(s.statutory_insurance_video),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_answer_has_a_value_that_saves_and_reads_back() {
        let s = Scenario::default();
        for answer in AnswerId::ALL {
            let value = AnswerValue::of(&s, answer);
            let text = ron::to_string(&value).unwrap();
            assert_eq!(ron::from_str::<AnswerValue>(&text).unwrap(), value, "{text}");
        }
        let value = AnswerValue::of(&s, AnswerId::Participants);
        assert_eq!(ron::to_string(&value).unwrap(), "Participants([Staff])");
    }
}
