//! The formatter: fixture text in, canonical text out; every comment kept;
//! formatting twice changes nothing; range formatting edits only what the
//! range covers.

mod syntax_support;

use expect_test::{Expect, ExpectFile, expect, expect_file};
use pgm::base::Span;
use pgm::syntax::format::{format, format_range};
use pgm::syntax::parse;

/// Formats `text`, checks that formatting again changes nothing and that
/// the tree is the same, and compares the result.
fn check(text: &str, expected: impl ExpectText) {
    let formatted = match format(text) {
        Ok(formatted) => formatted,
        Err(error) => panic!("{error}"),
    };
    let again = format(&formatted).map_err(|e| e.to_string());
    assert_eq!(again.as_deref(), Ok(formatted.as_str()), "not idempotent");
    assert_eq!(
        syntax_support::dump_tree(&parse(text).file, false),
        syntax_support::dump_tree(&parse(&formatted).file, false),
        "the tree changed"
    );
    expected.assert_text(&formatted);
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
              project network "N" {
                owner: bob
                depends_on: apollo.iam +1w ss, c
              }
              project x {}
            }
        "#]],
    );
}

#[test]
fn items_without_body_and_empty_bodies() {
    check(
        "person bob \"Bob\"\nteam t {   }\n\n\n\nperson c",
        expect![[r#"
        person bob "Bob"

        team t {}

        person c
    "#]],
    );
}

#[test]
fn blank_lines_between_members_are_kept_at_most_one() {
    check(
        "team t {\n\n  capacity: 4\n\n\n\n  members: a\n  role: x\n\n}",
        expect![[r#"
            team t {
              capacity: 4

              members: a
              role: x
            }
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
            person alice "Alice" {
              role: "Lead"
            } // trailing after a body

            person bob "Bob" /* inline block */

            /* An own-line
               block comment. */
            team backend { // after the brace
              capacity: 4 // people

              // before members
              members: alice, // the lead
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
    let formatted = format("// c\r\nperson a {\r\n role: \"x\" // t\r\n}\r\nperson b\r\n");
    assert_eq!(
        formatted.ok().as_deref(),
        Some("// c\r\nperson a {\r\n  role: \"x\" // t\r\n}\r\n\r\nperson b\r\n")
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
    let text = "person a   \"A\"\nteam t {capacity: 4}\nperson   c\n";
    let start = text.find("team").unwrap_or_default();
    let edits = format_range(text, Span::new(start, start + 4));
    expect![[r#"
        Ok(
            [
                TextEdit {
                    span: 14..35,
                    new_text: "\n\nteam t {\n  capacity: 4\n}",
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
