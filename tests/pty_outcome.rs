//! End to end in a pseudo-terminal (expectrl + vt100): a new assessment through every step to a
//! decision record written into the current directory; the file is read back. Every wait is on a
//! screen condition with a timeout.

#[path = "common/pty.rs"]
mod pty;

use std::time::Instant;

use pty::*;

#[test]
fn a_new_assessment_goes_all_the_way_to_an_exported_record() {
    let saves = tempfile::tempdir().unwrap();
    let cwd = tempfile::tempdir().unwrap();
    let mut t = Tui::start_in(saves.path(), cwd.path(), &["new", "--title", "Video counselling"]);
    t.wait_for("Step 1 of 10");
    // Enter moves through the About fields, from the last one on to the scenario.
    t.send(&ENTER.repeat(8));
    t.wait_for("Step 2 of 10");
    for n in 3..=7 {
        t.send(ENTER);
        t.wait_for(&format!("Step {n} of 10"));
    }
    t.wait_for("Ranking (");
    t.send(ENTER);
    t.wait_for("Chosen offering");
    // Past the decision's fields and the sign-off to the button (the focus stops at the last).
    t.send(&DOWN.repeat(12));
    t.wait_for("▶ [ Take the decision");
    t.send(ENTER);
    t.wait_for("Ready for use:");
    t.send(&DOWN.repeat(40));
    t.wait_for("▶ [ Continue to the review");
    t.send(ENTER);
    t.wait_for("Step 10 of 10");
    t.send("e");
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
    assert!(record.contains("status: proposed") || record.contains("status: \"proposed\""));

    // A second `e` never overwrites: it numbers.
    t.send("e");
    let start = Instant::now();
    while std::fs::read_dir(cwd.path()).unwrap().count() < 2 {
        assert!(t.pump() && start.elapsed() < TIMEOUT, "no second file:\n{}", t.contents());
    }
    assert_eq!(std::fs::read_to_string(&files[0]).unwrap(), record, "first file untouched");
    t.send("q");
    let start = Instant::now();
    while t.pump() {
        assert!(start.elapsed() < TIMEOUT, "did not quit:\n{}", t.contents());
    }
}
