//! `meetcheck list`, `show` and `delete` as a user runs them: the real binary, a temporary
//! saves directory (never the real home), plain output because stdout is a pipe.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use meetcheck::store::{Store, format};

use crate::support::{decided, snapshot_dir, write};

fn meetcheck(home: &Path, args: &[&str], stdin: &str) -> Output {
    meetcheck_in("en", home, args, stdin)
}

fn meetcheck_in(lang: &str, home: &Path, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_meetcheck"))
        .args(["--lang", lang, "--saves-dir"])
        .arg(home.join("saves"))
        .args(args)
        .env("HOME", home)
        .env("TZ", "UTC")
        .env_remove("MEETCHECK_SAVES_DIR")
        .env_remove("MEETCHECK_CATALOG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A saves directory with one good assessment and one damaged beyond its backup.
fn home_with_saves() -> (tempfile::TempDir, String, String) {
    let home = tempfile::tempdir().unwrap();
    let store = Store::new(home.path().join("saves"));
    let mut good = store.create(decided("Videoberatung\tmit Tab", "good01"));
    store.save(&mut good).unwrap();
    let mut broken = store.create(decided("Kaputt", "bad001"));
    store.save(&mut broken).unwrap();
    let broken_name = broken.name().unwrap();
    write(
        &broken.path.clone().unwrap(),
        b"(version: 1, assessment: (meta: (id: \"bad001\", title: ",
    );
    (home, good.name().unwrap(), broken_name)
}

#[test]
fn list_prints_one_plain_line_per_assessment_and_the_broken_ones_with_their_error() {
    let (home, good, broken) = home_with_saves();
    let output = meetcheck(home.path(), &["list"], "");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    let cells: Vec<&str> = lines[0].split('\t').collect();
    assert_eq!(cells[0], good);
    assert_eq!(cells[1], "Videoberatung mit Tab", "tabs in titles cannot shift columns");
    assert_eq!(cells[2], "Beratungsstelle Nord e. V.");
    assert_eq!(cells[3], "2026-10-01 08:00");
    assert!(cells[4].starts_with("9/10"), "{}", cells[4]);
    assert_eq!(cells[5], "Vanished offering", "named from the snapshot");
    assert_eq!(cells[7], "2027-10-01");
    // The broken file is cut off in the middle: said so, not in the parser's words.
    assert!(lines[1].starts_with(&format!("{broken}\tends early at 1:")), "{}", lines[1]);
    assert!(lines[1].contains("(it may have been cut off)"), "{}", lines[1]);
    assert!(lines[1].contains(&format!("meetcheck show {broken}")), "{}", lines[1]);
}

#[test]
fn list_of_an_empty_or_missing_directory_says_so_and_creates_nothing() {
    let home = tempfile::tempdir().unwrap();
    let output = meetcheck(home.path(), &["list"], "");
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).is_empty());
    assert!(stderr(&output).contains("No saved assessments"), "{}", stderr(&output));
    assert!(!home.path().join("saves").exists(), "a read-only command creates nothing");
}

#[test]
fn read_only_commands_change_nothing() {
    let (home, good, broken) = home_with_saves();
    let saves = home.path().join("saves");
    let before = snapshot_dir(&saves);
    meetcheck(home.path(), &["list"], "");
    meetcheck(home.path(), &["show", &good], "");
    meetcheck(home.path(), &["show", &broken], "");
    assert_eq!(snapshot_dir(&saves), before);
}

#[test]
fn delete_asks_and_does_nothing_without_a_yes() {
    let (home, good, _) = home_with_saves();
    let saves = home.path().join("saves");
    let before = snapshot_dir(&saves);
    let output = meetcheck(home.path(), &["delete", &good], "n\n");
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).contains("Delete “Videoberatung\tmit Tab”"), "{}", stdout(&output));
    assert!(stdout(&output).contains("Nothing deleted."));
    let output = meetcheck(home.path(), &["delete", &good], "");
    assert_eq!(output.status.code(), Some(1), "no answer at all is not a yes");
    assert!(stderr(&output).contains("--yes"));
    assert_eq!(snapshot_dir(&saves), before);
}

#[test]
fn delete_removes_the_assessment_and_its_backup_after_yes() {
    let (home, good, _) = home_with_saves();
    let store = Store::new(home.path().join("saves"));
    let mut loaded = store.load(&good).unwrap();
    store.save(&mut loaded).unwrap();
    drop(loaded);
    let output = meetcheck(home.path(), &["delete", &good], "y\n");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let saves = home.path().join("saves");
    assert!(!saves.join(format!("{good}.ron")).exists());
    assert!(!saves.join(format!("{good}.ron.bak")).exists());
    assert_eq!(stdout(&output).matches("Deleted: ").count(), 2, "{}", stdout(&output));
}

