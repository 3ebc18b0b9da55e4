//! Lowering of all files of a workspace into one semantic model: the
//! definitions, one name table, resolved references and typed values.

mod def;

pub use def::*;
