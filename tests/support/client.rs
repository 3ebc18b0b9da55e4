//! A language client for tests: it starts `pgm lsp` as a child process and
//! exchanges Content-Length framed JSON-RPC messages over its pipes. A
//! thread reads the server's messages; requests from the server are
//! answered at once (with `null`, or what the test set for the method), and
//! everything is kept for the test to wait on. Another thread writes every
//! message the client sends, in order, so that neither the test nor the
//! reader ever waits on a full pipe: a server writing while the test sends
//! thousands of requests would otherwise wait for the reader, the reader
//! for the test's write to finish, and that write for the server.

use std::collections::{HashMap, VecDeque};
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// How long to wait for any one message: generous, for a debug build on a
/// busy machine; a test that waits this long has failed.
pub const TIMEOUT: Duration = Duration::from_secs(60);

pub struct Client {
    child: Child,
    /// To the writer thread; `None` once the client has closed its end.
    outgoing: Option<Sender<Outgoing>>,
    incoming: Receiver<Value>,
    /// Messages read while waiting for another one, oldest first.
    unclaimed: VecDeque<Value>,
    answers: Arc<Mutex<HashMap<String, Value>>>,
    next_id: i64,
}

/// The `pgm lsp` of this build, its standard input and output piped.
pub fn spawn_server() -> Child {
    Command::new(env!("CARGO_BIN_EXE_pgm"))
        .arg("lsp")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start pgm lsp")
}

/// What the writer thread is asked to do next.
enum Outgoing {
    Frame(String),
    /// Close the server's input, after every frame before.
    Close,
}

impl Client {
    /// Starts `pgm lsp`.
    pub fn start() -> Client {
        let mut child = spawn_server();
        let input = child.stdin.take().expect("stdin is piped");
        let output = child.stdout.take().expect("stdout is piped");
        let answers = Arc::new(Mutex::new(HashMap::new()));
        let (sender, incoming) = mpsc::channel();
        let (outgoing, frames) = mpsc::channel();
        thread::spawn(move || write_messages(input, frames));
        let reader_outgoing = outgoing.clone();
        let reader_answers = Arc::clone(&answers);
        thread::spawn(move || read_messages(output, reader_outgoing, reader_answers, sender));
        Client {
            child,
            outgoing: Some(outgoing),
            incoming,
            unclaimed: VecDeque::new(),
            answers,
            next_id: 0,
        }
    }

    /// Starts the server and initializes it with `params`, then says
    /// `initialized`. Returns the server's answer.
    pub fn initialized(params: Value) -> (Client, Value) {
        let mut client = Client::start();
        let result = client
            .request("initialize", params)
            .expect("initialize succeeds");
        client.notify("initialized", json!({}));
        (client, result)
    }

    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// From now on, answer the server's requests for `method` with `result`.
    pub fn answer(&mut self, method: &str, result: Value) {
        self.answers
            .lock()
            .unwrap()
            .insert(method.to_string(), result);
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request without waiting for its answer; returns its id.
    pub fn send_request(&mut self, method: &str, params: Value) -> i64 {
        self.next_id += 1;
        let id = self.next_id;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        id
    }

    /// The answer to request `id`: its result, or its error object.
    pub fn response(&mut self, id: i64) -> Result<Value, Value> {
        let response = self.wait_for(&format!("the answer to request {id}"), |message| {
            message.get("id") == Some(&json!(id)) && message.get("method").is_none()
        });
        match response.get("error") {
            Some(error) => Err(error.clone()),
            None => Ok(response.get("result").cloned().unwrap_or(Value::Null)),
        }
    }

    pub fn request(&mut self, method: &str, params: Value) -> Result<Value, Value> {
        let id = self.send_request(method, params);
        self.response(id)
    }

    /// Writes `body` as one framed message, whatever it holds, after every
    /// message sent before.
    pub fn send_raw(&mut self, body: &str) {
        let outgoing = self.outgoing.as_ref().expect("the connection is open");
        outgoing
            .send(Outgoing::Frame(body.to_string()))
            .expect("pgm lsp's input is open");
    }

    /// Closes the client's end of the connection, as a client that dies
    /// does, once every message sent before is written.
    pub fn disconnect(&mut self) {
        if let Some(outgoing) = self.outgoing.take() {
            let _ = outgoing.send(Outgoing::Close);
        }
    }

    fn send(&mut self, message: &Value) {
        self.send_raw(&message.to_string());
    }

    /// The first message, unclaimed or still to come, that `wanted` accepts.
    /// Panics, naming `what`, when none comes within `TIMEOUT`.
    pub fn wait_for(&mut self, what: &str, wanted: impl Fn(&Value) -> bool) -> Value {
        if let Some(index) = self.unclaimed.iter().position(&wanted) {
            return self.unclaimed.remove(index).expect("index is in range");
        }
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.incoming.recv_timeout(left) {
                Ok(message) if wanted(&message) => return message,
                Ok(message) => self.unclaimed.push_back(message),
                Err(RecvTimeoutError::Timeout) => {
                    panic!(
                        "no {what} within {TIMEOUT:?}; unclaimed: {:#?}",
                        self.unclaimed
                    )
                }
                Err(RecvTimeoutError::Disconnected) => {
                    panic!(
                        "the server closed its output before {what}; unclaimed: {:#?}",
                        self.unclaimed
                    )
                }
            }
        }
    }

