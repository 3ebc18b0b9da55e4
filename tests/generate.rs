//! The generator writes plans that check clean, and injects exactly the
//! faults it is asked for.

use pgm::analysis::{Options, analyze};
use pgm::base::Code;
use pgm::generate::{self, GeneratedFile};
use pgm::model::{Model, ParsedFile};

fn sources(files: &[GeneratedFile]) -> Vec<(String, String)> {
    files
        .iter()
        .filter(|file| file.path.ends_with(".pgm"))
        .map(|file| (file.path.clone(), file.text.clone()))
        .collect()
}

fn options() -> Options {
    let today = generate::TODAY
        .parse()
        .expect("the generator's today is a date");
    Options::new(today)
}

fn codes_of(files: &[GeneratedFile]) -> Vec<Code> {
    let model = Model::build(ParsedFile::parse_all(sources(files)));
    let mut codes: Vec<Code> = analyze(&model, &options())
        .diagnostics
        .iter()
        .map(|diagnostic| diagnostic.code)
        .collect();
    codes.sort();
    codes
}

#[test]
fn a_clean_portfolio_checks_without_any_diagnostic() {
    let files = generate::portfolio(&generate::Options::clean(1_000));
    assert_eq!(
        files.iter().filter(|f| f.path.ends_with(".pgm")).count(),
        1 + 5
    );
    assert_eq!(codes_of(&files), []);
}

#[test]
fn injected_faults_are_reported_each_exactly() {
    let options = generate::Options {
        cycles: 2,
        over_allocations: 1,
        date_conflicts: 3,
        ..generate::Options::clean(1_000)
    };
    let codes = codes_of(&generate::portfolio(&options));
    let count = |code: Code| codes.iter().filter(|&&c| c == code).count();
    // A two-item cycle is reported on each of its two edges.
    assert_eq!(count(Code::DependencyCycle), 4);
    assert_eq!(count(Code::DateConflict), 3);
    assert_eq!(count(Code::OverAllocation), 1);
    assert_eq!(codes.len(), 8, "{codes:?}");
}

#[test]
fn a_model_made_dropping_the_syntax_finds_the_same() {
    let options_with_faults = generate::Options {
        cycles: 2,
        over_allocations: 2,
        date_conflicts: 2,
        ..generate::Options::clean(2_000)
    };
    let files = generate::portfolio(&options_with_faults);
    let with_trees = Model::build(ParsedFile::parse_all(sources(&files)));
    let found = analyze(&with_trees, &options()).diagnostics;
    assert_eq!(found.len(), 8, "{found:?}");
    let resolved = |model: &Model| {
        let refs = model.references();
        let refs = refs.map(|(id, reference)| (reference.clone(), model.resolution(id)));
        refs.collect::<Vec<_>>()
    };
    // One thread lowers the files in order, each numbered where the one
    // before it ended; more lower them apart and renumber them after.
    for threads in [1, 2] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("a thread pool");
        let without_syntax = pool.install(|| Model::build_dropping_syntax(sources(&files)));
        assert_eq!(without_syntax.defs, with_trees.defs, "{threads} threads");
        assert_eq!(resolved(&without_syntax), resolved(&with_trees));
        assert_eq!(without_syntax.diagnostics, with_trees.diagnostics);
        assert_eq!(analyze(&without_syntax, &options()).diagnostics, found);
    }
}

#[test]
fn the_same_options_give_the_same_bytes() {
    let options = generate::Options::clean(300);
    assert_eq!(generate::portfolio(&options), generate::portfolio(&options));
    let reseeded = generate::Options { seed: 2, ..options };
    assert_ne!(
        generate::portfolio(&options),
        generate::portfolio(&reseeded)
    );
}