#[test]
fn delete_with_yes_and_in_german_and_refusals() {
    let (home, _, broken) = home_with_saves();
    let output = meetcheck_in("de", home.path(), &["delete", &broken, "--yes"], "");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains("Gelöscht: "));

    let outside = home.path().join("keep.ron");
    write(&outside, format::to_text(&decided("Fremd", "frem01")).unwrap().as_bytes());
    let output = meetcheck(home.path(), &["delete", outside.to_str().unwrap(), "--yes"], "");
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("is not in the saves directory"), "{}", stderr(&output));
    assert!(outside.exists());

    let output = meetcheck(home.path(), &["delete", "no-such-thing", "--yes"], "");
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("No saved assessment “no-such-thing”"), "{}", stderr(&output));
}

fn example(file: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("saves").join(file).display().to_string()
}

const SCHOOL: &str = "grundschule-am-muehlbach-fernunterricht-und-elte-gs0001.ron";
const COUNSELLING: &str = "beratungsstelle-lindenhof-videoberatung-bst001.ron";

#[test]
fn show_summarises_an_example_read_only() {
    let home = tempfile::tempdir().unwrap();
    let output = meetcheck(home.path(), &["show", &example(SCHOOL)], "");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.starts_with("Grundschule Am Mühlbach – Fernunterricht und Elterngespräche\n"),
        "{text}"
    );
    assert!(text.contains("(outside the saves directory, read only)"), "{text}");
    for heading in ["Details", "Answers", "Decision", "Preconditions of use", "Notes and warnings"]
    {
        assert!(text.contains(&format!("== {heading} ==")), "{heading}: {text}");
    }
    assert!(text.contains("Controller: Grundschule Am Mühlbach, Schulleitung"), "{text}");
    assert!(text.contains("Chosen: Jitsi Meet by NETWAYS"), "{text}");
    assert!(text.contains("Runner-up: TixeoCloud"), "{text}");
    assert!(text.contains("set by Dr. Petra Hahn (Schulleiterin) on 2025-07-10"), "{text}");
    assert!(text.contains("Ready for use: no – preconditions open: "), "{text}");
    assert!(text.contains("The review was due on 2026-07-31"), "{text}");
    assert!(!home.path().join("saves").exists(), "show creates nothing");
}

#[test]
fn show_names_what_todays_catalogue_changes() {
    use meetcheck::commands::EMBEDDED_CATALOG;
    use meetcheck::domain::catalog;
    use meetcheck::domain::facts::{Certainty, Fact};
    let home = tempfile::tempdir().unwrap();
    let mut embedded = catalog::parse(EMBEDDED_CATALOG).unwrap();
    let mut changed = embedded.offering("jitsi-netways").unwrap().clone();
    changed.processing_locations =
        Fact::known(vec!["US".to_string()], "test-source", "2026-11", Certainty::Vendor);
    embedded.edition = "2027-01".into();
    embedded.offerings = vec![changed];
    embedded.sources.insert(
        "test-source".into(),
        catalog::Source {
            title: "Test".into(),
            url: Some("https://example.org/terms".into()),
            kind: catalog::SourceKind::Vendor,
        },
    );
    let file = home.path().join("newer-catalogue.ron");
    write(&file, ron::to_string(&embedded).unwrap().as_bytes());

    let output = meetcheck(
        home.path(),
        &["--catalog", file.to_str().unwrap(), "show", &example(COUNSELLING)],
        "",
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains(
            "The catalogue is now edition 2026-12 + 2027-01; the decision rests on edition 2026-11."
        ),
        "{text}"
    );
    assert!(
        text.contains("Jitsi Meet by NETWAYS (NWS Jitsi), Processing locations: at the decision “"),
        "{text}"
    );
    assert!(
        text.contains("Jitsi Meet by NETWAYS (NWS Jitsi) would be excluded by today's catalogue."),
        "{text}"
    );
}

#[test]
fn show_warns_about_offerings_no_longer_in_the_catalogue() {
    let home = tempfile::tempdir().unwrap();
    let store = Store::new(home.path().join("saves"));
    let mut loaded = store.create(decided("Alt", "old001"));
    store.save(&mut loaded).unwrap();
    let output = meetcheck(home.path(), &["show", &loaded.name().unwrap()], "");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("Chosen: Vanished offering"), "{text}");
    assert!(text.contains("“Vanished offering” (gone-offering) is no longer in the catalogue; shown as recorded in the decision snapshot (catalogue edition 2025-03)."), "{text}");
}

