//! The recovery copy: when a draft cannot be saved where it belongs (the disk is full, the
//! folder became read-only), the whole draft is written somewhere else that takes it — the
//! data folder's `recovery/`, then Documents, the home folder, the temporary folder — and the
//! teacher is told where. It is an ordinary draft file, so nothing typed is lost.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Local};

use super::{Store, atomic};
use crate::draft::Draft;

/// Where a recovery copy may go, best first. Later places are on other disks more often.
pub fn places(store: &Store) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Some(root) = store.dir().parent() {
        out.push(root.join("recovery"));
    }
    if let Some(user) = directories::UserDirs::new() {
        if let Some(docs) = user.document_dir() {
            out.push(docs.to_path_buf());
        }
        out.push(user.home_dir().to_path_buf());
    }
    out.push(std::env::temp_dir());
    out
}

/// The file name of a recovery copy: which draft, and when.
pub fn file_name(draft: &Draft, now: DateTime<Local>) -> String {
    format!(
        "music-sef-recovery-{}-{}.json",
        &draft.id.to_string()[..8],
        now.format("%Y%m%d-%H%M%S")
    )
}

/// Write the whole draft to the first of `places` that takes it; the path written.
///
/// # Errors
/// No place took it: each place and why, in words for the teacher.
pub fn write_copy(
    draft: &Draft,
    places: &[PathBuf],
    now: DateTime<Local>,
) -> Result<PathBuf, String> {
    let json = serde_json::to_vec_pretty(draft).map_err(|e| e.to_string())?;
    let name = file_name(draft, now);
    let mut refused = Vec::new();
    for dir in places {
        match write_in(dir, &name, &json) {
            Ok(path) => return Ok(path),
            Err(reason) => refused.push(format!("{}: {reason}", dir.display())),
        }
    }
    Err(format!(
        "no recovery copy could be written ({})",
        refused.join("; ")
    ))
}

fn write_in(dir: &Path, name: &str, json: &[u8]) -> Result<PathBuf, String> {
    std::fs::create_dir_all(dir).map_err(|e| super::StoreError::io("create", dir, e).reason())?;
    let path = dir.join(name);
    atomic::write(&path, json).map_err(|e| e.reason())?;
    Ok(path)
}
