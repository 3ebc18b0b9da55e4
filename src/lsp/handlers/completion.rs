//! `textDocument/completion`. Each item replaces the word before the
//! cursor; the order of `crate::ide` (best first) is kept. Snippets go to
//! clients that take them; others get the text a snippet would insert
//! with its placeholders filled in.

use std::iter::Peekable;
use std::str::Chars;

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::{
    self as lsp, CompletionItemKind, CompletionList, CompletionOptions, CompletionParams,
    CompletionResponse, CompletionTextEdit, Documentation, InsertTextFormat, MarkupContent,
    MarkupKind, TextEdit,
};

use crate::base::FileSpan;
use crate::ide::{self, CompletionKind};
use crate::lsp::server::Server;
use crate::syntax::ast::ItemKind;

/// Completion is asked for on its own after a key (`:`), a separator
/// (`,`, a space) and a program's name (`.`).
pub(crate) fn options() -> CompletionOptions {
    CompletionOptions {
        trigger_characters: Some([":", ",", " ", "."].map(str::to_string).to_vec()),
        resolve_provider: Some(false),
        ..CompletionOptions::default()
    }
}

pub(crate) async fn completion(
    server: &Server,
    params: CompletionParams,
) -> Result<Option<CompletionResponse>> {
    let at = params.text_document_position;
    let snippets = server.support().features.snippets;
    server
        .on_document(
            "textDocument/completion",
            &at.text_document.uri,
            move |snapshot, file| {
                let offset = snapshot.offset(file, at.position);
                let found = ide::completions(&snapshot.model, &snapshot.analysis, file, offset);
                let replace = snapshot.range(FileSpan::new(file, found.replace));
                let items = found
                    .items
                    .into_iter()
                    .enumerate()
                    .map(|(rank, item)| to_protocol(item, rank, replace, snippets))
                    .collect();
                Some(CompletionResponse::List(CompletionList {
                    is_incomplete: found.is_incomplete,
                    items,
                }))
            },
        )
        .await
}

fn to_protocol(
    item: ide::CompletionItem,
    rank: usize,
    replace: lsp::Range,
    snippets: bool,
) -> lsp::CompletionItem {
    let (new_text, format) = match (item.is_snippet, snippets) {
        (true, true) => (item.insert_text, InsertTextFormat::SNIPPET),
        (true, false) => (plain_text(&item.insert_text), InsertTextFormat::PLAIN_TEXT),
        (false, _) => (item.insert_text, InsertTextFormat::PLAIN_TEXT),
    };
    lsp::CompletionItem {
        label: item.label,
        kind: Some(kind(item.kind)),
        detail: item.detail,
        documentation: item.documentation.map(|value| {
            Documentation::MarkupContent(MarkupContent {
                kind: MarkupKind::Markdown,
                value,
            })
        }),
        // Clients sort by this, not by the order of the list.
        sort_text: Some(format!("{rank:04}")),
        insert_text_format: Some(format),
        text_edit: Some(CompletionTextEdit::Edit(TextEdit {
            range: replace,
            new_text,
        })),
        ..lsp::CompletionItem::default()
    }
}

fn kind(kind: CompletionKind) -> CompletionItemKind {
    match kind {
        CompletionKind::NewItem(_) => CompletionItemKind::SNIPPET,
        CompletionKind::Property => CompletionItemKind::PROPERTY,
        CompletionKind::EnumValue => CompletionItemKind::ENUM_MEMBER,
        CompletionKind::Date => CompletionItemKind::VALUE,
        CompletionKind::Reference(item) => match item {
            ItemKind::Calendar => CompletionItemKind::KEYWORD,
            ItemKind::Person => CompletionItemKind::VARIABLE,
            ItemKind::Team => CompletionItemKind::STRUCT,
            ItemKind::Program => CompletionItemKind::MODULE,
            ItemKind::Project => CompletionItemKind::CLASS,
            ItemKind::Milestone => CompletionItemKind::EVENT,
            ItemKind::Risk => CompletionItemKind::INTERFACE,
            ItemKind::Stakeholder => CompletionItemKind::CONSTANT,
            ItemKind::Benefit => CompletionItemKind::FIELD,
        },
    }
}

/// What a snippet inserts when nothing is typed into it: each placeholder
/// its default, each choice its first option, each bare tab stop nothing.
fn plain_text(snippet: &str) -> String {
    let mut out = String::new();
    copy_until(&mut snippet.chars().peekable(), None, &mut out);
    out
}

/// Copies the text of `chars` into `out` up to an unescaped `end` (which is
/// consumed) or the end of the snippet.
fn copy_until(chars: &mut Peekable<Chars<'_>>, end: Option<char>, out: &mut String) {
    while let Some(ch) = chars.next() {
        match ch {
            _ if Some(ch) == end => return,
            '\\' => out.extend(chars.next()),
            '$' if chars.peek().is_some_and(char::is_ascii_digit) => {
                while chars.next_if(char::is_ascii_digit).is_some() {}
            }
            '$' if chars.next_if_eq(&'{').is_some() => tab_stop(chars, out),
            _ => out.push(ch),
        }
    }
}

/// The rest of `${n}`, `${n:default}` or `${n|first,second|}`.
fn tab_stop(chars: &mut Peekable<Chars<'_>>, out: &mut String) {
    while chars.next_if(char::is_ascii_digit).is_some() {}
    match chars.next() {
        Some(':') => copy_until(chars, Some('}'), out),
        Some('|') => {
            let mut options = String::new();
            copy_until(chars, Some('|'), &mut options);
            out.push_str(options.split(',').next().unwrap_or_default());
            chars.next_if_eq(&'}');
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_become_their_defaults() {
        let snippet = "project ${1:name} \"${2:Title}\" {\n  status: ${3|planned,active|}\n  x: ${4}$5 \\$6\n}";
        assert_eq!(
            plain_text(snippet),
            "project name \"Title\" {\n  status: planned\n  x:  $6\n}"
        );
    }

    #[test]
    fn nested_and_unfinished_snippets_keep_their_text() {
        assert_eq!(plain_text("${1:a ${2:b} c}d"), "a b cd");
        assert_eq!(plain_text("x ${1:unfinished"), "x unfinished");
        assert_eq!(plain_text("cost $"), "cost $");
    }
}
