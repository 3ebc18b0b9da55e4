//! One consistent view of the workspace for request handlers: the model and
//! its analysis as of one generation of the store, the documents they were
//! built from, and the conversions between protocol positions and the byte
//! offsets the rest of pgm speaks.

use std::collections::HashMap;
use std::sync::Arc;

use tower_lsp_server::ls_types::{self as lsp, Location, Position, Range, Uri};

use crate::analysis::Analysis;
use crate::base::{FileId, FileSpan, LineCol, PositionEncoding};
use crate::model::Model;

#[derive(Debug)]
pub struct Snapshot {
    /// The store generation the model was built from.
    pub generation: u64,
    pub model: Arc<Model>,
    pub analysis: Arc<Analysis>,
    encoding: PositionEncoding,
    /// By `FileId` index.
    documents: Vec<SnapshotDocument>,
    by_uri: HashMap<Uri, FileId>,
}

#[derive(Debug)]
pub(crate) struct SnapshotDocument {
    pub uri: Uri,
    /// The editor's version for an open document.
    pub version: Option<i32>,
    pub diagnostics: Vec<lsp::Diagnostic>,
}

impl Snapshot {
    /// `documents` names the model's files, in `FileId` order.
    pub(crate) fn new(
        generation: u64,
        encoding: PositionEncoding,
        model: Arc<Model>,
        analysis: Arc<Analysis>,
        documents: Vec<(Uri, Option<i32>)>,
    ) -> Snapshot {
        let by_uri = documents
            .iter()
            .enumerate()
            .map(|(index, (uri, _))| (uri.clone(), FileId(index as u32)))
            .collect();
        let documents = documents
            .into_iter()
            .map(|(uri, version)| SnapshotDocument {
                uri,
                version,
                diagnostics: Vec::new(),
            })
            .collect();
        let mut snapshot = Snapshot {
            generation,
            model,
            analysis,
            encoding,
            documents,
            by_uri,
        };
        let diagnostics = crate::lsp::diagnostics::by_file(&snapshot);
        for (document, diagnostics) in snapshot.documents.iter_mut().zip(diagnostics) {
            document.diagnostics = diagnostics;
        }
        snapshot
    }

    /// The file a URI names, in any spelling of it.
    pub fn file_id(&self, uri: &Uri) -> Option<FileId> {
        self.by_uri.get(&crate::lsp::uri::normalize(uri)).copied()
    }

    pub fn uri(&self, file: FileId) -> &Uri {
        &self.documents[file.index()].uri
    }

    /// The editor's version of the document, when it is open.
    pub fn version(&self, file: FileId) -> Option<i32> {
        self.documents[file.index()].version
    }

    pub fn encoding(&self) -> PositionEncoding {
        self.encoding
    }

    /// The byte offset of a protocol position, clamped to the text.
    pub fn offset(&self, file: FileId, position: Position) -> usize {
        let parsed = self.model.file(file);
        let position = LineCol {
            line: position.line,
            col: position.character,
        };
        parsed
            .line_index()
            .offset(&parsed.text, position, self.encoding)
    }

    pub fn position(&self, file: FileId, offset: usize) -> Position {
        let parsed = self.model.file(file);
        let position = parsed
            .line_index()
            .line_col(&parsed.text, offset, self.encoding);
        Position::new(position.line, position.col)
    }

    pub fn range(&self, at: FileSpan) -> Range {
        Range::new(
            self.position(at.file, at.span.start()),
            self.position(at.file, at.span.end()),
        )
    }

    pub fn location(&self, at: FileSpan) -> Location {
        Location::new(self.uri(at.file).clone(), self.range(at))
    }

    pub(crate) fn documents(&self) -> impl Iterator<Item = &SnapshotDocument> {
        self.documents.iter()
    }

    pub(crate) fn diagnostics(&self, file: FileId) -> &[lsp::Diagnostic] {
        &self.documents[file.index()].diagnostics
    }
}
