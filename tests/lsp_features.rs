//! End-to-end tests of `pgm lsp`'s editor features: the real binary on a
//! copy of a workspace of several files (`tests/fixtures/lsp/features`,
//! whose `pgm.toml` pins today), asked over the protocol what an editor
//! asks, with the answers rendered compactly against the text.

mod support;

use std::collections::BTreeMap;

use expect_test::{Expect, expect};
use serde_json::{Value, json};
use support::client::Client;
use support::features::{
    Editor, apply_edits, decode_tokens, document_edits, editor_params, fixture_workspace, span,
};
use support::text::{self, Columns};
use support::workspace::Workspace;

const FILES: &[&str] = &["apollo.pgm", "hermes.pgm", "people.pgm"];

/// The cursor in a needle: `apollo.i$0am`.
const CURSOR: &str = "$0";

/// A server on a fresh copy of the workspace, and the editor's view of it.
struct Session {
    client: Client,
    workspace: Workspace,
    columns: Columns,
    capabilities: Value,
    /// The text of each file as the editor has it, by name.
    texts: BTreeMap<String, String>,
    /// The version of each open document.
    versions: BTreeMap<String, i64>,
}

impl Session {
    /// VS Code's side: UTF-16 columns, snippets, versioned edits, nested symbols.
    fn start() -> Session {
        Session::with(Editor {
            columns: Columns::Utf16,
            rich: true,
        })
    }

    fn with(editor: Editor) -> Session {
        let workspace = fixture_workspace("features");
        let (client, result) = Client::initialized(editor_params(&workspace, editor));
        let texts = FILES
            .iter()
            .map(|name| {
                let text = std::fs::read_to_string(workspace.path(name)).expect("a fixture file");
                (name.to_string(), text)
            })
            .collect();
        Session {
            client,
            workspace,
            columns: editor.columns,
            capabilities: result["capabilities"].clone(),
            texts,
            versions: BTreeMap::new(),
        }
    }

    fn uri(&self, name: &str) -> String {
        self.workspace.uri(name)
    }

    fn name_of(&self, uri: &str) -> String {
        let folder = self.workspace.uri("");
        uri.strip_prefix(&folder)
            .map(|rest| rest.trim_start_matches('/').to_string())
            .unwrap_or_else(|| panic!("{uri} is outside the workspace"))
    }

    fn text(&self, name: &str) -> &str {
        &self.texts[name]
    }

    fn document(&self, name: &str) -> Value {
        json!({"uri": self.uri(name)})
    }

    /// Where `needle` starts in `name`, in which it occurs once.
    fn find_once(&self, name: &str, needle: &str) -> usize {
        let text = self.text(name);
        let start = text
            .find(needle)
            .unwrap_or_else(|| panic!("no {needle:?} in {name}"));
        assert_eq!(
            text.matches(needle).count(),
            1,
            "{needle:?} is ambiguous in {name}"
        );
        start
    }

    /// The protocol position of the cursor in `needle`, which occurs once
    /// in `name` once the cursor is taken out.
    fn position(&self, name: &str, needle: &str) -> Value {
        let (before, after) = needle.split_once(CURSOR).expect("a cursor in the needle");
        let start = self.find_once(name, &format!("{before}{after}"));
        text::position(self.text(name), start + before.len(), self.columns)
    }

    /// `{textDocument, position}` at the cursor in `needle`.
    fn at(&self, name: &str, needle: &str) -> Value {
        json!({"textDocument": self.document(name), "position": self.position(name, needle)})
    }

    /// The protocol range of `needle`, which occurs once in `name`.
    fn range_of(&self, name: &str, needle: &str) -> Value {
        let start = self.find_once(name, needle);
        text::range(self.text(name), start, start + needle.len(), self.columns)
    }

    fn open(&mut self, name: &str, text: &str) {
        let document =
            json!({"uri": self.uri(name), "languageId": "pgm", "version": 1, "text": text});
        self.client
            .notify("textDocument/didOpen", json!({"textDocument": document}));
        self.texts.insert(name.to_string(), text.to_string());
        self.versions.insert(name.to_string(), 1);
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        self.client
            .request(method, params)
            .unwrap_or_else(|error| panic!("{method} failed: {error:#}"))
    }

    /// `apollo.pgm 6:10 network`: where a range is and the text it covers,
    /// its first line only, ending in `…` when there is more.
    fn render_range(&self, name: &str, range: &Value) -> String {
        let text = self.text(name);
        let (start, end) = span(text, range, self.columns);
        let covered = &text[start..end];
        let first_line = covered.lines().next().unwrap_or("");
        let more = if first_line.len() < covered.len() {
            "…"
        } else {
            ""
        };
        let start = &range["start"];
        format!(
            "{name} {}:{} {first_line}{more}",
            start["line"], start["character"]
        )
    }

