//! Typed values from the atoms of the syntax tree. Each function returns the
//! value, or why the text is not one; the caller turns that into a diagnostic.

use jiff::civil::Date;
use smol_str::SmolStr;

use crate::base::Span;
use crate::model::def::{Amount, DateRange};
use crate::model::suggest;
use crate::syntax::ast::{Atom, AtomKind, Duration, DurationUnit, Sign};

/// Why an atom is not the value a property needs.
#[derive(Debug, PartialEq)]
pub(super) enum Invalid {
    /// Not the kind of value the property takes; the caller says what it takes,
    /// with a near keyword when one was meant.
    Mismatch { suggestion: Option<&'static str> },
    /// The right kind of value, but not an acceptable one; `at` is the part
    /// of the atom at fault, such as one end of a date range.
    Rejected { at: Span, message: String },
}

pub(super) type Checked<T> = Result<T, Invalid>;

const MISMATCH: Invalid = Invalid::Mismatch { suggestion: None };

const WORKING_DAYS_PER_WEEK: u32 = 5;

pub(super) fn date(atom: &Atom, source: &str) -> Checked<Date> {
    match &atom.kind {
        AtomKind::Date => calendar_date(atom.text(source)).map_err(|message| Invalid::Rejected {
            at: atom.span,
            message,
        }),
        _ => Err(MISMATCH),
    }
}

/// A date as written, `YYYY-MM-DD`, checked against the calendar.
fn calendar_date(written: &str) -> Result<Date, String> {
    let not_a_date = || format!("`{written}` is not a date in the form YYYY-MM-DD");
    let mut parts = written.split('-');
    let (Some(year), Some(month), Some(day), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(not_a_date());
    };
    let (Ok(year), Ok(month), Ok(day)) = (year.parse(), month.parse(), day.parse()) else {
        return Err(not_a_date());
    };
    let first_of_month = Date::new(year, month, 1)
        .map_err(|_| format!("`{written}` is not a date: there is no month {month}"))?;
    Date::new(year, month, day).map_err(|_| {
        format!(
            "`{written}` is not a date: {} has {} days",
            first_of_month.strftime("%B %Y"),
            first_of_month.days_in_month()
        )
    })
}

/// `first .. last`, both dates; the order is left for the checks.
pub(super) fn date_range(atom: &Atom, source: &str) -> Checked<DateRange> {
    match &atom.kind {
        AtomKind::Range(first, last) => Ok(DateRange {
            first: date(first, source)?,
            last: date(last, source)?,
        }),
        _ => Err(MISMATCH),
    }
}

/// A date or a date range; a date is a range of one day.
pub(super) fn holiday(atom: &Atom, source: &str) -> Checked<DateRange> {
    match &atom.kind {
        AtomKind::Date => date(atom, source).map(|day| DateRange {
            first: day,
            last: day,
        }),
        _ => date_range(atom, source),
    }
}

/// An unsigned duration of at least one working day.
pub(super) fn duration(atom: &Atom, source: &str) -> Checked<u32> {
    let AtomKind::Duration(duration @ Duration { sign: None, .. }) = &atom.kind else {
        return Err(MISMATCH);
    };
    let days = working_days(atom, duration, source)?;
    if days == 0 {
        return Err(rejected(
            atom,
            format!(
                "`{}` is no time at all: a duration is at least one working day",
                atom.text(source)
            ),
        ));
    }
    Ok(days)
}

/// A signed lag in working days: `+1w` is 5, `-2d` is -2, and `3d` is 3.
pub(super) fn lag(atom: &Atom, source: &str) -> Checked<i32> {
    let AtomKind::Duration(duration) = &atom.kind else {
        return Err(MISMATCH);
    };
    let days = working_days(atom, duration, source)?;
    let days = i32::try_from(days).map_err(|_| too_long(atom, source))?;
    Ok(match duration.sign {
        Some(Sign::Minus) => -days,
        Some(Sign::Plus) | None => days,
    })
}

fn working_days(atom: &Atom, duration: &Duration, source: &str) -> Checked<u32> {
    let amount: u32 = source[duration.amount.range()]
        .parse()
        .map_err(|_| too_long(atom, source))?;
    match duration.unit {
        DurationUnit::Days => Ok(amount),
        DurationUnit::Weeks => amount
            .checked_mul(WORKING_DAYS_PER_WEEK)
            .ok_or_else(|| too_long(atom, source)),
    }
}

fn too_long(atom: &Atom, source: &str) -> Invalid {
    rejected(atom, format!("`{}` is too long", atom.text(source)))
}

fn rejected(atom: &Atom, message: String) -> Invalid {
    Invalid::Rejected {
        at: atom.span,
        message,
    }
}

/// A whole number from `min` to `max`, for the property `key`.
pub(super) fn integer(atom: &Atom, source: &str, key: &str, min: u8, max: u8) -> Checked<u8> {
    let AtomKind::Number = atom.kind else {
        return Err(MISMATCH);
    };
    let written = atom.text(source);
    let value = parse_number(written)?;
    if value.fract() != 0.0 {
        return Err(MISMATCH);
    }
    if value < f64::from(min) || value > f64::from(max) {
        return Err(rejected(
            atom,
            format!("`{key}` is from {min} to {max}, not {written}"),
        ));
    }
    Ok(value as u8)
}

/// A number, greater than zero when `positive`, for the property `key`.
pub(super) fn number(atom: &Atom, source: &str, key: &str, positive: bool) -> Checked<f64> {
    let AtomKind::Number = atom.kind else {
        return Err(MISMATCH);
    };
    let written = atom.text(source);
    let value = parse_number(written)?;
    if positive && value <= 0.0 {
        return Err(rejected(
            atom,
            format!("`{key}` must be greater than 0, not {written}"),
        ));
    }
    Ok(value)
}

/// A percentage from 0% to 100%, for the property `key`.
pub(super) fn percent(atom: &Atom, source: &str, key: &str) -> Checked<f64> {
    let AtomKind::Percent = atom.kind else {
        return Err(MISMATCH);
    };
    let written = percent_number(atom, source);
    let value = parse_number(written)?;
    if !(0.0..=100.0).contains(&value) {
        return Err(rejected(
            atom,
            format!("`{key}` is from 0% to 100%, not {written}%"),
        ));
    }
    Ok(value)
}

fn parse_number(written: &str) -> Checked<f64> {
    written
        .parse::<f64>()
        .ok()
        .filter(|value| value.is_finite())
        .ok_or(MISMATCH)
}

/// A percentage's number as written, without the sign.
fn percent_number<'s>(atom: &Atom, source: &'s str) -> &'s str {
    atom.text(source).trim_end_matches('%')
}

