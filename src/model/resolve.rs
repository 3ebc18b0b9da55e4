//! Resolution of every reference through the name table, with a diagnostic
//! for each name that finds nothing or finds the wrong kind of item.

use std::sync::Arc;

use rayon::prelude::*;

use crate::base::{Code, Diagnostic, FileSpan, Span};
use crate::model::def::{Def, RefId, Reference, Resolved};
use crate::model::schema;
use crate::model::scope::{self, Names, Resolution};
use crate::model::suggest;

/// How many candidate names "did you mean" may compare in one build, so that
/// a workspace full of misspellings still lowers in linear time.
const SUGGESTION_BUDGET: usize = 500_000;

/// A reference that names nothing, or an item of a kind it does not take,
/// and what looking it up found.
pub(super) type Fault = (RefId, Resolution);

/// What each reference names, by id, and the faults among them; `sources`
/// are the texts of the files, by id. A lookup only reads the table, so
/// references are looked up in parallel. The few faults are looked up again
/// for what was found, rather than every lookup's result kept beside what
/// it resolved to: that list was 18 MB at 100,000 projects.
pub(super) fn look_up_all(
    names: &Names,
    refs: &[&Reference],
    sources: &[&str],
) -> (Vec<Resolved>, Vec<Fault>) {
    let look_up = |reference: &Reference| {
        names.resolve_from(
            reference.from,
            &reference.segment_texts(sources[reference.file.index()]),
        )
    };
    let resolved: Vec<Resolved> = refs
        .par_iter()
        .map(|reference| resolved(names, reference, look_up(reference)))
        .collect();
    let faults = (0u32..)
        .map(RefId)
        .zip(refs.iter().zip(&resolved))
        .filter(|(_, (_, resolved))| !resolved.accepted)
        .map(|(id, (reference, _))| (id, look_up(reference)))
        .collect();
    (resolved, faults)
}

/// A diagnostic for each fault, in order, the suggestions sharing one
/// budget.
pub(super) fn report_all(
    defs: &[Arc<Def>],
    names: &Names,
    refs: &[&Reference],
    sources: &[&str],
    faults: &[Fault],
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut reporter = Reporter {
        defs,
        names,
        sources,
        budget: SUGGESTION_BUDGET,
        diagnostics,
    };
    for &(reference, resolution) in faults {
        reporter.report(refs[reference.index()], resolution);
    }
}

/// What a reference resolved to, and whether its role takes it: a fault
/// unless it does.
fn resolved(names: &Names, reference: &Reference, resolution: Resolution) -> Resolved {
    match resolution {
        Resolution::Found { target, qualifier } => Resolved {
            target: Some(target),
            qualifier,
            accepted: reference.role.accepts().contains(&names.kind(target)),
        },
        Resolution::NotInProgram(program) => Resolved {
            target: None,
            qualifier: Some(program),
            accepted: false,
        },
        _ => Resolved::default(),
    }
}

struct Reporter<'a> {
    defs: &'a [Arc<Def>],
    names: &'a Names,
    sources: &'a [&'a str],
    budget: usize,
    diagnostics: &'a mut Vec<Diagnostic>,
}

impl Reporter<'_> {
    fn report(&mut self, reference: &Reference, resolution: Resolution) {
        let scope = scope::scope_of(self.defs, reference.from);
        let at = |span: Span| FileSpan::new(reference.file, span);
        let first_segment = reference
            .segments
            .first()
            .copied()
            .unwrap_or(reference.span);
        let source = self.sources[reference.file.index()];
        let written = reference.segment_texts(source);
        let diagnostic = match resolution {
            Resolution::Found { target, .. } => {
                let def = &self.defs[target.index()];
                let text = reference.text(source);
                let message = format!(
                    "`{text}` is {}; `{}` takes {}",
                    scope::article(def.kind()),
                    reference.role.key(),
                    schema::role_takes(reference.role)
                );
                Diagnostic::new(Code::WrongKind, reference.location(), message).with_related(
                    def.name_location(),
                    format!("`{}` is defined here", def.qualified_name()),
                )
            }
            Resolution::Missing => {
                let text = reference.text(source);
                let message = match scope {
                    Some(program) => format!(
                        "there is no `{text}` in program `{}` or at the top level",
                        self.defs[program.index()].name
                    ),
                    None => format!("there is no `{text}` at the top level"),
                };
                // Listing what is visible costs as much as comparing it.
                let visible = if self.defs.len() <= self.budget {
                    self.names.visible(self.defs, scope, reference.role)
                } else {
                    Vec::new()
                };
                let candidates: Vec<&str> = visible.iter().map(|name| name.text.as_str()).collect();
                let near = self.nearest(&text, &candidates);
                let diagnostic =
                    Diagnostic::new(Code::UnresolvedReference, reference.location(), message);
                suggest::did_you_mean(diagnostic, near)
            }
            Resolution::NoSuchProgram => {
                let written = written.first().copied().unwrap_or_default();
                let message = format!("there is no program `{written}`");
                let programs: Vec<&str> = self.names.program_names().collect();
                let near = self.nearest(written, &programs);
                let diagnostic =
                    Diagnostic::new(Code::UnresolvedReference, at(first_segment), message);
                suggest::did_you_mean(diagnostic, near)
            }
            Resolution::NotAProgram(other) => {
                let other = &self.defs[other.index()];
                let message = format!(
                    "`{}` is {}, not a program",
                    other.name,
                    scope::article(other.kind())
                );
                Diagnostic::new(Code::UnresolvedReference, at(first_segment), message).with_related(
                    other.name_location(),
                    format!("`{}` is defined here", other.name),
                )
            }
            Resolution::NotInProgram(program) => {
                let name = written.last().copied().unwrap_or_default();
                let program_name = &self.defs[program.index()].name;
                let message = format!("program `{program_name}` has no item `{name}`");
                let items: Vec<&str> = self.names.program_items(program, reference.role).collect();
                let near = self.nearest(name, &items);
                let diagnostic = Diagnostic::new(
                    Code::UnresolvedReference,
                    at(reference.name_span()),
                    message,
                );
                suggest::did_you_mean(diagnostic, near)
            }
            Resolution::TooManySegments => Diagnostic::new(
                Code::UnresolvedReference,
                reference.location(),
                format!(
                    "`{}` is not a name: write `item` or `program.item`",
                    reference.text(source)
                ),
            ),
        };
        self.diagnostics.push(diagnostic);
    }

    /// The nearest candidate, while the budget lasts.
    fn nearest<'c>(&mut self, written: &str, candidates: &[&'c str]) -> Option<&'c str> {
        self.budget = self.budget.checked_sub(candidates.len())?;
        suggest::nearest(written, candidates.iter().copied())
    }
}
