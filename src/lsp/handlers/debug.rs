//! `pgm/documentText`, a debugging aid: the text the server holds for a
//! document (the editor's while it is open, the file's otherwise), to
//! compare with what the editor shows.

use serde::Deserialize;
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::Uri;

use crate::lsp::server::{Server, unknown_document};
use crate::lsp::uri;

/// The method's name; its parameters are `{"uri": ...}` and its result the text.
pub const DOCUMENT_TEXT_METHOD: &str = "pgm/documentText";

#[derive(Debug, Deserialize)]
pub struct DocumentTextParams {
    pub uri: Uri,
}

impl Server {
    pub(crate) async fn document_text(&self, params: DocumentTextParams) -> Result<String> {
        self.store()
            .text(&uri::normalize(&params.uri))
            .ok_or_else(|| unknown_document(&params.uri))
    }
}
