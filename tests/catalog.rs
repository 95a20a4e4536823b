//! The embedded catalogue (content checked against the facts files), the fixture catalogue, and
//! the `catalog` command on good and broken files.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Output};

use jiff::civil::Date;
use meetcheck::commands::EMBEDDED_CATALOG;
use meetcheck::domain::catalog::{
    self, Authority, Browser, Catalog, DpaTerms, E2eeMode, Feature, OperatingModel, OwnPurpose,
    Platform, ProblemKind, TransferMechanism, Verdict,
};
use meetcheck::domain::facts::{Certainty, Fact};
use meetcheck::i18n::{Lang, Texts};

const TODAY: Date = Date::constant(2026, 12, 2);
const FIXTURE: &str = include_str!("fixtures/catalog.ron");

/// Every offering the catalogue must contain (issue 2, item 3).
const REQUIRED_IDS: [&str; 29] = [
    "zoom",
    "zoom-basic",
    "teams-m365",
    "teams-free",
    "webex",
    "webex-telekom",
    "google-meet-workspace",
    "google-meet-free",
    "goto-meeting",
    "jitsi-self-hosted",
    "jitsi-netways",
    "jitsi-mailbox-org",
    "meet-jit-si",
    "bbb-self-hosted",
    "bbb-werk21",
    "bbb-berlin-sdui",
    "nextcloud-talk",
    "nextcloud-talk-hpb",
    "opentalk-self-hosted",
    "alfaview",
    "wire",
    "element-call-self-hosted",
    "whereby",
    "teamviewer-meeting",
    "eyeson",
    "tixeo-cloud",
    "galene",
    "signal",
    "threema-work",
];

fn embedded() -> Catalog {
    catalog::parse(EMBEDDED_CATALOG).expect("embedded catalogue parses")
}

fn offering<'a>(c: &'a Catalog, id: &str) -> &'a catalog::Offering {
    c.offering(id).unwrap_or_else(|| panic!("offering {id} missing"))
}

#[test]
fn embedded_catalogue_validates_without_problems() {
    let c = embedded();
    let problems = catalog::validate(&c, TODAY);
    assert!(problems.is_empty(), "{problems:#?}");
    assert_eq!(c.schema, catalog::SCHEMA_VERSION);
    assert_eq!(c.edition, "2026-12");
}

#[test]
fn embedded_catalogue_contains_every_required_offering() {
    let c = embedded();
    let ids: BTreeSet<&str> = c.offerings.iter().map(|o| o.id.as_str()).collect();
    for id in REQUIRED_IDS {
        assert!(ids.contains(id), "{id} missing");
    }
    assert_eq!(ids.len(), c.offerings.len(), "ids are unique");
}

#[test]
fn every_offering_speaks_both_languages_and_records_all_features() {
    for o in embedded().offerings {
        for text in std::iter::once(&o.name).chain(&o.settings).chain(&o.notes) {
            assert!(!text.de.trim().is_empty() && !text.en.trim().is_empty(), "{}", o.id);
        }
        assert!(!o.settings.is_empty(), "{} has no privacy-friendly settings", o.id);
        for feature in Feature::ALL {
            assert!(o.features.contains_key(&feature), "{} lacks {feature:?}", o.id);
        }
        for p in &o.authority_positions {
            assert!(!p.scope.en.is_empty() && !p.summary.de.is_empty(), "{}", o.id);
        }
    }
}

#[test]
fn every_enum_text_exists_in_both_languages() {
    let mut keys: Vec<&str> = Vec::new();
    keys.extend(OperatingModel::ALL.map(|m| m.key()));
    keys.extend(Browser::ALL.map(|b| b.key()));
    keys.extend(Platform::ALL.map(|p| p.key()));
    keys.extend(Feature::ALL.map(|f| f.key()));
    keys.extend(Authority::ALL.map(|a| a.key()));
    keys.extend(Certainty::ALL.map(|c| c.key()));
    keys.extend(
        [TransferMechanism::Adequacy, TransferMechanism::Dpf, TransferMechanism::Scc]
            .map(|m| m.key()),
    );
    keys.extend(
        [E2eeMode::None, E2eeMode::OptionalOff, E2eeMode::OnByDefault, E2eeMode::Always]
            .map(|m| m.key()),
    );
    keys.extend(
        [
            Verdict::Green,
            Verdict::Yellow,
            Verdict::Red,
            Verdict::Conditional,
            Verdict::Negative,
            Verdict::Warning,
            Verdict::WarningWithdrawn,
            Verdict::Recommended,
        ]
        .map(|v| v.key()),
    );
    let problems = [
        ProblemKind::SchemaMismatch { found: 0, expected: 1 },
        ProblemKind::UnknownSource { source: String::new() },
        ProblemKind::FutureDate { as_of: String::new() },
        ProblemKind::DuplicateId,
        ProblemKind::BadId,
        ProblemKind::MissingText,
        ProblemKind::BadCountryCode { code: String::new() },
        ProblemKind::MissingFeature,
    ];
    keys.extend(problems.iter().map(|p| p.key()));
    for lang in [Lang::De, Lang::En] {
        let texts = Texts::embedded(lang);
        for key in &keys {
            assert!(texts.has(key), "{key} missing in {lang:?}");
        }
    }
}

