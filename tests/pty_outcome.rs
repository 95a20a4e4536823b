//! End to end in a pseudo-terminal (expectrl + vt100): from the start screen, with no saves, a
//! new assessment goes through every step to a decision record written into the current
//! directory, pressing only keys the footer shows at that moment. The file is read back. Every
//! wait is on a screen condition with a timeout.

#[path = "common/pty.rs"]
mod pty;

use std::time::Instant;

use pty::*;

/// The footer (the last line of the screen).
fn footer(t: &Tui) -> String {
    t.contents().lines().last().unwrap_or_default().to_string()
}

/// Waits until the footer offers `hint`, then presses `keys` (`times` times).
fn press(t: &mut Tui, hint: &str, keys: &str, times: usize) {
    let start = Instant::now();
    while !footer(t).contains(hint) {
        assert!(t.pump(), "meetcheck ended while waiting for {hint:?}:\n{}", t.contents());
        assert!(start.elapsed() < TIMEOUT, "the footer never offered {hint:?}:\n{}", t.contents());
    }
    for _ in 0..times {
        t.send(keys);
    }
}

#[test]
fn from_the_start_screen_to_an_exported_record_with_the_keys_the_footer_shows() {
    let saves = tempfile::tempdir().unwrap();
    let cwd = tempfile::tempdir().unwrap();
    let mut t = Tui::start_in(saves.path(), cwd.path(), &[]);
    t.wait_for("No saved assessments yet");
    press(&mut t, "n new", "n", 1);
    t.wait_for("Step 1 of 10");
    t.send("Video counselling");
    t.wait_for("Video counselling");
    // Enter moves through the About fields, from the last one on to the questions.
    press(&mut t, "Enter next", ENTER, 8);
    t.wait_for("Step 2 of 10");
    // Enter goes question by question; from a step's last question on to the next step.
    for (n, questions) in [(3, 6), (4, 5), (5, 3), (6, 3), (7, 6)] {
        press(&mut t, "Enter next", ENTER, questions);
        t.wait_for(&format!("Step {n} of 10"));
    }
    t.wait_for("Ranking (");
    press(&mut t, "Enter decide", ENTER, 1);
    t.wait_for("Step 8 of 10");
    // Chosen, runner-up, rationale, status, set by: Enter carries through to the button.
    press(&mut t, "Enter next", ENTER, 5);
    t.wait_for("▶ [ Take the decision");
    press(&mut t, "Enter take the decision", ENTER, 1);
    t.wait_for("Ready for use:");
    press(&mut t, "Ctrl+N next step", CTRL_N, 1);
    t.wait_for("Step 10 of 10");
    press(&mut t, "e record", "e", 1);
    t.wait_for("Written:");

    let files: Vec<_> = std::fs::read_dir(cwd.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let record = std::fs::read_to_string(&files[0]).unwrap();
    // The title is in the front matter (markdownlint and pandoc read it as the document's).
    assert_eq!(record.lines().filter(|l| l.starts_with("# ")).count(), 0, "no H1:\n{record}");
    assert!(record.contains("\ntitle: \"Video counselling: choose "), "{record}");
    let chosen = record.lines().find(|l| l.starts_with("Chosen option: “")).expect("outcome line");
    assert!(chosen.contains("”, because"), "{chosen}");
    assert!(record.contains("decision: taken"), "{record}");

    // A second `e` never overwrites: it numbers.
    t.send("e");
    let start = Instant::now();
    while std::fs::read_dir(cwd.path()).unwrap().count() < 2 {
        assert!(t.pump() && start.elapsed() < TIMEOUT, "no second file:\n{}", t.contents());
    }
    assert_eq!(std::fs::read_to_string(&files[0]).unwrap(), record, "first file untouched");
    press(&mut t, "q quit", "q", 1);
    let out = t.wait_exit();
    assert!(out.contains("Resume with: meetcheck"), "{out}");
}
