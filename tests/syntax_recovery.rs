//! The parser on broken files: one error per mistake, the rest still read.

mod syntax_support;

use expect_test::{Expect, expect};
use pgm::syntax::parse;

fn check(text: &str, expected: Expect) {
    expected.assert_eq(&syntax_support::dump_parse(text));
}

#[test]
fn missing_colon() {
    check(
        "person a { role \"x\" }\nperson b",
        expect![[r#"
            person a @0..21 {@9..21
              role: "x" @11..19
            }
            person b @22..30
            error 16..19: expected `:` after property key `role`, found string "x"
        "#]],
    );
}

#[test]
fn missing_value() {
    check(
        "program p {\n  owner:\n  window: 2027-01-04 .. 2027-02-01\n}",
        expect![[r#"
            program p @0..57 {@10..57
              owner: @14..20
              window: date(2027-01-04) .. date(2027-02-01) @23..55
            }
            error 23..29: expected a value after `owner:`, found identifier `window`
        "#]],
    );
}

#[test]
fn missing_value_after_comma_and_after_range() {
    check(
        "team t { members: a, , b }\ncalendar { holidays: 2027-01-01 .. }\nperson c",
        expect![[r#"
            team t @0..26 {@7..26
              members: a, b @9..24
            }
            calendar @27..63 {@36..63
              holidays: date(2027-01-01) @38..58
            }
            person c @64..72
            error 21..22: expected a value after `,` in property `members`, found `,`
            error 62..63: expected a value after `..`, found `}`
        "#]],
    );
}

#[test]
fn stray_token_in_a_body() {
    check(
        "team t {\n  capacity: 4 )\n  members: a\n  , b: c\n}",
        expect![[r#"
            team t @0..48 {@7..48
              capacity: 4 @11..22
              members: a @27..37
              b: c @42..46
            }
            error 23..24: expected `,` or the next property after the value of `capacity`, found unexpected text `)`
            error 42..43: expected a value after `,` in property `members`, found identifier `b`
        "#]],
    );
}

#[test]
fn missing_closing_brace_before_a_sibling() {
    check(
        "program p {\n  project a {\n    owner: x\n  project b {\n    owner: y\n  }\n}\nperson z",
        expect![[r#"
            program p @0..71 {@10..71
              project a @14..38 {@24..38
                owner: x @30..38
              }
              project b @41..69 {@51..69
                owner: y @57..65
              }
            }
            person z @72..80
            error 41..48: expected `}` to close project `a`, found keyword `project`
        "#]],
    );
}

#[test]
fn missing_closing_brace_before_the_next_top_level_item() {
    check(
        "program p {\n  owner: x\n\nperson z \"Z\"\nteam t",
        expect![[r#"
            program p @0..22 {@10..22
              owner: x @14..22
            }
            person z "Z" @24..36
            team t @37..43
            error 24..30: expected `}` to close program `p`, found keyword `person`
        "#]],
    );
}

#[test]
fn missing_closing_brace_at_the_end() {
    check(
        "program p {\n  project a {\n  }\n",
        expect![[r#"
        program p @0..29 {@10..29
          project a @14..29 {@24..29
          }
        }
        error 30..30: expected `}` to close program `p`, found the end of the file
    "#]],
    );
}

#[test]
fn unterminated_string() {
    check(
        "person a \"Alice {\nperson b \"Bob\"\nteam t { role: \"open\n  capacity: 2 }",
        expect![[r#"
            person a "Alice {" @0..17
            person b "Bob" @18..32
            team t @33..69 {@40..69
              role: "open" @42..53
              capacity: 2 @56..67
            }
            error 9..17: unterminated string: expected a closing `"` before the end of the line
            error 48..53: unterminated string: expected a closing `"` before the end of the line
        "#]],
    );
}

#[test]
fn garbage_between_items() {
    check(
        "person a\n@@ ## garbage { program x {} } 12\nperson b\n} }\nperson c",
        expect![[r#"
            person a @0..8
            person b @43..51
            person c @56..64
            error 9..11: expected `{` or the next item after person `a`, found unexpected text `@@`
            error 52..53: expected `{` or the next item after person `b`, found `}`
        "#]],
    );
}

#[test]
fn misspelt_keyword_skips_its_block() {
    check(
        "progam p {\n  project a { owner: b }\n}\nperson c",
        expect![[r#"
            person c @38..46
            error 0..6: expected an item (calendar, person, team or program), found identifier `progam`
        "#]],
    );
}

#[test]
fn misplaced_items_stay_in_the_tree() {
    check(
        "project a {}\nprogram p {\n  program q { project r { risk s { } } }\n  person t\n}",
        expect![[r#"
            project a @0..12 {@10..12
            }
            program p @13..78 {@23..78
              program q @27..65 {@37..65
                project r @39..63 {@49..63
                }
              }
              person t @68..76
            }
            error 0..7: a project belongs inside a program, not at the top level of the file
            error 27..34: a program belongs at the top level of the file, not inside program `p`
            error 51..55: a risk belongs inside a program, not inside project `r`
            error 68..74: a person belongs at the top level of the file, not inside program `p`
        "#]],
    );
}

#[test]
fn names_are_required_except_for_the_calendar() {
    check(
        "person \"No name\"\ncalendar main {}\nprogram {\n  project { duration: 1d }\n}",
        expect![[r#"
            person "No name" @0..16
            calendar main @17..33 {@31..33
            }
            program @34..72 {@42..72
              project @46..70 {@54..70
                duration: 1d @56..68
              }
            }
            error 7..16: expected a name after `person`, found string "No name"
            error 26..30: expected `{` after `calendar`, found identifier `main`: the calendar has no name
            error 42..43: expected a name after `program`, found `{`
            error 54..55: expected a name after `project`, found `{`
        "#]],
    );
}

#[test]
fn text_after_an_item_without_a_body() {
    check(
        "person bob Bob\nprogram p {\n  milestone m 2027-01-01\n  owner: bob\n}",
        expect![[r#"
            person bob @0..10
            program p @15..66 {@25..66
              milestone m @29..40
              owner: bob @54..64
            }
            error 11..14: expected `{` or the next item after person `bob`, found identifier `Bob`
            error 41..51: expected `{`, a property or `}` after milestone `m`, found date `2027-01-01`
        "#]],
    );
}

/// Regression: an identifier after a nested item's name was taken for the
/// next property, so the item's body was skipped without any error.
#[test]
fn stray_words_before_a_body_are_reported_and_the_body_is_read() {
    check(
        "program p {\n  project a extra words {\n    duration: 1d\n  }\n  project b 42 \"B\" { duration: 2d }\n}",
        expect![[r#"
            program p @0..96 {@10..96
              project a @14..58 {@36..58
                duration: 1d @42..54
              }
              project b @61..94 {@78..94
                duration: 2d @80..92
              }
            }
            error 24..29: expected `{` after project `a`, found identifier `extra`
            error 71..73: expected `{` after project `b`, found number `42`
        "#]],
    );
}

#[test]
fn an_identifier_after_a_bodiless_item_that_starts_no_property_is_reported() {
    check(
        "program p {\n  milestone m stray\n  owner: bob\n}",
        expect![[r#"
            program p @0..46 {@10..46
              milestone m @14..25
              owner: bob @34..44
            }
            error 26..31: expected `{`, a property or `}` after milestone `m`, found identifier `stray`
        "#]],
    );
}

#[test]
fn several_errors_in_one_file_are_all_reported() {
    check(
        include_str!("fixtures/syntax/several_errors.pgm"),
        expect![[r#"
            person alice "Alice" @0..36 {@21..36
              role: "Lead" @23..34
            }
            person bob "Bob" @37..52
            team backend @54..108 {@67..108
              capacity: 4 @71..82
              members: alice, bob @87..106
            }
            program apollo "Apollo" @110..326 {@134..326
              owner: alice @138..150
              window: date(2027-01-04) @153..171
              project network @178..243 {@194..243
                duration: 6w @200..212
                status: done @217..229
                progress: 40% @230..243
              }
              project iam @247..324 {@259..324
                depends_on: network +1w, network ss @265..302
                duration: 30d @307..320
              }
            }
            program hermes @358..447 {@373..447
              owner: bob @377..387
              project portal @390..445 {@405..445
                depends_on: apollo.iam @407..429
                duration: 10w @430..443
              }
            }
            error 28..34: expected `:` after property key `role`, found string "Lead"
            error 48..52: unterminated string: expected a closing `"` before the end of the line
            error 83..84: expected `,` or the next property after the value of `capacity`, found unexpected text `)`
            error 178..185: expected a value after `..`, found keyword `project`
            error 247..254: expected `}` to close project `network`, found keyword `project`
            error 290..291: expected a value after `,` in property `depends_on`, found `,`
            error 328..334: expected an item (calendar, person, team or program), found identifier `progam`
        "#]],
    );
}

/// The shape of the parse of a large input: how many items and errors,
/// and the first few errors.
fn check_summary(text: &str, expected: Expect) {
    let parse = parse(text);
    let mut out = format!(
        "items: {}, errors: {}\n",
        parse.file.items.len(),
        parse.errors.len()
    );
    for error in parse.errors.iter().take(3) {
        out.push_str(&format!("error {:?}: {}\n", error.span, error.message));
    }
    expected.assert_eq(&out);
}

#[test]
fn ten_thousand_open_braces() {
    check_summary(
        &"{".repeat(10_000),
        expect![[r#"
        items: 0, errors: 1
        error 0..1: expected an item (calendar, person, team or program), found `{`
    "#]],
    );
}

#[test]
fn ten_thousand_nested_programs_on_one_line() {
    check_summary(
        &"program a {".repeat(10_000),
        expect![[r#"
        items: 1, errors: 6
        error 11..18: a program belongs at the top level of the file, not inside program `a`
        error 22..29: a program belongs at the top level of the file, not inside program `a`
        error 33..40: a program belongs at the top level of the file, not inside program `a`
    "#]],
    );
}

#[test]
fn ten_thousand_nested_programs_one_per_line() {
    check_summary(
        &"program a {\n".repeat(10_000),
        expect![[r#"
        items: 10000, errors: 10000
        error 12..19: expected `}` to close program `a`, found keyword `program`
        error 24..31: expected `}` to close program `a`, found keyword `program`
        error 36..43: expected `}` to close program `a`, found keyword `program`
    "#]],
    );
}

#[test]
fn ten_thousand_nested_indented_programs() {
    let text: String = (0..10_000)
        .map(|depth| format!("{}program a {{\n", " ".repeat(depth)))
        .collect();
    check_summary(
        &text,
        expect![[r#"
        items: 1, errors: 6
        error 13..20: a program belongs at the top level of the file, not inside program `a`
        error 27..34: a program belongs at the top level of the file, not inside program `a`
        error 42..49: a program belongs at the top level of the file, not inside program `a`
    "#]],
    );
}

#[test]
fn binary_garbage() {
    let text: String = (0..200_000u32)
        .map(|i| char::from_u32(i.wrapping_mul(2_654_435_761) % 0x2_0000).unwrap_or('\u{fffd}'))
        .collect();
    check_summary(
        &text,
        expect![[r#"
        items: 0, errors: 3
        error 0..8555: expected an item (calendar, person, team or program), found unexpected text `\u{0}𗦱洓𞛄𖁵�受𜶈𔜹샪㪛𛑌𒷽Ɪ⅟𙬐𑓁蹲ࠣ𘇔ﮅ甶𞻧𖢘寺𝖫𔽜줍䊾𛱯…`
        error 64883..320241: unterminated string: expected a closing `"` before the end of the line
        error 521459..696682: unterminated string: expected a closing `"` before the end of the line
    "#]],
    );
}

#[test]
fn empty_and_blank_files() {
    check_summary(
        "",
        expect![[r#"
        items: 0, errors: 0
    "#]],
    );
    check_summary(
        " \n\t\r\n",
        expect![[r#"
        items: 0, errors: 0
    "#]],
    );
}

#[test]
fn a_large_file_of_many_items() {
    let item = "program p {\n  owner: a\n  project x { depends_on: y +1w, z ss duration: 6w }\n}\n";
    check_summary(
        &item.repeat(50_000),
        expect![[r#"
        items: 50000, errors: 0
    "#]],
    );
}

#[test]
fn keywords_used_as_names_are_one_error_each() {
    check(
        "program p {\n  project x { depends_on: risk, y }\n  project risk { owner: a }\n}\ncalendar project {}\nperson\nperson x",
        expect![[r#"
            program p @0..77 {@10..77
              project x @14..47 {@24..47
                depends_on: y @26..45
              }
              project @50..75 {@63..75
                owner: a @65..73
              }
            }
            calendar @78..86
            project @87..97 {@95..97
            }
            person @98..104
            person x @105..113
            error 38..42: expected a value after `depends_on:`, found keyword `risk`
            error 58..62: expected a name after `project`, found keyword `risk`
            error 87..94: a project belongs inside a program, not at the top level of the file
            error 95..96: expected a name after `project`, found `{`
            error 105..111: expected a name after `person`, found keyword `person`
        "#]],
    );
}
