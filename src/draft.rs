//! A draft: one school's answers to one questionnaire, as saved on disk.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::answers::{AnswerValue, Answers};
use crate::feedback::{Agreed, FeedbackFile};
// Drafts name their questionnaire the way the questionnaire module defines.
pub use crate::questionnaire::QuestionnaireRef;

mod title;

pub const DRAFT_FORMAT: &str = "music-sef/draft";
/// The newest draft format this program writes. A draft with a higher number opens read-only.
pub const DRAFT_FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub format: String,
    pub format_version: u32,
    pub id: Uuid,
    pub title: String,
    pub questionnaire: QuestionnaireRef,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    #[serde(default)]
    pub status: DraftStatus,
    #[serde(default)]
    pub answers: Answers,
    /// Answers to questions the questionnaire no longer asks: kept, shown in review, never
    /// dropped.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub orphaned_answers: BTreeMap<String, OrphanedAnswer>,
    /// Set when the draft was started from an earlier submission (re-assessment).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carried_over: Option<CarriedOver>,
    /// Text typed into a box that did not pass its check yet (say "31/02/2026"), kept so the
    /// teacher never loses what they typed; shown back in the box and listed in review.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub unfinished: BTreeMap<String, String>,
    /// Bundles written from this draft, newest last.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exports: Vec<ExportRecord>,
    /// Where the teacher was when they last stopped, so they come back to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<Position>,
    /// The hub's feedback on bundles exported from this draft (`music-sef import
    /// FEEDBACK.json`), oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub feedback: Vec<ReceivedFeedback>,
    /// The priorities agreed with the hub that this draft looks back on: set when it was
    /// started from a submission (or feedback) the hub answered. The questionnaire's repeated
    /// sections are made once for each.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreed: Option<Agreed>,
}

/// Feedback from the hub, kept whole on the draft whose export it answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReceivedFeedback {
    /// The feedback file's id (SHA-256 of its JSON with keys sorted).
    pub id: String,
    pub received_at: DateTime<Utc>,
    pub file: FeedbackFile,
    /// Written by a newer music-sef: shown, but nothing is started from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub newer_format: Option<u32>,
}

/// The question a teacher was on, and whether its guidance was open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    pub question: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub guidance_open: bool,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DraftStatus {
    #[default]
    InProgress,
    /// The teacher marked it ready; only possible with no required answer missing.
    Ready,
    Exported,
    /// An answer changed after the last export: the bundle the hub has is out of date.
    ChangedSinceExport,
}

impl DraftStatus {
    pub fn label(self) -> &'static str {
        match self {
            Self::InProgress => "In progress",
            Self::Ready => "Ready to export",
            Self::Exported => "Exported",
            Self::ChangedSinceExport => "Changed since export",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrphanedAnswer {
    pub value: AnswerValue,
    /// The prompt as it was, when known, so the teacher recognises the answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt: Option<String>,
    /// The questionnaire version that last asked it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asked_in_version: Option<String>,
}

/// Where carried-over answers came from and which still wait for confirmation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CarriedOver {
    /// Title of the earlier draft or submission.
    pub from_title: String,
    /// When the earlier submission was made (its `generated_at` or last save).
    pub from_date: DateTime<Utc>,
    /// The earlier answers as they were, for "what changed" in the export.
    pub previous_answers: Answers,
    /// Carried-over question ids the teacher has not yet confirmed or changed.
    #[serde(default)]
    pub unconfirmed: BTreeSet<String>,
    /// Earlier answers whose question ids this questionnaire does not know: kept aside.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub unknown_answers: Answers,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportRecord {
    pub at: DateTime<Utc>,
    pub folder: String,
    /// The exported submission's id (SHA-256 of its submission.json with keys sorted), which
    /// the hub's feedback names; absent on exports made before it was recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submission: Option<String>,
}

impl Draft {
    /// The priorities of the newest feedback on it that `answers` accepts, which this program
    /// can read fully (a newer format's is shown only).
    pub fn agreed_by_hub(&self, answers: impl Fn(&FeedbackFile) -> bool) -> Option<Agreed> {
        self.feedback
            .iter()
            .rev()
            .find(|f| f.newer_format.is_none() && answers(&f.file))
            .map(|f| Agreed::of(&f.file))
    }

    /// A new, empty draft, started now.
    pub fn new(title: impl Into<String>, questionnaire: QuestionnaireRef) -> Self {
        Self::new_at(title, questionnaire, Utc::now())
    }

    /// A new, empty draft started at `now`.
    pub fn new_at(
        title: impl Into<String>,
        questionnaire: QuestionnaireRef,
        now: DateTime<Utc>,
    ) -> Self {
        Self {
            format: DRAFT_FORMAT.to_string(),
            format_version: DRAFT_FORMAT_VERSION,
            id: Uuid::new_v4(),
            title: title.into(),
            questionnaire,
            created_at: now,
            updated_at: now,
            status: DraftStatus::InProgress,
            answers: Answers::new(),
            orphaned_answers: BTreeMap::new(),
            carried_over: None,
            unfinished: BTreeMap::new(),
            exports: Vec::new(),
            position: None,
            feedback: Vec::new(),
            agreed: None,
        }
    }

    /// Set or clear one answer. An unanswered value (empty text …) removes the entry so
    /// drafts do not fill with blanks. Confirms a carried-over answer, and a changed answer
    /// moves a Ready draft back to In progress only if it makes a required answer missing —
    /// that check belongs to the caller, which knows the questionnaire.
    pub fn set_answer(&mut self, id: &str, value: Option<AnswerValue>, now: DateTime<Utc>) {
        let before = self.answers.get(id).cloned();
        match value {
            Some(v) if v.is_answered() || matches!(v, AnswerValue::Level(_)) => {
                if matches!(&v, AnswerValue::Level(l) if l.level.is_none() && l.evidence.as_deref().is_none_or(str::is_empty) && l.target.is_none())
                {
                    self.answers.remove(id);
                } else {
                    self.answers.insert(id.to_string(), v);
                }
            }
            _ => {
                self.answers.remove(id);
            }
        }
        self.unfinished.remove(id);
        self.confirm(id);
        self.updated_at = now;
        if self.answers.get(id) != before.as_ref() && self.status == DraftStatus::Exported {
            self.status = DraftStatus::ChangedSinceExport;
        }
    }

    /// Mark a carried-over answer as confirmed.
    pub fn confirm(&mut self, id: &str) {
        if let Some(c) = self.carried_over.as_mut() {
            c.unconfirmed.remove(id);
        }
    }

    pub fn is_unconfirmed(&self, id: &str) -> bool {
        self.carried_over
            .as_ref()
            .is_some_and(|c| c.unconfirmed.contains(id))
    }
}
