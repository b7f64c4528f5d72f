//! Reading one thing a hub officer points `hub add` at — a bundle .zip, a submission.json
//! (with the files beside it), or a saved e-mail with the bundle attached — into the
//! submission and the hashes of the files it lists. The zip and size defences are
//! `import::reader`'s, shared; files are looked up by the names in `files`, never by a
//! fixed name.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use mail_parser::{Message, MessageParser, MimeHeaders};

use crate::export::json::{SubmissionFile, sha256_hex};
use crate::import::reader::{
    self, ImportError, MAX_JSON_BYTES, MAX_UNCOMPRESSED, MAX_ZIP_BYTES, SafeZip, plain_file_name,
};

/// A saved e-mail carries the bundle base64-encoded, about a third larger than the zip.
pub const MAX_EML_BYTES: u64 = MAX_ZIP_BYTES * 3 / 2;
/// Forwarded e-mails nest; deeper than this is not a school's e-mail.
const MAX_NESTING: usize = 3;

/// One submission as received, with what was found for each file it lists.
#[derive(Debug, Clone)]
pub struct Received {
    pub source: PathBuf,
    /// submission.json as received.
    pub json: Vec<u8>,
    pub submission: SubmissionFile,
    pub files: Vec<FileCheck>,
    /// Only submission.json was there (none of the files it lists): nothing to check.
    pub bare: bool,
}

impl Received {
    /// Read from a zip or an e-mail, whose files travel with it.
    fn from_bundle(
        path: &Path,
        json: Vec<u8>,
        submission: SubmissionFile,
        files: Vec<FileCheck>,
    ) -> Self {
        Self {
            source: path.to_path_buf(),
            json,
            submission,
            files,
            bare: false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileCheck {
    pub name: String,
    pub expected: String,
    /// The SHA-256 of the file found; None when it was not there.
    pub actual: Option<String>,
}

fn refused(path: &Path, message: impl Into<String>) -> ImportError {
    ImportError::Refused {
        path: path.display().to_string(),
        message: message.into(),
    }
}

/// Read the submission in `path` (a file; folders are walked by the caller).
///
/// # Errors
/// Unreadable, hostile, or not a music-sef bundle: the message says why.
pub fn read(path: &Path) -> Result<Received, ImportError> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if ext == "msg" {
        return Err(refused(
            path,
            "Outlook .msg files cannot be read: in Outlook save the e-mail as .eml (File › Save As), or save its attachments, and add those",
        ));
    }
    let mut head = [0u8; 4];
    let n = std::io::Read::read(
        &mut std::fs::File::open(path).map_err(|e| read_err(path, e))?,
        &mut head,
    )
    .map_err(|e| read_err(path, e))?;
    if n == 4 && (&head == b"PK\x03\x04" || &head == b"PK\x05\x06") {
        let bytes = reader::read_capped(path, MAX_ZIP_BYTES, "a music-sef bundle")?;
        return from_zip(path, bytes);
    }
    if ext == "eml" {
        return from_eml(path);
    }
    if ext != "json"
        && !head[..n]
            .iter()
            .find(|b| !b.is_ascii_whitespace())
            .is_some_and(|b| *b == b'{' || *b == 0xef)
    {
        return Err(refused(
            path,
            "this is not a music-sef bundle: hub add takes the .zip, the bundle folder, submission.json or the saved e-mail (.eml)",
        ));
    }
    from_json_file(path)
}

fn read_err(path: &Path, source: std::io::Error) -> ImportError {
    ImportError::Read {
        path: path.display().to_string(),
        source,
    }
}

/// Check every listed name before any is looked up: a hostile `files` list must not reach
/// outside the bundle.
fn checked_names(path: &Path, sub: &SubmissionFile) -> Result<(), ImportError> {
    match sub.files.keys().find(|n| !plain_file_name(n)) {
        Some(bad) => Err(refused(
            path,
            format!(
                "submission.json lists a file with an unsafe name \"{}\" (a folder or ..), so it was not taken",
                crate::hub::shown(bad)
            ),
        )),
        None => Ok(()),
    }
}

/// Hash each listed file that `find` finds.
fn check_files(
    sub: &SubmissionFile,
    mut find: impl FnMut(&str) -> Result<Option<Vec<u8>>, ImportError>,
) -> Result<Vec<FileCheck>, ImportError> {
    sub.files
        .iter()
        .map(|(name, expected)| {
            Ok(FileCheck {
                name: name.clone(),
                expected: expected.clone(),
                actual: find(name)?.map(|b| sha256_hex(&b)),
            })
        })
        .collect()
}

fn from_json_file(path: &Path) -> Result<Received, ImportError> {
    let json = reader::read_capped(path, MAX_JSON_BYTES, "a submission")?;
    let submission = reader::parse(path, &json)?;
    checked_names(path, &submission)?;
    let folder = path.parent().unwrap_or(Path::new("."));
    let files = check_files(&submission, |name| {
        let p = folder.join(name);
        // Only plain files: a link or a folder under a listed name counts as missing.
        match std::fs::symlink_metadata(&p) {
            Ok(m) if m.is_file() => {
                reader::read_capped(&p, MAX_UNCOMPRESSED, "a bundle file").map(Some)
            }
            _ => Ok(None),
        }
    })?;
    let bare = files.iter().all(|f| f.actual.is_none());
    Ok(Received {
        source: path.to_path_buf(),
        json,
        submission,
        files,
        bare,
    })
}

fn from_zip(path: &Path, bytes: Vec<u8>) -> Result<Received, ImportError> {
    let mut zip = SafeZip::open(path, Cursor::new(bytes))?;
    let json = zip.submission_bytes()?;
    let submission = reader::parse(path, &json)?;
    checked_names(path, &submission)?;
    let files = check_files(&submission, |name| zip.file_beside(name, MAX_UNCOMPRESSED))?;
    Ok(Received::from_bundle(path, json, submission, files))
}

/// Attachments by name, forwarded e-mails included.
fn attachments<'m>(msg: &'m Message<'m>, depth: usize, out: &mut Vec<(String, &'m [u8])>) {
    for part in msg.attachments() {
        if let Some(inner) = part.message() {
            if depth < MAX_NESTING {
                attachments(inner, depth + 1, out);
            }
        } else if let Some(name) = part.attachment_name() {
            out.push((name.to_string(), part.contents()));
        }
    }
}

