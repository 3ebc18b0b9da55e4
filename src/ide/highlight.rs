//! Document highlight: the definition under the cursor and its mentions in
//! the same file.

use crate::base::{FileId, Span};
use crate::ide::at_offset::at_offset;
use crate::ide::lookup::{mentions, name_location};
use crate::model::Model;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum HighlightKind {
    /// Where the name is defined.
    Definition,
    /// Where the name is used.
    Reference,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Highlight {
    pub span: Span,
    pub kind: HighlightKind,
}

/// The definition's name and every mention of it in `file`, by position.
pub fn highlight(model: &Model, file: FileId, offset: usize) -> Vec<Highlight> {
    let Some(def) = at_offset(model, file, offset).and_then(|found| found.def(model)) else {
        return Vec::new();
    };
    let definition = name_location(model, def).map(|at| (at, HighlightKind::Definition));
    let uses = mentions(model, def)
        .into_iter()
        .map(|mention| (mention.at, HighlightKind::Reference));
    let mut highlights: Vec<Highlight> = definition
        .into_iter()
        .chain(uses)
        .filter(|(at, _)| at.file == file)
        .map(|(at, kind)| Highlight {
            span: at.span,
            kind,
        })
        .collect();
    highlights.sort_by_key(|highlight| highlight.span);
    highlights
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use super::*;
    use crate::base::FileSpan;
    use crate::ide::fixture::Fixture;

    fn check(fixture: &str, expect: Expect) {
        let fixture = Fixture::new(fixture);
        let (file, offset) = fixture.position();
        let actual: String = highlight(&fixture.model, file, offset)
            .into_iter()
            .map(|found| {
                format!(
                    "{:?} {}\n",
                    found.kind,
                    fixture.render(FileSpan::new(file, found.span))
                )
            })
            .collect();
        expect.assert_eq(&actual);
    }

    #[test]
    fn highlights_only_the_current_file() {
        check(
            r#"
            //- /people.pgm
            person bob
            //- /apollo.pgm
            program apollo {
              owner: bob
              project iam { owner: b$0ob duration: 1w allocate: bob 50% }
            }
            "#,
            expect![[r#"
                Reference /apollo.pgm 26..29 bob
                Reference /apollo.pgm 53..56 bob
                Reference /apollo.pgm 80..83 bob
            "#]],
        );
    }

    #[test]
    fn nothing_to_highlight_on_a_property_key() {
        check("person bob { ro$0le: \"Lead\" }", expect![[""]]);
    }
}
