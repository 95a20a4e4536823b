//! The questions of the scenario steps: which answers each step asks, their options, and how
//! choosing an option changes the [`Scenario`]. Pure; the wizard's `update` and views use it.

use crate::i18n::{Key, k};
use std::collections::BTreeSet;

use crate::domain::catalog::{Browser, Feature};
use crate::domain::narrowing::AnswerId;
use crate::domain::scenario::{
    AttentionTracking, Bundesland, DataCategory, HostingPreference, LegalRegime, OrgType,
    Organiser, Participant, Proposal, ProtectionNeed, Purpose, RecordingPolicy, Representation,
    Scenario, Step, TransferStance,
};

/// The data categories asked for: § 203 secrets are asked once, as the overlay.
const DATA_OPTIONS: [DataCategory; 4] = [
    DataCategory::Ordinary,
    DataCategory::ConfidentialBusiness,
    DataCategory::SpecialCategories,
    DataCategory::ChildrensData,
];

/// The features asked for: recording is asked once, as the recording policy.
const FEATURE_OPTIONS: [Feature; 8] = [
    Feature::ScreenSharing,
    Feature::DialIn,
    Feature::BreakoutRooms,
    Feature::Lobby,
    Feature::Passwords,
    Feature::Chat,
    Feature::Whiteboard,
    Feature::Polls,
];

/// One question on a scenario step. A step may ask several.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Question {
    OrgType,
    PublicBody,
    Regime,
    /// Social data (SGB X) and professional secrecy (§ 203 StGB), both yes/no.
    Overlays,
    Bundesland,
    Purposes,
    Organisers,
    Participants,
    /// Number: people taking an active part in the largest meeting.
    Size,
    /// Number: people only watching (webinar, livestream).
    Audience,
    Representation,
    Data,
    ProtectionNeed,
    /// Text: why the protection need is set below the proposal.
    LoweringReason,
    /// Text: who accepts the risk of the lower protection need.
    RiskAcceptedBy,
    E2ee,
    TransferStance,
    Hosting,
    SelfHosting,
    InstallPossible,
    Browsers,
    JoinWithoutAccount,
    Features,
    Recording,
    AttentionTracking,
    OpenSource,
    StatutoryInsurance,
}

/// A selectable line of a step: an option of a question, or a text field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    Choice { question: Question, option: usize },
    Text { question: Question },
}

impl Row {
    pub fn question(self) -> Question {
        match self {
            Row::Choice { question, .. } | Row::Text { question } => question,
        }
    }
}

/// The questions of `step` for this scenario; those that do not apply are left out.
pub fn questions(step: Step, s: &Scenario) -> Vec<Question> {
    use Question as Q;
    match step {
        Step::Organisation => {
            vec![Q::OrgType, Q::PublicBody, Q::Regime, Q::Overlays, Q::Bundesland, Q::Purposes]
        }
        Step::People => {
            vec![Q::Organisers, Q::Participants, Q::Size, Q::Audience, Q::Representation]
        }
        Step::Data => {
            let mut q = vec![Q::Data, Q::ProtectionNeed];
            if s.protection_lowered() {
                q.extend([Q::LoweringReason, Q::RiskAcceptedBy]);
            }
            q.push(Q::E2ee);
            q
        }
        Step::Transfers => vec![Q::TransferStance, Q::Hosting, Q::SelfHosting],
        Step::Participation => {
            let mut q = vec![Q::InstallPossible];
            if !s.install_possible {
                q.push(Q::Browsers);
            }
            q.extend([
                Q::JoinWithoutAccount,
                Q::Features,
                Q::Recording,
                Q::AttentionTracking,
                Q::OpenSource,
            ]);
            if s.asks_statutory_insurance() {
                q.push(Q::StatutoryInsurance);
            }
            q
        }
        _ => Vec::new(),
    }
}

