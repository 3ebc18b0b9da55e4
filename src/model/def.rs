//! The semantic model's data: definitions with typed properties, and
//! references that know where they came from and what they point to.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;

use jiff::civil::Date;
use smallvec::SmallVec;
use smol_str::SmolStr;

use crate::base::{FileId, FileSpan, Span, map_inline};
use crate::syntax::ast::ItemKind;

#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct DefId(pub u32);

impl DefId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct RefId(pub u32);

impl RefId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A value together with the span of the text it was read from.
#[derive(Clone, Copy, PartialEq, Debug)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

/// An inclusive range of calendar days.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct DateRange {
    pub first: Date,
    pub last: Date,
}

#[derive(Clone, PartialEq, Debug)]
pub struct Def {
    /// The identifier; `calendar` for the (unnamed) calendar.
    pub name: SmolStr,
    /// The name of the program it is in, if any: with `name`, its
    /// qualified name.
    pub program_name: Option<SmolStr>,
    pub title: Option<SmolStr>,
    /// The `///` comment lines before the definition, joined with newlines.
    pub docs: Option<String>,
    pub description: Option<SmolStr>,
    pub file: FileId,
    /// The identifier's span (the keyword's for the calendar).
    pub name_span: Span,
    /// The whole item, keyword to closing brace.
    pub span: Span,
    /// The program a project, milestone, risk, stakeholder or benefit is in.
    pub program: Option<DefId>,
    /// The properties of its kind the body gives, accepted or not.
    pub written: WrittenKeys,
    pub data: DefData,
}

/// A set of the properties of one kind of item, each known by its place
/// among the kind's properties in the schema.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct WrittenKeys(u32);

impl WrittenKeys {
    /// How many properties a kind may have for the set to hold them all.
    pub const CAPACITY: usize = u32::BITS as usize;

    pub fn insert(&mut self, position: usize) {
        self.0 |= 1 << position;
    }

    pub fn contains(self, position: usize) -> bool {
        self.0 & (1 << position) != 0
    }
}

impl Def {
    /// What the definition is: the variant of its data, so that the two
    /// cannot disagree.
    pub fn kind(&self) -> ItemKind {
        self.data.kind()
    }

    pub fn name_location(&self) -> FileSpan {
        FileSpan::new(self.file, self.name_span)
    }

    /// Whether the body gives the property `key`, whatever its value.
    pub fn wrote(&self, key: &str) -> bool {
        crate::model::schema::item(self.kind())
            .position(key)
            .is_some_and(|position| self.written.contains(position))
    }

    /// `program.name` inside a program, `name` at the top. Joined only
    /// where it is shown: joining it for every definition was a twentieth
    /// of lowering, as most such names are too long to be held inline.
    pub fn qualified_name(&self) -> QualifiedName<'_> {
        QualifiedName {
            program: self.program_name.as_deref(),
            name: &self.name,
        }
    }

    /// The title if there is one, otherwise the qualified name.
    pub fn label(&self) -> Cow<'_, str> {
        match &self.title {
            Some(title) => Cow::Borrowed(title),
            None => Cow::Owned(self.qualified_name().to_string()),
        }
    }
}

/// A definition's name as written from outside its program: displayed as
/// text, and ordered as that text is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct QualifiedName<'a> {
    program: Option<&'a str>,
    name: &'a str,
}

impl<'a> QualifiedName<'a> {
    /// The pieces of its text in order: `program`, `.`, `name`.
    fn pieces(self) -> impl Iterator<Item = &'a str> {
        let program = self.program.map(|program| [program, "."]);
        program.into_iter().flatten().chain([self.name])
    }
}

impl serde::Serialize for QualifiedName<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl fmt::Display for QualifiedName<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.pieces().try_for_each(|piece| f.write_str(piece))
    }
}

impl Ord for QualifiedName<'_> {
    fn cmp(&self, other: &Self) -> Ordering {
        let bytes = |name: &Self| name.pieces().flat_map(str::bytes);
        bytes(self).cmp(bytes(other))
    }
}

impl PartialOrd for QualifiedName<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

#[derive(Clone, PartialEq, Debug)]
pub enum DefData {
    Calendar(Calendar),
    Person(Person),
    Team(Team),
    Program(Program),
    Project(Project),
    Milestone(Milestone),
    Risk(Risk),
    Stakeholder(Stakeholder),
    Benefit(Benefit),
}

impl DefData {
    /// The data of a definition of `kind` before any property is read.
    pub fn empty(kind: ItemKind) -> DefData {
        match kind {
            ItemKind::Calendar => DefData::Calendar(Calendar::default()),
            ItemKind::Person => DefData::Person(Person::default()),
            ItemKind::Team => DefData::Team(Team::default()),
            ItemKind::Program => DefData::Program(Program::default()),
            ItemKind::Project => DefData::Project(Project::default()),
            ItemKind::Milestone => DefData::Milestone(Milestone::default()),
            ItemKind::Risk => DefData::Risk(Risk::default()),
            ItemKind::Stakeholder => DefData::Stakeholder(Stakeholder::default()),
            ItemKind::Benefit => DefData::Benefit(Benefit::default()),
        }
    }

