//! Answers: stored values, parsing typed input, checking values against their question,
//! `show_if`, progress, scoring and display. Shared by the TUI, plain mode and the export
//! so all three agree.

pub mod check;
pub mod checklist;
pub mod checks;
pub mod choice;
pub mod display;
pub mod numbering;
pub mod parse;
pub mod progress;
pub mod scoring;
pub mod summary;
pub mod targets;
pub mod value;
pub mod visibility;
pub mod walk;

pub use progress::Progress;
pub use value::*;
pub use visibility::is_visible;
