//! The organisation's answers, step by step. Every answer has a default so that Enter on an
//! untouched step accepts it; ids (`key()`) are stable because saves and texts refer to them.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::catalog::{Browser, Feature};

/// The wizard's steps; the ids are stored in saves as the step reached.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Step {
    #[default]
    About,
    Organisation,
    People,
    Data,
    Transfers,
    Participation,
    Results,
    Decision,
    Checklist,
    Review,
}

impl Step {
    pub const ALL: [Step; 10] = [
        Step::About,
        Step::Organisation,
        Step::People,
        Step::Data,
        Step::Transfers,
        Step::Participation,
        Step::Results,
        Step::Decision,
        Step::Checklist,
        Step::Review,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Step::About => "about",
            Step::Organisation => "organisation",
            Step::People => "people",
            Step::Data => "data",
            Step::Transfers => "transfers",
            Step::Participation => "participation",
            Step::Results => "results",
            Step::Decision => "decision",
            Step::Checklist => "checklist",
            Step::Review => "review",
        }
    }

    pub fn key(self) -> String {
        format!("step.{}", self.id())
    }

    /// 1-based position for "Step 3 of 10".
    pub fn number(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).unwrap_or(0) + 1
    }

    pub fn next(self) -> Option<Step> {
        Step::ALL.get(self.number()).copied()
    }

    pub fn previous(self) -> Option<Step> {
        self.number().checked_sub(2).map(|i| Step::ALL[i])
    }

    pub fn is_scenario(self) -> bool {
        matches!(
            self,
            Step::Organisation | Step::People | Step::Data | Step::Transfers | Step::Participation
        )
    }
}

macro_rules! answer_enum {
    ($(#[$meta:meta])* $name:ident, $prefix:literal { $($(#[$vmeta:meta])* $variant:ident => $id:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// Stable id used in saves' history and as the text key suffix.
            pub fn id(self) -> &'static str {
                match self {
                    $($name::$variant => $id),+
                }
            }

            /// Text key of the option's label.
            pub fn key(self) -> &'static str {
                match self {
                    $($name::$variant => concat!($prefix, ".", $id)),+
                }
            }

            /// Text key of the option's one-line explanation (shown when it is selected).
            pub fn hint_key(self) -> &'static str {
                match self {
                    $($name::$variant => concat!($prefix, ".", $id, ".hint")),+
                }
            }
        }
    };
}

answer_enum!(
    /// The kind of organisation.
    OrgType, "org" {
        Company => "company",
        PublicBody => "public_body",
        School => "school",
        Association => "association",
        SocialService => "social_service",
        HealthCare => "health_care",
        LawFirm => "law_firm",
        YouthWelfare => "youth_welfare",
    }
);

answer_enum!(
    /// The data protection law the organisation falls under (overlays are separate answers).
    LegalRegime, "regime" {
        /// GDPR with the Federal Data Protection Act (companies, associations, federal bodies).
        GdprBdsg => "gdpr_bdsg",
        /// GDPR with a Land's data protection act (Land and municipal bodies, public schools).
        StateLaw => "state_law",
        /// Catholic church law (KDG).
        ChurchKdg => "church_kdg",
        /// Protestant church law (DSG-EKD).
        ChurchDsgEkd => "church_dsg_ekd",
    }
);

answer_enum!(
    /// German Länder: the competent authority follows from the Land (and the regime).
    Bundesland, "land" {
        BadenWuerttemberg => "bw",
        Bayern => "by",
        Berlin => "be",
        Brandenburg => "bb",
        Bremen => "hb",
        Hamburg => "hh",
        Hessen => "he",
        MecklenburgVorpommern => "mv",
        Niedersachsen => "ni",
        NordrheinWestfalen => "nw",
        RheinlandPfalz => "rp",
        Saarland => "sl",
        Sachsen => "sn",
        SachsenAnhalt => "st",
        SchleswigHolstein => "sh",
        Thueringen => "th",
    }
);

answer_enum!(
    Purpose, "purpose" {
        InternalMeetings => "internal_meetings",
        ExternalMeetings => "external_meetings",
        Teaching => "teaching",
        Counselling => "counselling",
        Consultations => "consultations",
        Webinars => "webinars",
        JobInterviews => "job_interviews",
    }
);

