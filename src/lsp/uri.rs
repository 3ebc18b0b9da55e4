//! Document identities. One file may be spelled by several URIs
//! (`file:///a%20b.pgm` and `file:///a b.pgm`, a drive letter in either
//! case), so every URI that names a file on disk is rewritten to one
//! spelling before it is used as a key; other schemes (`untitled:`) are
//! kept as they come.

use std::path::{Path, PathBuf};

use tower_lsp_server::ls_types::{Uri, WorkspaceFolder};

/// The one spelling used for the document `uri` names.
pub(crate) fn normalize(uri: &Uri) -> Uri {
    file_path(uri)
        .and_then(Uri::from_file_path)
        .unwrap_or_else(|| uri.clone())
}

/// The path of a `file:` URI.
pub(crate) fn file_path(uri: &Uri) -> Option<PathBuf> {
    if !uri.scheme().as_str().eq_ignore_ascii_case("file") {
        return None;
    }
    uri.to_file_path().map(|path| path.into_owned())
}

/// The paths of the folders that are on disk.
pub(crate) fn folder_paths(folders: &[WorkspaceFolder]) -> Vec<PathBuf> {
    folders
        .iter()
        .filter_map(|folder| file_path(&folder.uri))
        .collect()
}

/// Whether a path names a `.pgm` source file.
pub(crate) fn is_source(path: &Path) -> bool {
    path.extension().is_some_and(|extension| extension == "pgm")
}

/// How a document is named in messages: its path when it has one.
pub(crate) fn display_name(uri: &Uri) -> String {
    match file_path(uri) {
        Some(path) => path.display().to_string(),
        None => uri.as_str().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;

    #[test]
    fn spellings_of_one_file_become_one_key() {
        let encoded = Uri::from_str("file:///tmp/my%20plan/a.pgm").unwrap();
        let plain_path = Uri::from_file_path("/tmp/my plan/a.pgm").unwrap();
        assert_eq!(normalize(&encoded), plain_path);
        assert_eq!(display_name(&encoded), "/tmp/my plan/a.pgm");
    }

    #[test]
    fn other_schemes_are_kept() {
        let untitled = Uri::from_str("untitled:Untitled-1").unwrap();
        assert_eq!(normalize(&untitled), untitled);
        assert_eq!(file_path(&untitled), None);
        assert_eq!(display_name(&untitled), "untitled:Untitled-1");
    }
}
