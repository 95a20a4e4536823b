//! File names: a safe slug of the title plus a short id, and telling a NAME from a PATH.
//!
//! A slug holds only `a-z`, `0-9` and `-`, so no title can leave the saves directory, hit a
//! reserved device name (`CON`) or exceed a file-name limit.

use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};

/// Longest slug taken from a title (the id and `.ron.bak` still fit in 255 bytes with room).
const MAX_SLUG: usize = 48;
/// Used when a title has no letters or digits at all.
const FALLBACK_SLUG: &str = "assessment";
/// Letters of generated ids: no look-alikes (0/o, 1/l/i).
const ID_ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
const ID_LEN: usize = 6;

/// The file stem for an assessment: `slug-of-title-id`.
pub fn file_name(title: &str, id: &str) -> String {
    format!("{}-{id}", slug(title))
}

/// Lower-case ASCII letters and digits separated by single dashes; German and common Latin
/// letters are transliterated, everything else becomes a separator.
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        if out.len() >= MAX_SLUG {
            break;
        }
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if let Some(latin) = transliterate(c) {
            out.push_str(latin);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.truncate(MAX_SLUG);
    let trimmed = out.trim_matches('-');
    if trimmed.is_empty() { FALLBACK_SLUG.to_string() } else { trimmed.to_string() }
}

fn transliterate(c: char) -> Option<&'static str> {
    Some(match c {
        'ä' | 'æ' => "ae",
        'ö' | 'œ' => "oe",
        'ü' => "ue",
        'ß' => "ss",
        'à' | 'á' | 'â' | 'ã' | 'å' => "a",
        'ç' | 'ć' | 'č' => "c",
        'è' | 'é' | 'ê' | 'ë' => "e",
        'ì' | 'í' | 'î' | 'ï' => "i",
        'ñ' | 'ń' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ø' => "o",
        'ù' | 'ú' | 'û' => "u",
        'ý' | 'ÿ' => "y",
        'š' | 'ś' => "s",
        'ž' | 'ź' | 'ż' => "z",
        'ł' => "l",
        _ => return None,
    })
}

/// The id part of a file name from an assessment's id: only `a-z0-9`, at most 12 characters;
/// `None` when nothing usable is left (the caller then makes a fresh id).
pub fn clean_id(id: &str) -> Option<String> {
    let cleaned: String = id
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .take(12)
        .collect();
    (!cleaned.is_empty()).then_some(cleaned)
}

/// A fresh short id. Not a secret, only unlikely to repeat: seeded per process by the standard
/// library's random hasher keys, mixed with the time and a counter.
pub fn new_id() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut hasher = std::hash::RandomState::new().build_hasher();
    hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    hasher.write_u32(std::process::id());
    if let Ok(since) = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
        hasher.write_u128(since.as_nanos());
    }
    let mut bits = hasher.finish();
    (0..ID_LEN)
        .map(|_| {
            let c = ID_ALPHABET[(bits % ID_ALPHABET.len() as u64) as usize];
            bits /= ID_ALPHABET.len() as u64;
            c as char
        })
        .collect()
}

/// An argument containing a path separator or ending in `.ron` is a PATH; otherwise a NAME.
pub fn is_path(target: &str) -> bool {
    target.contains('/') || target.contains(std::path::MAIN_SEPARATOR) || target.ends_with(".ron")
}

/// A NAME may be anything a file stem in the saves directory can be, but never a path.
pub fn is_valid_name(name: &str) -> bool {
    !name.is_empty()
        && name != "."
        && name != ".."
        && !name.chars().any(|c| c.is_control() || matches!(c, '/' | '\\' | ':'))
}

/// What a NAME the user typed stands for among the saved names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Match {
    /// A saved name, typed in full or as a prefix only it starts with.
    One(String),
    /// A prefix several names start with: these, sorted.
    Several(Vec<String>),
    None,
}

/// Resolves `wanted` against `saved`: an exact name always wins; otherwise a prefix that exactly
/// one name starts with stands for that name.
pub fn match_name<'a>(wanted: &str, saved: impl IntoIterator<Item = &'a str>) -> Match {
    let mut candidates: Vec<&str> = Vec::new();
    for name in saved {
        if name == wanted {
            return Match::One(name.to_string());
        }
        if name.starts_with(wanted) {
            candidates.push(name);
        }
    }
    candidates.sort_unstable();
    candidates.dedup();
    match candidates[..] {
        [] => Match::None,
        [only] => Match::One(only.to_string()),
        _ => Match::Several(candidates.into_iter().map(str::to_string).collect()),
    }
}

/// For each of `saved` (distinct names), the length in bytes of its shortest prefix that names
/// it through [`match_name`]: the whole name when every shorter prefix is shared. Never cuts a
/// character in two. Neighbours in sorted order share the longest starts, so sorting once is
/// enough (a list of hundreds of names stays fast).
pub fn unique_prefix_lens(saved: &[&str]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..saved.len()).collect();
    order.sort_by_key(|&i| saved[i]);
    let mut lens = vec![0; saved.len()];
    for (at, &i) in order.iter().enumerate() {
        let name = saved[i];
        let shared = |j: Option<&usize>| j.map_or(0, |&j| common_prefix(name, saved[j]));
        let longest =
            shared(at.checked_sub(1).and_then(|a| order.get(a))).max(shared(order.get(at + 1)));
        // One character more than any neighbour shares, or the whole name.
        lens[i] = name[longest..].chars().next().map_or(name.len(), |c| longest + c.len_utf8());
    }
    lens
}