/// The step that asks `answer`.
pub fn step_of(answer: AnswerId) -> Step {
    use AnswerId as A;
    match answer {
        A::OrgType
        | A::PublicBody
        | A::Regime
        | A::SocialData
        | A::ProfessionalSecrecy
        | A::Bundesland
        | A::Purposes => Step::Organisation,
        A::Organisers | A::Participants | A::Size | A::Audience | A::Representation => Step::People,
        A::Data | A::ProtectionNeed | A::E2eeRequired => Step::Data,
        A::TransferStance | A::Hosting | A::SelfHostingCapacity => Step::Transfers,
        A::InstallPossible
        | A::Browsers
        | A::JoinWithoutAccount
        | A::RequiredFeatures
        | A::Recording
        | A::AttentionTracking
        | A::OpenSourceRequired
        | A::StatutoryInsuranceVideo => Step::Participation,
    }
}

/// Every selectable row of `step`, in display order.
pub fn rows(step: Step, s: &Scenario) -> Vec<Row> {
    let mut rows = Vec::new();
    for question in questions(step, s) {
        if question.is_text() {
            rows.push(Row::Text { question });
        } else {
            let n = question.option_keys().len();
            rows.extend((0..n).map(|option| Row::Choice { question, option }));
        }
    }
    rows
}

const YES_NO: [Key; 2] = [k::UI_YES, k::UI_NO];

/// The keys of domain options (their ids name their texts).
fn keys<T: Copy>(all: &[T], key: fn(T) -> &'static str) -> Vec<Key> {
    all.iter().map(|v| Key::named(key(*v))).collect()
}

impl Question {
    /// Text key of the question itself (`{key}.hint` explains it).
    pub fn key(self) -> Key {
        match self {
            Question::OrgType => k::UI_Q_ORG_TYPE,
            Question::PublicBody => k::UI_Q_PUBLIC_BODY,
            Question::Regime => k::UI_Q_REGIME,
            Question::Overlays => k::UI_Q_OVERLAYS,
            Question::Bundesland => k::UI_Q_BUNDESLAND,
            Question::Purposes => k::UI_Q_PURPOSES,
            Question::Organisers => k::UI_Q_ORGANISERS,
            Question::Participants => k::UI_Q_PARTICIPANTS,
            Question::Size => k::UI_Q_SIZE,
            Question::Audience => k::UI_Q_AUDIENCE,
            Question::Representation => k::UI_Q_REPRESENTATION,
            Question::Data => k::UI_Q_DATA,
            Question::ProtectionNeed => k::UI_Q_PROTECTION_NEED,
            Question::LoweringReason => k::UI_Q_LOWERING_REASON,
            Question::RiskAcceptedBy => k::UI_Q_RISK_ACCEPTED_BY,
            Question::E2ee => k::UI_Q_E2EE,
            Question::TransferStance => k::UI_Q_TRANSFER_STANCE,
            Question::Hosting => k::UI_Q_HOSTING,
            Question::SelfHosting => k::UI_Q_SELF_HOSTING,
            Question::InstallPossible => k::UI_Q_INSTALL_POSSIBLE,
            Question::Browsers => k::UI_Q_BROWSERS,
            Question::JoinWithoutAccount => k::UI_Q_JOIN_WITHOUT_ACCOUNT,
            Question::Features => k::UI_Q_FEATURES,
            Question::Recording => k::UI_Q_RECORDING,
            Question::AttentionTracking => k::UI_Q_ATTENTION_TRACKING,
            Question::OpenSource => k::UI_Q_OPEN_SOURCE,
            Question::StatutoryInsurance => k::UI_Q_STATUTORY_INSURANCE,
        }
    }

