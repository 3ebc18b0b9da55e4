//! What an edit that changes no name leaves of the model before it: every
//! reference resolves as it did, so the resolution, the name table and the
//! indexes made from them carry over, and only the edited files' values are
//! new. Typing a date, a duration or a title is such an edit.

use std::sync::Arc;

use crate::model::def::{Def, RefId, Reference};
use crate::model::{LoweredFile, Model};

/// Whether the placed `lowered` files define the same names as `previous`
/// did, at the same ids, and write the same names in the same places, so
/// that every lookup finds what it found there. A file whose lowering is
/// the very one `previous` was made from is the same without a look.
/// `sources` are the texts the lowerings were made from.
pub(super) fn same_names(previous: &Model, lowered: &[Arc<LoweredFile>], sources: &[&str]) -> bool {
    // Placed, the last file ends where the workspace does.
    let ends = lowered.last().map_or((0, 0), |file| {
        let (defs, refs) = file.ranges();
        (defs.end, refs.end)
    });
    if previous.lowerings.len() != lowered.len()
        || ends != (previous.defs.len(), previous.ref_count())
    {
        return false;
    }
    lowered
        .iter()
        .zip(&previous.lowerings)
        .zip(sources)
        .all(|((file, &stamp), source)| {
            if file.stamp() == stamp {
                return true;
            }
            let written = |reference: &Reference| {
                let before = previous.file(reference.file).text.as_ref();
                reference.segment_texts(before)
            };
            let (defs, refs) = file.ranges();
            let same_defs = file
                .defs
                .iter()
                .zip(&previous.defs[defs])
                .all(|(now, before)| same_def_name(now, before));
            let same_refs = file.refs.iter().zip(refs).all(|(now, id)| {
                let before = previous.reference(RefId(id as u32));
                same_lookup(now, before) && now.segment_texts(source) == written(before)
            });
            same_defs && same_refs
        })
}

/// What the name table reads of a definition.
fn same_def_name(now: &Arc<Def>, before: &Arc<Def>) -> bool {
    Arc::ptr_eq(now, before)
        || (now.kind() == before.kind() && now.name == before.name && now.program == before.program)
}

/// What a lookup reads of a reference, besides the text of its name.
fn same_lookup(now: &Reference, before: &Reference) -> bool {
    now.from == before.from && now.role == before.role
}
