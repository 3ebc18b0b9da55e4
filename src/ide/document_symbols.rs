//! The outline of one file: programs with their items inside, and the
//! top-level persons, teams and calendars beside them.

use crate::base::{FileId, Span};
use crate::model::{DefData, DefId, Model};
use crate::syntax::ast::ItemKind;

#[derive(Clone, PartialEq, Eq, Debug)]
pub struct DocumentSymbol {
    /// The name as written, `iam`; `calendar` for the calendar.
    pub name: String,
    /// The title, if there is one.
    pub detail: Option<String>,
    pub kind: ItemKind,
    /// The whole item.
    pub full: Span,
    /// The name (the keyword of the calendar).
    pub focus: Span,
    pub children: Vec<DocumentSymbol>,
}

/// The definitions of `file` as a tree, in text order.
pub fn document_symbols(model: &Model, file: FileId) -> Vec<DocumentSymbol> {
    model
        .defs_in_file(file)
        .filter(|&def| model.def(def).program.is_none())
        .map(|def| symbol(model, def))
        .collect()
}

fn symbol(model: &Model, id: DefId) -> DocumentSymbol {
    let def = model.def(id);
    let children = match &def.data {
        DefData::Program(program) => program
            .children
            .iter()
            .filter(|&&child| model.def(child).file == def.file)
            .map(|&child| symbol(model, child))
            .collect(),
        _ => Vec::new(),
    };
    DocumentSymbol {
        name: def.name.to_string(),
        detail: def.title.as_deref().map(String::from),
        kind: def.kind(),
        full: def.span,
        focus: def.name_span,
        children,
    }
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use super::*;
    use crate::ide::fixture::Fixture;

    fn check(fixture: &str, expect: Expect) {
        let fixture = Fixture::new(fixture);
        let mut out = String::new();
        let mut stack: Vec<(usize, DocumentSymbol)> = document_symbols(&fixture.model, FileId(0))
            .into_iter()
            .rev()
            .map(|symbol| (0, symbol))
            .collect();
        while let Some((depth, symbol)) = stack.pop() {
            out.push_str(&format!(
                "{}{} {} {:?} {:?} {:?}\n",
                "  ".repeat(depth),
                symbol.kind.keyword(),
                symbol.name,
                symbol.detail.unwrap_or_default(),
                symbol.full,
                symbol.focus,
            ));
            stack.extend(
                symbol
                    .children
                    .into_iter()
                    .rev()
                    .map(|child| (depth + 1, child)),
            );
        }
        expect.assert_eq(&out);
    }

    #[test]
    fn programs_hold_their_items() {
        check(
            r#"
            calendar { holidays: 2027-05-31 }
            person alice "Alice Chen"
            team backend { members: alice }
            program apollo "Apollo" {
              owner: alice
              project iam "Identity" { duration: 1w }
              milestone launch { depends_on: iam }
              risk slip { affects: iam }
              stakeholder finance { power: high }
              benefit cost { delivered_by: launch }
            }
            "#,
            expect![[r#"
                calendar calendar "" 0..33 0..8
                person alice "Alice Chen" 34..59 41..46
                team backend "" 60..91 65..72
                program apollo "Apollo" 92..322 100..106
                  project iam "Identity" 135..174 143..146
                  milestone launch "" 177..213 187..193
                  risk slip "" 216..242 221..225
                  stakeholder finance "" 245..280 257..264
                  benefit cost "" 283..320 291..295
            "#]],
        );
    }

    #[test]
    fn an_unfinished_file_still_has_an_outline() {
        check(
            r#"
            program apollo {
              project iam { duration: 1w }
              project billing {
            "#,
            expect![[r#"
                program apollo "" 0..67 8..14
                  project iam "" 19..47 27..30
                  project billing "" 50..67 58..65
            "#]],
        );
    }
}
