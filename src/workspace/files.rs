use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use walkdir::{DirEntry, WalkDir};

use super::WorkspaceError;

const SOURCE_EXTENSION: &str = "pgm";

/// Directories that hold build output or dependencies, never plans.
const SKIPPED_DIRECTORIES: &[&str] = &["target", "node_modules"];

/// The `.pgm` files named by `paths`: a file is taken as given, a directory
/// is searched recursively in sorted order (skipping hidden directories and
/// `target` and `node_modules`). Each file appears once, at its first mention,
/// under the path it was reached by, so that messages name it as the user did.
pub fn collect_pgm_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, WorkspaceError> {
    let mut files = Vec::new();
    let mut seen = HashSet::new();
    for path in paths {
        let metadata = fs::metadata(path).map_err(|reason| access_error(path, reason))?;
        let found = if metadata.is_dir() {
            sources_under(path)?
        } else {
            vec![path.clone()]
        };
        for file in found {
            let identity = fs::canonicalize(&file).unwrap_or_else(|_| file.clone());
            if seen.insert(identity) {
                files.push(file);
            }
        }
    }
    Ok(files)
}

fn sources_under(root: &Path) -> Result<Vec<PathBuf>, WorkspaceError> {
    let walk = WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| entry.depth() == 0 || !is_skipped_directory(entry));
    let mut files = Vec::new();
    for entry in walk {
        let entry = entry.map_err(|error| walk_error(root, error))?;
        if is_source(&entry) {
            files.push(displayed_path(root, entry.into_path()));
        }
    }
    Ok(files)
}

fn is_skipped_directory(entry: &DirEntry) -> bool {
    let name = entry.file_name().to_string_lossy();
    entry.file_type().is_dir()
        && (name.starts_with('.') || SKIPPED_DIRECTORIES.contains(&name.as_ref()))
}

fn is_source(entry: &DirEntry) -> bool {
    let has_extension = entry.path().extension() == Some(SOURCE_EXTENSION.as_ref());
    // A symbolic link counts when it leads to a file; walkdir does not follow
    // links, so that a link back up the tree cannot make the walk endless.
    let is_file =
        entry.file_type().is_file() || (entry.path_is_symlink() && entry.path().is_file());
    has_extension && is_file
}

/// `./plan.pgm` is shown as `plan.pgm` when the search started at `.`.
fn displayed_path(root: &Path, path: PathBuf) -> PathBuf {
    if root == Path::new(".") {
        if let Ok(relative) = path.strip_prefix(root) {
            return relative.to_path_buf();
        }
    }
    path
}

fn walk_error(root: &Path, error: walkdir::Error) -> WorkspaceError {
    let path = error.path().unwrap_or(root).to_path_buf();
    let reason = match error.into_io_error() {
        Some(reason) => reason,
        None => io::Error::other("the directory tree loops back on itself"),
    };
    WorkspaceError::Unreadable { path, reason }
}

fn access_error(path: &Path, reason: io::Error) -> WorkspaceError {
    let path = path.to_path_buf();
    match reason.kind() {
        io::ErrorKind::NotFound => WorkspaceError::NoSuchPath { path },
        _ => WorkspaceError::Unreadable { path, reason },
    }
}

/// The text of a source file, which must be UTF-8.
pub fn read_source(path: &Path) -> Result<String, WorkspaceError> {
    let bytes = fs::read(path).map_err(|reason| access_error(path, reason))?;
    String::from_utf8(bytes).map_err(|error| WorkspaceError::NotUtf8 {
        path: path.to_path_buf(),
        offset: error.utf8_error().valid_up_to(),
    })
}

#[cfg(test)]
mod tests {
    use std::fs;
    use std::path::{Path, PathBuf};

    use expect_test::{Expect, expect};

    use super::*;

    /// A directory holding `files` (path, contents); the paths it gives are
    /// relative to it, as a user in that directory would type them.
    fn tree(files: &[(&str, &[u8])]) -> tempfile::TempDir {
        let root = tempfile::tempdir().expect("temporary directory");
        for (path, contents) in files {
            let path = root.path().join(path);
            fs::create_dir_all(path.parent().expect("a parent")).expect("directory");
            fs::write(path, contents).expect("file");
        }
        root
    }

