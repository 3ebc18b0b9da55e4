//! The grammar, in chumsky combinators over the token slice. Properties and
//! values, most of every file, are `custom` parsers written by hand: there
//! the combinators cost several times as much per token.
//!
//! Items nest a bounded number of levels, so the grammar is spelled out level
//! by level instead of recursing: no input can deepen the parser's stack.
//! Every construct reports at most one error and then skips to the next
//! place where parsing can safely resume (a property, an item or a `}`),
//! so one typo gives one error and the rest of the file is still read.

use chumsky::error::EmptyErr;
use chumsky::extra;
use chumsky::input::{Checkpoint, Cursor, InputRef, MapExtra};
use chumsky::inspector::Inspector;
use chumsky::prelude::*;
use smallvec::{SmallVec, smallvec};

use crate::base::Span;
use crate::syntax::SyntaxError;
use crate::syntax::ast::{
    Atom, AtomKind, Body, Duration, DurationUnit, Ident, Item, ItemKind, Member, Path, Property,
    Sign, SourceFile, StringLit, Value,
};
use crate::syntax::lexer::{Token, TokenKind};

use super::source::Source;

pub(super) type Tokens<'s> = &'s [Token];

/// The errors found so far. A parser that backtracks takes back the errors
/// found on the path it abandoned.
#[derive(Default)]
pub(super) struct Reporter {
    pub errors: Vec<SyntaxError>,
}

impl Reporter {
    fn report(&mut self, span: Span, message: String) {
        self.errors.push(SyntaxError { span, message });
    }

    /// Reports `found` (`None` at the end of the file) where `expected`
    /// belongs: "expected …, found …".
    fn report_found(&mut self, src: Source<'_>, found: Option<Token>, expected: &str) {
        self.report(
            src.found_span(found),
            format!("{expected}, found {}", src.describe(found)),
        );
    }
}

impl<'s> Inspector<'s, Tokens<'s>> for Reporter {
    type Checkpoint = usize;

    fn on_token(&mut self, _: &Token) {}

    fn on_save<'p>(&self, _: &Cursor<'s, 'p, Tokens<'s>>) -> usize {
        self.errors.len()
    }

    fn on_rewind<'p>(&mut self, marker: &Checkpoint<'s, 'p, Tokens<'s>, usize>) {
        self.errors.truncate(*marker.inspector());
    }
}

/// An item's keyword, name and title: the context its body is parsed in.
#[derive(Clone)]
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
    fn describe(&self, src: Source<'_>) -> String {
        src.describe_item(self.kind, self.name.as_ref().map(|name| name.text.as_str()))
    }
}

/// Where a parser runs: at the top of the file (`()`) or in an item's body.
pub(super) trait Scope: 'static {
    const IN_BODY: bool;
    fn enclosing(&self) -> Option<&Header>;
}

impl Scope for () {
    const IN_BODY: bool = false;
    fn enclosing(&self) -> Option<&Header> {
        None
    }
}

impl Scope for Header {
    const IN_BODY: bool = true;
    fn enclosing(&self) -> Option<&Header> {
        Some(self)
    }
}

type Extra<C> = extra::Full<EmptyErr, Reporter, C>;
/// The input as a parser written by hand sees it, in an item's body.
type Input<'s, 'p> = InputRef<'s, 'p, Tokens<'s>, Extra<Header>>;
/// Parsers are boxed at each function's boundary: unboxed, the nested
/// combinator types grow so large that their debug info takes gigabytes.
type Boxed<'s, O, C> = chumsky::Boxed<'s, 's, Tokens<'s>, O, Extra<C>>;

/// The whole file.
pub(super) fn file<'s>(src: Source<'s>) -> Boxed<'s, SourceFile, ()> {
    let nested_too_deep = skipped_item(src);
    let inner_item = item::<Header>(src, body(src, nested_too_deep));
    let member_item = item::<Header>(
        src,
        body(
            src,
            inner_item.map(|i| Some(Member::Item(Box::new(i)))).boxed(),
        ),
    );
    let top_item = item::<()>(
        src,
        body(
            src,
            member_item.map(|i| Some(Member::Item(Box::new(i)))).boxed(),
        ),
    );
    choice((top_item.map(Some), junk::<()>(src).to(None)))
        .repeated()
        .fold(Vec::new(), |mut items, item| {
            items.extend(item);
            items
        })
        .then_ignore(end())
        .map(|items| SourceFile { items })
        .boxed()
}

