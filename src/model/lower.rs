//! From syntax trees to definitions with typed properties, and to references
//! not yet resolved. Which keys an item takes and what their values must be
//! comes from the schema alone.

use std::ops::Range;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use rayon::prelude::*;
use smol_str::SmolStr;

use crate::base::{Code, Diagnostic, FileId, FileSpan, Span, map_inline};
use crate::model::ParsedFile;
use crate::model::def::{
    Allocation, Def, DefData, DefId, Dependency, DependencyKind, Level, ProjectStatus, RefId,
    RefRole, Reference, RiskStatus, Spanned, WrittenKeys,
};
use crate::model::renumber::{Offsets, move_diagnostic};
use crate::model::schema::{self, Field, ItemSchema, PropertySchema, Shape};
use crate::model::suggest;
use crate::model::values::{self, Checked, Invalid};
use crate::syntax::Parse;
use crate::syntax::ast::{self, Atom, AtomKind, ItemKind, Member};

/// A file's lowering while it is being made.
#[derive(Default)]
struct Lowered {
    /// A definition's slot is taken when its lowering starts, so that the
    /// items inside a program follow it, and filled when it ends.
    defs: Vec<Option<Arc<Def>>>,
    /// In text order.
    refs: Vec<Reference>,
    /// How many of the references are `depends_on:` entries.
    dependencies: usize,
    diagnostics: Vec<Diagnostic>,
}

/// One file lowered on its own, as the file at one place of a workspace,
/// its ids counted from `base`. Files lower in parallel with ids from zero
/// and are then placed behind the files before them, or, lowered one after
/// the other, each from where the one before it ended; the language server
/// keeps each file's placed lowering, and the model shares its definitions,
/// for as long as the file neither changes nor moves.
#[derive(Clone, Debug)]
pub struct LoweredFile {
    file: FileId,
    /// Which lowering this is: no two lowerings made by a process share one.
    stamp: u64,
    base: Offsets,
    pub(super) defs: Vec<Arc<Def>>,
    /// In text order. Shared with every model made from this lowering.
    pub(super) refs: Arc<Vec<Reference>>,
    /// How many of the references are `depends_on:` entries.
    pub(super) dependencies: usize,
    pub(super) diagnostics: Vec<Diagnostic>,
}

impl LoweredFile {
    /// The file lowered with ids from zero, to be placed.
    pub fn new(file: FileId, parsed: &ParsedFile) -> LoweredFile {
        LoweredFile::at(file, Offsets::ZERO, parsed)
    }

    /// The file lowered with ids from `base`: placed already when the files
    /// before it hold as many definitions and references as that.
    pub(super) fn at(file: FileId, base: Offsets, parsed: &ParsedFile) -> LoweredFile {
        let Lowered {
            defs,
            refs,
            dependencies,
            diagnostics,
        } = parsed.with_parse(|parse| lower_file(file, base, &parsed.text, parse));
        LoweredFile {
            file,
            stamp: next_stamp(),
            base,
            defs: defs.into_iter().flatten().collect(),
            refs: Arc::new(refs),
            dependencies,
            diagnostics,
        }
    }

    /// The place of the file in its workspace.
    pub fn file(&self) -> FileId {
        self.file
    }

    /// Each of `files` lowered at its place, with ids from zero, the files
    /// in parallel.
    pub fn lower_all(files: &[Arc<ParsedFile>]) -> Vec<Arc<LoweredFile>> {
        files
            .par_iter()
            .enumerate()
            .map(|(index, parsed)| Arc::new(LoweredFile::new(FileId(index as u32), parsed)))
            .collect()
    }

    /// Each lowering renumbered to follow the files before it and moved to
    /// its place in the list. A lowering already in its place is kept as it
    /// is; one owned by nobody else is renumbered where it lies.
    pub fn place_all(files: Vec<Arc<LoweredFile>>) -> Vec<Arc<LoweredFile>> {
        let mut bases = Vec::with_capacity(files.len());
        let mut next = Offsets::ZERO;
        for file in &files {
            bases.push(next);
            next = next.after(file.defs.len(), file.refs.len());
        }
        files
            .into_par_iter()
            .zip(bases)
            .enumerate()
            .map(|(index, (file, base))| file.placed_at(FileId(index as u32), base))
            .collect()
    }

