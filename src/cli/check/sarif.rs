//! `pgm check --format sarif`: a SARIF 2.1.0 log for code-scanning services.

use std::io::{self, Write};

use serde::Serialize;

use crate::base::{Code, Diagnostic, FileSpan, Severity};
use crate::cli::location;
use crate::model::Model;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
/// The project has no public address yet, so links point into the source
/// tree, relative to its root.
const INFORMATION_URI: &str = "README.md";
const DIAGNOSTICS_DOC: &str = "docs/diagnostics.md";

#[derive(Serialize)]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    column_kind: &'static str,
    results: Vec<SarifResult>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    information_uri: &'static str,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: &'static str,
    short_description: Text,
    help_uri: String,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: [Location; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

/// Lines and UTF-16 columns from 1; the end column is just past the end.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: u32,
    start_column: u32,
    end_line: u32,
    end_column: u32,
}

pub fn write(model: &Model, diagnostics: &[Diagnostic], out: &mut dyn Write) -> io::Result<()> {
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "pgm",
                    version: env!("CARGO_PKG_VERSION"),
                    information_uri: INFORMATION_URI,
                    rules: Code::ALL.iter().map(|&code| rule(code)).collect(),
                },
            },
            column_kind: "utf16CodeUnits",
            results: diagnostics
                .iter()
                .map(|diagnostic| result(model, diagnostic))
                .collect(),
        }],
    };
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

fn rule(code: Code) -> Rule {
    Rule {
        id: code.as_str(),
        short_description: Text {
            text: code.summary().to_string(),
        },
        help_uri: format!("{DIAGNOSTICS_DOC}#{}", code.as_str()),
        default_configuration: Configuration {
            level: level(code.severity()),
        },
    }
}

fn result(model: &Model, diagnostic: &Diagnostic) -> SarifResult {
    SarifResult {
        rule_id: diagnostic.code.as_str(),
        rule_index: Code::ALL
            .iter()
            .position(|&code| code == diagnostic.code)
            .unwrap_or_default(),
        level: level(diagnostic.severity),
        message: Text {
            text: diagnostic.message.clone(),
        },
        locations: [Location {
            id: None,
            physical_location: physical_location(model, diagnostic.at),
            message: None,
        }],
        related_locations: diagnostic
            .related
            .iter()
            .enumerate()
            .map(|(index, related)| Location {
                id: Some(index),
                physical_location: physical_location(model, related.at),
                message: Some(Text {
                    text: related.message.clone(),
                }),
            })
            .collect(),
    }
}

/// SARIF knows no hints: they, like infos, are notes.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Hint => "note",
    }
}

fn physical_location(model: &Model, at: FileSpan) -> PhysicalLocation {
    let range = location::range(model, at);
    PhysicalLocation {
        artifact_location: ArtifactLocation {
            uri: uri_reference(location::path(model, at)),
        },
        region: Region {
            start_line: range.start.line + 1,
            start_column: range.start.character + 1,
            end_line: range.end.line + 1,
            end_column: range.end.character + 1,
        },
    }
}

/// A path as a URI reference: relative paths stay relative, absolute ones
/// become `file:` URIs, and anything that is not plainly safe is escaped.
fn uri_reference(path: &str) -> String {
    let mut uri = String::with_capacity(path.len());
    if path.starts_with('/') {
        uri.push_str("file://");
    }
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            uri.push(byte as char);
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri
}

#[cfg(test)]
mod tests {
    use super::uri_reference;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(
            uri_reference("examples/portfolio/atlas.pgm"),
            "examples/portfolio/atlas.pgm"
        );
        assert_eq!(
            uri_reference("/home/me/Q3 plans/é.pgm"),
            "file:///home/me/Q3%20plans/%C3%A9.pgm"
        );
    }
}
