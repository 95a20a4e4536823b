//! Every text field of the wizard and the one editor they share (ratatui-textarea: whole-word
//! wrapping, ← → Home End within the line, ↑ ↓ inside a multi-line text).
//!
//! Text is written through to the assessment at every edit, so a save at any moment has it.
//! Dates are kept as typed and written when the field is left, because a half-typed date is not
//! a date. The decision's fields write into its draft, never into the decision taken.

use crate::i18n::{Key, k};
use jiff::civil::Date;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use ratatui_textarea::{CursorMove, TextArea};

use super::text;
use crate::domain::assessment::{Assessment, DecisionDraft, Override};
use crate::domain::decision;
use crate::domain::todos::TodoId;

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

    /// A list of names, one per line: Enter after a name starts the next one, Enter on an
    /// empty line goes on to the next field.
    pub fn is_list(self) -> bool {
        matches!(self, AboutField::DecisionMakers | AboutField::Consulted | AboutField::Informed)
    }
}

/// A text value of the assessment that the wizard edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TextField {
    About(AboutField),
    /// Why the protection need is below the proposal.
    LoweringReason,
    /// Who accepts the risk of the lower protection need.
    RiskAcceptedBy,
    /// A number: people taking an active part in the largest meeting.
    LargestMeeting,
    /// A number: people only watching.
    Audience,
    Rationale,
    OverrideReason,
    OverrideAcceptedBy,
    /// Who sets the decision's status.
    SetBy,
    /// The data protection officer's opinion, who gave it, and when (the sign-off).
    DpoOpinion,
    DpoName,
    DpoDate,
    /// The date the decision-maker at this place of the About form's list approved.
    Approval(usize),
    Owner(TodoId),
    Due(TodoId),
    Evidence(TodoId),
    EvidenceDate(TodoId),
    Note(TodoId),
}

impl TextField {
    /// Several lines: Enter is a new line, ↑ ↓ move inside the text, Esc leaves it.
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

    /// Written into the decision's draft (not taken until "Take the decision").
    pub fn in_draft(self) -> bool {
        matches!(
            self,
            TextField::Rationale
                | TextField::OverrideReason
                | TextField::OverrideAcceptedBy
                | TextField::SetBy
        )
    }

    /// A list of names (one per line).
    pub fn is_list(self) -> bool {
        matches!(self, TextField::About(f) if f.is_list())
    }

    /// A number: only digits are typed (up to six, no leading zero); an empty field is 0.
    pub fn is_number(self) -> bool {
        matches!(self, TextField::LargestMeeting | TextField::Audience)
    }

    /// Text key of the field's label.
    pub fn label_key(self) -> Key {
        match self {
            TextField::About(f) => f.key(),
            TextField::LoweringReason => k::UI_Q_LOWERING_REASON,
            TextField::RiskAcceptedBy => k::UI_Q_RISK_ACCEPTED_BY,
            TextField::LargestMeeting => k::UI_FIELD_LARGEST_MEETING,
            TextField::Audience => k::UI_FIELD_AUDIENCE,
            TextField::Rationale => k::UI_DECISION_RATIONALE,
            TextField::OverrideReason => k::UI_DECISION_OVERRIDE_REASON,
            TextField::OverrideAcceptedBy => k::UI_DECISION_OVERRIDE_ACCEPTED_BY,
            TextField::SetBy => k::UI_DECISION_DECIDED_BY,
            TextField::DpoOpinion => k::UI_DECISION_DPO_OPINION,
            TextField::DpoName => k::UI_DECISION_DPO_NAME,
            TextField::DpoDate => k::UI_DECISION_DPO_DATE,
            TextField::Approval(_) => k::UI_DECISION_APPROVAL,
            TextField::Owner(_) => k::UI_CHECKLIST_OWNER,
            TextField::Due(_) => k::UI_CHECKLIST_DUE,
            TextField::Evidence(_) => k::UI_CHECKLIST_EVIDENCE,
            TextField::EvidenceDate(_) => k::UI_CHECKLIST_EVIDENCE_DATE,
            TextField::Note(_) => k::UI_CHECKLIST_NOTE,
        }
    }

