//! Prints the tokens of a parsed file with canonical whitespace between
//! them. The tree tells each token its role (an item's keyword, a property
//! key, the start of a value, a body's braces); the rest follows from the
//! token kinds and from where the author broke lines:
//!
//! - a body written on one line that holds only properties and no comment
//!   stays on one line while that line fits in [`MAX_WIDTH`] columns; any
//!   other body has one member per line;
//! - blank lines between members are kept, at most one in a row, and none
//!   is added;
//! - a property whose values the author broke over lines keeps those
//!   breaks: its key ends its line and the values follow on continuation
//!   lines one level deeper;
//! - a comment stays at the end of its line, or on a line of its own
//!   indented as what follows it.

use crate::syntax::CommentKind;
use crate::syntax::Parse;
use crate::syntax::ast::{Body, Item, Member, Property, SourceFile};
use crate::syntax::lexer::{Token, TokenKind, lex};

const INDENT: &str = "  ";

/// The widest a one-line body's line may be before it is laid out one
/// member per line.
const MAX_WIDTH: usize = 100;

/// What the tree says a token is. Tokens without a role sit inside a line.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Role {
    /// The keyword of an item, which starts a line.
    ItemStart,
    /// A property key, which starts a line; `values_below` when the author
    /// broke the property's values over lines, so they go on continuation
    /// lines below the key.
    Key {
        values_below: bool,
    },
    /// The first token of one atom of a value, where a property broken over
    /// lines may start a continuation line.
    AtomStart,
    /// An opening brace, with the width of the body printed on one line
    /// when the body may stay on one line.
    BodyOpen {
        one_line_width: Option<usize>,
    },
    BodyClose,
}

impl Role {
    /// Whether the token starts a member's line, or ends the body.
    fn starts_member_line(self) -> bool {
        matches!(self, Role::ItemStart | Role::Key { .. } | Role::BodyClose)
    }
}

/// Where a token goes relative to the one before it.
enum Place {
    SameLine { space: bool },
    NewLine { blank: bool, indent: usize },
}

pub(super) fn print(text: &str, parse: &Parse) -> String {
    let tokens = lex(text);
    let roles = roles(text, &tokens, &parse.file);
    let continues = next_continues_member(&tokens, &roles);
    let mut printer = Printer {
        text,
        tokens: &tokens,
        roles: &roles,
        continues: &continues,
        out: String::with_capacity(text.len() + text.len() / 8),
        line_ending: line_ending(text),
        depth: 0,
        in_member: false,
        values_below_pending: false,
        one_line_body: false,
        line_opens_body: false,
    };
    if text.starts_with('\u{FEFF}') {
        printer.out.push('\u{FEFF}');
    }
    for index in 0..tokens.len() {
        printer.push(index);
    }
    printer.finish()
}

/// The role of each token, by index.
fn roles(text: &str, tokens: &[Token], file: &SourceFile) -> Vec<Option<Role>> {
    let mut roles = Roles {
        text,
        tokens,
        tree: file,
        roles: vec![None; tokens.len()],
    };
    // A worklist rather than recursion: items may nest deeply.
    let mut pending: Vec<&Item> = file.items.iter().collect();
    while let Some(item) = pending.pop() {
        roles.set(item.keyword_span.start(), Role::ItemStart);
        let Some(body) = &item.body else {
            continue;
        };
        for member in &body.members {
            match member {
                Member::Property(property) => roles.property(property),
                Member::Item(nested) => pending.push(nested),
            }
        }
        let one_line_width = roles.one_line_width(body);
        roles.set(body.span.start(), Role::BodyOpen { one_line_width });
        roles.set(body.span.end().saturating_sub(1), Role::BodyClose);
    }
    roles.roles
}

struct Roles<'t> {
    text: &'t str,
    tokens: &'t [Token],
    tree: &'t SourceFile,
    roles: Vec<Option<Role>>,
}

