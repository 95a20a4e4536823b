//! End to end: the real binary in a pseudo-terminal (expectrl + vt100). Answer part of the
//! scenario, quit midway, resume at the same step with nothing lost; SIGTERM saves too.
//! Every wait is on a screen condition with a timeout, never a fixed sleep.

#[path = "common/pty.rs"]
mod pty;

use std::path::Path;
use std::process::Command;

use pty::*;

fn saved_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".ron"))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn quit_midway_and_resume_at_the_same_step_with_nothing_lost() {
    let saves = tempfile::tempdir().unwrap();
    let mut tui = Tui::start(saves.path(), &["new"]);
    tui.wait_for("About this assessment");
    // q, j, k, ? and Space are text inside a field.
    tui.send("Team q?jk");
    tui.wait_for("Team q?jk");
    for _ in 0..8 {
        tui.send(ENTER);
    }
    tui.wait_for("Step 2 of 10");
    // Organisation type: the third option (school); Space picks it, Enter goes question by
    // question and from the last (the sixth) on to the next step.
    tui.send(DOWN);
    tui.send(DOWN);
    tui.send(" ");
    tui.send(&ENTER.repeat(6));
    tui.wait_for("Step 3 of 10");
    tui.send("q");
    let out = tui.wait_exit();
    assert!(out.contains("Resume with: meetcheck"), "exit line: {out}");
    assert_eq!(saved_files(saves.path()).len(), 1, "one assessment saved");

    let mut tui = Tui::start(saves.path(), &["resume"]);
    tui.wait_for("Step 3 of 10");
    assert!(tui.contents().contains("Team q?jk"), "title kept:\n{}", tui.contents());
    tui.send(ESC);
    tui.wait_for("Step 2 of 10");
    let chosen =
        tui.contents().lines().find(|l| l.contains("(•)")).unwrap_or_default().to_lowercase();
    assert!(chosen.contains("school"), "the school answer is kept: {chosen}");
    tui.send("\x03"); // Ctrl+C saves and quits
    let out = tui.wait_exit();
    assert!(out.contains("Step 2 of 10") || out.contains("step 2 of 10"), "{out}");
    let text = std::fs::read_to_string(saves.path().join(&saved_files(saves.path())[0])).unwrap();
    assert!(text.contains("Organisation"), "the step reached is saved:\n{text}");
}

#[test]
fn sigterm_saves_unsaved_typing_first() {
    let saves = tempfile::tempdir().unwrap();
    let mut tui = Tui::start(saves.path(), &["new"]);
    tui.wait_for("About this assessment");
    tui.send("Kündigung 会議");
    tui.wait_for("Kündigung 会議");
    let pid = tui.session.get_process().pid().to_string();
    let status = Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    assert!(status.success());
    tui.wait_exit();
    let files = saved_files(saves.path());
    assert_eq!(files.len(), 1, "saved on SIGTERM: {files:?}");
    let text = std::fs::read_to_string(saves.path().join(&files[0])).unwrap();
    assert!(text.contains("Kündigung 会議"), "{text}");
}

#[test]
fn too_small_says_so_and_q_still_quits() {
    let saves = tempfile::tempdir().unwrap();
    let mut tui = Tui::start(saves.path(), &["new"]);
    tui.wait_for("About this assessment");
    tui.session.get_process_mut().set_window_size(50, 15).unwrap();
    tui.screen
        .set_size(std::num::NonZeroU16::new(15).unwrap(), std::num::NonZeroU16::new(50).unwrap());
    tui.wait_for("need 60×20, have 50×15");
    tui.send("q");
    let out = tui.wait_exit();
    assert!(out.contains("Nothing to save."), "{out}");
}
