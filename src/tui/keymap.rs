//! Keys → messages, per screen and mode. The footer hints and the help overlay are generated from
//! the same table, so they cannot promise a key that does nothing.

use crate::i18n::{Key, k};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use super::app::{ABOUT_CONTINUE, Action, Model, Msg, Screen};
use crate::domain::scenario::Step;
use crate::export::Kind;

/// Which keys apply right now.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mode {
    TooSmall,
    Help,
    Start,
    Catalog,
    CatalogDetail,
    /// The About form with the focus on "Continue".
    Form,
    /// A text field has the focus: printable keys are text.
    Editing,
    /// A scenario step with the cursor on an option.
    Choice,
    /// The results: ranked matrix, excluded, detail, what-ifs, comparison.
    Results,
    /// A choice row of a form (offering, runner-up, status): Space, ← and → change it.
    Selector,
    /// A multi-line text field: Enter is a new line, Tab or Esc leaves it.
    MultiLine,
    /// The checklist's list of to-dos.
    ChecklistList,
    /// The review: every answer, and the exports.
    Review,
}

impl Mode {
    pub const ALL: [Mode; 13] = [
        Mode::TooSmall,
        Mode::Help,
        Mode::Start,
        Mode::Catalog,
        Mode::CatalogDetail,
        Mode::Form,
        Mode::Editing,
        Mode::Choice,
        Mode::Results,
        Mode::Selector,
        Mode::MultiLine,
        Mode::ChecklistList,
        Mode::Review,
    ];

    /// Printable keys go into a text field.
    pub fn edits_text(self) -> bool {
        self == Mode::Editing || self == Mode::MultiLine
    }
}

pub fn mode(model: &Model) -> Mode {
    if model.too_small() {
        return Mode::TooSmall;
    }
    if model.help {
        return Mode::Help;
    }
    mode_beneath_help(model)
}

/// The mode of the screen itself, as if the help overlay were closed.
pub fn mode_beneath_help(model: &Model) -> Mode {
    match model.screen {
        Screen::Start => Mode::Start,
        Screen::Catalog => Mode::Catalog,
        Screen::CatalogDetail => Mode::CatalogDetail,
        Screen::Step(step) if step > Step::Participation => match &model.doc {
            Some(doc) => super::outcome::mode(doc),
            None => Mode::Review,
        },
        Screen::Step(step) => {
            let editing = model.doc.as_ref().is_some_and(|d| d.editor.is_some());
            match step {
                _ if editing => Mode::Editing,
                Step::About => {
                    let on_button =
                        model.doc.as_ref().is_none_or(|d| d.about_focus == ABOUT_CONTINUE);
                    if on_button { Mode::Form } else { Mode::Editing }
                }
                _ => Mode::Choice,
            }
        }
    }
}

/// How keys are written: as they are ("↑↓", "Esc"), or by a text key where the words differ by
/// language ("Leertaste" / "Space").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keys {
    Plain(&'static str),
    Worded(Key),
}

impl From<&'static str> for Keys {
    fn from(plain: &'static str) -> Keys {
        Keys::Plain(plain)
    }
}

impl From<Key> for Keys {
    fn from(key: Key) -> Keys {
        Keys::Worded(key)
    }
}

/// One line of the footer / help: the keys, what they do, and the action each key sends.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Binding {
    pub keys: Keys,
    /// What the keys do here.
    pub does: Key,
    pub presses: Vec<(KeyCode, KeyModifiers, Action)>,
    /// Shown in the footer (the help overlay shows all).
    pub footer: bool,
}

fn b(keys: impl Into<Keys>, does: Key, presses: &[(KeyCode, Action)], footer: bool) -> Binding {
    let presses =
        presses.iter().map(|(code, action)| (*code, KeyModifiers::NONE, *action)).collect();
    Binding { keys: keys.into(), does, presses, footer }
}

fn ctrl(keys: Key, does: Key, c: char, action: Action, footer: bool) -> Binding {
    let presses = vec![(KeyCode::Char(c), KeyModifiers::CONTROL, action)];
    Binding { keys: keys.into(), does, presses, footer }
}

fn move_keys(does: Key, vim: bool) -> Binding {
    let mut presses = vec![(KeyCode::Up, Action::Up), (KeyCode::Down, Action::Down)];
    if vim {
        presses.extend([(KeyCode::Char('k'), Action::Up), (KeyCode::Char('j'), Action::Down)]);
    }
    b("↑↓", does, &presses, true)
}

fn help_keys(question_mark: bool) -> Binding {
    let mut presses = vec![(KeyCode::F(1), Action::Help)];
    let mut keys = "F1";
    if question_mark {
        presses.insert(0, (KeyCode::Char('?'), Action::Help));
        keys = "?";
    }
    b(keys, k::UI_DOES_HELP, &presses, true)
}

