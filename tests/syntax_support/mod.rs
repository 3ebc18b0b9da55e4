//! One dump of the syntax tree shared by the syntax tests: compact, with or
//! without spans, showing every value in its written form.

use std::fmt::Write;

use pgm::syntax::Parse;
use pgm::syntax::ast::{Atom, AtomKind, DurationUnit, Item, Member, Sign, SourceFile};

/// The tree and the errors of a parse, spans included.
#[allow(dead_code)]
pub fn dump_parse(parse: &Parse) -> String {
    let mut out = dump_tree(&parse.file, true);
    for error in &parse.errors {
        let _ = writeln!(out, "error {:?}: {}", error.span, error.message);
    }
    out
}

/// The tree alone; without spans, two trees compare equal when they say the
/// same thing however they are laid out.
pub fn dump_tree(file: &SourceFile, spans: bool) -> String {
    let mut out = String::new();
    for item in &file.items {
        dump_item(&mut out, item, 0, spans);
    }
    out
}

fn dump_item(out: &mut String, item: &Item, depth: usize, spans: bool) {
    let indent = "  ".repeat(depth);
    for doc in &item.docs {
        let _ = writeln!(out, "{indent}/// {doc:?}");
    }
    let _ = write!(out, "{indent}{}", item.kind.keyword());
    if let Some(name) = &item.name {
        let _ = write!(out, " {}", name.text);
    }
    if let Some(title) = &item.title {
        let _ = write!(out, " {:?}", title.value);
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
                let values: Vec<String> = property
                    .values
                    .iter()
                    .map(|value| {
                        let atoms: Vec<String> = value.atoms.iter().map(atom).collect();
                        atoms.join(" ")
                    })
                    .collect();
                let _ = write!(out, "{indent}  {}:", property.key.text);
                if !values.is_empty() {
                    let _ = write!(out, " {}", values.join(", "));
                }
                if spans {
                    let _ = write!(out, " @{:?}", property.span);
                }
                out.push('\n');
            }
            Member::Item(nested) => dump_item(out, nested, depth + 1, spans),
        }
    }
    let _ = writeln!(out, "{indent}}}");
}

fn atom(atom: &Atom) -> String {
    match &atom.kind {
        AtomKind::Path(path) => path.text(),
        AtomKind::String(string) => format!("{:?}", string.value),
        AtomKind::Date(date) => format!("date({date})"),
        AtomKind::Range(from, to) => format!("{} .. {}", self::atom(from), self::atom(to)),
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
            format!("{sign}{}{unit}", duration.amount)
        }
        AtomKind::Number(number) => number.clone(),
        AtomKind::Percent(percent) => format!("{percent}%"),
    }
}
