//! Lowering of all files of a workspace into one semantic model: the
//! definitions, one name table, resolved references and typed values.

mod def;
mod index;
mod lower;
mod renumber;
mod resolve;
mod reuse;
pub mod schema;
mod scope;
mod suggest;
mod values;

use std::sync::{Arc, OnceLock};

use rayon::prelude::*;

pub use def::*;
pub use lower::LoweredFile;
pub use scope::VisibleName;

use crate::base::{Diagnostic, FileId, LineIndex, SharedText};
use crate::syntax::ast::ItemKind;
use crate::syntax::{self, Parse};
use index::Index;
use renumber::Offsets;
use scope::Names;

/// One source file: its path as given, its text, and its syntax.
#[derive(Debug)]
pub struct ParsedFile {
    pub path: String,
    /// Shared with the language server's copy of a file read from disk.
    pub text: SharedText,
    /// Made by the first caller that converts an offset to a line: most
    /// files of a workspace are checked without any.
    line_index: OnceLock<LineIndex>,
    /// Empty once dropped (see [`ParsedFile::lower_dropping_syntax`]), and
    /// filled again from the text by the first caller that needs it.
    syntax: OnceLock<Parse>,
}

impl ParsedFile {
    pub fn new(path: impl Into<String>, text: impl Into<SharedText>) -> ParsedFile {
        let text = text.into();
        ParsedFile {
            path: path.into(),
            line_index: OnceLock::new(),
            syntax: OnceLock::from(syntax::parse(&text)),
            text,
        }
    }

    /// Each `(path, text)` parsed, in the same order, the files spread over
    /// the machine's cores: files parse independently of each other.
    pub fn parse_all(sources: Vec<(String, String)>) -> Vec<Arc<ParsedFile>> {
        sources
            .into_par_iter()
            .map(|(path, text)| Arc::new(ParsedFile::new(path, text)))
            .collect()
    }

    pub fn line_index(&self) -> &LineIndex {
        self.line_index.get_or_init(|| LineIndex::new(&self.text))
    }

    /// The file's syntax tree, its errors and comments; parsed again, and
    /// kept from then on, if it was dropped.
    pub fn parse(&self) -> &Parse {
        self.syntax.get_or_init(|| syntax::parse(&self.text))
    }

    #[cfg(test)]
    pub(crate) fn holds_syntax(&self) -> bool {
        self.syntax.get().is_some()
    }

    /// Calls `f` with the file's syntax: the one kept, or else one parsed
    /// for the call alone, so that a file whose syntax was dropped does not
    /// keep it afterwards.
    pub fn with_parse<R>(&self, f: impl FnOnce(&Parse) -> R) -> R {
        match self.syntax.get() {
            Some(parse) => f(parse),
            None => f(&syntax::parse(&self.text)),
        }
    }

    /// The file parsed and lowered as the file at `place`, its syntax then
    /// dropped unless `keep_syntax`. The syntax trees are most of the memory
    /// a model's files take, while the model and every analysis read only
    /// the lowering: trees are worth keeping for the files an editor shows,
    /// whose features read them at every keystroke, and parsed again on
    /// demand for any other.
    pub fn lower_dropping_syntax(
        path: String,
        text: SharedText,
        place: FileId,
        keep_syntax: bool,
    ) -> (Arc<ParsedFile>, Arc<LoweredFile>) {
        ParsedFile::lower_dropping_syntax_at(path, text, place, Offsets::ZERO, keep_syntax)
    }

    /// As [`ParsedFile::lower_dropping_syntax`], the ids counted from `base`.
    fn lower_dropping_syntax_at(
        path: String,
        text: SharedText,
        place: FileId,
        base: Offsets,
        keep_syntax: bool,
    ) -> (Arc<ParsedFile>, Arc<LoweredFile>) {
        let mut file = ParsedFile::new(path, text);
        let lowered = LoweredFile::at(place, base, &file);
        if !keep_syntax {
            file.syntax.take();
        }
        (Arc::new(file), Arc::new(lowered))
    }
}