    fn placed_at(self: Arc<Self>, place: FileId, base: Offsets) -> Arc<LoweredFile> {
        if self.file == place && self.base == base {
            return self;
        }
        let shift = Offsets::between(self.base, base);
        let mut file = Arc::unwrap_or_clone(self);
        for def in &mut file.defs {
            shift.shift_def(Arc::make_mut(def), place);
        }
        for reference in Arc::make_mut(&mut file.refs) {
            shift.shift_reference(reference, place);
        }
        for diagnostic in &mut file.diagnostics {
            move_diagnostic(diagnostic, place);
        }
        file.file = place;
        file.base = base;
        file.stamp = next_stamp();
        Arc::new(file)
    }

    /// Which lowering this is; the same stamp is the same definitions and
    /// references.
    pub(super) fn stamp(&self) -> u64 {
        self.stamp
    }

    /// Where the file's definitions and references lie in the workspace's.
    pub(super) fn ranges(&self) -> (Range<usize>, Range<usize>) {
        let defs = self.base.defs as usize;
        let refs = self.base.refs as usize;
        (defs..defs + self.defs.len(), refs..refs + self.refs.len())
    }
}

fn next_stamp() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// The lowerings of a workspace's files as one.
pub(super) struct Concatenated {
    pub defs: Vec<Arc<Def>>,
    /// By file: its references, shared with its lowering.
    pub refs: Vec<Arc<Vec<Reference>>>,
    /// How many of the references are `depends_on:` entries.
    pub dependencies: usize,
    pub diagnostics: Vec<Diagnostic>,
}

/// The files' lowerings, placed and in file order, joined. What no one else
/// holds is moved rather than copied.
pub(super) fn concatenate(files: Vec<Arc<LoweredFile>>) -> Concatenated {
    let mut out = Concatenated {
        defs: Vec::with_capacity(files.iter().map(|file| file.defs.len()).sum()),
        refs: Vec::with_capacity(files.len()),
        dependencies: files.iter().map(|file| file.dependencies).sum(),
        diagnostics: Vec::new(),
    };
    for file in files {
        match Arc::try_unwrap(file) {
            Ok(file) => {
                out.defs.extend(file.defs);
                out.refs.push(file.refs);
                out.diagnostics.extend(file.diagnostics);
            }
            Err(file) => {
                out.defs.extend(file.defs.iter().cloned());
                out.refs.push(file.refs.clone());
                out.diagnostics.extend_from_slice(&file.diagnostics);
            }
        }
    }
    out
}

/// One file lowered on its own: its definitions and references count
/// from `base`.
fn lower_file(file: FileId, base: Offsets, source: &str, parse: &Parse) -> Lowered {
    let mut out = Lowered::default();
    out.defs.reserve_exact(item_count(&parse.file));
    // Each reference is one of the file's paths: a list that grew instead
    // moved its references at every doubling.
    out.refs.reserve_exact(parse.file.paths);
    out.diagnostics.extend(parse.errors.iter().map(|error| {
        Diagnostic::new(
            Code::SyntaxError,
            FileSpan::new(file, error.span),
            error.message.clone(),
        )
    }));
    let mut lowering = FileLowering {
        file,
        base,
        source,
        tree: &parse.file,
        out: &mut out,
        given: Vec::new(),
    };
    for item in &parse.file.items {
        // The parser reports items out of place; they are left out.
        if item.kind.is_top_level() {
            lowering.item(item, None);
        }
    }
    debug_assert!(
        out.refs.len() <= parse.file.paths,
        "a reference not of a path"
    );
    out
}

/// How many items a file has, nested ones too.
fn item_count(file: &ast::SourceFile) -> usize {
    let nested = |item: &ast::Item| {
        item.body.as_ref().map_or(0, |body| {
            body.members
                .iter()
                .filter(|member| matches!(member, Member::Item(_)))
                .count()
        })
    };
    file.items.iter().map(|item| 1 + nested(item)).sum()
}

struct FileLowering<'a> {
    file: FileId,
    /// Where the file's ids begin.
    base: Offsets,
    source: &'a str,
    tree: &'a ast::SourceFile,
    out: &'a mut Lowered,
    /// The properties read so far in each body being lowered, innermost
    /// last: one buffer for the whole file rather than one per item.
    given: Vec<&'a ast::Property>,
}

/// The program an item is lowered inside.
#[derive(Clone, Copy)]
struct Enclosing<'d> {
    id: DefId,
    name: &'d SmolStr,
}

