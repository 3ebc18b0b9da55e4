//! `missing-owner`: a program, project or risk that nobody is accountable for.

use crate::base::{Code, Diagnostic};
use crate::model::{Def, DefData};

pub(super) fn check(def: &Def, out: &mut Vec<Diagnostic>) {
    let owner = match &def.data {
        DefData::Program(program) => program.owner,
        DefData::Project(project) => project.owner,
        DefData::Risk(risk) => risk.owner,
        _ => return,
    };
    if owner.is_none() {
        let message = format!(
            "{} `{}` has no `owner`",
            def.kind().keyword(),
            def.qualified_name()
        );
        out.push(Diagnostic::new(
            Code::MissingOwner,
            def.name_location(),
            message,
        ));
    }
}
