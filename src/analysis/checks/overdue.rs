//! `overdue`: work not done whose computed finish has passed.
//!
//! - a project neither `done` nor `cancelled` whose earliest finish is
//!   before today;
//! - a milestone whose date is before today while something it depends on is
//!   unfinished (a milestone has no status of its own: it is reached when
//!   everything it depends on is finished, so one without dependencies is
//!   never overdue).

use crate::analysis::checks::{Context, is_settled};
use crate::base::{Code, Diagnostic};
use crate::model::{Def, DefData, DefId};

pub(super) fn check(cx: &Context<'_>, id: DefId, def: &Def, out: &mut Vec<Diagnostic>) {
    let today = cx.options.today;
    let finished = cx.finished_items();
    let Some(dates) = cx
        .schedule
        .dates(id)
        .filter(|dates| dates.earliest_finish < today)
    else {
        return;
    };
    let finish = dates.earliest_finish;
    let name = def.qualified_name();
    match &def.data {
        DefData::Project(project) => {
            if is_settled(project) {
                return;
            }
            let message = format!(
                "`{name}` was due to finish on {finish}, before today ({today}), but is `{}`",
                project.status().keyword()
            );
            out.push(Diagnostic::new(Code::Overdue, def.name_location(), message));
        }
        DefData::Milestone(_) if !finished[id.index()] => {
            let unfinished: Vec<_> = cx
                .graph
                .predecessors(id)
                .iter()
                .map(|&edge| cx.graph.edge(edge).predecessor)
                .filter(|predecessor| !finished[predecessor.index()])
                .collect();
            let names: Vec<String> = unfinished
                .iter()
                .map(|&item| format!("`{}`", cx.name(item)))
                .collect();
            let message = format!(
                "milestone `{name}` fell on {finish}, before today ({today}), but {} not finished",
                if names.len() == 1 {
                    format!("{} is", names[0])
                } else {
                    format!("{} are", names.join(", "))
                }
            );
            let mut diagnostic = Diagnostic::new(Code::Overdue, def.name_location(), message);
            for item in unfinished {
                let related = format!("`{}` is not finished", cx.name(item));
                diagnostic = diagnostic.with_related(cx.model.def(item).name_location(), related);
            }
            out.push(diagnostic);
        }
        _ => {}
    }
}
