//! Cycle detection against brute force on small random graphs: the same
//! items lie on cycles, grouped into the same components, each reported
//! with every edge inside it and a shortest cycle through its first member.

use std::collections::BTreeSet;

use pgm::analysis::cycles::find;
use pgm::analysis::{DependencyGraph, Edge, EdgeId};
use pgm::base::{FileId, FileSpan, Span};
use pgm::model::{DefId, DependencyKind, RefId};
use proptest::prelude::*;

fn graph(node_count: usize, edges: &[(usize, usize)]) -> DependencyGraph {
    let edges = edges
        .iter()
        .map(|&(predecessor, successor)| Edge {
            predecessor: DefId(predecessor as u32),
            successor: DefId(successor as u32),
            kind: DependencyKind::FinishToStart,
            lag: 0,
            reference: RefId(0),
            at: FileSpan::new(FileId(0), Span::default()),
        })
        .collect();
    DependencyGraph::from_edges(node_count, edges)
}

/// `reach[a][b]`: a path of one edge or more leads from `a` to `b`.
fn reachability(node_count: usize, edges: &[(usize, usize)]) -> Vec<Vec<bool>> {
    let mut reach = vec![vec![false; node_count]; node_count];
    for &(from, to) in edges {
        reach[from][to] = true;
    }
    for via in 0..node_count {
        for from in 0..node_count {
            for to in 0..node_count {
                if reach[from][via] && reach[via][to] {
                    reach[from][to] = true;
                }
            }
        }
    }
    reach
}

/// The nodes on some cycle, grouped by mutual reachability, each group in
/// id order and the groups in order of their first node.
fn brute_force_components(node_count: usize, edges: &[(usize, usize)]) -> Vec<Vec<usize>> {
    let reach = reachability(node_count, edges);
    let groups: BTreeSet<Vec<usize>> = (0..node_count)
        .filter(|&node| reach[node][node])
        .map(|node| {
            (0..node_count)
                .filter(|&other| reach[node][other] && reach[other][node])
                .collect()
        })
        .collect();
    groups.into_iter().collect()
}

/// The fewest edges of a closed walk from `start` back to it.
fn shortest_cycle_length(node_count: usize, edges: &[(usize, usize)], start: usize) -> usize {
    let mut frontier = BTreeSet::from([start]);
    for length in 1..=node_count {
        frontier = edges
            .iter()
            .filter(|(from, _)| frontier.contains(from))
            .map(|&(_, to)| to)
            .collect();
        if frontier.contains(&start) {
            return length;
        }
    }
    panic!("node {start} is on no cycle")
}

fn random_graph() -> impl Strategy<Value = (usize, Vec<(usize, usize)>)> {
    (1usize..=8).prop_flat_map(|node_count| {
        let edge = (0..node_count, 0..node_count);
        (Just(node_count), prop::collection::vec(edge, 0..=16))
    })
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 1024,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn cycles_agree_with_brute_force((node_count, edges) in random_graph()) {
        let graph = graph(node_count, &edges);
        let cycles = find(&graph, node_count);

        let members: Vec<Vec<usize>> = cycles
            .iter()
            .map(|cycle| cycle.members.iter().map(|member| member.index()).collect())
            .collect();
        let expected = brute_force_components(node_count, &edges);
        prop_assert_eq!(&members, &expected);

        for (cycle, component) in cycles.iter().zip(&expected) {
            let inside = |&(from, to): &(usize, usize)| {
                component.contains(&from) && component.contains(&to)
            };
            let edges_inside: Vec<EdgeId> = (0u32..)
                .map(EdgeId)
                .zip(&edges)
                .filter(|(_, edge)| inside(edge))
                .map(|(id, _)| id)
                .collect();
            prop_assert_eq!(&cycle.edges, &edges_inside);

            let path: Vec<(usize, usize)> = cycle.path.iter().map(|&id| edges[id.index()]).collect();
            let first = component[0];
            prop_assert_eq!(path.first().map(|edge| edge.0), Some(first));
            prop_assert_eq!(path.last().map(|edge| edge.1), Some(first));
            prop_assert!(path.windows(2).all(|pair| pair[0].1 == pair[1].0), "{:?}", path);
            prop_assert!(path.iter().all(inside), "{:?} leaves {:?}", path, component);
            prop_assert_eq!(path.len(), shortest_cycle_length(node_count, &edges, first));
        }
    }
}