fn token<'s, C: Scope>(kind: TokenKind) -> impl Parser<'s, Tokens<'s>, Token, Extra<C>> + Clone {
    any().filter(move |token: &Token| token.kind == kind)
}

/// The next token, if any, without consuming it.
fn peek<'s, C: Scope>() -> impl Parser<'s, Tokens<'s>, Option<Token>, Extra<C>> + Clone {
    any().or_not().rewind()
}

/// `keyword [name] [title] [body]`, in the scope `C` it stands in; `body`
/// parses the members of the item's body.
fn item<'s, C: Scope>(src: Source<'s>, body: Boxed<'s, Body, Header>) -> Boxed<'s, Item, C> {
    let bodiless = custom(
        move |inp: &mut InputRef<'s, '_, Tokens<'s>, Extra<Header>>| {
            if !at_sync(inp, C::IN_BODY) {
                let expected = match C::IN_BODY {
                    true => "`{`, a property or `}`",
                    false => "`{` or the next item",
                };
                let next = inp.peek();
                report_after_header(src, inp, expected, next);
            }
            skip_while_not_sync(inp, C::IN_BODY, false);
            Ok(None)
        },
    );
    let body = stray_before_body(src).or_not().ignore_then(body);
    header::<C>(src)
        .then_with_ctx(body.map(Some).or(bodiless))
        .map(|(header, body): (Header, Option<Body>)| {
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
            Item {
                kind: header.kind,
                keyword_span: header.keyword_span,
                name: header.name,
                title: header.title,
                docs: header.docs,
                body,
                span,
            }
        })
        .boxed()
}

/// Text between an item's header and the `{` of its body on the same line,
/// such as a second name: reported, then skipped, so that the body is
/// still read.
fn stray_before_body<'s>(src: Source<'s>) -> Boxed<'s, (), Header> {
    custom(
        move |inp: &mut InputRef<'s, '_, Tokens<'s>, Extra<Header>>| {
            let start = inp.save();
            let first = inp.peek();
            while let Some(next) = inp.peek() {
                match next.kind {
                    TokenKind::LBrace if Some(next) != first => {
                        report_after_header(src, inp, "`{`", first);
                        return Ok(());
                    }
                    TokenKind::Keyword(_)
                    | TokenKind::LBrace
                    | TokenKind::RBrace
                    | TokenKind::Colon => {
                        break;
                    }
                    _ if src.starts_line(next.span.start) => break,
                    _ => inp.skip(),
                }
            }
            inp.rewind(start);
            Err(EmptyErr::default())
        },
    )
    .boxed()
}

/// Reports `found` after an item's header where `expected` belongs, unless
/// the header itself already had an error: one error is enough for one
/// item header.
fn report_after_header<'s>(
    src: Source<'s>,
    inp: &mut InputRef<'s, '_, Tokens<'s>, Extra<Header>>,
    expected: &str,
    found: Option<Token>,
) {
    if inp.ctx().errors_before != inp.state().errors.len() {
        return;
    }
    let item = inp.ctx().describe(src);
    inp.state()
        .report_found(src, found, &format!("expected {expected} after {item}"));
}

/// An item's keyword, name and title. In a body, a keyword that cannot
/// stand there and is indented no deeper than the enclosing item's is taken
/// as the start of the enclosing item's next sibling: the enclosing body
/// lacks its `}`, and this parser fails so the body ends here.
fn header<'s, C: Scope>(src: Source<'s>) -> Boxed<'s, Header, C> {
    let keyword = any().try_map_with(move |token: Token, e| {
        let TokenKind::Keyword(kind) = token.kind else {
            return Err(EmptyErr::default());
        };
        let enclosing: &C = e.ctx();
        match enclosing.enclosing() {
            Some(parent) if closes_enclosing(src, kind, token.span, parent) => {
                Err(EmptyErr::default())
            }
            _ => Ok((kind, token.span)),
        }
    });
    let name = choice((
        token::<C>(TokenKind::Ident).map(move |t| Ok(ident(src, t))),
        misused_keyword::<C>(src)
            .filter(move |keyword| !src.follows_calendar(*keyword))
            .map(|keyword| Err(Some(keyword))),
        peek::<C>().map(Err),
    ));
    let title = any()
        .filter(|t: &Token| matches!(t.kind, TokenKind::String { .. }))
        .map(move |t| src.string_lit(t))
        .or_not();
    errors_before::<C>()
        .then(keyword)
        .then(name)
        .then(title)
        .map_with(
            move |(((errors_before, (kind, keyword_span)), name), title), e| {
                let parent = e.ctx().enclosing();
                let misplaced =
                    misplacement(src, kind, parent).map(|message| (keyword_span, message));
                for (span, message) in [misplaced, name_problem(src, kind, &name)]
                    .into_iter()
                    .flatten()
                {
                    e.state().report(span, message);
                }
                Header {
                    kind,
                    keyword_span,
                    name: name.ok(),
                    title,
                    docs: src.docs_before(keyword_span.start),
                    errors_before,
                }
            },
        )
        .boxed()
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
                name.text, "the calendar has no name"
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

