//! From the store's texts to a snapshot: parse and lower what changed, keep
//! the rest, build the model and analyse it.

use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;
use tower_lsp_server::ls_types::Uri;

use crate::analysis::{self, Analysis};
use crate::base::FileId;
use crate::lsp::snapshot::Snapshot;
use crate::lsp::store::AnalysisInput;
use crate::lsp::uri;
use crate::model::{LoweredFile, Model, ParsedFile};

#[derive(Debug, Default)]
pub(crate) struct Analyzer {
    /// What is kept of each file from the last snapshot.
    kept: HashMap<Uri, Kept>,
    /// The model and analysis of the last snapshot, which the next one may
    /// share parts of.
    last: Option<(Arc<Model>, Arc<Analysis>)>,
}

/// A file's syntax as of the stamp it was parsed at, and its lowering at
/// its place in the workspace then.
#[derive(Debug)]
struct Kept {
    stamp: u64,
    parsed: Arc<ParsedFile>,
    lowered: Arc<LoweredFile>,
}

impl Analyzer {
    /// Parses and lowers again only the files that changed, then builds the
    /// model and analyses the whole workspace, sharing with the last
    /// snapshot what the change left as it was.
    pub fn snapshot(&mut self, input: AnalysisInput) -> Snapshot {
        let mut previous = std::mem::take(&mut self.kept);
        let mut reused = Vec::with_capacity(input.sources.len());
        let mut changed = Vec::new();
        for (index, source) in input.sources.iter().enumerate() {
            match previous.remove(&source.uri) {
                Some(kept) if kept.stamp == source.stamp => reused.push(Some(kept)),
                _ => {
                    reused.push(None);
                    let name = uri::display_name(&source.uri);
                    // The editor shows an open document: its features read
                    // the syntax at every keystroke.
                    let open = source.version.is_some();
                    changed.push((index, name, source.text.to_text(), open));
                }
            }
        }
        let mut fresh = changed
            .into_par_iter()
            .map(|(index, name, text, open)| {
                ParsedFile::lower_dropping_syntax(name, text, FileId(index as u32), open)
            })
            .collect::<Vec<_>>()
            .into_iter();
        // A kept lowering of a file that moved, because files before it came
        // or went, is moved to its new place by `place_all`.
        let (files, lowered): (Vec<Arc<ParsedFile>>, Vec<Arc<LoweredFile>>) = reused
            .into_iter()
            .map(|kept| match kept {
                Some(kept) => (kept.parsed, kept.lowered),
                None => fresh.next().expect("a file lowered for each change"),
            })
            .unzip();
        let lowered = LoweredFile::place_all(lowered);
        let mut documents = Vec::with_capacity(input.sources.len());
        for ((source, file), lowered) in input.sources.into_iter().zip(&files).zip(&lowered) {
            let kept = Kept {
                stamp: source.stamp,
                parsed: file.clone(),
                lowered: lowered.clone(),
            };
            self.kept.insert(source.uri.clone(), kept);
            documents.push((source.uri, source.version));
        }
        // What is not in the input any more (a deleted or closed file) is
        // forgotten with `previous`.
        let (last_model, last_analysis) = self.last.take().unzip();
        let model = Arc::new(Model::from_lowered(files, lowered, last_model.as_deref()));
        let analysis = Arc::new(analysis::analyze_after(
            &model,
            &input.options,
            last_analysis.as_deref(),
        ));
        self.last = Some((model.clone(), analysis.clone()));
        Snapshot::new(input.generation, input.encoding, model, analysis, documents)
    }
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;
    use crate::lsp::store::Store;
    use crate::workspace::Settings;

    #[test]
    fn only_changed_files_are_parsed_again() {
        let mut store = Store::new(Settings::default());
        let people = Uri::from_str("file:///ws/people.pgm").unwrap();
        let plan = Uri::from_str("file:///ws/plan.pgm").unwrap();
        store.set_disk(people.clone(), "person alice \"Alice\"\n".to_string());
        store.set_disk(
            plan.clone(),
            "program p \"P\" { owner: alice }\n".to_string(),
        );
        let mut analyzer = Analyzer::default();
        let before = analyzer.snapshot(store.analysis_input());
        store.open(plan.clone(), 1, "program p \"P\" { owner: bob }\n");
        let after = analyzer.snapshot(store.analysis_input());

        let file = |snapshot: &Snapshot, uri: &Uri| snapshot.file_id(uri).unwrap();
        assert_eq!(file(&after, &people), FileId(0));
        let kept = Arc::ptr_eq(
            &before.model.files[file(&before, &people).index()],
            &after.model.files[file(&after, &people).index()],
        );
        assert!(kept, "the unchanged file was parsed again");
        let plan_after = &after.model.files[file(&after, &plan).index()];
        assert!(plan_after.text.contains("bob"));
        assert_eq!(after.version(file(&after, &plan)), Some(1));
        assert_eq!(after.version(file(&after, &people)), None);
    }

