//! The legal to-dos for a scenario and a chosen offering, each with why it applies and whether it
//! is a precondition of use.
//!
//! Preconditions of use (design.md, "The decision"): data processing agreement; transfer basis in
//! place; DPIA where required; works/staff council agreement; participant information; the
//! provider's secrecy obligation where secrets are discussed; the § 80(1) SGB X notice; an
//! Art. 9(2) condition for special categories (and, for statutory-insurance consultations, the
//! patient's consent, which is that condition).

use serde::{Deserialize, Serialize};

use crate::ids::stable_ids;

use super::catalog::{DpaTerms, Feature, Offering, OperatingModel, OwnPurpose, TransferMechanism};
use super::facts::Fact;
use super::narrowing::{AnswerId, FactField, third_countries};
use super::scenario::{
    DataCategory, OrgType, Participant, ProtectionNeed, Representation, Scenario, Size,
    TransferStance,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum TodoId {
    InvolveItAndDpo,
    Dpa,
    TransferBasis,
    CheckToms,
    Settings,
    ParticipantInformation,
    RecordOfProcessing,
    Dpia,
    LegalBasis,
    EmployeeConsentWeak,
    SpecialCategoryCondition,
    Recording,
    ProfessionalSecrecy,
    SocialDataNotice,
    Representation,
    AskProvider,
    StatutoryInsurance,
    /// The DSK's checklist points that every use of a video service needs (Orientierungshilfe
    /// Videokonferenzsysteme): a data breach process, moderator roles and guest access, updates,
    /// minimised telemetry and diagnostics, participation from private homes.
    BreachProcess,
    ModeratorRoles,
    Updates,
    Telemetry,
    PrivateHomes,
}

impl TodoId {
    pub const ALL: [TodoId; 22] = [
        TodoId::InvolveItAndDpo,
        TodoId::Dpa,
        TodoId::TransferBasis,
        TodoId::CheckToms,
        TodoId::Settings,
        TodoId::ParticipantInformation,
        TodoId::RecordOfProcessing,
        TodoId::Dpia,
        TodoId::LegalBasis,
        TodoId::EmployeeConsentWeak,
        TodoId::SpecialCategoryCondition,
        TodoId::Recording,
        TodoId::ProfessionalSecrecy,
        TodoId::SocialDataNotice,
        TodoId::Representation,
        TodoId::AskProvider,
        TodoId::StatutoryInsurance,
        TodoId::BreachProcess,
        TodoId::ModeratorRoles,
        TodoId::Updates,
        TodoId::Telemetry,
        TodoId::PrivateHomes,
    ];

    /// Stable id for saves and exports.
    pub fn id(self) -> &'static str {
        match self {
            TodoId::InvolveItAndDpo => "involve_it_and_dpo",
            TodoId::Dpa => "dpa",
            TodoId::TransferBasis => "transfer_basis",
            TodoId::CheckToms => "check_toms",
            TodoId::Settings => "settings",
            TodoId::ParticipantInformation => "participant_information",
            TodoId::RecordOfProcessing => "record_of_processing",
            TodoId::Dpia => "dpia",
            TodoId::LegalBasis => "legal_basis",
            TodoId::EmployeeConsentWeak => "employee_consent_weak",
            TodoId::SpecialCategoryCondition => "special_category_condition",
            TodoId::Recording => "recording",
            TodoId::ProfessionalSecrecy => "professional_secrecy",
            TodoId::SocialDataNotice => "social_data_notice",
            TodoId::Representation => "representation",
            TodoId::AskProvider => "ask_provider",
            TodoId::StatutoryInsurance => "statutory_insurance",
            TodoId::BreachProcess => "breach_process",
            TodoId::ModeratorRoles => "moderator_roles",
            TodoId::Updates => "updates",
            TodoId::Telemetry => "telemetry",
            TodoId::PrivateHomes => "private_homes",
        }
    }

    /// Text key of the to-do's title.
    pub fn key(self) -> &'static str {
        match self {
            TodoId::InvolveItAndDpo => "todo.involve_it_and_dpo",
            TodoId::Dpa => "todo.dpa",
            TodoId::TransferBasis => "todo.transfer_basis",
            TodoId::CheckToms => "todo.check_toms",
            TodoId::Settings => "todo.settings",
            TodoId::ParticipantInformation => "todo.participant_information",
            TodoId::RecordOfProcessing => "todo.record_of_processing",
            TodoId::Dpia => "todo.dpia",
            TodoId::LegalBasis => "todo.legal_basis",
            TodoId::EmployeeConsentWeak => "todo.employee_consent_weak",
            TodoId::SpecialCategoryCondition => "todo.special_category_condition",
            TodoId::Recording => "todo.recording",
            TodoId::ProfessionalSecrecy => "todo.professional_secrecy",
            TodoId::SocialDataNotice => "todo.social_data_notice",
            TodoId::Representation => "todo.representation",
            TodoId::AskProvider => "todo.ask_provider",
            TodoId::StatutoryInsurance => "todo.statutory_insurance",
            TodoId::BreachProcess => "todo.breach_process",
            TodoId::ModeratorRoles => "todo.moderator_roles",
            TodoId::Updates => "todo.updates",
            TodoId::Telemetry => "todo.telemetry",
            TodoId::PrivateHomes => "todo.private_homes",
        }
    }
}

