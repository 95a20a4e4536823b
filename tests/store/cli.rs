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
fn list_through_a_pipe_is_tab_separated_with_a_header_row_and_names_not_ids() {
    let (home, good, broken) = home_with_saves();
    let output = meetcheck(home.path(), &["list"], "");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert_eq!(
        lines[0].split('\t').collect::<Vec<_>>(),
        [
            "Name",
            "Title",
            "Organisation",
            "Last change",
            "Step",
            "Chosen offering",
            "Status",
            "Ready for use",
            "Review by",
            "Problem"
        ]
    );
    let cells: Vec<&str> = lines[1].split('\t').collect();
    assert_eq!(cells.len(), 10, "{}", lines[1]);
    assert_eq!(cells[0], good);
    assert_eq!(cells[1], "Videoberatung mit Tab", "tabs in titles cannot shift columns");
    assert_eq!(cells[2], "Beratungsstelle Nord e. V.");
    assert_eq!(cells[3], "2026-10-01 08:00");
    assert_eq!(cells[4], "9/10 Checklist");
    assert_eq!(cells[5], "Vanished offering", "named from the snapshot, never its id");
    assert_eq!(cells[6], "accepted");
    assert!(cells[7].starts_with("no – ") && cells[7].ends_with(" open"), "{}", cells[7]);
    assert_eq!(cells[8], "2027-10-01");
    assert_eq!(cells[9], "");
    assert!(!text.contains("gone-offering"), "no raw offering id: {text}");
    let broken_cells: Vec<&str> = lines[2].split('\t').collect();
    assert_eq!(broken_cells.len(), 10, "{}", lines[2]);
    assert_eq!(broken_cells[0], broken);
    assert!(broken_cells[1..9].iter().all(|c| c.is_empty()), "{}", lines[2]);
    // The broken file is cut off in the middle: said so, not in the parser's words.
    assert!(broken_cells[9].starts_with("ends early at 1:"), "{}", lines[2]);
    assert!(broken_cells[9].contains("(it may have been cut off)"), "{}", lines[2]);
    assert!(broken_cells[9].contains(&format!("meetcheck show {broken}")), "{}", lines[2]);
    let longest = lines.iter().map(|l| l.chars().count()).max().unwrap();
    assert!(longest < 200, "no padding, no full error text: {longest}");
}

#[test]
fn list_in_german_says_everything_in_german() {
    let (home, _, _) = home_with_saves();
    let output = meetcheck_in("de", home.path(), &["list"], "");
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("Name\tTitel\tOrganisation\tLetzte Änderung\t"), "{text}");
    let cells: Vec<&str> = lines[1].split('\t').collect();
    assert_eq!(cells[4], "9/10 Checkliste");
    assert_eq!(cells[5], "Verschwundenes Angebot");
    assert_eq!(cells[6], "angenommen");
    assert!(cells[7].starts_with("nein – "), "{}", cells[7]);
    assert!(lines[2].contains("endet vorzeitig bei 1:"), "{}", lines[2]);
}

#[test]
fn list_as_json_has_every_field_and_the_damaged_files_with_their_error() {
    let (home, good, broken) = home_with_saves();
    let output = meetcheck(home.path(), &["list", "--json"], "");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let list = json.as_array().expect("an array");
    assert_eq!(list.len(), 2);
    let first = &list[0];
    assert_eq!(first["name"], good.as_str());
    assert_eq!(first["title"], "Videoberatung\tmit Tab", "JSON keeps the title as it is");
    assert_eq!(first["organisation"], "Beratungsstelle Nord e. V.");
    assert_eq!(first["last_change"], "2026-10-01T08:00:00Z");
    assert_eq!(first["step"]["id"], "checklist");
    assert_eq!(first["step"]["number"], 9);
    assert_eq!(first["step"]["name"], "Checklist");
    assert_eq!(first["status"]["id"], "accepted");
    assert_eq!(first["status"]["name"], "accepted");
    assert_eq!(first["chosen"]["id"], "gone-offering");
    assert_eq!(first["chosen"]["name"], "Vanished offering");
    assert_eq!(first["ready_for_use"], false);
    assert!(first["preconditions_open"].as_u64().unwrap() > 0);
    assert_eq!(first["review_by"], "2027-10-01");
    assert_eq!(first["to_be_confirmed"], false);
    assert_eq!(first["from_backup"], false);
    assert!(first["error"].is_null());

    let damaged = &list[1];
    assert_eq!(damaged["name"], broken.as_str());
    let error = damaged["error"].as_str().expect("an error message");
    let file = home.path().join("saves").join(format!("{broken}.ron"));
    assert!(error.contains(&format!("{}:1:", file.display())), "{error}");
    for key in ["title", "step", "status", "chosen", "ready_for_use", "review_by"] {
        assert!(damaged[key].is_null(), "{key}: {damaged}");
    }

    let german = meetcheck_in("de", home.path(), &["list", "--json"], "");
    let json: serde_json::Value = serde_json::from_slice(&german.stdout).unwrap();
    assert_eq!(json[0]["step"]["id"], "checklist", "ids do not change with the language");
    assert_eq!(json[0]["step"]["name"], "Checkliste");
    assert_eq!(json[0]["chosen"]["name"], "Verschwundenes Angebot");
}

