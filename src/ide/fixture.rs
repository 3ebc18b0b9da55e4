//! Test fixtures: plan text with a `$0` cursor (two of them mark a
//! selection) and, for several files, `//- /path.pgm` headers, turned into a
//! model and its analysis with a fixed today.

use std::sync::Arc;

use jiff::civil::date;

use crate::analysis::{self, Analysis, Options};
use crate::base::{FileId, FileSpan, Span};
use crate::ide::SourceChange;
use crate::model::{Model, ParsedFile};

const CURSOR: &str = "$0";
const FILE_HEADER: &str = "//- ";

pub(crate) struct Fixture {
    pub model: Model,
    pub analysis: Analysis,
    /// Where the first `$0` was, if any.
    pub cursor: Option<(FileId, usize)>,
    /// From the first `$0` to the second, when there are two.
    pub selection: Option<FileSpan>,
}

impl Fixture {
    pub fn new(text: &str) -> Fixture {
        let text = trim_indent(text);
        let mut files: Vec<(String, String)> = Vec::new();
        for line in text.split_inclusive('\n') {
            match line.strip_prefix(FILE_HEADER) {
                Some(path) => files.push((path.trim().to_string(), String::new())),
                None => match files.last_mut() {
                    Some((_, body)) => body.push_str(line),
                    None => files.push(("/main.pgm".to_string(), line.to_string())),
                },
            }
        }
        let mut markers: Vec<(FileId, usize)> = Vec::new();
        let mut parsed = Vec::new();
        for (index, (path, mut body)) in files.into_iter().enumerate() {
            while let Some(at) = body.find(CURSOR) {
                body.replace_range(at..at + CURSOR.len(), "");
                markers.push((FileId(index as u32), at));
            }
            parsed.push(Arc::new(ParsedFile::new(path, body)));
        }
        let model = Model::build(parsed);
        let analysis = analysis::analyze(&model, &Options::new(date(2027, 1, 4)));
        let selection = match markers.as_slice() {
            [(file, start), (same, end)] if file == same => {
                Some(FileSpan::new(*file, Span::new(*start, *end)))
            }
            _ => None,
        };
        Fixture {
            model,
            analysis,
            cursor: markers.first().copied(),
            selection,
        }
    }

    /// The cursor; a fixture for a feature that needs one must have it.
    pub fn position(&self) -> (FileId, usize) {
        self.cursor.expect("the fixture has no $0 cursor")
    }

    pub fn path(&self, file: FileId) -> &str {
        &self.model.file(file).path
    }

    /// `path 12..15 text`, the text cut at its first line break.
    pub fn render(&self, at: FileSpan) -> String {
        let text = &self.model.file(at.file).text[at.span.range()];
        let first_line = text.lines().next().unwrap_or("");
        let cut = if first_line.len() < text.trim_end().len() {
            "…"
        } else {
            ""
        };
        format!("{} {:?} {first_line}{cut}", self.path(at.file), at.span)
    }

    /// The text of every file a change touches, after the change, each
    /// under its path.
    pub fn apply(&self, change: &SourceChange) -> String {
        let mut out = String::new();
        for (&file, edits) in &change.files {
            let mut text = self.model.file(file).text.to_string();
            for edit in edits.iter().rev() {
                text.replace_range(edit.span.range(), &edit.new_text);
            }
            out.push_str(&format!("{FILE_HEADER}{}\n{text}", self.path(file)));
        }
        out
    }
}

/// Drops the indentation common to every non-blank line, and a first line
/// break, so that fixtures can be indented like the code around them.
pub(crate) fn trim_indent(text: &str) -> String {
    let text = text.strip_prefix('\n').unwrap_or(text);
    let indent = text
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| line.len() - line.trim_start().len())
        .min()
        .unwrap_or(0);
    text.split_inclusive('\n')
        .map(|line| {
            line.get(indent..)
                .unwrap_or(line.trim_start_matches([' ', '\t']))
        })
        .collect()
}
