//! Exports: structure (MADR sections, one H1, tables), front matter round trip, hostile user
//! text, the lint rules markdownlint checks, and golden files.

#[path = "export/support.rs"]
mod export_support;

use std::collections::BTreeSet;

use meetcheck::export::{self, Kind};
use meetcheck::i18n::{Lang, Texts};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use saphyr::{LoadableYamlNode, Yaml};

use export_support::{HOSTILE, TODAY, decided, hostile, render};

const EN_SECTIONS: [(u8, &str); 8] = [
    (2, "Context and Problem Statement"),
    (2, "Decision Drivers"),
    (2, "Considered Options"),
    (2, "Decision Outcome"),
    (3, "Consequences"),
    (3, "Confirmation"),
    (2, "Pros and Cons of the Options"),
    (2, "More Information"),
];

const DE_SECTIONS: [(u8, &str); 8] = [
    (2, "Kontext und Problemstellung"),
    (2, "Entscheidungskriterien"),
    (2, "Betrachtete Optionen"),
    (2, "Entscheidung"),
    (3, "Konsequenzen"),
    (3, "Bestätigung"),
    (2, "Vor- und Nachteile der Optionen"),
    (2, "Weitere Informationen"),
];

/// The document split into its front matter (YAML text) and Markdown body.
fn split(doc: &str) -> (&str, &str) {
    let rest = doc.strip_prefix("---\n").expect("front matter opens the document");
    let end = rest.find("\n---\n").expect("front matter is closed");
    (&rest[..end], &rest[end + 5..])
}

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS
}

/// One rendered block: its kind and its text content (soft breaks as spaces).
#[derive(Debug, Clone, PartialEq)]
enum Block {
    Heading(u8, String),
    Paragraph(String),
    Item(String),
    Cell(String),
}

impl Block {
    fn text(&self) -> &str {
        match self {
            Block::Heading(_, t) | Block::Paragraph(t) | Block::Item(t) | Block::Cell(t) => t,
        }
    }
}

/// The body as a flat sequence of blocks, plus table shapes (cells per row).
fn blocks(body: &str) -> (Vec<Block>, Vec<Vec<usize>>) {
    let mut out = Vec::new();
    let mut tables = Vec::new();
    let mut buf = String::new();
    let mut row_cells = 0;
    for event in Parser::new_ext(body, options()) {
        match event {
            Event::Text(t) | Event::Code(t) => buf.push_str(&t),
            Event::SoftBreak | Event::HardBreak => buf.push(' '),
            Event::Html(h) | Event::InlineHtml(h) => panic!("raw HTML in the export: {h}"),
            Event::Start(Tag::Table(_)) => tables.push(Vec::new()),
            Event::Start(Tag::TableHead | Tag::TableRow) => row_cells = 0,
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => {
                tables.last_mut().unwrap().push(row_cells);
            }
            Event::Start(Tag::Item) => {
                // Text before a nested list belongs to the outer item.
                buf.clear();
            }
            Event::Start(Tag::List(_)) if !buf.trim().is_empty() => {
                out.push(Block::Item(std::mem::take(&mut buf).trim().to_string()));
            }
            Event::End(TagEnd::Heading(level)) => {
                let level = match level {
                    HeadingLevel::H1 => 1,
                    HeadingLevel::H2 => 2,
                    HeadingLevel::H3 => 3,
                    HeadingLevel::H4 => 4,
                    HeadingLevel::H5 => 5,
                    HeadingLevel::H6 => 6,
                };
                out.push(Block::Heading(level, std::mem::take(&mut buf)));
            }
            Event::End(TagEnd::Paragraph) if !buf.is_empty() => {
                out.push(Block::Paragraph(std::mem::take(&mut buf)));
            }
            Event::End(TagEnd::Item) if !buf.trim().is_empty() => {
                out.push(Block::Item(std::mem::take(&mut buf).trim().to_string()));
            }
            Event::End(TagEnd::TableCell) => {
                row_cells += 1;
                out.push(Block::Cell(std::mem::take(&mut buf)));
            }
            _ => {}
        }
    }
    (out, tables)
}

fn headings(blocks: &[Block]) -> Vec<(u8, String)> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading(l, t) => Some((*l, t.clone())),
            _ => None,
        })
        .collect()
}

