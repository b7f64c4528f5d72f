//! Why an export failed, one variant per cause, each worded for a teacher: what failed,
//! where, and what to do about it.
//!
//! The underlying reason is part of each message rather than a chained `source`, as in
//! `StoreError`: the top-level report prints the chain, which would say it twice.

use std::path::{Path, PathBuf};

use super::MissingAnswer;
use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{}", incomplete_message(missing))]
    Incomplete { missing: Vec<MissingAnswer> },

    #[error(
        "The development plan link \"{url}\" cannot be used: {reason} Correct the link in your answers and export again."
    )]
    PlanLink { url: String, reason: String },

    #[error(
        "The answers spreadsheet (answers.csv) could not be made: {error}. Nothing was written; please try again, and report it if it happens again."
    )]
    Csv { error: csv::Error },

    #[error(
        "The answers as data (submission.json) could not be made: {error}. Nothing was written; please try again, and report it if it happens again."
    )]
    Json { error: serde_json::Error },

    #[error(
        "The e-mail to the hub could not be made: {error}. Nothing was written; please try again, and report it if it happens again."
    )]
    Email { error: std::io::Error },

    #[error(
        "The PDF report could not be made: {reason}. Nothing was written; reinstalling music-sef may help, otherwise please report it."
    )]
    Pdf { reason: String },

    #[error(
        "The zip {} could not be made: {reason}. The bundle folder beside it is complete and can be sent as it is, or export again.", path.display()
    )]
    Zip { path: PathBuf, reason: String },

    #[error(
        "could not {action} {}: {error}. Check that the folder exists, that you may save files in it and that the disk is not full, then export again.", path.display()
    )]
    Io {
        action: &'static str,
        path: PathBuf,
        error: std::io::Error,
    },

    #[error(
        "The bundle was written to {}, but the draft could not be updated to record it: {error}. The bundle is complete and can be sent; the draft's list of exports will miss this one.", folder.display()
    )]
    DraftNotUpdated { folder: PathBuf, error: StoreError },
}

impl ExportError {
    pub fn io(action: &'static str, path: &Path, error: std::io::Error) -> Self {
        Self::Io {
            action,
            path: path.to_path_buf(),
            error,
        }
    }

    pub fn pdf(reason: impl Into<String>) -> Self {
        Self::Pdf {
            reason: reason.into(),
        }
    }
}

fn incomplete_message(missing: &[MissingAnswer]) -> String {
    let list = missing
        .iter()
        .map(|m| format!("  - {} › {}: {}", m.section, m.id, m.prompt))
        .collect::<Vec<_>>()
        .join("\n");
    format!(
        "{} required answer{} missing, so the bundle was not written:\n{list}\nAnswer them, or export with --allow-incomplete to send a draft marked INCOMPLETE DRAFT.",
        missing.len(),
        if missing.len() == 1 { " is" } else { "s are" },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_refusal_lists_every_missing_answer_and_the_way_out() {
        let one = |id: &str| MissingAnswer {
            section: "Your school".into(),
            id: id.into(),
            prompt: "School name".into(),
        };
        let e = ExportError::Incomplete {
            missing: vec![one("school_name")],
        };
        assert_eq!(
            e.to_string(),
            "1 required answer is missing, so the bundle was not written:\n  - Your school › school_name: School name\nAnswer them, or export with --allow-incomplete to send a draft marked INCOMPLETE DRAFT."
        );
        let e = ExportError::Incomplete {
            missing: vec![one("a"), one("b")],
        };
        assert!(e.to_string().starts_with("2 required answers are missing"));
    }

    #[test]
    fn a_write_failure_names_the_place_and_the_fix() {
        let e = ExportError::io(
            "write",
            Path::new("/x/answers.csv"),
            std::io::Error::from(std::io::ErrorKind::PermissionDenied),
        );
        let text = e.to_string();
        assert!(
            text.starts_with("could not write /x/answers.csv: "),
            "{text}"
        );
        assert!(text.ends_with("then export again."), "{text}");
    }
}