#[test]
fn list_as_json_of_no_saves_is_an_empty_array() {
    let home = tempfile::tempdir().unwrap();
    let output = meetcheck(home.path(), &["list", "--json"], "");
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout(&output).trim(), "[]");
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

/// A catalogue file of edition 2027-01 in which NETWAYS' Jitsi processes in the US.
fn newer_catalogue(home: &Path) -> std::path::PathBuf {
    use meetcheck::commands::EMBEDDED_CATALOG;
    use meetcheck::domain::catalog;
    use meetcheck::domain::facts::{Certainty, Fact};
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
    let file = home.join("newer-catalogue.ron");
    write(&file, ron::to_string(&embedded).unwrap().as_bytes());
    file
}

#[test]
fn show_names_what_todays_catalogue_changes() {
    let home = tempfile::tempdir().unwrap();
    let file = newer_catalogue(home.path());

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
    assert!(stderr(&output).starts_with("meetcheck: WARNING: "), "{}", stderr(&output));
    assert!(stdout(&output).contains("WARNING: "), "also among the warnings of the summary");
    assert!(stdout(&output).contains("Chosen: Vanished offering"));
}

/// Two saves whose names share a start, one of them an exact name of its own.
fn home_with_similar_names() -> (tempfile::TempDir, Vec<String>) {
    let home = tempfile::tempdir().unwrap();
    let store = Store::new(home.path().join("saves"));
    let names = [("Videokonferenzen", "ab12cd"), ("Schule", "k3"), ("Schule", "k3x9pq")]
        .into_iter()
        .map(|(title, id)| {
            let mut loaded = store.create(decided(title, id));
            store.save(&mut loaded).unwrap();
            loaded.name().unwrap()
        })
        .collect();
    (home, names)
}

#[test]
fn a_unique_prefix_of_a_name_works_in_every_command() {
    let (home, names) = home_with_similar_names();
    let output = meetcheck(home.path(), &["show", "videokonferenzen"], "");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains(&format!("Name: {}", names[0])), "{}", stdout(&output));

    let output = meetcheck(home.path(), &["export", "video", "-o", "-"], "");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).starts_with("---"), "{}", stdout(&output));

    let output = meetcheck(home.path(), &["show", "schule-k3"], "");
    assert_eq!(output.status.code(), Some(0), "an exact name wins: {}", stderr(&output));
    assert!(stdout(&output).contains("Name: schule-k3\n"), "{}", stdout(&output));

    let output = meetcheck(home.path(), &["delete", "schule-k3x", "--yes"], "");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(!home.path().join(format!("saves/{}.ron", names[2])).exists());
    assert!(home.path().join(format!("saves/{}.ron", names[1])).exists(), "only the one named");
}

#[test]
fn an_ambiguous_prefix_exits_1_and_lists_the_candidates() {
    let (home, names) = home_with_similar_names();
    let saves = home.path().join("saves");
    let before = snapshot_dir(&saves);
    for (lang, words) in [("en", "matches 2 saved assessments"), ("de", "passt zu 2 gespeicherten")]
    {
        for command in
            [&["show", "schule"][..], &["export", "schule"], &["delete", "schule", "--yes"]]
        {
            let output = meetcheck_in(lang, home.path(), command, "");
            assert_eq!(output.status.code(), Some(1), "{command:?}");
            let error = stderr(&output);
            assert!(error.starts_with("meetcheck: "), "{error}");
            assert!(error.contains(words), "{error}");
            for candidate in &names[1..] {
                assert!(error.lines().any(|l| l.trim() == candidate), "{candidate}: {error}");
            }
            assert!(!error.contains(&names[0]), "{error}");
            assert!(stdout(&output).is_empty());
        }
    }
    assert_eq!(snapshot_dir(&saves), before, "nothing deleted");
}

