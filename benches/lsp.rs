//! The language server on a generated workspace, over the real `pgm lsp`
//! binary and its pipes, as an editor meets it: `cargo bench --bench lsp`
//! (options after `--`: `--projects N`, `--edits N`, `--requests N`). The
//! figures and how to read them are in docs/performance.md.
//!
//! Each round trip has to wait for an answer the server produces after work
//! on another thread, and the figures include one-off measurements (loading
//! the workspace, peak memory), so this is a plain `harness = false` main
//! that times each round trip with `Instant` and reports the spread, not a
//! divan benchmark.
//!
//! The workspace is the generated portfolio with a few date conflicts
//! injected: the server publishes a file's diagnostics only when they
//! change, so the edit that is timed changes the duration of a project that
//! pushes out a conflicting start, which changes the date in that
//! diagnostic's message.

#[path = "../tests/support/mod.rs"]
mod support;

/// The allocator the `pgm` binary runs with, so that the figures are its.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::io::Write;
use std::sync::Arc;
use std::time::{Duration, Instant};

use pgm::analysis::{self, Analysis};
use pgm::base::{FileId, Span};
use pgm::generate::{self, GeneratedFile};
use pgm::model::{DefData, LoweredFile, Model, ParsedFile};
use serde_json::{Value, json};
use support::client::{Client, initialize_params};
use support::raw;
use support::text::{self, Columns};
use support::workspace::Workspace;

const COLUMNS: Columns = Columns::Utf8;

fn main() -> std::io::Result<()> {
    let settings = Settings::from_args(std::env::args().skip(1));
    let mut out = std::io::stdout().lock();
    let portfolio = Portfolio::generate(settings.projects);
    let target = Target::find(&portfolio);
    writeln!(
        out,
        "pgm lsp on {} projects: {} .pgm files, {} bytes of source; edited file {}",
        settings.projects,
        portfolio.sources().count(),
        portfolio.source_bytes(),
        target.path
    )?;

    let baseline = empty_server_peak_memory();
    let workspace = Workspace::new(&portfolio.file_list());
    let (mut client, loaded) = start_and_load(&workspace, &target);
    writeln!(
        out,
        "initialize answered (workspace read from disk): {}",
        millis(loaded.answered)
    )?;
    writeln!(
        out,
        "initialize to the first complete diagnostics:   {}",
        millis(loaded.diagnosed)
    )?;
    let loaded_peak = server_peak_memory();

    let mut editor = Editor::open(&mut client, &workspace, &target);
    let edits = editor.time_edits(&mut client, settings.edits);
    report(&mut out, "didChange -> publishDiagnostics", &edits)?;
    writeln!(
        out,
        "  the server's work for one edit, stage by stage, in this process:"
    )?;
    for (stage, times) in time_edit_stages(&portfolio, &target, settings.edits) {
        report(&mut out, &format!("  {stage}"), &times)?;
    }

    let features = if settings.requests == 0 {
        &[][..]
    } else {
        &Feature::ALL[..]
    };
    for feature in features {
        match editor.time_requests(&mut client, feature, settings.requests) {
            Ok((times, answer)) => {
                let name = format!("{} ({} B answer)", feature.method, answer.len());
                report(&mut out, &name, &times)?;
                let decoding = time_client_decoding(&answer, times.len());
                report(
                    &mut out,
                    "  of which the test client decoding it",
                    &decoding,
                )?;
            }
            Err(error) => writeln!(out, "{:<52} not served: {error}", feature.method)?,
        }
    }

    let final_peak = server_peak_memory();
    let per_byte = |bytes: u64| bytes as f64 / portfolio.source_bytes() as f64;
    writeln!(
        out,
        "server peak RSS (VmHWM) once loaded and analysed: {:.1} MB = {:.1} B per byte of source",
        megabytes(loaded_peak),
        per_byte(loaded_peak)
    )?;
    writeln!(
        out,
        "server peak RSS (VmHWM) after every measurement:  {:.1} MB = {:.1} B per byte of source",
        megabytes(final_peak),
        per_byte(final_peak)
    )?;
    writeln!(
        out,
        "server peak RSS (VmHWM) on an empty workspace:    {:.1} MB",
        megabytes(baseline)
    )?;
    let status = client.shutdown();
    assert!(status.success(), "pgm lsp exited with {status}");
    Ok(())
}

struct Settings {
    projects: usize,
    /// Timed `didChange` round trips.
    edits: usize,
    /// Timed round trips of each request; 0 leaves requests out (to profile
    /// the edits alone).
    requests: usize,
}

