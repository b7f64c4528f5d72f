//! Reading a questionnaire file with errors that say where and how to fix.
//! (First version: the foundation work adds the size cap, limits and semantic validation.)

use std::path::{Path, PathBuf};

use super::Questionnaire;

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: could not read the file: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}:{column}: {message}")]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("there is no questionnaire called \"{id}\". Known questionnaires: {}. You can also give the path to a questionnaire file.", known.join(", "))]
    UnknownId { id: String, known: Vec<String> },
}

/// Load and check a questionnaire file.
///
/// # Errors
/// Unreadable file, bad JSON or a semantic problem.
pub fn load_file(path: &Path) -> Result<Questionnaire, LoadError> {
    let text = std::fs::read_to_string(path).map_err(|source| LoadError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    load_str(path, &text)
}

/// Load and check questionnaire text; `path` names it in messages.
///
/// # Errors
/// Bad JSON or a semantic problem.
pub fn load_str(path: &Path, text: &str) -> Result<Questionnaire, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let de = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let inner = e.inner();
        LoadError::Syntax {
            path: path.to_path_buf(),
            line: inner.line(),
            column: inner.column(),
            message: format!("{} (at {})", inner, e.path()),
        }
    })
}
