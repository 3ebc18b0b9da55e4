//! Pure analyses over the model: the dependency graph, the schedule,
//! resource loads, and every check, each in its own file.

pub mod calendar;
mod checks;
pub mod cycles;
pub mod graph;
pub mod loads;
pub mod schedule;

use std::sync::OnceLock;

use jiff::civil::Date;

use crate::base::Diagnostic;
use crate::model::Model;

pub use calendar::WorkCalendar;
pub use cycles::Cycle;
pub use graph::{DependencyGraph, Edge, EdgeId};
pub use loads::{LoadSegment, Overload, ResourceLoad};
pub use schedule::{ItemDates, Schedule, StartConflict};

/// Settings that change what the checks conclude.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// The date scheduling and status checks treat as today.
    pub today: Date,
    /// An open risk at or above this exposure needs a mitigation.
    pub exposure_threshold: u32,
}

impl Options {
    pub const DEFAULT_EXPOSURE_THRESHOLD: u32 = 15;

    pub fn new(today: Date) -> Options {
        Options {
            today,
            exposure_threshold: Options::DEFAULT_EXPOSURE_THRESHOLD,
        }
    }
}

/// Everything computed from one model.
#[derive(Debug)]
pub struct Analysis {
    pub calendar: WorkCalendar,
    pub graph: DependencyGraph,
    pub cycles: Vec<Cycle>,
    pub schedule: Schedule,
    pub loads: Vec<ResourceLoad>,
    /// The model's diagnostics followed by every check's, sorted by place.
    pub diagnostics: Vec<Diagnostic>,
}

pub fn analyze(model: &Model, options: &Options) -> Analysis {
    analyze_after(model, options, None)
}

/// What [`analyze`] finds, sharing with `previous`, the analysis of the
/// workspace before an edit, what the edit left as it was.
pub fn analyze_after(model: &Model, options: &Options, previous: Option<&Analysis>) -> Analysis {
    let calendar = WorkCalendar::from_model(model);
    let previous_loads = previous
        .filter(|previous| previous.calendar == calendar)
        .map_or(&[][..], |previous| &previous.loads[..]);
    let graph = DependencyGraph::build(model);
    let cycles = cycles::find(&graph, model.defs.len());
    let schedule = Schedule::compute(model, &graph, &cycles, &calendar, options);
    let context = checks::Context {
        model,
        options,
        graph: &graph,
        cycles: &cycles,
        schedule: &schedule,
        finished: OnceLock::new(),
    };
    // The loads and the checks but one read the schedule and not each
    // other, so they run side by side.
    let (loads, mut diagnostics) = rayon::join(
        || loads::compute(model, &schedule, &calendar, previous_loads),
        || {
            let mut diagnostics = model.diagnostics.clone();
            checks::run_all_but_loads(&context, &mut diagnostics);
            diagnostics
        },
    );
    checks::over_allocation(&context, &loads, &mut diagnostics);
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    Analysis {
        calendar,
        graph,
        cycles,
        schedule,
        loads,
        diagnostics,
    }
}
