//! Writes a generated portfolio: `cargo run --release --example gen -- N OUT_DIR
//! [--seed S] [--cycles C] [--over-allocations O] [--date-conflicts D]
//! [--format pgm|tjp|utf8proj]`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, ValueEnum};

/// The language to write the plan in: pgm's own, TaskJuggler's or utf8proj's.
#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Pgm,
    Tjp,
    Utf8proj,
}

#[derive(Parser)]
struct Args {
    /// Number of projects.
    projects: usize,
    /// Folder to write into; created when missing.
    out_dir: PathBuf,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    #[arg(long, default_value_t = 0)]
    cycles: usize,
    #[arg(long, default_value_t = 0)]
    over_allocations: usize,
    #[arg(long, default_value_t = 0)]
    date_conflicts: usize,
    #[arg(long, value_enum, default_value = "pgm")]
    format: Format,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let options = pgm::generate::Options {
        projects: args.projects,
        seed: args.seed,
        cycles: args.cycles,
        over_allocations: args.over_allocations,
        date_conflicts: args.date_conflicts,
    };
    let files = match args.format {
        Format::Pgm => pgm::generate::portfolio(&options),
        Format::Tjp => pgm::generate::taskjuggler_portfolio(&options),
        Format::Utf8proj => pgm::generate::utf8proj_portfolio(&options),
    };
    let write_all = || -> std::io::Result<()> {
        std::fs::create_dir_all(&args.out_dir)?;
        for file in &files {
            std::fs::write(args.out_dir.join(&file.path), &file.text)?;
        }
        Ok(())
    };
    match write_all() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: cannot write {}: {error}", args.out_dir.display());
            ExitCode::from(2)
        }
    }
}
