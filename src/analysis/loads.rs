//! How much of each person and team the scheduled projects need, day by day.
//!
//! Allocations to a team do not load its members: the model keeps a team's
//! capacity separate from the people in it (a team of four may have only two
//! named members), so a person's load counts only what is allocated to that
//! person by name.

use std::sync::Arc;

use jiff::civil::Date;
use rayon::prelude::*;

use crate::analysis::calendar::{DateMemo, WorkDay};
use crate::analysis::{Schedule, WorkCalendar};
use crate::model::{Amount, DefData, DefId, Model, Team};
use crate::syntax::ast::ItemKind;

/// A run of working days over which a resource's load does not change.
#[derive(Clone, PartialEq, Debug)]
pub struct LoadSegment {
    pub first: Date,
    pub last: Date,
    /// People needed on each day of the run.
    pub load: f64,
    /// `first` and `last` as working days.
    days: (WorkDay, WorkDay),
}

/// A maximal run of working days on which a resource is over capacity.
#[derive(Clone, PartialEq, Debug)]
pub struct Overload {
    pub first: Date,
    pub last: Date,
    pub peak: f64,
    /// The projects with allocations on any day of the run, in order of id.
    pub projects: Vec<DefId>,
    /// The allocations active on any day of the run, in order of project
    /// and entry: project and index into its `allocate`.
    pub allocations: Vec<(DefId, usize)>,
    /// `first` and `last` as working days.
    days: (WorkDay, WorkDay),
}

#[derive(Clone, PartialEq, Debug)]
pub struct ResourceLoad {
    pub resource: DefId,
    pub capacity: f64,
    /// In date order; days with no load are absent. Shared with the loads
    /// of an analysis before, when the allocations behind them are the same.
    pub segments: Arc<[LoadSegment]>,
    /// What the segments were swept from, in the order of the projects and
    /// their entries. Segments do not list the allocations behind them, as
    /// that is most of the memory loads would take while only overloads
    /// need it: [`ResourceLoad::overloads`] finds them here.
    allocations: Vec<ScheduledAllocation>,
}

/// A load over capacity by less than this is floating-point noise (`0.1 +
/// 0.2` people come to more than `0.3`), not an over-allocation.
const TOLERANCE: f64 = 1e-9;

impl ResourceLoad {
    /// The highest load on any day, 0 when nothing is allocated.
    pub fn peak(&self) -> f64 {
        self.segments
            .iter()
            .map(|segment| segment.load)
            .fold(0.0, f64::max)
    }

    /// The maximal runs of working days over capacity. Segments over
    /// capacity that follow each other without a working day between them
    /// form one run, even when the allocations behind them differ.
    pub fn overloads(&self) -> Vec<Overload> {
        let mut overloads: Vec<Overload> = Vec::new();
        let mut previous_over: Option<&LoadSegment> = None;
        for segment in self.segments.iter() {
            if segment.load <= self.capacity + TOLERANCE {
                previous_over = None;
                continue;
            }
            let continues_run =
                previous_over.is_some_and(|previous| previous.days.1.plus(1) == segment.days.0);
            previous_over = Some(segment);
            match overloads.last_mut() {
                Some(run) if continues_run => {
                    run.last = segment.last;
                    run.peak = run.peak.max(segment.load);
                    run.days.1 = segment.days.1;
                }
                _ => overloads.push(Overload {
                    first: segment.first,
                    last: segment.last,
                    peak: segment.load,
                    projects: Vec::new(),
                    allocations: Vec::new(),
                    days: segment.days,
                }),
            }
        }
        self.add_allocations(&mut overloads);
        overloads
    }

    /// Gives each run the allocations active on any of its days, runs in
    /// date order, in one pass over the allocations by start: an allocation
    /// over before a run starts cannot reach a later run either.
    fn add_allocations(&self, runs: &mut [Overload]) {
        let mut by_start: Vec<&ScheduledAllocation> = self.allocations.iter().collect();
        by_start.sort_unstable_by_key(|allocation| allocation.first);
        let mut by_start = by_start.into_iter().peekable();
        let mut open: Vec<&ScheduledAllocation> = Vec::new();
        for run in runs {
            let (first, last) = run.days;
            while let Some(allocation) = by_start.next_if(|allocation| allocation.first <= last) {
                open.push(allocation);
            }
            open.retain(|allocation| allocation.after_last > first);
            run.allocations = open
                .iter()
                .map(|allocation| (allocation.project, allocation.entry as usize))
                .collect();
            run.allocations.sort_unstable();
            run.projects = run
                .allocations
                .iter()
                .map(|&(project, _)| project)
                .collect();
            run.projects.dedup();
        }
    }
}

