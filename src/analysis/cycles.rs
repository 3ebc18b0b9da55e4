//! Groups of mutually dependent items: the strongly connected components
//! of the dependency graph, each with one concrete cycle through it.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, VecDeque};

use crate::analysis::graph::{DependencyGraph, EdgeId};
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

/// Every component of more than one item, or of one item that depends on
/// itself. Members and edges are in id order, cycles in the order of their
/// first member, and each path is a shortest cycle through that member.
pub fn find(graph: &DependencyGraph, def_count: usize) -> Vec<Cycle> {
    let components = strongly_connected_components(graph, def_count);
    let mut component_of = vec![NONE; def_count];
    for (index, members) in components.iter().enumerate() {
        for member in members {
            component_of[member.index()] = index as u32;
        }
    }
    let mut cycles: Vec<Cycle> = components
        .into_iter()
        .enumerate()
        .map(|(index, mut members)| {
            members.sort_unstable();
            let inside = |edge: EdgeId| {
                let successor = graph.edge(edge).successor.index();
                component_of.get(successor) == Some(&(index as u32))
            };
            let mut edges: Vec<EdgeId> = members
                .iter()
                .flat_map(|&member| graph.successors(member))
                .copied()
                .filter(|&edge| inside(edge))
                .collect();
            edges.sort_unstable();
            let path = shortest_cycle_through(graph, members[0], inside);
            Cycle {
                members,
                edges,
                path,
            }
        })
        .collect();
    cycles.sort_unstable_by_key(|cycle| cycle.members[0]);
    cycles
}

const NONE: u32 = u32::MAX;

/// The strongly connected components that hold a cycle: those of more than
/// one item, and single items with an edge to themselves. Tarjan's algorithm
/// with an explicit stack, so that a long chain of dependencies cannot
/// overflow the thread's stack.
fn strongly_connected_components(graph: &DependencyGraph, def_count: usize) -> Vec<Vec<DefId>> {
    let mut order = vec![NONE; def_count];
    let mut low_link = vec![NONE; def_count];
    let mut on_stack = vec![false; def_count];
    let mut stack: Vec<DefId> = Vec::new();
    // Each frame: a node being explored and how many of its edges are done.
    let mut frames: Vec<(DefId, usize)> = Vec::new();
    let mut next_order = 0u32;
    let mut components = Vec::new();

    for root in (0..def_count as u32).map(DefId) {
        if order[root.index()] != NONE || graph.successors(root).is_empty() {
            continue;
        }
        frames.push((root, 0));
        while let Some(frame) = frames.last_mut() {
            let (node, edges_done) = *frame;
            let here = node.index();
            if edges_done == 0 && order[here] == NONE {
                order[here] = next_order;
                low_link[here] = next_order;
                next_order += 1;
                stack.push(node);
                on_stack[here] = true;
            }
            if let Some(&edge) = graph.successors(node).get(edges_done) {
                frame.1 += 1;
                let next = graph.edge(edge).successor.index();
                match order.get(next) {
                    Some(&NONE) => frames.push((DefId(next as u32), 0)),
                    Some(&seen) if on_stack[next] => {
                        low_link[here] = low_link[here].min(seen);
                    }
                    _ => {}
                }
                continue;
            }
            frames.pop();
            if let Some(&(parent, _)) = frames.last() {
                low_link[parent.index()] = low_link[parent.index()].min(low_link[here]);
            }
            let alone = stack.last() == Some(&node);
            if low_link[here] == order[here] && alone {
                stack.pop();
                on_stack[here] = false;
                let depends_on_itself = graph
                    .successors(node)
                    .iter()
                    .any(|&edge| graph.edge(edge).successor == node);
                if depends_on_itself {
                    components.push(vec![node]);
                }
            } else if low_link[here] == order[here] {
                let mut members = Vec::new();
                while let Some(member) = stack.pop() {
                    on_stack[member.index()] = false;
                    members.push(member);
                    if member == node {
                        break;
                    }
                }
                components.push(members);
            }
        }
    }
    components
}