    fn render_location(&self, location: &Value) -> String {
        let name = self.name_of(location["uri"].as_str().expect("a URI"));
        self.render_range(&name, &location["range"])
    }

    /// Applies a workspace edit the way an editor does, checking each
    /// document's version where the edit names one; returns the names of
    /// the files it changed.
    fn apply(&mut self, edit: &Value) -> Vec<String> {
        let mut changed = Vec::new();
        for (uri, version, edits) in document_edits(edit) {
            let name = self.name_of(&uri);
            if let Some(version) = version {
                let open = self.versions.get(&name).map_or(Value::Null, |&v| json!(v));
                assert_eq!(version, open, "the version of {name}");
            }
            let edited = apply_edits(self.text(&name), &edits, self.columns);
            self.texts.insert(name.clone(), edited);
            changed.push(name);
        }
        changed.sort();
        changed
    }
}

fn check(actual: String, expect: Expect) {
    expect.assert_eq(&actual);
}

#[test]
fn every_feature_is_advertised() {
    let session = Session::start();
    let capabilities = &session.capabilities;
    let missing: Vec<&str> = [
        "hoverProvider",
        "completionProvider",
        "definitionProvider",
        "declarationProvider",
        "referencesProvider",
        "documentHighlightProvider",
        "renameProvider",
        "documentSymbolProvider",
        "workspaceSymbolProvider",
        "semanticTokensProvider",
        "documentFormattingProvider",
        "documentRangeFormattingProvider",
        "codeActionProvider",
        "inlayHintProvider",
        "codeLensProvider",
        "foldingRangeProvider",
        "selectionRangeProvider",
        "callHierarchyProvider",
    ]
    .into_iter()
    .filter(|key| {
        capabilities
            .get(*key)
            .is_none_or(|value| value == &json!(false))
    })
    .collect();
    assert!(missing.is_empty(), "not advertised: {missing:?}");
    assert_eq!(
        capabilities["completionProvider"]["triggerCharacters"],
        json!([":", ",", " ", "."])
    );
    assert_eq!(
        capabilities["renameProvider"]["prepareProvider"],
        json!(true)
    );
    assert_eq!(
        capabilities["codeActionProvider"]["codeActionKinds"],
        json!(["quickfix", "source.fixAll"])
    );
    let semantic = &capabilities["semanticTokensProvider"];
    assert_eq!(semantic["full"], json!(true));
    assert_eq!(semantic["range"], json!(true));
    assert!(session.client.shutdown().success());
}

