//! The dependency graph between projects and milestones.

use crate::base::{FileSpan, Groups};
use crate::model::{DefData, DefId, DependencyKind, Model, RefId};

#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct EdgeId(pub u32);

impl EdgeId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

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
    /// For each definition, the edges into it.
    incoming: Groups<EdgeId>,
    /// For each definition, the edges out of it.
    outgoing: Groups<EdgeId>,
}

impl DependencyGraph {
    pub fn edge(&self, id: EdgeId) -> &Edge {
        &self.edges[id.index()]
    }

    /// Edges from the predecessors of `def` into it.
    pub fn predecessors(&self, def: DefId) -> &[EdgeId] {
        self.incoming.of(def.index())
    }

    /// Edges from `def` to the items that depend on it.
    pub fn successors(&self, def: DefId) -> &[EdgeId] {
        self.outgoing.of(def.index())
    }
}

impl DependencyGraph {
    /// One edge per `depends_on:` entry of a project or milestone that names
    /// a project or milestone, in definition and text order.
    pub fn build(model: &Model) -> DependencyGraph {
        let edges = model.defs.iter().enumerate().flat_map(|(index, def)| {
            let successor = DefId(index as u32);
            let depends_on = match &def.data {
                DefData::Project(project) => project.depends_on.as_slice(),
                DefData::Milestone(milestone) => milestone.depends_on.as_slice(),
                _ => &[],
            };
            depends_on.iter().filter_map(move |dependency| {
                Some(Edge {
                    predecessor: model.target(dependency.target)?,
                    successor,
                    kind: dependency.kind,
                    lag: dependency.lag,
                    reference: dependency.target,
                    at: FileSpan::new(def.file, dependency.span),
                })
            })
        });
        DependencyGraph::from_edges(model.defs.len(), edges.collect())
    }

    /// A graph over `def_count` definitions with these edges; the ids of the
    /// edges are their positions.
    pub fn from_edges(def_count: usize, edges: Vec<Edge>) -> DependencyGraph {
        let ids: Vec<EdgeId> = (0..edges.len() as u32).map(EdgeId).collect();
        DependencyGraph {
            incoming: Groups::new(def_count, &ids, |&id| {
                Some(edges[id.index()].successor.index())
            }),
            outgoing: Groups::new(def_count, &ids, |&id| {
                Some(edges[id.index()].predecessor.index())
            }),
            edges,
        }
    }
}
