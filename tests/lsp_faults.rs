//! Fault tests of `pgm lsp` over the real binary: clients that go away
//! mid-request, messages that are malformed or framed by a lying
//! `Content-Length`, files deleted or made unreadable under the server,
//! 10,000 requests in flight, a large document, and a burst of
//! `$/cancelRequest`. Each time the server answers or errors as
//! docs/lsp.md says, keeps serving the next request, and holds exactly the
//! text the client holds.

mod support;

use std::collections::HashMap;
use std::fs;
use std::time::Duration;

use pgm::generate;
use serde_json::{Value, json};
use support::client::{Client, initialize_params};
use support::document::{Document, edit_large_document, large_text};
use support::raw::{RawConnection, frame};
use support::text::{self, Columns};
use support::workspace::Workspace;

const TODAY: &str = "2027-01-04";
const COLUMNS: Columns = Columns::Utf16;

const PARSE_ERROR: i64 = -32700;
const INVALID_REQUEST: i64 = -32600;
const INVALID_PARAMS: i64 = -32602;
const REQUEST_CANCELLED: i64 = -32800;

/// How long a server whose input has closed may take to end: it has only
/// the requests already read to finish. Generous, for a debug build on a
/// busy machine.
const EXIT_LIMIT: Duration = Duration::from_secs(20);

fn start(workspace: &Workspace) -> Client {
    let options = json!({"pgm": {"today": TODAY}});
    Client::initialized(initialize_params(&[workspace.folder()], options, COLUMNS)).0
}

fn error_code(answer: &Result<Value, Value>) -> i64 {
    let error = answer.as_ref().expect_err("an error");
    error["code"].as_i64().expect("a numeric code")
}

fn document_text(client: &mut Client, uri: &str) -> Result<Value, Value> {
    client.request("pgm/documentText", json!({"uri": uri}))
}

fn hover(client: &mut Client, uri: &str, position: &Value) -> Result<Value, Value> {
    client.request("textDocument/hover", hover_params(uri, position))
}

fn hover_params(uri: &str, position: &Value) -> Value {
    json!({"textDocument": {"uri": uri}, "position": position})
}

fn watched(client: &mut Client, uri: &str, kind: u32) {
    let changes = json!([{"uri": uri, "type": kind}]);
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": changes}),
    );
}

const CHANGED: u32 = 2;
const DELETED: u32 = 3;

fn diagnostic_codes(params: &Value) -> Vec<String> {
    let diagnostics = params["diagnostics"].as_array().expect("diagnostics");
    let codes = diagnostics.iter().map(|diagnostic| {
        let code = diagnostic["code"].as_str().expect("a code");
        code.to_string()
    });
    codes.collect()
}

/// The next `window/logMessage` whose message contains `fragment`.
fn log_message(client: &mut Client, fragment: &str) -> Value {
    client.wait_for(&format!("a log message about {fragment:?}"), |message| {
        message["method"] == json!("window/logMessage")
            && message["params"]["message"]
                .as_str()
                .is_some_and(|text| text.contains(fragment))
    })["params"]
        .clone()
}

/// A generated workspace, with the file the tests edit and a reference in
/// it to `project_0`, whose title a hover there shows.
struct Portfolio {
    workspace: Workspace,
    uri: String,
    text: String,
    reference: Value,
}

const PROJECT_0_TITLE: &str = "\"Billing migration 0\"";

impl Portfolio {
    fn generate(projects: usize) -> Portfolio {
        const EDITED: &str = "programs_000.pgm";
        let files = generate::portfolio(&generate::Options::clean(projects));
        let list: Vec<(&str, &str)> = files
            .iter()
            .map(|file| (file.path.as_str(), file.text.as_str()))
            .collect();
        let workspace = Workspace::new(&list);
        let text = files
            .iter()
            .find(|file| file.path == EDITED)
            .expect("the generator writes the first file of programs")
            .text
            .clone();
        let key = "depends_on: project_0";
        let offset = text.find(key).expect("a reference to project_0") + "depends_on: ".len();
        Portfolio {
            uri: workspace.uri(EDITED),
            reference: text::position(&text, offset, COLUMNS),
            text,
            workspace,
        }
    }

    /// Where typing does not move the reference: the end of the first
    /// line, a comment.
    fn typing_offset(&self) -> usize {
        self.text.find('\n').expect("more than one line")
    }

