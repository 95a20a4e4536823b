//! The text fields of the decision and the checklist: which value of the assessment each edits,
//! and the editor state. Text is written through to the assessment at every edit (so a save at
//! any moment has it); dates are kept as typed and written when the field is left, because a half
//! typed date is not a date.

use jiff::civil::Date;
use tui_input::{Input, InputRequest};

use crate::domain::assessment::{Assessment, Override, Status, StatusChange};
use crate::domain::todos::TodoId;

/// A text field on the decision or checklist screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TextField {
    Rationale,
    OverrideReason,
    OverrideAcceptedBy,
    DecidedBy,
    /// The data protection officer's opinion, who gave it, and when.
    DpoOpinion,
    DpoName,
    DpoDate,
    /// The date the decision-maker at this place of the list approved (empty: not yet).
    Approval(usize),
    Owner(TodoId),
    Due(TodoId),
    Evidence(TodoId),
    EvidenceDate(TodoId),
    Note(TodoId),
}

impl TextField {
    /// Enter is a new line; Tab and Esc leave the field.
    pub fn multi_line(self) -> bool {
        matches!(self, TextField::Rationale | TextField::Note(_))
    }

    pub fn is_date(self) -> bool {
        matches!(
            self,
            TextField::Due(_)
                | TextField::EvidenceDate(_)
                | TextField::DpoDate
                | TextField::Approval(_)
        )
    }

    /// The value as shown and edited.
    pub fn value(self, a: &Assessment) -> String {
        let d = a.decision.as_ref();
        let o = d.and_then(|d| d.override_.as_ref());
        let item = |id: TodoId| a.checklist.get(&id);
        let date = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
        match self {
            TextField::Rationale => d.map(|d| d.rationale.clone()).unwrap_or_default(),
            TextField::OverrideReason => o.map(|o| o.reason.clone()).unwrap_or_default(),
            TextField::OverrideAcceptedBy => o.map(|o| o.accepted_by.clone()).unwrap_or_default(),
            TextField::DecidedBy => a.status.as_ref().map(|s| s.by.clone()).unwrap_or_default(),
            TextField::DpoOpinion => a.sign_off.dpo_opinion.clone(),
            TextField::DpoName => a.sign_off.dpo_name.clone(),
            TextField::DpoDate => date(a.sign_off.dpo_date),
            TextField::Approval(i) => {
                date(a.meta.decision_makers.get(i).and_then(|n| a.sign_off.approved(n)))
            }
            TextField::Owner(id) => item(id).map(|i| i.owner.clone()).unwrap_or_default(),
            TextField::Due(id) => date(item(id).and_then(|i| i.due)),
            TextField::Evidence(id) => item(id).map(|i| i.evidence.clone()).unwrap_or_default(),
            TextField::EvidenceDate(id) => date(item(id).and_then(|i| i.evidence_date)),
            TextField::Note(id) => item(id).map(|i| i.note.clone()).unwrap_or_default(),
        }
    }

    /// Writes a text value (not for dates). The decision must exist for its fields.
    fn set_text(self, a: &mut Assessment, value: &str, today: Date) {
        let value = value.to_string();
        match self {
            TextField::Rationale => {
                if let Some(d) = &mut a.decision {
                    d.rationale = value;
                }
            }
            TextField::OverrideReason | TextField::OverrideAcceptedBy => {
                if let Some(d) = &mut a.decision {
                    let o = d.override_.get_or_insert_with(|| Override {
                        reason: String::new(),
                        accepted_by: String::new(),
                    });
                    if self == TextField::OverrideReason {
                        o.reason = value;
                    } else {
                        o.accepted_by = value;
                    }
                }
            }
            TextField::DecidedBy => {
                let status = a.status.get_or_insert_with(|| StatusChange {
                    status: Status::Proposed,
                    by: String::new(),
                    on: today,
                });
                status.by = value;
            }
            TextField::DpoOpinion => a.sign_off.dpo_opinion = value,
            TextField::DpoName => a.sign_off.dpo_name = value,
            TextField::Owner(id) => a.checklist.entry(id).or_default().owner = value,
            TextField::Evidence(id) => a.checklist.entry(id).or_default().evidence = value,
            TextField::Note(id) => a.checklist.entry(id).or_default().note = value,
            TextField::Due(_)
            | TextField::EvidenceDate(_)
            | TextField::DpoDate
            | TextField::Approval(_) => {}
        }
    }

