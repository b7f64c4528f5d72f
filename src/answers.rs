//! Answers: stored values, checking a value against its question, `show_if`, progress and
//! scoring. Shared by the TUI, plain mode and the export so all three agree.

pub mod value;

pub use value::*;