/// Breadth first from `start` along the edges `inside` the component: the
/// first edge found back to `start` closes a shortest cycle.
fn shortest_cycle_through(
    graph: &DependencyGraph,
    start: DefId,
    inside: impl Fn(EdgeId) -> bool,
) -> Vec<EdgeId> {
    let mut reached_by: HashMap<DefId, Option<EdgeId>> = HashMap::from([(start, None)]);
    let mut queue = VecDeque::from([start]);
    while let Some(node) = queue.pop_front() {
        for &edge in graph.successors(node) {
            if !inside(edge) {
                continue;
            }
            let next = graph.edge(edge).successor;
            if next == start {
                let mut path = vec![edge];
                let mut at = node;
                while let Some(&Some(into)) = reached_by.get(&at) {
                    path.push(into);
                    at = graph.edge(into).predecessor;
                }
                path.reverse();
                return path;
            }
            if let Entry::Vacant(slot) = reached_by.entry(next) {
                slot.insert(Some(edge));
                queue.push_back(next);
            }
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use super::*;
    use crate::analysis::graph::Edge;
    use crate::base::{FileId, FileSpan, Span};
    use crate::model::{DependencyKind, RefId};

    fn graph(def_count: usize, edges: &[(u32, u32)]) -> DependencyGraph {
        let edges = edges
            .iter()
            .map(|&(predecessor, successor)| Edge {
                predecessor: DefId(predecessor),
                successor: DefId(successor),
                kind: DependencyKind::FinishToStart,
                lag: 0,
                reference: RefId(0),
                at: FileSpan::new(FileId(0), Span::default()),
            })
            .collect();
        DependencyGraph::from_edges(def_count, edges)
    }

    /// Each cycle as `members | edges | path`, an edge written `from>to`.
    fn check(def_count: usize, edges: &[(u32, u32)], expect: Expect) {
        let graph = graph(def_count, edges);
        let edge = |id: &EdgeId| {
            let edge = graph.edge(*id);
            format!("{}>{}", edge.predecessor.0, edge.successor.0)
        };
        let lines: Vec<String> = find(&graph, def_count)
            .iter()
            .map(|cycle| {
                let members: Vec<String> = cycle.members.iter().map(|m| m.0.to_string()).collect();
                let edges: Vec<String> = cycle.edges.iter().map(edge).collect();
                let path: Vec<String> = cycle.path.iter().map(edge).collect();
                format!(
                    "{} | {} | {}",
                    members.join(" "),
                    edges.join(" "),
                    path.join(" ")
                )
            })
            .collect();
        expect.assert_eq(&lines.join("\n"));
    }

    #[test]
    fn a_graph_without_cycles_has_none() {
        check(5, &[(0, 1), (1, 2), (0, 2), (3, 4)], expect![""]);
    }

    #[test]
    fn a_self_loop_is_a_cycle_of_one() {
        check(3, &[(0, 1), (1, 1), (1, 2)], expect!["1 | 1>1 | 1>1"]);
    }

    #[test]
    fn disjoint_cycles_are_reported_apart() {
        check(
            7,
            &[(5, 6), (6, 4), (4, 5), (0, 1), (1, 0), (1, 2), (2, 3)],
            expect![[r#"
                0 1 | 0>1 1>0 | 0>1 1>0
                4 5 6 | 5>6 6>4 4>5 | 4>5 5>6 6>4"#]],
        );
    }

    #[test]
    fn a_component_with_several_cycles_is_reported_once_with_a_shortest_path() {
        // 0 → 1 → 2 → 3 → 0 and the shortcut 1 → 0, plus 2 → 4 → 2.
        check(
            6,
            &[
                (0, 1),
                (1, 2),
                (2, 3),
                (3, 0),
                (1, 0),
                (2, 4),
                (4, 2),
                (4, 5),
            ],
            expect!["0 1 2 3 4 | 0>1 1>2 2>3 3>0 1>0 2>4 4>2 | 0>1 1>0"],
        );
    }

    #[test]
    fn a_cycle_path_starts_at_its_first_member() {
        check(
            4,
            &[(3, 2), (2, 1), (1, 3), (0, 3)],
            expect!["1 2 3 | 3>2 2>1 1>3 | 1>3 3>2 2>1"],
        );
    }

    #[test]
    fn a_long_chain_does_not_overflow_the_stack() {
        let count = 100_000u32;
        let mut edges: Vec<(u32, u32)> = (1..count).map(|n| (n - 1, n)).collect();
        assert!(find(&graph(count as usize, &edges), count as usize).is_empty());
        edges.push((count - 1, 0));
        let cycles = find(&graph(count as usize, &edges), count as usize);
        assert_eq!(cycles.len(), 1);
        assert_eq!(cycles[0].members.len(), count as usize);
        assert_eq!(cycles[0].path.len(), count as usize);
    }
}
