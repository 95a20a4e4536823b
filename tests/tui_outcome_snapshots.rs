//! The results, decision, checklist and review screens at 80×24 in German and English, in the
//! monochrome theme, and at 60×20 (fixture catalogue, fixed date 2026-11-29).

#[path = "common/tui.rs"]
mod support;

use meetcheck::domain::scenario::Step;
use meetcheck::i18n::Lang;
use meetcheck::tui::app::{Action, Model};
use support::*;

fn snap(name: &str, model: &mut Model, w: u16, h: u16) -> String {
    let terminal = render(model, w, h);
    insta::assert_snapshot!(name, terminal.backend());
    screen_text(&terminal)
}

/// A new assessment taken with Enter through every scenario step to `step`.
pub fn at(lang: Lang, step: Step) -> Model {
    let mut m = with_new_assessment_real(lang);
    type_text(&mut m, "Beratungsstelle Nord – Videoberatung");
    act(&mut m, Action::NextField);
    while m.doc.as_ref().unwrap().step() < step {
        let before = m.doc.as_ref().unwrap().step();
        if before == Step::About {
            for _ in 0..8 {
                act(&mut m, Action::NextField);
            }
        }
        if before == Step::Decision || before == Step::Checklist {
            // The last row takes the decision / continues to the review.
            for _ in 0..40 {
                act(&mut m, Action::Down);
            }
        }
        // Enter goes question by question, from the last one on to the next step.
        for _ in 0..8 {
            act(&mut m, Action::Enter);
            if m.doc.as_ref().unwrap().step() != before {
                break;
            }
        }
        assert!(m.doc.as_ref().unwrap().step() > before, "stuck at {before:?}");
    }
    m
}

#[test]
fn every_new_screen_in_both_languages() {
    for lang in [Lang::De, Lang::En] {
        let l = lang.code();
        for step in [Step::Results, Step::Decision, Step::Checklist, Step::Review] {
            let mut m = at(lang, step);
            let text = snap(&format!("outcome_{}_{l}", step.id()), &mut m, 80, 24);
            println!("{text}");
        }
    }
}

#[test]
fn the_results_panes_in_both_languages() {
    for lang in [Lang::De, Lang::En] {
        let l = lang.code();
        let mut m = at(lang, Step::Results);
        act(&mut m, Action::Space);
        act(&mut m, Action::Down);
        act(&mut m, Action::Space);
        for pane in ["excluded", "detail", "what_if", "compare"] {
            act(&mut m, Action::NextField);
            snap(&format!("results_{pane}_{l}"), &mut m, 80, 24);
        }
    }
}

#[test]
fn monochrome_and_the_smallest_terminal() {
    for step in [Step::Results, Step::Decision, Step::Checklist, Step::Review] {
        let mut m = at(Lang::De, step);
        m.theme = meetcheck::tui::theme::Theme::monochrome();
        snap(&format!("outcome_{}_monochrome_de", step.id()), &mut m, 80, 24);
        let terminal = render(&mut m, 80, 24);
        for cell in terminal.backend().buffer().content() {
            assert_eq!(cell.fg, ratatui::style::Color::Reset, "no colour in monochrome");
        }
        let mut m = at(Lang::En, step);
        snap(&format!("outcome_{}_60x20_en", step.id()), &mut m, 60, 20);
    }
}

#[test]
fn a_decision_to_be_confirmed_again_in_both_languages() {
    for lang in [Lang::De, Lang::En] {
        let mut m = at(lang, Step::Review);
        // Back to Transfers: a stricter stance after the decision.
        while m.doc.as_ref().unwrap().step() > Step::Transfers {
            act(&mut m, Action::Back);
        }
        // The cursor starts on the chosen stance: the next one down is another.
        act(&mut m, Action::Down);
        act(&mut m, Action::Space);
        assert!(
            m.doc.as_ref().unwrap().loaded.assessment.decision.as_ref().unwrap().to_be_confirmed
        );
        while m.doc.as_ref().unwrap().step() < Step::Results {
            act(&mut m, Action::Enter);
        }
        assert_eq!(m.doc.as_ref().unwrap().step(), Step::Results);
        for _ in 0..8 {
            if m.doc.as_ref().unwrap().outcome.results.pane
                == meetcheck::tui::outcome::Pane::Changes
            {
                break;
            }
            act(&mut m, Action::NextField);
        }
        snap(&format!("results_changes_{}", lang.code()), &mut m, 80, 24);
    }
}
