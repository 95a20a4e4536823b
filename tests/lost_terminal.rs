//! The terminal goes away under the wizard, on every screen: closed like a terminal window or a
//! dropped SSH connection, once with the SIGHUP that brings, once under a wrapper that swallows
//! it (then only the dead terminal tells). Each time meetcheck must save what was typed, exit 0
//! within the timeout, leave no process behind and free the assessment's lock.
#![cfg(target_os = "linux")]

#[path = "common/bare_pty.rs"]
mod bare_pty;

use std::path::{Path, PathBuf};

use bare_pty::*;
use meetcheck::store::{Store, Warning};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Screen {
    Start,
    Catalog,
    CatalogDetail,
    About,
    Choice,
    Help,
    TooSmall,
    Results,
    Decision,
    Checklist,
    Review,
}

const EVERY_SCREEN: [Screen; 11] = [
    Screen::Start,
    Screen::Catalog,
    Screen::CatalogDetail,
    Screen::About,
    Screen::Choice,
    Screen::Help,
    Screen::TooSmall,
    Screen::Results,
    Screen::Decision,
    Screen::Checklist,
    Screen::Review,
];

/// What a run leaves in the saves directory: the title typed, and the step it was at.
const TITLE: &str = "Lost terminal 会議";

fn saves_files(saves: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(saves)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "ron"));
    files.sort();
    files
}

/// A saved assessment in `saves` (for the start screen), written by meetcheck's own store.
fn one_save(saves: &Path) -> PathBuf {
    let example = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("saves/grundschule-am-muehlbach-fernunterricht-und-elte-gs0001.ron");
    let store = Store::new(saves);
    let mut loaded = store.inspect(example.to_str().unwrap()).unwrap();
    store.save(&mut loaded).unwrap()
}

/// Starts meetcheck and brings it to `screen`; returns the step the save must show, if an
/// assessment is open there.
fn reach(saves: &Path, screen: Screen, hangup_signal: bool) -> (Pty, Option<&'static str>) {
    let start = |args: &[&str]| {
        if hangup_signal {
            Pty::meetcheck(saves, args)
        } else {
            Pty::meetcheck_without_hangup_signal(saves, args)
        }
    };
    if matches!(screen, Screen::Start | Screen::Catalog | Screen::CatalogDetail) {
        one_save(saves);
        let mut t = start(&[]);
        t.wait_for("Saved assessments");
        t.wait_for("Browse the catalogue (");
        if screen != Screen::Start {
            t.send("b");
            t.wait_for("Catalogue of offerings");
        }
        if screen == Screen::CatalogDetail {
            t.send(ENTER);
            t.wait_for("Source");
        }
        return (t, None);
    }
    let mut t = start(&["new"]);
    t.wait_for("Step 1 of 10");
    t.send(TITLE);
    t.wait_for(TITLE);
    if screen == Screen::About {
        return (t, Some("About"));
    }
    t.send(&ENTER.repeat(8));
    t.wait_for("Step 2 of 10");
    match screen {
        Screen::Choice => {
            // An answer changed and not yet saved when the terminal goes.
            t.send(DOWN);
            t.send(" ");
            // Picked: the panel names the answer, and the cursor has gone on.
            t.wait_for("Last answer:");
            return (t, Some("Organisation"));
        }
        Screen::Help => {
            t.send("?");
            t.wait_for("Help");
            return (t, Some("Organisation"));
        }
        Screen::TooSmall => {
            t.resize(50, 15);
            t.wait_for("need 60×20");
            return (t, Some("Organisation"));
        }
        _ => {}
    }
    for n in 3..=7 {
        t.send(CTRL_N);
        t.wait_for(&format!("Step {n} of 10"));
    }
    t.wait_for("Ranking (");
    if screen == Screen::Results {
        return (t, Some("Results"));
    }
    t.send(ENTER);
    t.wait_for("Chosen offering");
    if screen == Screen::Decision {
        return (t, Some("Decision"));
    }
    // Enter carries through the form to the button, which takes the decision.
    t.send(&ENTER.repeat(5));
    t.wait_for("▶ [ Take the decision");
    t.send(ENTER);
    t.wait_for("Ready for use:");
    if screen == Screen::Checklist {
        return (t, Some("Checklist"));
    }
    t.send(CTRL_N);
    t.wait_for("Step 10 of 10");
    (t, Some("Review"))
}

