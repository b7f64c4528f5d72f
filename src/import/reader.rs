//! Reading an earlier submission safely: a `submission.json`, an export folder, or the zip
//! from an export. From a zip only named entries are read (`submission.json`, and for the
//! hub the files it lists), into memory and capped; nothing is ever extracted to disk, and
//! archives that look hostile are refused. Import and the hub's intake share these checks.

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
    let bytes = read_capped(path, MAX_JSON_BYTES, "a submission")?;
    parse(path, &bytes)
}

/// JSON bytes (a byte-order mark allowed) whose `format` is `format`, with their
/// `format_version` (0 when missing); else why not, naming `what` they should be and `hint`.
///
/// # Errors
/// Not JSON, or another format.
pub fn json_of_format(
    bytes: &[u8],
    format: &str,
    what: &str,
    hint: &str,
) -> Result<(serde_json::Value, u64), String> {
    let value: serde_json::Value =
        serde_json::from_slice(bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes))
            .map_err(|e| format!("this is not {what} (not valid JSON: {e})"))?;
    let found = value.get("format").and_then(|v| v.as_str()).unwrap_or("");
    if found != format {
        return Err(format!(
            "this is not {what} (its format is \"{found}\", expected \"{format}\"). {hint}"
        ));
    }
    let version = value
        .get("format_version")
        .and_then(serde_json::Value::as_u64)
        .unwrap_or(0);
    Ok((value, version))
}

/// Check and parse submission.json bytes.
///
/// # Errors
/// Not JSON, another format, or a newer version.
pub fn parse(path: &Path, bytes: &[u8]) -> Result<SubmissionFile, ImportError> {
    let (value, version) = json_of_format(
        bytes,
        SUBMISSION_FORMAT,
        "a music-sef submission",
        "Use the submission.json or the .zip that `music-sef export` wrote.",
    )
    .map_err(|why| refused(path, why))?;
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
    let mut zip = SafeZip::open(path, std::io::BufReader::new(f))?;
    let bytes = zip.submission_bytes()?;
    parse(path, &bytes)
}

/// A zip whose directory passed every check (entry count, declared sizes, paths, links,
/// encryption) and that holds exactly one `submission.json`. Entries are only ever read
/// into memory, each capped, never extracted to disk. The hub's intake reads bundles
/// through this too, so both sides share one set of defences.
pub struct SafeZip<R: Read + std::io::Seek> {
    path: std::path::PathBuf,
    archive: zip::ZipArchive<R>,
    submission: usize,
    /// The folder inside the zip that holds `submission.json` ("" or "name/").
    folder: String,
}

impl<R: Read + std::io::Seek> SafeZip<R> {
    /// Check the archive's directory; `path` is only used in messages.
    ///
    /// # Errors
    /// Not a zip, damaged, hostile, or without exactly one submission.json.
    pub fn open(path: &Path, reader: R) -> Result<Self, ImportError> {
        let mut archive = zip::ZipArchive::new(reader)
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
        let mut declared = 0u64;
        let mut wanted: Option<(usize, String)> = None;
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
            let (dir, file) = name
                .rsplit_once('/')
                .map_or(("", name.as_str()), |(d, f)| (d, f));
            if is_submission_name(file) {
                // Two candidates would make the choice silent and arbitrary.
                if wanted.is_some() {
                    return Err(refused(
                        path,
                        "the zip holds more than one submission.json, so it is unclear which to use; import the submission.json you mean directly",
                    ));
                }
                let folder = if dir.is_empty() {
                    String::new()
                } else {
                    format!("{dir}/")
                };
                wanted = Some((i, folder));
            }
        }
        let Some((submission, folder)) = wanted else {
            return Err(refused(
                path,
                "the zip has no submission.json: use the .zip that `music-sef export` wrote",
            ));
        };
        Ok(Self {
            path: path.to_path_buf(),
            archive,
            submission,
            folder,
        })
    }

    /// The bytes of `submission.json`, at most 20 MB.
    ///
    /// # Errors
    /// The entry cannot be inflated or is too large.
    pub fn submission_bytes(&mut self) -> Result<Vec<u8>, ImportError> {
        self.read_index(self.submission, "submission.json", MAX_JSON_BYTES)
    }

    /// The bytes of the file `name` in the same folder as `submission.json`, if the zip
    /// holds one, at most `cap` bytes. `name` must be a plain file name.
    ///
    /// # Errors
    /// The entry cannot be inflated or unpacks to more than `cap`.
    pub fn file_beside(&mut self, name: &str, cap: u64) -> Result<Option<Vec<u8>>, ImportError> {
        if !plain_file_name(name) {
            return Ok(None);
        }
        let full = format!("{}{name}", self.folder);
        match self.archive.index_for_name(&full) {
            Some(i) => self.read_index(i, name, cap).map(Some),
            None => Ok(None),
        }
    }

    fn read_index(&mut self, i: usize, name: &str, cap: u64) -> Result<Vec<u8>, ImportError> {
        let path = self.path.clone();
        let entry = self
            .archive
            .by_index(i)
            .map_err(|e| refused(&path, format!("the zip file is damaged ({e})")))?;
        let mut bytes = Vec::new();
        // Cap what is actually inflated: the declared size may lie.
        entry
            .take(cap + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| refused(&path, format!("{name} in the zip cannot be read ({e})")))?;
        if bytes.len() as u64 > cap {
            return Err(refused(
                &path,
                format!(
                    "{name} in the zip unpacks to more than {} MB, so it was not read",
                    cap / (1024 * 1024)
                ),
            ));
        }
        Ok(bytes)
    }
}

/// A single file name with no folder part: safe to look up beside a submission.json on
/// disk or in a zip, whatever a (possibly hostile) `files` list says.
pub fn plain_file_name(name: &str) -> bool {
    !name.is_empty()
        && name != "."
        && name != ".."
        && !name.contains(['/', '\\', ':'])
        && !name.chars().any(char::is_control)
}

/// Read at most `cap` bytes of a file, refusing a larger one with `what` in the message.
///
/// # Errors
/// Unreadable, or larger than `cap`.
pub fn read_capped(path: &Path, cap: u64, what: &str) -> Result<Vec<u8>, ImportError> {
    let f = std::fs::File::open(path).map_err(|e| read_err(path, e))?;
    let len = f.metadata().map_err(|e| read_err(path, e))?.len();
    if len > cap {
        return Err(refused(
            path,
            format!(
                "the file is larger than {} MB, far more than {what} needs; check it is the right file",
                cap / (1024 * 1024)
            ),
        ));
    }
    let mut bytes = Vec::new();
    f.take(cap + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| read_err(path, e))?;
    Ok(bytes)
}

/// A relative path with no `..`, no root, no drive letter and no backslashes.
fn plain_relative(name: &str) -> bool {
    !name.starts_with('/')
        && !name.contains('\\')
        && name.chars().nth(1).is_none_or(|c| c != ':')
        && name.split('/').all(|part| part != "..")
}
