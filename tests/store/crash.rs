//! A writer killed with SIGKILL at random moments leaves only complete files: `NAME.ron` always
//! exists and is the old or the new revision, the backup always loads.
//!
//! The child is this test binary, re-run with [`LOOP_DIR`] set, selecting
//! [`save_loop_child`], which saves in a loop until it is killed.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use meetcheck::domain::answer_value::AnswerValue;
use meetcheck::domain::assessment::Assessment;
use meetcheck::domain::narrowing::AnswerId;
use meetcheck::domain::scenario::{Participant, Size};
use meetcheck::store::{Store, format};

use crate::support::{decided, ts};

const LOOP_DIR: &str = "MEETCHECK_TEST_SAVE_LOOP_DIR";
const NAME_FILE: &str = "name.txt";

/// The content of revision `n`: its size varies, so a torn write could not parse.
fn revision(n: u64) -> Assessment {
    let mut a = decided("Absturztest", "crash1");
    a.meta.organisation = format!("revision {n}");
    for i in 0..(n % 40) {
        a.history.push(meetcheck::domain::assessment::Change {
            at: ts("2026-11-29T10:00:00Z"),
            answer: AnswerId::Size,
            old: AnswerValue::Size(Size::ALL[(i % 6) as usize]),
            new: AnswerValue::Participants(
                Participant::ALL[..(n % 7) as usize].iter().copied().collect(),
            ),
        });
    }
    a
}

fn revision_of(a: &Assessment) -> u64 {
    a.meta
        .organisation
        .strip_prefix("revision ")
        .and_then(|n| n.parse().ok())
        .expect("revision marker")
}

/// Not a test of its own: the save loop the crash test kills. Returns at once unless selected.
#[test]
fn save_loop_child() {
    let Ok(dir) = std::env::var(LOOP_DIR) else { return };
    let dir = Path::new(&dir);
    let name = std::fs::read_to_string(dir.join(NAME_FILE)).unwrap();
    let store = Store::new(dir.join("saves"));
    let mut loaded = store.load(&name).expect("the child loads the last save");
    // Tell the parent the save loop starts, so that its kills land in saves, not in start-up.
    println!("ready");
    std::io::Write::flush(&mut std::io::stdout()).unwrap();
    let mut first = true;
    loop {
        let next = revision_of(&loaded.assessment) + 1;
        loaded.assessment = revision(next);
        store.save(&mut loaded).expect("the child saves");
        if std::mem::take(&mut first) {
            // The parent waits for this once, so that the test cannot prove nothing when the
            // machine is so busy that every kill falls before the first save.
            println!("saved");
            std::io::Write::flush(&mut std::io::stdout()).unwrap();
        }
    }
}

/// A small deterministic generator for the kill moments (xorshift), seeded from the clock.
struct Moments(u64);

impl Moments {
    fn next_millis(&mut self, range: std::ops::Range<u64>) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        range.start + self.0 % (range.end - range.start)
    }
}

#[cfg(unix)]
#[test]
fn a_writer_killed_at_random_moments_leaves_old_or_new_complete_files() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path().join("saves"));
    let mut first = store.create(revision(0));
    store.save(&mut first).unwrap();
    let name = first.name().unwrap();
    drop(first);
    std::fs::write(dir.path().join(NAME_FILE), &name).unwrap();
    let main = store.dir().join(format!("{name}.ron"));
    let backup = store.dir().join(format!("{name}.ron.bak"));

    let seed =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos();
    let mut moments = Moments(seed as u64 | 1);
    let mut last = 0;
    // 25 rounds, and more on a slow machine until at least one save completed.
    let mut round = 0;
    while round < 25 || (last == 0 && round < 200) {
        round += 1;
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["crash::save_loop_child", "--exact", "--nocapture", "--test-threads=1"])
            .env(LOOP_DIR, dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut ready = String::new();
        let mut child_out = std::io::BufReader::new(child.stdout.take().unwrap());
        let signal = if round == 0 { "saved" } else { "ready" };
        while !ready.contains(signal) {
            ready.clear();
            if std::io::BufRead::read_line(&mut child_out, &mut ready).unwrap() == 0 {
                break;
            }
        }
        // While it runs, the file is never missing.
        let until = Instant::now() + Duration::from_millis(moments.next_millis(5..250));
        while Instant::now() < until {
            assert!(main.exists(), "round {round}: {} vanished during a save", main.display());
        }
        child.kill().unwrap();
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains("panicked"), "round {round}: the child failed: {stderr}");

        let parsed = format::parse(&std::fs::read(&main).unwrap())
            .unwrap_or_else(|e| panic!("round {round}: {} is incomplete: {e:?}", main.display()));
        let current = revision_of(&parsed.assessment);
        assert_eq!(
            parsed.assessment,
            revision(current),
            "round {round}: revision {current} is exact"
        );
        assert!(current >= last, "round {round}: went back from {last} to {current}");
        if backup.exists() {
            let parsed = format::parse(&std::fs::read(&backup).unwrap())
                .unwrap_or_else(|e| panic!("round {round}: the backup is incomplete: {e:?}"));
            let previous = revision_of(&parsed.assessment);
            assert_eq!(parsed.assessment, revision(previous));
            // Equal when the kill fell between making the backup and the rename.
            assert!(previous <= current, "round {round}: backup {previous}, main {current}");
        }
        last = current;
    }
    eprintln!("crash test: {last} revisions saved in {round} killed runs");
    assert!(last > 0, "the child never completed a save: the test proved nothing");
    // Leftovers of killed saves are hidden temp files, never a second visible assessment.
    let listed: Vec<String> = store.list().unwrap().into_iter().map(|e| e.name).collect();
    assert_eq!(listed, [name]);
}