#[test]
fn show_refuses_damaged_and_newer_files_with_exit_1_and_uses_a_backup_with_exit_0() {
    let (home, good, broken) = home_with_saves();
    let saves = home.path().join("saves");
    let output = meetcheck(home.path(), &["show", &broken], "");
    assert_eq!(output.status.code(), Some(1));
    let error = stderr(&output);
    let file = saves.join(format!("{broken}.ron")).display().to_string();
    assert!(error.contains(&format!("{file}:1:")), "file, line and column: {error}");
    assert!(error.contains("Nothing was changed."), "{error}");

    let newer = saves.join("newer-abc123.ron");
    write(&newer, b"(version: 42, assessment: (from: \"the future\"))");
    let output = meetcheck(home.path(), &["show", "newer-abc123"], "");
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("Update meetcheck"), "{}", stderr(&output));

    // Make a backup of the good one, then damage the main file.
    let store = Store::new(&saves);
    let mut loaded = store.load(&good).unwrap();
    store.save(&mut loaded).unwrap();
    drop(loaded);
    write(&saves.join(format!("{good}.ron")), b"(version: 1, assessment: ((((");
    let output = meetcheck(home.path(), &["show", &good], "");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stderr(&output).starts_with("WARNING: "), "{}", stderr(&output));
    assert!(stdout(&output).contains("WARNING: "), "also among the warnings of the summary");
    assert!(stdout(&output).contains("Chosen: Vanished offering"));
}

#[test]
fn recheck_names_what_todays_catalogue_changes_and_leaves_the_decision_alone() {
    use meetcheck::commands::EMBEDDED_CATALOG;
    use meetcheck::domain::catalog;
    use meetcheck::domain::facts::{Certainty, Fact};
    let home = tempfile::tempdir().unwrap();
    let saves = home.path().join("saves");
    std::fs::create_dir_all(&saves).unwrap();
    let copy = saves.join(COUNSELLING);
    std::fs::copy(example(COUNSELLING), &copy).unwrap();
    let before = std::fs::read(&copy).unwrap();
    let mut embedded = catalog::parse(EMBEDDED_CATALOG).unwrap();
    let mut changed = embedded.offering("jitsi-netways").unwrap().clone();
    changed.processing_locations =
        Fact::known(vec!["US".to_string()], "test-source", "2026-11", Certainty::Vendor);
    embedded.edition = "2027-01".into();
    embedded.offerings = vec![changed];
    embedded.sources.insert(
        "test-source".into(),
        catalog::Source {
            title: "Test".into(),
            url: Some("https://example.org/terms".into()),
            kind: catalog::SourceKind::Vendor,
        },
    );
    let file = home.path().join("newer-catalogue.ron");
    write(&file, ron::to_string(&embedded).unwrap().as_bytes());

    let output = meetcheck(home.path(), &["--catalog", file.to_str().unwrap(), "recheck"], "");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    let name = COUNSELLING.trim_end_matches(".ron");
    assert!(text.contains(&format!("{name} – ")), "{text}");
    assert!(text.contains("chose Jitsi Meet by NETWAYS (NWS Jitsi)"), "{text}");
    assert!(
        text.contains("Jitsi Meet by NETWAYS (NWS Jitsi), Processing locations: at the decision “"),
        "{text}"
    );
    assert!(text.contains("Decisions checked: 1; none was changed."), "{text}");
    assert_eq!(std::fs::read(&copy).unwrap(), before, "recheck only reads");

    // Not yet due for review: `--due` leaves it out but still counts it.
    let due = meetcheck(home.path(), &["recheck", "--due"], "");
    assert_eq!(due.status.code(), Some(0), "{}", stderr(&due));
    let due_text = stdout(&due);
    assert!(!due_text.contains(name), "{due_text}");
    assert!(due_text.contains("Decisions due for review: 0 of 1;"), "{due_text}");
}

