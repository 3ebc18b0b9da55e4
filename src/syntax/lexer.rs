//! Text to tokens. Whitespace is dropped (the gaps between token spans say
//! where it was); comments are kept as tokens so that the formatter and
//! semantic highlighting see them.

use logos::Logos;

use crate::base::Span;
use crate::syntax::ast::ItemKind;
use crate::syntax::escape::unescape;
use crate::syntax::{CommentKind, SyntaxError};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Token {
    pub kind: TokenKind,
    pub span: Span,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum TokenKind {
    /// One of the nine item keywords, the only reserved words.
    Keyword(ItemKind),
    Ident,
    /// A string literal. An unterminated one ends at the end of its line
    /// and is reported by the lexer.
    String {
        terminated: bool,
    },
    /// `2027-01-04`, and anything else shaped `digits-digits-digits`.
    Date,
    /// `30d`, `6w`, `+1w`, `-2d`.
    Duration,
    /// `50%`, `12.5%`.
    Percent,
    /// `4`, `2.5`.
    Number,
    DotDot,
    Dot,
    Colon,
    Comma,
    LBrace,
    RBrace,
    Comment(CommentKind),
    /// A run of text that is no token: unknown characters, or a number glued
    /// to letters such as `30days`.
    Error,
}

impl TokenKind {
    pub fn is_comment(self) -> bool {
        matches!(self, TokenKind::Comment(_))
    }
}

/// Whether the lexer skips `c` as whitespace (its `skip` pattern): what
/// may stand between a doc comment and its item, or before an item's
/// keyword on its line, as the formatter drops or rewrites it all.
pub fn is_whitespace(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n' | '\x0C' | '\u{FEFF}')
}

/// The tokens of `text`, comments included, whitespace left out.
pub fn lex(text: &str) -> Vec<Token> {
    lex_with_errors(text).0
}

/// The tokens of `text` and the lexical errors among them: bad escapes,
/// unterminated strings and block comments. Unknown text becomes
/// [`TokenKind::Error`] tokens, which the parser reports where it meets them.
pub fn lex_with_errors(text: &str) -> (Vec<Token>, Vec<SyntaxError>) {
    if let Some(error) = too_long(text.len()) {
        return (Vec::new(), vec![error]);
    }
    // Plans run to a token every 7 or 8 bytes: room for one every 6 spares
    // the copy of every token that growing the vector would cost.
    let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 6);
    let mut errors = Vec::new();
    let mut lexer = RawToken::lexer(text);
    while let Some(raw) = lexer.next() {
        let span = Span::from(lexer.span());
        let kind = match raw {
            Ok(raw) => raw.kind(),
            Err(()) => TokenKind::Error,
        };
        if let Ok(raw) = raw {
            check_token(text, raw, span, &mut errors);
        }
        match tokens.last_mut() {
            Some(last)
                if kind == TokenKind::Error
                    && last.kind == TokenKind::Error
                    && last.span.end() == span.start() =>
            {
                last.span = last.span.cover(span);
            }
            _ => tokens.push(Token { kind, span }),
        }
    }
    (tokens, errors)
}

/// Why a text of `len` bytes is not read, if it is too long for a span to
/// hold its offsets.
fn too_long(len: usize) -> Option<SyntaxError> {
    (len > Span::MAX_TEXT).then(|| SyntaxError {
        span: Span::empty(0),
        message: format!(
            "this file is {len} bytes long; pgm reads files of at most {} bytes (4 GiB)",
            Span::MAX_TEXT
        ),
    })
}

/// Reports what is wrong inside a token that is still produced.
fn check_token(text: &str, raw: RawToken, span: Span, errors: &mut Vec<SyntaxError>) {
    match raw {
        RawToken::String(StringEnd {
            terminated,
            escapes,
        }) => {
            // An unterminated string is one mistake: its escapes are not
            // judged, as the missing quote may be what makes them look wrong.
            if !terminated {
                errors.push(SyntaxError {
                    span,
                    message:
                        "unterminated string: expected a closing `\"` before the end of the line"
                            .to_string(),
                });
                return;
            }
            if !escapes {
                return;
            }
            let body = Span::new(span.start() + 1, span.end() - 1);
            unescape(
                &text[body.range()],
                |_| {},
                |range, message| {
                    errors.push(SyntaxError {
                        span: Span::new(body.start() + range.start, body.start() + range.end),
                        message,
                    })
                },
            );
        }
        RawToken::BlockComment(false) => errors.push(SyntaxError {
            span,
            message: "unterminated block comment: expected `*/` before the end of the file"
                .to_string(),
        }),
        _ => {}
    }
}