/// Runs meetcheck with its standard output a pipe whose reader has already gone, as after
/// `| head -1`: every write fails with a broken pipe.
fn into_closed_pipe(home: &Path, args: &[&str]) -> Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    Command::new(env!("CARGO_BIN_EXE_meetcheck"))
        .args(["--lang", "en", "--saves-dir"])
        .arg(home.join("saves"))
        .args(args)
        .env("HOME", home)
        .env_remove("MEETCHECK_SAVES_DIR")
        .env_remove("MEETCHECK_CATALOG")
        .stdin(Stdio::null())
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .unwrap()
}

#[test]
fn a_reader_that_goes_away_ends_the_output_quietly() {
    let (home, good, _) = home_with_saves();
    let school = example(SCHOOL);
    let commands: [&[&str]; 9] = [
        &["list"],
        &["list", "--json"],
        &["catalog"],
        &["catalog", "--json"],
        &["catalog", "--stats"],
        &["recheck"],
        &["show", &good],
        &["show", &school],
        &["export", &school, "-o", "-"],
    ];
    for args in commands {
        let output = into_closed_pipe(home.path(), args);
        let error = stderr(&output);
        assert_eq!(output.status.code(), Some(0), "{args:?}: {error}");
        assert!(!error.contains("Broken pipe") && !error.contains("os error"), "{args:?}: {error}");
        assert!(!error.contains("panicked"), "{args:?}: {error}");
    }
}

#[test]
fn export_to_dash_writes_standard_output_and_no_file() {
    let home = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_meetcheck"))
        .args(["--lang", "en", "--saves-dir"])
        .arg(home.path().join("saves"))
        .args(["export", &example(SCHOOL), "-o", "-"])
        .current_dir(home.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).starts_with("---\n"));
    assert!(!home.path().join("-").exists(), "no file called “-”");
}

/// Runs meetcheck without `--lang` and with only the given locale variables set.
fn meetcheck_with_locale(args: &[&str], locale: &[(&str, &str)]) -> Output {
    let home = tempfile::tempdir().unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_meetcheck"));
    command.arg("--saves-dir").arg(home.path().join("saves")).args(args);
    for var in ["LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"] {
        command.env_remove(var);
    }
    command.envs(locale.iter().copied()).stdin(Stdio::null()).output().unwrap()
}

#[test]
fn usage_errors_are_in_the_chosen_language_with_the_usage_line_and_exit_2() {
    let cases: [(&[&str], &str, &str); 5] = [
        (&["list", "--frob"], "unerwartetes Argument „--frob“", "unexpected argument “--frob”"),
        (&["list", "--lang"], "--lang <LANG> braucht einen Wert", "--lang <LANG> needs a value"),
        (
            &["export", "x", "--kind", "memo"],
            "„memo“ ist kein gültiger Wert für --kind <KIND> (möglich: record, notice, ropa)",
            "“memo” is not a valid value for --kind <KIND> (possible: record, notice, ropa)",
        ),
        (&["lsit"], "unbekannter Befehl „lsit“", "unknown command “lsit”"),
        (&["show"], "es fehlt: <NAME|PATH>", "missing: <NAME|PATH>"),
    ];
    for (args, german, english) in cases {
        for (lang, expected, usage) in
            [("de", german, "Aufruf: meetcheck"), ("en", english, "Usage: meetcheck")]
        {
            let mut with_lang = args.to_vec();
            if args != ["list", "--lang"] {
                with_lang.extend(["--lang", lang]);
            }
            let locale = [("LANG", if lang == "de" { "de_DE.UTF-8" } else { "en_GB.UTF-8" })];
            let output = meetcheck_with_locale(&with_lang, &locale);
            let error = stderr(&output);
            assert_eq!(output.status.code(), Some(2), "{args:?} {lang}: {error}");
            assert!(
                error.starts_with(&format!("meetcheck: {expected}")),
                "{args:?} {lang}: {error}"
            );
            assert!(error.contains(usage), "{args:?} {lang}: {error}");
            assert!(!error.contains("error:"), "clap's own words: {error}");
            assert!(stdout(&output).is_empty());
        }
    }
    let suggestion = meetcheck_with_locale(&["lsit", "--lang", "de"], &[]);
    assert!(stderr(&suggestion).contains("Meinten Sie „list“?"), "{}", stderr(&suggestion));
    let usage = meetcheck_with_locale(&["export", "x", "--kind", "memo", "--lang", "de"], &[]);
    assert!(
        stderr(&usage).contains("Aufruf: meetcheck export [OPTIONEN] <NAME|PATH>"),
        "{}",
        stderr(&usage)
    );
}