// --- consequences of the current sources -------------------------------------------------------

#[test]
fn zoom_e2ee_meetings_are_app_only_and_capped_at_200() {
    let c = embedded();
    for id in ["zoom", "zoom-basic"] {
        let e2ee = offering(&c, id).e2ee.value().expect("known");
        assert_eq!(e2ee.mode, E2eeMode::OptionalOff);
        assert_eq!(e2ee.browser_join.value(), Some(&vec![]), "{id}: no browser under E2EE");
        assert_eq!(e2ee.max_participants.value(), Some(&200));
        assert!(e2ee.features_lost.contains(&Feature::DialIn));
        assert!(e2ee.features_lost.contains(&Feature::Recording));
    }
    let basic = offering(&c, "zoom-basic");
    assert!(basic.processing_locations.is_unknown(), "no region control in the free plan");
    assert!(basic.notes.iter().any(|n| n.en.contains("40 minutes")));
}

#[test]
fn teams_e2ee_needs_premium_and_blocks_browsers() {
    let c = embedded();
    let teams = offering(&c, "teams-m365");
    let e2ee = teams.e2ee.value().expect("known");
    assert!(e2ee.requires.as_ref().is_some_and(|t| t.en.contains("Teams Premium")));
    assert_eq!(e2ee.browser_join.value(), Some(&vec![]));
    assert_eq!(e2ee.max_participants.value(), Some(&200));
    assert!(e2ee.features_lost.contains(&Feature::BreakoutRooms));
    assert_eq!(offering(&c, "teams-free").dpa.value(), Some(&DpaTerms::NotOffered));
}

#[test]
fn end_to_end_encryption_matches_the_sources() {
    let c = embedded();
    let mode = |id| offering(&c, id).e2ee.value().map(|e| e.mode);
    assert_eq!(mode("wire"), Some(E2eeMode::Always));
    assert_eq!(mode("signal"), Some(E2eeMode::Always));
    assert_eq!(mode("threema-work"), Some(E2eeMode::Always));
    assert_eq!(mode("element-call-self-hosted"), Some(E2eeMode::Always));
    assert_eq!(mode("alfaview"), Some(E2eeMode::None), "no E2EE claimed");
    assert_eq!(mode("nextcloud-talk-hpb"), Some(E2eeMode::OptionalOff), "off by default");
    for id in ["jitsi-self-hosted", "meet-jit-si"] {
        let e2ee = offering(&c, id).e2ee.value().unwrap();
        assert!(e2ee.experimental, "{id}");
        assert_eq!(e2ee.browser_join.value(), Some(&vec![Browser::Chromium]), "{id}");
    }
    let wire = offering(&c, "wire").e2ee.value().unwrap();
    assert_eq!(wire.max_participants.value(), Some(&100));
    assert!(!wire.browser_join.value().unwrap().contains(&Browser::Mobile));
    let whereby = offering(&c, "whereby").e2ee.value().unwrap();
    assert_eq!(whereby.max_participants.value(), Some(&4), "P2P small rooms only");
    let signal = offering(&c, "signal");
    assert_eq!(signal.browser_join.value(), Some(&vec![]));
    assert_eq!(signal.max_participants.value(), Some(&40));
}

