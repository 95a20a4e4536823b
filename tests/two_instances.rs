//! Two meetchecks on one assessment, end to end in pseudo-terminals: the second one's work is
//! never stranded. Its save meets the first one's lock, goes into a copy under a new NAME in the
//! saves directory by itself, and the user is told; both versions are there at the end and
//! `list` shows both. Ctrl+K saves a copy by hand.
#![cfg(target_os = "linux")]

#[path = "common/bare_pty.rs"]
mod bare_pty;

use std::path::{Path, PathBuf};
use std::process::Command;

use bare_pty::*;

const TITLE: &str = "Shared assessment";

fn saves_files(saves: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(saves)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "ron"));
    files.sort();
    files
}

/// A new assessment saved at step 2, still open in the returned wizard.
fn first_instance(saves: &Path) -> (Pty, String) {
    let mut a = Pty::meetcheck(saves, &["new"]);
    a.wait_for("Step 1 of 10");
    a.send(TITLE);
    a.wait_for(TITLE);
    a.send(&ENTER.repeat(8));
    a.wait_for("Step 2 of 10");
    let files = saves_files(saves);
    assert_eq!(files.len(), 1, "saved on the way to step 2: {files:?}");
    let name = files[0].file_stem().unwrap().to_string_lossy().into_owned();
    (a, name)
}

#[test]
fn a_second_instance_saves_its_version_as_a_copy_and_both_remain() {
    let home = tempfile::tempdir().unwrap();
    let saves = home.path().join("saves");
    let (mut a, name) = first_instance(&saves);

    let mut b = Pty::meetcheck(&saves, &["resume", &name]);
    b.wait_for("Step 2 of 10");
    b.wait_for_wrapped("is already open in another meetcheck");
    b.wait_for("Ctrl+K save as a copy");
    // B's change; its autosave meets A's lock and goes into a copy.
    b.send(DOWN);
    b.send(" ");
    // Picked: the panel names the answer (the cursor has gone on to the next question).
    b.wait_for("Last answer:");
    b.wait_for_wrapped("Your version was saved as a copy instead");
    let copy = saves_files(&saves)
        .into_iter()
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .find(|n| *n != name)
        .expect("a second file in the saves directory");
    b.wait_for_wrapped(&copy);

    // A goes on undisturbed and saves into its own file.
    a.send(&DOWN.repeat(2));
    a.send(" ");
    a.wait_for("Last answer:");
    a.send("q");
    assert!(a.wait_exit().success());
    assert!(a.output().contains(&format!("{name}.ron")), "{}", a.output());
    b.send("q");
    assert!(b.wait_exit().success());
    assert!(b.output().contains(&format!("{copy}.ron")), "B is told where: {}", b.output());

    let files = saves_files(&saves);
    assert_eq!(files.len(), 2, "{files:?}");
    let read = |n: &str| std::fs::read_to_string(saves.join(format!("{n}.ron"))).unwrap();
    let (mine, theirs) = (read(&name), read(&copy));
    assert!(mine.contains("org_type: School,"), "A's version in A's file:\n{mine}");
    assert!(theirs.contains("org_type: PublicBody,"), "B's version in the copy:\n{theirs}");
    assert!(theirs.contains(&format!("title: \"{TITLE}\"")));

    let list = Command::new(env!("CARGO_BIN_EXE_meetcheck"))
        .args(["--lang", "en", "--saves-dir"])
        .arg(&saves)
        .arg("list")
        .output()
        .unwrap();
    let listed = String::from_utf8_lossy(&list.stdout);
    assert!(listed.contains(&name) && listed.contains(&copy), "{listed}");
}

#[test]
fn ctrl_k_saves_a_copy_under_a_new_name_and_later_saves_go_there() {
    let home = tempfile::tempdir().unwrap();
    let saves = home.path().join("saves");
    let (mut a, name) = first_instance(&saves);
    let original = std::fs::read(saves.join(format!("{name}.ron"))).unwrap();
    a.send(CTRL_K);
    a.wait_for("Saved as a copy:");
    a.send(DOWN);
    a.send(" ");
    a.wait_for("Last answer:");
    a.send("q");
    assert!(a.wait_exit().success());
    let files = saves_files(&saves);
    assert_eq!(files.len(), 2, "{files:?}");
    assert_eq!(
        std::fs::read(saves.join(format!("{name}.ron"))).unwrap(),
        original,
        "the original stays as it was"
    );
    let copy = files.iter().find(|p| p.file_stem().unwrap() != name.as_str()).unwrap();
    assert!(std::fs::read_to_string(copy).unwrap().contains("org_type: PublicBody,"));
}
