//! The one table of what each kind of item takes: its properties, the shape
//! of their values, where lowering stores them, and the documentation that
//! hovers and completion show. Lowering reads keys only from here.

use jiff::civil::Date;
use smol_str::SmolStr;

use crate::base::same_text;
use crate::model::def::{
    Allocation, DateRange, Def, DefData, Dependency, DependencyKind, Level, ProjectStatus, RefId,
    RefRole, RiskStatus, Spanned,
};
use crate::syntax::ast::ItemKind;

/// Where lowering stores a property's value in a definition of the kind the
/// property belongs to.
pub type Field<T> = fn(&mut Def) -> Option<&mut T>;

/// What a property's values must look like, and the field that receives them.
#[derive(Clone, Copy, Debug)]
pub enum Shape {
    /// One name of a definition the role accepts.
    Reference(RefRole, Field<Option<RefId>>),
    /// A list of names of definitions the role accepts.
    References(RefRole, Field<Vec<RefId>>),
    Date(Field<Option<Spanned<Date>>>),
    /// `first .. last`, stored as written.
    DateRange(Field<Option<Spanned<DateRange>>>),
    /// A list of dates and date ranges; a date is a one-day range.
    Holidays(Field<Vec<Spanned<DateRange>>>),
    /// At least one working day: `30d`, or weeks of five working days, `6w`.
    Duration(Field<Option<Spanned<u32>>>),
    /// A whole number from `min` to `max`.
    Integer {
        min: u8,
        max: u8,
        field: Field<Option<Spanned<u8>>>,
    },
    /// Any number, or one greater than zero when `positive`.
    Number {
        positive: bool,
        field: Field<Option<Spanned<f64>>>,
    },
    /// A percentage from 0% to 100%.
    Percent(Field<Option<Spanned<f64>>>),
    /// A quoted string.
    Text(Field<Option<SmolStr>>),
    ProjectStatus(Field<Option<Spanned<ProjectStatus>>>),
    RiskStatus(Field<Option<Spanned<RiskStatus>>>),
    Level(Field<Option<Spanned<Level>>>),
    /// Entries `target [fs|ss|ff|sf] [lag]`.
    Dependencies(Field<Vec<Dependency>>),
    /// Entries `resource amount`.
    Allocations(Field<Vec<Allocation>>),
}

impl Shape {
    /// Whether the property takes a comma-separated list rather than one value.
    pub fn is_list(self) -> bool {
        matches!(
            self,
            Shape::References(..)
                | Shape::Holidays(_)
                | Shape::Dependencies(_)
                | Shape::Allocations(_)
        )
    }

    /// The role of the names the property holds, if it holds any.
    pub fn role(self) -> Option<RefRole> {
        match self {
            Shape::Reference(role, _) | Shape::References(role, _) => Some(role),
            Shape::Dependencies(_) => Some(RefRole::DependsOn),
            Shape::Allocations(_) => Some(RefRole::Allocate),
            _ => None,
        }
    }

    /// The keywords of an enumeration, or of a dependency's type; empty otherwise.
    pub fn keywords(self) -> &'static [&'static str] {
        match self {
            Shape::ProjectStatus(_) => ProjectStatus::KEYWORDS,
            Shape::RiskStatus(_) => RiskStatus::KEYWORDS,
            Shape::Level(_) => Level::KEYWORDS,
            Shape::Dependencies(_) => DEPENDENCY_KIND_KEYWORDS,
            _ => &[],
        }
    }

    /// What the value must be, in words, for messages and hovers.
    pub fn expected(self) -> String {
        match self {
            Shape::Reference(role, _) => {
                format!("the name of {}", kinds_in_words(role.accepts(), false))
            }
            Shape::References(role, _) => {
                format!("names of {}", kinds_in_words(role.accepts(), true))
            }
            Shape::Date(_) => "a date such as 2027-01-04".into(),
            Shape::DateRange(_) => "a date range such as 2027-01-04 .. 2027-12-17".into(),
            Shape::Holidays(_) => "dates and date ranges such as 2027-12-24 .. 2027-12-31".into(),
            Shape::Duration(_) => "a duration in working days or weeks, such as 30d or 6w".into(),
            Shape::Integer { min, max, .. } => format!("a whole number from {min} to {max}"),
            Shape::Number { positive: true, .. } => "a number greater than 0".into(),
            Shape::Number {
                positive: false, ..
            } => "a number".into(),
            Shape::Percent(_) => "a percentage from 0% to 100%".into(),
            Shape::Text(_) => "a quoted string".into(),
            Shape::ProjectStatus(_) | Shape::RiskStatus(_) | Shape::Level(_) => {
                format!("one of {}", self.keywords().join(", "))
            }
            Shape::Dependencies(_) => format!(
                "{}, each with an optional type ({}) and lag (+1w, -2d)",
                kinds_in_words(RefRole::DependsOn.accepts(), true),
                join_words(DEPENDENCY_KIND_KEYWORDS, " or ")
            ),
            Shape::Allocations(_) => format!(
                "{}, each with an amount: people (2) or a share of capacity (50%)",
                kinds_in_words(RefRole::Allocate.accepts(), true)
            ),
        }
    }
}

