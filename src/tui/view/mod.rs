//! Drawing: one file per screen. Views only read the [`Model`]; they never change it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};

use super::app::{Model, Screen};
use crate::domain::scenario::Step;

mod about;
mod catalog;
mod checklist;
mod chrome;
mod decision;
mod help;
mod panel;
mod results;
mod review;
mod scenario;
mod start;
mod text;
mod too_small;

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
    // A long message takes as many lines as it needs, up to two fifths of the screen.
    let note_lines = chrome::note_lines(model, area.width, (area.height as usize * 2 / 5).max(1));
    let note_height = note_lines.len().max(1) as u16;
    let [header, body, note, footer] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(note_height),
        Constraint::Length(1),
    ]));
    chrome::header(frame, model, header);
    match model.screen {
        Screen::Start => start::draw(frame, model, body),
        Screen::Catalog => catalog::draw_list(frame, model, body),
        Screen::CatalogDetail => catalog::draw_detail(frame, model, body),
        Screen::Step(Step::About) => about::draw(frame, model, body),
        Screen::Step(step) if step.is_scenario() => scenario::draw(frame, model, body),
        Screen::Step(Step::Results) => results::draw(frame, model, body),
        Screen::Step(Step::Decision) => decision::draw(frame, model, body),
        Screen::Step(Step::Checklist) => checklist::draw(frame, model, body),
        Screen::Step(_) => review::draw(frame, model, body),
    }
    chrome::note(frame, note_lines, note);
    chrome::footer(frame, model, footer);
    if model.help {
        help::draw(frame, model, area);
    }
}