#[test]
fn free_google_meet_is_an_ad_financed_consumer_service() {
    let c = embedded();
    let free = offering(&c, "google-meet-free");
    assert_eq!(free.dpa.value(), Some(&DpaTerms::NotOffered));
    assert_eq!(free.own_purpose.value(), Some(&OwnPurpose::AdFinanced));
    let workspace = offering(&c, "google-meet-workspace");
    assert_ne!(workspace.own_purpose.value(), Some(&OwnPurpose::AdFinanced));
    assert!(workspace.e2ee.value().unwrap().requires.is_some(), "CSE needs certain editions");
}

#[test]
fn dpf_participation_is_recorded_with_its_certainty() {
    let c = embedded();
    for id in ["zoom", "teams-m365", "webex"] {
        let p = offering(&c, id).dpf_certified.provenance().expect(id);
        assert_eq!(offering(&c, id).dpf_certified.value(), Some(&true));
        assert_eq!(p.certainty, Certainty::Vendor, "{id}");
    }
    let google = offering(&c, "google-meet-workspace");
    assert_eq!(google.dpf_certified.value(), Some(&true));
    assert_eq!(google.dpf_certified.provenance().unwrap().certainty, Certainty::Secondary);
    for id in ["goto-meeting", "meet-jit-si", "signal"] {
        assert!(offering(&c, id).dpf_certified.is_unknown(), "{id}");
    }
    assert_eq!(
        offering(&c, "goto-meeting").transfer_basis.value(),
        Some(&vec![TransferMechanism::Scc])
    );
}

#[test]
fn adequacy_covers_switzerland_and_the_renewed_uk_decision() {
    let c = embedded();
    let gb = c.adequacy.get("GB").and_then(Fact::value).expect("GB adequacy");
    assert!(gb.en.contains("27 Dec 2031"));
    assert!(c.adequacy.get("CH").is_some_and(Fact::is_known));
    assert!(!c.adequacy.contains_key("US"), "the US is adequate only per DPF recipient");
    for code in c.adequacy.keys() {
        assert!(!catalog::is_eu_eea(code), "{code} needs no adequacy decision");
    }
}

#[test]
fn no_general_platform_claims_kbv_certification() {
    let general =
        ["zoom", "teams-m365", "webex", "google-meet-workspace", "goto-meeting", "alfaview"];
    let c = embedded();
    for id in general {
        assert!(offering(&c, id).kbv_listed.value() != Some(&true), "{id}");
    }
    for o in &c.offerings {
        match &o.kbv_listed {
            // A certified provider says so with its certification and points to the KBV list.
            Fact::Known { value: true, note, .. } => {
                assert_eq!(o.operating_model, OperatingModel::OnlineService, "{}", o.id);
                let note = note.as_ref().map(|n| n.en.clone()).unwrap_or_default();
                assert!(note.contains("KBV"), "{}: {note}", o.id);
            }
            Fact::Unknown { note } => assert!(note.en.contains("KBV"), "{}: {}", o.id, note.en),
            _ => {}
        }
    }
}

/// Offering ids carrying a Berlin rating of `date` with `verdict`.
fn berlin(c: &Catalog, date: &str, verdict: Verdict) -> BTreeSet<String> {
    c.offerings
        .iter()
        .filter(|o| {
            o.authority_positions.iter().any(|p| {
                p.authority == Authority::BlnBdi
                    && p.date.to_string() == date
                    && p.verdict == verdict
            })
        })
        .map(|o| o.id.clone())
        .collect()
}

fn set(ids: &[&str]) -> BTreeSet<String> {
    ids.iter().map(|s| s.to_string()).collect()
}

#[test]
fn berlin_2020_ratings_match_the_published_table() {
    let c = embedded();
    // Red: Zoom, Teams (free and M365), Google Meet (free and G Suite), GoToMeeting, Blizz, Webex,
    // Skype (retired since May 2025, kept so that the table is complete).
    let red = [
        "skype",
        "zoom",
        "zoom-basic",
        "teams-m365",
        "teams-free",
        "google-meet-workspace",
        "google-meet-free",
        "goto-meeting",
        "teamviewer-meeting",
        "webex",
    ];
    assert_eq!(berlin(&c, "2020-07-03", Verdict::Red), set(&red));
    assert_eq!(berlin(&c, "2020-07-03", Verdict::Yellow), set(&["webex-telekom", "meet-jit-si"]));
    // Green: Netways, TixeoCloud, Werk21, Wire, sichere-videokonferenz.de.
    let green = ["jitsi-netways", "tixeo-cloud", "bbb-werk21", "wire", "sichere-videokonferenz"];
    assert_eq!(berlin(&c, "2020-07-03", Verdict::Green), set(&green));
}

