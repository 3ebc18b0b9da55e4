//! `pgm check`: diagnostics in the style of a compiler, drawn by ariadne.

use std::collections::HashMap;
use std::convert::Infallible;
use std::fmt;
use std::io::{self, Write};

use ariadne::{Cache, Color, Config, IndexType, Label, Report, ReportKind, Source};

use super::Counts;
use crate::base::{Code, Diagnostic, FileId, FileSpan, Severity};
use crate::model::Model;

type AriadneSpan = (FileId, std::ops::Range<usize>);

pub fn write(
    model: &Model,
    diagnostics: &[Diagnostic],
    out: &mut dyn Write,
    colour: bool,
) -> io::Result<()> {
    // ariadne paints a custom report kind whatever its configuration says;
    // yansi's own switch is the one that holds for every part of a report.
    if colour {
        yansi::enable();
    } else {
        yansi::disable();
    }
    let mut sources = Sources {
        model,
        sources: HashMap::new(),
    };
    for diagnostic in diagnostics {
        let header = format!(
            "{}[{}]",
            diagnostic.severity.as_str(),
            diagnostic.code.as_str()
        );
        report(diagnostic, &header, colour, &mut sources)
            .write_for_stdout(&mut sources, &mut *out)?;
    }
    writeln!(
        out,
        "{}",
        summary(&Counts::of(diagnostics), model.files.len())
    )
}

/// A report headed `error[code]: message`, with a label under the span
/// and one under each related place.
fn report<'a>(
    diagnostic: &Diagnostic,
    header: &'a str,
    colour: bool,
    sources: &mut Sources,
) -> Report<'a, AriadneSpan> {
    let colour_of_kind = severity_colour(diagnostic.severity);
    let kind = ReportKind::Custom(header, colour_of_kind);
    let config = Config::default()
        .with_color(colour)
        .with_index_type(IndexType::Char);
    let primary = (diagnostic.at, label_text(diagnostic.code), colour_of_kind);
    let related = diagnostic
        .related
        .iter()
        .map(|related| (related.at, related.message.clone(), Color::Blue));
    let mut labels: Vec<_> = std::iter::once(primary).chain(related).collect();
    // ariadne draws labels in the order given and starts a new snippet for
    // each step back; in place order, each file is shown once, the
    // diagnostic's own first.
    labels.sort_by_key(|(at, ..)| (at.file != diagnostic.at.file, *at));
    Report::build(kind, sources.span(diagnostic.at))
        .with_config(config)
        .with_message(&diagnostic.message)
        .with_labels(
            labels
                .into_iter()
                .enumerate()
                .map(|(order, (at, text, colour))| {
                    Label::new(sources.span(at))
                        .with_message(text)
                        .with_color(colour)
                        .with_order(order as i32)
                }),
        )
        .finish()
}

/// What the code means, as a label under the offending text; the header
/// already says the particulars.
fn label_text(code: Code) -> String {
    let sentence = code.summary().trim_end_matches('.');
    let mut chars = sentence.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn severity_colour(severity: Severity) -> Color {
    match severity {
        Severity::Error => Color::Red,
        Severity::Warning => Color::Yellow,
        Severity::Info => Color::Cyan,
        Severity::Hint => Color::Green,
    }
}

/// `2 errors, 3 warnings, 1 info, 0 hints in 4 files`
fn summary(counts: &Counts, files: usize) -> String {
    format!(
        "{}, {}, {} info, {} in {}",
        counted(counts.errors, "error"),
        counted(counts.warnings, "warning"),
        counts.infos,
        counted(counts.hints, "hint"),
        counted(files, "file"),
    )
}

fn counted(count: usize, noun: &str) -> String {
    let plural = if count == 1 { "" } else { "s" };
    format!("{count} {noun}{plural}")
}

/// The workspace's texts for ariadne, each turned into lines only when a
/// report first needs it.
struct Sources<'a> {
    model: &'a Model,
    sources: HashMap<FileId, Source<&'a str>>,
}

impl<'a> Sources<'a> {
    fn source(&mut self, file: FileId) -> &Source<&'a str> {
        let model = self.model;
        self.sources
            .entry(file)
            .or_insert_with(|| Source::from(&*model.file(file).text))
    }

    /// A span in characters, which is how ariadne places every part of a
    /// report correctly (with byte spans it misplaces the headers of
    /// snippets from other files).
    fn span(&mut self, at: FileSpan) -> AriadneSpan {
        let source = self.source(at.file);
        let start = char_offset(source, at.span.start());
        let end = char_offset(source, at.span.end());
        (at.file, start..end)
    }
}

fn char_offset(source: &Source<&str>, byte_offset: usize) -> usize {
    let Some((line, _, byte_column)) = source.get_byte_line(byte_offset) else {
        return source.len();
    };
    let before = source.get_line_text(line).map_or(0, |text| {
        text.char_indices()
            .take_while(|&(index, _)| index < byte_column)
            .count()
    });
    line.offset() + before
}

impl<'a> Cache<FileId> for Sources<'a> {
    type Storage = &'a str;

    fn fetch(&mut self, id: &FileId) -> Result<&Source<&'a str>, impl fmt::Debug> {
        Ok::<_, Infallible>(self.source(*id))
    }

    fn display<'b>(&self, id: &'b FileId) -> Option<impl fmt::Display + 'b> {
        Some(self.model.file(*id).path.clone())
    }
}
