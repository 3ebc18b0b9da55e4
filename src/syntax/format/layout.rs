//! Prints the tokens of a parsed file with canonical whitespace between
//! them. The tree tells each token its role (an item's keyword, a property
//! key, a body's braces); the rest follows from the token kinds.

use std::collections::HashMap;

use crate::syntax::ast::{Item, Member};
use crate::syntax::lexer::{Token, TokenKind, lex};
use crate::syntax::{CommentKind, Parse};

const INDENT: &str = "  ";

/// What the tree says a token is. Tokens without a role sit inside a line.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Role {
    /// The keyword of an item, which starts a line.
    ItemStart,
    /// A property key, which starts a line.
    Key,
    BodyOpen,
    BodyClose,
}

/// Where a token goes relative to the one before it.
enum Place {
    SameLine { space: bool },
    NewLine { blank: bool, indent: usize },
}

pub(super) fn print(text: &str, parse: &Parse) -> String {
    let mut roles = HashMap::new();
    let mut top_item_ends = Vec::new();
    for item in &parse.file.items {
        collect_roles(item, &mut roles);
        top_item_ends.push(item.span.end);
    }
    let tokens = lex(text);
    let continues = next_continues_line(&tokens, &roles);
    let mut printer = Printer {
        text,
        out: String::with_capacity(text.len() + text.len() / 8),
        line_ending: line_ending(text),
        depth: 0,
        in_property: false,
        after_top_item: false,
        previous: None,
    };
    if text.starts_with('\u{FEFF}') {
        printer.out.push('\u{FEFF}');
    }
    for (index, token) in tokens.iter().enumerate() {
        let role = roles.get(&token.span.start).copied();
        printer.push(*token, role, continues[index]);
        if top_item_ends.binary_search(&token.span.end).is_ok() && printer.depth == 0 {
            printer.after_top_item = true;
        }
    }
    printer.finish()
}

fn collect_roles(item: &Item, roles: &mut HashMap<usize, Role>) {
    roles.insert(item.keyword_span.start, Role::ItemStart);
    let Some(body) = &item.body else {
        return;
    };
    roles.insert(body.span.start, Role::BodyOpen);
    roles.insert(body.span.end.saturating_sub(1), Role::BodyClose);
    for member in &body.members {
        match member {
            Member::Property(property) => {
                roles.insert(property.key.span.start, Role::Key);
            }
            Member::Item(nested) => collect_roles(nested, roles),
        }
    }
}

/// For each token, whether the next token that is not a comment sits
/// inside a line (as a value does), rather than starting one or ending the
/// file.
fn next_continues_line(tokens: &[Token], roles: &HashMap<usize, Role>) -> Vec<bool> {
    let mut continues = vec![false; tokens.len()];
    let mut upcoming = false;
    for (index, token) in tokens.iter().enumerate().rev() {
        continues[index] = upcoming;
        if !token.kind.is_comment() {
            upcoming = !roles.contains_key(&token.span.start);
        }
    }
    continues
}

/// The file's own line ending, judged by its first line break.
fn line_ending(text: &str) -> &'static str {
    match text.find('\n') {
        Some(at) if text[..at].ends_with('\r') => "\r\n",
        _ => "\n",
    }
}

struct Printer<'t> {
    text: &'t str,
    out: String,
    line_ending: &'static str,
    /// How many bodies enclose the current token.
    depth: usize,
    /// Whether the tokens since the last line-starting token belong to a
    /// property, so a comment among them is indented as its continuation.
    in_property: bool,
    /// Whether the last token ended a top-level item: the next line then
    /// follows a blank one.
    after_top_item: bool,
    previous: Option<Token>,
}

impl Printer<'_> {
    fn push(&mut self, token: Token, role: Option<Role>, next_continues_line: bool) {
        if role == Some(Role::BodyClose) {
            self.depth = self.depth.saturating_sub(1);
        }
        match self.place(token, role, next_continues_line) {
            Place::SameLine { space } => {
                if space {
                    self.out.push(' ');
                }
            }
            Place::NewLine { blank, indent } => {
                if self.previous.is_some() {
                    self.out.push_str(self.line_ending);
                    if blank {
                        self.out.push_str(self.line_ending);
                    }
                }
                for _ in 0..indent {
                    self.out.push_str(INDENT);
                }
                self.after_top_item = false;
            }
        }
        let written = &self.text[token.span.range()];
        match token.kind {
            TokenKind::Comment(CommentKind::Line | CommentKind::Doc) => {
                self.out.push_str(written.trim_end());
            }
            _ => self.out.push_str(written),
        }
        match role {
            Some(Role::Key) => self.in_property = true,
            Some(Role::ItemStart | Role::BodyClose) => self.in_property = false,
            Some(Role::BodyOpen) => {
                self.in_property = false;
                self.depth += 1;
            }
            None => {}
        }
        self.previous = Some(token);
    }

    fn place(&self, token: Token, role: Option<Role>, next_continues_line: bool) -> Place {
        let Some(previous) = self.previous else {
            return Place::NewLine {
                blank: false,
                indent: self.depth,
            };
        };
        let gap = &self.text[previous.span.end..token.span.start];
        let breaks = line_breaks(gap);
        let must_break = match previous.kind {
            TokenKind::Comment(CommentKind::Line | CommentKind::Doc) => true,
            TokenKind::Comment(CommentKind::Block) => breaks > 0 && self.starts_own_line(previous),
            _ => false,
        };
        let blank = if self.depth == 0 && self.after_top_item {
            true
        } else {
            breaks >= 2 && previous.kind != TokenKind::LBrace
        };
        if let TokenKind::Comment(_) = token.kind {
            if breaks == 0 && !must_break {
                return Place::SameLine { space: true };
            }
            let continues_property = self.in_property && next_continues_line;
            return Place::NewLine {
                blank,
                indent: self.depth + usize::from(continues_property),
            };
        }
        match role {
            Some(Role::ItemStart | Role::Key) => Place::NewLine {
                blank,
                indent: self.depth,
            },
            Some(Role::BodyClose) if previous.kind == TokenKind::LBrace => {
                Place::SameLine { space: false }
            }
            Some(Role::BodyClose) => Place::NewLine {
                blank: false,
                indent: self.depth,
            },
            _ if must_break => Place::NewLine {
                blank: false,
                indent: self.depth + 1,
            },
            _ => Place::SameLine {
                space: spaced(previous.kind, token.kind),
            },
        }
    }

    /// Whether a token is the first on its line in the original text.
    fn starts_own_line(&self, token: Token) -> bool {
        let before = &self.text[..token.span.start];
        let line_start = before.rfind(['\n', '\r']).map_or(0, |at| at + 1);
        before[line_start..].trim().is_empty()
    }

    fn finish(mut self) -> String {
        let content_end = self.out.trim_end().len();
        self.out.truncate(content_end);
        if !self.out.trim_start_matches('\u{FEFF}').is_empty() {
            self.out.push_str(self.line_ending);
        }
        self.out
    }
}

/// Whether two tokens on one line are separated by a space.
fn spaced(previous: TokenKind, next: TokenKind) -> bool {
    !matches!(next, TokenKind::Colon | TokenKind::Comma | TokenKind::Dot)
        && previous != TokenKind::Dot
}

/// How many line breaks a stretch of whitespace holds; `\r\n` is one.
fn line_breaks(gap: &str) -> usize {
    let bytes = gap.as_bytes();
    bytes
        .iter()
        .enumerate()
        .filter(|&(at, &byte)| byte == b'\n' || byte == b'\r' && bytes.get(at + 1) != Some(&b'\n'))
        .count()
}
