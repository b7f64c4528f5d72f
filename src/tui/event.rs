//! The terminal edge: crossterm's events become `TermEvent`s (keys as backend-free
//! `Input`s), taken in batches so a burst of input (a paste without paste markers, a text
//! expander) is taken whole before the next frame. The wait sleeps until the terminal has
//! input, the window is resized or closed, or another thread wakes it (a save finished, a stop
//! signal): no timer runs unless the caller asks for one. Nothing past this file sees a
//! crossterm type.

use std::time::Duration;

use ratatui::crossterm::event::{self, Event, KeyEventKind, MouseButton, MouseEventKind};
use ratatui_textarea::Input;

pub use crate::store::signals::Waker;

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

/// Events taken in one go at most before the screen is drawn again: 64 KB arriving at once
/// is taken in a handful of frames, and the screen still keeps up with a longer stream.
const BATCH: usize = 8192;

impl TermEvent {
    /// The event for a crossterm event, if it means anything here.
    pub fn from_crossterm(ev: Event) -> Option<Self> {
        match ev {
            // Windows reports releases too; only presses (and repeats) count.
            Event::Key(k) if k.kind == KeyEventKind::Release => None,
            // The key no keyboard has, which the Windows waker types to end a wait.
            #[cfg(windows)]
            Event::Key(k) if k.code == ratatui::crossterm::event::KeyCode::F(24) => None,
            Event::Key(k) => Some(Self::Key(Input::from(k))),
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

/// Wait up to `timeout` (None: for as long as it takes) for terminal events, then take all
/// that are waiting, up to a batch. An empty list means the wait ended without one: the time
/// was up or another thread woke it.
///
/// crossterm reads the terminal itself, and on a closed window it would spin for ever reading
/// nothing; so the terminal is watched here for a hang-up before crossterm reads it, and a
/// hang-up is reported as an error, so the loop saves and leaves.
///
/// # Errors
/// The terminal hung up or could not be read.
pub fn next_batch(timeout: Option<Duration>) -> std::io::Result<Vec<TermEvent>> {
    let events = drain()?;
    if !events.is_empty() || !sys::wait(timeout)? {
        return Ok(events);
    }
    let events = drain()?;
    if events.is_empty() && sys::has_input()? {
        // Input crossterm will not read until more comes (a terminal the nudge does not
        // reach): wait a little rather than spin.
        std::thread::sleep(Duration::from_millis(10));
    }
    Ok(events)
}

/// Everything crossterm has or can read now without waiting.
///
/// crossterm stops reading the terminal as soon as one read gives it an event, and then
/// waits to be told (edge-triggered) that more arrived; after a burst the rest of the burst
/// has already arrived, so it would wait until the next key. When the terminal still holds
/// input that crossterm does not see, it is nudged (`sys::nudge`) to look again.
fn drain() -> std::io::Result<Vec<TermEvent>> {
    let mut out = Vec::new();
    let mut nudged = false;
    while out.len() < BATCH {
        let waiting = sys::has_input()?;
        if event::poll(Duration::ZERO)? {
            nudged = false;
            if let Some(ev) = TermEvent::from_crossterm(event::read()?) {
                out.push(ev);
            }
        } else if waiting && !nudged {
            sys::nudge();
            nudged = true;
        } else {
            break;
        }
    }
    Ok(out)
}

/// Something other threads call to end the loop's wait (a save finished, a stop signal).
pub fn waker() -> Waker {
    sys::waker()
}

#[cfg(unix)]
mod sys {
    use std::fs::File;
    use std::io::{IsTerminal, Read, Write};
    use std::os::fd::{AsRawFd, RawFd};
    use std::os::unix::net::UnixStream;
    use std::sync::{Arc, OnceLock};
    use std::time::Duration;

    use super::Waker;

    /// The terminal crossterm reads: standard input when it is one, else `/dev/tty` (opened
    /// here too, to watch it: readiness and hang-ups belong to the terminal, not the file).
    fn tty() -> Option<RawFd> {
        static TTY: OnceLock<Option<File>> = OnceLock::new();
        let stdin = std::io::stdin();
        if stdin.is_terminal() {
            return Some(stdin.as_raw_fd());
        }
        TTY.get_or_init(|| File::open("/dev/tty").ok())
            .as_ref()
            .map(AsRawFd::as_raw_fd)
    }

    /// A socket pair: a byte written to one end ends the wait on the other. A resize
    /// (SIGWINCH) writes one too, through the signal registry crossterm also uses.
    fn wake_pair() -> Option<&'static (UnixStream, UnixStream)> {
        static PAIR: OnceLock<Option<(UnixStream, UnixStream)>> = OnceLock::new();
        PAIR.get_or_init(|| {
            let (rx, tx) = UnixStream::pair().ok()?;
            rx.set_nonblocking(true).ok()?;
            tx.set_nonblocking(true).ok()?;
            if let Ok(for_signal) = tx.try_clone() {
                let _ = signal_hook::low_level::pipe::register(
                    signal_hook::consts::SIGWINCH,
                    for_signal,
                );
            }
            Some((rx, tx))
        })
        .as_ref()
    }

    pub fn waker() -> Waker {
        Arc::new(|| {
            if let Some((_, tx)) = wake_pair() {
                // A full socket already holds a wake-up; nothing is lost by not writing.
                let _ = (&*tx).write(&[1]);
            }
        })
    }

    fn poll(fds: &mut [libc::pollfd], timeout: Option<Duration>) -> libc::c_int {
        // Rounded up, so a timer due in half a millisecond is not a busy wait.
        let ms = timeout.map_or(-1, |t| {
            libc::c_int::try_from(t.as_micros().div_ceil(1000)).unwrap_or(libc::c_int::MAX)
        });
        let n = libc::nfds_t::try_from(fds.len()).unwrap_or(0);
        // SAFETY: `fds` is a valid slice of pollfd for the duration of the call; n matches.
        unsafe { libc::poll(fds.as_mut_ptr(), n, ms) }
    }

    fn pollfd(fd: RawFd) -> libc::pollfd {
        libc::pollfd {
            fd,
            events: libc::POLLIN,
            revents: 0,
        }
    }

    const GONE: libc::c_short = libc::POLLHUP | libc::POLLERR | libc::POLLNVAL;

    fn hung_up() -> std::io::Error {
        std::io::Error::new(
            std::io::ErrorKind::BrokenPipe,
            "the terminal window was closed",
        )
    }

    /// Whether the terminal holds input not read yet; an error when it has hung up (the
    /// window was closed).
    pub fn has_input() -> std::io::Result<bool> {
        let mut fds = [pollfd(tty().unwrap_or(-1))];
        if fds[0].fd < 0 || poll(&mut fds, Some(Duration::ZERO)) <= 0 {
            return Ok(false);
        }
        if fds[0].revents & GONE != 0 {
            return Err(hung_up());
        }
        Ok(fds[0].revents & libc::POLLIN != 0)
    }

    /// Make the terminal announce again that it has input: setting its modes, even to what
    /// they are, wakes everything waiting to read it, crossterm's edge-triggered wait too.
    pub fn nudge() {
        let Some(fd) = tty() else {
            return;
        };
        // SAFETY: termios is plain data; tcgetattr fills it before tcsetattr reads it.
        unsafe {
            let mut t: libc::termios = std::mem::zeroed();
            if libc::tcgetattr(fd, &raw mut t) == 0 {
                libc::tcsetattr(fd, libc::TCSANOW, &raw const t);
            }
        }
    }

    /// Sleep until the terminal has input (true), or until woken or `timeout` (false).
    pub fn wait(timeout: Option<Duration>) -> std::io::Result<bool> {
        let wake = wake_pair().map_or(-1, |(rx, _)| rx.as_raw_fd());
        let mut fds = [pollfd(tty().unwrap_or(-1)), pollfd(wake)];
        if poll(&mut fds, timeout) < 0 {
            // Interrupted by a signal: the loop looks at what it may have changed.
            return Ok(false);
        }
        if fds[0].revents & GONE != 0 {
            return Err(hung_up());
        }
        if fds[1].revents & libc::POLLIN != 0
            && let Some((rx, _)) = wake_pair()
        {
            let mut buf = [0u8; 64];
            while matches!((&*rx).read(&mut buf), Ok(n) if n > 0) {}
        }
        // A resize woke us through the socket: crossterm has the event waiting.
        Ok(fds[0].revents & libc::POLLIN != 0 || fds[1].revents & libc::POLLIN != 0)
    }
}

#[cfg(windows)]
mod sys {
    use std::sync::Arc;
    use std::time::Duration;

    use ratatui::crossterm::event;
    use windows_sys::Win32::System::Console::{
        GetStdHandle, INPUT_RECORD, INPUT_RECORD_0, KEY_EVENT, KEY_EVENT_RECORD,
        KEY_EVENT_RECORD_0, STD_INPUT_HANDLE, WriteConsoleInputW,
    };

    use super::Waker;

    /// crossterm cannot wait without a limit; an hour is as good as for ever for a person.
    const LONG: Duration = Duration::from_secs(3600);
    /// F24: a key no keyboard has, which the event conversion drops.
    const VK_F24: u16 = 0x87;

    /// Windows has no hang-up here (closing the console raises the close event instead,
    /// which the console handler in `store::signals` answers), and its console reports
    /// waiting input for as long as there is any, so crossterm never misses a burst.
    pub fn has_input() -> std::io::Result<bool> {
        Ok(false)
    }

    pub fn nudge() {}

    pub fn wait(timeout: Option<Duration>) -> std::io::Result<bool> {
        event::poll(timeout.unwrap_or(LONG))
    }

    /// crossterm waits on the console's input, so waking it means giving it input: one
    /// press of F24.
    pub fn waker() -> Waker {
        Arc::new(|| {
            let record = INPUT_RECORD {
                EventType: u16::try_from(KEY_EVENT).unwrap_or(1),
                Event: INPUT_RECORD_0 {
                    KeyEvent: KEY_EVENT_RECORD {
                        bKeyDown: 1,
                        wRepeatCount: 1,
                        wVirtualKeyCode: VK_F24,
                        wVirtualScanCode: 0,
                        uChar: KEY_EVENT_RECORD_0 { UnicodeChar: 0 },
                        dwControlKeyState: 0,
                    },
                },
            };
            let mut written = 0u32;
            // SAFETY: one valid record and a valid count pointer for the call's duration; a
            // failure (no console) only means there is no wait to end.
            unsafe {
                let input = GetStdHandle(STD_INPUT_HANDLE);
                WriteConsoleInputW(input, &raw const record, 1, &raw mut written);
            }
        })
    }
}
