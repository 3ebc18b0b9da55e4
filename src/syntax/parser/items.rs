//! Items and their bodies, down to the properties. Items nest a bounded
//! number of levels ([`DEEPEST`]); an item nested deeper is reported and
//! skipped, so no input can deepen the parser's stack.

use crate::base::Span;
use crate::syntax::ast::{Body, Ident, Item, ItemKind, Member, SourceFile, StringLit};
use crate::syntax::lexer::{Token, TokenKind};

use super::input::{Input, at, eat};
use super::properties::{ident, property, string_lit};
use super::recovery::{at_sync, is_misused_keyword, junk, skip_block, skip_while_not_sync};
use super::source::Source;

/// The depth of the deepest item the tree holds: an item at the top is at
/// depth 0, an item in its body at depth 1.
const DEEPEST: usize = 2;

/// An item's keyword, name and title: the context its body is parsed in.
pub(super) struct Header {
    kind: ItemKind,
    keyword_span: Span,
    name: Option<Ident>,
    title: Option<StringLit>,
    docs: Vec<String>,
    /// How many errors were known before the header: one error is enough
    /// for one item header.
    errors_before: usize,
}

impl Header {
    pub fn describe(&self, src: Source<'_>) -> String {
        src.describe_item(self.kind, self.name.map(|name| src.slice(name.span)))
    }
}

/// The whole file: items, and whatever stands between them reported and
/// skipped.
pub(super) fn file(src: Source<'_>, inp: &mut Input<'_, '_>) -> SourceFile {
    // Generated plans run to a value every 4.4 tokens and an atom every
    // 2.9: room for a little more spares the copy that growing would cost.
    let state = inp.state();
    state.values.reserve(src.tokens.len() / 4);
    state.atoms.reserve(src.tokens.len() * 3 / 8);
    let mut items = Vec::new();
    while inp.peek().is_some() {
        // At the top, an item stops only at the next keyword, so it never
        // fails to start where junk would not be taken either.
        match item(src, inp, None, 0) {
            Some(item) => items.push(item),
            None => {
                junk(src, inp, None);
            }
        }
    }
    let state = inp.state();
    SourceFile {
        items,
        values: std::mem::take(&mut state.values),
        atoms: std::mem::take(&mut state.atoms),
        paths: state.paths,
    }
}

/// `keyword [name] [title] [body]` at `depth`, in the body of `parent` (or
/// at the top). `None`, with nothing taken, when the next token starts no
/// item here (see [`header`]).
fn item(
    src: Source<'_>,
    inp: &mut Input<'_, '_>,
    parent: Option<&Header>,
    depth: usize,
) -> Option<Item> {
    let header = header(src, inp, parent)?;
    let in_body = parent.is_some();
    let opens_body = stray_before_body(src, inp, &header) || at(inp, TokenKind::LBrace);
    let body = if opens_body {
        Some(body(src, inp, &header, depth))
    } else {
        if !at_sync(inp, in_body) {
            let expected = match in_body {
                true => "`{`, a property or `}`",
                false => "`{` or the next item",
            };
            let next = inp.peek();
            report_after_header(src, inp, &header, expected, next);
        }
        skip_while_not_sync(inp, in_body, false);
        None
    };
    let mut span = header.keyword_span;
    for part in [
        header.name.as_ref().map(|n| n.span),
        header.title.as_ref().map(|t| t.span),
        body.as_ref().map(|b| b.span),
    ]
    .into_iter()
    .flatten()
    {
        span = span.cover(part);
    }
    Some(Item {
        kind: header.kind,
        keyword_span: header.keyword_span,
        name: header.name,
        title: header.title,
        docs: header.docs,
        body,
        span,
    })
}

/// An item nested deeper than the tree holds: reported by its header, its
/// body skipped. False, with nothing taken, as for [`header`].
fn skipped_item(src: Source<'_>, inp: &mut Input<'_, '_>, parent: &Header) -> bool {
    if header(src, inp, Some(parent)).is_none() {
        return false;
    }
    if at(inp, TokenKind::LBrace) {
        skip_block(inp);
    }
    true
}

/// Text between an item's header and the `{` of its body on the same line,
/// such as a second name: reported and skipped, so that the body is still
/// read. False, with nothing taken, when no `{` follows on the line.
fn stray_before_body(src: Source<'_>, inp: &mut Input<'_, '_>, header: &Header) -> bool {
    let start = inp.save();
    let first = inp.peek();
    while let Some(next) = inp.peek() {
        match next.kind {
            TokenKind::LBrace if Some(next) != first => {
                report_after_header(src, inp, header, "`{`", first);
                return true;
            }
            TokenKind::Keyword(_) | TokenKind::LBrace | TokenKind::RBrace | TokenKind::Colon => {
                break;
            }
            _ if src.starts_line(next.span.start()) => break,
            _ => inp.skip(),
        }
    }
    inp.rewind(start);
    false
}

/// Reports `found` after an item's header where `expected` belongs, unless
/// the header itself already had an error: one error is enough for one
/// item header.
fn report_after_header(
    src: Source<'_>,
    inp: &mut Input<'_, '_>,
    header: &Header,
    expected: &str,
    found: Option<Token>,
) {
    if header.errors_before != inp.state().errors.len() {
        return;
    }
    let item = header.describe(src);
    inp.state()
        .report_found(src, found, &format!("expected {expected} after {item}"));
}

