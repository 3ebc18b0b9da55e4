//! What the grammar needs to know about the text around its tokens: their
//! text, their description in messages, line layout and doc comments.

use chumsky::span::SimpleSpan;

use crate::base::Span;
use crate::syntax::ast::ItemKind;
use crate::syntax::lexer::{Token, TokenKind, is_whitespace};
use crate::syntax::{Comment, CommentKind};

/// How many characters of a token a message quotes before cutting it short.
const QUOTED_CHARS: usize = 32;

#[derive(Clone, Copy)]
pub(super) struct Source<'s> {
    pub text: &'s str,
    /// The tokens the grammar runs over: comments left out.
    pub tokens: &'s [Token],
    pub comments: &'s [Comment],
}

impl<'s> Source<'s> {
    pub fn slice(self, span: Span) -> &'s str {
        &self.text[span.range()]
    }

    /// The byte span of a range of token indices; an empty range sits at
    /// the start of the token after it.
    pub fn byte_span(self, tokens: SimpleSpan) -> Span {
        let at = |index: usize| {
            self.tokens
                .get(index)
                .map_or(self.text.len(), |token| token.span.start())
        };
        if tokens.end <= tokens.start {
            return Span::empty(at(tokens.start));
        }
        match (
            self.tokens.get(tokens.start),
            self.tokens.get(tokens.end - 1),
        ) {
            (Some(first), Some(last)) => first.span.cover(last.span),
            _ => Span::empty(self.text.len()),
        }
    }

    /// Where a message about `found` points: the token, or the end of the text.
    pub fn found_span(self, found: Option<Token>) -> Span {
        found.map_or(Span::empty(self.text.len()), |token| token.span)
    }

    /// A token as a message names it: `identifier `owner``, `string "x"`.
    pub fn describe(self, found: Option<Token>) -> String {
        let Some(token) = found else {
            return "the end of the file".to_string();
        };
        let quoted = quote(self.slice(token.span));
        match token.kind {
            TokenKind::Keyword(kind) => format!("keyword `{}`", kind.keyword()),
            TokenKind::Ident => format!("identifier `{quoted}`"),
            TokenKind::String { .. } => format!("string {quoted}"),
            TokenKind::Date => format!("date `{quoted}`"),
            TokenKind::Duration => format!("duration `{quoted}`"),
            TokenKind::Percent => format!("percentage `{quoted}`"),
            TokenKind::Number => format!("number `{quoted}`"),
            TokenKind::Comment(_) => "a comment".to_string(),
            TokenKind::Error => format!("unexpected text `{quoted}`"),
            TokenKind::DotDot
            | TokenKind::Dot
            | TokenKind::Colon
            | TokenKind::Comma
            | TokenKind::LBrace
            | TokenKind::RBrace => format!("`{quoted}`"),
        }
    }

    /// An item as a message names it: `program `apollo``, `the calendar`.
    pub fn describe_item(self, kind: ItemKind, name: Option<&str>) -> String {
        match (kind, name) {
            (ItemKind::Calendar, _) => "the calendar".to_string(),
            (kind, Some(name)) => format!("{} `{}`", kind.keyword(), quote(name)),
            (kind, None) => format!("the unnamed {}", kind.keyword()),
        }
    }

    /// Whether only whitespace stands between the start of the line and
    /// `offset`.
    pub fn starts_line(self, offset: usize) -> bool {
        self.line_prefix(offset).chars().all(is_whitespace)
    }

    /// The column of `offset` in characters, for comparing the indentation
    /// of two keywords.
    pub fn column(self, offset: usize) -> usize {
        self.line_prefix(offset).chars().count()
    }

    fn line_prefix(self, offset: usize) -> &'s str {
        let before = &self.text[..offset];
        let line_start = before.rfind(['\n', '\r']).map_or(0, |at| at + 1);
        &before[line_start..]
    }

    /// The text of the `///` comments right before `offset`, with nothing
    /// but whitespace between them and it.
    pub fn docs_before(self, offset: usize) -> Vec<String> {
        let mut end = self.comments.partition_point(|c| c.span.end() <= offset);
        let mut next_start = offset;
        while end > 0 {
            let comment = self.comments[end - 1];
            let gap = &self.text[comment.span.end()..next_start];
            if comment.kind != CommentKind::Doc || !gap.chars().all(is_whitespace) {
                break;
            }
            next_start = comment.span.start();
            end -= 1;
        }
        self.comments[end..]
            .iter()
            .take_while(|c| c.span.end() <= offset)
            .map(|c| doc_text(self.slice(c.span)).to_string())
            .collect()
    }
}

/// A doc comment's text without the slashes, the one space after them and
/// the whitespace at its end (which the formatter drops).
fn doc_text(comment: &str) -> &str {
    let text = comment.strip_prefix("///").unwrap_or(comment);
    text.strip_prefix(' ').unwrap_or(text).trim_end()
}

/// Text fit for a one-line message: control characters escaped, long text
/// cut short.
fn quote(text: &str) -> String {
    let mut quoted = String::new();
    for (count, c) in text.chars().enumerate() {
        if count == QUOTED_CHARS {
            quoted.push('…');
            break;
        }
        if c.is_control() {
            quoted.extend(c.escape_default());
        } else {
            quoted.push(c);
        }
    }
    quoted
}