/// The whole workspace, understood.
#[derive(Debug)]
pub struct Model {
    /// By `FileId` index.
    pub files: Vec<Arc<ParsedFile>>,
    /// By `DefId` index, in file order and text order within a file.
    pub defs: Vec<Arc<Def>>,
    /// By `FileId` index: the file's references, shared with its lowering.
    refs: Vec<Arc<Vec<Reference>>>,
    /// By `FileId` index: the id of the file's first reference.
    first_refs: Vec<u32>,
    /// How many references are `depends_on:` entries.
    dependencies: usize,
    /// Syntax errors and what lowering and resolution found, sorted by place.
    pub diagnostics: Vec<Diagnostic>,
    index: Arc<Index>,
    /// By `FileId` index: the stamp of the lowering the file's definitions
    /// and references come from.
    lowerings: Vec<u64>,
}

impl Model {
    /// Lowers every file into one model: definitions numbered in file order
    /// and text order, every reference resolved in one shared namespace.
    pub fn build(files: Vec<Arc<ParsedFile>>) -> Model {
        let lowered = LoweredFile::lower_all(&files);
        Model::from_lowered(files, lowered, None)
    }

    /// The model of `sources`, each `(path, text)`, as `pgm check` makes it:
    /// each file is lowered as soon as it is parsed and its syntax dropped
    /// (see [`ParsedFile::lower_dropping_syntax`]), so that no more syntax
    /// trees are held at once than there are cores.
    pub fn build_dropping_syntax(sources: Vec<(String, String)>) -> Model {
        let lower = |index: usize, (path, text): (String, String), base| {
            let place = FileId(index as u32);
            ParsedFile::lower_dropping_syntax_at(path, text.into(), place, base, false)
        };
        let (files, lowered) = if rayon::current_num_threads() == 1 {
            // One after the other, each file's ids follow the file before
            // it, and no definition is read again to renumber it.
            let mut base = Offsets::ZERO;
            let in_order = sources.into_iter().enumerate();
            in_order
                .map(|(index, source)| {
                    let (file, lowered) = lower(index, source, base);
                    base = base.after(lowered.defs.len(), lowered.refs.len());
                    (file, lowered)
                })
                .unzip()
        } else {
            let in_parallel = sources.into_par_iter().enumerate();
            in_parallel
                .map(|(index, source)| lower(index, source, Offsets::ZERO))
                .unzip()
        };
        Model::from_lowered(files, lowered, None)
    }

    /// The model of `files` from the lowering of each, in the same order:
    /// what `build` does once each file is lowered. When no name differs
    /// from those of `previous`, the model made before from the same
    /// workspace, each reference resolves as it did there, and the name
    /// table and the indexes made from the resolution are shared with it.
    pub fn from_lowered(
        files: Vec<Arc<ParsedFile>>,
        lowered: Vec<Arc<LoweredFile>>,
        previous: Option<&Model>,
    ) -> Model {
        let lowered = LoweredFile::place_all(lowered);
        let lowerings = lowered.iter().map(|file| file.stamp()).collect();
        let sources: Vec<&str> = files.iter().map(|file| &*file.text).collect();
        let unchanged = previous.filter(|previous| reuse::same_names(previous, &lowered, &sources));
        let lower::Concatenated {
            defs,
            refs,
            dependencies,
            mut diagnostics,
        } = lower::concatenate(lowered);
        let first_refs = refs
            .iter()
            .scan(0, |next, file| {
                let first = *next;
                *next += file.len() as u32;
                Some(first)
            })
            .collect();
        let ref_count = refs.iter().map(|file| file.len()).sum();
        let mut all_refs: Vec<&Reference> = Vec::with_capacity(ref_count);
        all_refs.extend(refs.iter().flat_map(|file| file.iter()));
        let index = match unchanged {
            Some(previous) => previous.index.clone(),
            None => {
                let names = Names::build(&defs);
                let (resolved, faults) = resolve::look_up_all(&names, &all_refs, &sources);
                Arc::new(Index::build(names, resolved, faults, &defs))
            }
        };
        diagnostics.extend(index.names.duplicate_diagnostics(&defs));
        resolve::report_all(
            &defs,
            &index.names,
            &all_refs,
            &sources,
            &index.faults,
            &mut diagnostics,
        );
        diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        Model {
            files,
            defs,
            refs,
            first_refs,
            dependencies,
            diagnostics,
            index,
            lowerings,
        }
    }

    pub fn file(&self, id: FileId) -> &ParsedFile {
        &self.files[id.index()]
    }

    pub fn def(&self, id: DefId) -> &Def {
        &self.defs[id.index()]
    }

    pub fn reference(&self, id: RefId) -> &Reference {
        let file = self.first_refs.partition_point(|&first| first <= id.0) - 1;
        &self.refs[file][(id.0 - self.first_refs[file]) as usize]
    }

