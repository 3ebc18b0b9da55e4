//! Completion: property keys the item still lacks, the values a key takes
//! (names of the kinds it wants, enumeration values, dates), and snippets
//! for new items. It reads the place from the tokens before the cursor and
//! the rest from the syntax tree and the model, so it works on half-typed
//! text too.

mod context;
mod snippet;

use crate::analysis::Analysis;
use crate::base::{FileId, Span};
use crate::ide::lookup::{def_of, items_around, properties};
use crate::model::schema::{self, PropertySchema, Shape};
use crate::model::{DefId, DependencyKind, Model, RefRole, VisibleName};
use crate::syntax::ast::{Item, ItemKind};
use crate::syntax::lexer;

use context::{Context, Enclosing, Place};

/// What can be inserted at the cursor, best first.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Completions {
    /// The text an item replaces: the part of the word before the cursor.
    pub replace: Span,
    pub items: Vec<CompletionItem>,
    /// Whether items were left out; the editor should ask again as the
    /// user types on.
    pub is_incomplete: bool,
}

/// At most this many items go back. In a workspace of ten thousand projects
/// sending every name costs far more than finding them, so past this the
/// list is cut to the best of those that match what is typed.
const MOST_ITEMS: usize = 200;

#[derive(Clone, PartialEq, Eq, Debug)]
pub struct CompletionItem {
    pub label: String,
    pub kind: CompletionKind,
    /// The title of a definition; what a key takes.
    pub detail: Option<String>,
    /// Markdown.
    pub documentation: Option<String>,
    pub insert_text: String,
    /// Whether `insert_text` is in snippet syntax (`${1:name}`).
    pub is_snippet: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CompletionKind {
    /// A new item of this kind, as a snippet.
    NewItem(ItemKind),
    Property,
    /// An enumeration value or a dependency type.
    EnumValue,
    /// The name of a definition of this kind.
    Reference(ItemKind),
    Date,
}

pub fn completions(model: &Model, analysis: &Analysis, file: FileId, offset: usize) -> Completions {
    let text = &model.file(file).text;
    let offset = offset.min(text.len());
    let tokens = lexer::lex(text);
    let cx = context::context(text, &tokens, offset);
    // A cursor inside a multi-byte character has typed nothing.
    let typed = text.get(cx.replace.range()).unwrap_or_default();
    let scope = Scope::new(model, file, &cx);
    let mut items = Vec::new();
    let mut left_out = false;
    match &cx.place {
        Place::Nowhere => {}
        Place::Member { after_value_of } => {
            if let Some(property) = after_value_of
                .as_deref()
                .and_then(|key| scope.property(key))
            {
                items.extend(continuations(property));
            }
            items.extend(scope.property_keys(&cx));
            items.extend(new_items(cx.enclosing.last()));
        }
        Place::Value { key } => {
            let (values, cut) = scope.values(analysis, key, typed);
            items.extend(values);
            left_out = cut;
        }
        Place::Qualified { key, program } => items.extend(scope.qualified(key, program)),
    }
    left_out |= keep_matching(&mut items, typed, |item| &item.label);
    items.truncate(MOST_ITEMS);
    Completions {
        replace: cx.replace,
        items,
        is_incomplete: left_out,
    }
}

/// Keeps what matches the typed text when there are more than the list
/// takes, and says whether anything was left out.
fn keep_matching<T>(candidates: &mut Vec<T>, typed: &str, label: impl Fn(&T) -> &str) -> bool {
    if candidates.len() <= MOST_ITEMS {
        return false;
    }
    candidates.retain(|candidate| matches_typed(label(candidate), typed));
    true
}

/// Whether the characters typed appear in the label in order, ignoring case,
/// as editors match completions.
fn matches_typed(label: &str, typed: &str) -> bool {
    let mut label = label.chars().flat_map(char::to_lowercase);
    typed
        .chars()
        .flat_map(char::to_lowercase)
        .all(|wanted| label.any(|ch| ch == wanted))
}

/// The items around the cursor as the model knows them.
struct Scope<'m> {
    model: &'m Model,
    /// The text of the file the cursor is in.
    text: &'m str,
    /// The syntax item the cursor is in, if it made it into the tree.
    item: Option<(ItemKind, Option<&'m Item>)>,
    /// The definition the cursor is in.
    def: Option<DefId>,
    /// The program the cursor is in, which decides what bare names mean.
    program: Option<DefId>,
}

impl<'m> Scope<'m> {
    fn new(model: &'m Model, file: FileId, cx: &Context) -> Scope<'m> {
        let parsed = model.file(file);
        let tree = &parsed.parse().file;
        let find = |enclosing: &Enclosing| {
            items_around(tree, enclosing.keyword.start())
                .into_iter()
                .find(|item| item.keyword_span == enclosing.keyword)
        };
        let item = cx
            .enclosing
            .last()
            .map(|enclosing| (enclosing.kind, find(enclosing)));
        let def = item
            .and_then(|(_, item)| item)
            .and_then(|item| def_of(model, file, item));
        let program = cx
            .enclosing
            .iter()
            .find(|enclosing| enclosing.kind == ItemKind::Program)
            .and_then(find)
            .and_then(|item| def_of(model, file, item));
        Scope {
            model,
            text: &parsed.text,
            item,
            def,
            program,
        }
    }

    fn property(&self, key: &str) -> Option<&'static PropertySchema> {
        let (kind, _) = self.item?;
        schema::item(kind).property(key)
    }

