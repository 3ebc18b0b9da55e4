//! A Mermaid gantt chart: a section per program, a bar per project, a
//! diamond per milestone, the critical path marked.

use std::io::{self, Write};

use jiff::ToSpan;

use crate::analysis::Analysis;
use crate::cli::plan;
use crate::model::{DefData, Model, ProjectStatus};
use crate::syntax::ast::ItemKind;

pub fn write(model: &Model, analysis: &Analysis, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "gantt")?;
    writeln!(out, "    dateFormat YYYY-MM-DD")?;
    writeln!(out, "    excludes weekends")?;
    for (program_def, program) in plan::programs(model) {
        writeln!(out, "    section {}", text(&program_def.label()))?;
        for item in plan::scheduled_items(model, program) {
            let def = model.def(item);
            let Some(dates) = analysis.schedule.dates(item) else {
                writeln!(
                    out,
                    "    %% {} is not scheduled: it is caught in a dependency cycle",
                    def.qualified_name()
                )?;
                continue;
            };
            let mut tags = Vec::new();
            if let DefData::Project(project) = &def.data {
                match project.status.map(|status| status.value) {
                    Some(ProjectStatus::Done) => tags.push("done"),
                    Some(ProjectStatus::Active) => tags.push("active"),
                    _ => {}
                }
            }
            if dates.critical {
                tags.push("crit");
            }
            let timing = if def.kind() == ItemKind::Milestone {
                tags.push("milestone");
                format!("{}, 0d", dates.earliest_start)
            } else {
                // Mermaid's end date is exclusive; a finish is the last day of work.
                let end = dates
                    .earliest_finish
                    .checked_add(1.day())
                    .unwrap_or(dates.earliest_finish);
                format!("{}, {end}", dates.earliest_start)
            };
            tags.push(&timing);
            writeln!(out, "    {} :{}", text(&def.label()), tags.join(", "))?;
        }
    }
    Ok(())
}

/// Text Mermaid reads as plain words: its separators and comment signs,
/// and line breaks, would end the name early.
fn text(words: &str) -> String {
    words
        .chars()
        .map(|ch| match ch {
            ':' | ';' | '#' | '%' | '\n' | '\r' => ' ',
            _ => ch,
        })
        .collect()
}
