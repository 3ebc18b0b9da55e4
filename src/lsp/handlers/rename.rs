//! `textDocument/prepareRename` and `textDocument/rename`. A name that
//! cannot be renamed, or a new name that is not one, is refused with the
//! reason, which editors show to the user.

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::{
    OneOf, PrepareRenameResponse, RenameOptions, RenameParams, TextDocumentPositionParams,
    WorkDoneProgressOptions, WorkspaceEdit,
};

use crate::base::FileSpan;
use crate::ide;
use crate::lsp::convert::{request_failed, workspace_edit};
use crate::lsp::server::Server;

pub(crate) fn options() -> OneOf<bool, RenameOptions> {
    OneOf::Right(RenameOptions {
        prepare_provider: Some(true),
        work_done_progress_options: WorkDoneProgressOptions::default(),
    })
}

pub(crate) async fn prepare_rename(
    server: &Server,
    params: TextDocumentPositionParams,
) -> Result<Option<PrepareRenameResponse>> {
    server
        .on_document(
            "textDocument/prepareRename",
            &params.text_document.uri,
            move |snapshot, file| {
                let offset = snapshot.offset(file, params.position);
                let name = ide::prepare_rename(&snapshot.model, file, offset)?;
                Ok(Some(PrepareRenameResponse::RangeWithPlaceholder {
                    range: snapshot.range(FileSpan::new(file, name.span)),
                    placeholder: name.text,
                }))
            },
        )
        .await?
        .map_err(|refusal: ide::RenameError| request_failed(refusal.0))
}

pub(crate) async fn rename(server: &Server, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
    let at = params.text_document_position;
    let new_name = params.new_name;
    let support = server.support().features;
    server
        .on_document(
            "textDocument/rename",
            &at.text_document.uri,
            move |snapshot, file| {
                let offset = snapshot.offset(file, at.position);
                let change = ide::rename(&snapshot.model, file, offset, &new_name)?;
                Ok(Some(workspace_edit(snapshot, &change, support)))
            },
        )
        .await?
        .map_err(|refusal: ide::RenameError| request_failed(refusal.0))
}
