//! The full-screen view. Each screen's state and update live in one file (`home`,
//! `new_draft`, `restore`, `help`, `workspace`) and its drawing in the matching `*_view`
//! file; `app` holds the one current `Screen`; keys come from the `keys` table; the
//! `controller` carries out IO through the workflow; `event` and `event_loop` are the edge
//! that talks to the terminal. The hub desk (`desk`) is built the same way over the hub
//! database.

pub mod action;
pub mod app;
pub mod cells;
pub mod clicks;
pub mod controller;
pub mod desk;
pub mod editor;
pub mod event;
pub mod event_loop;
pub mod help;
pub mod help_view;
pub mod home;
pub mod home_view;
pub mod keys;
pub mod mouse;
pub mod new_draft;
pub mod new_draft_view;
pub mod quit;
pub mod quit_view;
pub mod restore;
pub mod restore_view;
pub mod terminal;
pub mod theme;
pub mod tty;
pub mod view;
pub mod widgets;
pub mod workspace;

pub use action::{Action, Effect};
pub use app::{App, Screen};
pub use controller::Controller;
pub use event::TermEvent;
pub use event_loop::{run_draft, run_home};

/// Smallest terminal the layout is designed for.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;