/// A keyword in the middle of a line, where a name or a value belongs:
/// taken as a misused name rather than the start of an item, which would
/// start a line.
fn misused_keyword<'s, C: Scope>(
    src: Source<'s>,
) -> impl Parser<'s, Tokens<'s>, Token, Extra<C>> + Clone {
    any().filter(move |token: &Token| is_misused_keyword(src, *token))
}

fn is_misused_keyword(src: Source<'_>, token: Token) -> bool {
    matches!(token.kind, TokenKind::Keyword(_)) && !src.starts_line(token.span.start)
}

/// Notes how many errors are known, for a construct that reports at most one.
fn errors_before<'s, C: Scope>() -> Boxed<'s, usize, C> {
    empty()
        .map_with(|(), e: &mut MapExtra<'s, '_, Tokens<'s>, Extra<C>>| e.state().errors.len())
        .boxed()
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
        && src.starts_line(keyword.start)
        && src.column(keyword.start) <= src.column(parent.keyword_span.start)
}

/// `{ members }`, where `nested` parses an item among the members.
fn body<'s>(src: Source<'s>, nested: Boxed<'s, Option<Member>, Header>) -> Boxed<'s, Body, Header> {
    let member = choice((
        property(src).map(|p| Some(Member::Property(p))),
        nested,
        junk::<Header>(src).to(None),
    ));
    token::<Header>(TokenKind::LBrace)
        .then(member.repeated().fold(Vec::new(), |mut members, member| {
            members.extend(member);
            members
        }))
        .then(
            token::<Header>(TokenKind::RBrace)
                .map(Ok)
                .or(peek::<Header>().map(Err)),
        )
        .map_with(move |((open, mut members), close), e| {
            // The tree lives as long as the file is open; growth left room
            // for up to twice the members.
            members.shrink_to_fit();
            let end = match close {
                Ok(close) => close.span.end,
                Err(found) => {
                    let item = e.ctx().describe(src);
                    e.state()
                        .report_found(src, found, &format!("expected `}}` to close {item}"));
                    src.byte_span(e.span()).end
                }
            };
            Body {
                members,
                span: Span::new(open.span.start, end),
            }
        })
        .boxed()
}

/// An item nested deeper than the tree holds: reported by its header, its
/// body skipped.
fn skipped_item<'s>(src: Source<'s>) -> Boxed<'s, Option<Member>, Header> {
    header::<Header>(src)
        .then_ignore(custom(|inp| {
            if inp
                .peek()
                .is_some_and(|t: Token| t.kind == TokenKind::LBrace)
            {
                skip_block(inp);
            }
            Ok(())
        }))
        .map(|_| None)
        .boxed()
}

/// `key: value, value, ...`. At most one error per property: the first of
/// a missing `:`, a missing value, or something else where the property
/// should end. Read by hand, like values, for speed.
fn property<'s>(src: Source<'s>) -> Boxed<'s, Property, Header> {
    custom(move |inp: &mut Input<'s, '_>| {
        let errors_before = inp.state().errors.len();
        let key = match inp.peek() {
            Some(token) if token.kind == TokenKind::Ident => ident(src, token),
            _ => return Err(EmptyErr::default()),
        };
        inp.skip();
        let colon = match inp.peek() {
            Some(token) if token.kind == TokenKind::Colon => {
                inp.skip();
                Ok(token)
            }
            found => Err(found),
        };
        let mut list = ValueList::default();
        list.push(value_or_found(src, inp), false);
        while inp
            .peek()
            .is_some_and(|token: Token| token.kind == TokenKind::Comma)
        {
            inp.skip();
            list.push(value_or_found(src, inp), true);
        }
        let next = inp.peek();
        let problem = property_problem(&key, colon, &list, next);
        if let Some((found, message)) = problem
            && inp.state().errors.len() == errors_before
        {
            inp.state().report_found(src, found, &message);
        }
        let mut span = key.span;
        if let Ok(colon) = colon {
            span = span.cover(colon.span);
        }
        if let Some(last) = list.values.last() {
            span = span.cover(last.span);
        }
        skip_while_not_sync(inp, true, false);
        Ok(Property {
            key,
            values: list.values,
            span,
        })
    })
    .boxed()
}

