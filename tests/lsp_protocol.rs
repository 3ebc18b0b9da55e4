//! End-to-end tests of `pgm lsp`'s protocol core: capability negotiation,
//! position encodings, the order of edits, bad requests and the lifecycle.

mod support;

use serde_json::{Value, json};
use support::client::{Client, initialize_params};
use support::text::{self, Columns};
use support::workspace::Workspace;

const TODAY: &str = "2027-01-04";

fn start(workspace: &Workspace, columns: Columns) -> (Client, Value) {
    let params = initialize_params(
        &[workspace.folder()],
        json!({"pgm": {"today": TODAY}}),
        columns,
    );
    Client::initialized(params)
}

fn open(client: &mut Client, uri: &str, text: &str) {
    let document = json!({"uri": uri, "languageId": "pgm", "version": 1, "text": text});
    client.notify("textDocument/didOpen", json!({"textDocument": document}));
}

fn document_text(client: &mut Client, uri: &str) -> String {
    let text = client.request("pgm/documentText", json!({"uri": uri}));
    text.expect("the document is known")
        .as_str()
        .expect("a string")
        .to_string()
}

fn error_code(answer: Result<Value, Value>) -> i64 {
    let error = answer.expect_err("an error");
    error["code"].as_i64().expect("a numeric code")
}

#[test]
fn the_server_offers_incremental_sync_and_workspace_folders() {
    let workspace = Workspace::new(&[]);
    let (client, result) = start(&workspace, Columns::Utf16);
    let capabilities = &result["capabilities"];
    assert_eq!(capabilities["textDocumentSync"]["change"], json!(2));
    assert_eq!(capabilities["textDocumentSync"]["openClose"], json!(true));
    assert_eq!(
        capabilities["workspace"]["workspaceFolders"],
        json!({"supported": true, "changeNotifications": true})
    );
    assert_eq!(result["serverInfo"]["name"], json!("pgm"));
    assert!(client.shutdown().success());
}

/// Opens a line of accents, CJK and an emoji in a client counting in
/// `columns`, checks where the server puts a diagnostic after them, fixes
/// it with an edit placed in `columns`, and checks the text and that the
/// diagnostic is gone.
/// Without transparent huge pages the server's resident set is a third
/// smaller, two thirds on a small workspace (docs/performance.md).
#[cfg(target_os = "linux")]
#[test]
fn the_server_runs_without_transparent_huge_pages() {
    let workspace = Workspace::new(&[("plan.pgm", "person alice\n")]);
    let (client, _) = start(&workspace, Columns::Utf16);
    let enabled = support::raw::status_field(client.pid(), "THP_enabled");
    assert_eq!(enabled.as_deref(), Some("0"));
    assert!(client.shutdown().success());
}

fn check_columns(columns: Columns) {
    let workspace = Workspace::new(&[]);
    let (mut client, result) = start(&workspace, columns);
    assert_eq!(
        result["capabilities"]["positionEncoding"],
        json!(columns.name())
    );

    let uri = workspace.uri("accents.pgm");
    let text = "person zoe \"Zoë 中文 😀\" { rol: \"x\" }\n";
    open(&mut client, &uri, text);
    let key = text.find("rol").unwrap();
    let published = client.diagnostics(&uri);
    let unknown_property = published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|diagnostic| diagnostic["code"] == json!("unknown-property"))
        .unwrap_or_else(|| panic!("an unknown-property diagnostic in {published:#}"))
        .clone();
    assert_eq!(
        unknown_property["range"],
        text::range(text, key, key + 3, columns)
    );

    let change = json!({"range": text::range(text, key, key + 3, columns), "text": "role"});
    let params = json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [change]});
    client.notify("textDocument/didChange", params);
    let fixed = text.replacen("rol:", "role:", 1);
    assert_eq!(document_text(&mut client, &uri), fixed);
    let published = client.diagnostics_until(&uri, |params| params["version"] == json!(2));
    let codes: Vec<&Value> = published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|diagnostic| &diagnostic["code"])
        .collect();
    assert!(
        !codes.contains(&&json!("unknown-property")),
        "{published:#}"
    );
}

#[test]
fn positions_count_utf8_bytes_when_the_client_offers_utf8() {
    check_columns(Columns::Utf8);
}

#[test]
fn positions_count_utf16_units_otherwise() {
    check_columns(Columns::Utf16);
}

/// A byte range of `text` on which an edit may start and end: up to
/// `longest` bytes, often across a line break.
fn random_range(rng: &mut fastrand::Rng, text: &str, longest: usize) -> (usize, usize) {
    let floor = |mut offset: usize| {
        while !text::is_position(text, offset) {
            offset -= 1;
        }
        offset
    };
    let start = floor(rng.usize(..=text.len()));
    let end = floor((start + rng.usize(..=longest)).min(text.len()));
    (start, end)
}

