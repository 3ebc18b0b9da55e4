use expect_test::{Expect, expect};

use super::*;
use crate::ide::fixture::Fixture;

fn check(fixture: &str, expect: Expect) {
    let fixture = Fixture::new(fixture);
    let (file, offset) = fixture.position();
    let found = completions(&fixture.model, &fixture.analysis, file, offset);
    let mut out = format!(
        "replace {:?}\n",
        &fixture.model.file(file).text[found.replace.range()]
    );
    for item in found.items {
        let kind = match item.kind {
            CompletionKind::NewItem(_) => "new item",
            CompletionKind::Property => "key",
            CompletionKind::EnumValue => "value",
            CompletionKind::Reference(kind) => kind.keyword(),
            CompletionKind::Date => "date",
        };
        out.push_str(&format!("{} ({kind})", item.label));
        if let Some(detail) = item.detail {
            out.push_str(&format!(" {detail}"));
        }
        if item.is_snippet || item.insert_text != item.label {
            out.push_str(&format!(" => {:?}", item.insert_text));
        }
        out.push('\n');
    }
    expect.assert_eq(&out);
}

/// Only the labels, for the tests where details would drown the point.
fn check_labels(fixture: &str, expect: Expect) {
    let fixture = Fixture::new(fixture);
    let (file, offset) = fixture.position();
    let found = completions(&fixture.model, &fixture.analysis, file, offset);
    let labels: Vec<String> = found.items.into_iter().map(|item| item.label).collect();
    expect.assert_eq(&labels.join(" "));
}

const PEOPLE: &str = r#"
    //- /people.pgm
    person alice "Alice Chen"
    person bob "Bob Okafor"
    team backend "Backend guild" { members: alice, bob }
"#;

#[test]
fn keys_not_yet_used_and_not_ruled_out() {
    check_labels(
        r#"
        program apollo {
          project iam {
            owner: alice
            end: 2027-03-01
            $0
          }
        }
        "#,
        expect!["start deadline depends_on allocate status progress description"],
    );
}

