//! Selection ranges: from the word at the cursor outwards, through the
//! value, the property, the item's body and the item, to the whole file.

use crate::base::{FileId, Span};
use crate::ide::at_offset::flatten_atom;
use crate::ide::lookup::{items_around, properties};
use crate::model::Model;
use crate::syntax::ast::{AtomKind, Item, SourceFile};

/// The spans around `offset`, innermost first, each containing the one
/// before it and larger than it.
pub fn selection_ranges(model: &Model, file: FileId, offset: usize) -> Vec<Span> {
    let parsed = model.file(file);
    let mut outer_first = vec![Span::new(0, parsed.text.len())];
    let tree = &parsed.parse().file;
    for item in items_around(tree, offset) {
        outer_first.push(item.span);
        if let Some(body) = &item.body {
            outer_first.push(body.span);
        }
        outer_first.extend(inside_item(tree, item, offset));
    }
    let mut ranges: Vec<Span> = Vec::new();
    for span in outer_first.into_iter().rev() {
        let grows = ranges
            .last()
            .is_none_or(|&inner| span.contains_span(inner) && span != inner);
        if span.touches(offset) && grows {
            ranges.push(span);
        }
    }
    ranges
}

/// The parts of the item's own text around `offset`, outermost first: its
/// header's words, or a property, its value, atom and path segment.
fn inside_item(tree: &SourceFile, item: &Item, offset: usize) -> Vec<Span> {
    let header = [
        Some(item.keyword_span),
        item.name.as_ref().map(|name| name.span),
        item.title.as_ref().map(|title| title.span),
    ];
    let mut spans: Vec<Span> = header.into_iter().flatten().collect();
    let Some(property) = properties(item).find(|property| property.span.touches(offset)) else {
        return spans;
    };
    spans.push(property.span);
    spans.push(property.key.span);
    let Some(value) = tree
        .values(property)
        .iter()
        .find(|value| value.span.touches(offset))
    else {
        return spans;
    };
    spans.push(value.span);
    for atom in tree
        .atoms(value)
        .iter()
        .filter(|atom| atom.span.touches(offset))
    {
        spans.push(atom.span);
        for part in flatten_atom(atom) {
            spans.push(part.span);
            if let AtomKind::Path(path) = &part.kind {
                spans.extend(path.segments.iter().map(|segment| segment.span));
            }
        }
    }
    spans
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
        let actual: String = selection_ranges(&fixture.model, file, offset)
            .into_iter()
            .map(|span| fixture.render(FileSpan::new(file, span)) + "\n")
            .collect();
        expect.assert_eq(&actual);
    }

    #[test]
    fn from_a_segment_out_to_the_file() {
        check(
            r#"
            program hermes {
              project portal {
                depends_on: apollo.i$0am +1w, other
              }
            }
            "#,
            expect![[r#"
                /main.pgm 59..62 iam
                /main.pgm 52..62 apollo.iam
                /main.pgm 52..66 apollo.iam +1w
                /main.pgm 40..73 depends_on: apollo.iam +1w, other
                /main.pgm 34..77 {…
                /main.pgm 19..77 project portal {…
                /main.pgm 15..79 {…
                /main.pgm 0..79 program hermes {…
                /main.pgm 0..80 program hermes {…
            "#]],
        );
    }

    #[test]
    fn from_an_item_name() {
        check(
            r#"
            person al$0ice "Alice" { role: "Lead" }
            "#,
            expect![[r#"
                /main.pgm 7..12 alice
                /main.pgm 0..37 person alice "Alice" { role: "Lead" }
                /main.pgm 0..38 person alice "Alice" { role: "Lead" }
            "#]],
        );
    }
}
