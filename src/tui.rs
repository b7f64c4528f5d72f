//! The full-screen guided questionnaire: home screen, new draft, the workspace with a widget
//! per answer type, review, export and restore. State changes are pure (`app`), keys map to
//! actions (`keymap`), drawing reads the state (`ui`), and `event_loop` is the only IO glue.

pub mod action;
pub mod app;
pub mod editor;
pub mod event_loop;
pub mod home;
pub mod keymap;
pub mod long_text;
pub mod review;
pub mod session;
pub mod terminal;
pub mod ui;
pub mod workspace;

pub use action::{Action, Effect};
pub use app::{App, Screen};
pub use event_loop::{Controller, run_draft, run_home};

/// Smallest terminal the layout is designed for.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;