    /// The value as shown and edited.
    pub fn value(self, a: &Assessment) -> String {
        let m = &a.meta;
        let item = |id: TodoId| a.checklist.get(&id);
        let date = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
        let draft = || decision::draft_of(a, None);
        let o = |d: DecisionDraft| d.override_.unwrap_or_else(empty_override);
        let number = |n: u32| if n == 0 { String::new() } else { n.to_string() };
        match self {
            TextField::About(f) => match f {
                AboutField::Title => m.title.clone(),
                AboutField::Organisation => m.organisation.clone(),
                AboutField::Controller => m.controller.clone(),
                AboutField::DpoContact => m.dpo_contact.clone(),
                AboutField::Assessors => m.assessors.clone(),
                AboutField::DecisionMakers => m.decision_makers.join("\n"),
                AboutField::Consulted => m.consulted.join("\n"),
                AboutField::Informed => m.informed.join("\n"),
            },
            TextField::LoweringReason => a.scenario.protection_lowered_reason.clone(),
            TextField::RiskAcceptedBy => a.scenario.protection_risk_accepted_by.clone(),
            TextField::LargestMeeting => number(a.scenario.largest_meeting),
            TextField::Audience => number(a.scenario.audience),
            TextField::Rationale => draft().rationale,
            TextField::OverrideReason => o(draft()).reason,
            TextField::OverrideAcceptedBy => o(draft()).accepted_by,
            TextField::SetBy => draft().set_by,
            TextField::DpoOpinion => a.sign_off.dpo_opinion.clone(),
            TextField::DpoName => a.sign_off.dpo_name.clone(),
            TextField::DpoDate => date(a.sign_off.dpo_date),
            TextField::Approval(i) => {
                date(m.decision_makers.get(i).and_then(|n| a.sign_off.approved(n)))
            }
            TextField::Owner(id) => item(id).map(|i| i.owner.clone()).unwrap_or_default(),
            TextField::Due(id) => date(item(id).and_then(|i| i.due)),
            TextField::Evidence(id) => item(id).map(|i| i.evidence.clone()).unwrap_or_default(),
            TextField::EvidenceDate(id) => date(item(id).and_then(|i| i.evidence_date)),
            TextField::Note(id) => item(id).map(|i| i.note.clone()).unwrap_or_default(),
        }
    }

