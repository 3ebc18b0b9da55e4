//! The `pgm` command line: each subcommand in its own module, each writing
//! to the output it is given so that the library never prints by itself.

mod check;
pub mod export;
mod fmt;
pub mod huge_pages;
mod load;
mod location;
mod plan;
mod schedule;

use std::fmt as std_fmt;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use jiff::civil::Date;

use crate::workspace::{Settings, WorkspaceError};

pub use check::CheckFormat;
pub use export::ExportFormat;
pub use load::Loaded;
pub use schedule::ScheduleFormat;

#[derive(Parser, Debug)]
#[command(
    name = "pgm",
    version,
    about = "Check, schedule, format and export program plans kept as .pgm text"
)]
pub struct Cli {
    #[command(flatten)]
    pub settings: SettingOverrides,
    #[command(subcommand)]
    pub command: Command,
}

/// Settings given on the command line; each overrides the one in `pgm.toml`.
#[derive(Args, Clone, Copy, Debug, Default)]
pub struct SettingOverrides {
    /// The date that scheduling and status checks treat as today [default: the
    /// `today` of pgm.toml, else the system date]
    #[arg(long, global = true, value_name = "YYYY-MM-DD")]
    pub today: Option<Date>,
    /// The exposure (likelihood × impact) from which an open risk needs a
    /// mitigation [default: the `exposure_threshold` of pgm.toml, else 15]
    #[arg(long, global = true, value_name = "N")]
    pub exposure_threshold: Option<u32>,
}

impl SettingOverrides {
    pub fn settings(self) -> Settings {
        Settings {
            today: self.today,
            exposure_threshold: self.exposure_threshold,
        }
    }
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Report every problem in the plans
    Check {
        /// Files and directories to check [default: the current directory]
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// How to write the diagnostics
        #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
        format: CheckFormat,
    },
    /// Show every project's and milestone's computed dates, slack and critical path
    Schedule {
        /// Files and directories to schedule [default: the current directory]
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// How to write the schedule
        #[arg(long, value_enum, default_value_t = ScheduleFormat::Table)]
        format: ScheduleFormat,
    },
    /// Rewrite files in the canonical layout
    Fmt {
        /// Files and directories to format [default: the current directory]
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// List the files that would change, and change none
        #[arg(long)]
        check: bool,
    },
    /// Write the plans as JSON, a Mermaid gantt chart or a Graphviz graph
    Export {
        /// What to write
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Files and directories to export [default: the current directory]
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Serve the Language Server Protocol over standard input and output
    Lsp,
}

/// How a command that ran went.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Outcome {
    /// Nothing to complain about.
    Clean,
    /// The command found errors (or, for `fmt --check`, files to change).
    Failed,
}

impl From<Outcome> for ExitCode {
    fn from(outcome: Outcome) -> ExitCode {
        match outcome {
            Outcome::Clean => ExitCode::SUCCESS,
            Outcome::Failed => ExitCode::FAILURE,
        }
    }
}

impl Outcome {
    fn failed_if(failed: bool) -> Outcome {
        if failed {
            Outcome::Failed
        } else {
            Outcome::Clean
        }
    }
}

/// Why a command could not run at all.
#[derive(Debug)]
pub enum CliError {
    Workspace(WorkspaceError),
    /// `fmt` could not write a file back.
    Unwritable {
        path: PathBuf,
        reason: io::Error,
    },
    Output(io::Error),
    /// The language server could not start.
    Server(io::Error),
}

impl CliError {
    /// The exit status for a command that could not run.
    pub fn exit_code(&self) -> ExitCode {
        ExitCode::from(2)
    }
}

impl std_fmt::Display for CliError {
    fn fmt(&self, f: &mut std_fmt::Formatter<'_>) -> std_fmt::Result {
        match self {
            CliError::Workspace(error) => write!(f, "{error}"),
            CliError::Unwritable { path, reason } => {
                write!(f, "{}: cannot write: {reason}", path.display())
            }
            CliError::Output(error) => write!(f, "cannot write the output: {error}"),
            CliError::Server(error) => write!(f, "cannot start the language server: {error}"),
        }
    }
}

impl std::error::Error for CliError {}

impl From<WorkspaceError> for CliError {
    fn from(error: WorkspaceError) -> CliError {
        CliError::Workspace(error)
    }
}

impl From<io::Error> for CliError {
    fn from(error: io::Error) -> CliError {
        CliError::Output(error)
    }
}

/// What a command leaves behind: its exit status, and the workspace it
/// read and analysed, if any, for the caller to free or, when the process
/// ends right after, to leave to the system.
pub struct Ran {
    pub code: ExitCode,
    pub analysed: Option<Loaded>,
}

/// Runs one command, writing its report to `out`; `colour` says whether
/// `out` is a terminal that shows colours. Exits 0 when all is well, 1 when
/// the command found errors; a command that could not run is an `Err`.
pub fn run(cli: &Cli, out: &mut dyn Write, colour: bool) -> Result<Ran, CliError> {
    let (outcome, analysed) = match &cli.command {
        Command::Check { paths, format } => {
            let loaded = load::analyze(paths, cli.settings)?;
            (check::run(&loaded, *format, out, colour)?, Some(loaded))
        }
        Command::Schedule { paths, format } => {
            let loaded = load::analyze(paths, cli.settings)?;
            schedule::run(&loaded, *format, out)?;
            (Outcome::Clean, Some(loaded))
        }
        Command::Fmt { paths, check } => (fmt::run(paths, *check, out)?, None),
        Command::Export { format, paths } => {
            let loaded = load::analyze(paths, cli.settings)?;
            export::run(&loaded, *format, out)?;
            (Outcome::Clean, Some(loaded))
        }
        Command::Lsp => {
            let code = crate::lsp::run(cli.settings.settings()).map_err(CliError::Server)?;
            return Ok(Ran {
                code,
                analysed: None,
            });
        }
    };
    Ok(Ran {
        code: outcome.into(),
        analysed,
    })
}
