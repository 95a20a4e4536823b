//! End to end in a pseudo-terminal (expectrl + vt100): a new assessment through every step to a
//! decision record written into the current directory; the file is read back. Every wait is on a
//! screen condition with a timeout.

use std::io::{ErrorKind, Write};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use expectrl::Session;

// Generous: a loaded 2-core machine can take seconds to start a process.
const TIMEOUT: Duration = Duration::from_secs(60);
const DOWN: &str = "\x1b[B";
const ENTER: &str = "\r";

struct Pty {
    session: expectrl::session::OsSession,
    screen: vt100::Parser,
}

impl Pty {
    fn start(saves: &Path, cwd: &Path, args: &[&str]) -> Pty {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_meetcheck"));
        cmd.args(["--lang", "en", "--saves-dir"]).arg(saves).args(args).current_dir(cwd);
        cmd.env("TERM", "xterm-256color").env_remove("NO_COLOR");
        let mut session = Session::spawn(cmd).expect("spawn meetcheck");
        session.get_process_mut().set_window_size(80, 24).unwrap();
        let (rows, cols) = (24.try_into().unwrap(), 80.try_into().unwrap());
        Pty { session, screen: vt100::Parser::new(rows, cols, 0) }
    }

    /// Reads what is there; false once the terminal is closed.
    fn pump(&mut self) -> bool {
        let mut buf = [0u8; 8192];
        match self.session.try_read(&mut buf) {
            Ok(0) => false,
            Ok(n) => {
                self.screen.process(&buf[..n]);
                true
            }
            Err(e) if e.kind() == ErrorKind::WouldBlock => {
                std::thread::sleep(Duration::from_millis(10));
                true
            }
            Err(_) => false,
        }
    }

    fn text(&self) -> String {
        self.screen.screen().contents()
    }

    fn wait_for(&mut self, what: &str) {
        let start = Instant::now();
        while !self.text().contains(what) {
            assert!(self.pump(), "ended while waiting for {what:?}:\n{}", self.text());
            assert!(start.elapsed() < TIMEOUT, "no {what:?} on screen:\n{}", self.text());
        }
    }

    fn send(&mut self, keys: &str) {
        self.session.write_all(keys.as_bytes()).unwrap();
        self.session.flush().unwrap();
    }
}

#[test]
fn a_new_assessment_goes_all_the_way_to_an_exported_record() {
    let saves = tempfile::tempdir().unwrap();
    let cwd = tempfile::tempdir().unwrap();
    let mut t = Pty::start(saves.path(), cwd.path(), &["new", "--title", "Video counselling"]);
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
    t.send(&DOWN.repeat(5));
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
    assert_eq!(record.lines().filter(|l| l.starts_with("# ")).count(), 1, "one H1:\n{record}");
    assert!(record.contains("# Video counselling"), "{record}");
    let chosen = record.lines().find(|l| l.starts_with("Chosen option: \"")).expect("outcome line");
    assert!(chosen.contains("\", because"), "{chosen}");
    assert!(record.contains("status: proposed") || record.contains("status: \"proposed\""));

    // A second `e` never overwrites: it numbers.
    t.send("e");
    let start = Instant::now();
    while std::fs::read_dir(cwd.path()).unwrap().count() < 2 {
        assert!(t.pump() && start.elapsed() < TIMEOUT, "no second file:\n{}", t.text());
    }
    assert_eq!(std::fs::read_to_string(&files[0]).unwrap(), record, "first file untouched");
    t.send("q");
    let start = Instant::now();
    while t.pump() {
        assert!(start.elapsed() < TIMEOUT, "did not quit:\n{}", t.text());
    }
}