    /// Checks that a hover on the reference shows `project_0`.
    fn assert_hover_serves(&self, client: &mut Client) {
        let answer = hover(client, &self.uri, &self.reference).expect("a hover");
        let shown = answer["contents"]["value"].as_str().unwrap_or_default();
        assert!(shown.contains(PROJECT_0_TITLE), "hover shows {answer:#}");
    }
}

// 1. A client that goes away mid-request.

/// The client sends an edit and a hundred requests that wait for its
/// analysis, then closes the server's input without reading an answer:
/// the server ends by itself, with the status of `exit` without
/// `shutdown`.
#[test]
fn a_client_that_closes_its_input_mid_request_ends_the_server() {
    let portfolio = Portfolio::generate(2_000);
    let mut client = start(&portfolio.workspace);
    let mut document = Document::open(&mut client, &portfolio.uri, &portfolio.text, COLUMNS);
    document.type_at(&mut client, portfolio.typing_offset(), " typed");
    for _ in 0..100 {
        client.send_request(
            "textDocument/hover",
            hover_params(&portfolio.uri, &portfolio.reference),
        );
    }
    client.disconnect();
    assert_eq!(client.wait_for_exit().code(), Some(1));
}

/// The client dies mid-request: both pipes close at once, so the answers
/// the server writes go nowhere. The server still ends, and with the
/// status of a session that was not shut down.
#[test]
fn a_client_that_dies_mid_request_ends_the_server() {
    let portfolio = Portfolio::generate(2_000);
    let mut connection = RawConnection::start();
    let params = initialize_params(&[portfolio.workspace.folder()], Value::Null, COLUMNS);
    connection.send_request(&json!(0), "initialize", params);
    connection.send(&json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}));
    for id in 1..=500 {
        let params = hover_params(&portfolio.uri, &portfolio.reference);
        connection.send_request(&json!(id), "textDocument/hover", params);
    }
    connection.hang_up();
    assert_eq!(connection.wait_for_exit(EXIT_LIMIT).code(), Some(1));
}

// 2. Malformed messages and lying frames.

/// The one file of the workspace of the raw connections.
const PLAN: &str = "person alice \"Alice\"\n";

/// A server on a workspace of one file, spoken to byte by byte.
struct RawSession {
    connection: RawConnection,
    workspace: Workspace,
    next_id: i64,
}

impl RawSession {
    fn start() -> RawSession {
        let workspace = Workspace::new(&[("plan.pgm", PLAN)]);
        // No dynamic registration: the server asks the client nothing.
        let params = json!({
            "processId": null,
            "rootUri": null,
            "capabilities": {},
            "workspaceFolders": [workspace.folder()],
        });
        RawSession {
            connection: RawConnection::initialized(params),
            workspace,
            next_id: 0,
        }
    }

    /// Writes `bytes`, then asks for the text of the workspace's file with
    /// an honest request, and checks the answer. Returns the other answers
    /// that came before it, or after it until `expected` of them came.
    fn refusals(&mut self, bytes: &[u8], expected: usize) -> Vec<Refusal> {
        self.connection.write(bytes);
        self.next_id += 1;
        let id = json!(format!("honest-{}", self.next_id));
        let uri = self.workspace.uri("plan.pgm");
        self.connection
            .send_request(&id, "pgm/documentText", json!({"uri": uri}));
        let mut refusals = Vec::new();
        let mut answered = false;
        while !answered || refusals.len() < expected {
            let message = self
                .connection
                .next_message("the answer to an honest request");
            if message.get("method").is_some() {
                continue;
            }
            if message["id"] == id {
                assert_eq!(message["result"], json!(PLAN), "{message}");
                answered = true;
            } else {
                let code = message["error"]["code"].as_i64().unwrap_or_default();
                refusals.push(Refusal {
                    id: message["id"].clone(),
                    code,
                });
            }
        }
        refusals
    }

    /// Checks that the server answers `bytes` with `expected` and goes on.
    fn check(&mut self, case: &str, bytes: &[u8], expected: &[Refusal]) {
        let refusals = self.refusals(bytes, expected.len());
        assert_eq!(refusals, expected, "{case}");
    }
}

/// An error answer: the id it names and its code.
#[derive(Debug, PartialEq)]
struct Refusal {
    id: Value,
    code: i64,
}

