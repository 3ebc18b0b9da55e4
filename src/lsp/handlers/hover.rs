//! `textDocument/hover`.

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::{Hover, HoverContents, HoverParams, MarkupContent, MarkupKind};

use crate::base::FileSpan;
use crate::ide;
use crate::lsp::server::Server;

pub(crate) async fn hover(server: &Server, params: HoverParams) -> Result<Option<Hover>> {
    let at = params.text_document_position_params;
    server
        .on_document(
            "textDocument/hover",
            &at.text_document.uri,
            move |snapshot, file| {
                let offset = snapshot.offset(file, at.position);
                let found = ide::hover(&snapshot.model, &snapshot.analysis, file, offset)?;
                Some(Hover {
                    contents: HoverContents::Markup(MarkupContent {
                        kind: MarkupKind::Markdown,
                        value: found.markdown,
                    }),
                    range: Some(snapshot.range(FileSpan::new(file, found.span))),
                })
            },
        )
        .await
}