    /// Writes a date typed as YYYY-MM-DD (empty clears it); `Err` keeps the text for fixing.
    fn set_date(self, a: &mut Assessment, text: &str) -> Result<bool, BadDate> {
        let date = match text.trim() {
            "" => None,
            t => Some(parse_date(t).ok_or(BadDate)?),
        };
        if let TextField::Approval(i) = self {
            let Some(name) = a.meta.decision_makers.get(i).cloned() else { return Ok(false) };
            let changed = a.sign_off.approved(&name) != date;
            a.sign_off.set_approval(&name, date);
            return Ok(changed);
        }
        let slot = match self {
            TextField::DpoDate => &mut a.sign_off.dpo_date,
            TextField::Due(id) => &mut a.checklist.entry(id).or_default().due,
            TextField::EvidenceDate(id) => &mut a.checklist.entry(id).or_default().evidence_date,
            _ => return Ok(false),
        };
        let changed = *slot != date;
        *slot = date;
        Ok(changed)
    }
}

/// A typed date that is not a date (the text stays for fixing).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BadDate;

/// A date typed exactly as YYYY-MM-DD.
pub fn parse_date(text: &str) -> Option<Date> {
    let bytes = text.as_bytes();
    let shape = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes.iter().enumerate().all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !shape {
        return None;
    }
    text.parse::<Date>().ok()
}

/// The field being edited, with its cursor.
#[derive(Clone, Debug)]
pub struct TextBox {
    pub field: TextField,
    pub input: Input,
    /// Changed since it was opened (leaving it saves).
    pub changed: bool,
}

impl TextBox {
    pub fn open(field: TextField, a: &Assessment) -> TextBox {
        TextBox { field, input: Input::new(field.value(a)), changed: false }
    }

    /// Applies one edit and writes text through; returns whether the text changed.
    pub fn apply(&mut self, request: InputRequest, a: &mut Assessment, today: Date) -> bool {
        if let InputRequest::InsertChar(c) = request
            && c.is_control()
            && !(c == '\n' && self.field.multi_line())
        {
            return false;
        }
        let changed = self.input.handle(request).is_some_and(|c| c.value);
        if changed {
            self.changed = true;
            if !self.field.is_date() {
                self.field.set_text(a, self.input.value(), today);
            }
        }
        changed
    }

    /// Pasted text: line breaks stay in multi-line fields, other control characters become spaces.
    pub fn paste(&mut self, text: &str, a: &mut Assessment, today: Date) -> bool {
        let mut changed = false;
        for c in text.chars().filter(|c| *c != '\r') {
            let keep = c == '\n' && self.field.multi_line();
            let c = if c.is_control() && !keep { ' ' } else { c };
            changed |= self.apply(InputRequest::InsertChar(c), a, today);
        }
        changed
    }

    /// Leaves the field: a date is checked and written. `Err` when the date is not valid.
    pub fn close(&self, a: &mut Assessment) -> Result<bool, BadDate> {
        if self.field.is_date() {
            return self.field.set_date(a, self.input.value()).map(|c| c || self.changed);
        }
        Ok(self.changed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_must_be_complete_and_real() {
        assert_eq!(parse_date("2026-12-01"), Some(Date::constant(2026, 12, 1)));
        for bad in ["2026-2-01", "01.12.2026", "2026-02-30", "2026-12-1x", "20261201", ""] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }
}
