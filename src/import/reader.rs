//! Reading an earlier submission safely: a `submission.json`, an export folder, or the zip
//! from an export. From a zip only `submission.json` is read, by name, into memory; nothing
//! is ever extracted to disk, and archives that look hostile are refused.

use std::io::Read;
use std::path::Path;

use crate::export::json::{SUBMISSION_FORMAT, SUBMISSION_FORMAT_VERSION, SubmissionFile};

pub const MAX_JSON_BYTES: u64 = 20 * 1024 * 1024;
pub const MAX_ZIP_BYTES: u64 = 50 * 1024 * 1024;
pub const MAX_ENTRIES: usize = 1_000;
pub const MAX_UNCOMPRESSED: u64 = 50 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{path}: {message}")]
    Refused { path: String, message: String },
    #[error("could not read {path}: {source}")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

fn refused(path: &Path, message: impl Into<String>) -> ImportError {
    ImportError::Refused {
        path: path.display().to_string(),
        message: message.into(),
    }
}

fn read_err(path: &Path, source: std::io::Error) -> ImportError {
    ImportError::Read {
        path: path.display().to_string(),
        source,
    }
}

/// Read the submission in `path`: a folder, a zip or a JSON file.
///
/// # Errors
/// Unreadable, hostile, or not a music-sef submission.
pub fn read(path: &Path) -> Result<SubmissionFile, ImportError> {
    if path.is_dir() {
        return read_json_file(&folder_submission(path));
    }
    let mut head = [0u8; 4];
    let n = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .map_err(|e| read_err(path, e))?;
    if n == 4 && (&head == b"PK\x03\x04" || &head == b"PK\x05\x06") {
        return read_zip(path);
    }
    read_json_file(path)
}

/// A bundle folder's submission: `<base>-submission.json` (or, from before file names carried
/// the school, `submission.json`).
fn folder_submission(dir: &Path) -> std::path::PathBuf {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(is_submission_name)
        })
        .min()
        .unwrap_or_else(|| dir.join("submission.json"))
}

/// Whether a file name is a bundle's submission.json, old name or new.
fn is_submission_name(name: &str) -> bool {
    name == "submission.json" || name.ends_with("-submission.json")
}

fn read_json_file(path: &Path) -> Result<SubmissionFile, ImportError> {
    let f = std::fs::File::open(path).map_err(|e| read_err(path, e))?;
    let len = f.metadata().map_err(|e| read_err(path, e))?.len();
    if len > MAX_JSON_BYTES {
        return Err(refused(
            path,
            "the file is larger than 20 MB, far more than a submission needs; check it is the right file",
        ));
    }
    let mut bytes = Vec::new();
    f.take(MAX_JSON_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| read_err(path, e))?;
    parse(path, &bytes)
}

/// Check and parse submission.json bytes.
///
/// # Errors
/// Not JSON, another format, or a newer version.
pub fn parse(path: &Path, bytes: &[u8]) -> Result<SubmissionFile, ImportError> {
    let value: serde_json::Value = serde_json::from_slice(
        bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes),
    )
    .map_err(|e| {
        refused(
            path,
            format!("this is not a music-sef submission (not valid JSON: {e})"),
        )
    })?;
    let format = value.get("format").and_then(|v| v.as_str()).unwrap_or("");
    if format != SUBMISSION_FORMAT {
        return Err(refused(
            path,
            format!(
                "this is not a music-sef submission (its format is \"{format}\", expected \"{SUBMISSION_FORMAT}\"). Use the submission.json or the .zip that `music-sef export` wrote."
            ),
        ));
    }
    let version = value
        .get("format_version")
        .and_then(serde_json::Value::as_u64)
        .unwrap_or(0);
    if version > u64::from(SUBMISSION_FORMAT_VERSION) {
        return Err(refused(
            path,
            format!(
                "this submission was written by a newer music-sef (format version {version}; this program reads up to {SUBMISSION_FORMAT_VERSION}). Update music-sef to import it."
            ),
        ));
    }
    serde_json::from_value(value)
        .map_err(|e| refused(path, format!("the submission is damaged: {e}")))
}

