//! `textDocument/foldingRange` and `textDocument/selectionRange`.

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::{
    FoldingRange, FoldingRangeKind, FoldingRangeParams, SelectionRange, SelectionRangeParams,
};

use crate::base::{FileId, FileSpan, Span};
use crate::ide::{self, FoldKind};
use crate::lsp::server::Server;
use crate::lsp::snapshot::Snapshot;

/// Whole lines: an item's body from the line of its `{` to the line before
/// its `}`, so that the closing brace stays in sight; a comment to its
/// last line. A fold of one line is no fold.
pub(crate) async fn folding_ranges(
    server: &Server,
    params: FoldingRangeParams,
) -> Result<Option<Vec<FoldingRange>>> {
    server
        .on_document(
            "textDocument/foldingRange",
            &params.text_document.uri,
            |snapshot, file| {
                let folds = ide::folding_ranges(&snapshot.model, file)
                    .into_iter()
                    .filter_map(|fold| {
                        let start = snapshot.position(file, fold.span.start()).line;
                        let last = snapshot.position(file, fold.span.end()).line;
                        let (end, kind) = match fold.kind {
                            FoldKind::Body => (last.saturating_sub(1), None),
                            FoldKind::Comment => (last, Some(FoldingRangeKind::Comment)),
                        };
                        (end > start).then_some(FoldingRange {
                            start_line: start,
                            start_character: None,
                            end_line: end,
                            end_character: None,
                            kind,
                            collapsed_text: None,
                        })
                    })
                    .collect();
                Some(folds)
            },
        )
        .await
}

/// For each position, the spans around it from the innermost out.
pub(crate) async fn selection_ranges(
    server: &Server,
    params: SelectionRangeParams,
) -> Result<Option<Vec<SelectionRange>>> {
    let positions = params.positions;
    server
        .on_document(
            "textDocument/selectionRange",
            &params.text_document.uri,
            move |snapshot, file| {
                let ranges = positions
                    .into_iter()
                    .map(|position| {
                        let offset = snapshot.offset(file, position);
                        let spans = ide::selection_ranges(&snapshot.model, file, offset);
                        // The protocol wants a range for every position.
                        nested(snapshot, file, &spans).unwrap_or_else(|| SelectionRange {
                            range: snapshot.range(FileSpan::new(file, Span::empty(offset))),
                            parent: None,
                        })
                    })
                    .collect();
                Some(ranges)
            },
        )
        .await
}

/// The first span, inside the rest.
fn nested(snapshot: &Snapshot, file: FileId, innermost_first: &[Span]) -> Option<SelectionRange> {
    let (first, outer) = innermost_first.split_first()?;
    Some(SelectionRange {
        range: snapshot.range(FileSpan::new(file, *first)),
        parent: nested(snapshot, file, outer).map(Box::new),
    })
}
