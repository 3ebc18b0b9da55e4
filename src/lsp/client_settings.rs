//! Settings sent by the client in `initializationOptions`,
//! `workspace/didChangeConfiguration` or an answer to
//! `workspace/configuration`: `{"pgm": {"today": "2027-01-04",
//! "exposureThreshold": 15}}`, or the inner object alone. They are the same
//! settings as those of `pgm.toml`, and take precedence over them.

use jiff::civil::Date;
use serde_json::Value;

use crate::analysis::Options;
use crate::workspace::Settings;

/// The section of the client's configuration that belongs to pgm.
pub(crate) const SECTION: &str = "pgm";

/// Reads the settings from `value`, the section alone or an object holding
/// it. `None` when `value` says nothing of pgm (a null or a non-object),
/// which leaves the current settings as they are. Each unusable setting is
/// left unset and described in the second result.
pub(crate) fn from_json(value: &Value) -> Option<(Settings, Vec<String>)> {
    let section = value.get(SECTION).unwrap_or(value).as_object()?;
    let mut problems = Vec::new();
    let today = match section.get("today") {
        None | Some(Value::Null) => None,
        Some(value) => {
            let date = value.as_str().and_then(|text| text.parse::<Date>().ok());
            if date.is_none() {
                problems.push(format!(
                    "setting `today` must be a date as YYYY-MM-DD, not {value}"
                ));
            }
            date
        }
    };
    let exposure_threshold = match section.get("exposureThreshold") {
        None | Some(Value::Null) => None,
        Some(value) => {
            let threshold = value.as_u64().and_then(|n| u32::try_from(n).ok());
            if threshold.is_none() {
                problems.push(format!(
                    "setting `exposureThreshold` must be a whole number, not {value}"
                ));
            }
            threshold
        }
    };
    let settings = Settings {
        today,
        exposure_threshold,
    };
    Some((settings, problems))
}

/// The options for the checks: the client's settings over `pgm.toml`'s
/// over the defaults, today being the system date unless set.
pub(crate) fn options(client: &Settings, file: &Settings) -> Options {
    client.or(*file).options()
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};
    use serde_json::json;

    use super::*;

    fn check(value: Value, expect: Expect) {
        expect.assert_debug_eq(&from_json(&value));
    }

    #[test]
    fn the_section_may_come_wrapped_or_alone() {
        let wrapped = json!({"pgm": {"today": "2027-01-04", "exposureThreshold": 12}});
        let alone = json!({"today": "2027-01-04", "exposureThreshold": 12});
        assert_eq!(from_json(&wrapped), from_json(&alone));
        check(
            wrapped,
            expect![[r#"
            Some(
                (
                    Settings {
                        today: Some(
                            2027-01-04,
                        ),
                        exposure_threshold: Some(
                            12,
                        ),
                    },
                    [],
                ),
            )
        "#]],
        );
    }

    #[test]
    fn unusable_settings_are_left_unset_and_described() {
        check(
            json!({"pgm": {"today": "2027-02-30", "exposureThreshold": -1}}),
            expect![[r#"
                Some(
                    (
                        Settings {
                            today: None,
                            exposure_threshold: None,
                        },
                        [
                            "setting `today` must be a date as YYYY-MM-DD, not \"2027-02-30\"",
                            "setting `exposureThreshold` must be a whole number, not -1",
                        ],
                    ),
                )
            "#]],
        );
    }

    #[test]
    fn a_null_says_nothing() {
        check(
            json!(null),
            expect![[r#"
            None
        "#]],
        );
    }

    #[test]
    fn the_client_wins_over_the_file() {
        let client = Settings {
            today: None,
            exposure_threshold: Some(10),
        };
        let file = Settings {
            today: Some(jiff::civil::date(2027, 3, 1)),
            exposure_threshold: Some(20),
        };
        let options = options(&client, &file);
        assert_eq!(options.today, jiff::civil::date(2027, 3, 1));
        assert_eq!(options.exposure_threshold, 10);
    }
}