#[test]
fn berlin_2021_ratings_match_the_published_table() {
    let c = embedded();
    let red = [
        "skype",
        "zoom",
        "zoom-basic",
        "teams-m365",
        "teams-free",
        "google-meet-workspace",
        "google-meet-free",
        "goto-meeting",
        "teamviewer-meeting",
        "webex",
        "webex-telekom",
        "meet-jit-si",
    ];
    assert_eq!(berlin(&c, "2021-02-18", Verdict::Red), set(&red));
    assert_eq!(berlin(&c, "2021-02-18", Verdict::Yellow), set(&[]));
    let green = ["alfaview", "jitsi-mailbox-org", "wire"];
    assert_eq!(berlin(&c, "2021-02-18", Verdict::Green), set(&green));
}

#[test]
fn berlin_rated_only_online_services_and_its_ratings_are_historical() {
    let traffic_light = |v: Verdict| matches!(v, Verdict::Red | Verdict::Yellow | Verdict::Green);
    for o in embedded().offerings {
        for p in o.authority_positions.iter().filter(|p| p.authority == Authority::BlnBdi) {
            assert!(p.historical, "{}", o.id);
            if traffic_light(p.verdict) {
                assert_ne!(o.operating_model, OperatingModel::SelfOperated, "{}", o.id);
            }
        }
    }
}

#[test]
fn microsoft_365_and_zoom_positions_are_recorded_as_published() {
    let c = embedded();
    let teams = offering(&c, "teams-m365");
    let find = |a: Authority| teams.authority_positions.iter().filter(move |p| p.authority == a);
    let dsk: Vec<_> = find(Authority::Dsk).collect();
    assert_eq!(dsk.len(), 1);
    assert_eq!((dsk[0].verdict, dsk[0].historical), (Verdict::Negative, false), "not withdrawn");
    let hbdi: Vec<_> = find(Authority::Hbdi).collect();
    assert_eq!(hbdi[0].verdict, Verdict::Conditional);
    assert!(hbdi[0].scope.en.contains("Hesse"));
    let edps: Vec<_> = find(Authority::Edps).map(|p| p.date.to_string()).collect();
    assert_eq!(edps, ["2024-03-08", "2025-07-11"]);
    assert_eq!(teams.latest_position().unwrap().authority, Authority::Hbdi);

    let zoom = offering(&c, "zoom");
    let bw: Vec<Verdict> = zoom
        .authority_positions
        .iter()
        .filter(|p| p.authority == Authority::LfdiBw)
        .map(|p| p.verdict)
        .collect();
    assert_eq!(
        bw,
        [Verdict::Warning, Verdict::WarningWithdrawn],
        "a withdrawal, never an approval"
    );
}

#[test]
fn self_operated_offerings_have_no_operator_facts() {
    for o in
        embedded().offerings.iter().filter(|o| o.operating_model == OperatingModel::SelfOperated)
    {
        assert_eq!(o.dpa, Fact::NotApplicable, "{}", o.id);
        assert_eq!(o.operator, Fact::NotApplicable, "{}", o.id);
    }
}

// --- the fixture ---------------------------------------------------------------------------

#[test]
fn fixture_is_valid_and_covers_the_needed_kinds_of_offering() {
    let c = catalog::parse(FIXTURE).expect("fixture parses");
    assert!(catalog::validate(&c, TODAY).is_empty());
    assert_eq!(c.edition, "fixture-2026-12");
    assert!((6..=8).contains(&c.offerings.len()));
    let has = |pred: &dyn Fn(&catalog::Offering) -> bool| c.offerings.iter().any(pred);
    let seat = |o: &catalog::Offering| o.operator.value().map(|e| e.country.clone());
    assert!(has(&|o| seat(o).as_deref() == Some("US") && o.dpf_certified.value() == Some(&true)));
    assert!(has(&|o| o.operating_model == OperatingModel::OnlineService
        && seat(o).is_some_and(|s| catalog::is_eu_eea(&s))));
    assert!(has(&|o| o.operating_model == OperatingModel::SelfOperated
        && o.open_source.value() == Some(&true)));
    assert!(has(&|o| o.operating_model == OperatingModel::ItProvider));
    assert!(has(&|o| o.dpa.value() == Some(&DpaTerms::NotOffered)
        && o.own_purpose.value() == Some(&OwnPurpose::AdFinanced)));
    assert!(has(&|o| seat(o).as_deref() == Some("CH")
        && o.browser_join.value() == Some(&vec![])
        && o.e2ee.value().is_some_and(|e| e.mode == E2eeMode::Always)));
    let embedded = embedded();
    for o in &c.offerings {
        assert!(embedded.offering(&o.id).is_some(), "{} is a copy from the real catalogue", o.id);
    }
}

