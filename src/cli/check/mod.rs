//! `pgm check`: every diagnostic, for a person or for a machine.

mod human;
mod json;
mod sarif;

use std::io::{self, Write};

use clap::ValueEnum;

use crate::base::{Diagnostic, Severity};
use crate::cli::Outcome;
use crate::cli::load::Loaded;

#[derive(ValueEnum, Clone, Copy, PartialEq, Eq, Debug)]
pub enum CheckFormat {
    /// Compiler-style messages with the source lines they point at
    Human,
    /// One JSON object with positions counted as the language server protocol does
    Json,
    /// SARIF 2.1.0, for code-scanning services
    Sarif,
}

pub fn run(
    loaded: &Loaded,
    format: CheckFormat,
    out: &mut dyn Write,
    colour: bool,
) -> io::Result<Outcome> {
    let model = &loaded.model;
    let diagnostics = &loaded.analysis.diagnostics;
    match format {
        CheckFormat::Human => human::write(model, diagnostics, out, colour)?,
        CheckFormat::Json => json::write(model, diagnostics, out)?,
        CheckFormat::Sarif => sarif::write(model, diagnostics, out)?,
    }
    let counts = Counts::of(diagnostics);
    Ok(Outcome::failed_if(counts.errors > 0))
}

/// How many diagnostics there are of each severity.
#[derive(Clone, Copy, Default, Debug)]
struct Counts {
    errors: usize,
    warnings: usize,
    infos: usize,
    hints: usize,
}

impl Counts {
    fn of(diagnostics: &[Diagnostic]) -> Counts {
        let mut counts = Counts::default();
        for diagnostic in diagnostics {
            *match diagnostic.severity {
                Severity::Error => &mut counts.errors,
                Severity::Warning => &mut counts.warnings,
                Severity::Info => &mut counts.infos,
                Severity::Hint => &mut counts.hints,
            } += 1;
        }
        counts
    }
}