fn yaml(front: &str) -> Yaml<'_> {
    let mut docs = Yaml::load_from_str(front).expect("front matter is valid YAML");
    assert_eq!(docs.len(), 1);
    docs.remove(0)
}

fn get<'a>(y: &'a Yaml<'a>, key: &str) -> &'a Yaml<'a> {
    y.as_mapping_get(key).unwrap_or_else(|| panic!("front matter has no `{key}`"))
}

fn strings(y: &Yaml) -> Vec<String> {
    y.as_sequence().expect("a list").iter().map(|v| v.as_str().unwrap().to_string()).collect()
}

fn keys(y: &Yaml) -> BTreeSet<String> {
    y.as_mapping().expect("a mapping").keys().map(|k| k.as_str().unwrap().to_string()).collect()
}

#[test]
fn the_record_has_the_madr_sections_in_order_in_both_languages() {
    let a = decided();
    for (lang, expected) in [(Lang::En, EN_SECTIONS), (Lang::De, DE_SECTIONS)] {
        let doc = render(Kind::Record, &a, lang);
        let (_, body) = split(&doc);
        let (blocks, _) = blocks(body);
        let heads = headings(&blocks);
        assert_eq!(heads.iter().filter(|(l, _)| *l == 1).count(), 1, "{lang:?}: one H1");
        assert_eq!(heads[0].0, 1, "{lang:?}: the H1 comes first");
        let sections: Vec<(u8, &str)> = heads
            .iter()
            .filter(|(l, t)| *l == 2 || expected.iter().any(|(el, et)| el == l && et == t))
            .map(|(l, t)| (*l, t.as_str()))
            .collect();
        assert_eq!(sections, expected.to_vec(), "{lang:?}");
        let mut previous = 1;
        for (level, text) in &heads {
            assert!(*level <= previous + 1, "{lang:?}: heading '{text}' skips a level");
            previous = *level;
        }
    }
}

#[test]
fn the_h1_names_problem_and_choice() {
    let doc = render(Kind::Record, &decided(), Lang::En);
    let (blocks, _) = blocks(split(&doc).1);
    assert_eq!(
        blocks[0],
        Block::Heading(1, "Video meetings for counselling: choose Jitsi Meet, self-hosted".into())
    );
}

#[test]
fn every_offering_is_listed_under_considered_options() {
    let a = decided();
    let offerings: Vec<String> =
        a.decision.as_ref().unwrap().snapshot.offerings.iter().map(|o| o.name.en.clone()).collect();
    assert!(offerings.len() >= 2);
    let doc = render(Kind::Record, &a, Lang::En);
    let (blocks, _) = blocks(split(&doc).1);
    let start = blocks.iter().position(|b| b.text() == "Considered Options").unwrap();
    let section: Vec<&Block> =
        blocks[start + 1..].iter().take_while(|b| !matches!(b, Block::Heading(..))).collect();
    for name in &offerings {
        assert!(
            section.iter().any(|b| matches!(b, Block::Item(t) if t.starts_with(name.as_str()))),
            "{name} is not under Considered Options: {section:?}"
        );
    }
    let excluded = section.iter().filter(|b| b.text().contains("excluded")).count();
    assert_eq!(excluded, 1, "the excluded option is listed as such");
}

#[test]
fn the_outcome_starts_with_the_chosen_option_and_says_what_is_open() {
    let doc = render(Kind::Record, &decided(), Lang::En);
    let (blocks, _) = blocks(split(&doc).1);
    let start = blocks.iter().position(|b| b.text() == "Decision Outcome").unwrap();
    let first = blocks[start + 1].text();
    assert!(first.starts_with("Chosen option: \"Jitsi Meet, self-hosted\", because "), "{first}");
    let texts: Vec<&str> = blocks.iter().map(Block::text).collect();
    assert!(texts.contains(&"Ready for use: no — 1 precondition open"), "{texts:?}");
    assert!(texts.contains(&"Runner-up: \"Example Meetings Cloud\""));
    assert!(texts.iter().any(|t| t.starts_with("Good, because ")));
    assert!(texts.iter().any(|t| t.starts_with("Bad, because ") && t.contains("knock-out")));
    assert!(texts.iter().any(|t| t.contains("C-703/25 P")), "the DPF review trigger is named");
}