impl Roles<'_> {
    /// The index of the token that starts at `offset`.
    fn index(&self, offset: usize) -> Option<usize> {
        self.tokens
            .binary_search_by_key(&offset, |token| token.span.start())
            .ok()
    }

    fn set(&mut self, offset: usize, role: Role) {
        if let Some(index) = self.index(offset) {
            self.roles[index] = Some(role);
        }
    }

    fn property(&mut self, property: &Property) {
        for value in self.tree.values(property) {
            for atom in self.tree.atoms(value) {
                self.set(atom.span.start(), Role::AtomStart);
            }
        }
        let Some(key) = self.index(property.key.span.start()) else {
            return;
        };
        let end = self
            .tokens
            .partition_point(|token| token.span.start() < property.span.end());
        let values_below = (key + 1..end)
            .any(|index| keeps_line_break(self.text, self.tokens, &self.roles, index));
        self.roles[key] = Some(Role::Key { values_below });
    }

    /// The width of the body on one line, from its opening brace to its
    /// closing one, when the author wrote it on one line and it holds only
    /// properties and no comment.
    fn one_line_width(&self, body: &Body) -> Option<usize> {
        let open = self.index(body.span.start())?;
        let close = self.index(body.span.end().checked_sub(1)?)?;
        let tokens = &self.tokens[open..=close];
        // Properties first: bodies of properties do not nest, so the scans
        // of their text add up to one pass over the file.
        let fits_one_line = body
            .members
            .iter()
            .all(|member| matches!(member, Member::Property(_)))
            && tokens.last()?.kind == TokenKind::RBrace
            && !tokens.iter().any(|token| token.kind.is_comment())
            && line_breaks(&self.text[body.span.range()]) == 0;
        fits_one_line.then(|| {
            let spaces = tokens
                .windows(2)
                .filter(|pair| spaced(pair[0].kind, pair[1].kind))
                .count();
            let written: usize = tokens
                .iter()
                .map(|token| self.text[token.span.range()].chars().count())
                .sum();
            written + spaces
        })
    }
}

/// Whether the line break the author wrote before the token at `index`, if
/// any, is kept: before an atom of a value or a comment, and after a line
/// comment. Breaks anywhere else are joined, as inside `apollo.iam` or
/// before a comma.
fn keeps_line_break(text: &str, tokens: &[Token], roles: &[Option<Role>], index: usize) -> bool {
    let Some(previous) = index.checked_sub(1).map(|before| tokens[before]) else {
        return false;
    };
    let token = tokens[index];
    line_breaks(&text[previous.span.end()..token.span.start()]) > 0
        && (token.kind.is_comment()
            || roles[index] == Some(Role::AtomStart)
            || is_line_comment(previous.kind))
}

