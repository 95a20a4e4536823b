//! The law behind the advice, as data: which norms a to-do rests on under the organisation's
//! regime and Land, and which supervisory authority is competent. `describe` cites them.

use crate::scenario::{Bundesland, LegalRegime, Scenario};
use crate::todos::{Todo, TodoId, TodoReason};

/// The data protection law in force.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Law {
    /// The GDPR (with the BDSG or a Land's act).
    Gdpr,
    /// Catholic church law (KDG).
    Kdg,
    /// Protestant church law (DSG-EKD).
    Ekd,
}

/// What a norm regulates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Topic {
    Dpo,
    Dpa,
    Transfer,
    Toms,
    Settings,
    Information,
    Record,
    Dpia,
    Lawfulness,
    Employees,
    Special,
    /// Notifying a personal data breach (Art. 33, 34 GDPR).
    Breach,
}

/// One norm to cite.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Norm {
    /// The GDPR article on the topic.
    Gdpr(Topic),
    /// The church law's own paragraph, checked against the law's text.
    Church(Law, Topic),
    /// The GDPR article, with the note to check the church law's counterpart (not yet checked).
    ChurchUnchecked(Law, Topic),
    /// Lawfulness under the Land's data protection act.
    StateLawfulness(Bundesland),
    /// Employees' data under the Land's act.
    StateEmployees(Bundesland),
}

/// A supervisory authority competent for an organisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Supervisor {
    /// The Catholic church's data protection supervision.
    Kdg,
    /// The Protestant church's data protection supervision.
    Ekd,
    /// The Federal Commissioner (federal public bodies).
    Bfdi,
    /// The Land's authority (for Bavaria: the one for public bodies).
    Land(Bundesland),
    /// Bavaria's authority for private bodies (BayLDA).
    BayernPrivate,
    /// The joint Catholic supervision of the (arch)dioceses in the Land, where one serves them.
    KdgJoint(CatholicSupervision),
}

/// Joint supervisions of Catholic dioceses, each for a group of dioceses the text names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CatholicSupervision {
    /// Katholisches Datenschutzzentrum, Dortmund: Aachen, Essen, Köln, Münster (NRW), Paderborn.
    NorthRhineWestphalia,
    /// Katholisches Datenschutzzentrum Bayern, Nürnberg: the seven Bavarian (arch)dioceses.
    Bavaria,
    /// The joint diocesan data protection officer in Frankfurt am Main: Freiburg, Fulda, Limburg,
    /// Mainz, Rottenburg-Stuttgart, Speyer, Trier.
    SouthWest,
}

impl CatholicSupervision {
    /// The joint supervision for the dioceses in `land`, where one serves them (elsewhere the
    /// diocese's own data protection officer, which the general text points to).
    pub fn for_land(land: Bundesland) -> Option<CatholicSupervision> {
        match land {
            Bundesland::NordrheinWestfalen => Some(CatholicSupervision::NorthRhineWestphalia),
            Bundesland::Bayern => Some(CatholicSupervision::Bavaria),
            Bundesland::BadenWuerttemberg
            | Bundesland::Hessen
            | Bundesland::RheinlandPfalz
            | Bundesland::Saarland => Some(CatholicSupervision::SouthWest),
            _ => None,
        }
    }
}

pub fn law(scenario: &Scenario) -> Law {
    match scenario.regime() {
        LegalRegime::ChurchKdg => Law::Kdg,
        LegalRegime::ChurchDsgEkd => Law::Ekd,
        LegalRegime::GdprBdsg | LegalRegime::StateLaw => Law::Gdpr,
    }
}

/// The Land whose data protection act applies: state law and a known Land.
pub fn state_act(scenario: &Scenario) -> Option<Bundesland> {
    match scenario.regime() {
        LegalRegime::StateLaw => scenario.bundesland,
        _ => None,
    }
}

/// Church-law paragraphs are cited only where they were checked against the law's text (KDG
/// §§ 6, 11, 15, 26, 29, 35, 53; DSG-EKD §§ 6, 10, 13, 17, 27, 28, 30, 31, 49). Employees' data
/// have the church laws' own rules (§ 53 KDG, § 49 DSG-EKD), never § 26 BDSG.
fn church_checked(law: Law, topic: Topic) -> bool {
    use Topic::*;
    match law {
        Law::Kdg => {
            matches!(topic, Dpa | Toms | Information | Dpia | Lawfulness | Special | Employees)
        }
        Law::Ekd => matches!(
            topic,
            Dpa | Transfer
                | Toms
                | Settings
                | Information
                | Record
                | Lawfulness
                | Special
                | Employees
        ),
        Law::Gdpr => false,
    }
}

/// The norm for a topic under the scenario's regime.
pub fn norm(scenario: &Scenario, topic: Topic) -> Norm {
    match law(scenario) {
        Law::Gdpr => match (state_act(scenario), topic) {
            (Some(land), Topic::Lawfulness) => Norm::StateLawfulness(land),
            (Some(land), Topic::Employees) => Norm::StateEmployees(land),
            _ => Norm::Gdpr(topic),
        },
        church if church_checked(church, topic) => Norm::Church(church, topic),
        church => Norm::ChurchUnchecked(church, topic),
    }
}

