//! `textDocument/formatting` and `rangeFormatting` with the canonical
//! formatter. The client's formatting options do not apply: there is one
//! layout. Text that does not parse is refused with the first error.

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::{
    DocumentFormattingParams, DocumentRangeFormattingParams, TextEdit,
};

use crate::ide;
use crate::lsp::convert::{request_failed, span, text_edits};
use crate::lsp::server::Server;
use crate::syntax::format::FormatError;

pub(crate) async fn format(
    server: &Server,
    params: DocumentFormattingParams,
) -> Result<Option<Vec<TextEdit>>> {
    server
        .on_document(
            "textDocument/formatting",
            &params.text_document.uri,
            |snapshot, file| {
                let edits = ide::format(&snapshot.model, file)?;
                Ok(Some(text_edits(snapshot, file, &edits)))
            },
        )
        .await?
        .map_err(|error: FormatError| request_failed(error.to_string()))
}

pub(crate) async fn format_range(
    server: &Server,
    params: DocumentRangeFormattingParams,
) -> Result<Option<Vec<TextEdit>>> {
    let range = params.range;
    server
        .on_document(
            "textDocument/rangeFormatting",
            &params.text_document.uri,
            move |snapshot, file| {
                let edits = ide::format_range(&snapshot.model, file, span(snapshot, file, range))?;
                Ok(Some(text_edits(snapshot, file, &edits)))
            },
        )
        .await?
        .map_err(|error: FormatError| request_failed(error.to_string()))
}