fn close_on_every_screen(hangup_signal: bool) {
    for screen in EVERY_SCREEN {
        let home = tempfile::tempdir().unwrap();
        let saves = home.path().join("saves");
        let (mut t, step) = reach(&saves, screen, hangup_signal);
        let before: Vec<(PathBuf, Vec<u8>)> = saves_files(&saves)
            .into_iter()
            .map(|p| (p.clone(), std::fs::read(p).unwrap()))
            .collect();
        t.close();
        let status = t.wait();
        assert!(status.success(), "{screen:?}: exit {status:?}");
        let files = saves_files(&saves);
        match step {
            Some(step) => {
                assert_eq!(files.len(), 1, "{screen:?}: {files:?}");
                let text = std::fs::read_to_string(&files[0]).unwrap();
                assert!(text.contains(&format!("title: \"{TITLE}\"")), "{screen:?}: title lost");
                assert!(text.contains(&format!("step: {step},")), "{screen:?}: not at {step}");
                if screen == Screen::Choice {
                    assert!(
                        text.contains("org_type: PublicBody,"),
                        "{screen:?}: the answer is lost"
                    );
                }
            }
            None => {
                let after: Vec<(PathBuf, Vec<u8>)> =
                    files.into_iter().map(|p| (p.clone(), std::fs::read(p).unwrap())).collect();
                assert_eq!(after, before, "{screen:?}: nothing open, nothing changed");
            }
        }
        // The lock is free again: opening for editing gets no "open elsewhere" warning.
        let store = Store::new(&saves);
        for file in saves_files(&saves) {
            let loaded = store.load(file.to_str().unwrap()).unwrap();
            assert!(
                !loaded.warnings.iter().any(|w| matches!(w, Warning::OpenElsewhere { .. })),
                "{screen:?}: the lock is still held"
            );
        }
        // Nothing is left of temporary files either.
        let leftovers: Vec<_> = std::fs::read_dir(&saves)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp") || n.ends_with("-staging"))
            .collect();
        assert!(leftovers.is_empty(), "{screen:?}: {leftovers:?}");
    }
}

#[test]
fn closing_the_terminal_on_every_screen_saves_and_exits_0() {
    close_on_every_screen(true);
}

#[test]
fn a_terminal_gone_without_sighup_is_noticed_on_every_screen() {
    close_on_every_screen(false);
}

/// When the saves directory cannot be written, the work goes into an emergency copy beside it
/// (not into /tmp). Quitting twice with q names the copy; a hang-up leaves a note that the next
/// start reports (`list` and the wizard), after which the note is gone.
#[test]
fn an_emergency_copy_is_named_on_leaving_or_noted_for_the_next_start() {
    for hangup in [false, true] {
        let home = tempfile::tempdir().unwrap();
        let saves = home.path().join("saves");
        std::fs::write(&saves, "a file where the saves directory should be").unwrap();
        let mut t = Pty::meetcheck(&saves, &["new"]);
        t.wait_for("Step 1 of 10");
        t.send(TITLE);
        t.wait_for(TITLE);
        let status = if hangup {
            t.close();
            t.wait()
        } else {
            t.send(&ENTER.repeat(8));
            t.wait_for("Step 2 of 10");
            t.wait_for_wrapped("Saving failed");
            t.send("q");
            t.wait_for_wrapped("q again quits anyway and leaves an emergency copy");
            t.send("q");
            t.wait_exit()
        };
        assert_eq!(status.code(), Some(1), "hang-up {hangup}: the save itself failed");
        let copies: Vec<PathBuf> = std::fs::read_dir(home.path())
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("meetcheck-rescue-"))
            .collect();
        assert_eq!(copies.len(), 1, "hang-up {hangup}: {copies:?}");
        assert!(std::fs::read_to_string(&copies[0]).unwrap().contains(TITLE));
        let note = home.path().join("meetcheck-rescued.txt");
        if !hangup {
            let output = t.output();
            assert!(output.contains("Your work is in an emergency copy"), "{output}");
            assert!(output.contains(&copies[0].display().to_string()), "{output}");
            assert!(!note.exists(), "told on the terminal, no note needed");
            continue;
        }
        assert!(note.exists(), "nobody could be told: a note for the next start");
        let list = std::process::Command::new(env!("CARGO_BIN_EXE_meetcheck"))
            .args(["--lang", "en", "--saves-dir"])
            .arg(&saves)
            .arg("list")
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&list.stderr);
        assert!(said.contains("left an emergency copy"), "{said}");
        assert!(said.contains(&copies[0].display().to_string()), "{said}");
        // The next wizard names it too, and then the note has done its job.
        std::fs::remove_file(&saves).unwrap();
        let mut t = Pty::meetcheck(&saves, &[]);
        t.wait_for_wrapped("An earlier session could not save into the saves directory");
        t.send(CTRL_C);
        assert!(t.wait_exit().success());
        assert!(!note.exists(), "reported once");
    }
}
