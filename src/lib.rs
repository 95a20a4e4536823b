//! meetcheck: choose an online meeting platform that can be used lawfully under the GDPR, and
//! document the choice.

pub mod answers_text;
pub mod catalog_text;
pub mod cli;
pub mod commands;
pub mod describe;
pub mod domain;
pub mod embedded_catalog;
pub mod export;
pub mod i18n;
pub mod invisible;
pub mod store;
pub mod store_words;
pub mod terminal_text;
pub mod tui;