stable_ids! {
    /// Why a to-do applies. Ids this build does not know (from an older file) read as
    /// `Unrecognised`, so such a file still opens.
    pub enum TodoReason unrecognised = Unrecognised {
        InvolveItAndDpo = "todo.involve_it_and_dpo.always",
        DpaProcessor = "todo.dpa.processor",
        DpaHoster = "todo.dpa.hoster",
        DpaOperator = "todo.dpa.operator",
        DpaOnRequest = "todo.dpa.on_request",
        DpaSubprocessors = "todo.dpa.subprocessors",
        TransferStance = "todo.transfer_basis.stance",
        TransferDpf = "todo.transfer_basis.dpf",
        TransferScc = "todo.transfer_basis.scc",
        TransferAdequacy = "todo.transfer_basis.adequacy",
        TomsSelfOperated = "todo.check_toms.self_operated",
        TomsProvider = "todo.check_toms.provider",
        SettingsOfOffering = "todo.settings.offering",
        SettingsGeneral = "todo.settings.general",
        ParticipantInformation = "todo.participant_information.always",
        RecordOfProcessing = "todo.record_of_processing.always",
        DpiaVeryHigh = "todo.dpia.very_high",
        DpiaSpecialCategories = "todo.dpia.special_categories",
        DpiaVulnerable = "todo.dpia.vulnerable",
        DpiaMonitoring = "todo.dpia.monitoring",
        LegalBasisPublicTask = "todo.legal_basis.public_task",
        LegalBasisPrivate = "todo.legal_basis.private",
        LegalBasisEmployees = "todo.legal_basis.employees",
        LegalBasisPupils = "todo.legal_basis.pupils",
        LegalBasisSpecialCategories = "todo.legal_basis.special_categories",
        EmployeeConsentWeak = "todo.employee_consent_weak.staff",
        SpecialCategoryCondition = "todo.special_category_condition.special_categories",
        RecordingRequired = "todo.recording.required",
        SecrecyStgb203 = "todo.professional_secrecy.stgb_203",
        SecrecyBrao43e = "todo.professional_secrecy.brao_43e",
        SocialDataNotice = "todo.social_data_notice.social_data",
        WorksCouncil = "todo.representation.works_council",
        StaffCouncil = "todo.representation.staff_council",
        ChurchCouncil = "todo.representation.church_council",
        AskProviderHardRequirements = "todo.ask_provider.hard_requirements",
        AskProviderUnknownFacts = "todo.ask_provider.unknown_facts",
        StatutoryInsuranceConsentAndKv = "todo.statutory_insurance.consent_and_kv",
        BreachProcess = "todo.breach_process.always",
        RolesStaffOnly = "todo.moderator_roles.staff_only",
        RolesWithGuests = "todo.moderator_roles.guests",
        UpdatesSelfOperated = "todo.updates.self_operated",
        UpdatesClients = "todo.updates.clients",
        TelemetrySelfOperated = "todo.telemetry.self_operated",
        TelemetryServiceData = "todo.telemetry.service_data",
        TelemetryUnknown = "todo.telemetry.unknown",
        TelemetryProvider = "todo.telemetry.provider",
        PrivateHomes = "todo.private_homes.participants",
        /// A reason written by another version of meetcheck.
        Unrecognised = "todo.unrecognised_reason",
    }
}