    #[test]
    fn only_open_documents_keep_their_syntax() {
        let mut store = Store::new(Settings::default());
        let people = Uri::from_str("file:///ws/people.pgm").unwrap();
        let plan = Uri::from_str("file:///ws/plan.pgm").unwrap();
        store.set_disk(people.clone(), "person alice \"Alice\"\n".to_string());
        store.open(plan.clone(), 1, "program p \"P\" { owner: alice }\n");
        let mut analyzer = Analyzer::default();
        let snapshot = analyzer.snapshot(store.analysis_input());

        let file = |uri: &Uri| snapshot.model.files[snapshot.file_id(uri).unwrap().index()].clone();
        assert!(file(&plan).holds_syntax());
        assert!(!file(&people).holds_syntax());
        // Whoever needs the dropped syntax has it parsed again.
        assert_eq!(file(&people).parse().file.items.len(), 1);
        assert!(file(&people).holds_syntax());
    }

    /// The model and analysis a snapshot holds, against those made from
    /// scratch from the same files, with the settings of `store_for_edits`.
    fn assert_same_as_from_scratch(snapshot: &Snapshot) {
        let model = &snapshot.model;
        let scratch = Model::build(model.files.clone());
        assert_eq!(model.defs, scratch.defs);
        let resolved = |model: &Model| {
            let refs = model.references();
            let refs = refs.map(|(id, reference)| (reference.clone(), model.resolution(id)));
            refs.collect::<Vec<_>>()
        };
        assert_eq!(resolved(model), resolved(&scratch));
        assert_eq!(model.diagnostics, scratch.diagnostics);
        for def in (0..model.defs.len() as u32).map(crate::model::DefId) {
            assert_eq!(model.references_to(def), scratch.references_to(def));
            assert_eq!(model.qualified_by(def), scratch.qualified_by(def));
        }
        let scratch = analysis::analyze(&scratch, &analysis::Options::new(TODAY));
        assert_eq!(snapshot.analysis.loads, scratch.loads);
        assert_eq!(snapshot.analysis.diagnostics, scratch.diagnostics);
    }

    const TODAY: jiff::civil::Date = jiff::civil::date(2027, 1, 4);

    /// A store whose analyses take `TODAY` as today.
    fn store_for_edits() -> Store {
        let mut store = Store::new(Settings::default());
        store.set_client_settings(Settings {
            today: Some(TODAY),
            exposure_threshold: None,
        });
        store
    }

    const PEOPLE: &str = "person alice \"Alice\"\nteam core { members: alice }\n";
    const APOLLO: &str = "program apollo {\n  owner: alice\n  project a { duration: 2d allocate: core 1 }\n  project b { depends_on: a duration: 1d }\n}\n";
    const HERMES: &str =
        "program hermes {\n  owner: bob\n  project c { depends_on: apollo.b duration: 3d }\n}\n";

    /// Edits of the files above, each the replacement of the first
    /// occurrence of a text in one file: of values, of names defined and
    /// written, of kinds, and of how many items there are.
    const EDITS: &[(usize, &str, &str)] = &[
        (1, "duration: 2d", "duration: 9d"),
        (1, "duration: 9d", "duration: 2d"),
        (1, "project a {", "project aa {"),
        (1, "project aa {", "project a {"),
        (2, "apollo.b", "apollo.bb"),
        (2, "apollo.bb", "apollo.b"),
        (0, "person alice", "person alicia"),
        (0, "person alicia", "person alice"),
        (
            1,
            "1d }\n}",
            "1d }\n  project e { depends_on: b duration: 1d }\n}",
        ),
        (1, "  project e { depends_on: b duration: 1d }\n", ""),
        (2, "owner: bob", "owner: core"),
        (2, "owner: core", "owner: bob"),
        (0, "team core", "person core"),
        (0, "person core", "team core"),
        (0, "person alice", "team alice"),
        (0, "team alice", "person alice"),
        (1, "allocate: core 1", "allocate: core 1, alice 50%"),
        (1, "allocate: core 1", "allocate: core 3"),
        (0, "team core {", "team core { capacity: 2"),
        (0, "\n", "\ncalendar { holidays: 2027-01-05 }\n"),
        (0, "\n", "\nperson alice \"Again\"\n"),
        (2, "\n", "\nperson bob\n"),
        (1, "duration: 2d", "duration: 2d duration: 4d"),
        (1, "duration: 2d duration: 4d", "duration: 2d"),
    ];

