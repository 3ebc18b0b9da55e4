//! Everything the server knows of the workspace's text and settings: the
//! open documents, the files on disk under the workspace folders, and the
//! settings from the client and from `pgm.toml`. Every change bumps one
//! generation counter; each text remembers the generation that last changed
//! it (its stamp), so the analysis re-parses only what changed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ropey::Rope;
use tower_lsp_server::ls_types::{TextDocumentContentChangeEvent, Uri};

use crate::analysis::Options;
use crate::base::{PositionEncoding, SharedText};
use crate::lsp::document::OpenDocument;
use crate::workspace::Settings;

#[derive(Debug)]
pub(crate) struct Store {
    encoding: PositionEncoding,
    folders: Vec<PathBuf>,
    /// Ordered by URI, so that file ids are stable while the set of files is.
    documents: BTreeMap<Uri, Document>,
    client_settings: Settings,
    /// From `pgm lsp --today ...`: under the client's, over the file's.
    command_line_settings: Settings,
    file_settings: Settings,
    generation: u64,
}

/// One document: its text on disk, the editor's while it is open, or both.
#[derive(Debug, Default)]
struct Document {
    disk: Option<Stamped<SharedText>>,
    open: Option<Stamped<OpenDocument>>,
}

#[derive(Debug)]
struct Stamped<T> {
    value: T,
    stamp: u64,
}

/// What one analysis works on: a consistent copy of the workspace, cheap to
/// take under the lock (ropes and disk texts are shared, not copied).
pub(crate) struct AnalysisInput {
    pub generation: u64,
    pub encoding: PositionEncoding,
    pub options: Options,
    /// Ordered by URI.
    pub sources: Vec<Source>,
}

pub(crate) struct Source {
    pub uri: Uri,
    /// The editor's version of an open document; `None` for a file on disk.
    pub version: Option<i32>,
    pub stamp: u64,
    pub text: SourceText,
}

pub(crate) enum SourceText {
    Open(Rope),
    Disk(SharedText),
}

impl SourceText {
    pub fn to_text(&self) -> SharedText {
        match self {
            SourceText::Open(rope) => rope.to_string().into(),
            SourceText::Disk(text) => text.clone(),
        }
    }
}

/// A change to a document the client never opened.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct NotOpen;

impl Store {
    pub fn new(command_line_settings: Settings) -> Store {
        Store {
            encoding: PositionEncoding::Utf16,
            folders: Vec::new(),
            documents: BTreeMap::new(),
            client_settings: Settings::default(),
            command_line_settings,
            file_settings: Settings::default(),
            generation: 0,
        }
    }

    /// Sets how columns are counted, for the changes that follow.
    pub fn set_encoding(&mut self, encoding: PositionEncoding) {
        self.encoding = encoding;
    }

    pub fn generation(&self) -> u64 {
        self.generation
    }

    pub fn folders(&self) -> &[PathBuf] {
        &self.folders
    }

    /// Whether `path` lies under one of the workspace folders.
    pub fn in_workspace(&self, path: &Path) -> bool {
        self.folders.iter().any(|folder| path.starts_with(folder))
    }

    fn bump(&mut self) -> u64 {
        self.generation += 1;
        self.generation
    }

    /// Changes one document, and forgets it when it has no text left.
    fn update(&mut self, uri: &Uri, change: impl FnOnce(&mut Document, u64)) {
        let stamp = self.bump();
        let document = self.documents.entry(uri.clone()).or_default();
        change(document, stamp);
        if document.disk.is_none() && document.open.is_none() {
            self.documents.remove(uri);
        }
    }

    pub fn open(&mut self, uri: Uri, version: i32, text: &str) {
        let value = OpenDocument::new(version, text);
        self.update(&uri, |document, stamp| {
            document.open = Some(Stamped { value, stamp });
        });
    }

    /// Applies `changes` in order and takes the new version.
    pub fn change(
        &mut self,
        uri: &Uri,
        version: i32,
        changes: &[TextDocumentContentChangeEvent],
    ) -> Result<(), NotOpen> {
        let open = self
            .documents
            .get_mut(uri)
            .and_then(|document| document.open.as_mut());
        let open = open.ok_or(NotOpen)?;
        for change in changes {
            open.value.apply(change, self.encoding);
        }
        open.value.version = version;
        self.generation += 1;
        open.stamp = self.generation;
        Ok(())
    }

    /// Closes a document. It stays in the workspace with `disk_text` when it
    /// is a file under a workspace folder, and leaves it otherwise.
    pub fn close(&mut self, uri: &Uri, path: Option<&Path>, disk_text: Option<String>) {
        let in_workspace = path.is_some_and(|path| self.in_workspace(path));
        let disk_text = disk_text.filter(|_| in_workspace);
        self.update(uri, |document, stamp| {
            document.open = None;
            document.disk = disk_text.map(|text| Stamped {
                value: SharedText::from(text),
                stamp,
            });
        });
    }

    pub fn set_disk(&mut self, uri: Uri, text: String) {
        let value = SharedText::from(text);
        self.update(&uri, |document, stamp| {
            document.disk = Some(Stamped { value, stamp });
        });
    }

    pub fn remove_disk(&mut self, uri: &Uri) {
        self.update(uri, |document, _| document.disk = None);
    }

    /// Forgets the files on disk that no workspace folder holds any more.
    pub fn set_folders(&mut self, folders: Vec<PathBuf>) {
        self.bump();
        self.folders = folders;
        let folders = &self.folders;
        let in_workspace = |uri: &Uri| {
            crate::lsp::uri::file_path(uri)
                .is_some_and(|path| folders.iter().any(|folder| path.starts_with(folder)))
        };
        for (uri, document) in &mut self.documents {
            if !in_workspace(uri) {
                document.disk = None;
            }
        }
        self.documents
            .retain(|_, document| document.open.is_some() || document.disk.is_some());
    }