impl<'a> FileLowering<'a> {
    /// Lowers an item and the items inside it. The definition is made on
    /// the stack and moved once into its place: definitions are large.
    fn item(&mut self, item: &'a ast::Item, program: Option<Enclosing>) -> Option<DefId> {
        let written_name = match item.kind.is_named() {
            true => Some(item.name?),
            false => None,
        };
        let slot = self.out.defs.len();
        let id = DefId(self.base.defs + slot as u32);
        self.out.defs.push(None);
        let mut def = Def {
            // Each name is made in its field: a name made apart and moved
            // in was copied in odd pieces and read back whole.
            name: match written_name {
                Some(name) => SmolStr::new(name.text(self.source)),
                None => SmolStr::new_static(item.kind.keyword()),
            },
            program_name: program.map(|program| program.name.clone()),
            title: item.title.map(|title| title.value(self.source)),
            docs: (!item.docs.is_empty()).then(|| item.docs.join("\n")),
            description: None,
            file: self.file,
            name_span: written_name.map_or(item.keyword_span, |name| name.span),
            span: item.span,
            program: program.map(|program| program.id),
            written: WrittenKeys::default(),
            data: DefData::empty(item.kind),
        };
        if let Some(body) = &item.body {
            self.body(id, &mut def, body);
        }
        self.out.defs[slot] = Some(Arc::new(def));
        Some(id)
    }

    fn body(&mut self, id: DefId, def: &mut Def, body: &'a ast::Body) {
        let schema = schema::item(def.kind());
        let first_given = self.given.len();
        for member in &body.members {
            match member {
                Member::Property(property) => {
                    self.property(id, def, schema, property, first_given);
                }
                Member::Item(child)
                    if def.kind() == ItemKind::Program && !child.kind.is_top_level() =>
                {
                    let enclosing = Enclosing {
                        id,
                        name: &def.name,
                    };
                    let child = self.item(child, Some(enclosing));
                    if let (Some(child), DefData::Program(program)) = (child, &mut def.data) {
                        program.children.push(child);
                    }
                }
                // Out of place, which the parser reports.
                Member::Item(_) => {}
            }
        }
        self.given.truncate(first_given);
    }

    /// Lowers a property, and stores its value unless an earlier property
    /// of the item (those in `given` from `first_given` on) already has the
    /// key or one it excludes. Values that are
    /// not stored are still checked, and their names still resolved.
    fn property(
        &mut self,
        id: DefId,
        def: &mut Def,
        schema: &ItemSchema,
        property: &'a ast::Property,
        first_given: usize,
    ) {
        let key = property.key;
        let source = self.source;
        let key_text = key.text(source);
        let Some(position) = schema.position(key_text) else {
            self.unknown_property(schema, key);
            return;
        };
        let spec = &schema.properties[position];
        // The set of keys written so far answers whether there is an earlier
        // one to report, without comparing text; the list of properties
        // read so far is searched only for where it is.
        let given = &self.given[first_given..];
        let first_of = |keys: &[&str]| {
            given
                .iter()
                .copied()
                .find(|earlier| keys.contains(&earlier.key.text(source)))
        };
        let same = def
            .written
            .contains(position)
            .then(|| first_of(&[spec.key]))
            .flatten();
        let excluded = spec
            .excludes
            .iter()
            .any(|key| def.wrote(key))
            .then(|| first_of(spec.excludes))
            .flatten();
        def.written.insert(position);
        let store = match (same, excluded) {
            (Some(first), _) => {
                let diagnostic = Diagnostic::new(
                    Code::DuplicateProperty,
                    self.at(key.span),
                    format!("`{}` is given twice in {}", spec.key, describe(def)),
                )
                .with_related(
                    self.at(first.key.span),
                    format!("`{}` is first given here", spec.key),
                );
                self.out.diagnostics.push(diagnostic);
                false
            }
            (None, Some(other)) => {
                let diagnostic = Diagnostic::new(
                    Code::InvalidValue,
                    self.at(key.span),
                    format!(
                        "a {} takes `{}` or `{}`, not both",
                        schema.kind.keyword(),
                        other.key.text(source),
                        spec.key
                    ),
                )
                .with_related(
                    self.at(other.key.span),
                    format!("`{}` is given here", other.key.text(source)),
                );
                self.out.diagnostics.push(diagnostic);
                false
            }
            (None, None) => true,
        };
        self.given.push(property);
        let values = self.tree.values(property);
        let mut lowering = PropertyLowering {
            cx: self,
            id,
            def,
            spec,
            store,
        };
        lowering.lower(values);
    }

