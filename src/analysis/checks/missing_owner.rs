//! `missing-owner`: a program, project or risk that nobody is accountable for.

use crate::analysis::checks::Context;
use crate::base::{Code, Diagnostic};
use crate::model::DefData;

pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (_, def) in cx.defs() {
        let owner = match &def.data {
            DefData::Program(program) => program.owner,
            DefData::Project(project) => project.owner,
            DefData::Risk(risk) => risk.owner,
            _ => continue,
        };
        if owner.is_none() {
            let message = format!(
                "{} `{}` has no `owner`",
                def.kind.keyword(),
                def.qualified_name()
            );
            out.push(Diagnostic::new(
                Code::MissingOwner,
                def.name_location(),
                message,
            ));
        }
    }
}
