//! The parser on valid files: every construct of the language, as a dump of
//! the tree with its spans.

mod syntax_support;

use expect_test::{Expect, expect};
use pgm::syntax::parse;

fn check(text: &str, expected: Expect) {
    expected.assert_eq(&syntax_support::dump_parse(text));
}

#[test]
fn empty_file() {
    check("", expect![[""]]);
}

#[test]
fn spec_tour() {
    check(
        include_str!("fixtures/syntax/tour.pgm"),
        expect![[r#"
        calendar @147..220 {@156..220
          holidays: date(2027-05-31), date(2027-07-05), date(2027-12-24) .. date(2027-12-31) @160..218
        }
        person alice "Alice Chen" @222..275 {@248..275
          role: "Program manager" @250..273
        }
        person bob "Bob Okafor" @276..299
        person carol "Carol Diaz" @300..351 {@326..351
          role: "Security lead" @328..349
        }
        team backend "Backend guild" @352..463 {@381..463
          capacity: 4 @385..396
          members: alice, bob @442..461
        }
        program apollo "Apollo data-centre exit" @465..1701 {@506..1701
          owner: alice @510..522
          objective: "Retire the legacy data centre by the end of 2027" @525..586
          window: date(2027-01-04) .. date(2027-12-17) @589..621
          project network "Network backbone" @625..760 {@660..760
            owner: bob @666..676
            start: date(2027-01-04) @681..698
            duration: 6w @703..715
            allocate: backend 2 @720..739
            status: done @744..756
          }
          project iam "Identity and access" @764..934 {@798..934
            owner: carol @804..816
            depends_on: network @821..840
            duration: 30d @845..858
            allocate: backend 2, carol 50% @863..893
            status: active @898..912
            progress: 40% @917..930
          }
          project billing "Billing migration" @938..1096 {@974..1096
            owner: bob @980..990
            depends_on: iam +1w, network ss @995..1026
            duration: 8w @1031..1043
            deadline: date(2027-06-30) @1048..1068
            allocate: backend 3 @1073..1092
          }
          milestone launch "Public launch" @1100..1187 {@1133..1187
            depends_on: billing, iam @1139..1163
            due: date(2027-07-15) @1168..1183
          }
          risk vendor_slip "Switch vendor ships late" @1191..1377 {@1235..1377
            likelihood: 4 @1241..1254
            impact: 5 @1259..1268
            affects: network, billing @1273..1298
            owner: bob @1303..1313
            mitigation: "Pre-order spare switches" @1318..1356
            status: open @1361..1373
          }
          stakeholder finance "Finance leadership" @1381..1483 {@1422..1483
            power: high @1428..1439
            interest: medium @1444..1460
            contact: alice @1465..1479
          }
          benefit hosting_cost "Cut hosting cost by 30%" @1487..1699 {@1534..1699
            owner: alice @1540..1552
            delivered_by: billing, launch @1557..1586
            realized_by: date(2027-12-31) @1591..1614
            metric: "Monthly hosting spend (EUR)" @1619..1656
            baseline: 120000 @1661..1677
            target: 84000 @1682..1695
          }
        }
        program hermes "Hermes customer portal" @1703..1870 {@1743..1870
          owner: carol @1747..1759
          project portal "Portal rebuild" @1762..1868 {@1794..1868
            depends_on: apollo.iam @1800..1822
            duration: 10w @1827..1840
            allocate: backend 1 @1845..1864
          }
        }
    "#]],
    );
}

#[test]
fn properties_need_no_newlines() {
    check(
        "program p { project a { status: done progress: 40% depends_on: b ss -2d, c.d +1w } }",
        expect![[r#"
            program p @0..84 {@10..84
              project a @12..82 {@22..82
                status: done @24..36
                progress: 40% @37..50
                depends_on: b ss -2d, c.d +1w @51..80
              }
            }
        "#]],
    );
}

#[test]
fn every_kind_of_atom() {
    check(
        "calendar { x: a.b.c \"s\\t\\u{e9}\" 2027-02-30 1d 2w +3d -4w 5 6.5 7% 8.25% 2027-01-04..2027-12-17 }",
        expect![[r#"
            calendar @0..96 {@9..96
              x: a.b.c "s\té" date(2027-02-30) 1d 2w +3d -4w 5 6.5 7% 8.25% date(2027-01-04) .. date(2027-12-17) @11..94
            }
        "#]],
    );
}

#[test]
fn doc_comments_attach_to_the_next_item_only_when_adjacent() {
    check(
        "/// Alice\n///\n///  leads\nperson alice\n\n/// detached\n\nperson bob\n/// not doc: a line comment follows\n// plain\nperson carol\nprogram p {\n  /// The project\n  project a /* inline */ {}\n}",
        expect![[r#"
            /// "Alice"
            /// ""
            /// " leads"
            person alice @25..37
            /// "detached"
            person bob @53..63
            person carol @109..121
            program p @122..181 {@132..181
              /// "The project"
              project a @154..179 {@177..179
              }
            }
        "#]],
    );
}

/// The formatter drops a byte order mark or form feed between a doc comment
/// and its item, as the lexer skips them: the doc comment must attach
/// either way, or formatting would change what the item says (a finding
/// of the `format` fuzz target).
#[test]
fn doc_comments_attach_across_any_whitespace_the_lexer_skips() {
    check(
        "/// Bob\n\u{FEFF}person bob\n/// Carol\n\u{000C}person carol",
        expect![[r#"
            /// "Bob"
            person bob @11..21
            /// "Carol"
            person carol @33..45
        "#]],
    );
}

#[test]
fn comments_are_collected_in_order() {
    let parse = parse("// a\nperson x /* b */ /// c\n//// d");
    let kinds: Vec<_> = parse.comments.iter().map(|c| (c.kind, c.span)).collect();
    expect![[r#"
        [
            (
                Line,
                0..4,
            ),
            (
                Block,
                14..21,
            ),
            (
                Doc,
                22..27,
            ),
            (
                Line,
                28..34,
            ),
        ]
    "#]]
    .assert_debug_eq(&kinds);
}

#[test]
fn crlf_line_endings() {
    check(
        "/// Doc\r\nperson a \"A\" {\r\n  role: \"x\"\r\n}\r\n",
        expect![[r#"
            /// "Doc"
            person a "A" @9..39 {@22..39
              role: "x" @27..36
            }
        "#]],
    );
}