    /// The keys of the enclosing item that it does not have yet and that
    /// no key it has rules out. The key being typed over does not count.
    fn property_keys(&self, cx: &Context) -> Vec<CompletionItem> {
        let Some((kind, item)) = self.item else {
            return Vec::new();
        };
        let schema = schema::item(kind);
        let used: Vec<&str> = item
            .into_iter()
            .flat_map(properties)
            .filter(|property| property.key.span.start() != cx.replace.start())
            .map(|property| property.key.text(self.text))
            .collect();
        let ruled_out = |key: &str| {
            used.iter().any(|&used| {
                used == key
                    || schema
                        .property(used)
                        .is_some_and(|property| property.excludes.contains(&key))
            })
        };
        schema
            .properties
            .iter()
            .filter(|property| !ruled_out(property.key))
            .map(|property| CompletionItem {
                label: property.key.to_string(),
                kind: CompletionKind::Property,
                detail: Some(property.shape.expected()),
                documentation: Some(property.doc.to_string()),
                insert_text: format!("{}: ", property.key),
                is_snippet: false,
            })
            .collect()
    }

    /// What may start an entry of `key`, and whether names that do not
    /// match `typed` were left out.
    fn values(&self, analysis: &Analysis, key: &str, typed: &str) -> (Vec<CompletionItem>, bool) {
        let Some(property) = self.property(key) else {
            return (Vec::new(), false);
        };
        let mut items = Vec::new();
        let mut left_out = false;
        if let Some(role) = property.shape.role() {
            let (names, cut) = self.references(role, typed);
            items.extend(names);
            left_out = cut;
        }
        match property.shape {
            Shape::ProjectStatus(_) | Shape::RiskStatus(_) | Shape::Level(_) => {
                items.extend(
                    property
                        .shape
                        .keywords()
                        .iter()
                        .map(|&word| CompletionItem {
                            label: word.to_string(),
                            kind: CompletionKind::EnumValue,
                            detail: Some(format!("{key}: {word}")),
                            documentation: Some(property.doc.to_string()),
                            insert_text: word.to_string(),
                            is_snippet: false,
                        }),
                );
            }
            Shape::Date(_) => {
                items.extend(self.scheduled_date(analysis, key));
                items.push(date_template(false));
            }
            Shape::Holidays(_) => items.push(date_template(false)),
            Shape::DateRange(_) => items.push(date_template(true)),
            _ => {}
        }
        (items, left_out)
    }

    /// The date the schedule computed for the field a date key sets, so
    /// that committing to it causes no conflict.
    fn scheduled_date(&self, analysis: &Analysis, key: &str) -> Option<CompletionItem> {
        let dates = analysis.schedule.dates(self.def?)?;
        let (date, detail) = match key {
            "start" => (dates.earliest_start, "the earliest start the plan allows"),
            "end" | "deadline" | "due" => {
                (dates.earliest_finish, "the earliest finish the plan allows")
            }
            _ => return None,
        };
        Some(CompletionItem {
            label: date.to_string(),
            kind: CompletionKind::Date,
            detail: Some(detail.to_string()),
            documentation: None,
            insert_text: date.to_string(),
            is_snippet: false,
        })
    }

