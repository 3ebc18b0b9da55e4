//! The language server under a long editing session and a large document,
//! over the real `pgm lsp` of the release build: `cargo bench --bench soak`
//! (options after `--`: `--projects N`, `--edits N`, `--sample-every N`,
//! `--sync-every N`, `--large-mb N`). The figures are in
//! docs/performance.md, "Fault tests and soak".
//!
//! The soak types into one open document of a generated workspace, one
//! character to a change: a new project, with a typo fixed now and then,
//! then backspaces until it is gone, over and over. Every `--sync-every`
//! changes it waits for the analysis of the text as it is (a hover waits
//! for it), as an editor whose user pauses does; every `--sample-every`
//! changes it reads the server's resident memory and checks that the
//! server holds the client's text. A server that leaks grows across the
//! series; one that does not stays level. (The test client keeps every
//! message it is not asked for, such as the diagnostics published after
//! each analysis, so the bench's own process grows too; only the server is
//! measured.)
//!
//! Then a document of `--large-mb` megabytes is opened and edited as in
//! the fault test of tests/lsp_faults.rs, the server's text compared with
//! the client's, and the time to the first answer from its analysis and
//! the server's peak memory reported.
//!
//! A plain `harness = false` main: the figures are memory over time and
//! one-off timings, not repeated measurements of one routine.

#[path = "../tests/support/mod.rs"]
mod support;

use std::io::Write;
use std::time::Instant;

use pgm::generate;
use serde_json::{Value, json};
use support::client::{Client, initialize_params};
use support::document::{Document, edit_large_document, large_text};
use support::raw;
use support::text::{self, Columns};
use support::workspace::Workspace;

const COLUMNS: Columns = Columns::Utf16;
const MEGABYTE: f64 = 1_000_000.0;

fn main() -> std::io::Result<()> {
    let settings = Settings::from_args(std::env::args().skip(1));
    let mut out = std::io::stdout().lock();
    soak(&settings, &mut out)?;
    large_document(settings.large_mb, &mut out)
}

struct Settings {
    projects: usize,
    edits: usize,
    sample_every: usize,
    sync_every: usize,
    large_mb: usize,
}

impl Settings {
    /// Reads the options; anything else (such as the `--bench` that
    /// `cargo bench` passes) is ignored.
    fn from_args(mut args: impl Iterator<Item = String>) -> Settings {
        let mut settings = Settings {
            projects: 2_000,
            edits: 100_000,
            sample_every: 10_000,
            sync_every: 10,
            large_mb: 50,
        };
        while let Some(arg) = args.next() {
            let field = match arg.as_str() {
                "--projects" => &mut settings.projects,
                "--edits" => &mut settings.edits,
                "--sample-every" => &mut settings.sample_every,
                "--sync-every" => &mut settings.sync_every,
                "--large-mb" => &mut settings.large_mb,
                _ => continue,
            };
            let value = args.next().and_then(|value| value.parse().ok());
            *field = value
                .filter(|&value| value > 0)
                .unwrap_or_else(|| panic!("{arg} wants a positive number"));
        }
        settings
    }
}

/// The file typed into, inside its first program, after the program's own
/// properties.
const EDITED: &str = "programs_000.pgm";

