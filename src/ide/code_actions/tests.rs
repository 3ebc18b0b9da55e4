use expect_test::{Expect, expect};

use super::*;
use crate::ide::fixture::Fixture;

fn render(fixture: &Fixture, action: CodeAction) -> String {
    let codes: Vec<&str> = action
        .diagnostics
        .iter()
        .map(|diagnostic| diagnostic.code.as_str())
        .collect();
    let preferred = if action.preferred { " (preferred)" } else { "" };
    format!(
        "{:?} {}{preferred} [{}]\n{}\n",
        action.kind,
        action.title,
        codes.join(", "),
        fixture.apply(&action.change)
    )
}

fn check(fixture: &str, expect: Expect) {
    let fixture = Fixture::new(fixture);
    let (file, offset) = fixture.position();
    let range = fixture
        .selection
        .map_or(Span::empty(offset), |selection| selection.span);
    let actual: String = code_actions(&fixture.model, &fixture.analysis, file, range)
        .into_iter()
        .map(|action| render(&fixture, action))
        .collect();
    expect.assert_eq(&actual);
}

fn check_fix_all(fixture: &str, expect: Expect) {
    let fixture = Fixture::new(fixture);
    let (file, _) = fixture.position();
    let actual = match fix_all(&fixture.model, &fixture.analysis, file) {
        Some(action) => render(&fixture, action),
        None => "none".to_string(),
    };
    expect.assert_eq(&actual);
}

#[test]
fn a_misspelt_name_is_replaced_with_the_suggestion() {
    check(
        r#"
        person alice
        program apollo {
          owner: alcie$0
        }
        "#,
        expect![[r#"
            QuickFix Replace `alcie` with `alice` (preferred) [unresolved-reference]
            //- /main.pgm
            person alice
            program apollo {
              owner: alice
            }

        "#]],
    );
}

#[test]
fn a_missing_project_gets_a_stub_in_its_program() {
    check(
        r#"
        program apollo {
          project iam {
            depends_on: net$0work
            duration: 1w
          }
        }
        "#,
        expect![[r#"
            QuickFix Create project `network` in `apollo` [unresolved-reference]
            //- /main.pgm
            program apollo {
              project iam {
                depends_on: network
                duration: 1w
              }
              project network {
                duration: 1w
              }
            }

        "#]],
    );
}

#[test]
fn a_missing_project_of_another_program_goes_there() {
    check(
        r#"
        //- /apollo.pgm
        program apollo {
          project iam { duration: 1w }
        }
        //- /hermes.pgm
        program hermes {
          project portal { depends_on: apollo.gateway$0 duration: 1w }
        }
        "#,
        expect![[r#"
            QuickFix Create project `gateway` in `apollo` [unresolved-reference]
            //- /apollo.pgm
            program apollo {
              project iam { duration: 1w }
              project gateway {
                duration: 1w
              }
            }

        "#]],
    );
}

#[test]
fn a_cycle_can_be_broken_at_each_of_its_dependencies() {
    check(
        r#"
        program apollo {
          project a { depends_on: c, $0b duration: 1w }
          project b { depends_on: a duration: 1w }
          project c { depends_on: b +1w,
                      a ss duration: 1w }
        }
        "#,
        expect![[r#"
            QuickFix Remove the dependency of `apollo.a` on `apollo.b` [dependency-cycle]
            //- /main.pgm
            program apollo {
              project a { depends_on: c duration: 1w }
              project b { depends_on: a duration: 1w }
              project c { depends_on: b +1w,
                          a ss duration: 1w }
            }

            QuickFix Remove the dependency of `apollo.a` on `apollo.c` [dependency-cycle]
            //- /main.pgm
            program apollo {
              project a { depends_on: b duration: 1w }
              project b { depends_on: a duration: 1w }
              project c { depends_on: b +1w,
                          a ss duration: 1w }
            }

            QuickFix Remove the dependency of `apollo.b` on `apollo.a` [dependency-cycle]
            //- /main.pgm
            program apollo {
              project a { depends_on: c, b duration: 1w }
              project b { duration: 1w }
              project c { depends_on: b +1w,
                          a ss duration: 1w }
            }

            QuickFix Remove the dependency of `apollo.c` on `apollo.b` [dependency-cycle]
            //- /main.pgm
            program apollo {
              project a { depends_on: c, b duration: 1w }
              project b { depends_on: a duration: 1w }
              project c { depends_on: a ss duration: 1w }
            }

            QuickFix Remove the dependency of `apollo.c` on `apollo.a` [dependency-cycle]
            //- /main.pgm
            program apollo {
              project a { depends_on: c, b duration: 1w }
              project b { depends_on: a duration: 1w }
              project c { depends_on: b +1w duration: 1w }
            }

        "#]],
    );
}

#[test]
fn a_conflicting_start_moves_to_the_earliest_allowed_date() {
    check(
        r#"
        program apollo {
          project network { start: 2027-01-04 duration: 2w }
          project iam { depends_on: network start: 2027-01-0$05 duration: 1w }
        }
        "#,
        expect![[r#"
            QuickFix Move `start` to 2027-01-18, the earliest its dependencies allow (preferred) [date-conflict]
            //- /main.pgm
            program apollo {
              project network { start: 2027-01-04 duration: 2w }
              project iam { depends_on: network start: 2027-01-18 duration: 1w }
            }

        "#]],
    );
}

#[test]
fn an_unmitigated_risk_gets_placeholders() {
    check(
        r#"
        person alice
        program apollo {
          owner: alice
          project iam { owner: alice duration: 1w }
          risk sl$0ip {
            likelihood: 4
            impact: 5
            affects: iam
          }
        }
        "#,
        expect![[r#"
            QuickFix Add `mitigation:` and `owner:` to `apollo.slip` [unmitigated-risk]
            //- /main.pgm
            person alice
            program apollo {
              owner: alice
              project iam { owner: alice duration: 1w }
              risk slip {
                likelihood: 4
                impact: 5
                affects: iam
                mitigation: "TODO: how to make this less likely or less harmful"
                owner: alice
              }
            }

        "#]],
    );
}

#[test]
fn an_unused_definition_goes_with_its_doc_comments() {
    check(
        r#"
        person alice
        // Kept: a plain comment.

        /// Bob leads nothing.
        /// Nobody needs him.
        person b$0ob "Bob" {
          role: "Engineer"
        }
        program apollo { owner: alice }
        "#,
        expect![[r#"
            QuickFix Remove unused person `bob` [unused-definition]
            //- /main.pgm
            person alice
            // Kept: a plain comment.

            program apollo { owner: alice }

        "#]],
    );
}

#[test]
fn fix_all_applies_only_unambiguous_fixes() {
    check_fix_all(
        r#"
        $0person alice
        person bob
        program apollo {
          owner: alcie
          project network { owner: bbo start: 2027-01-04 duration: 2w }
          project iam { owner: alice depends_on: network, ghost start: 2027-01-05 duration: 1w }
        }
        "#,
        expect![[r#"
            FixAll Fix 3 problems [unresolved-reference, unresolved-reference, date-conflict]
            //- /main.pgm
            person alice
            person bob
            program apollo {
              owner: alice
              project network { owner: bob start: 2027-01-04 duration: 2w }
              project iam { owner: alice depends_on: network, ghost start: 2027-01-18 duration: 1w }
            }

        "#]],
    );
}

#[test]
fn fix_all_with_nothing_to_fix() {
    check_fix_all("$0person alice", expect!["none"]);
}