#[test]
fn keys_with_their_documentation_while_typing_one() {
    check(
        r#"
        person alice {
          ro$0
        }
        "#,
        expect![[r#"
            replace "ro"
            role (key) a quoted string => "role: "
            email (key) a quoted string => "email: "
        "#]],
    );
}

#[test]
fn references_by_the_kind_the_key_wants() {
    let plan = format!(
        "{PEOPLE}{}",
        r#"
        //- /apollo.pgm
        program apollo {
          project network "Network backbone" { duration: 1w }
          milestone launch "Launch" { depends_on: network }
          project iam {
            depends_on: $0
            duration: 1w
          }
        }
        //- /hermes.pgm
        program hermes {
          project portal "Portal rebuild" { duration: 1w }
        }
        "#
    );
    check(
        &plan,
        expect![[r#"
        replace ""
        launch (milestone) Launch
        network (project) Network backbone
        hermes.portal (project) Portal rebuild
    "#]],
    );
}

#[test]
fn owners_are_persons_and_allocations_persons_or_teams() {
    let plan = format!(
        "{PEOPLE}{}",
        r#"
        //- /apollo.pgm
        program apollo {
          project iam { owner: a$0 duration: 1w }
        }
        "#
    );
    check_labels(&plan, expect!["alice bob"]);
    let plan = format!(
        "{PEOPLE}{}",
        r#"
        //- /apollo.pgm
        program apollo {
          project iam { allocate: alice 50%, $0 duration: 1w }
        }
        "#
    );
    check_labels(&plan, expect!["alice backend bob"]);
}

#[test]
fn items_of_a_program_after_its_name_and_a_dot() {
    check(
        r#"
        //- /apollo.pgm
        program apollo {
          project iam "Identity" { duration: 1w }
          risk slip { affects: iam }
        }
        //- /hermes.pgm
        program hermes {
          project portal { depends_on: apollo.$0 }
        }
        "#,
        expect![[r#"
            replace ""
            iam (project) Identity
        "#]],
    );
}

#[test]
fn enumeration_values_for_the_key() {
    check(
        r#"
        program apollo {
          risk slip { status: $0 }
        }
        "#,
        expect![[r#"
            replace ""
            open (value) status: open
            mitigated (value) status: mitigated
            closed (value) status: closed
            occurred (value) status: occurred
        "#]],
    );
}

#[test]
fn dependency_types_after_a_dependency() {
    check_labels(
        r#"
        program apollo {
          project network { duration: 1w }
          project iam { duration: 1w depends_on: network $0 }
        }
        "#,
        expect!["fs ss ff sf owner start deadline allocate status progress description"],
    );
}

#[test]
fn dates_where_a_date_is_expected() {
    check(
        r#"
        program apollo {
          project network { start: 2027-01-04 duration: 1w }
          project iam {
            depends_on: network
            duration: 1w
            start: $0
          }
        }
        "#,
        expect![[r#"
            replace ""
            2027-01-11 (date) the earliest start the plan allows
            YYYY-MM-DD (date) a date => "${1:YYYY}-${2:MM}-${3:DD}"
        "#]],
    );
    check(
        "program apollo { window: $0 }",
        expect![[r#"
        replace ""
        YYYY-MM-DD .. YYYY-MM-DD (date) a date range => "${1:YYYY}-${2:MM}-${3:DD} .. ${4:YYYY}-${5:MM}-${6:DD}"
    "#]],
    );
}

#[test]
fn snippets_for_items_inside_a_program() {
    check(
        r#"
        program apollo {
          owner: alice
          $0
        }
        "#,
        expect![[r#"
            replace ""
            objective (key) a quoted string => "objective: "
            window (key) a date range such as 2027-01-04 .. 2027-12-17 => "window: "
            description (key) a quoted string => "description: "
            project (new item) a new project => "project ${1:name} \"${2:Title}\" {\n  owner: ${3:person}\n  duration: ${4:2w}\n}"
            milestone (new item) a new milestone => "milestone ${1:name} \"${2:Title}\" {\n  depends_on: ${3:project}\n  due: ${4:YYYY-MM-DD}\n}"
            risk (new item) a new risk => "risk ${1:name} \"${2:Title}\" {\n  likelihood: ${3|1,2,3,4,5|}\n  impact: ${4|1,2,3,4,5|}\n  affects: ${5:project}\n  owner: ${6:person}\n  mitigation: \"${7}\"\n}"
            stakeholder (new item) a new stakeholder => "stakeholder ${1:name} \"${2:Title}\" {\n  power: ${3|low,medium,high|}\n  interest: ${4|low,medium,high|}\n  contact: ${5:person}\n}"
            benefit (new item) a new benefit => "benefit ${1:name} \"${2:Title}\" {\n  owner: ${3:person}\n  delivered_by: ${4:project}\n  realized_by: ${5:YYYY-MM-DD}\n  metric: \"${6}\"\n}"
        "#]],
    );
}

#[test]
fn snippets_for_top_level_items() {
    check(
        r#"
        person alice
        $0
        "#,
        expect![[r#"
            replace ""
            calendar (new item) a new calendar => "calendar {\n  holidays: ${1:YYYY-MM-DD}\n}"
            person (new item) a new person => "person ${1:name} \"${2:Title}\""
            team (new item) a new team => "team ${1:name} \"${2:Title}\" {\n  capacity: ${3:1}\n  members: ${4:person}\n}"
            program (new item) a new program => "program ${1:name} \"${2:Title}\" {\n  owner: ${3:person}\n  objective: \"${4}\"\n}"
        "#]],
    );
}

#[test]
fn unfinished_text_still_completes() {
    check_labels(
        r#"
        program apollo {
          project network { duration: 1w }
          project iam {
            depends_on: net$0
        "#,
        expect!["network"],
    );
    check_labels(
        r#"
        program apollo {
          project iam {
            owner: alice
            du$0
        "#,
        expect!["start end duration deadline depends_on allocate status progress description"],
    );
}

#[test]
fn nothing_in_headers_strings_and_comments() {
    check_labels("program apo$0", expect![[""]]);
    check_labels("person alice \"Ali$0ce\"", expect![[""]]);
    check_labels("// a comm$0ent", expect![[""]]);
}

/// A program of `count` projects `p0`, `p1`, ... and a project whose
/// dependencies are being typed as `typed`.
fn many_projects(count: usize, typed: &str) -> Completions {
    let projects: String = (0..count)
        .map(|index| format!("project p{index} {{ duration: 1d }}\n"))
        .collect();
    let fixture = Fixture::new(&format!(
        "program big {{\n{projects}project last {{ depends_on: {typed}$0 }}\n}}\n"
    ));
    let (file, offset) = fixture.position();
    completions(&fixture.model, &fixture.analysis, file, offset)
}

#[test]
fn a_short_list_is_complete() {
    let found = many_projects(150, "");
    assert!(!found.is_incomplete);
    assert_eq!(found.items.len(), 150);
}

#[test]
fn a_long_list_is_cut_to_what_matches_the_typed_text_and_marked_incomplete() {
    let found = many_projects(1_000, "");
    assert!(found.is_incomplete);
    assert_eq!(found.items.len(), MOST_ITEMS);
    let narrowed = many_projects(1_000, "P99");
    assert!(narrowed.is_incomplete);
    let labels: Vec<&str> = narrowed
        .items
        .iter()
        .map(|item| item.label.as_str())
        .collect();
    // Every label with a `p`, a `9` and another `9` in that order, as an
    // editor's fuzzy filter would keep them.
    let expected = (0..1_000)
        .map(|index| format!("p{index}"))
        .filter(|label| matches_typed(label, "P99"))
        .count();
    assert_eq!(labels.len(), expected);
    assert!(labels.contains(&"p99") && labels.contains(&"p199") && labels.contains(&"p999"));
    assert!(!labels.contains(&"p98"), "{labels:?}");
}

#[test]
fn a_long_list_keeps_the_first_names_in_order() {
    let found = many_projects(1_000, "");
    let labels: Vec<&str> = found.items.iter().map(|item| item.label.as_str()).collect();
    let mut expected: Vec<String> = (0..1_000).map(|index| format!("p{index}")).collect();
    expected.sort();
    expected.truncate(MOST_ITEMS);
    assert_eq!(labels, expected);
}

#[test]
fn a_cursor_inside_a_multibyte_character_of_a_long_list_does_not_panic() {
    let projects: String = (0..300)
        .map(|index| format!("project p{index} {{ duration: 1d }}\n"))
        .collect();
    let fixture = Fixture::new(&format!(
        "program big {{\n{projects}project last {{ depends_on: é$0 }}\n}}\n"
    ));
    let (file, offset) = fixture.position();
    // One byte into the two bytes of `é`.
    let found = completions(&fixture.model, &fixture.analysis, file, offset - 1);
    assert!(found.items.len() <= MOST_ITEMS);
}
