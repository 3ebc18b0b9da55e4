//! `pgm schedule`: every project's and milestone's computed dates.

use std::io::{self, Write};

use clap::ValueEnum;
use serde::Serialize;

use crate::cli::load::Loaded;
use crate::cli::plan::{self, DatesJson};
use crate::model::{Def, QualifiedName};

#[derive(ValueEnum, Clone, Copy, PartialEq, Eq, Debug)]
pub enum ScheduleFormat {
    /// A table per program
    Table,
    /// One JSON object listing every item
    Json,
}

pub fn run(loaded: &Loaded, format: ScheduleFormat, out: &mut dyn Write) -> io::Result<()> {
    match format {
        ScheduleFormat::Table => write_tables(loaded, out),
        ScheduleFormat::Json => write_json(loaded, out),
    }
}

#[derive(Serialize)]
struct ScheduleJson<'a> {
    items: Vec<ItemJson<'a>>,
}

#[derive(Serialize)]
struct ItemJson<'a> {
    id: QualifiedName<'a>,
    kind: &'static str,
    title: Option<&'a str>,
    #[serde(flatten)]
    dates: DatesJson,
}

fn write_json(loaded: &Loaded, out: &mut dyn Write) -> io::Result<()> {
    let model = &loaded.model;
    let items = plan::programs(model)
        .flat_map(|(_, program)| plan::scheduled_items(model, program))
        .map(|item| {
            let def = model.def(item);
            ItemJson {
                id: def.qualified_name(),
                kind: def.kind().keyword(),
                title: def.title.as_deref(),
                dates: DatesJson::of(&loaded.analysis.schedule, item),
            }
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &ScheduleJson { items })?;
    writeln!(out)
}

const HEADINGS: [&str; 8] = [
    "id",
    "start",
    "finish",
    "latest start",
    "latest finish",
    "slack",
    "critical",
    "title",
];

/// Shown for dates that could not be computed (items in a cycle).
const UNSCHEDULED: &str = "-";

fn write_tables(loaded: &Loaded, out: &mut dyn Write) -> io::Result<()> {
    let model = &loaded.model;
    for (index, (def, program)) in plan::programs(model).enumerate() {
        if index > 0 {
            writeln!(out)?;
        }
        match &def.title {
            Some(title) => writeln!(out, "{} — {title}", def.qualified_name())?,
            None => writeln!(out, "{}", def.qualified_name())?,
        }
        let rows: Vec<[String; 8]> = plan::scheduled_items(model, program)
            .map(|item| {
                row(
                    model.def(item),
                    &DatesJson::of(&loaded.analysis.schedule, item),
                )
            })
            .collect();
        if rows.is_empty() {
            writeln!(out, "  (no projects or milestones)")?;
        } else {
            write_table(&rows, out)?;
        }
    }
    Ok(())
}

fn row(def: &Def, dates: &DatesJson) -> [String; 8] {
    let shown = |date: &Option<String>| date.clone().unwrap_or_else(|| UNSCHEDULED.to_string());
    [
        def.qualified_name().to_string(),
        shown(&dates.earliest_start),
        shown(&dates.earliest_finish),
        shown(&dates.latest_start),
        shown(&dates.latest_finish),
        dates
            .slack_days
            .map_or_else(|| UNSCHEDULED.to_string(), |slack| slack.to_string()),
        if dates.critical { "*" } else { "" }.to_string(),
        def.title.as_deref().unwrap_or_default().to_string(),
    ]
}

/// Columns as wide as their widest cell, two spaces apart; the slack
/// right-aligned, the last column unpadded.
fn write_table(rows: &[[String; 8]], out: &mut dyn Write) -> io::Result<()> {
    let mut widths = HEADINGS.map(|heading| heading.chars().count());
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let headings = HEADINGS.map(str::to_string);
    for cells in std::iter::once(&headings).chain(rows) {
        let mut line = String::new();
        for (column, (cell, width)) in cells.iter().zip(widths).enumerate() {
            line.push_str("  ");
            if column == SLACK_COLUMN {
                line.push_str(&format!("{cell:>width$}"));
            } else {
                line.push_str(&format!("{cell:<width$}"));
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

const SLACK_COLUMN: usize = 5;
