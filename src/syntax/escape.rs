//! The escapes of string literals, in one place for the lexer (which reports
//! bad ones) and the parser (which resolves them).

use std::ops::Range;

/// Walks the body of a string literal (the text between the quotes),
/// handing its resolved text to `on_text` piece by piece (each run without
/// escapes whole, as most strings have none) and each bad escape, with its
/// byte range inside `body` and a message, to `on_error`. A bad escape is
/// passed on as written, so the value keeps what the author typed.
pub(crate) fn unescape(
    body: &str,
    mut on_text: impl FnMut(&str),
    mut on_error: impl FnMut(Range<usize>, String),
) {
    let mut at = 0;
    // A plain loop over bytes: strings are a few dozen bytes, too short
    // for a character search's set-up to pay, and `\` is one byte.
    while let Some(found) = body.as_bytes()[at..].iter().position(|&b| b == b'\\') {
        let start = at + found;
        on_text(&body[at..start]);
        let Some(escape) = body[start + 1..].chars().next() else {
            on_text("\\");
            on_error(
                start..body.len(),
                "expected an escape after `\\`, found the end of the string".to_string(),
            );
            return;
        };
        let resolved = match escape {
            '"' => Some('"'),
            '\\' => Some('\\'),
            'n' => Some('\n'),
            't' => Some('\t'),
            'r' => Some('\r'),
            'u' => None,
            other => {
                let end = start + 1 + other.len_utf8();
                on_error(
                    start..end,
                    format!(
                        "unknown escape `\\{}` in string; the escapes are \\\" \\\\ \\n \\t \\r and \\u{{...}}",
                        other.escape_debug()
                    ),
                );
                on_text(&body[start..end]);
                at = end;
                continue;
            }
        };
        if let Some(resolved) = resolved {
            on_text(resolved.encode_utf8(&mut [0; 4]));
            at = start + 2;
            continue;
        }
        let end = unicode_escape_end(body, start);
        match unicode_escape_value(&body[start..end]) {
            Some(value) => on_text(value.encode_utf8(&mut [0; 4])),
            None => {
                on_error(
                    start..end,
                    format!(
                        "invalid unicode escape `{}`; write \\u{{...}} with 1 to 6 hex digits of a Unicode scalar value",
                        &body[start..end]
                    ),
                );
                on_text(&body[start..end]);
            }
        }
        at = end;
    }
    on_text(&body[at..]);
}

/// Where a `\u` escape starting at `start` ends: after its closing brace, or
/// after the run of characters that could belong to it when the brace is
/// missing.
fn unicode_escape_end(body: &str, start: usize) -> usize {
    let after_u = start + 2;
    let rest = &body[after_u..];
    if !rest.starts_with('{') {
        return after_u;
    }
    match rest.find(|c: char| c == '}' || c == '"' || c == '\\' || c.is_whitespace()) {
        Some(at) if rest[at..].starts_with('}') => after_u + at + 1,
        Some(at) => after_u + at,
        None => body.len(),
    }
}

/// The character of a complete `\u{...}` escape, if it names one.
fn unicode_escape_value(escape: &str) -> Option<char> {
    let digits = escape.strip_prefix("\\u{")?.strip_suffix('}')?;
    if digits.is_empty() || digits.len() > 6 || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u32::from_str_radix(digits, 16)
        .ok()
        .and_then(char::from_u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The resolved text, and the bad escapes as their ranges cut them.
    fn resolve(body: &str) -> (String, Vec<&str>) {
        let mut text = String::new();
        let mut errors = Vec::new();
        unescape(
            body,
            |run| text.push_str(run),
            |at, _| errors.push(&body[at]),
        );
        (text, errors)
    }

    #[test]
    fn text_without_escapes_is_passed_whole() {
        assert_eq!(resolve("plain é text"), ("plain é text".into(), vec![]));
        assert_eq!(resolve(""), (String::new(), vec![]));
    }

    #[test]
    fn each_escape_resolves_between_runs_of_text() {
        assert_eq!(
            resolve(r#"a\"b\\c\nd\te\rf\u{e9}g\u{1F600}"#),
            ("a\"b\\c\nd\te\rf\u{e9}g\u{1F600}".into(), vec![])
        );
        assert_eq!(resolve(r"\n\n"), ("\n\n".into(), vec![]));
    }

    #[test]
    fn a_bad_escape_is_kept_as_written_and_reported() {
        assert_eq!(resolve(r"a\qb"), (r"a\qb".into(), vec![r"\q"]));
        assert_eq!(resolve(r"a\éb"), (r"a\éb".into(), vec![r"\é"]));
        assert_eq!(
            resolve(r"\u{110000}x\u{zz}y\u"),
            (
                r"\u{110000}x\u{zz}y\u".into(),
                vec![r"\u{110000}", r"\u{zz}", r"\u"]
            )
        );
        assert_eq!(resolve(r"end\"), (r"end\".into(), vec![r"\"]));
    }
}