    /// The kind of a definition, from a list of the kinds alone: a pass
    /// that looks for a few kinds reads that list rather than every
    /// definition.
    pub fn kind(&self, def: DefId) -> ItemKind {
        self.index.names.kind(def)
    }

    /// What a reference's name resolved to, whatever its kind.
    pub fn resolution(&self, id: RefId) -> Resolved {
        self.index.resolved[id.index()]
    }

    /// The name a reference writes, segments joined with dots.
    pub fn reference_text(&self, id: RefId) -> String {
        let reference = self.reference(id);
        reference.text(&self.file(reference.file).text)
    }

    /// How many `depends_on:` entries are written as names, resolved or
    /// not: the dependency graph has at most as many edges.
    pub fn dependency_count(&self) -> usize {
        self.dependencies
    }

    /// How many references the workspace has; their ids count from zero.
    pub fn ref_count(&self) -> usize {
        self.index.resolved.len()
    }

    /// Every reference with its id, in file order and text order within a file.
    pub fn references(&self) -> impl Iterator<Item = (RefId, &Reference)> {
        let all = self.refs.iter().flat_map(|file| file.iter());
        all.enumerate()
            .map(|(index, reference)| (RefId(index as u32), reference))
    }
}

/// Lookups over the model, each answered from an index made once in `build`.
impl Model {
    /// What a reference names when that is a kind its role accepts; the one
    /// way analyses follow references.
    pub fn target(&self, reference: RefId) -> Option<DefId> {
        let resolved = self.index.resolved.get(reference.index())?;
        resolved.target.filter(|_| resolved.accepted)
    }

    /// Every reference resolved to `def`, whatever its role, in order.
    pub fn references_to(&self, def: DefId) -> &[RefId] {
        self.index.references_to.of(def.index())
    }

    /// Every qualified reference whose first segment names `program`.
    pub fn qualified_by(&self, program: DefId) -> &[RefId] {
        self.index.qualified_by.of(program.index())
    }

    /// The definition of a qualified name, `apollo.iam` or `alice`.
    pub fn lookup(&self, qualified: &str) -> Option<DefId> {
        let segments: Vec<&str> = qualified.split('.').collect();
        self.resolve(None, &segments)
    }

    /// What a name written inside `scope` (a program, or `None` for the top)
    /// means, by the rules lowering resolves references with.
    pub fn resolve<S: AsRef<str>>(&self, scope: Option<DefId>, segments: &[S]) -> Option<DefId> {
        self.index.names.resolve(scope, segments).target()
    }

    /// The scope the properties of `def` are written in: its program, itself
    /// for a program, `None` at the top.
    pub fn scope_of(&self, def: DefId) -> Option<DefId> {
        scope::scope_of(&self.defs, def)
    }

    /// Every definition a reference in `role` may name from `scope`, as it
    /// would be written there, in definition order.
    pub fn visible_names(&self, scope: Option<DefId>, role: RefRole) -> Vec<VisibleName> {
        self.index.names.visible(&self.defs, scope, role)
    }

    /// The definitions of a file, in text order.
    pub fn defs_in_file(&self, file: FileId) -> impl ExactSizeIterator<Item = DefId> + use<> {
        let start = self.defs.partition_point(|def| def.file < file);
        let end = self.defs.partition_point(|def| def.file <= file);
        (start..end).map(|index| DefId(index as u32))
    }

    /// The references of a file, in text order.
    pub fn refs_in_file(&self, file: FileId) -> impl ExactSizeIterator<Item = RefId> + use<> {
        let first = self.first_refs.get(file.index()).copied().unwrap_or(0);
        let count = self
            .refs
            .get(file.index())
            .map_or(0, |refs| refs.len() as u32);
        (first..first + count).map(RefId)
    }

    /// The items of a program in text order; nothing for anything else.
    pub fn children(&self, program: DefId) -> &[DefId] {
        match self.defs.get(program.index()).map(|def| &def.data) {
            Some(DefData::Program(program)) => &program.children,
            _ => &[],
        }
    }

    /// The holidays of every calendar of the workspace.
    pub fn holidays(&self) -> impl Iterator<Item = &Spanned<DateRange>> {
        self.index
            .calendars
            .iter()
            .filter_map(|&calendar| match &self.def(calendar).data {
                DefData::Calendar(calendar) => Some(calendar.holidays.iter()),
                _ => None,
            })
            .flatten()
    }
}