/// The order of edits is a guarantee of the server's design: 2,000 edits
/// sent without waiting, of multi-byte text over CRLF line breaks and often
/// across lines, two to a notification now and then and once replacing the
/// whole text, leave the server with the client's text, byte for byte.
#[test]
fn two_thousand_rapid_edits_are_applied_in_the_order_sent() {
    const PIECES: &[&str] = &[
        "é",
        "中文",
        "😀",
        "\r\n",
        "x",
        "",
        "ß\r\nÿ",
        "project p \"Pé 😀\" {\r\n  duration: 2w\r\n}\r\n",
    ];
    let workspace = Workspace::new(&[]);
    let (mut client, _) = start(&workspace, Columns::Utf16);
    let uri = workspace.uri("edited.pgm");
    let mut text = "person é \"中文\" // 😀\r\nteam t \"T\"\r\n/* x😀y */\r\n".to_string();
    open(&mut client, &uri, &text);
    let mut rng = fastrand::Rng::with_seed(2027);
    let mut edits = 0;
    for version in 2.. {
        if edits >= 2000 {
            break;
        }
        let mut changes = Vec::new();
        if version == 1000 {
            text = "program whole \"Whole 中\" {\r\n}\r\n".to_string();
            changes.push(json!({"text": text}));
        }
        let in_this_notification = if version % 10 == 0 { 2 } else { 1 };
        for _ in 0..in_this_notification {
            let longest = if text.len() > 600 { 60 } else { 12 };
            let (start, end) = random_range(&mut rng, &text, longest);
            let new_text = PIECES[rng.usize(..PIECES.len())];
            let range = text::range(&text, start, end, Columns::Utf16);
            text.replace_range(start..end, new_text);
            changes.push(json!({"range": range, "text": new_text}));
            edits += 1;
        }
        let document = json!({"uri": uri, "version": version});
        client.notify(
            "textDocument/didChange",
            json!({"textDocument": document, "contentChanges": changes}),
        );
    }
    assert_eq!(document_text(&mut client, &uri).as_bytes(), text.as_bytes());
}

#[test]
fn bad_requests_get_errors_and_the_server_keeps_serving() {
    const SERVER_NOT_INITIALIZED: i64 = -32002;
    const PARSE_ERROR: i64 = -32700;
    const INVALID_REQUEST: i64 = -32600;
    const METHOD_NOT_FOUND: i64 = -32601;
    const INVALID_PARAMS: i64 = -32602;

    let workspace = Workspace::new(&[]);
    let mut client = Client::start();
    let uri = workspace.uri("plan.pgm");
    let before = client.request("pgm/documentText", json!({"uri": uri}));
    assert_eq!(error_code(before), SERVER_NOT_INITIALIZED);

    let params = initialize_params(
        &[workspace.folder()],
        json!({"today": TODAY}),
        Columns::Utf16,
    );
    client
        .request("initialize", params)
        .expect("initialize succeeds");
    client.notify("initialized", json!({}));
    let again = client.request("initialize", json!({"capabilities": {}}));
    assert_eq!(error_code(again), INVALID_REQUEST);

    assert_eq!(
        error_code(client.request("pgm/noSuchMethod", json!({}))),
        METHOD_NOT_FOUND
    );
    let malformed = client.request("pgm/documentText", json!({"uri": 5}));
    assert_eq!(error_code(malformed), INVALID_PARAMS);
    let unknown = client.request("pgm/documentText", json!({"uri": "file:///nowhere/x.pgm"}));
    assert_eq!(error_code(unknown), INVALID_PARAMS);
    let pull = client.request(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": "file:///nowhere/x.pgm"}}),
    );
    assert_eq!(error_code(pull), INVALID_PARAMS);

    client.send_raw("{\"jsonrpc\": \"2.0\", \"id\": 77, \"method\": ");
    let answer = client.wait_for("the answer to a message that is not JSON", |message| {
        message.get("id") == Some(&Value::Null) && message.get("error").is_some()
    });
    assert_eq!(answer["error"]["code"], json!(PARSE_ERROR));

    client.notify("$/cancelRequest", json!({"id": 12345}));
    client.notify("pgm/noSuchNotification", json!({}));
    let unopened = json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": []});
    client.notify("textDocument/didChange", unopened);

    open(&mut client, &uri, "person a \"A\"\n");
    let past_the_end = json!({
        "range": {"start": {"line": 9, "character": 0}, "end": {"line": 12, "character": 40}},
        "text": "person b \"B\"\n",
    });
    let params =
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [past_the_end]});
    client.notify("textDocument/didChange", params);
    assert_eq!(
        document_text(&mut client, &uri),
        "person a \"A\"\nperson b \"B\"\n"
    );
    assert!(client.shutdown().success());
}

#[test]
fn requests_after_shutdown_are_refused_and_exit_ends_the_process() {
    let workspace = Workspace::new(&[]);
    let (mut client, _) = start(&workspace, Columns::Utf16);
    assert_eq!(client.request("shutdown", Value::Null), Ok(Value::Null));
    let late = client.request("pgm/documentText", json!({"uri": workspace.uri("a.pgm")}));
    assert_eq!(error_code(late), -32600);
    client.notify("exit", Value::Null);
    assert!(client.wait_for_exit().success());
}

#[test]
fn exit_without_shutdown_is_a_failure() {
    let workspace = Workspace::new(&[]);
    let (mut client, _) = start(&workspace, Columns::Utf16);
    client.notify("exit", Value::Null);
    assert_eq!(client.wait_for_exit().code(), Some(1));
}

#[test]
fn a_client_that_goes_away_ends_the_server() {
    let workspace = Workspace::new(&[]);
    let (mut client, _) = start(&workspace, Columns::Utf16);
    client.disconnect();
    assert_eq!(client.wait_for_exit().code(), Some(1));
}
