//! The shipped examples do what the README promises: the portfolio checks
//! clean and is in canonical layout, and the broken folder shows every code.

use std::collections::BTreeSet;
use std::process::{Command, Output};

use pgm::base::Code;

fn pgm(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pgm"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the pgm binary runs")
}

fn codes_reported(path: &str) -> (Option<i32>, BTreeSet<String>) {
    let output = pgm(&["check", "--format", "json", path]);
    let report: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("check --format json prints JSON");
    let codes = report["diagnostics"]
        .as_array()
        .expect("a diagnostics array")
        .iter()
        .map(|diagnostic| diagnostic["code"].as_str().expect("a code").to_string())
        .collect();
    (output.status.code(), codes)
}

#[test]
fn the_portfolio_checks_without_any_diagnostic() {
    let (status, codes) = codes_reported("examples/portfolio");
    assert_eq!(codes, BTreeSet::new());
    assert_eq!(status, Some(0));
}

#[test]
fn the_broken_examples_show_every_code() {
    let (status, codes) = codes_reported("examples/broken");
    let every_code: BTreeSet<String> = Code::ALL.iter().map(|c| c.as_str().to_string()).collect();
    assert_eq!(codes, every_code);
    assert_eq!(status, Some(1));
}

#[test]
fn the_portfolio_is_in_canonical_layout() {
    let output = pgm(&["fmt", "--check", "examples/portfolio"]);
    assert_eq!(String::from_utf8_lossy(&output.stdout), "");
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn the_readme_tour_checks_clean_and_is_canonical() {
    let readme = include_str!("../README.md");
    let start = readme.find("```pgm\n").expect("README has a pgm example") + "```pgm\n".len();
    let tour = &readme[start..start + readme[start..].find("```").expect("the example ends")];
    let directory = tempfile::tempdir().expect("a temporary directory");
    let file = directory.path().join("tour.pgm");
    std::fs::write(&file, tour).expect("the tour is written");
    let file = file.to_str().expect("a UTF-8 path");
    let check = pgm(&["check", "--today", "2027-01-04", file]);
    assert_eq!(
        String::from_utf8_lossy(&check.stdout),
        "0 errors, 0 warnings, 0 info, 0 hints in 1 file\n"
    );
    assert_eq!(pgm(&["fmt", "--check", file]).status.code(), Some(0));
}
