//! Any sequence of messages never panics and keeps the model valid (cursor in range, step valid,
//! required answers respected), and every state draws at any size.

#[path = "common/tui.rs"]
mod support;

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
        1 => Just(Action::Help),
        1 => Just(Action::SaveNow),
        1 => Just(Action::SaveCopy),
        1 => Just(Action::Left),
        1 => Just(Action::NewLine),
    ]
}

/// The messages a user and the shell can produce (`Msg` itself is not `Clone`).
#[derive(Clone, Debug)]
enum Gen {
    Action(Action),
    Edit(InputRequest),
    Paste(String),
    Resize(u16, u16),
    Idle,
    SavedOk,
    SaveFailed,
    SavedCopy,
}

impl Gen {
    fn msg(self) -> Msg {
        match self {
            Gen::Action(a) => Msg::Action(a),
            Gen::Edit(r) => Msg::Edit(r),
            Gen::Paste(s) => Msg::Paste(s),
            Gen::Resize(w, h) => Msg::Resize(w, h),
            Gen::Idle => Msg::Idle,
            Gen::SavedOk => Msg::Saved(Ok("/saves/x.ron".into())),
            Gen::SaveFailed => Msg::Saved(Err("disk full".into())),
            Gen::SavedCopy => Msg::SavedAsCopy {
                path: "/saves/x-copy01.ron".into(),
                reason: Some("the file is open in another meetcheck".repeat(4)),
            },
        }
    }
}

fn msg() -> impl Strategy<Value = Gen> {
    prop_oneof![
        10 => action().prop_map(Gen::Action),
        3 => prop::char::range('a', 'z').prop_map(|c| Gen::Edit(InputRequest::InsertChar(c))),
        1 => Just(Gen::Edit(InputRequest::DeletePrevChar)),
        1 => Just(Gen::Edit(InputRequest::DeleteLine)),
        1 => "[a-zä会🎓 \n]{0,8}".prop_map(Gen::Paste),
        1 => (20u16..140, 5u16..50).prop_map(|(w, h)| Gen::Resize(w, h)),
        1 => Just(Gen::Idle),
        1 => Just(Gen::SavedOk),
        1 => Just(Gen::SaveFailed),
        1 => Just(Gen::SavedCopy),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_message_sequence_keeps_the_model_valid(msgs in prop::collection::vec(msg(), 0..120)) {
        let mut m = with_new_assessment(Lang::De);
        for msg in msgs {
            update(&mut m, msg.msg());
            if let Err(problem) = check_invariants(&m) {
                prop_assert!(false, "{problem}");
            }
        }
        let (w, h) = m.size;
        render(&mut m, w, h);
    }
}
