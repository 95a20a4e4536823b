//! Every screen at 80×24 and 160×48 in German and English (fixture catalogue, fixed date), the
//! too-small screen, and the monochrome theme. Besides the snapshots, what must hold on every
//! screen is asserted: no offering's id instead of its name, nothing cut off with "…" on the
//! question screens, the next-step key and help in the footer, no colour in monochrome.

#[path = "common/tui.rs"]
mod support;

use meetcheck::domain::scenario::{Step, TransferStance};
use meetcheck::i18n::Lang;
use meetcheck::tui::app::{Action, DecisionState, Model, Msg, SaveSummary, update};
use meetcheck::tui::screen::Screen;
use meetcheck::tui::screen::decision::Part;
use meetcheck::tui::screen::results::Pane;
use ratatui::style::{Color, Modifier};
use support::*;

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 48)];

/// Every screen worth seeing, by name.
fn screens(lang: Lang) -> Vec<(&'static str, Model)> {
    let mut list = Vec::new();
    let mut m = model_real(lang);
    update(&mut m, Msg::SavesListed(vec![]));
    list.push(("start_empty", m));
    list.push(("start_saves", start_with_saves(lang)));
    let mut m = model_real(lang);
    act(&mut m, Action::Browse);
    list.push(("catalog", m));
    let mut m = model_real(lang);
    act(&mut m, Action::Browse);
    act(&mut m, Action::Enter);
    list.push(("catalog_detail", m));

    list.push(("about_empty", with_new_assessment_real(lang)));
    let mut m = with_new_assessment_real(lang);
    type_text(&mut m, "Schulkonferenz 会議 🎓");
    act(&mut m, Action::Enter);
    type_text(&mut m, "Grundschule Am Bärenzwinger");
    list.push(("about_filled", m));
    for (name, step) in [
        ("organisation", Step::Organisation),
        ("people", Step::People),
        ("data", Step::Data),
        ("transfers", Step::Transfers),
        ("participation", Step::Participation),
    ] {
        list.push((name, at_step(lang, step)));
    }
    let mut m = at_step(lang, Step::Transfers);
    act(&mut m, Action::Down);
    act(&mut m, Action::Space);
    list.push(("transfers_changed", m));
    list.push(("data_lowered", data_lowered(lang)));
    let mut m = at_step(lang, Step::Participation);
    act(&mut m, Action::TogglePanel);
    list.push(("participation_no_panel", m));

    list.push(("results", at_step(lang, Step::Results)));
    for (name, pane) in [
        ("results_excluded", Pane::Excluded),
        ("results_detail", Pane::Detail),
        ("results_what_if", Pane::WhatIf),
    ] {
        let mut m = at_step(lang, Step::Results);
        while results_pane(&m) != pane {
            act(&mut m, Action::NextField);
        }
        list.push((name, m));
    }
    list.push(("results_preview", results_preview(lang)));
    list.push(("results_compare", results_compare(lang)));
    list.push(("results_changes", results_changes(lang)));

    list.push(("decision", at_step(lang, Step::Decision)));
    let mut m = at_step(lang, Step::Decision);
    while part(&m) != Part::Rationale {
        act(&mut m, Action::NextField);
    }
    act(&mut m, Action::Space);
    type_text(&mut m, "Hosted in Germany; the works council agreed on 2026-11-12.");
    act(&mut m, Action::NewLine);
    type_text(&mut m, "No US parent.");
    list.push(("decision_rationale", m));
    list.push(("decision_override", decision_override(lang)));

    list.push(("checklist", at_step(lang, Step::Checklist)));
    let mut m = at_step(lang, Step::Checklist);
    act(&mut m, Action::Enter);
    list.push(("checklist_item", m));
    let mut m = at_step(lang, Step::Checklist);
    act(&mut m, Action::Plan);
    list.push(("checklist_plan", m));
    list.push(("review", at_step(lang, Step::Review)));

    let mut m = at_step(lang, Step::Organisation);
    act(&mut m, Action::Help);
    list.push(("help", m));
    let mut m = at_step(lang, Step::Organisation);
    update(&mut m, Msg::Saved(Ok("/home/ute/.local/share/meetcheck/saves/beratungsstelle-nord-videoberatung-t0000001.ron".into())));
    act(&mut m, Action::SaveNow);
    update(&mut m, Msg::Saved(Ok("/home/ute/.local/share/meetcheck/saves/beratungsstelle-nord-videoberatung-t0000001.ron".into())));
    act(&mut m, Action::Log);
    list.push(("log", m));
    let mut m = at_step(lang, Step::Data);
    act(&mut m, Action::GoTo);
    list.push(("steps", m));
    list
}

