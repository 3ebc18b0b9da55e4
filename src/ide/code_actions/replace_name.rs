//! Replace a misspelt name with the near name the diagnostic suggests.

use super::{Context, Fix};
use crate::base::Diagnostic;
use crate::ide::{SourceChange, TextEdit};

pub(super) fn fixes(cx: &Context<'_>, diagnostic: &Diagnostic) -> Vec<Fix> {
    let Some(replacement) = &diagnostic.suggestion else {
        return Vec::new();
    };
    let at = diagnostic.at;
    let written = cx
        .model
        .file(at.file)
        .text
        .get(at.span.range())
        .unwrap_or_default();
    vec![Fix {
        title: format!("Replace `{written}` with `{replacement}`"),
        change: SourceChange::single(at.file, TextEdit::replace(at.span, replacement.clone())),
        unambiguous: true,
    }]
}
