//! Turns the RON texts in `assets/i18n/` into sorted static tables, so that starting meetcheck
//! costs no text parsing before the first frame. A broken text file fails the build with its
//! file, line and column.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let mut code = String::new();
    for (name, file) in [("DE", "assets/i18n/de.ron"), ("EN", "assets/i18n/en.ron")] {
        println!("cargo:rerun-if-changed={file}");
        let text = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: {e}"));
        let map: BTreeMap<String, String> = ron::from_str(&text).unwrap_or_else(|e| {
            panic!("{file}:{}:{}: {}", e.span.start.line, e.span.start.col, e.code)
        });
        writeln!(code, "pub static {name}: &[(&str, &str)] = &[").unwrap();
        for (key, value) in &map {
            writeln!(code, "    ({key:?}, {value:?}),").unwrap();
        }
        writeln!(code, "];").unwrap();
    }
    std::fs::write(Path::new(&out_dir).join("texts.rs"), code).expect("write texts.rs");
}
