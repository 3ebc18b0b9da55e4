//! The programs of a model with their scheduled items, as the schedule,
//! the export formats and their JSON all walk them.

use serde::Serialize;

use crate::analysis::{ItemDates, Schedule};
use crate::model::{Def, DefData, DefId, Model, Program};
use crate::syntax::ast::ItemKind;

/// The programs in the order they are defined.
pub fn programs(model: &Model) -> impl Iterator<Item = (&Def, &Program)> {
    model.defs.iter().filter_map(|def| match &def.data {
        DefData::Program(program) => Some((&**def, program)),
        _ => None,
    })
}

/// The projects and milestones of a program, in text order.
pub fn scheduled_items<'m>(
    model: &'m Model,
    program: &'m Program,
) -> impl Iterator<Item = DefId> + 'm {
    program.children.iter().copied().filter(|&child| {
        matches!(
            model.def(child).kind(),
            ItemKind::Project | ItemKind::Milestone
        )
    })
}

/// An item's computed dates; all `null` for an item caught in a cycle.
#[derive(Serialize, Clone, PartialEq, Eq, Debug)]
pub struct DatesJson {
    pub earliest_start: Option<String>,
    pub earliest_finish: Option<String>,
    pub latest_start: Option<String>,
    pub latest_finish: Option<String>,
    pub slack_days: Option<i32>,
    pub critical: bool,
}

impl DatesJson {
    pub fn of(schedule: &Schedule, item: DefId) -> DatesJson {
        let dates: Option<&ItemDates> = schedule.dates(item);
        let date = |pick: fn(&ItemDates) -> jiff::civil::Date| dates.map(|d| pick(d).to_string());
        DatesJson {
            earliest_start: date(|d| d.earliest_start),
            earliest_finish: date(|d| d.earliest_finish),
            latest_start: date(|d| d.latest_start),
            latest_finish: date(|d| d.latest_finish),
            slack_days: dates.map(|d| d.slack),
            critical: dates.is_some_and(|d| d.critical),
        }
    }
}
