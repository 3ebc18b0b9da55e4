//! Earliest and latest dates, slack and the critical path.
//!
//! # How pgm schedules
//!
//! **Working days.** Monday to Friday, except the holidays of every
//! `calendar` (a single date or an inclusive range `a .. b`). All steps and
//! counts below are in working days. A date that starts something (`start`,
//! a window's first day, today) and falls on a non-working day moves forward
//! to the next working day; a date that bounds a finish (`end`, `deadline`,
//! `due`) moves back to the working day before it, since work done by Friday
//! is done by the Sunday after.
//!
//! **Duration.** A project lasts `duration` working days (`6w` is 30). With
//! `start` and `end` instead, it lasts the working days from `start` through
//! `end`; with `end` and no `start`, from the start computed below through
//! `end` (counted from the start its `fs` and `ss` dependencies and its
//! window allow, or from today when it has none of them). Whatever the
//! arithmetic gives (`0d`, an `end` before the start), a project lasts at
//! least one day, and a project with
//! neither `duration` nor `end` is scheduled as one day (the
//! `missing-property` check reports it). Where both `duration` and `end` are
//! given, `duration` wins. A project's finish is the last working day of the
//! work: a one-day project starts and finishes on the same day.
//!
//! **Dependencies.** For a project `S` that depends on `P` with lag `L`
//! (negative for a lead):
//!
//! | type | rule |
//! |---|---|
//! | `fs` (default) | `S` starts at least `1 + L` working days after `P` finishes |
//! | `ss` | `S` starts at least `L` working days after `P` starts |
//! | `ff` | `S` finishes at least `L` working days after `P` finishes |
//! | `sf` | `S` finishes at least `L - 1` working days after `P` starts |
//!
//! Without a lag, then, an `fs` successor starts on the working day after
//! its predecessor finishes, and an `sf` successor may finish on the working
//! day before its predecessor starts; a lead (`-2d`) overlaps the two.
//!
//! So `iam +1w` (finish-to-start, lag 5) with `iam` finishing on Friday
//! 26 March 2027 lets its successor start on Monday 5 April.
//!
//! A milestone is a point at the end of its day. It falls on the latest day
//! its dependencies allow: `L` working days after `P` finishes (`fs`, `ff`)
//! or after `P` starts (`ss`, `sf`). With no dependency it falls on its
//! `due`, else on its program's window start, else today. As a predecessor,
//! a milestone starts and finishes on its date.
//!
//! **Earliest start.** A project without `start` starts on the latest of:
//! what its dependencies allow, its program's window start, and, only when it
//! has neither a dependency nor a window, today. A `start` is a commitment:
//! the project starts on it unless its dependencies allow only a later day;
//! then it starts on that later day, so that everything downstream shows the
//! consequence, and the schedule records a [`StartConflict`] naming the
//! dependency that pushes hardest (the first of them on a tie). The window
//! and today do not move a committed start.
//!
//! **Latest finish.** Working backwards, an item must finish by the earliest
//! of: its program's finish (the latest earliest finish of any item in the
//! program), its `deadline` (a milestone's `due`), and what each successor's
//! latest dates require, each rule above read backwards. For a predecessor
//! `P` of duration `d` and a project successor `S`:
//! `fs`: `S.latest_start - 1 - L`; `ss`: `S.latest_start - L + (d - 1)`;
//! `ff`: `S.latest_finish - L`; `sf`: `S.latest_finish - L + d`. For a
//! milestone successor `M`: `fs`, `ff`: `M - L`; `ss`, `sf`: `M - L + (d - 1)`.
//! The latest start is `d - 1` working days before the latest finish (a
//! milestone's are its latest date).
//!
//! **Slack and the critical path.** Slack is the number of working days from
//! the earliest to the latest start; it is negative when a deadline cannot
//! be met. An item with slack zero or less is critical.
//!
//! **Cycles.** Items caught in a dependency cycle get no dates; their edges
//! to items outside the cycle are ignored, so the rest of the plan is still
//! scheduled (an item whose only dependencies are in a cycle counts as having
//! none). Status and progress do not change dates: a `done` or `cancelled`
//! project keeps its place in the plan.
//!
//! Dates beyond the calendar's range (years -9999 to 9999) stop at its ends.

use jiff::civil::Date;

