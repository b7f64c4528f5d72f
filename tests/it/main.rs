//! The integration tests, as one binary: each module is one area a user would notice
//! (the command line, the screens, saving, the bundle …), sharing `common` for set-up.
//! One binary links the library (and krilla with its fonts) once instead of fifteen times.

mod common;
mod harness;

mod answer_limits;
mod answers_core;
mod cli_basics;
mod cli_conventions;
mod cli_hostile;
mod data_folder;
mod data_folder_scale;
mod export_bundle;
mod export_hygiene;
mod import_reassessment;
mod keys_doc;
mod man_page;
mod plain_mode;
#[cfg(unix)]
mod pty;
#[cfg(unix)]
mod pty_reliability;
#[cfg(unix)]
mod pty_smoke;
#[cfg(unix)]
mod pty_terminal;
mod questionnaire;
mod settings_config;
mod shipped_content;
mod store_locking;
mod store_migration;
mod store_safety;
mod tui_reliability;
mod tui_screens;
mod tui_unicode;
mod tui_walk;
