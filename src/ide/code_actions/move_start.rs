//! Move a committed `start` that the dependencies do not allow to the
//! earliest date they do.

use super::{Context, Fix};
use crate::base::{Code, Diagnostic, FileSpan};
use crate::ide::{SourceChange, TextEdit};
use crate::model::DefData;

pub(super) fn fixes(cx: &Context<'_>, diagnostic: &Diagnostic) -> Vec<Fix> {
    if diagnostic.code != Code::DateConflict {
        return Vec::new();
    }
    cx.analysis
        .schedule
        .start_conflicts
        .iter()
        .filter_map(|conflict| {
            let def = cx.model.def(conflict.project);
            let DefData::Project(project) = &def.data else {
                return None;
            };
            let start = project.start?;
            let at = FileSpan::new(def.file, start.span);
            (at == diagnostic.at).then(|| Fix {
                title: format!(
                    "Move `start` to {}, the earliest its dependencies allow",
                    conflict.allowed
                ),
                change: SourceChange::single(
                    def.file,
                    TextEdit::replace(start.span, conflict.allowed.to_string()),
                ),
                unambiguous: true,
            })
        })
        .collect()
}
