//! The checker's diagnostics as the protocol has them.

use std::str::FromStr;

use tower_lsp_server::ls_types::{
    self as lsp, CodeDescription, DiagnosticRelatedInformation, DiagnosticSeverity, DiagnosticTag,
    NumberOrString, Uri,
};

use crate::base::{Code, Diagnostic, Severity};
use crate::lsp::snapshot::Snapshot;

/// Names pgm as the source of its diagnostics.
pub(crate) const SOURCE: &str = "pgm";

/// Where each code is documented, under an anchor named after the code.
pub const DIAGNOSTICS_DOCUMENTATION: &str =
    "https://github.com/pgm-lang/pgm/blob/main/docs/diagnostics.md";

/// The diagnostics of every file of the snapshot, by `FileId` index.
pub(crate) fn by_file(snapshot: &Snapshot) -> Vec<Vec<lsp::Diagnostic>> {
    let mut files = vec![Vec::new(); snapshot.model.files.len()];
    for diagnostic in &snapshot.analysis.diagnostics {
        if let Some(file) = files.get_mut(diagnostic.at.file.index()) {
            file.push(to_protocol(snapshot, diagnostic));
        }
    }
    files
}

fn to_protocol(snapshot: &Snapshot, diagnostic: &Diagnostic) -> lsp::Diagnostic {
    let related: Vec<DiagnosticRelatedInformation> = diagnostic
        .related
        .iter()
        .map(|related| DiagnosticRelatedInformation {
            location: snapshot.location(related.at),
            message: related.message.clone(),
        })
        .collect();
    let tags = match diagnostic.code {
        Code::UnusedDefinition => Some(vec![DiagnosticTag::UNNECESSARY]),
        _ => None,
    };
    lsp::Diagnostic {
        range: snapshot.range(diagnostic.at),
        severity: Some(severity(diagnostic.severity)),
        code: Some(NumberOrString::String(diagnostic.code.as_str().to_string())),
        code_description: documentation(diagnostic.code),
        source: Some(SOURCE.to_string()),
        message: diagnostic.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        tags,
        data: None,
    }
}

fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
}

fn documentation(code: Code) -> Option<CodeDescription> {
    let href = format!("{DIAGNOSTICS_DOCUMENTATION}#{}", code.as_str());
    Uri::from_str(&href)
        .ok()
        .map(|href| CodeDescription { href })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_links_to_its_documentation() {
        for &code in Code::ALL {
            let link = documentation(code).map(|description| description.href.to_string());
            let expected = format!("{DIAGNOSTICS_DOCUMENTATION}#{}", code.as_str());
            assert_eq!(link, Some(expected));
        }
    }
}