/// Why a to-do applies: the reason, and the answers and facts that triggered it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TodoCause {
    /// Saved as `key` by format version 1.
    #[serde(alias = "key")]
    pub reason: TodoReason,
    pub answers: Vec<AnswerId>,
    /// Facts of the chosen offering behind this cause (e.g. the unknown ones to ask about).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<FactField>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Todo {
    pub id: TodoId,
    /// Must be done before the first meeting.
    pub precondition: bool,
    pub why: Vec<TodoCause>,
}

impl Todo {
    pub fn caused_by(&self, reason: TodoReason) -> bool {
        self.why.iter().any(|c| c.reason == reason)
    }
}

/// Collects causes per to-do in a fixed order.
struct Builder(Vec<Todo>);

impl Builder {
    fn add(&mut self, id: TodoId, precondition: bool, reason: TodoReason, answers: &[AnswerId]) {
        self.add_with(id, precondition, reason, answers, &[]);
    }

    fn add_with(
        &mut self,
        id: TodoId,
        precondition: bool,
        reason: TodoReason,
        answers: &[AnswerId],
        facts: &[FactField],
    ) {
        let cause = TodoCause { reason, answers: answers.to_vec(), facts: facts.to_vec() };
        match self.0.iter_mut().find(|t| t.id == id) {
            Some(todo) => {
                todo.precondition |= precondition;
                todo.why.push(cause);
            }
            None => self.0.push(Todo { id, precondition, why: vec![cause] }),
        }
    }
}

