//! `outside-window`: a project or milestone scheduled before its program's
//! `window` opens or after it closes. Cancelled projects are left alone, and
//! so is a window that ends before it starts (a `date-conflict` already).

use crate::analysis::checks::{Context, located};
use crate::base::{Code, Diagnostic};
use crate::model::{Def, DefData, DefId, ProjectStatus};
use crate::syntax::ast::ItemKind;

pub(super) fn check(cx: &Context<'_>, id: DefId, def: &Def, out: &mut Vec<Diagnostic>) {
    let cancelled = match &def.data {
        DefData::Project(project) => project.status() == ProjectStatus::Cancelled,
        DefData::Milestone(_) => false,
        _ => return,
    };
    let (Some(program_id), Some(dates)) = (def.program, cx.schedule.dates(id)) else {
        return;
    };
    let program = cx.model.def(program_id);
    let DefData::Program(data) = &program.data else {
        return;
    };
    let Some(window) = data.window else {
        return;
    };
    let (open, close) = (window.value.first, window.value.last);
    if cancelled || close < open {
        return;
    }
    let (start, finish) = (dates.earliest_start, dates.earliest_finish);
    let (early, late) = (start < open, finish > close);
    if !early && !late {
        return;
    }
    let window_name = format!("the window of program `{}`", program.qualified_name());
    let name = def.qualified_name();
    let message = match (early, late) {
        _ if def.kind() == ItemKind::Milestone => {
            let side = if early {
                format!("before {window_name} opens on {open}")
            } else {
                format!("after {window_name} closes on {close}")
            };
            format!("milestone `{name}` falls on {start}, {side}")
        }
        (true, false) => format!(
            "`{name}` is scheduled to start on {start}, before {window_name} opens on {open}"
        ),
        (false, true) => format!(
            "`{name}` is scheduled to finish on {finish}, after {window_name} closes on {close}"
        ),
        _ => format!(
            "`{name}` is scheduled from {start} to {finish}, beyond both ends of {window_name}, {open} to {close}"
        ),
    };
    let related = format!("{window_name}, {open} to {close}");
    out.push(
        Diagnostic::new(Code::OutsideWindow, def.name_location(), message)
            .with_related(located(program, window.span), related),
    );
}
