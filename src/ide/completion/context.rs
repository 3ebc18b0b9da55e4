//! Where the cursor stands, read from the tokens before it, which are there
//! however unfinished the text is: at the start of a member of an item (or
//! at the top of the file), at a value of a property, after a program's
//! name and a dot, or somewhere nothing can be completed.

use crate::base::Span;
use crate::syntax::CommentKind;
use crate::syntax::ast::ItemKind;
use crate::syntax::lexer::{Token, TokenKind};

/// An item the cursor is inside of: its kind and the span of its keyword.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) struct Enclosing {
    pub kind: ItemKind,
    pub keyword: Span,
}

#[derive(Clone, PartialEq, Eq, Debug)]
pub(super) enum Place {
    /// Where a property or an item may start; `after_value_of` names the
    /// property whose value the previous token ends, since the word being
    /// typed may still continue that value (`iam ss`).
    Member { after_value_of: Option<String> },
    /// The start of an entry of the property `key`.
    Value { key: String },
    /// After `program.` in a value of `key`.
    Qualified { key: String, program: String },
    /// A new item's name, a string, a comment: nothing to offer.
    Nowhere,
}

#[derive(Clone, PartialEq, Eq, Debug)]
pub(super) struct Context {
    /// The text the completion replaces: the word typed so far.
    pub replace: Span,
    /// The items around the cursor, outermost first; those without a body
    /// are left out, as the cursor is not in them.
    pub enclosing: Vec<Enclosing>,
    pub place: Place,
}

/// The context at `offset` of `text`, given its tokens, comments included.
pub(super) fn context(text: &str, tokens: &[Token], offset: usize) -> Context {
    let inside_literal = tokens.iter().any(|token| {
        // A line comment or an unterminated string runs to the end of its
        // line, so a cursor right after it is still inside.
        let open_ended = match token.kind {
            TokenKind::Comment(CommentKind::Line | CommentKind::Doc)
            | TokenKind::String { terminated: false } => true,
            TokenKind::Comment(CommentKind::Block) | TokenKind::String { terminated: true } => {
                false
            }
            _ => return false,
        };
        token.span.start() < offset
            && (offset < token.span.end() || open_ended && offset == token.span.end())
    });
    let word = tokens.iter().find(|token| {
        matches!(token.kind, TokenKind::Ident | TokenKind::Keyword(_))
            && token.span.start() < offset
            && offset <= token.span.end()
    });
    let replace = word.map_or(Span::empty(offset), |word| {
        Span::new(word.span.start(), offset)
    });
    let before: Vec<Token> = tokens
        .iter()
        .filter(|token| !token.kind.is_comment() && token.span.end() <= replace.start())
        .copied()
        .collect();
    let enclosing = enclosing_items(&before);
    let place = if inside_literal {
        Place::Nowhere
    } else {
        place(text, &before)
    };
    Context {
        replace,
        enclosing,
        place,
    }
}

fn enclosing_items(before: &[Token]) -> Vec<Enclosing> {
    let mut stack: Vec<Option<Enclosing>> = Vec::new();
    let mut pending: Option<Enclosing> = None;
    for token in before {
        match token.kind {
            TokenKind::Keyword(kind) => {
                pending = Some(Enclosing {
                    kind,
                    keyword: token.span,
                })
            }
            TokenKind::LBrace => stack.push(pending.take()),
            TokenKind::RBrace => {
                stack.pop();
                pending = None;
            }
            TokenKind::Colon => pending = None,
            _ => {}
        }
    }
    stack.into_iter().flatten().collect()
}

fn place(text: &str, before: &[Token]) -> Place {
    let last = before.last().map(|token| token.kind);
    match before {
        [.., program, dot] if program.kind == TokenKind::Ident && dot.kind == TokenKind::Dot => {
            match current_key(text, before) {
                Some(key) => Place::Qualified {
                    key,
                    program: text[program.span.range()].to_string(),
                },
                None => Place::Nowhere,
            }
        }
        _ => match last {
            None | Some(TokenKind::LBrace | TokenKind::RBrace) => Place::Member {
                after_value_of: None,
            },
            Some(TokenKind::Colon | TokenKind::Comma) => match current_key(text, before) {
                Some(key) => Place::Value { key },
                None => Place::Nowhere,
            },
            // Right after a keyword comes the name being made up.
            Some(TokenKind::Keyword(_)) => Place::Nowhere,
            Some(_) => Place::Member {
                after_value_of: current_key(text, before),
            },
        },
    }
}

/// The key of the property whose value the tokens end in: the last
/// `key :` of the innermost body, unless an item starts after it.
fn current_key(text: &str, before: &[Token]) -> Option<String> {
    let mut depth = 0usize;
    for (index, token) in before.iter().enumerate().rev() {
        match token.kind {
            TokenKind::RBrace => depth += 1,
            TokenKind::LBrace if depth == 0 => return None,
            TokenKind::LBrace => depth -= 1,
            TokenKind::Keyword(_) if depth == 0 => return None,
            TokenKind::Colon if depth == 0 => {
                let key = before.get(index.checked_sub(1)?)?;
                return (key.kind == TokenKind::Ident).then(|| text[key.span.range()].to_string());
            }
            _ => {}
        }
    }
    None
}
