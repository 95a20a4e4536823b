//! The text fields of the wizard: which value each edits, and the one-line editor state.

use crate::i18n::{Key, k};
use tui_input::{Input, InputRequest};

use crate::domain::assessment::Assessment;

/// The fields of the About form, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AboutField {
    Title,
    Organisation,
    Controller,
    DpoContact,
    Assessors,
    DecisionMakers,
    Consulted,
    Informed,
}

impl AboutField {
    pub const ALL: [AboutField; 8] = [
        AboutField::Title,
        AboutField::Organisation,
        AboutField::Controller,
        AboutField::DpoContact,
        AboutField::Assessors,
        AboutField::DecisionMakers,
        AboutField::Consulted,
        AboutField::Informed,
    ];

    pub fn key(self) -> Key {
        match self {
            AboutField::Title => k::UI_ABOUT_TITLE,
            AboutField::Organisation => k::UI_ABOUT_ORGANISATION,
            AboutField::Controller => k::UI_ABOUT_CONTROLLER,
            AboutField::DpoContact => k::UI_ABOUT_DPO_CONTACT,
            AboutField::Assessors => k::UI_ABOUT_ASSESSORS,
            AboutField::DecisionMakers => k::UI_ABOUT_DECISION_MAKERS,
            AboutField::Consulted => k::UI_ABOUT_CONSULTED,
            AboutField::Informed => k::UI_ABOUT_INFORMED,
        }
    }

    pub fn required(self) -> bool {
        self == AboutField::Title
    }
}

/// A text value of the assessment that the wizard edits in place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    About(AboutField),
    /// Why the protection need is below the proposal.
    LoweringReason,
    /// Who accepts the risk of the lower protection need.
    RiskAcceptedBy,
    /// A number: people taking an active part in the largest meeting.
    LargestMeeting,
    /// A number: people only watching.
    Audience,
}

impl Field {
    /// Fields that hold a number: only digits are typed, and an empty field is 0.
    pub fn is_number(self) -> bool {
        matches!(self, Field::LargestMeeting | Field::Audience)
    }

    pub fn value(self, a: &Assessment) -> String {
        let number = |n: u32| if n == 0 { String::new() } else { n.to_string() };
        match self {
            Field::LargestMeeting => number(a.scenario.largest_meeting),
            Field::Audience => number(a.scenario.audience),
            other => other.text(a).to_string(),
        }
    }

    fn text(self, a: &Assessment) -> &str {
        let m = &a.meta;
        match self {
            Field::About(f) => match f {
                AboutField::Title => &m.title,
                AboutField::Organisation => &m.organisation,
                AboutField::Controller => &m.controller,
                AboutField::DpoContact => &m.dpo_contact,
                AboutField::Assessors => &m.assessors,
                AboutField::DecisionMakers => &m.decision_makers,
                AboutField::Consulted => &m.consulted,
                AboutField::Informed => &m.informed,
            },
            Field::LoweringReason => &a.scenario.protection_lowered_reason,
            Field::RiskAcceptedBy => &a.scenario.protection_risk_accepted_by,
            Field::LargestMeeting | Field::Audience => "",
        }
    }

    /// Writes the edited text into the assessment.
    fn set(self, a: &mut Assessment, text: &str) {
        let number = || text.parse::<u32>().unwrap_or(0);
        match self {
            Field::LargestMeeting => a.scenario.largest_meeting = number(),
            Field::Audience => a.scenario.audience = number(),
            other => *other.slot(a) = text.to_string(),
        }
    }

    fn slot(self, a: &mut Assessment) -> &mut String {
        let m = &mut a.meta;
        match self {
            Field::About(f) => match f {
                AboutField::Title => &mut m.title,
                AboutField::Organisation => &mut m.organisation,
                AboutField::Controller => &mut m.controller,
                AboutField::DpoContact => &mut m.dpo_contact,
                AboutField::Assessors => &mut m.assessors,
                AboutField::DecisionMakers => &mut m.decision_makers,
                AboutField::Consulted => &mut m.consulted,
                AboutField::Informed => &mut m.informed,
            },
            Field::LoweringReason => &mut a.scenario.protection_lowered_reason,
            Field::RiskAcceptedBy => &mut a.scenario.protection_risk_accepted_by,
            Field::LargestMeeting | Field::Audience => unreachable!("numbers have no text slot"),
        }
    }
}

/// The field being edited and its cursor. Every edit is written through to the assessment at
/// once, so a save at any moment has the latest text.
#[derive(Clone, Debug)]
pub struct Editor {
    pub field: Field,
    pub input: Input,
}

impl Editor {
    pub fn open(field: Field, a: &Assessment) -> Editor {
        Editor { field, input: Input::new(field.value(a)) }
    }

    /// Applies one edit; returns whether the text changed. A number field takes digits only,
    /// up to six, and no leading zero.
    pub fn apply(&mut self, request: InputRequest, a: &mut Assessment) -> bool {
        if self.field.is_number()
            && let InputRequest::InsertChar(c) = request
        {
            let empty = self.input.value().is_empty();
            if !c.is_ascii_digit() || (c == '0' && empty) || self.input.value().len() >= 6 {
                return false;
            }
        }
        let changed = self.input.handle(request).is_some_and(|c| c.value);
        if changed {
            self.field.set(a, self.input.value());
        }
        changed
    }

    /// Inserts pasted text at the cursor; line breaks and tabs become spaces (one-line fields).
    pub fn paste(&mut self, text: &str, a: &mut Assessment) -> bool {
        let mut changed = false;
        for c in text.chars() {
            let c = if c.is_control() { ' ' } else { c };
            changed |= self.apply(InputRequest::InsertChar(c), a);
        }
        changed
    }
}
