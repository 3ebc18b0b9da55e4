use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

/// Why a workspace could not be loaded; each names the file at fault.
#[derive(Debug)]
pub enum WorkspaceError {
    NoSuchPath { path: PathBuf },
    Unreadable { path: PathBuf, reason: io::Error },
    NotUtf8 { path: PathBuf, offset: usize },
    BadSettings { path: PathBuf, problem: String },
}

impl WorkspaceError {
    /// The file or directory the error is about.
    pub fn path(&self) -> &Path {
        match self {
            WorkspaceError::NoSuchPath { path }
            | WorkspaceError::Unreadable { path, .. }
            | WorkspaceError::NotUtf8 { path, .. }
            | WorkspaceError::BadSettings { path, .. } => path,
        }
    }
}

impl fmt::Display for WorkspaceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path().display();
        match self {
            WorkspaceError::NoSuchPath { .. } => write!(f, "{path}: no such file or directory"),
            WorkspaceError::Unreadable { reason, .. } => write!(f, "{path}: cannot read: {reason}"),
            WorkspaceError::NotUtf8 { offset, .. } => {
                write!(f, "{path}: not valid UTF-8 (at byte {offset})")
            }
            WorkspaceError::BadSettings { problem, .. } => write!(f, "{path}: {problem}"),
        }
    }
}

impl std::error::Error for WorkspaceError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            WorkspaceError::Unreadable { reason, .. } => Some(reason),
            _ => None,
        }
    }
}
