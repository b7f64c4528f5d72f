//! music-sef: a guided music self-evaluation for schools in England.
//!
//! The library holds everything; `main.rs` only parses arguments and dispatches, so tests
//! reach the same code a teacher runs.

pub mod answers;
pub mod cli;
pub mod commands;
pub mod draft;
pub mod export;
pub mod hub;
pub mod import;
pub mod paths;
pub mod plain;
pub mod questionnaire;
pub mod settings;
pub mod store;
pub mod synthetic;
pub mod tui;