    /// The kind of item whose data this is.
    pub fn kind(&self) -> ItemKind {
        match self {
            DefData::Calendar(_) => ItemKind::Calendar,
            DefData::Person(_) => ItemKind::Person,
            DefData::Team(_) => ItemKind::Team,
            DefData::Program(_) => ItemKind::Program,
            DefData::Project(_) => ItemKind::Project,
            DefData::Milestone(_) => ItemKind::Milestone,
            DefData::Risk(_) => ItemKind::Risk,
            DefData::Stakeholder(_) => ItemKind::Stakeholder,
            DefData::Benefit(_) => ItemKind::Benefit,
        }
    }
}

#[derive(Clone, PartialEq, Debug, Default)]
pub struct Calendar {
    pub holidays: Vec<Spanned<DateRange>>,
}

#[derive(Clone, PartialEq, Debug, Default)]
pub struct Person {
    pub role: Option<SmolStr>,
    pub email: Option<SmolStr>,
}

#[derive(Clone, PartialEq, Debug, Default)]
pub struct Team {
    /// Full-time equivalents; a team without `capacity` has as many as members.
    pub capacity: Option<Spanned<f64>>,
    pub members: Vec<RefId>,
}

#[derive(Clone, PartialEq, Debug, Default)]
pub struct Program {
    pub owner: Option<RefId>,
    pub objective: Option<SmolStr>,
    pub window: Option<Spanned<DateRange>>,
    /// Items defined inside the program, in text order.
    pub children: Vec<DefId>,
}

#[derive(Clone, PartialEq, Debug, Default)]
pub struct Project {
    pub owner: Option<RefId>,
    pub start: Option<Spanned<Date>>,
    pub end: Option<Spanned<Date>>,
    /// Working days.
    pub duration: Option<Spanned<u32>>,
    pub deadline: Option<Spanned<Date>>,
    pub depends_on: Vec<Dependency>,
    pub allocate: Vec<Allocation>,
    pub status: Option<Spanned<ProjectStatus>>,
    /// Percent, 0 to 100.
    pub progress: Option<Spanned<f64>>,
}

impl Project {
    /// A project without `status` is planned.
    pub fn status(&self) -> ProjectStatus {
        self.status.map_or(ProjectStatus::Planned, |s| s.value)
    }
}

#[derive(Clone, PartialEq, Debug, Default)]
pub struct Milestone {
    pub owner: Option<RefId>,
    pub depends_on: Vec<Dependency>,
    pub due: Option<Spanned<Date>>,
}

#[derive(Clone, PartialEq, Debug, Default)]
pub struct Risk {
    /// 1 to 5.
    pub likelihood: Option<Spanned<u8>>,
    /// 1 to 5.
    pub impact: Option<Spanned<u8>>,
    pub affects: Vec<RefId>,
    pub owner: Option<RefId>,
    pub mitigation: Option<SmolStr>,
    pub status: Option<Spanned<RiskStatus>>,
}

impl Risk {
    pub fn exposure(&self) -> Option<u32> {
        let likelihood = self.likelihood?.value as u32;
        let impact = self.impact?.value as u32;
        Some(likelihood * impact)
    }

    /// A risk without `status` is open.
    pub fn status(&self) -> RiskStatus {
        self.status.map_or(RiskStatus::Open, |s| s.value)
    }
}

#[derive(Clone, PartialEq, Debug, Default)]
pub struct Stakeholder {
    pub power: Option<Spanned<Level>>,
    pub interest: Option<Spanned<Level>>,
    pub contact: Option<RefId>,
}

#[derive(Clone, PartialEq, Debug, Default)]
pub struct Benefit {
    pub owner: Option<RefId>,
    pub delivered_by: Vec<RefId>,
    pub realized_by: Option<Spanned<Date>>,
    pub metric: Option<SmolStr>,
    pub baseline: Option<Spanned<f64>>,
    pub target: Option<Spanned<f64>>,
}

/// One entry of `depends_on:`, such as `iam +1w ss`.
#[derive(Clone, Copy, PartialEq, Debug)]
pub struct Dependency {
    pub target: RefId,
    pub kind: DependencyKind,
    /// Signed, in working days (`+1w` is 5).
    pub lag: i32,
    /// The whole entry.
    pub span: Span,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default)]
pub enum DependencyKind {
    #[default]
    FinishToStart,
    StartToStart,
    FinishToFinish,
    StartToFinish,
}

impl DependencyKind {
    pub const ALL: [DependencyKind; 4] = [
        DependencyKind::FinishToStart,
        DependencyKind::StartToStart,
        DependencyKind::FinishToFinish,
        DependencyKind::StartToFinish,
    ];

