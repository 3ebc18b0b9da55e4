//! The `pgm` binary run on fixture workspaces, its output compared with
//! snapshots. Every run pins today, so nothing depends on the day it runs.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use expect_test::{Expect, expect};
use serde_json::Value;

const TODAY: &str = "2027-01-04";

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cli")
}

/// What one run of `pgm` gave.
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Run {
    /// The exit status, then standard output, then standard error if any.
    fn shown(&self) -> String {
        let mut shown = format!("exit: {:?}\n{}", self.code, self.stdout);
        if !self.stderr.is_empty() {
            write!(shown, "--- stderr\n{}", self.stderr).expect("a string");
        }
        shown
    }

    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout).expect("standard output is JSON")
    }
}

/// Runs `pgm ARGS --today 2027-01-04` in `dir`.
fn pgm(dir: &Path, args: &[&str]) -> Run {
    pgm_as_given(dir, &[args, &["--today", TODAY]].concat())
}

/// Runs `pgm ARGS` in `dir`, today left to pgm.toml.
fn pgm_as_given(dir: &Path, args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_pgm"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("pgm runs");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

fn check(args: &[&str], expect: Expect) {
    expect.assert_eq(&pgm(&fixtures(), args).shown());
}

/// A temporary directory with one file, `plan.pgm`, holding `contents`.
fn workspace_with(contents: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary directory");
    fs::write(dir.path().join("plan.pgm"), contents).expect("plan written");
    dir
}

#[test]
fn a_clean_workspace_checks_with_exit_status_0() {
    check(
        &["check", "clean"],
        expect![[r#"
            exit: Some(0)
            0 errors, 0 warnings, 0 info, 0 hints in 3 files
        "#]],
    );
}

#[test]
fn check_reports_like_a_compiler_and_fails() {
    check(
        &["check", "problems"],
        expect![[r#"
        exit: Some(1)
        error[dependency-cycle]: `loop.design` depends on `loop.build` inside a dependency cycle: loop.design → loop.build → review.signoff → loop.design
           ╭─[ problems/loop.pgm:5:55 ]
           │
         5 │   project design "Design 🚀" { owner: bob  depends_on: build  duration: 2w }
           │                                                        ──┬──  
           │                                                          ╰──── items that depend on each other in a circle
           │ 
         9 │     depends_on: review.signoff
           │                 ───────┬──────  
           │                        ╰──────── `loop.build` depends on `review.signoff`
           │
           ├─[ problems/review.pgm:3:17 ]
           │
         3 │     depends_on: loop.design
           │                 ─────┬─────  
           │                      ╰─────── `review.signoff` depends on `loop.design`
        ───╯
        error[dependency-cycle]: `loop.build` depends on `review.signoff` inside a dependency cycle: loop.design → loop.build → review.signoff → loop.design
           ╭─[ problems/loop.pgm:9:17 ]
           │
         5 │   project design "Design 🚀" { owner: bob  depends_on: build  duration: 2w }
           │                                                        ──┬──  
           │                                                          ╰──── `loop.design` depends on `loop.build`
           │ 
         9 │     depends_on: review.signoff
           │                 ───────┬──────  
           │                        ╰──────── items that depend on each other in a circle
           │
           ├─[ problems/review.pgm:3:17 ]
           │
         3 │     depends_on: loop.design
           │                 ─────┬─────  
           │                      ╰─────── `review.signoff` depends on `loop.design`
        ───╯
        error[unresolved-reference]: there is no `alcie` in program `loop` or at the top level; did you mean `alice`?
            ╭─[ problems/loop.pgm:14:12 ]
            │
         14 │     owner: alcie
            │            ──┬──  
            │              ╰──── a name that resolves to nothing
        ────╯
        hint[unused-definition]: person `zoe` is defined but nothing refers to it
           ╭─[ problems/people.pgm:3:8 ]
           │
         3 │ person zoe "Zoë Ünal"
           │        ─┬─  
           │         ╰─── a person or team that nothing references
        ───╯
        info[missing-owner]: program `review` has no `owner`
           ╭─[ problems/review.pgm:1:9 ]
           │
         1 │ program review "Review" {
           │         ───┬──  
           │            ╰──── a program, project or risk without an owner
        ───╯
        info[missing-owner]: project `review.signoff` has no `owner`
           ╭─[ problems/review.pgm:2:11 ]
           │
         2 │   project signoff "Sign-off" {
           │           ───┬───  
           │              ╰───── a program, project or risk without an owner
        ───╯
        error[dependency-cycle]: `review.signoff` depends on `loop.design` inside a dependency cycle: loop.design → loop.build → review.signoff → loop.design
           ╭─[ problems/review.pgm:3:17 ]
           │
         3 │     depends_on: loop.design
           │                 ─────┬─────  
           │                      ╰─────── items that depend on each other in a circle
           │
           ├─[ problems/loop.pgm:5:55 ]
           │
         5 │   project design "Design 🚀" { owner: bob  depends_on: build  duration: 2w }
           │                                                        ──┬──  
           │                                                          ╰──── `loop.design` depends on `loop.build`
           │ 
         9 │     depends_on: review.signoff
           │                 ───────┬──────  
           │                        ╰──────── `loop.build` depends on `review.signoff`
        ───╯
        warning[deadline-missed]: `review.audit` finishes on 2027-01-29 at the earliest, after its deadline 2027-01-15
            ╭─[ problems/review.pgm:11:15 ]
            │
         11 │     deadline: 2027-01-15
            │               ─────┬────  
            │                    ╰────── a computed date after the date it is due
        ────╯
        4 errors, 1 warning, 2 info, 1 hint in 3 files
    "#]],
    );
}

#[test]
fn check_as_json_counts_positions_in_utf16() {
    check(
        &["check", "problems", "--format", "json"],
        expect![[r#"
        exit: Some(1)
        {
          "diagnostics": [
            {
              "file": "problems/loop.pgm",
              "severity": "error",
              "code": "dependency-cycle",
              "message": "`loop.design` depends on `loop.build` inside a dependency cycle: loop.design → loop.build → review.signoff → loop.design",
              "range": {
                "start": {
                  "line": 4,
                  "character": 55
                },
                "end": {
                  "line": 4,
                  "character": 60
                }
              },
              "related": [
                {
                  "file": "problems/loop.pgm",
                  "range": {
                    "start": {
                      "line": 8,
                      "character": 16
                    },
                    "end": {
                      "line": 8,
                      "character": 30
                    }
                  },
                  "message": "`loop.build` depends on `review.signoff`"
                },
                {
                  "file": "problems/review.pgm",
                  "range": {
                    "start": {
                      "line": 2,
                      "character": 16
                    },
                    "end": {
                      "line": 2,
                      "character": 27
                    }
                  },
                  "message": "`review.signoff` depends on `loop.design`"
                }
              ]
            },
            {
              "file": "problems/loop.pgm",
              "severity": "error",
              "code": "dependency-cycle",
              "message": "`loop.build` depends on `review.signoff` inside a dependency cycle: loop.design → loop.build → review.signoff → loop.design",
              "range": {
                "start": {
                  "line": 8,
                  "character": 16
                },
                "end": {
                  "line": 8,
                  "character": 30
                }
              },
              "related": [
                {
                  "file": "problems/loop.pgm",
                  "range": {
                    "start": {
                      "line": 4,
                      "character": 55
                    },
                    "end": {
                      "line": 4,
                      "character": 60
                    }
                  },
                  "message": "`loop.design` depends on `loop.build`"
                },
                {
                  "file": "problems/review.pgm",
                  "range": {
                    "start": {
                      "line": 2,
                      "character": 16
                    },
                    "end": {
                      "line": 2,
                      "character": 27
                    }
                  },
                  "message": "`review.signoff` depends on `loop.design`"
                }
              ]
            },
            {
              "file": "problems/loop.pgm",
              "severity": "error",
              "code": "unresolved-reference",
              "message": "there is no `alcie` in program `loop` or at the top level; did you mean `alice`?",
              "range": {
                "start": {
                  "line": 13,
                  "character": 11
                },
                "end": {
                  "line": 13,
                  "character": 16
                }
              },
              "related": []
            },
            {
              "file": "problems/people.pgm",
              "severity": "hint",
              "code": "unused-definition",
              "message": "person `zoe` is defined but nothing refers to it",
              "range": {
                "start": {
                  "line": 2,
                  "character": 7
                },
                "end": {
                  "line": 2,
                  "character": 10
                }
              },
              "related": []
            },
            {
              "file": "problems/review.pgm",
              "severity": "info",
              "code": "missing-owner",
              "message": "program `review` has no `owner`",
              "range": {
                "start": {
                  "line": 0,
                  "character": 8
                },
                "end": {
                  "line": 0,
                  "character": 14
                }
              },
              "related": []
            },
            {
              "file": "problems/review.pgm",
              "severity": "info",
              "code": "missing-owner",
              "message": "project `review.signoff` has no `owner`",
              "range": {
                "start": {
                  "line": 1,
                  "character": 10
                },
                "end": {
                  "line": 1,
                  "character": 17
                }
              },
              "related": []
            },
            {
              "file": "problems/review.pgm",
              "severity": "error",
              "code": "dependency-cycle",
              "message": "`review.signoff` depends on `loop.design` inside a dependency cycle: loop.design → loop.build → review.signoff → loop.design",
              "range": {
                "start": {
                  "line": 2,
                  "character": 16
                },
                "end": {
                  "line": 2,
                  "character": 27
                }
              },
              "related": [
                {
                  "file": "problems/loop.pgm",
                  "range": {
                    "start": {
                      "line": 4,
                      "character": 55
                    },
                    "end": {
                      "line": 4,
                      "character": 60
                    }
                  },
                  "message": "`loop.design` depends on `loop.build`"
                },
                {
                  "file": "problems/loop.pgm",
                  "range": {
                    "start": {
                      "line": 8,
                      "character": 16
                    },
                    "end": {
                      "line": 8,
                      "character": 30
                    }
                  },
                  "message": "`loop.build` depends on `review.signoff`"
                }
              ]
            },
            {
              "file": "problems/review.pgm",
              "severity": "warning",
              "code": "deadline-missed",
              "message": "`review.audit` finishes on 2027-01-29 at the earliest, after its deadline 2027-01-15",
              "range": {
                "start": {
                  "line": 10,
                  "character": 14
                },
                "end": {
                  "line": 10,
                  "character": 24
                }
              },
              "related": []
            }
          ],
          "summary": {
            "errors": 4,
            "warnings": 1,
            "files": 3
          }
        }
    "#]],
    );
}

#[test]
fn check_as_sarif_is_a_valid_log() {
    let run = pgm(&fixtures(), &["check", "problems", "--format", "sarif"]);
    assert_eq!(run.code, Some(1));
    let log = run.json();
    assert_eq!(log["version"], "2.1.0");
    assert!(
        log["$schema"]
            .as_str()
            .is_some_and(|s| s.contains("sarif-2.1.0"))
    );
    let driver = &log["runs"][0]["tool"]["driver"];
    assert_eq!(driver["name"], "pgm");
    assert!(driver["informationUri"].is_string());
    let rules = driver["rules"].as_array().expect("rules");
    for code in pgm::base::Code::ALL {
        let rule = rules
            .iter()
            .find(|rule| rule["id"] == code.as_str())
            .unwrap_or_else(|| panic!("a rule for {}", code.as_str()));
        assert_eq!(rule["shortDescription"]["text"], code.summary());
        assert_eq!(
            rule["helpUri"],
            format!("docs/diagnostics.md#{}", code.as_str())
        );
    }
    let results = log["runs"][0]["results"].as_array().expect("results");
    let json = pgm(&fixtures(), &["check", "problems", "--format", "json"]).json();
    let diagnostics = json["diagnostics"].as_array().expect("diagnostics");
    assert_eq!(results.len(), diagnostics.len());
    for (result, diagnostic) in results.iter().zip(diagnostics) {
        assert_eq!(result["ruleId"], diagnostic["code"]);
        let level = match diagnostic["severity"].as_str() {
            Some("error") => "error",
            Some("warning") => "warning",
            _ => "note",
        };
        assert_eq!(result["level"], level);
        assert_eq!(result["message"]["text"], diagnostic["message"]);
        assert_eq!(
            sarif_location(&result["locations"][0]),
            json_location(diagnostic)
        );
        let related = result["relatedLocations"]
            .as_array()
            .map_or(&[][..], Vec::as_slice);
        let expected = diagnostic["related"].as_array().expect("related");
        assert_eq!(related.len(), expected.len());
        for (location, expected) in related.iter().zip(expected) {
            assert_eq!(sarif_location(location), json_location(expected));
            assert_eq!(location["message"]["text"], expected["message"]);
        }
    }
}

/// A SARIF location as `file line:column-line:column`, counted from 0.
fn sarif_location(location: &Value) -> String {
    let physical = &location["physicalLocation"];
    let region = &physical["region"];
    let from_one = |key: &str| region[key].as_u64().expect("a number") - 1;
    format!(
        "{} {}:{}-{}:{}",
        physical["artifactLocation"]["uri"].as_str().expect("a uri"),
        from_one("startLine"),
        from_one("startColumn"),
        from_one("endLine"),
        from_one("endColumn"),
    )
}

fn json_location(diagnostic: &Value) -> String {
    let range = &diagnostic["range"];
    format!(
        "{} {}:{}-{}:{}",
        diagnostic["file"].as_str().expect("a file"),
        range["start"]["line"],
        range["start"]["character"],
        range["end"]["line"],
        range["end"]["character"],
    )
}

#[test]
fn without_a_path_the_current_directory_is_checked() {
    let run = pgm(&fixtures().join("problems"), &["check", "--format", "json"]);
    let json = run.json();
    assert_eq!(run.code, Some(1));
    assert_eq!(json["summary"]["files"], 3);
    // Files are named as found from the current directory, without `./`.
    assert_eq!(json["diagnostics"][0]["file"], "loop.pgm");
}

/// The codes `pgm check --format json ARGS` reports, without pinning today.
fn codes_reported(args: &[&str]) -> Vec<String> {
    let run = pgm_as_given(
        &fixtures(),
        &[&["check", "--format", "json"], args].concat(),
    );
    let mut codes: Vec<String> = run.json()["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|diagnostic| diagnostic["code"].as_str().map(str::to_string))
        .collect();
    codes.sort();
    codes.dedup();
    codes
}

#[test]
fn today_comes_from_pgm_toml_unless_the_command_line_says_otherwise() {
    // The fixture's pgm.toml says 2027-01-04, when nothing is overdue yet.
    assert_eq!(codes_reported(&["clean"]), Vec::<String>::new());
    assert_eq!(
        codes_reported(&["clean", "--today", "2028-01-03"]),
        ["overdue"]
    );
}

#[test]
fn the_exposure_threshold_can_be_lowered() {
    let unmitigated = |args: &[&str]| {
        codes_reported(args)
            .iter()
            .any(|code| code == "unmitigated-risk")
    };
    assert!(!unmitigated(&["problems"]));
    assert!(unmitigated(&["problems", "--exposure-threshold", "12"]));
}

#[test]
fn schedule_as_a_table() {
    check(
        &["schedule", "clean"],
        expect![[r#"
        exit: Some(0)
        apollo — Apollo data-centre exit
          id              start       finish      latest start  latest finish  slack  critical  title
          apollo.network  2027-01-04  2027-02-12  2027-01-04    2027-02-12         0  *         Network backbone
          apollo.iam      2027-02-15  2027-03-30  2027-02-15    2027-03-30         0  *         Identity and access
          apollo.billing  2027-04-07  2027-06-01  2027-04-07    2027-06-01         0  *         Billing migration
          apollo.launch   2027-06-01  2027-06-01  2027-06-01    2027-06-01         0  *         Public launch

        hermes — Hermes customer portal
          id             start       finish      latest start  latest finish  slack  critical  title
          hermes.portal  2027-03-31  2027-06-08  2027-03-31    2027-06-08         0  *         Portal rebuild
    "#]],
    );
}

#[test]
fn schedule_as_json() {
    check(
        &["schedule", "clean", "--format", "json"],
        expect![[r#"
        exit: Some(0)
        {
          "items": [
            {
              "id": "apollo.network",
              "kind": "project",
              "title": "Network backbone",
              "earliest_start": "2027-01-04",
              "earliest_finish": "2027-02-12",
              "latest_start": "2027-01-04",
              "latest_finish": "2027-02-12",
              "slack_days": 0,
              "critical": true
            },
            {
              "id": "apollo.iam",
              "kind": "project",
              "title": "Identity and access",
              "earliest_start": "2027-02-15",
              "earliest_finish": "2027-03-30",
              "latest_start": "2027-02-15",
              "latest_finish": "2027-03-30",
              "slack_days": 0,
              "critical": true
            },
            {
              "id": "apollo.billing",
              "kind": "project",
              "title": "Billing migration",
              "earliest_start": "2027-04-07",
              "earliest_finish": "2027-06-01",
              "latest_start": "2027-04-07",
              "latest_finish": "2027-06-01",
              "slack_days": 0,
              "critical": true
            },
            {
              "id": "apollo.launch",
              "kind": "milestone",
              "title": "Public launch",
              "earliest_start": "2027-06-01",
              "earliest_finish": "2027-06-01",
              "latest_start": "2027-06-01",
              "latest_finish": "2027-06-01",
              "slack_days": 0,
              "critical": true
            },
            {
              "id": "hermes.portal",
              "kind": "project",
              "title": "Portal rebuild",
              "earliest_start": "2027-03-31",
              "earliest_finish": "2027-06-08",
              "latest_start": "2027-03-31",
              "latest_finish": "2027-06-08",
              "slack_days": 0,
              "critical": true
            }
          ]
        }
    "#]],
    );
}

#[test]
fn items_in_a_cycle_have_no_dates() {
    check(
        &["schedule", "problems", "--format", "json"],
        expect![[r#"
        exit: Some(0)
        {
          "items": [
            {
              "id": "loop.design",
              "kind": "project",
              "title": "Design 🚀",
              "earliest_start": null,
              "earliest_finish": null,
              "latest_start": null,
              "latest_finish": null,
              "slack_days": null,
              "critical": false
            },
            {
              "id": "loop.build",
              "kind": "project",
              "title": "Build",
              "earliest_start": null,
              "earliest_finish": null,
              "latest_start": null,
              "latest_finish": null,
              "slack_days": null,
              "critical": false
            },
            {
              "id": "loop.ship",
              "kind": "project",
              "title": "Ship",
              "earliest_start": "2027-01-04",
              "earliest_finish": "2027-01-08",
              "latest_start": "2027-01-04",
              "latest_finish": "2027-01-08",
              "slack_days": 0,
              "critical": true
            },
            {
              "id": "review.signoff",
              "kind": "project",
              "title": "Sign-off",
              "earliest_start": null,
              "earliest_finish": null,
              "latest_start": null,
              "latest_finish": null,
              "slack_days": null,
              "critical": false
            },
            {
              "id": "review.audit",
              "kind": "project",
              "title": "Audit",
              "earliest_start": "2027-01-04",
              "earliest_finish": "2027-01-29",
              "latest_start": "2026-12-21",
              "latest_finish": "2027-01-15",
              "slack_days": -10,
              "critical": true
            }
          ]
        }
    "#]],
    );
}

#[test]
fn export_as_json() {
    check(
        &["export", "--format", "json", "clean"],
        expect![[r#"
        exit: Some(0)
        {
          "holidays": [
            {
              "first": "2027-03-26",
              "last": "2027-03-26"
            },
            {
              "first": "2027-03-29",
              "last": "2027-03-29"
            }
          ],
          "people": [
            {
              "description": null,
              "docs": null,
              "email": null,
              "id": "alice",
              "kind": "person",
              "role": "Program manager",
              "title": "Alice Chen"
            },
            {
              "description": null,
              "docs": null,
              "email": null,
              "id": "bob",
              "kind": "person",
              "role": null,
              "title": "Bob Okafor"
            },
            {
              "description": null,
              "docs": null,
              "email": null,
              "id": "carol",
              "kind": "person",
              "role": null,
              "title": "Carol Diaz"
            }
          ],
          "programs": [
            {
              "description": null,
              "docs": "Leave the old data centre.",
              "id": "apollo",
              "items": [
                {
                  "allocations": [
                    {
                      "people": 2.0,
                      "resource": "backend"
                    }
                  ],
                  "deadline": null,
                  "depends_on": [],
                  "description": null,
                  "docs": null,
                  "duration_days": 30,
                  "end": null,
                  "id": "apollo.network",
                  "kind": "project",
                  "owner": "bob",
                  "progress": null,
                  "schedule": {
                    "critical": true,
                    "earliest_finish": "2027-02-12",
                    "earliest_start": "2027-01-04",
                    "latest_finish": "2027-02-12",
                    "latest_start": "2027-01-04",
                    "slack_days": 0
                  },
                  "start": "2027-01-04",
                  "status": "active",
                  "title": "Network backbone"
                },
                {
                  "allocations": [
                    {
                      "people": 2.0,
                      "resource": "backend"
                    }
                  ],
                  "deadline": null,
                  "depends_on": [
                    {
                      "item": "apollo.network",
                      "lag_days": 0,
                      "type": "fs"
                    }
                  ],
                  "description": null,
                  "docs": null,
                  "duration_days": 30,
                  "end": null,
                  "id": "apollo.iam",
                  "kind": "project",
                  "owner": "carol",
                  "progress": null,
                  "schedule": {
                    "critical": true,
                    "earliest_finish": "2027-03-30",
                    "earliest_start": "2027-02-15",
                    "latest_finish": "2027-03-30",
                    "latest_start": "2027-02-15",
                    "slack_days": 0
                  },
                  "start": null,
                  "status": null,
                  "title": "Identity and access"
                },
                {
                  "allocations": [
                    {
                      "people": 2.0,
                      "resource": "backend"
                    }
                  ],
                  "deadline": "2027-09-30",
                  "depends_on": [
                    {
                      "item": "apollo.iam",
                      "lag_days": 5,
                      "type": "fs"
                    },
                    {
                      "item": "apollo.network",
                      "lag_days": 0,
                      "type": "ss"
                    }
                  ],
                  "description": null,
                  "docs": null,
                  "duration_days": 40,
                  "end": null,
                  "id": "apollo.billing",
                  "kind": "project",
                  "owner": "bob",
                  "progress": null,
                  "schedule": {
                    "critical": true,
                    "earliest_finish": "2027-06-01",
                    "earliest_start": "2027-04-07",
                    "latest_finish": "2027-06-01",
                    "latest_start": "2027-04-07",
                    "slack_days": 0
                  },
                  "start": null,
                  "status": null,
                  "title": "Billing migration"
                },
                {
                  "depends_on": [
                    {
                      "item": "apollo.billing",
                      "lag_days": 0,
                      "type": "fs"
                    }
                  ],
                  "description": null,
                  "docs": null,
                  "due": "2027-09-30",
                  "id": "apollo.launch",
                  "kind": "milestone",
                  "owner": null,
                  "schedule": {
                    "critical": true,
                    "earliest_finish": "2027-06-01",
                    "earliest_start": "2027-06-01",
                    "latest_finish": "2027-06-01",
                    "latest_start": "2027-06-01",
                    "slack_days": 0
                  },
                  "title": "Public launch"
                },
                {
                  "affects": [
                    "apollo.network"
                  ],
                  "description": null,
                  "docs": null,
                  "exposure": 16,
                  "id": "apollo.vendor_slip",
                  "impact": 4,
                  "kind": "risk",
                  "likelihood": 4,
                  "mitigation": "Pre-order spare switches",
                  "owner": "bob",
                  "status": "open",
                  "title": "Switch vendor ships late"
                },
                {
                  "contact": "alice",
                  "description": null,
                  "docs": null,
                  "id": "apollo.finance",
                  "interest": "medium",
                  "kind": "stakeholder",
                  "power": "high",
                  "title": "Finance leadership"
                },
                {
                  "baseline": 120000.0,
                  "delivered_by": [
                    "apollo.launch"
                  ],
                  "description": null,
                  "docs": null,
                  "id": "apollo.hosting_cost",
                  "kind": "benefit",
                  "metric": null,
                  "owner": "alice",
                  "realized_by": "2027-12-31",
                  "target": 84000.0,
                  "title": "Cut hosting cost by 30%"
                }
              ],
              "kind": "program",
              "objective": null,
              "owner": "alice",
              "title": "Apollo data-centre exit",
              "window": {
                "first": "2027-01-04",
                "last": "2027-12-17"
              }
            },
            {
              "description": null,
              "docs": null,
              "id": "hermes",
              "items": [
                {
                  "allocations": [
                    {
                      "people": 1.0,
                      "resource": "backend"
                    }
                  ],
                  "deadline": null,
                  "depends_on": [
                    {
                      "item": "apollo.iam",
                      "lag_days": 0,
                      "type": "fs"
                    }
                  ],
                  "description": null,
                  "docs": null,
                  "duration_days": 50,
                  "end": null,
                  "id": "hermes.portal",
                  "kind": "project",
                  "owner": "carol",
                  "progress": null,
                  "schedule": {
                    "critical": true,
                    "earliest_finish": "2027-06-08",
                    "earliest_start": "2027-03-31",
                    "latest_finish": "2027-06-08",
                    "latest_start": "2027-03-31",
                    "slack_days": 0
                  },
                  "start": null,
                  "status": null,
                  "title": "Portal rebuild"
                }
              ],
              "kind": "program",
              "objective": null,
              "owner": "carol",
              "title": "Hermes customer portal",
              "window": null
            }
          ],
          "teams": [
            {
              "capacity": 4.0,
              "description": null,
              "docs": null,
              "id": "backend",
              "kind": "team",
              "members": [
                "alice",
                "bob"
              ],
              "title": "Backend guild"
            }
          ]
        }
    "#]],
    );
}

#[test]
fn export_as_mermaid() {
    check(
        &["export", "--format", "mermaid", "clean"],
        expect![[r#"
        exit: Some(0)
        gantt
            dateFormat YYYY-MM-DD
            excludes weekends
            section Apollo data-centre exit
            Network backbone :active, crit, 2027-01-04, 2027-02-13
            Identity and access :crit, 2027-02-15, 2027-03-31
            Billing migration :crit, 2027-04-07, 2027-06-02
            Public launch :crit, milestone, 2027-06-01, 0d
            section Hermes customer portal
            Portal rebuild :crit, 2027-03-31, 2027-06-09
    "#]],
    );
}

#[test]
fn export_as_dot() {
    check(
        &["export", "--format", "dot", "clean"],
        expect![[r#"
        exit: Some(0)
        digraph pgm {
          rankdir=LR;
          node [shape=box];
          subgraph "cluster_apollo" {
            label="Apollo data-centre exit";
            "apollo.network" [label="Network backbone"];
            "apollo.iam" [label="Identity and access"];
            "apollo.billing" [label="Billing migration"];
            "apollo.launch" [label="Public launch", shape=diamond];
          }
          subgraph "cluster_hermes" {
            label="Hermes customer portal";
            "hermes.portal" [label="Portal rebuild"];
          }
          "apollo.network" -> "apollo.iam";
          "apollo.iam" -> "apollo.billing" [label="+5d"];
          "apollo.network" -> "apollo.billing" [label="ss"];
          "apollo.billing" -> "apollo.launch";
          "apollo.iam" -> "hermes.portal";
        }
    "#]],
    );
}

#[test]
fn export_as_dot_marks_cycles_red() {
    check(
        &["export", "--format", "dot", "problems"],
        expect![[r#"
        exit: Some(0)
        digraph pgm {
          rankdir=LR;
          node [shape=box];
          subgraph "cluster_loop" {
            label="Löop ✈ programme";
            "loop.design" [label="Design 🚀"];
            "loop.build" [label="Build"];
            "loop.ship" [label="Ship"];
          }
          subgraph "cluster_review" {
            label="Review";
            "review.signoff" [label="Sign-off"];
            "review.audit" [label="Audit"];
          }
          "loop.build" -> "loop.design" [color=red];
          "review.signoff" -> "loop.build" [color=red];
          "loop.build" -> "loop.ship";
          "loop.design" -> "review.signoff" [color=red];
        }
    "#]],
    );
}

/// A temporary directory holding a copy of the fixture workspace `name`.
fn copy_of(name: &str) -> tempfile::TempDir {
    let copy = tempfile::tempdir().expect("temporary directory");
    let source = fixtures().join(name);
    for entry in fs::read_dir(&source).expect("fixture directory") {
        let path = entry.expect("directory entry").path();
        let name = path.file_name().expect("a file name");
        fs::copy(&path, copy.path().join(name)).expect("copied fixture");
    }
    copy
}

#[test]
fn fmt_check_lists_what_would_change_and_changes_nothing() {
    let copy = copy_of("unformatted");
    let before = fs::read_to_string(copy.path().join("messy.pgm")).expect("messy.pgm");
    expect![[r#"
        exit: Some(1)
        broken.pgm: cannot format a file with syntax errors: line 3, column 1: expected `}` to close person `carol`, found keyword `program` (and 1 more)
        messy.pgm
    "#]].assert_eq(&pgm(copy.path(), &["fmt", "--check"]).shown());
    let after = fs::read_to_string(copy.path().join("messy.pgm")).expect("messy.pgm");
    assert_eq!(before, after);
}

#[test]
fn fmt_rewrites_only_what_changes_and_leaves_broken_files_alone() {
    let copy = copy_of("unformatted");
    let broken = fs::read_to_string(copy.path().join("broken.pgm")).expect("broken.pgm");
    let model_before = pgm(copy.path(), &["export", "--format", "json", "messy.pgm"]).stdout;
    expect![[r#"
        exit: Some(1)
        broken.pgm: cannot format a file with syntax errors: line 3, column 1: expected `}` to close person `carol`, found keyword `program` (and 1 more)
    "#]].assert_eq(&pgm(copy.path(), &["fmt"]).shown());
    let messy = fs::read_to_string(copy.path().join("messy.pgm")).expect("messy.pgm");
    expect![[r#"
        person alice "Alice Chen" { role: "Program manager" }
        // The backbone comes first.
        program apollo "Apollo" {
          owner: alice
          project network "Network" {
            owner: alice
            start: 2027-01-04
            duration: 6w
          }
          milestone done_with_network { depends_on: network }
        }
    "#]]
    .assert_eq(&messy);
    let model_after = pgm(copy.path(), &["export", "--format", "json", "messy.pgm"]).stdout;
    assert_eq!(model_before, model_after);
    assert_eq!(
        fs::read_to_string(copy.path().join("broken.pgm")).expect("broken.pgm"),
        broken
    );
    let recheck = pgm(copy.path(), &["fmt", "--check", "messy.pgm", "tidy.pgm"]);
    assert_eq!(recheck.code, Some(0), "{}", recheck.shown());
}

#[test]
fn a_missing_path_cannot_run() {
    check(
        &["check", "clean", "nowhere"],
        expect![[r#"
            exit: Some(2)
            --- stderr
            error: nowhere: no such file or directory
        "#]],
    );
}

#[test]
fn a_file_that_is_not_utf8_cannot_run() {
    let dir = workspace_with(b"person al\xffce \"Alice\"\n");
    expect![[r#"
        exit: Some(2)
        --- stderr
        error: plan.pgm: not valid UTF-8 (at byte 9)
    "#]]
    .assert_eq(&pgm(dir.path(), &["check"]).shown());
}

#[test]
fn a_bad_pgm_toml_cannot_run() {
    check(
        &["check", "bad_settings"],
        expect![[r#"
        exit: Some(2)
        --- stderr
        error: bad_settings/pgm.toml: 1:9: `today` must be a date as YYYY-MM-DD, not "2027-13-01" (failed to parse two digit integer as month: parameter 'month' is not in the required range of 1..=12)
    "#]],
    );
}

#[test]
fn an_empty_file_is_clean() {
    let dir = workspace_with(b"");
    expect![[r#"
        exit: Some(0)
        0 errors, 0 warnings, 0 info, 0 hints in 1 file
    "#]]
    .assert_eq(&pgm(dir.path(), &["check"]).shown());
}

/// Runs every command that reads a model on `contents`: none may panic or
/// fail to run, and check must find errors.
fn assert_survives(contents: &[u8]) {
    let dir = workspace_with(contents);
    for args in [
        &["check", "--format", "json"][..],
        &["schedule", "--format", "json"],
        &["export", "--format", "json"],
    ] {
        let run = pgm(dir.path(), args);
        assert!(!run.stderr.contains("panicked"), "{args:?}: {}", run.stderr);
        let expected = if args[0] == "check" { Some(1) } else { Some(0) };
        assert_eq!(run.code, expected, "{args:?}: {}", run.stderr);
        run.json();
    }
}

#[test]
fn binary_garbage_gives_syntax_errors() {
    let garbage: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8 & 0x7f)
        .collect();
    assert_survives(&garbage);
}

#[test]
fn ten_thousand_nested_braces_give_syntax_errors() {
    let mut text = String::from("program deep {\n");
    text.push_str(&"{".repeat(10_000));
    text.push_str(&"}".repeat(10_000));
    text.push_str("\n}\n");
    assert_survives(text.as_bytes());
}

#[test]
fn a_fifty_megabyte_file_is_checked() {
    let dir = workspace_with(b"");
    let mut text =
        String::from("person pm \"Program manager\"\nprogram big \"Big\" {\n  owner: pm\n");
    let description = "word ".repeat(1_000);
    let mut index = 0;
    while text.len() < 50 * 1024 * 1024 {
        let depends = if index == 0 {
            String::new()
        } else {
            format!("depends_on: p{}\n    ", index - 1)
        };
        writeln!(
            text,
            "  project p{index} {{\n    owner: pm\n    {depends}duration: 1d\n    description: \"{description}\"\n  }}"
        )
        .expect("a string");
        index += 1;
    }
    text.push_str("}\n");
    fs::write(dir.path().join("plan.pgm"), &text).expect("plan written");
    let run = pgm(dir.path(), &["check", "--format", "json"]);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(run.json()["summary"]["files"], 1);
}