#[test]
fn the_language_comes_from_lang_then_the_locale_then_german() {
    let missing = ["show", "no-such-assessment"];
    let german = "Keine gespeicherte Bewertung";
    let english = "No saved assessment";
    type Locale<'a> = &'a [(&'a str, &'a str)];
    let cases: [(&[&str], Locale, &str); 6] = [
        (&[], &[("LANG", "en_US.UTF-8")], english),
        (&[], &[("LC_ALL", "de_DE.UTF-8"), ("LANG", "en_US.UTF-8")], german),
        (&[], &[("LC_MESSAGES", "en_GB.UTF-8"), ("LANG", "de_DE.UTF-8")], english),
        (&[], &[("LC_ALL", "C"), ("LANG", "en_US.UTF-8")], english),
        (&["--lang", "de"], &[("LC_ALL", "en_US.UTF-8")], german),
        (&[], &[], german),
    ];
    for (lang, locale, expected) in cases {
        let args: Vec<&str> = lang.iter().chain(&missing).copied().collect();
        let output = meetcheck_with_locale(&args, locale);
        assert_eq!(output.status.code(), Some(1));
        let error = stderr(&output);
        assert!(error.starts_with(&format!("meetcheck: {expected}")), "{locale:?}: {error}");
    }
}

/// `meetcheck list` in a pseudo-terminal `columns` wide; everything it printed.
fn list_on_a_terminal(home: &Path, lang: &str, columns: u16) -> String {
    use std::io::Read;
    let mut command = Command::new(env!("CARGO_BIN_EXE_meetcheck"));
    command.args(["--lang", lang, "--saves-dir"]).arg(home.join("saves")).arg("list");
    command.env("COLUMNS", columns.to_string()).env("TZ", "UTC");
    let mut session = expectrl::Session::spawn(command).unwrap();
    session.get_process_mut().set_window_size(columns, 24).unwrap();
    let mut out = Vec::new();
    let mut buf = [0u8; 4096];
    let start = std::time::Instant::now();
    loop {
        match session.try_read(&mut buf) {
            Ok(0) => break,
            Ok(n) => out.extend_from_slice(&buf[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                if !session.get_process().is_alive().unwrap_or(false) {
                    let _ = session.read_to_end(&mut out);
                    break;
                }
                assert!(start.elapsed() < std::time::Duration::from_secs(60), "list hangs");
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            Err(_) => break,
        }
    }
    String::from_utf8_lossy(&out).replace("\r\n", "\n")
}

#[test]
fn list_on_a_terminal_is_a_table_with_headers_that_fits_its_width() {
    let (home, good, broken) = home_with_saves();
    let saves = home.path().join("saves");
    for file in [SCHOOL, COUNSELLING] {
        std::fs::copy(example(file), saves.join(file)).unwrap();
    }
    for (lang, header) in [("en", "Name"), ("de", "Name")] {
        for columns in [200u16, 120, 80, 60] {
            let text = list_on_a_terminal(home.path(), lang, columns);
            let lines: Vec<&str> = text.lines().collect();
            assert!(lines[0].starts_with(&format!("{header}  ")), "{columns}: {text}");
            assert!(lines[1].starts_with("──"), "a rule under the header: {text}");
            for line in &lines {
                assert!(
                    line.chars().count() <= usize::from(columns),
                    "{columns}: {line:?}\n{text}"
                );
                assert!(!line.contains('\t'), "{line:?}");
            }
            // The NAME column keeps enough to be typed: at least ten characters.
            let row = lines
                .iter()
                .find(|l| l.starts_with(&good[..10]))
                .unwrap_or_else(|| panic!("{text}"));
            assert!(row.contains(&good[..10]), "{row}");
            assert!(text.contains(&broken[..10]), "{text}");
            assert!(!text.contains("gone-offering") && !text.contains("jitsi-netways"), "{text}");
            if columns >= 120 {
                let title_header = if lang == "de" { "Titel" } else { "Title" };
                assert!(lines[0].contains(title_header), "{text}");
                let chosen =
                    if lang == "de" { "Jitsi Meet von NETWAYS" } else { "Jitsi Meet by NETWAYS" };
                assert!(text.contains(chosen), "{columns}: {text}");
            }
        }
    }
    let wide = list_on_a_terminal(home.path(), "en", 200);
    for header in
        ["Title", "Organisation", "Last change", "Step", "Status", "Ready for use", "Review by"]
    {
        assert!(wide.lines().next().unwrap().contains(header), "{header}: {wide}");
    }
    assert!(wide.contains("2026-07-31 (overdue)"), "{wide}");
    let narrow = list_on_a_terminal(home.path(), "en", 80);
    assert!(narrow.contains("2026-07-31 !"), "{narrow}");
    assert!(narrow.contains("! needs attention"), "the mark is explained: {narrow}");
}

#[test]
fn show_names_a_draft_as_a_draft_and_the_status_and_risk_owner_of_a_decision() {
    use meetcheck::domain::assessment::{Assessment, DecisionDraft, Status};
    let home = tempfile::tempdir().unwrap();
    let store = Store::new(home.path().join("saves"));
    let now = "2026-11-29T09:00:00Z".parse().unwrap();
    let mut a = Assessment::new("draft1".into(), "Entwurf".into(), now, "x".into());
    a.draft = Some(DecisionDraft {
        chosen: "jitsi-self-hosted".into(),
        runner_up: None,
        rationale: String::new(),
        override_: None,
        status: Status::Accepted,
        set_by: "Ute Weber".into(),
    });
    let mut loaded = store.create(a);
    store.save(&mut loaded).unwrap();
    let output = meetcheck(home.path(), &["show", &loaded.name().unwrap()], "");
    let text = stdout(&output);
    assert!(text.contains("== Draft (not taken) =="), "{text}");
    assert!(text.contains("status accepted – nothing is decided"), "{text}");
    assert!(!text.contains("Chosen:"), "a draft is no decision:\n{text}");

    let mut decided = store.create(decided("Entschieden", "dec001"));
    decided.assessment.status = None;
    store.save(&mut decided).unwrap();
    let output = meetcheck(home.path(), &["show", &decided.name().unwrap()], "");
    let text = stdout(&output);
    assert!(text.contains("Status: proposed"), "the status is always shown:\n{text}");
}

#[test]
fn recheck_names_what_todays_catalogue_changes_and_leaves_the_decision_alone() {
    let home = tempfile::tempdir().unwrap();
    let saves = home.path().join("saves");
    std::fs::create_dir_all(&saves).unwrap();
    let copy = saves.join(COUNSELLING);
    std::fs::copy(example(COUNSELLING), &copy).unwrap();
    let before = std::fs::read(&copy).unwrap();
    let file = newer_catalogue(home.path());

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

#[test]
fn list_never_lets_a_title_steer_the_terminal_but_json_keeps_it_exactly() {
    let home = tempfile::tempdir().unwrap();
    let store = Store::new(home.path().join("saves"));
    let hostile = "Schule\u{1b}]0;owned\u{7}\u{202e}drow";
    let mut loaded = store.create(decided(hostile, "evil01"));
    store.save(&mut loaded).unwrap();
    let tsv = stdout(&meetcheck(home.path(), &["list"], ""));
    let table = list_on_a_terminal(home.path(), "en", 120);
    for text in [&tsv, &table] {
        let steering = ['\u{1b}', '\u{7}', '\u{202e}'];
        assert!(!text.contains(steering), "{text:?}");
    }
    assert!(tsv.contains("Schule␛]0;owned␇�drow"), "{tsv}");
    let json = meetcheck(home.path(), &["list", "--json"], "");
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(value[0]["title"], hostile, "data for scripts stays as saved");
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

#[test]
fn a_header_without_readiness_lists_it_as_unknown_not_as_ready() {
    let home = tempfile::tempdir().unwrap();
    let saves = home.path().join("saves");
    std::fs::create_dir_all(&saves).unwrap();
    let text = format::to_text(&decided("Älter", "old002")).unwrap();
    let start = text.find("        to_be_confirmed:").unwrap();
    let end = text.find("    ),\n    assessment:").unwrap();
    write(
        &saves.join("aelter-old002.ron"),
        format!("{}{}", &text[..start], &text[end..]).as_bytes(),
    );
    let json = meetcheck(home.path(), &["list", "--json"], "");
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(value[0]["name"], "aelter-old002");
    assert!(value[0]["ready_for_use"].is_null(), "{value}");
    assert_eq!(value[0]["chosen"]["name"], "Vanished offering");
    let tsv = stdout(&meetcheck(home.path(), &["list"], ""));
    assert_eq!(tsv.lines().nth(1).unwrap().split('\t').nth(7), Some(""), "{tsv}");
}
