//! `unused-definition`: a person or team that no reference resolves to.

use crate::analysis::checks::Context;
use crate::base::{Code, Diagnostic};
use crate::model::{Def, DefData, DefId};

pub(super) fn check(cx: &Context<'_>, id: DefId, def: &Def, out: &mut Vec<Diagnostic>) {
    let is_resource = matches!(def.data, DefData::Person(_) | DefData::Team(_));
    if is_resource && cx.model.references_to(id).is_empty() {
        let message = format!(
            "{} `{}` is defined but nothing refers to it",
            def.kind().keyword(),
            def.qualified_name()
        );
        out.push(Diagnostic::new(
            Code::UnusedDefinition,
            def.name_location(),
            message,
        ));
    }
}
