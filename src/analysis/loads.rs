//! How much of each person and team the scheduled projects need, day by day.

use jiff::civil::Date;

use crate::model::DefId;

/// A run of working days over which a resource's load does not change.
#[derive(Clone, PartialEq, Debug)]
pub struct LoadSegment {
    pub first: Date,
    pub last: Date,
    /// People needed on each day of the run.
    pub load: f64,
    /// The allocations behind the load: project and index into its `allocate`.
    pub allocations: Vec<(DefId, usize)>,
}

/// A maximal run of working days on which a resource is over capacity.
#[derive(Clone, PartialEq, Debug)]
pub struct Overload {
    pub first: Date,
    pub last: Date,
    pub peak: f64,
    /// The projects with allocations on any day of the run, in order of id.
    pub projects: Vec<DefId>,
}

#[derive(Clone, PartialEq, Debug)]
pub struct ResourceLoad {
    pub resource: DefId,
    pub capacity: f64,
    /// In date order; days with no load are absent.
    pub segments: Vec<LoadSegment>,
}

pub fn compute(
    model: &crate::model::Model,
    schedule: &crate::analysis::Schedule,
    calendar: &crate::analysis::WorkCalendar,
) -> Vec<ResourceLoad> {
    todo!("{model:?} {schedule:?} {calendar:?}")
}
