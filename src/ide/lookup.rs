//! Questions about the model that several features ask: which definitions
//! a file holds, which syntax item a definition came from, where a
//! definition is named, what depends on it and what threatens it.

use crate::analysis::Analysis;
use crate::base::{FileId, FileSpan, Span};
use crate::model::{Allocation, DefData, DefId, Model, RefId, RefRole};
use crate::syntax::ast::{self, Item, Member, Property};
use crate::syntax::lexer::{self, Token, TokenKind};

pub(crate) fn all_defs(model: &Model) -> impl Iterator<Item = DefId> {
    (0..model.defs.len()).map(|index| DefId(index as u32))
}

/// The definition one segment of a written name stands for: the last
/// segment names the target, the first of a qualified name its program.
pub(crate) fn segment_target(model: &Model, reference: RefId, segment: usize) -> Option<DefId> {
    let resolved = model.resolution(reference);
    if segment + 1 == model.reference(reference).segments.len() {
        resolved.target
    } else if segment == 0 {
        resolved.qualifier
    } else {
        None
    }
}

/// One place where a definition is named in a value.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) struct Mention {
    pub reference: RefId,
    pub segment: usize,
    pub at: FileSpan,
}

/// Every segment of every written name that stands for `def`: the last
/// segment of the names resolved to it and, for a program, the first of
/// the names it qualifies.
pub(crate) fn mentions(model: &Model, def: DefId) -> Vec<Mention> {
    let mention = |reference: RefId, segment: usize| {
        let written = model.reference(reference);
        let name = written.segments.get(segment)?;
        Some(Mention {
            reference,
            segment,
            at: FileSpan::new(written.file, *name),
        })
    };
    let targets = model.references_to(def).iter().filter_map(|&reference| {
        let last = model.reference(reference).segments.len().checked_sub(1)?;
        mention(reference, last)
    });
    let qualifiers = model
        .qualified_by(def)
        .iter()
        .filter_map(|&reference| mention(reference, 0));
    targets.chain(qualifiers).collect()
}

/// The span a definition's name occupies, if it has a name.
pub(crate) fn name_location(model: &Model, def: DefId) -> Option<FileSpan> {
    let def = model.def(def);
    def.kind().is_named().then(|| def.name_location())
}

/// The span that identifies a syntax item: its name, or the keyword of the
/// unnamed calendar. Definitions keep the same span as `name_span`.
fn identifying_span(item: &Item) -> Option<Span> {
    match &item.name {
        Some(name) => Some(name.span),
        None if !item.kind.is_named() => Some(item.keyword_span),
        None => None,
    }
}

/// The items nested in an item's body.
pub(crate) fn child_items(item: &Item) -> impl Iterator<Item = &Item> {
    item.body.iter().flat_map(|body| {
        body.members.iter().filter_map(|member| match member {
            Member::Item(item) => Some(&**item),
            Member::Property(_) => None,
        })
    })
}

pub(crate) fn properties(item: &Item) -> impl Iterator<Item = &Property> {
    item.body.iter().flat_map(|body| {
        body.members.iter().filter_map(|member| match member {
            Member::Property(property) => Some(property),
            Member::Item(_) => None,
        })
    })
}

/// The items around `offset`, outermost first: at each level the item that
/// contains it, or else one that ends right there. Members are in text
/// order, so each level is a binary search, however long the program.
pub(crate) fn items_around(source: &ast::SourceFile, offset: usize) -> Vec<&Item> {
    let mut path: Vec<&Item> = Vec::new();
    let mut level = item_around(&source.items, offset, |item| item.span, Some);
    while let Some(item) = level {
        path.push(item);
        level = item.body.as_ref().and_then(|body| {
            item_around(&body.members, offset, member_span, |member| match member {
                Member::Item(item) => Some(&**item),
                Member::Property(_) => None,
            })
        });
    }
    path
}

fn member_span(member: &Member) -> Span {
    match member {
        Member::Item(item) => item.span,
        Member::Property(property) => property.span,
    }
}

