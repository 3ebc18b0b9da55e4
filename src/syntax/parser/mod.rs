//! Tokens to a syntax tree, recovering from errors.

mod grammar;
mod source;

use chumsky::Parser;

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
    let mut reporter = grammar::Reporter::default();
    // The grammar accepts every token sequence, so it always yields a file.
    let file = grammar::file(src)
        .parse_with_state(tokens.as_slice(), &mut reporter)
        .into_output()
        .unwrap_or_default();
    errors.append(&mut reporter.errors);
    errors.sort_by_key(|error| error.span.start);
    Parse {
        file,
        errors,
        comments,
    }
}
