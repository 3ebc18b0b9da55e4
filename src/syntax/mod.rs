//! Tokens, the error-recovering parser and the spanned syntax tree.

pub mod ast;