// --- the command ---------------------------------------------------------------------------

fn meetcheck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_meetcheck"))
        .args(args)
        .env_remove("MEETCHECK_CATALOG")
        .output()
        .expect("binary runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The fixture with one text replaced, written to a temporary file.
fn broken(from: &str, to: &str) -> tempfile::NamedTempFile {
    assert!(FIXTURE.contains(from), "fixture lacks {from}");
    let file = tempfile::Builder::new().suffix(".ron").tempfile().unwrap();
    std::fs::write(file.path(), FIXTURE.replacen(from, to, 1)).unwrap();
    file
}

fn check(file: &Path) -> Output {
    meetcheck(&["--lang", "en", "catalog", "--check", file.to_str().unwrap()])
}

#[test]
fn check_accepts_the_fixture_and_the_embedded_catalogue() {
    let out = check(Path::new("tests/fixtures/catalog.ron"));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("ok, 8 offerings"), "{}", stdout(&out));
    let out = check(Path::new("assets/catalog.ron"));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("ok, 49 offerings"));
}

#[test]
fn check_names_file_line_and_column_of_a_syntax_error() {
    let file = broken("operating_model: OnlineService,", "operating_model: Cloud,");
    let out = check(file.path());
    assert_eq!(out.status.code(), Some(1));
    let line = FIXTURE.lines().position(|l| l.contains("operating_model: OnlineService")).unwrap();
    let column = "            operating_model: ".len() + 1;
    let expected = format!("meetcheck: {}:{}:{}:", file.path().display(), line + 1, column);
    assert!(stderr(&out).starts_with(&expected), "{expected} in {}", stderr(&out));
    assert!(stderr(&out).contains("check it again"), "says what to do");
}

