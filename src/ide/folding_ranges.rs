//! Folding ranges: the bodies of items, block comments and runs of line
//! comments, each when it spans more than one line.

use crate::base::{FileId, Span};
use crate::ide::edit::spans_lines;
use crate::ide::lookup::child_items;
use crate::model::Model;
use crate::syntax::{Comment, CommentKind};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum FoldKind {
    /// An item's body, `{` to `}`.
    Body,
    Comment,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Fold {
    pub span: Span,
    pub kind: FoldKind,
}

/// The folds of `file`, by start.
pub fn folding_ranges(model: &Model, file: FileId) -> Vec<Fold> {
    let parsed = model.file(file);
    let text = &parsed.text;
    let mut folds: Vec<Fold> = Vec::new();
    let mut items: Vec<_> = parsed.parse().file.items.iter().collect();
    while let Some(item) = items.pop() {
        if let Some(body) = &item.body {
            folds.push(Fold {
                span: body.span,
                kind: FoldKind::Body,
            });
        }
        items.extend(child_items(item));
    }
    let mut run: Option<(CommentKind, Span)> = None;
    for comment in &parsed.parse().comments {
        if comment.kind == CommentKind::Block {
            folds.push(Fold {
                span: comment.span,
                kind: FoldKind::Comment,
            });
            continue;
        }
        run = match run {
            Some((kind, span)) if continues_run(text, kind, span, comment) => {
                Some((kind, span.cover(comment.span)))
            }
            finished => {
                if let Some((_, span)) = finished {
                    folds.push(Fold {
                        span,
                        kind: FoldKind::Comment,
                    });
                }
                Some((comment.kind, comment.span))
            }
        };
    }
    if let Some((_, span)) = run {
        folds.push(Fold {
            span,
            kind: FoldKind::Comment,
        });
    }
    folds.retain(|fold| spans_lines(text, fold.span));
    folds.sort_by_key(|fold| fold.span);
    folds
}

/// Whether a line comment of the same kind follows the run on the very
/// next line.
fn continues_run(text: &str, kind: CommentKind, run: Span, comment: &Comment) -> bool {
    let gap = &text[run.end()..comment.span.start()];
    comment.kind == kind
        && gap.trim().is_empty()
        && gap.matches('\n').count() + gap.matches('\r').count() - gap.matches("\r\n").count() == 1
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use super::*;
    use crate::base::FileSpan;
    use crate::ide::fixture::Fixture;

    fn check(fixture: &str, expect: Expect) {
        let fixture = Fixture::new(fixture);
        let file = FileId(0);
        let actual: String = folding_ranges(&fixture.model, file)
            .into_iter()
            .map(|fold| {
                format!(
                    "{:?} {}\n",
                    fold.kind,
                    fixture.render(FileSpan::new(file, fold.span))
                )
            })
            .collect();
        expect.assert_eq(&actual);
    }

    #[test]
    fn bodies_block_comments_and_comment_runs() {
        check(
            r#"
            // one
            // two

            // alone
            /// The program.
            /// More.
            program apollo {
              /* a block
                 comment */
              project iam { duration: 1w }
              project billing {
                duration: 1w
              }
            }
            "#,
            expect![[r#"
                Comment /main.pgm 0..13 // one…
                Comment /main.pgm 24..50 /// The program.…
                Body /main.pgm 66..170 {…
                Comment /main.pgm 70..96 /* a block…
                Body /main.pgm 146..168 {…
            "#]],
        );
    }
}
