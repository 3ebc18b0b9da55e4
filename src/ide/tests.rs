//! What every feature must do on any text: answer without panicking, at
//! every offset, however broken the text.

use crate::base::{FileId, Span};
use crate::ide::fixture::Fixture;
use crate::ide::*;

const BROKEN: &[&str] = &[
    "",
    "}}}{{{ : , . .. ///",
    "program { project : , apollo. \"unterminated\r\n  risk r { likelihood: 9 impact: }",
    r#"
    //- /a.pgm
    /// Doc for é中😀.
    person alice "Alice é" { role: "中文 😀" }
    program apollo {
      project a { depends_on: b, hermes.x, apollo., nope ss +1w duration: 0d allocate: alice 150% }
      project b { depends_on: a start: 2027-02-30 duration: 1w
      risk r { likelihood: 5 impact: 5 affects: a, alice status: maybe }
      /* unterminated
    //- /b.pgm
    program hermes { owner: alice project x { depends_on: apollo.a duration: 2w }
    team t { capacity: -1 members: alice, x }
    "#,
];

#[test]
fn no_feature_panics_at_any_offset_of_broken_text() {
    for text in BROKEN {
        let fixture = Fixture::new(text);
        let (model, analysis) = (&fixture.model, &fixture.analysis);
        let _ = workspace_symbols(model, "a");
        for index in 0..model.files.len() {
            let file = FileId(index as u32);
            let len = model.file(file).text.len();
            let _ = document_symbols(model, file);
            let _ = semantic_tokens(model, file, None);
            let _ = inlay_hints(model, analysis, file, None);
            let _ = code_lenses(model, analysis, file);
            let _ = folding_ranges(model, file);
            let _ = fix_all(model, analysis, file);
            let _ = format(model, file);
            for offset in 0..=len + 2 {
                let _ = hover(model, analysis, file, offset);
                let _ = completions(model, analysis, file, offset);
                let _ = goto_definition(model, file, offset);
                let _ = find_references(model, file, offset, true);
                let _ = highlight(model, file, offset);
                let _ = prepare_rename(model, file, offset);
                let _ = rename(model, file, offset, "renamed");
                let _ = selection_ranges(model, file, offset);
                let _ = code_actions(model, analysis, file, Span::empty(offset.min(len)));
                if let Some(item) = prepare_call_hierarchy(model, file, offset) {
                    let _ = incoming_calls(model, analysis, item.def);
                    let _ = outgoing_calls(model, analysis, item.def);
                }
            }
        }
    }
}