    fn unknown_property(&mut self, schema: &ItemSchema, key: ast::Ident) {
        let key_text = key.text(self.source);
        let item = schema.kind.keyword();
        let near = suggest::nearest(key_text, schema.keys());
        let message = match near {
            Some(_) => format!("a {item} has no property `{key_text}`"),
            None => {
                let keys: Vec<String> = schema.keys().map(|key| format!("`{key}`")).collect();
                let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
                format!(
                    "a {item} has no property `{key_text}`; it takes {}",
                    schema::join_words(&keys, " or ")
                )
            }
        };
        let diagnostic = Diagnostic::new(Code::UnknownProperty, self.at(key.span), message);
        self.out
            .diagnostics
            .push(suggest::did_you_mean(diagnostic, near));
    }

    fn at(&self, span: Span) -> FileSpan {
        FileSpan::new(self.file, span)
    }

    fn invalid_value(&self, span: Span, message: String) -> Diagnostic {
        Diagnostic::new(Code::InvalidValue, self.at(span), message)
    }

    fn invalid(&mut self, span: Span, message: String) {
        let diagnostic = self.invalid_value(span, message);
        self.out.diagnostics.push(diagnostic);
    }

    fn reference(&mut self, from: DefId, role: RefRole, path: &ast::Path, span: Span) -> RefId {
        let id = RefId(self.base.refs + self.out.refs.len() as u32);
        if role == RefRole::DependsOn {
            self.out.dependencies += 1;
        }
        self.out.refs.push(Reference {
            file: self.file,
            span,
            segments: map_inline(&path.segments, |segment| segment.span),
            from,
            role,
        });
        id
    }
}

/// How messages name an item: project `apollo.iam`, or the calendar.
fn describe(def: &Def) -> String {
    if def.kind().is_named() {
        format!("{} `{}`", def.kind().keyword(), def.qualified_name())
    } else {
        format!("the {}", def.kind().keyword())
    }
}

/// One property's values, lowered by the shape its schema gives.
struct PropertyLowering<'l, 'a> {
    cx: &'l mut FileLowering<'a>,
    id: DefId,
    def: &'l mut Def,
    spec: &'static PropertySchema,
    store: bool,
}