use crate::analysis::calendar::{DateMemo, WorkCalendar, WorkDay};
use crate::analysis::graph::{DependencyGraph, Edge, EdgeId, ProjectPlan, Work};
use crate::analysis::{Cycle, Options};
use crate::base::Groups;
use crate::model::{DefData, DefId, DependencyKind, Model};

/// The computed dates of one project or milestone. A finish is the last
/// working day of the work; a milestone starts and finishes on its date.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct ItemDates {
    pub earliest_start: Date,
    pub earliest_finish: Date,
    pub latest_start: Date,
    pub latest_finish: Date,
    /// Working days between earliest and latest start; negative when a
    /// deadline cannot be met.
    pub slack: i32,
    pub critical: bool,
}

/// A committed `start` earlier than the dependencies allow.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct StartConflict {
    pub project: DefId,
    pub committed: Date,
    pub allowed: Date,
    /// The dependency that pushes the start out.
    pub edge: EdgeId,
}

#[derive(Clone, Debug, Default)]
pub struct Schedule {
    /// By definition index; `None` for what is not scheduled (anything that
    /// is not a project or milestone, and items caught in a cycle).
    dates: Vec<Option<ItemDates>>,
    /// In order of project.
    pub start_conflicts: Vec<StartConflict>,
    /// Each program with a scheduled item and the latest earliest finish of
    /// its items, in order of program.
    program_finishes: Vec<(DefId, Date)>,
}

impl Schedule {
    pub fn dates(&self, def: DefId) -> Option<&ItemDates> {
        self.dates.get(def.index()).and_then(Option::as_ref)
    }

    /// The latest earliest finish of the program's items; `None` when none
    /// of them is scheduled.
    pub fn program_finish(&self, program: DefId) -> Option<Date> {
        let index = self
            .program_finishes
            .binary_search_by_key(&program, |&(program, _)| program)
            .ok()?;
        Some(self.program_finishes[index].1)
    }
}

impl Schedule {
    pub fn compute(
        model: &Model,
        graph: &DependencyGraph,
        cycles: &[Cycle],
        calendar: &WorkCalendar,
        options: &Options,
    ) -> Schedule {
        let items = read_items(model, graph, cycles, calendar);
        let planner = Planner {
            calendar,
            today: calendar.first_on_or_after(options.today),
            network: Network::new(graph, &items),
            items,
        };
        planner.plan()
    }
}

/// By definition index, every project and milestone outside a cycle.
fn read_items(
    model: &Model,
    graph: &DependencyGraph,
    cycles: &[Cycle],
    calendar: &WorkCalendar,
) -> Vec<Option<Item>> {
    let mut in_cycle = vec![false; model.defs.len()];
    for member in cycles.iter().flat_map(|cycle| &cycle.members) {
        if let Some(flag) = in_cycle.get_mut(member.index()) {
            *flag = true;
        }
    }
    // Read from the item's program rather than gathered beforehand: that
    // took a pass over every definition for the windows of a few programs.
    let window_start = |program: DefId| match &model.def(program).data {
        DefData::Program(program) => program
            .window
            .map(|window| calendar.first_on_or_after(window.value.first)),
        _ => None,
    };
    graph
        .nodes()
        .iter()
        .zip(&in_cycle)
        .map(|(node, &in_cycle)| {
            let node = node.filter(|_| !in_cycle)?;
            let (shape, deadline) = match node.work {
                Work::Project(plan) => (Shape::project(&plan, calendar), plan.deadline),
                Work::Milestone { due } => (Shape::Milestone, due),
            };
            Some(Item {
                shape,
                group: node.program.map_or(model.defs.len(), DefId::index),
                window_start: node.program.and_then(window_start),
                deadline: deadline.map(|deadline| calendar.last_on_or_before(deadline)),
            })
        })
        .collect()
}

/// What the scheduler needs to know of a project or milestone, read from
/// the model once.
#[derive(Clone, Copy)]
struct Item {
    shape: Shape,
    /// The index of the item's program, or one past the last definition for
    /// an item outside any program.
    group: usize,
    /// Where the program's window opens.
    window_start: Option<WorkDay>,
    /// A project's `deadline` or a milestone's `due`.
    deadline: Option<WorkDay>,
}

#[derive(Clone, Copy)]
enum Shape {
    Project {
        length: Length,
        committed: Option<Date>,
    },
    Milestone,
}

