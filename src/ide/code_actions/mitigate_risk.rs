//! Give an unmitigated risk the properties it lacks, `mitigation:` and
//! `owner:`, as placeholders to fill in. The owner placeholder is the
//! program's owner where there is one.

use super::{Context, Fix};
use crate::base::{Code, Diagnostic};
use crate::ide::SourceChange;
use crate::ide::edit::append_members;
use crate::ide::lookup::item_of;
use crate::model::DefData;

const MITIGATION_PLACEHOLDER: &str = "TODO: how to make this less likely or less harmful";
const OWNER_PLACEHOLDER: &str = "TODO";

pub(super) fn fixes(cx: &Context<'_>, diagnostic: &Diagnostic) -> Vec<Fix> {
    if diagnostic.code != Code::UnmitigatedRisk {
        return Vec::new();
    }
    let model = cx.model;
    let Some(id) = model
        .defs_in_file(diagnostic.at.file)
        .find(|&id| model.def(id).name_location() == diagnostic.at)
    else {
        return Vec::new();
    };
    let def = model.def(id);
    let DefData::Risk(risk) = &def.data else {
        return Vec::new();
    };
    let mut members = Vec::new();
    let mut keys = Vec::new();
    if risk.mitigation.is_none() {
        members.push(format!("mitigation: {MITIGATION_PLACEHOLDER:?}"));
        keys.push("`mitigation:`");
    }
    if risk.owner.is_none() {
        let program_owner = def
            .program
            .and_then(|program| match &model.def(program).data {
                DefData::Program(program) => program.owner,
                _ => None,
            });
        let owner = program_owner.map_or(OWNER_PLACEHOLDER.to_string(), |owner| {
            model.reference_text(owner)
        });
        members.push(format!("owner: {owner}"));
        keys.push("`owner:`");
    }
    let body = item_of(model, id).and_then(|item| item.body.as_ref());
    let Some(edit) =
        body.and_then(|body| append_members(&model.file(def.file).text, body.span, &members))
    else {
        return Vec::new();
    };
    vec![Fix {
        title: format!("Add {} to `{}`", keys.join(" and "), def.qualified_name()),
        change: SourceChange::single(def.file, edit),
        unambiguous: false,
    }]
}
