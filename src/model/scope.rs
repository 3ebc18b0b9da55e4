//! The name table of a workspace and the one way names are looked up in it.
//!
//! Top-level items (persons, teams, programs) share one scope across every
//! file; each program is a scope of its own for the items inside it. Inside a
//! program a bare name means an item of that program first, then a top-level
//! item; `program.item` reaches into any program.

use std::hash::BuildHasher;
use std::sync::Arc;

use hashbrown::HashTable;
use hashbrown::hash_table::Entry;
use rustc_hash::{FxBuildHasher, FxHashMap};
use smol_str::{SmolStr, ToSmolStr};

use crate::base::{Code, Diagnostic, same_text};
use crate::model::def::{Def, DefData, DefId, RefRole};
use crate::syntax::ast::ItemKind;

/// The maps hash with FxHash: their keys are the workspace's own names, not
/// an attacker's, and SipHash was a sixth of making the model on each edit.
#[derive(Debug, Default)]
pub(super) struct Names {
    /// By definition: its name, for the tables to compare with.
    names: Vec<SmolStr>,
    top: NameTable,
    /// By program name: the index in `scopes` of the items of every program
    /// block of that name.
    programs: FxHashMap<SmolStr, usize>,
    scopes: Vec<ProgramScope>,
    /// By definition: the index in `scopes` of the names its properties see
    /// first, its program's or, for a program, its own; so that a reference
    /// finds them without hashing a name or reading its definition.
    home: Vec<Option<u32>>,
    /// Each definition whose name its scope already had, after the first
    /// of the name.
    duplicates: Vec<(DefId, DefId)>,
    /// By definition: its kind. Looking up every reference checks the kind
    /// of what it found, and reading it here rather than from the
    /// definition spares a cache miss on each.
    kinds: Vec<ItemKind>,
}

#[derive(Debug)]
struct ProgramScope {
    /// The first program of the name: the one `name.item` qualifies by.
    program: DefId,
    items: NameTable,
}

/// The definitions of one scope, found by name. A table holds only ids, 4
/// bytes a name, and compares with `Names::names`, where a scope's names lie
/// side by side: holding the names themselves, the table of 17,000
/// top-level names took a megabyte and missed the cache on most lookups.
#[derive(Debug, Default)]
struct NameTable(HashTable<DefId>);

fn hash(name: &str) -> u64 {
    FxBuildHasher.hash_one(name)
}

/// A name to look up, hashed once for every table it is looked up in.
#[derive(Clone, Copy)]
struct Key<'n> {
    name: &'n str,
    hash: u64,
}

impl<'n> Key<'n> {
    fn new(name: &'n str) -> Key<'n> {
        Key {
            name,
            hash: hash(name),
        }
    }

    /// Whether a definition, in a table comparing with `names`, has this name.
    fn names(self, names: &[SmolStr]) -> impl Fn(&DefId) -> bool {
        move |def| same_text(&names[def.index()], self.name)
    }
}

impl NameTable {
    fn with_capacity(capacity: usize) -> NameTable {
        NameTable(HashTable::with_capacity(capacity))
    }

    fn get(&self, names: &[SmolStr], key: Key<'_>) -> Option<DefId> {
        self.0.find(key.hash, key.names(names)).copied()
    }

    /// Adds `def` under its name; the definition that has the name already,
    /// if one has.
    fn insert(&mut self, names: &[SmolStr], def: DefId) -> Result<(), DefId> {
        let key = Key::new(&names[def.index()]);
        let rehash = |other: &DefId| hash(&names[other.index()]);
        match self.0.entry(key.hash, key.names(names), rehash) {
            Entry::Occupied(first) => Err(*first.get()),
            Entry::Vacant(slot) => {
                slot.insert(def);
                Ok(())
            }
        }
    }

    fn ids(&self) -> impl Iterator<Item = DefId> + '_ {
        self.0.iter().copied()
    }
}

/// A name as it can be written from some scope, and what it means there.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct VisibleName {
    /// `iam` inside its program or for a top-level item, `apollo.iam` elsewhere.
    pub text: SmolStr,
    pub def: DefId,
}

