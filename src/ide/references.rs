//! Find references: every place that names a definition, in every file.

use crate::base::{FileId, FileSpan};
use crate::ide::at_offset::at_offset;
use crate::ide::lookup::{mentions, name_location};
use crate::model::Model;

/// The places that name the definition at `offset` (on its name or on any
/// reference to it), sorted by file and position; its own name first when
/// `include_declaration`. `None` when the offset names no definition.
pub fn find_references(
    model: &Model,
    file: FileId,
    offset: usize,
    include_declaration: bool,
) -> Option<Vec<FileSpan>> {
    let def = at_offset(model, file, offset)?.def(model)?;
    let mut places: Vec<FileSpan> = mentions(model, def)
        .into_iter()
        .map(|mention| mention.at)
        .collect();
    places.sort();
    places.dedup();
    if include_declaration {
        places.splice(0..0, name_location(model, def));
    }
    Some(places)
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use super::*;
    use crate::ide::fixture::Fixture;

    fn check(fixture: &str, include_declaration: bool, expect: Expect) {
        let fixture = Fixture::new(fixture);
        let (file, offset) = fixture.position();
        let actual = match find_references(&fixture.model, file, offset, include_declaration) {
            Some(places) => places
                .into_iter()
                .map(|at| fixture.render(at) + "\n")
                .collect(),
            None => "none".to_string(),
        };
        expect.assert_eq(&actual);
    }

    const PLAN: &str = r#"
        //- /apollo.pgm
        program apollo {
          project iam { duration: 1w }
          project billing { depends_on: i$0am duration: 1w }
          milestone launch { depends_on: billing, iam }
        }
        //- /hermes.pgm
        program hermes {
          project portal { depends_on: apollo.iam duration: 1w }
          risk slip { affects: apollo.iam }
        }
    "#;

    #[test]
    fn references_across_files_with_the_declaration() {
        check(
            PLAN,
            true,
            expect![[r#"
            /apollo.pgm 27..30 iam
            /apollo.pgm 80..83 iam
            /apollo.pgm 141..144 iam
            /hermes.pgm 55..58 iam
            /hermes.pgm 104..107 iam
        "#]],
        );
    }

    #[test]
    fn references_without_the_declaration() {
        check(
            PLAN,
            false,
            expect![[r#"
            /apollo.pgm 80..83 iam
            /apollo.pgm 141..144 iam
            /hermes.pgm 55..58 iam
            /hermes.pgm 104..107 iam
        "#]],
        );
    }

    #[test]
    fn a_program_is_referenced_by_qualifiers() {
        check(
            r#"
            //- /apollo.pgm
            program apol$0lo { project iam { duration: 1w } }
            //- /hermes.pgm
            program hermes { project portal { depends_on: apollo.iam duration: 1w } }
            "#,
            false,
            expect![[r#"
                /hermes.pgm 46..52 apollo
            "#]],
        );
    }

    #[test]
    fn a_keyword_has_no_references() {
        check("pers$0on alice", true, expect!["none"]);
    }
}
