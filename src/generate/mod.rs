//! A deterministic generator of realistic portfolios, for benchmarks, fault
//! tests and anyone who wants a large plan to try the tools on. The same
//! options always give the same bytes.

mod names;
mod taskjuggler;
mod utf8proj;
mod writer;

pub use taskjuggler::taskjuggler_portfolio;
pub use utf8proj::utf8proj_portfolio;
pub use writer::portfolio;

/// What to generate. Counts of programs, files, teams and persons follow the
/// number of projects: N/20 programs in N/200 files, N/50 teams, N/10 persons.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    pub projects: usize,
    pub seed: u64,
    /// Dependency cycles to inject.
    pub cycles: usize,
    /// Allocations that push a team over its capacity.
    pub over_allocations: usize,
    /// Committed starts earlier than the dependencies allow.
    pub date_conflicts: usize,
}

impl Options {
    pub fn clean(projects: usize) -> Options {
        Options {
            projects,
            seed: 1,
            cycles: 0,
            over_allocations: 0,
            date_conflicts: 0,
        }
    }
}

/// The status date the generated plans are written against; it goes into
/// the generated `pgm.toml` so that checking them does not depend on the day.
pub const TODAY: &str = "2027-01-04";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GeneratedFile {
    /// Relative path inside the output folder.
    pub path: String,
    pub text: String,
}
