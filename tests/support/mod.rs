//! Support for end-to-end tests of `pgm lsp`: a language client that starts
//! the real binary and speaks JSON-RPC over its pipes, a model of a
//! document's text as an editor keeps it, and a workspace in a temporary
//! directory.

// Each test binary uses its own part of this module.
#![allow(dead_code)]

pub mod client;
pub mod document;
pub mod features;
pub mod raw;
pub mod text;
pub mod workspace;
