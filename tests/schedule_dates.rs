//! The scheduler against hand-computed dates. Each expectation was worked
//! out on a calendar first (the comments show the working), then compared
//! with the snapshot.

use std::sync::Arc;

use expect_test::{Expect, expect};
use jiff::civil::{Date, date};
use pgm::analysis::{Options, analyze};
use pgm::base::Severity;
use pgm::model::{DefData, Model, ParsedFile};

/// Builds the model of `fixture` (files separated by `//- name.pgm` lines;
/// one file `plan.pgm` without them), schedules it as of `today`, and
/// compares a table of every project and milestone, then the start
/// conflicts and cycles, with `expect`.
fn check(fixture: &str, today: Date, expect: Expect) {
    let model = Model::build(split_files(fixture));
    let errors: Vec<&str> = model
        .diagnostics
        .iter()
        .filter(|diagnostic| diagnostic.severity == Severity::Error)
        .map(|diagnostic| diagnostic.message.as_str())
        .collect();
    assert!(errors.is_empty(), "the fixture has errors: {errors:#?}");
    let analysis = analyze(&model, &Options::new(today));
    let schedule = &analysis.schedule;
    let day = |date: Date| date.strftime("%a %Y-%m-%d").to_string();

    let mut rows = vec![
        [
            "id",
            "start",
            "finish",
            "late_start",
            "late_finish",
            "slack",
            "critical",
        ]
        .map(String::from),
    ];
    for (index, def) in model.defs.iter().enumerate() {
        if !matches!(def.data, DefData::Project(_) | DefData::Milestone(_)) {
            continue;
        }
        let id = def.qualified_name().to_string();
        rows.push(match schedule.dates(pgm::model::DefId(index as u32)) {
            Some(dates) => [
                id,
                day(dates.earliest_start),
                day(dates.earliest_finish),
                day(dates.latest_start),
                day(dates.latest_finish),
                dates.slack.to_string(),
                if dates.critical { "yes" } else { "no" }.to_string(),
            ],
            None => [&*id, "-", "-", "-", "-", "-", "-"].map(String::from),
        });
    }
    let mut out = table(&rows);

    let name = |def: pgm::model::DefId| model.def(def).qualified_name();
    for conflict in &schedule.start_conflicts {
        let edge = analysis.graph.edge(conflict.edge);
        out.push_str(&format!(
            "start conflict: {} committed {}, allowed {} by {} ({})\n",
            name(conflict.project),
            day(conflict.committed),
            day(conflict.allowed),
            name(edge.predecessor),
            edge.kind.keyword(),
        ));
    }
    for cycle in &analysis.cycles {
        let mut path: Vec<String> = cycle
            .path
            .iter()
            .map(|&edge| name(analysis.graph.edge(edge).predecessor).to_string())
            .collect();
        path.extend(path.first().cloned());
        out.push_str(&format!("cycle: {}\n", path.join(" → ")));
    }
    expect.assert_eq(&out);
}

fn split_files(fixture: &str) -> Vec<Arc<ParsedFile>> {
    if !fixture.trim_start().starts_with("//- ") {
        return vec![Arc::new(ParsedFile::new("plan.pgm", fixture))];
    }
    fixture
        .split("//- ")
        .filter(|chunk| !chunk.trim().is_empty())
        .map(|chunk| {
            let (name, text) = chunk.split_once('\n').unwrap_or((chunk, ""));
            Arc::new(ParsedFile::new(name.trim(), text))
        })
        .collect()
}

