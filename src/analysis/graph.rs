//! The dependency graph between projects and milestones.

use crate::base::FileSpan;
use crate::model::{DefId, DependencyKind, Model, RefId};

#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct EdgeId(pub u32);

/// `successor` depends on `predecessor`: one `depends_on:` entry whose
/// reference resolved to a project or milestone.
#[derive(Clone, Copy, PartialEq, Debug)]
pub struct Edge {
    pub predecessor: DefId,
    pub successor: DefId,
    pub kind: DependencyKind,
    /// Working days, negative for a lead.
    pub lag: i32,
    pub reference: RefId,
    /// The whole `depends_on:` entry.
    pub at: FileSpan,
}

#[derive(Clone, Debug, Default)]
pub struct DependencyGraph {
    pub edges: Vec<Edge>,
    /// For each definition (by index), the edges into it.
    incoming: Vec<Vec<EdgeId>>,
    /// For each definition (by index), the edges out of it.
    outgoing: Vec<Vec<EdgeId>>,
}

impl DependencyGraph {
    pub fn edge(&self, id: EdgeId) -> &Edge {
        &self.edges[id.0 as usize]
    }

    /// Edges from the predecessors of `def` into it.
    pub fn predecessors(&self, def: DefId) -> &[EdgeId] {
        self.incoming.get(def.index()).map_or(&[], Vec::as_slice)
    }

    /// Edges from `def` to the items that depend on it.
    pub fn successors(&self, def: DefId) -> &[EdgeId] {
        self.outgoing.get(def.index()).map_or(&[], Vec::as_slice)
    }
}

impl DependencyGraph {
    pub fn build(model: &Model) -> DependencyGraph {
        todo!("{}", model.defs.len())
    }
}
