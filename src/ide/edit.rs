//! Text edits, and the few rules for placing them in a file's layout: where
//! a line starts, how far it is indented, how to take text out without
//! leaving a blank line or a stray comma behind.

use std::collections::BTreeMap;

use crate::base::{FileId, FileSpan, Span};

/// Replace the text at `span` with `new_text`; an empty span inserts.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct TextEdit {
    pub span: Span,
    pub new_text: String,
}

impl TextEdit {
    pub fn replace(span: Span, new_text: impl Into<String>) -> TextEdit {
        TextEdit {
            span,
            new_text: new_text.into(),
        }
    }

    pub fn delete(span: Span) -> TextEdit {
        TextEdit::replace(span, "")
    }

    pub fn insert(at: usize, new_text: impl Into<String>) -> TextEdit {
        TextEdit::replace(Span::empty(at), new_text)
    }
}

/// Edits to apply together, by file. Within a file the edits are sorted by
/// position and do not overlap, so they can be applied from the last to the
/// first without shifting each other.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct SourceChange {
    pub files: BTreeMap<FileId, Vec<TextEdit>>,
}

impl SourceChange {
    pub fn single(file: FileId, edit: TextEdit) -> SourceChange {
        let mut change = SourceChange::default();
        change.push(file, edit);
        change
    }

    /// Adds an edit; edits at one offset keep the order they were pushed in.
    pub fn push(&mut self, file: FileId, edit: TextEdit) {
        let edits = self.files.entry(file).or_default();
        let at = edits.partition_point(|other| other.span.start() <= edit.span.start());
        edits.insert(at, edit);
    }

    pub fn is_empty(&self) -> bool {
        self.files.values().all(Vec::is_empty)
    }

    /// Every edit, with its file.
    pub fn iter(&self) -> impl Iterator<Item = (FileSpan, &TextEdit)> {
        self.files.iter().flat_map(|(&file, edits)| {
            edits
                .iter()
                .map(move |edit| (FileSpan::new(file, edit.span), edit))
        })
    }

    /// Whether some edit of `other` touches text that an edit of `self`
    /// changes, or inserts where `self` inserts.
    pub fn conflicts_with(&self, other: &SourceChange) -> bool {
        other.iter().any(|(at, theirs)| {
            self.files.get(&at.file).is_some_and(|edits| {
                edits
                    .iter()
                    .any(|ours| spans_collide(ours.span, theirs.span))
            })
        })
    }

    /// Adds every edit of `other`; the caller makes sure they do not conflict.
    pub fn extend(&mut self, other: SourceChange) {
        for (file, edits) in other.files {
            for edit in edits {
                self.push(file, edit);
            }
        }
    }
}

fn spans_collide(a: Span, b: Span) -> bool {
    if a.is_empty() || b.is_empty() {
        a.start().max(b.start()) <= a.end().min(b.end())
    } else {
        a.start() < b.end() && b.start() < a.end()
    }
}

fn is_line_break(byte: u8) -> bool {
    byte == b'\n' || byte == b'\r'
}

fn is_blank(byte: u8) -> bool {
    byte == b' ' || byte == b'\t'
}

/// The offset at which the line holding `offset` starts.
pub(crate) fn line_start(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset]
        .iter()
        .rposition(|&byte| is_line_break(byte))
        .map_or(0, |at| at + 1)
}

/// The offset of the line break that ends the line holding `offset`, or the
/// end of the text.
pub(crate) fn line_end(text: &str, offset: usize) -> usize {
    text.as_bytes()[offset..]
        .iter()
        .position(|&byte| is_line_break(byte))
        .map_or(text.len(), |at| offset + at)
}

/// The offset just past the line break at `offset` (`\r\n` counts as one).
fn past_line_break(text: &str, offset: usize) -> usize {
    match &text.as_bytes()[offset..] {
        [b'\r', b'\n', ..] => offset + 2,
        [b'\n' | b'\r', ..] => offset + 1,
        _ => offset,
    }
}

