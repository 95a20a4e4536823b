//! The command line as scripts see it: help lists every command and option, usage errors exit 2,
//! and the wizard refuses plainly when there is no terminal.

use std::process::{Command, Stdio};

fn meetcheck(args: &[&str]) -> std::process::Output {
    let saves = tempfile::tempdir().unwrap();
    Command::new(env!("CARGO_BIN_EXE_meetcheck"))
        .args(args)
        .arg("--saves-dir")
        .arg(saves.path())
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

#[test]
fn help_lists_every_command_and_global_option() {
    let out = meetcheck(&["--help"]);
    assert!(out.status.success());
    let help = String::from_utf8(out.stdout).unwrap();
    for command in ["new", "resume", "list", "show", "delete", "export", "catalog"] {
        assert!(
            help.lines().any(|l| l.trim_start().starts_with(&format!("{command} "))),
            "{command} missing from:\n{help}"
        );
    }
    for option in ["--lang", "--saves-dir", "--catalog"] {
        assert!(help.contains(option), "{option} missing");
    }
}

#[test]
fn a_usage_error_exits_2() {
    assert_eq!(meetcheck(&["--lang", "fr", "list"]).status.code(), Some(2));
    assert_eq!(meetcheck(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn the_wizard_without_a_terminal_says_what_to_use_instead() {
    for lang in ["de", "en"] {
        let out = meetcheck(&["--lang", lang, "new"]);
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains("meetcheck list"), "{err}");
        assert!(err.contains(if lang == "de" { "Terminal" } else { "terminal" }), "{err}");
    }
}

#[test]
fn help_speaks_the_chosen_language() {
    for (lang, words, not) in [
        ("de", ["Aufruf: meetcheck [OPTIONEN] [BEFEHL]", "Befehle:", "Optionen:"], "Usage:"),
        ("en", ["Usage: meetcheck [OPTIONS] [COMMAND]", "Commands:", "Options:"], "Aufruf:"),
    ] {
        let out = meetcheck(&["--lang", lang, "--help"]);
        assert_eq!(out.status.code(), Some(0));
        let help = String::from_utf8(out.stdout).unwrap();
        for word in words {
            assert!(help.contains(word), "{word}: {help}");
        }
        assert!(!help.contains(not), "{help}");
        let out = meetcheck(&["--lang", lang, "list", "--help"]);
        let help = String::from_utf8(out.stdout).unwrap();
        let json = if lang == "de" {
            "Stattdessen ein Array von JSON-Objekten"
        } else {
            "An array of JSON objects instead"
        };
        assert!(help.contains(json), "{help}");
    }
}
