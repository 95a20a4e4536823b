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
    }
);

answer_enum!(
    /// Expected size of the largest interactive meeting.
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

/// All answers of an assessment. Defaults are the most common safe choices.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scenario {
    pub org_type: OrgType,
    pub public_body: bool,
    pub regime: LegalRegime,
    /// Overlay: social data under SGB X (§ 35 SGB I).
    #[serde(default)]
    pub social_data: bool,
    /// Overlay: professional secrecy (§ 203 StGB).
    #[serde(default)]
    pub professional_secrecy: bool,
    #[serde(default)]
    pub bundesland: Option<Bundesland>,
    pub purposes: BTreeSet<Purpose>,
    pub organisers: BTreeSet<Organiser>,
    pub participants: BTreeSet<Participant>,
    pub size: Size,
    pub data: BTreeSet<DataCategory>,
    /// `None`: the proposed protection need applies.
    #[serde(default)]
    pub protection_need: Option<ProtectionNeed>,
    /// Why the protection need was set below the proposal (required when lowered).
    #[serde(default)]
    pub protection_lowered_reason: String,
    /// Who accepts the risk of the lower protection need.
    #[serde(default)]
    pub protection_risk_accepted_by: String,
    /// `None`: as the protection need proposes (very high → yes).
    #[serde(default)]
    pub e2ee_required: Option<bool>,
    pub representation: Representation,
    pub transfer_stance: TransferStance,
    pub hosting: HostingPreference,
    /// The organisation (or its IT provider) can run and patch a server of its own.
    pub self_hosting_capacity: bool,
    /// Participants can install an app; `false` means joining must work in a browser.
    pub install_possible: bool,
    /// Browser families participants must be able to join with when they cannot install.
    pub browsers: BTreeSet<Browser>,
    pub required_features: BTreeSet<Feature>,
    pub open_source_required: bool,
    /// Health care: video consultations billed to statutory health insurance (Anlage 31b BMV-Ä).
    #[serde(default)]
    pub statutory_insurance_video: bool,
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            org_type: OrgType::Company,
            public_body: false,
            regime: LegalRegime::GdprBdsg,
            social_data: false,
            professional_secrecy: false,
            bundesland: None,
            purposes: BTreeSet::from([Purpose::InternalMeetings]),
            organisers: BTreeSet::from([Organiser::Staff]),
            participants: BTreeSet::from([Participant::Staff]),
            size: Size::UpTo20,
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
            browsers: BTreeSet::from([Browser::Chromium, Browser::Firefox, Browser::Safari]),
            required_features: BTreeSet::from([Feature::ScreenSharing]),
            open_source_required: false,
            statutory_insurance_video: false,
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

impl Scenario {
    /// The protection need the data suggest, with the reasons (strongest first).
    pub fn proposed_protection(&self) -> (ProtectionNeed, Vec<ProtectionReason>) {
        let mut very_high = Vec::new();
        let mut high = Vec::new();
        if self.data.contains(&DataCategory::SpecialCategories) {
            very_high.push(ProtectionReason::SpecialCategories);
        }
        if self.data.contains(&DataCategory::ProfessionalSecrets) || self.professional_secrecy {
            very_high.push(ProtectionReason::ProfessionalSecrets);
        }
        if self.data.contains(&DataCategory::ChildrensData) {
            high.push(ProtectionReason::ChildrensData);
        }
        if self.participants.contains(&Participant::VulnerableClients) {
            high.push(ProtectionReason::VulnerableClients);
        }
        if self.social_data {
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
        self.e2ee_required.unwrap_or(self.protection() == ProtectionNeed::VeryHigh)
    }

    /// Minors, counselling, health care or a public body take part: ad-financed or own-purpose
    /// services are knocked out rather than lit red.
    pub fn sensitive_context(&self) -> bool {
        self.public_body
            || matches!(
                self.org_type,
                OrgType::School
                    | OrgType::SocialService
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