answer_enum!(
    /// Who sets up meetings.
    Organiser, "organiser" {
        Staff => "staff",
        Volunteers => "volunteers",
        Teachers => "teachers",
    }
);

answer_enum!(
    Participant, "participant" {
        Staff => "staff",
        BusinessPartners => "business_partners",
        Public => "public",
        Pupils => "pupils",
        VulnerableClients => "vulnerable_clients",
        Patients => "patients",
        ParentsGuardians => "parents",
        ClientsCustomers => "clients",
        Applicants => "applicants",
        Members => "members",
    }
);

answer_enum!(
    /// Size bands of the first save format, read from old saves and converted to a number.
    Size, "size" {
        UpTo5 => "up_to_5",
        UpTo20 => "up_to_20",
        UpTo50 => "up_to_50",
        UpTo100 => "up_to_100",
        UpTo300 => "up_to_300",
        Over300 => "over_300",
    }
);

impl Size {
    /// Participants an offering must support for this answer.
    pub fn participants(self) -> u32 {
        match self {
            Size::UpTo5 => 5,
            Size::UpTo20 => 20,
            Size::UpTo50 => 50,
            Size::UpTo100 => 100,
            Size::UpTo300 => 300,
            Size::Over300 => 1000,
        }
    }
}

answer_enum!(
    DataCategory, "data" {
        Ordinary => "ordinary",
        ConfidentialBusiness => "confidential_business",
        /// Art. 9 GDPR: health, religion, sexual life, trade union membership …
        SpecialCategories => "special_categories",
        /// Secrets entrusted to professionals under § 203 StGB.
        ProfessionalSecrets => "professional_secrets",
        ChildrensData => "childrens_data",
    }
);

answer_enum!(
    /// Protection need, as in the BSI's levels.
    ProtectionNeed, "protection" {
        Normal => "normal",
        High => "high",
        VeryHigh => "very_high",
    }
);

answer_enum!(
    /// Employee representation whose consent the introduction needs.
    Representation, "representation" {
        None => "none",
        WorksCouncil => "works_council",
        StaffCouncil => "staff_council",
        ChurchCouncil => "church_council",
    }
);

answer_enum!(
    /// How far data may travel; each level includes the ones before it.
    TransferStance, "stance" {
        /// EU/EEA only, and neither the operator nor its parent is seated in the US.
        NoUsControl => "no_us_control",
        EuOnly => "eu_only",
        Adequacy => "adequacy",
        Dpf => "dpf",
        SccWithTia => "scc",
    }
);

answer_enum!(
    /// Who may run the service.
    HostingPreference, "hosting" {
        Any => "any",
        OwnOrProvider => "own_or_provider",
        OwnOnly => "own_only",
    }
);

answer_enum!(
    /// Whether meetings may be recorded, and for what.
    RecordingPolicy, "recording" {
        /// No recordings; recording is switched off where the offering allows it.
        Prohibited => "prohibited",
        /// Occasionally, announced, with consent of external participants and an agreement for staff.
        WithConsent => "with_consent",
        /// Recordings are published (e.g. a webinar).
        ForPublication => "for_publication",
    }
);

impl RecordingPolicy {
    /// Meetings are recorded at all (the offering must then be able to record).
    pub fn records(self) -> bool {
        self != RecordingPolicy::Prohibited
    }
}

answer_enum!(
    /// Whether hosts may see how attentive participants are (focus of the window, engagement).
    AttentionTracking, "attention" {
        Prohibited => "prohibited",
        Allowed => "allowed",
    }
);

