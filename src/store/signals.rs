//! Saving when the program is told to stop (SIGTERM, SIGHUP, a closed window) or panics.
//! A stop request sets a flag and wakes the event loop (through the waker it registers), which
//! keeps what was typed, saves, and says when it has finished. The UI also keeps the latest
//! draft in a process-wide slot, which the panic hook, the watchdog and the Windows console
//! handler write directly — or, when that save fails, as a recovery copy.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, OnceLock};
use std::time::{Duration, Instant};

use super::{Store, rescue};
use crate::draft::Draft;

/// Something that wakes the event loop from another thread.
pub type Waker = Arc<dyn Fn() + Send + Sync>;

static STOP: AtomicBool = AtomicBool::new(false);
/// Set once the loop has saved after a stop request (or gave up and wrote a recovery copy).
static FINISHED: Mutex<bool> = Mutex::new(false);
/// Told whenever STOP or FINISHED changes, so waiting threads sleep instead of polling.
static CHANGED: Condvar = Condvar::new();
static LAST: Mutex<Option<(Store, Draft)>> = Mutex::new(None);
static WAKER: Mutex<Option<Waker>> = Mutex::new(None);
static INSTALLED: OnceLock<()> = OnceLock::new();

/// Install the SIGTERM/SIGHUP/SIGINT handler (on Windows the console's close, log-off and
/// shut-down events too) and the panic save, once per process.
pub fn install() {
    INSTALLED.get_or_init(|| {
        let _ = ctrlc::set_handler(request_stop);
        #[cfg(windows)]
        console::install();
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            save_last();
            previous(info);
        }));
    });
}

/// Ask the program to save and stop, and wake the event loop so it does so at once.
pub fn request_stop() {
    STOP.store(true, Ordering::SeqCst);
    if let Ok(_g) = FINISHED.lock() {
        CHANGED.notify_all();
    }
    let waker = WAKER.lock().ok().and_then(|w| w.clone());
    if let Some(wake) = waker {
        wake();
    }
}

/// True once a stop signal has arrived.
pub fn stop_requested() -> bool {
    STOP.load(Ordering::SeqCst)
}

/// The event loop's waker, called when a stop is requested.
pub fn on_stop(waker: Waker) {
    if let Ok(mut w) = WAKER.lock() {
        *w = Some(waker);
    }
}

/// Block until a stop is requested (the watchdog's wait: no polling).
pub fn wait_for_stop() {
    let Ok(mut guard) = FINISHED.lock() else {
        return;
    };
    while !stop_requested() {
        match CHANGED.wait(guard) {
            Ok(g) => guard = g,
            Err(_) => return,
        }
    }
}

/// The loop has saved (or kept a recovery copy) and is leaving.
pub fn finished() {
    if let Ok(mut f) = FINISHED.lock() {
        *f = true;
        CHANGED.notify_all();
    }
}

/// Wait up to `timeout` for [`finished`]; true if it came.
pub fn wait_finished(timeout: Duration) -> bool {
    let deadline = Instant::now() + timeout;
    let Ok(mut done) = FINISHED.lock() else {
        return false;
    };
    while !*done {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return false;
        }
        match CHANGED.wait_timeout(done, left) {
            Ok((g, _)) => done = g,
            Err(_) => return false,
        }
    }
    true
}

/// Remember the newest state of the open draft for the last-resort save.
pub fn remember(store: &Store, draft: &Draft) {
    // Wait for the slot rather than skip: a skipped update could leave an older snapshot for
    // the last-resort save. (Only `save_last`, from the panic path, must never wait.)
    if let Ok(mut slot) = LAST.lock() {
        *slot = Some((store.clone(), draft.clone()));
    }
}

/// Forget the draft (it was closed and saved normally).
pub fn forget() {
    if let Ok(mut slot) = LAST.lock() {
        *slot = None;
    }
}

/// Write the remembered draft now, synchronously; if it cannot be saved in its place, write a
/// recovery copy and return where. Used from the panic hook, the watchdog and the Windows
/// console handler.
pub fn save_last() -> Option<PathBuf> {
    let slot = LAST.try_lock().ok()?;
    let (store, draft) = slot.as_ref()?;
    if store.save(draft).is_ok() {
        return None;
    }
    rescue::write_copy(draft, &rescue::places(store), chrono::Local::now()).ok()
}

/// Windows ends a console program as soon as its handler returns from a close, log-off or
/// shut-down event (and at the latest about five seconds after a close), so the handler
/// wakes the loop and waits for it to save before returning.
#[cfg(windows)]
mod console {
    use std::time::Duration;

    use windows_sys::Win32::System::Console::{
        CTRL_CLOSE_EVENT, CTRL_LOGOFF_EVENT, CTRL_SHUTDOWN_EVENT, SetConsoleCtrlHandler,
    };
    use windows_sys::core::BOOL;

    /// Within the five seconds Windows allows, leaving time for the last-resort save.
    const WAIT: Duration = Duration::from_millis(3500);

    pub fn install() {
        // SAFETY: `handler` is a plain function that lives as long as the program.
        unsafe {
            SetConsoleCtrlHandler(Some(handler), 1);
        }
    }

    unsafe extern "system" fn handler(kind: u32) -> BOOL {
        super::request_stop();
        if matches!(
            kind,
            CTRL_CLOSE_EVENT | CTRL_LOGOFF_EVENT | CTRL_SHUTDOWN_EVENT
        ) && !super::wait_finished(WAIT)
        {
            super::save_last();
        }
        // Handled: Ctrl-C and Ctrl-Break stop through the loop, which saves first.
        1
    }
}
