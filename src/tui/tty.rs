//! Before the full-screen view starts: is there a terminal that can show it? A dumb terminal,
//! or none at all (a script, a scheduled task, an editor's output pane), gets one plain
//! sentence pointing to `music-sef plain` instead of escape codes or an OS error number.

use std::io::IsTerminal;

pub use super::terminal::REDIRECTED;
use crate::paths::DataDirs;
use crate::settings::Settings;

/// Why the full-screen view cannot start here.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NoScreen {
    #[error(
        "this terminal (TERM=dumb) cannot show the full-screen view: use `music-sef plain` for the same questions as plain numbered prompts"
    )]
    Dumb,
    #[error(
        "music-sef needs a terminal window for its full-screen view: in a script, or to use a screen reader, run `music-sef plain` for the same questions as plain numbered prompts"
    )]
    NoTerminal,
    #[error("{REDIRECTED}")]
    Redirected,
}

/// Check that the full-screen view can start, and take the mouse setting. Called by each
/// command that opens the view, before it changes anything.
///
/// # Errors
/// `TERM=dumb`, or no terminal to draw on and read keys from.
pub fn ready(dirs: &DataDirs) -> Result<(), NoScreen> {
    check(std::env::var_os("TERM").as_deref(), terminal())?;
    if !Settings::load(dirs).mouse_on() {
        super::terminal::use_mouse(false);
    }
    Ok(())
}

/// What this process is attached to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attached {
    /// Standard input and output are the terminal.
    Terminal,
    /// Input or output is redirected, but the terminal device can be opened instead.
    Device,
    /// Output is redirected and the view may not draw on the device (Windows).
    Redirected,
    None,
}

/// The decision, apart from the environment so that it can be tested.
///
/// # Errors
/// As `ready`.
pub fn check(term: Option<&std::ffi::OsStr>, attached: Attached) -> Result<(), NoScreen> {
    if term.is_some_and(|t| t == "dumb") {
        return Err(NoScreen::Dumb);
    }
    match attached {
        Attached::Terminal | Attached::Device => Ok(()),
        Attached::Redirected => Err(NoScreen::Redirected),
        Attached::None => Err(NoScreen::NoTerminal),
    }
}

/// crossterm reads keys from standard input when it is the terminal, else from `/dev/tty`,
/// and the view draws on `/dev/tty` when standard output is redirected: either way the
/// device must open.
#[cfg(unix)]
fn terminal() -> Attached {
    if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        return Attached::Terminal;
    }
    match std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/tty")
    {
        Ok(_) => Attached::Device,
        Err(_) => Attached::None,
    }
}

/// crossterm reads the console itself (`CONIN$`) whatever standard input is; the view needs
/// standard output to be the console.
#[cfg(not(unix))]
fn terminal() -> Attached {
    if std::io::stdout().is_terminal() {
        Attached::Terminal
    } else if std::io::stdin().is_terminal() {
        Attached::Redirected
    } else {
        Attached::None
    }
}
