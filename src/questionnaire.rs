//! Questionnaires: the data model, loading with clear errors, semantic validation, the
//! built-in set and installed files.

pub mod model;

pub use model::*;
