//! Properties of the scheduler and of resource loads on random acyclic
//! plans, written as pgm text so that the whole pipeline runs: earliest and
//! latest dates obey every dependency as the top of
//! `src/analysis/schedule.rs` documents it, slack is never negative, and
//! over-allocation agrees with counting each resource's load day by day.
//! Working days are counted here by walking the calendar one day at a time,
//! independently of `WorkCalendar`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::sync::Arc;

use jiff::civil::{Date, Weekday};
use pgm::analysis::{Analysis, ItemDates, Options, analyze};
use pgm::base::{Code, Severity};
use pgm::model::{DefId, DependencyKind, Model, ParsedFile};
use proptest::prelude::*;

const TODAY: Date = Date::constant(2027, 1, 4);
/// A load over capacity by less than this is rounding, as in `analysis::loads`.
const TOLERANCE: f64 = 1e-9;

#[derive(Clone, Debug)]
struct Plan {
    /// Inclusive ranges of holidays.
    holidays: Vec<(Date, Date)>,
    persons: usize,
    teams: Vec<TeamSpec>,
    projects: Vec<ProjectSpec>,
    /// The indices of the projects in the order the text gives them, so
    /// that a project may come before what it depends on.
    written_order: Vec<usize>,
}

#[derive(Clone, Debug)]
struct TeamSpec {
    capacity: Option<u32>,
    /// Indices of persons.
    members: Vec<usize>,
}

#[derive(Clone, Debug)]
struct ProjectSpec {
    duration: u32,
    depends_on: Vec<DependencySpec>,
    allocate: Vec<AllocationSpec>,
}

#[derive(Clone, Copy, Debug)]
struct DependencySpec {
    /// Index of a project of lower index, wherever the text writes it, so
    /// that every plan is acyclic.
    on: usize,
    kind: DependencyKind,
    lag: i32,
}

#[derive(Clone, Copy, Debug)]
struct AllocationSpec {
    resource: Resource,
    amount: AmountSpec,
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Resource {
    Person(usize),
    Team(usize),
}

#[derive(Clone, Copy, Debug)]
enum AmountSpec {
    People(f64),
    Percent(u32),
}

impl Resource {
    fn name(self) -> String {
        match self {
            Resource::Person(index) => format!("r{index}"),
            Resource::Team(index) => format!("t{index}"),
        }
    }
}

impl Plan {
    fn text(&self) -> String {
        let mut text = String::new();
        if !self.holidays.is_empty() {
            let holidays: Vec<String> = self
                .holidays
                .iter()
                .map(|&(first, last)| {
                    if first == last {
                        first.to_string()
                    } else {
                        format!("{first} .. {last}")
                    }
                })
                .collect();
            writeln!(text, "calendar {{ holidays: {} }}", holidays.join(", ")).unwrap();
        }
        for person in 0..self.persons {
            writeln!(text, "person r{person}").unwrap();
        }
        for (index, team) in self.teams.iter().enumerate() {
            let members: Vec<String> = team.members.iter().map(|m| format!("r{m}")).collect();
            write!(text, "team t{index} {{").unwrap();
            if let Some(capacity) = team.capacity {
                write!(text, " capacity: {capacity}").unwrap();
            }
            if !members.is_empty() {
                write!(text, " members: {}", members.join(", ")).unwrap();
            }
            writeln!(text, " }}").unwrap();
        }
        writeln!(text, "program plan {{\n  owner: r0").unwrap();
        for &index in &self.written_order {
            let project = &self.projects[index];
            write!(
                text,
                "  project p{index} {{ owner: r0 duration: {}d",
                project.duration
            )
            .unwrap();
            if !project.depends_on.is_empty() {
                let entries: Vec<String> = project.depends_on.iter().map(dependency_text).collect();
                write!(text, " depends_on: {}", entries.join(", ")).unwrap();
            }
            if !project.allocate.is_empty() {
                let entries: Vec<String> = project
                    .allocate
                    .iter()
                    .map(|allocation| match allocation.amount {
                        AmountSpec::People(people) => {
                            format!("{} {people}", allocation.resource.name())
                        }
                        AmountSpec::Percent(percent) => {
                            format!("{} {percent}%", allocation.resource.name())
                        }
                    })
                    .collect();
                write!(text, " allocate: {}", entries.join(", ")).unwrap();
            }
            writeln!(text, " }}").unwrap();
        }
        text.push_str("}\n");
        text
    }

    fn capacity(&self, resource: Resource) -> f64 {
        match resource {
            Resource::Person(_) => 1.0,
            Resource::Team(index) => {
                let team = &self.teams[index];
                let members: BTreeSet<usize> = team.members.iter().copied().collect();
                team.capacity.map_or(members.len().max(1) as f64, f64::from)
            }
        }
    }

