//! Lowering of all files of a workspace into one semantic model: the
//! definitions, one name table, resolved references and typed values.

mod def;

use std::sync::Arc;

pub use def::*;

use crate::base::{Diagnostic, FileId, LineIndex};
use crate::syntax::{self, Parse};

/// One source file: its path as given, its text, and its syntax.
#[derive(Debug)]
pub struct ParsedFile {
    pub path: String,
    pub text: String,
    pub line_index: LineIndex,
    pub parse: Parse,
}

impl ParsedFile {
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> ParsedFile {
        let text = text.into();
        ParsedFile {
            path: path.into(),
            line_index: LineIndex::new(&text),
            parse: syntax::parse(&text),
            text,
        }
    }
}

/// The whole workspace, understood.
#[derive(Debug)]
pub struct Model {
    /// By `FileId` index.
    pub files: Vec<Arc<ParsedFile>>,
    /// By `DefId` index, in file order and text order within a file.
    pub defs: Vec<Def>,
    /// By `RefId` index.
    pub refs: Vec<Reference>,
    /// Syntax errors and what lowering and resolution found.
    pub diagnostics: Vec<Diagnostic>,
}

impl Model {
    pub fn file(&self, id: FileId) -> &ParsedFile {
        &self.files[id.index()]
    }

    pub fn def(&self, id: DefId) -> &Def {
        &self.defs[id.index()]
    }

    pub fn reference(&self, id: RefId) -> &Reference {
        &self.refs[id.index()]
    }
}
