//! The client's bytes, checked one message at a time before the protocol
//! library reads them.
//!
//! tower-lsp-server ends the session at the first message it cannot decode
//! (its framed reader stops after an error), so one malformed message would
//! take the server down. Here each message is read from its frame; one that
//! is not JSON, or not a JSON-RPC message, is replaced by a request for
//! [`UNDECODABLE_METHOD`], which the server answers with the error JSON-RPC
//! prescribes, and the session goes on. Bytes outside any frame are skipped.

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWriteExt, BufReader};
use tower_lsp_server::jsonrpc::{self, Error, ErrorCode, Request, Response};
use tower_lsp_server::ls_types::MessageType;

use crate::lsp::server::Server;

/// The request that stands in for a message that could not be decoded.
pub(crate) const UNDECODABLE_METHOD: &str = "$/pgm/undecodableMessage";

#[derive(Debug, Deserialize, Serialize)]
pub(crate) struct UndecodableParams {
    /// The JSON-RPC error code to answer with.
    pub code: i64,
}

impl Server {
    /// Answers a message that could not be decoded with its error.
    pub(crate) async fn undecodable(&self, params: UndecodableParams) -> jsonrpc::Result<()> {
        let error = Error::new(ErrorCode::from(params.code));
        let message = format!(
            "a message from the client could not be read: {}",
            error.message
        );
        self.log(MessageType::WARNING, message);
        Err(error)
    }
}

/// Longest header line read; a longer one is not a header.
const MAX_HEADER_LINE: u64 = 8 * 1024;
/// Bytes buffered between the checker and the protocol library.
const PIPE_CAPACITY: usize = 1 << 16;

/// The messages of `input`, each well framed and decodable.
pub(crate) fn checked(input: impl AsyncRead + Unpin + Send + 'static) -> impl AsyncRead + Unpin {
    let (reader, writer) = tokio::io::simplex(PIPE_CAPACITY);
    tokio::spawn(forward(input, writer));
    reader
}

async fn forward(input: impl AsyncRead + Unpin, mut output: impl tokio::io::AsyncWrite + Unpin) {
    let mut input = BufReader::new(input);
    while let Some(body) = read_body(&mut input).await {
        let body = decodable(body);
        let header = format!("Content-Length: {}\r\n\r\n", body.len());
        let written = async {
            output.write_all(header.as_bytes()).await?;
            output.write_all(&body).await?;
            output.flush().await
        };
        if written.await.is_err() {
            return;
        }
    }
    // The protocol library's input ends where the client's did.
    let _ = output.shutdown().await;
}

/// The body of the next frame; `None` at the end of the input. A block of
/// header lines without a usable `Content-Length` is skipped. The header
/// may follow stray bytes on its line, as it does after a frame whose
/// `Content-Length` was too short. The body is read as it arrives, so a
/// claimed length no message has costs nothing until its bytes come.
async fn read_body(input: &mut (impl AsyncBufReadExt + Unpin)) -> Option<Vec<u8>> {
    loop {
        let mut length = None;
        loop {
            let mut line = Vec::new();
            let read = (&mut *input)
                .take(MAX_HEADER_LINE)
                .read_until(b'\n', &mut line)
                .await
                .ok()?;
            if read == 0 {
                return None;
            }
            if line.trim_ascii().is_empty() {
                break;
            }
            if let Some(header) = content_length_header(&line) {
                length = std::str::from_utf8(header)
                    .ok()
                    .and_then(|value| value.trim().parse::<u64>().ok());
            }
        }
        if let Some(length) = length {
            let mut body = Vec::new();
            (&mut *input)
                .take(length)
                .read_to_end(&mut body)
                .await
                .ok()?;
            return (body.len() as u64 == length).then_some(body);
        }
    }
}

/// The value of the last `Content-Length` header on `line`, which may
/// follow other bytes.
fn content_length_header(line: &[u8]) -> Option<&[u8]> {
    const NAME: &[u8] = b"content-length:";
    let at = line
        .windows(NAME.len())
        .rposition(|window| window.eq_ignore_ascii_case(NAME))?;
    Some(&line[at + NAME.len()..])
}

