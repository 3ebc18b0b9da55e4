//! A workspace folder of `.pgm` files in a temporary directory.

use std::fs;
use std::path::PathBuf;

use tempfile::TempDir;
use tower_lsp_server::ls_types::Uri;

pub struct Workspace {
    dir: TempDir,
}

impl Workspace {
    /// A folder holding `files`, each a name and a text.
    pub fn new(files: &[(&str, &str)]) -> Workspace {
        let workspace = Workspace {
            dir: tempfile::tempdir().expect("create a temporary directory"),
        };
        for (name, text) in files {
            workspace.write(name, text);
        }
        workspace
    }

    pub fn path(&self, name: &str) -> PathBuf {
        let root = fs::canonicalize(self.dir.path()).expect("the folder exists");
        if name.is_empty() {
            root
        } else {
            root.join(name)
        }
    }

    /// The URI of a file, spelled as the server spells it.
    pub fn uri(&self, name: &str) -> String {
        let uri = Uri::from_file_path(self.path(name)).expect("an absolute path");
        uri.as_str().to_string()
    }

    /// The workspace folder, as `initialize` names it.
    pub fn folder(&self) -> serde_json::Value {
        serde_json::json!({"uri": self.uri(""), "name": "workspace"})
    }

    pub fn write(&self, name: &str, text: &str) {
        let path = self.path(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("create the file's directory");
        }
        fs::write(path, text).expect("write a workspace file");
    }

    pub fn remove(&self, name: &str) {
        fs::remove_file(self.path(name)).expect("remove a workspace file");
    }
}