impl Settings {
    /// Reads `--projects N`, `--edits N` and `--requests N`; anything else
    /// (such as the `--bench` that `cargo bench` passes) is ignored.
    fn from_args(mut args: impl Iterator<Item = String>) -> Settings {
        let mut settings = Settings {
            projects: 10_000,
            edits: 200,
            requests: 200,
        };
        while let Some(arg) = args.next() {
            let field = match arg.as_str() {
                "--projects" => &mut settings.projects,
                "--edits" => &mut settings.edits,
                "--requests" => &mut settings.requests,
                _ => continue,
            };
            let value = args.next().and_then(|value| value.parse().ok());
            *field = value.unwrap_or_else(|| panic!("{arg} wants a number"));
        }
        settings
    }
}

struct Portfolio {
    files: Vec<GeneratedFile>,
}

impl Portfolio {
    fn generate(projects: usize) -> Portfolio {
        let options = generate::Options {
            date_conflicts: 4,
            ..generate::Options::clean(projects)
        };
        Portfolio {
            files: generate::portfolio(&options),
        }
    }

    /// The `.pgm` files: `pgm.toml` is settings, not source.
    fn sources(&self) -> impl Iterator<Item = &GeneratedFile> {
        self.files.iter().filter(|file| file.path.ends_with(".pgm"))
    }

    fn source_bytes(&self) -> usize {
        self.sources().map(|file| file.text.len()).sum()
    }

    fn file_list(&self) -> Vec<(&str, &str)> {
        self.files
            .iter()
            .map(|file| (file.path.as_str(), file.text.as_str()))
            .collect()
    }

    fn parsed(&self) -> Vec<Arc<ParsedFile>> {
        self.sources()
            .map(|file| Arc::new(ParsedFile::new(file.path.clone(), file.text.clone())))
            .collect()
    }

    /// The settings of the generated `pgm.toml`.
    fn options(&self) -> analysis::Options {
        let today = generate::TODAY
            .parse()
            .expect("the generator's status date is a valid date");
        analysis::Options::new(today)
    }

    /// The model and analysis `pgm check` makes of it.
    fn check(&self) -> (Model, Analysis) {
        let model = Model::build(self.parsed());
        let analysis = analysis::analyze(&model, &self.options());
        (model, analysis)
    }
}

/// Where in the workspace the editor works: a project whose committed
/// start a dependency on a project of the same file pushes out.
struct Target {
    path: String,
    text: String,
    /// The duration of the pushing project, and its value in working days.
    duration: Span,
    days: u32,
    /// The reference to the pushing project in the `depends_on:` list.
    reference: usize,
    /// Just after the `depends_on: ` of the pushed project.
    depends_on_value: usize,
    /// Every file with diagnostics: the first analysis is complete once
    /// each has been published.
    files_with_diagnostics: Vec<String>,
}

impl Target {
    fn find(portfolio: &Portfolio) -> Target {
        let (model, analysis) = portfolio.check();
        let mut files_with_diagnostics: Vec<String> = analysis
            .diagnostics
            .iter()
            .map(|diagnostic| model.file(diagnostic.at.file).path.clone())
            .collect();
        files_with_diagnostics.dedup();
        let target = analysis
            .schedule
            .start_conflicts
            .iter()
            .find_map(|conflict| {
                let edge = analysis.graph.edge(conflict.edge);
                let pushed = model.def(conflict.project);
                let pushing = model.def(edge.predecessor);
                let DefData::Project(project) = &pushing.data else {
                    return None;
                };
                let duration = project.duration?;
                if pushing.file != pushed.file {
                    return None;
                }
                let file = model.file(pushed.file);
                let item = &file.text[pushed.span.start()..pushed.span.end()];
                let key = "depends_on: ";
                let depends_on_value = pushed.span.start() + item.find(key)? + key.len();
                Some(Target {
                    path: file.path.clone(),
                    text: file.text.to_string(),
                    duration: duration.span,
                    days: duration.value,
                    reference: edge.at.span.start(),
                    depends_on_value,
                    files_with_diagnostics: files_with_diagnostics.clone(),
                })
            });
        target.expect("an injected date conflict pushed by a project of the same file")
    }
}

struct Loaded {
    /// From sending `initialize` to its answer.
    answered: Duration,
    /// From sending `initialize` to the publication of the last file with
    /// diagnostics.
    diagnosed: Duration,
}

fn start_and_load(workspace: &Workspace, target: &Target) -> (Client, Loaded) {
    let mut client = Client::start();
    let params = initialize_params(&[workspace.folder()], Value::Null, COLUMNS);
    let started = Instant::now();
    client
        .request("initialize", params)
        .expect("initialize succeeds");
    let answered = started.elapsed();
    client.notify("initialized", json!({}));
    for path in &target.files_with_diagnostics {
        client.diagnostics(&workspace.uri(path));
    }
    let diagnosed = started.elapsed();
    (
        client,
        Loaded {
            answered,
            diagnosed,
        },
    )
}

