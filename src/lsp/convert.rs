//! Conversions that several feature handlers share: from the byte spans and
//! plain values of `crate::ide` to protocol types, in the forms the client
//! said it takes. Positions themselves are converted by the [`Snapshot`].

use std::collections::HashMap;

use tower_lsp_server::jsonrpc::{Error, ErrorCode};
use tower_lsp_server::ls_types::{
    self as lsp, ClientCapabilities, DocumentChanges, OneOf,
    OptionalVersionedTextDocumentIdentifier, SymbolKind, TextDocumentEdit, WorkspaceEdit,
};

use crate::base::{FileId, FileSpan, Span};
use crate::ide::{SourceChange, TextEdit};
use crate::lsp::snapshot::Snapshot;
use crate::syntax::ast::ItemKind;

/// The optional forms of answers the client takes.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub(crate) struct FeatureSupport {
    /// Completion items may be snippets (`${1:name}`).
    pub snippets: bool,
    /// Workspace edits may name the document versions they apply to.
    pub document_changes: bool,
    /// A semantic token may span lines.
    pub multiline_tokens: bool,
    /// Document symbols may nest.
    pub hierarchical_symbols: bool,
}

impl FeatureSupport {
    pub fn new(capabilities: &ClientCapabilities) -> FeatureSupport {
        let text_document = capabilities.text_document.as_ref();
        let yes = |flag: Option<bool>| flag == Some(true);
        FeatureSupport {
            snippets: yes(text_document
                .and_then(|t| t.completion.as_ref())
                .and_then(|c| c.completion_item.as_ref())
                .and_then(|item| item.snippet_support)),
            document_changes: yes(capabilities
                .workspace
                .as_ref()
                .and_then(|w| w.workspace_edit.as_ref())
                .and_then(|edit| edit.document_changes)),
            multiline_tokens: yes(text_document
                .and_then(|t| t.semantic_tokens.as_ref())
                .and_then(|tokens| tokens.multiline_token_support)),
            hierarchical_symbols: yes(text_document
                .and_then(|t| t.document_symbol.as_ref())
                .and_then(|symbols| symbols.hierarchical_document_symbol_support)),
        }
    }
}

/// The protocol's answer to a request it understood but cannot carry out
/// (a rename to a keyword, formatting text that does not parse); the
/// message is for the user.
pub(crate) fn request_failed(message: impl Into<String>) -> Error {
    Error {
        code: ErrorCode::ServerError(lsp::error_codes::REQUEST_FAILED),
        message: message.into().into(),
        data: None,
    }
}

/// How a definition of `kind` shows in outlines, symbol searches and the
/// call hierarchy.
pub(crate) fn symbol_kind(kind: ItemKind) -> SymbolKind {
    match kind {
        ItemKind::Calendar => SymbolKind::OBJECT,
        ItemKind::Person => SymbolKind::VARIABLE,
        ItemKind::Team => SymbolKind::STRUCT,
        ItemKind::Program => SymbolKind::NAMESPACE,
        ItemKind::Project => SymbolKind::CLASS,
        ItemKind::Milestone => SymbolKind::EVENT,
        ItemKind::Risk => SymbolKind::INTERFACE,
        ItemKind::Stakeholder => SymbolKind::CONSTANT,
        ItemKind::Benefit => SymbolKind::FIELD,
    }
}

/// The bytes a protocol range covers, its ends in order.
pub(crate) fn span(snapshot: &Snapshot, file: FileId, range: lsp::Range) -> Span {
    let start = snapshot.offset(file, range.start);
    let end = snapshot.offset(file, range.end);
    Span::new(start.min(end), start.max(end))
}

pub(crate) fn text_edits(
    snapshot: &Snapshot,
    file: FileId,
    edits: &[TextEdit],
) -> Vec<lsp::TextEdit> {
    edits
        .iter()
        .map(|edit| lsp::TextEdit {
            range: snapshot.range(FileSpan::new(file, edit.span)),
            new_text: edit.new_text.clone(),
        })
        .collect()
}

/// A change as one workspace edit: by document with the version each edit
/// was made against when the client can check versions, by URI otherwise.
pub(crate) fn workspace_edit(
    snapshot: &Snapshot,
    change: &SourceChange,
    support: FeatureSupport,
) -> WorkspaceEdit {
    let by_file = change
        .files
        .iter()
        .filter(|(_, edits)| !edits.is_empty())
        .map(|(&file, edits)| (file, text_edits(snapshot, file, edits)));
    if support.document_changes {
        let documents = by_file
            .map(|(file, edits)| TextDocumentEdit {
                text_document: OptionalVersionedTextDocumentIdentifier {
                    uri: snapshot.uri(file).clone(),
                    version: snapshot.version(file),
                },
                edits: edits.into_iter().map(OneOf::Left).collect(),
            })
            .collect();
        WorkspaceEdit {
            document_changes: Some(DocumentChanges::Edits(documents)),
            ..WorkspaceEdit::default()
        }
    } else {
        let changes: HashMap<lsp::Uri, Vec<lsp::TextEdit>> = by_file
            .map(|(file, edits)| (snapshot.uri(file).clone(), edits))
            .collect();
        WorkspaceEdit {
            changes: Some(changes),
            ..WorkspaceEdit::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn support_is_read_from_the_capabilities() {
        let capabilities: ClientCapabilities = serde_json::from_value(json!({
            "workspace": {"workspaceEdit": {"documentChanges": true}},
            "textDocument": {
                "completion": {"completionItem": {"snippetSupport": true}},
                "semanticTokens": {
                    "multilineTokenSupport": false,
                    "requests": {}, "tokenTypes": [], "tokenModifiers": [], "formats": []
                },
                "documentSymbol": {"hierarchicalDocumentSymbolSupport": true}
            }
        }))
        .unwrap();
        let expected = FeatureSupport {
            snippets: true,
            document_changes: true,
            multiline_tokens: false,
            hierarchical_symbols: true,
        };
        assert_eq!(FeatureSupport::new(&capabilities), expected);
        assert_eq!(
            FeatureSupport::new(&ClientCapabilities::default()),
            FeatureSupport::default()
        );
    }

    #[test]
    fn a_failed_request_has_the_protocols_code() {
        let error = request_failed("no");
        assert_eq!(error.code.code(), -32803);
    }
}
