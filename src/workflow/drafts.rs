//! The drafts in the data folder: listing them with their progress, finding one from what
//! the teacher typed, and creating, copying, renaming, deleting and restoring. Every change
//! to a draft that is not open here first takes its lock, so a second window never writes
//! over the one working on it.

use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

use super::{Workflow, WorkflowError};
use crate::answers::Progress;
use crate::draft::{Draft, DraftStatus};
use crate::import::Carried;
use crate::questionnaire::{DEFAULT_ID, Origin, Purpose, QuestionnaireRef};
use crate::store::{BackupInfo, DraftLock, StoreError};

/// One readable draft as a list shows it.
#[derive(Debug, Clone)]
pub struct DraftInfo {
    pub id: Uuid,
    pub title: String,
    pub questionnaire: QuestionnaireRef,
    /// The questionnaire's title; None when it is no longer available.
    pub questionnaire_title: Option<String>,
    pub progress: Option<Progress>,
    pub status: DraftStatus,
    pub updated_at: DateTime<Utc>,
    /// What the hub has said about it: "Feedback from Riverside Music Hub: 3 priorities",
    /// or the priorities it looks back on.
    pub hub_note: Option<String>,
    /// Why it opens read-only: it was saved by a newer music-sef.
    pub newer: Option<String>,
}

/// A row of the drafts list: a draft, or a folder whose draft cannot be read.
#[derive(Debug, Clone)]
pub enum DraftRow {
    Ok(DraftInfo),
    Damaged { id: Uuid, reason: String },
}

impl DraftRow {
    pub fn id(&self) -> Uuid {
        match self {
            Self::Ok(d) => d.id,
            Self::Damaged { id, .. } => *id,
        }
    }
}

impl Workflow {
    /// The draft named by a DRAFT argument: an id, a unique id prefix of 4 or more
    /// characters, or an exact title.
    ///
    /// # Errors
    /// Nothing matches, or several drafts do.
    pub fn resolve(&self, spec: &str) -> Result<Uuid, StoreError> {
        self.store.resolve(spec)
    }