fn table(rows: &[[String; 7]]) -> String {
    let widths: Vec<usize> = (0..7)
        .map(|column| {
            rows.iter()
                .map(|row| row[column].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(cell, &width)| format!("{cell:width$}"))
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
}

const MONDAY: Date = date(2027, 1, 4);

#[test]
fn the_example_from_the_language_tour() {
    // network: Mon 01-04 + 30 days (6w) → Fri 02-12.
    // iam: fs → Mon 02-15, 30 days → Fri 03-26.
    // billing: iam +1w → 6 working days after Fri 03-26 = Mon 04-05 (network ss
    //   allows 01-04), 40 days → Fri 05-28.
    // launch: falls when billing finishes, Fri 05-28.
    // portal: fs on apollo.iam → Mon 03-29, 50 days with Mon 05-31 a holiday
    //   → Mon 06-07.
    // Backwards: apollo finishes Fri 05-28 and everything in it is on the
    // chain network → iam → billing → launch; portal ends its own program.
    check(
        r#"
calendar {
  holidays: 2027-05-31, 2027-07-05, 2027-12-24 .. 2027-12-31
}

person alice "Alice Chen" { role: "Program manager" }
person bob "Bob Okafor"
person carol "Carol Diaz" { role: "Security lead" }
team backend "Backend guild" {
  capacity: 4
  members: alice, bob
}

program apollo "Apollo data-centre exit" {
  owner: alice
  objective: "Retire the legacy data centre by the end of 2027"
  window: 2027-01-04 .. 2027-12-17

  project network "Network backbone" {
    owner: bob
    start: 2027-01-04
    duration: 6w
    allocate: backend 2
    status: done
  }

  project iam "Identity and access" {
    owner: carol
    depends_on: network
    duration: 30d
    allocate: backend 2, carol 50%
    status: active
    progress: 40%
  }

  project billing "Billing migration" {
    owner: bob
    depends_on: iam +1w, network ss
    duration: 8w
    deadline: 2027-06-30
    allocate: backend 3
  }

  milestone launch "Public launch" {
    depends_on: billing, iam
    due: 2027-07-15
  }
}

program hermes "Hermes customer portal" {
  owner: carol
  project portal "Portal rebuild" {
    depends_on: apollo.iam
    duration: 10w
    allocate: backend 1
  }
}
"#,
        MONDAY,
        expect![[r#"
            id              start           finish          late_start      late_finish     slack  critical
            apollo.network  Mon 2027-01-04  Fri 2027-02-12  Mon 2027-01-04  Fri 2027-02-12  0      yes
            apollo.iam      Mon 2027-02-15  Fri 2027-03-26  Mon 2027-02-15  Fri 2027-03-26  0      yes
            apollo.billing  Mon 2027-04-05  Fri 2027-05-28  Mon 2027-04-05  Fri 2027-05-28  0      yes
            apollo.launch   Fri 2027-05-28  Fri 2027-05-28  Fri 2027-05-28  Fri 2027-05-28  0      yes
            hermes.portal   Mon 2027-03-29  Mon 2027-06-07  Mon 2027-03-29  Mon 2027-06-07  0      yes
        "#]],
    );
}

#[test]
fn weekends_are_skipped_and_weeks_are_five_days() {
    // a: Wed 01-06 + 3 days → Fri 01-08.
    // b: Thu 01-07 + 1w → Wed 01-13 (over the weekend).
    // c: Saturday start rolls to Mon 01-11, one day.
    // Program finish Wed 01-13: a may start as late as Mon 01-11 (slack 3:
    // Thu, Fri, Mon), c as late as Wed 01-13 (slack 2).
    check(
        "
program p {
  project a { start: 2027-01-06 duration: 3d }
  project b { start: 2027-01-07 duration: 1w }
  project c { start: 2027-01-09 duration: 1d }
}
",
        MONDAY,
        expect![[r#"
            id   start           finish          late_start      late_finish     slack  critical
            p.a  Wed 2027-01-06  Fri 2027-01-08  Mon 2027-01-11  Wed 2027-01-13  3      no
            p.b  Thu 2027-01-07  Wed 2027-01-13  Thu 2027-01-07  Wed 2027-01-13  0      yes
            p.c  Mon 2027-01-11  Mon 2027-01-11  Wed 2027-01-13  Wed 2027-01-13  2      no
        "#]],
    );
}

#[test]
fn single_holidays_and_holiday_ranges_are_skipped() {
    // a: Wed 6, Thu 7, (Fri 8 holiday), Mon 11, Tue 12 → finishes Tue 01-12.
    // b: after Tue 01-12, but 13 to 19 January are holidays → Wed 01-20,
    //    two days → Thu 01-21.
    // c: starts on the Friday holiday, rolls to Mon 01-11; slack to Thu
    //    01-21 is 3 (Tue 12, Wed 20, Thu 21).
    check(
        "
calendar { holidays: 2027-01-08, 2027-01-13 .. 2027-01-19 }
program p {
  project a { start: 2027-01-06 duration: 4d }
  project b { depends_on: a duration: 2d }
  project c { start: 2027-01-08 duration: 1d }
}
",
        MONDAY,
        expect![[r#"
            id   start           finish          late_start      late_finish     slack  critical
            p.a  Wed 2027-01-06  Tue 2027-01-12  Wed 2027-01-06  Tue 2027-01-12  0      yes
            p.b  Wed 2027-01-20  Thu 2027-01-21  Wed 2027-01-20  Thu 2027-01-21  0      yes
            p.c  Mon 2027-01-11  Mon 2027-01-11  Thu 2027-01-21  Thu 2027-01-21  3      no
        "#]],
    );
}

#[test]
fn finish_to_start_with_lags_and_leads() {
    // a: Mon 01-04 .. Fri 01-08.
    // b: +2d → 3 working days after Fri 8 = Wed 01-13.
    // c: -2d → 1 - 2 = -1 working days after Fri 8, Thu 01-07 (a lead
    //    overlaps the predecessor).
    // d: +1w → 6 working days after Fri 8 = Mon 01-18.
    // Backwards from Mon 01-18: a must finish by Fri 01-08 for d (slack 0);
    // b has 3 days (Thu, Fri, Mon); c has 7.
    check(
        "
program p {
  project a { start: 2027-01-04 duration: 5d }
  project b { depends_on: a +2d duration: 1d }
  project c { depends_on: a -2d duration: 1d }
  project d { depends_on: a +1w duration: 1d }
}
",
        MONDAY,
        expect![[r#"
            id   start           finish          late_start      late_finish     slack  critical
            p.a  Mon 2027-01-04  Fri 2027-01-08  Mon 2027-01-04  Fri 2027-01-08  0      yes
            p.b  Wed 2027-01-13  Wed 2027-01-13  Mon 2027-01-18  Mon 2027-01-18  3      no
            p.c  Thu 2027-01-07  Thu 2027-01-07  Mon 2027-01-18  Mon 2027-01-18  7      no
            p.d  Mon 2027-01-18  Mon 2027-01-18  Mon 2027-01-18  Mon 2027-01-18  0      yes
        "#]],
    );
}

#[test]
fn start_to_start() {
    // a: Mon 01-04 .. Fri 01-15 (10 days).
    // b: ss +3d → Thu 01-07, two days → Fri 01-08.
    // c: ss → Mon 01-04, 12 days → Tue 01-19, which ends the program.
    // Backwards: b may start as late as Mon 01-18 (slack 7); a is held by c
    // (a's start no later than c's latest start Mon 01-04).
    check(
        "
program p {
  project a { start: 2027-01-04 duration: 10d }
  project b { depends_on: a ss +3d duration: 2d }
  project c { depends_on: a ss duration: 12d }
}
",
        MONDAY,
        expect![[r#"
            id   start           finish          late_start      late_finish     slack  critical
            p.a  Mon 2027-01-04  Fri 2027-01-15  Mon 2027-01-04  Fri 2027-01-15  0      yes
            p.b  Thu 2027-01-07  Fri 2027-01-08  Mon 2027-01-18  Tue 2027-01-19  7      no
            p.c  Mon 2027-01-04  Tue 2027-01-19  Mon 2027-01-04  Tue 2027-01-19  0      yes
        "#]],
    );
}

#[test]
fn finish_to_finish() {
    // a: Mon 01-04 .. Fri 01-08.
    // b: ff → finishes no earlier than Fri 01-08, two days → Thu 01-07.
    // c: ff +2d → finishes no earlier than Tue 01-12, three days → Fri 01-08.
    // Backwards from Tue 01-12: a must finish two days before c's latest
    // finish, Fri 01-08 (slack 0); b may finish Tue 01-12 (slack 2).
    check(
        "
program p {
  project a { start: 2027-01-04 duration: 5d }
  project b { depends_on: a ff duration: 2d }
  project c { depends_on: a ff +2d duration: 3d }
}
",
        MONDAY,
        expect![[r#"
            id   start           finish          late_start      late_finish     slack  critical
            p.a  Mon 2027-01-04  Fri 2027-01-08  Mon 2027-01-04  Fri 2027-01-08  0      yes
            p.b  Thu 2027-01-07  Fri 2027-01-08  Mon 2027-01-11  Tue 2027-01-12  2      no
            p.c  Fri 2027-01-08  Tue 2027-01-12  Fri 2027-01-08  Tue 2027-01-12  0      yes
        "#]],
    );
}

#[test]
fn start_to_finish() {
    // a: Mon 01-11 .. Fri 01-15.
    // b: sf → finishes by the day before a starts at the earliest: Fri
    //    01-08, three days → Wed 01-06.
    // c: sf +3d → finishes no earlier than 2 days after Mon 11 = Wed 01-13,
    //    two days → Tue 01-12.
    // Backwards from Fri 01-15: b slack 5, c slack 2, a slack 0.
    check(
        "
program p {
  project a { start: 2027-01-11 duration: 5d }
  project b { depends_on: a sf duration: 3d }
  project c { depends_on: a sf +3d duration: 2d }
}
",
        MONDAY,
        expect![[r#"
            id   start           finish          late_start      late_finish     slack  critical
            p.a  Mon 2027-01-11  Fri 2027-01-15  Mon 2027-01-11  Fri 2027-01-15  0      yes
            p.b  Wed 2027-01-06  Fri 2027-01-08  Wed 2027-01-13  Fri 2027-01-15  5      no
            p.c  Tue 2027-01-12  Wed 2027-01-13  Thu 2027-01-14  Fri 2027-01-15  2      no
        "#]],
    );
}

#[test]
fn window_start_and_today_are_the_defaults() {
    // today is Saturday 01-09, so work that starts today starts Mon 01-11.
    // windowed.a: the window opens Sat 02-06 → Mon 02-08 .. Tue 02-09.
    // windowed.b: a committed start before the window stays, Tue 01-05;
    //   slack to Tue 02-09 is five weeks.
    // open.c: no window, no dependency → today, Mon 01-11 .. Wed 01-13.
    // open.d: after c, Thu 01-14, not today.
    // open.m: a milestone with nothing else → today, Mon 01-11, slack 3.
    check(
        "
program windowed {
  window: 2027-02-06 .. 2027-06-30
  project a { duration: 2d }
  project b { start: 2027-01-05 duration: 1d }
}
program open {
  project c { duration: 3d }
  project d { depends_on: c duration: 1d }
  milestone m { }
}
",
        date(2027, 1, 9),
        expect![[r#"
            id          start           finish          late_start      late_finish     slack  critical
            windowed.a  Mon 2027-02-08  Tue 2027-02-09  Mon 2027-02-08  Tue 2027-02-09  0      yes
            windowed.b  Tue 2027-01-05  Tue 2027-01-05  Tue 2027-02-09  Tue 2027-02-09  25     no
            open.c      Mon 2027-01-11  Wed 2027-01-13  Mon 2027-01-11  Wed 2027-01-13  0      yes
            open.d      Thu 2027-01-14  Thu 2027-01-14  Thu 2027-01-14  Thu 2027-01-14  0      yes
            open.m      Mon 2027-01-11  Mon 2027-01-11  Thu 2027-01-14  Thu 2027-01-14  3      no
        "#]],
    );
}

#[test]
fn a_committed_start_pushed_by_dependencies_is_a_conflict() {
    // a: Mon 01-04 .. Fri 01-08. b: Mon 01-04 .. Tue 01-05.
    // c: committed Wed 01-06, but a (fs) allows Mon 01-11 and b (ss +1d)
    //    Tue 01-05: starts Mon 01-11, finishes Tue 01-12; a pushes hardest.
    // d: committed Wed 01-20, later than c allows (Wed 01-13): no conflict.
    // Backwards from Wed 01-20: c by Tue 01-19 (slack 5), a by Fri 01-15
    // (slack 5), b must start a day before c's latest start, Mon 01-18, so
    // by Fri 01-15 (slack 9).
    check(
        "
program p {
  project a { start: 2027-01-04 duration: 5d }
  project b { start: 2027-01-04 duration: 2d }
  project c { start: 2027-01-06 depends_on: a, b ss +1d duration: 2d }
  project d { start: 2027-01-20 depends_on: c duration: 1d }
}
",
        MONDAY,
        expect![[r#"
            id   start           finish          late_start      late_finish     slack  critical
            p.a  Mon 2027-01-04  Fri 2027-01-08  Mon 2027-01-11  Fri 2027-01-15  5      no
            p.b  Mon 2027-01-04  Tue 2027-01-05  Fri 2027-01-15  Mon 2027-01-18  9      no
            p.c  Mon 2027-01-11  Tue 2027-01-12  Mon 2027-01-18  Tue 2027-01-19  5      no
            p.d  Wed 2027-01-20  Wed 2027-01-20  Wed 2027-01-20  Wed 2027-01-20  0      yes
            start conflict: p.c committed Wed 2027-01-06, allowed Mon 2027-01-11 by p.a (fs)
        "#]],
    );
}

#[test]
fn end_instead_of_duration() {
    // a: Wed 01-06 through Tue 01-12 is five working days.
    // b: starts after a, Wed 01-13, through Fri 01-22: eight days.
    // c: starts Wed 01-13 but ends on Sunday 01-10, before it: one day.
    // e: an end on Saturday 01-09 counts through Friday: three days.
    // Backwards from Fri 01-22: a slack 0, c slack 7, e slack 10.
    check(
        "
program p {
  project a { start: 2027-01-06 end: 2027-01-12 }
  project b { depends_on: a end: 2027-01-22 }
  project c { depends_on: a end: 2027-01-10 }
  project e { start: 2027-01-06 end: 2027-01-09 }
}
",
        MONDAY,
        expect![[r#"
            id   start           finish          late_start      late_finish     slack  critical
            p.a  Wed 2027-01-06  Tue 2027-01-12  Wed 2027-01-06  Tue 2027-01-12  0      yes
            p.b  Wed 2027-01-13  Fri 2027-01-22  Wed 2027-01-13  Fri 2027-01-22  0      yes
            p.c  Wed 2027-01-13  Wed 2027-01-13  Fri 2027-01-22  Fri 2027-01-22  7      no
            p.e  Wed 2027-01-06  Fri 2027-01-08  Wed 2027-01-20  Fri 2027-01-22  10     no
        "#]],
    );
}

#[test]
fn milestones() {
    // a: Mon 01-04 .. Fri 01-08. b: Mon 01-04 .. Tue 01-12.
    // m: fs a → Fri 01-08; ss +2d b → Wed 01-06; falls Fri 01-08.
    // n: fs +1d b → Wed 01-13.
    // due_only: due Saturday 01-16 → Fri 01-15, which ends the program.
    // after: fs m → Mon 01-11 .. Tue 01-12.
    // sf_of_m: finishes the day before m → Thu 01-07.
    // Backwards from Fri 01-15: after by Fri 15 (slack 3); m by Wed 01-13
    // for after (slack 3); a by m, Wed 01-13 (slack 3); b by Thu 01-14
    // for n (slack 2); n slack 2; sf_of_m slack 6; due_only slack 0.
    check(
        "
program p {
  project a { start: 2027-01-04 duration: 5d }
  project b { start: 2027-01-04 duration: 7d }
  milestone m { depends_on: a, b ss +2d }
  milestone n { depends_on: b +1d }
  milestone due_only { due: 2027-01-16 }
  project after { depends_on: m duration: 2d }
  project sf_of_m { depends_on: m sf duration: 1d }
}
",
        MONDAY,
        expect![[r#"
            id          start           finish          late_start      late_finish     slack  critical
            p.a         Mon 2027-01-04  Fri 2027-01-08  Thu 2027-01-07  Wed 2027-01-13  3      no
            p.b         Mon 2027-01-04  Tue 2027-01-12  Wed 2027-01-06  Thu 2027-01-14  2      no
            p.m         Fri 2027-01-08  Fri 2027-01-08  Wed 2027-01-13  Wed 2027-01-13  3      no
            p.n         Wed 2027-01-13  Wed 2027-01-13  Fri 2027-01-15  Fri 2027-01-15  2      no
            p.due_only  Fri 2027-01-15  Fri 2027-01-15  Fri 2027-01-15  Fri 2027-01-15  0      yes
            p.after     Mon 2027-01-11  Tue 2027-01-12  Thu 2027-01-14  Fri 2027-01-15  3      no
            p.sf_of_m   Thu 2027-01-07  Thu 2027-01-07  Fri 2027-01-15  Fri 2027-01-15  6      no
        "#]],
    );
}

#[test]
fn a_deadline_that_cannot_be_met_gives_negative_slack() {
    // a: Mon 01-04 .. Fri 01-15, deadline Wed 01-13: latest start Thu
    //    2026-12-31, slack -2.
    // b: Mon 01-18 .. Wed 01-20; deadline Sunday 01-24 is no constraint,
    //    but m must fall by Tue 01-19: slack -1.
    // m: falls Wed 01-20, due Tue 01-19: slack -1.
    check(
        "
program p {
  project a { start: 2027-01-04 duration: 10d deadline: 2027-01-13 }
  project b { depends_on: a duration: 3d deadline: 2027-01-24 }
  milestone m { depends_on: b due: 2027-01-19 }
}
",
        MONDAY,
        expect![[r#"
            id   start           finish          late_start      late_finish     slack  critical
            p.a  Mon 2027-01-04  Fri 2027-01-15  Thu 2026-12-31  Wed 2027-01-13  -2     yes
            p.b  Mon 2027-01-18  Wed 2027-01-20  Fri 2027-01-15  Tue 2027-01-19  -1     yes
            p.m  Wed 2027-01-20  Wed 2027-01-20  Tue 2027-01-19  Tue 2027-01-19  -1     yes
        "#]],
    );
}

#[test]
fn dependencies_across_programs_and_files() {
    // infra.net: the window opens Mon 01-04 .. Fri 01-08.
    // infra.later: 20 days from Mon 01-04 with Mon 01-18 a holiday → Mon
    //   02-01, which ends infra.
    // apps.api: after infra.net, Mon 01-11 (the window allows Wed 01-06)
    //   .. Fri 01-15.
    // apps.web: Mon 01-18 is a holiday → Tue 01-19 .. Wed 01-20.
    // Backwards: net is held by api in the other program, Fri 01-08.
    check(
        "
//- infra.pgm
calendar { holidays: 2027-01-18 }
program infra {
  window: 2027-01-04 .. 2027-03-31
  project net { duration: 5d }
  project later { duration: 20d }
}
//- apps.pgm
program apps {
  window: 2027-01-06 .. 2027-03-31
  project api { depends_on: infra.net duration: 5d }
  project web { depends_on: api duration: 2d }
}
",
        MONDAY,
        expect![[r#"
            id           start           finish          late_start      late_finish     slack  critical
            infra.net    Mon 2027-01-04  Fri 2027-01-08  Mon 2027-01-04  Fri 2027-01-08  0      yes
            infra.later  Mon 2027-01-04  Mon 2027-02-01  Mon 2027-01-04  Mon 2027-02-01  0      yes
            apps.api     Mon 2027-01-11  Fri 2027-01-15  Mon 2027-01-11  Fri 2027-01-15  0      yes
            apps.web     Tue 2027-01-19  Wed 2027-01-20  Tue 2027-01-19  Wed 2027-01-20  0      yes
        "#]],
    );
}

#[test]
fn a_cycle_gets_no_dates_and_the_rest_is_still_scheduled() {
    // x → y → z → x is a cycle; after depends on z (ignored) and a (Mon
    // 01-04 .. Tue 01-05) → Wed 01-06; alone depends only on z, so it counts
    // as having no dependency and starts today, Wed 01-06 .. Thu 01-07.
    check(
        "
program p {
  project a { start: 2027-01-04 duration: 2d }
  project x { depends_on: a, z duration: 1d }
  project y { depends_on: x duration: 1d }
  project z { depends_on: y duration: 1d }
  project after { depends_on: z, a duration: 1d }
  project alone { depends_on: z duration: 2d }
}
",
        date(2027, 1, 6),
        expect![[r#"
            id       start           finish          late_start      late_finish     slack  critical
            p.a      Mon 2027-01-04  Tue 2027-01-05  Tue 2027-01-05  Wed 2027-01-06  1      no
            p.x      -               -               -               -               -      -
            p.y      -               -               -               -               -      -
            p.z      -               -               -               -               -      -
            p.after  Wed 2027-01-06  Wed 2027-01-06  Thu 2027-01-07  Thu 2027-01-07  1      no
            p.alone  Wed 2027-01-06  Thu 2027-01-07  Wed 2027-01-06  Thu 2027-01-07  0      yes
            cycle: p.x → p.y → p.z → p.x
        "#]],
    );
}
