use std::fs;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde::Deserialize;
use toml::Spanned;

use super::WorkspaceError;
use super::files::read_source;
use crate::analysis::Options;
use crate::base::{LineIndex, PositionEncoding, Span};

pub const SETTINGS_FILE_NAME: &str = "pgm.toml";

/// What a `pgm.toml` says; every setting is optional.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct Settings {
    /// The date to treat as today, for plans checked as of a fixed day.
    pub today: Option<Date>,
    /// The risk exposure from which an open risk needs a mitigation.
    pub exposure_threshold: Option<u32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SettingsFile {
    today: Option<Spanned<String>>,
    exposure_threshold: Option<u32>,
}

/// A problem at a place in the settings text.
struct Problem {
    span: Option<Span>,
    message: String,
}

impl Settings {
    /// These settings where they are given, `fallback`'s where they are not.
    pub fn or(self, fallback: Settings) -> Settings {
        Settings {
            today: self.today.or(fallback.today),
            exposure_threshold: self.exposure_threshold.or(fallback.exposure_threshold),
        }
    }

    /// The analysis options these settings give, the defaults filling what
    /// they leave open: the system date as today, the usual threshold.
    pub fn options(self) -> Options {
        Options {
            today: self.today.unwrap_or_else(|| jiff::Zoned::now().date()),
            exposure_threshold: self
                .exposure_threshold
                .unwrap_or(Options::DEFAULT_EXPOSURE_THRESHOLD),
        }
    }

    /// The settings of the nearest `pgm.toml` in `start` (or, for a file, its
    /// directory) or a directory above it; the defaults when there is none.
    pub fn discover(start: &Path) -> Result<Settings, WorkspaceError> {
        match Settings::find_file(start) {
            Some(path) => Settings::read(&path),
            None => Ok(Settings::default()),
        }
    }

    /// The nearest `pgm.toml` at or above `start`, named relative to the
    /// current directory where it lies below it.
    pub fn find_file(start: &Path) -> Option<PathBuf> {
        let absolute = fs::canonicalize(start).ok()?;
        let first_directory = if absolute.is_dir() {
            absolute.as_path()
        } else {
            absolute.parent()?
        };
        let found = first_directory
            .ancestors()
            .map(|directory| directory.join(SETTINGS_FILE_NAME))
            .find(|candidate| candidate.is_file())?;
        let relative = std::env::current_dir()
            .and_then(fs::canonicalize)
            .ok()
            .and_then(|current| found.strip_prefix(current).ok().map(Path::to_path_buf));
        Some(relative.unwrap_or(found))
    }

    /// The settings in the file at `path`.
    pub fn read(path: &Path) -> Result<Settings, WorkspaceError> {
        let text = read_source(path)?;
        Settings::parse(&text).map_err(|problem| {
            let place = problem.span.map_or(String::new(), |span| {
                let position =
                    LineIndex::new(&text).line_col(&text, span.start(), PositionEncoding::Utf32);
                format!("{}:{}: ", position.line + 1, position.col + 1)
            });
            WorkspaceError::BadSettings {
                path: path.to_path_buf(),
                problem: format!("{place}{}", problem.message),
            }
        })
    }

    fn parse(text: &str) -> Result<Settings, Problem> {
        let file: SettingsFile = toml::from_str(text).map_err(|error| Problem {
            span: error.span().map(Span::from),
            message: error.message().trim_end().to_string(),
        })?;
        let today = match file.today {
            Some(today) => Some(today.get_ref().parse::<Date>().map_err(|error| Problem {
                span: Some(Span::from(today.span())),
                message: format!(
                    "`today` must be a date as YYYY-MM-DD, not \"{}\" ({error})",
                    today.get_ref()
                ),
            })?),
            None => None,
        };
        Ok(Settings {
            today,
            exposure_threshold: file.exposure_threshold,
        })
    }
}

#[cfg(test)]
mod tests {
    use std::fs;

    use expect_test::{Expect, expect};
    use jiff::civil::date;

    use super::*;

    fn check_parse(text: &str, expect: Expect) {
        let root = tempfile::tempdir().expect("temporary directory");
        let path = root.path().join(SETTINGS_FILE_NAME);
        fs::write(&path, text).expect("settings file");
        let shown = match Settings::read(&path) {
            Ok(settings) => format!("{settings:?}"),
            Err(error) => error
                .to_string()
                .replace(&root.path().display().to_string(), "ROOT"),
        };
        expect.assert_eq(&shown);
    }

    #[test]
    fn both_settings_are_read() {
        check_parse(
            "today = \"2027-01-04\"\nexposure_threshold = 15\n",
            expect!["Settings { today: Some(2027-01-04), exposure_threshold: Some(15) }"],
        );
    }

    #[test]
    fn every_setting_is_optional() {
        check_parse(
            "# nothing set\n",
            expect!["Settings { today: None, exposure_threshold: None }"],
        );
    }

    #[test]
    fn a_date_that_does_not_exist_is_named_with_its_place() {
        check_parse(
            "\ntoday = \"2027-02-30\"\n",
            expect![[
                r#"ROOT/pgm.toml: 2:9: `today` must be a date as YYYY-MM-DD, not "2027-02-30" (parsed date is not valid: parameter 'day' for `2027-02` is invalid, must be in range `1..=28`)"#
            ]],
        );
    }

    #[test]
    fn an_unknown_key_is_an_error() {
        check_parse(
            "exposure-threshold = 10\n",
            expect![
                "ROOT/pgm.toml: 1:1: unknown field `exposure-threshold`, expected `today` or `exposure_threshold`"
            ],
        );
    }

    #[test]
    fn a_value_of_the_wrong_type_is_an_error() {
        check_parse(
            "exposure_threshold = -3\n",
            expect!["ROOT/pgm.toml: 1:22: invalid value: integer `-3`, expected u32"],
        );
    }

    #[test]
    fn text_that_is_not_toml_is_an_error() {
        check_parse(
            "today = \n",
            expect!["ROOT/pgm.toml: 1:9: string values must be quoted, expected literal string"],
        );
    }

    #[test]
    fn the_nearest_settings_file_above_the_start_applies() {
        let root = tempfile::tempdir().expect("temporary directory");
        let nested = root.path().join("plans/apollo");
        fs::create_dir_all(&nested).expect("directories");
        fs::write(nested.join("plan.pgm"), "").expect("plan");
        fs::write(
            root.path().join(SETTINGS_FILE_NAME),
            "exposure_threshold = 12\n",
        )
        .expect("outer settings");
        fs::write(
            root.path().join("plans").join(SETTINGS_FILE_NAME),
            "today = \"2027-03-01\"\n",
        )
        .expect("inner settings");
        let expected = Settings {
            today: Some(date(2027, 3, 1)),
            exposure_threshold: None,
        };
        for start in [nested.clone(), nested.join("plan.pgm")] {
            let settings = Settings::discover(&start).expect("readable settings");
            assert_eq!(settings, expected, "from {}", start.display());
        }
    }
}
