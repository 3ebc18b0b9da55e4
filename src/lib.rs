//! pgm: a language, a checker and a language server for program plans kept as text.
//!
//! Layers, each knowing only those below it:
//! `base` → `syntax` → `model` → `analysis` → `ide` and `workspace` (finding
//! and reading files, settings) → `lsp` and `cli`. `generate` writes example
//! plans as text and knows no layer.

pub mod analysis;
pub mod base;
pub mod cli;
pub mod generate;
pub mod ide;
pub mod lsp;
pub mod model;
pub mod syntax;
pub mod workspace;
