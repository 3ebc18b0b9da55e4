//! Lowering and name resolution: fixture files in, a dump of definitions,
//! references and diagnostics out.

use std::fmt::Write;
use std::sync::Arc;

use expect_test::{Expect, expect};
use pgm::base::{FileId, FileSpan, PositionEncoding};
use pgm::model::schema::{self, Shape};
use pgm::model::{Amount, DateRange, Def, DefId, Model, ParsedFile, RefId, RefRole, Spanned};
use pgm::syntax::ast::ItemKind;
use proptest::prelude::*;

/// Builds the model of a fixture: files introduced by `//- /name.pgm` lines.
fn model(fixture: &str) -> Model {
    let mut files: Vec<(String, String)> = Vec::new();
    for line in fixture.trim_start().split_inclusive('\n') {
        match line.strip_prefix("//- ") {
            Some(path) => files.push((path.trim().to_string(), String::new())),
            None => match files.last_mut() {
                Some((_, text)) => text.push_str(line),
                None => panic!("a fixture starts with a `//- /name.pgm` line"),
            },
        }
    }
    let files = files
        .into_iter()
        .map(|(path, text)| Arc::new(ParsedFile::new(path, text)))
        .collect();
    Model::build(files)
}

fn check(fixture: &str, expect: Expect) {
    expect.assert_eq(&dump(&model(fixture)));
}

fn dump(model: &Model) -> String {
    let mut out = String::new();
    for (index, def) in model.defs.iter().enumerate() {
        let title = def
            .title
            .as_ref()
            .map(|title| format!(" {title:?}"))
            .unwrap_or_default();
        let at = place(model, def.name_location());
        writeln!(
            out,
            "{} {}{title} @ {at}",
            def.kind().keyword(),
            def.qualified_name()
        )
        .unwrap();
        if let Some(docs) = &def.docs {
            writeln!(out, "  /// {docs:?}").unwrap();
        }
        for property in schema::item(def.kind()).properties {
            if let Some(value) = value(model, def, property.shape) {
                writeln!(out, "  {}: {value}", property.key).unwrap();
            }
        }
        let children: Vec<&str> = model
            .children(DefId(index as u32))
            .iter()
            .map(|&child| model.def(child).name.as_str())
            .collect();
        if !children.is_empty() {
            writeln!(out, "  children: {}", children.join(", ")).unwrap();
        }
    }
    if model.ref_count() > 0 {
        writeln!(out, "references").unwrap();
    }
    for (id, reference) in model.references() {
        let target = match (model.resolution(id).target, model.target(id)) {
            (Some(target), Some(_)) => model.def(target).qualified_name().to_string(),
            (Some(target), None) => format!("{} (wrong kind)", model.def(target).qualified_name()),
            (None, _) => "unresolved".to_string(),
        };
        let from = model.def(reference.from).qualified_name();
        let at = place(model, reference.location());
        let text = model.reference_text(id);
        writeln!(
            out,
            "  {at} {from}.{} {text} -> {target}",
            reference.role.key()
        )
        .unwrap();
    }
    if !model.diagnostics.is_empty() {
        writeln!(out, "diagnostics").unwrap();
    }
    for diagnostic in &model.diagnostics {
        let at = place(model, diagnostic.at);
        let code = diagnostic.code.as_str();
        writeln!(out, "  {code} {at}: {}", diagnostic.message).unwrap();
        if let Some(suggestion) = &diagnostic.suggestion {
            writeln!(out, "    suggestion: {suggestion}").unwrap();
        }
        for related in &diagnostic.related {
            let at = place(model, related.at);
            writeln!(out, "    related {at}: {}", related.message).unwrap();
        }
    }
    out
}

/// `/file.pgm:line:column`, counted from 1.
fn place(model: &Model, at: FileSpan) -> String {
    let file = model.file(at.file);
    let position = file
        .line_index()
        .line_col(&file.text, at.span.start(), PositionEncoding::Utf32);
    format!("{}:{}:{}", file.path, position.line + 1, position.col + 1)
}

/// A stored property value, written back compactly, or `None` when unset.
fn value(model: &Model, def: &Def, shape: Shape) -> Option<String> {
    let mut def = def.clone();
    let def = &mut def;
    let name = |reference: &RefId| model.reference_text(*reference);
    let list = |items: Vec<String>| (!items.is_empty()).then(|| items.join(", "));
    match shape {
        Shape::Reference(_, field) => field(def)?.as_ref().map(name),
        Shape::References(_, field) => list(field(def)?.iter().map(name).collect()),
        Shape::Date(field) => field(def)?.map(|date| date.value.to_string()),
        Shape::DateRange(field) => field(def)?.as_ref().map(range),
        Shape::Holidays(field) => list(field(def)?.iter().map(range).collect()),
        Shape::Duration(field) => field(def)?.map(|days| format!("{} days", days.value)),
        Shape::Integer { field, .. } => field(def)?.map(|number| number.value.to_string()),
        Shape::Number { field, .. } => field(def)?.map(|number| number.value.to_string()),
        Shape::Percent(field) => field(def)?.map(|percent| format!("{}%", percent.value)),
        Shape::Text(field) => field(def)?.as_ref().map(|text| format!("{text:?}")),
        Shape::ProjectStatus(field) => field(def)?.map(|status| status.value.keyword().into()),
        Shape::RiskStatus(field) => field(def)?.map(|status| status.value.keyword().into()),
        Shape::Level(field) => field(def)?.map(|level| level.value.keyword().into()),
        Shape::Dependencies(field) => list(
            field(def)?
                .iter()
                .map(|dependency| {
                    let target = name(&dependency.target);
                    let kind = dependency.kind.keyword();
                    format!("{target} {kind} {:+}", dependency.lag)
                })
                .collect(),
        ),
        Shape::Allocations(field) => list(
            field(def)?
                .iter()
                .map(|allocation| {
                    let resource = name(&allocation.resource);
                    match allocation.amount.value {
                        Amount::People(people) => format!("{resource} {people} people"),
                        Amount::Percent(share) => format!("{resource} {share}%"),
                    }
                })
                .collect(),
        ),
    }
}

fn range(range: &Spanned<DateRange>) -> String {
    let DateRange { first, last } = range.value;
    if first == last {
        first.to_string()
    } else {
        format!("{first} .. {last}")
    }
}