    /// Text key of the question's one-line explanation (shown when its options have none).
    pub fn hint_key(self) -> Key {
        match self {
            Question::OrgType => k::UI_Q_ORG_TYPE_HINT,
            Question::PublicBody => k::UI_Q_PUBLIC_BODY_HINT,
            Question::Regime => k::UI_Q_REGIME_HINT,
            Question::Overlays => k::UI_Q_OVERLAYS_HINT,
            Question::Bundesland => k::UI_Q_BUNDESLAND_HINT,
            Question::Purposes => k::UI_Q_PURPOSES_HINT,
            Question::Organisers => k::UI_Q_ORGANISERS_HINT,
            Question::Participants => k::UI_Q_PARTICIPANTS_HINT,
            Question::Size => k::UI_Q_SIZE_HINT,
            Question::Audience => k::UI_Q_AUDIENCE_HINT,
            Question::Representation => k::UI_Q_REPRESENTATION_HINT,
            Question::Data => k::UI_Q_DATA_HINT,
            Question::ProtectionNeed => k::UI_Q_PROTECTION_NEED_HINT,
            Question::LoweringReason => k::UI_Q_LOWERING_REASON_HINT,
            Question::RiskAcceptedBy => k::UI_Q_RISK_ACCEPTED_BY_HINT,
            Question::E2ee => k::UI_Q_E2EE_HINT,
            Question::TransferStance => k::UI_Q_TRANSFER_STANCE_HINT,
            Question::Hosting => k::UI_Q_HOSTING_HINT,
            Question::SelfHosting => k::UI_Q_SELF_HOSTING_HINT,
            Question::InstallPossible => k::UI_Q_INSTALL_POSSIBLE_HINT,
            Question::Browsers => k::UI_Q_BROWSERS_HINT,
            Question::JoinWithoutAccount => k::UI_Q_JOIN_WITHOUT_ACCOUNT_HINT,
            Question::Features => k::UI_Q_FEATURES_HINT,
            Question::Recording => k::UI_Q_RECORDING_HINT,
            Question::AttentionTracking => k::UI_Q_ATTENTION_TRACKING_HINT,
            Question::OpenSource => k::UI_Q_OPEN_SOURCE_HINT,
            Question::StatutoryInsurance => k::UI_Q_STATUTORY_INSURANCE_HINT,
        }
    }

    pub fn is_text(self) -> bool {
        matches!(
            self,
            Question::LoweringReason
                | Question::RiskAcceptedBy
                | Question::Size
                | Question::Audience
        )
    }

    /// Several options may be chosen at once.
    pub fn is_multi(self) -> bool {
        matches!(
            self,
            Question::Overlays
                | Question::Purposes
                | Question::Organisers
                | Question::Participants
                | Question::Data
                | Question::Browsers
                | Question::Features
        )
    }

    fn is_yes_no(self) -> bool {
        matches!(
            self,
            Question::PublicBody
                | Question::E2ee
                | Question::SelfHosting
                | Question::InstallPossible
                | Question::JoinWithoutAccount
                | Question::OpenSource
                | Question::StatutoryInsurance
        )
    }

    /// Yes/no options have no explanation of their own: the question's hint explains them.
    pub fn options_have_hints(self) -> bool {
        !self.is_yes_no() && !self.is_text()
    }

    /// Text keys of the options' labels; `{key}.hint` is the one-line explanation.
    pub fn option_keys(self) -> Vec<Key> {
        match self {
            Question::OrgType => keys(OrgType::ALL, OrgType::key),
            Question::Regime => keys(LegalRegime::ALL, LegalRegime::key),
            Question::Overlays => {
                vec![k::UI_OVERLAY_SOCIAL_DATA, k::UI_OVERLAY_PROFESSIONAL_SECRECY]
            }
            Question::Bundesland => {
                let mut k = vec![k::UI_LAND_NONE];
                k.extend(keys(Bundesland::ALL, Bundesland::key));
                k
            }
            Question::Purposes => keys(Purpose::ALL, Purpose::key),
            Question::Organisers => keys(Organiser::ALL, Organiser::key),
            Question::Participants => keys(Participant::ALL, Participant::key),
            Question::Representation => keys(Representation::ALL, Representation::key),
            Question::Data => keys(&DATA_OPTIONS, DataCategory::key),
            Question::ProtectionNeed => keys(ProtectionNeed::ALL, ProtectionNeed::key),
            Question::TransferStance => keys(TransferStance::ALL, TransferStance::key),
            Question::Hosting => keys(HostingPreference::ALL, HostingPreference::key),
            Question::Browsers => keys(&Browser::ALL, Browser::key),
            Question::Features => keys(&FEATURE_OPTIONS, Feature::key),
            Question::Recording => keys(RecordingPolicy::ALL, RecordingPolicy::key),
            Question::AttentionTracking => keys(AttentionTracking::ALL, AttentionTracking::key),
            q if q.is_yes_no() => YES_NO.to_vec(),
            _ => Vec::new(),
        }
    }

