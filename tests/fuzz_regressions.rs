//! Every input a fuzz target once failed on, replayed through the property
//! that target checks, so that a fixed finding stays fixed. The inputs lie
//! in `tests/fixtures/fuzz/TARGET/`, one file each, as `cargo fuzz tmin`
//! left them; the properties are the fuzz crate's own files.

#[path = "../fuzz/src/document_edits.rs"]
mod document_edits;
#[path = "../fuzz/src/properties.rs"]
mod properties;

use std::panic::{self, AssertUnwindSafe};
use std::path::Path;

/// Runs `property` on every saved input of `target`, then fails naming
/// each input it fails on and why.
fn replay(target: &str, property: fn(&[u8])) {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fuzz")
        .join(target);
    let Ok(entries) = std::fs::read_dir(&folder) else {
        return;
    };
    let mut inputs: Vec<_> = entries
        .map(|entry| entry.expect("a readable folder").path())
        .collect();
    inputs.sort();
    let failures: Vec<String> = inputs
        .iter()
        .filter_map(|input| {
            let data = std::fs::read(input).expect("a readable input");
            let outcome = panic::catch_unwind(AssertUnwindSafe(|| property(&data)));
            let panic = outcome.err()?;
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|text| text.to_string()))
                .unwrap_or_default();
            Some(format!("{}: {message}", input.display()))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn parse_findings_stay_fixed() {
    replay("parse", properties::parse_keeps_spans_in_text);
}

#[test]
fn check_findings_stay_fixed() {
    replay("check", properties::check_points_into_text);
}

#[test]
fn format_findings_stay_fixed() {
    replay("format", properties::format_is_stable_and_keeps_meaning);
}

#[test]
fn document_edits_findings_stay_fixed() {
    replay("document_edits", document_edits::document_edits_agree);
}
