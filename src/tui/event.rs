//! The terminal edge: crossterm's events become `TermEvent`s (keys as backend-free
//! `Input`s), and reading watches for the window being closed. Nothing past this file sees a
//! crossterm type.

use std::time::Duration;

use ratatui::crossterm::event::{self, Event, KeyEventKind, MouseButton, MouseEventKind};
use ratatui_textarea::Input;

/// What happened at the terminal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TermEvent {
    Key(Input),
    Paste(String),
    Click { column: u16, row: u16 },
    ScrollUp,
    ScrollDown,
    Resize,
}

impl TermEvent {
    /// The event for a crossterm event, if it means anything here.
    pub fn from_crossterm(ev: Event) -> Option<Self> {
        match ev {
            // Windows reports releases too; only presses (and repeats) count.
            Event::Key(k) if k.kind != KeyEventKind::Release => Some(Self::Key(Input::from(k))),
            Event::Paste(s) => Some(Self::Paste(s)),
            Event::Mouse(m) => match m.kind {
                MouseEventKind::Down(MouseButton::Left) => Some(Self::Click {
                    column: m.column,
                    row: m.row,
                }),
                MouseEventKind::ScrollDown => Some(Self::ScrollDown),
                MouseEventKind::ScrollUp => Some(Self::ScrollUp),
                _ => None,
            },
            Event::Resize(..) => Some(Self::Resize),
            _ => None,
        }
    }
}

/// Wait up to `timeout` for the next terminal event. We watch the terminal ourselves first:
/// when the window is closed the terminal hangs up, and crossterm would then spin for ever
/// reading nothing, never returning to notice the stop signal. A hang-up is reported as an
/// error instead, so the loop saves and leaves.
///
/// # Errors
/// The terminal hung up or could not be read.
pub fn next(timeout: Duration) -> std::io::Result<Option<Event>> {
    // crossterm may already hold several events read in one go (a paste, fast typing):
    // hand those out first, after making sure the terminal is still there.
    watch(Duration::ZERO)?;
    if event::poll(Duration::ZERO)? {
        return event::read().map(Some);
    }
    if watch(timeout)? && event::poll(Duration::ZERO)? {
        return event::read().map(Some);
    }
    Ok(None)
}

#[cfg(unix)]
fn hung_up() -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::BrokenPipe,
        "the terminal window was closed",
    )
}

/// Wait for input on the terminal; true when some is ready, an error on a hang-up.
#[cfg(unix)]
fn watch(timeout: Duration) -> std::io::Result<bool> {
    use std::io::IsTerminal;
    use std::os::fd::AsRawFd;
    let stdin = std::io::stdin();
    // crossterm reads standard input when it is a terminal, else /dev/tty; only in the first
    // case can we watch the same file for a hang-up.
    if !stdin.is_terminal() {
        return event::poll(timeout);
    }
    let mut fds = libc::pollfd {
        fd: stdin.as_raw_fd(),
        events: libc::POLLIN,
        revents: 0,
    };
    let ms = libc::c_int::try_from(timeout.as_millis()).unwrap_or(libc::c_int::MAX);
    // SAFETY: one valid pollfd for the duration of the call; the count matches.
    let n = unsafe { libc::poll(&raw mut fds, 1, ms) };
    if n < 0 {
        return Ok(false);
    }
    if fds.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
        return Err(hung_up());
    }
    Ok(n > 0)
}

/// Windows has no hang-up to watch for here: the console's close event is its counterpart.
#[cfg(not(unix))]
fn watch(timeout: Duration) -> std::io::Result<bool> {
    event::poll(timeout)
}
