//! `textDocument/documentSymbol` and `workspace/symbol`.

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::{
    DocumentSymbol, DocumentSymbolParams, DocumentSymbolResponse, Location, SymbolInformation,
    WorkspaceSymbolParams, WorkspaceSymbolResponse,
};

use crate::base::{FileId, FileSpan};
use crate::ide;
use crate::lsp::convert::symbol_kind;
use crate::lsp::server::Server;
use crate::lsp::snapshot::Snapshot;
use crate::syntax::ast::ItemKind;

/// A tree (program → its items) for clients that take one, otherwise a
/// list in which each item names its program as its container.
pub(crate) async fn document_symbols(
    server: &Server,
    params: DocumentSymbolParams,
) -> Result<Option<DocumentSymbolResponse>> {
    let hierarchical = server.support().features.hierarchical_symbols;
    server
        .on_document(
            "textDocument/documentSymbol",
            &params.text_document.uri,
            move |snapshot, file| {
                let symbols = ide::document_symbols(&snapshot.model, file);
                Some(if hierarchical {
                    DocumentSymbolResponse::Nested(
                        symbols
                            .into_iter()
                            .map(|symbol| nested(snapshot, file, symbol))
                            .collect(),
                    )
                } else {
                    let mut flat = Vec::new();
                    for symbol in symbols {
                        flatten(snapshot, file, symbol, None, &mut flat);
                    }
                    DocumentSymbolResponse::Flat(flat)
                })
            },
        )
        .await
}

#[expect(deprecated, reason = "the protocol still requires the field")]
fn nested(snapshot: &Snapshot, file: FileId, symbol: ide::DocumentSymbol) -> DocumentSymbol {
    DocumentSymbol {
        name: symbol.name,
        detail: symbol.detail,
        kind: symbol_kind(symbol.kind),
        tags: None,
        deprecated: None,
        range: snapshot.range(FileSpan::new(file, symbol.full)),
        selection_range: snapshot.range(FileSpan::new(file, symbol.focus)),
        children: Some(
            symbol
                .children
                .into_iter()
                .map(|child| nested(snapshot, file, child))
                .collect(),
        ),
    }
}

fn flatten(
    snapshot: &Snapshot,
    file: FileId,
    symbol: ide::DocumentSymbol,
    container: Option<&str>,
    out: &mut Vec<SymbolInformation>,
) {
    let location = snapshot.location(FileSpan::new(file, symbol.full));
    out.push(information(
        symbol.name.clone(),
        symbol.kind,
        location,
        container,
    ));
    for child in symbol.children {
        flatten(snapshot, file, child, Some(&symbol.name), out);
    }
}

#[expect(deprecated, reason = "the protocol still requires the field")]
fn information(
    name: String,
    kind: ItemKind,
    location: Location,
    container: Option<&str>,
) -> SymbolInformation {
    SymbolInformation {
        name,
        kind: symbol_kind(kind),
        tags: None,
        deprecated: None,
        location,
        container_name: container.map(str::to_string),
    }
}

/// The definitions of the whole workspace that match the query, each
/// under its qualified name.
pub(crate) async fn workspace_symbols(
    server: &Server,
    params: WorkspaceSymbolParams,
) -> Result<Option<WorkspaceSymbolResponse>> {
    server
        .on_workspace("workspace/symbol", move |snapshot| {
            let found = ide::workspace_symbols(&snapshot.model, &params.query)
                .into_iter()
                .map(|target| {
                    information(
                        target.name,
                        target.kind,
                        snapshot.location(target.focus),
                        None,
                    )
                })
                .collect();
            Some(WorkspaceSymbolResponse::Flat(found))
        })
        .await
}
