//! Create a stub for a project that a `depends_on:` entry names but nobody
//! defined, at the end of the program it would belong to: the entry's own
//! program for a bare name, the named one for `program.name`.

use super::{Context, Fix};
use crate::base::{Code, Diagnostic, FileSpan};
use crate::ide::SourceChange;
use crate::ide::edit::append_members;
use crate::ide::lookup::item_of;
use crate::model::RefRole;

pub(super) fn fixes(cx: &Context<'_>, diagnostic: &Diagnostic) -> Vec<Fix> {
    if diagnostic.code != Code::UnresolvedReference {
        return Vec::new();
    }
    let model = cx.model;
    // The diagnostic stands on the whole name, or on the item's name
    // after a program that does exist.
    let unresolved = model.refs_in_file(diagnostic.at.file).find(|&id| {
        let reference = model.reference(id);
        let name = FileSpan::new(reference.file, reference.name_span());
        (reference.location() == diagnostic.at || name == diagnostic.at)
            && reference.role == RefRole::DependsOn
            && model.resolution(id).target.is_none()
    });
    let Some(id) = unresolved else {
        return Vec::new();
    };
    let reference = model.reference(id);
    let program = match reference.segments.as_slice() {
        [_] => model.scope_of(reference.from),
        [_, _] => model.resolution(id).qualifier,
        _ => None,
    };
    let (Some(program), Some(name)) = (program, reference.segments.last()) else {
        return Vec::new();
    };
    let Some(body) = item_of(model, program).and_then(|item| item.body.as_ref()) else {
        return Vec::new();
    };
    let program = model.def(program);
    let name = &model.file(reference.file).text[name.range()];
    let stub = format!("project {name} {{\n  duration: 1w\n}}");
    let Some(edit) = append_members(&model.file(program.file).text, body.span, &[stub]) else {
        return Vec::new();
    };
    vec![Fix {
        title: format!("Create project `{name}` in `{}`", program.name),
        change: SourceChange::single(program.file, edit),
        unambiguous: false,
    }]
}