/// Bytes at the start of `a` and `b` that are the same, on a character boundary.
fn common_prefix(a: &str, b: &str) -> usize {
    a.char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((i, _), _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_plain_and_bounded() {
        assert_eq!(
            slug("Beratungsstelle Süd: Videoberatung"),
            "beratungsstelle-sued-videoberatung"
        );
        assert_eq!(slug("../../x"), "x");
        assert_eq!(slug("CON"), "con");
        assert_eq!(slug("🎉🎉"), "assessment");
        assert_eq!(slug("a\nb"), "a-b");
        assert_eq!(slug(&"ä".repeat(10_000)).len(), MAX_SLUG);
        assert_eq!(
            slug("Grundschule Am Weiher – Fernunterricht"),
            "grundschule-am-weiher-fernunterricht"
        );
        assert_eq!(file_name("CON", "k3x9pq"), "con-k3x9pq");
    }

    #[test]
    fn ids_are_short_clean_and_differ() {
        let a = new_id();
        let b = new_id();
        assert_eq!(a.len(), ID_LEN);
        assert_ne!(a, b);
        assert!(a.bytes().all(|c| ID_ALPHABET.contains(&c)));
        assert_eq!(clean_id("../AB c1").as_deref(), Some("abc1"));
        assert_eq!(clean_id("../"), None);
    }

    #[test]
    fn names_and_paths_are_told_apart() {
        assert!(is_path("saves/example.ron"));
        assert!(is_path("example.ron"));
        assert!(!is_path("schule-k3x9pq"));
        assert!(is_valid_name("schule-k3x9pq"));
        assert!(!is_valid_name(".."));
        assert!(!is_valid_name("a\nb"));
        assert!(!is_valid_name(""));
    }

    #[test]
    fn a_unique_prefix_names_its_assessment() {
        let saved = ["videokonferenzen-ab12cd", "schule-k3x9pq", "schule-zz9988"];
        assert_eq!(match_name("video", saved), Match::One("videokonferenzen-ab12cd".into()));
        assert_eq!(match_name("schule-k", saved), Match::One("schule-k3x9pq".into()));
        assert_eq!(match_name("beratung", saved), Match::None);
        assert_eq!(match_name("VIDEO", saved), Match::None, "names are matched as typed");
    }

    #[test]
    fn an_ambiguous_prefix_lists_every_candidate_sorted() {
        let saved = ["schule-zz9988", "schule-k3x9pq", "videokonferenzen-ab12cd"];
        assert_eq!(
            match_name("schule", saved),
            Match::Several(vec!["schule-k3x9pq".into(), "schule-zz9988".into()])
        );
    }

    #[test]
    fn an_exact_name_wins_over_longer_names_it_starts() {
        let saved = ["schule-ab", "schule-abc", "schule-abd"];
        assert_eq!(match_name("schule-ab", saved), Match::One("schule-ab".into()));
        assert_eq!(
            match_name("schule-a", saved),
            Match::Several(vec!["schule-ab".into(), "schule-abc".into(), "schule-abd".into()])
        );
    }

    #[test]
    fn the_shortest_unique_prefix_is_found() {
        let saved = ["schule-k3x9pq", "schule-zz9988", "video-ab12cd", "a", "ab"];
        let lens = unique_prefix_lens(&saved);
        assert_eq!(lens, ["schule-k".len(), "schule-z".len(), 1, 1, 2], "exact wins for “a”");
        assert_eq!(unique_prefix_lens(&["äbc", "äbd"]), ["äbc".len(), "äbd".len()]);
        assert_eq!(unique_prefix_lens(&["äx", "b"]), ["ä".len(), 1], "whole characters");
        assert_eq!(unique_prefix_lens(&["ab", "äb"]), [1, "ä".len()]);
        assert_eq!(unique_prefix_lens(&[]), Vec::<usize>::new());
    }

    proptest::proptest! {
        /// Each prefix found names its assessment, and one character less does not.
        #[test]
        fn unique_prefixes_name_exactly_their_assessment(
            saved in proptest::collection::btree_set("[ab]{1,4}|[äb]{1,3}", 0..12)
        ) {
            let saved: Vec<&str> = saved.iter().map(String::as_str).collect();
            for (name, len) in saved.iter().zip(unique_prefix_lens(&saved)) {
                let prefix = &name[..len];
                proptest::prop_assert_eq!(
                    match_name(prefix, saved.iter().copied()),
                    Match::One(name.to_string())
                );
                if let Some((shorter, _)) = prefix.char_indices().last().filter(|(i, _)| *i > 0) {
                    proptest::prop_assert_ne!(
                        match_name(&name[..shorter], saved.iter().copied()),
                        Match::One(name.to_string())
                    );
                }
            }
        }
    }
}
