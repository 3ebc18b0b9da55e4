use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use pgm::cli::{self, Cli, CliError};

/// The checker allocates a node at a time and the server keeps rebuilding
/// its model; mimalloc serves both faster than the system allocator and
/// returns freed memory to the system in whatever thread freed it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    cli::huge_pages::refuse();
    let cli = Cli::parse();
    let stdout = io::stdout();
    // https://no-color.org: any non-empty NO_COLOR turns colours off.
    let colour = stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    // Not locked: the language server writes to standard output itself.
    let mut out = io::BufWriter::new(stdout);
    // A reader that stops early (`pgm schedule | head`) is no failure; the
    // command's own status stands.
    let result = cli::run(&cli, &mut out, colour).and_then(|ran| match out.flush() {
        Err(error) if error.kind() != io::ErrorKind::BrokenPipe => Err(error.into()),
        _ => Ok(ran),
    });
    match result {
        Ok(ran) => {
            // The process ends now, and the system takes back its memory at
            // once: freeing the model node by node first would cost a tenth
            // of a check.
            std::mem::forget(ran.analysed);
            ran.code
        }
        Err(CliError::Output(error)) if error.kind() == io::ErrorKind::BrokenPipe => {
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}");
            error.exit_code()
        }
    }
}