/// The load of every person and team, in definition order, each resource
/// present even when nothing is allocated to it.
///
/// A scheduled project loads each resource it allocates on every working day
/// from its earliest start to its earliest finish. The loads come from one
/// sweep over the days on which allocations start and end, so the cost grows
/// with the number of allocations, not with the length of the plan.
///
/// `previous` are loads computed before on the same calendar: a resource
/// whose allocations are what they were there keeps its segments, as an
/// edit mostly moves a few projects and leaves most resources alone.
pub fn compute(
    model: &Model,
    schedule: &Schedule,
    calendar: &WorkCalendar,
    previous: &[ResourceLoad],
) -> Vec<ResourceLoad> {
    let mut slot_of_resource = vec![None; model.defs.len()];
    let mut loads = Vec::new();
    let resources = (0..model.defs.len() as u32)
        .map(DefId)
        .filter(|&def| matches!(model.kind(def), ItemKind::Person | ItemKind::Team));
    for resource in resources {
        let capacity = match &model.def(resource).data {
            DefData::Team(team) => team_capacity(model, team),
            // A person, who is one.
            _ => 1.0,
        };
        slot_of_resource[resource.index()] = Some(loads.len());
        loads.push(ResourceLoad {
            resource,
            capacity,
            segments: Arc::from([]),
            allocations: Vec::new(),
        });
    }

    let mut allocations: Vec<Vec<ScheduledAllocation>> = vec![Vec::new(); loads.len()];
    for (index, def) in model.defs.iter().enumerate() {
        let DefData::Project(project) = &def.data else {
            continue;
        };
        let project_id = DefId(index as u32);
        let Some(dates) = schedule.dates(project_id) else {
            continue;
        };
        let first = calendar.first_on_or_after(dates.earliest_start);
        let last = calendar.last_on_or_before(dates.earliest_finish);
        if last < first {
            continue;
        }
        let after_last = last.plus(1);
        for (entry, allocation) in project.allocate.iter().enumerate() {
            let resource = model.target(allocation.resource);
            let Some(slot) =
                resource.and_then(|r| slot_of_resource.get(r.index()).copied().flatten())
            else {
                continue;
            };
            allocations[slot].push(ScheduledAllocation {
                first,
                after_last,
                project: project_id,
                entry: entry as u32,
                people: amount_in_people(allocation.amount.value, loads[slot].capacity),
            });
        }
    }

    loads
        .par_iter_mut()
        .zip(allocations)
        .enumerate()
        .for_each_init(
            || DateMemo::new(calendar),
            |dates, (slot, (load, allocations))| {
                // Segments follow from the allocations alone.
                let before = previous
                    .get(slot)
                    .filter(|before| before.allocations == allocations);
                load.segments = match before {
                    Some(before) => before.segments.clone(),
                    None => sweep(&allocations, dates).into(),
                };
                load.allocations = allocations;
            },
        );
    loads
}

/// A team's capacity: as written, or one person per distinct member (and
/// never less than one, so that an empty team can still take work).
fn team_capacity(model: &Model, team: &Team) -> f64 {
    if let Some(capacity) = team.capacity {
        return capacity.value;
    }
    let mut members: Vec<DefId> = team
        .members
        .iter()
        .filter_map(|&member| model.target(member))
        .collect();
    members.sort();
    members.dedup();
    members.len().max(1) as f64
}

/// The people an allocation amounts to on a resource of this capacity.
pub fn amount_in_people(amount: Amount, capacity: f64) -> f64 {
    match amount {
        Amount::People(people) => people,
        Amount::Percent(percent) => percent / 100.0 * capacity,
    }
}

/// One entry of a scheduled project's `allocate` on one resource.
#[derive(Clone, Copy, PartialEq, Debug)]
struct ScheduledAllocation {
    first: WorkDay,
    /// The first working day after the project's last.
    after_last: WorkDay,
    project: DefId,
    /// The index of the entry in the project's `allocate`.
    entry: u32,
    people: f64,
}

/// An allocation starting or ending on a working day.
#[derive(Clone, Copy, PartialEq, Debug)]
struct Event {
    /// The first working day of the allocation, or the first after it.
    day: WorkDay,
    /// The allocation's place in the resource's list.
    allocation: u32,
    starts: bool,
}

