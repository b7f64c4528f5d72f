//! A small summary beside each draft (`summary.json`): what a list of drafts shows of it, so
//! the home screen, `music-sef drafts` and finding a draft by its title need not read and
//! parse every draft in the folder. It is only a cache: it names the draft file's size and
//! modification time it was made from, is ignored (and made again) whenever those differ,
//! and nothing is ever lost when it is missing or damaged.

use std::fs;
use std::path::PathBuf;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::Store;
use crate::answers::Progress;
use crate::draft::{Draft, DraftStatus, QuestionnaireRef};
use crate::questionnaire::installed::{Stamp, read_regular};

/// A summary is a few hundred bytes; anything far larger is not one.
const MAX_SUMMARY_BYTES: u64 = 64 * 1024;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// The draft file this was made from.
    pub stamp: Stamp,
    pub id: Uuid,
    pub title: String,
    pub questionnaire: QuestionnaireRef,
    pub status: DraftStatus,
    pub updated_at: DateTime<Utc>,
    /// Why the draft opens read-only: it holds what this build does not know.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub newer: Option<String>,
    /// What the hub has said about it (`workflow::drafts::hub_note`), as the list shows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hub_note: Option<String>,
    /// Progress against the questionnaire, when worked out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<Against>,
}

/// Progress worked out against one questionnaire, named by its fingerprint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Against {
    pub fingerprint: String,
    /// The questionnaire's title; None when it was not found.
    pub title: Option<String>,
    /// total, answered, required missing, recommended missing.
    pub counts: Option<[usize; 4]>,
}

impl Against {
    pub fn new(fingerprint: String, title: Option<String>, p: Option<Progress>) -> Self {
        Self {
            fingerprint,
            title,
            counts: p.map(|p| {
                [
                    p.total,
                    p.answered,
                    p.required_missing,
                    p.recommended_missing,
                ]
            }),
        }
    }

    pub fn progress(&self) -> Option<Progress> {
        self.counts.map(
            |[total, answered, required_missing, recommended_missing]| Progress {
                total,
                answered,
                required_missing,
                recommended_missing,
            },
        )
    }
}

impl Summary {
    pub fn of(draft: &Draft, stamp: Stamp, newer: Option<String>) -> Self {
        Self {
            stamp,
            id: draft.id,
            title: draft.title.clone(),
            questionnaire: draft.questionnaire.clone(),
            status: draft.status,
            updated_at: draft.updated_at,
            newer,
            hub_note: None,
            progress: None,
        }
    }
}

/// A draft file can be as large as its answers; the cap is only against reading forever.
const MAX_DRAFT_BYTES: u64 = 1 << 40;

/// Read a draft (or temp) file only if it is a regular file: never blocking on a FIFO.
///
/// # Errors
/// Missing, unreadable or special file.
pub fn read_regular_file(path: &std::path::Path) -> std::io::Result<(Vec<u8>, Stamp)> {
    read_regular(path, MAX_DRAFT_BYTES)
}

impl Store {
    fn summary_file(&self, id: Uuid) -> PathBuf {
        self.draft_dir(id).join("summary.json")
    }

    /// The stamp of a draft's file as it is now; None when there is no regular file.
    pub fn draft_stamp(&self, id: Uuid) -> Option<Stamp> {
        fs::metadata(self.draft_file(id))
            .ok()
            .filter(fs::Metadata::is_file)
            .map(|m| Stamp::of(&m))
    }

    /// The draft's summary, if one was made from the draft file as it is now.
    pub fn summary(&self, id: Uuid) -> Option<Summary> {
        let now = self.draft_stamp(id)?;
        let (bytes, _) = read_regular(&self.summary_file(id), MAX_SUMMARY_BYTES).ok()?;
        serde_json::from_slice::<Summary>(&bytes)
            .ok()
            .filter(|s| s.stamp == now && s.id == id)
    }

    /// Keep a summary for next time. Not flushed to disk and failures are ignored: it is a
    /// cache, and a lost one is made again from the draft.
    pub fn keep_summary(&self, s: &Summary) {
        let Ok(json) = serde_json::to_vec(s) else {
            return;
        };
        let dir = self.draft_dir(s.id);
        let tmp = dir.join(format!(".summary.{}.tmp", std::process::id()));
        if fs::write(&tmp, json).is_ok() && fs::rename(&tmp, dir.join("summary.json")).is_err() {
            let _ = fs::remove_file(&tmp);
        }
    }

    /// The ids of the draft folders, from their names alone.
    pub fn ids(&self) -> Vec<Uuid> {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        entries
            .filter_map(Result::ok)
            .filter_map(|e| Uuid::parse_str(&e.file_name().to_string_lossy()).ok())
            .collect()
    }
}