/// What looking up a written name found.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Resolution {
    Found {
        target: DefId,
        qualifier: Option<DefId>,
    },
    /// No item of the name in the scopes the name was looked for in.
    Missing,
    /// No program named by the qualifier, `apolo` in `apolo.iam`.
    NoSuchProgram,
    /// The qualifier names something that is not a program.
    NotAProgram(DefId),
    /// The program has no item of the name.
    NotInProgram(DefId),
    /// More than `program.item`.
    TooManySegments,
}

impl Resolution {
    pub(super) fn target(self) -> Option<DefId> {
        match self {
            Resolution::Found { target, .. } => Some(target),
            _ => None,
        }
    }
}

impl Names {
    /// The table of every named definition, made in one pass over them: a
    /// large workspace's definitions do not fit in the cache, and every
    /// further pass would read them all from memory again.
    pub(super) fn build(defs: &[Arc<Def>]) -> Names {
        let mut names = Names {
            names: Vec::with_capacity(defs.len()),
            home: vec![None; defs.len()],
            kinds: Vec::with_capacity(defs.len()),
            ..Names::default()
        };
        for (index, def) in defs.iter().enumerate() {
            let id = DefId(index as u32);
            names.kinds.push(def.kind());
            names.names.push(def.name.clone());
            if !def.kind().is_named() {
                continue;
            }
            let scope = match def.program {
                None => &mut names.top,
                Some(program) => match names.home[program.index()] {
                    Some(home) => {
                        names.home[index] = Some(home);
                        &mut names.scopes[home as usize].items
                    }
                    None => continue,
                },
            };
            if let Err(first) = scope.insert(&names.names, id) {
                names.duplicates.push((first, id));
            }
            if let DefData::Program(program) = &def.data {
                let scopes = &mut names.scopes;
                let scope = *names.programs.entry(def.name.clone()).or_insert_with(|| {
                    scopes.push(ProgramScope {
                        program: id,
                        items: NameTable::with_capacity(program.children.len()),
                    });
                    scopes.len() - 1
                });
                names.home[index] = Some(scope as u32);
            }
        }
        names
    }