/// All answers of an assessment. Defaults are the most common safe choices.
///
/// Answers that follow from others are `Option`s: `None` means "as proposed", and the proposal is
/// shown with its reason until the user confirms or changes it (see the `proposed_*` methods).
/// In RON the scenario is read through [`ScenarioFile`], so that answers left out take their
/// defaults, an unknown field is an error, and saves of the first format still load.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "ScenarioFile")]
pub struct Scenario {
    pub org_type: OrgType,
    /// `None`: as proposed by the kind of organisation.
    pub public_body: Option<bool>,
    /// `None`: as proposed by the kind of organisation and whether it is a public body.
    pub regime: Option<LegalRegime>,
    /// Overlay: social data under SGB X (§ 35 SGB I). `None`: as proposed by the organisation.
    pub social_data: Option<bool>,
    /// Overlay: professional secrecy (§ 203 StGB). `None`: as proposed by the organisation.
    pub professional_secrecy: Option<bool>,
    pub bundesland: Option<Bundesland>,
    pub purposes: BTreeSet<Purpose>,
    pub organisers: BTreeSet<Organiser>,
    pub participants: BTreeSet<Participant>,
    /// People taking an active part in the largest meeting (speaking, sharing, on camera).
    pub largest_meeting: u32,
    /// People only watching (a webinar or livestream audience); 0 when there is none.
    pub audience: u32,
    pub data: BTreeSet<DataCategory>,
    /// `None`: the proposed protection need applies.
    pub protection_need: Option<ProtectionNeed>,
    /// Why the protection need was set below the proposal (required when lowered).
    pub protection_lowered_reason: String,
    /// Who accepts the risk of the lower protection need.
    pub protection_risk_accepted_by: String,
    /// `None`: as the protection need proposes (very high → yes).
    pub e2ee_required: Option<bool>,
    pub representation: Representation,
    pub transfer_stance: TransferStance,
    pub hosting: HostingPreference,
    /// The organisation (or its IT provider) can run and patch a server of its own.
    pub self_hosting_capacity: bool,
    /// Participants can install an app; `false` means joining must work in a browser.
    pub install_possible: bool,
    /// Browser families participants really use, when they cannot install anything. Empty: any
    /// browser will do, so an offering must only be joinable in some browser.
    pub browsers: BTreeSet<Browser>,
    /// Participants must be able to join without an account or registration.
    pub join_without_account: bool,
    /// Features that must work. Recording is not among them: [`Self::recording`] says it.
    pub required_features: BTreeSet<Feature>,
    pub recording: RecordingPolicy,
    pub attention_tracking: AttentionTracking,
    pub open_source_required: bool,
    /// Health care: video consultations billed to statutory health insurance (Anlage 31b BMV-Ä).
    pub statutory_insurance_video: bool,
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            org_type: OrgType::Company,
            public_body: None,
            regime: None,
            social_data: None,
            professional_secrecy: None,
            bundesland: None,
            purposes: BTreeSet::from([Purpose::InternalMeetings]),
            organisers: BTreeSet::from([Organiser::Staff]),
            participants: BTreeSet::from([Participant::Staff]),
            largest_meeting: 20,
            audience: 0,
            data: BTreeSet::from([DataCategory::Ordinary]),
            protection_need: None,
            protection_lowered_reason: String::new(),
            protection_risk_accepted_by: String::new(),
            e2ee_required: None,
            representation: Representation::None,
            transfer_stance: TransferStance::EuOnly,
            hosting: HostingPreference::Any,
            self_hosting_capacity: false,
            install_possible: true,
            browsers: BTreeSet::new(),
            join_without_account: false,
            required_features: BTreeSet::from([Feature::ScreenSharing]),
            recording: RecordingPolicy::Prohibited,
            attention_tracking: AttentionTracking::Prohibited,
            open_source_required: false,
            statutory_insurance_video: false,
        }
    }
}

/// The scenario as written in RON: every field may be left out (it takes its default), a field
/// this version does not know is an error, and the fields of the first save format are read and
/// converted (`size` bands, recording as a required feature, § 203 secrets as a data category).
#[derive(Deserialize)]
#[serde(default, deny_unknown_fields, rename = "scenario")]
struct ScenarioFile {
    org_type: OrgType,
    public_body: Option<bool>,
    regime: Option<LegalRegime>,
    social_data: Option<bool>,
    professional_secrecy: Option<bool>,
    bundesland: Option<Bundesland>,
    purposes: BTreeSet<Purpose>,
    organisers: BTreeSet<Organiser>,
    participants: BTreeSet<Participant>,
    /// [`NOT_GIVEN`] when left out (then the first format's `size`, else the default).
    largest_meeting: u32,
    audience: u32,
    /// First save format: a size band instead of a number.
    size: Option<Size>,
    data: BTreeSet<DataCategory>,
    protection_need: Option<ProtectionNeed>,
    protection_lowered_reason: String,
    protection_risk_accepted_by: String,
    e2ee_required: Option<bool>,
    representation: Representation,
    transfer_stance: TransferStance,
    hosting: HostingPreference,
    self_hosting_capacity: bool,
    install_possible: bool,
    browsers: BTreeSet<Browser>,
    join_without_account: bool,
    required_features: BTreeSet<Feature>,
    recording: RecordingPolicy,
    attention_tracking: AttentionTracking,
    open_source_required: bool,
    statutory_insurance_video: bool,
}

