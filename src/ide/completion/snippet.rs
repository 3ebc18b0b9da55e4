//! Snippets for new items, in the snippet syntax of the language server
//! protocol (`${1:name}`, `${2|low,medium,high|}`), with a placeholder of
//! the right shape for each property they start with.

use crate::model::RefRole;
use crate::model::schema::{self, Shape};
use crate::syntax::ast::ItemKind;

/// The properties a new item of `kind` starts with: what it needs to be
/// scheduled and checked without complaint.
fn starting_keys(kind: ItemKind) -> &'static [&'static str] {
    match kind {
        ItemKind::Calendar => &["holidays"],
        ItemKind::Person => &[],
        ItemKind::Team => &["capacity", "members"],
        ItemKind::Program => &["owner", "objective"],
        ItemKind::Project => &["owner", "duration"],
        ItemKind::Milestone => &["depends_on", "due"],
        ItemKind::Risk => &["likelihood", "impact", "affects", "owner", "mitigation"],
        ItemKind::Stakeholder => &["power", "interest", "contact"],
        ItemKind::Benefit => &["owner", "delivered_by", "realized_by", "metric"],
    }
}

/// Numbers the tab stops of one snippet.
struct TabStops {
    next: usize,
}

impl TabStops {
    fn take(&mut self) -> usize {
        self.next += 1;
        self.next - 1
    }

    fn stop(&mut self, default: &str) -> String {
        let n = self.take();
        match default {
            "" => format!("${{{n}}}"),
            _ => format!("${{{n}:{default}}}"),
        }
    }

    fn choice(&mut self, options: &[&str]) -> String {
        let n = self.take();
        format!("${{{n}|{}|}}", options.join(","))
    }
}

/// `project ${1:name} "${2:Title}" {`, one line per starting property, `}`.
pub(super) fn item_snippet(kind: ItemKind) -> String {
    let mut stops = TabStops { next: 1 };
    let mut text = kind.keyword().to_string();
    if kind.is_named() {
        let name = stops.stop("name");
        let title = stops.stop("Title");
        text.push_str(&format!(" {name} \"{title}\""));
    }
    let schema = schema::item(kind);
    let properties: Vec<_> = starting_keys(kind)
        .iter()
        .filter_map(|&key| schema.property(key))
        .collect();
    if properties.is_empty() {
        return text;
    }
    text.push_str(" {\n");
    for property in properties {
        let value = placeholder(property.shape, &mut stops);
        text.push_str(&format!("  {}: {value}\n", property.key));
    }
    text.push('}');
    text
}

/// A value of the shape, its parts made tab stops.
fn placeholder(shape: Shape, stops: &mut TabStops) -> String {
    let kind_of = |role: RefRole| role.accepts().first().map_or("name", |kind| kind.keyword());
    match shape {
        Shape::Reference(role, _) | Shape::References(role, _) => stops.stop(kind_of(role)),
        Shape::Dependencies(_) => stops.stop("project"),
        Shape::Allocations(_) => {
            let resource = stops.stop("team");
            let amount = stops.stop("1");
            format!("{resource} {amount}")
        }
        Shape::Date(_) | Shape::Holidays(_) => stops.stop("YYYY-MM-DD"),
        Shape::DateRange(_) => {
            let first = stops.stop("YYYY-MM-DD");
            let last = stops.stop("YYYY-MM-DD");
            format!("{first} .. {last}")
        }
        Shape::Duration(_) => stops.stop("2w"),
        Shape::Integer { min, max, .. } => {
            let options: Vec<String> = (min..=max).map(|n| n.to_string()).collect();
            let options: Vec<&str> = options.iter().map(String::as_str).collect();
            stops.choice(&options)
        }
        Shape::Number { .. } => stops.stop("1"),
        Shape::Percent(_) => format!("{}%", stops.stop("0")),
        Shape::Text(_) => format!("\"{}\"", stops.stop("")),
        Shape::ProjectStatus(_) | Shape::RiskStatus(_) | Shape::Level(_) => {
            stops.choice(shape.keywords())
        }
    }
}

/// A date to fill in, or a range of two.
pub(super) fn date_snippet(range: bool) -> String {
    let mut stops = TabStops { next: 1 };
    let mut date = || {
        let year = stops.stop("YYYY");
        let month = stops.stop("MM");
        let day = stops.stop("DD");
        format!("{year}-{month}-{day}")
    };
    match range {
        true => {
            let first = date();
            format!("{first} .. {}", date())
        }
        false => date(),
    }
}
