//! End-to-end tests of `pgm lsp`'s workspace and diagnostics: every file of
//! the workspace folders is checked, open documents override the disk,
//! changes on disk and in the settings are followed, and each file's
//! diagnostics are published when they change, with the document version.

mod support;

use std::fmt::Write;

use expect_test::{Expect, expect};
use serde_json::{Value, json};
use support::client::{Client, initialize_params};
use support::text::Columns;
use support::workspace::Workspace;

const TODAY: &str = "2027-01-04";

const PEOPLE: &str = r#"person alice "Alice Chen"
person bob "Bob Okafor"
"#;

const PLAN: &str = r#"program apollo "Apollo" {
  owner: alice

  project network "Network backbone" {
    owner: alice
    start: 2027-01-04
    duration: 2w
  }

  project billing "Billing migration" {
    owner: alice
    depends_on: netwrk
    duration: 1w
  }
}
"#;

/// Exposure 3 × 4 = 12: below the default threshold of 15.
const RISKS: &str = r#"program hermes "Hermes" {
  owner: alice

  project portal "Portal" {
    owner: alice
    start: 2027-01-04
    duration: 1w
  }

  risk slip "Vendor slips" {
    owner: alice
    likelihood: 3
    impact: 4
    affects: portal
  }
}
"#;

const CYCLE: &str = r#"program cyclic "Cyclic" {
  owner: alice

  project first "First" {
    owner: alice
    depends_on: second
    duration: 1w
  }

  project second "Second" {
    owner: alice
    depends_on: first
    duration: 1w
  }
}
"#;

fn workspace() -> Workspace {
    Workspace::new(&[
        ("people.pgm", PEOPLE),
        ("plans/apollo.pgm", PLAN),
        ("plans/hermes.pgm", RISKS),
    ])
}

fn start(workspace: &Workspace) -> Client {
    let options = json!({"pgm": {"today": TODAY}});
    let params = initialize_params(&[workspace.folder()], options, Columns::Utf16);
    Client::initialized(params).0
}

fn diagnostics(params: &Value) -> &Vec<Value> {
    params["diagnostics"]
        .as_array()
        .expect("a list of diagnostics")
}

/// One line per diagnostic: range, severity, code, tags and message, then
/// its related locations (named by file name) indented below.
fn summary(params: &Value) -> String {
    let mut out = format!("version: {}\n", params["version"]);
    for diagnostic in diagnostics(params) {
        let code = diagnostic["code"].as_str().expect("a code");
        let documentation = format!("{}#{code}", pgm::lsp::DIAGNOSTICS_DOCUMENTATION);
        assert_eq!(diagnostic["codeDescription"]["href"], json!(documentation));
        assert_eq!(diagnostic["source"], json!("pgm"));
        let severity = ["", "error", "warning", "information", "hint"]
            [diagnostic["severity"].as_u64().expect("a severity") as usize];
        let tags = match &diagnostic["tags"] {
            Value::Null => String::new(),
            tags => format!(" tags {tags}"),
        };
        let message = diagnostic["message"].as_str().expect("a message");
        writeln!(
            out,
            "{} {severity} {code}{tags}: {message}",
            place(&diagnostic["range"])
        )
        .unwrap();
        for related in diagnostic["relatedInformation"]
            .as_array()
            .into_iter()
            .flatten()
        {
            let uri = related["location"]["uri"].as_str().expect("a URI");
            let file = uri.rsplit('/').next().expect("a file name");
            let message = related["message"].as_str().expect("a message");
            let range = place(&related["location"]["range"]);
            writeln!(out, "  {file} {range}: {message}").unwrap();
        }
    }
    out
}

fn place(range: &Value) -> String {
    let at = |position: &Value| format!("{}:{}", position["line"], position["character"]);
    format!("{}-{}", at(&range["start"]), at(&range["end"]))
}

fn check(params: &Value, expect: Expect) {
    expect.assert_eq(&summary(params));
}

fn open(client: &mut Client, uri: &str, text: &str) {
    let document = json!({"uri": uri, "languageId": "pgm", "version": 1, "text": text});
    client.notify("textDocument/didOpen", json!({"textDocument": document}));
}

/// Replaces the first `old` of `text` with `new`, in the editor and on the
/// server, as version `version`; returns the new text.
fn edit(client: &mut Client, uri: &str, version: i32, text: &str, old: &str, new: &str) -> String {
    let start = text.find(old).expect("the text to replace");
    let range = support::text::range(text, start, start + old.len(), Columns::Utf16);
    let change = json!({"range": range, "text": new});
    let document = json!({"uri": uri, "version": version});
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": document, "contentChanges": [change]}),
    );
    text.replacen(old, new, 1)
}

fn watched(client: &mut Client, changes: &[(String, u32)]) {
    let changes: Vec<Value> = changes
        .iter()
        .map(|(uri, kind)| json!({"uri": uri, "type": kind}))
        .collect();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": changes}),
    );
}

