//! `draft.lock`: one program at a time may change a draft. The OS drops the lock when the
//! holder dies, so a crash never leaves a stale lock.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;

use chrono::{DateTime, Local};
use serde::{Deserialize, Serialize};

/// Held for as long as the draft is open; dropping it releases the lock.
#[derive(Debug)]
pub struct DraftLock {
    _file: File,
}

/// Who holds a lock, as written inside `draft.lock`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct LockHolder {
    pub pid: u32,
    pub host: String,
    pub since: Option<DateTime<Local>>,
}

impl LockHolder {
    /// Who holds it, for a sentence: "another music-sef window (program 123 on LAPTOP
    /// since 24 Nov 2026 14:02)".
    pub fn who(&self) -> String {
        let since = self
            .since
            .map(|t| format!(" since {}", t.format("%-d %b %Y %H:%M")))
            .unwrap_or_default();
        format!(
            "another music-sef window (program {} on {}{since})",
            self.pid, self.host
        )
    }

    /// A sentence for the teacher opening a draft that is in use.
    pub fn describe(&self) -> String {
        format!(
            "This draft is open in {}. It opens read-only here so the two cannot overwrite each other; close the other window to change it.",
            self.who()
        )
    }
}

impl DraftLock {
    /// Take the lock of the draft in `dir`.
    ///
    /// # Errors
    /// Another process holds it: who, as far as known.
    pub fn acquire(dir: &Path) -> Result<Self, LockHolder> {
        let path = dir.join("draft.lock");
        let mut file = match OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
        {
            Ok(f) => f,
            Err(_) => return Err(LockHolder::default()),
        };
        if file.try_lock().is_err() {
            let mut text = String::new();
            let _ = file.read_to_string(&mut text);
            return Err(serde_json::from_str(&text).unwrap_or_default());
        }
        let me = LockHolder {
            pid: std::process::id(),
            host: gethostname::gethostname().to_string_lossy().into_owned(),
            since: Some(Local::now()),
        };
        if let Ok(json) = serde_json::to_vec(&me) {
            let _ = file.set_len(0);
            let _ = file.seek(SeekFrom::Start(0));
            let _ = file.write_all(&json);
        }
        Ok(Self { _file: file })
    }
}
