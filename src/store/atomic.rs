//! The one crash-safe write: temp file in the same folder, fsync, rename, fsync the folder.
//! Each step can be made to fail on purpose (`inject_fault`), so tests prove that a failure
//! at any step leaves the old file intact and is reported.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::StoreError;

/// A step of a save, for fault injection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Step {
    Create = 1,
    Write = 2,
    Sync = 3,
    Rename = 4,
    SyncDir = 5,
    /// The disk is full while writing.
    NoSpace = 6,
    /// The folder is read-only: nothing can be created in it (drafts, the lock's holder).
    ReadOnly = 7,
}

static FAULTS: Mutex<Vec<(PathBuf, Step)>> = Mutex::new(Vec::new());

/// Make every following save under `dir` fail at `step` (None: work normally again).
/// For tests of what the teacher sees when saving fails.
#[doc(hidden)]
pub fn inject_fault(dir: &Path, step: Option<Step>) {
    if let Ok(mut f) = FAULTS.lock() {
        f.retain(|(d, _)| d != dir);
        if let Some(s) = step {
            f.push((dir.to_path_buf(), s));
        }
    }
}

/// The injected failure, if any, for `step` of writing `path` (also used where files are
/// made without this module's write, such as the lock's holder).
pub(crate) fn fault(path: &Path, step: Step) -> std::io::Result<()> {
    let set = FAULTS
        .lock()
        .ok()
        .and_then(|f| f.iter().find(|(d, _)| path.starts_with(d)).map(|(_, s)| *s));
    match set {
        Some(s) if s == step => Err(std::io::Error::other(format!(
            "simulated failure at {step:?}"
        ))),
        Some(Step::NoSpace) if step == Step::Write => Err(std::io::Error::from_raw_os_error(28)),
        Some(Step::ReadOnly) if step == Step::Create => Err(std::io::Error::from_raw_os_error(30)),
        _ => Ok(()),
    }
}

/// Replace `path` with `bytes` so that a crash at any moment leaves either the old or the
/// new content, never a mix.
///
/// # Errors
/// Any step failing; the old file is left untouched and the temp file removed.
pub fn write(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    write_with(path, |f| f.write_all(bytes))
}

/// As [`write`], with the content written by `fill` straight into the temporary file, so a
/// large file (a bundle's zip) is never held whole in memory.
///
/// # Errors
/// As [`write`].
pub fn write_with(
    path: &Path,
    fill: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> Result<(), StoreError> {
    let dir = path.parent().unwrap_or_else(|| Path::new("."));
    let mut tmp = fault(path, Step::Create)
        .and_then(|()| {
            tempfile::Builder::new()
                .prefix(".draft.")
                .suffix(".tmp")
                .tempfile_in(dir)
        })
        .map_err(|e| StoreError::io("create a temporary file in", dir, e))?;
    fault(path, Step::Write)
        .and_then(|()| fill(tmp.as_file_mut()))
        .map_err(|e| StoreError::io("write", tmp.path(), e))?;
    fault(path, Step::Sync)
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| StoreError::io("flush to disk", tmp.path(), e))?;
    fault(path, Step::Rename).map_err(|e| StoreError::io("replace", path, e))?;
    tmp.persist(path)
        .map_err(|e| StoreError::io("replace", path, e.error))?;
    fault(path, Step::SyncDir).map_err(|e| StoreError::io("flush the folder", dir, e))?;
    sync_dir(dir)
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> Result<(), StoreError> {
    std::fs::File::open(dir)
        .and_then(|f| f.sync_all())
        .map_err(|e| StoreError::io("flush the folder", dir, e))
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> Result<(), StoreError> {
    Ok(())
}
