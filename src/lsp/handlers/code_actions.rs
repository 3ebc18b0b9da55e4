//! `textDocument/codeAction`: the quick fixes for the diagnostics in the
//! range, and `source.fixAll` for the unambiguous fixes of the document,
//! each carrying the diagnostics it fixes.

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::{
    self as lsp, CodeActionKind, CodeActionOptions, CodeActionOrCommand, CodeActionParams,
    CodeActionProviderCapability, CodeActionResponse,
};

use crate::base::{Diagnostic, FileId};
use crate::ide::{self, ActionKind};
use crate::lsp::convert::{FeatureSupport, span, workspace_edit};
use crate::lsp::server::Server;
use crate::lsp::snapshot::Snapshot;

pub(crate) fn options() -> CodeActionProviderCapability {
    CodeActionProviderCapability::Options(CodeActionOptions {
        code_action_kinds: Some(vec![
            CodeActionKind::QUICKFIX,
            CodeActionKind::SOURCE_FIX_ALL,
        ]),
        resolve_provider: Some(false),
        ..CodeActionOptions::default()
    })
}

pub(crate) async fn code_actions(
    server: &Server,
    params: CodeActionParams,
) -> Result<Option<CodeActionResponse>> {
    let support = server.support().features;
    let range = params.range;
    let only = params.context.only;
    server
        .on_document(
            "textDocument/codeAction",
            &params.text_document.uri,
            move |snapshot, file| {
                let wanted = |kind: &CodeActionKind| {
                    only.as_ref()
                        .is_none_or(|only| only.iter().any(|requested| covers(requested, kind)))
                };
                let (model, analysis) = (&snapshot.model, &snapshot.analysis);
                let mut actions = Vec::new();
                if wanted(&CodeActionKind::QUICKFIX) {
                    let range = span(snapshot, file, range);
                    actions.extend(ide::code_actions(model, analysis, file, range));
                }
                if wanted(&CodeActionKind::SOURCE_FIX_ALL) {
                    actions.extend(ide::fix_all(model, analysis, file));
                }
                let actions = actions
                    .into_iter()
                    .map(|action| {
                        CodeActionOrCommand::CodeAction(to_protocol(
                            snapshot, file, action, support,
                        ))
                    })
                    .collect();
                Some(actions)
            },
        )
        .await
}

/// Whether a client asking for `requested` actions wants those of `kind`:
/// kinds are dotted paths, and `source` asks for `source.fixAll` too.
fn covers(requested: &CodeActionKind, kind: &CodeActionKind) -> bool {
    let (requested, kind) = (requested.as_str(), kind.as_str());
    kind.strip_prefix(requested)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
}

fn to_protocol(
    snapshot: &Snapshot,
    file: FileId,
    action: ide::CodeAction,
    support: FeatureSupport,
) -> lsp::CodeAction {
    lsp::CodeAction {
        title: action.title,
        kind: Some(match action.kind {
            ActionKind::QuickFix => CodeActionKind::QUICKFIX,
            ActionKind::FixAll => CodeActionKind::SOURCE_FIX_ALL,
        }),
        diagnostics: Some(published(snapshot, file, &action.diagnostics)),
        edit: Some(workspace_edit(snapshot, &action.change, support)),
        command: None,
        is_preferred: action.preferred.then_some(true),
        disabled: None,
        data: None,
    }
}

/// The diagnostics of `file` as they were published, for those in `fixed`.
/// The snapshot keeps the published diagnostics of a file in the order of
/// the analysis's diagnostics of that file.
fn published(snapshot: &Snapshot, file: FileId, fixed: &[Diagnostic]) -> Vec<lsp::Diagnostic> {
    snapshot
        .analysis
        .diagnostics
        .iter()
        .filter(|diagnostic| diagnostic.at.file == file)
        .zip(snapshot.diagnostics(file))
        .filter(|(diagnostic, _)| fixed.contains(diagnostic))
        .map(|(_, published)| published.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kind_covers_itself_and_its_sub_kinds() {
        let covers = |requested: &'static str, kind: &'static str| {
            covers(&CodeActionKind::new(requested), &CodeActionKind::new(kind))
        };
        assert!(covers("source", "source.fixAll"));
        assert!(covers("source.fixAll", "source.fixAll"));
        assert!(covers("quickfix", "quickfix"));
        assert!(!covers("source.fix", "source.fixAll"));
        assert!(!covers("quickfix", "source.fixAll"));
        assert!(!covers("source.fixAll", "source"));
    }
}
