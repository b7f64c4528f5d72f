//! A background writer so saving never makes typing wait: the UI hands over the latest
//! draft; the writer saves the newest one it has, reports how it went and wakes the event
//! loop (so the status shown changes without the loop polling for it).

use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use chrono::{DateTime, Local};

use super::Store;
use super::signals::Waker;
use crate::clock::Clock;
use crate::draft::Draft;

/// The state shown on screen: "Saved 14:02:31" or a NOT SAVED warning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveStatus {
    /// Nothing changed since the draft was opened.
    Unchanged,
    /// A change is waiting to be written.
    Pending,
    Saved(DateTime<Local>),
    /// The last attempt failed; the writer keeps retrying. The answers are still in memory.
    Failed {
        reason: String,
        since: DateTime<Local>,
    },
}

enum Msg {
    Save(Box<Draft>),
    Stop,
}

struct Shared {
    status: SaveStatus,
    /// Increments on every finished attempt, so `flush` can wait for the latest one.
    done: u64,
    submitted: u64,
}

pub struct Autosaver {
    tx: Sender<Msg>,
    shared: Arc<Mutex<Shared>>,
    handle: Option<JoinHandle<()>>,
}

/// How often a failed save is retried.
const RETRY: Duration = Duration::from_secs(3);

impl Autosaver {
    /// Start the writer; `clock` stamps "Saved 14:02:31".
    pub fn spawn(store: Store, clock: Clock) -> Self {
        Self::spawn_with(store, clock, None)
    }

    /// Start the writer, calling `notify` after every attempt to save.
    pub fn spawn_with(store: Store, clock: Clock, notify: Option<Waker>) -> Self {
        let (tx, rx) = mpsc::channel();
        let shared = Arc::new(Mutex::new(Shared {
            status: SaveStatus::Unchanged,
            done: 0,
            submitted: 0,
        }));
        let s2 = Arc::clone(&shared);
        let handle = std::thread::spawn(move || writer(&store, &rx, &s2, clock, notify.as_ref()));
        Self {
            tx,
            shared,
            handle: Some(handle),
        }
    }

    /// Queue the draft for saving. Cheap: the UI never waits for the disk.
    pub fn submit(&self, draft: &Draft) {
        if let Ok(mut s) = self.shared.lock() {
            s.submitted += 1;
            if !matches!(s.status, SaveStatus::Failed { .. }) {
                s.status = SaveStatus::Pending;
            }
        }
        let _ = self.tx.send(Msg::Save(Box::new(draft.clone())));
    }

    pub fn status(&self) -> SaveStatus {
        self.shared
            .lock()
            .map_or(SaveStatus::Pending, |s| s.status.clone())
    }

    /// Wait up to `timeout` for everything submitted so far to be written; returns the
    /// status then.
    pub fn flush(&self, timeout: Duration) -> SaveStatus {
        let start = Instant::now();
        loop {
            if let Ok(s) = self.shared.lock()
                && s.done >= s.submitted
            {
                return s.status.clone();
            }
            if start.elapsed() >= timeout {
                return self.status();
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }
}

impl Drop for Autosaver {
    fn drop(&mut self) {
        let _ = self.tx.send(Msg::Stop);
        if let Some(h) = self.handle.take() {
            let _ = h.join();
        }
    }
}

fn writer(
    store: &Store,
    rx: &Receiver<Msg>,
    shared: &Mutex<Shared>,
    clock: Clock,
    notify: Option<&Waker>,
) {
    let mut pending: Option<Box<Draft>> = None;
    let mut received: u64 = 0;
    loop {
        // Sleep until a draft comes; while a failed one waits, wake to retry it.
        let msg = if pending.is_some() {
            match rx.recv_timeout(RETRY) {
                Ok(m) => Some(m),
                Err(mpsc::RecvTimeoutError::Timeout) => None,
                Err(mpsc::RecvTimeoutError::Disconnected) => Some(Msg::Stop),
            }
        } else {
            match rx.recv() {
                Ok(m) => Some(m),
                Err(_) => return,
            }
        };
        let mut stop = false;
        // Take only the newest snapshot queued so far.
        for m in msg
            .into_iter()
            .chain(std::iter::from_fn(|| rx.try_recv().ok()))
        {
            match m {
                Msg::Save(d) => {
                    received += 1;
                    pending = Some(d);
                }
                Msg::Stop => stop = true,
            }
        }
        if let Some(d) = pending.take() {
            if !attempt(store, &d, shared, clock, received) {
                pending = Some(d);
            }
            if let Some(wake) = notify {
                wake();
            }
        }
        if stop {
            return;
        }
    }
}

/// Save `d` and record how it went; false when it failed (and must be retried).
fn attempt(store: &Store, d: &Draft, shared: &Mutex<Shared>, clock: Clock, received: u64) -> bool {
    let result = store.save(d);
    let Ok(mut s) = shared.lock() else {
        return result.is_ok();
    };
    s.done = received;
    match result {
        Ok(()) => {
            s.status = SaveStatus::Saved(clock.local());
            true
        }
        Err(e) => {
            let since = match &s.status {
                SaveStatus::Failed { since, .. } => *since,
                _ => clock.local(),
            };
            s.status = SaveStatus::Failed {
                reason: e.reason(),
                since,
            };
            false
        }
    }
}