#[test]
fn the_german_record_speaks_german() {
    let doc = render(Kind::Record, &decided(), Lang::De);
    let (blocks, _) = blocks(split(&doc).1);
    let texts: Vec<&str> = blocks.iter().map(Block::text).collect();
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("Gewählte Option: „Jitsi Meet, selbst betrieben“, weil "))
    );
    assert!(texts.contains(&"Einsatzbereit: nein – 1 Voraussetzung offen"));
}

#[test]
fn tables_have_as_many_cells_in_every_row_as_in_the_header() {
    for kind in Kind::ALL {
        for a in [decided(), hostile()] {
            for lang in [Lang::De, Lang::En] {
                let doc = render(kind, &a, lang);
                let (_, tables) = blocks(split_body(&doc));
                for shape in &tables {
                    assert!(shape.iter().all(|n| *n == shape[0]), "{kind:?} {lang:?}: {shape:?}");
                }
                // The parser pads short rows, so count the source's unescaped pipes as well.
                for block in split_body(&doc).split("\n\n").filter(|b| b.starts_with('|')) {
                    let counts: Vec<usize> = block.lines().map(unescaped_pipes).collect();
                    assert!(counts.iter().all(|c| *c == counts[0]), "{kind:?}: {block}");
                }
            }
        }
    }
}

fn split_body(doc: &str) -> &str {
    if doc.starts_with("---\n") { split(doc).1 } else { doc }
}

fn unescaped_pipes(line: &str) -> usize {
    let mut count = 0;
    let mut escaped = false;
    for c in line.chars() {
        if c == '|' && !escaped {
            count += 1;
        }
        escaped = c == '\\' && !escaped;
    }
    count
}

#[test]
fn the_front_matter_round_trips() {
    let a = decided();
    let doc = render(Kind::Record, &a, Lang::En);
    let (front, _) = split(&doc);
    let y = yaml(front);
    assert_eq!(
        keys(&y),
        ["consulted", "date", "decision-makers", "informed", "meetcheck", "status"]
            .map(String::from)
            .into()
    );
    assert!(front.contains("status: \"accepted\""), "status is quoted");
    assert_eq!(get(&y, "status").as_str(), Some("accepted"));
    assert_eq!(get(&y, "date").as_str(), Some("2026-11-20"));
    assert_eq!(strings(get(&y, "decision-makers")), ["Dr. Anna Berger", "Jonas Weiß"]);
    assert_eq!(strings(get(&y, "consulted")), ["Works council"]);
    assert!(strings(get(&y, "informed")).is_empty());
    let m = get(&y, "meetcheck");
    assert_eq!(get(m, "assessment").as_str(), Some("k3x9"));
    assert_eq!(get(m, "assessment-title").as_str(), Some(a.meta.title.as_str()));
    assert_eq!(get(m, "catalog-edition").as_str(), Some("2026-10"));
    assert_eq!(get(m, "decision").as_str(), Some("taken"));
    assert_eq!(get(m, "chosen").as_str(), Some("jitsi-self-hosted"));
    assert_eq!(get(m, "review-by").as_str(), Some("2027-05-31"));
    assert_eq!(get(m, "ready-for-use").as_bool(), Some(false));
    assert_eq!(get(m, "preconditions-open").as_integer(), Some(1));
    assert_eq!(get(m, "to-be-confirmed").as_bool(), Some(false));
}

