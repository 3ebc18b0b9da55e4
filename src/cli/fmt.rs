//! `pgm fmt`: every file in the canonical layout.

use std::fs;
use std::io::Write;
use std::path::PathBuf;

use crate::cli::load;
use crate::cli::{CliError, Outcome};
use crate::syntax::format::format;

/// Rewrites the files that are not in the canonical layout, or with `check`
/// only lists them. A file that does not parse is reported and left alone.
pub fn run(paths: &[PathBuf], check: bool, out: &mut dyn Write) -> Result<Outcome, CliError> {
    let mut failed = false;
    for (path, text) in load::read_sources(paths)? {
        match format(&text) {
            Ok(formatted) if formatted == text => {}
            Ok(_) if check => {
                writeln!(out, "{}", path.display())?;
                failed = true;
            }
            Ok(formatted) => {
                fs::write(&path, formatted)
                    .map_err(|reason| CliError::Unwritable { path, reason })?;
            }
            Err(error) => {
                writeln!(out, "{}: {error}", path.display())?;
                failed = true;
            }
        }
    }
    Ok(Outcome::failed_if(failed))
}