    pub const fn keyword(self) -> &'static str {
        match self {
            DependencyKind::FinishToStart => "fs",
            DependencyKind::StartToStart => "ss",
            DependencyKind::FinishToFinish => "ff",
            DependencyKind::StartToFinish => "sf",
        }
    }

    pub fn from_keyword(word: &str) -> Option<DependencyKind> {
        DependencyKind::ALL
            .into_iter()
            .find(|k| k.keyword() == word)
    }
}

/// One entry of `allocate:`, such as `backend 2` or `carol 50%`.
#[derive(Clone, Copy, PartialEq, Debug)]
pub struct Allocation {
    pub resource: RefId,
    pub amount: Spanned<Amount>,
    /// The whole entry.
    pub span: Span,
}

#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Amount {
    /// Full-time people.
    People(f64),
    /// Percent of the resource's capacity.
    Percent(f64),
}

macro_rules! keyword_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $word:literal,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
        pub enum $name {
            $($variant,)*
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The keywords in the order of `ALL`, for messages and completion.
            pub const KEYWORDS: &'static [&'static str] = &[$($word,)*];

            pub fn keyword(self) -> &'static str {
                match self {
                    $($name::$variant => $word,)*
                }
            }

            pub fn from_keyword(word: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|v| v.keyword() == word)
            }
        }
    };
}

keyword_enum! {
    /// A project's `status`; a project without one is planned.
    ProjectStatus {
        Planned = "planned",
        Active = "active",
        Blocked = "blocked",
        Done = "done",
        Cancelled = "cancelled",
    }
}

keyword_enum! {
    RiskStatus {
        Open = "open",
        Mitigated = "mitigated",
        Closed = "closed",
        Occurred = "occurred",
    }
}

keyword_enum! {
    /// A stakeholder's `power` or `interest`.
    Level {
        Low = "low",
        Medium = "medium",
        High = "high",
    }
}

/// The property a reference stands in; it decides which kinds it may name.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum RefRole {
    Owner,
    Members,
    DependsOn,
    Allocate,
    Affects,
    Contact,
    DeliveredBy,
}

impl RefRole {
    /// The kinds a reference in this role may resolve to.
    pub fn accepts(self) -> &'static [ItemKind] {
        match self {
            RefRole::Owner | RefRole::Members | RefRole::Contact => &[ItemKind::Person],
            RefRole::Allocate => &[ItemKind::Person, ItemKind::Team],
            RefRole::DependsOn | RefRole::DeliveredBy | RefRole::Affects => {
                &[ItemKind::Project, ItemKind::Milestone]
            }
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            RefRole::Owner => "owner",
            RefRole::Members => "members",
            RefRole::DependsOn => "depends_on",
            RefRole::Allocate => "allocate",
            RefRole::Affects => "affects",
            RefRole::Contact => "contact",
            RefRole::DeliveredBy => "delivered_by",
        }
    }
}

/// A name written in a property value, and what it resolved to.
#[derive(Clone, PartialEq, Debug)]
pub struct Reference {
    pub file: FileId,
    /// The whole name, `apollo.iam` for a qualified one.
    pub span: Span,
    /// Where each segment of the name is written, `apollo` and `iam` in
    /// `apollo.iam`; their text is the file's. Inline up to the two a
    /// name may have.
    pub segments: SmallVec<[Span; 2]>,
    /// The definition whose property holds the reference.
    pub from: DefId,
    pub role: RefRole,
}

/// What a reference's name resolved to. The model keeps it apart from the
/// reference, so that the references of a file are shared by every model
/// made while the file is unchanged.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct Resolved {
    /// What the name resolved to, whatever its kind; `None` when nothing has that name.
    pub target: Option<DefId>,
    /// The program named by the first segment of a qualified name.
    pub qualifier: Option<DefId>,
    /// Whether the reference's role takes the kind of `target`.
    pub accepted: bool,
}

impl Reference {
    pub fn location(&self) -> FileSpan {
        FileSpan::new(self.file, self.span)
    }

    /// The segments as written in `source`, the text of the reference's file.
    pub fn segment_texts<'s>(&self, source: &'s str) -> SmallVec<[&'s str; 2]> {
        map_inline(&self.segments, |segment| &source[segment.range()])
    }

    /// The name as written in `source`, segments joined with dots.
    pub fn text(&self, source: &str) -> String {
        self.segment_texts(source).join(".")
    }

    /// The span of the last segment: the part that names the target itself.
    pub fn name_span(&self) -> Span {
        self.segments.last().copied().unwrap_or(self.span)
    }
}

#[cfg(test)]
mod tests {
    use super::QualifiedName;

    fn qualified<'a>(program: Option<&'a str>, name: &'a str) -> QualifiedName<'a> {
        QualifiedName { program, name }
    }

    #[test]
    fn a_qualified_name_shows_and_orders_as_its_text() {
        let inside = qualified(Some("a"), "b");
        let top = qualified(None, "a_c");
        assert_eq!(inside.to_string(), "a.b");
        assert_eq!(top.to_string(), "a_c");
        // As text `a.b` comes before `a_c`, a dot sorting before an underscore.
        assert!(inside < top);
        assert!(qualified(None, "a") < inside);
    }
}
