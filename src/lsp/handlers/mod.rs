//! The handlers, one file per group of protocol methods.

pub(crate) mod configuration;
pub mod debug;
pub(crate) mod diagnostics;
pub(crate) mod lifecycle;
pub(crate) mod text_sync;
pub(crate) mod workspace;