impl Shape {
    fn project(plan: &ProjectPlan, calendar: &WorkCalendar) -> Shape {
        let length = match (plan.duration, plan.end) {
            (Some(duration), _) => Length::Days(i64::from(duration)),
            (None, Some(end)) => Length::Through(calendar.last_on_or_before(end)),
            (None, None) => Length::Days(1),
        };
        Shape::Project {
            length,
            committed: plan.start,
        }
    }
}

/// How long a project lasts, once its start is known.
#[derive(Clone, Copy)]
enum Length {
    Days(i64),
    /// Through this working day.
    Through(WorkDay),
}

impl Length {
    fn from(self, start: WorkDay) -> i64 {
        match self {
            Length::Days(days) => days,
            Length::Through(last) => start.until(last) + 1,
        }
        .max(1)
    }
}

/// A start and a finish, as working days.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Timing {
    start: WorkDay,
    finish: WorkDay,
}

impl Timing {
    fn lasting(start: WorkDay, duration: i64) -> Timing {
        Timing {
            start,
            finish: start.plus(duration - 1),
        }
    }

    fn ending(finish: WorkDay, duration: i64) -> Timing {
        Timing {
            start: finish.plus(1 - duration),
            finish,
        }
    }

    fn duration(self) -> i64 {
        self.start.until(self.finish) + 1
    }