    /// A diagnostic for each name defined again in the scope of an earlier
    /// one.
    pub(super) fn duplicate_diagnostics<'d>(
        &'d self,
        defs: &'d [Arc<Def>],
    ) -> impl Iterator<Item = Diagnostic> + 'd {
        self.duplicates
            .iter()
            .map(|&(first, again)| duplicate(defs, first, &defs[again.index()]))
    }

    /// Looks up `segments` as written inside `scope`, a program, or at the
    /// top when `scope` is `None`.
    pub(super) fn resolve<S: AsRef<str>>(
        &self,
        scope: Option<DefId>,
        segments: &[S],
    ) -> Resolution {
        self.resolve_seeing(scope.and_then(|program| self.scope(program)), segments)
    }

    /// Looks up `segments` as written in a property of `def`.
    pub(super) fn resolve_from<S: AsRef<str>>(&self, def: DefId, segments: &[S]) -> Resolution {
        let home = self.home.get(def.index()).copied().flatten();
        self.resolve_seeing(home.map(|home| &self.scopes[home as usize]), segments)
    }

    /// Looks up `segments` where the names of `local`, if any, come before
    /// the top-level ones.
    fn resolve_seeing<S: AsRef<str>>(
        &self,
        local: Option<&ProgramScope>,
        segments: &[S],
    ) -> Resolution {
        match segments {
            [name] => {
                let key = Key::new(name.as_ref());
                let local = local.and_then(|scope| scope.items.get(&self.names, key));
                match local.or_else(|| self.top.get(&self.names, key)) {
                    Some(target) => Resolution::Found {
                        target,
                        qualifier: None,
                    },
                    None => Resolution::Missing,
                }
            }
            [program, name] => {
                let scope = self.programs.get(program.as_ref());
                let Some(scope) = scope.map(|&scope| &self.scopes[scope]) else {
                    return match self.top.get(&self.names, Key::new(program.as_ref())) {
                        Some(other) => Resolution::NotAProgram(other),
                        None => Resolution::NoSuchProgram,
                    };
                };
                match scope.items.get(&self.names, Key::new(name.as_ref())) {
                    Some(target) => Resolution::Found {
                        target,
                        qualifier: Some(scope.program),
                    },
                    None => Resolution::NotInProgram(scope.program),
                }
            }
            _ => Resolution::TooManySegments,
        }
    }

    /// Every definition a reference in `role` may name from `scope`, as it
    /// would be written there, in definition order.
    pub(super) fn visible(
        &self,
        defs: &[Arc<Def>],
        scope: Option<DefId>,
        role: RefRole,
    ) -> Vec<VisibleName> {
        let local = scope.and_then(|program| self.scope(program));
        let shadowed =
            |key: Key<'_>| local.is_some_and(|local| local.items.get(&self.names, key).is_some());
        defs.iter()
            .enumerate()
            .filter(|(_, def)| role.accepts().contains(&def.kind()))
            .filter_map(|(index, def)| {
                let id = DefId(index as u32);
                let key = Key::new(&def.name);
                let text = match def.program {
                    None if self.top.get(&self.names, key) == Some(id) && !shadowed(key) => {
                        def.name.clone()
                    }
                    None => return None,
                    Some(program) => {
                        let home = self.scope(program)?;
                        if home.items.get(&self.names, key) != Some(id) {
                            return None;
                        }
                        let at_home = local.is_some_and(|local| local.program == home.program);
                        if at_home {
                            def.name.clone()
                        } else {
                            def.qualified_name().to_smolstr()
                        }
                    }
                };
                Some(VisibleName { text, def: id })
            })
            .collect()
    }

    pub(super) fn kind(&self, def: DefId) -> ItemKind {
        self.kinds[def.index()]
    }

    /// The names inside a program, shared by every program block of its name.
    fn scope(&self, program: DefId) -> Option<&ProgramScope> {
        if self.kinds.get(program.index()) != Some(&ItemKind::Program) {
            return None;
        }
        let scope = (*self.home.get(program.index())?)?;
        self.scopes.get(scope as usize)
    }

    /// The names of every program, for suggestions.
    pub(super) fn program_names(&self) -> impl Iterator<Item = &str> {
        self.programs.keys().map(SmolStr::as_str)
    }

    /// The items of a program of a role's kinds, for suggestions.
    pub(super) fn program_items(
        &self,
        program: DefId,
        role: RefRole,
    ) -> impl Iterator<Item = &str> {
        self.scope(program)
            .into_iter()
            .flat_map(|scope| scope.items.ids())
            .filter(move |item| role.accepts().contains(&self.kind(*item)))
            .map(|item| self.names[item.index()].as_str())
    }
}

fn duplicate(defs: &[Arc<Def>], first: DefId, again: &Def) -> Diagnostic {
    let first = &defs[first.index()];
    let message = match again.program {
        Some(program) => format!(
            "program `{}` already has {} named `{}`",
            defs[program.index()].name,
            article(first.kind()),
            again.name
        ),
        None => format!(
            "there is already {} named `{}`",
            article(first.kind()),
            again.name
        ),
    };
    Diagnostic::new(Code::DuplicateDefinition, again.name_location(), message).with_related(
        first.name_location(),
        format!("the first `{}` is defined here", first.qualified_name()),
    )
}

/// `a person`, `a project`: every kind's keyword starts with a consonant.
pub(super) fn article(kind: ItemKind) -> String {
    format!("a {}", kind.keyword())
}

/// The program whose names a definition's properties see first: the program
/// it is in, or itself for a program; `None` at the top.
pub(super) fn scope_of(defs: &[Arc<Def>], def: DefId) -> Option<DefId> {
    let item = &defs[def.index()];
    item.program
        .or_else(|| (item.kind() == ItemKind::Program).then_some(def))
}
