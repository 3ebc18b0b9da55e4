//! Every check, one a file. Each adds its findings to `out`.

mod date_conflict;
mod deadline_missed;
mod dependency_cycle;
mod missing_owner;
mod missing_property;
mod outside_window;
mod over_allocation;
mod overdue;
mod progress_mismatch;
mod status_conflict;
mod unmitigated_risk;
mod unused_definition;

use std::sync::OnceLock;

use jiff::civil::Date;

use crate::analysis::graph::Work;
use crate::analysis::{Cycle, DependencyGraph, Options, Schedule};
use crate::base::{Diagnostic, FileSpan, Span};
use crate::model::{Def, DefData, DefId, Model, Project, ProjectStatus, QualifiedName};
use crate::syntax::ast::ItemKind;

/// What a check may look at.
pub(super) struct Context<'a> {
    pub model: &'a Model,
    pub options: &'a Options,
    pub graph: &'a DependencyGraph,
    pub cycles: &'a [Cycle],
    pub schedule: &'a Schedule,
    /// What `finished_items` answers, once a check has asked.
    pub finished: OnceLock<Vec<bool>>,
}

/// Every check but `over-allocation`, which reads the loads: these run
/// while the loads are computed.
pub(super) fn run_all_but_loads(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    // The checks that look at one definition at a time share one pass over
    // the definitions: once a workspace's definitions outgrow the caches, a
    // pass for each check read every definition from memory again.
    for (id, def) in cx.defs() {
        missing_property::check(def, out);
        date_conflict::check(cx, id, def, out);
        deadline_missed::check(cx, id, def, out);
        outside_window::check(cx, id, def, out);
        progress_mismatch::check(def, out);
        overdue::check(cx, id, def, out);
        unmitigated_risk::check(cx, def, out);
        missing_owner::check(def, out);
        unused_definition::check(cx, id, def, out);
        status_conflict::check(cx, def, out);
    }
    dependency_cycle::check(cx, out);
    date_conflict::check_start_conflicts(cx, out);
    status_conflict::check_dependencies(cx, out);
}

pub(super) use over_allocation::check as over_allocation;

impl<'a> Context<'a> {
    /// Every definition with its id, in definition order.
    fn defs(&self) -> impl Iterator<Item = (DefId, &'a Def)> + use<'a> {
        self.model
            .defs
            .iter()
            .enumerate()
            .map(|(index, def)| (DefId(index as u32), &**def))
    }

    /// The qualified name of a definition, for messages.
    fn name(&self, id: DefId) -> QualifiedName<'a> {
        self.model.def(id).qualified_name()
    }

    /// The project a definition is, if it is one.
    fn project(&self, id: DefId) -> Option<&'a Project> {
        match &self.model.def(id).data {
            DefData::Project(project) => Some(project),
            _ => None,
        }
    }

    /// The status of a project, planned where none is written; `None` for
    /// anything else. Read from the graph's nodes, as the ends of the
    /// dependencies the checks follow are spread over the whole model.
    fn project_status(&self, id: DefId) -> Option<ProjectStatus> {
        match self.graph.node(id)?.work {
            Work::Project(plan) => Some(plan.status),
            Work::Milestone { .. } => None,
        }
    }

    /// Whether every piece of work behind an item is finished: a project when
    /// it is `done`, a milestone when everything it depends on is finished.
    /// Indexed by definition; false for anything else.
    fn finished_items(&self) -> &[bool] {
        self.finished.get_or_init(|| self.find_finished())
    }

    fn find_finished(&self) -> Vec<bool> {
        // Milestones start out finished; anything unfinished unfinishes the
        // milestones downstream of it, one worklist pass over the graph.
        let mut unfinished = Vec::new();
        let nodes = self.graph.nodes().iter().enumerate();
        let mut finished: Vec<bool> = nodes
            .map(|(index, node)| match node.map(|node| node.work) {
                Some(Work::Project(plan)) if plan.status != ProjectStatus::Done => {
                    unfinished.push(DefId(index as u32));
                    false
                }
                Some(_) => true,
                None => false,
            })
            .collect();
        // The kinds are read from the model's list of them, as the
        // successors are spread over the whole model.
        while let Some(item) = unfinished.pop() {
            for &edge in self.graph.successors(item) {
                let successor = self.graph.edge(edge).successor;
                let is_milestone = self.model.kind(successor) == ItemKind::Milestone;
                if is_milestone && finished[successor.index()] {
                    finished[successor.index()] = false;
                    unfinished.push(successor);
                }
            }
        }
        finished
    }
}

/// Whether a project's work is over, done or abandoned, so that its
/// computed dates no longer call for action.
fn is_settled(project: &Project) -> bool {
    matches!(
        project.status(),
        ProjectStatus::Done | ProjectStatus::Cancelled
    )
}

/// Where a piece of a definition's text is.
fn located(def: &Def, span: Span) -> FileSpan {
    FileSpan::new(def.file, span)
}

/// `on 2027-02-15` for one day, `from 2027-02-15 to 2027-03-26` for more.
fn format_days(first: Date, last: Date) -> String {
    if first == last {
        format!("on {first}")
    } else {
        format!("from {first} to {last}")
    }
}

/// A number of people or a percentage as a reader writes it: `2`, `2.5`, `0.33`.
fn format_number(value: f64) -> String {
    let rounded = format!("{value:.2}");
    rounded
        .trim_end_matches('0')
        .trim_end_matches('.')
        .to_string()
}

/// `1 person`, `2.5 people`.
fn format_people(people: f64) -> String {
    let number = format_number(people);
    if number == "1" {
        "1 person".to_string()
    } else {
        format!("{number} people")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_written() {
        let formatted: Vec<String> = [2.0, 2.5, 1.0 / 3.0, 0.0, 120.0]
            .into_iter()
            .map(format_number)
            .collect();
        assert_eq!(formatted, ["2", "2.5", "0.33", "0", "120"]);
    }
}