/// A number nobody types: the file leaves `largest_meeting` out.
const NOT_GIVEN: u32 = u32::MAX;

impl Default for ScenarioFile {
    fn default() -> Self {
        let s = Scenario::default();
        ScenarioFile {
            org_type: s.org_type,
            public_body: s.public_body,
            regime: s.regime,
            social_data: s.social_data,
            professional_secrecy: s.professional_secrecy,
            bundesland: s.bundesland,
            purposes: s.purposes,
            organisers: s.organisers,
            participants: s.participants,
            largest_meeting: NOT_GIVEN,
            audience: s.audience,
            size: None,
            data: s.data,
            protection_need: s.protection_need,
            protection_lowered_reason: s.protection_lowered_reason,
            protection_risk_accepted_by: s.protection_risk_accepted_by,
            e2ee_required: s.e2ee_required,
            representation: s.representation,
            transfer_stance: s.transfer_stance,
            hosting: s.hosting,
            self_hosting_capacity: s.self_hosting_capacity,
            install_possible: s.install_possible,
            browsers: s.browsers,
            join_without_account: s.join_without_account,
            required_features: s.required_features,
            recording: s.recording,
            attention_tracking: s.attention_tracking,
            open_source_required: s.open_source_required,
            statutory_insurance_video: s.statutory_insurance_video,
        }
    }
}

impl From<ScenarioFile> for Scenario {
    fn from(f: ScenarioFile) -> Self {
        let mut required_features = f.required_features;
        // Recording is asked once, as a policy; a required feature "recording" (the first
        // format) means recordings with consent.
        let recording_required = required_features.remove(&Feature::Recording);
        let recording = match f.recording {
            RecordingPolicy::Prohibited if recording_required => RecordingPolicy::WithConsent,
            other => other,
        };
        // § 203 StGB is asked once, as the overlay; the data category says the same.
        let mut data = f.data;
        let secrets_as_data = data.remove(&DataCategory::ProfessionalSecrets);
        let professional_secrecy = match f.professional_secrecy {
            None if secrets_as_data => Some(true),
            other => other,
        };
        if secrets_as_data && data.is_empty() {
            data.insert(DataCategory::Ordinary);
        }
        Scenario {
            org_type: f.org_type,
            public_body: f.public_body,
            regime: f.regime,
            social_data: f.social_data,
            professional_secrecy,
            bundesland: f.bundesland,
            purposes: f.purposes,
            organisers: f.organisers,
            participants: f.participants,
            largest_meeting: match (f.largest_meeting, f.size) {
                (NOT_GIVEN, Some(size)) => size.participants(),
                (NOT_GIVEN, None) => Scenario::default().largest_meeting,
                (n, _) => n,
            },
            audience: f.audience,
            data,
            protection_need: f.protection_need,
            protection_lowered_reason: f.protection_lowered_reason,
            protection_risk_accepted_by: f.protection_risk_accepted_by,
            e2ee_required: f.e2ee_required,
            representation: f.representation,
            transfer_stance: f.transfer_stance,
            hosting: f.hosting,
            self_hosting_capacity: f.self_hosting_capacity,
            install_possible: f.install_possible,
            browsers: f.browsers,
            join_without_account: f.join_without_account,
            required_features,
            recording,
            attention_tracking: f.attention_tracking,
            open_source_required: f.open_source_required,
            statutory_insurance_video: f.statutory_insurance_video,
        }
    }
}

impl TransferStance {
    /// The level the data's locations are held to: "no provider under US control" keeps them in
    /// the EU/EEA like "EU/EEA only" and adds its own requirement on operator and parent.
    pub fn data_level(self) -> TransferStance {
        match self {
            TransferStance::NoUsControl => TransferStance::EuOnly,
            other => other,
        }
    }
}