    pub fn set_client_settings(&mut self, settings: Settings) {
        self.bump();
        self.client_settings = settings;
    }

    pub fn set_file_settings(&mut self, settings: Settings) {
        self.bump();
        self.file_settings = settings;
    }

    /// The text the server holds for a document: the editor's while it is
    /// open, the file's on disk otherwise.
    pub fn text(&self, uri: &Uri) -> Option<String> {
        let document = self.documents.get(uri)?;
        match (&document.open, &document.disk) {
            (Some(open), _) => Some(open.value.text.to_string()),
            (None, Some(disk)) => Some(disk.value.to_string()),
            (None, None) => None,
        }
    }

    pub fn analysis_input(&self) -> AnalysisInput {
        let sources = self.documents.iter().filter_map(|(uri, document)| {
            let (version, stamp, text) = match (&document.open, &document.disk) {
                (Some(open), _) => (
                    Some(open.value.version),
                    open.stamp,
                    SourceText::Open(open.value.text.clone()),
                ),
                (None, Some(disk)) => (None, disk.stamp, SourceText::Disk(disk.value.clone())),
                (None, None) => return None,
            };
            let uri = uri.clone();
            Some(Source {
                uri,
                version,
                stamp,
                text,
            })
        });
        AnalysisInput {
            generation: self.generation,
            encoding: self.encoding,
            options: crate::lsp::client_settings::options(
                &self.client_settings.or(self.command_line_settings),
                &self.file_settings,
            ),
            sources: sources.collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use tower_lsp_server::ls_types::{Position, Range};

    use super::*;

    fn uri(text: &str) -> Uri {
        Uri::from_str(text).unwrap()
    }

    #[test]
    fn command_line_settings_come_under_the_clients_and_over_the_files() {
        let day = |d| Some(jiff::civil::date(2027, 1, d));
        let mut store = Store::new(Settings {
            today: day(4),
            exposure_threshold: None,
        });
        store.set_file_settings(Settings {
            today: day(5),
            exposure_threshold: Some(12),
        });
        let options = store.analysis_input().options;
        assert_eq!(
            (Some(options.today), options.exposure_threshold),
            (day(4), 12)
        );
        store.set_client_settings(Settings {
            today: day(6),
            exposure_threshold: None,
        });
        assert_eq!(Some(store.analysis_input().options.today), day(6));
    }

    fn texts(store: &Store) -> Vec<(String, Option<i32>, String)> {
        let input = store.analysis_input();
        let texts = input.sources.iter().map(|source| {
            let name = source.uri.as_str().to_string();
            (name, source.version, source.text.to_text().to_string())
        });
        texts.collect()
    }

    fn store() -> Store {
        let mut store = Store::new(Settings::default());
        store.set_folders(vec![PathBuf::from("/ws")]);
        store.set_disk(uri("file:///ws/a.pgm"), "disk a".to_string());
        store.set_disk(uri("file:///ws/b.pgm"), "disk b".to_string());
        store
    }

    #[test]
    fn an_open_document_overrides_the_disk_and_falls_back_on_close() {
        let mut store = store();
        let a = uri("file:///ws/a.pgm");
        store.open(a.clone(), 3, "editor a");
        let edit = TextDocumentContentChangeEvent {
            range: Some(Range::new(Position::new(0, 0), Position::new(0, 6))),
            range_length: None,
            text: "typed".to_string(),
        };
        store.change(&a, 4, &[edit]).unwrap();
        assert_eq!(
            texts(&store),
            [
                (
                    "file:///ws/a.pgm".to_string(),
                    Some(4),
                    "typed a".to_string()
                ),
                ("file:///ws/b.pgm".to_string(), None, "disk b".to_string()),
            ]
        );
        store.close(
            &a,
            Some(Path::new("/ws/a.pgm")),
            Some("saved a".to_string()),
        );
        assert_eq!(
            texts(&store)[0],
            ("file:///ws/a.pgm".to_string(), None, "saved a".to_string())
        );
    }

    #[test]
    fn a_closed_document_outside_the_folders_leaves_the_workspace() {
        let mut store = store();
        let elsewhere = uri("file:///elsewhere/c.pgm");
        store.open(elsewhere.clone(), 1, "c");
        assert_eq!(texts(&store).len(), 3);
        store.close(
            &elsewhere,
            Some(Path::new("/elsewhere/c.pgm")),
            Some("c".to_string()),
        );
        assert_eq!(texts(&store).len(), 2);
    }

    #[test]
    fn a_change_to_an_unopened_document_is_refused() {
        let mut store = store();
        let result = store.change(&uri("file:///ws/a.pgm"), 2, &[]);
        assert_eq!(result, Err(NotOpen));
    }

    #[test]
    fn only_changed_texts_get_a_new_stamp() {
        let mut store = store();
        let before = store.analysis_input();
        store.open(uri("file:///ws/b.pgm"), 1, "editor b");
        let after = store.analysis_input();
        assert!(after.generation > before.generation);
        assert_eq!(after.sources[0].stamp, before.sources[0].stamp);
        assert_ne!(after.sources[1].stamp, before.sources[1].stamp);
    }

    #[test]
    fn removing_a_folder_forgets_its_files() {
        let mut store = store();
        store.set_disk(uri("file:///other/c.pgm"), "c".to_string());
        store.set_folders(vec![PathBuf::from("/other")]);
        let names: Vec<String> = texts(&store).into_iter().map(|(name, ..)| name).collect();
        assert_eq!(names, ["file:///other/c.pgm"]);
    }
}
