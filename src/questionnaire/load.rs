//! Reading a questionnaire file with errors that say where and how to fix: size cap before
//! parsing, a BOM accepted, `FILE:LINE:COLUMN` for syntax, then every semantic problem.

use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

mod explain;

use super::Questionnaire;
use super::validate::{Problem, validate};

pub use super::limits::MAX_FILE_BYTES;

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: could not read the file: {}", read_reason(source))]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{path}: the file is larger than 5 MB, which is far more than any questionnaire needs. Check that this is the right file."
    )]
    TooLarge { path: PathBuf },
    #[error(
        "{path}: the file is not UTF-8 text (byte {offset} is not valid). Save it as UTF-8 from your editor."
    )]
    NotUtf8 { path: PathBuf, offset: usize },
    #[error("{path}:{line}:{column}: {message}")]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{path}: {} problem{} to fix:\n{}", problems.len(), if problems.len() == 1 { "" } else { "s" }, problems.iter().map(|p| format!("  - {p}")).collect::<Vec<_>>().join("\n"))]
    Invalid {
        path: PathBuf,
        problems: Vec<Problem>,
    },
    #[error(
        "{path}: this file has the id \"{id}\", like {other}, which is used instead. Remove one of the two files, or give this one its own id."
    )]
    SameId {
        path: PathBuf,
        id: String,
        other: PathBuf,
    },
    #[error(
        "there is no questionnaire called \"{id}\". {} You can also give the path to a questionnaire file.",
        known_list(known)
    )]
    UnknownId { id: String, known: Vec<String> },
}

fn known_list(known: &[String]) -> String {
    if known.is_empty() {
        "No questionnaires are available at all (see `music-sef questionnaires`).".to_string()
    } else {
        format!(
            "The ones you can use are: {} (see `music-sef questionnaires`).",
            known.join(", ")
        )
    }
}

/// Today's date on this computer: the one place loading reads the clock, for `load_file`,
/// `load_bytes`, `load_str` and `Registry::discover`. The `_on` functions take the date as an
/// argument and read no clock.
pub fn local_today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// Load and check a questionnaire file, with options such as academic years made as of today.
///
/// # Errors
/// Unreadable, too large, not UTF-8, bad JSON or semantic problems.
pub fn load_file(path: &Path) -> Result<Questionnaire, LoadError> {
    load_file_on(path, local_today())
}

/// [`load_bytes_on`] as of today.
///
/// # Errors
/// As [`load_bytes_on`].
pub fn load_bytes(path: &Path, bytes: &[u8]) -> Result<Questionnaire, LoadError> {
    load_bytes_on(path, bytes, local_today())
}

/// [`load_str_on`] as of today.
///
/// # Errors
/// As [`load_str_on`].
pub fn load_str(path: &Path, text: &str) -> Result<Questionnaire, LoadError> {
    load_str_on(path, text, local_today())
}

/// Load and check a questionnaire file; options made at load time (`options_from`) are made
/// as of `today`.
///
/// # Errors
/// Unreadable, too large, not UTF-8, bad JSON or semantic problems.
pub fn load_file_on(path: &Path, today: NaiveDate) -> Result<Questionnaire, LoadError> {
    let read_err = |source| LoadError::Read {
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(read_err)?;
    if file.metadata().map_err(read_err)?.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_path_buf(),
        });
    }
    // Read at most one byte past the cap, so a file that grows meanwhile is still caught.
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read_err)?;
    load_bytes_on(path, &bytes, today)
}

/// Load and check questionnaire bytes; `path` names them in messages.
///
/// # Errors
/// As [`load_file_on`].
pub fn load_bytes_on(
    path: &Path,
    bytes: &[u8],
    today: NaiveDate,
) -> Result<Questionnaire, LoadError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_path_buf(),
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| LoadError::NotUtf8 {
        path: path.to_path_buf(),
        offset: e.valid_up_to(),
    })?;
    load_str_on(path, text, today)
}

/// Load and check questionnaire text; `path` names it in messages. The file is checked as
/// written, then its `options_from` questions get their options as of `today`.
///
/// # Errors
/// Bad JSON or semantic problems.
pub fn load_str_on(path: &Path, text: &str, today: NaiveDate) -> Result<Questionnaire, LoadError> {
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_path_buf(),
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let de = &mut serde_json::Deserializer::from_str(text);
    let syntax =
        |inner: &serde_json::Error, at: Option<&serde_path_to_error::Path>| LoadError::Syntax {
            path: path.to_path_buf(),
            line: inner.line(),
            column: inner.column(),
            message: explain::explain(inner, at, text),
        };
    let mut q: Questionnaire = serde_path_to_error::deserialize(&mut *de)
        .map_err(|e| syntax(e.inner(), Some(e.path())))?;
    // Anything after the closing brace is a mistake (a pasted second copy, say).
    de.end().map_err(|e| syntax(&e, None))?;
    let problems = validate(&q);
    if problems.is_empty() {
        q.generate_options(today);
        Ok(q)
    } else {
        Err(LoadError::Invalid {
            path: path.to_path_buf(),
            problems,
        })
    }
}

/// The operating system's reason, in words a teacher can act on.
fn read_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "there is no file with that name. Check the spelling and the folder.".into(),
        K::PermissionDenied => "permission denied. Check that you are allowed to open it.".into(),
        K::IsADirectory => {
            "this is a folder, not a file. Give the path of the .json file inside it.".into()
        }
        _ => e.to_string(),
    }
}
