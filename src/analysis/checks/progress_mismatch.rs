//! `progress-mismatch`: a `progress` figure that contradicts the status: a
//! done project below 100%, a planned one (which a project without `status`
//! is) above 0%, or 100% on a project that is not done.

use crate::analysis::checks::{format_number, located};
use crate::base::{Code, Diagnostic};
use crate::model::{Def, DefData, ProjectStatus};

pub(super) fn check(def: &Def, out: &mut Vec<Diagnostic>) {
    let DefData::Project(project) = &def.data else {
        return;
    };
    let Some(progress) = project.progress else {
        return;
    };
    let status = project.status();
    let contradicts = match status {
        ProjectStatus::Done => progress.value < 100.0,
        ProjectStatus::Planned => progress.value > 0.0,
        ProjectStatus::Active | ProjectStatus::Blocked | ProjectStatus::Cancelled => {
            progress.value >= 100.0
        }
    };
    if !contradicts {
        return;
    }
    let said = match project.status {
        Some(_) => format!("is `{}`", status.keyword()),
        None => "has no `status`, so it counts as planned,".to_string(),
    };
    let name = def.qualified_name();
    let percent = format_number(progress.value);
    let message = match status {
        ProjectStatus::Done => {
            format!("`{name}` is `done` but its progress is {percent}%, not 100%")
        }
        ProjectStatus::Planned => {
            format!("`{name}` {said} but its progress is {percent}%")
        }
        ProjectStatus::Active | ProjectStatus::Blocked | ProjectStatus::Cancelled => {
            format!("`{name}` is at 100% progress but {said}, not `done`")
        }
    };
    let mut diagnostic =
        Diagnostic::new(Code::ProgressMismatch, located(def, progress.span), message);
    if let Some(written) = project.status {
        let related = format!("`{name}` is `{}` here", status.keyword());
        diagnostic = diagnostic.with_related(located(def, written.span), related);
    }
    out.push(diagnostic);
}
