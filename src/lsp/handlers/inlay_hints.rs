//! `textDocument/inlayHint`: computed dates after a duration, slack after
//! a project's title.

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::{InlayHint, InlayHintLabel, InlayHintParams};

use crate::ide;
use crate::lsp::convert::span;
use crate::lsp::server::Server;

pub(crate) async fn inlay_hints(
    server: &Server,
    params: InlayHintParams,
) -> Result<Option<Vec<InlayHint>>> {
    let range = params.range;
    server
        .on_document(
            "textDocument/inlayHint",
            &params.text_document.uri,
            move |snapshot, file| {
                let range = span(snapshot, file, range);
                let hints =
                    ide::inlay_hints(&snapshot.model, &snapshot.analysis, file, Some(range))
                        .into_iter()
                        .map(|hint| InlayHint {
                            position: snapshot.position(file, hint.offset),
                            label: InlayHintLabel::String(hint.label),
                            kind: None,
                            text_edits: None,
                            tooltip: None,
                            padding_left: Some(true),
                            padding_right: None,
                            data: None,
                        })
                        .collect();
                Some(hints)
            },
        )
        .await
}