#[test]
fn check_reports_each_problem_by_offering_and_path() {
    let cases = [
        (r#""zoom-gdpr-2024", as_of"#, r#""nowhere", as_of"#, "zoom.dpa.source", "nowhere"),
        (r#"as_of: "2024-08-08""#, r#"as_of: "2099-08-08""#, "zoom.dpa.as_of", "future"),
        (r#"id: "alfaview""#, r#"id: "zoom""#, "zoom.id", "already used"),
        (r#"name: (de: "Wire", en: "Wire")"#, r#"name: (de: "Wire")"#, "wire.name.en", "missing"),
    ];
    for (from, to, path, words) in cases {
        let file = broken(from, to);
        let out = check(file.path());
        assert_eq!(out.status.code(), Some(1), "{path}");
        let err = stderr(&out);
        let line = err.lines().find(|l| l.contains(&format!(": {path}: "))).unwrap_or_else(|| {
            panic!("{path} not reported in {err}");
        });
        assert!(line.starts_with(&format!("meetcheck: {}", file.path().display())), "{line}");
        assert!(line.contains(words), "{line}");
        assert!(err.contains("Problems: 1 in"), "{err}");
    }
}

#[test]
fn a_broken_catalog_option_names_file_line_and_column() {
    let file = broken("schema: 1,", "schema: one,");
    let out = meetcheck(&["--catalog", file.path().to_str().unwrap(), "catalog"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains(&format!("{}:", file.path().display())), "{}", stderr(&out));
    let line = FIXTURE.lines().position(|l| l.contains("schema: 1,")).unwrap() + 1;
    assert!(stderr(&out).contains(&format!(":{line}:13:")), "{}", stderr(&out));
}

#[test]
fn piped_output_has_one_untruncated_line_per_offering() {
    let out = meetcheck(&["--lang", "en", "catalog"]);
    assert!(out.status.success());
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().skip(1).collect();
    assert_eq!(lines.len(), embedded().offerings.len());
    for (line, o) in lines.iter().zip(embedded().offerings) {
        let cells: Vec<&str> = line.split('\t').collect();
        assert_eq!(cells.len(), 9, "{line}");
        assert_eq!(cells[0], o.id);
        assert!(!line.contains('…'), "nothing is cut: {line}");
    }
    let zoom = lines[0];
    assert!(zoom.contains("Zoom (paid accounts)\tZoom Video Communications, Inc.\tUS"), "{zoom}");
    assert!(zoom.contains("BlnBDI red (2021-02-18)"), "{zoom}");
    assert!(stderr(&out).contains("Catalogue edition 2026-12, 49 offerings"));
}

#[test]
fn a_catalog_file_overrides_by_id_and_both_editions_are_shown() {
    let file = broken(
        r#"name: (de: "Wire", en: "Wire")"#,
        r#"name: (de: "Wire (Test)", en: "Wire (test)")"#,
    );
    let out = meetcheck(&["--lang", "de", "--catalog", file.path().to_str().unwrap(), "catalog"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert_eq!(text.lines().count(), embedded().offerings.len() + 1, "overrides, adds nothing");
    assert!(text.lines().any(|l| l.starts_with("wire\tWire (Test)\t")));
    assert!(stderr(&out).contains("2026-12 + fixture-2026-12"), "{}", stderr(&out));
}

/// `--catalog FILE` runs the same checks as `catalog --check FILE` and refuses with the same
/// messages: a file the check rejects is never used, not even silently for one command.
#[test]
fn the_catalog_option_refuses_what_the_check_rejects() {
    let cases = [
        (r#""zoom-gdpr-2024", as_of"#, r#""nowhere", as_of"#),
        (r#"edition: "fixture-2026-12""#, r#"edition: """#),
    ];
    for (from, to) in cases {
        let file = broken(from, to);
        let checked = check(file.path());
        assert_eq!(checked.status.code(), Some(1), "{to}");
        let path = file.path().to_str().unwrap();
        let example = "saves/beratungsstelle-lindenhof-videoberatung-bst001.ron";
        for args in [&["catalog"][..], &["show", example], &["list"]] {
            let saves = tempfile::tempdir().unwrap();
            let mut all = vec!["--lang", "en", "--saves-dir", saves.path().to_str().unwrap()];
            all.extend_from_slice(&["--catalog", path]);
            all.extend_from_slice(args);
            let used = meetcheck(&all);
            // `list` still lists (from the decision snapshots), but says why the file is not used.
            let code = if args == ["list"] { 0 } else { 1 };
            assert_eq!(used.status.code(), Some(code), "{to} {args:?}: {}", stdout(&used));
            for line in stderr(&checked).lines() {
                assert!(
                    stderr(&used).contains(line),
                    "{to} {args:?}: {line} missing in {}",
                    stderr(&used)
                );
            }
        }
    }
}

#[test]
fn a_catalogue_that_is_not_utf8_gets_its_position() {
    let file = tempfile::Builder::new().suffix(".ron").tempfile().unwrap();
    let mut bytes = FIXTURE.as_bytes().to_vec();
    let at = FIXTURE.find("edition:").unwrap();
    bytes.splice(at..at, *b"\xff");
    std::fs::write(file.path(), bytes).unwrap();
    let line = FIXTURE[..at].lines().count();
    let column = FIXTURE[..at].rsplit('\n').next().unwrap().chars().count() + 1;
    for out in
        [check(file.path()), meetcheck(&["--catalog", file.path().to_str().unwrap(), "catalog"])]
    {
        assert_eq!(out.status.code(), Some(1));
        let err = stderr(&out);
        assert!(err.contains(&format!(":{line}:{column}: ")), "{err}");
        assert!(err.contains("UTF-8") && !err.contains("permission"), "{err}");
    }
}

#[cfg(unix)]
#[test]
fn a_device_or_directory_is_never_read_as_a_catalogue() {
    for (path, kind) in [("/dev/zero", "a device"), ("tests", "a directory")] {
        let out = meetcheck(&["--lang", "en", "--catalog", path, "catalog"]);
        assert_eq!(out.status.code(), Some(1), "{path}");
        assert!(stderr(&out).contains(&format!("{path} is {kind}")), "{}", stderr(&out));
        let out = check(Path::new(path));
        assert_eq!(out.status.code(), Some(1), "{path}");
        assert!(stderr(&out).contains(&format!("{path} is {kind}")), "{}", stderr(&out));
    }
}