/// Runs meetcheck and fails (killing it) instead of hanging when it does not end.
fn meetcheck_or_hang(home: &Path, args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_meetcheck"))
        .args(["--lang", "en", "--saves-dir"])
        .arg(home.join("saves"))
        .args(args)
        .env_remove("MEETCHECK_CATALOG")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > std::time::Duration::from_secs(60) {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("meetcheck {args:?} hung");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

#[cfg(unix)]
#[test]
fn a_fifo_in_the_saves_directory_hangs_neither_list_nor_show() {
    let (home, good, _) = home_with_saves();
    let fifo = home.path().join("saves/pipe.ron");
    let c_path = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a valid C string.
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0);
    let output = meetcheck_or_hang(home.path(), &["list"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains(&good), "the others are listed: {}", stdout(&output));
    assert!(stdout(&output).contains("pipe\t"), "{}", stdout(&output));
    assert!(stdout(&output).contains("named pipe (FIFO)"), "{}", stdout(&output));
    for target in ["pipe", fifo.to_str().unwrap()] {
        let output = meetcheck_or_hang(home.path(), &["show", target]);
        assert_eq!(output.status.code(), Some(1));
        assert!(stderr(&output).contains("is a named pipe (FIFO), not an ordinary file"));
    }
    let output = meetcheck_or_hang(home.path(), &["show", "/dev/zero"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("/dev/zero is a device"), "{}", stderr(&output));
}

#[test]
fn show_and_list_print_no_escape_sequence_from_a_save() {
    let home = tempfile::tempdir().unwrap();
    let store = Store::new(home.path().join("saves"));
    let title = "Titel\x1b]0;pwned\x07 \x1b[31mrot\u{9b}2J \u{202e}gnubareb\u{202c} ende";
    let mut a = decided(title, "esc001");
    a.meta.organisation = "Org\x1b[2J\r".into();
    let mut loaded = store.create(a);
    store.save(&mut loaded).unwrap();
    let name = loaded.name().unwrap();
    let hostile = |bytes: &[u8]| {
        let text = String::from_utf8_lossy(bytes);
        bytes.contains(&0x1b)
            || bytes.contains(&b'\r')
            || bytes.contains(&0x07)
            || text.contains(['\u{9b}', '\u{202e}', '\u{202c}'])
    };
    for args in [vec!["show", name.as_str()], vec!["list"]] {
        let output = meetcheck(home.path(), &args, "");
        assert_eq!(output.status.code(), Some(0), "{args:?}: {}", stderr(&output));
        assert!(!hostile(&output.stdout), "{args:?}: {:?}", stdout(&output));
        assert!(!hostile(&output.stderr), "{args:?}: {:?}", stderr(&output));
        assert!(stdout(&output).contains("Titel␛]0;pwned␇ ␛[31mrot"), "{}", stdout(&output));
    }
    // An error message that quotes a file name is neutralised as well.
    let output = meetcheck(home.path(), &["show", "no\x1b[31msuch.ron"], "");
    assert_eq!(output.status.code(), Some(1));
    assert!(!hostile(&output.stderr), "{:?}", stderr(&output));
}

#[test]
fn delete_names_a_file_from_a_newer_version_and_asks_even_with_yes() {
    let home = tempfile::tempdir().unwrap();
    let saves = home.path().join("saves");
    std::fs::create_dir_all(&saves).unwrap();
    let newer = saves.join("future-abc123.ron");
    write(&newer, b"(version: 42, assessment: (from: \"the future\"))");
    let output = meetcheck(home.path(), &["delete", "future-abc123", "--yes"], "");
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    assert!(stdout(&output).contains("written by a newer meetcheck (file format 42)"));
    assert!(stderr(&output).contains("even with --yes"), "{}", stderr(&output));
    assert!(newer.exists());
    let output = meetcheck(home.path(), &["delete", "future-abc123", "--yes"], "n\n");
    assert_eq!(output.status.code(), Some(0));
    assert!(newer.exists(), "a no keeps it");
    let output = meetcheck(home.path(), &["delete", "future-abc123", "--yes"], "y\n");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(!newer.exists());
}

#[cfg(unix)]
#[test]
fn exports_are_private_unless_a_mode_is_given() {
    use std::os::unix::fs::PermissionsExt;
    let (home, good, _) = home_with_saves();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let private = home.path().join("record.md");
    let output = meetcheck(home.path(), &["export", &good, "-o", private.to_str().unwrap()], "");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(mode(&private), 0o600);
    let shared = home.path().join("shared.md");
    let args = ["export", &good, "-o", shared.to_str().unwrap(), "--mode", "644"];
    let output = meetcheck(home.path(), &args, "");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(mode(&shared), 0o644);
    let output = meetcheck(home.path(), &["export", &good, "-o", "x.md", "--mode", "999"], "");
    assert_eq!(output.status.code(), Some(2), "a usage error");
}

#[test]
fn a_saves_directory_that_is_a_file_is_named_as_such_by_every_command() {
    let home = tempfile::tempdir().unwrap();
    write(&home.path().join("saves"), b"not a directory");
    for args in [&["list"][..], &["show", "abc"], &["delete", "abc", "--yes"], &["resume", "abc"]] {
        let output = meetcheck(home.path(), args, "");
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert!(
            stderr(&output).contains("is a file, not a directory"),
            "{args:?}: {}",
            stderr(&output)
        );
    }
}
