//! The call hierarchy, reused for dependencies: the incoming calls of a
//! project or milestone are the items that depend on it, its outgoing
//! calls the items it depends on.

use crate::analysis::Analysis;
use crate::base::{FileId, FileSpan};
use crate::ide::NavTarget;
use crate::ide::at_offset::at_offset;
use crate::ide::lookup::{dependencies, dependents};
use crate::model::{DefId, Model};
use crate::syntax::ast::ItemKind;

/// One item at the other end of dependencies, and the `depends_on:`
/// entries that make them: in the dependent's text for incoming calls, in
/// the item's own text for outgoing ones.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Call {
    pub target: NavTarget,
    pub from: Vec<FileSpan>,
}

/// The project or milestone named at `offset`. An editor hands the item
/// back for its calls; its `focus` leads here again, and `def` names it
/// within one model.
pub fn prepare_call_hierarchy(model: &Model, file: FileId, offset: usize) -> Option<NavTarget> {
    let def = at_offset(model, file, offset)?.def(model)?;
    matches!(
        model.def(def).kind(),
        ItemKind::Project | ItemKind::Milestone
    )
    .then(|| NavTarget::new(model, def))
}

/// The items that depend on `def`.
pub fn incoming_calls(model: &Model, analysis: &Analysis, def: DefId) -> Vec<Call> {
    calls(model, dependents(analysis, def))
}

/// The items `def` depends on.
pub fn outgoing_calls(model: &Model, analysis: &Analysis, def: DefId) -> Vec<Call> {
    calls(model, dependencies(analysis, def))
}

fn calls(model: &Model, ends: Vec<(DefId, Vec<FileSpan>)>) -> Vec<Call> {
    ends.into_iter()
        .map(|(other, from)| Call {
            target: NavTarget::new(model, other),
            from,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use super::*;
    use crate::ide::fixture::Fixture;

    fn check(fixture: &str, expect: Expect) {
        let fixture = Fixture::new(fixture);
        let (file, offset) = fixture.position();
        let Some(item) = prepare_call_hierarchy(&fixture.model, file, offset) else {
            expect.assert_eq("none");
            return;
        };
        let mut out = format!("{} at {}\n", item.name, fixture.render(item.focus));
        let directions = [
            (
                "incoming",
                incoming_calls(&fixture.model, &fixture.analysis, item.def),
            ),
            (
                "outgoing",
                outgoing_calls(&fixture.model, &fixture.analysis, item.def),
            ),
        ];
        for (direction, calls) in directions {
            for call in calls {
                out.push_str(&format!("{direction} {}\n", call.target.name));
                for from in call.from {
                    out.push_str(&format!("    {}\n", fixture.render(from)));
                }
            }
        }
        expect.assert_eq(&out);
    }

    #[test]
    fn dependents_come_in_and_dependencies_go_out() {
        check(
            r#"
            //- /apollo.pgm
            program apollo {
              project network { duration: 1w }
              project iam { depends_on: network, network ss duration: 1w }
              milestone launch { depends_on: i$0am }
            }
            //- /hermes.pgm
            program hermes {
              project portal { depends_on: apollo.iam +1w duration: 1w }
            }
            "#,
            expect![[r#"
                apollo.iam at /apollo.pgm 62..65 iam
                incoming apollo.launch
                    /apollo.pgm 148..151 iam
                incoming hermes.portal
                    /hermes.pgm 48..62 apollo.iam +1w
                outgoing apollo.network
                    /apollo.pgm 80..87 network
                    /apollo.pgm 89..99 network ss
            "#]],
        );
    }

    #[test]
    fn only_projects_and_milestones_take_part() {
        check("person al$0ice", expect!["none"]);
    }
}
