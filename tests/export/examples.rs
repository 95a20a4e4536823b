//! Every example save in `saves/`, exported in both languages: golden files, well-formed
//! documents, the record's length, and every word in the reader's language (no ids, no English
//! in German documents, no empty template holes).

use meetcheck::domain::assessment::Assessment;
use meetcheck::domain::catalog::Catalog;
use meetcheck::export::{self, Kind, Options};
use meetcheck::i18n::{Lang, Texts};

use super::export_support::decided;
use super::lint::lint;
use super::parse::{blocks, body, get, split, words, yaml};
use super::record::{DE_SECTIONS, EN_SECTIONS, assert_madr};

/// The example saves, each as loaded.
pub(super) fn example_saves() -> Vec<(String, Assessment)> {
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

/// The catalogue the examples were decided with (the embedded one); the pending twins read it.
pub(super) fn embedded_catalog() -> Catalog {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/catalog.ron");
    meetcheck::domain::catalog::parse(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The day the examples are exported on: after their decisions.
pub(super) const TODAY: jiff::civil::Date = jiff::civil::Date::constant(2026, 12, 15);

pub(super) fn render(
    kind: Kind,
    a: &Assessment,
    catalog: &Catalog,
    lang: Lang,
    full: bool,
) -> String {
    let options = Options { full, numbering: None };
    export::render_with(kind, a, catalog, &Texts::embedded(lang), TODAY, &options)
}

/// Every document of every example: (what, language, document).
fn every_export() -> Vec<(String, Lang, String)> {
    let catalog = embedded_catalog();
    let mut out = Vec::new();
    for (stem, a) in example_saves() {
        let mut pending = a.clone();
        pending.decision = None;
        pending.status = None;
        for lang in [Lang::De, Lang::En] {
            for kind in Kind::ALL {
                out.push((
                    format!("{stem} {}", kind.id()),
                    lang,
                    render(kind, &a, &catalog, lang, false),
                ));
            }
            out.push((
                format!("{stem} full"),
                lang,
                render(Kind::Record, &a, &catalog, lang, true),
            ));
            out.push((
                format!("{stem} pending"),
                lang,
                render(Kind::Record, &pending, &catalog, lang, false),
            ));
        }
    }
    out
}

/// Goldens live with the others in `tests/snapshots/`, named `export__…`.
fn golden(name: &str, doc: &str) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| insta::assert_snapshot!(format!("export__{name}"), doc));
}

#[test]
fn golden_exports_of_every_example_save() {
    let catalog = embedded_catalog();
    for (stem, a) in example_saves() {
        for kind in Kind::ALL {
            for lang in [Lang::De, Lang::En] {
                let doc = render(kind, &a, &catalog, lang, false);
                golden(&format!("save-{stem}-{}-{}", kind.id(), lang.code()), &doc);
            }
        }
    }
}

#[test]
fn golden_exports_of_the_hand_built_assessment() {
    for kind in Kind::ALL {
        for lang in [Lang::De, Lang::En] {
            let doc = super::export_support::render(kind, &decided(), lang);
            golden(&format!("handbuilt-{}-{}", kind.id(), lang.code()), &doc);
        }
    }
}

#[test]
fn every_example_exports_well_formed_documents() {
    for (what, lang, doc) in every_export() {
        let problems = lint(&doc);
        assert!(problems.is_empty(), "{what} {lang:?}:\n{}", problems.join("\n"));
        let (_, tables) = blocks(body(&doc));
        for shape in &tables {
            assert!(shape.iter().all(|n| *n == shape[0]), "{what} {lang:?}: {shape:?}");
        }
        let y = yaml(split(&doc).0);
        assert!(get(&y, "title").as_str().is_some_and(|t| !t.is_empty()), "{what}: a title");
        if what.ends_with(" record") || what.ends_with(" full") || what.ends_with(" pending") {
            let sections: &[(u8, &str)] =
                if lang == Lang::En { &EN_SECTIONS } else { &DE_SECTIONS };
            assert_madr(&doc, sections, &format!("{what} {lang:?}"));
        }
    }
}

#[test]
fn the_default_record_of_every_example_is_at_most_2500_words_and_full_is_longer() {
    let catalog = embedded_catalog();
    for (stem, a) in example_saves() {
        for lang in [Lang::De, Lang::En] {
            let short = words(&render(Kind::Record, &a, &catalog, lang, false));
            let full = words(&render(Kind::Record, &a, &catalog, lang, true));
            assert!(short <= 2500, "{stem} {lang:?}: {short} words");
            assert!(full > short, "{stem} {lang:?}: --full ({full}) adds to {short}");
        }
    }
}

/// Words the German texts never use but English ones do; a German document holding one has an
/// untranslated text in it.
const ENGLISH: [&str; 40] = [
    "the",
    "and",
    "of",
    "with",
    "for",
    "not",
    "from",
    "by",
    "is",
    "are",
    "this",
    "that",
    "which",
    "only",
    "undated",
    "unknown",
    "proprietary",
    "paid",
    "accounts",
    "because",
    "captured",
    "stale",
    "none",
    "yes",
    "provider",
    "meeting",
    "data",
    "source",
    "sources",
    "free",
    "consumer",
    "public",
    "own",
    "self-hosted",
    "agreement",
    "processing",
    "transfer",
    "settings",
    "should",
    "must",
];

/// The text a reader reads: the body without autolinks, without the numbered source list and
/// without titles of publications (sources, authorities' editions and quoted titles are cited
/// as their publishers wrote them).
fn prose(doc: &str, titles: &[&str]) -> String {
    let mut body = body(doc).to_string();
    for title in titles {
        body = body.replace(&meetcheck::export::markdown::text(title), "Titel");
    }

    let mut out = String::new();
    let mut in_sources = false;
    for line in body.lines() {
        if line.starts_with("### ") {
            in_sources = line == "### Quellen" || line == "### Sources";
        }
        if in_sources && line.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            continue;
        }
        let mut rest = line;
        while let Some(start) = rest.find('<') {
            match rest[start..].find('>') {
                Some(end) if !rest[..start].ends_with('\\') => {
                    out.push_str(&rest[..start]);
                    rest = &rest[start + end + 1..];
                }
                _ => {
                    out.push_str(&rest[..=start]);
                    rest = &rest[start + 1..];
                }
            }
        }
        out.push_str(rest);
        out.push('\n');
    }
    out
}

