//! One dump of the syntax tree shared by the syntax tests: compact, with or
//! without spans, showing every value in its written form; and the checks
//! every formatted file must pass.

use std::fmt::Write;

use pgm::syntax::ast::{Atom, AtomKind, DurationUnit, Item, Member, Sign, SourceFile};
use pgm::syntax::format::format;
use pgm::syntax::{lex, parse};
/// The tree and the errors of the parse of `text`, spans included.
#[allow(dead_code)]
pub fn dump_parse(text: &str) -> String {
    let parse = parse(text);
    let mut out = dump_tree(text, &parse.file, true);
    for error in &parse.errors {
        let _ = writeln!(out, "error {:?}: {}", error.span, error.message);
    }
    out
}

/// The tree alone; without spans, two trees compare equal when they say the
/// same thing however they are laid out.
pub fn dump_tree(text: &str, file: &SourceFile, spans: bool) -> String {
    let mut out = String::new();
    for item in &file.items {
        dump_item(&mut out, text, file, item, 0, spans);
    }
    out
}

fn dump_item(
    out: &mut String,
    text: &str,
    file: &SourceFile,
    item: &Item,
    depth: usize,
    spans: bool,
) {
    let indent = "  ".repeat(depth);
    for doc in &item.docs {
        let _ = writeln!(out, "{indent}/// {doc:?}");
    }
    let _ = write!(out, "{indent}{}", item.kind.keyword());
    if let Some(name) = &item.name {
        let _ = write!(out, " {}", name.text(text));
    }
    if let Some(title) = &item.title {
        let _ = write!(out, " {:?}", title.value(text));
    }
    if spans {
        let _ = write!(out, " @{:?}", item.span);
    }
    let Some(body) = &item.body else {
        out.push('\n');
        return;
    };
    if spans {
        let _ = write!(out, " {{@{:?}", body.span);
    } else {
        out.push_str(" {");
    }
    out.push('\n');
    for member in &body.members {
        match member {
            Member::Property(property) => {
                let values: Vec<String> = file
                    .values(property)
                    .iter()
                    .map(|value| {
                        let atoms: Vec<String> =
                            file.atoms(value).iter().map(|a| atom(text, a)).collect();
                        atoms.join(" ")
                    })
                    .collect();
                let _ = write!(out, "{indent}  {}:", property.key.text(text));
                if !values.is_empty() {
                    let _ = write!(out, " {}", values.join(", "));
                }
                if spans {
                    let _ = write!(out, " @{:?}", property.span);
                }
                out.push('\n');
            }
            Member::Item(nested) => dump_item(out, text, file, nested, depth + 1, spans),
        }
    }
    let _ = writeln!(out, "{indent}}}");
}

fn atom(text: &str, atom: &Atom) -> String {
    match &atom.kind {
        AtomKind::Path(path) => path.text(text),
        AtomKind::String(string) => format!("{:?}", string.value(text)),
        AtomKind::Date => format!("date({})", atom.text(text)),
        AtomKind::Range(from, to) => {
            format!("{} .. {}", self::atom(text, from), self::atom(text, to))
        }
        AtomKind::Duration(duration) => {
            let sign = match duration.sign {
                Some(Sign::Plus) => "+",
                Some(Sign::Minus) => "-",
                None => "",
            };
            let unit = match duration.unit {
                DurationUnit::Days => "d",
                DurationUnit::Weeks => "w",
            };
            format!("{sign}{}{unit}", &text[duration.amount.range()])
        }
        AtomKind::Number | AtomKind::Percent => atom.text(text).to_string(),
    }
}

/// Formats `text` and checks what formatting guarantees: formatting again
/// changes nothing, the tree is the same, only whitespace between tokens
/// changed (every comment is kept), no line ends in spaces, no two blank
/// lines follow each other, no blank line follows an opening brace or
/// precedes a closing one, and the file ends with exactly one line break.
#[allow(dead_code)]
pub fn format_checked(text: &str) -> Result<String, String> {
    let formatted = format(text).map_err(|error| error.to_string())?;
    let again = format(&formatted).map_err(|error| format!("formatted text: {error}"))?;
    if again != formatted {
        return Err(format!("not idempotent:\n{formatted}\n---\n{again}"));
    }
    if dump_tree(text, &parse(text).file, false)
        != dump_tree(&formatted, &parse(&formatted).file, false)
    {
        return Err(format!("the tree changed:\n{formatted}"));
    }
    if written_tokens(text) != written_tokens(&formatted) {
        return Err(format!("the tokens changed:\n{formatted}"));
    }
    let lines: Vec<&str> = formatted.lines().collect();
    for (number, pair) in lines.windows(2).enumerate() {
        let (line, next) = (pair[0].trim(), pair[1].trim());
        let wrong = match (line, next) {
            ("", "") => Some("two blank lines"),
            (line, "") if line.ends_with('{') => Some("a blank line after `{`"),
            ("", next) if next.starts_with('}') => Some("a blank line before `}`"),
            _ => None,
        };
        if let Some(wrong) = wrong {
            return Err(format!("{wrong} at line {}:\n{formatted}", number + 1));
        }
    }
    if let Some(number) = lines.iter().position(|line| line.ends_with([' ', '\t'])) {
        return Err(format!(
            "trailing spaces on line {}:\n{formatted}",
            number + 1
        ));
    }
    let content = formatted.trim_start_matches('\u{FEFF}');
    let last_line = content
        .strip_suffix("\r\n")
        .or_else(|| content.strip_suffix('\n'));
    let ends_once = last_line.is_some_and(|before| before == before.trim_end());
    if !content.is_empty() && !ends_once {
        return Err(format!(
            "not ended by exactly one line break:\n{formatted:?}"
        ));
    }
    Ok(formatted)
}

/// The tokens of a text as written, comments included; line comments lose
/// the spaces at their end, as the formatter drops them.
fn written_tokens(text: &str) -> Vec<&str> {
    lex(text)
        .iter()
        .map(|token| text[token.span.range()].trim_end())
        .collect()
}
