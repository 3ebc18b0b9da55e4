//! Each stage of `pgm check` over generated portfolios of 1,000, 10,000 and
//! 100,000 projects (`PGM_BENCH_SIZES` for others), with throughput in bytes
//! of source: `cargo bench --bench pipeline`. Parsing and lowering spread
//! the files over the cores; `RAYON_NUM_THREADS=1` measures one core. The
//! figures and how to read them are in docs/performance.md.

mod support;

/// The allocator the `pgm` binary runs with, so that the figures are its.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use divan::Bencher;
use pgm::analysis::{self, Schedule};
use pgm::model::Model;
use pgm::syntax;
use support::{Workload, sizes};

fn main() {
    // As the `pgm` binary does, so that the figures are its.
    pgm::cli::huge_pages::refuse();
    divan::main();
}

/// Text to tokens, every file.
#[divan::bench(args = sizes(), max_time = 5)]
fn lex(bencher: Bencher, projects: usize) {
    let workload = Workload::of(projects);
    bencher.counter(workload.throughput()).bench(|| {
        workload
            .sources
            .iter()
            .map(|file| syntax::lex(&file.text))
            .collect::<Vec<_>>()
    });
}

/// Text to syntax trees (lexing included), every file.
#[divan::bench(args = sizes(), max_time = 5)]
fn parse(bencher: Bencher, projects: usize) {
    let workload = Workload::of(projects);
    bencher.counter(workload.throughput()).bench(|| {
        workload
            .sources
            .iter()
            .map(|file| syntax::parse(&file.text))
            .collect::<Vec<_>>()
    });
}

/// Parsed files to one resolved model.
#[divan::bench(args = sizes(), max_time = 5)]
fn lower(bencher: Bencher, projects: usize) {
    let workload = Workload::of(projects);
    let files = &workload.model().files;
    bencher
        .counter(workload.throughput())
        .with_inputs(|| files.clone())
        .bench_values(Model::build);
}

/// The model to every diagnostic: graph, cycles, schedule, loads, checks.
#[divan::bench(args = sizes(), max_time = 5)]
fn analyse(bencher: Bencher, projects: usize) {
    let workload = Workload::of(projects);
    let model = workload.model();
    bencher
        .counter(workload.throughput())
        .bench(|| analysis::analyze(model, &workload.options));
}

/// The scheduler alone, from the graph and cycles the analysis found.
#[divan::bench(args = sizes(), max_time = 5)]
fn schedule(bencher: Bencher, projects: usize) {
    let workload = Workload::of(projects);
    let (model, found) = (workload.model(), workload.analysis());
    bencher.counter(workload.throughput()).bench(|| {
        Schedule::compute(
            model,
            &found.graph,
            &found.cycles,
            &found.calendar,
            &workload.options,
        )
    });
}

/// Text to diagnostics, as `pgm check` does once the files are read: each
/// file lowered as soon as it is parsed, its syntax tree then dropped.
#[divan::bench(args = sizes(), max_time = 5)]
fn check(bencher: Bencher, projects: usize) {
    let workload = Workload::of(projects);
    bencher
        .counter(workload.throughput())
        .with_inputs(|| workload.sources.clone())
        .bench_values(|sources| support::check(sources, &workload.options));
}
