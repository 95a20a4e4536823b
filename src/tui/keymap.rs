//! Keys → actions. Each screen says which keys it binds right now ([`Keys`]); the keys that work
//! everywhere are added here. The footer, the help overlay and the event loop all read the same
//! list, so a hint can never promise a key that does nothing.

use crate::i18n::{Key, Texts, k};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::msg::Msg;

/// Whether a binding shows in the footer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Footer {
    /// Shown before everything else: the way on, help, the way out of a conflict.
    Essential,
    /// Always shown (room is made for it after the essential ones).
    Always,
    /// Shown when there is room, in the order of the list.
    IfRoom,
    /// Only in the help overlay.
    No,
}

/// How keys are written: as they are ("↑↓", "Ctrl+N") or in the reader's language ("Space").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyLabel {
    Plain(&'static str),
    Worded(Key),
}

impl From<&'static str> for KeyLabel {
    fn from(keys: &'static str) -> KeyLabel {
        KeyLabel::Plain(keys)
    }
}

impl From<Key> for KeyLabel {
    fn from(key: Key) -> KeyLabel {
        KeyLabel::Worded(key)
    }
}

impl KeyLabel {
    pub fn text(self, t: &Texts) -> &str {
        match self {
            KeyLabel::Plain(keys) => keys,
            KeyLabel::Worded(key) => t.get(key),
        }
    }
}

/// One line of the footer / help: the keys, what they do, and the action each key sends.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Binding {
    /// How the keys are written.
    pub keys: KeyLabel,
    /// Text key of what the keys do here.
    pub does: Key,
    /// Empty for keys the text editor handles itself (listed for the help only).
    pub presses: Vec<(KeyCode, KeyModifiers, Action)>,
    pub footer: Footer,
}

impl Binding {
    pub fn new(
        keys: impl Into<KeyLabel>,
        does: Key,
        presses: &[(KeyCode, Action)],
        footer: Footer,
    ) -> Binding {
        let presses =
            presses.iter().map(|(code, action)| (*code, KeyModifiers::NONE, *action)).collect();
        Binding { keys: keys.into(), does, presses, footer }
    }

    pub fn ctrl(keys: impl Into<KeyLabel>, does: Key, c: char, action: Action) -> Binding {
        let presses = vec![(KeyCode::Char(c), KeyModifiers::CONTROL, action)];
        Binding { keys: keys.into(), does, presses, footer: Footer::No }
    }

    pub fn footer(mut self, footer: Footer) -> Binding {
        self.footer = footer;
        self
    }
}

/// The keys of a screen as it is now.
#[derive(Clone, Debug, Default)]
pub struct Keys {
    pub bindings: Vec<Binding>,
    /// Keys nobody binds go to the text being edited.
    pub text: bool,
}

impl Keys {
    pub fn new(bindings: Vec<Binding>) -> Keys {
        Keys { bindings, text: false }
    }

    pub fn text(bindings: Vec<Binding>) -> Keys {
        Keys { bindings, text: true }
    }

    pub fn push(&mut self, binding: Binding) {
        self.bindings.push(binding);
    }

    /// The action bound to `key`.
    pub fn action_for(&self, key: KeyEvent) -> Option<Action> {
        // Shift+Tab arrives as BackTab, sometimes with SHIFT set; capitals come with SHIFT.
        let mods = key.modifiers - KeyModifiers::SHIFT;
        self.bindings
            .iter()
            .flat_map(|b| &b.presses)
            .find_map(|(code, m, action)| (*code == key.code && *m == mods).then_some(*action))
    }

    /// The message for a terminal event.
    pub fn msg_for(&self, event: &Event) -> Option<Msg> {
        match event {
            Event::Resize(w, h) => return Some(Msg::Resize(*w, *h)),
            Event::Paste(text) if self.text => return Some(Msg::Paste(text.clone())),
            _ => {}
        }
        let key = event.as_key_press_event()?;
        if let Some(action) = self.action_for(key) {
            return Some(Msg::Action(action));
        }
        self.text.then_some(Msg::Edit(key))
    }
}

// Bindings used by several screens.

pub fn arrows(does: Key, vim: bool) -> Binding {
    let mut presses = vec![(KeyCode::Up, Action::Up), (KeyCode::Down, Action::Down)];
    if vim {
        presses.extend([(KeyCode::Char('k'), Action::Up), (KeyCode::Char('j'), Action::Down)]);
    }
    Binding::new("↑↓", does, &presses, Footer::IfRoom)
}

pub fn space(does: Key) -> Binding {
    Binding::new(k::UI_KEY_SPACE, does, &[(KeyCode::Char(' '), Action::Space)], Footer::Always)
}

pub fn enter(does: Key) -> Binding {
    Binding::new("Enter", does, &[(KeyCode::Enter, Action::Enter)], Footer::Always)
}

pub fn esc(does: Key) -> Binding {
    Binding::new("Esc", does, &[(KeyCode::Esc, Action::Back)], Footer::Always)
}

pub fn tab(does: Key) -> Binding {
    Binding::new(
        k::UI_KEY_TAB,
        does,
        &[(KeyCode::Tab, Action::NextField), (KeyCode::BackTab, Action::PrevField)],
        Footer::IfRoom,
    )
}

