//! The client's side of the editor features: a copy of a fixture
//! workspace, the capabilities a full-featured editor announces, and
//! positions, edits and semantic tokens read the way an editor reads them,
//! written here independently of the server.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use super::client::initialize_params;
use super::text::Columns;
use super::workspace::Workspace;

/// A temporary copy of `tests/fixtures/lsp/<name>`, which the tests may change.
pub fn fixture_workspace(name: &str) -> Workspace {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/lsp")
        .join(name);
    let mut files = Vec::new();
    collect_files(&root, &root, &mut files);
    let borrowed: Vec<(&str, &str)> = files
        .iter()
        .map(|(name, text)| (name.as_str(), text.as_str()))
        .collect();
    Workspace::new(&borrowed)
}

fn collect_files(root: &Path, directory: &Path, files: &mut Vec<(String, String)>) {
    let entries = fs::read_dir(directory).expect("the fixture directory exists");
    for entry in entries {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            collect_files(root, &path, files);
        } else {
            let name = path.strip_prefix(root).expect("under the root");
            let text = fs::read_to_string(&path).expect("a fixture file is text");
            files.push((name.to_string_lossy().into_owned(), text));
        }
    }
}

/// What the client takes beyond the basics.
#[derive(Clone, Copy, Debug)]
pub struct Editor {
    pub columns: Columns,
    /// Snippets in completions, versioned workspace edits, nested document
    /// symbols: what VS Code announces. Without them, what an older or
    /// simpler client does.
    pub rich: bool,
}

/// The parameters of `initialize` for `editor` opening `workspace`.
pub fn editor_params(workspace: &Workspace, editor: Editor) -> Value {
    let mut params = initialize_params(&[workspace.folder()], Value::Null, editor.columns);
    let rich = editor.rich;
    let features = json!({
        "workspace": {"workspaceEdit": {"documentChanges": rich}},
        "textDocument": {
            "completion": {"completionItem": {"snippetSupport": rich}},
            "documentSymbol": {"hierarchicalDocumentSymbolSupport": rich},
            "semanticTokens": {
                "requests": {"full": true, "range": true},
                "tokenTypes": [],
                "tokenModifiers": [],
                "formats": ["relative"],
                "multilineTokenSupport": false,
            },
            "codeAction": {"codeActionLiteralSupport": {
                "codeActionKind": {"valueSet": ["quickfix", "source.fixAll"]}
            }},
        },
    });
    merge(&mut params["capabilities"], features);
    params
}

fn merge(into: &mut Value, from: Value) {
    match (into, from) {
        (Value::Object(into), Value::Object(from)) => {
            for (key, value) in from {
                merge(into.entry(key).or_insert(Value::Null), value);
            }
        }
        (into, from) => *into = from,
    }
}

/// The byte offset of a protocol position in `text`.
pub fn offset(text: &str, position: &Value, columns: Columns) -> usize {
    let line = position["line"].as_u64().expect("a line") as usize;
    let character = position["character"].as_u64().expect("a character") as usize;
    let mut start = 0;
    for _ in 0..line {
        let rest = &text[start..];
        let end = rest.find(['\n', '\r']).expect("the line exists");
        let break_length = if rest[end..].starts_with("\r\n") {
            2
        } else {
            1
        };
        start += end + break_length;
    }
    let mut units = 0;
    for (index, ch) in text[start..].char_indices() {
        if units == character {
            return start + index;
        }
        units += match columns {
            Columns::Utf8 => ch.len_utf8(),
            Columns::Utf16 => ch.len_utf16(),
        };
    }
    assert_eq!(units, character, "the position is past the end");
    text.len()
}

/// The bytes a protocol range covers in `text`.
pub fn span(text: &str, range: &Value, columns: Columns) -> (usize, usize) {
    (
        offset(text, &range["start"], columns),
        offset(text, &range["end"], columns),
    )
}

/// `text` after the protocol text edits `edits`, which do not overlap.
pub fn apply_edits(text: &str, edits: &[Value], columns: Columns) -> String {
    let mut spans: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|edit| {
            let (start, end) = span(text, &edit["range"], columns);
            (start, end, edit["newText"].as_str().expect("a new text"))
        })
        .collect();
    spans.sort_by_key(|&(start, end, _)| (start, end));
    let mut edited = text.to_string();
    for (start, end, new_text) in spans.into_iter().rev() {
        edited.replace_range(start..end, new_text);
    }
    edited
}

/// The edits of a workspace edit by document: its URI, the version the
/// edits were made against (`None` when the edit does not say), and the
/// edits, from `documentChanges` or `changes`.
pub fn document_edits(edit: &Value) -> Vec<(String, Option<Value>, Vec<Value>)> {
    if let Some(documents) = edit.get("documentChanges") {
        return documents
            .as_array()
            .expect("a list of document changes")
            .iter()
            .map(|document| {
                let identifier = &document["textDocument"];
                (
                    identifier["uri"].as_str().expect("a URI").to_string(),
                    Some(identifier["version"].clone()),
                    document["edits"].as_array().expect("edits").clone(),
                )
            })
            .collect();
    }
    let changes = edit["changes"].as_object().expect("changes by URI");
    changes
        .iter()
        .map(|(uri, edits)| (uri.clone(), None, edits.as_array().expect("edits").clone()))
        .collect()
}

/// One semantic token, its position absolute.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Token {
    pub line: u64,
    pub start: u64,
    pub length: u64,
    pub token_type: u64,
    pub modifiers: u64,
}

/// The tokens of a relative (delta-encoded) `data` array.
pub fn decode_tokens(data: &Value) -> Vec<Token> {
    let numbers: Vec<u64> = data
        .as_array()
        .expect("a data array")
        .iter()
        .map(|number| number.as_u64().expect("a whole number"))
        .collect();
    assert_eq!(numbers.len() % 5, 0, "tokens come in fives");
    let (mut line, mut start) = (0, 0);
    numbers
        .chunks(5)
        .map(|chunk| {
            line += chunk[0];
            start = if chunk[0] == 0 {
                start + chunk[1]
            } else {
                chunk[1]
            };
            Token {
                line,
                start,
                length: chunk[2],
                token_type: chunk[3],
                modifiers: chunk[4],
            }
        })
        .collect()
}
