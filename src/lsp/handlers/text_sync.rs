//! `textDocument/didOpen`, `didChange` and `didClose`.
//!
//! The order of edits is a guarantee of the design, not of luck. The
//! transport reads messages one at a time and makes a handler future for
//! each in the order they arrive; it may run up to four of them at once,
//! but polls each new one for the first time in arrival order, on the one
//! task that serves the connection. These handlers are plain functions,
//! not `async`: they lock the store, change it and unlock it within that
//! first poll, before any other handler can run. So each edit lands after
//! the one the client sent before it, whatever the other handlers are
//! waiting for. (Funnelling changes through a channel to one task would
//! rely on the same first-poll order for its sends, and add a queue.)

use tower_lsp_server::ls_types::{
    DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams, MessageType,
};

use super::read_or_warn;
use crate::lsp::server::Server;
use crate::lsp::uri;

pub(crate) fn did_open(server: &Server, params: DidOpenTextDocumentParams) {
    let document = params.text_document;
    let uri = uri::normalize(&document.uri);
    server.store().open(uri, document.version, &document.text);
    server.changed();
}

pub(crate) fn did_change(server: &Server, params: DidChangeTextDocumentParams) {
    let document = params.text_document;
    let uri = uri::normalize(&document.uri);
    let changed = server
        .store()
        .change(&uri, document.version, &params.content_changes);
    match changed {
        Ok(()) => server.changed(),
        Err(_) => server.log(
            MessageType::ERROR,
            format!(
                "ignored a change to {}, which is not open",
                uri::display_name(&uri)
            ),
        ),
    }
}

/// A closed document falls back to its text on disk, read now: the file
/// may have been saved, and not every client reports that.
pub(crate) fn did_close(server: &Server, params: DidCloseTextDocumentParams) {
    let uri = uri::normalize(&params.text_document.uri);
    let path = uri::file_path(&uri)
        .filter(|path| uri::is_source(path) && server.store().in_workspace(path));
    let disk_text = path.as_deref().and_then(|path| read_or_warn(server, path));
    server.store().close(&uri, path.as_deref(), disk_text);
    server.changed();
}
