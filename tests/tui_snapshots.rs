//! Every screen at 80×24 in German and English (fixture catalogue, fixed date), the too-small
//! screen and the monochrome theme.

#[path = "common/tui.rs"]
mod support;

use meetcheck::domain::scenario::Step;
use meetcheck::i18n::Lang;
use meetcheck::tui::app::{Action, Msg, update};
use support::*;

fn snap(name: &str, model: &mut meetcheck::tui::app::Model) {
    let terminal = render(model, 80, 24);
    insta::assert_snapshot!(name, terminal.backend());
}

#[test]
fn every_screen_in_both_languages() {
    for lang in [Lang::De, Lang::En] {
        let l = lang.code();
        let mut m = model_real(lang);
        snap(&format!("start_empty_{l}"), &mut m);
        act(&mut m, Action::Down);
        act(&mut m, Action::Enter);
        snap(&format!("catalog_{l}"), &mut m);
        act(&mut m, Action::Enter);
        snap(&format!("catalog_detail_{l}"), &mut m);

        let mut m = with_new_assessment_real(lang);
        snap(&format!("about_empty_{l}"), &mut m);
        type_text(&mut m, "Schulkonferenz 会議 🎓");
        act(&mut m, Action::Enter);
        type_text(&mut m, "Grundschule Am Bärenzwinger");
        snap(&format!("about_filled_{l}"), &mut m);
        for step in [
            Step::Organisation,
            Step::People,
            Step::Data,
            Step::Transfers,
            Step::Participation,
            Step::Results,
            Step::Review,
        ] {
            let mut m = at_step(lang, step);
            snap(&format!("step_{}_{l}", step.id()), &mut m);
        }
        let mut m = at_step(lang, Step::Transfers);
        act(&mut m, Action::Down);
        act(&mut m, Action::Space);
        snap(&format!("transfers_changed_{l}"), &mut m);
        act(&mut m, Action::Help);
        snap(&format!("help_{l}"), &mut m);
    }
}

#[test]
fn too_small_screen_says_what_is_needed() {
    let mut m = with_new_assessment_real(Lang::En);
    let terminal = render(&mut m, 50, 12);
    insta::assert_snapshot!("too_small_en", terminal.backend());
    let text = screen_text(&terminal);
    assert!(text.contains("need 60×20, have 50×12"), "{text}");
}

#[test]
fn monochrome_theme() {
    let mut m = at_step(Lang::De, Step::Organisation);
    m.theme = meetcheck::tui::theme::Theme::monochrome();
    let terminal = render(&mut m, 80, 24);
    insta::assert_snapshot!("organisation_monochrome_de", terminal.backend());
    insta::assert_debug_snapshot!("organisation_monochrome_de_styles", terminal.backend().buffer());
}

#[test]
fn start_screen_with_saves() {
    use meetcheck::domain::assessment::Status;
    use meetcheck::tui::app::SaveSummary;
    for lang in [Lang::De, Lang::En] {
        let mut m = model_real(lang);
        let save = |title: &str, org: &str, step, chosen: Option<&str>, status| SaveSummary {
            target: format!("/saves/{title}.ron"),
            title: title.into(),
            organisation: org.into(),
            updated: "2026-11-28T14:05:00Z".parse().unwrap(),
            step,
            chosen: chosen.map(String::from),
            status,
            error: None,
        };
        update(
            &mut m,
            Msg::SavesListed(vec![
                save("Videoberatung", "Beratungsstelle Nord", Step::Data, None, None),
                save(
                    "Elternabende",
                    "Grundschule Süd",
                    Step::Review,
                    Some("Jitsi Meet, selbst betrieben"),
                    Some(Status::Proposed),
                ),
            ]),
        );
        snap(&format!("start_saves_{}", lang.code()), &mut m);
    }
}

#[test]
fn monochrome_selection_is_reversed_and_colourless() {
    use ratatui::style::{Color, Modifier};
    for step in [Step::Organisation, Step::Transfers] {
        let mut m = at_step(Lang::En, step);
        m.theme = meetcheck::tui::theme::Theme::monochrome();
        let terminal = render(&mut m, 80, 24);
        let buffer = terminal.backend().buffer();
        let mut reversed_rows = Vec::new();
        for y in 0..buffer.area.height {
            for x in 0..buffer.area.width {
                let cell = &buffer[(x, y)];
                assert!(
                    cell.fg == Color::Reset && cell.bg == Color::Reset,
                    "colour at {x},{y} in monochrome"
                );
                if cell.modifier.contains(Modifier::REVERSED) && !reversed_rows.contains(&y) {
                    reversed_rows.push(y);
                }
            }
        }
        assert_eq!(reversed_rows.len(), 1, "exactly the selected row is reversed");
        let row = reversed_rows[0];
        let text: String = (0..80).map(|x| buffer[(x, row)].symbol().to_string()).collect();
        assert!(text.contains('▶'), "the selected row also carries the ▶ glyph: {text}");
    }
}
