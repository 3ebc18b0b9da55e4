//! The editor features on the shipped examples: what must hold at every
//! name of a realistic workspace, whatever the answers look like in detail.

use std::path::PathBuf;
use std::sync::Arc;

use jiff::civil::date;
use pgm::analysis::{self, Analysis, Options};
use pgm::base::{FileId, FileSpan};
use pgm::ide;
use pgm::model::{DefId, Model, ParsedFile};
use pgm::workspace::{collect_pgm_files, read_source};

fn load(directory: &str) -> (Model, Analysis) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(directory);
    let paths = collect_pgm_files(&[root]).expect("the example directory exists");
    let files = paths
        .iter()
        .map(|path| {
            let text = read_source(path).expect("the example is readable");
            Arc::new(ParsedFile::new(path.display().to_string(), text))
        })
        .collect();
    let model = Model::build(files);
    let analysis = analysis::analyze(&model, &Options::new(date(2027, 1, 4)));
    (model, analysis)
}

fn files(model: &Model) -> impl Iterator<Item = FileId> {
    (0..model.files.len()).map(|index| FileId(index as u32))
}

#[test]
fn every_name_leads_to_its_definition_and_back() {
    for directory in ["examples/portfolio", "examples/broken"] {
        let (model, analysis) = load(directory);
        for (index, def) in model.defs.iter().enumerate() {
            if !def.kind().is_named() {
                continue;
            }
            let id = DefId(index as u32);
            let at = def.name_span.start();
            let found =
                ide::goto_definition(&model, def.file, at).expect("a name has a definition");
            assert_eq!(found.target.def, id, "{}", def.qualified_name());
            let places = ide::find_references(&model, def.file, at, true).unwrap_or_default();
            assert_eq!(places.first(), Some(&def.name_location()));
            assert!(ide::hover(&model, &analysis, def.file, at).is_some());
            assert!(ide::prepare_rename(&model, def.file, at).is_ok());
        }
        for (id, reference) in model.references() {
            let target = model.resolution(id).target;
            let (Some(target), Some(last)) = (target, reference.segments.last()) else {
                continue;
            };
            let found = ide::goto_definition(&model, reference.file, last.start())
                .expect("a resolved name has a definition");
            assert_eq!(found.target.def, target, "{}", model.reference_text(id));
        }
    }
}

#[test]
fn tokens_hints_and_fixes_are_ordered_and_never_overlap() {
    for directory in ["examples/portfolio", "examples/broken"] {
        let (model, analysis) = load(directory);
        for file in files(&model) {
            let text_len = model.file(file).text.len();
            let tokens = ide::semantic_tokens(&model, file, None);
            assert!(
                tokens
                    .windows(2)
                    .all(|pair| pair[0].span.end() <= pair[1].span.start())
            );
            assert!(tokens.iter().all(|token| token.span.end() <= text_len));
            let hints = ide::inlay_hints(&model, &analysis, file, None);
            assert!(
                hints
                    .windows(2)
                    .all(|pair| pair[0].offset <= pair[1].offset)
            );
            if let Some(fix) = ide::fix_all(&model, &analysis, file) {
                for edits in fix.change.files.values() {
                    assert!(
                        edits
                            .windows(2)
                            .all(|pair| pair[0].span.end() <= pair[1].span.start())
                    );
                }
            }
            for fold in ide::folding_ranges(&model, file) {
                assert!(fold.span.end() <= text_len);
            }
        }
    }
}

#[test]
fn the_broken_examples_have_a_quick_fix_for_every_fixable_code() {
    let (model, analysis) = load("examples/broken");
    let mut fixed: Vec<&str> = Vec::new();
    for diagnostic in &analysis.diagnostics {
        let FileSpan { file, span } = diagnostic.at;
        for action in ide::code_actions(&model, &analysis, file, span) {
            assert!(!action.change.is_empty(), "{}", action.title);
            fixed.extend(action.diagnostics.iter().map(|fixes| fixes.code.as_str()));
        }
    }
    fixed.sort();
    fixed.dedup();
    assert_eq!(
        fixed,
        [
            "date-conflict",
            "dependency-cycle",
            "unknown-property",
            "unmitigated-risk",
            "unresolved-reference",
            "unused-definition"
        ]
    );
}
