//! The formatter: fixture text in, canonical text out; every comment kept;
//! formatting twice changes nothing; range formatting edits only what the
//! range covers.

mod syntax_support;

use expect_test::{Expect, ExpectFile, expect, expect_file};
use pgm::base::Span;
use pgm::syntax::format::{format, format_range};

/// Formats `text`, checks what formatting guarantees (idempotent, same
/// tree, only whitespace changed, clean line ends and blank lines), and
/// compares the result.
fn check(text: &str, expected: impl ExpectText) {
    match syntax_support::format_checked(text) {
        Ok(formatted) => expected.assert_text(&formatted),
        Err(error) => panic!("{error}"),
    }
}

/// Inline and file snapshots alike.
trait ExpectText {
    fn assert_text(&self, actual: &str);
}

impl ExpectText for Expect {
    fn assert_text(&self, actual: &str) {
        self.assert_eq(actual);
    }
}

impl ExpectText for ExpectFile {
    fn assert_text(&self, actual: &str) {
        self.assert_eq(actual);
    }
}

#[test]
fn spec_tour() {
    check(
        include_str!("fixtures/syntax/tour.pgm"),
        expect_file!["fixtures/syntax/tour.formatted.pgm"],
    );
}

#[test]
fn one_line_file_is_laid_out() {
    check(
        "program apollo \"A\" {owner:alice window: 2027-01-04..2027-12-17 project network \"N\" { owner: bob depends_on: apollo . iam +1w ss,c } project x {} }",
        expect![[r#"
            program apollo "A" {
              owner: alice
              window: 2027-01-04 .. 2027-12-17
              project network "N" { owner: bob depends_on: apollo.iam +1w ss, c }
              project x {}
            }
        "#]],
    );
}

#[test]
fn a_body_of_properties_written_on_one_line_stays_on_one_line() {
    check(
        "person alice \"Alice Chen\" { role: \"Program manager\" }\nperson bob   \"Bob\"{role:\"PM\"   email:\"a@x\"}\nteam backend {capacity:4 members:alice,bob}\n",
        expect![[r#"
            person alice "Alice Chen" { role: "Program manager" }
            person bob "Bob" { role: "PM" email: "a@x" }
            team backend { capacity: 4 members: alice, bob }
        "#]],
    );
}

#[test]
fn a_one_line_body_wider_than_100_columns_is_laid_out_one_member_per_line() {
    // Each `fits` line is exactly 100 columns wide, each `wide` one 101.
    let role_of_width = |width: usize| "r".repeat(width);
    let text = format!(
        "person fits {{ role: \"{}\" }}\nperson wide {{ role: \"{}\" }}\nprogram p {{\n  project fits {{ role: \"{}\" }}\n  project wide {{ role: \"{}\" }}\n}}\n",
        role_of_width(76),
        role_of_width(77),
        role_of_width(73),
        role_of_width(74),
    );
    check(
        &text,
        expect![[r#"
            person fits { role: "rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr" }
            person wide {
              role: "rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr"
            }
            program p {
              project fits { role: "rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr" }
              project wide {
                role: "rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr"
              }
            }
        "#]],
    );
}

#[test]
fn a_body_with_a_line_break_an_item_or_a_comment_has_one_member_per_line() {
    check(
        "person a { role: \"x\"\n}\nperson b { role: \"x\" /* why */ }\nprogram p { owner: a project x { duration: 1w } }\n",
        expect![[r#"
            person a {
              role: "x"
            }
            person b {
              role: "x" /* why */
            }
            program p {
              owner: a
              project x { duration: 1w }
            }
        "#]],
    );
}

#[test]
fn items_without_body_and_empty_bodies() {
    check(
        "person bob \"Bob\"\nteam t {   }\nteam u {\n\n}\n\n\n\nperson c\nperson d{}",
        expect![[r#"
            person bob "Bob"
            team t {}
            team u {}

            person c
            person d {}
        "#]],
    );
}

#[test]
fn blank_lines_are_kept_at_most_one_and_none_added() {
    check(
        "\n\n// top\n\n\nperson a\nperson b\n\n\n\nperson c { role: \"x\" }\nteam t {\n\n  capacity: 4\n\n\n\n  members: a\n  // among members\n\n  role: x\n\n}\nteam u { // after the brace\n\n  capacity: 1\n}\n\n\n",
        expect![[r#"
            // top

            person a
            person b

            person c { role: "x" }
            team t {
              capacity: 4

              members: a
              // among members

              role: x
            }
            team u { // after the brace
              capacity: 1
            }
        "#]],
    );
}

#[test]
fn values_broken_over_lines_keep_their_breaks() {
    check(
        "calendar {\n  holidays:\n    2027-01-01,               // New Year's Day\n    2027-03-26, 2027-03-29,   // Good Friday, Easter Monday\n    2027-12-24 .. 2027-12-31  // Year-end shutdown\n}\n",
        expect![[r#"
            calendar {
              holidays:
                2027-01-01, // New Year's Day
                2027-03-26, 2027-03-29, // Good Friday, Easter Monday
                2027-12-24 .. 2027-12-31 // Year-end shutdown
            }
        "#]],
    );
}

#[test]
fn values_broken_after_the_key_line_move_below_the_key() {
    check(
        "program p {\n  project x {\n    depends_on: a +1w, b ss,\n          c,   d\n    allocate: backend 2, carol 50%\n    owner: // who\n      alice\n    affects:\n  a, b\n    window: x\n      +1w\n  }\n}\n",
        expect![[r#"
            program p {
              project x {
                depends_on:
                  a +1w, b ss,
                  c, d
                allocate: backend 2, carol 50%
                owner: // who
                  alice
                affects:
                  a, b
                window:
                  x
                  +1w
              }
            }
        "#]],
    );
}

#[test]
fn line_breaks_inside_a_value_or_before_a_comma_are_joined() {
    check(
        "program p {\n  project x {\n    depends_on: apollo\n      .iam\n      , b\n    window: 2027-01-04\n      .. 2027-12-17\n  }\n}\n",
        expect![[r#"
            program p {
              project x {
                depends_on: apollo.iam, b
                window: 2027-01-04 .. 2027-12-17
              }
            }
        "#]],
    );
}

#[test]
fn comments_stay_at_the_line_end_or_take_the_indent_of_what_follows() {
    check(
        "program p {   // after the brace\n  owner: a     // after a value\n      // before a member, badly indented\n  project x {\n    allocate:\n      backend 2,\n          // among the values\n      carol 50%\n          // after the last value\n  duration: 1w\n// before the closing brace, badly indented\n  }\n}\n   // at the end\n",
        expect![[r#"
            program p { // after the brace
              owner: a // after a value
              // before a member, badly indented
              project x {
                allocate:
                  backend 2,
                  // among the values
                  carol 50%
                // after the last value
                duration: 1w
                // before the closing brace, badly indented
              }
            }
            // at the end
        "#]],
    );
}

#[test]
fn every_kind_of_comment_is_kept() {
    check(
        include_str!("fixtures/syntax/comments.pgm"),
        expect![[r#"
            // A line comment at the top.
            //// Four slashes: a plain comment.

            /// Alice leads.
            ///   Indented doc text.
            person alice "Alice" { role: "Lead" } // trailing after a body
            person bob "Bob" /* inline block */
            /* An own-line
               block comment. */
            team backend { // after the brace
              capacity: 4 // people

              // before members
              members:
                alice, // the lead
                // among the values
                bob
              role: /* inside a value */ "x"
              // before the closing brace
            }
            program p { /* c */
            }
            program q {
              project a /* between name and brace */ {}
              /// A doc comment inside a program.
              milestone m "M" // after a title
            }
            // The last comment.
        "#]],
    );
}

#[test]
fn crlf_files_keep_their_line_ending() {
    let formatted =
        format("// c\r\nperson a {\r\n role: \"x\" // t\r\n}\r\n\r\n\r\nperson b {role:\"y\"}\r\n");
    assert_eq!(
        formatted.ok().as_deref(),
        Some("// c\r\nperson a {\r\n  role: \"x\" // t\r\n}\r\n\r\nperson b { role: \"y\" }\r\n")
    );
}

#[test]
fn empty_and_comment_only_files() {
    check("", expect![[""]]);
    check("\n\n  \n", expect![[""]]);
    check(
        "   // only a comment   \n\n",
        expect![[r#"
        // only a comment
    "#]],
    );
}

#[test]
fn a_file_with_syntax_errors_is_refused() {
    let error = format("person a\nteam t { capacity 4 }\nperson \n")
        .err()
        .map(|e| e.to_string());
    expect![[r#"
        Some(
            "cannot format a file with syntax errors: line 2, column 19: expected `:` after property key `capacity`, found number `4` (and 1 more)",
        )
    "#]].assert_debug_eq(&error);
}

#[test]
fn range_formatting_edits_only_the_items_in_range() {
    let text = "person a   \"A\"\nteam t {capacity: 4}\nperson   c\nteam u {\ncapacity: 4}\n";
    let start = text.find("team").unwrap_or_default();
    let edits = format_range(text, Span::new(start, start + 4));
    expect![[r#"
        Ok(
            [
                TextEdit {
                    span: 14..35,
                    new_text: "\nteam t { capacity: 4 }",
                },
            ],
        )
    "#]]
    .assert_debug_eq(&edits);
}

#[test]
fn range_formatting_of_a_canonical_file_edits_nothing() {
    let tour = include_str!("fixtures/syntax/tour.formatted.pgm");
    let edits = format_range(tour, Span::new(0, tour.len()));
    assert_eq!(edits, Ok(Vec::new()));
}
