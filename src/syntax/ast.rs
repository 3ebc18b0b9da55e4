//! The typed syntax tree. Every node keeps the byte span it was parsed from.
//! The tree is as the text says, right or wrong: whether a key belongs to an
//! item, or a value has the right type, is decided later by lowering.

use std::fmt;

use smallvec::SmallVec;
use smol_str::{SmolStr, SmolStrBuilder};

use crate::base::Span;
use crate::syntax::escape::unescape;

#[derive(Clone, PartialEq, Debug, Default)]
pub struct SourceFile {
    pub items: Vec<Item>,
    /// The values of every property in text order, and the atoms of every
    /// value: a property or value holds the run of its own. Kept here
    /// rather than inline in each property, the tree is a third of the
    /// size; writing members of 128 bytes was a sixth of parsing an item.
    pub(crate) values: Vec<Value>,
    pub(crate) atoms: Vec<Atom>,
    /// How many paths the values hold: each reference lowering makes of
    /// the file is one of them.
    pub(crate) paths: usize,
}

impl SourceFile {
    pub fn values(&self, property: &Property) -> &[Value] {
        &self.values[property.values.range()]
    }

    pub fn atoms(&self, value: &Value) -> &[Atom] {
        &self.atoms[value.atoms.range()]
    }
}

/// Where a node's parts sit in one of the file's lists.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct Run {
    start: u32,
    end: u32,
}

impl Run {
    /// The entries from `start` up to `end`; no file holds four billion
    /// of them, as each takes a byte of text at least.
    pub(crate) fn new(start: usize, end: usize) -> Run {
        Run {
            start: start as u32,
            end: end as u32,
        }
    }

    fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// The nine kinds of definition, named by the keyword that introduces them.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub enum ItemKind {
    Calendar,
    Person,
    Team,
    Program,
    Project,
    Milestone,
    Risk,
    Stakeholder,
    Benefit,
}

impl ItemKind {
    pub const ALL: [ItemKind; 9] = [
        ItemKind::Calendar,
        ItemKind::Person,
        ItemKind::Team,
        ItemKind::Program,
        ItemKind::Project,
        ItemKind::Milestone,
        ItemKind::Risk,
        ItemKind::Stakeholder,
        ItemKind::Benefit,
    ];

    pub fn keyword(self) -> &'static str {
        match self {
            ItemKind::Calendar => "calendar",
            ItemKind::Person => "person",
            ItemKind::Team => "team",
            ItemKind::Program => "program",
            ItemKind::Project => "project",
            ItemKind::Milestone => "milestone",
            ItemKind::Risk => "risk",
            ItemKind::Stakeholder => "stakeholder",
            ItemKind::Benefit => "benefit",
        }
    }

    pub fn from_keyword(word: &str) -> Option<ItemKind> {
        ItemKind::ALL
            .into_iter()
            .find(|kind| kind.keyword() == word)
    }

    /// Whether the item stands at the top of a file (and otherwise inside a program).
    pub fn is_top_level(self) -> bool {
        matches!(
            self,
            ItemKind::Calendar | ItemKind::Person | ItemKind::Team | ItemKind::Program
        )
    }

    /// The calendar is the one item without a name.
    pub fn is_named(self) -> bool {
        self != ItemKind::Calendar
    }
}

/// A name, known by where it is written: its text is the source's, and
/// keeping no copy of it keeps the tree small.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Ident {
    pub span: Span,
}

impl Ident {
    pub fn text(self, source: &str) -> &str {
        &source[self.span.range()]
    }
}

/// A definition: `keyword name "title" { members }`.
#[derive(Clone, PartialEq, Debug)]
pub struct Item {
    pub kind: ItemKind,
    pub keyword_span: Span,
    /// Absent for the calendar, and where the text lacks it.
    pub name: Option<Ident>,
    pub title: Option<StringLit>,
    /// The text of the `///` comments right before the item, one entry a
    /// line, without the slashes and the one space after them.
    pub docs: Vec<String>,
    pub body: Option<Body>,
    /// From the keyword to the closing brace (or the last thing parsed).
    pub span: Span,
}

#[derive(Clone, PartialEq, Debug)]
pub struct Body {
    /// Properties and nested items in the order the text has them.
    pub members: Vec<Member>,
    /// From the opening brace to the closing one (or the last thing parsed
    /// when the closing brace is missing).
    pub span: Span,
}