#[derive(Logos, Clone, Copy, PartialEq, Eq, Debug)]
#[logos(skip r"[ \t\r\n\f\u{FEFF}]+")]
enum RawToken {
    #[token("calendar", |_| ItemKind::Calendar)]
    #[token("person", |_| ItemKind::Person)]
    #[token("team", |_| ItemKind::Team)]
    #[token("program", |_| ItemKind::Program)]
    #[token("project", |_| ItemKind::Project)]
    #[token("milestone", |_| ItemKind::Milestone)]
    #[token("risk", |_| ItemKind::Risk)]
    #[token("stakeholder", |_| ItemKind::Stakeholder)]
    #[token("benefit", |_| ItemKind::Benefit)]
    Keyword(ItemKind),

    #[regex("[A-Za-z_][A-Za-z0-9_]*")]
    Ident,

    #[token("\"", string_rest)]
    String(StringEnd),

    #[regex("[0-9]+-[0-9]+-[0-9]+")]
    Date,

    #[regex("[+-]?[0-9]+[dw]", priority = 10)]
    Duration,

    #[regex(r"[0-9]+(\.[0-9]+)?%", priority = 10)]
    Percent,

    #[regex(r"[0-9]+(\.[0-9]+)?", priority = 10)]
    Number,

    /// Digits glued to other word characters: `30days`, `1.5w`, `+5`.
    #[regex(r"[+-]?[0-9][0-9A-Za-z_]*(\.[0-9A-Za-z_]+)*%?", priority = 1)]
    MalformedNumber,

    #[token("..")]
    DotDot,
    #[token(".")]
    Dot,
    #[token(":")]
    Colon,
    #[token(",")]
    Comma,
    #[token("{")]
    LBrace,
    #[token("}")]
    RBrace,

    #[regex(r"//[^\r\n]*", line_comment_kind, allow_greedy = true)]
    LineComment(CommentKind),

    /// Whether the closing `*/` is there.
    #[token("/*", block_comment_rest)]
    BlockComment(bool),
}

impl RawToken {
    fn kind(self) -> TokenKind {
        match self {
            RawToken::Keyword(kind) => TokenKind::Keyword(kind),
            RawToken::Ident => TokenKind::Ident,
            RawToken::String(end) => TokenKind::String {
                terminated: end.terminated,
            },
            RawToken::Date => TokenKind::Date,
            RawToken::Duration => TokenKind::Duration,
            RawToken::Percent => TokenKind::Percent,
            RawToken::Number => TokenKind::Number,
            RawToken::MalformedNumber => TokenKind::Error,
            RawToken::DotDot => TokenKind::DotDot,
            RawToken::Dot => TokenKind::Dot,
            RawToken::Colon => TokenKind::Colon,
            RawToken::Comma => TokenKind::Comma,
            RawToken::LBrace => TokenKind::LBrace,
            RawToken::RBrace => TokenKind::RBrace,
            RawToken::LineComment(kind) => TokenKind::Comment(kind),
            RawToken::BlockComment(_) => TokenKind::Comment(CommentKind::Block),
        }
    }
}

/// `///` starts a doc comment, but `////` and more is a plain one, as in Rust.
fn line_comment_kind(lexer: &mut logos::Lexer<RawToken>) -> CommentKind {
    let slice = lexer.slice();
    if slice.starts_with("///") && !slice.starts_with("////") {
        CommentKind::Doc
    } else {
        CommentKind::Line
    }
}

/// How a string ends: whether its closing quote is there, and whether a
/// `\` stands inside it, so that only a string with escapes is read again
/// for them.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct StringEnd {
    terminated: bool,
    escapes: bool,
}

/// Consumes a string after its opening quote, up to the closing quote or,
/// when that is missing, the end of the line: strings do not span lines, so
/// a missing quote costs one line, not the rest of the file.
fn string_rest(lexer: &mut logos::Lexer<RawToken>) -> StringEnd {
    let rest = lexer.remainder().as_bytes();
    let mut escapes = false;
    let mut at = 0;
    while at < rest.len() {
        match rest[at] {
            b'"' => {
                lexer.bump(at + 1);
                return StringEnd {
                    terminated: true,
                    escapes,
                };
            }
            b'\\' => {
                escapes = true;
                at += if matches!(rest.get(at + 1), Some(b'"' | b'\\')) {
                    2
                } else {
                    1
                };
            }
            b'\n' | b'\r' => break,
            _ => at += 1,
        }
    }
    lexer.bump(at);
    StringEnd {
        terminated: false,
        escapes,
    }
}

fn block_comment_rest(lexer: &mut logos::Lexer<RawToken>) -> bool {
    match lexer.remainder().find("*/") {
        Some(at) => {
            lexer.bump(at + 2);
            true
        }
        None => {
            lexer.bump(lexer.remainder().len());
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_longer_than_a_span_can_hold_is_refused_with_its_length() {
        assert!(too_long(Span::MAX_TEXT).is_none());
        let error = too_long(Span::MAX_TEXT + 1).expect("refused");
        assert_eq!(error.span, Span::empty(0));
        assert_eq!(
            error.message,
            "this file is 4294967296 bytes long; pgm reads files of at most 4294967295 bytes (4 GiB)"
        );
    }
}