/// A value, or the token found where one belongs: a keyword in the middle
/// of a line is taken (as a misused name), anything else is left.
fn value_or_found<'s>(src: Source<'s>, inp: &mut Input<'s, '_>) -> Result<Value, Option<Token>> {
    if let Some(value) = value(src, inp) {
        return Ok(value);
    }
    let found = inp.peek();
    if found.is_some_and(|token| is_misused_keyword(src, token)) {
        inp.skip();
    }
    Err(found)
}

/// The values of a property, and the first place one is missing.
#[derive(Default)]
struct ValueList {
    values: SmallVec<[Value; 1]>,
    /// The token found instead of a value, and whether it came after a comma.
    missing: Option<(Option<Token>, bool)>,
}

impl ValueList {
    fn push(&mut self, value: Result<Value, Option<Token>>, after_comma: bool) {
        match value {
            Ok(value) => self.values.push(value),
            Err(found) => {
                self.missing.get_or_insert((found, after_comma));
            }
        }
    }
}

/// The first thing wrong with a property, as the token found and what was
/// expected instead.
fn property_problem(
    key: &Ident,
    colon: Result<Token, Option<Token>>,
    list: &ValueList,
    next: Option<Token>,
) -> Option<(Option<Token>, String)> {
    if let Err(found) = colon {
        return Some((
            found,
            format!("expected `:` after property key `{}`", key.text),
        ));
    }
    match list.missing {
        Some((found, false)) => {
            return Some((found, format!("expected a value after `{}:`", key.text)));
        }
        Some((found, true)) => {
            return Some((
                found,
                format!("expected a value after `,` in property `{}`", key.text),
            ));
        }
        None => {}
    }
    let ends_property = match next.map(|t| t.kind) {
        None | Some(TokenKind::RBrace | TokenKind::Keyword(_) | TokenKind::Ident) => true,
        Some(_) => false,
    };
    (!ends_property).then(|| {
        (
            next,
            format!(
                "expected `,` or the next property after the value of `{}`",
                key.text
            ),
        )
    })
}

/// One entry of a property: atoms in a row.
fn value<'s>(src: Source<'s>, inp: &mut Input<'s, '_>) -> Option<Value> {
    let mut atoms: SmallVec<[Atom; 1]> = SmallVec::new();
    while let Some(atom) = atom(src, inp) {
        atoms.push(atom);
    }
    let span = atoms.first()?.span.cover(atoms.last()?.span);
    Some(Value { atoms, span })
}

/// A single atom, or a range `a .. b` of two.
fn atom<'s>(src: Source<'s>, inp: &mut Input<'s, '_>) -> Option<Atom> {
    let lower = single(src, inp)?;
    if inp
        .peek()
        .is_none_or(|token: Token| token.kind != TokenKind::DotDot)
    {
        return Some(lower);
    }
    inp.skip();
    match single(src, inp) {
        Some(upper) => Some(Atom {
            span: lower.span.cover(upper.span),
            kind: AtomKind::Range(Box::new(lower), Box::new(upper)),
        }),
        None => {
            let found = inp.peek();
            inp.state()
                .report_found(src, found, "expected a value after `..`");
            Some(lower)
        }
    }
}

/// A path or a literal: a string, date, duration, number or percentage.
fn single<'s>(src: Source<'s>, inp: &mut Input<'s, '_>) -> Option<Atom> {
    let token = inp.peek()?;
    let text = src.slice(token.span);
    let kind = match token.kind {
        TokenKind::Ident => return path(src, inp),
        TokenKind::String { .. } => AtomKind::String(src.string_lit(token)),
        TokenKind::Date => AtomKind::Date(text.into()),
        TokenKind::Number => AtomKind::Number(text.into()),
        TokenKind::Percent => AtomKind::Percent(text.trim_end_matches('%').into()),
        TokenKind::Duration => AtomKind::Duration(duration(text)),
        _ => return None,
    };
    inp.skip();
    Some(Atom {
        kind,
        span: token.span,
    })
}

