//! Tokens to a syntax tree, recovering from errors. The grammar is read by
//! hand inside one chumsky `custom` parser: over this token slice,
//! chumsky's combinators cost several times as much per token, mostly in
//! moving the tree's nodes from one combinator's output to the next.

mod input;
mod items;
mod properties;
mod recovery;
mod source;

use chumsky::Parser;
use chumsky::prelude::custom;

use crate::syntax::lexer::{Token, TokenKind, lex_with_errors};
use crate::syntax::{Comment, Parse};

pub(crate) fn parse(text: &str) -> Parse {
    let (tokens, mut errors) = lex_with_errors(text);
    let mut comments = Vec::new();
    let tokens: Vec<Token> = tokens
        .into_iter()
        .filter(|token| match token.kind {
            TokenKind::Comment(kind) => {
                comments.push(Comment {
                    kind,
                    span: token.span,
                });
                false
            }
            _ => true,
        })
        .collect();
    let src = source::Source {
        text,
        tokens: &tokens,
        comments: &comments,
    };
    let mut state = input::State::default();
    let file = custom(move |inp: &mut input::Input<'_, '_>| Ok(items::file(src, inp)))
        .parse_with_state(tokens.as_slice(), &mut state)
        .into_output()
        .unwrap_or_default();
    errors.append(&mut state.errors);
    errors.sort_by_key(|error| error.span.start());
    Parse {
        file,
        errors,
        comments,
    }
}
