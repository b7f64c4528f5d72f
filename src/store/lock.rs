//! `draft.lock`: one program at a time may change a draft. The OS drops the lock when the
//! holder dies, so a crash never leaves a stale lock. Who holds it is written beside it, in
//! `draft.holder`, because Windows forbids reading a file another program has locked.

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Local};
use serde::{Deserialize, Serialize};

use super::StoreError;

const LOCK: &str = "draft.lock";
const HOLDER: &str = "draft.holder";

/// Held for as long as the draft is open; dropping it releases the lock.
#[derive(Debug)]
pub struct DraftLock {
    _file: File,
    dir: PathBuf,
}

/// Who holds a lock, as written in `draft.holder`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct LockHolder {
    pub pid: u32,
    pub host: String,
    pub since: Option<DateTime<Local>>,
}

/// Why the lock could not be taken.
#[derive(Debug)]
pub enum LockError {
    /// Another program has the draft open.
    Held(LockHolder),
    /// The draft's folder cannot be written (read-only, no permission): nothing could be
    /// saved there, whoever held it.
    Unwritable { dir: PathBuf, reason: String },
}

impl LockHolder {
    /// Who holds it, for a sentence: "another music-sef window (program 123 on LAPTOP
    /// since 24 Nov 2026 14:02)".
    pub fn who(&self) -> String {
        if self.pid == 0 {
            return "another music-sef window".to_string();
        }
        let since = self
            .since
            .map(|t| format!(" since {}", t.format("%-d %b %Y %H:%M")))
            .unwrap_or_default();
        let host = if self.host.is_empty() {
            String::new()
        } else {
            format!(" on {}", self.host)
        };
        format!(
            "another music-sef window (program {}{host}{since})",
            self.pid
        )
    }
}

impl LockError {
    /// A sentence for the teacher opening the draft, which opens read-only.
    pub fn describe(&self) -> String {
        match self {
            Self::Held(h) => format!(
                "This draft is open in {}. It opens read-only here so the two cannot overwrite each other; close the other window to change it.",
                h.who()
            ),
            Self::Unwritable { dir, reason } => format!(
                "music-sef cannot write in this draft's folder ({}): {reason}. It opens read-only, because nothing you changed could be saved. Make the data folder writable (music-sef --version shows where it is), or set MUSIC_SEF_DATA_DIR to a folder you can write to.",
                dir.display()
            ),
        }
    }

    /// A sentence refusing a change (delete, rename, restore, copy) that needs the lock.
    pub fn refusal(&self) -> String {
        match self {
            Self::Held(h) => format!(
                "This draft is open in {}; close it there first, then try again.",
                h.who()
            ),
            Self::Unwritable { dir, reason } => format!(
                "music-sef cannot write in this draft's folder ({}): {reason}.",
                dir.display()
            ),
        }
    }
}

impl DraftLock {
    /// Take the lock of the draft in `dir`.
    ///
    /// # Errors
    /// Another process holds it (who, as far as known), or the folder cannot be written.
    pub fn acquire(dir: &Path) -> Result<Self, LockError> {
        let path = dir.join(LOCK);
        let unwritable = |e: std::io::Error| LockError::Unwritable {
            dir: dir.to_path_buf(),
            reason: StoreError::io("open", &path, e).reason(),
        };
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(unwritable)?;
        if file.try_lock().is_err() {
            return Err(LockError::Held(read_holder(dir)));
        }
        let me = LockHolder {
            pid: std::process::id(),
            host: gethostname::gethostname().to_string_lossy().into_owned(),
            since: Some(Local::now()),
        };
        // Writing who we are is also the test that the folder takes new files: a lock file
        // left writable in a read-only folder must not hide that saving will fail.
        write_holder(dir, &me).map_err(unwritable)?;
        Ok(Self {
            _file: file,
            dir: dir.to_path_buf(),
        })
    }

    /// Delete the draft's folder while holding its lock, so nobody opens it half-deleted:
    /// everything but the lock goes first, then the lock is let go and the folder removed.
    ///
    /// # Errors
    /// A file or the folder could not be removed.
    pub fn delete_folder(self) -> std::io::Result<()> {
        let dir = self.dir.clone();
        for entry in std::fs::read_dir(&dir)?.filter_map(Result::ok) {
            if entry.file_name() == LOCK {
                continue;
            }
            let path = entry.path();
            if entry.file_type()?.is_dir() {
                std::fs::remove_dir_all(&path)?;
            } else {
                std::fs::remove_file(&path)?;
            }
        }
        drop(self);
        std::fs::remove_dir_all(&dir)
    }
}

impl Drop for DraftLock {
    fn drop(&mut self) {
        // Before the lock itself goes (the file closes after this), so a holder file is
        // never one a new holder has just written.
        let _ = std::fs::remove_file(self.dir.join(HOLDER));
    }
}

/// Who holds the lock of the draft in `dir`, as far as known.
pub fn read_holder(dir: &Path) -> LockHolder {
    std::fs::read(dir.join(HOLDER))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default()
}

/// Write `draft.holder` whole (temporary file, then rename) so a reader never sees half of
/// it. Not flushed to disk: after a power cut there is no holder to name anyway.
fn write_holder(dir: &Path, me: &LockHolder) -> std::io::Result<()> {
    super::atomic::fault(&dir.join(HOLDER), super::atomic::Step::Create)?;
    let json = serde_json::to_vec(me).map_err(std::io::Error::other)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".holder.")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    std::io::Write::write_all(&mut tmp, &json)?;
    tmp.persist(dir.join(HOLDER)).map_err(|e| e.error)?;
    Ok(())
}