/// Among `members` in text order, the item that contains `offset`, or else
/// the one that ends there.
fn item_around<'a, M>(
    members: &'a [M],
    offset: usize,
    span: impl Fn(&M) -> Span,
    as_item: impl Fn(&'a M) -> Option<&'a Item>,
) -> Option<&'a Item> {
    let first_reaching = members.partition_point(|member| span(member).end() < offset);
    let mut touching = None;
    for item in members[first_reaching..].iter().take(2).filter_map(as_item) {
        if item.span.start() <= offset && offset < item.span.end() {
            return Some(item);
        }
        if item.span.touches(offset) {
            touching.get_or_insert(item);
        }
    }
    touching
}

/// The syntax item a definition was lowered from.
pub(crate) fn item_of(model: &Model, def: DefId) -> Option<&Item> {
    let def = model.def(def);
    let source = &model.file(def.file).parse().file;
    items_around(source, def.name_span.start())
        .into_iter()
        .rev()
        .find(|item| item.kind == def.kind() && identifying_span(item) == Some(def.name_span))
}

/// The definition lowered from a syntax item of `file`.
pub(crate) fn def_of(model: &Model, file: FileId, item: &Item) -> Option<DefId> {
    let span = identifying_span(item)?;
    model.defs_in_file(file).find(|&id| {
        let def = model.def(id);
        def.kind() == item.kind && def.name_span == span
    })
}

/// The definitions that depend on `def`, each with the `depends_on:`
/// entries that make them depend on it.
pub(crate) fn dependents(analysis: &Analysis, def: DefId) -> Vec<(DefId, Vec<FileSpan>)> {
    group_edges(analysis, analysis.graph.successors(def), |edge| {
        edge.successor
    })
}

/// The definitions `def` depends on, each with its own `depends_on:`
/// entries that name them.
pub(crate) fn dependencies(analysis: &Analysis, def: DefId) -> Vec<(DefId, Vec<FileSpan>)> {
    group_edges(analysis, analysis.graph.predecessors(def), |edge| {
        edge.predecessor
    })
}

fn group_edges(
    analysis: &Analysis,
    edges: &[crate::analysis::EdgeId],
    other_end: impl Fn(&crate::analysis::Edge) -> DefId,
) -> Vec<(DefId, Vec<FileSpan>)> {
    let mut groups: Vec<(DefId, Vec<FileSpan>)> = Vec::new();
    for &id in edges {
        let edge = analysis.graph.edge(id);
        let other = other_end(edge);
        match groups.iter_mut().find(|(def, _)| *def == other) {
            Some((_, entries)) => entries.push(edge.at),
            None => groups.push((other, vec![edge.at])),
        }
    }
    groups
}

/// The definitions whose property in `role` names `def`, in order.
pub(crate) fn named_by(model: &Model, def: DefId, role: RefRole) -> Vec<DefId> {
    let mut from: Vec<DefId> = model
        .references_to(def)
        .iter()
        .map(|&reference| model.reference(reference))
        .filter(|reference| reference.role == role)
        .map(|reference| reference.from)
        .collect();
    from.dedup();
    from
}

/// Every allocation that names `resource`, with the project that makes it.
pub(crate) fn allocations_of(model: &Model, resource: DefId) -> Vec<(DefId, &Allocation)> {
    model
        .references_to(resource)
        .iter()
        .filter_map(|&reference| {
            let from = model.reference(reference).from;
            let DefData::Project(project) = &model.def(from).data else {
                return None;
            };
            let allocation = project
                .allocate
                .iter()
                .find(|allocation| allocation.resource == reference)?;
            Some((from, allocation))
        })
        .collect()
}

/// Whether `word` could be a name: exactly one identifier to the lexer,
/// which keeps keywords apart.
pub(crate) fn is_identifier(word: &str) -> bool {
    matches!(
        lexer::lex(word).as_slice(),
        [Token { kind: TokenKind::Ident, span }] if span.len() == word.len()
    )
}