#[test]
fn hostile_text_round_trips_and_adds_no_structure() {
    let calm = decided();
    let evil = hostile();
    for kind in Kind::ALL {
        for lang in [Lang::De, Lang::En] {
            let calm_doc = render(kind, &calm, lang);
            let evil_doc = render(kind, &evil, lang);
            let (calm_blocks, calm_tables) = blocks(split_body(&calm_doc));
            let (evil_blocks, evil_tables) = blocks(split_body(&evil_doc));
            let shape = |bs: &[Block]| -> Vec<String> {
                bs.iter()
                    .map(|b| match b {
                        Block::Heading(l, _) => format!("h{l}"),
                        Block::Paragraph(_) => "p".into(),
                        Block::Item(_) => "li".into(),
                        Block::Cell(_) => "td".into(),
                    })
                    .collect()
            };
            // Hostile rationale has three paragraphs where the calm one has one.
            let strip =
                |v: Vec<String>| -> Vec<String> { v.into_iter().filter(|s| s != "p").collect() };
            assert_eq!(
                strip(shape(&evil_blocks)),
                strip(shape(&calm_blocks)),
                "{kind:?} {lang:?}: hostile text changed the structure"
            );
            assert_eq!(evil_tables, calm_tables, "{kind:?} {lang:?}: table shapes");
            let all: Vec<&str> = evil_blocks.iter().map(Block::text).collect();
            let joined = all.join("\n");
            let expected: &[&str] = match kind {
                Kind::Record => &[HOSTILE, "<script>alert(1)</script>"],
                Kind::Notice | Kind::Ropa => &[HOSTILE],
            };
            for h in expected {
                let once = meetcheck::export::markdown::one_line(h);
                assert!(joined.contains(&once), "{kind:?} {lang:?}: '{once}' not intact");
            }
        }
    }
    let doc = render(Kind::Record, &evil, Lang::En);
    let (front, _) = split(&doc);
    let y = yaml(front);
    assert_eq!(keys(&y).len(), 6, "no front-matter key added");
    let m = get(&y, "meetcheck");
    assert_eq!(
        get(m, "assessment-title").as_str(),
        Some(evil.meta.title.as_str()),
        "title exact in YAML"
    );
    assert_eq!(strings(get(&y, "decision-makers")).len(), 2);
}

#[test]
fn the_notice_and_record_of_processing_mark_placeholders() {
    let mut a = decided();
    a.meta.controller.clear();
    for (lang, marker) in [(Lang::De, "[[BITTE ERGÄNZEN: "), (Lang::En, "[[TO FILL IN: ")] {
        for kind in [Kind::Notice, Kind::Ropa] {
            let doc = render(kind, &a, lang);
            assert!(!doc.starts_with("---"), "drafts carry no front matter");
            let (blocks, _) = blocks(&doc);
            let heads = headings(&blocks);
            assert_eq!(heads.iter().filter(|(l, _)| *l == 1).count(), 1);
            let text: Vec<&str> = blocks.iter().map(Block::text).collect();
            assert!(
                text.iter().any(|t| t.contains(marker)),
                "{kind:?} {lang:?}: placeholders shown"
            );
            assert!(doc.contains(r"\[\[") && !doc.contains("[["), "placeholders escaped");
        }
    }
}

#[test]
fn the_notice_gives_legal_bases_that_fit_the_organisation() {
    let mut a = decided();
    let doc = render(Kind::Notice, &a, Lang::En);
    assert!(
        doc.contains("Art. 6(1)(f) GDPR") && doc.contains("Art. 21 GDPR"),
        "company: (f) + objection"
    );
    assert!(doc.contains("C-34/21"), "employees: the CJEU judgment is noted");
    assert!(doc.contains("Art. 9(2)"), "special categories need a condition");
    let scenario = &mut a.decision.as_mut().unwrap().snapshot.scenario;
    scenario.public_body = Some(true);
    let doc = render(Kind::Notice, &a, Lang::En);
    assert!(doc.contains("Art. 6(1)(e) and (3) GDPR"));
    assert!(
        !doc.contains("Art. 6(1)(f) GDPR."),
        "a public body never relies on legitimate interests"
    );
}

#[test]
fn markdown_lint_rules_hold_for_every_export() {
    for a in [decided(), hostile()] {
        for kind in Kind::ALL {
            for lang in [Lang::De, Lang::En] {
                let doc = render(kind, &a, lang);
                let problems = export_support::lint(&doc);
                assert!(problems.is_empty(), "{kind:?} {lang:?}:\n{}", problems.join("\n"));
            }
        }
    }
}

