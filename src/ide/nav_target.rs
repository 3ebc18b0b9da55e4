//! A definition as a place to go to, shared by the features that list or
//! jump to definitions.

use crate::base::FileSpan;
use crate::model::{DefId, Model};
use crate::syntax::ast::ItemKind;

#[derive(Clone, PartialEq, Eq, Debug)]
pub struct NavTarget {
    pub def: DefId,
    pub kind: ItemKind,
    /// `apollo.iam` inside a program, `alice` at the top.
    pub name: String,
    pub title: Option<String>,
    /// The whole item, keyword to closing brace.
    pub full: FileSpan,
    /// The name (the keyword of the unnamed calendar).
    pub focus: FileSpan,
}

impl NavTarget {
    pub fn new(model: &Model, id: DefId) -> NavTarget {
        let def = model.def(id);
        NavTarget {
            def: id,
            kind: def.kind(),
            name: def.qualified_name().to_string(),
            title: def.title.as_deref().map(String::from),
            full: FileSpan::new(def.file, def.span),
            focus: def.name_location(),
        }
    }
}