/// `name` or `program.name`; an identifier followed by `:` starts the next
/// property instead.
fn path<'s>(src: Source<'s>, inp: &mut Input<'s, '_>) -> Option<Atom> {
    let first = inp.peek()?;
    if followed_by_colon(inp) {
        return None;
    }
    inp.skip();
    let mut segments: SmallVec<[Ident; 1]> = smallvec![ident(src, first)];
    loop {
        let before = inp.save();
        match (inp.next(), inp.peek()) {
            (Some(dot), Some(segment))
                if dot.kind == TokenKind::Dot && segment.kind == TokenKind::Ident =>
            {
                inp.skip();
                segments.push(ident(src, segment));
            }
            _ => {
                inp.rewind(before);
                break;
            }
        }
    }
    let last = segments.last().map_or(first.span, |segment| segment.span);
    Some(Atom {
        kind: AtomKind::Path(Path { segments }),
        span: first.span.cover(last),
    })
}

/// A duration token's parts; the lexer guarantees its shape.
fn duration(text: &str) -> Duration {
    let (sign, rest) = match text.as_bytes().first() {
        Some(b'+') => (Some(Sign::Plus), &text[1..]),
        Some(b'-') => (Some(Sign::Minus), &text[1..]),
        _ => (None, text),
    };
    let (amount, unit) = match rest.strip_suffix('w') {
        Some(amount) => (amount, DurationUnit::Weeks),
        None => (rest.trim_end_matches('d'), DurationUnit::Days),
    };
    Duration {
        sign,
        amount: amount.into(),
        unit,
    }
}

fn ident(src: Source<'_>, token: Token) -> Ident {
    Ident {
        text: src.slice(token.span).into(),
        span: token.span,
    }
}

/// Text that starts nothing valid in scope `C`: reported once, then skipped
/// up to where parsing can resume.
fn junk<'s, C: Scope>(src: Source<'s>) -> Boxed<'s, (), C> {
    custom(move |inp: &mut InputRef<'s, '_, Tokens<'s>, Extra<C>>| {
        let Some(first) = inp.peek() else {
            return Err(EmptyErr::default());
        };
        let starts_something = match first.kind {
            TokenKind::Keyword(_) => true,
            TokenKind::Ident | TokenKind::RBrace => C::IN_BODY,
            _ => false,
        };
        if starts_something {
            return Err(EmptyErr::default());
        }
        let expected = match inp.ctx().enclosing() {
            Some(header) => format!("expected a property or `}}` in {}", header.describe(src)),
            None => "expected an item (calendar, person, team or program)".to_string(),
        };
        inp.state().report_found(src, Some(first), &expected);
        skip_while_not_sync(inp, C::IN_BODY, true);
        Ok(())
    })
    .boxed()
}

/// Skips up to where parsing can resume: in a body, a property (`key :`),
/// an item or the body's `}`; at the top, an item. Text inside braces is
/// skipped as a whole. `skip_first` skips the next token whatever it is.
fn skip_while_not_sync<'s, C: Scope>(
    inp: &mut InputRef<'s, '_, Tokens<'s>, Extra<C>>,
    in_body: bool,
    mut skip_first: bool,
) {
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
fn at_sync<'s, C: Scope>(inp: &mut InputRef<'s, '_, Tokens<'s>, Extra<C>>, in_body: bool) -> bool {
    match inp.peek().map(|token: Token| token.kind) {
        None | Some(TokenKind::Keyword(_)) => true,
        Some(TokenKind::RBrace) => in_body,
        Some(TokenKind::Ident) => in_body && followed_by_colon(inp),
        Some(_) => false,
    }
}

fn followed_by_colon<'s, C: Scope>(inp: &mut InputRef<'s, '_, Tokens<'s>, Extra<C>>) -> bool {
    let before = inp.save();
    inp.skip();
    let colon = inp
        .peek()
        .is_some_and(|t: Token| t.kind == TokenKind::Colon);
    inp.rewind(before);
    colon
}

/// Skips a `{ ... }` block with everything nested in it, to its matching
/// `}` or the end of the file.
fn skip_block<'s, C: Scope>(inp: &mut InputRef<'s, '_, Tokens<'s>, Extra<C>>) {
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
