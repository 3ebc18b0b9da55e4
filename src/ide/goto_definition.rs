//! Go to definition, which is also go to declaration: a name is declared
//! where it is defined.

use crate::base::{FileId, Span};
use crate::ide::NavTarget;
use crate::ide::at_offset::at_offset;
use crate::model::Model;

/// The name under the cursor and the definition it stands for.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Definition {
    /// The name (or the segment of a qualified name) under the cursor.
    pub origin: Span,
    pub target: NavTarget,
}

/// Where the name at `offset` is defined. On a definition's own name the
/// answer is that definition, which lets editors offer "peek".
pub fn goto_definition(model: &Model, file: FileId, offset: usize) -> Option<Definition> {
    let found = at_offset(model, file, offset)?;
    let def = found.def(model)?;
    Some(Definition {
        origin: found.span(),
        target: NavTarget::new(model, def),
    })
}

/// Declarations are definitions in this language.
pub fn goto_declaration(model: &Model, file: FileId, offset: usize) -> Option<Definition> {
    goto_definition(model, file, offset)
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
        let actual = match goto_definition(&fixture.model, file, offset) {
            Some(found) => format!(
                "{} -> {} ({})",
                fixture.render(FileSpan::new(file, found.origin)),
                fixture.render(found.target.focus),
                found.target.name,
            ),
            None => "none".to_string(),
        };
        expect.assert_eq(&actual);
    }

    #[test]
    fn a_bare_name_goes_to_the_item_of_its_program() {
        check(
            r#"
            program apollo {
              project network { duration: 1w }
              project iam { depends_on: net$0work duration: 1w }
            }
            "#,
            expect!["/main.pgm 80..87 network -> /main.pgm 27..34 network (apollo.network)"],
        );
    }

    #[test]
    fn a_qualified_name_goes_across_files() {
        check(
            r#"
            //- /apollo.pgm
            program apollo {
              project iam { duration: 1w }
            }
            //- /hermes.pgm
            program hermes {
              project portal { depends_on: apollo.i$0am duration: 1w }
            }
            "#,
            expect!["/hermes.pgm 55..58 iam -> /apollo.pgm 27..30 iam (apollo.iam)"],
        );
    }

    #[test]
    fn the_qualifier_goes_to_the_program() {
        check(
            r#"
            //- /apollo.pgm
            program apollo "Apollo" {
              project iam { duration: 1w }
            }
            //- /hermes.pgm
            program hermes {
              project portal { depends_on: apo$0llo.iam duration: 1w }
            }
            "#,
            expect!["/hermes.pgm 48..54 apollo -> /apollo.pgm 8..14 apollo (apollo)"],
        );
    }

    #[test]
    fn a_person_at_the_top_is_found_from_inside_a_program() {
        check(
            r#"
            //- /people.pgm
            person alice "Alice Chen"
            //- /apollo.pgm
            program apollo { owner: alice$0 }
            "#,
            expect!["/apollo.pgm 24..29 alice -> /people.pgm 7..12 alice (alice)"],
        );
    }

    #[test]
    fn a_definition_name_is_its_own_target() {
        check(
            r#"
            person al$0ice "Alice Chen"
            "#,
            expect!["/main.pgm 7..12 alice -> /main.pgm 7..12 alice (alice)"],
        );
    }

    #[test]
    fn unresolved_names_and_keys_go_nowhere() {
        check("program apollo { owner: nob$0ody }", expect!["none"]);
        check("program apollo { own$0er: alice }", expect!["none"]);
    }
}