/// Turns the start and end events of one resource into segments: between
/// two consecutive event days the set of active allocations stays the same.
///
/// `allocations` are in order of project and entry, so the active set is a
/// bitset over their places in the list, and each segment's load is summed
/// in that order: the order the loads of a day are counted in, so that
/// sums agree to the last bit.
fn sweep(allocations: &[ScheduledAllocation], dates: &mut DateMemo<'_>) -> Vec<LoadSegment> {
    let mut events: Vec<Event> = (0..allocations.len() as u32)
        .zip(allocations)
        .flat_map(|(place, allocation)| {
            [
                Event {
                    day: allocation.first,
                    allocation: place,
                    starts: true,
                },
                Event {
                    day: allocation.after_last,
                    allocation: place,
                    starts: false,
                },
            ]
        })
        .collect();
    // No allocation starts and ends on the same day, so the order of the
    // events of one day does not matter.
    events.sort_unstable_by_key(|event| event.day);
    let mut active = vec![0u64; allocations.len().div_ceil(64)];
    let mut segments = Vec::new();
    let mut next = 0;
    while let Some(&Event { day, .. }) = events.get(next) {
        while let Some(event) = events.get(next).filter(|event| event.day == day) {
            let word = &mut active[event.allocation as usize / 64];
            let bit = 1 << (event.allocation % 64);
            match event.starts {
                true => *word |= bit,
                false => *word &= !bit,
            }
            next += 1;
        }
        // While an allocation is active its end event is still ahead.
        let Some(following) = events.get(next) else {
            break;
        };
        if active.iter().any(|&word| word != 0) {
            let last = following.day.plus(-1);
            segments.push(LoadSegment {
                first: dates.date(day),
                last: dates.date(last),
                load: active_load(&active, allocations),
                days: (day, last),
            });
        }
    }
    segments
}

