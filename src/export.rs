//! The submission bundle: the PDF report, the answers CSV and a one-row summary CSV,
//! submission.json, an .eml ready to send, and a zip of the folder. See docs/bundle-format.md.
//!
//! Export is two steps: [`prepare`] works out everything the bundle says (pure: no files, no
//! clock), and [`write`] turns that [`Submission`] into files. Backing up, recording the
//! export on the draft ([`record`]) and saving it are the workflow's.

pub mod bundle;
pub mod changes;
pub mod csv;
pub mod decision;
pub mod decision_text;
pub mod eml;
pub mod error;
pub mod facts;
pub mod json;
pub mod letter;
pub mod names;
pub mod open;
pub mod pdf;
pub mod prepare;
pub mod submission;
pub mod summary_csv;
pub mod warning;
pub mod write;
pub mod zip;

use std::path::PathBuf;

pub use bundle::{describe, record};
pub use error::ExportError;
pub use open::{mailto_link, open_folder, open_mail};
pub use prepare::prepare;
pub use submission::Submission;
pub use warning::ExportWarning;
pub use write::write;

#[derive(Debug, Clone, Default)]
pub struct ExportOptions {
    /// Export although required answers are missing; every PDF page says INCOMPLETE DRAFT.
    pub allow_incomplete: bool,
    /// The hub address the caller's policy chose (e.g. the one remembered in settings); the
    /// questionnaire's own address still comes first.
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
    pub summary: PathBuf,
    pub json: PathBuf,
    pub eml: PathBuf,
    pub mailto: String,
    pub to: Option<String>,
    pub warnings: Vec<ExportWarning>,
    /// The submission's id, as the hub names it (`json::identity` of submission.json).
    pub submission_id: String,
}
