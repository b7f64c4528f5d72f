//! The integration tests, as one binary: each module is one area a user would notice
//! (the command line, the screens, saving, the bundle …), sharing `common` for set-up.
//! One binary links the library (and krilla with its fonts) once instead of fifteen times.

mod common;

mod answers_core;
mod cli_basics;
mod export_bundle;
mod hub_flags;
mod hub_intake;
mod hub_report;
mod hub_setup;
mod import_reassessment;
mod plain_mode;
#[cfg(unix)]
mod pty_smoke;
mod questionnaire_errors;
mod questionnaire_limits;
mod questionnaire_loading;
mod shipped_content;
mod store_migration;
mod store_safety;
mod tui_screens;
mod tui_walk;