fn soak(settings: &Settings, out: &mut impl Write) -> std::io::Result<()> {
    let files = generate::portfolio(&generate::Options::clean(settings.projects));
    let list: Vec<(&str, &str)> = files
        .iter()
        .map(|file| (file.path.as_str(), file.text.as_str()))
        .collect();
    let workspace = Workspace::new(&list);
    let sources: Vec<usize> = files
        .iter()
        .filter(|file| file.path.ends_with(".pgm"))
        .map(|file| file.text.len())
        .collect();
    let text = &files
        .iter()
        .find(|file| file.path == EDITED)
        .expect("the generator writes the first file of programs")
        .text;
    let window = text
        .find("\n  window: ")
        .expect("the first program has a window");
    let anchor = window + 1 + text[window + 1..].find('\n').expect("a line break") + 1;
    // The program's owner, above where the typing happens: its position
    // does not move.
    let owner = text.find("owner: ").expect("an owner") + "owner: ".len();
    let owner = text::position(text, owner, COLUMNS);

    let (mut client, _) = Client::initialized(initialize_params(
        &[workspace.folder()],
        Value::Null,
        COLUMNS,
    ));
    let server = raw::only_child();
    let uri = workspace.uri(EDITED);
    let started = Instant::now();
    let sync = |client: &mut Client| {
        let params = json!({"textDocument": {"uri": uri}, "position": owner});
        let answer = client.request("textDocument/hover", params);
        assert!(matches!(answer, Ok(Value::Object(_))), "{answer:?}");
    };
    sync(&mut client);
    writeln!(
        out,
        "soak: {} projects, {:.1} MB of source in {} files; typing into {EDITED} ({} bytes)",
        settings.projects,
        sources.iter().sum::<usize>() as f64 / MEGABYTE,
        sources.len(),
        text.len()
    )?;
    writeln!(
        out,
        "{:>8}  {:>10}  {:>9}",
        "changes", "VmRSS MB", "seconds"
    )?;
    let sample = |changes: usize, out: &mut dyn Write| {
        let rss = raw::memory(server, "VmRSS") as f64 / MEGABYTE;
        let seconds = started.elapsed().as_secs_f64();
        writeln!(out, "{changes:>8}  {rss:>10.1}  {seconds:>9.1}")
    };
    sample(0, out)?;

    let mut document = Document::open(&mut client, &uri, text, COLUMNS);
    let mut cursor = anchor;
    for key in keystrokes().take(settings.edits) {
        cursor = match key {
            Key::Char(typed) => {
                document.type_at(&mut client, cursor, typed.encode_utf8(&mut [0; 4]))
            }
            Key::Backspace => document.backspace(&mut client, cursor),
        };
        let changes = document.changes();
        if changes % settings.sync_every == 0 || changes % settings.sample_every == 0 {
            sync(&mut client);
        }
        if changes % settings.sample_every == 0 {
            document.assert_held_by(&mut client);
            sample(changes, out)?;
        }
    }
    document.assert_held_by(&mut client);
    let peak = raw::memory(server, "VmHWM") as f64 / MEGABYTE;
    writeln!(
        out,
        "after {} changes the server's text equals the client's ({} bytes); peak VmHWM {peak:.1} MB",
        document.changes(),
        document.text.len()
    )?;
    let status = client.shutdown();
    assert!(status.success(), "pgm lsp exited with {status}");
    Ok(())
}

enum Key {
    Char(char),
    Backspace,
}

/// What the user types, for ever: a new project, one character at a time,
/// with a typo typed and taken back every seventh character, then as many
/// backspaces, which leave the text as it was.
fn keystrokes() -> impl Iterator<Item = Key> {
    (0..).flat_map(|round: usize| {
        let project = format!(
            "\n  project typed_{round} \"Typed é 中 {round}\" {{\n    owner: person_0\n    depends_on: project_0\n    duration: 3d\n  }}\n"
        );
        let length = project.chars().count();
        let typed: Vec<Key> = project
            .chars()
            .enumerate()
            .flat_map(|(index, typed)| {
                let typo = (index % 7 == 3).then_some([Key::Char('x'), Key::Backspace]);
                typo.into_iter().flatten().chain([Key::Char(typed)])
            })
            .collect();
        typed
            .into_iter()
            .chain((0..length).map(|_| Key::Backspace))
    })
}

/// Opens a document of `megabytes` MB in an otherwise empty workspace,
/// edits it, and times the edits until the server's text is checked and
/// until the first answer from the analysis of it.
fn large_document(megabytes: usize, out: &mut impl Write) -> std::io::Result<()> {
    let workspace = Workspace::new(&[]);
    let (mut client, _) = Client::initialized(initialize_params(
        &[workspace.folder()],
        Value::Null,
        COLUMNS,
    ));
    let server = raw::only_child();
    let text = large_text(megabytes * 1_000_000);
    let uri = workspace.uri("large.pgm");
    let started = Instant::now();
    let document = edit_large_document(&mut client, &uri, &text);
    document.assert_held_by(&mut client);
    let checked = started.elapsed();
    let params = json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}});
    let answer = client.request("textDocument/hover", params);
    assert!(answer.is_ok(), "{answer:?}");
    let analysed = started.elapsed();
    writeln!(
        out,
        "large document: {:.1} MB opened and edited {} times, the server's text equals the client's after {:.1} s; \
         first answer from its analysis after {:.1} s; server peak VmHWM {:.0} MB",
        document.text.len() as f64 / MEGABYTE,
        document.changes(),
        checked.as_secs_f64(),
        analysed.as_secs_f64(),
        raw::memory(server, "VmHWM") as f64 / MEGABYTE
    )?;
    let status = client.shutdown();
    assert!(status.success(), "pgm lsp exited with {status}");
    Ok(())
}
