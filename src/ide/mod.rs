//! Editor features as plain functions on the model and its analysis.
//!
//! Each feature takes the model, the analysis where it needs computed facts,
//! a file and a byte offset (or a byte span) and answers with plain structs
//! holding byte spans and strings: no protocol types, no lines and columns.
//! The protocol layer converts both ways at its edge.
//!
//! One file per feature; what several features need (what stands at an
//! offset, lookups in the model, text edits) lives in one shared module each.

mod at_offset;
mod describe;
mod edit;
mod lookup;
mod nav_target;

mod call_hierarchy;
mod code_actions;
mod code_lens;
mod completion;
mod document_symbols;
mod folding_ranges;
mod format;
mod goto_definition;
mod highlight;
mod hover;
mod inlay_hints;
mod references;
mod rename;
mod selection_ranges;
mod semantic_tokens;
mod workspace_symbols;

#[cfg(test)]
mod fixture;
#[cfg(test)]
mod tests;

pub use call_hierarchy::{Call, incoming_calls, outgoing_calls, prepare_call_hierarchy};
pub use code_actions::{ActionKind, CodeAction, code_actions, fix_all};
pub use code_lens::{CodeLens, code_lenses};
pub use completion::{CompletionItem, CompletionKind, Completions, completions};
pub use document_symbols::{DocumentSymbol, document_symbols};
pub use edit::{SourceChange, TextEdit};
pub use folding_ranges::{Fold, FoldKind, folding_ranges};
pub use format::{format, format_range};
pub use goto_definition::{Definition, goto_declaration, goto_definition};
pub use highlight::{Highlight, HighlightKind, highlight};
pub use hover::{Hover, hover};
pub use inlay_hints::{InlayHint, InlayHintKind, inlay_hints};
pub use nav_target::NavTarget;
pub use references::find_references;
pub use rename::{PrepareRename, RenameError, prepare_rename, rename};
pub use selection_ranges::selection_ranges;
pub use semantic_tokens::{Modifiers, SemanticToken, TokenModifier, TokenType, semantic_tokens};
pub use workspace_symbols::workspace_symbols;
