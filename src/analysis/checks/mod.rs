//! Every check, one a file. Each adds its findings to `out`.

use crate::analysis::{
    Cycle, DependencyGraph, Options, ResourceLoad, Schedule, WorkCalendar,
};
use crate::base::Diagnostic;
use crate::model::Model;

/// What a check may look at.
pub(super) struct Context<'a> {
    pub model: &'a Model,
    pub options: &'a Options,
    pub calendar: &'a WorkCalendar,
    pub graph: &'a DependencyGraph,
    pub cycles: &'a [Cycle],
    pub schedule: &'a Schedule,
    pub loads: &'a [ResourceLoad],
}

pub(super) fn run_all(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let _ = (cx, out);
}
