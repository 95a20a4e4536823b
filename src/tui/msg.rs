//! Everything that can happen to the wizard ([`Msg`]) and everything it asks the shell to do
//! ([`Effect`]): `update` turns one into the other without touching a file or a clock.

use std::path::PathBuf;

use jiff::Timestamp;
use jiff::civil::Date;
use ratatui::crossterm::event::KeyEvent;

use super::action::Action;
use crate::domain::assessment::{Assessment, Status};
use crate::domain::catalog::Catalog;
use crate::domain::scenario::Step;
use crate::export::Kind;
use crate::store::Loaded;

#[derive(Debug)]
pub enum Msg {
    Action(Action),
    /// A key for the text being edited (a character, ←, →, Home, End, Backspace …; ↑ ↓ and Enter
    /// inside a multi-line text).
    Edit(KeyEvent),
    /// Bracketed paste into the text being edited.
    Paste(String),
    Resize(u16, u16),
    /// About two seconds passed without input while changes were unsaved.
    Idle,
    /// SIGTERM or SIGHUP: save and quit.
    Terminate,
    CatalogLoaded(Box<Catalog>),
    CatalogFailed(String),
    SavesListed(Vec<SaveSummary>),
    Opened(Box<Loaded>),
    OpenFailed(String),
    Saved(Result<PathBuf, String>),
    /// Saved as a copy under a new NAME; `reason` when that happened by itself because the file
    /// was held, changed or gone (the store's words).
    SavedAsCopy {
        path: PathBuf,
        reason: Option<String>,
    },
    /// Saving before quitting failed; the work stays open.
    QuitSaveFailed(String),
    /// A document was written (the path) or not (the error).
    Exported(Result<PathBuf, String>),
    /// A saved assessment was deleted (its title) or not (the error).
    Deleted(Result<String, String>),
}

/// What the shell must do after an update.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    None,
    /// Save if there are unsaved changes (autosave).
    Save,
    /// Save at once and say where (Ctrl+S).
    SaveNow,
    /// Save as a copy under a new NAME and say which (Ctrl+K).
    SaveCopy,
    /// Write a document of the open assessment into the current directory (never overwriting).
    Export(Kind),
    /// Write a document of a saved assessment (NAME or PATH) without opening it.
    ExportSaved(String, Kind),
    /// Save (if needed) and quit; with `force` quit even when saving fails.
    Quit {
        force: bool,
    },
    /// Save the open assessment (if any) and start a new one.
    New,
    /// Save the open assessment (if any) and open NAME or PATH.
    Open(String),
    /// Save the open assessment (if any) and start a new one with the answers of NAME or PATH.
    Copy(String),
    /// Delete the saved assessment NAME or PATH (asked and confirmed on screen).
    Delete(String),
    /// Save the open assessment and list the saves again (back to the start screen).
    ListSaves,
}

/// One saved assessment on the start screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SaveSummary {
    /// NAME or PATH to open it with.
    pub target: String,
    pub title: String,
    pub organisation: String,
    pub updated: Timestamp,
    pub step: Step,
    /// Name of the chosen offering, if decided.
    pub chosen: Option<String>,
    pub status: Option<Status>,
    /// Where the decision stands.
    pub decision: DecisionState,
    /// Preconditions of use still open (`None` while nothing is decided).
    pub open_preconditions: Option<usize>,
    pub review_by: Option<Date>,
    /// The file could not be read: the error, shown instead of the details.
    pub error: Option<String>,
}

/// Where an assessment's decision stands, for the start screen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DecisionState {
    #[default]
    None,
    /// A decision form left without taking it.
    Draft,
    Taken,
    /// Taken, but an answer changed since.
    ToBeConfirmed,
}

impl SaveSummary {
    /// The summary of a readable save (the chosen offering's name is the caller's).
    pub fn of(target: String, a: &Assessment, chosen: Option<String>, open: Option<usize>) -> Self {
        let decision = match &a.decision {
            Some(d) if d.to_be_confirmed => DecisionState::ToBeConfirmed,
            Some(_) => DecisionState::Taken,
            None if a.draft.is_some() => DecisionState::Draft,
            None => DecisionState::None,
        };
        SaveSummary {
            target,
            title: a.meta.title.clone(),
            organisation: a.meta.organisation.clone(),
            updated: a.meta.updated,
            step: a.step,
            chosen,
            status: a.status.as_ref().map(|s| s.status),
            decision,
            open_preconditions: open,
            review_by: a.review_by,
            error: None,
        }
    }

    /// An unreadable file, listed with its error (never hidden).
    pub fn unreadable(target: String, name: String, error: String) -> Self {
        SaveSummary {
            target,
            title: name,
            organisation: String::new(),
            updated: Timestamp::UNIX_EPOCH,
            step: Step::About,
            chosen: None,
            status: None,
            decision: DecisionState::None,
            open_preconditions: None,
            review_by: None,
            error: Some(error),
        }
    }
}