impl<'a> PropertyLowering<'_, 'a> {
    fn lower(&mut self, values: &'a [ast::Value]) {
        match self.spec.shape {
            Shape::Reference(role, field) => {
                let reference = self
                    .one_atom(values)
                    .and_then(|atom| self.reference(role, atom));
                self.put(field, reference);
            }
            Shape::References(role, field) => {
                let references =
                    self.each_atom(values, |lowering, atom| lowering.reference(role, atom));
                self.put_list(field, references);
            }
            Shape::Date(field) => self.scalar(values, field, values::date),
            Shape::DateRange(field) => self.scalar(values, field, values::date_range),
            Shape::Holidays(field) => {
                let holidays = self.each_atom(values, |lowering, atom| {
                    lowering.check(atom, values::holiday(atom, lowering.cx.source))
                });
                self.put_list(field, holidays);
            }
            Shape::Duration(field) => self.scalar(values, field, values::duration),
            Shape::Integer { min, max, field } => {
                let key = self.spec.key;
                self.scalar(values, field, |atom, source| {
                    values::integer(atom, source, key, min, max)
                });
            }
            Shape::Number { positive, field } => {
                let key = self.spec.key;
                self.scalar(values, field, |atom, source| {
                    values::number(atom, source, key, positive)
                });
            }
            Shape::Percent(field) => {
                let key = self.spec.key;
                self.scalar(values, field, |atom, source| {
                    values::percent(atom, source, key)
                });
            }
            Shape::Text(field) => {
                let text = self
                    .one_atom(values)
                    .and_then(|atom| self.check(atom, values::text(atom, self.cx.source)));
                self.put(field, text.map(|text| text.value));
            }
            Shape::ProjectStatus(field) => self.scalar(values, field, |atom, source| {
                values::keyword(
                    atom,
                    source,
                    ProjectStatus::KEYWORDS,
                    ProjectStatus::from_keyword,
                )
            }),
            Shape::RiskStatus(field) => self.scalar(values, field, |atom, source| {
                values::keyword(atom, source, RiskStatus::KEYWORDS, RiskStatus::from_keyword)
            }),
            Shape::Level(field) => self.scalar(values, field, |atom, source| {
                values::keyword(atom, source, Level::KEYWORDS, Level::from_keyword)
            }),
            Shape::Dependencies(field) => {
                let dependencies = self.each_value(values, Self::dependency);
                self.put_list(field, dependencies);
            }
            Shape::Allocations(field) => {
                let allocations = self.each_value(values, Self::allocation);
                self.put_list(field, allocations);
            }
        }
    }

    fn scalar<T>(
        &mut self,
        values: &'a [ast::Value],
        field: Field<Option<Spanned<T>>>,
        read: impl FnOnce(&Atom, &str) -> Checked<T>,
    ) {
        let value = self
            .one_atom(values)
            .and_then(|atom| self.check(atom, read(atom, self.cx.source)));
        self.put(field, value);
    }

    fn put<T>(&mut self, field: Field<Option<T>>, value: Option<T>) {
        if let (true, Some(value)) = (self.store, value) {
            if let Some(slot) = field(self.def) {
                *slot = Some(value);
            }
        }
    }

    fn put_list<T>(&mut self, field: Field<Vec<T>>, list: Vec<T>) {
        if self.store {
            if let Some(slot) = field(self.def) {
                *slot = list;
            }
        }
    }

    /// The one atom of a property that takes one value; extra values and
    /// extra words are reported, and the first is used.
    fn one_atom(&mut self, values: &'a [ast::Value]) -> Option<&'a Atom> {
        let (first, rest) = values.split_first()?;
        if let (Some(second), Some(last)) = (rest.first(), rest.last()) {
            let message = format!("`{}` takes one value, not {}", self.spec.key, values.len());
            self.cx.invalid(second.span.cover(last.span), message);
        }
        self.sole_atom(first)
    }

    /// The atoms of a list, one a value.
    fn each_atom<T>(
        &mut self,
        values: &'a [ast::Value],
        mut read: impl FnMut(&mut Self, &'a Atom) -> Option<T>,
    ) -> Vec<T> {
        self.each_value(values, |lowering, value| {
            let atom = lowering.sole_atom(value)?;
            read(lowering, atom)
        })
    }

    /// What `read` makes of each value of a list, in a vector with room for
    /// one per value: collected from a filter, a list of one or two held
    /// room for four, and the spare room of every project's lists was some
    /// 11 MB of 100,000 projects' model.
    fn each_value<T>(
        &mut self,
        values: &'a [ast::Value],
        mut read: impl FnMut(&mut Self, &'a ast::Value) -> Option<T>,
    ) -> Vec<T> {
        let mut list = Vec::with_capacity(values.len());
        list.extend(values.iter().filter_map(|value| read(self, value)));
        list
    }

    fn sole_atom(&mut self, value: &'a ast::Value) -> Option<&'a Atom> {
        let (first, rest) = self.atoms(value).split_first()?;
        self.unexpected(rest, first);
        Some(first)
    }

    fn atoms(&self, value: &ast::Value) -> &'a [Atom] {
        let tree = self.cx.tree;
        tree.atoms(value)
    }

    /// Reports the atoms that follow where one was wanted, if any.
    fn unexpected(&mut self, extra: &[Atom], after: &Atom) {
        let (Some(second), Some(last)) = (extra.first(), extra.last()) else {
            return;
        };
        let message = format!(
            "unexpected `{}` after `{}`: `{}` takes {}",
            ast::atoms_text(extra, self.cx.source),
            after.display(self.cx.source),
            self.spec.key,
            self.spec.shape.expected()
        );
        self.cx.invalid(second.span.cover(last.span), message);
    }

    /// The value, or a diagnostic saying why the atom is not one.
    fn check<T>(&mut self, atom: &Atom, checked: Checked<T>) -> Option<Spanned<T>> {
        match checked {
            Ok(value) => Some(Spanned {
                value,
                span: atom.span,
            }),
            Err(Invalid::Rejected { at, message }) => {
                self.cx.invalid(at, message);
                None
            }
            Err(Invalid::Mismatch { suggestion }) => {
                let message = format!(
                    "`{}` takes {}, not `{}`",
                    self.spec.key,
                    self.spec.shape.expected(),
                    atom.display(self.cx.source)
                );
                let diagnostic = self.cx.invalid_value(atom.span, message);
                self.cx
                    .out
                    .diagnostics
                    .push(suggest::did_you_mean(diagnostic, suggestion));
                None
            }
        }
    }

    fn reference(&mut self, role: RefRole, atom: &Atom) -> Option<RefId> {
        match &atom.kind {
            AtomKind::Path(path) => Some(self.cx.reference(self.id, role, path, atom.span)),
            _ => {
                self.check::<()>(atom, Err(Invalid::Mismatch { suggestion: None }));
                None
            }
        }
    }

    /// `target [fs|ss|ff|sf] [lag]`, type and lag in either order. An entry
    /// with a bad type or lag is left out, its target still resolved.
    fn dependency(&mut self, value: &'a ast::Value) -> Option<Dependency> {
        let (first, rest) = self.atoms(value).split_first()?;
        let target = self.reference(RefRole::DependsOn, first)?;
        let mut kind: Option<&Atom> = None;
        let mut lag: Option<&Atom> = None;
        let mut dependency = Dependency {
            target,
            kind: DependencyKind::default(),
            lag: 0,
            span: value.span,
        };
        let mut valid = true;
        for atom in rest {
            let problem = match &atom.kind {
                AtomKind::Path(_) if kind.is_some() => Some(self.second(atom, kind, "type")),
                AtomKind::Path(_) => {
                    kind = Some(atom);
                    match values::word(atom, self.cx.source) {
                        Some(word) => match DependencyKind::from_keyword(word) {
                            Some(value) => {
                                dependency.kind = value;
                                None
                            }
                            None => Some(self.unknown_dependency_kind(word, atom.span)),
                        },
                        None => Some(self.not_in_dependency(atom)),
                    }
                }
                AtomKind::Duration(_) if lag.is_some() => Some(self.second(atom, lag, "lag")),
                AtomKind::Duration(_) => {
                    lag = Some(atom);
                    match values::lag(atom, self.cx.source) {
                        Ok(value) => {
                            dependency.lag = value;
                            None
                        }
                        Err(Invalid::Rejected { at, message }) => {
                            Some(self.cx.invalid_value(at, message))
                        }
                        Err(Invalid::Mismatch { .. }) => Some(self.not_in_dependency(atom)),
                    }
                }
                _ => Some(self.not_in_dependency(atom)),
            };
            if let Some(diagnostic) = problem {
                valid = false;
                self.cx.out.diagnostics.push(diagnostic);
            }
        }
        valid.then_some(dependency)
    }

    fn second(&self, atom: &Atom, first: Option<&Atom>, what: &str) -> Diagnostic {
        let source = self.cx.source;
        let message = format!(
            "a dependency has one {what}: `{}` comes after `{}`",
            atom.display(source),
            first
                .map(|first| first.display(source).to_string())
                .unwrap_or_default()
        );
        self.cx.invalid_value(atom.span, message)
    }

    fn unknown_dependency_kind(&self, word: &str, span: Span) -> Diagnostic {
        let keywords = schema::DEPENDENCY_KIND_KEYWORDS;
        let message = format!(
            "`{word}` is not a dependency type: use {}",
            schema::join_words(keywords, " or ")
        );
        suggest::did_you_mean(
            self.cx.invalid_value(span, message),
            suggest::nearest(word, keywords.iter().copied()),
        )
    }

    fn not_in_dependency(&self, atom: &Atom) -> Diagnostic {
        let message = format!(
            "unexpected `{}` in a dependency: write `target`, then optionally a type \
             (fs, ss, ff, sf) and a lag (+1w, -2d)",
            atom.display(self.cx.source)
        );
        self.cx.invalid_value(atom.span, message)
    }

    /// `resource amount`. An entry without a valid amount is left out, its
    /// resource still resolved.
    fn allocation(&mut self, value: &'a ast::Value) -> Option<Allocation> {
        let (first, rest) = self.atoms(value).split_first()?;
        let resource = self.reference(RefRole::Allocate, first)?;
        let Some((amount, extra)) = rest.split_first() else {
            let name = first.display(self.cx.source).to_string();
            let message = format!(
                "`allocate: {name}` needs an amount: a number of people (`{name} 2`) or a \
                 share of capacity (`{name} 50%`)"
            );
            self.cx.invalid(value.span, message);
            return None;
        };
        self.unexpected(extra, amount);
        let amount = self.check(amount, values::amount(amount, self.cx.source))?;
        Some(Allocation {
            resource,
            amount,
            span: value.span,
        })
    }
}
