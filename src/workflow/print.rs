//! Printing a questionnaire: found by id or path like any other, written as a PDF beside the
//! bundles unless another file is named.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use super::{Workflow, WorkflowError};
use crate::store::StoreError;

impl Workflow {
    /// Write the printed questionnaire `spec` (an id or a file path) and say where.
    ///
    /// # Errors
    /// The questionnaire is unknown or its file has mistakes (the message is `check`'s), or
    /// the PDF cannot be made or written.
    pub fn print(
        &self,
        spec: &str,
        out: Option<&Path>,
        now: DateTime<Utc>,
    ) -> Result<PathBuf, WorkflowError> {
        let entry = self.registry().find(spec)?;
        let qn = &entry.questionnaire;
        let bytes = crate::print::pdf(qn, now)?;
        let path = out.map_or_else(
            || {
                self.export_folder(None)
                    .join(format!("{}-questions.pdf", qn.id))
            },
            Path::to_path_buf,
        );
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| StoreError::io("create the folder", dir, e))?;
        }
        crate::store::atomic::write(&path, &bytes)?;
        Ok(path)
    }
}
