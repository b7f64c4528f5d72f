//! The integration tests, as one binary: each module is one area a user would notice
//! (the command line, the screens, saving, the bundle …), sharing `common` for set-up.
//! One binary links the library (and krilla with its fonts) once instead of fifteen times.

mod common;
mod harness;

mod answers_core;
mod cli_basics;
mod data_folder;
mod export_bundle;
mod import_reassessment;
mod keys_doc;
mod plain_mode;
#[cfg(unix)]
mod pty_smoke;
mod questionnaire;
mod shipped_content;
mod store_migration;
mod store_safety;
mod tui_screens;
mod tui_walk;
