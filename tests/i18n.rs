//! Every text exists in both languages, every key the code uses exists, and no key is unused.

use std::collections::BTreeSet;
use std::path::Path;

use meetcheck::domain::narrowing::RuleId;
use meetcheck::domain::scenario::{
    AttentionTracking, Bundesland, DataCategory, HostingPreference, LegalRegime, OrgType,
    Organiser, Participant, ProtectionNeed, Purpose, RecordingPolicy, Representation, Size, Step,
    TransferStance,
};
use meetcheck::i18n::{Lang, Texts};

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
        let empty: Vec<&str> = texts.keys().filter(|k| texts.get(k).trim().is_empty()).collect();
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
    let used = |key: &str| {
        code.contains(&format!("\"{key}\""))
            || generated.contains(key)
            || BUILT_FROM_DATA.iter().any(|p| key.starts_with(p))
    };
    let unused: Vec<String> = keys(Lang::De)
        .into_iter()
        .filter(|key| {
            // A hint belongs to its option or question: used when its base is used.
            let base = key.strip_suffix(".hint").unwrap_or(key);
            // The descriptions of commands and options are keyed by their clap ids; the test of
            // the binary checks them against the command line in both directions.
            let described = key.starts_with("cli.cmd.") || key.starts_with("cli.arg.");
            !used(key) && !used(base) && !described
        })
        .collect();
    assert!(unused.is_empty(), "{} unused keys: {unused:#?}", unused.len());
}
