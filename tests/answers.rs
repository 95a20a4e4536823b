//! `meetcheck new --answers FILE` and `meetcheck show NAME --json` as a script uses them: the
//! realistic answers files in `tests/fixtures/answers/` go through the binary, and the outcome
//! is checked against what the catalogue's sources say (see each file's comment and the
//! reasoning in `tests/scenarios.rs`).

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn meetcheck(saves: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_meetcheck"))
        .args(["--lang", "en", "--saves-dir"])
        .arg(saves)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/answers").join(name)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// Creates the assessment from `file` and returns its outcome as `show --json` prints it.
fn outcome_of(saves: &Path, file: &Path) -> Value {
    let out = meetcheck(saves, &["new", "--answers", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let name = text(&out.stdout).trim().to_string();
    assert!(!name.is_empty() && !name.contains('\n'), "one NAME: {name:?}");
    let show = meetcheck(saves, &["show", &name, "--json"]);
    assert_eq!(show.status.code(), Some(0), "{}", text(&show.stderr));
    let v: Value = serde_json::from_slice(&show.stdout).expect("one JSON object");
    assert_eq!(v["name"], name);
    v
}

fn ids(list: &Value) -> Vec<&str> {
    list.as_array().unwrap().iter().map(|e| e["id"].as_str().unwrap()).collect()
}

fn find<'a>(list: &'a Value, id: &str) -> Option<&'a Value> {
    list.as_array().unwrap().iter().find(|e| e["id"] == id)
}

/// What every outcome must hold: ranks 1…n, no fit if confirmed above a confirmed fit, the
/// tiers agree with the open requirements, every fit if confirmed is a question for its provider
/// before the decision.
fn invariants(what: &str, v: &Value) {
    let candidates = v["candidates"].as_array().unwrap();
    let mut seen_unconfirmed = false;
    for (i, c) in candidates.iter().enumerate() {
        assert_eq!(c["rank"], i + 1, "{what}: ranks");
        let open = c["unconfirmed"].as_array().unwrap();
        match c["tier"].as_str().unwrap() {
            "confirmed" => {
                assert!(!seen_unconfirmed, "{what}: {} ranks below a fit if confirmed", c["id"]);
                assert!(open.is_empty(), "{what}: {} confirmed with open requirements", c["id"]);
            }
            "unconfirmed" => {
                seen_unconfirmed = true;
                assert!(!open.is_empty(), "{what}: {} has no open requirement", c["id"]);
            }
            other => panic!("{what}: tier {other}"),
        }
    }
    for e in v["excluded"].as_array().unwrap() {
        assert!(!e["reasons"].as_array().unwrap().is_empty(), "{what}: {} without reason", e["id"]);
        assert!(find(&v["candidates"], e["id"].as_str().unwrap()).is_none());
    }
    let unconfirmed: Vec<&str> = candidates
        .iter()
        .filter(|c| c["tier"] == "unconfirmed")
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    if !unconfirmed.is_empty() {
        let ask = find(&v["todos"], "ask_provider").expect("ask the provider");
        assert_eq!(ask["precondition"], true, "{what}: before the decision");
        let asked: Vec<&str> =
            ask["offerings"].as_array().unwrap().iter().map(|o| o.as_str().unwrap()).collect();
        for id in unconfirmed {
            assert!(asked.contains(&id), "{what}: no question for {id}");
        }
    }
    assert!(v["decision"].is_null(), "{what}: no decision yet");
}

struct Expect {
    file: &'static str,
    /// Offerings that must remain (either tier).
    remain: &'static [&'static str],
    /// Offerings that must be excluded, each with one rule among its reasons.
    out: &'static [(&'static str, &'static str)],
    /// To-dos with one cause each must have, and whether the to-do is a precondition.
    todos: &'static [(&'static str, &'static str, bool)],
}

