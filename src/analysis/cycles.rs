//! Groups of mutually dependent items: the strongly connected components
//! of the dependency graph, each with one concrete cycle through it.

use crate::analysis::graph::EdgeId;
use crate::model::DefId;

#[derive(Clone, PartialEq, Debug)]
pub struct Cycle {
    /// Every item of the component, in a stable order.
    pub members: Vec<DefId>,
    /// Every edge between two members.
    pub edges: Vec<EdgeId>,
    /// A concrete cycle through the component, edge after edge, the first
    /// edge's predecessor being the last edge's successor.
    pub path: Vec<EdgeId>,
}

pub fn find(graph: &crate::analysis::DependencyGraph, def_count: usize) -> Vec<Cycle> {
    todo!("{} {def_count}", graph.edges.len())
}
