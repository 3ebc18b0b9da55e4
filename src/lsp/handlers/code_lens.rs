//! `textDocument/codeLens`: above each project, its dependents and risks,
//! and whether it is on the critical path. The lenses only inform: the
//! command to list their targets differs from editor to editor, so each
//! carries a title and no command.

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::{CodeLens, CodeLensParams, Command};

use crate::base::FileSpan;
use crate::ide;
use crate::lsp::server::Server;

pub(crate) async fn code_lenses(
    server: &Server,
    params: CodeLensParams,
) -> Result<Option<Vec<CodeLens>>> {
    server
        .on_document(
            "textDocument/codeLens",
            &params.text_document.uri,
            |snapshot, file| {
                let lenses = ide::code_lenses(&snapshot.model, &snapshot.analysis, file)
                    .into_iter()
                    .map(|lens| CodeLens {
                        range: snapshot.range(FileSpan::new(file, lens.span)),
                        command: Some(title_only(lens.title)),
                        data: None,
                    })
                    .collect();
                Some(lenses)
            },
        )
        .await
}

/// A command that does nothing: clients show a lens whose command has no
/// id as plain text.
fn title_only(title: String) -> Command {
    Command {
        title,
        command: String::new(),
        arguments: None,
    }
}
