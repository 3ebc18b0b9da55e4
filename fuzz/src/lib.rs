//! The fuzz targets of pgm; each checks one property of `properties` or
//! `document_edits`.

mod document_edits;
mod properties;

pub use document_edits::document_edits_agree;
pub use properties::*;
