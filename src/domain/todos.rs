//! The legal to-dos for a scenario and a chosen offering, each with why it applies and whether it
//! is a precondition of use.

use serde::{Deserialize, Serialize};

use super::catalog::Offering;
use super::narrowing::AnswerId;
use super::scenario::Scenario;

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
}

/// Why a to-do applies: the answers and facts that triggered it, as a text key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TodoCause {
    pub key: String,
    pub answers: Vec<AnswerId>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Todo {
    pub id: TodoId,
    /// Must be done before the first meeting.
    pub precondition: bool,
    pub why: Vec<TodoCause>,
}

/// The to-dos for `scenario` and, once chosen, `offering`.
pub fn todos(scenario: &Scenario, offering: Option<&Offering>) -> Vec<Todo> {
    let _ = (scenario, offering);
    todo!("to-do triggers")
}