#[test]
fn the_lint_catches_what_it_should() {
    let bad = "# A\ntext  \n\n\n- item\n### skip\n# B\n";
    let problems = export_support::lint(bad);
    for rule in ["MD022", "MD009", "MD012", "MD004", "MD001", "MD025", "MD032"] {
        assert!(problems.iter().any(|p| p.contains(rule)), "{rule} not caught: {problems:?}");
    }
    assert!(export_support::lint("# A\n\ntext").iter().any(|p| p.contains("MD047")));
    assert!(export_support::lint("# A\n\nsee https://x.org\n").iter().any(|p| p.contains("MD034")));
    assert!(export_support::lint("# A\n\nmail a@b.org\n").iter().any(|p| p.contains("MD034")));
    assert!(export_support::lint("# A\n\nmail <a@b.org>\n").is_empty());
    assert!(export_support::lint("# A\n\n* a\n\n* b\n").iter().any(|p| p.contains("merge")));
    let titled = "---\nx:\n  title: \"T\"\n---\n\n# A\n";
    assert!(export_support::lint(titled).iter().any(|p| p.contains("MD025")));
}

#[test]
fn the_wizard_writes_numbered_files_and_never_overwrites() {
    let a = decided();
    let catalog = export_support::catalog();
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
fn golden_exports_of_the_hand_built_assessment() {
    for kind in Kind::ALL {
        for lang in [Lang::De, Lang::En] {
            let doc = render(kind, &decided(), lang);
            insta::assert_snapshot!(format!("handbuilt-{}-{}", kind.id(), lang.code()), doc);
        }
    }
}

/// Writes every export of the test assessments to `$MEETCHECK_EXPORT_DUMP` (for running
/// markdownlint and pandoc by hand); does nothing without the variable.
#[test]
fn dump_exports_for_manual_linting() {
    let Some(dir) = std::env::var_os("MEETCHECK_EXPORT_DUMP") else { return };
    let dir = std::path::PathBuf::from(dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut pending = decided();
    pending.decision = None;
    pending.status = None;
    for (name, a) in [("decided", decided()), ("hostile", hostile()), ("pending", pending)] {
        let save = meetcheck::store::format::to_text(&a).unwrap();
        std::fs::write(dir.join(format!("{name}.ron")), save).unwrap();
        for kind in Kind::ALL {
            for lang in [Lang::De, Lang::En] {
                let file = dir.join(format!("{name}-{}-{}.md", kind.id(), lang.code()));
                std::fs::write(file, render(kind, &a, lang)).unwrap();
            }
        }
    }
}

#[test]
fn an_undecided_assessment_exports_as_decision_pending_with_the_current_shortlist() {
    let mut a = decided();
    a.decision = None;
    a.status = None;
    let catalog = export_support::catalog();
    let shortlist = meetcheck::domain::narrowing::narrow(&catalog, &a.scenario, TODAY);
    let doc = render(Kind::Record, &a, Lang::En);
    let (front, body) = split(&doc);
    let y = yaml(front);
    assert_eq!(get(&y, "status").as_str(), Some("proposed"));
    assert_eq!(get(&y, "date").as_str(), Some("2026-11-29"), "today, as the facts were read today");
    let m = get(&y, "meetcheck");
    assert_eq!(get(m, "decision").as_str(), Some("pending"));
    assert!(get(m, "chosen").is_null());
    assert_eq!(get(m, "ready-for-use").as_bool(), Some(false));
    let (blocks, _) = blocks(body);
    assert_eq!(
        blocks[0],
        Block::Heading(1, "Video meetings for counselling: decision pending".into())
    );
    let texts: Vec<&str> = blocks.iter().map(Block::text).collect();
    assert!(texts.iter().any(|t| t.starts_with("Decision pending: ")), "{texts:?}");
    for (rank, e) in shortlist.ranked.iter().enumerate() {
        let name = &catalog.offering(&e.offering).unwrap().name.en;
        let line = format!("Rank {}: {name} (score {})", rank + 1, e.score);
        assert!(texts.contains(&line.as_str()), "{line} missing: {texts:?}");
    }
    assert!(texts.contains(&"Ready for use: no — no option has been chosen yet"));
    for kind in Kind::ALL {
        let doc = render(kind, &a, Lang::De);
        assert!(
            export_support::lint(&doc).is_empty(),
            "{kind:?}: {:?}",
            export_support::lint(&doc)
        );
    }
}

mod cli {
    use std::path::Path;
    use std::process::{Command, Output};

    use super::export_support::decided;

    fn meetcheck(saves: &Path, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_meetcheck"))
            .arg("--saves-dir")
            .arg(saves)
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

    #[test]
    fn export_writes_markdown_to_stdout_or_a_file_and_never_overwrites_without_force() {
        let dir = tempfile::tempdir().unwrap();
        let saves = dir.path().join("saves");
        let save = saved(dir.path());
        let out = meetcheck(&saves, &["--lang", "en", "export", &save]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert!(stdout.starts_with("---\nstatus: \"accepted\"\n"));
        assert!(
            stdout.contains("\n# Video meetings for counselling: choose Jitsi Meet, self-hosted\n")
        );
        assert!(!saves.exists(), "exporting creates no saves directory");

        let file = dir.path().join("record.md");
        let file_arg = file.display().to_string();
        let out = meetcheck(&saves, &["--lang", "en", "export", &save, "-o", &file_arg]);
        assert!(out.status.success());
        assert_eq!(std::fs::read_to_string(&file).unwrap(), stdout);

        std::fs::write(&file, "mine\n").unwrap();
        let out = meetcheck(
            &saves,
            &["--lang", "en", "export", &save, "-o", &file_arg, "--kind", "notice"],
        );
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(&file_arg) && err.contains("--force"), "{err}");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "mine\n", "left unchanged");

        let out = meetcheck(
            &saves,
            &["--lang", "de", "export", &save, "-o", &file_arg, "--kind", "notice", "--force"],
        );
        assert!(out.status.success());
        let notice = std::fs::read_to_string(&file).unwrap();
        assert!(notice.starts_with(
            "# Datenschutzhinweise für Online-Meetings mit Jitsi Meet, selbst betrieben\n"
        ));
    }

    #[test]
    fn a_missing_assessment_or_directory_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let saves = dir.path().join("saves");
        let out = meetcheck(&saves, &["--lang", "en", "export", "no-such-name"]);
        assert_eq!(out.status.code(), Some(1));
        assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-name"));
        let save = saved(dir.path());
        let target = dir.path().join("missing").join("r.md").display().to_string();
        let out = meetcheck(&saves, &["--lang", "en", "export", &save, "-o", &target]);
        assert_eq!(out.status.code(), Some(1));
        assert!(String::from_utf8_lossy(&out.stderr).contains(&target));
        let out = meetcheck(&saves, &["export", &save, "--kind", "poster"]);
        assert_eq!(out.status.code(), Some(2), "a bad --kind is a usage error");
    }
}

#[test]
fn export_texts_exist_in_both_languages_and_are_used() {
    let de: BTreeSet<String> = Texts::embedded(Lang::De)
        .keys()
        .filter(|k| k.starts_with("export."))
        .map(String::from)
        .collect();
    let en: BTreeSet<String> = Texts::embedded(Lang::En)
        .keys()
        .filter(|k| k.starts_with("export."))
        .map(String::from)
        .collect();
    assert_eq!(de, en, "the same export keys in German and English");
    let mut code = String::new();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for dir in ["src/export", "src/commands"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "rs") {
                code.push_str(&std::fs::read_to_string(path).unwrap());
            }
        }
    }
    let unused: Vec<&String> = de.iter().filter(|k| !code.contains(&format!("\"{k}\""))).collect();
    assert!(unused.is_empty(), "texts no code uses: {unused:?}");
}

