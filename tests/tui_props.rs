//! Random keys, through the same key map the terminal uses, never panic, keep the model valid,
//! never change an answer with Enter or the cursor alone, never take a decision without "Take
//! the decision", and every state draws at any size.

#[path = "common/tui.rs"]
mod support;

use meetcheck::domain::scenario::Step;
use meetcheck::i18n::Lang;
use meetcheck::tui::app::{self, Action, Model, Msg, check_invariants, update};
use meetcheck::tui::screen::Screen;
use meetcheck::tui::screen::decision;
use proptest::prelude::*;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use support::*;

fn key_event() -> impl Strategy<Value = Event> {
    let code = prop_oneof![
        6 => Just(KeyCode::Down),
        3 => Just(KeyCode::Up),
        2 => Just(KeyCode::Left),
        2 => Just(KeyCode::Right),
        5 => Just(KeyCode::Char(' ')),
        5 => Just(KeyCode::Enter),
        2 => Just(KeyCode::Esc),
        3 => Just(KeyCode::Tab),
        1 => Just(KeyCode::BackTab),
        1 => Just(KeyCode::Backspace),
        1 => Just(KeyCode::Home),
        1 => Just(KeyCode::End),
        1 => Just(KeyCode::F(1)),
        4 => prop::char::range('a', 'z').prop_map(KeyCode::Char),
        1 => prop::char::range('0', '9').prop_map(KeyCode::Char),
        1 => Just(KeyCode::Char('?')),
        1 => Just(KeyCode::Char('/')),
    ];
    let mods = prop_oneof![10 => Just(KeyModifiers::NONE), 1 => Just(KeyModifiers::CONTROL)];
    (code, mods).prop_map(|(code, mods)| Event::Key(KeyEvent::new(code, mods)))
}

#[derive(Clone, Debug)]
enum Gen {
    Key(Event),
    Paste(String),
    Resize(u16, u16),
    Saved,
    SavedCopy,
}

fn input() -> impl Strategy<Value = Gen> {
    prop_oneof![
        20 => key_event().prop_map(Gen::Key),
        1 => "[a-zä会🎓 \n-]{0,8}".prop_map(Gen::Paste),
        1 => (20u16..200, 5u16..60).prop_map(|(w, h)| Gen::Resize(w, h)),
        1 => Just(Gen::Saved),
        1 => Just(Gen::SavedCopy),
    ]
}

/// Feeds the inputs as the event loop would; checks the rules after each.
fn run(mut m: Model, inputs: Vec<Gen>) -> Result<(), TestCaseError> {
    for input in inputs {
        let msg = match input {
            Gen::Key(event) => match app::keys(&m).msg_for(&event) {
                Some(msg) => msg,
                None => continue,
            },
            Gen::Paste(text) => match app::keys(&m).msg_for(&Event::Paste(text)) {
                Some(msg) => msg,
                None => continue,
            },
            Gen::Resize(w, h) => Msg::Resize(w, h),
            Gen::Saved => Msg::Saved(Ok("/saves/x.ron".into())),
            Gen::SavedCopy => Msg::SavedAsCopy {
                path: "/saves/x-copy01.ron".into(),
                reason: Some("the file is open in another meetcheck".repeat(4)),
            },
        };
        let before = m.doc.as_ref().map(|d| d.loaded.assessment.clone());
        let on_take = matches!(&m.screen, Screen::Decision(s)
            if m.doc.as_ref().and_then(|d| s.row(d)) == Some(decision::Row::Take));
        let scenario_screen = matches!(m.screen, Screen::Scenario(_)) && m.overlay.is_none();
        let action = match &msg {
            Msg::Action(a) => Some(*a),
            _ => None,
        };
        update(&mut m, msg);
        if let Err(problem) = check_invariants(&m) {
            prop_assert!(false, "{problem}");
        }
        let (Some(before), Some(doc)) = (before, &m.doc) else { continue };
        let after = &doc.loaded.assessment;
        if before.decision.is_none() && after.decision.is_some() {
            prop_assert!(on_take && action == Some(Action::Enter), "a decision without Take");
        }
        if scenario_screen
            && matches!(
                action,
                Some(
                    Action::Enter
                        | Action::Up
                        | Action::Down
                        | Action::NextField
                        | Action::PrevField
                )
            )
        {
            prop_assert_eq!(&before.scenario, &after.scenario, "{:?} changed an answer", action);
        }
    }
    let (w, h) = m.env.size;
    render(&mut m, w, h);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    #[test]
    fn random_keys_from_a_new_assessment(inputs in prop::collection::vec(input(), 0..150)) {
        run(with_new_assessment(Lang::De), inputs)?;
    }

    #[test]
    fn random_keys_from_the_start_screen(inputs in prop::collection::vec(input(), 0..80)) {
        run(model(Lang::En), inputs)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn random_keys_after_the_scenario(
        from in prop::sample::select(vec![Step::Results, Step::Decision, Step::Checklist, Step::Review]),
        inputs in prop::collection::vec(input(), 0..120),
    ) {
        run(at_step(Lang::En, from), inputs)?;
    }
}
