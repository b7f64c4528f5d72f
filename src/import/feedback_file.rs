//! Reading a feedback file safely: capped in size, a byte-order mark allowed, the format
//! checked; a file from a newer program is read as far as this one understands it and marked
//! read-only, never refused outright (the school still sees its priorities).

use std::path::{Path, PathBuf};

use crate::feedback::{FEEDBACK_FORMAT, FEEDBACK_FORMAT_VERSION, FeedbackFile};

/// Far more than any feedback.json: a hostile file cannot tie the program up.
pub const MAX_BYTES: u64 = 2 * 1024 * 1024;

/// A feedback file as read.
#[derive(Debug, Clone)]
pub struct Read {
    pub file: FeedbackFile,
    pub path: PathBuf,
    /// The file's id: SHA-256 of its JSON with keys sorted (as submissions are named).
    pub id: String,
    /// Its format version when it is newer than this program's: shown, kept read-only.
    pub newer: Option<u32>,
}

#[derive(Debug, thiserror::Error)]
#[error("{}: {message}", path.display())]
pub struct FeedbackError {
    pub path: PathBuf,
    pub message: String,
}

fn refused(path: &Path, message: impl Into<String>) -> FeedbackError {
    FeedbackError {
        path: path.to_path_buf(),
        message: message.into(),
    }
}

/// The feedback file named by `path`: the file itself, or the one inside a feedback folder.
pub fn locate(path: &Path) -> PathBuf {
    if !path.is_dir() {
        return path.to_path_buf();
    }
    std::fs::read_dir(path)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n == "feedback.json" || n.ends_with("-feedback.json"))
        })
        .min()
        .unwrap_or_else(|| path.join("feedback.json"))
}

/// Whether `path` (a file or a feedback folder) holds a music-sef feedback file, judged by
/// its `format` alone, so the import key can tell feedback from last year's bundle.
pub fn is_feedback(path: &Path) -> bool {
    let file = locate(path);
    let Ok(bytes) = super::reader::read_capped(&file, MAX_BYTES, "feedback") else {
        return false;
    };
    serde_json::from_slice::<serde_json::Value>(strip_bom(&bytes))
        .ok()
        .and_then(|v| v.get("format").and_then(|f| f.as_str()).map(str::to_string))
        .is_some_and(|f| f == FEEDBACK_FORMAT)
}

fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes)
}

/// Read and check the feedback file at `path` (or in the folder `path`).
///
/// # Errors
/// Unreadable, too large, not JSON, another format, or damaged.
pub fn read(path: &Path) -> Result<Read, FeedbackError> {
    let file = locate(path);
    let bytes = super::reader::read_capped(&file, MAX_BYTES, "a feedback file")
        .map_err(|e| refused(&file, plain(&e.to_string(), &file)))?;
    parse(&file, &bytes)
}

/// The reason alone, without the path the caller names anyway.
fn plain(full: &str, path: &Path) -> String {
    let prefix = format!("{}: ", path.display());
    full.strip_prefix(&prefix).unwrap_or(full).to_string()
}

/// Check and parse feedback bytes; `path` names them in messages.
///
/// # Errors
/// Not JSON, another format, or damaged.
pub fn parse(path: &Path, bytes: &[u8]) -> Result<Read, FeedbackError> {
    let (value, version) = super::reader::json_of_format(
        bytes,
        FEEDBACK_FORMAT,
        "a music-sef feedback file",
        "Use the feedback.json your music hub sent.",
    )
    .map_err(|why| refused(path, why))?;
    let version = u32::try_from(version).unwrap_or(u32::MAX);
    let newer = (version > FEEDBACK_FORMAT_VERSION).then_some(version);
    let id = crate::export::json::identity(bytes);
    let file: FeedbackFile = serde_json::from_value(value).map_err(|e| {
        let why = match newer {
            Some(v) => format!(
                "this feedback was written by a newer music-sef (format version {v}; this program reads up to {FEEDBACK_FORMAT_VERSION}) and cannot be read here. Update music-sef to read it."
            ),
            None => format!("the feedback file is damaged ({e}); ask your music hub to send it again"),
        };
        refused(path, why)
    })?;
    Ok(Read {
        file,
        path: path.to_path_buf(),
        id,
        newer,
    })
}
