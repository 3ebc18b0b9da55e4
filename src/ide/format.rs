//! Formatting with the canonical formatter, as edits of a file of the model.

use crate::base::{FileId, Span};
use crate::ide::TextEdit;
use crate::model::Model;
use crate::syntax::format::{self, FormatError};

/// The edits that bring `file` into the canonical layout: none when it is
/// in it already, otherwise one that replaces the whole text.
pub fn format(model: &Model, file: FileId) -> Result<Vec<TextEdit>, FormatError> {
    let text: &str = &model.file(file).text;
    let formatted = format::format(text)?;
    Ok(match formatted == text {
        true => Vec::new(),
        false => vec![TextEdit::replace(Span::new(0, text.len()), formatted)],
    })
}

/// The edits that bring the items overlapping `range` into the canonical
/// layout.
pub fn format_range(
    model: &Model,
    file: FileId,
    range: Span,
) -> Result<Vec<TextEdit>, FormatError> {
    let edits = format::format_range(&model.file(file).text, range)?;
    Ok(edits
        .into_iter()
        .map(|edit| TextEdit::replace(edit.span, edit.new_text))
        .collect())
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use super::*;
    use crate::ide::SourceChange;
    use crate::ide::fixture::Fixture;

    fn check(fixture: &str, expect: Expect) {
        let fixture = Fixture::new(fixture);
        let (file, _) = fixture.position();
        let edits = match fixture.selection {
            Some(selection) => format_range(&fixture.model, file, selection.span),
            None => format(&fixture.model, file),
        };
        let actual = match edits {
            Ok(edits) => {
                let mut change = SourceChange::default();
                for edit in edits {
                    change.push(file, edit);
                }
                fixture.apply(&change)
            }
            Err(error) => format!("error: {error}"),
        };
        expect.assert_eq(&actual);
    }

    #[test]
    fn a_whole_file() {
        check(
            "$0person alice   \"Alice\"{role:\"Lead\"}",
            expect![[r#"
                //- /main.pgm
                person alice "Alice" { role: "Lead" }
            "#]],
        );
    }

    #[test]
    fn only_the_items_in_a_range() {
        check(
            "person   alice\n$0person   bob$0\nperson   carol\n",
            expect![[r#"
                //- /main.pgm
                person   alice
                person bob
                person   carol
            "#]],
        );
    }

    #[test]
    fn a_file_in_layout_needs_no_edit() {
        check("$0person alice\n", expect![[""]]);
    }

    #[test]
    fn a_file_with_syntax_errors_is_left_alone() {
        check(
            "$0person alice {",
            expect![
                "error: cannot format a file with syntax errors: line 1, column 15: expected `}` to close person `alice`, found the end of the file"
            ],
        );
    }
}
