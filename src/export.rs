//! The submission bundle: PDF report, answers.csv, submission.json, an .eml ready to send,
//! and a zip of the folder. See docs/bundle-format.md.

pub mod bundle;
pub mod changes;
pub mod csv;
pub mod eml;
pub mod facts;
pub mod json;
pub mod names;
pub mod open;
pub mod pdf;
pub mod zip;

use std::path::PathBuf;

pub use bundle::export_draft;
pub use open::{mailto_link, open_folder, open_mail};

#[derive(Debug, Clone, Default)]
pub struct ExportOptions {
    /// Export although required answers are missing; every PDF page says INCOMPLETE DRAFT.
    pub allow_incomplete: bool,
    /// Address the e-mail here when the questionnaire names no hub address.
    pub hub_email: Option<String>,
}

/// A required answer that is missing, for the refusal message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingAnswer {
    pub section: String,
    pub id: String,
    pub prompt: String,
}

/// What was written, and anything the teacher should know.
#[derive(Debug, Clone)]
pub struct BundleReport {
    pub folder: PathBuf,
    pub zip: PathBuf,
    pub pdf: PathBuf,
    pub csv: PathBuf,
    pub json: PathBuf,
    pub eml: PathBuf,
    pub mailto: String,
    pub to: Option<String>,
    pub warnings: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{} required answer{} missing, so the bundle was not written:\n{}\nAnswer them, or export with --allow-incomplete to send a draft marked INCOMPLETE DRAFT.", missing.len(), if missing.len() == 1 { " is" } else { "s are" }, missing.iter().map(|m| format!("  - {} › {}: {}", m.section, m.id, m.prompt)).collect::<Vec<_>>().join("\n"))]
    Incomplete { missing: Vec<MissingAnswer> },
    #[error("{0}")]
    Invalid(String),
    #[error("could not write {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("could not make the PDF: {0}")]
    Pdf(String),
}

impl ExportError {
    pub fn io(path: &std::path::Path, source: std::io::Error) -> Self {
        Self::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}
