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

    /// A list of names, one per entry: Enter adds an entry, Backspace in an empty one goes back
    /// to the one before.
    pub fn is_list(self) -> bool {
        matches!(self, AboutField::DecisionMakers | AboutField::Consulted | AboutField::Informed)
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

    /// The text the editor edits: for a list of names, its last entry.
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
                AboutField::DecisionMakers | AboutField::Consulted | AboutField::Informed => {
                    self.list(a).and_then(|l| l.last()).map_or("", String::as_str)
                }
            },
            Field::LoweringReason => &a.scenario.protection_lowered_reason,
            Field::RiskAcceptedBy => &a.scenario.protection_risk_accepted_by,
            Field::LargestMeeting | Field::Audience => "",
        }
    }

    /// The names of a list field (`None` for a text field).
    pub fn list(self, a: &Assessment) -> Option<&Vec<String>> {
        let m = &a.meta;
        match self {
            Field::About(AboutField::DecisionMakers) => Some(&m.decision_makers),
            Field::About(AboutField::Consulted) => Some(&m.consulted),
            Field::About(AboutField::Informed) => Some(&m.informed),
            _ => None,
        }
    }

    fn list_mut(self, a: &mut Assessment) -> Option<&mut Vec<String>> {
        let m = &mut a.meta;
        match self {
            Field::About(AboutField::DecisionMakers) => Some(&mut m.decision_makers),
            Field::About(AboutField::Consulted) => Some(&mut m.consulted),
            Field::About(AboutField::Informed) => Some(&mut m.informed),
            _ => None,
        }
    }

    /// Writes the edited text: into the field, or into the last entry of a list (made when the
    /// list is empty).
    fn write(self, a: &mut Assessment, text: String) {
        let number = text.parse::<u32>().unwrap_or(0);
        match self {
            Field::LargestMeeting => a.scenario.largest_meeting = number,
            Field::Audience => a.scenario.audience = number,
            _ => {}
        }
        if self.is_number() {
            return;
        }
        if let Some(list) = self.list_mut(a) {
            match list.last_mut() {
                Some(last) => *last = text,
                None => list.push(text),
            }
            return;
        }
        let m = &mut a.meta;
        let slot = match self {
            Field::About(f) => match f {
                AboutField::Title => &mut m.title,
                AboutField::Organisation => &mut m.organisation,
                AboutField::Controller => &mut m.controller,
                AboutField::DpoContact => &mut m.dpo_contact,
                AboutField::Assessors => &mut m.assessors,
                AboutField::DecisionMakers | AboutField::Consulted | AboutField::Informed => {
                    return;
                }
            },
            Field::LoweringReason => &mut a.scenario.protection_lowered_reason,
            Field::RiskAcceptedBy => &mut a.scenario.protection_risk_accepted_by,
            Field::LargestMeeting | Field::Audience => return,
        };
        *slot = text;
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

    /// Applies one edit; returns whether the text changed. In a list of names, Backspace in an
    /// empty entry removes it and goes back to the entry before. A number field takes digits
    /// only, up to six, and no leading zero.
    pub fn apply(&mut self, request: InputRequest, a: &mut Assessment) -> bool {
        if self.field.is_number()
            && let InputRequest::InsertChar(c) = request
        {
            let empty = self.input.value().is_empty();
            if !c.is_ascii_digit() || (c == '0' && empty) || self.input.value().len() >= 6 {
                return false;
            }
        }
        if request == InputRequest::DeletePrevChar
            && self.input.value().is_empty()
            && let Some(list) = self.field.list_mut(a)
            && list.len() > 1
        {
            list.pop();
            self.input = Input::new(self.field.value(a));
            return true;
        }
        let changed = self.input.handle(request).is_some_and(|c| c.value);
        if changed {
            self.field.write(a, self.input.value().to_string());
        }
        changed
    }

    /// Enter in a list of names: a name typed in the last entry is kept and a new, empty entry
    /// follows. `false` when there is nothing to add (Enter then moves on).
    pub fn add_entry(&mut self, a: &mut Assessment) -> bool {
        if self.input.value().trim().is_empty() {
            return false;
        }
        let Some(list) = self.field.list_mut(a) else { return false };
        list.push(String::new());
        self.input = Input::default();
        true
    }

    /// Leaving the field: an empty last entry of a list is dropped.
    pub fn close(&self, a: &mut Assessment) {
        if let Some(list) = self.field.list_mut(a)
            && list.last().is_some_and(|n| n.trim().is_empty())
        {
            list.pop();
        }
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