    fn check_collect(root: &Path, paths: &[&str], expect: Expect) {
        let paths: Vec<PathBuf> = paths.iter().map(|path| root.join(path)).collect();
        let shown = match collect_pgm_files(&paths) {
            Ok(files) => files
                .iter()
                .map(|file| {
                    file.strip_prefix(root)
                        .unwrap_or(file)
                        .display()
                        .to_string()
                })
                .collect::<Vec<_>>()
                .join("\n"),
            Err(error) => error
                .to_string()
                .replace(&root.display().to_string(), "ROOT"),
        };
        expect.assert_eq(&shown);
    }

    #[test]
    fn directories_are_searched_recursively_in_sorted_order() {
        let root = tree(&[
            ("plans/b.pgm", b""),
            ("plans/a.pgm", b""),
            ("plans/sub/c.pgm", b""),
            ("plans/notes.txt", b""),
            ("plans/a_sub/z.pgm", b""),
        ]);
        check_collect(
            root.path(),
            &["plans"],
            expect![[r#"
                plans/a.pgm
                plans/a_sub/z.pgm
                plans/b.pgm
                plans/sub/c.pgm"#]],
        );
    }

    #[test]
    fn hidden_build_and_dependency_directories_are_skipped() {
        let root = tree(&[
            ("plans/.git/x.pgm", b""),
            ("plans/target/x.pgm", b""),
            ("plans/node_modules/x.pgm", b""),
            ("plans/kept.pgm", b""),
        ]);
        check_collect(root.path(), &["plans"], expect!["plans/kept.pgm"]);
    }

    #[test]
    fn files_are_taken_as_given_once_each_in_the_order_given() {
        let root = tree(&[
            ("plans/b.pgm", b""),
            ("plans/a.pgm", b""),
            ("other.txt", b""),
        ]);
        check_collect(
            root.path(),
            &["plans/b.pgm", "other.txt", "plans", "plans/a.pgm"],
            expect![[r#"
                plans/b.pgm
                other.txt
                plans/a.pgm"#]],
        );
    }

    #[test]
    fn a_missing_path_is_an_error_naming_it() {
        let root = tree(&[("plans/a.pgm", b"")]);
        check_collect(
            root.path(),
            &["plans", "nowhere"],
            expect!["ROOT/nowhere: no such file or directory"],
        );
    }

    #[test]
    fn the_current_directory_gives_paths_without_a_dot() {
        let root = tree(&[("a.pgm", b"")]);
        let current = root.path().join(".");
        let files = sources_under(&current).expect("readable");
        assert_eq!(files, vec![current.join("a.pgm")]);
        assert_eq!(
            displayed_path(Path::new("."), PathBuf::from("./a.pgm")),
            PathBuf::from("a.pgm")
        );
    }

    fn check_read(contents: &[u8], expect: Expect) {
        let root = tree(&[("plan.pgm", contents)]);
        let path = root.path().join("plan.pgm");
        let shown = match read_source(&path) {
            Ok(text) => text,
            Err(error) => error
                .to_string()
                .replace(&root.path().display().to_string(), "ROOT"),
        };
        expect.assert_eq(&shown);
    }

    #[test]
    fn utf8_text_is_read_as_it_is() {
        check_read(
            "person é \"中文\"\r\n".as_bytes(),
            expect!["person é \"中文\"\r\n"],
        );
    }

    #[test]
    fn text_that_is_not_utf8_is_an_error_naming_the_file_and_the_byte() {
        check_read(
            b"person al\xe9x",
            expect!["ROOT/plan.pgm: not valid UTF-8 (at byte 9)"],
        );
    }

    #[test]
    fn an_unreadable_file_is_an_error_with_the_reason() {
        let root = tree(&[("plans/a.pgm", b"")]);
        let error = read_source(&root.path().join("plans")).expect_err("a directory");
        assert!(
            matches!(error, WorkspaceError::Unreadable { .. }),
            "{error}"
        );
        assert!(
            error.to_string().contains("plans: cannot read: "),
            "{error}"
        );
    }
}