const EXPECT: &[Expect] = &[
    // Counselling (Hesse): E2EE required by the very high need; clients join from any browser.
    // BBB and alfaview have no E2EE; Zoom, Teams and Webex cannot be joined from a browser
    // under E2EE and process in the US; Google Meet free has no DPA and is ad-financed.
    Expect {
        file: "counselling-service.ron",
        remain: &["jitsi-netways", "tixeo-cloud", "red-connect"],
        out: &[
            ("bbb-werk21", "e2ee"),
            ("alfaview", "e2ee"),
            ("zoom", "browser_join"),
            ("teams-m365", "transfer_stance"),
            ("google-meet-free", "no_dpa"),
            ("google-meet-free", "own_purpose"),
            ("signal", "join_without_account"),
            ("jitsi-mailbox-org", "browser_join"),
        ],
        todos: &[
            ("professional_secrecy", "todo.professional_secrecy.stgb_203", true),
            ("social_data_notice", "todo.social_data_notice.social_data", true),
            (
                "special_category_condition",
                "todo.special_category_condition.special_categories",
                true,
            ),
            ("recording", "todo.recording.prohibited", false),
        ],
    },
    // Primary school (BW): no ad-financed service for children; the Berlin and Bavarian
    // school platforms are for their Länder only; the school act is the legal basis.
    Expect {
        file: "primary-school.ron",
        remain: &["cusy-jitsi", "bbbserver"],
        out: &[
            ("google-meet-free", "own_purpose"),
            ("bbb-berlin-sdui", "availability"),
            ("visavid-bayern", "availability"),
            ("schulportal-hessen-bbb", "availability"),
            ("threema-work", "join_without_account"),
            ("zoom", "transfer_stance"),
        ],
        todos: &[
            ("legal_basis", "todo.legal_basis.school_act", false),
            ("legal_basis", "todo.legal_basis.pupils", false),
            ("dpia", "todo.dpia.vulnerable", true),
            ("representation", "todo.representation.staff_council", true),
        ],
    },
    // Company with DPF stance: Zoom and Teams (M365) remain; the consumer services have no DPA;
    // recordings with consent: staff under a works agreement, externals by consent.
    Expect {
        file: "company-microsoft-365.ron",
        remain: &["zoom", "teams-m365", "webex"],
        out: &[("teams-free", "no_dpa"), ("google-meet-free", "no_dpa"), ("signal", "size")],
        todos: &[
            ("recording", "todo.recording.employees", false),
            ("recording", "todo.recording.external", false),
            ("dpia", "todo.dpia.monitoring", true),
            ("representation", "todo.representation.works_council", true),
            ("transfer_basis", "todo.transfer_basis.stance", true),
        ],
    },
    // Law firm: § 203 StGB and § 43e BRAO; very high need → E2EE; Swiss Wire is adequate.
    Expect {
        file: "law-firm.ron",
        remain: &["wire"],
        out: &[
            ("alfaview", "e2ee"),
            ("bbb-werk21", "e2ee"),
            ("zoom", "transfer_stance"),
            ("teams-free", "no_dpa"),
        ],
        todos: &[
            ("professional_secrecy", "todo.professional_secrecy.brao_43e", true),
            ("professional_secrecy", "todo.professional_secrecy.stgb_203", true),
        ],
    },
    // Public webinar: 153 people; free tiers are too small; the recording is published.
    Expect {
        file: "public-webinar.ron",
        remain: &["bbbserver"],
        out: &[
            ("zoom-basic", "size"),
            ("teams-free", "size"),
            ("wire", "size"),
            ("signal", "size"),
            ("signal", "join_without_account"),
        ],
        todos: &[("recording", "todo.recording.publication", false)],
    },
    // Association of volunteers: members join without an account; nothing self-hosted.
    Expect {
        file: "association.ron",
        remain: &["cusy-jitsi"],
        out: &[
            ("jitsi-self-hosted", "self_hosting"),
            ("signal", "join_without_account"),
            ("threema-work", "join_without_account"),
            ("teams-free", "no_dpa"),
        ],
        todos: &[("dpa", "todo.dpa.processor", true)],
    },
    // GP practice, statutory-insurance video consultations: only certified providers on the KBV
    // list; the general platforms are out.
    Expect {
        file: "medical-practice.ron",
        remain: &["red-connect", "meetone", "patientus"],
        out: &[
            ("zoom", "statutory_insurance"),
            ("teams-m365", "statutory_insurance"),
            ("jitsi-netways", "statutory_insurance"),
            ("webex-telekom", "statutory_insurance"),
        ],
        todos: &[
            ("statutory_insurance", "todo.statutory_insurance.kbv_list", true),
            ("statutory_insurance", "todo.statutory_insurance.consent_and_kv", true),
        ],
    },
    // Job interviews: applicants' own basis, settings for interviews, no recording.
    Expect {
        file: "job-interviews.ron",
        remain: &["cusy-jitsi"],
        out: &[("zoom", "transfer_stance"), ("signal", "join_without_account")],
        todos: &[
            ("legal_basis", "todo.legal_basis.applicants", false),
            ("settings", "todo.settings.job_interviews", true),
            ("recording", "todo.recording.job_interviews", false),
            ("participant_information", "todo.participant_information.applicants", true),
        ],
    },
    // Youth welfare office: SGB VIII and §§ 67 ff. SGB X; social data stay in adequate
    // countries; ad-financed services are out with children involved.
    Expect {
        file: "youth-welfare-office.ron",
        remain: &["cusy-jitsi"],
        out: &[
            ("google-meet-workspace", "social_data_transfers"),
            ("google-meet-free", "own_purpose"),
            ("zoom", "transfer_stance"),
        ],
        todos: &[
            ("legal_basis", "todo.legal_basis.youth_welfare", false),
            ("social_data_notice", "todo.social_data_notice.social_data", true),
        ],
    },
    // Catholic counselling under the KDG: church norms for staff, secrecy, E2EE.
    Expect {
        file: "church-counselling.ron",
        remain: &["red-connect"],
        out: &[("alfaview", "e2ee"), ("bbb-werk21", "e2ee"), ("zoom", "transfer_stance")],
        todos: &[
            ("legal_basis", "todo.legal_basis.employees_church", false),
            ("representation", "todo.representation.church_council", true),
            ("professional_secrecy", "todo.professional_secrecy.stgb_203", true),
        ],
    },
    // No provider under US control: US operators and US parents are out whatever their data
    // centres; the Swiss Wire is out for "EU only" data, not for control.
    Expect {
        file: "no-us-control.ron",
        remain: &["cusy-jitsi", "webex-telekom"],
        out: &[
            ("zoom", "us_control"),
            ("teams-m365", "us_control"),
            ("webex", "us_control"),
            ("jaas-8x8", "us_control"),
            ("google-meet-workspace", "us_control"),
            ("wire", "transfer_stance"),
        ],
        todos: &[],
    },
];