/// Why a protection need was proposed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ProtectionReason {
    SpecialCategories,
    ProfessionalSecrets,
    ChildrensData,
    VulnerableClients,
    SocialData,
    ConfidentialBusiness,
    OrdinaryOnly,
}

impl ProtectionReason {
    pub fn key(self) -> &'static str {
        match self {
            ProtectionReason::SpecialCategories => "protection_reason.special_categories",
            ProtectionReason::ProfessionalSecrets => "protection_reason.professional_secrets",
            ProtectionReason::ChildrensData => "protection_reason.childrens_data",
            ProtectionReason::VulnerableClients => "protection_reason.vulnerable_clients",
            ProtectionReason::SocialData => "protection_reason.social_data",
            ProtectionReason::ConfidentialBusiness => "protection_reason.confidential_business",
            ProtectionReason::OrdinaryOnly => "protection_reason.ordinary_only",
        }
    }
}

/// Why an answer that follows from others was proposed as it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Proposal {
    /// Authorities and (public) schools are public bodies.
    PublicByOrgType,
    /// Companies, associations, practices, firms are not.
    PrivateByOrgType,
    /// Youth welfare is run by public offices and by independent providers alike: say which.
    YouthWelfareEither,
    /// A public body of a Land or municipality: the Land's data protection act.
    StateLawForPublicBody,
    /// A private body: the BDSG.
    FederalLawForPrivateBody,
    /// Youth welfare and social services handle social data (§ 35 SGB I).
    SocialDataByOrgType,
    /// Lawyers, doctors, therapists and counsellors are bound by § 203 StGB.
    SecrecyByOrgType,
    /// The protection need is very high.
    E2eeForVeryHighNeed,
    /// Nothing in the answers calls for it.
    NotIndicated,
}

impl Proposal {
    pub fn key(self) -> &'static str {
        match self {
            Proposal::PublicByOrgType => "proposal.public_by_org_type",
            Proposal::PrivateByOrgType => "proposal.private_by_org_type",
            Proposal::YouthWelfareEither => "proposal.youth_welfare_either",
            Proposal::StateLawForPublicBody => "proposal.state_law_for_public_body",
            Proposal::FederalLawForPrivateBody => "proposal.federal_law_for_private_body",
            Proposal::SocialDataByOrgType => "proposal.social_data_by_org_type",
            Proposal::SecrecyByOrgType => "proposal.secrecy_by_org_type",
            Proposal::E2eeForVeryHighNeed => "proposal.e2ee_for_very_high_need",
            Proposal::NotIndicated => "proposal.not_indicated",
        }
    }
}

/// Participants an unknown limit is never doubted for: every offering in the catalogue is a
/// meeting product for groups, so a small meeting needs no confirmation of the limit.
pub const SMALL_MEETING: u32 = 10;

impl Scenario {
    /// Whether the organisation is a public body: the answer, else the proposal.
    pub fn public_body(&self) -> bool {
        self.public_body.unwrap_or_else(|| self.proposed_public_body().0)
    }

    /// Authorities and schools are proposed as public bodies; youth welfare is left to the user.
    pub fn proposed_public_body(&self) -> (bool, Proposal) {
        match self.org_type {
            OrgType::PublicBody | OrgType::School => (true, Proposal::PublicByOrgType),
            OrgType::YouthWelfare => (false, Proposal::YouthWelfareEither),
            _ => (false, Proposal::PrivateByOrgType),
        }
    }

    /// The data protection law in force: the answer, else the proposal.
    pub fn regime(&self) -> LegalRegime {
        self.regime.unwrap_or_else(|| self.proposed_regime().0)
    }

    /// Public bodies are proposed under a Land's act (most are Land or municipal bodies; a federal
    /// body answers "GDPR with the BDSG"); private ones under the BDSG. Church law is never
    /// proposed: it must be chosen.
    pub fn proposed_regime(&self) -> (LegalRegime, Proposal) {
        if self.public_body() {
            (LegalRegime::StateLaw, Proposal::StateLawForPublicBody)
        } else {
            (LegalRegime::GdprBdsg, Proposal::FederalLawForPrivateBody)
        }
    }

