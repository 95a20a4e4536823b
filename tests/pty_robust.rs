//! The wizard under pressure, in a pseudo-terminal: Ctrl+C is obeyed at once even behind a flood
//! of queued keys, and nothing from a save (escape sequences, reordering characters) reaches the
//! terminal, neither on the screen nor in the line printed on leaving.
#![cfg(target_os = "linux")]

#[path = "common/bare_pty.rs"]
mod bare_pty;

use bare_pty::*;
use meetcheck::domain::assessment::Assessment;
use meetcheck::store::Store;

#[test]
fn ctrl_c_quits_at_once_behind_a_flood_of_queued_keys() {
    let home = tempfile::tempdir().unwrap();
    let saves = home.path().join("saves");
    let mut t = Pty::meetcheck(&saves, &["new"]);
    t.wait_for("Step 1 of 10");
    t.send("Flood");
    t.wait_for("Flood");
    t.send(&ENTER.repeat(8));
    t.wait_for("Step 2 of 10");
    // Far more keys than the wizard could draw one by one in the time allowed; Ctrl+C last.
    // (j and k move; arrow keys' escape sequences could be cut by a read and taken for Esc.)
    let mut keys = "jk".repeat(200_000).into_bytes();
    keys.extend_from_slice(CTRL_C.as_bytes());
    t.send_flood(&keys);
    let status = t.wait_exit();
    assert!(status.success(), "{status:?}");
    let out = t.output();
    assert!(out.contains("Saved “Flood”"), "{:?}", &out[out.len().saturating_sub(600)..]);
}

#[test]
fn no_escape_sequence_from_a_save_reaches_the_terminal() {
    let home = tempfile::tempdir().unwrap();
    let saves = home.path().join("saves");
    let store = Store::new(&saves);
    let now = jiff::Timestamp::now();
    let title = "Titel\x1b]0;pwned\x07 \x1b[31mrot\u{9b}2J \u{202e}gnubareb ende";
    let mut a = Assessment::new("esc001".into(), title.into(), now, "2026-11".into());
    a.meta.organisation = "Org\x1b[2J".into();
    let mut loaded = store.create(a);
    store.save(&mut loaded).unwrap();
    let name = loaded.name().unwrap();
    drop(loaded);

    // The start screen lists it, the wizard opens it; then it is left with q.
    let mut t = Pty::meetcheck(&saves, &[]);
    t.wait_for("Saved assessments");
    t.wait_for("rot");
    t.send(ENTER);
    t.wait_for("Step 1 of 10");
    t.send(&ENTER.repeat(8));
    t.wait_for("Step 2 of 10");
    t.send("q");
    assert!(t.wait_exit().success());
    let raw = &t.raw;
    let contains = |needle: &[u8]| raw.windows(needle.len()).any(|w| w == needle);
    assert!(!contains(b"\x1b]0;pwned"), "the window title was set");
    assert!(!contains(b"\x1b[31mrot"), "colours from the save");
    assert!(!contains(b"\x1b[2J") || !contains(b"Org\x1b[2J"), "a clear screen from the save");
    assert!(!contains("\u{9b}".as_bytes()) && !contains("\u{202e}".as_bytes()));
    let output = t.output();
    let exit_line = output.lines().rev().find(|l| l.contains("Saved “")).expect("exit line");
    assert!(
        exit_line.contains("Saved “Titel␛]0;pwned␇ ␛[31mrot�2J �gnubareb ende”"),
        "{exit_line}"
    );
    assert!(exit_line.contains(&name), "{exit_line}");
}
