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

use super::catalog::{Catalog, DpaTerms, Offering, OperatingModel, OwnPurpose, TransferMechanism};
use super::facts::Fact;
use super::narrowing::{self, AnswerId, FactField, Shortlist, Unconfirmed, third_countries};
use super::scenario::{
    AttentionTracking, DataCategory, LegalRegime, OrgType, Participant, ProtectionNeed,
    RecordingPolicy, Representation, SMALL_MEETING, Scenario, TransferStance,
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
        /// Where the certified video service providers are listed (the KBV list).
        StatutoryInsuranceKbvList = "todo.statutory_insurance.kbv_list",
        /// Before the decision: a fit if confirmed, and what the provider must confirm.
        AskProviderCandidate = "todo.ask_provider.candidate",
        RecordingProhibited = "todo.recording.prohibited",
        /// Staff recorded: a works or service agreement, not consent.
        RecordingEmployees = "todo.recording.employees",
        /// External participants recorded: their consent.
        RecordingExternal = "todo.recording.external",
        RecordingPublication = "todo.recording.publication",
        RecordingJobInterviews = "todo.recording.job_interviews",
        LegalBasisApplicants = "todo.legal_basis.applicants",
        LegalBasisApplicantsChurch = "todo.legal_basis.applicants_church",
        LegalBasisEmployeesChurch = "todo.legal_basis.employees_church",
        LegalBasisSchoolAct = "todo.legal_basis.school_act",
        LegalBasisYouthWelfare = "todo.legal_basis.youth_welfare",
        ParticipantInformationApplicants = "todo.participant_information.applicants",
        SettingsJobInterviews = "todo.settings.job_interviews",
        /// The chosen offering has attention tracking and the organisation rules it out.
        SettingsAttentionTrackingOff = "todo.settings.attention_tracking_off",
        DpiaAttentionTracking = "todo.dpia.attention_tracking",
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
    /// The offering the cause concerns, where it is not the chosen one (the questions for each
    /// fit if confirmed before the decision).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offering: Option<String>,
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
        let cause =
            TodoCause { offering: None, reason, answers: answers.to_vec(), facts: facts.to_vec() };
        match self.0.iter_mut().find(|t| t.id == id) {
            Some(todo) => {
                todo.precondition |= precondition;
                todo.why.push(cause);
            }
            None => self.0.push(Todo { id, precondition, why: vec![cause] }),
        }
    }
}

/// The to-dos for `scenario` and, once chosen, `offering`, in the order of `TodoId`. Without the
/// catalogue the questions for the provider are judged from the scenario alone; [`for_offering`]
/// asks exactly about the hard requirements the narrowing left unconfirmed.
pub fn todos(scenario: &Scenario, offering: Option<&Offering>) -> Vec<Todo> {
    build(scenario, offering, None)
}

/// The to-dos once `offering` is chosen: every hard requirement it leaves unconfirmed becomes a
/// question for the provider and a precondition of use.
pub fn for_offering(catalog: &Catalog, scenario: &Scenario, offering: &Offering) -> Vec<Todo> {
    let open = narrowing::requirements_of_choice(catalog, scenario, offering);
    build(scenario, Some(offering), Some(&open))
}

/// The to-dos before a decision: those of the scenario, and for every fit if confirmed the
/// questions its provider must answer before it can be chosen for use.
pub fn before_decision(scenario: &Scenario, shortlist: &Shortlist) -> Vec<Todo> {
    let mut b = Builder(build(scenario, None, None));
    for evaluation in shortlist.unconfirmed() {
        let mut facts: Vec<FactField> =
            evaluation.unconfirmed.iter().flat_map(|u| u.facts.iter().copied()).collect();
        facts.sort();
        facts.dedup();
        let mut answers: Vec<AnswerId> =
            evaluation.unconfirmed.iter().flat_map(|u| u.answers.iter().copied()).collect();
        answers.sort();
        answers.dedup();
        b.add_with(TodoId::AskProvider, true, TodoReason::AskProviderCandidate, &answers, &facts);
        if let Some(todo) = b.0.iter_mut().find(|t| t.id == TodoId::AskProvider)
            && let Some(cause) = todo.why.last_mut()
        {
            cause.offering = Some(evaluation.offering.clone());
        }
    }
    let mut out = b.0;
    out.sort_by_key(|t| t.id);
    out
}

fn build(
    scenario: &Scenario,
    offering: Option<&Offering>,
    open: Option<&[Unconfirmed]>,
) -> Vec<Todo> {
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
    if s.job_interviews() {
        b.add(
            TodoId::ParticipantInformation,
            true,
            TodoReason::ParticipantInformationApplicants,
            &[AnswerId::Purposes, AnswerId::Participants],
        );
    }
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
    recording(s, &mut b);
    settings(s, offering, &mut b);
    secrecy(s, &mut b);
    if s.social_data() {
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
        let (hard, soft): (Vec<FactField>, Vec<FactField>) = match open {
            Some(open) => {
                let mut hard: Vec<FactField> =
                    open.iter().flat_map(|u| u.facts.iter().copied()).collect();
                hard.sort();
                hard.dedup();
                let soft = unknown_facts(s, o).into_iter().filter(|f| !hard.contains(f)).collect();
                (hard, soft)
            }
            None => unknown_facts(s, o).into_iter().partition(|f| decides_knock_out(s, *f)),
        };
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
            TodoReason::StatutoryInsuranceKbvList,
            &[AnswerId::StatutoryInsuranceVideo],
        );
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
    if s.recording.records() && s.participants.contains(&Participant::Staff) {
        b.add(
            TodoId::Dpia,
            true,
            TodoReason::DpiaMonitoring,
            &[AnswerId::Recording, AnswerId::Participants],
        );
    }
    if s.attention_tracking == AttentionTracking::Allowed {
        b.add(
            TodoId::Dpia,
            true,
            TodoReason::DpiaAttentionTracking,
            &[AnswerId::AttentionTracking],
        );
    }
}

