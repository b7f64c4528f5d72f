//! The terminal while the TUI runs: raw mode, alternate screen, mouse and bracketed paste
//! switched on, and every one of them switched off again on drop, on error and on panic.
//! The view is drawn on standard output when that is the terminal, else (`music-sef > file`)
//! on the terminal device itself, so no escape code ever goes into a file or a pipe.

use std::io::{self, BufWriter, IsTerminal, Stdout, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

/// Whether the program takes the mouse (clicks, the wheel). Off, the terminal keeps it, and
/// text can be selected and copied as in any other program. Process-wide, because the panic
/// hook and `--no-mouse` reach it without a handle.
static MOUSE: AtomicBool = AtomicBool::new(true);
/// The full-screen view is on: only then is there a terminal to send mouse switches to.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Choose whether the next full-screen view takes the mouse (`--no-mouse`, the setting).
pub fn use_mouse(on: bool) {
    MOUSE.store(on, Ordering::SeqCst);
}

/// Whether the view takes the mouse.
pub fn mouse_on() -> bool {
    MOUSE.load(Ordering::SeqCst)
}

/// Take the mouse or give it back to the terminal, at once if the view is showing.
///
/// # Errors
/// The terminal could not be written to.
pub fn set_mouse(on: bool) -> io::Result<()> {
    use_mouse(on);
    if !ACTIVE.load(Ordering::SeqCst) {
        return Ok(());
    }
    let mut out = output()?;
    if on {
        execute!(out, EnableMouseCapture)
    } else {
        execute!(out, DisableMouseCapture)
    }
}

/// Where the view is drawn.
pub enum Output {
    Stdout(Stdout),
    /// The terminal device, buffered: every frame is written in one go, as with stdout.
    Device(BufWriter<std::fs::File>),
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Self::Stdout(o) => o.write(buf),
            Self::Device(o) => o.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Self::Stdout(o) => o.flush(),
            Self::Device(o) => o.flush(),
        }
    }
}

/// Standard output if it is the terminal, else the terminal device.
///
/// # Errors
/// Output is redirected and there is no terminal device to draw on instead.
pub fn output() -> io::Result<Output> {
    let stdout = io::stdout();
    if stdout.is_terminal() {
        return Ok(Output::Stdout(stdout));
    }
    device().map(|f| Output::Device(BufWriter::with_capacity(1 << 16, f)))
}

/// Why the view will not start when standard output is redirected on Windows.
pub const REDIRECTED: &str = "the full-screen view draws on the screen, so it does not start \
     when its output goes to a file or a pipe: run music-sef without `>` or `|`, or use \
     `music-sef plain` for the same questions as plain prompts";

/// The terminal device, for drawing on it when standard output goes elsewhere.
#[cfg(unix)]
fn device() -> io::Result<std::fs::File> {
    std::fs::OpenOptions::new().write(true).open("/dev/tty")
}

/// On Windows the console could be opened as `CONOUT$`, but text written to it that way is
/// not translated from UTF-8 the way standard output is, so the view refuses instead.
#[cfg(not(unix))]
fn device() -> io::Result<std::fs::File> {
    Err(io::Error::other(REDIRECTED))
}

pub struct TerminalGuard {
    pub terminal: Terminal<CrosstermBackend<Output>>,
}

/// Undo everything `enter` did. Safe to call twice; errors are ignored because after a
/// hang-up there may be no terminal left to talk to.
pub fn restore() {
    ACTIVE.store(false, Ordering::SeqCst);
    if let Ok(mut out) = output() {
        let _ = execute!(
            out,
            DisableBracketedPaste,
            DisableMouseCapture,
            LeaveAlternateScreen
        );
        let _ = out.write_all(b"\x1b[?25h");
        let _ = out.flush();
    }
    let _ = disable_raw_mode();
}

impl TerminalGuard {
    /// Switch the terminal into full-screen mode.
    ///
    /// # Errors
    /// There is no terminal to draw on.
    pub fn enter() -> io::Result<Self> {
        let mut out = output()?;
        enable_raw_mode()?;
        ACTIVE.store(true, Ordering::SeqCst);
        let switched = if mouse_on() {
            execute!(
                out,
                EnterAlternateScreen,
                EnableMouseCapture,
                EnableBracketedPaste
            )
        } else {
            execute!(out, EnterAlternateScreen, EnableBracketedPaste)
        };
        if let Err(e) = switched {
            restore();
            return Err(e);
        }
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
        match Terminal::new(CrosstermBackend::new(out)) {
            Ok(terminal) => Ok(Self { terminal }),
            Err(e) => {
                restore();
                Err(e)
            }
        }
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}
