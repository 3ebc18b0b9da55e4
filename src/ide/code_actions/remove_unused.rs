//! Remove a definition nothing refers to: the whole item with the doc
//! comments above it, and the lines it leaves empty.

use super::{Context, Fix};
use crate::base::{Code, Diagnostic, Span};
use crate::ide::edit::removal;
use crate::ide::lookup::item_of;
use crate::ide::{SourceChange, TextEdit};
use crate::syntax::CommentKind;

pub(super) fn fixes(cx: &Context<'_>, diagnostic: &Diagnostic) -> Vec<Fix> {
    if diagnostic.code != Code::UnusedDefinition {
        return Vec::new();
    }
    let model = cx.model;
    let file = diagnostic.at.file;
    let Some(id) = model
        .defs_in_file(file)
        .find(|&id| model.def(id).name_location() == diagnostic.at)
    else {
        return Vec::new();
    };
    let Some(item) = item_of(model, id) else {
        return Vec::new();
    };
    let parsed = model.file(file);
    let mut start = item.span.start();
    let before_item = parsed
        .parse()
        .comments
        .iter()
        .rev()
        .skip_while(|comment| comment.span.end() > item.span.start());
    for comment in before_item {
        let gap = parsed
            .text
            .get(comment.span.end()..start)
            .unwrap_or_default();
        if comment.kind != CommentKind::Doc || !gap.trim().is_empty() {
            break;
        }
        start = comment.span.start();
    }
    let span = removal(&parsed.text, Span::new(start, item.span.end()));
    let def = model.def(id);
    vec![Fix {
        title: format!(
            "Remove unused {} `{}`",
            def.kind().keyword(),
            def.qualified_name()
        ),
        change: SourceChange::single(file, TextEdit::delete(span)),
        unambiguous: false,
    }]
}
