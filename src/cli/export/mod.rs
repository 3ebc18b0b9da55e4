//! `pgm export`: the plans for other tools.

mod dot;
mod json;
mod mermaid;

use std::io::{self, Write};

use clap::ValueEnum;

use crate::cli::load::Loaded;

pub use json::model_json;

#[derive(ValueEnum, Clone, Copy, PartialEq, Eq, Debug)]
pub enum ExportFormat {
    /// The model with its computed dates, free of file paths and offsets
    Json,
    /// A Mermaid gantt chart with a section per program
    Mermaid,
    /// A Graphviz digraph of the dependencies
    Dot,
}

pub fn run(loaded: &Loaded, format: ExportFormat, out: &mut dyn Write) -> io::Result<()> {
    let (model, analysis) = (&loaded.model, &loaded.analysis);
    match format {
        ExportFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &model_json(model, analysis))?;
            writeln!(out)
        }
        ExportFormat::Mermaid => mermaid::write(model, analysis, out),
        ExportFormat::Dot => dot::write(model, analysis, out),
    }
}
