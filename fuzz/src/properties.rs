//! The properties the fuzz targets check. `tests/fuzz_regressions.rs`
//! includes this file too, so that a saved finding replays exactly the
//! property that found it.

use std::sync::Arc;

use jiff::civil::Date;
use pgm::analysis::{self, Analysis, Options};
use pgm::base::Span;
use pgm::cli::export::model_json;
use pgm::model::{Model, ParsedFile};
use pgm::syntax::{self, format::format};

/// The status date of every check, so that a finding replays the same on
/// any day.
pub const TODAY: Date = Date::constant(2027, 1, 4);

/// Lexing and parsing any text finish, and every span they report lies in
/// the text on character boundaries, where the editor and the command line
/// may cut it. Like every property here, it skips bytes that are not UTF-8:
/// pgm reads files as UTF-8 before it parses them.
pub fn parse_keeps_spans_in_text(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (tokens, lex_errors) = syntax::lex_with_errors(text);
    let parse = syntax::parse(text);
    let spans = tokens
        .iter()
        .map(|token| token.span)
        .chain(lex_errors.iter().map(|error| error.span))
        .chain(parse.errors.iter().map(|error| error.span))
        .chain(parse.comments.iter().map(|comment| comment.span))
        .chain(parse.file.items.iter().map(|item| item.span));
    for span in spans {
        assert_cuts_text(text, span);
    }
}

/// The whole check of one file finishes, every diagnostic points into the
/// file, the model can be exported, and `pgm check`'s model, made dropping
/// the syntax, finds the same.
pub fn check_points_into_text(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (model, analysis) = check(text);
    let without_syntax = Model::build_dropping_syntax(vec![("fuzz.pgm".into(), text.into())]);
    assert!(
        analysis::analyze(&without_syntax, &Options::new(TODAY)).diagnostics
            == analysis.diagnostics,
        "the model made dropping the syntax finds something else"
    );
    for diagnostic in &analysis.diagnostics {
        assert_cuts_text(text, diagnostic.at.span);
        for related in &diagnostic.related {
            assert_cuts_text(text, related.at.span);
        }
    }
    model_json(&model, &analysis);
}

/// A file that formats is a fixed point of formatting once formatted, and
/// means what it meant before.
pub fn format_is_stable_and_keeps_meaning(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(formatted) = format(text) else {
        return;
    };
    assert_eq!(
        format(&formatted),
        Ok(formatted.clone()),
        "formatting the formatted text changes it"
    );
    let (before, after) = (meaning(text), meaning(&formatted));
    assert!(
        before == after,
        "formatting changes the meaning:\n{}\nformatted text:\n{formatted}",
        first_difference(&before, &after)
    );
}

/// The first line where two renderings differ, with a little context.
fn first_difference(before: &str, after: &str) -> String {
    let (before, after): (Vec<&str>, Vec<&str>) =
        (before.lines().collect(), after.lines().collect());
    let first = (0..before.len().max(after.len()))
        .find(|&line| before.get(line) != after.get(line))
        .unwrap_or_default();
    let around = |lines: &[&str]| {
        let context = first.saturating_sub(3)..(first + 3).min(lines.len());
        lines.get(context).unwrap_or_default().join("\n")
    };
    format!("before:\n{}\nafter:\n{}", around(&before), around(&after))
}

fn check(text: &str) -> (Model, Analysis) {
    let model = Model::build(vec![Arc::new(ParsedFile::new("fuzz.pgm", text))]);
    let analysis = analysis::analyze(&model, &Options::new(TODAY));
    (model, analysis)
}

/// What a file means, free of offsets: the exported model with its dates,
/// and every diagnostic's words, in a stable order.
fn meaning(text: &str) -> String {
    let (model, analysis) = check(text);
    let mut diagnostics: Vec<String> = analysis
        .diagnostics
        .iter()
        .map(|diagnostic| {
            let related: Vec<&str> = diagnostic
                .related
                .iter()
                .map(|related| related.message.as_str())
                .collect();
            format!(
                "{} {}: {} [{}] {:?}",
                diagnostic.severity.as_str(),
                diagnostic.code.as_str(),
                diagnostic.message,
                related.join("; "),
                diagnostic.suggestion
            )
        })
        .collect();
    diagnostics.sort();
    let json = serde_json::to_string_pretty(&model_json(&model, &analysis))
        .expect("a JSON value always serialises");
    format!("{json}\n{}", diagnostics.join("\n"))
}

fn assert_cuts_text(text: &str, span: Span) {
    assert!(
        span.start() <= span.end()
            && span.end() <= text.len()
            && text.is_char_boundary(span.start())
            && text.is_char_boundary(span.end()),
        "span {span:?} does not cut a text of {} bytes on character boundaries",
        text.len()
    );
}
