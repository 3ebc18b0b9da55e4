//! What to tell the client after an analysis: the publications that bring
//! it from what it was last sent to the snapshot's diagnostics, and nothing
//! for a file whose diagnostics did not change.
//!
//! A client that pulls diagnostics pulls them for its open documents, so
//! those are not also pushed (it would show each twice); the files it has
//! not opened are still pushed, and a change in what it would pull calls
//! for a refresh.

use std::collections::HashMap;

use tower_lsp_server::ls_types::{Diagnostic, PublishDiagnosticsParams, Uri};

use crate::lsp::snapshot::Snapshot;

#[derive(Debug, Default)]
pub(crate) struct Publisher {
    pull_mode: bool,
    pushed: Sent,
    pulled: Sent,
}

#[derive(Debug, PartialEq)]
pub(crate) struct Update {
    pub publications: Vec<PublishDiagnosticsParams>,
    /// Whether the client should pull again.
    pub refresh: bool,
}

impl Publisher {
    pub fn new(pull_mode: bool) -> Publisher {
        Publisher {
            pull_mode,
            ..Publisher::default()
        }
    }

    pub fn update(&mut self, snapshot: &Snapshot) -> Update {
        let pull_mode = self.pull_mode;
        let pulled_by_client = |version: Option<i32>| pull_mode && version.is_some();
        let documents = || {
            snapshot
                .documents()
                .map(|document| (&document.uri, document.version, &document.diagnostics[..]))
        };
        let pushed = documents().map(|(uri, version, diagnostics)| {
            let diagnostics = if pulled_by_client(version) {
                &[]
            } else {
                diagnostics
            };
            (uri, version, diagnostics)
        });
        let publications = self.pushed.changes(pushed);
        let pulled = documents().filter(|&(_, version, _)| pulled_by_client(version));
        let refresh = !self.pulled.changes(pulled).is_empty();
        Update {
            publications,
            refresh,
        }
    }
}

/// The non-empty diagnostics last sent for each document.
#[derive(Debug, Default)]
struct Sent(HashMap<Uri, Vec<Diagnostic>>);

impl Sent {
    /// The publications that make `documents` the state of the client: each
    /// document whose diagnostics differ from those sent, and an empty one
    /// for each document that had some and is gone.
    fn changes<'a>(
        &mut self,
        documents: impl Iterator<Item = (&'a Uri, Option<i32>, &'a [Diagnostic])>,
    ) -> Vec<PublishDiagnosticsParams> {
        let mut publications = Vec::new();
        let mut now = HashMap::new();
        for (uri, version, diagnostics) in documents {
            let before = self.0.remove(uri).unwrap_or_default();
            if before != diagnostics {
                publications.push(PublishDiagnosticsParams::new(
                    uri.clone(),
                    diagnostics.to_vec(),
                    version,
                ));
            }
            if !diagnostics.is_empty() {
                now.insert(uri.clone(), diagnostics.to_vec());
            }
        }
        let mut gone: Vec<Uri> = self.0.drain().map(|(uri, _)| uri).collect();
        gone.sort_by(|a, b| a.as_str().cmp(b.as_str()));
        publications.extend(
            gone.into_iter()
                .map(|uri| PublishDiagnosticsParams::new(uri, Vec::new(), None)),
        );
        self.0 = now;
        publications
    }
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;
    use crate::lsp::analyzer::Analyzer;
    use crate::lsp::store::Store;
    use crate::workspace::Settings;

    const PEOPLE: &str = "person alice \"Alice\"\n";
    /// `alice` unused, and an unknown property.
    const PLAN: &str = "program p \"P\" { owner: alice colour: 1 }\n";

    struct Fixture {
        store: Store,
        analyzer: Analyzer,
        publisher: Publisher,
    }

    impl Fixture {
        fn new(pull_mode: bool) -> Fixture {
            let mut store = Store::new(Settings::default());
            store.set_client_settings(Settings {
                today: Some(jiff::civil::date(2027, 1, 4)),
                exposure_threshold: None,
            });
            store.set_disk(uri("people.pgm"), PEOPLE.to_string());
            store.set_disk(uri("plan.pgm"), PLAN.to_string());
            Fixture {
                store,
                analyzer: Analyzer::default(),
                publisher: Publisher::new(pull_mode),
            }
        }

        /// What the publisher does after analysing the store: each
        /// publication as the file's name, version and diagnostic codes.
        fn update(&mut self) -> (Vec<String>, bool) {
            let snapshot = self.analyzer.snapshot(self.store.analysis_input());
            let update = self.publisher.update(&snapshot);
            let publications = update.publications.iter().map(|publication| {
                let name = publication
                    .uri
                    .as_str()
                    .rsplit('/')
                    .next()
                    .unwrap_or_default();
                let codes: Vec<String> = publication
                    .diagnostics
                    .iter()
                    .map(|diagnostic| format!("{:?}", diagnostic.code))
                    .collect();
                format!("{name} {:?} {codes:?}", publication.version)
            });
            (publications.collect(), update.refresh)
        }
    }

    fn uri(name: &str) -> Uri {
        Uri::from_str(&format!("file:///ws/{name}")).unwrap()
    }

    #[test]
    fn only_changed_results_are_sent() {
        let mut fixture = Fixture::new(false);
        let (first, _) = fixture.update();
        assert_eq!(
            first,
            [r#"plan.pgm None ["Some(String(\"unknown-property\"))"]"#]
        );
        fixture.store.open(uri("plan.pgm"), 7, PLAN);
        assert_eq!(fixture.update(), (vec![], false));
    }

    #[test]
    fn a_file_that_becomes_clean_or_goes_gets_an_empty_publication() {
        let mut fixture = Fixture::new(false);
        fixture.update();
        let clean = PLAN.replace("colour: 1 ", "");
        fixture.store.open(uri("plan.pgm"), 2, &clean);
        assert_eq!(fixture.update().0, ["plan.pgm Some(2) []"]);

        fixture.store.open(uri("plan.pgm"), 3, PLAN);
        fixture.update();
        fixture.store.close(&uri("plan.pgm"), None, None);
        assert_eq!(
            fixture.update().0,
            [
                r#"people.pgm None ["Some(String(\"unused-definition\"))"]"#,
                "plan.pgm None []",
            ]
        );
    }

    #[test]
    fn a_client_that_pulls_is_sent_only_what_it_has_not_opened() {
        let mut fixture = Fixture::new(true);
        let (first, refresh) = fixture.update();
        assert_eq!(
            first,
            [r#"plan.pgm None ["Some(String(\"unknown-property\"))"]"#]
        );
        assert!(!refresh);
        fixture.store.open(uri("plan.pgm"), 1, PLAN);
        assert_eq!(
            fixture.update(),
            (vec!["plan.pgm Some(1) []".to_string()], true)
        );
        assert_eq!(fixture.update(), (vec![], false));
    }
}
