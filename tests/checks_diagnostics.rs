//! One test per check that finds the problem, and one that shows the fixed
//! plan is clean. Every diagnostic of the analysis is in each snapshot, so a
//! check that fires where it should not shows up too.

use std::sync::Arc;

use expect_test::{Expect, expect};
use jiff::civil::{Date, date};
use pgm::analysis::{self, Options};
use pgm::base::{FileSpan, PositionEncoding};
use pgm::model::{Model, ParsedFile};

/// The date every fixture treats as today unless it says otherwise with a
/// first line `//- today YYYY-MM-DD`.
const TODAY: Date = date(2027, 1, 4);

/// Analyses the fixture and renders each diagnostic as
/// `code severity file:line:col message`, its related places indented below.
/// A fixture holds one file, or several each after a `//- /name.pgm` line.
/// The model `pgm check` makes, dropping the syntax, must find the same.
fn check(fixture: &str, expect: Expect) {
    let (today, files) = split_fixture(fixture);
    let sources = files
        .iter()
        .map(|file| (file.path.clone(), file.text.to_string()))
        .collect();
    let model = Model::build(files);
    let analysis = analysis::analyze(&model, &Options::new(today));
    let without_syntax = Model::build_dropping_syntax(sources);
    assert_eq!(
        analysis::analyze(&without_syntax, &Options::new(today)).diagnostics,
        analysis.diagnostics,
        "the model made dropping the syntax finds something else"
    );
    let location = |at: FileSpan| {
        let file = model.file(at.file);
        let position =
            file.line_index()
                .line_col(&file.text, at.span.start(), PositionEncoding::Utf32);
        format!("{}:{}:{}", file.path, position.line + 1, position.col + 1)
    };
    let mut rendered = String::new();
    for diagnostic in &analysis.diagnostics {
        rendered += &format!(
            "{} {} {} {}\n",
            diagnostic.code.as_str(),
            diagnostic.severity.as_str(),
            location(diagnostic.at),
            diagnostic.message
        );
        for related in &diagnostic.related {
            rendered += &format!("    {} {}\n", location(related.at), related.message);
        }
    }
    expect.assert_eq(&rendered);
}

fn split_fixture(fixture: &str) -> (Date, Vec<Arc<ParsedFile>>) {
    let mut today = TODAY;
    let mut files: Vec<(String, String)> = Vec::new();
    for line in fixture.trim_start().lines() {
        if let Some(date) = line.strip_prefix("//- today ") {
            today = date.trim().parse().expect("a fixture's today is a date");
        } else if let Some(name) = line.strip_prefix("//- /") {
            files.push((name.trim().to_string(), String::new()));
        } else {
            if files.is_empty() {
                files.push(("main.pgm".to_string(), String::new()));
            }
            let text = &mut files.last_mut().expect("a file was just pushed").1;
            text.push_str(line);
            text.push('\n');
        }
    }
    let files = files
        .into_iter()
        .map(|(name, text)| Arc::new(ParsedFile::new(name, text)))
        .collect();
    (today, files)
}

