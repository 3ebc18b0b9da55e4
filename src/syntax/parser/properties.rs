//! Properties and their values: most of every file.

use smallvec::{SmallVec, smallvec};

use crate::base::Span;
use crate::syntax::ast::{
    Atom, AtomKind, Duration, DurationUnit, Ident, Member, Path, Property, Sign, StringLit, Value,
};
use crate::syntax::lexer::{Token, TokenKind};

use super::input::{Input, eat};
use super::recovery::{followed_by_colon, is_misused_keyword, skip_while_not_sync};
use super::source::Source;

/// `key: value, value, ...`, the key being the next token, read onto the
/// end of `members`. At most one error per property: the first of a
/// missing `:`, a missing value, or something else where the property
/// should end.
pub(super) fn property(
    src: Source<'_>,
    inp: &mut Input<'_, '_>,
    key: Token,
    members: &mut Vec<Member>,
) {
    members.push(Member::Property(Property {
        key: ident(key),
        values: SmallVec::new(),
        span: key.span,
    }));
    if let Some(Member::Property(property)) = members.last_mut() {
        read_property(src, inp, property);
    }
}

/// Reads the rest of `property`, whose key is the next token. A property,
/// its values and their atoms are built where the body keeps them rather
/// than returned up through a function for each level of the grammar:
/// moving them, tens of bytes at every level, was a tenth of the parse.
fn read_property(src: Source<'_>, inp: &mut Input<'_, '_>, property: &mut Property) {
    let errors_before = inp.state().errors.len();
    inp.skip();
    let colon = match inp.peek() {
        Some(token) if token.kind == TokenKind::Colon => {
            inp.skip();
            Ok(token)
        }
        found => Err(found),
    };
    let mut list = ValueList {
        values: &mut property.values,
        missing: None,
    };
    list.read_value(src, inp, false);
    while eat(inp, TokenKind::Comma).is_some() {
        list.read_value(src, inp, true);
    }
    let missing = list.missing;
    let next = inp.peek();
    let problem = property_problem(src.slice(property.key.span), colon, missing, next);
    if let Some((found, message)) = problem
        && inp.state().errors.len() == errors_before
    {
        inp.state().report_found(src, found, &message);
    }
    if let Ok(colon) = colon {
        property.span = property.span.cover(colon.span);
    }
    if let Some(last) = property.values.last() {
        property.span = property.span.cover(last.span);
    }
    skip_while_not_sync(inp, true, false);
}

/// The token found where a value belongs: a keyword in the middle of a
/// line is taken (as a misused name), anything else is left.
fn found_instead(src: Source<'_>, inp: &mut Input<'_, '_>) -> Option<Token> {
    let found = inp.peek();
    if found.is_some_and(|token| is_misused_keyword(src, token)) {
        inp.skip();
    }
    found
}

/// The values of a property, and the first place one is missing.
struct ValueList<'v> {
    values: &'v mut SmallVec<[Value; 1]>,
    /// The token found instead of a value, and whether it came after a comma.
    missing: Option<(Option<Token>, bool)>,
}

impl ValueList<'_> {
    /// Reads the next value onto the list, or notes the token found
    /// instead.
    fn read_value(&mut self, src: Source<'_>, inp: &mut Input<'_, '_>, after_comma: bool) {
        let index = self.values.len();
        self.values.push(Value {
            atoms: SmallVec::new(),
            span: Span::empty(0),
        });
        let value = &mut self.values[index];
        while atom(src, inp, &mut value.atoms) {}
        match (value.atoms.first(), value.atoms.last()) {
            (Some(first), Some(last)) => value.span = first.span.cover(last.span),
            _ => {
                self.values.pop();
                let found = found_instead(src, inp);
                self.missing.get_or_insert((found, after_comma));
            }
        }
    }
}

/// The first thing wrong with a property, as the token found and what was
/// expected instead.
fn property_problem(
    key: &str,
    colon: Result<Token, Option<Token>>,
    missing: Option<(Option<Token>, bool)>,
    next: Option<Token>,
) -> Option<(Option<Token>, String)> {
    if let Err(found) = colon {
        return Some((found, format!("expected `:` after property key `{}`", key)));
    }
    match missing {
        Some((found, false)) => {
            return Some((found, format!("expected a value after `{}:`", key)));
        }
        Some((found, true)) => {
            return Some((
                found,
                format!("expected a value after `,` in property `{}`", key),
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
                key
            ),
        )
    })
}

/// Reads a single atom, or a range `a .. b` of two, onto `atoms`; false,
/// with nothing read, when no atom starts here.
fn atom(src: Source<'_>, inp: &mut Input<'_, '_>, atoms: &mut SmallVec<[Atom; 2]>) -> bool {
    let Some(lower) = single(src, inp) else {
        return false;
    };
    if eat(inp, TokenKind::DotDot).is_none() {
        atoms.push(lower);
        return true;
    }
    match single(src, inp) {
        Some(upper) => atoms.push(Atom {
            span: lower.span.cover(upper.span),
            kind: AtomKind::Range(Box::new(lower), Box::new(upper)),
        }),
        None => {
            let found = inp.peek();
            inp.state()
                .report_found(src, found, "expected a value after `..`");
            atoms.push(lower);
        }
    }
    true
}

/// A path or a literal: a string, date, duration, number or percentage.
fn single(src: Source<'_>, inp: &mut Input<'_, '_>) -> Option<Atom> {
    let token = inp.peek()?;
    let kind = match token.kind {
        TokenKind::Ident => return path(inp),
        TokenKind::String { .. } => AtomKind::String(string_lit(token)),
        TokenKind::Date => AtomKind::Date,
        TokenKind::Number => AtomKind::Number,
        TokenKind::Percent => AtomKind::Percent,
        TokenKind::Duration => AtomKind::Duration(duration(src.slice(token.span), token.span)),
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
fn path(inp: &mut Input<'_, '_>) -> Option<Atom> {
    let first = inp.peek()?;
    if followed_by_colon(inp) {
        return None;
    }
    inp.skip();
    let mut segments: SmallVec<[Ident; 2]> = smallvec![ident(first)];
    loop {
        let before = inp.save();
        match (inp.next(), inp.peek()) {
            (Some(dot), Some(segment))
                if dot.kind == TokenKind::Dot && segment.kind == TokenKind::Ident =>
            {
                inp.skip();
                segments.push(ident(segment));
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

/// A duration token's parts; the lexer guarantees its shape: an optional
/// sign, digits, and one letter for the unit.
fn duration(text: &str, span: Span) -> Duration {
    let sign = match text.as_bytes().first() {
        Some(b'+') => Some(Sign::Plus),
        Some(b'-') => Some(Sign::Minus),
        _ => None,
    };
    let unit = match text.as_bytes().last() {
        Some(b'w') => DurationUnit::Weeks,
        _ => DurationUnit::Days,
    };
    let amount_start = span.start() + usize::from(sign.is_some());
    Duration {
        sign,
        amount: Span::new(amount_start, span.end() - 1),
        unit,
    }
}

/// A string token as the tree keeps it.
pub(super) fn string_lit(token: Token) -> StringLit {
    StringLit {
        span: token.span,
        terminated: matches!(token.kind, TokenKind::String { terminated: true }),
    }
}

pub(super) fn ident(token: Token) -> Ident {
    Ident { span: token.span }
}
