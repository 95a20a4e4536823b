//! Exports: the record's MADR structure and length, the notice and the record of processing,
//! hostile text in every field, the lint rules markdownlint checks, the language of every
//! example export, output that cannot do harm, and golden files.

#[path = "export/support.rs"]
mod export_support;

#[path = "export/lint.rs"]
mod lint;

#[path = "export/parse.rs"]
mod parse;

#[path = "export/record.rs"]
mod record;

#[path = "export/drafts.rs"]
mod drafts;

#[path = "export/hostile.rs"]
mod hostile;

#[path = "export/examples.rs"]
mod examples;

#[path = "export/cli.rs"]
mod cli;

#[path = "export/evidence.rs"]
mod evidence;
