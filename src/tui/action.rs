//! What a key press means, independent of the key. The key map turns keys into actions; the
//! screens act on them. Nothing here knows a screen or a key.

use crate::export::Kind;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    Up,
    Down,
    /// ← and →: the previous / next column of the results matrix.
    Left,
    Right,
    /// Picks the option under the cursor (toggles it on a multiple choice), marks an offering
    /// for the comparison, opens a multi-line text for writing.
    Space,
    /// Never changes an answer: the next question or field, from the last the next step; on a
    /// list, opens what is under the cursor.
    Enter,
    /// Back one step (answers are kept); closes what is open.
    Back,
    NextField,
    PrevField,
    /// The next step, from any screen of an assessment (also inside a text field).
    NextStep,
    /// Opens the list of steps to jump to one.
    GoTo,
    /// Back to the screen a jump came from (Review or Results).
    Return,
    /// The log of recent messages.
    Log,
    /// Shows or hides the live panel beside the questions.
    TogglePanel,
    Help,
    SaveNow,
    /// Save as a new assessment under a new NAME (the way out when another meetcheck has the
    /// file open); later saves go to the copy.
    SaveCopy,
    /// Save and quit (`q`).
    Quit,
    /// Save if possible and quit whatever happens (Ctrl+C).
    ForceQuit,
    /// Enter inside a multi-line text: a new line.
    NewLine,
    /// Write a document (`e` record; on Review also `n` notice, `r` record of processing).
    Export(Kind),
    /// Start screen: a new assessment, a copy of the selected one's answers, delete it, filter
    /// the list, browse the catalogue.
    New,
    Copy,
    Delete,
    Filter,
    Browse,
    /// Answering a question put on screen (delete: y / n).
    Yes,
    No,
    /// From an excluded offering to the answer that excluded it.
    ToAnswer,
    /// Take over the what-if being previewed.
    Adopt,
    /// The checklist as an action plan: open to-dos with owner and due date.
    Plan,
    /// A digit: jump to that step in the list of steps.
    Digit(u8),
}
