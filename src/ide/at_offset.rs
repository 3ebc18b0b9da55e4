//! What stands at an offset: a definition's name, a segment of a name
//! written in a value, an item keyword, a property key, or a plain word in
//! a value (an enumeration value, a dependency type). Every feature that
//! starts from the cursor asks here.

use crate::base::{FileId, Span};
use crate::ide::lookup::{def_of, items_around, properties, segment_target};
use crate::model::{DefId, Model, RefId};
use crate::syntax::ast::{Atom, AtomKind, Ident, ItemKind, Property, SourceFile};

#[derive(Clone, Copy, Debug)]
pub(crate) enum AtOffset<'m> {
    /// The name of a definition, where it is defined (the keyword of the
    /// unnamed calendar).
    DefName { def: DefId, span: Span },
    /// One segment of a name written in a value, resolved or not.
    Mention {
        reference: RefId,
        segment: usize,
        span: Span,
    },
    /// The keyword that introduces an item.
    Keyword { kind: ItemKind, span: Span },
    /// The key of a property of an item of kind `item`.
    Key {
        item: ItemKind,
        property: &'m Property,
    },
    /// A word in a value that is no name: an enumeration value or a
    /// dependency type.
    Word {
        item: ItemKind,
        property: &'m Property,
        word: &'m Ident,
    },
}

impl AtOffset<'_> {
    pub(crate) fn span(&self) -> Span {
        match *self {
            AtOffset::DefName { span, .. }
            | AtOffset::Mention { span, .. }
            | AtOffset::Keyword { span, .. } => span,
            AtOffset::Key { property, .. } => property.key.span,
            AtOffset::Word { word, .. } => word.span,
        }
    }

    /// The definition the text at the offset stands for, if it names one.
    pub(crate) fn def(&self, model: &Model) -> Option<DefId> {
        match *self {
            AtOffset::DefName { def, .. } => Some(def),
            AtOffset::Mention {
                reference, segment, ..
            } => segment_target(model, reference, segment),
            _ => None,
        }
    }
}

/// What stands at `offset` in `file`. Text that contains the offset wins
/// over text that only ends there, so that `a,b` with the cursor before `b`
/// means `b`.
pub(crate) fn at_offset(model: &Model, file: FileId, offset: usize) -> Option<AtOffset<'_>> {
    let mut candidates: Vec<AtOffset<'_>> = Vec::new();
    let mentions = model
        .refs_in_file(file)
        .map(|id| (id, model.reference(id)))
        .filter(|(_, reference)| reference.span.touches(offset));
    for (id, reference) in mentions {
        for (segment, name) in reference.segments.iter().enumerate() {
            candidates.push(AtOffset::Mention {
                reference: id,
                segment,
                span: *name,
            });
        }
    }
    let tree = &model.file(file).parse().file;
    let items = items_around(tree, offset);
    if let Some(&item) = items.last() {
        // The unnamed calendar is identified by its keyword, which then
        // stands for the definition.
        if let Some(def) = def_of(model, file, item) {
            candidates.push(AtOffset::DefName {
                def,
                span: model.def(def).name_span,
            });
        }
        candidates.push(AtOffset::Keyword {
            kind: item.kind,
            span: item.keyword_span,
        });
        for property in properties(item).filter(|property| property.span.touches(offset)) {
            candidates.push(AtOffset::Key {
                item: item.kind,
                property,
            });
            for word in value_words(tree, property) {
                let is_a_name = candidates
                    .iter()
                    .any(|candidate| candidate.span() == word.span);
                if !is_a_name {
                    candidates.push(AtOffset::Word {
                        item: item.kind,
                        property,
                        word,
                    });
                }
            }
        }
    }
    let contains = |candidate: &&AtOffset<'_>| {
        let span = candidate.span();
        span.start() <= offset && offset < span.end()
    };
    let touches = |candidate: &&AtOffset<'_>| candidate.span().touches(offset);
    candidates
        .iter()
        .find(contains)
        .or_else(|| candidates.iter().find(touches))
        .copied()
}

/// The one-word paths among a property's values, ranges included.
pub(crate) fn value_words<'t>(
    tree: &'t SourceFile,
    property: &Property,
) -> impl Iterator<Item = &'t Ident> {
    tree.values(property)
        .iter()
        .flat_map(|value| tree.atoms(value).iter().flat_map(flatten_atom))
        .filter_map(|atom| match &atom.kind {
            AtomKind::Path(path) if path.segments.len() == 1 => path.segments.first(),
            _ => None,
        })
}

/// An atom, or the two ends of a range.
pub(crate) fn flatten_atom(atom: &Atom) -> Vec<&Atom> {
    match &atom.kind {
        AtomKind::Range(first, last) => vec![first.as_ref(), last.as_ref()],
        _ => vec![atom],
    }
}
