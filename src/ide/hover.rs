//! Hover: what a definition is and what the analysis knows about it; the
//! documentation of a keyword or property key.

use std::fmt::Write;

use jiff::civil::Date;

use crate::analysis::Analysis;
use crate::base::{FileId, Span};
use crate::ide::at_offset::{AtOffset, at_offset};
use crate::ide::describe;
use crate::ide::lookup::{allocations_of, dependents, named_by};
use crate::model::schema;
use crate::model::{
    Benefit, Def, DefData, DefId, Dependency, Milestone, Model, Person, Program, Project, RefId,
    RefRole, Risk, Stakeholder, Team,
};
use crate::syntax::ast::ItemKind;

#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Hover {
    /// The text the hover is about.
    pub span: Span,
    pub markdown: String,
}

/// Load segments shown in a resource's hover; the peak is named anyway.
const MAX_LOAD_ROWS: usize = 8;

pub fn hover(model: &Model, analysis: &Analysis, file: FileId, offset: usize) -> Option<Hover> {
    let found = at_offset(model, file, offset)?;
    let markdown = match found {
        AtOffset::DefName { .. } | AtOffset::Mention { .. } => {
            definition(model, analysis, found.def(model)?)
        }
        AtOffset::Keyword { kind, .. } => keyword(kind),
        AtOffset::Key { item, property } | AtOffset::Word { item, property, .. } => {
            property_key(item, property.key.text(&model.file(file).text))?
        }
    };
    Some(Hover {
        span: found.span(),
        markdown,
    })
}

fn keyword(kind: ItemKind) -> String {
    format!(
        "```pgm\n{}\n```\n\n{}\n",
        kind.keyword(),
        schema::item(kind).doc
    )
}

fn property_key(item: ItemKind, key: &str) -> Option<String> {
    let property = schema::item(item).property(key)?;
    Some(format!(
        "```pgm\n{} {{ {key}: … }}\n```\n\n{}\n\nTakes {}.\n",
        item.keyword(),
        property.doc,
        property.shape.expected()
    ))
}

fn definition(model: &Model, analysis: &Analysis, id: DefId) -> String {
    let def = model.def(id);
    let mut out = String::from("```pgm\n");
    out.push_str(def.kind().keyword());
    if def.kind().is_named() {
        let _ = write!(out, " {}", def.qualified_name());
    }
    if let Some(title) = &def.title {
        let _ = write!(out, " {title:?}");
    }
    out.push_str("\n```\n");
    for text in [def.docs.as_deref(), def.description.as_deref()]
        .into_iter()
        .flatten()
    {
        let _ = write!(out, "\n{text}\n");
    }
    let facts = Facts {
        model,
        analysis,
        id,
        def,
    };
    let (lines, extra) = facts.describe();
    if !lines.is_empty() {
        out.push('\n');
        for line in lines {
            let _ = writeln!(out, "- {line}");
        }
    }
    if let Some(extra) = extra {
        let _ = write!(out, "\n{extra}");
    }
    out
}

/// What is known about one definition, as the lines of a list plus an
/// optional block after it (a risk's matrix, a resource's load).
struct Facts<'a> {
    model: &'a Model,
    analysis: &'a Analysis,
    id: DefId,
    def: &'a Def,
}

