//! A file's text, shared between the models made from it.

use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

/// A file's text, shared by reference count. Made from a `String` without
/// copying it: an `Arc<str>` copied every text of a workspace once more, and
/// that copy, with the fresh memory it wrote, was some 2% of checking.
#[derive(Clone)]
pub struct SharedText(Arc<String>);

impl Deref for SharedText {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl From<String> for SharedText {
    fn from(text: String) -> SharedText {
        SharedText(Arc::new(text))
    }
}

impl From<&str> for SharedText {
    fn from(text: &str) -> SharedText {
        SharedText::from(text.to_owned())
    }
}

impl fmt::Debug for SharedText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}
