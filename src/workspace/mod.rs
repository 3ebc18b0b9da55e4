//! Finding and reading a workspace's files: the `.pgm` sources under the
//! paths given and the `pgm.toml` settings that apply to them. It knows
//! nothing of the language; the command line and the language server both
//! stand on it.

mod error;
mod files;
mod settings;

pub use error::WorkspaceError;
pub use files::{collect_pgm_files, read_source};
pub use settings::{SETTINGS_FILE_NAME, Settings};
