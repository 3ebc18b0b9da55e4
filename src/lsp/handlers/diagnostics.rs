//! `textDocument/diagnostic`: diagnostics pulled by the client, with a
//! result id so that an unchanged result is not sent again.

use std::hash::{DefaultHasher, Hash, Hasher};

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::{
    Diagnostic, DocumentDiagnosticParams, DocumentDiagnosticReport, DocumentDiagnosticReportResult,
    FullDocumentDiagnosticReport, RelatedFullDocumentDiagnosticReport,
    RelatedUnchangedDocumentDiagnosticReport, UnchangedDocumentDiagnosticReport,
};

use crate::lsp::server::Server;

pub(crate) async fn document_diagnostic(
    server: &Server,
    params: DocumentDiagnosticParams,
) -> Result<DocumentDiagnosticReportResult> {
    let previous = params.previous_result_id;
    let uri = params.text_document.uri;
    server
        .on_document("textDocument/diagnostic", &uri, move |snapshot, file| {
            report(snapshot.diagnostics(file), previous.as_deref())
        })
        .await
}

fn report(
    items: &[Diagnostic],
    previous_result_id: Option<&str>,
) -> DocumentDiagnosticReportResult {
    let result_id = result_id(items);
    let report = if previous_result_id == Some(result_id.as_str()) {
        DocumentDiagnosticReport::Unchanged(RelatedUnchangedDocumentDiagnosticReport {
            related_documents: None,
            unchanged_document_diagnostic_report: UnchangedDocumentDiagnosticReport { result_id },
        })
    } else {
        DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport {
            related_documents: None,
            full_document_diagnostic_report: FullDocumentDiagnosticReport {
                result_id: Some(result_id),
                items: items.to_vec(),
            },
        })
    };
    DocumentDiagnosticReportResult::Report(report)
}

/// Names the content of a result: equal diagnostics, equal ids.
fn result_id(items: &[Diagnostic]) -> String {
    let mut hasher = DefaultHasher::new();
    serde_json::to_string(items)
        .unwrap_or_default()
        .hash(&mut hasher);
    format!("{:016x}", hasher.finish())
}