const CREATED: u32 = 1;
const CHANGED: u32 = 2;
const DELETED: u32 = 3;

#[test]
fn every_file_of_the_workspace_is_checked_without_being_opened() {
    let workspace = workspace();
    workspace.write("cycle.pgm", CYCLE);
    let mut client = start(&workspace);
    check(
        &client.diagnostics(&workspace.uri("plans/apollo.pgm")),
        expect![[r#"
            version: null
            11:16-11:22 error unresolved-reference: there is no `netwrk` in program `apollo` or at the top level; did you mean `network`?
        "#]],
    );
    check(
        &client.diagnostics(&workspace.uri("people.pgm")),
        expect![[r#"
            version: null
            1:7-1:10 hint unused-definition tags [1]: person `bob` is defined but nothing refers to it
        "#]],
    );
    check(
        &client.diagnostics(&workspace.uri("cycle.pgm")),
        expect![[r#"
            version: null
            5:16-5:22 error dependency-cycle: `cyclic.first` depends on `cyclic.second` inside a dependency cycle: cyclic.first → cyclic.second → cyclic.first
              cycle.pgm 11:16-11:21: `cyclic.second` depends on `cyclic.first`
            11:16-11:21 error dependency-cycle: `cyclic.second` depends on `cyclic.first` inside a dependency cycle: cyclic.first → cyclic.second → cyclic.first
              cycle.pgm 5:16-5:22: `cyclic.first` depends on `cyclic.second`
        "#]],
    );
    assert!(client.shutdown().success());
}

#[test]
fn edits_republish_with_the_document_version_and_a_clean_file_gets_an_empty_publication() {
    let workspace = workspace();
    let mut client = start(&workspace);
    let uri = workspace.uri("plans/apollo.pgm");
    assert_eq!(diagnostics(&client.diagnostics(&uri)).len(), 1);

    open(&mut client, &uri, PLAN);
    let text = edit(&mut client, &uri, 2, PLAN, "netwrk", "network");
    check(
        &client.diagnostics(&uri),
        expect![[r#"
        version: 2
    "#]],
    );

    edit(
        &mut client,
        &uri,
        3,
        &text,
        "depends_on: network",
        "depends_on: network, portl",
    );
    check(
        &client.diagnostics(&uri),
        expect![[r#"
        version: 3
        11:25-11:30 error unresolved-reference: there is no `portl` in program `apollo` or at the top level; did you mean `hermes.portal`?
    "#]],
    );
    assert!(client.shutdown().success());
}

#[test]
fn a_closed_document_falls_back_to_its_text_on_disk() {
    let workspace = workspace();
    let mut client = start(&workspace);
    let uri = workspace.uri("plans/apollo.pgm");
    assert_eq!(diagnostics(&client.diagnostics(&uri)).len(), 1);

    open(&mut client, &uri, PLAN);
    edit(&mut client, &uri, 2, PLAN, "netwrk", "network");
    let clean = client.diagnostics(&uri);
    assert_eq!(
        (clean["version"].clone(), diagnostics(&clean).len()),
        (json!(2), 0)
    );

    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
    let reverted = client.diagnostics(&uri);
    assert_eq!(
        (reverted["version"].clone(), diagnostics(&reverted).len()),
        (Value::Null, 1)
    );
    assert!(client.shutdown().success());
}

#[test]
fn files_created_changed_and_deleted_on_disk_are_followed() {
    let workspace = workspace();
    let mut client = start(&workspace);
    let registration = client.server_request("client/registerCapability");
    let registration = &registration["registrations"][0];
    assert_eq!(
        registration["method"],
        json!("workspace/didChangeWatchedFiles")
    );
    assert_eq!(
        registration["registerOptions"]["watchers"],
        json!([{"globPattern": "**/*.pgm"}, {"globPattern": "**/pgm.toml"}])
    );
    let apollo = workspace.uri("plans/apollo.pgm");
    assert_eq!(diagnostics(&client.diagnostics(&apollo)).len(), 1);

    workspace.write("extra.pgm", "person carol \"Carol\" { rol: \"x\" }\n");
    watched(&mut client, &[(workspace.uri("extra.pgm"), CREATED)]);
    check(
        &client.diagnostics(&workspace.uri("extra.pgm")),
        expect![[r#"
            version: null
            0:7-0:12 hint unused-definition tags [1]: person `carol` is defined but nothing refers to it
            0:23-0:26 error unknown-property: a person has no property `rol`; did you mean `role`?
        "#]],
    );

    workspace.write("plans/apollo.pgm", &PLAN.replace("netwrk", "network"));
    watched(&mut client, &[(apollo.clone(), CHANGED)]);
    check(
        &client.diagnostics(&apollo),
        expect![[r#"
        version: null
    "#]],
    );

    workspace.write("plans/apollo.pgm", PLAN);
    watched(&mut client, &[(apollo.clone(), CHANGED)]);
    assert_eq!(diagnostics(&client.diagnostics(&apollo)).len(), 1);
    workspace.remove("plans/apollo.pgm");
    watched(&mut client, &[(apollo.clone(), DELETED)]);
    check(
        &client.diagnostics(&apollo),
        expect![[r#"
        version: null
    "#]],
    );
    assert!(client.shutdown().success());
}

#[test]
fn configuration_changes_take_effect_without_a_restart() {
    let workspace = workspace();
    let mut client = start(&workspace);
    let hermes = workspace.uri("plans/hermes.pgm");
    let configure = |client: &mut Client, settings: Value| {
        client.notify(
            "workspace/didChangeConfiguration",
            json!({"settings": settings}),
        );
    };

    configure(
        &mut client,
        json!({"pgm": {"today": TODAY, "exposureThreshold": 10}}),
    );
    check(
        &client.diagnostics(&hermes),
        expect![[r#"
        version: null
        9:7-9:11 warning unmitigated-risk: open risk `hermes.slip` has exposure 12 (likelihood 3 × impact 4), at or above the threshold 10, and no `mitigation`
    "#]],
    );

    configure(
        &mut client,
        json!({"today": TODAY, "exposureThreshold": 15}),
    );
    check(
        &client.diagnostics(&hermes),
        expect![[r#"
        version: null
    "#]],
    );

    client.answer(
        "workspace/configuration",
        json!([{"today": TODAY, "exposureThreshold": 12}]),
    );
    configure(&mut client, Value::Null);
    let asked = client.server_request("workspace/configuration");
    assert_eq!(asked["items"], json!([{"section": "pgm"}]));
    assert_eq!(diagnostics(&client.diagnostics(&hermes)).len(), 1);
    assert!(client.shutdown().success());
}

#[test]
fn a_changed_pgm_toml_takes_effect_without_a_restart() {
    let workspace = workspace();
    let mut client = start(&workspace);
    let hermes = workspace.uri("plans/hermes.pgm");
    workspace.write("pgm.toml", "exposure_threshold = 10\n");
    watched(&mut client, &[(workspace.uri("pgm.toml"), CREATED)]);
    let published = client.diagnostics(&hermes);
    assert_eq!(
        diagnostics(&published)[0]["code"],
        json!("unmitigated-risk")
    );
    assert!(client.shutdown().success());
}

#[test]
fn workspace_folders_can_be_added_and_removed() {
    let workspace = workspace();
    let other = Workspace::new(&[("other.pgm", "person dora \"Dora\" { rol: \"x\" }\n")]);
    let mut client = start(&workspace);
    let uri = other.uri("other.pgm");
    let change = |added: Vec<Value>, removed: Vec<Value>| json!({"event": {"added": added, "removed": removed}});

    client.notify(
        "workspace/didChangeWorkspaceFolders",
        change(vec![other.folder()], vec![]),
    );
    assert_eq!(diagnostics(&client.diagnostics(&uri)).len(), 2);

    client.notify(
        "workspace/didChangeWorkspaceFolders",
        change(vec![], vec![other.folder()]),
    );
    assert_eq!(diagnostics(&client.diagnostics(&uri)).len(), 0);
    assert!(client.shutdown().success());
}

#[test]
fn a_client_that_pulls_diagnostics_gets_them_with_result_ids() {
    let workspace = workspace();
    let options = json!({"today": TODAY});
    let mut params = initialize_params(&[workspace.folder()], options, Columns::Utf16);
    params["capabilities"]["textDocument"]["diagnostic"] = json!({"dynamicRegistration": false});
    let (mut client, result) = Client::initialized(params);
    let provider = &result["capabilities"]["diagnosticProvider"];
    assert_eq!(provider["interFileDependencies"], json!(true));

    let uri = workspace.uri("plans/apollo.pgm");
    open(&mut client, &uri, PLAN);
    let pull = |client: &mut Client, previous: Value| {
        let params = json!({"textDocument": {"uri": uri}, "previousResultId": previous});
        client
            .request("textDocument/diagnostic", params)
            .expect("a report")
    };
    let full = pull(&mut client, Value::Null);
    assert_eq!(full["kind"], json!("full"));
    check(
        &json!({"version": null, "diagnostics": full["items"]}),
        expect![[r#"
            version: null
            11:16-11:22 error unresolved-reference: there is no `netwrk` in program `apollo` or at the top level; did you mean `network`?
        "#]],
    );
    let unchanged = pull(&mut client, full["resultId"].clone());
    assert_eq!(
        unchanged,
        json!({"kind": "unchanged", "resultId": full["resultId"]})
    );

    // Files the client has not opened are still pushed.
    assert_eq!(
        diagnostics(&client.diagnostics(&workspace.uri("people.pgm"))).len(),
        1
    );
    assert!(client.shutdown().success());
}