pub(super) fn text(atom: &Atom, source: &str) -> Checked<SmolStr> {
    match &atom.kind {
        AtomKind::String(string) => Ok(string.value(source)),
        _ => Err(MISMATCH),
    }
}

/// A bare word, such as an enumeration's keyword.
pub(super) fn word<'s>(atom: &Atom, source: &'s str) -> Option<&'s str> {
    match &atom.kind {
        AtomKind::Path(path) => match path.segments.as_slice() {
            [segment] => Some(segment.text(source)),
            _ => None,
        },
        _ => None,
    }
}

/// One of an enumeration's keywords.
pub(super) fn keyword<T>(
    atom: &Atom,
    source: &str,
    keywords: &'static [&'static str],
    from_keyword: fn(&str) -> Option<T>,
) -> Checked<T> {
    let word = word(atom, source).ok_or(MISMATCH)?;
    from_keyword(word).ok_or_else(|| Invalid::Mismatch {
        suggestion: suggest::nearest(word, keywords.iter().copied()),
    })
}

/// An allocation's amount: people (`2`) or a share of capacity (`50%`).
pub(super) fn amount(atom: &Atom, source: &str) -> Checked<Amount> {
    match &atom.kind {
        AtomKind::Number => {
            let written = atom.text(source);
            let people = parse_number(written)?;
            if people <= 0.0 {
                return Err(rejected(
                    atom,
                    format!("`{written}` is not an amount: allocate more than 0 people"),
                ));
            }
            Ok(Amount::People(people))
        }
        AtomKind::Percent => {
            let written = percent_number(atom, source);
            let share = parse_number(written)?;
            if share <= 0.0 || share > 100.0 {
                return Err(rejected(
                    atom,
                    format!(
                        "`{written}%` is out of range: an allocation is more than 0% and at most \
                     100% of the resource's capacity"
                    ),
                ));
            }
            Ok(Amount::Percent(share))
        }
        _ => Err(MISMATCH),
    }
}