/// The open document, as the editor keeps it.
struct Editor<'a> {
    target: &'a Target,
    uri: String,
    text: String,
    version: i32,
    /// The length of the duration's text as it is now.
    duration_len: usize,
}

impl<'a> Editor<'a> {
    fn open(client: &mut Client, workspace: &Workspace, target: &'a Target) -> Editor<'a> {
        let uri = workspace.uri(&target.path);
        client.notify(
            "textDocument/didOpen",
            json!({"textDocument": {
                "uri": uri, "languageId": "pgm", "version": 1, "text": target.text,
            }}),
        );
        Editor {
            target,
            uri,
            text: target.text.clone(),
            version: 1,
            duration_len: target.duration.len(),
        }
    }

    /// Times `count` edits, each from sending the `didChange` to receiving
    /// the publication of its version, after a few untimed ones.
    fn time_edits(&mut self, client: &mut Client, count: usize) -> Vec<Duration> {
        const WARM_UP: usize = 5;
        let mut times = Vec::with_capacity(count);
        for round in 0..WARM_UP + count {
            let change = self.next_change();
            let version = self.version;
            let started = Instant::now();
            client.notify("textDocument/didChange", change);
            client.diagnostics_until(&self.uri, |params| params["version"] == json!(version));
            if round >= WARM_UP {
                times.push(started.elapsed());
            }
        }
        times
    }

    /// The next edit: the pushing project's duration, one working day
    /// longer than written and back, turn about.
    fn next_change(&mut self) -> Value {
        self.version += 1;
        let days = self.target.days + u32::from(self.version % 2 == 0);
        let start = self.target.duration.start();
        let end = start + self.duration_len;
        let range = text::range(&self.text, start, end, COLUMNS);
        let new_text = format!("{days}d");
        self.text.replace_range(start..end, &new_text);
        self.duration_len = new_text.len();
        json!({
            "textDocument": {"uri": self.uri, "version": self.version},
            "contentChanges": [{"range": range, "text": new_text}],
        })
    }

    /// Times `count` round trips of `feature` after a few untimed ones;
    /// also returns its answer as JSON text. The server's error when it
    /// does not serve the feature.
    fn time_requests(
        &self,
        client: &mut Client,
        feature: &Feature,
        count: usize,
    ) -> Result<(Vec<Duration>, String), String> {
        const WARM_UP: usize = 3;
        let params = feature.params(self);
        let mut times = Vec::with_capacity(count);
        let mut answer = Value::Null;
        for round in 0..WARM_UP + count {
            let started = Instant::now();
            let answered = client.request(feature.method, params.clone());
            let elapsed = started.elapsed();
            answer = answered.map_err(|error| error["message"].to_string())?;
            if answer.is_null() {
                return Err("a null answer".to_string());
            }
            if round >= WARM_UP {
                times.push(elapsed);
            }
        }
        Ok((times, answer.to_string()))
    }

    /// The position of `offset` in the generated text, in the text as
    /// edited: what follows the duration moves with its length.
    fn position(&self, offset: usize) -> Value {
        let duration = self.target.duration;
        let offset = if offset >= duration.end() {
            offset + self.duration_len - duration.len()
        } else {
            offset
        };
        text::position(&self.text, offset, COLUMNS)
    }
}

/// Times what the server does after each edit, with the functions it
/// calls (`src/lsp/analyzer.rs`): parse and lower the edited file again,
/// make the model from every file's lowering (the others kept from before,
/// and the resolution shared with the model before when no name changed),
/// analyse it (sharing the loads of the resources the edit left alone), and
/// free the model and analysis it replaces.
fn time_edit_stages(
    portfolio: &Portfolio,
    target: &Target,
    rounds: usize,
) -> [(&'static str, Vec<Duration>); 5] {
    let options = portfolio.options();
    let mut files = portfolio.parsed();
    let mut lowered = LoweredFile::place_all(LoweredFile::lower_all(&files));
    let edited = files
        .iter()
        .position(|file| file.path == target.path)
        .expect("the edited file is a source");
    let model = Model::from_lowered(files.clone(), lowered.clone(), None);
    let analysis = analysis::analyze(&model, &options);
    let mut previous = (model, analysis);
    let mut stages: [(&'static str, Vec<Duration>); 5] = [
        ("parse the edited file", Vec::new()),
        ("lower the edited file", Vec::new()),
        ("place the lowerings, Model::from_lowered", Vec::new()),
        ("analysis::analyze_after", Vec::new()),
        ("free the previous model and analysis", Vec::new()),
    ];
    let mut timed = |stage: usize, started: Instant| stages[stage].1.push(started.elapsed());
    for _ in 0..rounds {
        let started = Instant::now();
        files[edited] = Arc::new(ParsedFile::new(target.path.clone(), target.text.clone()));
        timed(0, started);
        let started = Instant::now();
        lowered[edited] = Arc::new(LoweredFile::new(FileId(edited as u32), &files[edited]));
        timed(1, started);
        let started = Instant::now();
        lowered = LoweredFile::place_all(lowered);
        let model = Model::from_lowered(files.clone(), lowered.clone(), Some(&previous.0));
        timed(2, started);
        let started = Instant::now();
        let analysis = analysis::analyze_after(&model, &options, Some(&previous.1));
        timed(3, started);
        let started = Instant::now();
        drop(std::mem::replace(&mut previous, (model, analysis)));
        timed(4, started);
    }
    stages
}

/// Times what the test client does with an answer inside each timed round
/// trip: decode the message and take a copy of its result. An editor pays
/// the like; the rest of the round trip is the server's and the pipe's.
fn time_client_decoding(answer: &str, rounds: usize) -> Vec<Duration> {
    let message = format!(r#"{{"jsonrpc":"2.0","id":1,"result":{answer}}}"#);
    (0..rounds)
        .map(|_| {
            let started = Instant::now();
            let decoded: Value = serde_json::from_str(&message).expect("the answer is JSON");
            let result = decoded.get("result").cloned();
            drop(decoded);
            let elapsed = started.elapsed();
            drop(result);
            elapsed
        })
        .collect()
}

/// A request timed at a place in the open document.
struct Feature {
    method: &'static str,
    at: Place,
    /// What the method takes besides the document and position.
    extra: fn() -> Value,
}

enum Place {
    /// The reference to the pushing project.
    Reference,
    /// Just after `depends_on: `, where a name is typed.
    DependsOnValue,
    /// The whole document.
    Document,
}

impl Feature {
    const ALL: [Feature; 6] = [
        Feature {
            method: "textDocument/hover",
            at: Place::Reference,
            extra: || json!({}),
        },
        Feature {
            method: "textDocument/completion",
            at: Place::DependsOnValue,
            extra: || json!({"context": {"triggerKind": 1}}),
        },
        Feature {
            method: "textDocument/definition",
            at: Place::Reference,
            extra: || json!({}),
        },
        Feature {
            method: "textDocument/references",
            at: Place::Reference,
            extra: || json!({"context": {"includeDeclaration": true}}),
        },
        Feature {
            method: "textDocument/rename",
            at: Place::Reference,
            extra: || json!({"newName": "renamed_project"}),
        },
        Feature {
            method: "textDocument/semanticTokens/full",
            at: Place::Document,
            extra: || json!({}),
        },
    ];

    fn params(&self, editor: &Editor<'_>) -> Value {
        let mut params = (self.extra)();
        params["textDocument"] = json!({"uri": editor.uri});
        let offset = match self.at {
            Place::Reference => Some(editor.target.reference),
            Place::DependsOnValue => Some(editor.target.depends_on_value),
            Place::Document => None,
        };
        if let Some(offset) = offset {
            params["position"] = editor.position(offset);
        }
        params
    }
}

/// The peak resident memory of a server that loaded an empty workspace.
fn empty_server_peak_memory() -> u64 {
    let workspace = Workspace::new(&[]);
    let mut client = Client::start();
    let params = initialize_params(&[workspace.folder()], Value::Null, COLUMNS);
    client
        .request("initialize", params)
        .expect("initialize succeeds");
    client.notify("initialized", json!({}));
    // Answered once the (empty) analysis is done; the document is unknown.
    let _ = client.request(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": workspace.uri("none.pgm")}}),
    );
    let peak = server_peak_memory();
    client.shutdown();
    peak
}

/// The peak resident memory, in bytes, of the one `pgm lsp` this process
/// runs: its child, found in /proc since the test client does not tell.
fn server_peak_memory() -> u64 {
    raw::memory(raw::only_child(), "VmHWM")
}

fn report(out: &mut impl Write, what: &str, times: &[Duration]) -> std::io::Result<()> {
    if times.is_empty() {
        return Ok(());
    }
    let mut sorted = times.to_vec();
    sorted.sort();
    let at = |quantile: f64| sorted[((sorted.len() - 1) as f64 * quantile).round() as usize];
    writeln!(
        out,
        "{what:<52} n={:<4} median {}  p95 {}  min {}  max {}",
        sorted.len(),
        millis(at(0.5)),
        millis(at(0.95)),
        millis(sorted[0]),
        millis(sorted[sorted.len() - 1])
    )
}

fn millis(duration: Duration) -> String {
    format!("{:8.2} ms", duration.as_secs_f64() * 1000.0)
}

fn megabytes(bytes: u64) -> f64 {
    bytes as f64 / 1_000_000.0
}
