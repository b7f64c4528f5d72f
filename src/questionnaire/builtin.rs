//! The questionnaires shipped inside the binary (embedded by `build.rs`).

include!(concat!(env!("OUT_DIR"), "/builtin_questionnaires.rs"));
