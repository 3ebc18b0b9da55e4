//! The canonical layout of a file. Formatting works on the token stream,
//! comments included, so every comment is kept and no token is added,
//! dropped or reordered: only the whitespace between tokens changes.

mod layout;

use std::fmt;

use crate::base::{LineIndex, PositionEncoding, Span};
use crate::syntax::{SyntaxError, parse};

/// Why a file was not formatted: it has syntax errors, and formatting a
/// file the parser does not understand could change what it means.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct FormatError {
    /// The first syntax error of the file.
    pub first: SyntaxError,
    /// Where it is, one-based, for people.
    pub line: u32,
    pub column: u32,
    pub error_count: usize,
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let others = match self.error_count {
            0 | 1 => String::new(),
            2 => " (and 1 more)".to_string(),
            n => format!(" (and {} more)", n - 1),
        };
        write!(
            f,
            "cannot format a file with syntax errors: line {}, column {}: {}{others}",
            self.line, self.column, self.first.message
        )
    }
}

impl std::error::Error for FormatError {}

/// A replacement of the text at `span` (a span of the original text).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct TextEdit {
    pub span: Span,
    pub new_text: String,
}

/// The file in the canonical layout, or why it cannot be formatted.
pub fn format(text: &str) -> Result<String, FormatError> {
    let parse = parse(text);
    if let Some(first) = parse.errors.first() {
        return Err(format_error(text, first.clone(), parse.errors.len()));
    }
    Ok(layout::print(text, &parse))
}

/// The edits that bring the top-level items overlapping `range` (and the
/// comments and blank lines before them) into the canonical layout: the
/// file is formatted whole, and the pieces within the range that changed
/// become the edits.
pub fn format_range(text: &str, range: Span) -> Result<Vec<TextEdit>, FormatError> {
    let formatted = format(text)?;
    let old_pieces = pieces(text);
    let new_pieces = pieces(&formatted);
    let edits = old_pieces
        .iter()
        .zip(&new_pieces)
        .filter(|(old, _)| overlaps(**old, range))
        .filter(|(old, new)| text[old.range()] != formatted[new.range()])
        .map(|(old, new)| TextEdit {
            span: *old,
            new_text: formatted[new.range()].to_string(),
        })
        .collect();
    Ok(edits)
}

/// The text cut after the end of each top-level item, so that a formatted
/// file has the same pieces, holding the same tokens, as its original.
fn pieces(text: &str) -> Vec<Span> {
    let mut start = 0;
    let mut pieces = Vec::new();
    for item in parse(text).file.items {
        pieces.push(Span::new(start, item.span.end()));
        start = item.span.end();
    }
    pieces.push(Span::new(start, text.len()));
    pieces
}

fn overlaps(piece: Span, range: Span) -> bool {
    piece.start() < range.end() && range.start() < piece.end()
        || range.is_empty() && piece.touches(range.start())
}

fn format_error(text: &str, first: SyntaxError, error_count: usize) -> FormatError {
    let position = LineIndex::new(text).line_col(text, first.span.start(), PositionEncoding::Utf32);
    FormatError {
        first,
        line: position.line + 1,
        column: position.col + 1,
        error_count,
    }
}