    fn resources(&self) -> impl Iterator<Item = Resource> {
        (0..self.persons)
            .map(Resource::Person)
            .chain((0..self.teams.len()).map(Resource::Team))
    }
}

/// `p3`, `p3 ss`, `p3 +2d`, `p3 sf -1d`: the kind and the lag each written
/// only sometimes when they are the defaults.
fn dependency_text(dependency: &DependencySpec) -> String {
    let mut entry = format!("p{}", dependency.on);
    if dependency.kind != DependencyKind::FinishToStart || dependency.on % 2 == 0 {
        write!(entry, " {}", dependency.kind.keyword()).unwrap();
    }
    if dependency.lag != 0 || dependency.on % 3 == 0 {
        write!(entry, " {:+}d", dependency.lag).unwrap();
    }
    entry
}

fn holiday() -> impl Strategy<Value = (Date, Date)> {
    (0i32..420, 0i32..6).prop_map(|(offset, length)| {
        let first = Date::constant(2026, 12, 1)
            .checked_add(jiff::Span::new().days(offset))
            .unwrap();
        (
            first,
            first.checked_add(jiff::Span::new().days(length)).unwrap(),
        )
    })
}

fn amount() -> impl Strategy<Value = AmountSpec> {
    prop_oneof![
        prop::sample::select(&[0.5, 1.0, 1.5, 2.0][..]).prop_map(AmountSpec::People),
        prop::sample::select(&[25u32, 50, 75, 100][..]).prop_map(AmountSpec::Percent),
    ]
}

fn team(persons: usize) -> impl Strategy<Value = TeamSpec> {
    (
        prop::option::of(1u32..4),
        prop::sample::subsequence((0..persons).collect::<Vec<_>>(), 0..=persons),
    )
        .prop_map(|(capacity, members)| TeamSpec { capacity, members })
}

fn project(index: usize, resources: Vec<Resource>) -> impl Strategy<Value = ProjectSpec> {
    let dependency = (prop::sample::select(&DependencyKind::ALL[..]), -3i32..=5);
    let most_allocations = resources.len().min(2);
    (
        1u32..=20,
        prop::sample::subsequence((0..index).collect::<Vec<_>>(), 0..=index.min(3)),
        prop::collection::vec(dependency, 3),
        prop::sample::subsequence(resources, 0..=most_allocations),
        prop::collection::vec(amount(), 2),
    )
        .prop_map(
            |(duration, predecessors, links, resources, amounts)| ProjectSpec {
                duration,
                depends_on: predecessors
                    .into_iter()
                    .zip(links)
                    .map(|(on, (kind, lag))| DependencySpec { on, kind, lag })
                    .collect(),
                allocate: resources
                    .into_iter()
                    .zip(amounts)
                    .map(|(resource, amount)| AllocationSpec { resource, amount })
                    .collect(),
            },
        )
}

fn plan() -> impl Strategy<Value = Plan> {
    (1usize..=3, 0usize..=2, 1usize..=8)
        .prop_flat_map(|(persons, team_count, project_count)| {
            let resources: Vec<Resource> = (0..persons)
                .map(Resource::Person)
                .chain((0..team_count).map(Resource::Team))
                .collect();
            let projects: Vec<_> = (0..project_count)
                .map(|index| project(index, resources.clone()))
                .collect();
            (
                prop::collection::vec(holiday(), 0..=5),
                Just(persons),
                prop::collection::vec(team(persons), team_count),
                projects,
                Just((0..project_count).collect::<Vec<_>>()).prop_shuffle(),
            )
        })
        .prop_map(|(holidays, persons, teams, projects, written_order)| Plan {
            holidays,
            persons,
            teams,
            projects,
            written_order,
        })
}

/// Working days, one day at a time: Monday to Friday minus the holidays.
struct Days {
    holidays: BTreeSet<Date>,
}

impl Days {
    fn new(plan: &Plan) -> Days {
        let mut holidays = BTreeSet::new();
        for &(first, last) in &plan.holidays {
            let mut day = first;
            while day <= last {
                holidays.insert(day);
                day = day.tomorrow().unwrap();
            }
        }
        Days { holidays }
    }

    fn is_working(&self, day: Date) -> bool {
        !matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday)
            && !self.holidays.contains(&day)
    }

    /// Working days in `(from, to]`, negated when `to` is before `from`.
    fn between(&self, from: Date, to: Date) -> i64 {
        let (low, high, sign) = if from <= to {
            (from, to, 1)
        } else {
            (to, from, -1)
        };
        let mut count = 0;
        let mut day = low;
        while day < high {
            day = day.tomorrow().unwrap();
            count += i64::from(self.is_working(day));
        }
        sign * count
    }

    fn on_or_after(&self, mut day: Date) -> Date {
        while !self.is_working(day) {
            day = day.tomorrow().unwrap();
        }
        day
    }

