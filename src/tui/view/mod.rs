//! Drawing the frame around every screen (header, step rail, message line, footer) and what is
//! shown over it (help, message log, list of steps). Each screen draws its own body (see
//! `tui::screen`). Views only read the [`Model`]; they never change it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};

use super::app::Model;
use super::screen::{self, Screen};

mod chrome;
mod overlay;
mod too_small;

pub use chrome::footer_bindings;

/// Draws the whole screen for the model.
pub fn draw(frame: &mut Frame, model: &Model) {
    let area = frame.area();
    if model.too_small()
        || area.width < super::app::MIN_WIDTH
        || area.height < super::app::MIN_HEIGHT
    {
        too_small::draw(frame, model, area);
        return;
    }
    // A long message takes as many lines as it needs, up to a quarter of the screen.
    let note_lines = chrome::note_lines(model, area.width, (area.height as usize / 4).max(1));
    let note_height = note_lines.len().max(1) as u16;
    let rail = model.step().is_some();
    let [header, rail_area, body, note, footer] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(u16::from(rail)),
        Constraint::Fill(1),
        Constraint::Length(note_height),
        Constraint::Length(1),
    ]));
    chrome::header(frame, model, header);
    if rail {
        chrome::rail(frame, model, rail_area);
    }
    let env = &model.env;
    match (&model.screen, &model.doc) {
        (Screen::Start(s), _) => {
            screen::start::draw(frame, body, s, env, &model.saves, model.saves_loading)
        }
        (Screen::Catalog(s), _) => screen::catalog::draw(frame, body, s, env),
        (Screen::About(s), Some(doc)) => screen::about::draw(frame, body, s, env, doc),
        (Screen::Scenario(s), Some(doc)) => {
            screen::scenario::draw(frame, body, s, env, doc, !model.panel_hidden)
        }
        (Screen::Results(s), Some(doc)) => screen::results::draw(frame, body, s, env, doc),
        (Screen::Decision(s), Some(doc)) => screen::decision::draw(frame, body, s, env, doc),
        (Screen::Checklist(s), Some(doc)) => screen::checklist::draw(frame, body, s, env, doc),
        (Screen::Review(s), Some(doc)) => screen::review::draw(frame, body, s, env, doc),
        _ => {}
    }
    chrome::note(frame, note_lines, note);
    chrome::footer(frame, model, footer);
    overlay::draw(frame, model, area);
}