/// The topics a to-do rests on.
pub fn todo_topics(todo: &Todo) -> Vec<Topic> {
    match todo.id {
        TodoId::InvolveItAndDpo => vec![Topic::Dpo],
        TodoId::Dpa => vec![Topic::Dpa],
        TodoId::TransferBasis => vec![Topic::Transfer],
        TodoId::CheckToms => vec![Topic::Toms],
        TodoId::Settings => vec![Topic::Settings],
        TodoId::ParticipantInformation => vec![Topic::Information],
        TodoId::RecordOfProcessing => vec![Topic::Record],
        TodoId::Dpia => vec![Topic::Dpia],
        TodoId::LegalBasis => {
            let mut t = vec![Topic::Lawfulness];
            let employees = [
                TodoReason::LegalBasisEmployees,
                TodoReason::LegalBasisEmployeesChurch,
                TodoReason::LegalBasisApplicants,
                TodoReason::LegalBasisApplicantsChurch,
            ];
            if employees.iter().any(|r| todo.caused_by(*r)) {
                t.push(Topic::Employees);
            }
            if todo.caused_by(TodoReason::LegalBasisSpecialCategories) {
                t.push(Topic::Special);
            }
            t
        }
        TodoId::EmployeeConsentWeak => vec![Topic::Employees],
        TodoId::SpecialCategoryCondition | TodoId::StatutoryInsurance => vec![Topic::Special],
        TodoId::Recording => vec![Topic::Lawfulness],
        TodoId::ModeratorRoles | TodoId::Updates => vec![Topic::Toms],
        TodoId::Telemetry | TodoId::PrivateHomes => vec![Topic::Settings],
        TodoId::BreachProcess => vec![Topic::Breach],
        TodoId::ProfessionalSecrecy
        | TodoId::SocialDataNotice
        | TodoId::Representation
        | TodoId::AskProvider => vec![],
    }
}

/// The norms a to-do rests on under the scenario's regime.
pub fn todo_norms(scenario: &Scenario, todo: &Todo) -> Vec<Norm> {
    todo_topics(todo).into_iter().map(|topic| norm(scenario, topic)).collect()
}

/// The competent supervisory authority, where the regime or the Land tells.
pub fn competent_authority(scenario: &Scenario) -> Option<Supervisor> {
    match (scenario.regime(), scenario.bundesland) {
        (LegalRegime::ChurchKdg, Some(land)) => {
            Some(CatholicSupervision::for_land(land).map_or(Supervisor::Kdg, Supervisor::KdgJoint))
        }
        (LegalRegime::ChurchKdg, None) => Some(Supervisor::Kdg),
        (LegalRegime::ChurchDsgEkd, _) => Some(Supervisor::Ekd),
        (LegalRegime::GdprBdsg, _) if scenario.public_body() => Some(Supervisor::Bfdi),
        (_, None) => None,
        // Bavaria splits supervision: public bodies and private ones.
        (regime, Some(Bundesland::Bayern))
            if regime != LegalRegime::StateLaw && !scenario.public_body() =>
        {
            Some(Supervisor::BayernPrivate)
        }
        (_, Some(land)) => Some(Supervisor::Land(land)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn church_law_is_cited_only_where_checked() {
        let s = Scenario { regime: Some(LegalRegime::ChurchKdg), ..Scenario::default() };
        assert_eq!(norm(&s, Topic::Dpa), Norm::Church(Law::Kdg, Topic::Dpa));
        assert_eq!(norm(&s, Topic::Employees), Norm::Church(Law::Kdg, Topic::Employees));
        assert_eq!(norm(&s, Topic::Transfer), Norm::ChurchUnchecked(Law::Kdg, Topic::Transfer));
        let ekd = Scenario { regime: Some(LegalRegime::ChurchDsgEkd), ..Scenario::default() };
        assert_eq!(norm(&ekd, Topic::Employees), Norm::Church(Law::Ekd, Topic::Employees));
    }

    #[test]
    fn the_catholic_supervision_follows_the_land_where_one_serves_its_dioceses() {
        let kdg = |land| Scenario {
            regime: Some(LegalRegime::ChurchKdg),
            bundesland: land,
            ..Scenario::default()
        };
        assert_eq!(
            competent_authority(&kdg(Some(Bundesland::NordrheinWestfalen))),
            Some(Supervisor::KdgJoint(CatholicSupervision::NorthRhineWestphalia))
        );
        assert_eq!(
            competent_authority(&kdg(Some(Bundesland::Hessen))),
            Some(Supervisor::KdgJoint(CatholicSupervision::SouthWest))
        );
        assert_eq!(competent_authority(&kdg(Some(Bundesland::Berlin))), Some(Supervisor::Kdg));
        assert_eq!(competent_authority(&kdg(None)), Some(Supervisor::Kdg));
    }

    #[test]
    fn a_lands_act_governs_lawfulness_under_state_law() {
        let mut s = Scenario {
            regime: Some(LegalRegime::StateLaw),
            bundesland: Some(Bundesland::Hessen),
            ..Scenario::default()
        };
        assert_eq!(norm(&s, Topic::Lawfulness), Norm::StateLawfulness(Bundesland::Hessen));
        assert_eq!(norm(&s, Topic::Dpa), Norm::Gdpr(Topic::Dpa));
        s.bundesland = None;
        assert_eq!(norm(&s, Topic::Lawfulness), Norm::Gdpr(Topic::Lawfulness));
    }

    #[test]
    fn bavaria_splits_supervision_between_public_and_private_bodies() {
        let mut s = Scenario { bundesland: Some(Bundesland::Bayern), ..Scenario::default() };
        assert_eq!(competent_authority(&s), Some(Supervisor::BayernPrivate));
        s.regime = Some(LegalRegime::StateLaw);
        assert_eq!(competent_authority(&s), Some(Supervisor::Land(Bundesland::Bayern)));
        s.bundesland = None;
        assert_eq!(competent_authority(&s), None);
    }
}
