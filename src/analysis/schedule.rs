//! Earliest and latest dates, slack and the critical path.

use jiff::civil::Date;

use crate::analysis::graph::EdgeId;
use crate::model::DefId;

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
    pub start_conflicts: Vec<StartConflict>,
}

impl Schedule {
    pub fn dates(&self, def: DefId) -> Option<&ItemDates> {
        self.dates.get(def.index()).and_then(Option::as_ref)
    }
}

impl Schedule {
    pub fn compute(
        model: &crate::model::Model,
        graph: &crate::analysis::DependencyGraph,
        cycles: &[crate::analysis::Cycle],
        calendar: &crate::analysis::WorkCalendar,
        options: &crate::analysis::Options,
    ) -> Schedule {
        todo!("{model:?} {graph:?} {cycles:?} {calendar:?} {options:?}")
    }
}
