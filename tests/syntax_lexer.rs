//! The lexer: every token kind, its span, and the lexical errors.

use std::fmt::Write;

use expect_test::{Expect, expect};
use pgm::syntax::lexer::is_whitespace;
use pgm::syntax::{TokenKind, lex_with_errors};

fn check(text: &str, expected: Expect) {
    let (tokens, errors) = lex_with_errors(text);
    let mut out = String::new();
    for token in tokens {
        let _ = writeln!(
            out,
            "{:?} {:?} {:?}",
            token.kind,
            token.span,
            &text[token.span.range()]
        );
    }
    for error in errors {
        let _ = writeln!(out, "error {:?}: {}", error.span, error.message);
    }
    expected.assert_eq(&out);
}

#[test]
fn keywords_are_the_nine_item_kinds_only() {
    check(
        "calendar person team program project milestone risk stakeholder benefit status fs programs _x x1 project_0",
        expect![[r#"
            Keyword(Calendar) 0..8 "calendar"
            Keyword(Person) 9..15 "person"
            Keyword(Team) 16..20 "team"
            Keyword(Program) 21..28 "program"
            Keyword(Project) 29..36 "project"
            Keyword(Milestone) 37..46 "milestone"
            Keyword(Risk) 47..51 "risk"
            Keyword(Stakeholder) 52..63 "stakeholder"
            Keyword(Benefit) 64..71 "benefit"
            Ident 72..78 "status"
            Ident 79..81 "fs"
            Ident 82..90 "programs"
            Ident 91..93 "_x"
            Ident 94..96 "x1"
            Ident 97..106 "project_0"
        "#]],
    );
}

#[test]
fn literals() {
    check(
        r#"2027-01-04 30d 6w +1w -2d 50% 12.5% 4 2.5 "a \"b\" \\ \n \t \r \u{1F600}""#,
        expect![[r#"
            Date 0..10 "2027-01-04"
            Duration 11..14 "30d"
            Duration 15..17 "6w"
            Duration 18..21 "+1w"
            Duration 22..25 "-2d"
            Percent 26..29 "50%"
            Percent 30..35 "12.5%"
            Number 36..37 "4"
            Number 38..41 "2.5"
            String { terminated: true } 42..73 "\"a \\\"b\\\" \\\\ \\n \\t \\r \\u{1F600}\""
        "#]],
    );
}

#[test]
fn date_range_without_spaces() {
    check(
        "2027-01-04..2027-12-17",
        expect![[r#"
        Date 0..10 "2027-01-04"
        DotDot 10..12 ".."
        Date 12..22 "2027-12-17"
    "#]],
    );
}

#[test]
fn punctuation_and_paths() {
    check(
        "a.b: c, d .. e { }",
        expect![[r#"
        Ident 0..1 "a"
        Dot 1..2 "."
        Ident 2..3 "b"
        Colon 3..4 ":"
        Ident 5..6 "c"
        Comma 6..7 ","
        Ident 8..9 "d"
        DotDot 10..12 ".."
        Ident 13..14 "e"
        LBrace 15..16 "{"
        RBrace 17..18 "}"
    "#]],
    );
}

#[test]
fn comments() {
    check(
        "// line\n/// doc\n//// not doc\n///\n/* block\n */ x /* unterminated",
        expect![[r#"
            Comment(Line) 0..7 "// line"
            Comment(Doc) 8..15 "/// doc"
            Comment(Line) 16..28 "//// not doc"
            Comment(Doc) 29..32 "///"
            Comment(Block) 33..45 "/* block\n */"
            Ident 46..47 "x"
            Comment(Block) 48..63 "/* unterminated"
            error 48..63: unterminated block comment: expected `*/` before the end of the file
        "#]],
    );
}

#[test]
fn crlf_ends_comments_before_the_carriage_return() {
    check(
        "/// doc\r\nx",
        expect![[r#"
        Comment(Doc) 0..7 "/// doc"
        Ident 9..10 "x"
    "#]],
    );
}

#[test]
fn string_errors_keep_the_token() {
    check(
        "\"bad \\q escape\" \"bad \\u{110000}\" \"open\nnext \"tail\\",
        expect![[r#"
            String { terminated: true } 0..15 "\"bad \\q escape\""
            String { terminated: true } 16..32 "\"bad \\u{110000}\""
            String { terminated: false } 33..38 "\"open"
            Ident 39..43 "next"
            String { terminated: false } 44..50 "\"tail\\"
            error 5..7: unknown escape `\q` in string; the escapes are \" \\ \n \t \r and \u{...}
            error 21..31: invalid unicode escape `\u{110000}`; write \u{...} with 1 to 6 hex digits of a Unicode scalar value
            error 33..38: unterminated string: expected a closing `"` before the end of the line
            error 44..50: unterminated string: expected a closing `"` before the end of the line
        "#]],
    );
}

#[test]
fn unknown_text_is_one_error_token_per_run() {
    check(
        "a @#$ b 30days 1.5w +5 é",
        expect![[r#"
        Ident 0..1 "a"
        Error 2..5 "@#$"
        Ident 6..7 "b"
        Error 8..14 "30days"
        Error 15..19 "1.5w"
        Error 20..22 "+5"
        Error 23..25 "é"
    "#]],
    );
}

#[test]
fn whitespace_is_exactly_what_the_lexer_skips() {
    let unicode = ['\u{00A0}', '\u{2028}', '\u{3000}', '\u{200B}', '\u{FEFF}'];
    for c in (0..128u8).map(char::from).chain(unicode) {
        let text = format!("a{c}b");
        let tokens: Vec<_> = lex_with_errors(&text)
            .0
            .iter()
            .map(|token| (token.kind, &text[token.span.range()]))
            .collect();
        let skipped = tokens == [(TokenKind::Ident, "a"), (TokenKind::Ident, "b")];
        assert_eq!(is_whitespace(c), skipped, "{c:?}");
    }
}