#[derive(Clone, PartialEq, Debug)]
pub enum Member {
    Property(Property),
    Item(Box<Item>),
}

/// `key: value, value, ...`; [`SourceFile::values`] gives the values.
#[derive(Clone, Copy, PartialEq, Debug)]
pub struct Property {
    pub key: Ident,
    pub values: Run,
    pub span: Span,
}

/// One comma-separated entry of a property: one or more atoms in a row,
/// such as `iam +1w ss` or `backend 2`; [`SourceFile::atoms`] gives them.
#[derive(Clone, Copy, PartialEq, Debug)]
pub struct Value {
    pub atoms: Run,
    pub span: Span,
}

#[derive(Clone, PartialEq, Debug)]
pub struct Atom {
    pub kind: AtomKind,
    pub span: Span,
}

#[derive(Clone, PartialEq, Debug)]
pub enum AtomKind {
    /// `name` or `program.name`.
    Path(Path),
    String(StringLit),
    /// `YYYY-MM-DD` as written; whether it is a real date is for lowering.
    Date,
    /// `a .. b`.
    Range(Box<Atom>, Box<Atom>),
    /// `30d`, `6w`, `+1w`, `-2d`.
    Duration(Duration),
    /// `4`, `120000`, `2.5` as written.
    Number,
    /// `50%`, `12.5%`.
    Percent,
}

#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Path {
    /// Inline: a path is one name or two (`program.item`), and room for
    /// two takes no more space than room for one.
    pub segments: SmallVec<[Ident; 2]>,
}

impl Path {
    /// The path as written, segments joined with dots.
    pub fn text(&self, source: &str) -> String {
        let names: Vec<&str> = self.segments.iter().map(|s| s.text(source)).collect();
        names.join(".")
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Sign {
    Plus,
    Minus,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum DurationUnit {
    /// Working days.
    Days,
    /// Weeks of five working days.
    Weeks,
}

#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Duration {
    pub sign: Option<Sign>,
    /// Where the digits are; lowering checks they fit.
    pub amount: Span,
    pub unit: DurationUnit,
}

/// A string, quotes included, as written.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct StringLit {
    pub span: Span,
    /// An unterminated string ends at the end of its line, without a quote.
    pub terminated: bool,
}

impl StringLit {
    /// The value with escapes resolved; the lexer reports the bad ones,
    /// which stand for nothing here. Held inline when short, as titles and
    /// roles are: a string of its own for each was a tenth of lowering.
    pub fn value(self, source: &str) -> SmolStr {
        let written = &source[self.span.range()];
        let body = written
            .get(1..written.len() - usize::from(self.terminated))
            .unwrap_or_default();
        // Most strings have no escape, and are their own value.
        if !body.contains('\\') {
            return SmolStr::new(body);
        }
        let mut value = SmolStrBuilder::new();
        unescape(body, |text| value.push_str(text), |_, _| {});
        value.finish()
    }
}

impl Atom {
    /// The atom's text as written.
    pub fn text<'s>(&self, source: &'s str) -> &'s str {
        &source[self.span.range()]
    }

    pub fn display<'a>(&'a self, source: &'a str) -> AtomDisplay<'a> {
        AtomDisplay { atom: self, source }
    }
}

/// An atom as the canonical layout writes it, whatever spacing the source
/// had: what messages quote, so that formatting a file never changes them.
pub struct AtomDisplay<'a> {
    atom: &'a Atom,
    source: &'a str,
}

impl fmt::Display for AtomDisplay<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let source = self.source;
        match &self.atom.kind {
            AtomKind::Path(path) => f.write_str(&path.text(source)),
            AtomKind::String(string) => write!(f, "{:?}", string.value(source)),
            AtomKind::Range(first, last) => {
                write!(f, "{} .. {}", first.display(source), last.display(source))
            }
            AtomKind::Date | AtomKind::Number | AtomKind::Percent | AtomKind::Duration(_) => {
                f.write_str(self.atom.text(source))
            }
        }
    }
}

/// Atoms in a row, as the canonical layout writes them.
pub fn atoms_text(atoms: &[Atom], source: &str) -> String {
    let written: Vec<String> = atoms
        .iter()
        .map(|atom| atom.display(source).to_string())
        .collect();
    written.join(" ")
}