#[test]
fn hover_shows_a_project_defined_in_another_file() {
    let mut session = Session::start();
    let hover = session.request(
        "textDocument/hover",
        session.at("hermes.pgm", "apollo.i$0am"),
    );
    assert_eq!(hover["contents"]["kind"], json!("markdown"));
    let range = session.render_range("hermes.pgm", &hover["range"]);
    check(
        format!("{range}\n{}", hover["contents"]["value"].as_str().unwrap()),
        expect![[r#"
            hermes.pgm 5:23 iam
            ```pgm
            project apollo.iam "Identity and access"
            ```

            - **owner** `carol` Carol Diaz
            - **status** planned
            - **earliest** 2027-02-15 → 2027-03-26
            - **latest** 2027-02-15 → 2027-03-26
            - **slack** 0 working days · **on the critical path**
            - **depends on** `network`
            - **dependents** `apollo.launch` Launch 🚀, `hermes.portal` Portal rebuild
        "#]],
    );
}

#[test]
fn completion_after_depends_on_offers_projects_and_milestones() {
    let mut session = Session::start();
    let text = session
        .text("hermes.pgm")
        .replace("depends_on: portl", "depends_on: ");
    session.open("hermes.pgm", &text);
    let at = session.at("hermes.pgm", "depends_on: $0\n    duration: 2w");
    let answer = session.request("textDocument/completion", at.clone());
    let items = answer["items"].as_array().expect("a completion list");
    let rendered: Vec<String> = items
        .iter()
        .map(|item| {
            let edit = &item["textEdit"];
            assert_eq!(edit["range"]["start"], at["position"], "{item:#}");
            format!(
                "{} [{}] {} → {:?}",
                item["label"].as_str().unwrap(),
                completion_kind(&item["kind"]),
                item["detail"].as_str().unwrap_or("-"),
                edit["newText"].as_str().unwrap(),
            )
        })
        .collect();
    check(
        rendered.join("\n"),
        expect![[r#"
        portal [class] Portal rebuild → "portal"
        apollo.iam [class] Identity and access → "apollo.iam"
        apollo.launch [event] Launch 🚀 → "apollo.launch"
        apollo.network [class] Network backbone → "apollo.network""#]],
    );
}

#[test]
fn new_items_are_snippets_only_for_clients_that_take_snippets() {
    for rich in [true, false] {
        let mut session = Session::with(Editor {
            columns: Columns::Utf16,
            rich,
        });
        let text = format!("{}proj\n", session.text("people.pgm"));
        session.open("people.pgm", &text);
        let answer = session.request(
            "textDocument/completion",
            session.at("people.pgm", "proj$0\n"),
        );
        let items = answer["items"].as_array().expect("a completion list");
        let program = items
            .iter()
            .find(|item| item["label"] == json!("program"))
            .unwrap_or_else(|| panic!("a program snippet in {answer:#}"));
        let expected_format = if rich { 2 } else { 1 };
        assert_eq!(program["insertTextFormat"], json!(expected_format));
        let new_text = program["textEdit"]["newText"].as_str().unwrap();
        assert_eq!(new_text.contains("${"), rich, "{new_text}");
    }
}

/// The name of a `CompletionItemKind`, as the protocol numbers them.
fn completion_kind(kind: &Value) -> &'static str {
    const NAMES: [&str; 25] = [
        "text",
        "method",
        "function",
        "constructor",
        "field",
        "variable",
        "class",
        "interface",
        "module",
        "property",
        "unit",
        "value",
        "enum",
        "keyword",
        "snippet",
        "color",
        "file",
        "reference",
        "folder",
        "enumMember",
        "constant",
        "struct",
        "event",
        "operator",
        "typeParameter",
    ];
    let number = kind.as_u64().expect("a kind") as usize;
    NAMES[number - 1]
}

#[test]
fn definition_and_declaration_lead_to_the_other_file() {
    let mut session = Session::start();
    let mut rendered = String::new();
    for method in ["textDocument/definition", "textDocument/declaration"] {
        let found = session.request(method, session.at("hermes.pgm", "apollo.i$0am"));
        rendered.push_str(&format!("{method}: {}\n", session.render_location(&found)));
    }
    check(
        rendered,
        expect![[r#"
        textDocument/definition: apollo.pgm 13:10 iam
        textDocument/declaration: apollo.pgm 13:10 iam
    "#]],
    );
}

#[test]
fn references_with_and_without_the_declaration() {
    let mut session = Session::start();
    let mut rendered = String::new();
    for include_declaration in [true, false] {
        let mut params = session.at("apollo.pgm", "project i$0am");
        params["context"] = json!({"includeDeclaration": include_declaration});
        let places = session.request("textDocument/references", params);
        rendered.push_str(&format!("includeDeclaration: {include_declaration}\n"));
        for place in places.as_array().expect("a list of locations") {
            rendered.push_str(&format!("  {}\n", session.render_location(place)));
        }
    }
    check(
        rendered,
        expect![[r#"
        includeDeclaration: true
          apollo.pgm 13:10 iam
          apollo.pgm 19:45 iam
          hermes.pgm 5:23 iam
        includeDeclaration: false
          apollo.pgm 19:45 iam
          hermes.pgm 5:23 iam
    "#]],
    );
}

#[test]
fn highlight_marks_the_definition_and_its_uses_in_the_document() {
    let mut session = Session::start();
    let highlights = session.request(
        "textDocument/documentHighlight",
        session.at("apollo.pgm", "affects: net$0work"),
    );
    let rendered: Vec<String> = highlights
        .as_array()
        .expect("a list of highlights")
        .iter()
        .map(|highlight| {
            let kind = match highlight["kind"].as_u64() {
                Some(2) => "read",
                Some(3) => "write",
                _ => "text",
            };
            format!(
                "{kind} {}",
                session.render_range("apollo.pgm", &highlight["range"])
            )
        })
        .collect();
    check(
        rendered.join("\n"),
        expect![[r#"
        write apollo.pgm 6:10 network
        read apollo.pgm 15:16 network
        read apollo.pgm 19:50 network
        read apollo.pgm 24:13 network"#]],
    );
}

#[test]
fn prepare_rename_refuses_a_keyword_and_accepts_a_name() {
    let mut session = Session::start();
    let refusal = session
        .client
        .request(
            "textDocument/prepareRename",
            session.at("apollo.pgm", "pro$0ject iam"),
        )
        .expect_err("a keyword cannot be renamed");
    assert_eq!(refusal["code"], json!(-32803));
    check(
        refusal["message"].as_str().unwrap().to_string(),
        expect!["`project` is a keyword, not a name."],
    );

    let accepted = session.request(
        "textDocument/prepareRename",
        session.at("hermes.pgm", "apollo.i$0am"),
    );
    assert_eq!(accepted["placeholder"], json!("iam"));
    assert_eq!(accepted["range"], session.range_of("hermes.pgm", "iam"));
}

#[test]
fn rename_changes_every_file_as_one_versioned_edit() {
    let mut session = Session::start();
    let apollo = session.text("apollo.pgm").to_string();
    session.open("apollo.pgm", &apollo);
    let mut params = session.at("hermes.pgm", "apollo.i$0am");
    params["newName"] = json!("project");
    let refusal = session
        .client
        .request("textDocument/rename", params)
        .expect_err("a keyword is not a new name");
    assert_eq!(refusal["code"], json!(-32803));

    let mut params = session.at("apollo.pgm", "project i$0am");
    params["newName"] = json!("identity");
    let edit = session.request("textDocument/rename", params);
    assert!(edit.get("documentChanges").is_some(), "{edit:#}");
    let changed = session.apply(&edit);
    assert_eq!(changed, ["apollo.pgm", "hermes.pgm"]);
    let lines = |session: &Session, name: &str| -> String {
        session
            .text(name)
            .lines()
            .filter(|line| line.contains("identity"))
            .map(|line| format!("{name}: {}\n", line.trim()))
            .collect()
    };
    check(
        lines(&session, "apollo.pgm") + &lines(&session, "hermes.pgm"),
        expect![[r#"
            apollo.pgm: the network first, then identity. */
            apollo.pgm: project identity "Identity and access" {
            apollo.pgm: milestone launch "Launch 🚀" { depends_on: identity, network due: 2027-06-30 }
            hermes.pgm: depends_on: apollo.identity
        "#]],
    );
}

#[test]
fn rename_falls_back_to_changes_by_uri() {
    let mut session = Session::with(Editor {
        columns: Columns::Utf16,
        rich: false,
    });
    let mut params = session.at("hermes.pgm", "apollo.i$0am");
    params["newName"] = json!("identity");
    let edit = session.request("textDocument/rename", params);
    assert!(edit.get("documentChanges").is_none(), "{edit:#}");
    assert_eq!(session.apply(&edit), ["apollo.pgm", "hermes.pgm"]);
    assert!(
        session
            .text("hermes.pgm")
            .contains("depends_on: apollo.identity")
    );
}

#[test]
fn document_symbols_nest_a_programs_items() {
    let mut session = Session::start();
    let symbols = session.request(
        "textDocument/documentSymbol",
        json!({"textDocument": session.document("apollo.pgm")}),
    );
    let mut rendered = String::new();
    render_symbols(&session, &symbols, 0, &mut rendered);
    check(
        rendered,
        expect![[r#"
        apollo (Apollo data-centre exit) kind 3: name at apollo.pgm 2:8 apollo; whole at apollo.pgm 2:0 program apollo "Apollo data-centre exit" {…
          network (Network backbone) kind 5: name at apollo.pgm 6:10 network; whole at apollo.pgm 6:2 project network "Network backbone" {…
          iam (Identity and access) kind 5: name at apollo.pgm 13:10 iam; whole at apollo.pgm 13:2 project iam "Identity and access" {…
          launch (Launch 🚀) kind 24: name at apollo.pgm 19:12 launch; whole at apollo.pgm 19:2 milestone launch "Launch 🚀" { depends_on: iam, network due: 2027-06-30 }
          vendor_slip (Switch vendor ships late) kind 11: name at apollo.pgm 21:7 vendor_slip; whole at apollo.pgm 21:2 risk vendor_slip "Switch vendor ships late" {…
    "#]],
    );
}

fn render_symbols(session: &Session, symbols: &Value, depth: usize, out: &mut String) {
    for symbol in symbols.as_array().expect("a list of symbols") {
        let name = session.render_range("apollo.pgm", &symbol["selectionRange"]);
        let whole = session.render_range("apollo.pgm", &symbol["range"]);
        out.push_str(&format!(
            "{:indent$}{} ({}) kind {}: name at {name}; whole at {whole}\n",
            "",
            symbol["name"].as_str().unwrap(),
            symbol["detail"].as_str().unwrap_or("-"),
            symbol["kind"],
            indent = depth * 2,
        ));
        if let Some(children) = symbol.get("children") {
            render_symbols(session, children, depth + 1, out);
        }
    }
}

#[test]
fn document_symbols_are_a_list_for_simpler_clients() {
    let mut session = Session::with(Editor {
        columns: Columns::Utf16,
        rich: false,
    });
    let symbols = session.request(
        "textDocument/documentSymbol",
        json!({"textDocument": session.document("hermes.pgm")}),
    );
    let rendered: Vec<String> = symbols
        .as_array()
        .expect("a list of symbols")
        .iter()
        .map(|symbol| {
            format!(
                "{} in {}: {}",
                symbol["name"].as_str().unwrap(),
                symbol["containerName"].as_str().unwrap_or("-"),
                session.render_location(&symbol["location"]),
            )
        })
        .collect();
    check(
        rendered.join("\n"),
        expect![[r#"
        hermes in -: hermes.pgm 0:0 program hermes "Hermes customer portal" {…
        portal in hermes: hermes.pgm 3:2 project portal "Portal rebuild" {…
        search in hermes: hermes.pgm 9:2 project search "Search" {…"#]],
    );
}

#[test]
fn workspace_symbols_match_fuzzily_across_files() {
    let mut session = Session::start();
    let found = session.request("workspace/symbol", json!({"query": "nwk"}));
    let rendered: Vec<String> = found
        .as_array()
        .expect("a list of symbols")
        .iter()
        .map(|symbol| {
            format!(
                "{} kind {}: {}",
                symbol["name"].as_str().unwrap(),
                symbol["kind"],
                session.render_location(&symbol["location"]),
            )
        })
        .collect();
    check(
        rendered.join("\n"),
        expect!["apollo.network kind 5: apollo.pgm 6:10 network"],
    );
}

/// The tokens of `name` in `range` (all of them without), each as
/// `line:column length type [modifiers] text`.
fn semantic_tokens(session: &mut Session, name: &str, range: Option<Value>) -> String {
    let legend = session.capabilities["semanticTokensProvider"]["legend"].clone();
    let name_in =
        |list: &str, index: u64| legend[list][index as usize].as_str().unwrap().to_string();
    let (method, params) = match range {
        Some(range) => (
            "textDocument/semanticTokens/range",
            json!({"textDocument": session.document(name), "range": range}),
        ),
        None => (
            "textDocument/semanticTokens/full",
            json!({"textDocument": session.document(name)}),
        ),
    };
    let answer = session.request(method, params);
    let text = session.text(name);
    let lines: Vec<&str> = text.lines().collect();
    decode_tokens(&answer["data"])
        .into_iter()
        .map(|token| {
            let modifiers: Vec<String> = (0..32)
                .filter(|bit| token.modifiers & (1 << bit) != 0)
                .map(|bit| name_in("tokenModifiers", bit))
                .collect();
            let line = lines[token.line as usize];
            let start = text::position(line, 0, session.columns);
            assert_eq!(start["character"], json!(0));
            let range = json!({
                "start": {"line": 0, "character": token.start},
                "end": {"line": 0, "character": token.start + token.length},
            });
            let (from, to) = span(line, &range, session.columns);
            format!(
                "{}:{} {} {} [{}] {}\n",
                token.line,
                token.start,
                token.length,
                name_in("tokenTypes", token.token_type),
                modifiers.join(" "),
                &line[from..to],
            )
        })
        .collect()
}

#[test]
fn semantic_tokens_classify_every_token_line_by_line() {
    let mut session = Session::start();
    let tokens = semantic_tokens(&mut session, "apollo.pgm", None);
    let first_lines: String = tokens
        .lines()
        .filter(|token| token.split(':').next().unwrap().parse::<u32>().unwrap() < 11)
        .map(|token| format!("{token}\n"))
        .collect();
    check(
        first_lines,
        expect![[r#"
        0:0 24 comment [] /* The data-centre exit:
        1:0 39 comment []    the network first, then identity. */
        2:0 7 keyword [] program
        2:8 6 program [definition declaration] apollo
        2:15 25 string [] "Apollo data-centre exit"
        3:2 5 property [] owner
        3:9 5 person [] alice
        5:2 49 comment [documentation] /// The switches and links everything else needs.
        6:2 7 keyword [] project
        6:10 7 project [definition declaration] network
        6:18 18 string [] "Network backbone"
        7:4 5 property [] owner
        7:11 3 person [] bob
        8:4 5 property [] start
        8:11 10 date [] 2027-01-04
        9:4 8 property [] duration
        9:14 2 duration [] 6w
        10:4 8 property [] allocate
        10:14 7 team [] backend
        10:22 1 number [] 2
    "#]],
    );
}

#[test]
fn semantic_tokens_of_a_range() {
    let mut session = Session::start();
    let range = session.range_of("apollo.pgm", "depends_on: iam, network");
    let tokens = semantic_tokens(&mut session, "apollo.pgm", Some(range));
    check(
        tokens,
        expect![[r#"
        19:33 10 property [] depends_on
        19:45 3 project [] iam
        19:50 7 project [] network
    "#]],
    );
}

const BOB: &str = "person bob \"Bob Okafor\"";
const MESSY_BOB: &str = "person   bob\t\"Bob Okafor\"";

/// `people.pgm` out of the canonical layout in two items: a person and a team.
fn mess_up(canonical: &str) -> String {
    canonical
        .replace(BOB, MESSY_BOB)
        .replace("  capacity: 4", "capacity:4")
}

#[test]
fn formatting_rewrites_an_open_document_in_the_canonical_layout() {
    let mut session = Session::start();
    let canonical = session.text("people.pgm").to_string();
    let messy = mess_up(&canonical);
    session.open("people.pgm", &messy);
    let edits = session.request(
        "textDocument/formatting",
        json!({"textDocument": session.document("people.pgm"), "options": {"tabSize": 4, "insertSpaces": true}}),
    );
    let formatted = apply_edits(&messy, edits.as_array().expect("edits"), session.columns);
    assert_eq!(formatted, canonical);
}

#[test]
fn range_formatting_rewrites_only_the_items_in_the_range() {
    let mut session = Session::start();
    let canonical = session.text("people.pgm").to_string();
    let messy = mess_up(&canonical);
    session.open("people.pgm", &messy);
    let range = session.range_of("people.pgm", "capacity:4");
    let edits = session.request(
        "textDocument/rangeFormatting",
        json!({
            "textDocument": session.document("people.pgm"),
            "range": range,
            "options": {"tabSize": 2, "insertSpaces": true},
        }),
    );
    let formatted = apply_edits(&messy, edits.as_array().expect("edits"), session.columns);
    let expected = canonical.replace(BOB, MESSY_BOB);
    assert_eq!(formatted, expected);
}

#[test]
fn formatting_text_that_does_not_parse_is_refused() {
    let mut session = Session::start();
    session.open("people.pgm", "person alice {\n");
    let refusal = session
        .client
        .request(
            "textDocument/formatting",
            json!({"textDocument": session.document("people.pgm"), "options": {"tabSize": 2, "insertSpaces": true}}),
        )
        .expect_err("broken text is not formatted");
    assert_eq!(refusal["code"], json!(-32803));
}

fn render_action(action: &Value) -> String {
    let fixes: Vec<String> = action["diagnostics"]
        .as_array()
        .expect("the diagnostics it fixes")
        .iter()
        .map(|diagnostic| {
            format!(
                "{} {}",
                diagnostic["code"].as_str().unwrap(),
                diagnostic["message"]
            )
        })
        .collect();
    format!(
        "{} [{}{}] fixes {}",
        action["title"].as_str().unwrap(),
        action["kind"].as_str().unwrap(),
        if action["isPreferred"] == json!(true) {
            ", preferred"
        } else {
            ""
        },
        fixes.join("; "),
    )
}

#[test]
fn a_quick_fix_replaces_an_unresolved_name() {
    let mut session = Session::start();
    let range = session.range_of("hermes.pgm", "portl");
    let published = session.client.diagnostics(&session.uri("hermes.pgm"));
    let params = json!({
        "textDocument": session.document("hermes.pgm"),
        "range": range,
        "context": {"diagnostics": published["diagnostics"], "only": ["quickfix"]},
    });
    let actions = session.request("textDocument/codeAction", params);
    let actions = actions.as_array().expect("a list of actions");
    let rendered: Vec<String> = actions.iter().map(render_action).collect();
    check(
        rendered.join("\n"),
        expect![[r#"
        Replace `portl` with `portal` [quickfix] fixes unresolved-reference "there is no `portl` in program `hermes` or at the top level; did you mean `portal`?"
        Create project `portl` in `hermes` [quickfix] fixes unresolved-reference "there is no `portl` in program `hermes` or at the top level; did you mean `portal`?""#]],
    );
    let replace = &actions[0];
    assert_eq!(replace["diagnostics"][0], published["diagnostics"][0]);
    assert_eq!(session.apply(&replace["edit"]), ["hermes.pgm"]);
    assert!(session.text("hermes.pgm").contains("depends_on: portal\n"));
}

#[test]
fn fix_all_applies_every_unambiguous_fix() {
    let mut session = Session::start();
    // Only a change from what the client was sent is published: unless the
    // error reached it before the document opens, fixed, nothing would be.
    session
        .client
        .diagnostics_until(&session.uri("hermes.pgm"), |params| {
            params["diagnostics"] != json!([])
        });
    let params = json!({
        "textDocument": session.document("hermes.pgm"),
        "range": session.range_of("hermes.pgm", "owner: carol\n\n"),
        "context": {"diagnostics": [], "only": ["source.fixAll"]},
    });
    let actions = session.request("textDocument/codeAction", params);
    let actions = actions.as_array().expect("a list of actions");
    assert_eq!(actions.len(), 1, "{actions:#?}");
    check(
        render_action(&actions[0]),
        expect![[
            r#"Fix 1 problem [source.fixAll] fixes unresolved-reference "there is no `portl` in program `hermes` or at the top level; did you mean `portal`?""#
        ]],
    );
    session.apply(&actions[0]["edit"]);
    let fixed = session.text("hermes.pgm").to_string();
    session.open("hermes.pgm", &fixed);
    let published = session
        .client
        .diagnostics_until(&session.uri("hermes.pgm"), |params| {
            params["version"] == json!(1)
        });
    assert_eq!(published["diagnostics"], json!([]));
}

#[test]
fn inlay_hints_show_computed_dates_and_slack() {
    let mut session = Session::start();
    let text = session.text("hermes.pgm").to_string();
    let whole = text::range(&text, 0, text.len(), session.columns);
    let hints = session.request(
        "textDocument/inlayHint",
        json!({"textDocument": session.document("hermes.pgm"), "range": whole}),
    );
    let lines: Vec<&str> = text.lines().collect();
    let rendered: Vec<String> = hints
        .as_array()
        .expect("a list of hints")
        .iter()
        .map(|hint| {
            let line = hint["position"]["line"].as_u64().unwrap() as usize;
            let at = json!({"line": 0, "character": hint["position"]["character"]});
            let offset = support::features::offset(lines[line], &at, session.columns);
            format!(
                "{}⟨{}⟩",
                lines[line][..offset].trim_start(),
                hint["label"].as_str().unwrap()
            )
        })
        .collect();
    check(
        rendered.join("\n"),
        expect![[r#"
            project portal "Portal rebuild"⟨critical⟩
            duration: 10w⟨2027-03-29 → 2027-06-04⟩
            project search "Search"⟨slack 100d⟩
            duration: 2w⟨2027-01-04 → 2027-01-15⟩"#]],
    );
}

#[test]
fn code_lenses_count_dependents_and_risks() {
    let mut session = Session::start();
    let lenses = session.request(
        "textDocument/codeLens",
        json!({"textDocument": session.document("apollo.pgm")}),
    );
    let rendered: Vec<String> = lenses
        .as_array()
        .expect("a list of lenses")
        .iter()
        .map(|lens| {
            format!(
                "{} above {}",
                lens["command"]["title"].as_str().unwrap(),
                session.render_range("apollo.pgm", &lens["range"])
            )
        })
        .collect();
    check(
        rendered.join("\n"),
        expect![[r#"
        2 dependents · 1 risk above apollo.pgm 6:2 project network "Network backbone" {…
        critical path above apollo.pgm 6:2 project network "Network backbone" {…
        2 dependents · 0 risks above apollo.pgm 13:2 project iam "Identity and access" {…
        critical path above apollo.pgm 13:2 project iam "Identity and access" {…"#]],
    );
}

#[test]
fn folding_ranges_cover_bodies_and_block_comments() {
    let mut session = Session::start();
    let folds = session.request(
        "textDocument/foldingRange",
        json!({"textDocument": session.document("apollo.pgm")}),
    );
    let lines: Vec<&str> = session.text("apollo.pgm").lines().collect();
    let rendered: Vec<String> = folds
        .as_array()
        .expect("a list of folds")
        .iter()
        .map(|fold| {
            let start = fold["startLine"].as_u64().unwrap() as usize;
            let end = fold["endLine"].as_u64().unwrap() as usize;
            format!(
                "{start}..={end} {}: {} … {}",
                fold["kind"].as_str().unwrap_or("body"),
                lines[start].trim(),
                lines[end].trim()
            )
        })
        .collect();
    check(
        rendered.join("\n"),
        expect![[r#"
        0..=1 comment: /* The data-centre exit: … the network first, then identity. */
        2..=27 body: program apollo "Apollo data-centre exit" { … }
        6..=10 body: project network "Network backbone" { … allocate: backend 2
        13..=16 body: project iam "Identity and access" { … duration: 30d
        21..=26 body: risk vendor_slip "Switch vendor ships late" { … mitigation: "Pre-order spare switches""#]],
    );
}

#[test]
fn selection_ranges_grow_from_the_cursor() {
    let mut session = Session::start();
    let params = json!({
        "textDocument": session.document("apollo.pgm"),
        "positions": [session.position("apollo.pgm", "depends_on: ne$0twork")],
    });
    let ranges = session.request("textDocument/selectionRange", params);
    let mut rendered = Vec::new();
    let mut range = &ranges[0];
    while !range.is_null() {
        rendered.push(session.render_range("apollo.pgm", &range["range"]));
        range = &range["parent"];
    }
    check(
        rendered.join("\n"),
        expect![[r#"
        apollo.pgm 15:16 network
        apollo.pgm 15:4 depends_on: network
        apollo.pgm 13:36 {…
        apollo.pgm 13:2 project iam "Identity and access" {…
        apollo.pgm 2:41 {…
        apollo.pgm 2:0 program apollo "Apollo data-centre exit" {…
        apollo.pgm 0:0 /* The data-centre exit:…"#]],
    );
}

#[test]
fn call_hierarchy_walks_dependents_and_dependencies() {
    let mut session = Session::start();
    let items = session.request(
        "textDocument/prepareCallHierarchy",
        session.at("apollo.pgm", "project i$0am"),
    );
    let item = items[0].clone();
    let mut rendered = format!(
        "item {} ({}) at {}\n",
        item["name"].as_str().unwrap(),
        item["detail"].as_str().unwrap(),
        session.render_range("apollo.pgm", &item["selectionRange"]),
    );
    let incoming = session.request("callHierarchy/incomingCalls", json!({"item": item}));
    for call in incoming.as_array().expect("a list of calls") {
        let from = &call["from"];
        let name = session.name_of(from["uri"].as_str().unwrap());
        let ranges: Vec<String> = call["fromRanges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|range| session.render_range(&name, range))
            .collect();
        rendered.push_str(&format!(
            "incoming from {}: {}\n",
            from["name"].as_str().unwrap(),
            ranges.join(", ")
        ));
    }
    let outgoing = session.request("callHierarchy/outgoingCalls", json!({"item": item}));
    for call in outgoing.as_array().expect("a list of calls") {
        let ranges: Vec<String> = call["fromRanges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|range| session.render_range("apollo.pgm", range))
            .collect();
        rendered.push_str(&format!(
            "outgoing to {} at {}: {}\n",
            call["to"]["name"].as_str().unwrap(),
            session.render_location(
                &json!({"uri": call["to"]["uri"], "range": call["to"]["selectionRange"]})
            ),
            ranges.join(", ")
        ));
    }
    check(
        rendered,
        expect![[r#"
        item apollo.iam (Identity and access) at apollo.pgm 13:10 iam
        incoming from apollo.launch: apollo.pgm 19:45 iam
        incoming from hermes.portal: hermes.pgm 5:16 apollo.iam
        outgoing to apollo.network at apollo.pgm 6:10 network: apollo.pgm 15:16 network
    "#]],
    );

    let mut without_data = item;
    without_data.as_object_mut().unwrap().remove("data");
    let found_again = session.request("callHierarchy/incomingCalls", json!({"item": without_data}));
    assert_eq!(found_again, incoming, "the item is found by its position");
}

/// On a line with an emoji before the cursor, hover and definition take
/// and give columns in the encoding the client chose.
fn check_columns_after_an_emoji(columns: Columns) {
    let mut session = Session::with(Editor {
        columns,
        rich: true,
    });
    assert_eq!(
        session.capabilities["positionEncoding"],
        json!(columns.name())
    );
    let at = session.at("apollo.pgm", "🚀\" { depends_on: iam, net$0work");
    let line = session
        .text("apollo.pgm")
        .lines()
        .find(|line| line.contains('🚀'))
        .unwrap();
    let emoji_width = match columns {
        Columns::Utf8 => 4,
        Columns::Utf16 => 2,
    };
    let network = line.find("network").unwrap();
    let expected_column = line[..network].chars().count() - 1 + emoji_width;
    let hover = session.request("textDocument/hover", at.clone());
    assert_eq!(hover["range"]["start"]["character"], json!(expected_column));
    let text = session.text("apollo.pgm");
    let name = text.find("network due").unwrap();
    assert_eq!(
        hover["range"],
        text::range(text, name, name + "network".len(), columns),
        "the hover covers the name"
    );
    let found = session.request("textDocument/definition", at);
    assert_eq!(session.render_location(&found), "apollo.pgm 6:10 network",);
}

#[test]
fn columns_count_utf16_units_after_an_emoji() {
    check_columns_after_an_emoji(Columns::Utf16);
}

#[test]
fn columns_count_utf8_bytes_after_an_emoji() {
    check_columns_after_an_emoji(Columns::Utf8);
}
