//! Hostile text in every field: the documents stay valid Markdown with the same structure, the
//! text comes through intact, the front matter stays inert for pandoc, and invisible controls
//! never reach a document.

use meetcheck::export::Kind;
use meetcheck::export::markdown::one_line;
use meetcheck::i18n::Lang;

use super::export_support::{HOSTILE, INVISIBLE, decided, hostile, long_text, render};
use super::lint::lint;
use super::parse::{Block, all_strings, blocks, body, get, keys, links, split, strings, yaml};

fn shape(bs: &[Block]) -> Vec<String> {
    bs.iter()
        .filter_map(|b| match b {
            Block::Heading(l, _) => Some(format!("h{l}")),
            // The hostile rationale has more paragraphs; list items carry user text.
            Block::Paragraph(_) | Block::Item(_) => None,
            Block::Cell(_) => Some("td".into()),
        })
        .collect()
}

#[test]
fn hostile_text_adds_no_structure_and_passes_the_lint() {
    let calm = decided();
    let evil = hostile();
    for kind in Kind::ALL {
        for lang in [Lang::De, Lang::En] {
            let calm_doc = render(kind, &calm, lang);
            let evil_doc = render(kind, &evil, lang);
            let (calm_blocks, calm_tables) = blocks(body(&calm_doc));
            let (evil_blocks, evil_tables) = blocks(body(&evil_doc));
            let calm_heads: Vec<String> =
                shape(&calm_blocks).into_iter().filter(|s| s.starts_with('h')).collect();
            let evil_heads: Vec<String> =
                shape(&evil_blocks).into_iter().filter(|s| s.starts_with('h')).collect();
            assert_eq!(
                evil_heads, calm_heads,
                "{kind:?} {lang:?}: hostile text changed the headings"
            );
            assert_eq!(evil_tables, calm_tables, "{kind:?} {lang:?}: table shapes");
            let problems = lint(&evil_doc);
            assert!(problems.is_empty(), "{kind:?} {lang:?}:\n{}", problems.join("\n"));
        }
    }
}

#[test]
fn hostile_text_comes_through_intact() {
    let evil = hostile();
    let long = long_text();
    for kind in Kind::ALL {
        for lang in [Lang::De, Lang::En] {
            let doc = render(kind, &evil, lang);
            let (blocks, _) = blocks(body(&doc));
            let joined: String = blocks.iter().map(Block::text).collect::<Vec<_>>().join("\n");
            let mut expected = vec![one_line(HOSTILE)];
            if kind == Kind::Record {
                expected.extend([long.clone(), "Anna Admin".to_string()]);
            }
            for text in expected {
                assert!(
                    joined.contains(&text),
                    "{kind:?} {lang:?}: '{}…' not intact",
                    &text[..40.min(text.len())]
                );
            }
            for c in ['\u{202E}', '\u{200B}', '\u{2066}'] {
                assert!(
                    !doc.contains(c),
                    "{kind:?} {lang:?}: invisible control {c:?} reached the document"
                );
            }
        }
    }
}

#[test]
fn links_in_the_body_are_only_the_addresses_written_out() {
    let doc = render(Kind::Record, &hostile(), Lang::En);
    for link in links(body(&doc)) {
        assert!(!link.starts_with("image"), "an image: {link}");
        let address = link.starts_with("https://")
            || link.starts_with("http://")
            || (link.contains('@') && !link.contains(['(', ')', '[', ']', ' ']));
        assert!(address, "a link built from user text: {link}");
        assert!(link != "b", "the user's [a](b) became a link");
    }
}

#[test]
fn the_front_matter_stays_inert_and_keeps_its_keys() {
    let evil = hostile();
    for kind in Kind::ALL {
        for lang in [Lang::De, Lang::En] {
            let doc = render(kind, &evil, lang);
            let (front, _) = split(&doc);
            let y = yaml(front);
            if kind == Kind::Record {
                assert_eq!(keys(&y).len(), 7, "no front-matter key added");
                let makers = strings(get(&y, "decision-makers"));
                assert_eq!(makers.len(), 2, "{makers:?}");
            }
            // pandoc reads every string value as Markdown: none may hold a link or an image.
            for value in all_strings(&y) {
                let found = links(&value);
                assert!(found.is_empty(), "{kind:?} {lang:?}: '{value}' reads as {found:?}");
                let bare_scheme =
                    value.match_indices("://").any(|(i, _)| !value[..i].ends_with('\\'));
                assert!(!bare_scheme, "{kind:?}: an address pandoc would link: {value}");
                assert!(!value.contains("www."), "{kind:?}: an address pandoc would link: {value}");
                let unescaped_at =
                    value.match_indices('@').any(|(i, _)| !value[..i].ends_with('\\'));
                assert!(!unescaped_at, "{kind:?}: an e-mail address pandoc would link: {value}");
                assert!(!value.contains('\u{202E}'));
            }
        }
    }
}

#[test]
fn the_invisible_test_text_holds_what_it_should() {
    assert!(INVISIBLE.contains('\u{202E}') && INVISIBLE.contains('\u{200B}'));
    assert_eq!(long_text().chars().count(), 5000);
    assert!(HOSTILE.contains("![t](http://host/pixel.png)") && HOSTILE.contains("שלום"));
}

/// Writes every document of the hand-built, hostile and pending assessments to
/// `$MEETCHECK_EXPORT_DUMP`, to run markdownlint and pandoc over them by hand; without the
/// variable it does nothing.
#[test]
fn dump_exports_for_checking_by_hand() {
    let Some(dir) = std::env::var_os("MEETCHECK_EXPORT_DUMP") else { return };
    let dir = std::path::PathBuf::from(dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut pending = decided();
    pending.decision = None;
    pending.status = None;
    for (name, a) in [("decided", decided()), ("hostile", hostile()), ("pending", pending)] {
        for kind in Kind::ALL {
            for lang in [Lang::De, Lang::En] {
                let file = dir.join(format!("{name}-{}-{}.md", kind.id(), lang.code()));
                std::fs::write(file, render(kind, &a, lang)).unwrap();
            }
        }
    }
}

#[test]
fn the_organisations_document_is_a_source_named_as_written() {
    for lang in [Lang::De, Lang::En] {
        let doc = render(Kind::Record, &hostile(), lang);
        let sources = body(&doc)
            .split("\n### ")
            .find(|s| s.starts_with(if lang == Lang::De { "Quellen" } else { "Sources" }))
            .expect("the sources");
        let (blocks, _) = blocks(sources);
        let joined: String = blocks.iter().map(Block::text).collect::<Vec<_>>().join("\n");
        let named = if lang == Lang::De {
            "Nachweis der Organisation: "
        } else {
            "The organisation's own evidence: "
        };
        assert!(joined.contains(&format!("{named}{}", one_line(HOSTILE))), "{lang:?}:\n{sources}");
        assert!(!doc.contains("evidence:0"), "{lang:?}: the key");
    }
}
