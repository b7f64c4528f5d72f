//! Export with one policy for every face: the hub's address comes from the questionnaire,
//! then from what was remembered, and only then is asked for (by the face, once); bundles go
//! to the folder the teacher named, else the data folder's export folder (Documents).

use std::path::{Path, PathBuf};

use chrono::{DateTime, Local, Utc};

use super::Workflow;
use crate::draft::Draft;
use crate::export::{BundleReport, ExportError, ExportOptions, ExportWarning};
use crate::questionnaire::Questionnaire;
use crate::settings::Settings;
use crate::store::{BackupReason, StoreError};

/// What the teacher asked for.
#[derive(Debug, Clone, Default)]
pub struct ExportRequest {
    /// Write the bundle although required answers are missing (marked INCOMPLETE DRAFT).
    pub allow_incomplete: bool,
    /// A folder named for this export (`--out`); None for the usual one.
    pub out: Option<PathBuf>,
}

/// A bundle on disk, not yet recorded on its draft.
#[derive(Debug, Clone)]
pub struct Written {
    pub report: BundleReport,
    /// Required answers were missing (the bundle is marked INCOMPLETE DRAFT).
    pub incomplete: bool,
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

    /// Where this export's bundle goes: the folder named for it, else the one the teacher
    /// chose once, else the usual one (Documents/music-sef, or `MUSIC_SEF_EXPORT_DIR`).
    pub fn export_folder(&self, out: Option<&Path>) -> PathBuf {
        out.map(Path::to_path_buf)
            .or_else(|| Settings::load(&self.dirs).export_dir)
            .unwrap_or_else(|| self.dirs.exports().to_path_buf())
    }

    /// Remember `dir` as the folder for bundles from now on, making it if need be.
    ///
    /// # Errors
    /// The folder cannot be made, or the settings cannot be written.
    pub fn remember_export_folder(&self, dir: &Path) -> Result<(), StoreError> {
        std::fs::create_dir_all(dir).map_err(|e| StoreError::io("create the folder", dir, e))?;
        let mut settings = Settings::load(&self.dirs);
        settings.export_dir = Some(dir.to_path_buf());
        settings.save(&self.dirs)
    }

    /// Back up the draft and write its bundle; the draft itself is not changed (the caller
    /// records the export, see [`Workflow::export`]).
    ///
    /// # Errors
    /// Required answers missing (unless allowed), an unusable plan link, or a file that
    /// could not be made or written.
    pub fn write_bundle(
        &self,
        draft: &Draft,
        qn: &Questionnaire,
        req: &ExportRequest,
        now: DateTime<Local>,
    ) -> Result<Written, ExportError> {
        let opts = ExportOptions {
            allow_incomplete: req.allow_incomplete,
            hub_email: self.hub_address(qn),
        };
        let sub = crate::export::prepare(qn, draft, &opts, now)?;
        // A failed backup does not stop the export, but the teacher is told.
        let backup_failed = self
            .store
            .backup(draft.id, BackupReason::BeforeExport)
            .err();
        let mut report = crate::export::write(&sub, &self.export_folder(req.out.as_deref()))?;
        if let Some(e) = backup_failed {
            // First: it is about the teacher's own work, not the bundle.
            let warning = ExportWarning::BackupFailed {
                reason: e.to_string(),
            };
            report.warnings.insert(0, warning);
        }
        Ok(Written {
            report,
            incomplete: sub.incomplete,
        })
    }

    /// Write the bundle for `draft`, record the export on it and save it.
    ///
    /// # Errors
    /// As [`Workflow::write_bundle`], or the draft could not be saved after the bundle was
    /// written; nothing the teacher typed is lost in any case.
    pub fn export(
        &self,
        draft: &mut Draft,
        qn: &Questionnaire,
        req: &ExportRequest,
        now: DateTime<Local>,
    ) -> Result<BundleReport, ExportError> {
        let written = self.write_bundle(draft, qn, req, now)?;
        crate::export::record(
            draft,
            &written.report,
            written.incomplete,
            now.with_timezone(&Utc),
        );
        self.store
            .save(draft)
            .map_err(|error| ExportError::DraftNotUpdated {
                folder: written.report.folder.clone(),
                error,
            })?;
        Ok(written.report)
    }
}
