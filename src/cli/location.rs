//! Where a span is, as the language server protocol counts: lines and
//! UTF-16 code units from 0.

use serde::Serialize;

use crate::base::{FileSpan, LineCol, PositionEncoding};
use crate::model::Model;

#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
pub struct Position {
    pub line: u32,
    pub character: u32,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
pub struct Range {
    pub start: Position,
    pub end: Position,
}

pub fn range(model: &Model, at: FileSpan) -> Range {
    let file = model.file(at.file);
    let position = |offset: usize| {
        let LineCol { line, col } =
            file.line_index()
                .line_col(&file.text, offset, PositionEncoding::Utf16);
        Position {
            line,
            character: col,
        }
    };
    Range {
        start: position(at.span.start()),
        end: position(at.span.end()),
    }
}

/// The file's path as it was given on the command line.
pub fn path(model: &Model, at: FileSpan) -> &str {
    &model.file(at.file).path
}
