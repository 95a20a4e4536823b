//! `meetcheck export` as a user runs it: standard output, files that are never overwritten
//! without `--force`, paths that are never replaced (directories, pipes, devices, links), a
//! directory of numbered decision records, and the wizard's numbered files.

use std::path::Path;
use std::process::{Command, Output};

use meetcheck::export::{self, Kind};
use meetcheck::i18n::{Lang, Texts};

use super::export_support::{TODAY, catalog, decided};

fn meetcheck(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_meetcheck"))
        .current_dir(dir)
        .arg("--saves-dir")
        .arg(dir.join("saves"))
        .args(args)
        .env_remove("MEETCHECK_CATALOG")
        .output()
        .expect("the binary runs")
}

fn saved(dir: &Path) -> String {
    let text = meetcheck::store::format::to_text(&decided()).unwrap();
    let path = dir.join("counselling.ron");
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn export_writes_to_stdout_or_a_file_and_never_overwrites_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let save = saved(dir.path());
    let out = meetcheck(dir.path(), &["--lang", "en", "export", &save]);
    assert!(out.status.success(), "{}", stderr(&out));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.starts_with("---\ntitle: \"Video meetings for counselling: choose Jitsi Meet, self-hosted\"\nstatus: \"accepted\"\n"));
    assert!(!dir.path().join("saves").exists(), "exporting creates no saves directory");

    let dash = meetcheck(dir.path(), &["--lang", "en", "export", &save, "-o", "-"]);
    assert!(dash.status.success());
    assert_eq!(String::from_utf8(dash.stdout).unwrap(), stdout, "-o - is standard output");
    assert!(!dir.path().join("-").exists(), "no file named '-'");

    let file = dir.path().join("record.md");
    let file_arg = file.display().to_string();
    let out = meetcheck(dir.path(), &["--lang", "en", "export", &save, "-o", &file_arg]);
    assert!(out.status.success());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), stdout);

    std::fs::write(&file, "mine\n").unwrap();
    let out = meetcheck(
        dir.path(),
        &["--lang", "en", "export", &save, "-o", &file_arg, "--kind", "notice"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(&file_arg) && stderr(&out).contains("--force"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "mine\n", "left unchanged");

    let out = meetcheck(
        dir.path(),
        &["--lang", "de", "export", &save, "-o", &file_arg, "--kind", "notice", "--force"],
    );
    assert!(out.status.success());
    let notice = std::fs::read_to_string(&file).unwrap();
    assert!(notice.starts_with(
        "---\ntitle: \"Datenschutzhinweise für Online-Meetings mit Jitsi Meet, selbst betrieben\"\n"
    ));
}

#[test]
fn full_adds_to_the_record() {
    let dir = tempfile::tempdir().unwrap();
    let save = saved(dir.path());
    let short = meetcheck(dir.path(), &["export", &save]);
    let full = meetcheck(dir.path(), &["export", &save, "--full"]);
    assert!(full.status.success());
    assert!(full.stdout.len() > short.stdout.len());
}

#[test]
fn a_directory_is_refused_with_force_too() {
    let dir = tempfile::tempdir().unwrap();
    let save = saved(dir.path());
    let target = dir.path().join("out");
    std::fs::create_dir(&target).unwrap();
    let out = meetcheck(dir.path(), &["--lang", "en", "export", &save, "-o", "out", "--force"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("out is a directory and is never replaced"), "{}", stderr(&out));
    assert!(target.is_dir() && std::fs::read_dir(&target).unwrap().next().is_none());
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_refused_without_blocking() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let save = saved(dir.path());
    let fifo = dir.path().join("pipe.md");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        return; // no mkfifo on this system
    }
    for force in [false, true] {
        let mut args = vec!["--lang", "en", "export", save.as_str(), "-o", "pipe.md"];
        if force {
            args.push("--force");
        }
        let out = meetcheck(dir.path(), &args);
        assert_eq!(out.status.code(), Some(1));
        assert!(stderr(&out).contains("named pipe (FIFO)"), "{}", stderr(&out));
        assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo(), "still a pipe");
    }
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_is_neither_followed_nor_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let save = saved(dir.path());
    let target = dir.path().join("elsewhere.md");
    std::fs::write(&target, "keep me\n").unwrap();
    std::os::unix::fs::symlink(&target, dir.path().join("link.md")).unwrap();
    for force in [false, true] {
        let mut args = vec!["--lang", "en", "export", save.as_str(), "-o", "link.md"];
        if force {
            args.push("--force");
        }
        let out = meetcheck(dir.path(), &args);
        assert_eq!(out.status.code(), Some(1));
        assert!(stderr(&out).contains("link.md is a symbolic link"), "{}", stderr(&out));
    }
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep me\n");
    assert!(
        std::fs::symlink_metadata(dir.path().join("link.md")).unwrap().file_type().is_symlink()
    );
}