#[test]
fn realistic_answers_files_give_the_advice_the_sources_support() {
    let saves = tempfile::tempdir().unwrap();
    let mut errors = Vec::new();
    for e in EXPECT {
        let v = outcome_of(saves.path(), &fixture(e.file));
        invariants(e.file, &v);
        for id in e.remain {
            if find(&v["candidates"], id).is_none() {
                let why = find(&v["excluded"], id).map(|x| x["reasons"].to_string());
                errors.push(format!("{}: {id} should remain, excluded by {why:?}", e.file));
            }
        }
        for (id, rule) in e.out {
            match find(&v["excluded"], id) {
                Some(x) if x["reasons"].as_array().unwrap().iter().any(|r| r == rule) => {}
                Some(x) => {
                    errors.push(format!("{}: {id} out by {rule}, has {}", e.file, x["reasons"]))
                }
                None => errors.push(format!("{}: {id} should be out by {rule}", e.file)),
            }
        }
        for (id, cause, precondition) in e.todos {
            match find(&v["todos"], id) {
                Some(t) => {
                    if !t["causes"].as_array().unwrap().iter().any(|c| c == cause) {
                        errors.push(format!("{}: {id} lacks {cause}: {}", e.file, t["causes"]));
                    }
                    if t["precondition"] != *precondition {
                        errors.push(format!("{}: {id} precondition", e.file));
                    }
                }
                None => errors.push(format!("{}: to-do {id} missing", e.file)),
            }
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn every_answers_file_in_the_fixtures_is_checked() {
    let mut files: Vec<String> = std::fs::read_dir(fixture(""))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|f| f.ends_with(".ron"))
        .collect();
    files.sort();
    let mut checked: Vec<String> = EXPECT.iter().map(|e| e.file.to_string()).collect();
    checked.sort();
    assert_eq!(files, checked);
}

#[test]
fn new_with_answers_prints_the_name_and_takes_the_title() {
    let saves = tempfile::tempdir().unwrap();
    let file = fixture("law-firm.ron");
    let out = meetcheck(
        saves.path(),
        &[
            "new",
            "--answers",
            file.to_str().unwrap(),
            "--title",
            "Kanzlei Berger – Mandantengespräche",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let name = text(&out.stdout).trim().to_string();
    assert!(name.starts_with("kanzlei-berger"), "{name}");
    let v: Value =
        serde_json::from_slice(&meetcheck(saves.path(), &["show", &name, "--json"]).stdout)
            .unwrap();
    assert_eq!(v["title"], "Kanzlei Berger – Mandantengespräche");
    // The file path works as well as the name.
    let path = saves.path().join(format!("{name}.ron"));
    let by_path = meetcheck(saves.path(), &["show", path.to_str().unwrap(), "--json"]);
    assert_eq!(by_path.status.code(), Some(0));
    // The text summary names the tiers.
    let summary = text(&meetcheck(saves.path(), &["show", &name]).stdout);
    assert!(summary.contains("fit"), "{summary}");
}

#[test]
fn missing_answers_take_their_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("minimal.ron");
    std::fs::write(&file, "(org_type: Company)\n").unwrap();
    let v = outcome_of(&dir.path().join("saves"), &file);
    invariants("minimal", &v);
    assert!(!ids(&v["candidates"]).is_empty());
    // An empty file is the default scenario.
    std::fs::write(&file, "()").unwrap();
    let v = outcome_of(&dir.path().join("saves"), &file);
    invariants("empty", &v);
}

#[test]
fn a_misspelt_field_or_value_is_refused_with_line_and_column_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let saves = dir.path().join("saves");
    for (content, line, col, word) in [
        ("(\n    org_type: Company,\n    largest_meting: 20,\n)\n", 3, 5, "largest_meting"),
        ("(\n    org_type: Compny,\n)\n", 2, 15, "Compny"),
        ("(\n    transfer_stance: EuOnly,\n    recording: Sometimes,\n)\n", 3, 16, "Sometimes"),
    ] {
        let file = dir.path().join("answers.ron");
        std::fs::write(&file, content).unwrap();
        let out = meetcheck(&saves, &["new", "--answers", file.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1), "{content}");
        assert!(out.stdout.is_empty(), "no NAME printed");
        let err = text(&out.stderr);
        assert!(err.contains(&format!("answers.ron:{line}:{col}:")), "{err}");
        assert!(err.contains(word), "{err}");
        let written = std::fs::read_dir(&saves).map(|d| d.count()).unwrap_or(0);
        assert_eq!(written, 0, "nothing written for {content}");
    }
    // A file that is not there.
    let out = meetcheck(&saves, &["new", "--answers", "/nonexistent/answers.ron"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn show_json_names_the_decision_once_taken() {
    // The example saves carry decisions: chosen, status and whether it is ready for use.
    let saves = Path::new(env!("CARGO_MANIFEST_DIR")).join("saves");
    let mut n = 0;
    for entry in std::fs::read_dir(&saves).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "ron") {
            continue;
        }
        let home = tempfile::tempdir().unwrap();
        let out = meetcheck(home.path(), &["show", path.to_str().unwrap(), "--json"]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        let d = &v["decision"];
        assert!(d["chosen"].is_string(), "{}", path.display());
        assert!(d["status"].is_string());
        assert!(d["ready_for_use"].is_boolean());
        assert!(d["open_confirmations"].is_array() && d["open_preconditions"].is_array());
        for t in v["todos"].as_array().unwrap() {
            assert!(t["id"].is_string() && t["precondition"].is_boolean());
        }
        n += 1;
    }
    assert!(n >= 3);
}

#[test]
fn evidence_fills_what_the_catalogue_does_not_know_and_shows_conflicts() {
    let saves = tempfile::tempdir().unwrap();
    let v = outcome_of(saves.path(), &fixture("job-interviews.ron"));
    let name = v["name"].as_str().unwrap().to_string();
    let alfaview = find(&v["candidates"], "alfaview").expect("a candidate");
    assert_eq!(alfaview["tier"], "unconfirmed");
    let record = |fact: &str, document: &str| {
        meetcheck(
            saves.path(),
            &[
                "evidence",
                &name,
                "--offering",
                "alfaview",
                "--fact",
                fact,
                "--document",
                document,
                "--by",
                "A. Weber",
                "--date",
                "2026-11-25",
            ],
        )
    };
    for (fact, document) in [
        ("SubprocessorLocations([\"DE\"])", "Sub-processor list of alfaview GmbH, 2026-11"),
        ("BrowserJoin([Chromium, Firefox, Safari, Mobile])", "Written answer of alfaview GmbH"),
    ] {
        let out = record(fact, document);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        assert!(text(&out.stdout).contains(document));
    }
    let v: Value =
        serde_json::from_slice(&meetcheck(saves.path(), &["show", &name, "--json"]).stdout)
            .unwrap();
    invariants("with evidence", &v);
    let alfaview = find(&v["candidates"], "alfaview").unwrap();
    assert_eq!(alfaview["tier"], "confirmed", "{alfaview}");
    assert!(v["conflicts"].as_array().unwrap().is_empty());
    // Evidence against a known fact: it counts, and the conflict is shown.
    let out = record("Dpa(NotOffered)", "Letter of alfaview GmbH");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Conflict"), "{}", text(&out.stdout));
    let v: Value =
        serde_json::from_slice(&meetcheck(saves.path(), &["show", &name, "--json"]).stdout)
            .unwrap();
    assert_eq!(v["conflicts"].as_array().unwrap().len(), 1);
    let out_by = find(&v["excluded"], "alfaview").expect("now excluded");
    assert!(out_by["reasons"].as_array().unwrap().iter().any(|r| r == "no_dpa"));
    // A fact that cannot be read, an unknown offering: refused, nothing changed.
    assert_eq!(record("Dpa(Maybe)", "x").status.code(), Some(1));
    let out = meetcheck(
        saves.path(),
        &[
            "evidence",
            &name,
            "--offering",
            "nope",
            "--fact",
            "Dpa(Standard)",
            "--document",
            "x",
            "--by",
            "y",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
}
