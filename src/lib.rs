//! music-sef: a guided music self-evaluation for schools in England.
//!
//! The library holds everything; `main.rs` only parses arguments and dispatches, so tests
//! reach the same code a teacher runs. How the parts fit: docs/architecture.md.

// Functions stay short enough to read in one go (clippy.toml sets 80 lines).
#![warn(clippy::too_many_lines)]

pub mod answers;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod draft;
pub mod export;
pub mod feedback;
pub mod formats;
pub mod hub;
pub mod import;
pub mod paths;
pub mod plain;
pub mod print;
pub mod questionnaire;
pub mod settings;
pub mod store;
pub mod synthetic;
pub mod text;
pub mod tui;
pub mod workflow;