/// One line on recordings: none; or staff under a works or service agreement (not consent),
/// external participants with their consent, publication with consent to it — and never in job
/// interviews. § 201 StGB stands behind every case. No precondition of use: meetings can start
/// before anything is recorded (the employee representation's agreement is one of its own).
fn recording(s: &Scenario, b: &mut Builder) {
    let policy = [AnswerId::Recording];
    if s.job_interviews() {
        b.add(
            TodoId::Recording,
            false,
            TodoReason::RecordingJobInterviews,
            &[AnswerId::Purposes, AnswerId::Participants],
        );
    }
    if s.recording == RecordingPolicy::Prohibited {
        b.add(TodoId::Recording, false, TodoReason::RecordingProhibited, &policy);
        return;
    }
    if s.participants.contains(&Participant::Staff) {
        b.add(
            TodoId::Recording,
            false,
            TodoReason::RecordingEmployees,
            &[AnswerId::Recording, AnswerId::Participants],
        );
    }
    if s.external_participants() {
        b.add(
            TodoId::Recording,
            false,
            TodoReason::RecordingExternal,
            &[AnswerId::Recording, AnswerId::Participants],
        );
    }
    if s.recording == RecordingPolicy::ForPublication {
        b.add(TodoId::Recording, false, TodoReason::RecordingPublication, &policy);
    }
}

/// Settings the answers call for beyond the offering's own list: job interviews, and attention
/// tracking switched off where the chosen offering has it and the organisation rules it out.
fn settings(s: &Scenario, offering: Option<&Offering>, b: &mut Builder) {
    if s.job_interviews() {
        b.add(
            TodoId::Settings,
            true,
            TodoReason::SettingsJobInterviews,
            &[AnswerId::Purposes, AnswerId::AttentionTracking],
        );
    }
    let tracks = offering.is_some_and(|o| o.attention_tracking.value() == Some(&true));
    if tracks && s.attention_tracking == AttentionTracking::Prohibited {
        b.add_with(
            TodoId::Settings,
            true,
            TodoReason::SettingsAttentionTrackingOff,
            &[AnswerId::AttentionTracking],
            &[FactField::AttentionTracking],
        );
    }
}

fn legal_basis(s: &Scenario, b: &mut Builder) {
    let public = s.public_body() || matches!(s.org_type, OrgType::PublicBody | OrgType::School);
    if public {
        b.add(
            TodoId::LegalBasis,
            false,
            TodoReason::LegalBasisPublicTask,
            &[AnswerId::PublicBody, AnswerId::OrgType],
        );
        if s.org_type == OrgType::School {
            b.add(TodoId::LegalBasis, false, TodoReason::LegalBasisSchoolAct, &[AnswerId::OrgType]);
        }
    } else {
        b.add(TodoId::LegalBasis, false, TodoReason::LegalBasisPrivate, &[AnswerId::OrgType]);
    }
    // Church law has its own rule on employees' data: § 26 BDSG is no norm there.
    let church = matches!(s.regime(), LegalRegime::ChurchKdg | LegalRegime::ChurchDsgEkd);
    if s.participants.contains(&Participant::Staff) {
        let reason = if church {
            TodoReason::LegalBasisEmployeesChurch
        } else {
            TodoReason::LegalBasisEmployees
        };
        b.add(TodoId::LegalBasis, false, reason, &[AnswerId::Participants, AnswerId::Regime]);
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
    if s.org_type == OrgType::YouthWelfare {
        b.add(
            TodoId::LegalBasis,
            false,
            TodoReason::LegalBasisYouthWelfare,
            &[AnswerId::OrgType, AnswerId::SocialData],
        );
    }
    if s.job_interviews() {
        let reason = if church {
            TodoReason::LegalBasisApplicantsChurch
        } else {
            TodoReason::LegalBasisApplicants
        };
        b.add(TodoId::LegalBasis, false, reason, &[AnswerId::Purposes, AnswerId::Participants]);
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
    let secrets = s.professional_secrecy() || s.data.contains(&DataCategory::ProfessionalSecrets);
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
        FactField::JoinWithoutAccount => s.join_without_account,
        FactField::MaxParticipants => s.participants_needed() > SMALL_MEETING,
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
    for feature in s.features_needed() {
        check(o.feature(feature).is_unknown(), FactField::Feature(feature));
    }
    check(
        s.join_without_account && o.join_without_account.is_unknown(),
        FactField::JoinWithoutAccount,
    );
    check(
        s.attention_tracking == AttentionTracking::Prohibited && o.attention_tracking.is_unknown(),
        FactField::AttentionTracking,
    );
    fields
}
