//! Any sequence of messages on results, decision, checklist and review never panics, keeps the
//! model valid, and draws at any size.

#[path = "common/tui.rs"]
mod support;

use meetcheck::domain::scenario::Step;
use meetcheck::export::Kind;
use meetcheck::i18n::Lang;
use meetcheck::tui::app::{Action, Msg, check_invariants, update};
use proptest::prelude::*;
use support::*;
use tui_input::InputRequest;

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        4 => Just(Action::Down),
        2 => Just(Action::Up),
        3 => Just(Action::Space),
        3 => Just(Action::Enter),
        1 => Just(Action::Back),
        2 => Just(Action::NextField),
        1 => Just(Action::PrevField),
        1 => Just(Action::Left),
        1 => Just(Action::Right),
        1 => Just(Action::NewLine),
        1 => Just(Action::Export(Kind::Record)),
        1 => Just(Action::Help),
    ]
}

#[derive(Clone, Debug)]
enum Gen {
    Action(Action),
    Edit(InputRequest),
    Paste(String),
    Resize(u16, u16),
    Exported,
}

fn msg() -> impl Strategy<Value = Gen> {
    prop_oneof![
        10 => action().prop_map(Gen::Action),
        3 => prop::char::range('0', 'z').prop_map(|c| Gen::Edit(InputRequest::InsertChar(c))),
        1 => Just(Gen::Edit(InputRequest::DeletePrevChar)),
        1 => "[0-9a-zä会 \n-]{0,10}".prop_map(Gen::Paste),
        1 => (50u16..200, 15u16..60).prop_map(|(w, h)| Gen::Resize(w, h)),
        1 => Just(Gen::Exported),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(120))]

    #[test]
    fn any_message_sequence_after_the_scenario_keeps_the_model_valid(
        msgs in prop::collection::vec(msg(), 0..100)
    ) {
        let mut m = with_new_assessment_real(Lang::En);
        type_text(&mut m, "Props");
        for _ in 0..9 {
            act(&mut m, Action::NextField);
        }
        while m.doc.as_ref().unwrap().step() < Step::Results {
            act(&mut m, Action::Enter);
        }
        for g in msgs {
            let msg = match g {
                Gen::Action(a) => Msg::Action(a),
                Gen::Edit(r) => Msg::Edit(r),
                Gen::Paste(s) => Msg::Paste(s),
                Gen::Resize(w, h) => Msg::Resize(w, h),
                Gen::Exported => Msg::Exported(Ok("/tmp/r.md".into())),
            };
            update(&mut m, msg);
            if let Err(problem) = check_invariants(&m) {
                prop_assert!(false, "{problem}");
            }
        }
        let (w, h) = m.size;
        render(&mut m, w, h);
    }
}
