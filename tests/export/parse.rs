//! Reading an export back: front matter and body, the body as blocks, the front matter as YAML.

use std::collections::BTreeSet;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use saphyr::{LoadableYamlNode, Yaml};

/// The document split into its front matter (YAML text) and Markdown body.
pub fn split(doc: &str) -> (&str, &str) {
    let rest = doc.strip_prefix("---\n").expect("front matter opens the document");
    let end = rest.find("\n---\n").expect("front matter is closed");
    (&rest[..end], &rest[end + 5..])
}

pub fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS
}

/// One rendered block: its kind and its text content (soft breaks as spaces).
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Heading(u8, String),
    Paragraph(String),
    Item(String),
    Cell(String),
}

impl Block {
    pub fn text(&self) -> &str {
        match self {
            Block::Heading(_, t) | Block::Paragraph(t) | Block::Item(t) | Block::Cell(t) => t,
        }
    }
}

/// The body as a flat sequence of blocks, plus table shapes (cells per row). Panics on raw
/// HTML and on images: neither may come out of an export.
pub fn blocks(body: &str) -> (Vec<Block>, Vec<Vec<usize>>) {
    let mut out = Vec::new();
    let mut tables = Vec::new();
    let mut buf = String::new();
    let mut row_cells = 0;
    for event in Parser::new_ext(body, options()) {
        match event {
            Event::Text(t) | Event::Code(t) => buf.push_str(&t),
            Event::SoftBreak | Event::HardBreak => buf.push(' '),
            Event::Html(h) | Event::InlineHtml(h) => panic!("raw HTML in the export: {h}"),
            Event::Start(Tag::Image { dest_url, .. }) => {
                panic!("an image in the export: {dest_url}")
            }
            Event::Start(Tag::Table(_)) => tables.push(Vec::new()),
            Event::Start(Tag::TableHead | Tag::TableRow) => row_cells = 0,
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => {
                tables.last_mut().unwrap().push(row_cells);
            }
            Event::Start(Tag::Item) => buf.clear(),
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

/// The links in a piece of Markdown (destinations), to check what a reader could follow.
pub fn links(markdown: &str) -> Vec<String> {
    Parser::new_ext(markdown, options())
        .filter_map(|e| match e {
            Event::Start(Tag::Link { dest_url, .. }) => Some(dest_url.to_string()),
            Event::Start(Tag::Image { dest_url, .. }) => Some(format!("image {dest_url}")),
            _ => None,
        })
        .collect()
}

pub fn headings(blocks: &[Block]) -> Vec<(u8, String)> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading(l, t) => Some((*l, t.clone())),
            _ => None,
        })
        .collect()
}

/// The blocks of the section under the heading `title` (up to the next heading of any level).
pub fn section<'a>(blocks: &'a [Block], title: &str) -> Vec<&'a Block> {
    let start = blocks
        .iter()
        .position(|b| matches!(b, Block::Heading(_, t) if t == title))
        .unwrap_or_else(|| panic!("no section '{title}'"));
    blocks[start + 1..].iter().take_while(|b| !matches!(b, Block::Heading(..))).collect()
}

pub fn yaml(front: &str) -> Yaml<'_> {
    let mut docs = Yaml::load_from_str(front).expect("front matter is valid YAML");
    assert_eq!(docs.len(), 1);
    docs.remove(0)
}

pub fn get<'a>(y: &'a Yaml<'a>, key: &str) -> &'a Yaml<'a> {
    y.as_mapping_get(key).unwrap_or_else(|| panic!("front matter has no `{key}`"))
}

pub fn strings(y: &Yaml) -> Vec<String> {
    y.as_sequence().expect("a list").iter().map(|v| v.as_str().unwrap().to_string()).collect()
}

pub fn keys(y: &Yaml) -> BTreeSet<String> {
    y.as_mapping().expect("a mapping").keys().map(|k| k.as_str().unwrap().to_string()).collect()
}

/// Every string value of the front matter, nested ones included.
pub fn all_strings(y: &Yaml) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(s) = y.as_str() {
        out.push(s.to_string());
    }
    if let Some(seq) = y.as_sequence() {
        for v in seq {
            out.extend(all_strings(v));
        }
    }
    if let Some(map) = y.as_mapping() {
        for v in map.values() {
            out.extend(all_strings(v));
        }
    }
    out
}

/// The Markdown body whether or not the document has front matter.
pub fn body(doc: &str) -> &str {
    if doc.starts_with("---\n") { split(doc).1 } else { doc }
}

/// Whitespace-separated words of the body (front matter excluded), Markdown marks included.
pub fn words(doc: &str) -> usize {
    body(doc).split_whitespace().count()
}
