//! Code actions: quick fixes for diagnostics, one file per kind of fix, and
//! a fix-all that applies the fixes that leave no choice.

mod break_cycle;
mod create_stub;
mod mitigate_risk;
mod move_start;
mod remove_unused;
mod replace_name;

use crate::analysis::Analysis;
use crate::base::{Diagnostic, FileId, Span};
use crate::ide::{SourceChange, describe};
use crate::model::Model;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ActionKind {
    /// `quickfix`: one fix for one diagnostic.
    QuickFix,
    /// `source.fixAll`: every unambiguous fix of a file at once.
    FixAll,
}

#[derive(Clone, PartialEq, Eq, Debug)]
pub struct CodeAction {
    pub title: String,
    pub kind: ActionKind,
    /// What the action fixes: one diagnostic for a quick fix, all of them
    /// for a fix-all.
    pub diagnostics: Vec<Diagnostic>,
    pub change: SourceChange,
    /// Whether it is the obvious fix, which an editor may apply on its own
    /// (the only fix of a fix-all's kind).
    pub preferred: bool,
}

/// A fix that one of the fix modules proposes for a diagnostic.
struct Fix {
    title: String,
    change: SourceChange,
    /// Whether the fix is the one right answer, so that fix-all may apply it.
    unambiguous: bool,
}

/// What the fix modules may look at.
struct Context<'a> {
    model: &'a Model,
    analysis: &'a Analysis,
}

impl Context<'_> {
    fn fixes(&self, diagnostic: &Diagnostic) -> Vec<Fix> {
        let finders: [fn(&Context<'_>, &Diagnostic) -> Vec<Fix>; 6] = [
            replace_name::fixes,
            create_stub::fixes,
            break_cycle::fixes,
            move_start::fixes,
            mitigate_risk::fixes,
            remove_unused::fixes,
        ];
        finders
            .iter()
            .flat_map(|finder| finder(self, diagnostic))
            .filter(|fix| !fix.change.is_empty())
            .collect()
    }
}

/// The quick fixes for the diagnostics of `file` that touch `range`.
pub fn code_actions(
    model: &Model,
    analysis: &Analysis,
    file: FileId,
    range: Span,
) -> Vec<CodeAction> {
    let cx = Context { model, analysis };
    let touched = analysis.diagnostics.iter().filter(|diagnostic| {
        diagnostic.at.file == file
            && diagnostic.at.span.start() <= range.end()
            && range.start() <= diagnostic.at.span.end()
    });
    touched
        .flat_map(|diagnostic| {
            let fixes = cx.fixes(diagnostic);
            let only_one = fixes.len() == 1;
            fixes.into_iter().map(move |fix| CodeAction {
                title: fix.title,
                kind: ActionKind::QuickFix,
                diagnostics: vec![diagnostic.clone()],
                change: fix.change,
                preferred: only_one && fix.unambiguous,
            })
        })
        .collect()
}

/// Every unambiguous fix for the diagnostics of `file`, together; a fix
/// whose edits would collide with an earlier one's is left out. `None`
/// when there is nothing to fix.
pub fn fix_all(model: &Model, analysis: &Analysis, file: FileId) -> Option<CodeAction> {
    let cx = Context { model, analysis };
    let mut change = SourceChange::default();
    let mut diagnostics = Vec::new();
    for diagnostic in analysis
        .diagnostics
        .iter()
        .filter(|diagnostic| diagnostic.at.file == file)
    {
        let mut fixes = cx
            .fixes(diagnostic)
            .into_iter()
            .filter(|fix| fix.unambiguous);
        let (Some(fix), None) = (fixes.next(), fixes.next()) else {
            continue;
        };
        if change.conflicts_with(&fix.change) {
            continue;
        }
        change.extend(fix.change);
        diagnostics.push(diagnostic.clone());
    }
    (!diagnostics.is_empty()).then(|| CodeAction {
        title: format!("Fix {}", describe::count(diagnostics.len(), "problem")),
        kind: ActionKind::FixAll,
        diagnostics,
        change,
        preferred: false,
    })
}

#[cfg(test)]
mod tests;