fn results_pane(m: &Model) -> Pane {
    match &m.screen {
        Screen::Results(s) => s.pane,
        _ => panic!("not on the results"),
    }
}

fn part(m: &Model) -> Part {
    match &m.screen {
        Screen::Decision(s) => s.row(m.doc.as_ref().unwrap()).unwrap().part(),
        _ => panic!("not on the decision"),
    }
}

fn start_with_saves(lang: Lang) -> Model {
    use meetcheck::domain::assessment::{Assessment, Status};
    let mut m = model_real(lang);
    let summary = |title: &str, org: &str, step, decision, status, open, review| {
        let a = Assessment::new("x".into(), title.into(), now(), "e".into());
        let mut s = SaveSummary::of(format!("/saves/{title}.ron"), &a, None, open);
        s.organisation = String::from(org);
        s.updated = "2026-11-28T14:05:00Z".parse().unwrap();
        s.step = step;
        s.decision = decision;
        s.status = status;
        s.review_by = review;
        s
    };
    update(
        &mut m,
        Msg::SavesListed(vec![
            summary(
                "Videoberatung",
                "Beratungsstelle Nord",
                Step::Data,
                DecisionState::None,
                None,
                None,
                None,
            ),
            summary(
                "Elternabende und Fernunterricht in der Grundschule",
                "Grundschule Süd",
                Step::Review,
                DecisionState::Taken,
                Some(Status::Accepted),
                Some(2),
                Some(jiff::civil::Date::constant(2027, 5, 29)),
            ),
            summary(
                "Mandantengespräche",
                "Kanzlei Weber",
                Step::Decision,
                DecisionState::Draft,
                None,
                None,
                None,
            ),
            summary(
                "Teamsitzungen",
                "",
                Step::Review,
                DecisionState::ToBeConfirmed,
                Some(Status::Proposed),
                Some(0),
                Some(jiff::civil::Date::constant(2026, 11, 1)),
            ),
        ]),
    );
    m
}

fn data_lowered(lang: Lang) -> Model {
    let mut m = at_step(lang, Step::Data);
    act(&mut m, Action::Down);
    act(&mut m, Action::Down);
    act(&mut m, Action::Space);
    act(&mut m, Action::NextField);
    act(&mut m, Action::Up);
    act(&mut m, Action::Up);
    act(&mut m, Action::Space);
    type_text(&mut m, "Only appointments are made by video; no health data are discussed.");
    m
}

fn results_preview(lang: Lang) -> Model {
    let mut m = at_step(lang, Step::Transfers);
    // EU only (the second level): what-ifs appear.
    for _ in 0..5 {
        act(&mut m, Action::Up);
    }
    act(&mut m, Action::Down);
    act(&mut m, Action::Space);
    assert_eq!(m.doc.as_ref().unwrap().scenario().transfer_stance, TransferStance::EuOnly);
    while step(&m) < Step::Results {
        next_step(&mut m);
    }
    while results_pane(&m) != Pane::WhatIf {
        act(&mut m, Action::NextField);
    }
    act(&mut m, Action::Space);
    m
}

fn results_compare(lang: Lang) -> Model {
    let mut m = at_step(lang, Step::Transfers);
    for _ in 0..5 {
        act(&mut m, Action::Up);
    }
    for _ in 0..4 {
        act(&mut m, Action::Down);
    }
    act(&mut m, Action::Space);
    assert_eq!(m.doc.as_ref().unwrap().scenario().transfer_stance, TransferStance::SccWithTia);
    while step(&m) < Step::Results {
        next_step(&mut m);
    }
    for _ in 0..3 {
        act(&mut m, Action::Space);
        act(&mut m, Action::Down);
    }
    while results_pane(&m) != Pane::Compare {
        act(&mut m, Action::NextField);
    }
    m
}

