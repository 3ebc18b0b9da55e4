//! The escapes of string literals, in one place for the lexer (which reports
//! bad ones) and the parser (which resolves them).

use std::ops::Range;

/// Walks the body of a string literal (the text between the quotes),
/// handing each resolved character to `on_char` and each bad escape, with
/// its byte range inside `body` and a message, to `on_error`. A bad escape
/// is passed on as written, so the value keeps what the author typed.
pub(crate) fn unescape(
    body: &str,
    mut on_char: impl FnMut(char),
    mut on_error: impl FnMut(Range<usize>, String),
) {
    let mut chars = body.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c != '\\' {
            on_char(c);
            continue;
        }
        let Some((_, escape)) = chars.next() else {
            on_char('\\');
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
                body[start..end].chars().for_each(&mut on_char);
                continue;
            }
        };
        if let Some(resolved) = resolved {
            on_char(resolved);
            continue;
        }
        let end = unicode_escape_end(body, start);
        match unicode_escape_value(&body[start..end]) {
            Some(value) => on_char(value),
            None => {
                on_error(
                    start..end,
                    format!(
                        "invalid unicode escape `{}`; write \\u{{...}} with 1 to 6 hex digits of a Unicode scalar value",
                        &body[start..end]
                    ),
                );
                body[start..end].chars().for_each(&mut on_char);
            }
        }
        while chars.peek().is_some_and(|&(at, _)| at < end) {
            chars.next();
        }
    }
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