impl Facts<'_> {
    fn describe(&self) -> (Vec<String>, Option<String>) {
        match &self.def.data {
            DefData::Calendar(calendar) => {
                let holidays: Vec<String> = calendar
                    .holidays
                    .iter()
                    .map(|holiday| match holiday.value {
                        range if range.first == range.last => range.first.to_string(),
                        range => format!("{} … {}", range.first, range.last),
                    })
                    .collect();
                (list_fact("holidays", holidays).into_iter().collect(), None)
            }
            DefData::Person(person) => self.person(person),
            DefData::Team(team) => self.team(team),
            DefData::Program(program) => (self.program(program), None),
            DefData::Project(project) => (self.project(project), None),
            DefData::Milestone(milestone) => (self.milestone(milestone), None),
            DefData::Risk(risk) => self.risk(risk),
            DefData::Stakeholder(stakeholder) => (self.stakeholder(stakeholder), None),
            DefData::Benefit(benefit) => (self.benefit(benefit), None),
        }
    }

    fn person(&self, person: &Person) -> (Vec<String>, Option<String>) {
        let mut lines: Vec<String> = [("role", &person.role), ("email", &person.email)]
            .into_iter()
            .filter_map(|(key, value)| Some(format!("**{key}** {}", value.as_ref()?)))
            .collect();
        let teams: Vec<String> = named_by(self.model, self.id, RefRole::Members)
            .into_iter()
            .map(|team| self.name(team))
            .collect();
        lines.extend(list_fact("member of", teams));
        self.resource(lines)
    }

    fn team(&self, team: &Team) -> (Vec<String>, Option<String>) {
        let members = team.members.iter().map(|&member| self.reference(member));
        let lines = list_fact("members", members.collect())
            .into_iter()
            .collect();
        self.resource(lines)
    }

    /// What a person or team is allocated to and how loaded it is.
    fn resource(&self, mut lines: Vec<String>) -> (Vec<String>, Option<String>) {
        let allocations: Vec<String> = allocations_of(self.model, self.id)
            .into_iter()
            .map(|(project, allocation)| {
                let amount = self.written(self.model.def(project).file, allocation.amount.span);
                match self.analysis.schedule.dates(project) {
                    Some(dates) => format!(
                        "{} {amount} ({} → {})",
                        self.name(project),
                        dates.earliest_start,
                        dates.earliest_finish
                    ),
                    None => format!("{} {amount}", self.name(project)),
                }
            })
            .collect();
        lines.extend(list_fact("allocated to", allocations));
        let Some(load) = self
            .analysis
            .loads
            .iter()
            .find(|load| load.resource == self.id)
        else {
            return (lines, None);
        };
        lines.push(format!("**capacity** {}", describe::number(load.capacity)));
        let peak = load.peak();
        let Some(at_peak) = load.segments.iter().find(|segment| segment.load == peak) else {
            lines.push("**load** none scheduled".to_string());
            return (lines, None);
        };
        lines.push(format!(
            "**peak load** {} on {} … {}{}",
            describe::number(peak),
            at_peak.first,
            at_peak.last,
            if peak > load.capacity {
                " (over capacity)"
            } else {
                ""
            }
        ));
        for overload in load.overloads() {
            lines.push(format!(
                "**over capacity** {} … {}, peak {}",
                overload.first,
                overload.last,
                describe::number(overload.peak)
            ));
        }
        let mut table = String::from("| from | to | load |\n|---|---|---|\n");
        for segment in load.segments.iter().take(MAX_LOAD_ROWS) {
            let _ = writeln!(
                table,
                "| {} | {} | {} |",
                segment.first,
                segment.last,
                describe::number(segment.load)
            );
        }
        if load.segments.len() > MAX_LOAD_ROWS {
            let more = load.segments.len() - MAX_LOAD_ROWS;
            let _ = writeln!(table, "\n… and {}", describe::count(more, "more period"));
        }
        (lines, Some(table))
    }

    fn program(&self, program: &Program) -> Vec<String> {
        let mut lines = Vec::new();
        lines.extend(self.owner(program.owner));
        if let Some(objective) = &program.objective {
            lines.push(format!("**objective** {objective}"));
        }
        if let Some(window) = program.window {
            lines.push(format!(
                "**window** {} … {}",
                window.value.first, window.value.last
            ));
        }
        if let Some(finish) = self.analysis.schedule.program_finish(self.id) {
            lines.push(format!("**finish** {finish}"));
        }
        let counts: Vec<String> = ItemKind::ALL
            .into_iter()
            .filter_map(|kind| {
                let n = program
                    .children
                    .iter()
                    .filter(|&&child| self.model.def(child).kind() == kind)
                    .count();
                (n > 0).then(|| describe::count(n, kind.keyword()))
            })
            .collect();
        if !counts.is_empty() {
            lines.push(format!("**contains** {}", counts.join(", ")));
        }
        lines
    }

    fn project(&self, project: &Project) -> Vec<String> {
        let mut lines = Vec::new();
        lines.extend(self.owner(project.owner));
        let status = project
            .status
            .map_or("planned", |status| status.value.keyword());
        lines.push(match project.progress {
            Some(progress) => format!(
                "**status** {status}, {}% done",
                describe::number(progress.value)
            ),
            None => format!("**status** {status}"),
        });
        match self.analysis.schedule.dates(self.id) {
            Some(dates) => {
                lines.push(format!(
                    "**earliest** {} → {}",
                    dates.earliest_start, dates.earliest_finish
                ));
                lines.push(format!(
                    "**latest** {} → {}",
                    dates.latest_start, dates.latest_finish
                ));
                let slack = format!(
                    "**slack** {}",
                    describe::count_signed(dates.slack, "working day")
                );
                lines.push(match dates.critical {
                    true => format!("{slack} · **on the critical path**"),
                    false => slack,
                });
            }
            None => lines.push(self.unscheduled()),
        }
        if let Some(deadline) = project.deadline {
            lines.push(format!("**deadline** {}", deadline.value));
        }
        lines.extend(self.dependencies(&project.depends_on));
        lines.extend(self.dependents_and_risks());
        let allocations = project
            .allocate
            .iter()
            .map(|allocation| format!("`{}`", self.written(self.def.file, allocation.span)));
        lines.extend(list_fact("allocates", allocations.collect()));
        lines
    }

    fn milestone(&self, milestone: &Milestone) -> Vec<String> {
        let mut lines = Vec::new();
        lines.extend(self.owner(milestone.owner));
        let date = self
            .analysis
            .schedule
            .dates(self.id)
            .map(|dates| dates.earliest_finish);
        let due = milestone.due.map(|due| due.value);
        lines.extend(self.date_against("date", date, "due", due));
        lines.extend(self.dependencies(&milestone.depends_on));
        lines.extend(self.dependents_and_risks());
        lines
    }

    fn benefit(&self, benefit: &Benefit) -> Vec<String> {
        let mut lines = Vec::new();
        lines.extend(self.owner(benefit.owner));
        let finishes: Option<Vec<Date>> = benefit
            .delivered_by
            .iter()
            .map(|&reference| {
                let target = self.model.resolution(reference).target?;
                Some(self.analysis.schedule.dates(target)?.earliest_finish)
            })
            .collect();
        let delivered = finishes.and_then(|finishes| finishes.into_iter().max());
        let realized_by = benefit.realized_by.map(|date| date.value);
        lines.extend(self.date_against("delivered", delivered, "realized by", realized_by));
        let delivered_by = benefit.delivered_by.iter().map(|&r| self.reference(r));
        lines.extend(list_fact("delivered by", delivered_by.collect()));
        if let Some(metric) = &benefit.metric {
            lines.push(format!("**metric** {metric}"));
        }
        if let (Some(baseline), Some(target)) = (benefit.baseline, benefit.target) {
            lines.push(format!(
                "**from** {} **to** {}",
                describe::number(baseline.value),
                describe::number(target.value)
            ));
        }
        lines
    }

    fn risk(&self, risk: &Risk) -> (Vec<String>, Option<String>) {
        let mut lines = Vec::new();
        let matrix = match (risk.likelihood, risk.impact) {
            (Some(likelihood), Some(impact)) => {
                lines.push(format!(
                    "**exposure** {} (likelihood {} × impact {})",
                    u32::from(likelihood.value) * u32::from(impact.value),
                    likelihood.value,
                    impact.value
                ));
                Some(risk_matrix(likelihood.value, impact.value))
            }
            _ => None,
        };
        lines.push(format!("**status** {}", risk.status().keyword()));
        lines.extend(self.owner(risk.owner));
        if let Some(mitigation) = &risk.mitigation {
            lines.push(format!("**mitigation** {mitigation}"));
        }
        let affects = risk
            .affects
            .iter()
            .map(|&reference| self.reference(reference));
        lines.extend(list_fact("affects", affects.collect()));
        (lines, matrix)
    }

    fn stakeholder(&self, stakeholder: &Stakeholder) -> Vec<String> {
        let mut lines = Vec::new();
        for (key, level) in [
            ("power", stakeholder.power),
            ("interest", stakeholder.interest),
        ] {
            if let Some(level) = level {
                lines.push(format!("**{key}** {}", level.value.keyword()));
            }
        }
        if let Some(contact) = stakeholder.contact {
            lines.push(format!("**contact** {}", self.reference(contact)));
        }
        lines
    }

    fn owner(&self, owner: Option<RefId>) -> Option<String> {
        Some(format!("**owner** {}", self.reference(owner?)))
    }

    fn dependencies(&self, depends_on: &[Dependency]) -> Option<String> {
        let entries = depends_on
            .iter()
            .map(|dependency| format!("`{}`", self.written(self.def.file, dependency.span)));
        list_fact("depends on", entries.collect())
    }

    fn dependents_and_risks(&self) -> Vec<String> {
        let dependents = dependents(self.analysis, self.id)
            .into_iter()
            .map(|(dependent, _)| self.name(dependent));
        let risks = named_by(self.model, self.id, RefRole::Affects)
            .into_iter()
            .map(|risk| match &self.model.def(risk).data {
                DefData::Risk(data) => match data.exposure() {
                    Some(exposure) => format!(
                        "{} (exposure {exposure}, {})",
                        self.name(risk),
                        data.status().keyword()
                    ),
                    None => format!("{} ({})", self.name(risk), data.status().keyword()),
                },
                _ => self.name(risk),
            });
        [
            list_fact("dependents", dependents.collect()),
            list_fact("risks", risks.collect()),
        ]
        .into_iter()
        .flatten()
        .collect()
    }

    /// A computed date beside the date it must meet, and by how much.
    fn date_against(
        &self,
        label: &str,
        date: Option<Date>,
        due_label: &str,
        due: Option<Date>,
    ) -> Vec<String> {
        let Some(date) = date else {
            return vec![self.unscheduled()];
        };
        let mut lines = vec![format!("**{label}** {date}")];
        if let Some(due) = due {
            let late = self.analysis.calendar.working_days_between(due, date);
            let days = describe::count_signed(late.abs(), "working day");
            let verdict = match late {
                0 => "on the day".to_string(),
                1.. => format!("{days} late"),
                _ => format!("{days} to spare"),
            };
            lines.push(format!("**{due_label}** {due}: {verdict}"));
        }
        lines
    }

    fn unscheduled(&self) -> String {
        let in_cycle = self
            .analysis
            .cycles
            .iter()
            .any(|cycle| cycle.members.contains(&self.id));
        match in_cycle {
            true => "**not scheduled**: caught in a dependency cycle".to_string(),
            false => "**not scheduled**".to_string(),
        }
    }

    /// A written name and what it stands for.
    fn reference(&self, id: RefId) -> String {
        match self.model.resolution(id).target {
            Some(target) => self.name(target),
            None => format!("`{}` (unresolved)", self.model.reference_text(id)),
        }
    }

    /// `` `apollo.iam` Identity and access ``.
    fn name(&self, id: DefId) -> String {
        let def = self.model.def(id);
        match &def.title {
            Some(title) => format!("`{}` {title}", def.qualified_name()),
            None => format!("`{}`", def.qualified_name()),
        }
    }

    fn written(&self, file: FileId, span: Span) -> &str {
        &self.model.file(file).text[span.range()]
    }
}