    /// The answer an option belongs to (the overlays question holds two answers).
    pub fn answer(self, option: usize) -> Option<AnswerId> {
        Some(match self {
            Question::OrgType => AnswerId::OrgType,
            Question::PublicBody => AnswerId::PublicBody,
            Question::Regime => AnswerId::Regime,
            Question::Overlays if option == 0 => AnswerId::SocialData,
            Question::Overlays => AnswerId::ProfessionalSecrecy,
            Question::Bundesland => AnswerId::Bundesland,
            Question::Purposes => AnswerId::Purposes,
            Question::Organisers => AnswerId::Organisers,
            Question::Participants => AnswerId::Participants,
            Question::Size => AnswerId::Size,
            Question::Audience => AnswerId::Audience,
            Question::Representation => AnswerId::Representation,
            Question::Data => AnswerId::Data,
            Question::ProtectionNeed | Question::LoweringReason | Question::RiskAcceptedBy => {
                AnswerId::ProtectionNeed
            }
            Question::E2ee => AnswerId::E2eeRequired,
            Question::TransferStance => AnswerId::TransferStance,
            Question::Hosting => AnswerId::Hosting,
            Question::SelfHosting => AnswerId::SelfHostingCapacity,
            Question::InstallPossible => AnswerId::InstallPossible,
            Question::Browsers => AnswerId::Browsers,
            Question::JoinWithoutAccount => AnswerId::JoinWithoutAccount,
            Question::Features => AnswerId::RequiredFeatures,
            Question::Recording => AnswerId::Recording,
            Question::AttentionTracking => AnswerId::AttentionTracking,
            Question::OpenSource => AnswerId::OpenSourceRequired,
            Question::StatutoryInsurance => AnswerId::StatutoryInsuranceVideo,
        })
    }

    /// The answers this question sets (the overlays question sets two).
    pub fn answers(self) -> Vec<AnswerId> {
        let mut out: Vec<AnswerId> =
            (0..self.option_keys().len().max(1)).filter_map(|o| self.answer(o)).collect();
        out.dedup();
        out
    }

    /// Whether `option` is what the other answers propose (the wizard marks it "proposed").
    pub fn is_proposed(self, option: usize, s: &Scenario) -> bool {
        let yes = option == 0;
        match self {
            Question::PublicBody => s.proposed_public_body().0 == yes,
            Question::Regime => LegalRegime::ALL.get(option) == Some(&s.proposed_regime().0),
            Question::Overlays if option == 0 => s.proposed_social_data().0,
            Question::Overlays => s.proposed_professional_secrecy().0,
            Question::E2ee => s.proposed_e2ee().0 == yes,
            Question::ProtectionNeed => {
                ProtectionNeed::ALL.get(option) == Some(&s.proposed_protection().0)
            }
            _ => false,
        }
    }

    /// The answer of `option`'s question still follows the proposal (nobody has confirmed it),
    /// and why it is proposed.
    pub fn pending_proposal(self, option: usize, s: &Scenario) -> Option<Proposal> {
        match self {
            Question::PublicBody if s.public_body.is_none() => Some(s.proposed_public_body().1),
            Question::Regime if s.regime.is_none() => Some(s.proposed_regime().1),
            Question::Overlays if option == 0 && s.social_data.is_none() => {
                Some(s.proposed_social_data().1)
            }
            Question::Overlays if option == 1 && s.professional_secrecy.is_none() => {
                Some(s.proposed_professional_secrecy().1)
            }
            Question::E2ee if s.e2ee_required.is_none() => Some(s.proposed_e2ee().1),
            _ => None,
        }
    }

