//! Where parsing resumes after an error: every construct reports at most
//! one error and then skips to the next place where parsing can safely
//! resume (a property, an item or a `}`), so one typo gives one error and
//! the rest of the file is still read.

use crate::syntax::lexer::{Token, TokenKind};

use super::input::{Input, at};
use super::items::Header;
use super::source::Source;

/// Text that starts nothing valid where it stands, at the top of the file
/// (`enclosing` is `None`) or in the body of `enclosing`: reported once,
/// then skipped up to where parsing can resume. False, with nothing taken,
/// when the next token starts something after all.
pub(super) fn junk(src: Source<'_>, inp: &mut Input<'_, '_>, enclosing: Option<&Header>) -> bool {
    let Some(first) = inp.peek() else {
        return false;
    };
    let in_body = enclosing.is_some();
    let starts_something = match first.kind {
        TokenKind::Keyword(_) => true,
        TokenKind::Ident | TokenKind::RBrace => in_body,
        _ => false,
    };
    if starts_something {
        return false;
    }
    let expected = match enclosing {
        Some(header) => format!("expected a property or `}}` in {}", header.describe(src)),
        None => "expected an item (calendar, person, team or program)".to_string(),
    };
    inp.state().report_found(src, Some(first), &expected);
    skip_while_not_sync(inp, in_body, true);
    true
}

/// Skips up to where parsing can resume: in a body, a property (`key :`),
/// an item or the body's `}`; at the top, an item. Text inside braces is
/// skipped as a whole. `skip_first` skips the next token whatever it is.
pub(super) fn skip_while_not_sync(inp: &mut Input<'_, '_>, in_body: bool, mut skip_first: bool) {
    let mut depth = 0usize;
    while let Some(next) = inp.peek() {
        if depth == 0 && !skip_first && at_sync(inp, in_body) {
            return;
        }
        skip_first = false;
        match next.kind {
            TokenKind::LBrace => depth += 1,
            TokenKind::RBrace => depth = depth.saturating_sub(1),
            _ => {}
        }
        inp.skip();
    }
}

/// Whether parsing can resume at the next token (or the end of the file):
/// in a body, a property (`key :`), an item or the body's `}`; at the top,
/// an item.
pub(super) fn at_sync(inp: &mut Input<'_, '_>, in_body: bool) -> bool {
    match inp.peek().map(|token: Token| token.kind) {
        None | Some(TokenKind::Keyword(_)) => true,
        Some(TokenKind::RBrace) => in_body,
        Some(TokenKind::Ident) => in_body && followed_by_colon(inp),
        Some(_) => false,
    }
}

/// Whether the token after the next one is a `:`.
pub(super) fn followed_by_colon(inp: &mut Input<'_, '_>) -> bool {
    let before = inp.save();
    inp.skip();
    let colon = at(inp, TokenKind::Colon);
    inp.rewind(before);
    colon
}

/// Skips a `{ ... }` block with everything nested in it, to its matching
/// `}` or the end of the file.
pub(super) fn skip_block(inp: &mut Input<'_, '_>) {
    let mut depth = 0usize;
    while let Some(next) = inp.next() {
        match next.kind {
            TokenKind::LBrace => depth += 1,
            TokenKind::RBrace => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return;
                }
            }
            _ => {}
        }
    }
}

/// A keyword in the middle of a line, where a name or a value belongs:
/// taken as a misused name rather than the start of an item, which would
/// start a line.
pub(super) fn is_misused_keyword(src: Source<'_>, token: Token) -> bool {
    matches!(token.kind, TokenKind::Keyword(_)) && !src.starts_line(token.span.start())
}
