//! Inlay hints: a project's computed dates after its `duration:` value and
//! its slack after its title.

use crate::analysis::Analysis;
use crate::base::{FileId, Span};
use crate::ide::describe;
use crate::ide::lookup::item_of;
use crate::model::{DefData, Model};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum InlayHintKind {
    /// `2027-01-04 → 2027-02-12` after a duration.
    Dates,
    /// `slack 3d` or `critical` after a title.
    Slack,
}

/// A label to show at `offset`, meant to be set off by a space before it.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct InlayHint {
    pub offset: usize,
    pub label: String,
    pub kind: InlayHintKind,
}

/// The hints of `file` in text order; with `range`, those inside it.
pub fn inlay_hints(
    model: &Model,
    analysis: &Analysis,
    file: FileId,
    range: Option<Span>,
) -> Vec<InlayHint> {
    let mut hints = Vec::new();
    for id in model.defs_in_file(file) {
        let DefData::Project(project) = &model.def(id).data else {
            continue;
        };
        let Some(dates) = analysis.schedule.dates(id) else {
            continue;
        };
        let after_title = item_of(model, id)
            .and_then(|item| item.title.as_ref().map(|title| title.span.end()))
            .unwrap_or(model.def(id).name_span.end());
        hints.push(InlayHint {
            offset: after_title,
            label: describe::slack(dates),
            kind: InlayHintKind::Slack,
        });
        if let Some(duration) = project.duration {
            hints.push(InlayHint {
                offset: duration.span.end(),
                label: format!("{} → {}", dates.earliest_start, dates.earliest_finish),
                kind: InlayHintKind::Dates,
            });
        }
    }
    hints.retain(|hint| range.is_none_or(|range| range.touches(hint.offset)));
    hints.sort_by_key(|hint| hint.offset);
    hints
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use super::*;
    use crate::ide::fixture::Fixture;

    fn check(fixture: &str, expect: Expect) {
        let fixture = Fixture::new(fixture);
        let file = FileId(fixture.model.files.len() as u32 - 1);
        let range = fixture.selection.map(|selection| selection.span);
        let text = &fixture.model.file(file).text;
        let mut out = String::new();
        let mut shown = 0;
        for hint in inlay_hints(&fixture.model, &fixture.analysis, file, range) {
            out.push_str(&text[shown..hint.offset]);
            out.push_str(&format!("⟨{}⟩", hint.label));
            shown = hint.offset;
        }
        out.push_str(&text[shown..]);
        expect.assert_eq(&out);
    }

    #[test]
    fn dates_after_durations_and_slack_after_titles() {
        check(
            r#"
            program apollo {
              project network "Network" { start: 2027-01-04 duration: 2w }
              project iam { depends_on: network duration: 1w }
              project docs "Docs" { start: 2027-01-04 duration: 3d }
              project billing "Billing" { depends_on: network end: 2027-02-05 }
            }
            "#,
            expect![[r#"
                program apollo {
                  project network "Network"⟨critical⟩ { start: 2027-01-04 duration: 2w⟨2027-01-04 → 2027-01-15⟩ }
                  project iam⟨slack 10d⟩ { depends_on: network duration: 1w⟨2027-01-18 → 2027-01-22⟩ }
                  project docs "Docs"⟨slack 22d⟩ { start: 2027-01-04 duration: 3d⟨2027-01-04 → 2027-01-06⟩ }
                  project billing "Billing"⟨critical⟩ { depends_on: network end: 2027-02-05 }
                }
            "#]],
        );
    }

    #[test]
    fn projects_in_a_cycle_have_no_hints_and_a_range_limits_them() {
        check(
            r#"
            //- /other.pgm
            program hermes { project portal { duration: 1w } }
            //- /apollo.pgm
            program apollo {
              project a { depends_on: b duration: 1w }
              project b { depends_on: a duration: 1w }
              $0project c "C" { duration: 1w }$0
              project d "D" { duration: 1w }
            }
            "#,
            expect![[r#"
                program apollo {
                  project a { depends_on: b duration: 1w }
                  project b { depends_on: a duration: 1w }
                  project c "C"⟨critical⟩ { duration: 1w⟨2027-01-04 → 2027-01-08⟩ }
                  project d "D" { duration: 1w }
                }
            "#]],
        );
    }
}