    /// Whether `option` is currently chosen in `s`.
    pub fn is_selected(self, option: usize, s: &Scenario) -> bool {
        fn at<T: Copy + Ord>(all: &[T], i: usize) -> Option<T> {
            all.get(i).copied()
        }
        fn has<T: Copy + Ord>(set: &BTreeSet<T>, all: &[T], i: usize) -> bool {
            at(all, i).is_some_and(|v| set.contains(&v))
        }
        let yes_no = |value: bool| (option == 0) == value;
        match self {
            Question::OrgType => at(OrgType::ALL, option) == Some(s.org_type),
            Question::PublicBody => yes_no(s.public_body()),
            Question::Regime => at(LegalRegime::ALL, option) == Some(s.regime()),
            Question::Overlays if option == 0 => s.social_data(),
            Question::Overlays => s.professional_secrecy(),
            Question::Bundesland => match s.bundesland {
                None => option == 0,
                Some(land) => option > 0 && at(Bundesland::ALL, option - 1) == Some(land),
            },
            Question::Purposes => has(&s.purposes, Purpose::ALL, option),
            Question::Organisers => has(&s.organisers, Organiser::ALL, option),
            Question::Participants => has(&s.participants, Participant::ALL, option),
            Question::Representation => at(Representation::ALL, option) == Some(s.representation),
            Question::Data => has(&s.data, &DATA_OPTIONS, option),
            Question::ProtectionNeed => at(ProtectionNeed::ALL, option) == Some(s.protection()),
            Question::E2ee => yes_no(s.e2ee()),
            Question::TransferStance => at(TransferStance::ALL, option) == Some(s.transfer_stance),
            Question::Hosting => at(HostingPreference::ALL, option) == Some(s.hosting),
            Question::SelfHosting => yes_no(s.self_hosting_capacity),
            Question::InstallPossible => yes_no(s.install_possible),
            Question::Browsers => has(&s.browsers, &Browser::ALL, option),
            Question::JoinWithoutAccount => yes_no(s.join_without_account),
            Question::Features => has(&s.required_features, &FEATURE_OPTIONS, option),
            Question::Recording => at(RecordingPolicy::ALL, option) == Some(s.recording),
            Question::AttentionTracking => {
                at(AttentionTracking::ALL, option) == Some(s.attention_tracking)
            }
            Question::OpenSource => yes_no(s.open_source_required),
            Question::StatutoryInsurance => yes_no(s.statutory_insurance_video),
            Question::LoweringReason
            | Question::RiskAcceptedBy
            | Question::Size
            | Question::Audience => false,
        }
    }

