//! A Graphviz digraph of the dependencies: a cluster per program, an edge
//! from each predecessor to its successor, cycles in red.

use std::collections::HashSet;
use std::io::{self, Write};

use crate::analysis::{Analysis, EdgeId};
use crate::cli::plan;
use crate::model::{DependencyKind, Model};
use crate::syntax::ast::ItemKind;

pub fn write(model: &Model, analysis: &Analysis, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "digraph pgm {{")?;
    writeln!(out, "  rankdir=LR;")?;
    writeln!(out, "  node [shape=box];")?;
    for (program_def, program) in plan::programs(model) {
        writeln!(
            out,
            "  subgraph {} {{",
            quoted(&format!("cluster_{}", program_def.qualified_name()))
        )?;
        writeln!(out, "    label={};", quoted(&program_def.label()))?;
        for item in plan::scheduled_items(model, program) {
            let def = model.def(item);
            let shape = if def.kind() == ItemKind::Milestone {
                ", shape=diamond"
            } else {
                ""
            };
            writeln!(
                out,
                "    {} [label={}{shape}];",
                quoted(&def.qualified_name().to_string()),
                quoted(&def.label())
            )?;
        }
        writeln!(out, "  }}")?;
    }
    let in_cycle: HashSet<EdgeId> = analysis
        .cycles
        .iter()
        .flat_map(|cycle| cycle.edges.iter().copied())
        .collect();
    for (index, edge) in analysis.graph.edges.iter().enumerate() {
        let mut attributes = Vec::new();
        if let Some(label) = edge_label(edge.kind, edge.lag) {
            attributes.push(format!("label={}", quoted(&label)));
        }
        if in_cycle.contains(&EdgeId(index as u32)) {
            attributes.push("color=red".to_string());
        }
        let attributes = if attributes.is_empty() {
            String::new()
        } else {
            format!(" [{}]", attributes.join(", "))
        };
        writeln!(
            out,
            "  {} -> {}{attributes};",
            quoted(&model.def(edge.predecessor).qualified_name().to_string()),
            quoted(&model.def(edge.successor).qualified_name().to_string())
        )?;
    }
    writeln!(out, "}}")
}

/// `ss`, `+5d`, `ff -2d`: what differs from a plain finish-to-start.
fn edge_label(kind: DependencyKind, lag: i32) -> Option<String> {
    let mut parts = Vec::new();
    if kind != DependencyKind::FinishToStart {
        parts.push(kind.keyword().to_string());
    }
    if lag != 0 {
        parts.push(format!("{lag:+}d"));
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

fn quoted(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for ch in text.chars() {
        match ch {
            '"' | '\\' => {
                quoted.push('\\');
                quoted.push(ch);
            }
            '\n' => quoted.push_str("\\n"),
            '\r' => {}
            _ => quoted.push(ch),
        }
    }
    quoted.push('"');
    quoted
}
