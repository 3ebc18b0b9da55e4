//! The handlers, one file per group of protocol methods.

pub(crate) mod call_hierarchy;
pub(crate) mod code_actions;
pub(crate) mod code_lens;
pub(crate) mod completion;
pub(crate) mod configuration;
pub mod debug;
pub(crate) mod diagnostics;
pub(crate) mod folding_selection;
pub(crate) mod formatting;
pub(crate) mod hover;
pub(crate) mod inlay_hints;
pub(crate) mod lifecycle;
pub(crate) mod navigation;
pub(crate) mod rename;
pub(crate) mod semantic_tokens;
pub(crate) mod symbols;
pub(crate) mod text_sync;
pub(crate) mod workspace;
