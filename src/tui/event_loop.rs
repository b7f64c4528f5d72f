//! Running the full-screen view: wait for events (sleeping until one comes, or until typed
//! text is due to be saved), hand them to the controller, draw only when something changed,
//! and on a stop signal or a closed window save and leave. Generic over the backend and the
//! event source, so tests drive it with `TestBackend` and scripted events.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context;
use ratatui::Terminal;
use ratatui::backend::Backend;
use uuid::Uuid;

use super::controller::{Controller, Finish};
use super::event::{self, TermEvent};
use crate::clock::Clock;
use crate::paths::DataDirs;
use crate::store::signals;
use crate::workflow::{Workflow, WorkflowError};

/// Run the loop until the app asks to quit or a stop signal arrives. `next_events` waits up
/// to the timeout it is given (None: with no limit) and returns what arrived, perhaps
/// nothing.
///
/// # Errors
/// Drawing or reading events failed.
pub fn run_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    c: &mut Controller,
    mut next_events: impl FnMut(Option<Duration>) -> std::io::Result<Vec<TermEvent>>,
) -> anyhow::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    let mut changed = true;
    loop {
        if changed {
            c.draw(terminal)?;
        }
        if c.app.should_quit {
            return Ok(());
        }
        if signals::stop_requested() {
            c.shut_down();
            return Ok(());
        }
        let events = next_events(c.next_timer(Instant::now()))?;
        changed = !events.is_empty();
        c.handle_batch(events, Instant::now());
        changed |= c.tick(Instant::now());
    }
}

/// `make` builds the controller once the waker exists, so a draft it opens gets a writer
/// that wakes the loop when a save finishes.
fn run(
    make: impl FnOnce(Option<event::Waker>) -> Result<Controller, WorkflowError>,
) -> anyhow::Result<ExitCode> {
    signals::install();
    let waker = event::waker();
    signals::on_stop(waker.clone());
    let mut c = make(Some(waker))?;
    watchdog();
    let mut guard = super::terminal::TerminalGuard::enter().context(
        "music-sef needs a terminal window; for scripts and screen readers use `music-sef plain`",
    )?;
    let result = run_loop(&mut guard.terminal, &mut c, event::next_batch);
    // Also after a closed window: keep what was typed (in a recovery copy if need be).
    let finish = c.finish();
    signals::finished();
    drop(guard);
    result?;
    Ok(report(&finish))
}

/// Say how the session ended, once the screen is back to normal.
fn report(finish: &Finish) -> ExitCode {
    match finish {
        Finish::Nothing => ExitCode::SUCCESS,
        Finish::Saved { title, short_id } => {
            crate::outln!("Saved \"{title}\". Carry on later with: music-sef open {short_id}");
            ExitCode::SUCCESS
        }
        Finish::ReadOnly { title } => {
            crate::outln!("\"{title}\" was open read-only, so nothing in it was changed.");
            ExitCode::SUCCESS
        }
        Finish::Rescued {
            reason,
            copy,
            draft_file,
        } => {
            crate::errln!(
                "Your last changes could not be saved in the data folder ({reason}).\nNothing is lost: all your answers are in a recovery copy:\n  {}\nTo put it back, once there is room again, copy it over:\n  {}",
                copy.display(),
                draft_file.display()
            );
            ExitCode::from(1)
        }
        Finish::NotSaved { reason, detail } => {
            crate::errln!("Your last changes could NOT be saved ({reason}): {detail}.");
            ExitCode::from(1)
        }
    }
}

/// After a stop signal the loop saves and leaves within a moment. If it cannot (a terminal
/// that no longer answers), save the last snapshot directly (or a recovery copy), put the
/// terminal back and exit, so a closed window never leaves a program running with unsaved
/// work. The thread sleeps until a stop is requested: it never wakes the program otherwise.
fn watchdog() {
    std::thread::spawn(|| {
        signals::wait_for_stop();
        if signals::wait_finished(Duration::from_secs(4)) {
            return;
        }
        let rescued = signals::save_last();
        super::terminal::restore();
        if let Some(path) = &rescued {
            crate::errln!(
                "Your last changes could not be saved in the data folder; they are in a recovery copy: {}",
                path.display()
            );
        }
        std::process::exit(i32::from(rescued.is_some()));
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
    run(|waker| {
        let mut c = Controller::new(Workflow::new(dirs), color(), Clock::system());
        if let Some(w) = waker {
            c.set_waker(w);
        }
        Ok(c)
    })
}

/// `music-sef open` / `new`: straight into a draft; closing it leaves the program.
///
/// # Errors
/// The draft cannot be opened, or no terminal.
pub fn run_draft(dirs: &DataDirs, id: Uuid) -> anyhow::Result<ExitCode> {
    run(|waker| Controller::for_draft(Workflow::new(dirs), color(), Clock::system(), id, waker))
}
