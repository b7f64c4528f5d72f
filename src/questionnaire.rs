//! Questionnaires: the data model, loading with clear errors, semantic validation, the
//! built-in set and installed files.

pub mod builtin;
pub mod catalogue;
mod index;
pub mod installed;
pub mod limits;
pub mod load;
pub mod model;
pub mod reference;
pub mod registry;
pub mod role;
pub mod validate;

pub use catalogue::Catalogue;
pub use load::{
    LoadError, load_bytes, load_bytes_on, load_file, load_file_on, load_str, load_str_on,
    local_today,
};
pub use model::*;
pub use reference::QuestionnaireRef;
pub use registry::{DEFAULT_ID, Entry, Origin, Registry};
pub use validate::Problem;