    fn at(self, anchor: Anchor) -> WorkDay {
        match anchor {
            Anchor::Start => self.start,
            Anchor::Finish => self.finish,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Anchor {
    Start,
    Finish,
}

/// One dependency as arithmetic: the successor's `to` must be at least
/// `offset` working days after the predecessor's `from`.
#[derive(Clone, Copy, Debug)]
struct Link {
    from: Anchor,
    to: Anchor,
    offset: i64,
}

impl Link {
    fn new(edge: &Edge, successor_is_milestone: bool) -> Link {
        let lag = i64::from(edge.lag);
        let (from, to, offset) = match (edge.kind, successor_is_milestone) {
            (DependencyKind::FinishToStart, false) => (Anchor::Finish, Anchor::Start, 1 + lag),
            (DependencyKind::StartToStart, false) => (Anchor::Start, Anchor::Start, lag),
            (DependencyKind::FinishToFinish, false) => (Anchor::Finish, Anchor::Finish, lag),
            (DependencyKind::StartToFinish, false) => (Anchor::Start, Anchor::Finish, lag - 1),
            (DependencyKind::FinishToStart | DependencyKind::FinishToFinish, true) => {
                (Anchor::Finish, Anchor::Finish, lag)
            }
            (DependencyKind::StartToStart | DependencyKind::StartToFinish, true) => {
                (Anchor::Start, Anchor::Finish, lag)
            }
        };
        Link { from, to, offset }
    }

    /// The earliest start this link allows a successor of `duration` days.
    fn earliest_start(self, predecessor: Timing, duration: i64) -> WorkDay {
        let earliest = predecessor.at(self.from).plus(self.offset);
        match self.to {
            Anchor::Start => earliest,
            Anchor::Finish => earliest.plus(1 - duration),
        }
    }

    /// The latest finish this link allows a predecessor of `duration` days.
    fn latest_finish(self, successor: Timing, duration: i64) -> WorkDay {
        let latest = successor.at(self.to).plus(-self.offset);
        match self.from {
            Anchor::Start => latest.plus(duration - 1),
            Anchor::Finish => latest,
        }
    }
}

/// The day a dependency allows, and which dependency it is.
#[derive(Clone, Copy)]
struct Push {
    day: WorkDay,
    edge: EdgeId,
}

/// A dependency of an item being scheduled, with its predecessor's dates.
type Incoming = (EdgeId, Link, Timing);

/// What each incoming link ending at `anchor` allows as the start of an
/// item of `duration` days.
fn pushes(incoming: &[Incoming], duration: i64, anchor: Anchor) -> impl Iterator<Item = Push> + '_ {
    incoming
        .iter()
        .filter(move |(_, link, _)| link.to == anchor)
        .map(move |&(edge, link, predecessor)| Push {
            day: link.earliest_start(predecessor, duration),
            edge,
        })
}

/// The latest push, the first of them on a tie.
fn hardest(pushes: impl IntoIterator<Item = Push>) -> Option<Push> {
    pushes
        .into_iter()
        .fold(None, |hardest, push| match hardest {
            Some(hardest) if hardest.day >= push.day => Some(hardest),
            _ => Some(push),
        })
}

/// One dependency between two scheduled items, ready for arithmetic.
#[derive(Clone, Copy)]
struct Arc {
    edge: EdgeId,
    predecessor: DefId,
    successor: DefId,
    link: Link,
}

/// The dependencies between scheduled items as flat arrays, the arcs into
/// and out of each item side by side and in edge order, so that the passes
/// over a large plan read memory in order.
struct Network {
    into: Groups<Arc>,
    out: Groups<Arc>,
}

impl Network {
    fn new(graph: &DependencyGraph, items: &[Option<Item>]) -> Network {
        // `None` for what is not scheduled, so that its edges are left out.
        let is_milestone = |def: DefId| {
            let item = items.get(def.index()).copied().flatten()?;
            Some(matches!(item.shape, Shape::Milestone))
        };
        // Room for every edge: growing to fit copied each arc again.
        let mut arcs = Vec::with_capacity(graph.edges.len());
        arcs.extend(
            (0u32..)
                .map(EdgeId)
                .zip(&graph.edges)
                .filter_map(|(id, edge)| {
                    is_milestone(edge.predecessor)?;
                    Some(Arc {
                        edge: id,
                        predecessor: edge.predecessor,
                        successor: edge.successor,
                        link: Link::new(edge, is_milestone(edge.successor)?),
                    })
                }),
        );
        Network {
            into: Groups::new(items.len(), &arcs, |arc| Some(arc.successor.index())),
            out: Groups::new(items.len(), &arcs, |arc| Some(arc.predecessor.index())),
        }
    }

    fn arcs_into(&self, def: DefId) -> &[Arc] {
        self.into.of(def.index())
    }

    fn arcs_out_of(&self, def: DefId) -> &[Arc] {
        self.out.of(def.index())
    }
}

struct Planner<'m> {
    calendar: &'m WorkCalendar,
    today: WorkDay,
    /// By definition index: what gets dates.
    items: Vec<Option<Item>>,
    network: Network,
}

impl Planner<'_> {
    fn plan(&self) -> Schedule {
        let order = self.topological_order();
        let scheduled = |&def: &DefId| self.scheduled(def);
        let mut earliest: Vec<Option<Timing>> = vec![None; self.items.len()];
        let mut start_conflicts = Vec::new();
        let mut incoming = Vec::new();
        for (def, item) in order.iter().filter_map(scheduled) {
            incoming.clear();
            incoming.extend(self.network.arcs_into(def).iter().filter_map(|arc| {
                let predecessor = earliest[arc.predecessor.index()]?;
                Some((arc.edge, arc.link, predecessor))
            }));
            let (timing, conflict) = self.forward(def, item, &incoming);
            earliest[def.index()] = Some(timing);
            start_conflicts.extend(conflict);
        }
        start_conflicts.sort_unstable_by_key(|conflict| conflict.project);

        // By program index, and one more for the items outside any program.
        let mut group_finishes: Vec<Option<WorkDay>> = vec![None; self.items.len() + 1];
        for (def, item) in order.iter().filter_map(scheduled) {
            let finish = &mut group_finishes[item.group];
            *finish = (*finish).max(earliest[def.index()].map(|timing| timing.finish));
        }

        let mut latest: Vec<Option<Timing>> = vec![None; self.items.len()];
        for (def, item) in order.iter().rev().filter_map(scheduled) {
            if let Some(early) = earliest[def.index()] {
                let group_finish = group_finishes[item.group];
                latest[def.index()] = Some(self.backward(def, item, early, group_finish, &latest));
            }
        }

        let mut memo = DateMemo::new(self.calendar);
        let dates = earliest
            .iter()
            .zip(&latest)
            .map(|(early, late)| Some(dates(&mut memo, early.as_ref()?, late.as_ref()?)))
            .collect();
        let program_finishes = (0..self.items.len() as u32)
            .map(DefId)
            .zip(group_finishes)
            .filter_map(|(program, finish)| Some((program, memo.date(finish?))))
            .collect();
        Schedule {
            dates,
            start_conflicts,
            program_finishes,
        }
    }

    /// `def` and its item, if it is scheduled: the order holds ids alone.
    fn scheduled(&self, def: DefId) -> Option<(DefId, Item)> {
        Some((def, self.items[def.index()]?))
    }

