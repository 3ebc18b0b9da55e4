//! Rename a definition and every name that stands for it, in every file:
//! the last segment of `apollo.iam` when `iam` is renamed, the first when
//! `apollo` is.

use std::fmt;

use crate::base::{FileId, Span};
use crate::ide::at_offset::{AtOffset, at_offset};
use crate::ide::lookup::{is_identifier, mentions, name_location};
use crate::ide::{SourceChange, TextEdit};
use crate::model::{DefId, Model};
use crate::syntax::ast::ItemKind;

/// The name that a rename would change, and its text.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct PrepareRename {
    pub span: Span,
    pub text: String,
}

/// Why a rename cannot be done, in words for the user.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct RenameError(pub String);

impl fmt::Display for RenameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for RenameError {}

/// The name at `offset` if it can be renamed.
pub fn prepare_rename(
    model: &Model,
    file: FileId,
    offset: usize,
) -> Result<PrepareRename, RenameError> {
    let (_, span) = renamable_at(model, file, offset)?;
    Ok(PrepareRename {
        span,
        text: model.file(file).text[span.range()].to_string(),
    })
}

/// The edits that rename the definition named at `offset` to `new_name`.
pub fn rename(
    model: &Model,
    file: FileId,
    offset: usize,
    new_name: &str,
) -> Result<SourceChange, RenameError> {
    let (def, _) = renamable_at(model, file, offset)?;
    check_new_name(model, def, new_name)?;
    let mut change = SourceChange::default();
    let places = name_location(model, def)
        .into_iter()
        .chain(mentions(model, def).into_iter().map(|mention| mention.at));
    for at in places {
        change.push(at.file, TextEdit::replace(at.span, new_name));
    }
    Ok(change)
}

fn renamable_at(model: &Model, file: FileId, offset: usize) -> Result<(DefId, Span), RenameError> {
    let text = &model.file(file).text;
    let found = at_offset(model, file, offset)
        .ok_or_else(|| RenameError("There is no name here to rename.".into()))?;
    let word = &text[found.span().range()];
    let refusal = match found {
        AtOffset::Keyword { .. } => format!("`{word}` is a keyword, not a name."),
        AtOffset::Key { .. } => {
            format!("`{word}` is a property key of the language, not a name.")
        }
        AtOffset::Word { .. } => format!("`{word}` is a value of the language, not a name."),
        AtOffset::DefName { .. } | AtOffset::Mention { .. } => match found.def(model) {
            Some(def) if !model.def(def).kind().is_named() => {
                format!("`{word}` is a keyword, not a name.")
            }
            Some(def) => return Ok((def, found.span())),
            None => format!("`{word}` names no definition, so there is nothing to rename."),
        },
    };
    Err(RenameError(refusal))
}

fn check_new_name(model: &Model, def: DefId, new_name: &str) -> Result<(), RenameError> {
    if ItemKind::from_keyword(new_name).is_some() {
        return Err(RenameError(format!(
            "`{new_name}` is a keyword and cannot be a name."
        )));
    }
    if !is_identifier(new_name) {
        return Err(RenameError(format!(
            "`{new_name}` is not a name: a name starts with a letter or `_` and goes on with \
             letters, digits and `_`."
        )));
    }
    let renamed = model.def(def);
    let home = renamed.program;
    let same_scope = model
        .resolve(home, &[new_name])
        .filter(|&other| other != def && model.def(other).program.is_some() == home.is_some());
    if let Some(other) = same_scope {
        return Err(RenameError(format!(
            "`{}` is already defined.",
            model.def(other).qualified_name()
        )));
    }
    let capture = match home {
        None => program_item_capturing(model, def, new_name),
        Some(program) => top_level_captured(model, program, new_name),
    };
    match capture {
        Some(message) => Err(RenameError(message)),
        None => Ok(()),
    }
}

/// For a top-level `def`: a program in which a bare mention of it would,
/// under `new_name`, mean one of the program's own items instead.
fn program_item_capturing(model: &Model, def: DefId, new_name: &str) -> Option<String> {
    mentions(model, def).into_iter().find_map(|mention| {
        let reference = model.reference(mention.reference);
        if reference.segments.len() != 1 {
            return None;
        }
        let scope = model.scope_of(reference.from)?;
        let local = model
            .resolve(Some(scope), &[new_name])
            .filter(|&other| model.def(other).program.is_some())?;
        Some(format!(
            "Inside `{}`, `{new_name}` would mean `{}` instead of `{}`.",
            model.def(scope).name,
            model.def(local).qualified_name(),
            model.def(def).name
        ))
    })
}