#[test]
fn drafts_for_an_online_service_name_the_operator_facts_and_transfers() {
    let mut a = decided();
    let decision = a.decision.as_mut().unwrap();
    decision.chosen = "example-cloud".into();
    decision.runner_up = None;
    for kind in Kind::ALL {
        for lang in [Lang::De, Lang::En] {
            let doc = render(kind, &a, lang);
            let problems = export_support::lint(&doc);
            assert!(problems.is_empty(), "{kind:?} {lang:?}:\n{}", problems.join("\n"));
        }
    }
    let notice = render(Kind::Notice, &a, Lang::En);
    assert!(notice.contains("the operator of Example Meetings Cloud"), "{notice}");
    assert!(notice.contains("What was known about the operator"));
    let record = render(Kind::Record, &a, Lang::En);
    assert!(record.contains("Chosen option: \"Example Meetings Cloud\", because the decision-makers chose it although it is excluded"));
}

/// The example saves in `saves/`, each as loaded, with the fixture catalogue for anything that
/// reads the current catalogue (an undecided twin).
fn example_saves() -> Vec<(String, meetcheck::domain::assessment::Assessment)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("saves");
    let mut saves: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    saves.sort();
    assert!(!saves.is_empty(), "examples in {}", dir.display());
    saves
        .into_iter()
        .map(|path| {
            let bytes = std::fs::read(&path).unwrap();
            let parsed = meetcheck::store::format::parse(&bytes)
                .unwrap_or_else(|_| panic!("{} loads", path.display()));
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            (stem, parsed.assessment)
        })
        .collect()
}