fn read_zip(path: &Path) -> Result<SubmissionFile, ImportError> {
    let f = std::fs::File::open(path).map_err(|e| read_err(path, e))?;
    if f.metadata().map_err(|e| read_err(path, e))?.len() > MAX_ZIP_BYTES {
        return Err(refused(
            path,
            "the zip is larger than 50 MB; a music-sef bundle is far smaller",
        ));
    }
    let mut archive = zip::ZipArchive::new(std::io::BufReader::new(f))
        .map_err(|e| refused(path, format!("the zip file cannot be read ({e})")))?;
    if archive.len() > MAX_ENTRIES {
        return Err(refused(
            path,
            format!(
                "the zip holds {} files; a music-sef bundle holds a handful, so it was not opened",
                archive.len()
            ),
        ));
    }
    let i = find_submission(path, &mut archive)?;
    let entry = archive
        .by_index(i)
        .map_err(|e| refused(path, format!("the zip file is damaged ({e})")))?;
    let mut bytes = Vec::new();
    // Cap what is actually inflated: the declared size may lie.
    entry
        .take(MAX_JSON_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            refused(
                path,
                format!("submission.json in the zip cannot be read ({e})"),
            )
        })?;
    if bytes.len() as u64 > MAX_JSON_BYTES {
        return Err(refused(
            path,
            "submission.json in the zip unpacks to more than 20 MB, so it was not read",
        ));
    }
    parse(path, &bytes)
}

/// A relative path with no `..`, no root, no drive letter and no backslashes.
fn plain_relative(name: &str) -> bool {
    !name.starts_with('/')
        && !name.contains('\\')
        && name.chars().nth(1).is_none_or(|c| c != ':')
        && name.split('/').all(|part| part != "..")
}

/// Check every entry of the zip (no unsafe paths, links, encryption, or more than the size
/// limit unpacked) and find its one `submission.json`.
fn find_submission<R: std::io::Read + std::io::Seek>(
    path: &Path,
    archive: &mut zip::ZipArchive<R>,
) -> Result<usize, ImportError> {
    let mut declared = 0u64;
    let mut wanted = None;
    for i in 0..archive.len() {
        let entry = archive
            .by_index_raw(i)
            .map_err(|e| refused(path, format!("the zip file is damaged ({e})")))?;
        let name = entry.name().map(|n| n.into_owned()).unwrap_or_default();
        if entry.enclosed_name().is_none() || !plain_relative(&name) {
            return Err(refused(
                path,
                format!(
                    "the zip contains an unsafe path \"{name}\" (absolute or with ..), so it was not opened"
                ),
            ));
        }
        if entry.is_symlink() {
            return Err(refused(
                path,
                format!("the zip contains a link \"{name}\", so it was not opened"),
            ));
        }
        if entry.encrypted() {
            return Err(refused(
                path,
                format!("the zip contains an encrypted file \"{name}\", so it was not opened"),
            ));
        }
        declared = declared.saturating_add(entry.size());
        if declared > MAX_UNCOMPRESSED {
            return Err(refused(
                path,
                "the zip would unpack to more than 50 MB, so it was not opened",
            ));
        }
        if is_submission_name(name.rsplit('/').next().unwrap_or(&name)) {
            // Two candidates would make the choice silent and arbitrary.
            if wanted.is_some() {
                return Err(refused(
                    path,
                    "the zip holds more than one submission.json, so it is unclear which to use; import the submission.json you mean directly",
                ));
            }
            wanted = Some(i);
        }
    }
    let Some(i) = wanted else {
        return Err(refused(
            path,
            "the zip has no submission.json: use the .zip that `music-sef export` wrote",
        ));
    };
    Ok(i)
}