    fn next(&self, day: Date) -> Date {
        self.on_or_after(day.tomorrow().unwrap())
    }
}

/// The model and analysis of a plan, which must have no errors: the
/// generator writes only valid plans.
fn analyze_plan(plan: &Plan) -> (Model, Analysis) {
    let text = plan.text();
    let model = Model::build(vec![Arc::new(ParsedFile::new("plan.pgm", text.as_str()))]);
    let errors: Vec<&str> = model
        .diagnostics
        .iter()
        .filter(|diagnostic| diagnostic.severity == Severity::Error)
        .map(|diagnostic| diagnostic.message.as_str())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}\n{text}");
    let analysis = analyze(&model, &Options::new(TODAY));
    (model, analysis)
}

fn project_id(model: &Model, index: usize) -> DefId {
    model
        .lookup(&format!("plan.p{index}"))
        .expect("every generated project is defined")
}

/// How far past what `dependency` demands the successor lies, in working
/// days: zero when the dependency binds, negative when it is broken. Each
/// item's dates come as (start, finish), both earliest or both latest.
fn margin(
    days: &Days,
    dependency: &DependencySpec,
    predecessor: (Date, Date),
    successor: (Date, Date),
) -> i64 {
    let lag = i64::from(dependency.lag);
    let ((p_start, p_finish), (s_start, s_finish)) = (predecessor, successor);
    match dependency.kind {
        DependencyKind::FinishToStart => days.between(p_finish, s_start) - (1 + lag),
        DependencyKind::StartToStart => days.between(p_start, s_start) - lag,
        DependencyKind::FinishToFinish => days.between(p_finish, s_finish) - lag,
        DependencyKind::StartToFinish => days.between(p_start, s_finish) - (lag - 1),
    }
}

fn earliest(dates: &ItemDates) -> (Date, Date) {
    (dates.earliest_start, dates.earliest_finish)
}

fn latest(dates: &ItemDates) -> (Date, Date) {
    (dates.latest_start, dates.latest_finish)
}

fn check_dates(plan: &Plan) -> Result<(), TestCaseError> {
    let (model, analysis) = analyze_plan(plan);
    let days = Days::new(plan);
    let dates: Vec<ItemDates> = (0..plan.projects.len())
        .map(|index| {
            *analysis
                .schedule
                .dates(project_id(&model, index))
                .expect("an acyclic plan schedules every project")
        })
        .collect();
    let program_finish = dates.iter().map(|d| d.earliest_finish).max().unwrap();

    for (index, (project, own)) in plan.projects.iter().zip(&dates).enumerate() {
        let context = format!("p{index} {own:?}");
        for day in [
            own.earliest_start,
            own.earliest_finish,
            own.latest_start,
            own.latest_finish,
        ] {
            prop_assert!(days.is_working(day), "{day} is no working day: {context}");
        }
        let length = i64::from(project.duration) - 1;
        prop_assert_eq!(
            days.between(own.earliest_start, own.earliest_finish),
            length
        );
        prop_assert_eq!(days.between(own.latest_start, own.latest_finish), length);
        prop_assert_eq!(
            i64::from(own.slack),
            days.between(own.earliest_start, own.latest_start)
        );
        prop_assert!(own.slack >= 0, "negative slack: {}", context);
        prop_assert_eq!(own.critical, own.slack == 0);
        prop_assert!(own.latest_finish <= program_finish, "{}", context);

        let margins: Vec<i64> = project
            .depends_on
            .iter()
            .map(|dependency| {
                let predecessor = &dates[dependency.on];
                let late = margin(&days, dependency, latest(predecessor), latest(own));
                prop_assert!(
                    late >= 0,
                    "{dependency:?} broken by latest dates: {context}"
                );
                Ok(margin(
                    &days,
                    dependency,
                    earliest(predecessor),
                    earliest(own),
                ))
            })
            .collect::<Result<_, TestCaseError>>()?;
        prop_assert!(
            margins.iter().all(|&margin| margin >= 0),
            "a dependency is broken by earliest dates {:?}: {}",
            margins,
            context
        );
        // Earliest means no later than needed: one dependency binds, or
        // with none the project starts on the first working day from today.
        if margins.is_empty() {
            prop_assert_eq!(own.earliest_start, days.on_or_after(TODAY));
        } else {
            prop_assert!(margins.contains(&0), "no dependency binds: {}", context);
        }
    }

    // Latest means no earlier than needed: the program's finish or a
    // successor's latest dates bind each latest finish.
    for (index, own) in dates.iter().enumerate() {
        let binds = own.latest_finish == program_finish
            || plan.projects.iter().zip(&dates).any(|(successor, late)| {
                successor.depends_on.iter().any(|dependency| {
                    dependency.on == index
                        && margin(&days, dependency, latest(own), latest(late)) == 0
                })
            });
        prop_assert!(binds, "p{} could finish later: {:?}", index, own);
    }
    Ok(())
}

