//! The language server's document store against a plain `String`: a
//! document opened on a server running in this process and changed by a
//! sequence of `didChange` notifications holds the text that the same
//! changes give when applied to a string, positions found with `LineIndex`
//! on the whole text. `tests/fuzz_regressions.rs` includes this file too.

use std::sync::{Mutex, MutexGuard, OnceLock, PoisonError};

use pgm::base::{LineCol, LineIndex, PositionEncoding};
use serde_json::{Value, json};
use tokio::io::{
    AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader, DuplexStream, ReadHalf, WriteHalf,
};
use tokio::runtime::Runtime;

/// Edits decoded from the fuzzer's bytes.
///
/// Byte 0 chooses the position encoding (bit 0: UTF-8, else UTF-16). The
/// opening text runs to the first 0x00. Then each change is a flags byte
/// (bit 0: no range, the whole text replaced; bit 1: the last change of
/// its notification), four bytes of range unless bit 0 is set (start line,
/// start column, end line, end column; 0xFF stands for `u32::MAX`), and
/// the new text up to the next 0x00. Texts are read as lossy UTF-8.
#[derive(Debug)]
pub struct Script {
    pub encoding: PositionEncoding,
    pub opening: String,
    /// One notification each, its changes in order.
    pub notifications: Vec<Vec<Change>>,
}

#[derive(Debug)]
pub struct Change {
    pub range: Option<(LineCol, LineCol)>,
    pub text: String,
}

/// More would only make each run slower, not reach new code.
const MAX_CHANGES: usize = 64;

impl Script {
    pub fn decode(data: &[u8]) -> Script {
        let mut bytes = Bytes(data);
        let encoding = match bytes.byte() & 1 {
            1 => PositionEncoding::Utf8,
            _ => PositionEncoding::Utf16,
        };
        let opening = bytes.text();
        let mut notifications = vec![Vec::new()];
        let mut changes = 0;
        while !bytes.0.is_empty() && changes < MAX_CHANGES {
            let flags = bytes.byte();
            let range = (flags & 1 == 0).then(|| (bytes.position(), bytes.position()));
            let text = bytes.text();
            let current = notifications.last_mut().expect("never empty");
            current.push(Change { range, text });
            if flags & 2 != 0 {
                notifications.push(Vec::new());
            }
            changes += 1;
        }
        notifications.retain(|changes| !changes.is_empty());
        Script {
            encoding,
            opening,
            notifications,
        }
    }

    /// The text the edits make of the opening text, the way the protocol
    /// describes them: a range given backwards covers the text between its
    /// ends, positions past a line's end or the text's end clamp.
    pub fn expected_text(&self) -> String {
        let mut text = self.opening.clone();
        for change in self.notifications.iter().flatten() {
            let Some((start, end)) = change.range else {
                text.clone_from(&change.text);
                continue;
            };
            let index = LineIndex::new(&text);
            let start = index.offset(&text, start, self.encoding);
            let end = index.offset(&text, end, self.encoding);
            text.replace_range(start.min(end)..start.max(end), &change.text);
        }
        text
    }
}

struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn byte(&mut self) -> u8 {
        let Some((&first, rest)) = self.0.split_first() else {
            return 0;
        };
        self.0 = rest;
        first
    }

    fn coordinate(&mut self) -> u32 {
        match self.byte() {
            0xFF => u32::MAX,
            byte => u32::from(byte),
        }
    }

    fn position(&mut self) -> LineCol {
        LineCol {
            line: self.coordinate(),
            col: self.coordinate(),
        }
    }

    fn text(&mut self) -> String {
        let end = self.0.iter().position(|&b| b == 0).unwrap_or(self.0.len());
        let text = String::from_utf8_lossy(&self.0[..end]).into_owned();
        self.0 = self.0.get(end + 1..).unwrap_or_default();
        text
    }
}

/// The edits of `data`, sent to the server, leave the text the same edits
/// make of a string.
pub fn document_edits_agree(data: &[u8]) {
    let script = Script::decode(data);
    let expected = script.expected_text();
    let held = session().edited_text(&script);
    assert_eq!(held, expected, "the server's text differs: {script:#?}");
}

/// One server for each position encoding, started once per process and
/// reused, as an editor keeps its server.
struct Session {
    runtime: Runtime,
    utf16: Mutex<Connection>,
    utf8: Mutex<Connection>,
}

