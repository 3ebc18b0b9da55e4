//! `deadline-missed`: a computed date after the date it is due.
//!
//! - a project that is neither done nor cancelled finishing after its `deadline`;
//! - a milestone falling after its `due` date;
//! - a benefit whose last delivering item still to be done finishes after its
//!   `realized_by` (a cancelled item is a `status-conflict` instead).

use crate::analysis::checks::{Context, is_settled, located};
use crate::base::{Code, Diagnostic};
use crate::model::{Def, DefData, DefId};

pub(super) fn check(cx: &Context<'_>, id: DefId, def: &Def, out: &mut Vec<Diagnostic>) {
    let name = def.qualified_name();
    match &def.data {
        DefData::Project(project) => {
            let (Some(deadline), Some(dates)) = (project.deadline, cx.schedule.dates(id)) else {
                return;
            };
            if !is_settled(project) && dates.earliest_finish > deadline.value {
                let message = format!(
                    "`{name}` finishes on {} at the earliest, after its deadline {}",
                    dates.earliest_finish, deadline.value
                );
                out.push(Diagnostic::new(
                    Code::DeadlineMissed,
                    located(def, deadline.span),
                    message,
                ));
            }
        }
        DefData::Milestone(milestone) => {
            let (Some(due), Some(dates)) = (milestone.due, cx.schedule.dates(id)) else {
                return;
            };
            if dates.earliest_finish > due.value {
                let message = format!(
                    "milestone `{name}` falls on {} at the earliest, after it is due on {}",
                    dates.earliest_finish, due.value
                );
                out.push(Diagnostic::new(
                    Code::DeadlineMissed,
                    located(def, due.span),
                    message,
                ));
            }
        }
        DefData::Benefit(benefit) => {
            let Some(realized_by) = benefit.realized_by else {
                return;
            };
            let last_delivery = benefit
                .delivered_by
                .iter()
                .filter_map(|&reference| cx.model.target(reference))
                .filter(|&item| !cx.project(item).is_some_and(is_settled))
                .filter_map(|item| Some((cx.schedule.dates(item)?.earliest_finish, item)))
                .max();
            let Some((finish, item)) = last_delivery else {
                return;
            };
            if finish > realized_by.value {
                let item_name = cx.name(item);
                let message = format!(
                    "benefit `{name}` is to be realized by {}, but `{item_name}`, which delivers it, finishes on {finish}",
                    realized_by.value
                );
                let related = format!("`{item_name}` finishes on {finish}");
                out.push(
                    Diagnostic::new(
                        Code::DeadlineMissed,
                        located(def, realized_by.span),
                        message,
                    )
                    .with_related(cx.model.def(item).name_location(), related),
                );
            }
        }
        _ => {}
    }
}
