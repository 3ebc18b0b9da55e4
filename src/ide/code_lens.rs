//! Code lenses above each project: how many items depend on it and how
//! many risks affect it, and whether it is on the critical path.

use crate::analysis::Analysis;
use crate::base::{FileId, FileSpan, Span};
use crate::ide::describe;
use crate::ide::lookup::{dependents, named_by};
use crate::model::{Model, RefRole};
use crate::syntax::ast::ItemKind;

#[derive(Clone, PartialEq, Eq, Debug)]
pub struct CodeLens {
    /// The project the lens stands above.
    pub span: Span,
    pub title: String,
    /// What the lens is about, for an editor to list on a click: the
    /// dependents' and the risks' names.
    pub targets: Vec<FileSpan>,
}

/// Per project in text order: `N dependents · M risks`, then `critical
/// path` for a project on it.
pub fn code_lenses(model: &Model, analysis: &Analysis, file: FileId) -> Vec<CodeLens> {
    let mut lenses = Vec::new();
    for id in model.defs_in_file(file) {
        let def = model.def(id);
        if def.kind() != ItemKind::Project {
            continue;
        }
        let dependents = dependents(analysis, id);
        let risks = named_by(model, id, RefRole::Affects);
        let targets = dependents
            .iter()
            .map(|&(dependent, _)| dependent)
            .chain(risks.iter().copied())
            .map(|other| model.def(other).name_location())
            .collect();
        lenses.push(CodeLens {
            span: def.span,
            title: format!(
                "{} · {}",
                describe::count(dependents.len(), "dependent"),
                describe::count(risks.len(), "risk")
            ),
            targets,
        });
        if analysis
            .schedule
            .dates(id)
            .is_some_and(|dates| dates.critical)
        {
            lenses.push(CodeLens {
                span: def.span,
                title: "critical path".to_string(),
                targets: Vec::new(),
            });
        }
    }
    lenses
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use super::*;
    use crate::ide::fixture::Fixture;

    fn check(fixture: &str, expect: Expect) {
        let fixture = Fixture::new(fixture);
        let file = FileId(0);
        let actual: String = code_lenses(&fixture.model, &fixture.analysis, file)
            .into_iter()
            .map(|lens| {
                let targets: Vec<String> = lens
                    .targets
                    .into_iter()
                    .map(|at| fixture.render(at))
                    .collect();
                format!(
                    "{} | {}{}\n",
                    fixture.render(FileSpan::new(file, lens.span)),
                    lens.title,
                    targets
                        .iter()
                        .map(|target| format!("\n    {target}"))
                        .collect::<String>()
                )
            })
            .collect();
        expect.assert_eq(&actual);
    }

    #[test]
    fn counts_dependents_and_risks_across_files() {
        check(
            r#"
            //- /apollo.pgm
            program apollo {
              project network { start: 2027-01-04 duration: 2w }
              project docs { start: 2027-01-04 duration: 1w }
              risk slip { affects: network }
            }
            //- /hermes.pgm
            program hermes {
              project portal { depends_on: apollo.network duration: 1w }
              milestone live { depends_on: portal, apollo.network }
              risk late { affects: apollo.network }
            }
            "#,
            expect![[r#"
                /apollo.pgm 19..69 project network { start: 2027-01-04 duration: 2w } | 2 dependents · 2 risks
                    /hermes.pgm 27..33 portal
                    /hermes.pgm 90..94 live
                    /apollo.pgm 127..131 slip
                    /hermes.pgm 141..145 late
                /apollo.pgm 19..69 project network { start: 2027-01-04 duration: 2w } | critical path
                /apollo.pgm 72..119 project docs { start: 2027-01-04 duration: 1w } | 0 dependents · 0 risks
            "#]],
        );
    }
}