/// An item's keyword, name and title, in the body of `parent` (or at the
/// top). In a body, a keyword that cannot stand there and is indented no
/// deeper than the enclosing item's is taken as the start of the enclosing
/// item's next sibling: the enclosing body lacks its `}`, and this gives
/// `None`, with nothing taken, so the body ends here.
fn header(src: Source<'_>, inp: &mut Input<'_, '_>, parent: Option<&Header>) -> Option<Header> {
    let errors_before = inp.state().errors.len();
    let keyword = inp.peek()?;
    let TokenKind::Keyword(kind) = keyword.kind else {
        return None;
    };
    if parent.is_some_and(|parent| closes_enclosing(src, kind, keyword.span, parent)) {
        return None;
    }
    inp.skip();
    // A keyword after the name's place is a misused name, except after
    // `calendar`, which has no name: there it starts the next item.
    let name = match inp.peek() {
        Some(token) if token.kind == TokenKind::Ident => {
            inp.skip();
            Ok(ident(token))
        }
        Some(token) if is_misused_keyword(src, token) && kind != ItemKind::Calendar => {
            inp.skip();
            Err(Some(token))
        }
        found => Err(found),
    };
    let title = match inp.peek() {
        Some(token) if matches!(token.kind, TokenKind::String { .. }) => {
            inp.skip();
            Some(string_lit(token))
        }
        _ => None,
    };
    let misplaced = misplacement(src, kind, parent).map(|message| (keyword.span, message));
    for (span, message) in [misplaced, name_problem(src, kind, &name)]
        .into_iter()
        .flatten()
    {
        inp.state().report(span, message);
    }
    Some(Header {
        kind,
        keyword_span: keyword.span,
        name: name.ok(),
        title,
        docs: src.docs_before(keyword.span.start()),
        errors_before,
    })
}

/// What is wrong with an item's name: a calendar has none, every other
/// item has one.
fn name_problem(
    src: Source<'_>,
    kind: ItemKind,
    name: &Result<Ident, Option<Token>>,
) -> Option<(Span, String)> {
    match name {
        Ok(name) if !kind.is_named() => Some((
            name.span,
            format!(
                "expected `{{` after `calendar`, found identifier `{}`: {}",
                src.slice(name.span),
                "the calendar has no name"
            ),
        )),
        Err(found) if kind.is_named() => Some((
            src.found_span(*found),
            format!(
                "expected a name after `{}`, found {}",
                kind.keyword(),
                src.describe(*found)
            ),
        )),
        Ok(_) | Err(_) => None,
    }
}

/// Why an item of `kind` cannot stand inside `parent` (or at the top, for
/// `None`), if it cannot.
fn misplacement(src: Source<'_>, kind: ItemKind, parent: Option<&Header>) -> Option<String> {
    let keyword = kind.keyword();
    match parent {
        None if !kind.is_top_level() => Some(format!(
            "a {keyword} belongs inside a program, not at the top level of the file"
        )),
        None => None,
        Some(parent) => {
            let belongs = if kind.is_top_level() {
                "at the top level of the file"
            } else if parent.kind != ItemKind::Program {
                "inside a program"
            } else {
                return None;
            };
            // Described only now: this runs for every nested item.
            let place = parent.describe(src);
            Some(format!("a {keyword} belongs {belongs}, not inside {place}"))
        }
    }
}

fn closes_enclosing(src: Source<'_>, kind: ItemKind, keyword: Span, parent: &Header) -> bool {
    misplacement(src, kind, Some(parent)).is_some()
        && src.starts_line(keyword.start())
        && src.column(keyword.start()) <= src.column(parent.keyword_span.start())
}

/// `{ members }` of the item `header` heads, which stands at `depth`; the
/// next token is the `{`.
fn body(src: Source<'_>, inp: &mut Input<'_, '_>, header: &Header, depth: usize) -> Body {
    let start = inp.cursor();
    let open = inp.next().map_or(Span::empty(src.text.len()), |t| t.span);
    let mut members = Vec::new();
    while let Some(next) = inp.peek() {
        match next.kind {
            TokenKind::Ident => property(src, inp, next, &mut members),
            TokenKind::Keyword(_) if depth == DEEPEST => {
                if !skipped_item(src, inp, header) {
                    break;
                }
            }
            TokenKind::Keyword(_) => match item(src, inp, Some(header), depth + 1) {
                Some(item) => members.push(Member::Item(Box::new(item))),
                None => break,
            },
            TokenKind::RBrace => break,
            _ => {
                junk(src, inp, Some(header));
            }
        }
    }
    // The tree lives as long as the file is open; growth left room for up
    // to twice the members.
    members.shrink_to_fit();
    let end = match eat(inp, TokenKind::RBrace) {
        Some(close) => close.span.end(),
        None => {
            let found = inp.peek();
            let item = header.describe(src);
            inp.state()
                .report_found(src, found, &format!("expected `}}` to close {item}"));
            src.byte_span(inp.span_since(&start)).end()
        }
    };
    Body {
        members,
        span: Span::new(open.start(), end),
    }
}