    /// Writes a text value (not a date). The decision's fields go into its draft, which must
    /// exist (the decision screen makes it before the first keystroke).
    fn set_text(self, a: &mut Assessment, value: String) {
        let m = &mut a.meta;
        match self {
            TextField::About(f) if f.is_list() => {
                let list = match f {
                    AboutField::DecisionMakers => &mut m.decision_makers,
                    AboutField::Consulted => &mut m.consulted,
                    _ => &mut m.informed,
                };
                // One name per line; a line not yet typed is no name.
                *list = value
                    .split('\n')
                    .map(str::trim)
                    .filter(|n| !n.is_empty())
                    .map(str::to_string)
                    .collect();
            }
            TextField::About(f) => {
                let slot = match f {
                    AboutField::Title => &mut m.title,
                    AboutField::Organisation => &mut m.organisation,
                    AboutField::Controller => &mut m.controller,
                    AboutField::DpoContact => &mut m.dpo_contact,
                    AboutField::Assessors => &mut m.assessors,
                    AboutField::DecisionMakers | AboutField::Consulted | AboutField::Informed => {
                        return;
                    }
                };
                *slot = value;
            }
            TextField::LoweringReason => a.scenario.protection_lowered_reason = value,
            TextField::RiskAcceptedBy => a.scenario.protection_risk_accepted_by = value,
            TextField::LargestMeeting => a.scenario.largest_meeting = value.parse().unwrap_or(0),
            TextField::Audience => a.scenario.audience = value.parse().unwrap_or(0),
            TextField::Rationale => edit_draft(a, |d| d.rationale = value),
            TextField::OverrideReason => {
                edit_draft(a, |d| d.override_.get_or_insert_with(empty_override).reason = value)
            }
            TextField::OverrideAcceptedBy => edit_draft(a, |d| {
                d.override_.get_or_insert_with(empty_override).accepted_by = value
            }),
            TextField::SetBy => edit_draft(a, |d| d.set_by = value),
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

fn empty_override() -> Override {
    Override { reason: String::new(), accepted_by: String::new() }
}

fn edit_draft(a: &mut Assessment, change: impl FnOnce(&mut DecisionDraft)) {
    if let Some(mut draft) = a.draft.clone() {
        change(&mut draft);
        decision::keep_draft(a, draft);
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

/// The field being edited, with its text and cursor.
#[derive(Clone, Debug)]
pub struct Editor {
    pub field: TextField,
    area: TextArea<'static>,
    /// Changed since it was opened (leaving it saves).
    pub changed: bool,
}

impl Editor {
    pub fn open(field: TextField, a: &Assessment) -> Editor {
        let value = field.value(a);
        // The text and the cursor live in the text area; the wrapping on screen is ours (whole
        // words, the same as every other text), so ↑↓ move by lines of the text.
        let mut area = TextArea::new(value.split('\n').map(str::to_string).collect());
        area.move_cursor(CursorMove::Bottom);
        area.move_cursor(CursorMove::End);
        Editor { field, area, changed: false }
    }

    /// The text as typed.
    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    /// The editor as a widget: the text wrapped at whole words, the cursor shown reversed and
    /// kept in view. No colour: the look comes from underline and bold alone.
    pub fn widget(&self) -> EditorView<'_> {
        EditorView { editor: self }
    }

    /// The rows of the text at `width` columns: (line of the text, first char, end char).
    fn screen_rows(&self, width: usize) -> Vec<(usize, usize, usize)> {
        self.area
            .lines()
            .iter()
            .enumerate()
            .flat_map(|(i, l)| text::wrap_ranges(l, width).into_iter().map(move |(a, b)| (i, a, b)))
            .collect()
    }

    /// The cursor: line and character within it.
    pub fn cursor(&self) -> (usize, usize) {
        let ratatui_textarea::DataCursor(line, column) = self.area.cursor();
        (line, column)
    }

    /// One key for the text; returns whether the text changed. Keys that do not edit text
    /// (function keys, Ctrl combinations the editor does not know) are ignored.
    pub fn key(&mut self, key: KeyEvent, a: &mut Assessment) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        let multi = self.field.multi_line();
        let before = self.area.lines().to_vec();
        let a_ = &mut self.area;
        let digits = self.field.is_number();
        let text_now: String = before.concat();
        match key.code {
            // A number takes digits only: up to six, and no leading zero.
            KeyCode::Char(c)
                if digits
                    && (!c.is_ascii_digit()
                        || (c == '0' && text_now.is_empty())
                        || text_now.len() >= 6) => {}
            KeyCode::Char(c) if !ctrl && !alt && !c.is_control() => a_.insert_char(c),
            KeyCode::Char('w') if ctrl => {
                a_.delete_word();
            }
            KeyCode::Char('u') if ctrl => {
                a_.delete_line_by_head();
            }
            KeyCode::Backspace if ctrl || alt => {
                a_.delete_word();
            }
            KeyCode::Backspace => {
                a_.delete_char();
            }
            KeyCode::Delete => {
                a_.delete_next_char();
            }
            KeyCode::Left if ctrl => a_.move_cursor(CursorMove::WordBack),
            KeyCode::Right if ctrl => a_.move_cursor(CursorMove::WordForward),
            KeyCode::Left => a_.move_cursor(CursorMove::Back),
            KeyCode::Right => a_.move_cursor(CursorMove::Forward),
            KeyCode::Home => a_.move_cursor(CursorMove::Head),
            KeyCode::End => a_.move_cursor(CursorMove::End),
            KeyCode::Up if multi => a_.move_cursor(CursorMove::Up),
            KeyCode::Down if multi => a_.move_cursor(CursorMove::Down),
            KeyCode::Enter if multi => a_.insert_newline(),
            _ => {}
        }
        self.after_edit(before, a)
    }

    /// The line under the cursor holds nothing yet.
    pub fn on_empty_line(&self) -> bool {
        let (line, _) = self.cursor();
        self.area.lines().get(line).is_none_or(|l| l.trim().is_empty())
    }

    /// Enter in a list of names: after a name, a new line for the next one (`true`); on an
    /// empty line, that line goes and `false` says to move on.
    pub fn next_entry(&mut self, a: &mut Assessment) -> bool {
        if !self.field.is_list() {
            return false;
        }
        let (line, _) = self.cursor();
        let before = self.area.lines().to_vec();
        if before[line].trim().is_empty() {
            if before.len() > 1 {
                let mut lines = before.clone();
                lines.remove(line);
                self.area = TextArea::new(lines);
                self.area.move_cursor(CursorMove::Bottom);
                self.area.move_cursor(CursorMove::End);
                self.after_edit(before, a);
            }
            return false;
        }
        self.area.move_cursor(CursorMove::End);
        self.area.insert_newline();
        self.after_edit(before, a);
        true
    }

    /// A new line (Enter in a multi-line text).
    pub fn new_line(&mut self, a: &mut Assessment) -> bool {
        if !self.field.multi_line() {
            return false;
        }
        let before = self.area.lines().to_vec();
        self.area.insert_newline();
        self.after_edit(before, a)
    }

    /// Pasted text at the cursor: line breaks stay in a multi-line text, other control
    /// characters become spaces.
    pub fn paste(&mut self, text: &str, a: &mut Assessment) -> bool {
        let before = self.area.lines().to_vec();
        if self.field.is_number() {
            for c in text.chars().filter(char::is_ascii_digit) {
                let now: String = self.area.lines().concat();
                if now.len() < 6 && !(c == '0' && now.is_empty()) {
                    self.area.insert_char(c);
                }
            }
            return self.after_edit(before, a);
        }
        for c in text.chars().filter(|c| *c != '\r') {
            if c == '\n' && (self.field.multi_line() || self.field.is_list()) {
                self.area.insert_newline();
            } else {
                self.area.insert_char(if c.is_control() { ' ' } else { c });
            }
        }
        self.after_edit(before, a)
    }

    fn after_edit(&mut self, before: Vec<String>, a: &mut Assessment) -> bool {
        if self.area.lines() == before.as_slice() {
            return false;
        }
        self.changed = true;
        if !self.field.is_date() {
            self.field.set_text(a, self.text());
        }
        true
    }

    /// Leaves the field: a date is checked and written. `Err` when the date is not valid.
    pub fn close(&self, a: &mut Assessment) -> Result<bool, BadDate> {
        if self.field.is_date() {
            return self.field.set_date(a, &self.text()).map(|c| c || self.changed);
        }
        Ok(self.changed)
    }

    /// How many rows the text takes at `width` columns (one more in a multi-line text, so that
    /// a new line has room).
    pub fn rows(&self, width: usize) -> usize {
        self.screen_rows(width.saturating_sub(1).max(1)).len()
            + usize::from(self.field.multi_line())
    }
}

/// Draws an [`Editor`].
pub struct EditorView<'a> {
    editor: &'a Editor,
}

impl Widget for EditorView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width == 0 || area.height == 0 {
            return;
        }
        let base = Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD);
        let cursor_style = base.add_modifier(Modifier::REVERSED);
        // One column is kept for the cursor after the last character.
        let columns = area.width as usize - 1;
        let rows = self.editor.screen_rows(columns.max(1));
        let (line, column) = self.editor.cursor();
        let here = rows.iter().rposition(|(l, a, _)| *l == line && *a <= column).unwrap_or(0);
        let first = (here + 1).saturating_sub(area.height as usize);
        let lines_of_text = self.editor.area.lines();
        let mut out = Vec::new();
        for (i, (l, a, b)) in rows.iter().enumerate().skip(first).take(area.height as usize) {
            let chars: Vec<char> = lines_of_text[*l].chars().collect();
            let shown: String = chars[*a..*b].iter().collect();
            let mut spans = Vec::new();
            let mut used = text::width(&shown);
            if i == here {
                let at = column.clamp(*a, *b.max(a));
                let before: String = chars[*a..at].iter().collect();
                let under =
                    chars.get(at).filter(|_| at < *b).map_or(" ".to_string(), |c| c.to_string());
                let after: String = chars[(at + 1).min(*b).max(at)..*b].iter().collect();
                used = text::width(&before) + text::width(&under) + text::width(&after);
                spans.extend([
                    Span::styled(before, base),
                    Span::styled(under, cursor_style),
                    Span::styled(after, base),
                ]);
            } else {
                spans.push(Span::styled(shown, base));
            }
            spans.push(Span::styled(" ".repeat((area.width as usize).saturating_sub(used)), base));
            out.push(Line::from(spans));
        }
        Paragraph::new(out).render(area, buf);
    }
}