fn results_changes(lang: Lang) -> Model {
    let mut m = at_step(lang, Step::Review);
    act(&mut m, Action::GoTo);
    act(&mut m, Action::Digit(5));
    act(&mut m, Action::Down);
    act(&mut m, Action::Space);
    assert!(m.doc.as_ref().unwrap().loaded.assessment.decision.as_ref().unwrap().to_be_confirmed);
    act(&mut m, Action::GoTo);
    act(&mut m, Action::Digit(7));
    while results_pane(&m) != Pane::Changes {
        act(&mut m, Action::NextField);
    }
    m
}

fn decision_override(lang: Lang) -> Model {
    let mut m = at_step(lang, Step::Decision);
    loop {
        let doc = m.doc.as_ref().unwrap();
        let Screen::Decision(s) = &m.screen else { panic!() };
        match s.row(doc) {
            Some(meetcheck::tui::screen::decision::Row::Chosen(id))
                if meetcheck::tui::screen::decision::excluded_now(doc, &id) =>
            {
                break;
            }
            _ => {
                act(&mut m, Action::Down);
            }
        }
    }
    act(&mut m, Action::Space);
    // Space goes on to the runner-up; Enter to the reason for overriding the exclusion.
    act(&mut m, Action::Enter);
    m
}

/// Offering ids that are not words: they must never be shown instead of a name.
fn raw_ids(m: &Model) -> Vec<String> {
    m.env
        .catalog
        .as_ref()
        .unwrap()
        .offerings
        .iter()
        .map(|o| o.id.clone())
        .filter(|id| id.contains('-'))
        .collect()
}

fn check(name: &str, lang: Lang, m: &mut Model, w: u16, h: u16) {
    let terminal = render(m, w, h);
    let text = screen_text(&terminal);
    for id in raw_ids(m) {
        assert!(!text.contains(&id), "{name} {lang:?} {w}×{h} shows the id {id}:\n{text}");
    }
    if m.step().is_some_and(|s| s.is_scenario() || s == Step::About) && m.overlay.is_none() {
        assert!(!text.contains('…'), "{name} {lang:?} {w}×{h}: cut off:\n{text}");
    }
    let footer = text.lines().last().unwrap();
    let help = if lang == Lang::De { "Hilfe" } else { "help" };
    if m.overlay.is_none() || name == "help" {
        assert!(footer.contains(help), "{name} {lang:?} {w}×{h}: {footer}");
    }
    if m.step().is_some_and(|s| s != Step::Review) && m.overlay.is_none() {
        let next = if lang == Lang::De { "Strg+N" } else { "Ctrl+N" };
        if !matches!(&m.screen, Screen::Checklist(s) if s.plan) {
            assert!(footer.contains(next), "{name} {lang:?} {w}×{h}: no next-step key: {footer}");
        }
    }
    let snapshot = format!("{name}_{}_{w}x{h}", lang.code());
    insta::assert_snapshot!(snapshot, terminal.backend());
}

#[test]
fn every_screen_in_both_languages_at_80x24_and_160x48() {
    for lang in [Lang::De, Lang::En] {
        for (name, mut m) in screens(lang) {
            for (w, h) in SIZES {
                check(name, lang, &mut m, w, h);
            }
        }
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
fn monochrome_has_no_colour_and_the_selection_shows_without_it() {
    for lang in [Lang::De, Lang::En] {
        for (name, mut m) in screens(lang) {
            m.env.theme = meetcheck::tui::theme::Theme::monochrome();
            let terminal = render(&mut m, 80, 24);
            let buffer = terminal.backend().buffer();
            let mut reversed = 0;
            for y in 0..buffer.area.height {
                for x in 0..buffer.area.width {
                    let cell = &buffer[(x, y)];
                    assert!(
                        cell.fg == Color::Reset && cell.bg == Color::Reset,
                        "{name}: colour at {x},{y} in monochrome"
                    );
                    reversed += usize::from(cell.modifier.contains(Modifier::REVERSED));
                }
            }
            let has_cursor = !matches!(
                name,
                "start_empty"
                    | "catalog_detail"
                    | "log"
                    | "help"
                    | "checklist_plan"
                    | "results_detail"
                    | "results_compare"
                    | "results_changes"
            );
            if has_cursor {
                assert!(reversed > 0, "{name}: the selection must show without colour");
            }
            if name == "organisation" || name == "results" {
                insta::assert_snapshot!(
                    format!("{name}_monochrome_{}", lang.code()),
                    terminal.backend()
                );
            }
        }
    }
}