fn from_eml(path: &Path) -> Result<Received, ImportError> {
    let raw = reader::read_capped(path, MAX_EML_BYTES, "an e-mail with a bundle")?;
    let msg = MessageParser::default().parse(&raw).ok_or_else(|| {
        refused(
            path,
            "this e-mail cannot be read (it is damaged or not an e-mail)",
        )
    })?;
    let mut parts = Vec::new();
    attachments(&msg, 0, &mut parts);
    if parts.len() > reader::MAX_ENTRIES {
        return Err(refused(
            path,
            "the e-mail has more than 1,000 attachments, so it was not read",
        ));
    }
    // The submission is found by what it is, not by its name: any JSON attachment that
    // reads as a music-sef submission.
    let found: Vec<(Vec<u8>, SubmissionFile)> = parts
        .iter()
        .filter(|(n, _)| n.to_ascii_lowercase().ends_with(".json"))
        .filter_map(|(_, b)| reader::parse(path, b).ok().map(|s| (b.to_vec(), s)))
        .collect();
    let (json, submission) = match found.len() {
        1 => found
            .into_iter()
            .next()
            .ok_or_else(|| refused(path, "no submission"))?,
        0 => {
            let zips: Vec<_> = parts
                .iter()
                .filter(|(_, b)| b.starts_with(b"PK\x03\x04"))
                .collect();
            return match zips.as_slice() {
                [(_, bytes)] => from_zip(path, bytes.to_vec()),
                [] => Err(refused(
                    path,
                    "the e-mail has no music-sef submission attached (no submission.json and no bundle .zip); ask the school to send the e-mail that `music-sef export` made",
                )),
                _ => Err(refused(
                    path,
                    "the e-mail carries several zips and no submission.json, so it is unclear which to take; save the attachments and add them one by one",
                )),
            };
        }
        n => {
            return Err(refused(
                path,
                format!(
                    "the e-mail carries {n} submissions, so it is unclear which files belong to which; save the attachments into one folder per school and add those"
                ),
            ));
        }
    };
    checked_names(path, &submission)?;
    let files = check_files(&submission, |name| {
        Ok(parts
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, b)| b.to_vec()))
    })?;
    Ok(Received::from_bundle(path, json, submission, files))
}