#[test]
fn the_example_of_the_spec_lowers_without_diagnostics() {
    check(
        r#"
//- /portfolio.pgm
/// Doc comments (///) attach to the next definition and show up in hovers later.
// Line comments and /* block comments */ are allowed anywhere.

calendar {
  holidays: 2027-05-31, 2027-07-05, 2027-12-24 .. 2027-12-31
}

person alice "Alice Chen" { role: "Program manager" }
person bob "Bob Okafor"
person carol "Carol Diaz" { role: "Security lead" }
team backend "Backend guild" {
  capacity: 4          // people (full-time equivalents)
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

  risk vendor_slip "Switch vendor ships late" {
    likelihood: 4
    impact: 5
    affects: network, billing
    owner: bob
    mitigation: "Pre-order spare switches"
    status: open
  }

  stakeholder finance "Finance leadership" {
    power: high
    interest: medium
    contact: alice
  }

  benefit hosting_cost "Cut hosting cost by 30%" {
    owner: alice
    delivered_by: billing, launch
    realized_by: 2027-12-31
    metric: "Monthly hosting spend (EUR)"
    baseline: 120000
    target: 84000
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
        expect![[r#"
            calendar calendar @ /portfolio.pgm:4:1
              holidays: 2027-05-31, 2027-07-05, 2027-12-24 .. 2027-12-31
            person alice "Alice Chen" @ /portfolio.pgm:8:8
              role: "Program manager"
            person bob "Bob Okafor" @ /portfolio.pgm:9:8
            person carol "Carol Diaz" @ /portfolio.pgm:10:8
              role: "Security lead"
            team backend "Backend guild" @ /portfolio.pgm:11:6
              capacity: 4
              members: alice, bob
            program apollo "Apollo data-centre exit" @ /portfolio.pgm:16:9
              owner: alice
              objective: "Retire the legacy data centre by the end of 2027"
              window: 2027-01-04 .. 2027-12-17
              children: network, iam, billing, launch, vendor_slip, finance, hosting_cost
            project apollo.network "Network backbone" @ /portfolio.pgm:21:11
              owner: bob
              start: 2027-01-04
              duration: 30 days
              allocate: backend 2 people
              status: done
            project apollo.iam "Identity and access" @ /portfolio.pgm:29:11
              owner: carol
              duration: 30 days
              depends_on: network fs +0
              allocate: backend 2 people, carol 50%
              status: active
              progress: 40%
            project apollo.billing "Billing migration" @ /portfolio.pgm:38:11
              owner: bob
              duration: 40 days
              deadline: 2027-06-30
              depends_on: iam fs +5, network ss +0
              allocate: backend 3 people
            milestone apollo.launch "Public launch" @ /portfolio.pgm:46:13
              depends_on: billing fs +0, iam fs +0
              due: 2027-07-15
            risk apollo.vendor_slip "Switch vendor ships late" @ /portfolio.pgm:51:8
              likelihood: 4
              impact: 5
              affects: network, billing
              owner: bob
              mitigation: "Pre-order spare switches"
              status: open
            stakeholder apollo.finance "Finance leadership" @ /portfolio.pgm:60:15
              power: high
              interest: medium
              contact: alice
            benefit apollo.hosting_cost "Cut hosting cost by 30%" @ /portfolio.pgm:66:11
              owner: alice
              delivered_by: billing, launch
              realized_by: 2027-12-31
              metric: "Monthly hosting spend (EUR)"
              baseline: 120000
              target: 84000
            program hermes "Hermes customer portal" @ /portfolio.pgm:76:9
              owner: carol
              children: portal
            project hermes.portal "Portal rebuild" @ /portfolio.pgm:78:11
              duration: 50 days
              depends_on: apollo.iam fs +0
              allocate: backend 1 people
            references
              /portfolio.pgm:13:12 backend.members alice -> alice
              /portfolio.pgm:13:19 backend.members bob -> bob
              /portfolio.pgm:17:10 apollo.owner alice -> alice
              /portfolio.pgm:22:12 apollo.network.owner bob -> bob
              /portfolio.pgm:25:15 apollo.network.allocate backend -> backend
              /portfolio.pgm:30:12 apollo.iam.owner carol -> carol
              /portfolio.pgm:31:17 apollo.iam.depends_on network -> apollo.network
              /portfolio.pgm:33:15 apollo.iam.allocate backend -> backend
              /portfolio.pgm:33:26 apollo.iam.allocate carol -> carol
              /portfolio.pgm:39:12 apollo.billing.owner bob -> bob
              /portfolio.pgm:40:17 apollo.billing.depends_on iam -> apollo.iam
              /portfolio.pgm:40:26 apollo.billing.depends_on network -> apollo.network
              /portfolio.pgm:43:15 apollo.billing.allocate backend -> backend
              /portfolio.pgm:47:17 apollo.launch.depends_on billing -> apollo.billing
              /portfolio.pgm:47:26 apollo.launch.depends_on iam -> apollo.iam
              /portfolio.pgm:54:14 apollo.vendor_slip.affects network -> apollo.network
              /portfolio.pgm:54:23 apollo.vendor_slip.affects billing -> apollo.billing
              /portfolio.pgm:55:12 apollo.vendor_slip.owner bob -> bob
              /portfolio.pgm:63:14 apollo.finance.contact alice -> alice
              /portfolio.pgm:67:12 apollo.hosting_cost.owner alice -> alice
              /portfolio.pgm:68:19 apollo.hosting_cost.delivered_by billing -> apollo.billing
              /portfolio.pgm:68:28 apollo.hosting_cost.delivered_by launch -> apollo.launch
              /portfolio.pgm:77:10 hermes.owner carol -> carol
              /portfolio.pgm:79:17 hermes.portal.depends_on apollo.iam -> apollo.iam
              /portfolio.pgm:81:15 hermes.portal.allocate backend -> backend
        "#]],
    );
}

#[test]
fn every_property_and_value_shape() {
    check(
        r#"
//- /shapes.pgm
calendar { holidays: 2027-01-01 }
calendar { holidays: 2027-04-02 .. 2027-04-05, 2027-12-25 }

/// The one who decides.
/// Ask her first.
person dana "Dana Ruiz" { role: "Sponsor" email: "dana@example.com" }
team ops { capacity: 2.5 members: dana }

program atlas {
  owner: dana
  objective: "Move to the cloud"
  window: 2027-02-01 .. 2027-11-30
  description: "The cloud move."

  project plan { end: 2027-02-26 start: 2027-02-01 status: planned progress: 0% }
  project build {
    depends_on: plan ss -2d, plan ff, plan sf +3d, plan fs +1w, plan 4d, plan +2w ss
    duration: 1d
    allocate: ops 1.5, dana 12.5%, ops 100%
    status: cancelled
    progress: 100%
    description: "Build it."
  }
  milestone ready { owner: dana depends_on: build due: 2027-06-01 description: "Ready." }
  risk outage { likelihood: 1 impact: 3 affects: ready status: occurred description: "Down." }
  risk leak { status: mitigated }
  risk fire { status: closed }
  stakeholder board { power: low interest: high contact: dana description: "The board." }
  benefit savings {
    owner: dana
    delivered_by: ready
    realized_by: 2027-12-31
    metric: "Spend"
    baseline: 2.5
    target: 0
    description: "Cheaper."
  }
}
"#,
        expect![[r#"
            calendar calendar @ /shapes.pgm:1:1
              holidays: 2027-01-01
            calendar calendar @ /shapes.pgm:2:1
              holidays: 2027-04-02 .. 2027-04-05, 2027-12-25
            person dana "Dana Ruiz" @ /shapes.pgm:6:8
              /// "The one who decides.\nAsk her first."
              role: "Sponsor"
              email: "dana@example.com"
            team ops @ /shapes.pgm:7:6
              capacity: 2.5
              members: dana
            program atlas @ /shapes.pgm:9:9
              owner: dana
              objective: "Move to the cloud"
              window: 2027-02-01 .. 2027-11-30
              description: "The cloud move."
              children: plan, build, ready, outage, leak, fire, board, savings
            project atlas.plan @ /shapes.pgm:15:11
              start: 2027-02-01
              end: 2027-02-26
              status: planned
              progress: 0%
            project atlas.build @ /shapes.pgm:16:11
              duration: 1 days
              depends_on: plan ss -2, plan ff +0, plan sf +3, plan fs +5, plan fs +4, plan ss +10
              allocate: ops 1.5 people, dana 12.5%, ops 100%
              status: cancelled
              progress: 100%
              description: "Build it."
            milestone atlas.ready @ /shapes.pgm:24:13
              owner: dana
              depends_on: build fs +0
              due: 2027-06-01
              description: "Ready."
            risk atlas.outage @ /shapes.pgm:25:8
              likelihood: 1
              impact: 3
              affects: ready
              status: occurred
              description: "Down."
            risk atlas.leak @ /shapes.pgm:26:8
              status: mitigated
            risk atlas.fire @ /shapes.pgm:27:8
              status: closed
            stakeholder atlas.board @ /shapes.pgm:28:15
              power: low
              interest: high
              contact: dana
              description: "The board."
            benefit atlas.savings @ /shapes.pgm:29:11
              owner: dana
              delivered_by: ready
              realized_by: 2027-12-31
              metric: "Spend"
              baseline: 2.5
              target: 0
              description: "Cheaper."
            references
              /shapes.pgm:7:35 ops.members dana -> dana
              /shapes.pgm:10:10 atlas.owner dana -> dana
              /shapes.pgm:17:17 atlas.build.depends_on plan -> atlas.plan
              /shapes.pgm:17:30 atlas.build.depends_on plan -> atlas.plan
              /shapes.pgm:17:39 atlas.build.depends_on plan -> atlas.plan
              /shapes.pgm:17:52 atlas.build.depends_on plan -> atlas.plan
              /shapes.pgm:17:65 atlas.build.depends_on plan -> atlas.plan
              /shapes.pgm:17:74 atlas.build.depends_on plan -> atlas.plan
              /shapes.pgm:19:15 atlas.build.allocate ops -> ops
              /shapes.pgm:19:24 atlas.build.allocate dana -> dana
              /shapes.pgm:19:36 atlas.build.allocate ops -> ops
              /shapes.pgm:24:28 atlas.ready.owner dana -> dana
              /shapes.pgm:24:45 atlas.ready.depends_on build -> atlas.build
              /shapes.pgm:25:50 atlas.outage.affects ready -> atlas.ready
              /shapes.pgm:28:58 atlas.board.contact dana -> dana
              /shapes.pgm:30:12 atlas.savings.owner dana -> dana
              /shapes.pgm:31:19 atlas.savings.delivered_by ready -> atlas.ready
        "#]],
    );
}

#[test]
fn syntax_errors_become_diagnostics_and_the_rest_still_lowers() {
    check(
        r#"
//- /broken.pgm
person alice {
  role: "Lead",
  email: "alice@example.com"
}
person { role: "Nameless" }
team ops { capacity: 2 members: alice, }
person bob { role: "Engineer" }
"#,
        expect![[r#"
            person alice @ /broken.pgm:1:8
              role: "Lead"
              email: "alice@example.com"
            team ops @ /broken.pgm:6:6
              capacity: 2
              members: alice
            person bob @ /broken.pgm:7:8
              role: "Engineer"
            references
              /broken.pgm:6:33 ops.members alice -> alice
            diagnostics
              syntax-error /broken.pgm:3:3: expected a value after `,` in property `role`, found identifier `email`
              syntax-error /broken.pgm:5:8: expected a name after `person`, found `{`
              syntax-error /broken.pgm:6:40: expected a value after `,` in property `members`, found `}`
        "#]],
    );
}

#[test]
fn misplaced_items_are_left_out() {
    check(
        r#"
//- /misplaced.pgm
project stray { duration: 1d }
program atlas {
  person inside
  program nested
  project ok { duration: 1d }
}
"#,
        expect![[r#"
            program atlas @ /misplaced.pgm:2:9
              children: ok
            project atlas.ok @ /misplaced.pgm:5:11
              duration: 1 days
            diagnostics
              syntax-error /misplaced.pgm:1:1: a project belongs inside a program, not at the top level of the file
              syntax-error /misplaced.pgm:3:3: a person belongs at the top level of the file, not inside program `atlas`
              syntax-error /misplaced.pgm:4:3: a program belongs at the top level of the file, not inside program `atlas`
        "#]],
    );
}

#[test]
fn an_unknown_property_suggests_a_near_key_or_lists_the_keys() {
    check(
        r#"
//- /keys.pgm
team ops { capcity: 4 }
person dana { colour: "red" }
"#,
        expect![[r#"
            team ops @ /keys.pgm:1:6
            person dana @ /keys.pgm:2:8
            diagnostics
              unknown-property /keys.pgm:1:12: a team has no property `capcity`; did you mean `capacity`?
                suggestion: capacity
              unknown-property /keys.pgm:2:15: a person has no property `colour`; it takes `role` or `email`
        "#]],
    );
}

#[test]
fn dates_are_checked_against_the_calendar() {
    check(
        r#"
//- /dates.pgm
calendar { holidays: 2027-02-29, 2027-12-24 .. 2027-12-32 }
program atlas {
  window: 2027-12-01 .. 2027-01-01
  project a { start: 2027-13-01 duration: 1d deadline: 2028-02-29 }
  milestone m { due: 2027-06-31 }
  benefit b { realized_by: 2027-04-31 }
}
"#,
        expect![[r#"
            calendar calendar @ /dates.pgm:1:1
            program atlas @ /dates.pgm:2:9
              window: 2027-12-01 .. 2027-01-01
              children: a, m, b
            project atlas.a @ /dates.pgm:4:11
              duration: 1 days
              deadline: 2028-02-29
            milestone atlas.m @ /dates.pgm:5:13
            benefit atlas.b @ /dates.pgm:6:11
            diagnostics
              invalid-value /dates.pgm:1:22: `2027-02-29` is not a date: February 2027 has 28 days
              invalid-value /dates.pgm:1:48: `2027-12-32` is not a date: December 2027 has 31 days
              invalid-value /dates.pgm:4:22: `2027-13-01` is not a date: there is no month 13
              invalid-value /dates.pgm:5:22: `2027-06-31` is not a date: June 2027 has 30 days
              invalid-value /dates.pgm:6:28: `2027-04-31` is not a date: April 2027 has 30 days
        "#]],
    );
}

#[test]
fn values_of_the_wrong_type_or_out_of_range_are_invalid() {
    check(
        r#"
//- /values.pgm
person dana { role: Sponsor }
team ops { capacity: 0 }
team dev { capacity: 50% }
program atlas {
  owner: "Dana"
  window: 2027-01-04
  project a {
    duration: 0d
    progress: 140%
    status: donee
  }
  project b { duration: -2d }
  project c { duration: 30 progress: 40 status: "done" }
  risk r { likelihood: 7 impact: 2.5 status: active }
  stakeholder s { power: huge interest: Medium }
  benefit g { baseline: "high" target: 12% }
}
"#,
        expect![[r#"
            person dana @ /values.pgm:1:8
            team ops @ /values.pgm:2:6
            team dev @ /values.pgm:3:6
            program atlas @ /values.pgm:4:9
              children: a, b, c, r, s, g
            project atlas.a @ /values.pgm:7:11
            project atlas.b @ /values.pgm:12:11
            project atlas.c @ /values.pgm:13:11
            risk atlas.r @ /values.pgm:14:8
            stakeholder atlas.s @ /values.pgm:15:15
            benefit atlas.g @ /values.pgm:16:11
            diagnostics
              invalid-value /values.pgm:1:21: `role` takes a quoted string, not `Sponsor`
              invalid-value /values.pgm:2:22: `capacity` must be greater than 0, not 0
              invalid-value /values.pgm:3:22: `capacity` takes a number greater than 0, not `50%`
              invalid-value /values.pgm:5:10: `owner` takes the name of a person, not `"Dana"`
              invalid-value /values.pgm:6:11: `window` takes a date range such as 2027-01-04 .. 2027-12-17, not `2027-01-04`
              invalid-value /values.pgm:8:15: `0d` is no time at all: a duration is at least one working day
              invalid-value /values.pgm:9:15: `progress` is from 0% to 100%, not 140%
              invalid-value /values.pgm:10:13: `status` takes one of planned, active, blocked, done, cancelled, not `donee`; did you mean `done`?
                suggestion: done
              invalid-value /values.pgm:12:25: `duration` takes a duration in working days or weeks, such as 30d or 6w, not `-2d`
              invalid-value /values.pgm:13:25: `duration` takes a duration in working days or weeks, such as 30d or 6w, not `30`
              invalid-value /values.pgm:13:38: `progress` takes a percentage from 0% to 100%, not `40`
              invalid-value /values.pgm:13:49: `status` takes one of planned, active, blocked, done, cancelled, not `"done"`
              invalid-value /values.pgm:14:24: `likelihood` is from 1 to 5, not 7
              invalid-value /values.pgm:14:34: `impact` takes a whole number from 1 to 5, not `2.5`
              invalid-value /values.pgm:14:46: `status` takes one of open, mitigated, closed, occurred, not `active`
              invalid-value /values.pgm:15:26: `power` takes one of low, medium, high, not `huge`
              invalid-value /values.pgm:15:41: `interest` takes one of low, medium, high, not `Medium`; did you mean `medium`?
                suggestion: medium
              invalid-value /values.pgm:16:25: `baseline` takes a number, not `"high"`
              invalid-value /values.pgm:16:40: `target` takes a number, not `12%`
        "#]],
    );
}

#[test]
fn a_property_that_takes_one_value_takes_exactly_one() {
    check(
        r#"
//- /one.pgm
person dana
person eli
program atlas {
  owner: dana, eli
  project a { owner: dana eli duration: 1d }
}
"#,
        expect![[r#"
            person dana @ /one.pgm:1:8
            person eli @ /one.pgm:2:8
            program atlas @ /one.pgm:3:9
              owner: dana
              children: a
            project atlas.a @ /one.pgm:5:11
              owner: dana
              duration: 1 days
            references
              /one.pgm:4:10 atlas.owner dana -> dana
              /one.pgm:5:22 atlas.a.owner dana -> dana
            diagnostics
              invalid-value /one.pgm:4:16: `owner` takes one value, not 2
              invalid-value /one.pgm:5:27: unexpected `eli` after `dana`: `owner` takes the name of a person
        "#]],
    );
}

#[test]
fn a_project_takes_duration_or_end_not_both() {
    check(
        r#"
//- /both.pgm
program atlas {
  project a { duration: 5d end: 2027-03-05 }
  project b { end: 2027-03-05 duration: 5d }
}
"#,
        expect![[r#"
            program atlas @ /both.pgm:1:9
              children: a, b
            project atlas.a @ /both.pgm:2:11
              duration: 5 days
            project atlas.b @ /both.pgm:3:11
              end: 2027-03-05
            diagnostics
              invalid-value /both.pgm:2:28: a project takes `duration` or `end`, not both
                related /both.pgm:2:15: `duration` is given here
              invalid-value /both.pgm:3:31: a project takes `end` or `duration`, not both
                related /both.pgm:3:15: `end` is given here
        "#]],
    );
}

#[test]
fn dependency_entries_take_one_type_and_one_lag() {
    check(
        r#"
//- /dependencies.pgm
program atlas {
  project a { duration: 1d }
  project b {
    duration: 1d
    depends_on: a sx, a ss ff, a +1w -2d, a "late", +1w, a +99999999999d
  }
}
"#,
        expect![[r#"
            program atlas @ /dependencies.pgm:1:9
              children: a, b
            project atlas.a @ /dependencies.pgm:2:11
              duration: 1 days
            project atlas.b @ /dependencies.pgm:3:11
              duration: 1 days
            references
              /dependencies.pgm:5:17 atlas.b.depends_on a -> atlas.a
              /dependencies.pgm:5:23 atlas.b.depends_on a -> atlas.a
              /dependencies.pgm:5:32 atlas.b.depends_on a -> atlas.a
              /dependencies.pgm:5:43 atlas.b.depends_on a -> atlas.a
              /dependencies.pgm:5:58 atlas.b.depends_on a -> atlas.a
            diagnostics
              invalid-value /dependencies.pgm:5:19: `sx` is not a dependency type: use fs, ss, ff or sf
              invalid-value /dependencies.pgm:5:28: a dependency has one type: `ff` comes after `ss`
              invalid-value /dependencies.pgm:5:38: a dependency has one lag: `-2d` comes after `+1w`
              invalid-value /dependencies.pgm:5:45: unexpected `"late"` in a dependency: write `target`, then optionally a type (fs, ss, ff, sf) and a lag (+1w, -2d)
              invalid-value /dependencies.pgm:5:53: `depends_on` takes projects and milestones, each with an optional type (fs, ss, ff or sf) and lag (+1w, -2d), not `+1w`
              invalid-value /dependencies.pgm:5:60: `+99999999999d` is too long
        "#]],
    );
}

#[test]
fn allocations_take_a_resource_and_an_amount() {
    check(
        r#"
//- /allocations.pgm
person dana
team ops
program atlas {
  project a {
    duration: 1d
    allocate: ops, ops 0, dana 140%, dana 0%, ops 2 3, 50%, ops "half"
  }
}
"#,
        expect![[r#"
            person dana @ /allocations.pgm:1:8
            team ops @ /allocations.pgm:2:6
            program atlas @ /allocations.pgm:3:9
              children: a
            project atlas.a @ /allocations.pgm:4:11
              duration: 1 days
              allocate: ops 2 people
            references
              /allocations.pgm:6:15 atlas.a.allocate ops -> ops
              /allocations.pgm:6:20 atlas.a.allocate ops -> ops
              /allocations.pgm:6:27 atlas.a.allocate dana -> dana
              /allocations.pgm:6:38 atlas.a.allocate dana -> dana
              /allocations.pgm:6:47 atlas.a.allocate ops -> ops
              /allocations.pgm:6:61 atlas.a.allocate ops -> ops
            diagnostics
              invalid-value /allocations.pgm:6:15: `allocate: ops` needs an amount: a number of people (`ops 2`) or a share of capacity (`ops 50%`)
              invalid-value /allocations.pgm:6:24: `0` is not an amount: allocate more than 0 people
              invalid-value /allocations.pgm:6:32: `140%` is out of range: an allocation is more than 0% and at most 100% of the resource's capacity
              invalid-value /allocations.pgm:6:43: `0%` is out of range: an allocation is more than 0% and at most 100% of the resource's capacity
              invalid-value /allocations.pgm:6:53: unexpected `3` after `2`: `allocate` takes persons and teams, each with an amount: people (2) or a share of capacity (50%)
              invalid-value /allocations.pgm:6:56: `allocate` takes persons and teams, each with an amount: people (2) or a share of capacity (50%), not `50%`
              invalid-value /allocations.pgm:6:65: `allocate` takes persons and teams, each with an amount: people (2) or a share of capacity (50%), not `"half"`
        "#]],
    );
}

#[test]
fn a_property_given_twice_is_reported_and_the_first_kept() {
    check(
        r#"
//- /twice.pgm
person dana
person eli
program atlas {
  project a {
    owner: dana
    duration: 1d
    owner: eli
    duration: 2027
  }
}
"#,
        expect![[r#"
            person dana @ /twice.pgm:1:8
            person eli @ /twice.pgm:2:8
            program atlas @ /twice.pgm:3:9
              children: a
            project atlas.a @ /twice.pgm:4:11
              owner: dana
              duration: 1 days
            references
              /twice.pgm:5:12 atlas.a.owner dana -> dana
              /twice.pgm:7:12 atlas.a.owner eli -> eli
            diagnostics
              duplicate-property /twice.pgm:7:5: `owner` is given twice in project `atlas.a`
                related /twice.pgm:5:5: `owner` is first given here
              duplicate-property /twice.pgm:8:5: `duration` is given twice in project `atlas.a`
                related /twice.pgm:6:5: `duration` is first given here
              invalid-value /twice.pgm:8:15: `duration` takes a duration in working days or weeks, such as 30d or 6w, not `2027`
        "#]],
    );
}

#[test]
fn duplicate_definitions_are_reported_across_files() {
    check(
        r#"
//- /a.pgm
person alice
program apollo {
  project iam { duration: 1d }
}
//- /b.pgm
team alice
program apollo {
  project iam { duration: 2d }
  project sso { depends_on: iam duration: 1d }
}
program hermes {
  project iam { duration: 3d }
}
"#,
        expect![[r#"
            person alice @ /a.pgm:1:8
            program apollo @ /a.pgm:2:9
              children: iam
            project apollo.iam @ /a.pgm:3:11
              duration: 1 days
            team alice @ /b.pgm:1:6
            program apollo @ /b.pgm:2:9
              children: iam, sso
            project apollo.iam @ /b.pgm:3:11
              duration: 2 days
            project apollo.sso @ /b.pgm:4:11
              duration: 1 days
              depends_on: iam fs +0
            program hermes @ /b.pgm:6:9
              children: iam
            project hermes.iam @ /b.pgm:7:11
              duration: 3 days
            references
              /b.pgm:4:29 apollo.sso.depends_on iam -> apollo.iam
            diagnostics
              duplicate-definition /b.pgm:1:6: there is already a person named `alice`
                related /a.pgm:1:8: the first `alice` is defined here
              duplicate-definition /b.pgm:2:9: there is already a program named `apollo`
                related /a.pgm:2:9: the first `apollo` is defined here
              duplicate-definition /b.pgm:3:11: program `apollo` already has a project named `iam`
                related /a.pgm:3:11: the first `apollo.iam` is defined here
        "#]],
    );
}

#[test]
fn an_item_of_the_program_shadows_a_top_level_name() {
    check(
        r#"
//- /shadow.pgm
person review
person dana
program atlas {
  project review { duration: 1d }
  project ship { owner: dana depends_on: review duration: 1d }
  risk late { owner: review }
}
program other {
  project p { owner: review duration: 1d }
}
team qa { members: review, dana }
"#,
        expect![[r#"
            person review @ /shadow.pgm:1:8
            person dana @ /shadow.pgm:2:8
            program atlas @ /shadow.pgm:3:9
              children: review, ship, late
            project atlas.review @ /shadow.pgm:4:11
              duration: 1 days
            project atlas.ship @ /shadow.pgm:5:11
              owner: dana
              duration: 1 days
              depends_on: review fs +0
            risk atlas.late @ /shadow.pgm:6:8
              owner: review
            program other @ /shadow.pgm:8:9
              children: p
            project other.p @ /shadow.pgm:9:11
              owner: review
              duration: 1 days
            team qa @ /shadow.pgm:11:6
              members: review, dana
            references
              /shadow.pgm:5:25 atlas.ship.owner dana -> dana
              /shadow.pgm:5:42 atlas.ship.depends_on review -> atlas.review
              /shadow.pgm:6:22 atlas.late.owner review -> atlas.review (wrong kind)
              /shadow.pgm:9:22 other.p.owner review -> review
              /shadow.pgm:11:20 qa.members review -> review
              /shadow.pgm:11:28 qa.members dana -> dana
            diagnostics
              wrong-kind /shadow.pgm:6:22: `review` is a project; `owner` takes a person
                related /shadow.pgm:4:11: `atlas.review` is defined here
        "#]],
    );
}

#[test]
fn names_reach_across_files_and_programs() {
    check(
        r#"
//- /people.pgm
person dana
team ops { members: dana }
//- /apollo.pgm
program apollo {
  owner: dana
  project iam { duration: 1d allocate: ops 1 }
}
//- /hermes.pgm
program hermes {
  project portal { depends_on: apollo.iam duration: 1d }
  benefit b { delivered_by: apollo.iam, portal }
}
"#,
        expect![[r#"
            person dana @ /people.pgm:1:8
            team ops @ /people.pgm:2:6
              members: dana
            program apollo @ /apollo.pgm:1:9
              owner: dana
              children: iam
            project apollo.iam @ /apollo.pgm:3:11
              duration: 1 days
              allocate: ops 1 people
            program hermes @ /hermes.pgm:1:9
              children: portal, b
            project hermes.portal @ /hermes.pgm:2:11
              duration: 1 days
              depends_on: apollo.iam fs +0
            benefit hermes.b @ /hermes.pgm:3:11
              delivered_by: apollo.iam, portal
            references
              /people.pgm:2:21 ops.members dana -> dana
              /apollo.pgm:2:10 apollo.owner dana -> dana
              /apollo.pgm:3:40 apollo.iam.allocate ops -> ops
              /hermes.pgm:2:32 hermes.portal.depends_on apollo.iam -> apollo.iam
              /hermes.pgm:3:29 hermes.b.delivered_by apollo.iam -> apollo.iam
              /hermes.pgm:3:41 hermes.b.delivered_by portal -> hermes.portal
        "#]],
    );
}

#[test]
fn an_unresolved_name_suggests_a_near_visible_name() {
    check(
        r#"
//- /unresolved.pgm
person alice
team backend { members: alise, bob }
program apollo {
  project iam { duration: 1d }
  project billing { depends_on: iamm, apolo.iam, apollo.iamx, alice.iam, a.b.c duration: 1d }
}
program hermes {
  project portal { depends_on: iam, apollo.billing duration: 1d allocate: backnd 1 }
  risk r { affects: portl }
}
"#,
        expect![[r#"
            person alice @ /unresolved.pgm:1:8
            team backend @ /unresolved.pgm:2:6
              members: alise, bob
            program apollo @ /unresolved.pgm:3:9
              children: iam, billing
            project apollo.iam @ /unresolved.pgm:4:11
              duration: 1 days
            project apollo.billing @ /unresolved.pgm:5:11
              duration: 1 days
              depends_on: iamm fs +0, apolo.iam fs +0, apollo.iamx fs +0, alice.iam fs +0, a.b.c fs +0
            program hermes @ /unresolved.pgm:7:9
              children: portal, r
            project hermes.portal @ /unresolved.pgm:8:11
              duration: 1 days
              depends_on: iam fs +0, apollo.billing fs +0
              allocate: backnd 1 people
            risk hermes.r @ /unresolved.pgm:9:8
              affects: portl
            references
              /unresolved.pgm:2:25 backend.members alise -> unresolved
              /unresolved.pgm:2:32 backend.members bob -> unresolved
              /unresolved.pgm:5:33 apollo.billing.depends_on iamm -> unresolved
              /unresolved.pgm:5:39 apollo.billing.depends_on apolo.iam -> unresolved
              /unresolved.pgm:5:50 apollo.billing.depends_on apollo.iamx -> unresolved
              /unresolved.pgm:5:63 apollo.billing.depends_on alice.iam -> unresolved
              /unresolved.pgm:5:74 apollo.billing.depends_on a.b.c -> unresolved
              /unresolved.pgm:8:32 hermes.portal.depends_on iam -> unresolved
              /unresolved.pgm:8:37 hermes.portal.depends_on apollo.billing -> apollo.billing
              /unresolved.pgm:8:75 hermes.portal.allocate backnd -> unresolved
              /unresolved.pgm:9:21 hermes.r.affects portl -> unresolved
            diagnostics
              unresolved-reference /unresolved.pgm:2:25: there is no `alise` at the top level; did you mean `alice`?
                suggestion: alice
              unresolved-reference /unresolved.pgm:2:32: there is no `bob` at the top level
              unresolved-reference /unresolved.pgm:5:33: there is no `iamm` in program `apollo` or at the top level; did you mean `iam`?
                suggestion: iam
              unresolved-reference /unresolved.pgm:5:39: there is no program `apolo`; did you mean `apollo`?
                suggestion: apollo
              unresolved-reference /unresolved.pgm:5:57: program `apollo` has no item `iamx`; did you mean `iam`?
                suggestion: iam
              unresolved-reference /unresolved.pgm:5:63: `alice` is a person, not a program
                related /unresolved.pgm:1:8: `alice` is defined here
              unresolved-reference /unresolved.pgm:5:74: `a.b.c` is not a name: write `item` or `program.item`
              unresolved-reference /unresolved.pgm:8:32: there is no `iam` in program `hermes` or at the top level; did you mean `apollo.iam`?
                suggestion: apollo.iam
              unresolved-reference /unresolved.pgm:8:75: there is no `backnd` in program `hermes` or at the top level; did you mean `backend`?
                suggestion: backend
              unresolved-reference /unresolved.pgm:9:21: there is no `portl` in program `hermes` or at the top level; did you mean `portal`?
                suggestion: portal
        "#]],
    );
}

#[test]
fn a_name_of_the_wrong_kind_is_reported_and_stays_resolved() {
    check(
        r#"
//- /kinds.pgm
person alice
team backend { members: alice, backend }
program apollo {
  owner: backend
  project billing { depends_on: alice, apollo duration: 1d }
  project iam { allocate: billing 1 duration: 1d }
  risk r { affects: r }
  stakeholder s { contact: backend }
  benefit b { delivered_by: s }
}
"#,
        expect![[r#"
            person alice @ /kinds.pgm:1:8
            team backend @ /kinds.pgm:2:6
              members: alice, backend
            program apollo @ /kinds.pgm:3:9
              owner: backend
              children: billing, iam, r, s, b
            project apollo.billing @ /kinds.pgm:5:11
              duration: 1 days
              depends_on: alice fs +0, apollo fs +0
            project apollo.iam @ /kinds.pgm:6:11
              duration: 1 days
              allocate: billing 1 people
            risk apollo.r @ /kinds.pgm:7:8
              affects: r
            stakeholder apollo.s @ /kinds.pgm:8:15
              contact: backend
            benefit apollo.b @ /kinds.pgm:9:11
              delivered_by: s
            references
              /kinds.pgm:2:25 backend.members alice -> alice
              /kinds.pgm:2:32 backend.members backend -> backend (wrong kind)
              /kinds.pgm:4:10 apollo.owner backend -> backend (wrong kind)
              /kinds.pgm:5:33 apollo.billing.depends_on alice -> alice (wrong kind)
              /kinds.pgm:5:40 apollo.billing.depends_on apollo -> apollo (wrong kind)
              /kinds.pgm:6:27 apollo.iam.allocate billing -> apollo.billing (wrong kind)
              /kinds.pgm:7:21 apollo.r.affects r -> apollo.r (wrong kind)
              /kinds.pgm:8:28 apollo.s.contact backend -> backend (wrong kind)
              /kinds.pgm:9:29 apollo.b.delivered_by s -> apollo.s (wrong kind)
            diagnostics
              wrong-kind /kinds.pgm:2:32: `backend` is a team; `members` takes persons
                related /kinds.pgm:2:6: `backend` is defined here
              wrong-kind /kinds.pgm:4:10: `backend` is a team; `owner` takes a person
                related /kinds.pgm:2:6: `backend` is defined here
              wrong-kind /kinds.pgm:5:33: `alice` is a person; `depends_on` takes projects and milestones
                related /kinds.pgm:1:8: `alice` is defined here
              wrong-kind /kinds.pgm:5:40: `apollo` is a program; `depends_on` takes projects and milestones
                related /kinds.pgm:3:9: `apollo` is defined here
              wrong-kind /kinds.pgm:6:27: `billing` is a project; `allocate` takes persons and teams
                related /kinds.pgm:5:11: `apollo.billing` is defined here
              wrong-kind /kinds.pgm:7:21: `r` is a risk; `affects` takes projects and milestones
                related /kinds.pgm:7:8: `apollo.r` is defined here
              wrong-kind /kinds.pgm:8:28: `backend` is a team; `contact` takes a person
                related /kinds.pgm:2:6: `backend` is defined here
              wrong-kind /kinds.pgm:9:29: `s` is a stakeholder; `delivered_by` takes projects and milestones
                related /kinds.pgm:8:15: `apollo.s` is defined here
        "#]],
    );
}

fn check_lookups(fixture: &str, expect: Expect) {
    let model = model(fixture);
    let mut out = String::new();
    let name = |def: DefId| model.def(def).qualified_name().to_string();
    let names =
        |defs: &mut dyn Iterator<Item = DefId>| defs.map(name).collect::<Vec<_>>().join(" ");
    let places = |refs: &[RefId]| {
        let places: Vec<String> = refs
            .iter()
            .map(|&reference| place(&model, model.reference(reference).location()))
            .collect();
        places.join(" ")
    };
    for (index, file) in model.files.iter().enumerate() {
        let file_id = FileId(index as u32);
        let defs = names(&mut model.defs_in_file(file_id));
        let refs = model.refs_in_file(file_id).len();
        writeln!(out, "file {}: {defs}; {refs} references", file.path).unwrap();
    }
    for index in 0..model.defs.len() {
        let def = DefId(index as u32);
        let children = names(&mut model.children(def).iter().copied());
        if !children.is_empty() {
            writeln!(out, "children of {}: {children}", name(def)).unwrap();
        }
        let references = places(model.references_to(def));
        if !references.is_empty() {
            writeln!(out, "references to {}: {references}", name(def)).unwrap();
        }
        let qualified = places(model.qualified_by(def));
        if !qualified.is_empty() {
            writeln!(out, "qualified by {}: {qualified}", name(def)).unwrap();
        }
    }
    let holidays: Vec<String> = model.holidays().map(range).collect();
    writeln!(out, "holidays: {}", holidays.join(", ")).unwrap();
    let programs = model
        .defs
        .iter()
        .enumerate()
        .filter(|(_, def)| def.kind() == ItemKind::Program)
        .map(|(index, _)| Some(DefId(index as u32)));
    for scope in [None].into_iter().chain(programs) {
        let scope_name = scope.map_or("top".to_string(), name);
        for role in [RefRole::Owner, RefRole::Allocate, RefRole::DependsOn] {
            let visible: Vec<String> = model
                .visible_names(scope, role)
                .into_iter()
                .map(|visible| format!("{}={}", visible.text, name(visible.def)))
                .collect();
            let visible = if visible.is_empty() {
                "nothing".to_string()
            } else {
                visible.join(" ")
            };
            writeln!(out, "visible in {scope_name} for {}: {visible}", role.key()).unwrap();
        }
        for written in ["iam", "alice", "apollo.iam", "hermes.iam", "alice.iam"] {
            let segments: Vec<&str> = written.split('.').collect();
            let resolved = model
                .resolve(scope, &segments)
                .map_or("-".to_string(), name);
            writeln!(out, "resolve {written} in {scope_name}: {resolved}").unwrap();
        }
    }
    for qualified in [
        "alice",
        "apollo",
        "apollo.iam",
        "hermes.iam",
        "iam",
        "apollo.iam.x",
    ] {
        let found = model.lookup(qualified).map_or("-".to_string(), name);
        writeln!(out, "lookup {qualified}: {found}").unwrap();
    }
    expect.assert_eq(&out);
}

#[test]
fn lookups_answer_from_the_index() {
    check_lookups(
        r#"
//- /people.pgm
calendar { holidays: 2027-01-01 }
person alice
team backend { members: alice }
//- /apollo.pgm
program apollo {
  owner: alice
  project iam { owner: alice allocate: backend 1 duration: 1d }
  milestone done { depends_on: iam }
}
calendar { holidays: 2027-12-24 .. 2027-12-31 }
//- /hermes.pgm
program hermes {
  project alice { depends_on: apollo.iam, apollo.done duration: 1d }
  risk r { affects: apollo.iam owner: alice }
}
"#,
        expect![[r#"
            file /people.pgm: calendar alice backend; 1 references
            file /apollo.pgm: apollo apollo.iam apollo.done calendar; 4 references
            file /hermes.pgm: hermes hermes.alice hermes.r; 4 references
            references to alice: /people.pgm:3:25 /apollo.pgm:2:10 /apollo.pgm:3:24
            references to backend: /apollo.pgm:3:40
            children of apollo: apollo.iam apollo.done
            qualified by apollo: /hermes.pgm:2:31 /hermes.pgm:2:43 /hermes.pgm:3:21
            references to apollo.iam: /apollo.pgm:4:32 /hermes.pgm:2:31 /hermes.pgm:3:21
            references to apollo.done: /hermes.pgm:2:43
            children of hermes: hermes.alice hermes.r
            references to hermes.alice: /hermes.pgm:3:39
            holidays: 2027-01-01, 2027-12-24 .. 2027-12-31
            visible in top for owner: alice=alice
            visible in top for allocate: alice=alice backend=backend
            visible in top for depends_on: apollo.iam=apollo.iam apollo.done=apollo.done hermes.alice=hermes.alice
            resolve iam in top: -
            resolve alice in top: alice
            resolve apollo.iam in top: apollo.iam
            resolve hermes.iam in top: -
            resolve alice.iam in top: -
            visible in apollo for owner: alice=alice
            visible in apollo for allocate: alice=alice backend=backend
            visible in apollo for depends_on: iam=apollo.iam done=apollo.done hermes.alice=hermes.alice
            resolve iam in apollo: apollo.iam
            resolve alice in apollo: alice
            resolve apollo.iam in apollo: apollo.iam
            resolve hermes.iam in apollo: -
            resolve alice.iam in apollo: -
            visible in hermes for owner: nothing
            visible in hermes for allocate: backend=backend
            visible in hermes for depends_on: apollo.iam=apollo.iam apollo.done=apollo.done alice=hermes.alice
            resolve iam in hermes: -
            resolve alice in hermes: hermes.alice
            resolve apollo.iam in hermes: apollo.iam
            resolve hermes.iam in hermes: -
            resolve alice.iam in hermes: -
            lookup alice: alice
            lookup apollo: apollo
            lookup apollo.iam: apollo.iam
            lookup hermes.iam: -
            lookup iam: -
            lookup apollo.iam.x: -
        "#]],
    );
}

#[test]
fn depends_on_entries_are_counted_across_files_whatever_they_name() {
    let model = model(
        r#"
//- /a.pgm
program p {
  project x { duration: 5d }
  project y { depends_on: x, nowhere ss, p.x +2d }
  milestone m { depends_on: y, 5d }
}
//- /b.pgm
program q {
  project z {
    depends_on: p.y
    depends_on: p.x
    owner: nobody
  }
}
"#,
    );
    // Three in `y`, one in `m` (`5d` names nothing), and both of `z`'s,
    // the second reported and its name still resolved.
    assert_eq!(model.dependency_count(), 6);
}

#[test]
fn the_model_can_be_shared_between_threads() {
    fn shareable<T: Send + Sync>() {}
    shareable::<Model>();
}

/// Words of the language in any order: mostly wrong, sometimes right.
fn token_soup() -> impl Strategy<Value = String> {
    const WORDS: &[&str] = &[
        "calendar",
        "person",
        "team",
        "program",
        "project",
        "milestone",
        "risk",
        "benefit",
        "{",
        "}",
        ":",
        ",",
        "..",
        "a",
        "b",
        "a.b",
        "a.b.c",
        "2027-01-04",
        "2027-02-30",
        "30d",
        "0d",
        "+1w",
        "-2d",
        "0",
        "7",
        "2.5",
        "140%",
        "50%",
        "\"s\"",
        "owner",
        "depends_on",
        "allocate",
        "duration",
        "end",
        "status",
        "done",
        "ss",
        "likelihood",
        "holidays",
        "members",
        "window",
        "\n",
    ];
    prop::collection::vec(prop::sample::select(WORDS), 0..80).prop_map(|words| words.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn any_text_lowers_into_a_consistent_model(first in token_soup(), second in token_soup()) {
        let model = model(&format!("//- /first.pgm\n{first}\n//- /second.pgm\n{second}\n"));
        prop_assert_eq!(model.references().count(), model.ref_count());
        let dependencies = model.references().filter(|(_, reference)| reference.role == RefRole::DependsOn);
        prop_assert_eq!(model.dependency_count(), dependencies.count());
        for (index, def) in model.defs.iter().enumerate() {
            prop_assert_eq!(model.kind(DefId(index as u32)), def.kind());
        }
        for (id, reference) in model.references() {
            prop_assert!(reference.from.index() < model.defs.len());
            if let Some(target) = model.resolution(id).target {
                prop_assert!(model.references_to(target).contains(&id));
            }
            if let Some(target) = model.target(id) {
                prop_assert!(reference.role.accepts().contains(&model.def(target).kind()));
            }
        }
        for diagnostic in &model.diagnostics {
            prop_assert!(diagnostic.at.span.end() <= model.file(diagnostic.at.file).text.len());
        }
    }
}

#[test]
fn a_file_whose_syntax_was_dropped_parses_the_same_again() {
    let text = "/// Ana.\nperson ana\nprogram p { owner: ana\n  project x { duration: 5d } // soon\n  risk\n}\n";
    let (dropped, lowered) =
        ParsedFile::lower_dropping_syntax("a.pgm".into(), text.into(), FileId(0), false);
    let kept = Arc::new(ParsedFile::new("a.pgm", text));
    let from_dropped = Model::from_lowered(vec![dropped.clone()], vec![lowered], None);
    let from_kept = Model::build(vec![kept.clone()]);
    assert_eq!(from_dropped.defs, from_kept.defs);
    assert_eq!(from_dropped.diagnostics, from_kept.diagnostics);
    assert!(!from_kept.diagnostics.is_empty());
    assert_eq!(dropped.parse(), kept.parse());
}
