/// How the column of a position is counted: the protocol's choice, made at
/// the edge. Inside pgm every offset is a byte offset.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum PositionEncoding {
    Utf8,
    Utf16,
    Utf32,
}

/// A zero-based line and column, the column counted in `PositionEncoding` units.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub struct LineCol {
    pub line: u32,
    pub col: u32,
}

/// Line starts of one text, for converting byte offsets to positions and back.
/// Line breaks are `\n`, `\r\n` and `\r`, the three the protocol knows.
#[derive(Clone, Debug)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    len: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => line_starts.push(i + 1),
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                    line_starts.push(i + 2);
                    i += 1;
                }
                b'\r' => line_starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        LineIndex {
            line_starts,
            len: text.len(),
        }
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// Byte offset at which `line` starts, or `None` past the last line.
    pub fn line_start(&self, line: u32) -> Option<usize> {
        self.line_starts.get(line as usize).copied()
    }

    /// The position of a byte offset. An offset inside a multi-byte character
    /// or past the end is clamped to the nearest preceding boundary.
    pub fn line_col(&self, text: &str, offset: usize, encoding: PositionEncoding) -> LineCol {
        let offset = floor_char_boundary(text, offset.min(self.len));
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let line_text = &text[self.line_starts[line]..offset];
        LineCol {
            line: line as u32,
            col: width(line_text, encoding) as u32,
        }
    }

    /// The byte offset of a position. A column past the end of its line
    /// clamps to the line's end (before its line break), a line past the end
    /// of the text clamps to the end of the text; the protocol asks servers to
    /// be lenient like this rather than fail.
    pub fn offset(&self, text: &str, position: LineCol, encoding: PositionEncoding) -> usize {
        let Some(start) = self.line_start(position.line) else {
            return self.len;
        };
        let end = self.content_end(text, position.line as usize);
        let mut units = 0usize;
        for (index, ch) in text[start..end].char_indices() {
            if units >= position.col as usize {
                return start + index;
            }
            units += char_width(ch, encoding);
            if units > position.col as usize {
                // The column points inside a character (half a surrogate pair):
                // snap to the character's start.
                return start + index;
            }
        }
        end
    }

    /// End of a line's content, before its line break.
    fn content_end(&self, text: &str, line: usize) -> usize {
        let next = self.line_starts.get(line + 1).copied().unwrap_or(self.len);
        let content = &text.as_bytes()[self.line_starts[line]..next];
        let trimmed = match content {
            [.., b'\r', b'\n'] => 2,
            [.., b'\n'] | [.., b'\r'] => 1,
            _ => 0,
        };
        next - trimmed
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

fn width(text: &str, encoding: PositionEncoding) -> usize {
    match encoding {
        PositionEncoding::Utf8 => text.len(),
        PositionEncoding::Utf16 => text.encode_utf16().count(),
        PositionEncoding::Utf32 => text.chars().count(),
    }
}

fn char_width(ch: char, encoding: PositionEncoding) -> usize {
    match encoding {
        PositionEncoding::Utf8 => ch.len_utf8(),
        PositionEncoding::Utf16 => ch.len_utf16(),
        PositionEncoding::Utf32 => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtrip(text: &str, encoding: PositionEncoding) {
        let index = LineIndex::new(text);
        let inside_crlf =
            |offset: usize| text[..offset].ends_with('\r') && text[offset..].starts_with('\n');
        for (offset, _) in text.char_indices().chain([(text.len(), ' ')]) {
            if inside_crlf(offset) {
                continue;
            }
            let position = index.line_col(text, offset, encoding);
            assert_eq!(
                index.offset(text, position, encoding),
                offset,
                "{position:?}"
            );
        }
    }

    #[test]
    fn every_line_break_the_protocol_knows_starts_a_line() {
        let text = "a\nb\r\nc\rd";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 4);
        let d = text.find('d').unwrap();
        assert_eq!(
            index.line_col(text, d, PositionEncoding::Utf16),
            LineCol { line: 3, col: 0 }
        );
    }

    #[test]
    fn unicode_line_separators_are_not_line_breaks() {
        let text = "\"a\u{2028}b\u{85}c\" x";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 1);
    }

    #[test]
    fn columns_count_utf16_units_for_astral_characters() {
        let text = "é中😀x";
        let index = LineIndex::new(text);
        let x = text.find('x').unwrap();
        assert_eq!(index.line_col(text, x, PositionEncoding::Utf16).col, 4);
        assert_eq!(index.line_col(text, x, PositionEncoding::Utf8).col, 9);
        assert_eq!(index.line_col(text, x, PositionEncoding::Utf32).col, 3);
    }

    #[test]
    fn positions_roundtrip_in_every_encoding() {
        let text = "person é \"中文\" // 😀\r\nteam t\rx😀y\n";
        for encoding in [
            PositionEncoding::Utf8,
            PositionEncoding::Utf16,
            PositionEncoding::Utf32,
        ] {
            roundtrip(text, encoding);
        }
    }

    #[test]
    fn positions_past_the_end_clamp() {
        let text = "ab\ncd";
        let index = LineIndex::new(text);
        let past_line_end = LineCol { line: 0, col: 99 };
        assert_eq!(
            index.offset(text, past_line_end, PositionEncoding::Utf16),
            2
        );
        let past_text_end = LineCol { line: 9, col: 0 };
        assert_eq!(
            index.offset(text, past_text_end, PositionEncoding::Utf16),
            5
        );
    }

    #[test]
    fn a_column_inside_a_surrogate_pair_snaps_to_the_character_start() {
        let text = "😀x";
        let index = LineIndex::new(text);
        let inside = LineCol { line: 0, col: 1 };
        assert_eq!(index.offset(text, inside, PositionEncoding::Utf16), 0);
    }
}