/// `fs`, `ss`, `ff` and `sf`, in the order of `DependencyKind::ALL`.
pub(crate) const DEPENDENCY_KIND_KEYWORDS: &[&str] = &{
    let mut keywords = [""; DependencyKind::ALL.len()];
    let mut index = 0;
    while index < keywords.len() {
        keywords[index] = DependencyKind::ALL[index].keyword();
        index += 1;
    }
    keywords
};

/// What a reference in `role` may name, in words: `a person` where the
/// property takes one name, `projects and milestones` where it takes a list.
pub fn role_takes(role: RefRole) -> String {
    let single = ITEMS
        .iter()
        .flat_map(|item| item.properties)
        .any(|property| matches!(property.shape, Shape::Reference(r, _) if r == role));
    kinds_in_words(role.accepts(), !single)
}

/// `a person or team` in the singular, `persons and teams` in the plural.
fn kinds_in_words(kinds: &[ItemKind], plural: bool) -> String {
    let words: Vec<&str> = kinds
        .iter()
        .map(|&kind| {
            if plural {
                plural_of(kind)
            } else {
                kind.keyword()
            }
        })
        .collect();
    let (article, conjunction) = if plural {
        ("", " and ")
    } else {
        ("a ", " or ")
    };
    format!("{article}{}", join_words(&words, conjunction))
}

/// `a, b and c`, with the conjunction given.
pub(crate) fn join_words(words: &[&str], conjunction: &str) -> String {
    match words.split_last() {
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{}{conjunction}{last}", rest.join(", ")),
        None => String::new(),
    }
}

fn plural_of(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Calendar => "calendars",
        ItemKind::Person => "persons",
        ItemKind::Team => "teams",
        ItemKind::Program => "programs",
        ItemKind::Project => "projects",
        ItemKind::Milestone => "milestones",
        ItemKind::Risk => "risks",
        ItemKind::Stakeholder => "stakeholders",
        ItemKind::Benefit => "benefits",
    }
}

#[derive(Debug)]
pub struct PropertySchema {
    pub key: &'static str,
    /// One paragraph, shown on hover and beside completions.
    pub doc: &'static str,
    pub shape: Shape,
    /// Keys that may not stand beside this one in one item.
    pub excludes: &'static [&'static str],
}

#[derive(Debug)]
pub struct ItemSchema {
    pub kind: ItemKind,
    /// One paragraph on the item keyword.
    pub doc: &'static str,
    pub properties: &'static [PropertySchema],
}

impl ItemSchema {
    pub fn property(&self, key: &str) -> Option<&'static PropertySchema> {
        self.position(key)
            .map(|position| &self.properties[position])
    }

    /// The place of a property among the kind's properties. Keys are
    /// compared in place, from the first letter, in which keys of one length
    /// mostly differ: comparing whole keys of the same length was a
    /// twentieth of lowering.
    pub fn position(&self, key: &str) -> Option<usize> {
        self.properties
            .iter()
            .position(|property| same_text(property.key, key))
    }

    pub fn keys(&self) -> impl Iterator<Item = &'static str> + use<> {
        self.properties.iter().map(|property| property.key)
    }
}

