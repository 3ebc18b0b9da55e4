//! `status-conflict`: a status that contradicts the status of what an item
//! depends on.
//!
//! - a dependency on a `cancelled` project (unless the dependent item is
//!   cancelled too), and a benefit delivered by a cancelled project;
//! - a `done` project whose predecessor has not got far enough: the
//!   predecessor must be finished for finish-to-start and finish-to-finish,
//!   and at least started for start-to-start and start-to-finish. A
//!   milestone counts as finished when everything it depends on is.

use crate::analysis::Edge;
use crate::analysis::checks::{Context, located};
use crate::base::{Code, Diagnostic, FileSpan};
use crate::model::{Def, DefData, DefId, DependencyKind, ProjectStatus};

/// The dependencies whose two ends' statuses contradict each other.
pub(super) fn check_dependencies(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let finished = cx.finished_items();
    for edge in &cx.graph.edges {
        if let Some(diagnostic) =
            cancelled_predecessor(cx, edge).or_else(|| unready_predecessor(cx, edge, finished))
        {
            out.push(diagnostic);
        }
    }
}

fn is_cancelled(cx: &Context<'_>, item: DefId) -> bool {
    cx.project_status(item) == Some(ProjectStatus::Cancelled)
}

/// Where a project's status is written, or else its name.
fn status_location(cx: &Context<'_>, item: DefId) -> FileSpan {
    let def = cx.model.def(item);
    cx.project(item)
        .and_then(|project| project.status)
        .map_or(def.name_location(), |written| located(def, written.span))
}

fn cancelled_predecessor(cx: &Context<'_>, edge: &Edge) -> Option<Diagnostic> {
    if !is_cancelled(cx, edge.predecessor) || is_cancelled(cx, edge.successor) {
        return None;
    }
    let (successor, predecessor) = (cx.name(edge.successor), cx.name(edge.predecessor));
    let message = format!("`{successor}` depends on `{predecessor}`, which is cancelled");
    let related = format!("`{predecessor}` is cancelled here");
    Some(
        Diagnostic::new(Code::StatusConflict, edge.at, message)
            .with_related(status_location(cx, edge.predecessor), related),
    )
}

fn unready_predecessor(cx: &Context<'_>, edge: &Edge, finished: &[bool]) -> Option<Diagnostic> {
    if cx.project_status(edge.successor) != Some(ProjectStatus::Done) {
        return None;
    }
    let needs_finish = matches!(
        edge.kind,
        DependencyKind::FinishToStart | DependencyKind::FinishToFinish
    );
    let predecessor_state = match cx.project_status(edge.predecessor) {
        Some(status) => status,
        None if finished[edge.predecessor.index()] => ProjectStatus::Done,
        None => ProjectStatus::Planned,
    };
    let far_enough = match predecessor_state {
        ProjectStatus::Done => true,
        ProjectStatus::Active | ProjectStatus::Blocked => !needs_finish,
        ProjectStatus::Planned | ProjectStatus::Cancelled => false,
    };
    if far_enough {
        return None;
    }
    let (successor, predecessor) = (cx.name(edge.successor), cx.name(edge.predecessor));
    let (state, requirement) = match cx.model.def(edge.predecessor).data {
        DefData::Milestone(_) => ("not reached".to_string(), "reached"),
        _ => (
            format!("`{}`", predecessor_state.keyword()),
            if needs_finish { "done" } else { "started" },
        ),
    };
    let message = format!(
        "`{successor}` is `done`, but `{predecessor}`, which it depends on ({}), is {state}; it must be {requirement} first",
        edge.kind.keyword()
    );
    let related = format!("`{predecessor}` is {state}");
    Some(
        Diagnostic::new(Code::StatusConflict, edge.at, message)
            .with_related(status_location(cx, edge.predecessor), related),
    )
}

/// A benefit's deliveries by cancelled projects.
pub(super) fn check(cx: &Context<'_>, def: &Def, out: &mut Vec<Diagnostic>) {
    let DefData::Benefit(benefit) = &def.data else {
        return;
    };
    for &reference_id in &benefit.delivered_by {
        let Some(item) = cx
            .model
            .target(reference_id)
            .filter(|&item| is_cancelled(cx, item))
        else {
            continue;
        };
        let reference = cx.model.reference(reference_id);
        let item_name = cx.name(item);
        let message = format!(
            "benefit `{}` is delivered by `{item_name}`, which is cancelled",
            def.qualified_name()
        );
        let related = format!("`{item_name}` is cancelled here");
        out.push(
            Diagnostic::new(Code::StatusConflict, reference.location(), message)
                .with_related(status_location(cx, item), related),
        );
    }
}