    /// Whether social data under SGB X are processed: the answer, else the proposal.
    pub fn social_data(&self) -> bool {
        self.social_data.unwrap_or_else(|| self.proposed_social_data().0)
    }

    /// Youth welfare is proposed to handle social data (§§ 61 ff. SGB VIII); for other social
    /// services it depends on who commissions them, so nothing is proposed.
    pub fn proposed_social_data(&self) -> (bool, Proposal) {
        match self.org_type {
            OrgType::YouthWelfare => (true, Proposal::SocialDataByOrgType),
            _ => (false, Proposal::NotIndicated),
        }
    }

    /// Whether secrets under § 203 StGB are discussed: the answer, else the proposal.
    pub fn professional_secrecy(&self) -> bool {
        self.professional_secrecy.unwrap_or_else(|| self.proposed_professional_secrecy().0)
    }

    pub fn proposed_professional_secrecy(&self) -> (bool, Proposal) {
        match self.org_type {
            OrgType::LawFirm | OrgType::HealthCare => (true, Proposal::SecrecyByOrgType),
            _ => (false, Proposal::NotIndicated),
        }
    }

    /// Everyone in the largest meeting, active or watching: a platform's participant limit
    /// counts them all unless it streams to a separate audience, which the catalogue does not
    /// record.
    pub fn participants_needed(&self) -> u32 {
        self.largest_meeting.saturating_add(self.audience)
    }

    /// The features that must work, with recording where the policy records.
    pub fn features_needed(&self) -> BTreeSet<Feature> {
        let mut features = self.required_features.clone();
        if self.recording.records() {
            features.insert(Feature::Recording);
        }
        features
    }

    /// The protection need the data suggest, with the reasons (strongest first).
    pub fn proposed_protection(&self) -> (ProtectionNeed, Vec<ProtectionReason>) {
        let mut very_high = Vec::new();
        let mut high = Vec::new();
        if self.data.contains(&DataCategory::SpecialCategories) {
            very_high.push(ProtectionReason::SpecialCategories);
        }
        if self.data.contains(&DataCategory::ProfessionalSecrets) || self.professional_secrecy() {
            very_high.push(ProtectionReason::ProfessionalSecrets);
        }
        if self.data.contains(&DataCategory::ChildrensData) {
            high.push(ProtectionReason::ChildrensData);
        }
        if self.participants.contains(&Participant::VulnerableClients) {
            high.push(ProtectionReason::VulnerableClients);
        }
        if self.social_data() {
            high.push(ProtectionReason::SocialData);
        }
        if self.data.contains(&DataCategory::ConfidentialBusiness) {
            high.push(ProtectionReason::ConfidentialBusiness);
        }
        if !very_high.is_empty() {
            very_high.extend(high);
            (ProtectionNeed::VeryHigh, very_high)
        } else if !high.is_empty() {
            (ProtectionNeed::High, high)
        } else {
            (ProtectionNeed::Normal, vec![ProtectionReason::OrdinaryOnly])
        }
    }

    /// The protection need in force: the user's choice, else the proposal.
    pub fn protection(&self) -> ProtectionNeed {
        self.protection_need.unwrap_or_else(|| self.proposed_protection().0)
    }

    /// The user set a protection need below the proposal (needs a reason and a named person).
    pub fn protection_lowered(&self) -> bool {
        self.protection() < self.proposed_protection().0
    }

    /// The E2EE answer in force: the user's explicit answer, else the protection need's proposal.
    pub fn e2ee(&self) -> bool {
        self.e2ee_required.unwrap_or_else(|| self.proposed_e2ee().0)
    }

    pub fn proposed_e2ee(&self) -> (bool, Proposal) {
        if self.protection() == ProtectionNeed::VeryHigh {
            (true, Proposal::E2eeForVeryHighNeed)
        } else {
            (false, Proposal::NotIndicated)
        }
    }