/// The blanks at the start of the line holding `offset`.
pub(crate) fn indentation(text: &str, offset: usize) -> &str {
    let start = line_start(text, offset);
    let width = text.as_bytes()[start..]
        .iter()
        .take_while(|&&byte| is_blank(byte))
        .count();
    &text[start..start + width]
}

/// Whether only blanks stand between the start of its line and `offset`.
pub(crate) fn starts_its_line(text: &str, offset: usize) -> bool {
    text.as_bytes()[line_start(text, offset)..offset]
        .iter()
        .all(|&byte| is_blank(byte))
}

pub(crate) fn spans_lines(text: &str, span: Span) -> bool {
    text.as_bytes()[span.range()]
        .iter()
        .any(|&byte| is_line_break(byte))
}

/// The text to delete to take out `span` cleanly: its whole lines when
/// nothing else stands on them, otherwise the span and the blanks after it.
pub(crate) fn removal(text: &str, span: Span) -> Span {
    let bytes = text.as_bytes();
    let end_of_line = line_end(text, span.end());
    let rest_is_blank = bytes[span.end()..end_of_line]
        .iter()
        .all(|&byte| is_blank(byte));
    if starts_its_line(text, span.start()) && rest_is_blank {
        return Span::new(
            line_start(text, span.start()),
            past_line_break(text, end_of_line),
        );
    }
    let blanks_after = bytes[span.end()..]
        .iter()
        .take_while(|&&byte| is_blank(byte))
        .count();
    Span::new(span.start(), span.end() + blanks_after)
}

/// The edit that adds `members` (properties or items, as text) at the end
/// of an item's body, `body` running from its `{` to its `}`. A body laid
/// out over several lines gets one member a line at the members'
/// indentation; a one-line body stays on one line. `None` when the body has
/// no closing brace to add before.
pub(crate) fn append_members(text: &str, body: Span, members: &[String]) -> Option<TextEdit> {
    let close = body.end().checked_sub(1)?;
    if body.len() < 2 || text.as_bytes().get(close) != Some(&b'}') {
        return None;
    }
    if !spans_lines(text, body) {
        let space_before = match text.as_bytes()[close - 1] {
            byte if is_blank(byte) => "",
            _ => " ",
        };
        let flat: Vec<String> = members.iter().map(|member| one_line(member)).collect();
        return Some(TextEdit::insert(
            close,
            format!("{space_before}{} ", flat.join(" ")),
        ));
    }
    let indent = member_indentation(text, body);
    let mut lines = String::new();
    for member in members {
        for line in member.lines() {
            lines.push_str(&indent);
            lines.push_str(line);
            lines.push_str(line_break(text));
        }
    }
    if starts_its_line(text, close) {
        return Some(TextEdit::insert(line_start(text, close), lines));
    }
    let blanks_before = text.as_bytes()[..close]
        .iter()
        .rev()
        .take_while(|&&byte| is_blank(byte))
        .count();
    Some(TextEdit::replace(
        Span::new(close - blanks_before, close),
        format!(
            "{}{lines}{}",
            line_break(text),
            indentation(text, body.start())
        ),
    ))
}

/// The line break the file uses: `\r\n` if it has any, else `\n`.
fn line_break(text: &str) -> &'static str {
    match text.contains("\r\n") {
        true => "\r\n",
        false => "\n",
    }
}

/// The indentation of the first member on a line of its own in `body`, or
/// two spaces deeper than the line that opens the body.
fn member_indentation(text: &str, body: Span) -> String {
    let inner = Span::new(body.start() + 1, body.end() - 1);
    let first_member = text[inner.range()]
        .char_indices()
        .find(|&(_, ch)| !ch.is_whitespace())
        .map(|(at, _)| inner.start() + at);
    match first_member {
        Some(at) if starts_its_line(text, at) && at < body.end() - 1 => {
            indentation(text, at).into()
        }
        _ => format!("{}  ", indentation(text, body.start())),
    }
}

