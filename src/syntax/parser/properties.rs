//! Properties and their values: most of every file.

use smallvec::smallvec;

use crate::base::Span;
use crate::syntax::ast::{
    Atom, AtomKind, Duration, DurationUnit, Ident, Member, Path, Property, Run, Sign, StringLit,
    Value,
};
use crate::syntax::lexer::{Token, TokenKind};

use super::input::{Input, eat};
use super::recovery::{followed_by_colon, is_misused_keyword, skip_while_not_sync};
use super::source::Source;

/// Reads `key: value, value, ...`, the key being the next token, onto
/// `members`, for the reason [`push_single`] gives. At most one error per
/// property: the first of a missing `:`, a missing value, or something
/// else where the property should end.
pub(super) fn property(
    src: Source<'_>,
    inp: &mut Input<'_, '_>,
    key: Token,
    members: &mut Vec<Member>,
) {
    let errors_before = inp.state().errors.len();
    inp.skip();
    let colon = match inp.peek() {
        Some(token) if token.kind == TokenKind::Colon => {
            inp.skip();
            Ok(token)
        }
        found => Err(found),
    };
    let first_value = inp.state().values.len();
    let mut missing = read_value(src, inp, false);
    while eat(inp, TokenKind::Comma).is_some() {
        let after_comma = read_value(src, inp, true);
        missing = missing.or(after_comma);
    }
    let read = &inp.state().values[first_value..];
    let last_value = read.last().map(|value| value.span);
    let values = Run::new(first_value, first_value + read.len());
    let next = inp.peek();
    let problem = property_problem(src.slice(key.span), colon, missing, next);
    if let Some((found, message)) = problem
        && inp.state().errors.len() == errors_before
    {
        inp.state().report_found(src, found, &message);
    }
    let mut span = key.span;
    if let Ok(colon) = colon {
        span = span.cover(colon.span);
    }
    if let Some(last) = last_value {
        span = span.cover(last);
    }
    skip_while_not_sync(inp, true, false);
    members.push(Member::Property(Property {
        key: ident(key),
        values,
        span,
    }));
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

/// Where a value is missing: the token found instead, and whether it came
/// after a comma.
type Missing = Option<(Option<Token>, bool)>;

/// Reads the next value onto the file's list of values, or gives the
/// token found instead.
fn read_value(src: Source<'_>, inp: &mut Input<'_, '_>, after_comma: bool) -> Missing {
    let first_atom = inp.state().atoms.len();
    while atom(src, inp) {}
    let state = inp.state();
    let atoms = &state.atoms[first_atom..];
    match (atoms.first(), atoms.last()) {
        (Some(first), Some(last)) => {
            let value = Value {
                atoms: Run::new(first_atom, state.atoms.len()),
                span: first.span.cover(last.span),
            };
            state.values.push(value);
            None
        }
        _ => Some((found_instead(src, inp), after_comma)),
    }
}

/// The first thing wrong with a property, as the token found and what was
/// expected instead.
fn property_problem(
    key: &str,
    colon: Result<Token, Option<Token>>,
    missing: Missing,
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

/// Reads a single atom, or a range `a .. b` of two, onto the file's list
/// of atoms; false, with nothing read, when no atom starts here.
fn atom(src: Source<'_>, inp: &mut Input<'_, '_>) -> bool {
    if !push_single(src, inp) {
        return false;
    }
    if eat(inp, TokenKind::DotDot).is_none() {
        return true;
    }
    let has_upper = push_single(src, inp);
    let atoms = &mut inp.state().atoms;
    let upper = has_upper.then(|| atoms.pop()).flatten();
    let Some(lower) = atoms.pop() else {
        return true;
    };
    let atom = match upper {
        Some(upper) => Atom {
            span: lower.span.cover(upper.span),
            kind: AtomKind::Range(Box::new(lower), Box::new(upper)),
        },
        None => {
            let found = inp.peek();
            inp.state()
                .report_found(src, found, "expected a value after `..`");
            lower
        }
    };
    inp.state().atoms.push(atom);
    true
}

/// Reads a path or a literal (a string, date, duration, number or
/// percentage) onto the file's list of atoms; false, with nothing read,
/// when none starts here. Pushed here rather than returned: an atom
/// returned and then pushed was written in pieces and read back whole,
/// and the wait for the pieces was a sixth of reading a value.
fn push_single(src: Source<'_>, inp: &mut Input<'_, '_>) -> bool {
    let Some(token) = inp.peek() else {
        return false;
    };
    let span = token.span;
    match token.kind {
        TokenKind::Ident => return push_path(inp),
        TokenKind::String { .. }
        | TokenKind::Date
        | TokenKind::Number
        | TokenKind::Percent
        | TokenKind::Duration => {}
        _ => return false,
    };
    inp.skip();
    // The kind is made inside the closure, so that it too is made in place;
    // the match above has left only literals.
    push_built_in_place(&mut inp.state().atoms, || Atom {
        kind: match token.kind {
            TokenKind::String { .. } => AtomKind::String(string_lit(token)),
            TokenKind::Date => AtomKind::Date,
            TokenKind::Number => AtomKind::Number,
            TokenKind::Percent => AtomKind::Percent,
            _ => AtomKind::Duration(duration(src.slice(span), span)),
        },
        span,
    });
    true
}

/// Pushes what `make` makes, made in the list's own memory: a value made
/// first and then pushed is made on the stack, in pieces, and read back
/// whole, and that wait was half of [`push_single`]'s time.
fn push_built_in_place<T>(list: &mut Vec<T>, make: impl FnOnce() -> T) {
    list.extend(std::iter::once_with(make));
}

/// `name` or `program.name` onto the file's list of atoms; an identifier
/// followed by `:` starts the next property instead, and gives false. The
/// atom is pushed with its first segment and grows in place, so that the
/// inline list of segments is never moved.
fn push_path(inp: &mut Input<'_, '_>) -> bool {
    let Some(first) = inp.peek() else {
        return false;
    };
    if followed_by_colon(inp) {
        return false;
    }
    inp.skip();
    inp.state().paths += 1;
    push_built_in_place(&mut inp.state().atoms, || Atom {
        kind: AtomKind::Path(Path {
            segments: smallvec![ident(first)],
        }),
        span: first.span,
    });
    loop {
        let before = inp.save();
        match (inp.next(), inp.peek()) {
            (Some(dot), Some(segment))
                if dot.kind == TokenKind::Dot && segment.kind == TokenKind::Ident =>
            {
                inp.skip();
                if let Some(Atom {
                    kind: AtomKind::Path(path),
                    span,
                }) = inp.state().atoms.last_mut()
                {
                    path.segments.push(ident(segment));
                    *span = span.cover(segment.span);
                }
            }
            _ => {
                inp.rewind(before);
                return true;
            }
        }
    }
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
