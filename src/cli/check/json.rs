//! `pgm check --format json`: one object with every diagnostic and a summary.

use std::io::{self, Write};

use serde::Serialize;

use super::Counts;
use crate::base::Diagnostic;
use crate::cli::location::{self, Range};
use crate::model::Model;

#[derive(Serialize)]
struct Report<'a> {
    diagnostics: Vec<JsonDiagnostic<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    file: &'a str,
    severity: &'static str,
    code: &'static str,
    message: &'a str,
    range: Range,
    related: Vec<JsonRelated<'a>>,
}

#[derive(Serialize)]
struct JsonRelated<'a> {
    file: &'a str,
    range: Range,
    message: &'a str,
}

#[derive(Serialize)]
struct Summary {
    errors: usize,
    warnings: usize,
    files: usize,
}

pub fn write(model: &Model, diagnostics: &[Diagnostic], out: &mut dyn Write) -> io::Result<()> {
    let counts = Counts::of(diagnostics);
    let report = Report {
        diagnostics: diagnostics
            .iter()
            .map(|diagnostic| JsonDiagnostic {
                file: location::path(model, diagnostic.at),
                severity: diagnostic.severity.as_str(),
                code: diagnostic.code.as_str(),
                message: &diagnostic.message,
                range: location::range(model, diagnostic.at),
                related: diagnostic
                    .related
                    .iter()
                    .map(|related| JsonRelated {
                        file: location::path(model, related.at),
                        range: location::range(model, related.at),
                        message: &related.message,
                    })
                    .collect(),
            })
            .collect(),
        summary: Summary {
            errors: counts.errors,
            warnings: counts.warnings,
            files: model.files.len(),
        },
    };
    serde_json::to_writer_pretty(&mut *out, &report)?;
    writeln!(out)
}
