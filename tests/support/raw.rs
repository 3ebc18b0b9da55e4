//! Below the test client: a connection to `pgm lsp` on which a test writes
//! any bytes it likes (frames whose `Content-Length` lies, bytes outside
//! any frame, bodies that are not UTF-8) and reads the server's messages
//! as they come, or hangs up both pipes at once as a client that dies does.
//! Also the server's process and memory, as the kernel counts them.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, ChildStdout, ExitStatus};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::client::{TIMEOUT, spawn_server};

pub struct RawConnection {
    child: Child,
    /// `None` once the test has closed it.
    input: Option<ChildStdin>,
    /// The server's output until the first read, which hands it to a
    /// reader thread; `None` after that or once the test has closed it.
    output: Option<ChildStdout>,
    incoming: Option<Receiver<Value>>,
}

impl RawConnection {
    /// Starts `pgm lsp`; nothing is read from it until the test asks.
    pub fn start() -> RawConnection {
        let mut child = spawn_server();
        RawConnection {
            input: child.stdin.take(),
            output: child.stdout.take(),
            incoming: None,
            child,
        }
    }

    /// Starts `pgm lsp`, initializes it with `params` and says `initialized`.
    pub fn initialized(params: Value) -> RawConnection {
        let mut connection = RawConnection::start();
        let id = json!("initialize");
        connection.send(&json!({
            "jsonrpc": "2.0", "id": id, "method": "initialize", "params": params,
        }));
        let answer = connection.response(&id);
        assert!(
            answer.get("result").is_some(),
            "initialize failed: {answer}"
        );
        connection.send(&json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}));
        connection
    }

    /// Writes `bytes` to the server's input as they are.
    pub fn write(&mut self, bytes: &[u8]) {
        let input = self.input.as_mut().expect("the input is open");
        input
            .write_all(bytes)
            .and_then(|()| input.flush())
            .expect("write to pgm lsp");
    }

    /// Writes `message` in an honest frame.
    pub fn send(&mut self, message: &Value) {
        self.write(&frame(message.to_string().as_bytes()));
    }

    /// Sends a request with `id`, without waiting for its answer.
    pub fn send_request(&mut self, id: &Value, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
    }

    /// The next message from the server; panics, naming `what` the test
    /// waits for, when none comes within `TIMEOUT`.
    pub fn next_message(&mut self, what: &str) -> Value {
        let incoming = self.incoming.get_or_insert_with(|| {
            let output = self.output.take().expect("the output is open");
            let (sender, incoming) = mpsc::channel();
            thread::spawn(move || {
                let mut output = BufReader::new(output);
                while let Some(message) = read_frame(&mut output) {
                    if sender.send(message).is_err() {
                        return;
                    }
                }
            });
            incoming
        });
        match incoming.recv_timeout(TIMEOUT) {
            Ok(message) => message,
            Err(RecvTimeoutError::Timeout) => {
                panic!("no message within {TIMEOUT:?} while waiting for {what}")
            }
            Err(RecvTimeoutError::Disconnected) => {
                panic!(
                    "the server closed its output (or wrote something that is not a message) while the test waited for {what}"
                )
            }
        }
    }

    /// The messages up to and including the response with `id`, in the
    /// order they came.
    pub fn messages_until_response(&mut self, id: &Value) -> Vec<Value> {
        let what = format!("the answer to request {id}");
        let mut messages = Vec::new();
        loop {
            let message = self.next_message(&what);
            let is_answer = message.get("method").is_none() && message.get("id") == Some(id);
            messages.push(message);
            if is_answer {
                return messages;
            }
        }
    }

    /// The response with `id`, skipping the messages before it.
    pub fn response(&mut self, id: &Value) -> Value {
        let mut messages = self.messages_until_response(id);
        messages.pop().expect("the response is the last message")
    }

    /// Closes the server's input, as a client that is done writing does.
    pub fn close_input(&mut self) {
        self.input.take();
    }

    /// Closes both pipes, as a client that dies does: the server's input
    /// ends and what it writes goes nowhere. Only before the first read.
    pub fn hang_up(&mut self) {
        assert!(self.incoming.is_none(), "hang up before reading");
        self.input.take();
        self.output.take();
    }

    /// Waits, within `limit`, for the process to end.
    pub fn wait_for_exit(&mut self, limit: Duration) -> ExitStatus {
        let deadline = Instant::now() + limit;
        loop {
            if let Some(status) = self.child.try_wait().expect("poll pgm lsp") {
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "pgm lsp did not exit within {limit:?}"
            );
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Whether the process is still running.
    pub fn is_running(&mut self) -> bool {
        self.child.try_wait().expect("poll pgm lsp").is_none()
    }
}

impl Drop for RawConnection {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `body` behind an honest `Content-Length` header.
pub fn frame(body: &[u8]) -> Vec<u8> {
    let mut framed = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    framed.extend_from_slice(body);
    framed
}

/// Reads one framed message; `None` at the end of the output or at
/// anything that is not a frame of JSON, which the server must never write.
fn read_frame(output: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if output.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end_matches("\r\n");
        if line.is_empty() {
            break;
        }
        let (name, value) = line.split_once(": ")?;
        if name.eq_ignore_ascii_case("Content-Length") {
            length = Some(value.parse::<usize>().ok()?);
        }
    }
    let mut body = vec![0; length?];
    output.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

/// The process id of the one child of this process: the server a
/// benchmark started with the test client, which does not tell it.
pub fn only_child() -> u32 {
    let me = std::process::id().to_string();
    let children: Vec<u32> = std::fs::read_dir("/proc")
        .expect("/proc lists the processes")
        .filter_map(|entry| entry.ok()?.file_name().to_str()?.parse().ok())
        .filter(|pid| status_field(*pid, "PPid").as_deref() == Some(me.as_str()))
        .collect();
    let [child] = children[..] else {
        panic!("expected one child process, found {children:?}");
    };
    child
}

/// Memory of process `pid` in bytes, as the kernel counts it in
/// `/proc/<pid>/status`: `VmRSS` now, or `VmHWM` at its peak.
pub fn memory(pid: u32, field: &str) -> u64 {
    let kilobytes = status_field(pid, field)
        .and_then(|value| value.trim_end_matches("kB").trim().parse::<u64>().ok())
        .unwrap_or_else(|| panic!("process {pid} reports no {field}"));
    kilobytes * 1024
}

/// A field of `/proc/<pid>/status`, such as `VmRSS` or `THP_enabled`.
pub fn status_field(pid: u32, field: &str) -> Option<String> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status.lines().find_map(|line| {
        let (name, value) = line.split_once(':')?;
        (name == field).then(|| value.trim().to_string())
    })
}
