//! From the paths on the command line to an analysed model.

use std::path::{Path, PathBuf};

use crate::analysis::{self, Analysis, Options};
use crate::cli::SettingOverrides;
use crate::model::Model;
use crate::workspace::{self, Settings, WorkspaceError};

/// A workspace read, understood and analysed.
pub struct Loaded {
    pub model: Model,
    pub analysis: Analysis,
}

/// The paths given, or the current directory when none is.
fn paths_or_current(paths: &[PathBuf]) -> Vec<PathBuf> {
    if paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        paths.to_vec()
    }
}

/// Every `.pgm` file under `paths` with its text, named as the user gave it.
pub fn read_sources(paths: &[PathBuf]) -> Result<Vec<(PathBuf, String)>, WorkspaceError> {
    workspace::collect_pgm_files(&paths_or_current(paths))?
        .into_iter()
        .map(|path| workspace::read_source(&path).map(|text| (path, text)))
        .collect()
}

pub fn analyze(paths: &[PathBuf], overrides: SettingOverrides) -> Result<Loaded, WorkspaceError> {
    let paths = paths_or_current(paths);
    let sources = read_sources(&paths)?;
    let options = options(&paths[0], overrides)?;
    let sources = sources
        .into_iter()
        .map(|(path, text)| (path.display().to_string(), text))
        .collect();
    let model = Model::build_dropping_syntax(sources);
    let analysis = analysis::analyze(&model, &options);
    Ok(Loaded { model, analysis })
}

/// The command line's settings over those of the `pgm.toml` that applies to
/// the first path, over the defaults.
fn options(first_path: &Path, overrides: SettingOverrides) -> Result<Options, WorkspaceError> {
    Ok(overrides
        .settings()
        .or(Settings::discover(first_path)?)
        .options())
}
