//! Export with one policy for every face: the hub's address comes from the questionnaire,
//! then from what was remembered, and only then is asked for (by the face, once); bundles go
//! to the folder the teacher named, else the data folder's export folder (Documents).

use std::path::{Path, PathBuf};

use super::Workflow;
use crate::draft::Draft;
use crate::export::{BundleReport, ExportError, ExportOptions};
use crate::questionnaire::Questionnaire;
use crate::settings::Settings;
use crate::store::StoreError;

/// What the teacher asked for.
#[derive(Debug, Clone, Default)]
pub struct ExportRequest {
    /// Write the bundle although required answers are missing (marked INCOMPLETE DRAFT).
    pub allow_incomplete: bool,
    /// A folder named for this export (`--out`); None for the usual one.
    pub out: Option<PathBuf>,
}

impl Workflow {
    /// The hub's e-mail address when it is known without asking: the questionnaire's own,
    /// else the one remembered from an earlier export.
    pub fn hub_address(&self, qn: &Questionnaire) -> Option<String> {
        qn.submission
            .as_ref()
            .and_then(|s| s.hub_email.clone())
            .or_else(|| Settings::load(&self.dirs).hub_email)
    }

    /// Remember the address the teacher gave, so it is never asked again.
    ///
    /// # Errors
    /// The settings file cannot be written.
    pub fn remember_hub_address(&self, email: &str) -> Result<(), StoreError> {
        let mut settings = Settings::load(&self.dirs);
        settings.hub_email = Some(email.to_string());
        settings.save(&self.dirs)
    }

    /// Where this export's bundle goes.
    pub fn export_folder(&self, out: Option<&Path>) -> PathBuf {
        out.map_or_else(|| self.dirs.exports().to_path_buf(), Path::to_path_buf)
    }

    /// Write the bundle for `draft` and record the export on it (saved).
    ///
    /// # Errors
    /// Required answers missing (unless allowed), an unusable plan link, or a write failure;
    /// nothing the teacher typed is lost in any case.
    pub fn export(
        &self,
        draft: &mut Draft,
        qn: &Questionnaire,
        req: &ExportRequest,
    ) -> Result<BundleReport, ExportError> {
        let opts = ExportOptions {
            allow_incomplete: req.allow_incomplete,
            hub_email: self.hub_address(qn),
        };
        let folder = self.export_folder(req.out.as_deref());
        crate::export::export_draft(&self.store, draft, qn, &folder, &opts)
    }
}
