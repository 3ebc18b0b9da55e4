//! An open document: the editor's text as a rope, changed in place by each
//! incremental edit.

use ropey::Rope;
use tower_lsp_server::ls_types::{Position, TextDocumentContentChangeEvent};

use crate::base::{LineCol, LineIndex, PositionEncoding};

#[derive(Clone, Debug)]
pub(crate) struct OpenDocument {
    pub version: i32,
    pub text: Rope,
}

impl OpenDocument {
    pub fn new(version: i32, text: &str) -> OpenDocument {
        OpenDocument {
            version,
            text: Rope::from_str(text),
        }
    }

    /// Applies one change: a replacement of a range, or of the whole text
    /// when the change has no range.
    pub fn apply(&mut self, change: &TextDocumentContentChangeEvent, encoding: PositionEncoding) {
        let Some(range) = change.range else {
            self.text = Rope::from_str(&change.text);
            return;
        };
        let start = byte_offset(&self.text, range.start, encoding);
        let end = byte_offset(&self.text, range.end, encoding);
        // A range given backwards is read as the text between its ends.
        let (start, end) = (start.min(end), start.max(end));
        let start = self.text.byte_to_char(start);
        let end = self.text.byte_to_char(end);
        self.text.remove(start..end);
        self.text.insert(start, &change.text);
    }
}

/// The byte offset of a protocol position in `text`, clamped like
/// `LineIndex::offset`: past the end of a line to the line's end, past the
/// last line to the end of the text. The rope finds the line; the line
/// index of that one line counts the columns, so that there is one
/// definition of a column for the whole crate.
fn byte_offset(text: &Rope, position: Position, encoding: PositionEncoding) -> usize {
    let line = position.line as usize;
    if line >= text.len_lines() {
        return text.len_bytes();
    }
    let line_start = text.line_to_byte(line);
    let line_text = text.line(line).to_string();
    let column = LineCol {
        line: 0,
        col: position.character,
    };
    line_start + LineIndex::new(&line_text).offset(&line_text, column, encoding)
}

#[cfg(test)]
mod tests {
    use tower_lsp_server::ls_types::Range;

    use super::*;

    /// An edit: (start line, start column), (end line, end column), new text.
    type Edit<'a> = ((u32, u32), (u32, u32), &'a str);

    /// The text after applying `edits` to `text`, columns in `encoding`.
    fn edited(text: &str, encoding: PositionEncoding, edits: &[Edit<'_>]) -> String {
        let mut document = OpenDocument::new(1, text);
        for &(start, end, new_text) in edits {
            let change = TextDocumentContentChangeEvent {
                range: Some(Range::new(
                    Position::new(start.0, start.1),
                    Position::new(end.0, end.1),
                )),
                range_length: None,
                text: new_text.to_string(),
            };
            document.apply(&change, encoding);
        }
        document.text.to_string()
    }

    #[test]
    fn columns_count_in_the_negotiated_encoding() {
        // "é" is 2 bytes and 1 UTF-16 unit, "中" 3 and 1, "😀" 4 and 2.
        let text = "é中😀x";
        assert_eq!(
            edited(text, PositionEncoding::Utf16, &[((0, 4), (0, 5), "y")]),
            "é中😀y"
        );
        assert_eq!(
            edited(text, PositionEncoding::Utf8, &[((0, 9), (0, 10), "y")]),
            "é中😀y"
        );
        assert_eq!(
            edited(text, PositionEncoding::Utf32, &[((0, 3), (0, 4), "y")]),
            "é中😀y"
        );
    }

    #[test]
    fn an_edit_may_span_lines_of_any_break() {
        let text = "ab\r\ncd\ref\ngh";
        assert_eq!(
            edited(text, PositionEncoding::Utf16, &[((0, 1), (2, 1), "X")]),
            "aXf\ngh"
        );
    }

    #[test]
    fn positions_past_the_end_clamp() {
        let text = "ab\ncd";
        assert_eq!(
            edited(text, PositionEncoding::Utf16, &[((0, 99), (0, 99), "!")]),
            "ab!\ncd"
        );
        assert_eq!(
            edited(text, PositionEncoding::Utf16, &[((7, 0), (9, 9), "!")]),
            "ab\ncd!"
        );
    }

    #[test]
    fn a_backwards_range_replaces_the_text_between_its_ends() {
        assert_eq!(
            edited("abcd", PositionEncoding::Utf16, &[((0, 3), (0, 1), "X")]),
            "aXd"
        );
    }

    #[test]
    fn a_change_without_range_replaces_everything() {
        let mut document = OpenDocument::new(1, "old");
        let change = TextDocumentContentChangeEvent {
            range: None,
            range_length: None,
            text: "new".to_string(),
        };
        document.apply(&change, PositionEncoding::Utf16);
        assert_eq!(document.text.to_string(), "new");
    }

    #[test]
    fn unicode_line_separators_do_not_start_lines() {
        // With ropey's unicode_lines feature U+2028 would end line 0.
        let text = "\"a\u{2028}b\"\nc";
        assert_eq!(
            edited(text, PositionEncoding::Utf16, &[((1, 0), (1, 1), "d")]),
            "\"a\u{2028}b\"\nd"
        );
    }
}
