//! Opening a draft for work: read it once, take its lock (or open read-only and say who has
//! it), open read-only an answer larger than an answer may be (saying which), bring it in line
//! with its questionnaire, take the session backup, and say whether the hub's address is
//! already known. The full-screen view takes the backup itself, after its first frame, so the
//! screen is up without waiting for the disk.

use uuid::Uuid;

use super::{Workflow, WorkflowError};
use crate::answers::AnswerValue;
use crate::answers::parse::{MAX_ANSWER_BYTES, size_words};
use crate::draft::Draft;
use crate::questionnaire::Questionnaire;
use crate::store::migrate::{self, Reconciliation};
use crate::store::{BackupReason, DraftLock};

/// A draft ready to work on.
#[derive(Debug)]
pub struct Opened {
    pub questionnaire: Questionnaire,
    pub draft: Draft,
    /// Held while the draft is open; None when it opened read-only.
    pub lock: Option<DraftLock>,
    /// Why nothing can be changed, in words for the teacher.
    pub read_only: Option<String>,
    /// What changed because the questionnaire changed since the draft was last open.
    pub reconciliation: Reconciliation,
    /// The hub's address, when the questionnaire or the settings already give it.
    pub hub_address: Option<String>,
}

impl Workflow {
    /// Open the draft `id` for work.
    ///
    /// # Errors
    /// The draft is missing or damaged (a damaged file is kept aside), its questionnaire is
    /// no longer available, or the draft brought up to date cannot be saved.
    pub fn open(&self, id: Uuid) -> Result<Opened, WorkflowError> {
        let opened = self.open_for_work(id)?;
        if opened.read_only.is_none() {
            self.session_backup(id);
        }
        Ok(opened)
    }

    /// A backup per session, so a bad afternoon can be undone; not worth failing over.
    pub fn session_backup(&self, id: Uuid) {
        let _ = self.store.backup(id, BackupReason::SessionStart);
    }

    /// As [`Workflow::open`] but without the session backup, which the caller takes
    /// (`session_backup`) once the screen is drawn.
    ///
    /// # Errors
    /// As [`Workflow::open`].
    pub fn open_for_work(&self, id: Uuid) -> Result<Opened, WorkflowError> {
        let mut opened = self.store.open(id)?;
        if opened.read_only.is_none()
            && let Some(reason) = oversized(&opened.draft)
        {
            // Nothing will be written: let another window see it is free.
            opened.lock = None;
            opened.read_only = Some(reason);
        }
        let mut entry = self
            .registry()
            .for_draft(&opened.draft.questionnaire)
            .map_err(|source| WorkflowError::QuestionnaireGone {
                id: opened.draft.questionnaire.id.clone(),
                source,
            })?;
        // Before reconciling, so the answers in sections made per priority are kept.
        entry.questionnaire = entry.for_agreed(opened.draft.agreed.as_ref());
        let mut draft = opened.draft;
        let mut reconciliation = Reconciliation::default();
        if opened.read_only.is_none() {
            reconciliation = migrate::reconcile(&mut draft, &entry.questionnaire);
            if reconciliation.changed() {
                self.store.backup(id, BackupReason::BeforeMigration)?;
                self.store.save(&draft)?;
            }
        }
        let hub_address = self.hub_address(&entry.questionnaire);
        Ok(Opened {
            questionnaire: entry.questionnaire,
            draft,
            lock: opened.lock,
            read_only: opened.read_only,
            reconciliation,
            hub_address,
        })
    }
}

/// Why a draft holding an answer over the limit opens read-only, naming the question.
fn oversized(draft: &Draft) -> Option<String> {
    let stored = draft.answers.iter().map(|(id, v)| {
        let len = match v {
            AnswerValue::Text(t) => t.len(),
            AnswerValue::Level(l) => l.evidence.as_ref().map_or(0, String::len),
            _ => 0,
        };
        (id, len)
    });
    let unfinished = draft.unfinished.iter().map(|(id, t)| (id, t.len()));
    let (id, len) = stored
        .chain(unfinished)
        .find(|&(_, len)| len > MAX_ANSWER_BYTES)?;
    Some(format!(
        "The answer to question \"{id}\" holds {} of text, more than the {} an answer can hold, so this draft opens read-only and stays exactly as it is. To change it, restore a backup from before the answer grew (home screen, b).",
        size_words(len),
        size_words(MAX_ANSWER_BYTES)
    ))
}
