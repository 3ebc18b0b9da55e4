//! What the model's lookups need, computed once when it is built.

use std::sync::Arc;

use crate::model::def::{Def, DefId, RefId, Reference};
use crate::model::scope::Names;
use crate::syntax::ast::ItemKind;

#[derive(Debug, Default)]
pub(super) struct Index {
    pub names: Names,
    /// By definition: the references resolved to it.
    pub references_to: Groups,
    /// By program: the references qualified by its name.
    pub qualified_by: Groups,
    pub calendars: Vec<DefId>,
}

impl Index {
    pub fn build(names: Names, defs: &[Arc<Def>], refs: &[Reference]) -> Index {
        Index {
            names,
            references_to: Groups::build(defs.len(), refs, |reference| reference.resolved),
            qualified_by: Groups::build(defs.len(), refs, |reference| reference.qualifier),
            calendars: defs
                .iter()
                .enumerate()
                .filter(|(_, def)| def.kind == ItemKind::Calendar)
                .map(|(index, _)| DefId(index as u32))
                .collect(),
        }
    }
}

/// References grouped by a definition, all groups in one allocation.
#[derive(Debug, Default)]
pub(super) struct Groups {
    /// Group `i` is `members[starts[i]..starts[i + 1]]`.
    starts: Vec<u32>,
    members: Vec<RefId>,
}

impl Groups {
    fn build(
        def_count: usize,
        refs: &[Reference],
        key: impl Fn(&Reference) -> Option<DefId>,
    ) -> Groups {
        let mut starts = vec![0u32; def_count + 1];
        for def in refs.iter().filter_map(&key) {
            starts[def.index() + 1] += 1;
        }
        for index in 1..starts.len() {
            starts[index] += starts[index - 1];
        }
        let mut next = starts.clone();
        let mut members = vec![RefId(0); starts[def_count] as usize];
        for (index, reference) in refs.iter().enumerate() {
            if let Some(def) = key(reference) {
                let slot = &mut next[def.index()];
                members[*slot as usize] = RefId(index as u32);
                *slot += 1;
            }
        }
        Groups { starts, members }
    }

    pub fn get(&self, def: DefId) -> &[RefId] {
        match (
            self.starts.get(def.index()),
            self.starts.get(def.index() + 1),
        ) {
            (Some(&start), Some(&end)) => &self.members[start as usize..end as usize],
            _ => &[],
        }
    }
}
