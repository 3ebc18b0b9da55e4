//! Writes a generated portfolio: `cargo run --release --example gen -- N OUT_DIR
//! [--seed S] [--cycles C] [--over-allocations O] [--date-conflicts D]`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

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
    let files = pgm::generate::portfolio(&options);
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