fn session() -> &'static Session {
    static SESSION: OnceLock<Session> = OnceLock::new();
    SESSION.get_or_init(|| {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .expect("a runtime for the servers");
        let utf16 = Mutex::new(Connection::start(&runtime, "utf-16"));
        let utf8 = Mutex::new(Connection::start(&runtime, "utf-8"));
        Session {
            runtime,
            utf16,
            utf8,
        }
    })
}

impl Session {
    fn connection(&self, encoding: PositionEncoding) -> MutexGuard<'_, Connection> {
        let connection = match encoding {
            PositionEncoding::Utf8 => &self.utf8,
            _ => &self.utf16,
        };
        connection.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn edited_text(&self, script: &Script) -> String {
        let mut connection = self.connection(script.encoding);
        self.runtime.block_on(connection.edit(script))
    }
}

/// The client's end of an in-memory connection to a server.
struct Connection {
    reader: BufReader<ReadHalf<DuplexStream>>,
    writer: WriteHalf<DuplexStream>,
    next_id: i64,
}

const URI: &str = "file:///pgm-fuzz/edits.pgm";

impl Connection {
    fn start(runtime: &Runtime, encoding: &str) -> Connection {
        let (client, server) = tokio::io::duplex(1 << 20);
        let (server_input, server_output) = tokio::io::split(server);
        runtime.spawn(pgm::lsp::serve(
            server_input,
            server_output,
            pgm::workspace::Settings::default(),
        ));
        let (reader, writer) = tokio::io::split(client);
        let mut connection = Connection {
            reader: BufReader::new(reader),
            writer,
            next_id: 0,
        };
        let capabilities = json!({"general": {"positionEncodings": [encoding]}});
        runtime.block_on(async {
            connection
                .request(
                    "initialize",
                    json!({"processId": null, "rootUri": null, "capabilities": capabilities}),
                )
                .await;
            connection.notify("initialized", json!({})).await;
        });
        connection
    }

    async fn edit(&mut self, script: &Script) -> String {
        let document =
            json!({"uri": URI, "languageId": "pgm", "version": 0, "text": script.opening});
        self.notify("textDocument/didOpen", json!({"textDocument": document}))
            .await;
        for (version, changes) in (1..).zip(&script.notifications) {
            let changes: Vec<Value> = changes.iter().map(change_json).collect();
            let params = json!({
                "textDocument": {"uri": URI, "version": version},
                "contentChanges": changes,
            });
            self.notify("textDocument/didChange", params).await;
        }
        let text = self
            .request(pgm::lsp::DOCUMENT_TEXT_METHOD, json!({"uri": URI}))
            .await;
        self.notify(
            "textDocument/didClose",
            json!({"textDocument": {"uri": URI}}),
        )
        .await;
        match text {
            Value::String(text) => text,
            other => panic!("{} answered {other}", pgm::lsp::DOCUMENT_TEXT_METHOD),
        }
    }

    async fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}))
            .await;
    }

    /// Sends a request and reads messages until its answer, answering the
    /// server's own requests with `null` on the way.
    async fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}))
            .await;
        loop {
            let message = self.receive().await;
            match (message.get("id"), message.get("method")) {
                (Some(their_id), Some(_)) => {
                    let answer = json!({"jsonrpc": "2.0", "id": their_id, "result": null});
                    self.send(&answer).await;
                }
                (Some(answered), None) if *answered == json!(id) => {
                    return match message.get("error") {
                        Some(error) => panic!("{method} failed: {error}"),
                        None => message["result"].clone(),
                    };
                }
                _ => {}
            }
        }
    }

    async fn send(&mut self, message: &Value) {
        let body = message.to_string();
        let framed = format!("Content-Length: {}\r\n\r\n{body}", body.len());
        self.writer
            .write_all(framed.as_bytes())
            .await
            .expect("the server reads its input");
    }

    async fn receive(&mut self) -> Value {
        let mut length = None;
        loop {
            let mut line = String::new();
            let read = self.reader.read_line(&mut line).await;
            assert!(
                read.is_ok_and(|count| count > 0),
                "the server closed the connection"
            );
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(value) = line.strip_prefix("Content-Length: ") {
                length = value.parse::<usize>().ok();
            }
        }
        let mut body = vec![0; length.expect("every message has a Content-Length")];
        self.reader
            .read_exact(&mut body)
            .await
            .expect("the server writes whole messages");
        serde_json::from_slice(&body).expect("the server writes JSON")
    }
}

fn change_json(change: &Change) -> Value {
    let position = |at: LineCol| json!({"line": at.line, "character": at.col});
    match change.range {
        Some((start, end)) => json!({
            "range": {"start": position(start), "end": position(end)},
            "text": change.text,
        }),
        None => json!({"text": change.text}),
    }
}