/// For an item of `program`: a top-level definition named `new_name` that
/// bare names inside the program mean now, and would no longer mean.
fn top_level_captured(model: &Model, program: DefId, new_name: &str) -> Option<String> {
    let top = model.resolve(None, &[new_name])?;
    let hidden = model.references_to(top).iter().any(|&reference| {
        let reference = model.reference(reference);
        reference.segments.len() == 1 && model.scope_of(reference.from) == Some(program)
    });
    hidden.then(|| {
        format!(
            "Inside `{}`, `{new_name}` names `{}`, which the renamed item would hide.",
            model.def(program).name,
            model.def(top).qualified_name()
        )
    })
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use super::*;
    use crate::base::FileSpan;
    use crate::ide::fixture::Fixture;

    fn check_prepare(fixture: &str, expect: Expect) {
        let fixture = Fixture::new(fixture);
        let (file, offset) = fixture.position();
        let actual = match prepare_rename(&fixture.model, file, offset) {
            Ok(found) => format!(
                "{} ({})",
                fixture.render(FileSpan::new(file, found.span)),
                found.text
            ),
            Err(error) => format!("error: {error}"),
        };
        expect.assert_eq(&actual);
    }

    fn check(fixture: &str, new_name: &str, expect: Expect) {
        let fixture = Fixture::new(fixture);
        let (file, offset) = fixture.position();
        let actual = match rename(&fixture.model, file, offset, new_name) {
            Ok(change) => fixture.apply(&change),
            Err(error) => format!("error: {error}"),
        };
        expect.assert_eq(&actual);
    }

    const PLAN: &str = r#"
        //- /apollo.pgm
        program apollo {
          project iam { duration: 1w }
          project billing { depends_on: iam duration: 1w }
        }
        //- /hermes.pgm
        program hermes {
          project portal { depends_on: apollo.iam duration: 1w }
        }
    "#;

    #[test]
    fn renaming_an_item_rewrites_last_segments_in_every_file() {
        check(
            &PLAN.replace("project iam", "project i$0am"),
            "identity",
            expect![[r#"
                //- /apollo.pgm
                program apollo {
                  project identity { duration: 1w }
                  project billing { depends_on: identity duration: 1w }
                }
                //- /hermes.pgm
                program hermes {
                  project portal { depends_on: apollo.identity duration: 1w }
                }
            "#]],
        );
    }

    #[test]
    fn renaming_a_program_rewrites_qualifiers() {
        check(
            &PLAN.replace("apollo.iam", "apo$0llo.iam"),
            "artemis",
            expect![[r#"
                //- /apollo.pgm
                program artemis {
                  project iam { duration: 1w }
                  project billing { depends_on: iam duration: 1w }
                }
                //- /hermes.pgm
                program hermes {
                  project portal { depends_on: artemis.iam duration: 1w }
                }
            "#]],
        );
    }

    #[test]
    fn prepare_gives_the_segment_under_the_cursor() {
        check_prepare(
            &PLAN.replace("apollo.iam", "apollo.i$0am"),
            expect!["/hermes.pgm 55..58 iam (iam)"],
        );
        check_prepare(
            &PLAN.replace("apollo.iam", "apol$0lo.iam"),
            expect!["/hermes.pgm 48..54 apollo (apollo)"],
        );
    }

    #[test]
    fn prepare_refuses_what_is_no_name() {
        check_prepare(
            "pro$0gram apollo {}",
            expect!["error: `program` is a keyword, not a name."],
        );
        check_prepare(
            "calen$0dar { holidays: 2027-05-31 }",
            expect!["error: `calendar` is a keyword, not a name."],
        );
        check_prepare(
            "program apollo { own$0er: alice }",
            expect!["error: `owner` is a property key of the language, not a name."],
        );
        check_prepare(
            "program apollo { project p { status: do$0ne duration: 1w } }",
            expect!["error: `done` is a value of the language, not a name."],
        );
        check_prepare(
            "program apollo { owner: nob$0ody }",
            expect!["error: `nobody` names no definition, so there is nothing to rename."],
        );
        check_prepare(
            "program apollo {} $0",
            expect!["error: There is no name here to rename."],
        );
    }

    #[test]
    fn new_names_must_be_identifiers_and_free() {
        let plan = PLAN.replace("project iam", "project i$0am");
        check(
            &plan,
            "risk",
            expect!["error: `risk` is a keyword and cannot be a name."],
        );
        check(
            &plan,
            "2fast",
            expect![
                "error: `2fast` is not a name: a name starts with a letter or `_` and goes on with letters, digits and `_`."
            ],
        );
        check(
            &plan,
            "a.b",
            expect![
                "error: `a.b` is not a name: a name starts with a letter or `_` and goes on with letters, digits and `_`."
            ],
        );
        check(
            &plan,
            "billing",
            expect!["error: `apollo.billing` is already defined."],
        );
    }

    #[test]
    fn a_rename_may_not_change_what_a_bare_name_means() {
        let plan = r#"
            person bob
            program apollo {
              owner: b$0ob
              project iam { duration: 1w }
            }
        "#;
        check(
            plan,
            "iam",
            expect!["error: Inside `apollo`, `iam` would mean `apollo.iam` instead of `bob`."],
        );
        let plan = r#"
            person bob
            program apollo {
              owner: bob
              project i$0am { duration: 1w }
            }
        "#;
        check(
            plan,
            "bob",
            expect![
                "error: Inside `apollo`, `bob` names `bob`, which the renamed item would hide."
            ],
        );
    }
}
