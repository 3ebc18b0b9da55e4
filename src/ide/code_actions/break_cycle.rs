//! Break a dependency cycle: one fix per dependency inside it, each
//! deleting that `depends_on:` entry with its comma (or the whole property
//! when it is the only entry).

use super::{Context, Fix};
use crate::analysis::Edge;
use crate::base::{Code, Diagnostic, Span};
use crate::ide::edit::removal;
use crate::ide::lookup::{item_of, properties};
use crate::ide::{SourceChange, TextEdit};
use crate::model::Model;

pub(super) fn fixes(cx: &Context<'_>, diagnostic: &Diagnostic) -> Vec<Fix> {
    if diagnostic.code != Code::DependencyCycle {
        return Vec::new();
    }
    let graph = &cx.analysis.graph;
    let Some(cycle) = cx.analysis.cycles.iter().find(|cycle| {
        cycle
            .edges
            .iter()
            .any(|&edge| graph.edge(edge).at == diagnostic.at)
    }) else {
        return Vec::new();
    };
    let mut edges: Vec<&Edge> = cycle.edges.iter().map(|&edge| graph.edge(edge)).collect();
    // The entry the diagnostic stands on comes first.
    edges.sort_by_key(|edge| edge.at != diagnostic.at);
    edges
        .into_iter()
        .filter_map(|edge| {
            let successor = cx.model.def(edge.successor).qualified_name();
            let predecessor = cx.model.def(edge.predecessor).qualified_name();
            Some(Fix {
                title: format!("Remove the dependency of `{successor}` on `{predecessor}`"),
                change: remove_entry(cx.model, edge)?,
                unambiguous: false,
            })
        })
        .collect()
}

/// The edit that takes the edge's entry out of its `depends_on:` list.
fn remove_entry(model: &Model, edge: &Edge) -> Option<SourceChange> {
    let text = &model.file(edge.at.file).text;
    let item = item_of(model, edge.successor)?;
    let tree = &model.file(edge.at.file).parse().file;
    let (property, values, index) = properties(item).find_map(|property| {
        let values = tree.values(property);
        let index = values.iter().position(|value| value.span == edge.at.span)?;
        Some((property, values, index))
    })?;
    let entry = values[index].span;
    let previous = index.checked_sub(1).map(|before| values[before].span);
    let next = values.get(index + 1).map(|value| value.span);
    let span = match (previous, next) {
        (Some(previous), _) => Span::new(previous.end(), entry.end()),
        (None, Some(next)) => Span::new(entry.start(), next.start()),
        (None, None) => removal(text, property.span),
    };
    Some(SourceChange::single(edge.at.file, TextEdit::delete(span)))
}
