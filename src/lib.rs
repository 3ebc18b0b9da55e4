//! pgm: a language, a checker and a language server for program plans kept as text.
//!
//! Layers, each knowing only those below it:
//! `base` → `syntax` → `model` → `analysis` → `ide` → `lsp` and `cli`.

pub mod analysis;
pub mod base;
pub mod cli;
pub mod generate;
pub mod ide;
pub mod lsp;
pub mod model;
pub mod syntax;
pub mod workspace;
