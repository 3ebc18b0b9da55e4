//! Words and numbers as the features show them, so that a hover, an inlay
//! hint and a code lens say the same thing the same way.

use crate::analysis::ItemDates;

/// `slack 3d`, or `critical` for an item without slack.
pub(crate) fn slack(dates: &ItemDates) -> String {
    if dates.critical {
        if dates.slack < 0 {
            format!("critical, {}d late", -dates.slack)
        } else {
            "critical".to_string()
        }
    } else {
        format!("slack {}d", dates.slack)
    }
}

/// `1 risk`, `2 risks`.
pub(crate) fn count(n: usize, noun: &str) -> String {
    count_signed(i64::try_from(n).unwrap_or(i64::MAX), noun)
}

/// `1 working day`, `-2 working days`.
pub(crate) fn count_signed(n: impl Into<i64>, noun: &str) -> String {
    match n.into() {
        1 => format!("1 {noun}"),
        n => format!("{n} {noun}s"),
    }
}

/// A number of people or percent with at most two decimals: `2`, `0.5`.
pub(crate) fn number(value: f64) -> String {
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}
