//! The generated portfolios every benchmark measures, made once per size
//! and shared for the rest of the run, so that no timed region pays for
//! generating, parsing or lowering the input it is handed.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use divan::counter::BytesCount;
use jiff::civil::Date;
use pgm::analysis::{self, Analysis, Options};
use pgm::generate::{self, GeneratedFile};
use pgm::model::{Model, ParsedFile};

/// Portfolio sizes, in projects, that every stage is measured at: those
/// listed in `PGM_BENCH_SIZES` (`1000,1000000`), else 1,000, 10,000 and
/// 100,000. A million projects takes some 6 GB and minutes, so it is
/// asked for rather than run by default.
pub fn sizes() -> Vec<usize> {
    let listed = std::env::var("PGM_BENCH_SIZES").unwrap_or_default();
    let sizes: Vec<usize> = listed
        .split(',')
        .filter_map(|size| size.trim().parse().ok())
        .collect();
    match sizes.is_empty() {
        true => vec![1_000, 10_000, 100_000],
        false => sizes,
    }
}

/// One generated portfolio, and each stage's result on it for the stages
/// after it to start from, made when a stage first asks for it: a stage
/// run alone (`cargo bench --bench pipeline -- check`) then holds no other
/// stage's input, which at a million projects is gigabytes.
pub struct Workload {
    /// The `.pgm` files only: `pgm.toml` is settings, not source.
    pub sources: Vec<GeneratedFile>,
    pub bytes: usize,
    pub options: Options,
    model: OnceLock<Model>,
    analysis: OnceLock<Analysis>,
}

impl Workload {
    /// The clean portfolio of `projects` projects, made on first use.
    pub fn of(projects: usize) -> &'static Workload {
        static MADE: OnceLock<Mutex<HashMap<usize, &'static Workload>>> = OnceLock::new();
        let mut made = MADE
            .get_or_init(Default::default)
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        made.entry(projects)
            .or_insert_with(|| Box::leak(Box::new(Workload::generate(projects))))
    }

    fn generate(projects: usize) -> Workload {
        let sources: Vec<GeneratedFile> = generate::portfolio(&generate::Options::clean(projects))
            .into_iter()
            .filter(|file| file.path.ends_with(".pgm"))
            .collect();
        let bytes = sources.iter().map(|file| file.text.len()).sum();
        Workload {
            sources,
            bytes,
            options: Options::new(generated_today()),
            model: OnceLock::new(),
            analysis: OnceLock::new(),
        }
    }

    /// The portfolio parsed and lowered, its syntax trees kept.
    pub fn model(&self) -> &Model {
        self.model
            .get_or_init(|| Model::build(parse_all(self.sources.clone())))
    }

    /// The portfolio analysed.
    pub fn analysis(&self) -> &Analysis {
        self.analysis
            .get_or_init(|| analysis::analyze(self.model(), &self.options))
    }

    /// The source size, for divan to report throughput in bytes per second.
    pub fn throughput(&self) -> BytesCount {
        BytesCount::new(self.bytes)
    }
}

/// What `pgm check` does between reading the files and printing.
pub fn check(sources: Vec<GeneratedFile>, options: &Options) -> (Model, Analysis) {
    let model = Model::build_dropping_syntax(paths_and_texts(sources));
    let analysis = analysis::analyze(&model, options);
    (model, analysis)
}

/// Parsed with their syntax trees kept, for the stages that start from
/// them: the files spread over the cores.
fn parse_all(sources: Vec<GeneratedFile>) -> Vec<Arc<ParsedFile>> {
    ParsedFile::parse_all(paths_and_texts(sources))
}

fn paths_and_texts(sources: Vec<GeneratedFile>) -> Vec<(String, String)> {
    sources
        .into_iter()
        .map(|file| (file.path, file.text))
        .collect()
}

/// The status date the generator writes into its `pgm.toml`.
fn generated_today() -> Date {
    generate::TODAY
        .parse()
        .expect("the generator's status date is a valid date")
}