fn one_line(member: &str) -> String {
    let parts: Vec<&str> = member.lines().map(str::trim).collect();
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use super::*;

    fn apply(text: &str, edit: &TextEdit) -> String {
        let mut out = text.to_string();
        out.replace_range(edit.span.range(), &edit.new_text);
        out
    }

    fn check_append(text: &str, members: &[&str], expect: Expect) {
        let body = Span::new(text.find('{').unwrap(), text.rfind('}').unwrap() + 1);
        let members: Vec<String> = members.iter().map(|m| m.to_string()).collect();
        let edit = append_members(text, body, &members).unwrap();
        expect.assert_eq(&apply(text, &edit));
    }

    fn check_removal(text: &str, part: &str, expect: Expect) {
        let start = text.find(part).unwrap();
        let span = removal(text, Span::new(start, start + part.len()));
        expect.assert_eq(&apply(text, &TextEdit::delete(span)));
    }

    #[test]
    fn members_go_one_a_line_at_the_members_indentation() {
        check_append(
            "risk r {\n    likelihood: 4\n}\n",
            &["owner: bob", "mitigation: \"\""],
            expect![[r#"
                risk r {
                    likelihood: 4
                    owner: bob
                    mitigation: ""
                }
            "#]],
        );
    }

    #[test]
    fn a_closing_brace_after_a_member_moves_to_the_end() {
        check_append(
            "program p {\n  owner: a }",
            &["project x {\n  duration: 1w\n}"],
            expect![[r#"
                program p {
                  owner: a
                  project x {
                    duration: 1w
                  }
                }"#]],
        );
    }

    #[test]
    fn a_one_line_body_stays_on_one_line() {
        check_append(
            "risk r { likelihood: 4 }",
            &["owner: bob"],
            expect![[r#"risk r { likelihood: 4 owner: bob }"#]],
        );
        check_append(
            "program p {}",
            &["project x {\n  duration: 1w\n}"],
            expect![[r#"program p { project x { duration: 1w } }"#]],
        );
    }

    #[test]
    fn an_empty_multi_line_body_indents_one_level_deeper() {
        check_append(
            "risk r {\n}",
            &["owner: bob"],
            expect![[r#"
                risk r {
                  owner: bob
                }"#]],
        );
    }

    #[test]
    fn new_lines_end_like_the_file_s_lines() {
        let text = "risk r {\r\n  likelihood: 4\r\n}";
        let body = Span::new(7, text.len());
        let edit = append_members(text, body, &["owner: bob".to_string()]).unwrap();
        assert_eq!(
            apply(text, &edit),
            "risk r {\r\n  likelihood: 4\r\n  owner: bob\r\n}"
        );
    }

    #[test]
    fn removal_takes_whole_lines_or_the_blanks_after() {
        check_removal(
            "a {\n  x: 1\r\n  y: 2\n}",
            "x: 1",
            expect![[r#"
                a {
                  y: 2
                }"#]],
        );
        check_removal("a { x: 1 y: 2 }", "x: 1", expect!["a { y: 2 }"]);
    }

    #[test]
    fn changes_keep_edits_sorted_and_see_conflicts() {
        let file = FileId(0);
        let mut change = SourceChange::single(file, TextEdit::delete(Span::new(5, 8)));
        change.push(file, TextEdit::insert(2, "x"));
        let starts: Vec<usize> = change.iter().map(|(at, _)| at.span.start()).collect();
        assert_eq!(starts, [2, 5]);
        let overlapping = SourceChange::single(file, TextEdit::delete(Span::new(7, 9)));
        let touching = SourceChange::single(file, TextEdit::delete(Span::new(8, 9)));
        assert!(change.conflicts_with(&overlapping));
        assert!(!change.conflicts_with(&touching));
    }
}