    /// A file that sorts before the others, and moves them all when it comes
    /// or goes; the last edit of the property test adds or removes it.
    const FIRST: &str = "person zed { role: \"a\" role: \"b\" }\nperson alice\n";

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig {
            cases: 256,
            ..proptest::prelude::ProptestConfig::default()
        })]

        /// Whatever parts of the model before an edit carry over, the model
        /// is the one a build from scratch makes.
        #[test]
        fn after_any_edits_the_model_is_as_if_built_afresh(
            edits in proptest::collection::vec(0..=EDITS.len(), 1..12)
        ) {
            let uri = |index: usize| {
                let name = ["people", "apollo", "hermes", "aaa_first"][index];
                Uri::from_str(&format!("file:///ws/{name}.pgm")).unwrap()
            };
            let mut texts = [PEOPLE, APOLLO, HERMES].map(String::from);
            let mut store = store_for_edits();
            for (index, text) in texts.iter().enumerate() {
                store.set_disk(uri(index), text.clone());
            }
            let mut analyzer = Analyzer::default();
            assert_same_as_from_scratch(&analyzer.snapshot(store.analysis_input()));
            let mut first_is_there = false;
            for (version, &edit) in edits.iter().enumerate() {
                if edit == EDITS.len() {
                    match first_is_there {
                        true => store.remove_disk(&uri(3)),
                        false => store.set_disk(uri(3), FIRST.to_string()),
                    }
                    first_is_there = !first_is_there;
                    assert_same_as_from_scratch(&analyzer.snapshot(store.analysis_input()));
                    continue;
                }
                let (file, from, to) = EDITS[edit];
                texts[file] = texts[file].replacen(from, to, 1);
                store.open(uri(file), version as i32, &texts[file]);
                assert_same_as_from_scratch(&analyzer.snapshot(store.analysis_input()));
            }
        }
    }

    #[test]
    fn unchanged_files_keep_their_lowering_and_the_model_is_as_if_built_afresh() {
        let mut store = store_for_edits();
        let uri = |name: &str| Uri::from_str(&format!("file:///ws/{name}.pgm")).unwrap();
        let (people, apollo, hermes) = (PEOPLE, APOLLO, HERMES);
        store.set_disk(uri("b_people"), people.to_string());
        store.set_disk(uri("c_apollo"), apollo.to_string());
        store.set_disk(uri("d_hermes"), hermes.to_string());
        let mut analyzer = Analyzer::default();
        let first = analyzer.snapshot(store.analysis_input());
        assert_same_as_from_scratch(&first);
        let lowering = |analyzer: &Analyzer, name: &str| analyzer.kept[&uri(name)].lowered.clone();
        let people_before = lowering(&analyzer, "b_people");
        let hermes_before = lowering(&analyzer, "d_hermes");

        store.open(uri("c_apollo"), 1, &apollo.replace("2d", "20d"));
        let edited = analyzer.snapshot(store.analysis_input());
        assert_same_as_from_scratch(&edited);
        assert!(Arc::ptr_eq(
            &people_before,
            &lowering(&analyzer, "b_people")
        ));
        assert!(Arc::ptr_eq(
            &hermes_before,
            &lowering(&analyzer, "d_hermes")
        ));

        // More definitions and references in a file move the ids of the
        // files after it forward, fewer move them back.
        let grown_apollo = apollo.replace(
            "}\n}\n",
            "}\n  project e { depends_on: b duration: 1d }\n}\n",
        );
        store.open(uri("c_apollo"), 2, &grown_apollo);
        assert_same_as_from_scratch(&analyzer.snapshot(store.analysis_input()));
        assert!(!Arc::ptr_eq(
            &hermes_before,
            &lowering(&analyzer, "d_hermes")
        ));
        store.open(uri("c_apollo"), 3, apollo);
        assert_same_as_from_scratch(&analyzer.snapshot(store.analysis_input()));

        // A file that sorts first moves every other file: each lowering is
        // moved to its new place, and back when the file goes again.
        store.set_disk(uri("a_bob"), "person bob \"Bob\"\n".to_string());
        let grown = analyzer.snapshot(store.analysis_input());
        assert_same_as_from_scratch(&grown);
        assert_eq!(lowering(&analyzer, "d_hermes").file(), FileId(3));
        store.remove_disk(&uri("a_bob"));
        assert_same_as_from_scratch(&analyzer.snapshot(store.analysis_input()));
        assert_eq!(lowering(&analyzer, "d_hermes").file(), FileId(2));
    }
}