/// `**key** a, b, c`, or nothing for an empty list.
fn list_fact(key: &str, entries: Vec<String>) -> Option<String> {
    (!entries.is_empty()).then(|| format!("**{key}** {}", entries.join(", ")))
}

/// The 5×5 risk matrix with the risk's cell marked.
fn risk_matrix(likelihood: u8, impact: u8) -> String {
    let mut out = String::from("```text\nlikelihood\n");
    for row in (1..=5).rev() {
        let cells: Vec<&str> = (1..=5)
            .map(|column| match row == likelihood && column == impact {
                true => "■",
                false => "·",
            })
            .collect();
        let _ = writeln!(out, "  {row}  {}", cells.join(" "));
    }
    out.push_str("     1 2 3 4 5  impact\n```\n");
    out
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use super::*;
    use crate::base::FileSpan;
    use crate::ide::fixture::Fixture;

    fn check(fixture: &str, expect: Expect) {
        let fixture = Fixture::new(fixture);
        let (file, offset) = fixture.position();
        let actual = match hover(&fixture.model, &fixture.analysis, file, offset) {
            Some(found) => format!(
                "{}\n{}",
                fixture.render(FileSpan::new(file, found.span)),
                found.markdown
            ),
            None => "none".to_string(),
        };
        expect.assert_eq(&actual);
    }

    const PLAN: &str = r#"
        //- /people.pgm
        /// Runs the program office.
        person alice "Alice Chen" { role: "Program manager" }
        person bob "Bob Okafor"
        team backend "Backend guild" {
          capacity: 2
          members: alice, bob
        }
        //- /apollo.pgm
        program apollo "Apollo data-centre exit" {
          owner: alice
          window: 2027-01-04 .. 2027-12-17

          /// The new switches and links.
          project network "Network backbone" {
            owner: bob
            duration: 2w
            allocate: backend 2
            status: done
          }

          project iam "Identity and access" {
            depends_on: network
            duration: 1w
            allocate: backend 3, bob 50%
            status: active
            progress: 40%
          }

          milestone launch "Public launch" {
            depends_on: iam
            due: 2027-01-20
          }

          risk vendor_slip "Switch vendor ships late" {
            likelihood: 4
            impact: 5
            affects: network, iam
            owner: bob
          }

          benefit savings "Cut hosting cost" {
            delivered_by: launch
            realized_by: 2027-03-31
            baseline: 120000
            target: 84000
          }
        }
        //- /hermes.pgm
        program hermes {
          project portal { depends_on: apollo.iam duration: 1w allocate: backend 1 }
        }
    "#;

    /// The plan with the cursor where `|` stands in `needle`.
    fn at(needle: &str) -> String {
        PLAN.replacen(&needle.replace('|', ""), &needle.replace('|', "$0"), 1)
    }

    #[test]
    fn a_project_shows_dates_slack_links_risks_and_allocations() {
        check(
            &at("project net|work"),
            expect![[r#"
            /apollo.pgm 138..145 network
            ```pgm
            project apollo.network "Network backbone"
            ```

            The new switches and links.

            - **owner** `bob` Bob Okafor
            - **status** done
            - **earliest** 2027-01-04 → 2027-01-15
            - **latest** 2026-12-31 → 2027-01-13
            - **slack** -2 working days · **on the critical path**
            - **dependents** `apollo.iam` Identity and access
            - **risks** `apollo.vendor_slip` Switch vendor ships late (exposure 20, open)
            - **allocates** `backend 2`
        "#]],
        );
    }

    #[test]
    fn a_reference_in_another_file_shows_the_same() {
        check(
            &at("apollo.i|am"),
            expect![[r#"
            /hermes.pgm 55..58 iam
            ```pgm
            project apollo.iam "Identity and access"
            ```

            - **status** active, 40% done
            - **earliest** 2027-01-18 → 2027-01-22
            - **latest** 2027-01-14 → 2027-01-20
            - **slack** -2 working days · **on the critical path**
            - **depends on** `network`
            - **dependents** `apollo.launch` Public launch, `hermes.portal`
            - **risks** `apollo.vendor_slip` Switch vendor ships late (exposure 20, open)
            - **allocates** `backend 3`, `bob 50%`
        "#]],
        );
    }

    #[test]
    fn a_person_shows_load_and_allocations() {
        check(
            &at("person b|ob"),
            expect![[r#"
            /people.pgm 90..93 bob
            ```pgm
            person bob "Bob Okafor"
            ```

            - **member of** `backend` Backend guild
            - **allocated to** `apollo.iam` Identity and access 50% (2027-01-18 → 2027-01-22)
            - **capacity** 1
            - **peak load** 0.5 on 2027-01-18 … 2027-01-22

            | from | to | load |
            |---|---|---|
            | 2027-01-18 | 2027-01-22 | 0.5 |
        "#]],
        );
    }

    #[test]
    fn a_team_shows_peak_and_over_capacity() {
        check(
            &at("team back|end"),
            expect![[r#"
            /people.pgm 112..119 backend
            ```pgm
            team backend "Backend guild"
            ```

            - **members** `alice` Alice Chen, `bob` Bob Okafor
            - **allocated to** `apollo.network` Network backbone 2 (2027-01-04 → 2027-01-15), `apollo.iam` Identity and access 3 (2027-01-18 → 2027-01-22), `hermes.portal` 1 (2027-01-25 → 2027-01-29)
            - **capacity** 2
            - **peak load** 3 on 2027-01-18 … 2027-01-22 (over capacity)
            - **over capacity** 2027-01-18 … 2027-01-22, peak 3

            | from | to | load |
            |---|---|---|
            | 2027-01-04 | 2027-01-15 | 2 |
            | 2027-01-18 | 2027-01-22 | 3 |
            | 2027-01-25 | 2027-01-29 | 1 |
        "#]],
        );
    }

    #[test]
    fn a_risk_shows_its_place_on_the_matrix() {
        check(
            &at("risk vendor|_slip"),
            expect![[r#"
            /apollo.pgm 488..499 vendor_slip
            ```pgm
            risk apollo.vendor_slip "Switch vendor ships late"
            ```

            - **exposure** 20 (likelihood 4 × impact 5)
            - **status** open
            - **owner** `bob` Bob Okafor
            - **affects** `apollo.network` Network backbone, `apollo.iam` Identity and access

            ```text
            likelihood
              5  · · · · ·
              4  · · · · ■
              3  · · · · ·
              2  · · · · ·
              1  · · · · ·
                 1 2 3 4 5  impact
            ```
        "#]],
        );
    }

    #[test]
    fn a_milestone_is_compared_with_its_due_date() {
        check(
            &at("milestone la|unch"),
            expect![[r#"
            /apollo.pgm 411..417 launch
            ```pgm
            milestone apollo.launch "Public launch"
            ```

            - **date** 2027-01-22
            - **due** 2027-01-20: 2 working days late
            - **depends on** `iam`
        "#]],
        );
    }

    #[test]
    fn a_benefit_is_compared_with_its_realization_date() {
        check(
            &at("benefit sav|ings"),
            expect![[r#"
            /apollo.pgm 617..624 savings
            ```pgm
            benefit apollo.savings "Cut hosting cost"
            ```

            - **delivered** 2027-01-22
            - **realized by** 2027-03-31: 48 working days to spare
            - **delivered by** `apollo.launch` Public launch
            - **from** 120000 **to** 84000
        "#]],
        );
    }

    #[test]
    fn a_program_shows_its_owner_window_and_contents() {
        check(
            &at("program apo|llo"),
            expect![[r#"
            /apollo.pgm 8..14 apollo
            ```pgm
            program apollo "Apollo data-centre exit"
            ```

            - **owner** `alice` Alice Chen
            - **window** 2027-01-04 … 2027-12-17
            - **finish** 2027-01-22
            - **contains** 2 projects, 1 milestone, 1 risk, 1 benefit
        "#]],
        );
    }

    #[test]
    fn keywords_and_keys_show_their_documentation() {
        check(
            &at("mile|stone launch"),
            expect![[r#"
            /apollo.pgm 401..410 milestone
            ```pgm
            milestone
            ```

            A point in time that falls when the last of its dependencies allows. Compare it with the date it is `due`.
        "#]],
        );
        check(
            &at("depends_|on: network"),
            expect![[r#"
            /apollo.pgm 287..297 depends_on
            ```pgm
            project { depends_on: … }
            ```

            The projects and milestones this one waits for. Each entry may add a type, `fs` (finish-to-start, the default), `ss`, `ff` or `sf`, and a lag in working days or weeks, positive or negative: `depends_on: iam +1w, network ss`.

            Takes projects and milestones, each with an optional type (fs, ss, ff or sf) and lag (+1w, -2d).
        "#]],
        );
        check(
            &at("status: ac|tive"),
            expect![[r#"
            /apollo.pgm 369..375 active
            ```pgm
            project { status: … }
            ```

            Where the project stands: `planned` (the default), `active`, `blocked`, `done` or `cancelled`.

            Takes one of planned, active, blocked, done, cancelled.
        "#]],
        );
    }

    #[test]
    fn the_calendar_shows_its_holidays() {
        check(
            "cal$0endar { holidays: 2027-05-31, 2027-12-24 .. 2027-12-31 }",
            expect![[r#"
                /main.pgm 0..8 calendar
                ```pgm
                calendar
                ```

                - **holidays** 2027-05-31, 2027-12-24 … 2027-12-31
            "#]],
        );
    }

    #[test]
    fn nothing_on_whitespace_or_an_unresolved_name() {
        check("program p { owner: nob$0ody }", expect!["none"]);
        check("program p {  $0  }", expect!["none"]);
    }
}