/// The people the active allocations need, added in their order.
fn active_load(active: &[u64], allocations: &[ScheduledAllocation]) -> f64 {
    let mut load = 0.0;
    for (word_index, &word) in active.iter().enumerate() {
        let mut rest = word;
        while rest != 0 {
            let place = word_index * 64 + rest.trailing_zeros() as usize;
            load += allocations[place].people;
            rest &= rest - 1;
        }
    }
    load
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::sync::Arc;

    use expect_test::{Expect, expect};
    use jiff::civil::{Date, date};

    use super::*;
    use crate::analysis::{self, Analysis, Options};
    use crate::model::ParsedFile;

    fn analyze(text: &str) -> (Model, Analysis) {
        let model = Model::build(vec![Arc::new(ParsedFile::new("plan.pgm", text))]);
        let analysis = analysis::analyze(&model, &Options::new(date(2027, 1, 4)));
        (model, analysis)
    }

    /// Each resource's segments and overloads, one line each.
    fn check(text: &str, expect: Expect) {
        let (model, analysis) = analyze(text);
        let name = |id: DefId| model.def(id).name.clone();
        let mut lines = Vec::new();
        for load in &analysis.loads {
            lines.push(format!(
                "{} capacity {} peak {}",
                name(load.resource),
                load.capacity,
                load.peak()
            ));
            for segment in load.segments.iter() {
                lines.push(format!(
                    "  {} .. {} load {}",
                    segment.first, segment.last, segment.load
                ));
            }
            for overload in load.overloads() {
                let projects: Vec<_> = overload.projects.iter().map(|&p| name(p)).collect();
                let allocations: Vec<String> = overload
                    .allocations
                    .iter()
                    .map(|&(project, entry)| format!("{}#{entry}", name(project)))
                    .collect();
                lines.push(format!(
                    "  over {} .. {} peak {} [{}] [{}]",
                    overload.first,
                    overload.last,
                    overload.peak,
                    projects.join(" "),
                    allocations.join(" ")
                ));
            }
        }
        expect.assert_eq(&(lines.join("\n") + "\n"));
    }

    /// By resource and working day: the load and the allocations behind it.
    type DailyLoads = BTreeMap<(DefId, Date), (f64, Vec<(DefId, usize)>)>;

    /// The load of every resource on every working day, counted one day at a
    /// time: the slow and obvious way the sweep must agree with.
    fn day_by_day(model: &Model, analysis: &Analysis) -> DailyLoads {
        let mut days = BTreeMap::new();
        for load in &analysis.loads {
            for (index, def) in model.defs.iter().enumerate() {
                let project_id = DefId(index as u32);
                let (DefData::Project(project), Some(dates)) =
                    (&def.data, analysis.schedule.dates(project_id))
                else {
                    continue;
                };
                for (entry, allocation) in project.allocate.iter().enumerate() {
                    if model.target(allocation.resource) != Some(load.resource) {
                        continue;
                    }
                    let mut day = dates.earliest_start;
                    while day <= dates.earliest_finish {
                        if analysis.calendar.is_working_day(day) {
                            let (total, allocations) = days
                                .entry((load.resource, day))
                                .or_insert((0.0, Vec::new()));
                            *total += amount_in_people(allocation.amount.value, load.capacity);
                            allocations.push((project_id, entry));
                        }
                        day = day
                            .tomorrow()
                            .expect("plan dates are far from the calendar's end");
                    }
                }
            }
        }
        days
    }

    /// Each working day from `first` to `last`.
    fn working_days(analysis: &Analysis, first: Date, last: Date) -> Vec<Date> {
        let mut days = Vec::new();
        let mut day = first;
        while day <= last {
            if analysis.calendar.is_working_day(day) {
                days.push(day);
            }
            day = day
                .tomorrow()
                .expect("plan dates are far from the calendar's end");
        }
        days
    }

    /// The sweep's segments spread out into single days: the load of each.
    fn segment_days(analysis: &Analysis) -> BTreeMap<(DefId, Date), f64> {
        let mut days = BTreeMap::new();
        for load in &analysis.loads {
            for segment in load.segments.iter() {
                for day in working_days(analysis, segment.first, segment.last) {
                    days.insert((load.resource, day), segment.load);
                }
            }
        }
        days
    }

    type AllocationsByDay = BTreeMap<(DefId, Date), Vec<(DefId, usize)>>;

    /// The overloads spread out into single days, each with the overload's
    /// allocations; and the same from counting day by day: every day over
    /// capacity, with the allocations of every day of its run.
    fn overload_days(model: &Model, analysis: &Analysis) -> [AllocationsByDay; 2] {
        let counted = day_by_day(model, analysis);
        let mut found = BTreeMap::new();
        let mut expected = BTreeMap::new();
        for load in &analysis.loads {
            for overload in load.overloads() {
                let days = working_days(analysis, overload.first, overload.last);
                let mut behind: Vec<(DefId, usize)> = days
                    .iter()
                    .flat_map(|&day| counted[&(load.resource, day)].1.clone())
                    .collect();
                behind.sort();
                behind.dedup();
                for day in days {
                    found.insert((load.resource, day), overload.allocations.clone());
                    expected.insert((load.resource, day), behind.clone());
                }
            }
        }
        for (&(resource, day), (total, _)) in &counted {
            let capacity = analysis
                .loads
                .iter()
                .find(|load| load.resource == resource)
                .map_or(0.0, |load| load.capacity);
            if *total > capacity + TOLERANCE {
                expected.entry((resource, day)).or_default();
            }
        }
        [found, expected]
    }

    const PLAN: &str = r#"
calendar { holidays: 2027-01-13, 2027-01-25 .. 2027-01-27 }
person ana
person carol
team backend { capacity: 4 members: ana }
team ops { members: ana, carol }
program apollo {
  owner: ana
  project network { owner: ana start: 2027-01-04 duration: 2w allocate: backend 2, carol 50% }
  project iam { owner: ana duration: 1w depends_on: network allocate: backend 3, carol 50% }
  project billing { owner: ana start: 2027-01-11 duration: 8d allocate: backend 75%, ops 1 }
  project audit { owner: ana duration: 3d depends_on: iam allocate: carol 1, ops 100% }
  project portal { owner: ana start: 2027-01-20 duration: 2d allocate: carol 100%, ops 100% }
}
"#;

    /// One team with more allocations than a word of the sweep's bitset
    /// holds, of amounts whose sum depends on the order they are added in.
    fn crowded_plan() -> String {
        let mut plan = String::from("team crew { capacity: 5 }\nprogram big {\n");
        for index in 0..150 {
            plan += &format!(
                "  project p{index} {{ start: 2027-01-{:02} duration: {}d allocate: crew 0.{} }}\n",
                4 + index % 20,
                1 + index % 7,
                1 + index % 9
            );
        }
        plan + "}\n"
    }

    /// The segments' loads, day by day, are those counted one day at a
    /// time, to the last bit.
    fn assert_sweep_agrees(text: &str) -> Analysis {
        let (model, analysis) = analyze(text);
        let counted: BTreeMap<_, _> = day_by_day(&model, &analysis)
            .into_iter()
            .map(|(day, (load, _))| (day, load))
            .collect();
        assert!(!counted.is_empty());
        assert_eq!(segment_days(&analysis), counted);
        analysis
    }

    /// The overloads, day by day, are those counted one day at a time.
    fn assert_overloads_agree(text: &str) {
        let (model, analysis) = analyze(text);
        let [found, expected] = overload_days(&model, &analysis);
        assert!(!found.is_empty());
        assert_eq!(found, expected);
    }

    #[test]
    fn the_sweep_agrees_with_counting_day_by_day() {
        assert_sweep_agrees(PLAN);
    }

    #[test]
    fn the_sweep_agrees_past_one_word_of_allocations() {
        let analysis = assert_sweep_agrees(&crowded_plan());
        assert!(
            analysis
                .loads
                .iter()
                .any(|load| load.allocations.len() > 64)
        );
    }

    #[test]
    fn overloads_agree_with_counting_day_by_day() {
        assert_overloads_agree(PLAN);
        assert_overloads_agree(&crowded_plan());
    }

    #[test]
    fn segments_are_maximal_runs_of_one_set_of_allocations() {
        check(
            PLAN,
            expect![[r#"
                ana capacity 1 peak 0
                carol capacity 1 peak 1.5
                  2027-01-04 .. 2027-01-18 load 0.5
                  2027-01-19 .. 2027-01-19 load 0.5
                  2027-01-20 .. 2027-01-21 load 1.5
                  2027-01-22 .. 2027-01-28 load 0.5
                  2027-01-29 .. 2027-02-02 load 1
                  over 2027-01-20 .. 2027-01-21 peak 1.5 [iam portal] [iam#1 portal#0]
                backend capacity 4 peak 6
                  2027-01-04 .. 2027-01-08 load 2
                  2027-01-11 .. 2027-01-18 load 5
                  2027-01-19 .. 2027-01-21 load 6
                  2027-01-22 .. 2027-01-28 load 3
                  over 2027-01-11 .. 2027-01-21 peak 6 [network iam billing] [network#0 iam#0 billing#0]
                ops capacity 2 peak 3
                  2027-01-11 .. 2027-01-19 load 1
                  2027-01-20 .. 2027-01-21 load 3
                  2027-01-29 .. 2027-02-02 load 2
                  over 2027-01-20 .. 2027-01-21 peak 3 [billing portal] [billing#1 portal#1]
            "#]],
        );
    }

    #[test]
    fn allocations_to_a_team_do_not_load_its_members() {
        check(
            r#"
person ana
team backend { members: ana }
program apollo {
  owner: ana
  project network { owner: ana start: 2027-01-04 duration: 1w allocate: backend 2 }
}
"#,
            expect![[r#"
                ana capacity 1 peak 0
                backend capacity 1 peak 2
                  2027-01-04 .. 2027-01-08 load 2
                  over 2027-01-04 .. 2027-01-08 peak 2 [network] [network#0]
            "#]],
        );
    }

    #[test]
    fn overloads_merge_across_weekends_but_not_across_a_working_day() {
        check(
            r#"
person ana
program apollo {
  owner: ana
  project base { owner: ana start: 2027-01-04 duration: 2w allocate: ana 1 }
  project first { owner: ana start: 2027-01-07 duration: 2d allocate: ana 1 }
  project second { owner: ana start: 2027-01-11 duration: 2d allocate: ana 1 }
  project third { owner: ana start: 2027-01-14 duration: 1d allocate: ana 1 }
}
"#,
            expect![[r#"
                ana capacity 1 peak 2
                  2027-01-04 .. 2027-01-06 load 1
                  2027-01-07 .. 2027-01-08 load 2
                  2027-01-11 .. 2027-01-12 load 2
                  2027-01-13 .. 2027-01-13 load 1
                  2027-01-14 .. 2027-01-14 load 2
                  2027-01-15 .. 2027-01-15 load 1
                  over 2027-01-07 .. 2027-01-12 peak 2 [base first second] [base#0 first#0 second#0]
                  over 2027-01-14 .. 2027-01-14 peak 2 [base third] [base#0 third#0]
            "#]],
        );
    }
}