fn fixture_catalog() -> meetcheck::domain::catalog::Catalog {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/catalog.ron");
    meetcheck::domain::catalog::parse(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn render_with(
    kind: Kind,
    a: &meetcheck::domain::assessment::Assessment,
    catalog: &meetcheck::domain::catalog::Catalog,
    lang: Lang,
) -> String {
    export::render(kind, a, catalog, &Texts::embedded(lang), TODAY)
}

#[test]
fn golden_exports_of_every_example_save() {
    let catalog = fixture_catalog();
    for (stem, a) in example_saves() {
        for kind in Kind::ALL {
            for lang in [Lang::De, Lang::En] {
                let doc = render_with(kind, &a, &catalog, lang);
                insta::assert_snapshot!(format!("save-{stem}-{}-{}", kind.id(), lang.code()), doc);
            }
        }
        let mut pending = a.clone();
        pending.decision = None;
        pending.status = None;
        for lang in [Lang::De, Lang::En] {
            let doc = render_with(Kind::Record, &pending, &catalog, lang);
            insta::assert_snapshot!(format!("save-{stem}-pending-{}", lang.code()), doc);
        }
    }
}

#[test]
fn every_example_save_exports_well_formed_documents() {
    let catalog = fixture_catalog();
    for (stem, a) in example_saves() {
        let mut pending = a.clone();
        pending.decision = None;
        for (variant, a) in [("decided", &a), ("pending", &pending)] {
            for kind in Kind::ALL {
                for (lang, sections) in [(Lang::En, EN_SECTIONS), (Lang::De, DE_SECTIONS)] {
                    let doc = render_with(kind, a, &catalog, lang);
                    let what = format!("{stem} {variant} {kind:?} {lang:?}");
                    let problems = export_support::lint(&doc);
                    assert!(problems.is_empty(), "{what}:\n{}", problems.join("\n"));
                    let (_, tables) = blocks(split_body(&doc));
                    for shape in &tables {
                        assert!(shape.iter().all(|n| *n == shape[0]), "{what}: {shape:?}");
                    }
                    if kind != Kind::Record {
                        continue;
                    }
                    let (front, body) = split(&doc);
                    let y = yaml(front);
                    assert_eq!(
                        get(get(&y, "meetcheck"), "assessment").as_str(),
                        Some(a.meta.id.as_str())
                    );
                    let (blocks, _) = blocks(body);
                    let heads = headings(&blocks);
                    let found: Vec<(u8, &str)> = heads
                        .iter()
                        .filter(|(l, t)| {
                            *l == 2 || sections.iter().any(|(sl, st)| sl == l && st == t)
                        })
                        .map(|(l, t)| (*l, t.as_str()))
                        .collect();
                    assert_eq!(found, sections.to_vec(), "{what}");
                    let start = blocks.iter().position(|b| b.text() == sections[2].1).unwrap();
                    let options = blocks[start + 1..]
                        .iter()
                        .take_while(|b| !matches!(b, Block::Heading(..)))
                        .filter(|b| matches!(b, Block::Item(_)))
                        .count();
                    let basis = match &a.decision {
                        Some(d) => {
                            d.snapshot.shortlist.ranked.len() + d.snapshot.shortlist.excluded.len()
                        }
                        None => catalog.offerings.len(),
                    };
                    assert_eq!(options, basis, "{what}: every offering under Considered Options");
                }
            }
        }
    }
}
