//! The handlers, one file per group of protocol methods.

use std::path::Path;

use tower_lsp_server::ls_types::MessageType;

use crate::lsp::server::Server;
use crate::workspace::read_source;

pub(crate) mod call_hierarchy;
pub(crate) mod code_actions;
pub(crate) mod code_lens;
pub(crate) mod completion;
pub(crate) mod configuration;
pub mod debug;
pub(crate) mod diagnostics;
pub(crate) mod folding_selection;
pub(crate) mod formatting;
pub(crate) mod hover;
pub(crate) mod inlay_hints;
pub(crate) mod lifecycle;
pub(crate) mod navigation;
pub(crate) mod rename;
pub(crate) mod semantic_tokens;
pub(crate) mod symbols;
pub(crate) mod text_sync;
pub(crate) mod workspace;

/// The text of a workspace file on disk, or a warning to the client that
/// says why there is none.
fn read_or_warn(server: &Server, path: &Path) -> Option<String> {
    read_source(path)
        .inspect_err(|error| server.log(MessageType::WARNING, error.to_string()))
        .ok()
}