/// The schema of an item kind.
pub fn item(kind: ItemKind) -> &'static ItemSchema {
    &ITEMS[kind as usize]
}

/// A field of one variant of `DefData`, or one of `Def` itself.
macro_rules! field {
    ($variant:ident . $name:ident) => {
        |def: &mut Def| match &mut def.data {
            DefData::$variant(data) => Some(&mut data.$name),
            _ => None,
        }
    };
    ($name:ident) => {
        |def: &mut Def| Some(&mut def.$name)
    };
}

macro_rules! property {
    ($key:literal, $shape:expr, $doc:literal) => {
        property!($key, $shape, $doc, [])
    };
    ($key:literal, $shape:expr, $doc:literal, [$($excluded:literal),*]) => {
        PropertySchema {
            key: $key,
            doc: $doc,
            shape: $shape,
            excludes: &[$($excluded),*],
        }
    };
}

const DESCRIPTION: PropertySchema = property!(
    "description",
    Shape::Text(field!(description)),
    "A longer description in prose, shown on hover."
);

/// In the order of `ItemKind::ALL`, so that `item` can index it.
pub static ITEMS: [ItemSchema; 9] = [
    ItemSchema {
        kind: ItemKind::Calendar,
        doc: "The working calendar of the whole workspace. Working days are Monday to Friday; \
              `holidays` takes further days off. A calendar has no name, and the holidays of \
              every calendar block in the workspace add up.",
        properties: &[property!(
            "holidays",
            Shape::Holidays(field!(Calendar.holidays)),
            "Days on which nobody works: single dates and inclusive date ranges, such as \
             `2027-05-31, 2027-12-24 .. 2027-12-31`. Scheduling skips them like weekends."
        )],
    },
    ItemSchema {
        kind: ItemKind::Person,
        doc: "A person who can own items, belong to teams, be allocated to projects and be a \
              stakeholder's contact. A person is one full-time resource: capacity 1.",
        properties: &[
            property!(
                "role",
                Shape::Text(field!(Person.role)),
                "The person's role or job title, as a quoted string."
            ),
            property!(
                "email",
                Shape::Text(field!(Person.email)),
                "How to reach the person, as a quoted string."
            ),
        ],
    },
    ItemSchema {
        kind: ItemKind::Team,
        doc: "A group of people allocated as one resource. Projects allocate a number of its \
              people (`backend 2`) or a share of its capacity (`backend 50%`).",
        properties: &[
            property!(
                "capacity",
                Shape::Number {
                    positive: true,
                    field: field!(Team.capacity),
                },
                "How many full-time people the team provides, a number greater than 0. Without \
                 it the team counts as many people as it has members. Allocations beyond it \
                 are over-allocation."
            ),
            property!(
                "members",
                Shape::References(RefRole::Members, field!(Team.members)),
                "The persons in the team, by name: `members: alice, bob`."
            ),
        ],
    },
    ItemSchema {
        kind: ItemKind::Program,
        doc: "A program: projects, milestones, risks, stakeholders and benefits that pursue one \
              objective. Names defined inside a program belong to it; inside, a bare name \
              means an item of the program first, then a top-level person or team, and other \
              programs reach its items as `program.item`.",
        properties: &[
            property!(
                "owner",
                Shape::Reference(RefRole::Owner, field!(Program.owner)),
                "The person accountable for the program."
            ),
            property!(
                "objective",
                Shape::Text(field!(Program.objective)),
                "What the program must achieve, as a quoted string."
            ),
            property!(
                "window",
                Shape::DateRange(field!(Program.window)),
                "The dates within which the program's work must happen, `first .. last`. \
                 Projects without a `start` begin no earlier than its first day; work \
                 scheduled outside it is reported."
            ),
            DESCRIPTION,
        ],
    },
    ItemSchema {
        kind: ItemKind::Project,
        doc: "A piece of work with a duration, scheduled after its dependencies and staffed by \
              its allocations. Give it a `duration` or an `end`; without a `start` it begins as \
              early as its dependencies and its program's window allow.",
        properties: &[
            property!(
                "owner",
                Shape::Reference(RefRole::Owner, field!(Project.owner)),
                "The person accountable for the project."
            ),
            property!(
                "start",
                Shape::Date(field!(Project.start)),
                "The date the project is committed to start. When its dependencies allow it \
                 only later, that is a date conflict and the project is scheduled from the \
                 later date."
            ),
            property!(
                "end",
                Shape::Date(field!(Project.end)),
                "The last working day of the project, instead of a `duration`.",
                ["duration"]
            ),
            property!(
                "duration",
                Shape::Duration(field!(Project.duration)),
                "How long the work takes, in working days (`30d`) or weeks of five working \
                 days (`6w`), instead of an `end`.",
                ["end"]
            ),
            property!(
                "deadline",
                Shape::Date(field!(Project.deadline)),
                "The date by which the project must finish; a later computed finish is \
                 reported, and the latest dates are computed back from it."
            ),
            property!(
                "depends_on",
                Shape::Dependencies(field!(Project.depends_on)),
                "The projects and milestones this one waits for. Each entry may add a type, \
                 `fs` (finish-to-start, the default), `ss`, `ff` or `sf`, and a lag in working \
                 days or weeks, positive or negative: `depends_on: iam +1w, network ss`."
            ),
            property!(
                "allocate",
                Shape::Allocations(field!(Project.allocate)),
                "The persons and teams working on the project while it runs, each with an \
                 amount: a number of people (`backend 2`) or a share of the resource's \
                 capacity (`carol 50%`)."
            ),
            property!(
                "status",
                Shape::ProjectStatus(field!(Project.status)),
                "Where the project stands: `planned` (the default), `active`, `blocked`, \
                 `done` or `cancelled`."
            ),
            property!(
                "progress",
                Shape::Percent(field!(Project.progress)),
                "How much of the work is done, from 0% to 100%."
            ),
            DESCRIPTION,
        ],
    },
    ItemSchema {
        kind: ItemKind::Milestone,
        doc: "A point in time that falls when the last of its dependencies allows. Compare it \
              with the date it is `due`.",
        properties: &[
            property!(
                "owner",
                Shape::Reference(RefRole::Owner, field!(Milestone.owner)),
                "The person accountable for reaching the milestone."
            ),
            property!(
                "depends_on",
                Shape::Dependencies(field!(Milestone.depends_on)),
                "The projects and milestones that must be reached first, each with an optional \
                 type (`fs`, `ss`, `ff`, `sf`) and lag (`+1w`, `-2d`)."
            ),
            property!(
                "due",
                Shape::Date(field!(Milestone.due)),
                "The date the milestone must be reached by; a later computed date is reported."
            ),
            DESCRIPTION,
        ],
    },
    ItemSchema {
        kind: ItemKind::Risk,
        doc: "Something that may go wrong. Its exposure is `likelihood` × `impact`, each from 1 \
              to 5; an open risk with a high exposure needs a `mitigation`.",
        properties: &[
            property!(
                "likelihood",
                Shape::Integer {
                    min: 1,
                    max: 5,
                    field: field!(Risk.likelihood),
                },
                "How likely the risk is to occur, from 1 (rare) to 5 (almost certain)."
            ),
            property!(
                "impact",
                Shape::Integer {
                    min: 1,
                    max: 5,
                    field: field!(Risk.impact),
                },
                "How bad it would be if the risk occurred, from 1 (minor) to 5 (severe)."
            ),
            property!(
                "affects",
                Shape::References(RefRole::Affects, field!(Risk.affects)),
                "The projects and milestones the risk threatens."
            ),
            property!(
                "owner",
                Shape::Reference(RefRole::Owner, field!(Risk.owner)),
                "The person who watches the risk and acts on it."
            ),
            property!(
                "mitigation",
                Shape::Text(field!(Risk.mitigation)),
                "What is done to make the risk less likely or less harmful, as a quoted string."
            ),
            property!(
                "status",
                Shape::RiskStatus(field!(Risk.status)),
                "Where the risk stands: `open` (the default), `mitigated`, `closed` or \
                 `occurred`."
            ),
            DESCRIPTION,
        ],
    },
    ItemSchema {
        kind: ItemKind::Stakeholder,
        doc: "A person or group with a stake in the program, placed on the power/interest grid \
              by its `power` and `interest`.",
        properties: &[
            property!(
                "power",
                Shape::Level(field!(Stakeholder.power)),
                "How much the stakeholder can influence the program: `low`, `medium` or `high`."
            ),
            property!(
                "interest",
                Shape::Level(field!(Stakeholder.interest)),
                "How much the program matters to the stakeholder: `low`, `medium` or `high`."
            ),
            property!(
                "contact",
                Shape::Reference(RefRole::Contact, field!(Stakeholder.contact)),
                "The person who keeps in touch with the stakeholder."
            ),
            DESCRIPTION,
        ],
    },
    ItemSchema {
        kind: ItemKind::Benefit,
        doc: "A measurable outcome the program must deliver: its `metric` moves from \
              `baseline` to `target` once the items that deliver it are done, by the \
              `realized_by` date.",
        properties: &[
            property!(
                "owner",
                Shape::Reference(RefRole::Owner, field!(Benefit.owner)),
                "The person accountable for realizing the benefit."
            ),
            property!(
                "delivered_by",
                Shape::References(RefRole::DeliveredBy, field!(Benefit.delivered_by)),
                "The projects and milestones that must be done for the benefit to be realized."
            ),
            property!(
                "realized_by",
                Shape::Date(field!(Benefit.realized_by)),
                "The date by which the benefit must be realized; a later finish of what \
                 delivers it is reported."
            ),
            property!(
                "metric",
                Shape::Text(field!(Benefit.metric)),
                "What is measured, as a quoted string."
            ),
            property!(
                "baseline",
                Shape::Number {
                    positive: false,
                    field: field!(Benefit.baseline),
                },
                "The metric's value before the program."
            ),
            property!(
                "target",
                Shape::Number {
                    positive: false,
                    field: field!(Benefit.target),
                },
                "The metric's value once the benefit is realized."
            ),
            DESCRIPTION,
        ],
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::{FileId, Span};
    use crate::model::def::WrittenKeys;
    use smol_str::SmolStr;

    #[test]
    fn the_table_is_in_item_kind_order() {
        for kind in ItemKind::ALL {
            assert_eq!(item(kind).kind, kind);
        }
    }

    #[test]
    fn every_field_belongs_to_its_item_kind() {
        for schema in &ITEMS {
            for property in schema.properties {
                let mut def = Def {
                    name: SmolStr::default(),
                    program_name: None,
                    title: None,
                    docs: None,
                    description: None,
                    file: FileId(0),
                    name_span: Span::default(),
                    span: Span::default(),
                    program: None,
                    written: WrittenKeys::default(),
                    data: DefData::empty(schema.kind),
                };
                assert!(stores(property.shape, &mut def), "{}", property.key);
            }
        }
    }

    #[test]
    fn the_properties_written_fit_in_a_set_for_every_item_kind() {
        for schema in &ITEMS {
            assert!(schema.properties.len() <= WrittenKeys::CAPACITY);
        }
    }

    fn stores(shape: Shape, def: &mut Def) -> bool {
        match shape {
            Shape::Reference(_, field) => field(def).is_some(),
            Shape::References(_, field) => field(def).is_some(),
            Shape::Date(field) => field(def).is_some(),
            Shape::DateRange(field) => field(def).is_some(),
            Shape::Holidays(field) => field(def).is_some(),
            Shape::Duration(field) => field(def).is_some(),
            Shape::Integer { field, .. } => field(def).is_some(),
            Shape::Number { field, .. } | Shape::Percent(field) => field(def).is_some(),
            Shape::Text(field) => field(def).is_some(),
            Shape::ProjectStatus(field) => field(def).is_some(),
            Shape::RiskStatus(field) => field(def).is_some(),
            Shape::Level(field) => field(def).is_some(),
            Shape::Dependencies(field) => field(def).is_some(),
            Shape::Allocations(field) => field(def).is_some(),
        }
    }
}
