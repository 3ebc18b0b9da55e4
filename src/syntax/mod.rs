//! Tokens, the error-recovering parser and the spanned syntax tree.

pub mod ast;
mod escape;
pub mod format;
pub mod lexer;
mod parser;

use crate::base::Span;

/// The result of parsing one file: always a tree, plus every error found.
#[derive(Clone, PartialEq, Debug, Default)]
pub struct Parse {
    pub file: ast::SourceFile,
    pub errors: Vec<SyntaxError>,
    /// Every comment of the file in text order, doc comments included.
    pub comments: Vec<Comment>,
}

#[derive(Clone, PartialEq, Eq, Debug)]
pub struct SyntaxError {
    pub span: Span,
    /// Plain words naming what was expected and what was found.
    pub message: String,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CommentKind {
    /// `// ...`
    Line,
    /// `/// ...`
    Doc,
    /// `/* ... */`
    Block,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Comment {
    pub kind: CommentKind,
    pub span: Span,
}

pub use lexer::{Token, TokenKind, lex, lex_with_errors};

/// Parses one file. Never fails: the tree holds whatever could be read.
pub fn parse(text: &str) -> Parse {
    parser::parse(text)
}