/// Moves the editor to `field` (`None`: no text has the focus), closing the one open first.
/// `Ok(true)` when a changed field was left; `Err` when that field holds a date that is not one
/// (it stays open, for fixing).
pub fn refocus(
    slot: &mut Option<Editor>,
    field: Option<TextField>,
    a: &mut Assessment,
) -> Result<bool, BadDate> {
    if slot.as_ref().map(|e| e.field) == field {
        return Ok(false);
    }
    let left = match slot.as_ref() {
        Some(editor) => editor.close(a)?,
        None => false,
    };
    *slot = field.map(|f| Editor::open(f, a));
    Ok(left)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assessment() -> Assessment {
        let now = "2026-11-29T09:00:00Z".parse().unwrap();
        Assessment::new("e1".into(), String::new(), now, "x".into())
    }

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn dates_must_be_complete_and_real() {
        assert_eq!(parse_date("2026-12-01"), Some(Date::constant(2026, 12, 1)));
        for bad in ["2026-2-01", "01.12.2026", "2026-02-30", "2026-12-1x", "20261201", ""] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn text_is_written_through_and_home_end_stay_in_the_line() {
        let mut a = assessment();
        let id = TodoId::ALL[0];
        let mut e = Editor::open(TextField::Note(id), &a);
        for c in "first".chars() {
            e.key(key(KeyCode::Char(c)), &mut a);
        }
        assert!(e.key(key(KeyCode::Enter), &mut a));
        for c in "second".chars() {
            e.key(key(KeyCode::Char(c)), &mut a);
        }
        assert_eq!(a.checklist[&id].note, "first\nsecond");
        e.key(key(KeyCode::Home), &mut a);
        assert_eq!(e.cursor(), (1, 0), "Home goes to the start of the line, not the text");
        e.key(key(KeyCode::Up), &mut a);
        assert_eq!(e.cursor().0, 0, "↑ moves inside the text");
        e.key(key(KeyCode::End), &mut a);
        assert_eq!(e.cursor(), (0, 5));
    }

    #[test]
    fn a_number_takes_digits_only() {
        let mut a = assessment();
        a.scenario.largest_meeting = 0;
        let mut e = Editor::open(TextField::LargestMeeting, &a);
        for c in "0a1x2,5".chars() {
            e.key(key(KeyCode::Char(c)), &mut a);
        }
        assert_eq!(a.scenario.largest_meeting, 125);
        e.key(key(KeyCode::Backspace), &mut a);
        assert_eq!(a.scenario.largest_meeting, 12);
        assert!(e.paste("9 999 999", &mut a));
        assert_eq!(e.text(), "129999", "six digits at most");
    }

    #[test]
    fn a_one_line_field_takes_no_line_break() {
        let mut a = assessment();
        let mut e = Editor::open(TextField::About(AboutField::Title), &a);
        assert!(!e.key(key(KeyCode::Enter), &mut a));
        assert!(e.paste("Schule\r\nAm See", &mut a));
        assert_eq!(a.meta.title, "Schule Am See");
    }

    #[test]
    fn a_date_is_written_when_the_field_is_left() {
        let mut a = assessment();
        let id = TodoId::ALL[0];
        let mut e = Editor::open(TextField::Due(id), &a);
        e.paste("2026-13-01", &mut a);
        assert_eq!(e.close(&mut a), Err(BadDate));
        let mut e = Editor::open(TextField::Due(id), &a);
        e.paste("2026-12-15", &mut a);
        assert_eq!(e.close(&mut a), Ok(true));
        assert_eq!(a.checklist[&id].due, Some(Date::constant(2026, 12, 15)));
    }
}