/// `body` when the protocol library can decode it; otherwise a request for
/// the error to answer it with.
fn decodable(body: Vec<u8>) -> Vec<u8> {
    if serde_json::from_slice::<Request>(&body).is_ok()
        || serde_json::from_slice::<Response>(&body).is_ok()
    {
        return body;
    }
    let (id, code) = match serde_json::from_slice::<Value>(&body) {
        Err(_) => (Value::Null, ErrorCode::ParseError),
        Ok(message) => {
            let id = message
                .get("id")
                .filter(|id| id.is_number() || id.is_string())
                .cloned()
                .unwrap_or(Value::Null);
            (id, ErrorCode::InvalidRequest)
        }
    };
    let params = UndecodableParams { code: code.code() };
    let request =
        json!({"jsonrpc": "2.0", "id": id, "method": UNDECODABLE_METHOD, "params": params});
    request.to_string().into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bodies the protocol library gets for the bytes `input`.
    async fn bodies(input: &'static [u8]) -> Vec<String> {
        let mut checked = checked(input);
        let mut output = String::new();
        checked.read_to_string(&mut output).await.unwrap();
        let mut bodies = Vec::new();
        let mut rest = output.as_str();
        while let Some(after) = rest.strip_prefix("Content-Length: ") {
            let (length, after) = after.split_once("\r\n\r\n").unwrap();
            let length: usize = length.parse().unwrap();
            bodies.push(after[..length].to_string());
            rest = &after[length..];
        }
        assert_eq!(rest, "");
        bodies
    }

    #[tokio::test]
    async fn good_messages_pass_unchanged() {
        let input = b"Content-Length: 40\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{\"jsonrpc\":\"2.0\",\"method\":\"initialized\"}";
        assert_eq!(
            bodies(input).await,
            [r#"{"jsonrpc":"2.0","method":"initialized"}"#]
        );
    }

    #[tokio::test]
    async fn a_message_that_is_not_json_becomes_a_parse_error() {
        let input = b"Content-Length: 9\r\n\r\n{\"id\": 1,";
        assert_eq!(
            bodies(input).await,
            [
                r#"{"id":null,"jsonrpc":"2.0","method":"$/pgm/undecodableMessage","params":{"code":-32700}}"#
            ]
        );
    }

    #[tokio::test]
    async fn json_that_is_no_message_becomes_an_invalid_request_with_its_id() {
        let input = b"Content-Length: 20\r\n\r\n{\"id\": 7, \"x\": true}";
        assert_eq!(
            bodies(input).await,
            [
                r#"{"id":7,"jsonrpc":"2.0","method":"$/pgm/undecodableMessage","params":{"code":-32600}}"#
            ]
        );
    }

    #[tokio::test]
    async fn a_header_after_stray_bytes_on_its_line_is_found() {
        let input = b"Content-Length: 3\r\n\r\n[1]]]Content-Length: 2\r\n\r\n{}";
        let bodies = bodies(input).await;
        assert_eq!(bodies.len(), 2);
        assert!(bodies[1].contains("-32600"), "{}", bodies[1]);
    }

    #[tokio::test]
    async fn a_length_beyond_the_input_ends_it_without_allocating_the_claim() {
        let input = b"Content-Length: 18446744073709551615\r\n\r\n{}";
        assert_eq!(bodies(input).await, Vec::<String>::new());
    }

    #[tokio::test]
    async fn bytes_outside_frames_are_skipped() {
        let input = b"garbage\r\n\r\nContent-Length: 2\r\n\r\n[]Content-Length: 0\r\n\r\n";
        let bodies = bodies(input).await;
        assert_eq!(bodies.len(), 2);
        assert!(bodies[0].contains("-32600"), "{}", bodies[0]);
        assert!(bodies[1].contains("-32700"), "{}", bodies[1]);
    }
}