#[test]
fn missing_property() {
    check(
        r#"
person ana
program apollo {
  owner: ana
  project network { owner: ana }
  milestone launch { }
  risk slip { owner: ana likelihood: 2 }
  risk outage { owner: ana }
  risk typo { owner: ana likelihood: 7 impact: 3 }
  benefit savings { owner: ana realized_by: 2027-12-31 }
}
"#,
        expect![[r#"
            missing-property error main.pgm:4:11 project `apollo.network` has neither `duration` nor `end`, so its length is unknown
            missing-property error main.pgm:5:13 milestone `apollo.launch` has neither `depends_on` nor `due`, so it has no date of its own
            missing-property error main.pgm:6:8 risk `apollo.slip` has no `impact`, so its exposure is unknown
            missing-property error main.pgm:7:8 risk `apollo.outage` has no `impact`, so its exposure is unknown
            missing-property error main.pgm:7:8 risk `apollo.outage` has no `likelihood`, so its exposure is unknown
            invalid-value error main.pgm:8:38 `likelihood` is from 1 to 5, not 7
            missing-property error main.pgm:9:11 benefit `apollo.savings` has no `delivered_by`, so no project or milestone delivers it
        "#]],
    );
}

#[test]
fn missing_property_fixed() {
    check(
        r#"
person ana
program apollo {
  owner: ana
  project network { owner: ana duration: 5d }
  milestone launch { due: 2027-02-01 }
  risk slip { owner: ana likelihood: 2 impact: 3 }
  risk outage { owner: ana likelihood: 1 impact: 1 }
  risk typo { owner: ana likelihood: 4 impact: 3 }
  benefit savings { owner: ana delivered_by: network realized_by: 2027-12-31 }
}
"#,
        expect![[r#""#]],
    );
}

#[test]
fn dependency_cycle() {
    check(
        r#"
//- /people.pgm
person ana
//- /apollo.pgm
program apollo {
  owner: ana
  project network { owner: ana duration: 5d depends_on: billing }
  project iam { owner: ana duration: 5d depends_on: network }
  project billing { owner: ana duration: 5d depends_on: iam, network ss }
  project reporting { owner: ana duration: 5d depends_on: billing }
}
"#,
        expect![[r#"
            dependency-cycle error apollo.pgm:3:57 `apollo.network` depends on `apollo.billing` inside a dependency cycle: apollo.network → apollo.billing → apollo.network
                apollo.pgm:4:53 `apollo.iam` depends on `apollo.network`
                apollo.pgm:5:57 `apollo.billing` depends on `apollo.iam`
                apollo.pgm:5:62 `apollo.billing` depends on `apollo.network`
            dependency-cycle error apollo.pgm:4:53 `apollo.iam` depends on `apollo.network` inside a dependency cycle: apollo.network → apollo.billing → apollo.network
                apollo.pgm:3:57 `apollo.network` depends on `apollo.billing`
                apollo.pgm:5:57 `apollo.billing` depends on `apollo.iam`
                apollo.pgm:5:62 `apollo.billing` depends on `apollo.network`
            dependency-cycle error apollo.pgm:5:57 `apollo.billing` depends on `apollo.iam` inside a dependency cycle: apollo.network → apollo.billing → apollo.network
                apollo.pgm:3:57 `apollo.network` depends on `apollo.billing`
                apollo.pgm:4:53 `apollo.iam` depends on `apollo.network`
                apollo.pgm:5:62 `apollo.billing` depends on `apollo.network`
            dependency-cycle error apollo.pgm:5:62 `apollo.billing` depends on `apollo.network` inside a dependency cycle: apollo.network → apollo.billing → apollo.network
                apollo.pgm:3:57 `apollo.network` depends on `apollo.billing`
                apollo.pgm:4:53 `apollo.iam` depends on `apollo.network`
                apollo.pgm:5:57 `apollo.billing` depends on `apollo.iam`
        "#]],
    );
}

#[test]
fn dependency_cycle_fixed() {
    check(
        r#"
//- /people.pgm
person ana
//- /apollo.pgm
program apollo {
  owner: ana
  project network { owner: ana duration: 5d }
  project iam { owner: ana duration: 5d depends_on: network }
  project billing { owner: ana duration: 5d depends_on: iam, network ss }
  project reporting { owner: ana duration: 5d depends_on: billing }
}
"#,
        expect![[r#""#]],
    );
}

#[test]
fn dependency_cycle_across_programs() {
    check(
        r#"
person ana
program apollo {
  owner: ana
  project iam { owner: ana duration: 5d depends_on: hermes.portal }
}
program hermes {
  owner: ana
  project portal { owner: ana duration: 5d depends_on: apollo.iam }
}
"#,
        expect![[r#"
            dependency-cycle error main.pgm:4:53 `apollo.iam` depends on `hermes.portal` inside a dependency cycle: apollo.iam → hermes.portal → apollo.iam
                main.pgm:8:56 `hermes.portal` depends on `apollo.iam`
            dependency-cycle error main.pgm:8:56 `hermes.portal` depends on `apollo.iam` inside a dependency cycle: apollo.iam → hermes.portal → apollo.iam
                main.pgm:4:53 `apollo.iam` depends on `hermes.portal`
        "#]],
    );
}

#[test]
fn date_conflict_committed_start() {
    check(
        r#"
person ana
program apollo {
  owner: ana
  project network { owner: ana start: 2027-01-04 duration: 10d }
  project billing { owner: ana start: 2027-01-11 duration: 5d depends_on: network }
  project audit { owner: ana duration: 5d depends_on: billing }
}
"#,
        expect![[r#"
            date-conflict error main.pgm:5:39 `apollo.billing` is committed to start on 2027-01-11, but its dependency on `apollo.network` lets it start on 2027-01-18 at the earliest; it is scheduled from 2027-01-18
                main.pgm:5:75 the dependency on `apollo.network` that pushes the start to 2027-01-18
        "#]],
    );
}

#[test]
fn date_conflict_committed_start_fixed() {
    check(
        r#"
person ana
program apollo {
  owner: ana
  project network { owner: ana start: 2027-01-04 duration: 10d }
  project billing { owner: ana start: 2027-01-18 duration: 5d depends_on: network }
  project audit { owner: ana duration: 5d depends_on: billing }
}
"#,
        expect![[r#""#]],
    );
}

#[test]
fn date_conflict_inverted_ranges() {
    check(
        r#"
calendar { holidays: 2027-05-31, 2027-12-31 .. 2027-12-24 }
person ana
program apollo {
  owner: ana
  window: 2027-12-17 .. 2027-01-04
  project network { owner: ana start: 2027-03-01 end: 2027-02-01 }
}
"#,
        expect![[r#"
            date-conflict error main.pgm:1:34 the holiday range ends on 2027-12-24, before it starts on 2027-12-31
            date-conflict error main.pgm:5:11 the `window` of program `apollo` ends on 2027-01-04, before it starts on 2027-12-17
            date-conflict error main.pgm:6:55 `apollo.network` ends on 2027-02-01, before it starts on 2027-03-01
                main.pgm:6:39 `apollo.network` starts on 2027-03-01 here
        "#]],
    );
}

#[test]
fn date_conflict_inverted_ranges_fixed() {
    check(
        r#"
calendar { holidays: 2027-05-31, 2027-12-24 .. 2027-12-31 }
person ana
program apollo {
  owner: ana
  window: 2027-01-04 .. 2027-12-17
  project network { owner: ana start: 2027-02-01 end: 2027-03-01 }
}
"#,
        expect![[r#""#]],
    );
}

#[test]
fn date_conflict_end_before_computed_start() {
    check(
        r#"
person ana
program apollo {
  owner: ana
  project network { owner: ana start: 2027-01-04 duration: 2w }
  project billing { owner: ana end: 2027-01-12 depends_on: network }
}
"#,
        expect![[r#"
            date-conflict error main.pgm:5:37 `apollo.billing` is to end on 2027-01-12, but it can start on 2027-01-18 at the earliest
        "#]],
    );
}

#[test]
fn date_conflict_end_before_computed_start_fixed() {
    check(
        r#"
person ana
program apollo {
  owner: ana
  project network { owner: ana start: 2027-01-04 duration: 2w }
  project billing { owner: ana end: 2027-01-29 depends_on: network }
}
"#,
        expect![[r#""#]],
    );
}

#[test]
fn deadline_missed() {
    check(
        r#"
person ana
program apollo {
  owner: ana
  project network { owner: ana start: 2027-01-04 duration: 6w deadline: 2027-02-05 }
  project billing { owner: ana duration: 2w depends_on: network }
  milestone launch { depends_on: billing due: 2027-02-24 }
  benefit savings { owner: ana delivered_by: network, launch realized_by: 2027-02-25 }
}
"#,
        expect![[r#"
            deadline-missed warning main.pgm:4:73 `apollo.network` finishes on 2027-02-12 at the earliest, after its deadline 2027-02-05
            deadline-missed warning main.pgm:6:47 milestone `apollo.launch` falls on 2027-02-26 at the earliest, after it is due on 2027-02-24
            deadline-missed warning main.pgm:7:75 benefit `apollo.savings` is to be realized by 2027-02-25, but `apollo.launch`, which delivers it, finishes on 2027-02-26
                main.pgm:6:13 `apollo.launch` finishes on 2027-02-26
        "#]],
    );
}

#[test]
fn deadline_missed_fixed() {
    check(
        r#"
person ana
program apollo {
  owner: ana
  project network { owner: ana start: 2027-01-04 duration: 4w deadline: 2027-02-05 }
  project billing { owner: ana duration: 2w depends_on: network }
  milestone launch { depends_on: billing due: 2027-02-24 }
  benefit savings { owner: ana delivered_by: network, launch realized_by: 2027-02-25 }
}
"#,
        expect![[r#""#]],
    );
}

#[test]
fn outside_window() {
    check(
        r#"
person ana
program apollo {
  owner: ana
  window: 2027-02-01 .. 2027-03-31
  project network { owner: ana start: 2027-01-18 duration: 4w }
  project billing { owner: ana duration: 8w depends_on: network }
  milestone launch { depends_on: billing }
  project survey { owner: ana start: 2027-01-25 duration: 16w }
}
"#,
        expect![[r#"
            outside-window warning main.pgm:5:11 `apollo.network` is scheduled to start on 2027-01-18, before the window of program `apollo` opens on 2027-02-01
                main.pgm:4:11 the window of program `apollo`, 2027-02-01 to 2027-03-31
            outside-window warning main.pgm:6:11 `apollo.billing` is scheduled to finish on 2027-04-09, after the window of program `apollo` closes on 2027-03-31
                main.pgm:4:11 the window of program `apollo`, 2027-02-01 to 2027-03-31
            outside-window warning main.pgm:7:13 milestone `apollo.launch` falls on 2027-04-09, after the window of program `apollo` closes on 2027-03-31
                main.pgm:4:11 the window of program `apollo`, 2027-02-01 to 2027-03-31
            outside-window warning main.pgm:8:11 `apollo.survey` is scheduled from 2027-01-25 to 2027-05-14, beyond both ends of the window of program `apollo`, 2027-02-01 to 2027-03-31
                main.pgm:4:11 the window of program `apollo`, 2027-02-01 to 2027-03-31
        "#]],
    );
}

#[test]
fn outside_window_fixed() {
    check(
        r#"
person ana
program apollo {
  owner: ana
  window: 2027-02-01 .. 2027-03-31
  project network { owner: ana start: 2027-02-01 duration: 4w }
  project billing { owner: ana duration: 4w depends_on: network }
  milestone launch { depends_on: billing }
}
"#,
        expect![[r#""#]],
    );
}

#[test]
fn over_allocation() {
    check(
        r#"
person ana
person carol
team backend { capacity: 2 members: ana }
program apollo {
  owner: ana
  project network { owner: ana start: 2027-01-04 duration: 2w allocate: backend 1, carol 50% }
  project iam { owner: ana start: 2027-01-11 duration: 2w allocate: backend 100%, carol 60% }
  project billing { owner: ana start: 2027-01-18 duration: 1w allocate: backend 1 }
  project audit { owner: ana start: 2027-02-01 duration: 1d allocate: backend 3 }
}
"#,
        expect![[r#"
            over-allocation warning main.pgm:2:8 person `carol` (capacity 1) is over-allocated from 2027-01-11 to 2027-01-15, peak 1.1 people: `apollo.network`, `apollo.iam`
                main.pgm:6:84 `apollo.network` needs 50% (0.5 people) of `carol` from 2027-01-04 to 2027-01-15
                main.pgm:7:83 `apollo.iam` needs 60% (0.6 people) of `carol` from 2027-01-11 to 2027-01-22
            over-allocation warning main.pgm:3:6 team `backend` (capacity 2) is over-allocated from 2027-01-11 to 2027-01-22, peak 3 people: `apollo.network`, `apollo.iam`, `apollo.billing`
                main.pgm:6:73 `apollo.network` needs 1 person of `backend` from 2027-01-04 to 2027-01-15
                main.pgm:7:69 `apollo.iam` needs 100% (2 people) of `backend` from 2027-01-11 to 2027-01-22
                main.pgm:8:73 `apollo.billing` needs 1 person of `backend` from 2027-01-18 to 2027-01-22
            over-allocation warning main.pgm:3:6 team `backend` (capacity 2) is over-allocated on 2027-02-01, peak 3 people: `apollo.audit`
                main.pgm:9:71 `apollo.audit` needs 3 people of `backend` on 2027-02-01
        "#]],
    );
}

#[test]
fn over_allocation_fixed() {
    check(
        r#"
person ana
person carol
team backend { capacity: 3 members: ana }
program apollo {
  owner: ana
  project network { owner: ana start: 2027-01-04 duration: 2w allocate: backend 1, carol 50% }
  project iam { owner: ana start: 2027-01-11 duration: 2w allocate: backend 1, carol 50% }
  project billing { owner: ana start: 2027-01-18 duration: 1w allocate: backend 1 }
  project audit { owner: ana start: 2027-02-01 duration: 1d allocate: backend 3 }
}
"#,
        expect![[r#""#]],
    );
}

#[test]
fn a_team_without_capacity_has_one_person_per_member() {
    check(
        r#"
person ana
person bob
team backend { members: ana, bob }
program apollo {
  owner: ana
  project network { owner: bob start: 2027-01-04 duration: 1w allocate: backend 2 }
  project iam { owner: bob start: 2027-01-08 duration: 1w allocate: backend 1 }
}
"#,
        expect![[r#"
            over-allocation warning main.pgm:3:6 team `backend` (capacity 2) is over-allocated on 2027-01-08, peak 3 people: `apollo.network`, `apollo.iam`
                main.pgm:6:73 `apollo.network` needs 2 people of `backend` from 2027-01-04 to 2027-01-08
                main.pgm:7:69 `apollo.iam` needs 1 person of `backend` from 2027-01-08 to 2027-01-14
        "#]],
    );
}

#[test]
fn status_conflict() {
    check(
        r#"
person ana
program apollo {
  owner: ana
  project network { owner: ana start: 2027-01-04 duration: 1w status: active }
  project iam { owner: ana duration: 1w depends_on: network status: done }
  project mirror { owner: ana duration: 1w depends_on: network ss status: done }
  project legacy { owner: ana duration: 1w status: cancelled }
  project billing { owner: ana duration: 1w depends_on: legacy }
  milestone cutover { depends_on: network }
  project archive { owner: ana duration: 1w depends_on: cutover status: done }
  benefit savings { owner: ana delivered_by: billing, legacy }
}
"#,
        expect![[r#"
            status-conflict warning main.pgm:5:53 `apollo.iam` is `done`, but `apollo.network`, which it depends on (fs), is `active`; it must be done first
                main.pgm:4:71 `apollo.network` is `active`
            status-conflict warning main.pgm:8:57 `apollo.billing` depends on `apollo.legacy`, which is cancelled
                main.pgm:7:52 `apollo.legacy` is cancelled here
            status-conflict warning main.pgm:10:57 `apollo.archive` is `done`, but `apollo.cutover`, which it depends on (fs), is not reached; it must be reached first
                main.pgm:9:13 `apollo.cutover` is not reached
            status-conflict warning main.pgm:11:55 benefit `apollo.savings` is delivered by `apollo.legacy`, which is cancelled
                main.pgm:7:52 `apollo.legacy` is cancelled here
        "#]],
    );
}

#[test]
fn status_conflict_fixed() {
    check(
        r#"
person ana
program apollo {
  owner: ana
  project network { owner: ana start: 2027-01-04 duration: 1w status: done }
  project iam { owner: ana duration: 1w depends_on: network status: done }
  project mirror { owner: ana duration: 1w depends_on: network ss status: done }
  project legacy { owner: ana duration: 1w status: cancelled }
  project billing { owner: ana duration: 1w }
  milestone cutover { depends_on: network }
  project archive { owner: ana duration: 1w depends_on: cutover status: done }
  benefit savings { owner: ana delivered_by: billing }
}
"#,
        expect![[r#""#]],
    );
}

#[test]
fn progress_mismatch() {
    check(
        r#"
person ana
program apollo {
  owner: ana
  project network { owner: ana duration: 1w status: done progress: 80% }
  project iam { owner: ana duration: 1w status: planned progress: 10% }
  project billing { owner: ana duration: 1w progress: 5% }
  project portal { owner: ana duration: 1w status: active progress: 100% }
}
"#,
        expect![[r#"
            progress-mismatch warning main.pgm:4:68 `apollo.network` is `done` but its progress is 80%, not 100%
                main.pgm:4:53 `apollo.network` is `done` here
            progress-mismatch warning main.pgm:5:67 `apollo.iam` is `planned` but its progress is 10%
                main.pgm:5:49 `apollo.iam` is `planned` here
            progress-mismatch warning main.pgm:6:55 `apollo.billing` has no `status`, so it counts as planned, but its progress is 5%
            progress-mismatch warning main.pgm:7:69 `apollo.portal` is at 100% progress but is `active`, not `done`
                main.pgm:7:52 `apollo.portal` is `active` here
        "#]],
    );
}

#[test]
fn progress_mismatch_fixed() {
    check(
        r#"
person ana
program apollo {
  owner: ana
  project network { owner: ana duration: 1w status: done progress: 100% }
  project iam { owner: ana duration: 1w status: planned progress: 0% }
  project billing { owner: ana duration: 1w }
  project portal { owner: ana duration: 1w status: active progress: 90% }
}
"#,
        expect![[r#""#]],
    );
}

#[test]
fn overdue() {
    check(
        r#"
//- today 2027-03-01
person ana
program apollo {
  owner: ana
  project network { owner: ana start: 2027-01-04 duration: 4w status: active progress: 60% }
  project iam { owner: ana start: 2027-01-04 duration: 2w status: done progress: 100% }
  project legacy { owner: ana start: 2027-01-04 duration: 2w status: cancelled }
  milestone cutover { depends_on: network, iam }
  project billing { owner: ana duration: 2w depends_on: cutover }
}
"#,
        expect![[r#"
            overdue warning main.pgm:4:11 `apollo.network` was due to finish on 2027-01-29, before today (2027-03-01), but is `active`
            overdue warning main.pgm:7:13 milestone `apollo.cutover` fell on 2027-01-29, before today (2027-03-01), but `apollo.network` is not finished
                main.pgm:4:11 `apollo.network` is not finished
            overdue warning main.pgm:8:11 `apollo.billing` was due to finish on 2027-02-12, before today (2027-03-01), but is `planned`
        "#]],
    );
}

#[test]
fn overdue_fixed() {
    check(
        r#"
//- today 2027-03-01
person ana
program apollo {
  owner: ana
  project network { owner: ana start: 2027-01-04 duration: 4w status: done progress: 100% }
  project iam { owner: ana start: 2027-01-04 duration: 2w status: done progress: 100% }
  project legacy { owner: ana start: 2027-01-04 duration: 2w status: cancelled }
  milestone cutover { depends_on: network, iam }
  project billing { owner: ana start: 2027-03-01 duration: 2w depends_on: cutover }
}
"#,
        expect![[r#""#]],
    );
}

#[test]
fn unmitigated_risk() {
    check(
        r#"
person ana
program apollo {
  owner: ana
  risk vendor_slip { owner: ana likelihood: 4 impact: 5 }
  risk outage { owner: ana likelihood: 3 impact: 5 status: open }
  risk churn { owner: ana likelihood: 2 impact: 5 }
  risk strike { owner: ana likelihood: 5 impact: 5 status: closed }
  risk fire { owner: ana likelihood: 5 impact: 5 mitigation: "Second site" }
}
"#,
        expect![[r#"
            unmitigated-risk warning main.pgm:4:8 open risk `apollo.vendor_slip` has exposure 20 (likelihood 4 × impact 5), at or above the threshold 15, and no `mitigation`
            unmitigated-risk warning main.pgm:5:8 open risk `apollo.outage` has exposure 15 (likelihood 3 × impact 5), at or above the threshold 15, and no `mitigation`
        "#]],
    );
}

#[test]
fn unmitigated_risk_fixed() {
    check(
        r#"
person ana
program apollo {
  owner: ana
  risk vendor_slip { owner: ana likelihood: 4 impact: 5 mitigation: "Pre-order spares" }
  risk outage { owner: ana likelihood: 3 impact: 5 status: mitigated }
  risk churn { owner: ana likelihood: 2 impact: 5 }
  risk strike { owner: ana likelihood: 5 impact: 5 status: closed }
  risk fire { owner: ana likelihood: 5 impact: 5 mitigation: "Second site" }
}
"#,
        expect![[r#""#]],
    );
}

#[test]
fn missing_owner() {
    check(
        r#"
person ana
program apollo {
  project network { duration: 1w allocate: ana 1 }
  milestone launch { depends_on: network }
  risk slip { likelihood: 1 impact: 1 }
}
"#,
        expect![[r#"
            missing-owner info main.pgm:2:9 program `apollo` has no `owner`
            missing-owner info main.pgm:3:11 project `apollo.network` has no `owner`
            missing-owner info main.pgm:5:8 risk `apollo.slip` has no `owner`
        "#]],
    );
}

#[test]
fn missing_owner_fixed() {
    check(
        r#"
person ana
program apollo {
  owner: ana
  project network { owner: ana duration: 1w allocate: ana 1 }
  milestone launch { depends_on: network }
  risk slip { owner: ana likelihood: 1 impact: 1 }
}
"#,
        expect![[r#""#]],
    );
}

#[test]
fn unused_definition() {
    check(
        r#"
person ana
person dave
person erin
team ops { members: erin }
program apollo {
  owner: ana
}
"#,
        expect![[r#"
            unused-definition hint main.pgm:2:8 person `dave` is defined but nothing refers to it
            unused-definition hint main.pgm:4:6 team `ops` is defined but nothing refers to it
        "#]],
    );
}

#[test]
fn unused_definition_fixed() {
    check(
        r#"
person ana
person dave
person erin
team ops { members: erin }
program apollo {
  owner: ana
  project network { owner: dave duration: 1w allocate: ops 1 }
}
"#,
        expect![[r#""#]],
    );
}