    /// The scheduled items, each after its predecessors: in id order, except
    /// that an item that depends on a later one follows the last of its
    /// predecessors. Plans mostly name what comes before, so the passes over
    /// the order read the per-item arrays almost in sequence; a queue of
    /// ready items instead jumped across arrays larger than the caches.
    /// Items left over (only possible if a cycle went unreported) are not
    /// scheduled. Ids only, the items read from `items` as the passes go:
    /// a copy of every item beside its id was 8 MB of 100,000 projects.
    fn topological_order(&self) -> Vec<DefId> {
        let mut waiting_for: Vec<u32> = (0..self.items.len() as u32)
            .map(|index| self.network.arcs_into(DefId(index)).len() as u32)
            .collect();
        let mut order = Vec::with_capacity(self.items.len());
        let mut freed_behind = Vec::new();
        for (index, item) in self.items.iter().enumerate() {
            if item.is_none() || waiting_for[index] != 0 {
                continue;
            }
            freed_behind.push(DefId(index as u32));
            while let Some(def) = freed_behind.pop() {
                order.push(def);
                for arc in self.network.arcs_out_of(def) {
                    let successor = arc.successor.index();
                    waiting_for[successor] -= 1;
                    // One ahead is taken when the scan reaches it.
                    if waiting_for[successor] == 0 && successor < index {
                        freed_behind.push(arc.successor);
                    }
                }
            }
        }
        order
    }

    /// The earliest dates of `def` given its scheduled predecessors, and the
    /// conflict with its committed start if there is one.
    fn forward(
        &self,
        def: DefId,
        item: Item,
        incoming: &[Incoming],
    ) -> (Timing, Option<StartConflict>) {
        let (length, committed) = match item.shape {
            Shape::Project { length, committed } => (length, committed),
            Shape::Milestone => {
                let day = hardest(pushes(incoming, 1, Anchor::Finish))
                    .map(|push| push.day)
                    .or(item.deadline)
                    .or(item.window_start)
                    .unwrap_or(self.today);
                return (Timing::lasting(day, 1), None);
            }
        };

        if let Some(committed) = committed {
            let start = self.calendar.first_on_or_after(committed);
            let duration = length.from(start);
            let push = hardest(pushes(incoming, duration, Anchor::Start).chain(pushes(
                incoming,
                duration,
                Anchor::Finish,
            )));
            return match push {
                Some(push) if push.day > start => {
                    let conflict = StartConflict {
                        project: def,
                        committed,
                        allowed: self.calendar.date(push.day),
                        edge: push.edge,
                    };
                    (Timing::lasting(push.day, duration), Some(conflict))
                }
                _ => (Timing::lasting(start, duration), None),
            };
        }

        let start_side = hardest(pushes(incoming, 0, Anchor::Start)).map(|push| push.day);
        let opening = start_side.into_iter().chain(item.window_start).max();
        let duration = length.from(opening.unwrap_or(self.today));
        let finish_side = hardest(pushes(incoming, duration, Anchor::Finish)).map(|push| push.day);
        let start = opening
            .into_iter()
            .chain(finish_side)
            .max()
            .unwrap_or(self.today);
        (Timing::lasting(start, duration), None)
    }

    /// The latest dates of `def`, whose scheduled successors all have theirs.
    fn backward(
        &self,
        def: DefId,
        item: Item,
        early: Timing,
        group_finish: Option<WorkDay>,
        latest: &[Option<Timing>],
    ) -> Timing {
        let duration = early.duration();
        let from_successors = self.network.arcs_out_of(def).iter().filter_map(|arc| {
            let successor = latest[arc.successor.index()]?;
            Some(arc.link.latest_finish(successor, duration))
        });
        let finish = from_successors
            .chain(group_finish)
            .chain(item.deadline)
            .min()
            .unwrap_or(early.finish);
        Timing::ending(finish, duration)
    }
}

/// An item's dates from its earliest and latest timing.
fn dates(memo: &mut DateMemo<'_>, early: &Timing, late: &Timing) -> ItemDates {
    let slack = early.start.working_days_until(late.start);
    ItemDates {
        earliest_start: memo.date(early.start),
        earliest_finish: memo.date(early.finish),
        latest_start: memo.date(late.start),
        latest_finish: memo.date(late.finish),
        slack,
        critical: slack <= 0,
    }
}
