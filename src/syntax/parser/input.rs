//! The input every part of the grammar reads: chumsky's view of the token
//! slice, with the errors found so far and the file's lists of values and
//! atoms as its state.

use chumsky::error::EmptyErr;
use chumsky::extra;
use chumsky::input::{Checkpoint, Cursor, InputRef};
use chumsky::inspector::Inspector;

use crate::base::Span;
use crate::syntax::SyntaxError;
use crate::syntax::ast::{Atom, Value};
use crate::syntax::lexer::{Token, TokenKind};

use super::source::Source;

pub(super) type Tokens<'s> = &'s [Token];
pub(super) type Extra = extra::Full<EmptyErr, State, ()>;
pub(super) type Input<'s, 'p> = InputRef<'s, 'p, Tokens<'s>, Extra>;

/// The errors found so far, and the values and atoms read so far, which the
/// file keeps in lists of their own. Looking ahead and coming back takes
/// back the errors found on the way; no value is read while looking ahead.
#[derive(Default)]
pub(super) struct State {
    pub errors: Vec<SyntaxError>,
    pub values: Vec<Value>,
    pub atoms: Vec<Atom>,
    /// How many paths have been read.
    pub paths: usize,
}

impl State {
    pub fn report(&mut self, span: Span, message: String) {
        self.errors.push(SyntaxError { span, message });
    }

    /// Reports `found` (`None` at the end of the file) where `expected`
    /// belongs: "expected …, found …".
    pub fn report_found(&mut self, src: Source<'_>, found: Option<Token>, expected: &str) {
        self.report(
            src.found_span(found),
            format!("{expected}, found {}", src.describe(found)),
        );
    }
}

impl<'s> Inspector<'s, Tokens<'s>> for State {
    type Checkpoint = usize;

    fn on_token(&mut self, _: &Token) {}

    fn on_save<'p>(&self, _: &Cursor<'s, 'p, Tokens<'s>>) -> usize {
        self.errors.len()
    }

    fn on_rewind<'p>(&mut self, marker: &Checkpoint<'s, 'p, Tokens<'s>, usize>) {
        self.errors.truncate(*marker.inspector());
    }
}

/// Whether the next token is of `kind`.
pub(super) fn at(inp: &mut Input<'_, '_>, kind: TokenKind) -> bool {
    inp.peek().is_some_and(|token: Token| token.kind == kind)
}

/// Takes the next token if it is of `kind`.
pub(super) fn eat(inp: &mut Input<'_, '_>, kind: TokenKind) -> Option<Token> {
    let token = inp.peek().filter(|token: &Token| token.kind == kind)?;
    inp.skip();
    Some(token)
}
