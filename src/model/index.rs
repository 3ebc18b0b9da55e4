//! What the model's lookups need, computed once when it is built.

use std::sync::Arc;

use crate::base::Groups;
use crate::model::def::{Def, DefId, RefId, Resolved};
use crate::model::resolve::Fault;
use crate::model::scope::Names;
use crate::syntax::ast::ItemKind;

/// What resolving every reference found, and the lookups made from it. An
/// edit that changes no name leaves it valid, and the next model shares it.
#[derive(Debug, Default)]
pub(super) struct Index {
    pub names: Names,
    /// By reference: what its name resolved to.
    pub resolved: Vec<Resolved>,
    /// The references to report, in order.
    pub faults: Vec<Fault>,
    /// By definition: the references resolved to it.
    pub references_to: Groups<RefId>,
    /// By program: the references qualified by its name.
    pub qualified_by: Groups<RefId>,
    pub calendars: Vec<DefId>,
}

impl Index {
    pub fn build(
        names: Names,
        resolved: Vec<Resolved>,
        faults: Vec<Fault>,
        defs: &[Arc<Def>],
    ) -> Index {
        let ids: Vec<RefId> = (0..resolved.len() as u32).map(RefId).collect();
        let by = |target: fn(&Resolved) -> Option<DefId>| {
            Groups::new(defs.len(), &ids, |id| {
                Some(target(&resolved[id.index()])?.index())
            })
        };
        Index {
            references_to: by(|resolved| resolved.target),
            qualified_by: by(|resolved| resolved.qualifier),
            // From the table's kinds, not the definitions: that spares
            // reading every definition again.
            calendars: (0..defs.len() as u32)
                .map(DefId)
                .filter(|&def| names.kind(def) == ItemKind::Calendar)
                .collect(),
            names,
            resolved,
            faults,
        }
    }
}