    /// Minors, counselling, health care, youth welfare or a public body are involved:
    /// ad-financed or own-purpose services are knocked out rather than lit red.
    pub fn sensitive_context(&self) -> bool {
        self.public_body()
            || matches!(
                self.org_type,
                OrgType::School
                    | OrgType::SocialService
                    | OrgType::YouthWelfare
                    | OrgType::HealthCare
                    | OrgType::PublicBody
            )
            || self.purposes.contains(&Purpose::Counselling)
            || self.purposes.contains(&Purpose::Consultations)
            || self.participants.contains(&Participant::Pupils)
            || self.participants.contains(&Participant::VulnerableClients)
            || self.participants.contains(&Participant::Patients)
            || self.data.contains(&DataCategory::ChildrensData)
    }

    /// The health-care question on statutory-insurance consultations applies.
    pub fn asks_statutory_insurance(&self) -> bool {
        self.org_type == OrgType::HealthCare
    }

    /// Uses diverge enough that one assessment per use is advisable (e.g. counselling and webinars).
    pub fn purposes_diverge(&self) -> bool {
        let confidential = self.purposes.contains(&Purpose::Counselling)
            || self.purposes.contains(&Purpose::Consultations);
        let open = self.purposes.contains(&Purpose::Webinars);
        confidential && open
    }

    /// Applicants take part, or the meetings are job interviews.
    pub fn job_interviews(&self) -> bool {
        self.purposes.contains(&Purpose::JobInterviews)
            || self.participants.contains(&Participant::Applicants)
    }

    /// People from outside the organisation take part (they are asked for consent, not bound
    /// by a works agreement).
    pub fn external_participants(&self) -> bool {
        self.participants.iter().any(|p| *p != Participant::Staff)
    }

    /// What in these answers cannot stand as it is (an answers file is refused with it).
    pub fn problem(&self) -> Option<AnswersProblem> {
        if self.protection_lowered()
            && (self.protection_lowered_reason.trim().is_empty()
                || self.protection_risk_accepted_by.trim().is_empty())
        {
            return Some(AnswersProblem::LoweredWithoutReason);
        }
        if self.largest_meeting == 0 && self.audience == 0 {
            return Some(AnswersProblem::NobodyTakesPart);
        }
        None
    }
}

/// Answers that contradict themselves or lack what they require.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnswersProblem {
    /// The protection need is below the proposal without a reason and a named person.
    LoweredWithoutReason,
    /// Both numbers of participants are 0.
    NobodyTakesPart,
}

impl AnswersProblem {
    pub fn key(self) -> &'static str {
        match self {
            AnswersProblem::LoweredWithoutReason => "answers.problem.lowered_without_reason",
            AnswersProblem::NobodyTakesPart => "answers.problem.nobody_takes_part",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_count_and_order_are_stable() {
        assert_eq!(Step::About.number(), 1);
        assert_eq!(Step::Review.number(), 10);
        assert_eq!(Step::Data.next(), Some(Step::Transfers));
        assert_eq!(Step::About.previous(), None);
        assert_eq!(Step::Review.next(), None);
    }

    #[test]
    fn special_categories_propose_very_high_and_e2ee() {
        let mut s = Scenario::default();
        assert_eq!(s.proposed_protection().0, ProtectionNeed::Normal);
        assert!(!s.e2ee());
        s.data.insert(DataCategory::SpecialCategories);
        let (need, reasons) = s.proposed_protection();
        assert_eq!(need, ProtectionNeed::VeryHigh);
        assert_eq!(reasons[0], ProtectionReason::SpecialCategories);
        assert!(s.e2ee());
        s.e2ee_required = Some(false);
        assert!(!s.e2ee(), "the explicit answer wins over the proposal");
    }

    #[test]
    fn lowering_the_protection_need_is_detected() {
        let mut s = Scenario::default();
        s.data.insert(DataCategory::ChildrensData);
        assert_eq!(s.proposed_protection().0, ProtectionNeed::High);
        s.protection_need = Some(ProtectionNeed::Normal);
        assert!(s.protection_lowered());
        s.protection_need = Some(ProtectionNeed::VeryHigh);
        assert!(!s.protection_lowered());
    }

    #[test]
    fn answer_keys_are_prefixed_and_unique() {
        assert_eq!(OrgType::School.key(), "org.school");
        assert_eq!(TransferStance::SccWithTia.key(), "stance.scc");
        let keys: BTreeSet<_> = Bundesland::ALL.iter().map(|b| b.key()).collect();
        assert_eq!(keys.len(), 16);
    }
}