/// The to-dos for `scenario` and, once chosen, `offering`, in the order of `TodoId`.
pub fn todos(scenario: &Scenario, offering: Option<&Offering>) -> Vec<Todo> {
    let s = scenario;
    let mut b = Builder(Vec::new());
    b.add(TodoId::InvolveItAndDpo, false, TodoReason::InvolveItAndDpo, &[]);
    dpa(offering, &mut b);
    transfer_basis(s, offering, &mut b);
    match offering.map(|o| o.operating_model) {
        Some(OperatingModel::SelfOperated) => {
            b.add(TodoId::CheckToms, false, TodoReason::TomsSelfOperated, &[]);
        }
        _ => b.add(TodoId::CheckToms, false, TodoReason::TomsProvider, &[]),
    }
    match offering {
        Some(o) if !o.settings.is_empty() => {
            b.add(TodoId::Settings, false, TodoReason::SettingsOfOffering, &[]);
        }
        _ => b.add(TodoId::Settings, false, TodoReason::SettingsGeneral, &[]),
    }
    b.add(TodoId::ParticipantInformation, true, TodoReason::ParticipantInformation, &[]);
    b.add(TodoId::RecordOfProcessing, false, TodoReason::RecordOfProcessing, &[]);
    dpia(s, &mut b);
    legal_basis(s, &mut b);
    if s.data.contains(&DataCategory::SpecialCategories) {
        b.add(
            TodoId::SpecialCategoryCondition,
            true,
            TodoReason::SpecialCategoryCondition,
            &[AnswerId::Data],
        );
    }
    if s.required_features.contains(&Feature::Recording) {
        b.add(
            TodoId::Recording,
            false,
            TodoReason::RecordingRequired,
            &[AnswerId::RequiredFeatures],
        );
    }
    secrecy(s, &mut b);
    if s.social_data {
        b.add(
            TodoId::SocialDataNotice,
            true,
            TodoReason::SocialDataNotice,
            &[AnswerId::SocialData],
        );
    }
    match s.representation {
        Representation::None => {}
        Representation::WorksCouncil => b.add(
            TodoId::Representation,
            true,
            TodoReason::WorksCouncil,
            &[AnswerId::Representation],
        ),
        Representation::StaffCouncil => b.add(
            TodoId::Representation,
            true,
            TodoReason::StaffCouncil,
            &[AnswerId::Representation],
        ),
        Representation::ChurchCouncil => b.add(
            TodoId::Representation,
            true,
            TodoReason::ChurchCouncil,
            &[AnswerId::Representation],
        ),
    }
    if let Some(o) = offering {
        // Unknown is never "no", so an unknown fact never knocks out; but where a hard
        // requirement rests on it, the provider must confirm it before the first meeting.
        let (hard, soft): (Vec<FactField>, Vec<FactField>) =
            unknown_facts(s, o).into_iter().partition(|f| decides_knock_out(s, *f));
        if !hard.is_empty() {
            b.add_with(
                TodoId::AskProvider,
                true,
                TodoReason::AskProviderHardRequirements,
                &[],
                &hard,
            );
        }
        if !soft.is_empty() {
            b.add_with(TodoId::AskProvider, false, TodoReason::AskProviderUnknownFacts, &[], &soft);
        }
    }
    if s.asks_statutory_insurance() && s.statutory_insurance_video {
        b.add(
            TodoId::StatutoryInsurance,
            true,
            TodoReason::StatutoryInsuranceConsentAndKv,
            &[AnswerId::StatutoryInsuranceVideo],
        );
    }
    operation(s, offering, &mut b);
    let mut out = b.0;
    out.sort_by_key(|t| t.id);
    out
}

/// The points of the DSK's checklist for video services that every use needs, worded for how the
/// platform is run and who takes part.
fn operation(s: &Scenario, offering: Option<&Offering>, b: &mut Builder) {
    b.add(TodoId::BreachProcess, false, TodoReason::BreachProcess, &[]);
    let guests = s.participants.iter().any(|p| *p != Participant::Staff);
    if guests {
        b.add(
            TodoId::ModeratorRoles,
            false,
            TodoReason::RolesWithGuests,
            &[AnswerId::Participants],
        );
    } else {
        b.add(TodoId::ModeratorRoles, false, TodoReason::RolesStaffOnly, &[AnswerId::Participants]);
    }
    let self_operated = offering.is_some_and(|o| o.operating_model == OperatingModel::SelfOperated);
    if self_operated {
        b.add(TodoId::Updates, false, TodoReason::UpdatesSelfOperated, &[]);
        b.add(TodoId::Telemetry, false, TodoReason::TelemetrySelfOperated, &[]);
    } else {
        b.add(TodoId::Updates, false, TodoReason::UpdatesClients, &[]);
        let own = offering.map(|o| &o.own_purpose);
        let reason = match own {
            Some(Fact::Known { value: OwnPurpose::ServiceData, .. }) => {
                TodoReason::TelemetryServiceData
            }
            Some(Fact::Unknown { .. }) => TodoReason::TelemetryUnknown,
            _ => TodoReason::TelemetryProvider,
        };
        let facts: &[FactField] = if offering.is_some() { &[FactField::OwnPurpose] } else { &[] };
        b.add_with(TodoId::Telemetry, false, reason, &[], facts);
    }
    // Business partners join from their offices; everyone else may join from home.
    let from_home = s.participants.iter().any(|p| *p != Participant::BusinessPartners);
    if from_home {
        b.add(TodoId::PrivateHomes, false, TodoReason::PrivateHomes, &[AnswerId::Participants]);
    }
}