#[cfg(unix)]
#[test]
fn a_device_is_refused_with_force_too() {
    use std::os::unix::fs::FileTypeExt;
    let null = Path::new("/dev/null");
    if !null.exists() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let save = saved(dir.path());
    let out =
        meetcheck(dir.path(), &["--lang", "en", "export", &save, "-o", "/dev/null", "--force"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("/dev/null is a device"), "{}", stderr(&out));
    assert!(std::fs::metadata(null).unwrap().file_type().is_char_device());
}

#[test]
fn a_directory_of_records_gets_the_next_number_and_the_earlier_record_is_superseded() {
    let dir = tempfile::tempdir().unwrap();
    let save = saved(dir.path());
    let adr = dir.path().join("adr");
    std::fs::create_dir(&adr).unwrap();
    std::fs::write(adr.join("0007-use-markdown.md"), "# Use Markdown\n").unwrap();
    let first = meetcheck(dir.path(), &["--lang", "en", "export", &save, "--adr-dir", "adr"]);
    assert!(first.status.success(), "{}", stderr(&first));
    let first_path = adr.join("0008-video-meetings-for-counselling.md");
    assert!(first_path.is_file(), "{:?}", std::fs::read_dir(&adr).unwrap().collect::<Vec<_>>());
    assert!(stderr(&first).contains("ADR-0008"));
    let second = meetcheck(dir.path(), &["--lang", "en", "export", &save, "--adr-dir", "adr"]);
    assert!(second.status.success());
    let second_path = adr.join("0009-video-meetings-for-counselling.md");
    let new = std::fs::read_to_string(&second_path).unwrap();
    assert!(new.contains("  supersedes: \"ADR-0008\"\n") && new.contains("Supersedes ADR-0008"));
    let old = std::fs::read_to_string(&first_path).unwrap();
    assert!(old.contains("\nstatus: \"superseded by ADR-0009\"\n"), "{old}");
    assert!(old.contains("\n---\n\nSuperseded by ADR-0009 (file 0009-video-meetings-for-counselling.md).\n\n## Context"));
    assert!(super::lint::lint(&old).is_empty(), "{:?}", super::lint::lint(&old));
    assert_eq!(
        std::fs::read_to_string(adr.join("0007-use-markdown.md")).unwrap(),
        "# Use Markdown\n"
    );

    let notice = meetcheck(dir.path(), &["export", &save, "--adr-dir", "adr", "--kind", "notice"]);
    assert_eq!(notice.status.code(), Some(2), "--adr-dir is for the record only");
    let both = meetcheck(dir.path(), &["export", &save, "--adr-dir", "adr", "-o", "x.md"]);
    assert_eq!(both.status.code(), Some(2), "-o and --adr-dir exclude each other");
    let missing = meetcheck(dir.path(), &["--lang", "en", "export", &save, "--adr-dir", "nowhere"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).contains("nowhere"));
}

#[test]
fn a_missing_assessment_or_directory_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = meetcheck(dir.path(), &["--lang", "en", "export", "no-such-name"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no-such-name"));
    let save = saved(dir.path());
    let target = dir.path().join("missing").join("r.md").display().to_string();
    let out = meetcheck(dir.path(), &["--lang", "en", "export", &save, "-o", &target]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains(&target));
    let out = meetcheck(dir.path(), &["export", &save, "--kind", "poster"]);
    assert_eq!(out.status.code(), Some(2), "a bad --kind is a usage error");
}

#[test]
fn the_wizard_writes_numbered_files_and_never_overwrites() {
    let a = decided();
    let catalog = catalog();
    let texts = Texts::embedded(Lang::De);
    let dir = tempfile::tempdir().unwrap();
    let first =
        export::write_default(dir.path(), Kind::Record, &a, &catalog, &texts, TODAY).unwrap();
    let second =
        export::write_default(dir.path(), Kind::Record, &a, &catalog, &texts, TODAY).unwrap();
    assert_eq!(first.file_name().unwrap(), "video-meetings-for-counselling-entscheidung.md");
    assert_eq!(second.file_name().unwrap(), "video-meetings-for-counselling-entscheidung-2.md");
    assert_eq!(
        std::fs::read_to_string(&first).unwrap(),
        export::render(Kind::Record, &a, &catalog, &texts, TODAY)
    );
}

#[test]
fn export_texts_exist_in_both_languages_and_are_used() {
    let de: std::collections::BTreeSet<String> = Texts::embedded(Lang::De)
        .keys()
        .filter(|k| k.starts_with("export."))
        .map(String::from)
        .collect();
    let en: std::collections::BTreeSet<String> = Texts::embedded(Lang::En)
        .keys()
        .filter(|k| k.starts_with("export."))
        .map(String::from)
        .collect();
    assert_eq!(de, en, "the same export keys in German and English");
    let mut code = String::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for dir in ["src/export", "src/commands"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "rs") {
                code.push_str(&std::fs::read_to_string(path).unwrap());
            }
        }
    }
    // Keys built at run time: the groups, their bases and the voice-dependent blocks.
    let built = [
        "export.group.",
        "export.basis.",
        "export.notice.recipients.",
        "export.notice.transfers.",
        "export.ropa.recipients.",
        "export.ropa.transfers.",
        "export.notice.pupils.",
        "export.short.",
    ];
    // Code names a key by its constant (`k::EXPORT_TITLE`), a singular through its plural.
    let named = |key: &str| {
        let constant = format!("k::{}", key.to_uppercase().replace(['.', '-'], "_"));
        code.match_indices(&constant).any(|(i, _)| {
            let next = code[i + constant.len()..].chars().next();
            !next.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
        })
    };
    let unused: Vec<&String> = de
        .iter()
        .filter(|k| {
            let key = k.strip_suffix(".one").unwrap_or(k);
            !code.contains(&format!("\"{key}\""))
                && !named(key)
                && !built.iter().any(|b| k.starts_with(b))
        })
        .collect();
    assert!(unused.is_empty(), "texts no code uses: {unused:?}");
}