fn refusal(id: Value, code: i64) -> Refusal {
    Refusal { id, code }
}

fn request_bytes(id: i64, method: &str, params: Value) -> Vec<u8> {
    let request = json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params});
    request.to_string().into_bytes()
}

/// docs/lsp.md, Robustness: a body that is not JSON gets `-32700` with id
/// null, JSON that is not a JSON-RPC message `-32600` with its id when it
/// has one, a valid message with parameters that do not fit `-32602`, and
/// bytes outside any frame are skipped; the server goes on each time.
#[test]
fn malformed_messages_are_answered_with_errors_and_the_server_goes_on() {
    let mut session = RawSession::start();
    let parse_error = || [refusal(Value::Null, PARSE_ERROR)];
    let invalid = |id: Value| [refusal(id, INVALID_REQUEST)];
    session.check(
        "not JSON",
        &frame(br#"{"jsonrpc": "2.0", "id": 77, "method": "#),
        &parse_error(),
    );
    session.check(
        "not UTF-8",
        &frame(b"{\"jsonrpc\": \"2.0\", \"id\": 78, \"method\": \"\xff\xfe\"}"),
        &parse_error(),
    );
    session.check("an empty body", &frame(b""), &parse_error());
    session.check("an array", &frame(b"[]"), &invalid(Value::Null));
    session.check("a number", &frame(b"42"), &invalid(Value::Null));
    session.check(
        "a batch",
        &frame(br#"[{"jsonrpc": "2.0", "id": 79, "method": "shutdown"}]"#),
        &invalid(Value::Null),
    );
    session.check(
        "an object with an id and nothing else of a message",
        &frame(br#"{"id": 7, "x": true}"#),
        &invalid(json!(7)),
    );
    session.check(
        "a method that is not a string",
        &frame(br#"{"jsonrpc": "2.0", "id": 8, "method": 5}"#),
        &invalid(json!(8)),
    );
    session.check(
        "JSON-RPC 1.0",
        &frame(br#"{"jsonrpc": "1.0", "id": 9, "method": "shutdown"}"#),
        &invalid(json!(9)),
    );
    session.check(
        "parameters that do not fit the method",
        &frame(
            br#"{"jsonrpc": "2.0", "id": 10, "method": "textDocument/hover", "params": "here"}"#,
        ),
        &[refusal(json!(10), INVALID_PARAMS)],
    );
    session.check(
        "an answer to a request the server never sent",
        &frame(br#"{"jsonrpc": "2.0", "id": 555, "result": null}"#),
        &[],
    );
    let body = br#"{"id": 11, "x": true}"#;
    let headers = format!(
        "content-length: {}\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n",
        body.len()
    );
    session.check(
        "a lowercase header name and another header",
        &[headers.as_bytes(), body].concat(),
        &invalid(json!(11)),
    );
    session.check(
        "lines of garbage before a frame",
        b"garbage\r\nmore: garbage\r\n\r\n",
        &[],
    );
}

/// A frame whose `Content-Length` is shorter than its body: the frame is
/// a piece of JSON, answered `-32700`; the rest of the body, up to the next
/// frame, is bytes outside any frame and skipped. The next request is
/// answered.
#[test]
fn a_content_length_shorter_than_the_body_costs_only_that_message() {
    let mut session = RawSession::start();
    let body = request_bytes(900, "pgm/documentText", json!({"uri": "file:///x.pgm"}));
    let mut lying = format!("Content-Length: {}\r\n\r\n", 10).into_bytes();
    lying.extend_from_slice(&body);
    let parse_error = [refusal(Value::Null, PARSE_ERROR)];
    session.check("10 bytes of a longer body", &lying, &parse_error);
}

/// A frame whose `Content-Length` is longer than its body swallows the
/// start of the next message: that frame is answered `-32700`, and what
/// is left of the swallowed message is bytes outside any frame. The
/// protocol cannot recover the swallowed message, but the one after it is
/// answered.
#[test]
fn a_content_length_longer_than_the_body_costs_only_the_messages_it_swallows() {
    let mut session = RawSession::start();
    let body = request_bytes(901, "pgm/documentText", json!({"uri": "file:///x.pgm"}));
    let swallowed = frame(&request_bytes(902, "shutdown", Value::Null));
    for excess in [5, swallowed.len() - 3] {
        let mut lying = format!("Content-Length: {}\r\n\r\n", body.len() + excess).into_bytes();
        lying.extend_from_slice(&body);
        lying.extend_from_slice(&swallowed);
        let parse_error = [refusal(Value::Null, PARSE_ERROR)];
        session.check(&format!("{excess} bytes too many"), &lying, &parse_error);
    }
}

/// Bytes outside any frame are skipped (docs/lsp.md, Robustness) even
/// when no line break ends them, so that the header of the next frame
/// does not start on their line: a body sent without a header, or with a
/// `Content-Length` that is no number, and a stray word.
#[test]
fn bytes_outside_frames_are_skipped_up_to_the_next_header() {
    let mut session = RawSession::start();
    let body = request_bytes(903, "shutdown", Value::Null);
    session.check(
        "a body without a header",
        &[b"Content-Type: application/json\r\n\r\n".as_slice(), &body].concat(),
        &[],
    );
    session.check(
        "a length that is no number",
        &[b"Content-Length: twelve\r\n\r\n".as_slice(), &body].concat(),
        &[],
    );
    session.check("a stray word", b"oops", &[]);
}

/// A `Content-Length` larger than any message: the server cannot know
/// that the bytes will never come, and waits for them, but it does not
/// crash on the claim and ends when the client closes its input.
#[test]
fn a_content_length_beyond_memory_does_not_crash_the_server() {
    for claimed in ["99999999999999", "18446744073709551615"] {
        let mut session = RawSession::start();
        let mut lying = format!("Content-Length: {claimed}\r\n\r\n").into_bytes();
        lying.extend_from_slice(&request_bytes(904, "shutdown", Value::Null));
        session.connection.write(&lying);
        let swallowed = request_bytes(905, "pgm/documentText", json!({"uri": "file:///x.pgm"}));
        session.connection.write(&frame(&swallowed));
        session.connection.close_input();
        let status = session.connection.wait_for_exit(EXIT_LIMIT);
        assert_eq!(status.code(), Some(1), "Content-Length: {claimed}");
    }
}

// 3. A file deleted on disk.

const PEOPLE: &str = "person alice \"Alice\"\n";

/// `netwrk` is unresolved, so the file has a diagnostic to withdraw.
const APOLLO: &str = r#"program apollo "Apollo" {
  owner: alice

  project network "Network" {
    owner: alice
    start: 2027-01-04
    duration: 2w
  }

  project billing "Billing" {
    owner: alice
    depends_on: netwrk
    duration: 1w
  }
}
"#;

const HERMES: &str = r#"program hermes "Hermes" {
  owner: alice

  project portal "Portal" {
    owner: alice
    depends_on: apollo.network
    duration: 1w
  }
}
"#;

fn plans() -> Workspace {
    Workspace::new(&[
        ("people.pgm", PEOPLE),
        ("apollo.pgm", APOLLO),
        ("hermes.pgm", HERMES),
    ])
}

/// The position of the first `needle` in `text`.
fn position_of(text: &str, needle: &str) -> Value {
    let offset = text.find(needle).expect("the needle is in the text");
    text::position(text, offset, COLUMNS)
}

/// Until the watcher says so, the server answers for a deleted file from
/// the text it read; once told, it withdraws the file's diagnostics,
/// answers requests on it as on any unknown document, and resolves the
/// names of other files without it.
#[test]
fn a_file_deleted_on_disk_is_dropped_when_the_watcher_says_so() {
    let workspace = plans();
    let mut client = start(&workspace);
    let apollo = workspace.uri("apollo.pgm");
    let hermes = workspace.uri("hermes.pgm");
    let published = client.diagnostics(&apollo);
    assert_eq!(diagnostic_codes(&published), ["unresolved-reference"]);

    workspace.remove("apollo.pgm");
    let network = position_of(APOLLO, "network");
    let before = hover(&mut client, &apollo, &network).expect("a hover");
    assert!(before["contents"]["value"].as_str().is_some(), "{before:#}");
    assert_eq!(document_text(&mut client, &apollo), Ok(json!(APOLLO)));

    watched(&mut client, &apollo, DELETED);
    let withdrawn = client.diagnostics(&apollo);
    assert_eq!(diagnostic_codes(&withdrawn), Vec::<String>::new());
    let after = hover(&mut client, &apollo, &network);
    assert_eq!(error_code(&after), INVALID_PARAMS, "{after:?}");
    assert_eq!(
        error_code(&document_text(&mut client, &apollo)),
        INVALID_PARAMS
    );
    let dangling = client.diagnostics(&hermes);
    assert_eq!(diagnostic_codes(&dangling), ["unresolved-reference"]);

    // A change reported for a file that is gone by the time it is read.
    watched(&mut client, &apollo, CHANGED);
    log_message(&mut client, "apollo.pgm: no such file or directory");
    let alice = position_of(PEOPLE, "alice");
    let people = workspace.uri("people.pgm");
    let served = hover(&mut client, &people, &alice).expect("a hover");
    assert!(served["contents"]["value"].as_str().is_some(), "{served:#}");
    assert!(client.shutdown().success());
}

/// An open document keeps the editor's text when its file is deleted:
/// no edit is lost. Closed, it has no file to fall back to, so it leaves
/// the workspace and its diagnostics are withdrawn.
#[test]
fn an_open_document_whose_file_is_deleted_keeps_its_edits_until_closed() {
    let workspace = plans();
    let mut client = start(&workspace);
    let hermes = workspace.uri("hermes.pgm");
    let mut document = Document::open(&mut client, &hermes, HERMES, COLUMNS);
    let network = HERMES.find("network").expect("a reference");
    document.replace(&mut client, network, network + "network".len(), "netwrk");
    let published = client.diagnostics_until(&hermes, |params| params["version"] == json!(2));
    assert_eq!(diagnostic_codes(&published), ["unresolved-reference"]);

    workspace.remove("hermes.pgm");
    watched(&mut client, &hermes, DELETED);
    let title_end = document.text.find("Portal\"").expect("a title") + "Portal".len();
    document.type_at(&mut client, title_end, " é中😀");
    document.assert_held_by(&mut client);
    let portal = position_of(&document.text, "portal");
    let served = hover(&mut client, &hermes, &portal).expect("a hover");
    assert!(served["contents"]["value"].as_str().is_some(), "{served:#}");

    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": hermes}}),
    );
    let withdrawn = client.diagnostics(&hermes);
    assert_eq!(withdrawn["version"], Value::Null);
    assert_eq!(diagnostic_codes(&withdrawn), Vec::<String>::new());
    assert_eq!(
        error_code(&hover(&mut client, &hermes, &portal)),
        INVALID_PARAMS
    );
    assert!(client.shutdown().success());
}

// 4. A file that becomes unreadable.

/// Makes the file at `path` unreadable and says how. `chmod 000` when that
/// stops reads; as root it does not, and the file is replaced by a
/// directory of the same name, which no read gets text from either.
fn make_unreadable(path: &std::path::Path) -> &'static str {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(0o000)).expect("chmod 000");
    if fs::read(path).is_err() {
        return "chmod 000";
    }
    fs::remove_file(path).expect("remove the file");
    fs::create_dir(path).expect("a directory in its place");
    "a directory in its place"
}

/// Undoes `make_unreadable`.
fn make_readable(path: &std::path::Path) {
    use std::os::unix::fs::PermissionsExt;
    if path.is_dir() {
        fs::remove_dir(path).expect("remove the directory");
    } else {
        fs::set_permissions(path, fs::Permissions::from_mode(0o644)).expect("chmod 644");
    }
}

/// A watched file that becomes unreadable, or not UTF-8, is reported in a
/// warning that names it and why, and leaves the workspace; the other
/// files go on being served, and the file comes back once it can be read.
#[test]
fn a_file_that_becomes_unreadable_is_reported_and_the_rest_keeps_working() {
    let workspace = plans();
    let mut client = start(&workspace);
    let apollo = workspace.uri("apollo.pgm");
    let hermes = workspace.uri("hermes.pgm");
    assert_eq!(
        diagnostic_codes(&client.diagnostics(&apollo)),
        ["unresolved-reference"]
    );

    let how = make_unreadable(&workspace.path("apollo.pgm"));
    watched(&mut client, &apollo, CHANGED);
    let warning = log_message(&mut client, "apollo.pgm: cannot read");
    assert_eq!(warning["type"], json!(2), "{how}: {warning}");
    let withdrawn = client.diagnostics(&apollo);
    assert_eq!(diagnostic_codes(&withdrawn), Vec::<String>::new(), "{how}");

    fs::write(
        workspace.path("hermes.pgm"),
        b"program hermes \xff\xfe {}\n",
    )
    .expect("write bytes");
    watched(&mut client, &hermes, CHANGED);
    let warning = log_message(&mut client, "hermes.pgm: not valid UTF-8 (at byte 15)");
    assert_eq!(warning["type"], json!(2), "{warning}");

    let alice = position_of(PEOPLE, "alice");
    let people = workspace.uri("people.pgm");
    let served = hover(&mut client, &people, &alice).expect("a hover");
    assert!(served["contents"]["value"].as_str().is_some(), "{served:#}");

    make_readable(&workspace.path("apollo.pgm"));
    workspace.write("apollo.pgm", APOLLO);
    watched(&mut client, &apollo, CHANGED);
    let back = client.diagnostics(&apollo);
    assert_eq!(diagnostic_codes(&back), ["unresolved-reference"]);
    assert!(client.shutdown().success());
}

/// A file that cannot be read when the server starts is reported after
/// `initialized`, and the others are loaded.
#[test]
fn a_file_unreadable_at_start_is_reported_and_the_others_load() {
    let workspace = plans();
    fs::write(workspace.path("hermes.pgm"), b"\xc3(").expect("write bytes");
    let mut client = start(&workspace);
    log_message(&mut client, "hermes.pgm: not valid UTF-8 (at byte 0)");
    let apollo = workspace.uri("apollo.pgm");
    assert_eq!(
        diagnostic_codes(&client.diagnostics(&apollo)),
        ["unresolved-reference"]
    );
    assert_eq!(
        error_code(&document_text(&mut client, &workspace.uri("hermes.pgm"))),
        INVALID_PARAMS
    );
    assert!(client.shutdown().success());
}

/// An open document closed while its file cannot be read: the server has
/// no text to fall back to, says so, and drops the document.
#[test]
fn closing_a_document_whose_file_is_unreadable_is_reported() {
    let workspace = plans();
    let mut client = start(&workspace);
    let apollo = workspace.uri("apollo.pgm");
    Document::open(&mut client, &apollo, APOLLO, COLUMNS);
    let how = make_unreadable(&workspace.path("apollo.pgm"));
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": apollo}}),
    );
    let warning = log_message(&mut client, "apollo.pgm: cannot read");
    assert_eq!(warning["type"], json!(2), "{how}: {warning}");
    let people = workspace.uri("people.pgm");
    let served = hover(&mut client, &people, &position_of(PEOPLE, "alice"));
    assert!(served.is_ok(), "{served:?}");
    assert!(client.shutdown().success());
}

// 5. Requests in flight.

/// 10,000 requests sent without waiting, hovers with a text request every
/// tenth and an edit every thousandth: every request is answered exactly
/// once, each text request with the text as it was when it was sent, and
/// the server ends with the client's text.
#[test]
fn ten_thousand_requests_in_flight_are_each_answered_once() {
    let portfolio = Portfolio::generate(1_000);
    let mut client = start(&portfolio.workspace);
    let mut document = Document::open(&mut client, &portfolio.uri, &portfolio.text, COLUMNS);
    let typing = portfolio.typing_offset();
    let mut texts = Vec::new();
    // Each request by id, and for a text request the index of the text it
    // was sent after.
    let mut pending = HashMap::new();
    for round in 0..10_000 {
        if round % 1_000 == 0 {
            document.type_at(&mut client, typing + round / 1_000, "x");
            texts.push(document.text.clone());
        }
        if round % 10 == 0 {
            let id = client.send_request("pgm/documentText", json!({"uri": portfolio.uri}));
            pending.insert(id, Some(texts.len() - 1));
        } else {
            let params = hover_params(&portfolio.uri, &portfolio.reference);
            pending.insert(client.send_request("textDocument/hover", params), None);
        }
    }
    assert_eq!(pending.len(), 10_000);
    while !pending.is_empty() {
        let answer = client.wait_for("an answer", |message| {
            message.get("method").is_none() && message.get("id").is_some()
        });
        let id = answer["id"].as_i64().expect("a numeric id");
        let text = pending
            .remove(&id)
            .unwrap_or_else(|| panic!("request {id} answered twice or never sent"));
        let result = &answer["result"];
        match text {
            Some(text) => assert!(*result == json!(texts[text]), "request {id}: another text"),
            None => {
                let shown = result["contents"]["value"].as_str().unwrap_or_default();
                assert!(shown.contains(PROJECT_0_TITLE), "{answer}");
            }
        }
    }

    assert_no_stray_answer(&mut client, &document);
    portfolio.assert_hover_serves(&mut client);
    assert!(client.shutdown().success());
}

/// Checks that the next answer from the server is the one to a request
/// sent now, for `document`'s text, which it matches: any answer sent twice
/// or to no request would come first.
fn assert_no_stray_answer(client: &mut Client, document: &Document) {
    let last = client.send_request("pgm/documentText", json!({"uri": document.uri}));
    let answer = client.wait_for("an answer", |message| {
        message.get("method").is_none() && message.get("id").is_some()
    });
    assert_eq!(answer["id"], json!(last), "{answer}");
    assert!(
        answer["result"] == json!(document.text),
        "the server's text differs"
    );
}

// 6. A large document.

/// Bytes of the large document, the size the issue asks for: a debug build
/// takes about 25 seconds over it, on a machine shared with other builds;
/// benches/soak.rs times the same against the release build, to the end of
/// its analysis.
const LARGE_DOCUMENT: usize = 50_000_000;

/// A large document opened and edited at its end, middle and start and
/// across thousands of lines: the server holds the client's text, and
/// serves the next request.
#[test]
fn a_large_document_is_opened_and_edited_without_losing_a_byte() {
    let workspace = Workspace::new(&[("people.pgm", PEOPLE)]);
    let mut client = start(&workspace);
    let text = large_text(LARGE_DOCUMENT);
    let document = edit_large_document(&mut client, &workspace.uri("large.pgm"), &text);
    document.assert_held_by(&mut client);
    let people = workspace.uri("people.pgm");
    assert_eq!(document_text(&mut client, &people), Ok(json!(PEOPLE)));
}

// 7. A burst of `$/cancelRequest`.

/// Rounds of an edit, requests that wait for its analysis, and cancels:
/// of every other pending request, of a request answered long ago, and of
/// ids never used (numbers and strings). Each cancelled request gets its
/// answer or `-32800`, each other one its answer, exactly once; the edits
/// are all applied; and the server serves the next request.
#[test]
fn a_burst_of_cancels_answers_each_request_once_and_loses_no_edit() {
    let portfolio = Portfolio::generate(2_000);
    let mut client = start(&portfolio.workspace);
    let mut document = Document::open(&mut client, &portfolio.uri, &portfolio.text, COLUMNS);
    let typing = portfolio.typing_offset();
    let cancel = |client: &mut Client, id: Value| {
        client.notify("$/cancelRequest", json!({"id": id}));
    };
    let mut sent = Vec::new();
    for round in 0..50 {
        document.type_at(&mut client, typing + round, "y");
        let ids: Vec<i64> = (0..10)
            .map(|_| {
                let params = hover_params(&portfolio.uri, &portfolio.reference);
                client.send_request("textDocument/hover", params)
            })
            .collect();
        for (index, &id) in ids.iter().enumerate().rev() {
            let cancelled = index % 2 == 1;
            if cancelled {
                cancel(&mut client, json!(id));
            }
            sent.push((id, cancelled));
        }
        // The `initialize` request, answered long ago.
        cancel(&mut client, json!(1));
        cancel(&mut client, json!(1_000_000 + round));
        cancel(&mut client, json!(format!("never-{round}")));
    }

    let mut cancelled = 0;
    for &(id, was_cancelled) in &sent {
        match client.response(id) {
            Ok(answer) => {
                let shown = answer["contents"]["value"].as_str().unwrap_or_default();
                assert!(shown.contains(PROJECT_0_TITLE), "{answer:#}");
            }
            Err(error) => {
                assert!(was_cancelled, "request {id} was not cancelled: {error:#}");
                assert_eq!(error["code"], json!(REQUEST_CANCELLED), "{error:#}");
                cancelled += 1;
            }
        }
    }
    eprintln!(
        "{cancelled} of {} cancelled requests were cut short",
        sent.len() / 2
    );
    document.assert_held_by(&mut client);
    assert_no_stray_answer(&mut client, &document);
    portfolio.assert_hover_serves(&mut client);
    assert!(client.shutdown().success());
}