fn export_key(kind: Kind, key: char, does: Key) -> Binding {
    let keys = match key {
        'e' => "e",
        'n' => "n",
        _ => "r",
    };
    b(keys, does, &[(KeyCode::Char(key), Action::Export(kind))], true)
}

/// The bindings of a mode, footer ones first in the order shown.
pub fn bindings(mode: Mode) -> Vec<Binding> {
    use Action as A;
    use KeyCode as K;
    let quit = b("q", k::UI_DOES_QUIT, &[(K::Char('q'), A::Quit)], true);
    let force_quit = ctrl(k::UI_KEY_CTRL_C, k::UI_DOES_FORCE_QUIT, 'c', A::ForceQuit, false);
    let save = ctrl(k::UI_KEY_CTRL_S, k::UI_DOES_SAVE, 's', A::SaveNow, false);
    // In the footer only while a copy is the way out (see `Model::copy_advised`).
    let save_copy = ctrl(k::UI_KEY_CTRL_K, k::UI_DOES_SAVE_COPY, 'k', A::SaveCopy, true);
    let back = |does| b("Esc", does, &[(K::Esc, A::Back)], true);
    let tab = |does| b("Tab", does, &[(K::Tab, A::NextField), (K::BackTab, A::PrevField)], true);
    let enter = |does| b("Enter", does, &[(K::Enter, A::Enter)], true);
    let mut list = match mode {
        Mode::TooSmall => vec![quit],
        Mode::Help => vec![back(k::UI_DOES_CLOSE_HELP), quit],
        Mode::Start => {
            vec![move_keys(k::UI_DOES_MOVE, true), enter(k::UI_DOES_OPEN), help_keys(true), quit]
        }
        Mode::Catalog => vec![
            move_keys(k::UI_DOES_MOVE, true),
            enter(k::UI_DOES_DETAILS),
            back(k::UI_DOES_BACK),
            help_keys(true),
            quit,
        ],
        Mode::CatalogDetail => {
            vec![move_keys(k::UI_DOES_SCROLL, true), back(k::UI_DOES_BACK), help_keys(true), quit]
        }
        Mode::Form => vec![
            enter(k::UI_DOES_NEXT_STEP),
            move_keys(k::UI_DOES_FIELD, true),
            tab(k::UI_DOES_FIELD),
            back(k::UI_DOES_BACK),
            help_keys(true),
            quit,
        ],
        Mode::Editing => vec![
            enter(k::UI_DOES_NEXT_FIELD),
            move_keys(k::UI_DOES_FIELD, false),
            Binding { footer: false, ..tab(k::UI_DOES_FIELD) },
            back(k::UI_DOES_BACK),
            help_keys(false),
            save.clone(),
            save_copy.clone(),
        ],
        Mode::Choice => vec![
            move_keys(k::UI_DOES_MOVE, true),
            b(k::UI_KEY_SPACE, k::UI_DOES_CHOOSE, &[(K::Char(' '), A::Space)], true),
            enter(k::UI_DOES_NEXT_STEP),
            tab(k::UI_DOES_NEXT_QUESTION),
            back(k::UI_DOES_BACK),
            help_keys(true),
            quit,
        ],
        Mode::Results => vec![
            enter(k::UI_RESULTS_DOES_DECIDE),
            tab(k::UI_RESULTS_DOES_PANE),
            b(k::UI_KEY_SPACE, k::UI_RESULTS_DOES_COMPARE, &[(K::Char(' '), A::Space)], true),
            export_key(Kind::Record, 'e', k::UI_RESULTS_DOES_EXPORT),
            move_keys(k::UI_DOES_MOVE, true),
            back(k::UI_DOES_BACK),
            help_keys(true),
            quit,
        ],
        Mode::Selector => vec![
            b(
                k::UI_DECISION_KEY_SPACE_ARROWS,
                k::UI_DECISION_DOES_CHANGE,
                &[(K::Char(' '), A::Space), (K::Left, A::Left), (K::Right, A::Right)],
                true,
            ),
            enter(k::UI_DOES_NEXT_FIELD),
            move_keys(k::UI_DOES_FIELD, true),
            tab(k::UI_DOES_FIELD),
            back(k::UI_DOES_BACK),
            help_keys(true),
            quit,
        ],
        Mode::MultiLine => vec![
            b("Enter", k::UI_DECISION_DOES_NEW_LINE, &[(K::Enter, A::NewLine)], true),
            b(
                k::UI_DECISION_KEY_TAB_ESC,
                k::UI_DECISION_DOES_LEAVE_FIELD,
                &[(K::Tab, A::NextField), (K::BackTab, A::PrevField), (K::Esc, A::NextField)],
                true,
            ),
            move_keys(k::UI_DOES_FIELD, false),
            help_keys(false),
            save.clone(),
            save_copy.clone(),
        ],
        Mode::ChecklistList => vec![
            move_keys(k::UI_DOES_MOVE, true),
            b(k::UI_KEY_SPACE, k::UI_CHECKLIST_DOES_STATUS, &[(K::Char(' '), A::Space)], true),
            enter(k::UI_CHECKLIST_DOES_OPEN),
            back(k::UI_DOES_BACK),
            help_keys(true),
            quit,
        ],
        Mode::Review => vec![
            export_key(Kind::Record, 'e', k::UI_RESULTS_DOES_EXPORT),
            export_key(Kind::Notice, 'n', k::UI_REVIEW_DOES_NOTICE),
            export_key(Kind::Ropa, 'r', k::UI_REVIEW_DOES_ROPA),
            enter(k::UI_REVIEW_DOES_JUMP),
            move_keys(k::UI_DOES_MOVE, true),
            back(k::UI_DOES_BACK),
            help_keys(true),
            quit,
        ],
    };
    let edits = mode.edits_text();
    if !edits && mode != Mode::TooSmall && mode != Mode::Help {
        list.push(save);
        list.push(save_copy);
    }
    if mode == Mode::Help {
        list.push(help_keys(true));
    }
    list.push(force_quit);
    list
}

