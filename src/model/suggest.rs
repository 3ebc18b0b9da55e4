//! "Did you mean …": the candidate nearest to a misspelt word.

use crate::base::Diagnostic;

/// How alike two words must be, by Jaro-Winkler similarity, to count as near.
const NEAR_SIMILARITY: f64 = 0.85;

/// The candidate most like `written`, if one is near enough to be what was
/// meant: similar by Jaro-Winkler, or within one edit for every three
/// characters. A dotted candidate (`apollo.iam`) is also compared by its last
/// segment, so that a bare `iam` finds the item of another program.
pub(crate) fn nearest<'c>(
    written: &str,
    candidates: impl IntoIterator<Item = &'c str>,
) -> Option<&'c str> {
    let mut best: Option<(f64, &str)> = None;
    for candidate in candidates {
        let Some(score) = closeness(written, candidate) else {
            continue;
        };
        // Ties go to the alphabetically first, whatever order the candidates come in.
        let better = best.is_none_or(|(best_score, best_candidate)| {
            score > best_score || (score == best_score && candidate < best_candidate)
        });
        if better {
            best = Some((score, candidate));
        }
    }
    best.map(|(_, candidate)| candidate)
}

fn closeness(written: &str, candidate: &str) -> Option<f64> {
    let whole = similarity(written, candidate);
    let segment = match candidate.rsplit_once('.') {
        Some((_, last)) if !written.contains('.') => similarity(written, last),
        _ => None,
    };
    match (whole, segment) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

fn similarity(written: &str, candidate: &str) -> Option<f64> {
    let score = strsim::jaro_winkler(written, candidate);
    if score >= NEAR_SIMILARITY {
        return Some(score);
    }
    let written_length = written.chars().count();
    let edits_allowed = written_length / 3;
    // Words whose lengths differ by more are more edits apart than allowed.
    let length_difference = written_length.abs_diff(candidate.chars().count());
    let near = length_difference <= edits_allowed
        && strsim::osa_distance(written, candidate) <= edits_allowed;
    near.then_some(score)
}

/// Adds "did you mean" to a diagnostic's message, and the near word as the
/// replacement that fixes it.
pub(crate) fn did_you_mean(diagnostic: Diagnostic, near: Option<&str>) -> Diagnostic {
    match near {
        Some(near) => {
            let mut diagnostic = diagnostic.with_suggestion(near);
            diagnostic
                .message
                .push_str(&format!("; did you mean `{near}`?"));
            diagnostic
        }
        None => diagnostic,
    }
}

#[cfg(test)]
mod tests {
    use super::nearest;

    #[test]
    fn near_words_are_suggested_and_far_ones_are_not() {
        let keys = ["depends_on", "duration", "deadline", "owner"];
        assert_eq!(nearest("depends", keys), Some("depends_on"));
        assert_eq!(nearest("duraton", keys), Some("duration"));
        assert_eq!(nearest("colour", keys), None);
        assert_eq!(nearest("fs", ["ss", "ff"]), None);
    }

    #[test]
    fn a_bare_name_finds_the_item_of_another_program() {
        assert_eq!(
            nearest("iam", ["apollo.iam", "hermes.portal"]),
            Some("apollo.iam")
        );
    }
}
