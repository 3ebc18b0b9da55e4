//! The dependency graph between projects and milestones.

use jiff::civil::Date;

use crate::base::{FileSpan, Groups};
use crate::model::{
    DefData, DefId, DependencyKind, Milestone, Model, Project, ProjectStatus, RefId,
};

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

/// A project or milestone as the analyses that follow dependencies read
/// it, copied from its definition as the graph is built: once a workspace
/// outgrows the caches, each pass over the definitions reads every one of
/// them from memory, and the scheduler and the checks read this instead.
#[derive(Clone, Copy, PartialEq, Debug)]
pub struct Node {
    /// The program it is in.
    pub program: Option<DefId>,
    pub work: Work,
}

#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Work {
    Project(ProjectPlan),
    Milestone { due: Option<Date> },
}

/// What a project's definition says of when it happens and where it stands.
#[derive(Clone, Copy, PartialEq, Debug)]
pub struct ProjectPlan {
    pub start: Option<Date>,
    pub end: Option<Date>,
    /// Working days.
    pub duration: Option<u32>,
    pub deadline: Option<Date>,
    /// Planned where none is written.
    pub status: ProjectStatus,
}

impl ProjectPlan {
    fn of(project: &Project) -> ProjectPlan {
        ProjectPlan {
            start: project.start.map(|start| start.value),
            end: project.end.map(|end| end.value),
            duration: project.duration.map(|duration| duration.value),
            deadline: project.deadline.map(|deadline| deadline.value),
            status: project.status(),
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct DependencyGraph {
    /// By definition: `None` for anything but a project or milestone.
    nodes: Vec<Option<Node>>,
    pub edges: Vec<Edge>,
    /// For each definition, the edges into it.
    incoming: Groups<EdgeId>,
    /// For each definition, the edges out of it.
    outgoing: Groups<EdgeId>,
}

impl DependencyGraph {
    /// The project or milestone `def` is, if it is one.
    pub fn node(&self, def: DefId) -> Option<&Node> {
        self.nodes.get(def.index())?.as_ref()
    }

    /// By definition index, every project and milestone.
    pub fn nodes(&self) -> &[Option<Node>] {
        &self.nodes
    }

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
    /// A node for each project and milestone, and an edge for each of
    /// their `depends_on:` entries that names a project or milestone, in
    /// definition and text order: one pass over the definitions.
    pub fn build(model: &Model) -> DependencyGraph {
        let mut nodes = Vec::with_capacity(model.defs.len());
        let mut edges = Vec::with_capacity(model.dependency_count());
        for (index, def) in model.defs.iter().enumerate() {
            let (work, depends_on) = match &def.data {
                DefData::Project(project) => {
                    (Work::Project(ProjectPlan::of(project)), &project.depends_on)
                }
                DefData::Milestone(Milestone {
                    due, depends_on, ..
                }) => {
                    let due = due.map(|due| due.value);
                    (Work::Milestone { due }, depends_on)
                }
                _ => {
                    nodes.push(None);
                    continue;
                }
            };
            nodes.push(Some(Node {
                program: def.program,
                work,
            }));
            let successor = DefId(index as u32);
            edges.extend(depends_on.iter().filter_map(|dependency| {
                Some(Edge {
                    predecessor: model.target(dependency.target)?,
                    successor,
                    kind: dependency.kind,
                    lag: dependency.lag,
                    reference: dependency.target,
                    at: FileSpan::new(def.file, dependency.span),
                })
            }));
        }
        DependencyGraph {
            nodes,
            ..DependencyGraph::from_edges(model.defs.len(), edges)
        }
    }

    /// A graph over `def_count` definitions with these edges and no nodes,
    /// for what reads the edges alone; the ids of the edges are their
    /// positions.
    pub fn from_edges(def_count: usize, edges: Vec<Edge>) -> DependencyGraph {
        let ids: Vec<EdgeId> = (0..edges.len() as u32).map(EdgeId).collect();
        DependencyGraph {
            nodes: Vec::new(),
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
