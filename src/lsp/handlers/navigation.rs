//! `textDocument/definition`, `declaration`, `references` and
//! `documentHighlight`: the places a name leads to, in any file.

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::request::{GotoDeclarationParams, GotoDeclarationResponse};
use tower_lsp_server::ls_types::{
    DocumentHighlight, DocumentHighlightKind, DocumentHighlightParams, GotoDefinitionParams,
    GotoDefinitionResponse, Location, ReferenceParams,
};

use crate::base::{FileId, FileSpan};
use crate::ide::{self, Definition, HighlightKind};
use crate::lsp::server::Server;
use crate::model::Model;

pub(crate) async fn definition(
    server: &Server,
    params: GotoDefinitionParams,
) -> Result<Option<GotoDefinitionResponse>> {
    go_to(
        server,
        "textDocument/definition",
        params,
        ide::goto_definition,
    )
    .await
}

pub(crate) async fn declaration(
    server: &Server,
    params: GotoDeclarationParams,
) -> Result<Option<GotoDeclarationResponse>> {
    go_to(
        server,
        "textDocument/declaration",
        params,
        ide::goto_declaration,
    )
    .await
}

/// The name of the definition that `find` finds at the position.
async fn go_to(
    server: &Server,
    method: &'static str,
    params: GotoDefinitionParams,
    find: fn(&Model, FileId, usize) -> Option<Definition>,
) -> Result<Option<GotoDefinitionResponse>> {
    let at = params.text_document_position_params;
    server
        .on_document(method, &at.text_document.uri, move |snapshot, file| {
            let offset = snapshot.offset(file, at.position);
            let found = find(&snapshot.model, file, offset)?;
            Some(GotoDefinitionResponse::Scalar(
                snapshot.location(found.target.focus),
            ))
        })
        .await
}

pub(crate) async fn references(
    server: &Server,
    params: ReferenceParams,
) -> Result<Option<Vec<Location>>> {
    let at = params.text_document_position;
    let include_declaration = params.context.include_declaration;
    server
        .on_document(
            "textDocument/references",
            &at.text_document.uri,
            move |snapshot, file| {
                let offset = snapshot.offset(file, at.position);
                let places =
                    ide::find_references(&snapshot.model, file, offset, include_declaration)?;
                Some(places.into_iter().map(|at| snapshot.location(at)).collect())
            },
        )
        .await
}

pub(crate) async fn highlight(
    server: &Server,
    params: DocumentHighlightParams,
) -> Result<Option<Vec<DocumentHighlight>>> {
    let at = params.text_document_position_params;
    server
        .on_document(
            "textDocument/documentHighlight",
            &at.text_document.uri,
            move |snapshot, file| {
                let offset = snapshot.offset(file, at.position);
                let highlights = ide::highlight(&snapshot.model, file, offset)
                    .into_iter()
                    .map(|highlight| DocumentHighlight {
                        range: snapshot.range(FileSpan::new(file, highlight.span)),
                        kind: Some(match highlight.kind {
                            HighlightKind::Definition => DocumentHighlightKind::WRITE,
                            HighlightKind::Reference => DocumentHighlightKind::READ,
                        }),
                    })
                    .collect();
                Some(highlights)
            },
        )
        .await
}