#[test]
fn evidence_recorded_with_the_command_reaches_the_notice_after_the_decision() {
    let dir = tempfile::tempdir().unwrap();
    let saves = dir.path().join("saves");
    std::fs::create_dir_all(&saves).unwrap();
    let example = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("saves/beratungsstelle-lindenhof-videoberatung-bst001.ron");
    std::fs::copy(&example, saves.join("lindenhof.ron")).unwrap();
    let notice = |lang: &str| {
        let out =
            meetcheck(dir.path(), &["--lang", lang, "export", "lindenhof", "--kind", "notice"]);
        assert!(out.status.success(), "{}", stderr(&out));
        String::from_utf8(out.stdout).unwrap()
    };
    assert!(notice("de").contains("Name und Sitz des Betreibers"), "not known before");
    let out = meetcheck(
        dir.path(),
        &[
            "evidence",
            "lindenhof",
            "--offering",
            "jitsi-netways",
            "--fact",
            "Operator((name: \"NETWAYS Web Services GmbH\", country: \"DE\"))",
            "--document",
            "AV-Vertrag Nr. 2026-041",
            "--by",
            "Tim Okafor",
            "--date",
            "2026-12-01",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let de = notice("de");
    assert!(de.contains("NETWAYS Web Services GmbH mit Sitz in Deutschland"), "{de}");
    assert!(!de.contains("Name und Sitz des Betreibers"), "{de}");
    let ropa = meetcheck(dir.path(), &["--lang", "en", "export", "lindenhof", "--kind", "ropa"]);
    let ropa = String::from_utf8(ropa.stdout).unwrap();
    assert!(ropa.contains("NETWAYS Web Services GmbH, seated in Germany"), "{ropa}");
}
