//! Moving one file's lowered definitions and references behind those of
//! the files before it, and to the file's place among them. Each file is
//! lowered on its own, counting its ids from zero, so that files lower in
//! parallel and an unchanged file's lowering can be kept, even when files
//! before it come or go.
//!
//! Every struct is taken apart field by field, so that a field added later
//! does not compile until it is renumbered here too.

use crate::base::{Diagnostic, FileId, Related};
use crate::model::def::{
    Allocation, Benefit, Calendar, Def, DefData, DefId, Dependency, Milestone, Person, Program,
    Project, RefId, Reference, Risk, Stakeholder, Team,
};

/// Where a file's ids begin, or how far they move: the definitions and
/// references before it. Ids move back as well as forward when a file
/// before them shrinks; moving back is adding the complement, so the
/// arithmetic wraps.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) struct Offsets {
    pub defs: u32,
    pub refs: u32,
}

impl Offsets {
    pub const ZERO: Offsets = Offsets { defs: 0, refs: 0 };

    /// Where the ids of the file after one beginning here, with these
    /// counts, begin.
    pub fn after(self, defs: usize, refs: usize) -> Offsets {
        Offsets {
            defs: self.defs + defs as u32,
            refs: self.refs + refs as u32,
        }
    }

    /// The shift that moves ids from `from` to `to`.
    pub fn between(from: Offsets, to: Offsets) -> Offsets {
        Offsets {
            defs: to.defs.wrapping_sub(from.defs),
            refs: to.refs.wrapping_sub(from.refs),
        }
    }

    fn def(self, id: &mut DefId) {
        id.0 = id.0.wrapping_add(self.defs);
    }

    fn reference(self, id: &mut RefId) {
        id.0 = id.0.wrapping_add(self.refs);
    }

    fn optional(self, id: &mut Option<RefId>) {
        if let Some(id) = id {
            self.reference(id);
        }
    }

    fn all(self, ids: &mut [RefId]) {
        for id in ids {
            self.reference(id);
        }
    }

    fn dependencies(self, dependencies: &mut [Dependency]) {
        for Dependency { target, .. } in dependencies {
            self.reference(target);
        }
    }

    /// Shifts the reference's ids, and moves it to `file`.
    pub fn shift_reference(self, reference: &mut Reference, file: FileId) {
        let Reference {
            file: in_file,
            span: _,
            segments: _,
            from,
            role: _,
        } = reference;
        *in_file = file;
        self.def(from);
    }

    /// Shifts the definition's ids, and moves it to `file`.
    pub fn shift_def(self, def: &mut Def, file: FileId) {
        let Def {
            name: _,
            program_name: _,
            title: _,
            docs: _,
            description: _,
            file: in_file,
            name_span: _,
            span: _,
            program,
            written: _,
            data,
        } = def;
        *in_file = file;
        if let Some(program) = program {
            self.def(program);
        }
        match data {
            DefData::Calendar(Calendar { holidays: _ }) => {}
            DefData::Person(Person { role: _, email: _ }) => {}
            DefData::Team(Team {
                capacity: _,
                members,
            }) => self.all(members),
            DefData::Program(Program {
                owner,
                objective: _,
                window: _,
                children,
            }) => {
                self.optional(owner);
                for child in children {
                    self.def(child);
                }
            }
            DefData::Project(Project {
                owner,
                start: _,
                end: _,
                duration: _,
                deadline: _,
                depends_on,
                allocate,
                status: _,
                progress: _,
            }) => {
                self.optional(owner);
                self.dependencies(depends_on);
                for Allocation { resource, .. } in allocate {
                    self.reference(resource);
                }
            }
            DefData::Milestone(Milestone {
                owner,
                depends_on,
                due: _,
            }) => {
                self.optional(owner);
                self.dependencies(depends_on);
            }
            DefData::Risk(Risk {
                likelihood: _,
                impact: _,
                affects,
                owner,
                mitigation: _,
                status: _,
            }) => {
                self.all(affects);
                self.optional(owner);
            }
            DefData::Stakeholder(Stakeholder {
                power: _,
                interest: _,
                contact,
            }) => self.optional(contact),
            DefData::Benefit(Benefit {
                owner,
                delivered_by,
                realized_by: _,
                metric: _,
                baseline: _,
                target: _,
            }) => {
                self.optional(owner);
                self.all(delivered_by);
            }
        }
    }
}

/// Moves a diagnostic of a file's lowering, which is about that file's
/// text alone, to `file`.
pub(super) fn move_diagnostic(diagnostic: &mut Diagnostic, file: FileId) {
    let Diagnostic {
        code: _,
        severity: _,
        message: _,
        at,
        related,
        suggestion: _,
    } = diagnostic;
    at.file = file;
    for Related { at, message: _ } in related {
        at.file = file;
    }
}
