//! The integration tests, as one binary: each module is one area a user would notice
//! (the command line, the screens, saving, the bundle …), sharing `common` for set-up.
//! One binary links the library (and krilla with its fonts) once instead of fifteen times.

mod common;
mod harness;

mod answer_limits;
mod answers_core;
mod checklist_format;
mod cli_basics;
mod cli_conventions;
mod cli_hostile;
mod completion_time;
mod data_folder;
mod data_folder_scale;
mod export_bundle;
mod export_decision;
mod export_hygiene;
mod format_features;
mod format_repeat;
mod hub_decide;
mod hub_desk;
mod hub_flags;
mod hub_intake;
mod hub_loop;
mod hub_report;
mod hub_setup;
mod import_reassessment;
mod keys_doc;
mod man_page;
mod own_words;
mod plain_input;
mod plain_mode;
mod print;
#[cfg(unix)]
mod pty;
#[cfg(unix)]
mod pty_reliability;
#[cfg(unix)]
mod pty_smoke;
#[cfg(unix)]
mod pty_terminal;
mod questionnaire;
mod readme_tables;
mod settings_config;
mod shipped_answer_rules;
mod shipped_audit;
mod shipped_content;
mod shipped_default;
mod shipped_default_facts;
mod store_locking;
mod store_migration;
mod store_safety;
mod teacher_way;
mod teacher_way_answers;
mod tui_reliability;
mod tui_screens;
mod tui_unicode;
mod tui_walk;