    /// The names of the definitions `role` accepts, as they are written
    /// from here: the program's own items first, then the top-level
    /// persons and teams, then other programs' items, qualified. Past what
    /// the list takes, only the best of those matching `typed` become
    /// items: a large workspace has a hundred thousand names.
    fn references(&self, role: RefRole, typed: &str) -> (Vec<CompletionItem>, bool) {
        let model = self.model;
        let mut ranked: Vec<(u8, VisibleName)> = model
            .visible_names(self.program, role)
            .into_iter()
            .filter(|visible| Some(visible.def) != self.def)
            .map(|visible| {
                let rank = match (visible.text.contains('.'), model.def(visible.def).program) {
                    (true, _) => 2,
                    (false, Some(_)) => 0,
                    (false, None) => 1,
                };
                (rank, visible)
            })
            .collect();
        let left_out = keep_matching(&mut ranked, typed, |(_, visible)| &visible.text);
        let order = |(a_rank, a): &(u8, VisibleName), (b_rank, b): &(u8, VisibleName)| {
            (a_rank, &a.text).cmp(&(b_rank, &b.text))
        };
        if ranked.len() > MOST_ITEMS {
            ranked.select_nth_unstable_by(MOST_ITEMS, order);
            ranked.truncate(MOST_ITEMS);
        }
        ranked.sort_unstable_by(order);
        let items = ranked
            .into_iter()
            .map(|(_, visible)| reference_item(model, visible.def, visible.text.to_string()))
            .collect();
        (items, left_out)
    }

    /// The items of `program` that `key` accepts, after `program.`.
    fn qualified(&self, key: &str, program: &str) -> Vec<CompletionItem> {
        let Some(role) = self
            .property(key)
            .and_then(|property| property.shape.role())
        else {
            return Vec::new();
        };
        let Some(program) = self.model.lookup(program) else {
            return Vec::new();
        };
        self.model
            .children(program)
            .iter()
            .filter(|&&child| {
                Some(child) != self.def && role.accepts().contains(&self.model.def(child).kind())
            })
            .map(|&child| reference_item(self.model, child, self.model.def(child).name.to_string()))
            .collect()
    }
}

fn reference_item(model: &Model, id: DefId, label: String) -> CompletionItem {
    let def = model.def(id);
    CompletionItem {
        insert_text: label.clone(),
        label,
        kind: CompletionKind::Reference(def.kind()),
        detail: def.title.as_deref().map(String::from),
        documentation: def.docs.clone(),
        is_snippet: false,
    }
}

/// The words that may follow the start of an entry of `property`: the
/// types of a dependency after its target.
fn continuations(property: &PropertySchema) -> Vec<CompletionItem> {
    if !matches!(property.shape, Shape::Dependencies(_)) {
        return Vec::new();
    }
    DependencyKind::ALL
        .into_iter()
        .map(|dependency| CompletionItem {
            label: dependency.keyword().to_string(),
            kind: CompletionKind::EnumValue,
            detail: Some(dependency_meaning(dependency).to_string()),
            documentation: None,
            insert_text: dependency.keyword().to_string(),
            is_snippet: false,
        })
        .collect()
}

fn dependency_meaning(kind: DependencyKind) -> &'static str {
    match kind {
        DependencyKind::FinishToStart => "finish-to-start: starts after the other finishes",
        DependencyKind::StartToStart => "start-to-start: starts once the other has started",
        DependencyKind::FinishToFinish => "finish-to-finish: finishes after the other finishes",
        DependencyKind::StartToFinish => "start-to-finish: finishes once the other has started",
    }
}

/// Snippets for the items that may stand where the cursor is: top-level
/// items at the top, a program's items inside a program.
fn new_items(enclosing: Option<&Enclosing>) -> Vec<CompletionItem> {
    let fits = |kind: ItemKind| match enclosing {
        None => kind.is_top_level(),
        Some(enclosing) => enclosing.kind == ItemKind::Program && !kind.is_top_level(),
    };
    ItemKind::ALL
        .into_iter()
        .filter(|&kind| fits(kind))
        .map(|kind| CompletionItem {
            label: kind.keyword().to_string(),
            kind: CompletionKind::NewItem(kind),
            detail: Some(format!("a new {}", kind.keyword())),
            documentation: Some(schema::item(kind).doc.to_string()),
            insert_text: snippet::item_snippet(kind),
            is_snippet: true,
        })
        .collect()
}

fn date_template(range: bool) -> CompletionItem {
    let label = match range {
        true => "YYYY-MM-DD .. YYYY-MM-DD",
        false => "YYYY-MM-DD",
    };
    CompletionItem {
        label: label.to_string(),
        kind: CompletionKind::Date,
        detail: Some(
            match range {
                true => "a date range",
                false => "a date",
            }
            .to_string(),
        ),
        documentation: None,
        insert_text: snippet::date_snippet(range),
        is_snippet: true,
    }
}

#[cfg(test)]
mod tests;