/// The message for a terminal event in this mode, if any.
pub fn msg_for(mode: Mode, event: &Event) -> Option<Msg> {
    match event {
        Event::Resize(w, h) => return Some(Msg::Resize(*w, *h)),
        Event::Paste(text) if mode.edits_text() => return Some(Msg::Paste(text.clone())),
        _ => {}
    }
    let key = event.as_key_press_event()?;
    if let Some(action) = action_for(mode, key) {
        return Some(Msg::Action(action));
    }
    if mode.edits_text() {
        return tui_input::backend::crossterm::to_input_request(event).map(Msg::Edit);
    }
    None
}

/// The action bound to `key` in this mode.
pub fn action_for(mode: Mode, key: KeyEvent) -> Option<Action> {
    // Shift+Tab arrives as BackTab, sometimes with SHIFT set.
    let mods = key.modifiers - KeyModifiers::SHIFT;
    bindings(mode)
        .into_iter()
        .flat_map(|b| b.presses)
        .find_map(|(code, m, action)| (code == key.code && m == mods).then_some(action))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, mods: KeyModifiers) -> Event {
        Event::Key(KeyEvent::new(code, mods))
    }

    #[test]
    fn text_fields_take_q_j_k_question_mark_and_space() {
        for c in ['q', 'j', 'k', '?', ' '] {
            match msg_for(Mode::Editing, &press(KeyCode::Char(c), KeyModifiers::NONE)) {
                Some(Msg::Edit(tui_input::InputRequest::InsertChar(got))) => assert_eq!(got, c),
                other => panic!("{c:?} gave {other:?}"),
            }
        }
        let upper = press(KeyCode::Char('Q'), KeyModifiers::SHIFT);
        assert!(matches!(msg_for(Mode::Editing, &upper), Some(Msg::Edit(_))));
    }

    #[test]
    fn ctrl_c_and_f1_work_in_every_mode() {
        for mode in Mode::ALL {
            let c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
            assert_eq!(action_for(mode, c), Some(Action::ForceQuit), "{mode:?}");
            if mode != Mode::TooSmall {
                let f1 = KeyEvent::new(KeyCode::F(1), KeyModifiers::NONE);
                assert_eq!(action_for(mode, f1), Some(Action::Help), "{mode:?}");
            }
        }
    }

    #[test]
    fn q_quits_outside_text_fields_only() {
        let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
        for mode in Mode::ALL {
            let expected = if mode.edits_text() { None } else { Some(Action::Quit) };
            assert_eq!(action_for(mode, q), expected, "{mode:?}");
        }
    }

    #[test]
    fn shift_tab_goes_back_a_field() {
        let key = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(action_for(Mode::Choice, key), Some(Action::PrevField));
    }

    #[test]
    fn no_key_is_bound_twice_in_a_mode() {
        for mode in Mode::ALL {
            let mut seen = std::collections::HashSet::new();
            for (code, mods, _) in bindings(mode).into_iter().flat_map(|b| b.presses) {
                assert!(seen.insert((code, mods)), "{mode:?}: {code:?} bound twice");
            }
        }
    }
}
