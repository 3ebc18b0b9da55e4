//! An open document as an editor holds it: each change is made to the
//! editor's text and sent to the server as an incremental `didChange`, and
//! the server's text can be compared with it byte for byte. Also the large
//! document the fault tests and the soak benchmark open.

use pgm::generate;
use serde_json::json;

use super::client::Client;
use super::text::{self, Columns};

pub struct Document {
    pub uri: String,
    pub text: String,
    version: i32,
    columns: Columns,
}

impl Document {
    /// Opens `text` as `uri`, positions counted in `columns`.
    pub fn open(client: &mut Client, uri: &str, text: &str, columns: Columns) -> Document {
        let item = json!({"uri": uri, "languageId": "pgm", "version": 1, "text": text});
        client.notify("textDocument/didOpen", json!({"textDocument": item}));
        Document {
            uri: uri.to_string(),
            text: text.to_string(),
            version: 1,
            columns,
        }
    }

    /// How many changes have been sent.
    pub fn changes(&self) -> usize {
        (self.version - 1) as usize
    }

    /// Replaces bytes `start..end` with `new_text`, here and on the server.
    pub fn replace(&mut self, client: &mut Client, start: usize, end: usize, new_text: &str) {
        self.version += 1;
        let range = text::range(&self.text, start, end, self.columns);
        self.text.replace_range(start..end, new_text);
        let change = json!({"range": range, "text": new_text});
        let document = json!({"uri": self.uri, "version": self.version});
        client.notify(
            "textDocument/didChange",
            json!({"textDocument": document, "contentChanges": [change]}),
        );
    }

    /// Types `typed` at byte `offset`, one character to a change; returns
    /// the offset after it.
    pub fn type_at(&mut self, client: &mut Client, offset: usize, typed: &str) -> usize {
        let mut offset = offset;
        for ch in typed.chars() {
            self.replace(client, offset, offset, ch.encode_utf8(&mut [0; 4]));
            offset += ch.len_utf8();
        }
        offset
    }

    /// Deletes the character before byte `offset`, as a backspace does;
    /// returns the offset it leaves the cursor at.
    pub fn backspace(&mut self, client: &mut Client, offset: usize) -> usize {
        let deleted = self.text[..offset]
            .chars()
            .next_back()
            .expect("a character before the cursor");
        let start = offset - deleted.len_utf8();
        self.replace(client, start, offset, "");
        start
    }

    /// Checks that the server holds exactly the editor's text.
    pub fn assert_held_by(&self, client: &mut Client) {
        let held = client
            .request("pgm/documentText", json!({"uri": self.uri}))
            .expect("the server knows the document");
        let held = held.as_str().expect("a string");
        // Not `assert_eq!`: the texts may be megabytes long.
        assert!(
            held == self.text,
            "the server's text differs from the client's: {} and {} bytes, first difference at byte {}",
            held.len(),
            self.text.len(),
            held.bytes()
                .zip(self.text.bytes())
                .take_while(|(a, b)| a == b)
                .count()
        );
    }
}

/// Realistic text of at least `bytes` bytes: every `.pgm` file of a
/// generated portfolio in one, which checks as clean as the portfolio.
pub fn large_text(bytes: usize) -> String {
    // A little less than the generator writes for each project, at any size.
    const BYTES_PER_PROJECT: usize = 220;
    let options = generate::Options::clean(bytes / BYTES_PER_PROJECT);
    let text: String = generate::portfolio(&options)
        .iter()
        .filter(|file| file.path.ends_with(".pgm"))
        .map(|file| file.text.as_str())
        .collect();
    assert!(text.len() >= bytes, "{} bytes are too few", text.len());
    text
}

/// Opens `text` as `uri` and edits it as a user would a long file: at its
/// end, its middle and its start, with multi-byte characters, and once
/// deleting a span of many lines. Returns the document as the editor holds
/// it.
pub fn edit_large_document(client: &mut Client, uri: &str, text: &str) -> Document {
    let mut document = Document::open(client, uri, text, Columns::Utf16);
    let middle = line_start(text, text.len() / 2);
    document.replace(client, text.len(), text.len(), "// the end é\n");
    document.replace(client, middle, middle, "// the middle 😀\n");
    document.type_at(client, 0, "// 中");
    let span_start = line_start(&document.text, text.len() / 3);
    let span_end = line_start(&document.text, text.len() / 3 + 100_000);
    document.replace(client, span_start, span_end, "");
    document
}

/// The start of the line that holds byte `offset` of `text`.
fn line_start(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset]
        .iter()
        .rposition(|&byte| byte == b'\n')
        .map_or(0, |newline| newline + 1)
}
