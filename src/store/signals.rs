//! Saving when the program is told to stop (SIGTERM, SIGHUP, a closed window) or panics.
//! The UI keeps the latest draft in a process-wide slot; the signal flag is polled by the
//! event loop, and the panic hook writes the slot directly with the same crash-safe save.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, OnceLock};

use super::Store;
use crate::draft::Draft;

static STOP: AtomicBool = AtomicBool::new(false);
static LAST: Mutex<Option<(Store, Draft)>> = Mutex::new(None);
static INSTALLED: OnceLock<()> = OnceLock::new();

/// Install the SIGTERM/SIGHUP/SIGINT handler and the panic save, once per process.
pub fn install() {
    INSTALLED.get_or_init(|| {
        let _ = ctrlc::set_handler(|| STOP.store(true, Ordering::SeqCst));
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            save_last();
            previous(info);
        }));
    });
}

/// True once a stop signal has arrived.
pub fn stop_requested() -> bool {
    STOP.load(Ordering::SeqCst)
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

/// Write the remembered draft now, synchronously. Used from the panic hook.
pub fn save_last() {
    if let Ok(slot) = LAST.try_lock()
        && let Some((store, draft)) = slot.as_ref()
    {
        let _ = store.save(draft);
    }
}
