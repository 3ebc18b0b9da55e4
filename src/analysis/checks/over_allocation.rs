//! `over-allocation`: a person or team needed beyond capacity, one
//! diagnostic per maximal run of over-allocated working days.

use crate::analysis::ResourceLoad;
use crate::analysis::checks::{Context, format_days, format_number, format_people, located};
use crate::analysis::loads::amount_in_people;
use crate::base::{Code, Diagnostic};
use crate::model::{Amount, DefData};

pub(in crate::analysis) fn check(
    cx: &Context<'_>,
    loads: &[ResourceLoad],
    out: &mut Vec<Diagnostic>,
) {
    for load in loads {
        let resource = cx.model.def(load.resource);
        for overload in load.overloads() {
            let projects: Vec<String> = overload
                .projects
                .iter()
                .map(|&project| format!("`{}`", cx.name(project)))
                .collect();
            let days = format_days(overload.first, overload.last);
            let message = format!(
                "{} `{}` (capacity {}) is over-allocated {days}, peak {}: {}",
                resource.kind().keyword(),
                resource.qualified_name(),
                format_number(load.capacity),
                format_people(overload.peak),
                projects.join(", ")
            );
            let mut diagnostic =
                Diagnostic::new(Code::OverAllocation, resource.name_location(), message);
            for &(project_id, entry) in &overload.allocations {
                let project = cx.model.def(project_id);
                let DefData::Project(data) = &project.data else {
                    continue;
                };
                let (Some(allocation), Some(dates)) =
                    (data.allocate.get(entry), cx.schedule.dates(project_id))
                else {
                    continue;
                };
                let amount = match allocation.amount.value {
                    Amount::People(people) => format_people(people),
                    Amount::Percent(percent) => format!(
                        "{}% ({})",
                        format_number(percent),
                        format_people(amount_in_people(allocation.amount.value, load.capacity))
                    ),
                };
                let related = format!(
                    "`{}` needs {amount} of `{}` {}",
                    project.qualified_name(),
                    resource.qualified_name(),
                    format_days(dates.earliest_start, dates.earliest_finish)
                );
                diagnostic = diagnostic.with_related(located(project, allocation.span), related);
            }
            out.push(diagnostic);
        }
    }
}
