//! `dependency-cycle`: items that depend on each other in a circle. Each
//! group of mutually dependent items is reported on every dependency edge
//! inside it, with one concrete cycle through the group as the explanation
//! and every other edge of the group as a related place.

use std::collections::HashMap;

use crate::analysis::Cycle;
use crate::analysis::checks::Context;
use crate::base::{Code, Diagnostic};
use crate::model::DefId;

pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for cycle in cx.cycles {
        let path = describe_path(cx, cycle);
        for &edge_id in &cycle.edges {
            let edge = cx.graph.edge(edge_id);
            let message = format!(
                "`{}` depends on `{}` inside a dependency cycle: {path}",
                cx.name(edge.successor),
                cx.name(edge.predecessor)
            );
            let mut diagnostic = Diagnostic::new(Code::DependencyCycle, edge.at, message);
            for &other_id in cycle.edges.iter().filter(|&&other| other != edge_id) {
                let other = cx.graph.edge(other_id);
                let related = format!(
                    "`{}` depends on `{}`",
                    cx.name(other.successor),
                    cx.name(other.predecessor)
                );
                diagnostic = diagnostic.with_related(other.at, related);
            }
            out.push(diagnostic);
        }
    }
}

/// The cycle read in the direction of `depends_on`, back to where it began:
/// `apollo.billing → apollo.iam → apollo.network → apollo.billing`.
fn describe_path(cx: &Context<'_>, cycle: &Cycle) -> String {
    let depends_on: HashMap<DefId, DefId> = cycle
        .path
        .iter()
        .map(|&edge| {
            let edge = cx.graph.edge(edge);
            (edge.successor, edge.predecessor)
        })
        .collect();
    let Some(&start) = cycle
        .path
        .first()
        .map(|&edge| &cx.graph.edge(edge).predecessor)
    else {
        return String::new();
    };
    let mut names = vec![cx.name(start).to_string()];
    let mut current = start;
    while let Some(&next) = depends_on.get(&current) {
        names.push(cx.name(next).to_string());
        current = next;
        if current == start || names.len() > cycle.path.len() {
            break;
        }
    }
    names.join(" → ")
}