/// Art. 28 GDPR in every scenario: with the provider and its sub-processors, or with the hoster
/// when the software runs on rented infrastructure.
fn dpa(offering: Option<&Offering>, b: &mut Builder) {
    match offering {
        None => b.add(TodoId::Dpa, true, TodoReason::DpaProcessor, &[]),
        Some(o) if o.operating_model == OperatingModel::SelfOperated => {
            b.add_with(TodoId::Dpa, true, TodoReason::DpaHoster, &[], &[FactField::OperatingModel]);
        }
        Some(o) => {
            b.add_with(TodoId::Dpa, true, TodoReason::DpaOperator, &[], &[FactField::Dpa]);
            if o.dpa.value() == Some(&DpaTerms::OnRequest) {
                b.add_with(TodoId::Dpa, true, TodoReason::DpaOnRequest, &[], &[FactField::Dpa]);
            }
            if o.subprocessor_locations.is_known() {
                b.add_with(
                    TodoId::Dpa,
                    true,
                    TodoReason::DpaSubprocessors,
                    &[],
                    &[FactField::SubprocessorLocations],
                );
            }
        }
    }
}

fn transfer_basis(s: &Scenario, offering: Option<&Offering>, b: &mut Builder) {
    let Some(o) = offering else {
        if s.transfer_stance > TransferStance::Adequacy {
            b.add(
                TodoId::TransferBasis,
                true,
                TodoReason::TransferStance,
                &[AnswerId::TransferStance],
            );
        }
        return;
    };
    let facts = [
        FactField::ProcessingLocations,
        FactField::SubprocessorLocations,
        FactField::DpfCertified,
        FactField::TransferBasis,
    ];
    let basis = o.transfer_basis.value();
    let offers = |m: TransferMechanism| basis.is_some_and(|v| v.contains(&m));
    let (mut dpf, mut scc, mut adequacy) = (false, false, false);
    for country in third_countries(o) {
        if country.eq_ignore_ascii_case("US") && o.dpf_certified.value() == Some(&true) {
            dpf = true;
        } else if !country.eq_ignore_ascii_case("US") && offers(TransferMechanism::Adequacy) {
            adequacy = true;
        } else {
            scc = true;
        }
    }
    if dpf {
        b.add_with(TodoId::TransferBasis, true, TodoReason::TransferDpf, &[], &facts);
    }
    if scc {
        b.add_with(TodoId::TransferBasis, true, TodoReason::TransferScc, &[], &facts);
    }
    if adequacy {
        b.add_with(TodoId::TransferBasis, false, TodoReason::TransferAdequacy, &[], &facts);
    }
}

fn dpia(s: &Scenario, b: &mut Builder) {
    if s.protection() == ProtectionNeed::VeryHigh {
        b.add(TodoId::Dpia, true, TodoReason::DpiaVeryHigh, &[AnswerId::ProtectionNeed]);
    }
    if s.data.contains(&DataCategory::SpecialCategories) {
        b.add(TodoId::Dpia, true, TodoReason::DpiaSpecialCategories, &[AnswerId::Data]);
    }
    let vulnerable = [Participant::VulnerableClients, Participant::Patients, Participant::Pupils];
    if vulnerable.iter().any(|p| s.participants.contains(p))
        || s.data.contains(&DataCategory::ChildrensData)
    {
        b.add(TodoId::Dpia, true, TodoReason::DpiaVulnerable, &[AnswerId::Participants]);
    }
    if s.required_features.contains(&Feature::Recording)
        && s.participants.contains(&Participant::Staff)
    {
        b.add(
            TodoId::Dpia,
            true,
            TodoReason::DpiaMonitoring,
            &[AnswerId::RequiredFeatures, AnswerId::Participants],
        );
    }
}

