//! Properties of the syntax layer on generated input: parsing never panics,
//! whatever the text; formatting a valid file is idempotent, keeps its tree
//! and every comment, and changes only whitespace.

mod syntax_support;

use pgm::syntax::format::format;
use pgm::syntax::parse;
use proptest::prelude::*;

/// Fragments of pgm, right and wrong, for token soups.
const FRAGMENTS: &[&str] = &[
    "calendar",
    "person",
    "team",
    "program",
    "project",
    "milestone",
    "risk",
    "stakeholder",
    "benefit",
    "a",
    "b.c",
    "owner",
    "{",
    "}",
    ":",
    ",",
    "..",
    ".",
    "\"s\"",
    "\"open",
    "\"\\q\"",
    "2027-01-04",
    "2027-13-45",
    "6w",
    "+1w",
    "-2d",
    "40%",
    "4",
    "2.5",
    "// c\n",
    "/// d\n",
    "/* b */",
    "/*",
    "\n",
    " ",
    "\r\n",
    "\r",
    "@",
    "\\",
    "30days",
    "\u{feff}",
    "é",
];

/// Pieces of string literals, escapes included.
const STRING_PIECES: &[&str] = &[
    "a",
    "Z",
    " ",
    "é",
    "\\\"",
    "\\\\",
    "\\n",
    "\\t",
    "\\u{1F600}",
];

fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..200).prop_map(|parts| parts.concat())
}

/// Whitespace or comments between two tokens of a generated file.
fn separator() -> impl Strategy<Value = &'static str> {
    prop::sample::select(
        &[
            " ",
            " ",
            " ",
            "\n",
            "\n\n\n",
            "  \t",
            " /* c */ ",
            " // c\n",
            "\n/// d\n",
            "\r\n",
        ][..],
    )
}

fn name() -> impl Strategy<Value = String> {
    "[a-z_][a-z0-9_]{0,6}".prop_filter("not a keyword", |name| {
        pgm::syntax::ast::ItemKind::from_keyword(name).is_none()
    })
}

fn atom() -> impl Strategy<Value = String> {
    prop_oneof![
        name(),
        (name(), name()).prop_map(|(a, b)| format!("{a}.{b}")),
        prop::collection::vec(prop::sample::select(STRING_PIECES), 0..6)
            .prop_map(|pieces| format!("\"{}\"", pieces.concat())),
        "20[0-9]{2}-[01][0-9]-[0-3][0-9]",
        "[+-]?[0-9]{1,3}[dw]",
        "[0-9]{1,4}(\\.[0-9]{1,2})?%?",
        ("20[0-9]{2}-01-0[1-9]", "20[0-9]{2}-12-0[1-9]").prop_map(|(a, b)| format!("{a}..{b}")),
    ]
}

/// `key: a b, c` as tokens.
fn property() -> impl Strategy<Value = Vec<String>> {
    (
        name(),
        prop::collection::vec(prop::collection::vec(atom(), 1..3), 1..3),
    )
        .prop_map(|(key, values)| {
            let mut tokens = vec![key, ":".to_string()];
            for (index, atoms) in values.into_iter().enumerate() {
                if index > 0 {
                    tokens.push(",".to_string());
                }
                tokens.extend(atoms);
            }
            tokens
        })
}

/// `keyword [name] [title] [{ members }]` as tokens, members nesting `depth`
/// more levels of items.
fn item(
    keywords: &'static [&'static str],
    members: BoxedStrategy<Vec<Vec<String>>>,
) -> impl Strategy<Value = Vec<String>> {
    (
        prop::sample::select(keywords),
        prop::option::of(name()),
        prop::option::of("\"[A-Za-z ]{0,10}\""),
        prop::option::of(members),
    )
        .prop_map(|(keyword, name, title, body)| {
            let mut tokens = vec![keyword.to_string()];
            if keyword != "calendar" {
                tokens.push(name.unwrap_or_else(|| "unnamed".to_string()));
            }
            tokens.extend(title);
            if let Some(members) = body {
                tokens.push("{".to_string());
                tokens.extend(members.into_iter().flatten());
                tokens.push("}".to_string());
            }
            tokens
        })
}

fn valid_file() -> impl Strategy<Value = String> {
    let inner = prop::collection::vec(property(), 0..4).boxed();
    let member = prop_oneof![
        property(),
        item(
            &["project", "milestone", "risk", "stakeholder", "benefit"],
            inner.clone()
        ),
    ];
    let program_body = prop::collection::vec(member, 0..5).boxed();
    let top = prop_oneof![
        item(&["calendar", "person", "team"], inner),
        item(&["program"], program_body),
    ];
    prop::collection::vec(top, 0..5)
        .prop_flat_map(|items| {
            let tokens: Vec<String> = items.into_iter().flatten().collect();
            let count = tokens.len();
            (Just(tokens), prop::collection::vec(separator(), count))
        })
        .prop_map(|(tokens, separators)| {
            tokens
                .iter()
                .zip(separators)
                .flat_map(|(token, separator)| [token.as_str(), separator])
                .collect()
        })
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn parsing_any_text_never_panics(text in any::<String>()) {
        let _ = parse(&text);
    }

    #[test]
    fn parsing_token_soup_never_panics(text in soup()) {
        let parse = parse(&text);
        for error in &parse.errors {
            prop_assert!(error.span.end() <= text.len());
        }
    }

    #[test]
    fn formatting_soup_keeps_its_guarantees_when_it_parses(text in soup()) {
        if format(&text).is_ok() {
            syntax_support::format_checked(&text).map_err(TestCaseError::fail)?;
        }
    }

    #[test]
    fn generated_files_are_valid(text in valid_file()) {
        let errors = parse(&text).errors;
        prop_assert!(errors.is_empty(), "{:?}\n{}", errors, text);
    }

    #[test]
    fn formatting_is_idempotent_and_keeps_the_tree(text in valid_file()) {
        syntax_support::format_checked(&text).map_err(TestCaseError::fail)?;
    }
}
