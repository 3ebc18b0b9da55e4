//! Reading the workspace folders: their `.pgm` files and the `pgm.toml`
//! that applies to them. Blocking; run it off the connection's tasks.

use std::path::PathBuf;

use tower_lsp_server::ls_types::Uri;

use crate::workspace::{Settings, collect_pgm_files, read_source};

/// What was read, and a message for each thing that could not be.
#[derive(Debug, Default)]
pub(crate) struct Loaded {
    pub files: Vec<(Uri, String)>,
    pub settings: Settings,
    pub problems: Vec<String>,
}

/// The `.pgm` files under `new_folders`, and the settings of the workspace
/// whose folders are `all_folders`.
pub(crate) fn load(new_folders: &[PathBuf], all_folders: &[PathBuf]) -> Loaded {
    let mut loaded = Loaded::default();
    for folder in new_folders {
        let paths = match collect_pgm_files(std::slice::from_ref(folder)) {
            Ok(paths) => paths,
            Err(error) => {
                loaded.problems.push(error.to_string());
                continue;
            }
        };
        for path in paths {
            match (read_source(&path), Uri::from_file_path(&path)) {
                (Ok(text), Some(uri)) => loaded.files.push((uri, text)),
                (Err(error), _) => loaded.problems.push(error.to_string()),
                (Ok(_), None) => loaded
                    .problems
                    .push(format!("{}: cannot be named by a URI", path.display())),
            }
        }
    }
    let (settings, problem) = settings(all_folders);
    loaded.settings = settings;
    loaded.problems.extend(problem);
    loaded
}

/// The settings of the `pgm.toml` nearest the first workspace folder: one
/// set of settings serves the whole workspace, as its files share one model.
pub(crate) fn settings(folders: &[PathBuf]) -> (Settings, Option<String>) {
    let Some(first) = folders.first() else {
        return (Settings::default(), None);
    };
    match Settings::discover(first) {
        Ok(settings) => (settings, None),
        Err(error) => (Settings::default(), Some(error.to_string())),
    }
}
