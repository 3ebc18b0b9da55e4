//! What the client offers and what the server answers it can do.

use tower_lsp_server::ls_types::{
    ClientCapabilities, DiagnosticOptions, DiagnosticServerCapabilities, OneOf,
    PositionEncodingKind, ServerCapabilities, TextDocumentSyncCapability, TextDocumentSyncKind,
    TextDocumentSyncOptions, WorkspaceFoldersServerCapabilities, WorkspaceServerCapabilities,
};

use tower_lsp_server::ls_types::{
    CallHierarchyServerCapability, CodeLensOptions, DeclarationCapability,
    FoldingRangeProviderCapability, HoverProviderCapability, SelectionRangeProviderCapability,
};

use crate::base::PositionEncoding;
use crate::lsp::convert::FeatureSupport;
use crate::lsp::handlers::{code_actions, completion, rename, semantic_tokens};

/// The parts of the client's capabilities the server acts on.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub(crate) struct ClientSupport {
    /// The server may register a file watcher for `workspace/didChangeWatchedFiles`.
    pub watch_registration: bool,
    /// The server may register for `workspace/didChangeConfiguration`.
    pub configuration_registration: bool,
    /// The client answers `workspace/configuration`.
    pub configuration_request: bool,
    /// The client pulls diagnostics (`textDocument/diagnostic`) instead of
    /// being sent them.
    pub pull_diagnostics: bool,
    /// The client takes `workspace/diagnostic/refresh`.
    pub diagnostic_refresh: bool,
    /// The optional forms of answers the client takes.
    pub features: FeatureSupport,
}

impl ClientSupport {
    pub fn new(capabilities: &ClientCapabilities) -> ClientSupport {
        let workspace = capabilities.workspace.as_ref();
        let dynamic = |registration: Option<bool>| registration == Some(true);
        ClientSupport {
            watch_registration: dynamic(
                workspace
                    .and_then(|w| w.did_change_watched_files.as_ref())
                    .and_then(|w| w.dynamic_registration),
            ),
            configuration_registration: dynamic(
                workspace
                    .and_then(|w| w.did_change_configuration.as_ref())
                    .and_then(|c| c.dynamic_registration),
            ),
            configuration_request: workspace.and_then(|w| w.configuration) == Some(true),
            pull_diagnostics: capabilities
                .text_document
                .as_ref()
                .is_some_and(|t| t.diagnostic.is_some()),
            diagnostic_refresh: workspace
                .and_then(|w| w.diagnostics.as_ref())
                .and_then(|d| d.refresh_support)
                == Some(true),
            features: FeatureSupport::new(capabilities),
        }
    }
}

/// UTF-8 when the client offers it, for it needs no conversion; otherwise
/// UTF-16, which every client must support.
pub(crate) fn position_encoding(capabilities: &ClientCapabilities) -> PositionEncoding {
    let offered = capabilities
        .general
        .as_ref()
        .and_then(|general| general.position_encodings.as_deref())
        .unwrap_or_default();
    if offered.contains(&PositionEncodingKind::UTF8) {
        PositionEncoding::Utf8
    } else {
        PositionEncoding::Utf16
    }
}

fn encoding_kind(encoding: PositionEncoding) -> PositionEncodingKind {
    match encoding {
        PositionEncoding::Utf8 => PositionEncodingKind::UTF8,
        PositionEncoding::Utf16 => PositionEncodingKind::UTF16,
        PositionEncoding::Utf32 => PositionEncodingKind::UTF32,
    }
}

pub(crate) fn server_capabilities(
    encoding: PositionEncoding,
    support: ClientSupport,
) -> ServerCapabilities {
    let sync = TextDocumentSyncOptions {
        open_close: Some(true),
        change: Some(TextDocumentSyncKind::INCREMENTAL),
        ..TextDocumentSyncOptions::default()
    };
    let folders = WorkspaceFoldersServerCapabilities {
        supported: Some(true),
        change_notifications: Some(OneOf::Left(true)),
    };
    // Advertised only to a client that pulls: one that is also sent
    // diagnostics would show each twice.
    let pull_diagnostics = support.pull_diagnostics.then(|| {
        DiagnosticServerCapabilities::Options(DiagnosticOptions {
            identifier: Some(crate::lsp::diagnostics::SOURCE.to_string()),
            inter_file_dependencies: true,
            workspace_diagnostics: false,
            ..DiagnosticOptions::default()
        })
    });
    ServerCapabilities {
        position_encoding: Some(encoding_kind(encoding)),
        text_document_sync: Some(TextDocumentSyncCapability::Options(sync)),
        workspace: Some(WorkspaceServerCapabilities {
            workspace_folders: Some(folders),
            file_operations: None,
        }),
        diagnostic_provider: pull_diagnostics,
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        completion_provider: Some(completion::options()),
        definition_provider: Some(OneOf::Left(true)),
        declaration_provider: Some(DeclarationCapability::Simple(true)),
        references_provider: Some(OneOf::Left(true)),
        document_highlight_provider: Some(OneOf::Left(true)),
        rename_provider: Some(rename::options()),
        document_symbol_provider: Some(OneOf::Left(true)),
        workspace_symbol_provider: Some(OneOf::Left(true)),
        semantic_tokens_provider: Some(semantic_tokens::options()),
        document_formatting_provider: Some(OneOf::Left(true)),
        document_range_formatting_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(code_actions::options()),
        inlay_hint_provider: Some(OneOf::Left(true)),
        code_lens_provider: Some(CodeLensOptions {
            resolve_provider: Some(false),
        }),
        folding_range_provider: Some(FoldingRangeProviderCapability::Simple(true)),
        selection_range_provider: Some(SelectionRangeProviderCapability::Simple(true)),
        call_hierarchy_provider: Some(CallHierarchyServerCapability::Simple(true)),
        ..ServerCapabilities::default()
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn capabilities(value: serde_json::Value) -> ClientCapabilities {
        serde_json::from_value(value).unwrap()
    }

    #[test]
    fn utf8_is_chosen_when_offered() {
        let offered = capabilities(json!({"general": {"positionEncodings": ["utf-16", "utf-8"]}}));
        assert_eq!(position_encoding(&offered), PositionEncoding::Utf8);
    }

    #[test]
    fn utf16_is_the_fallback() {
        let utf32_only = capabilities(json!({"general": {"positionEncodings": ["utf-32"]}}));
        assert_eq!(position_encoding(&utf32_only), PositionEncoding::Utf16);
        assert_eq!(
            position_encoding(&capabilities(json!({}))),
            PositionEncoding::Utf16
        );
    }

    #[test]
    fn client_support_is_read_from_the_capabilities() {
        let client = capabilities(json!({
            "workspace": {
                "didChangeWatchedFiles": {"dynamicRegistration": true},
                "configuration": true,
                "diagnostics": {"refreshSupport": true}
            },
            "textDocument": {"diagnostic": {}}
        }));
        let expected = ClientSupport {
            watch_registration: true,
            configuration_registration: false,
            configuration_request: true,
            pull_diagnostics: true,
            diagnostic_refresh: true,
            features: FeatureSupport::default(),
        };
        assert_eq!(ClientSupport::new(&client), expected);
    }
}