/// By resource and working day: the people needed and the projects behind it.
type DailyLoads = BTreeMap<(Resource, Date), (f64, BTreeSet<usize>)>;

/// Each resource's load, one project and one working day at a time.
fn day_by_day(plan: &Plan, days: &Days, dates: &[ItemDates]) -> DailyLoads {
    let mut loads: DailyLoads = BTreeMap::new();
    for (index, (project, own)) in plan.projects.iter().zip(dates).enumerate() {
        for allocation in &project.allocate {
            let people = match allocation.amount {
                AmountSpec::People(people) => people,
                AmountSpec::Percent(percent) => {
                    f64::from(percent) / 100.0 * plan.capacity(allocation.resource)
                }
            };
            let mut day = own.earliest_start;
            while day <= own.earliest_finish {
                if days.is_working(day) {
                    let (load, projects) = loads.entry((allocation.resource, day)).or_default();
                    *load += people;
                    projects.insert(index);
                }
                day = day.tomorrow().unwrap();
            }
        }
    }
    loads
}

/// A maximal run of over-allocated working days, found day by day.
#[derive(Debug, PartialEq)]
struct Run {
    first: Date,
    last: Date,
    /// Rounded to a millionth, so that sums in another order compare equal.
    peak_millionths: i64,
    projects: BTreeSet<usize>,
}

fn over_allocated_runs(
    plan: &Plan,
    days: &Days,
    loads: &DailyLoads,
    resource: Resource,
) -> Vec<Run> {
    let capacity = plan.capacity(resource);
    let mut runs: Vec<Run> = Vec::new();
    let over = loads
        .range((resource, Date::MIN)..=(resource, Date::MAX))
        .filter(|(_, (load, _))| *load > capacity + TOLERANCE);
    for (&(_, day), (load, projects)) in over {
        let peak_millionths = (load * 1e6).round() as i64;
        match runs.last_mut() {
            Some(run) if days.next(run.last) == day => {
                run.last = day;
                run.peak_millionths = run.peak_millionths.max(peak_millionths);
                run.projects.extend(projects);
            }
            _ => runs.push(Run {
                first: day,
                last: day,
                peak_millionths,
                projects: projects.clone(),
            }),
        }
    }
    runs
}

fn check_loads(plan: &Plan) -> Result<(), TestCaseError> {
    let (model, analysis) = analyze_plan(plan);
    let days = Days::new(plan);
    let dates: Vec<ItemDates> = (0..plan.projects.len())
        .map(|index| *analysis.schedule.dates(project_id(&model, index)).unwrap())
        .collect();
    let counted = day_by_day(plan, &days, &dates);
    let project_index = |id: DefId| (0..plan.projects.len()).find(|&i| project_id(&model, i) == id);

    let mut swept: BTreeMap<(Resource, Date), f64> = BTreeMap::new();
    for resource in plan.resources() {
        let id = model.lookup(&resource.name()).unwrap();
        let load = analysis
            .loads
            .iter()
            .find(|load| load.resource == id)
            .expect("every resource has a load");
        prop_assert!((load.capacity - plan.capacity(resource)).abs() < TOLERANCE);
        for segment in load.segments.iter() {
            let mut day = segment.first;
            while day <= segment.last {
                if days.is_working(day) {
                    swept.insert((resource, day), segment.load);
                }
                day = day.tomorrow().unwrap();
            }
        }

        let found: Vec<Run> = load
            .overloads()
            .into_iter()
            .map(|overload| Run {
                first: overload.first,
                last: overload.last,
                peak_millionths: (overload.peak * 1e6).round() as i64,
                projects: overload
                    .projects
                    .iter()
                    .filter_map(|&p| project_index(p))
                    .collect(),
            })
            .collect();
        let expected = over_allocated_runs(plan, &days, &counted, resource);

        let name = format!("`{}`", resource.name());
        let reported = analysis
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::OverAllocation && d.message.contains(&name))
            .count();
        prop_assert_eq!(
            reported,
            expected.len(),
            "over-allocation diagnostics of {}",
            name
        );
        prop_assert_eq!(found, expected, "over-allocated runs of {}", name);
    }
    for (key, (load, _)) in &counted {
        let swept_load = swept.get(key).copied().unwrap_or_default();
        prop_assert!((swept_load - load).abs() < TOLERANCE, "load on {:?}", key);
    }
    prop_assert!(
        swept.keys().all(|key| counted.contains_key(key)),
        "the sweep loads a day nothing is allocated on"
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn earliest_and_latest_dates_obey_every_dependency(plan in plan()) {
        check_dates(&plan)?;
    }

    #[test]
    fn over_allocation_agrees_with_a_day_by_day_recount(plan in plan()) {
        check_loads(&plan)?;
    }
}