/// The text without anything between „German“ or “English” quotation marks.
fn without_quoted(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in text.chars() {
        match c {
            '„' if depth == 0 => depth = 1,
            '“' if depth == 1 => {
                depth = 0;
                out.push_str("Titel");
            }
            '“' if depth == 0 => depth = 2,
            '”' if depth == 2 => {
                depth = 0;
                out.push_str("Titel");
            }
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

fn words_of(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_' || c == '.'))
        .map(|w| w.trim_matches('.'))
        .filter(|w| !w.is_empty())
        .collect()
}

/// The ids of every answer option (at least three letters: two-letter Land codes are
/// abbreviations in prose too).
fn answer_option_ids() -> Vec<String> {
    use meetcheck::domain::catalog::{Browser, Feature};
    use meetcheck::domain::scenario::*;
    let mut ids: Vec<&str> = Vec::new();
    ids.extend(OrgType::ALL.iter().map(|v| v.id()));
    ids.extend(LegalRegime::ALL.iter().map(|v| v.id()));
    ids.extend(Purpose::ALL.iter().map(|v| v.id()));
    ids.extend(Organiser::ALL.iter().map(|v| v.id()));
    ids.extend(Participant::ALL.iter().map(|v| v.id()));
    ids.extend(Size::ALL.iter().map(|v| v.id()));
    ids.extend(DataCategory::ALL.iter().map(|v| v.id()));
    ids.extend(ProtectionNeed::ALL.iter().map(|v| v.id()));
    ids.extend(Representation::ALL.iter().map(|v| v.id()));
    ids.extend(TransferStance::ALL.iter().map(|v| v.id()));
    ids.extend(HostingPreference::ALL.iter().map(|v| v.id()));
    ids.extend(Feature::ALL.iter().map(|f| f.key().trim_start_matches("feature.")));
    ids.extend(Browser::ALL.iter().map(|b| b.key().trim_start_matches("browser.")));
    ids.extend(["yes", "no"]);
    let ids: Vec<String> = ids.into_iter().filter(|id| id.len() >= 3).map(String::from).collect();
    assert!(ids.iter().any(|id| id == "pupils") && ids.iter().any(|id| id == "eu_only"));
    ids
}

#[test]
fn every_word_is_in_the_readers_language() {
    let catalog = embedded_catalog();
    // Ids a reader could mistake for words; an id that is also a name ("alfaview") is fine.
    let names: Vec<&str> =
        catalog.offerings.iter().flat_map(|o| [o.name.de.as_str(), o.name.en.as_str()]).collect();
    let mut ids: Vec<String> = catalog.offerings.iter().map(|o| o.id.clone()).collect();
    ids.extend(catalog.sources.keys().cloned());
    ids.retain(|id| !names.iter().any(|n| n.split_whitespace().any(|w| w == id)));
    let key_prefixes = [
        "export.",
        "todo.",
        "light.",
        "rule.",
        "stale.",
        "answer.",
        "criterion.",
        "whatif.",
        "status.",
        "norm.",
        "supervisor.",
        "country.",
        "month.",
        "licence.",
        "ui.",
    ];
    let titles: Vec<&str> = catalog
        .offerings
        .iter()
        .flat_map(|o| o.authority_positions.iter().map(|p| p.edition.as_str()))
        .collect();
    let answer_ids = answer_option_ids();
    let mut problems = Vec::new();
    for (what, lang, doc) in every_export() {
        let prose = prose(&doc, &titles);
        let mut report = |p: String| problems.push(format!("{what} {lang:?}: {p}"));
        let unquoted = without_quoted(&prose);
        for word in words_of(&unquoted) {
            if ids.iter().any(|id| id == word) {
                report(format!("raw id '{word}'"));
            }
            if key_prefixes.iter().any(|p| word.starts_with(p)) {
                report(format!("text key '{word}'"));
            }
            // Ids of answers and to-dos are snake_case; no German or English word is.
            if word.contains('_')
                && word.chars().all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit())
            {
                report(format!("snake_case id '{word}'"));
            }
            if lang == Lang::De && ENGLISH.contains(&word) {
                report(format!("English word '{word}'"));
            }
            // An answer's value as saved ("pupils", "up_to_20", "eu_only", "dpf") instead of
            // its label; in English prose such ids may be plain words ("staff", "public").
            if lang == Lang::De && answer_ids.iter().any(|id| id == word) {
                report(format!("answer id '{word}'"));
            }
        }
        for hole in ["()", "( )", "(, ", ", )", "„“", "“”", "\"\"", ": ]]", ":  ", " ,", " ."]
        {
            if prose.contains(hole) {
                report(format!("empty hole '{hole}'"));
            }
        }
        if lang == Lang::De {
            // Without the fact appendix, which quotes the catalogue's own notes (its editors'
            // words, checked by the catalogue's tests).
            let own = match (prose.find("### Fakten, auf denen"), prose.find("### Quellen")) {
                (Some(start), Some(end)) if start < end => {
                    format!("{}{}", &prose[..start], &prose[end..])
                }
                _ => prose.clone(),
            };
            for phrase in [
                "in US",
                "in USA ",
                "Unterauftragnehmer",
                "Berufung",
                "Beschäftigtenvertretung: Betriebsrat",
            ] {
                if own.contains(phrase) {
                    report(format!("'{phrase}'"));
                }
            }
        }
        if lang == Lang::En {
            for phrase in ["BITTE", "undatiert", "unbekannt", "nicht belegt", "Gut:", "Schlecht:"] {
                if prose.contains(phrase) {
                    report(format!("German template text '{phrase}'"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_wire_example_cites_the_swiss_adequacy_decision() {
    let catalog = embedded_catalog();
    let (_, a) = example_saves()
        .into_iter()
        .find(|(_, a)| a.decision.as_ref().is_some_and(|d| d.chosen == "wire"))
        .expect("the Wire example");
    for kind in [Kind::Notice, Kind::Ropa] {
        let de = render(kind, &a, &catalog, Lang::De, false);
        assert!(de.contains("in der Schweiz: Angemessenheitsbeschluss der Kommission nach Art. 45 DSGVO (Entscheidung 2000/518/EG der Kommission)"), "{kind:?}");
        let en = render(kind, &a, &catalog, Lang::En, false);
        assert!(en.contains("Commission Decision 2000/518/EC"), "{kind:?}");
        assert!(
            !en.contains("2021/1772") && !en.contains("United Kingdom"),
            "{kind:?}: no UK law for Switzerland"
        );
    }
}
