//! `date-conflict`: dates that cannot all hold.
//!
//! - a committed `start` earlier than the dependencies allow (the scheduler
//!   finds these and schedules from the later date);
//! - a project whose `end` comes before its `start`;
//! - a project with `end` and no `start` whose dependencies, window or
//!   today let it start only after that `end` (the scheduler then gives it
//!   one day from the computed start, past the `end`);
//! - a program `window` or a holiday range that ends before it starts.

use jiff::civil::Date;

use crate::analysis::checks::{Context, located};
use crate::base::{Code, Diagnostic};
use crate::model::{DateRange, Def, DefData, DefId, Spanned};

pub(super) fn check(cx: &Context<'_>, id: DefId, def: &Def, out: &mut Vec<Diagnostic>) {
    match &def.data {
        DefData::Project(project) => match (project.start, project.end) {
            (Some(start), Some(end)) => end_before_start(def, start, end, out),
            (None, Some(end)) => {
                if let Some(dates) = cx.schedule.dates(id) {
                    end_before_computed_start(def, end, dates.earliest_start, out);
                }
            }
            _ => {}
        },
        DefData::Program(program) => {
            if let Some(window) = program.window {
                let what = format!("the `window` of program `{}`", def.qualified_name());
                inverted_range(def, &what, window, out);
            }
        }
        DefData::Calendar(calendar) => {
            for &holidays in &calendar.holidays {
                inverted_range(def, "the holiday range", holidays, out);
            }
        }
        _ => {}
    }
}

/// The committed starts the scheduler found earlier than the dependencies
/// allow.
pub(super) fn check_start_conflicts(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for conflict in &cx.schedule.start_conflicts {
        let def = cx.model.def(conflict.project);
        let at = cx
            .project(conflict.project)
            .and_then(|project| project.start)
            .map_or(def.name_location(), |start| located(def, start.span));
        let edge = cx.graph.edge(conflict.edge);
        let predecessor = cx.name(edge.predecessor);
        let message = format!(
            "`{}` is committed to start on {}, but its dependency on `{predecessor}` lets it start on {} at the earliest; it is scheduled from {}",
            def.qualified_name(),
            conflict.committed,
            conflict.allowed,
            conflict.allowed
        );
        let related = format!(
            "the dependency on `{predecessor}` that pushes the start to {}",
            conflict.allowed
        );
        out.push(Diagnostic::new(Code::DateConflict, at, message).with_related(edge.at, related));
    }
}

fn end_before_start(
    def: &Def,
    start: Spanned<Date>,
    end: Spanned<Date>,
    out: &mut Vec<Diagnostic>,
) {
    if end.value < start.value {
        let name = def.qualified_name();
        let message = format!(
            "`{name}` ends on {}, before it starts on {}",
            end.value, start.value
        );
        let related = format!("`{name}` starts on {} here", start.value);
        out.push(
            Diagnostic::new(Code::DateConflict, located(def, end.span), message)
                .with_related(located(def, start.span), related),
        );
    }
}

fn end_before_computed_start(
    def: &Def,
    end: Spanned<Date>,
    start: Date,
    out: &mut Vec<Diagnostic>,
) {
    if end.value < start {
        let message = format!(
            "`{}` is to end on {}, but it can start on {start} at the earliest",
            def.qualified_name(),
            end.value
        );
        out.push(Diagnostic::new(
            Code::DateConflict,
            located(def, end.span),
            message,
        ));
    }
}

fn inverted_range(def: &Def, what: &str, range: Spanned<DateRange>, out: &mut Vec<Diagnostic>) {
    let DateRange { first, last } = range.value;
    if last < first {
        let message = format!("{what} ends on {last}, before it starts on {first}");
        out.push(Diagnostic::new(
            Code::DateConflict,
            located(def, range.span),
            message,
        ));
    }
}
