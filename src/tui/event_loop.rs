//! Running the full-screen view: draw, wait for an event, hand it to the controller, and on
//! a stop signal or a closed window save and leave. Generic over the backend and the event
//! source, so tests drive it with `TestBackend` and scripted events.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context;
use ratatui::Terminal;
use ratatui::backend::Backend;
use uuid::Uuid;

use super::controller::Controller;
use super::event::{self, TermEvent};
use crate::clock::Clock;
use crate::paths::DataDirs;
use crate::store::{SaveStatus, signals};
use crate::workflow::Workflow;

/// Run the loop until the app asks to quit or a stop signal arrives.
///
/// # Errors
/// Drawing or reading events failed.
pub fn run_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    c: &mut Controller,
    mut next_event: impl FnMut(Duration) -> std::io::Result<Option<TermEvent>>,
) -> anyhow::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    loop {
        c.draw(terminal)?;
        if c.app.should_quit {
            return Ok(());
        }
        if signals::stop_requested() {
            c.shut_down();
            return Ok(());
        }
        match next_event(Duration::from_millis(250))? {
            Some(ev) => c.handle(ev),
            None => c.tick(Instant::now()),
        }
    }
}

fn crossterm_events(timeout: Duration) -> std::io::Result<Option<TermEvent>> {
    Ok(event::next(timeout)?.and_then(TermEvent::from_crossterm))
}

fn run(mut c: Controller) -> anyhow::Result<ExitCode> {
    signals::install();
    watchdog();
    let mut guard = super::terminal::TerminalGuard::enter().context(
        "music-sef needs a terminal window; for scripts and screen readers use `music-sef plain`",
    )?;
    let result = run_loop(&mut guard.terminal, &mut c, crossterm_events);
    // Also after a closed window: keep what was typed.
    let status = c.shut_down();
    drop(guard);
    result?;
    if let SaveStatus::Failed { reason, .. } = status {
        eprintln!("Your last changes could NOT be saved: {reason}");
        return Ok(ExitCode::from(1));
    }
    if let Some(w) = c.app.workspace() {
        println!(
            "Saved \"{}\". Carry on later with: music-sef open {}",
            w.session.draft.title,
            &w.session.draft.id.to_string()[..8]
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// After a stop signal the loop saves and leaves within a moment. If it cannot (a terminal
/// that no longer answers), save the last snapshot directly, put the terminal back and exit,
/// so a closed window never leaves a program running with unsaved work.
fn watchdog() {
    std::thread::spawn(|| {
        while !signals::stop_requested() {
            std::thread::sleep(Duration::from_millis(200));
        }
        std::thread::sleep(Duration::from_secs(3));
        signals::save_last();
        super::terminal::restore();
        std::process::exit(0);
    });
}

/// Colours unless NO_COLOR is set (https://no-color.org).
fn color() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// `music-sef` with no command: the home screen.
///
/// # Errors
/// No terminal, or drawing failed.
pub fn run_home(dirs: &DataDirs) -> anyhow::Result<ExitCode> {
    run(Controller::new(
        Workflow::new(dirs),
        color(),
        Clock::system(),
    ))
}

/// `music-sef open` / `new`: straight into a draft; closing it leaves the program.
///
/// # Errors
/// The draft cannot be opened, or no terminal.
pub fn run_draft(dirs: &DataDirs, id: Uuid) -> anyhow::Result<ExitCode> {
    run(Controller::for_draft(
        Workflow::new(dirs),
        color(),
        Clock::system(),
        id,
    )?)
}