/// For each token, whether the next token that is not a comment goes on
/// with the current member (a value, a title, a brace), rather than
/// starting the next member, closing the body or ending the file.
fn next_continues_member(tokens: &[Token], roles: &[Option<Role>]) -> Vec<bool> {
    let mut continues = vec![false; tokens.len()];
    let mut upcoming = false;
    for (index, token) in tokens.iter().enumerate().rev() {
        continues[index] = upcoming;
        if !token.kind.is_comment() {
            upcoming = !roles[index].is_some_and(Role::starts_member_line);
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
    tokens: &'t [Token],
    roles: &'t [Option<Role>],
    continues: &'t [bool],
    out: String,
    line_ending: &'static str,
    /// How many bodies enclose the current token.
    depth: usize,
    /// Whether a member (an item's header or a property) has begun and not
    /// ended, so that a line break inside it continues it one level deeper.
    in_member: bool,
    /// Whether the current property's values go below its key and the
    /// first of them is still to come.
    values_below_pending: bool,
    /// Whether the current body is printed on one line.
    one_line_body: bool,
    /// Whether the current line holds the opening brace of a body laid out
    /// one member per line: no blank line follows it.
    line_opens_body: bool,
}

impl Printer<'_> {
    fn push(&mut self, index: usize) {
        let token = self.tokens[index];
        let role = self.roles[index];
        if role == Some(Role::BodyClose) {
            self.depth = self.depth.saturating_sub(1);
        }
        match self.place(index) {
            Place::SameLine { space } => {
                if space {
                    self.out.push(' ');
                }
            }
            Place::NewLine { blank, indent } => {
                if index > 0 {
                    self.out.push_str(self.line_ending);
                    if blank && !self.line_opens_body {
                        self.out.push_str(self.line_ending);
                    }
                }
                for _ in 0..indent {
                    self.out.push_str(INDENT);
                }
                self.line_opens_body = false;
            }
        }
        let written = &self.text[token.span.range()];
        match is_line_comment(token.kind) {
            true => self.out.push_str(written.trim_end()),
            false => self.out.push_str(written),
        }
        match role {
            Some(Role::ItemStart) => {
                self.in_member = true;
                self.values_below_pending = false;
            }
            Some(Role::Key { values_below }) => {
                self.in_member = true;
                self.values_below_pending = values_below;
            }
            Some(Role::AtomStart) => self.values_below_pending = false,
            Some(Role::BodyOpen { one_line_width }) => {
                self.in_member = false;
                self.depth += 1;
                // The brace is already on the line, and counted in the width.
                let line_width = self.line_width().saturating_sub(1);
                self.one_line_body =
                    one_line_width.is_some_and(|width| line_width + width <= MAX_WIDTH);
                self.line_opens_body = !self.one_line_body;
            }
            Some(Role::BodyClose) => {
                self.in_member = false;
                self.one_line_body = false;
                self.line_opens_body = false;
            }
            None => {}
        }
    }

    fn place(&self, index: usize) -> Place {
        let token = self.tokens[index];
        let role = self.roles[index];
        let Some(previous) = index.checked_sub(1).map(|before| self.tokens[before]) else {
            return Place::NewLine {
                blank: false,
                indent: self.depth,
            };
        };
        if self.one_line_body {
            return Place::SameLine {
                space: spaced(previous.kind, token.kind),
            };
        }
        let member_line = Place::NewLine {
            blank: line_breaks(&self.text[previous.span.end()..token.span.start()]) >= 2,
            indent: self.depth,
        };
        let continuation_line = Place::NewLine {
            blank: false,
            indent: self.depth + 1,
        };
        match role {
            Some(Role::ItemStart | Role::Key { .. }) => return member_line,
            Some(Role::BodyClose) if previous.kind != TokenKind::LBrace => {
                return Place::NewLine {
                    blank: false,
                    indent: self.depth,
                };
            }
            _ => {}
        }
        if keeps_line_break(self.text, self.tokens, self.roles, index) {
            let continues_member = self.in_member && self.continues[index];
            return match token.kind.is_comment() && !continues_member {
                true => member_line,
                false => continuation_line,
            };
        }
        if role == Some(Role::AtomStart) && self.values_below_pending {
            return continuation_line;
        }
        Place::SameLine {
            space: token.kind.is_comment() || spaced(previous.kind, token.kind),
        }
    }

    /// The width in characters of the last line printed so far.
    fn line_width(&self) -> usize {
        let line_start = self.out.rfind('\n').map_or(0, |at| at + 1);
        self.out[line_start..]
            .trim_start_matches('\u{FEFF}')
            .chars()
            .count()
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

fn is_line_comment(kind: TokenKind) -> bool {
    matches!(
        kind,
        TokenKind::Comment(CommentKind::Line | CommentKind::Doc)
    )
}

/// Whether two tokens on one line are separated by a space.
fn spaced(previous: TokenKind, next: TokenKind) -> bool {
    let glued = matches!(next, TokenKind::Colon | TokenKind::Comma | TokenKind::Dot)
        || previous == TokenKind::Dot
        || (previous, next) == (TokenKind::LBrace, TokenKind::RBrace);
    !glued
}

/// How many line breaks a stretch of text holds; `\r\n` is one.
fn line_breaks(gap: &str) -> usize {
    let bytes = gap.as_bytes();
    bytes
        .iter()
        .enumerate()
        .filter(|&(at, &byte)| byte == b'\n' || byte == b'\r' && bytes.get(at + 1) != Some(&b'\n'))
        .count()
}