    /// Space on `option`: selects it (single choice) or toggles it (multiple choice).
    /// Returns whether the scenario changed.
    pub fn choose(self, option: usize, s: &mut Scenario) -> bool {
        fn pick<T: Copy>(all: &[T], i: usize, slot: &mut T) {
            if let Some(v) = all.get(i) {
                *slot = *v;
            }
        }
        fn toggle<T: Copy + Ord>(all: &[T], i: usize, set: &mut BTreeSet<T>) {
            if let Some(v) = all.get(i)
                && !set.remove(v)
            {
                set.insert(*v);
            }
        }
        let before = s.clone();
        let yes = option == 0;
        match self {
            Question::OrgType => pick(OrgType::ALL, option, &mut s.org_type),
            // Choosing an answer that follows from others confirms it (it stops being proposed).
            Question::PublicBody => s.public_body = Some(yes),
            Question::Regime => s.regime = LegalRegime::ALL.get(option).copied().or(s.regime),
            Question::Overlays if option == 0 => s.social_data = Some(!s.social_data()),
            Question::Overlays => s.professional_secrecy = Some(!s.professional_secrecy()),
            Question::Bundesland => {
                s.bundesland = option.checked_sub(1).and_then(|i| Bundesland::ALL.get(i).copied())
            }
            Question::Purposes => toggle(Purpose::ALL, option, &mut s.purposes),
            Question::Organisers => toggle(Organiser::ALL, option, &mut s.organisers),
            Question::Participants => toggle(Participant::ALL, option, &mut s.participants),
            Question::Representation => pick(Representation::ALL, option, &mut s.representation),
            Question::Data => toggle(&DATA_OPTIONS, option, &mut s.data),
            Question::ProtectionNeed => {
                // Choosing the proposal again means "follow the proposal" when the data change.
                let chosen = ProtectionNeed::ALL.get(option).copied();
                s.protection_need = chosen.filter(|need| *need != s.proposed_protection().0);
            }
            Question::E2ee => s.e2ee_required = Some(yes),
            Question::TransferStance => pick(TransferStance::ALL, option, &mut s.transfer_stance),
            Question::Hosting => pick(HostingPreference::ALL, option, &mut s.hosting),
            Question::SelfHosting => s.self_hosting_capacity = yes,
            Question::InstallPossible => s.install_possible = yes,
            Question::Browsers => toggle(&Browser::ALL, option, &mut s.browsers),
            Question::JoinWithoutAccount => s.join_without_account = yes,
            Question::Features => toggle(&FEATURE_OPTIONS, option, &mut s.required_features),
            Question::Recording => pick(RecordingPolicy::ALL, option, &mut s.recording),
            Question::AttentionTracking => {
                pick(AttentionTracking::ALL, option, &mut s.attention_tracking)
            }
            Question::OpenSource => s.open_source_required = yes,
            Question::StatutoryInsurance => s.statutory_insurance_video = yes,
            Question::LoweringReason
            | Question::RiskAcceptedBy
            | Question::Size
            | Question::Audience => {}
        }
        *s != before
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_answer_is_asked_on_its_step() {
        let s = Scenario {
            install_possible: false,
            org_type: OrgType::HealthCare,
            ..Scenario::default()
        };
        for answer in AnswerId::ALL {
            let step = step_of(answer);
            let asked = questions(step, &s).iter().any(|q| q.answers().contains(&answer));
            assert!(asked, "{answer:?} on {step:?}");
        }
    }

    #[test]
    fn every_scenario_step_asks_something_and_others_do_not() {
        let s = Scenario::default();
        for step in Step::ALL {
            assert_eq!(step.is_scenario(), !questions(step, &s).is_empty(), "{step:?}");
        }
    }

    #[test]
    fn health_care_alone_asks_the_statutory_insurance_question() {
        let mut s = Scenario::default();
        assert!(!questions(Step::Participation, &s).contains(&Question::StatutoryInsurance));
        s.org_type = OrgType::HealthCare;
        assert!(questions(Step::Participation, &s).contains(&Question::StatutoryInsurance));
    }

    #[test]
    fn browsers_are_asked_only_when_nothing_can_be_installed() {
        let mut s = Scenario::default();
        assert!(!questions(Step::Participation, &s).contains(&Question::Browsers));
        Question::InstallPossible.choose(1, &mut s);
        assert!(!s.install_possible);
        assert!(questions(Step::Participation, &s).contains(&Question::Browsers));
    }

    #[test]
    fn single_choice_selects_and_multi_choice_toggles() {
        let mut s = Scenario::default();
        assert!(Question::OrgType.choose(2, &mut s));
        assert_eq!(s.org_type, OrgType::School);
        assert!(Question::OrgType.is_selected(2, &s));
        assert!(!Question::OrgType.choose(2, &mut s), "selecting again changes nothing");
        assert!(Question::Purposes.choose(5, &mut s));
        assert!(s.purposes.contains(&Purpose::Webinars));
        assert!(Question::Purposes.choose(5, &mut s));
        assert!(!s.purposes.contains(&Purpose::Webinars));
    }

    #[test]
    fn lowering_the_protection_need_asks_for_reason_and_person() {
        let mut s = Scenario::default();
        Question::Data.choose(2, &mut s); // special categories → very high proposed
        assert!(!questions(Step::Data, &s).contains(&Question::LoweringReason));
        Question::ProtectionNeed.choose(0, &mut s);
        assert_eq!(s.protection_need, Some(ProtectionNeed::Normal));
        let q = questions(Step::Data, &s);
        assert!(q.contains(&Question::LoweringReason) && q.contains(&Question::RiskAcceptedBy));
        Question::ProtectionNeed.choose(2, &mut s);
        assert_eq!(s.protection_need, None, "choosing the proposal follows the proposal");
    }

    #[test]
    fn bundesland_has_a_no_answer_option() {
        let mut s = Scenario::default();
        assert!(Question::Bundesland.is_selected(0, &s));
        Question::Bundesland.choose(3, &mut s);
        assert_eq!(s.bundesland, Some(Bundesland::Berlin));
        assert!(Question::Bundesland.is_selected(3, &s));
    }
}