    /// The parameters of the next notification `method`.
    pub fn notification(&mut self, method: &str) -> Value {
        let message = self.wait_for(method, |message| {
            message.get("method") == Some(&json!(method)) && message.get("id").is_none()
        });
        message["params"].clone()
    }

    /// The next request the server sent for `method` (already answered).
    pub fn server_request(&mut self, method: &str) -> Value {
        let message = self.wait_for(&format!("a {method} request"), |message| {
            message.get("method") == Some(&json!(method)) && message.get("id").is_some()
        });
        message["params"].clone()
    }

    /// The next diagnostics published for `uri`.
    pub fn diagnostics(&mut self, uri: &str) -> Value {
        let message = self.wait_for(&format!("diagnostics for {uri}"), |message| {
            message.get("method") == Some(&json!("textDocument/publishDiagnostics"))
                && message["params"]["uri"] == json!(uri)
        });
        message["params"].clone()
    }

    /// The next diagnostics published for `uri` that satisfy `wanted`,
    /// skipping those of analyses that came before.
    pub fn diagnostics_until(&mut self, uri: &str, wanted: impl Fn(&Value) -> bool) -> Value {
        loop {
            let params = self.diagnostics(uri);
            if wanted(&params) {
                return params;
            }
        }
    }

    /// Shuts the server down, tells it to exit, and waits for it to end.
    pub fn shutdown(mut self) -> ExitStatus {
        let answer = self.request("shutdown", Value::Null);
        assert_eq!(answer, Ok(Value::Null));
        self.notify("exit", Value::Null);
        self.wait_for_exit()
    }

    /// Waits, within `TIMEOUT`, for the process to end.
    pub fn wait_for_exit(mut self) -> ExitStatus {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().expect("poll pgm lsp") {
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "pgm lsp did not exit within {TIMEOUT:?}"
            );
            thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Writes each frame in the order sent, until asked to close, every
/// sender is gone, or the server's input is closed.
fn write_messages(mut input: ChildStdin, frames: Receiver<Outgoing>) {
    for outgoing in frames {
        match outgoing {
            Outgoing::Frame(body) => {
                if write_frame(&mut input, &body).is_err() {
                    return;
                }
            }
            Outgoing::Close => return,
        }
    }
}

fn read_messages(
    output: ChildStdout,
    outgoing: Sender<Outgoing>,
    answers: Arc<Mutex<HashMap<String, Value>>>,
    sender: Sender<Value>,
) {
    let mut output = BufReader::new(output);
    while let Some(message) = read_frame(&mut output) {
        let method = message.get("method").and_then(Value::as_str);
        if let (Some(method), Some(id)) = (method, message.get("id")) {
            let result = answers.lock().unwrap().get(method).cloned();
            let answer = json!({"jsonrpc": "2.0", "id": id, "result": result});
            // After the client closed its end, or the server its input,
            // there is no one to answer.
            let _ = outgoing.send(Outgoing::Frame(answer.to_string()));
        }
        if sender.send(message).is_err() {
            return;
        }
    }
}

/// Reads one framed message; `None` at the end of the output. Anything but
/// a well-formed frame of JSON fails the test: the server may write nothing
/// else to its output.
fn read_frame(output: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if output.read_line(&mut line).expect("read pgm lsp's output") == 0 {
            return None;
        }
        let line = line.trim_end_matches("\r\n");
        if line.is_empty() {
            break;
        }
        let (name, value) = line
            .split_once(": ")
            .unwrap_or_else(|| panic!("not a header line: {line:?}"));
        if name.eq_ignore_ascii_case("Content-Length") {
            length = Some(value.parse::<usize>().expect("a numeric Content-Length"));
        }
    }
    let length = length.expect("every message has a Content-Length");
    let mut body = vec![0; length];
    output.read_exact(&mut body).expect("read a whole message");
    Some(serde_json::from_slice(&body).expect("every message is JSON"))
}

fn write_frame(input: &mut impl Write, body: &str) -> std::io::Result<()> {
    write!(input, "Content-Length: {}\r\n\r\n{body}", body.len())?;
    input.flush()
}

/// The parameters of `initialize` for a client that counts columns in
/// `columns`, registers file watchers for the server, answers
/// `workspace/configuration`, and opens `folders`. `options` are the
/// `initializationOptions`.
pub fn initialize_params(
    folders: &[Value],
    options: Value,
    columns: super::text::Columns,
) -> Value {
    json!({
        "processId": null,
        "rootUri": null,
        "capabilities": {
            "general": {"positionEncodings": [columns.name()]},
            "workspace": {
                "configuration": true,
                "workspaceFolders": true,
                "didChangeWatchedFiles": {"dynamicRegistration": true},
            },
            "textDocument": {
                "synchronization": {"dynamicRegistration": false},
                "publishDiagnostics": {"relatedInformation": true, "versionSupport": true},
            },
        },
        "workspaceFolders": folders,
        "initializationOptions": options,
    })
}
