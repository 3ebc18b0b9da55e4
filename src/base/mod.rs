//! Vocabulary shared by every layer: byte spans, file identities, diagnostics
//! and the one place where byte offsets become lines and columns.

mod diagnostic;
mod groups;
mod inline_list;
mod line_index;
mod same_text;
mod shared_text;
mod span;

pub use diagnostic::{Code, Diagnostic, Related, Severity};
pub use groups::Groups;
pub use inline_list::map_inline;
pub use line_index::{LineCol, LineIndex, PositionEncoding};
pub use same_text::same_text;
pub use shared_text::SharedText;
pub use span::{FileId, FileSpan, Span};