fn legal_basis(s: &Scenario, b: &mut Builder) {
    let public = s.public_body || matches!(s.org_type, OrgType::PublicBody | OrgType::School);
    if public {
        b.add(
            TodoId::LegalBasis,
            false,
            TodoReason::LegalBasisPublicTask,
            &[AnswerId::PublicBody, AnswerId::OrgType],
        );
    } else {
        b.add(TodoId::LegalBasis, false, TodoReason::LegalBasisPrivate, &[AnswerId::OrgType]);
    }
    if s.participants.contains(&Participant::Staff) {
        b.add(
            TodoId::LegalBasis,
            false,
            TodoReason::LegalBasisEmployees,
            &[AnswerId::Participants],
        );
        b.add(
            TodoId::EmployeeConsentWeak,
            false,
            TodoReason::EmployeeConsentWeak,
            &[AnswerId::Participants],
        );
    }
    if s.participants.contains(&Participant::Pupils) {
        b.add(TodoId::LegalBasis, false, TodoReason::LegalBasisPupils, &[AnswerId::Participants]);
    }
    if s.data.contains(&DataCategory::SpecialCategories) {
        b.add(
            TodoId::LegalBasis,
            false,
            TodoReason::LegalBasisSpecialCategories,
            &[AnswerId::Data],
        );
    }
}

fn secrecy(s: &Scenario, b: &mut Builder) {
    let secrets = s.professional_secrecy || s.data.contains(&DataCategory::ProfessionalSecrets);
    if secrets {
        b.add(
            TodoId::ProfessionalSecrecy,
            true,
            TodoReason::SecrecyStgb203,
            &[AnswerId::ProfessionalSecrecy, AnswerId::Data],
        );
    }
    if s.org_type == OrgType::LawFirm {
        b.add(TodoId::ProfessionalSecrecy, true, TodoReason::SecrecyBrao43e, &[AnswerId::OrgType]);
    }
}

/// A knock-out rule of this scenario would test the fact if it were known.
fn decides_knock_out(s: &Scenario, field: FactField) -> bool {
    match field {
        FactField::Dpa
        | FactField::ProcessingLocations
        | FactField::SubprocessorLocations
        | FactField::TransferBasis
        | FactField::DpfCertified
        | FactField::Feature(_) => true,
        FactField::E2ee | FactField::E2eeMaxParticipants => s.e2ee(),
        FactField::E2eeBrowserJoin => s.e2ee() && !s.install_possible,
        FactField::BrowserJoin => !s.install_possible,
        FactField::OwnPurpose => s.sensitive_context(),
        FactField::MaxParticipants => s.size > Size::UpTo20,
        _ => false,
    }
}

/// Unknown facts of the chosen offering that the decision rests on in this scenario.
fn unknown_facts(s: &Scenario, o: &Offering) -> Vec<FactField> {
    let mut fields = Vec::new();
    let mut check = |unknown: bool, field: FactField| {
        if unknown {
            fields.push(field);
        }
    };
    let external = o.operating_model != OperatingModel::SelfOperated;
    check(external && o.dpa.is_unknown(), FactField::Dpa);
    check(external && o.own_purpose.is_unknown(), FactField::OwnPurpose);
    check(o.processing_locations.is_unknown(), FactField::ProcessingLocations);
    check(o.subprocessor_locations.is_unknown(), FactField::SubprocessorLocations);
    check(external && o.parent.is_unknown(), FactField::Parent);
    let third = third_countries(o);
    check(!third.is_empty() && o.transfer_basis.is_unknown(), FactField::TransferBasis);
    let us = third.iter().any(|c| c.eq_ignore_ascii_case("US"));
    check(us && o.dpf_certified.is_unknown(), FactField::DpfCertified);
    check(o.e2ee.is_unknown(), FactField::E2ee);
    if let (true, Fact::Known { value, .. }) = (s.e2ee(), &o.e2ee) {
        check(!s.install_possible && value.browser_join.is_unknown(), FactField::E2eeBrowserJoin);
        check(value.max_participants.is_unknown(), FactField::E2eeMaxParticipants);
    }
    check(!s.install_possible && o.browser_join.is_unknown(), FactField::BrowserJoin);
    check(o.max_participants.is_unknown(), FactField::MaxParticipants);
    for &feature in &s.required_features {
        check(o.feature(feature).is_unknown(), FactField::Feature(feature));
    }
    fields
}