pub fn letter(c: char, does: Key, action: Action) -> Binding {
    let keys = match c {
        'a' => "a",
        'b' => "b",
        'c' => "c",
        'd' => "d",
        'e' => "e",
        'n' => "n",
        'p' => "p",
        'r' => "r",
        'y' => "y",
        '/' => "/",
        _ => "?",
    };
    Binding::new(keys, does, &[(KeyCode::Char(c), action)], Footer::IfRoom)
}

/// Listed in the help only: keys the text editor handles itself.
pub fn editor_keys(multi_line: bool) -> Vec<Binding> {
    let mut list = vec![Binding::new(k::UI_KEY_HOME_END, k::UI_DOES_HOME_END, &[], Footer::No)];
    if multi_line {
        list.insert(0, Binding::new("↑↓", k::UI_DOES_MOVE_IN_TEXT, &[], Footer::No));
    }
    list
}

/// What decides the keys that work everywhere.
#[derive(Clone, Copy, Debug, Default)]
pub struct Global {
    /// An assessment's step is on screen (next step, go to step).
    pub in_step: bool,
    /// It is the last step: the next-step key finishes.
    pub last_step: bool,
    /// Printable keys are text: `q`, `?` and digits are not bound.
    pub text: bool,
    /// A jump from Review or Results can return there.
    pub can_return: bool,
    /// Saving a copy is the way out now (another meetcheck has the file, a save failed).
    pub copy_advised: bool,
    /// An assessment is open (save, save as copy).
    pub doc: bool,
}

/// The keys that work on every screen, after the screen's own.
pub fn global(g: Global) -> Vec<Binding> {
    use Action as A;
    let mut list = Vec::new();
    if g.copy_advised {
        list.push(
            Binding::ctrl(k::UI_KEY_CTRL_K, k::UI_DOES_SAVE_COPY, 'k', A::SaveCopy)
                .footer(Footer::Essential),
        );
    }
    if g.can_return {
        list.push(
            Binding::ctrl(k::UI_KEY_CTRL_R, k::UI_DOES_RETURN, 'r', A::Return)
                .footer(Footer::Essential),
        );
    }
    if g.in_step {
        let does = if g.last_step { k::UI_DOES_FINISH } else { k::UI_DOES_NEXT_STEP };
        list.push(
            Binding::ctrl(k::UI_KEY_CTRL_N, does, 'n', A::NextStep).footer(Footer::Essential),
        );
        list.push(Binding::ctrl(k::UI_KEY_CTRL_G, k::UI_DOES_GO_TO, 'g', A::GoTo));
    }
    let mut help = vec![(KeyCode::F(1), A::Help)];
    let mut help_keys = "F1";
    if !g.text {
        help.insert(0, (KeyCode::Char('?'), A::Help));
        help_keys = "?";
    }
    list.push(Binding::new(help_keys, k::UI_DOES_HELP, &help, Footer::Essential));
    if !g.text {
        list.push(Binding::new(
            "q",
            k::UI_DOES_QUIT,
            &[(KeyCode::Char('q'), A::Quit)],
            Footer::Always,
        ));
    }
    list.push(Binding::ctrl(k::UI_KEY_CTRL_L, k::UI_DOES_LOG, 'l', A::Log));
    if g.doc {
        list.push(Binding::ctrl(k::UI_KEY_CTRL_S, k::UI_DOES_SAVE, 's', A::SaveNow));
        if !g.copy_advised {
            list.push(Binding::ctrl(k::UI_KEY_CTRL_K, k::UI_DOES_SAVE_COPY, 'k', A::SaveCopy));
        }
    }
    list.push(Binding::ctrl(k::UI_KEY_CTRL_C, k::UI_DOES_FORCE_QUIT, 'c', A::ForceQuit));
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, mods: KeyModifiers) -> Event {
        Event::Key(KeyEvent::new(code, mods))
    }

    #[test]
    fn text_takes_q_j_k_question_mark_and_space() {
        let mut keys = Keys::text(vec![]);
        keys.bindings.extend(global(Global { text: true, doc: true, ..Global::default() }));
        for c in ['q', 'j', 'k', '?', ' ', 'Q'] {
            match keys.msg_for(&key(KeyCode::Char(c), KeyModifiers::NONE)) {
                Some(Msg::Edit(k)) => assert_eq!(k.code, KeyCode::Char(c)),
                other => panic!("{c:?} gave {other:?}"),
            }
        }
        let f1 = KeyEvent::new(KeyCode::F(1), KeyModifiers::NONE);
        assert_eq!(keys.action_for(f1), Some(Action::Help));
    }

    #[test]
    fn ctrl_c_quits_and_ctrl_n_goes_on_everywhere_in_a_step() {
        for text in [false, true] {
            let keys = Keys::new(global(Global { in_step: true, text, ..Global::default() }));
            let c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
            assert_eq!(keys.action_for(c), Some(Action::ForceQuit));
            let n = KeyEvent::new(KeyCode::Char('n'), KeyModifiers::CONTROL);
            assert_eq!(keys.action_for(n), Some(Action::NextStep));
        }
    }

    #[test]
    fn shift_tab_goes_back_a_field() {
        let keys = Keys::new(vec![tab(k::UI_DOES_QUESTION)]);
        let key = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(keys.action_for(key), Some(Action::PrevField));
    }
}
