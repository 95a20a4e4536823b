//! Every text exists in both languages, every key the code uses exists, and no key is unused.

use std::collections::BTreeSet;
use std::path::Path;

use meetcheck::domain::narrowing::RuleId;
use meetcheck::domain::scenario::{
    AttentionTracking, Bundesland, DataCategory, HostingPreference, LegalRegime, OrgType,
    Organiser, Participant, ProtectionNeed, Purpose, RecordingPolicy, Representation, Size, Step,
    TransferStance,
};
use meetcheck::i18n::{Lang, Texts, k};

fn keys(lang: Lang) -> BTreeSet<String> {
    Texts::embedded(lang).keys().map(str::to_string).collect()
}

/// Every Rust source file of the library, the binary and the core crate, as text.
fn sources() -> String {
    fn walk(dir: &Path, out: &mut String) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push_str(&std::fs::read_to_string(&path).unwrap());
                out.push('\n');
            }
        }
    }
    let mut out = String::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    walk(&root.join("src"), &mut out);
    walk(&root.join("core/src"), &mut out);
    out
}

/// Keys that code builds from ids rather than writing them out.
fn generated_keys() -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    keys.extend(Step::ALL.iter().map(|s| s.key()));
    keys.extend(RuleId::ALL.iter().map(|r| r.requirement_key()));
    macro_rules! all {
        ($($t:ty),*) => { $( keys.extend(<$t>::ALL.iter().map(|v| v.key().to_string())); )* };
    }
    all!(
        OrgType,
        LegalRegime,
        Bundesland,
        Purpose,
        Organiser,
        Participant,
        Size,
        DataCategory,
        ProtectionNeed,
        Representation,
        TransferStance,
        HostingPreference,
        RecordingPolicy,
        AttentionTracking
    );
    keys
}

#[test]
fn every_key_exists_in_both_languages() {
    let de = keys(Lang::De);
    let en = keys(Lang::En);
    let only_de: Vec<_> = de.difference(&en).collect();
    let only_en: Vec<_> = en.difference(&de).collect();
    assert!(only_de.is_empty(), "keys missing in en.ron: {only_de:?}");
    assert!(only_en.is_empty(), "keys missing in de.ron: {only_en:?}");
}

#[test]
fn no_text_is_empty_or_left_untranslated_by_accident() {
    for lang in [Lang::De, Lang::En] {
        let texts = Texts::embedded(lang);
        let empty: Vec<&str> =
            texts.keys().filter(|k| texts.by_name(k).trim().is_empty()).collect();
        assert!(empty.is_empty(), "{lang:?}: empty texts {empty:?}");
    }
}

#[test]
fn every_generated_key_has_a_text() {
    let de = keys(Lang::De);
    let missing: Vec<_> = generated_keys().into_iter().filter(|k| !de.contains(k)).collect();
    assert!(missing.is_empty(), "generated keys without a text: {missing:?}");
}

/// Key families the code builds from data: country codes of the catalogue, the exporter's groups
/// of people and the parts that differ between the notice and the record of processing.
const BUILT_FROM_DATA: [&str; 12] = [
    "country.",
    "adequacy.decision.",
    "licence.word.",
    "month.",
    "export.group.",
    "export.basis.",
    "export.notice.recipients.",
    "export.notice.transfers.",
    "export.ropa.recipients.",
    "export.ropa.transfers.",
    "export.notice.pupils.",
    "export.short.",
];

#[test]
fn no_key_is_unused() {
    let code = sources();
    let generated = generated_keys();
    // Code names a key by its constant (`k::UI_START_TITLE`); the core names the keys of its
    // ids as strings.
    let constant = |key: &str| format!("k::{}", key.to_uppercase().replace(['.', '-'], "_"));
    let used = |key: &str| {
        code.contains(&format!("\"{key}\""))
            || contains_word(&code, &constant(key))
            || generated.contains(key)
            || BUILT_FROM_DATA.iter().any(|p| key.starts_with(p))
    };
    let unused: Vec<String> = keys(Lang::De)
        .into_iter()
        .filter(|key| {
            // A hint belongs to its option or question, a singular form to its plural: used
            // when its base is used.
            let base =
                key.strip_suffix(".hint").or_else(|| key.strip_suffix(".one")).unwrap_or(key);
            // The descriptions of commands and options are keyed by their clap ids; the test of
            // the binary checks them against the command line in both directions.
            let described = key.starts_with("cli.cmd.") || key.starts_with("cli.arg.");
            !used(key) && !used(base) && !described
        })
        .collect();
    assert!(unused.is_empty(), "{} unused keys: {unused:#?}", unused.len());
}

/// `needle` occurs in `code` as a whole path (`k::UI_NOTE` is not found in `k::UI_NOTE_SAVED`).
fn contains_word(code: &str, needle: &str) -> bool {
    code.match_indices(needle).any(|(i, _)| {
        let next = code[i + needle.len()..].chars().next();
        !next.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
    })
}

/// `build.rs` makes a constant per key; they cover every text of both languages (a singular
/// through its plural), and each names its own text.
#[test]
fn the_key_constants_cover_every_text() {
    let constants: BTreeSet<String> = k::ALL.iter().map(|key| key.name().to_string()).collect();
    for lang in [Lang::De, Lang::En] {
        // Singular forms (`<key>.one`) are reached through their plural's constant.
        let plural_or_other: BTreeSet<String> =
            keys(lang).into_iter().filter(|key| !key.ends_with(".one")).collect();
        assert_eq!(constants, plural_or_other, "{lang:?}");
        let texts = Texts::embedded(lang);
        for key in k::ALL {
            assert_eq!(texts.get(*key), texts.by_name(key.name()), "{}", key.name());
        }
    }
    assert_eq!(k::UI_START_TITLE.name(), "ui.start.title");
}

/// Every text about a number of things has a singular form where the number can be 1.
#[test]
fn counted_texts_have_a_singular() {
    for lang in [Lang::De, Lang::En] {
        let texts = Texts::embedded(lang);
        for (key, n) in [(k::UI_PANEL_REMAIN, "1"), (k::CATALOG_EDITION, "1")] {
            let one = texts.count(key, 1, &[("n", n), ("count", n), ("total", "5")]);
            let many = texts.count(key, 2, &[("n", "2"), ("count", "2"), ("total", "5")]);
            assert_ne!(one, many.replace('2', "1"), "{lang:?} {}: {one}", key.name());
        }
    }
}