    /// Start and save a new empty draft of `questionnaire` (an id or a file path; the
    /// default when None), titled `title` or a suggestion for `today`.
    ///
    /// # Errors
    /// An unknown questionnaire, or the draft cannot be saved.
    pub fn create(
        &self,
        questionnaire: Option<&str>,
        title: Option<&str>,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<Draft, WorkflowError> {
        let entry = self.registry().find(questionnaire.unwrap_or(DEFAULT_ID))?;
        // A questionnaire used straight from a file is found again by that file later.
        let source = match &entry.origin {
            Origin::File(p) => Some(
                std::fs::canonicalize(p)
                    .unwrap_or_else(|_| p.clone())
                    .display()
                    .to_string(),
            ),
            _ => None,
        };
        let title = title.map(str::trim).filter(|t| !t.is_empty()).map_or_else(
            || Draft::suggest_title(None, &entry.questionnaire.title, None, today),
            str::to_string,
        );
        let mut draft = Draft::new_at(
            title,
            QuestionnaireRef {
                id: entry.questionnaire.id.clone(),
                version: entry.questionnaire.version.clone(),
                source,
            },
            now,
        );
        // A reflection with no priorities would ask about nothing: it looks back on the
        // newest feedback held here, and waits for one when there is none.
        if entry.template.is_some() && entry.written().purpose == Purpose::Reflection {
            let agreed = self.newest_agreed();
            if agreed.is_none() {
                return Err(WorkflowError::Feedback(
                    super::feedback::NO_FEEDBACK_YET.into(),
                ));
            }
            draft.agreed = agreed;
        }
        self.store.save(&draft)?;
        Ok(draft)
    }

    /// A new draft carried over from an earlier draft or submission (`spec`: a draft, an
    /// export folder, its zip or a submission.json).
    ///
    /// # Errors
    /// The source is unreadable or refused, or its questionnaire is unknown.
    pub fn start_from(
        &self,
        spec: &str,
        questionnaire: Option<&str>,
        title: Option<&str>,
    ) -> Result<(Draft, Carried), WorkflowError> {
        crate::import::start_from_with_report(spec, &self.dirs, questionnaire, title)
            .map_err(WorkflowError::Import)
    }

    /// Take the lock of a draft that is about to be changed (or copied) while not open here.
    pub(super) fn hold(&self, id: Uuid) -> Result<DraftLock, WorkflowError> {
        let dir = self.store.draft_dir(id);
        if !dir.is_dir() {
            return Err(StoreError::NotFound(id.to_string()).into());
        }
        DraftLock::acquire(&dir).map_err(|e| WorkflowError::InUse(e.refusal()))
    }

    /// A copy of a draft under a new id, titled "… (copy)", with no export history. Refused
    /// while another window has the draft open: its answers there may not be saved yet.
    ///
    /// # Errors
    /// The draft is open elsewhere, cannot be read, or the copy cannot be saved.
    pub fn duplicate(&self, id: Uuid, now: DateTime<Utc>) -> Result<Draft, WorkflowError> {
        let _lock = self.hold(id)?;
        let d = self.store.load(id)?;
        let mut copy = d.clone();
        copy.id = Uuid::new_v4();
        copy.title = format!("{} (copy)", d.title);
        copy.exports.clear();
        copy.created_at = now;
        copy.updated_at = now;
        self.store.save(&copy)?;
        Ok(copy)
    }

    /// Give a draft a new title.
    ///
    /// # Errors
    /// The draft is open elsewhere, unreadable, or cannot be saved.
    pub fn rename(&self, id: Uuid, title: &str, now: DateTime<Utc>) -> Result<(), WorkflowError> {
        let _lock = self.hold(id)?;
        let mut d = self.store.load(id)?;
        d.title = title.to_string();
        d.updated_at = now;
        Ok(self.store.save(&d)?)
    }

    /// Delete a draft and its backups for good, holding its lock until the folder is empty,
    /// so no other window can open it in between and write it back.
    ///
    /// # Errors
    /// The draft is open elsewhere, or the folder cannot be removed.
    pub fn delete(&self, id: Uuid) -> Result<(), WorkflowError> {
        let dir = self.store.draft_dir(id);
        self.hold(id)?
            .delete_folder()
            .map_err(|e| WorkflowError::Store(StoreError::io("delete", &dir, e)))
    }

    /// A draft's backups, newest first.
    pub fn backups(&self, id: Uuid) -> Vec<BackupInfo> {
        self.store.backups(id)
    }

    /// Put a backup back as the draft (the current answers are backed up first).
    ///
    /// # Errors
    /// The draft is open elsewhere, or the backup cannot be read or the draft written.
    pub fn restore(&self, id: Uuid, backup: &Path) -> Result<(), WorkflowError> {
        let _lock = self.hold(id)?;
        self.store.restore(id, backup)?;
        Ok(())
    }
}

/// The hub's newest feedback on `d`, else the priorities it looks back on, in a line made
/// safe for the screen (the hub's words come from a file).
pub(super) fn hub_note(d: &Draft) -> Option<String> {
    let safe = |s: &str| crate::answers::parse::sanitize(s, false);
    if let Some(f) = d.feedback.last() {
        let read_only = if f.newer_format.is_some() {
            " (from a newer music-sef: read-only)"
        } else {
            ""
        };
        return Some(safe(&format!("{}{read_only}", f.file.line())));
    }
    let a = d.agreed.as_ref()?;
    let list: Vec<String> = a
        .priorities
        .iter()
        .enumerate()
        .map(|(i, p)| format!("{}. {}", i + 1, p.text))
        .collect();
    Some(safe(&format!(
        "Last review's priorities with {}: {}",
        a.hub,
        list.join("; ")
    )))
}
