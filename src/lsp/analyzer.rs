//! From the store's texts to a snapshot: parse what changed, reuse the
//! syntax of everything else, build the model and analyse it.

use std::collections::HashMap;
use std::sync::Arc;

use tower_lsp_server::ls_types::Uri;

use crate::analysis;
use crate::lsp::snapshot::Snapshot;
use crate::lsp::store::AnalysisInput;
use crate::lsp::uri;
use crate::model::{Model, ParsedFile};

#[derive(Debug, Default)]
pub(crate) struct Analyzer {
    /// The syntax of each file as of the stamp it was parsed at.
    parsed: HashMap<Uri, (u64, Arc<ParsedFile>)>,
}

impl Analyzer {
    pub fn snapshot(&mut self, input: AnalysisInput) -> Snapshot {
        let mut reused = Vec::with_capacity(input.sources.len());
        let mut changed = Vec::new();
        for source in &input.sources {
            match self.parsed.remove(&source.uri) {
                Some((stamp, file)) if stamp == source.stamp => reused.push(Some(file)),
                _ => {
                    reused.push(None);
                    changed.push((uri::display_name(&source.uri), source.text.to_text()));
                }
            }
        }
        let mut reparsed = ParsedFile::parse_all(changed).into_iter();
        let mut parsed = HashMap::with_capacity(input.sources.len());
        let mut files = Vec::with_capacity(input.sources.len());
        let mut documents = Vec::with_capacity(input.sources.len());
        for (source, file) in input.sources.into_iter().zip(reused) {
            let file = file
                .or_else(|| reparsed.next())
                .expect("a file parsed for each change");
            parsed.insert(source.uri.clone(), (source.stamp, file.clone()));
            files.push(file);
            documents.push((source.uri, source.version));
        }
        // What is not in the input any more (a deleted or closed file) is forgotten.
        self.parsed = parsed;
        let model = Model::build(files);
        let analysis = analysis::analyze(&model, &input.options);
        Snapshot::new(
            input.generation,
            input.encoding,
            Arc::new(model),
            Arc::new(analysis),
            documents,
        )
    }
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;
    use crate::base::FileId;
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
}
