//! A document's text as an editor keeps it, and positions in it counted the
//! way the protocol counts them, written here independently of the server.

use serde_json::{Value, json};

/// How columns are counted.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Columns {
    Utf8,
    Utf16,
}

impl Columns {
    pub fn name(self) -> &'static str {
        match self {
            Columns::Utf8 => "utf-8",
            Columns::Utf16 => "utf-16",
        }
    }

    fn width(self, ch: char) -> u32 {
        match self {
            Columns::Utf8 => ch.len_utf8() as u32,
            Columns::Utf16 => ch.len_utf16() as u32,
        }
    }
}

/// The protocol position of byte `offset` in `text`: lines end at `\n`,
/// `\r\n` or `\r`.
pub fn position(text: &str, offset: usize, columns: Columns) -> Value {
    let mut line = 0;
    let mut character = 0;
    let mut chars = text[..offset].chars().peekable();
    while let Some(ch) = chars.next() {
        let ends_line = ch == '\n' || (ch == '\r' && chars.peek() != Some(&'\n'));
        if ends_line {
            line += 1;
            character = 0;
        } else if ch != '\r' {
            character += columns.width(ch);
        }
    }
    json!({"line": line, "character": character})
}

/// The protocol range of bytes `start..end` of `text`.
pub fn range(text: &str, start: usize, end: usize, columns: Columns) -> Value {
    json!({"start": position(text, start, columns), "end": position(text, end, columns)})
}

/// Whether an edit may start or end at byte `offset`: on a character
/// boundary, and not between the two characters of a `\r\n`.
pub fn is_position(text: &str, offset: usize) -> bool {
    text.is_char_boundary(offset)
        && !(text[..offset].ends_with('\r') && text[offset..].starts_with('\n'))
}
