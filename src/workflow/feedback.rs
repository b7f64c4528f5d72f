//! The hub's feedback arriving at the school: read the file, find the draft whose export it
//! answers, and keep it on that draft (under the draft's lock, so an open window is never
//! written over); the same file twice is kept once.

use std::path::Path;

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::{Workflow, WorkflowError};
use crate::draft::{Draft, ReceivedFeedback};
use crate::export::json::sha256_hex;
use crate::import::feedback_file;
use crate::import::feedback_match::{self, Found};
use crate::store::Listing;

/// What became of a feedback file.
#[derive(Debug, Clone)]
pub struct Attached {
    pub draft: Uuid,
    pub title: String,
    /// "Feedback from Riverside music hub: 3 priorities".
    pub line: String,
    pub found: Found,
    /// It was attached before: nothing changed.
    pub already: bool,
    /// Written by a newer music-sef: kept read-only.
    pub newer: Option<u32>,
    pub first_reflection: chrono::NaiveDate,
    /// Things to check, such as a letter beside it that does not match its hash.
    pub warnings: Vec<String>,
}

impl Attached {
    /// What to tell the teacher, in a sentence or two.
    pub fn message(&self) -> String {
        let mut s = if self.already {
            format!(
                "{} was already attached to \"{}\"; nothing changed.",
                self.line, self.title
            )
        } else {
            format!("{}, attached to \"{}\".", self.line, self.title)
        };
        match self.newer {
            Some(v) => s.push_str(&format!(
                " It was written by a newer music-sef (feedback format {v}), so it is shown read-only: update music-sef to start the follow-up reflection from it."
            )),
            None => s.push_str(&format!(
                " The first reflection on the priorities is due by {}.",
                self.first_reflection.format("%-d %b %Y")
            )),
        }
        s
    }
}

impl Workflow {
    /// Keep the feedback at `path` (a feedback.json, or the folder it came in) on the draft
    /// whose export it answers.
    ///
    /// # Errors
    /// Unreadable or not feedback, answering no draft here (saying whose submission it
    /// answers), the draft open in another window, or it cannot be saved.
    pub fn attach_feedback(
        &self,
        path: &Path,
        now: DateTime<Utc>,
    ) -> Result<Attached, WorkflowError> {
        let read = feedback_file::read(path).map_err(|e| WorkflowError::Feedback(e.to_string()))?;
        let drafts: Vec<Draft> = self
            .store
            .list()
            .into_iter()
            .filter_map(|l| match l {
                Listing::Ok(d) => Some(*d),
                Listing::Damaged { .. } => None,
            })
            .collect();
        let (found_draft, found) = feedback_match::find(&drafts, &read.file, self.registry())
            .map_err(|why| WorkflowError::Feedback(format!("{}: {why}", read.path.display())))?;
        let id = found_draft.id;
        let _lock = self.hold(id)?;
        let mut draft = self.store.load(id)?;
        let already = draft.feedback.iter().any(|f| f.id == read.id);
        if !already {
            draft.feedback.push(ReceivedFeedback {
                id: read.id.clone(),
                received_at: now,
                file: read.file.clone(),
                newer_format: read.newer,
            });
            self.store.save(&draft)?;
        }
        Ok(Attached {
            draft: id,
            title: draft.title,
            // The hub's name comes from the file: made safe for the screen.
            line: crate::answers::parse::sanitize(&read.file.line(), false),
            found,
            already,
            newer: read.newer,
            first_reflection: read.file.dates.first_reflection,
            warnings: letter_checks(&read.path, &read.file.files),
        })
    }
}

/// The files the feedback lists that lie beside it, checked against their hashes.
fn letter_checks(json: &Path, files: &std::collections::BTreeMap<String, String>) -> Vec<String> {
    let Some(dir) = json.parent() else {
        return Vec::new();
    };
    files
        .iter()
        .filter(|(name, _)| crate::import::reader::plain_file_name(name))
        .filter_map(|(name, sha)| {
            let bytes = std::fs::read(dir.join(name)).ok()?;
            (!sha256_hex(&bytes).eq_ignore_ascii_case(sha)).then(|| {
                format!(
                    "The letter {name} beside the feedback file is not the one your music hub wrote (it has changed since); the feedback itself is kept. Ask the hub for the letter again if you need it."
                )
            })
        })
        .collect()
}

/// Why a follow-up reflection cannot start on its own yet.
pub const NO_FEEDBACK_YET: &str = "The follow-up reflection looks back on the priorities your music hub agreed with you, and no feedback from your hub is kept here yet. Import the hub's feedback first (i on the home screen, or `music-sef import FEEDBACK.json`), then start the reflection again: it asks about each priority in turn.";

impl Workflow {
    /// The priorities of the newest feedback kept on any draft here (one this program can
    /// read fully): what a follow-up reflection started on its own looks back on.
    pub(super) fn newest_agreed(&self) -> Option<crate::feedback::Agreed> {
        self.store
            .list()
            .into_iter()
            .filter_map(|l| match l {
                Listing::Ok(d) => Some(d),
                Listing::Damaged { .. } => None,
            })
            .flat_map(|d| d.feedback)
            .filter(|f| f.newer_format.is_none())
            .max_by_key(|f| f.received_at)
            .map(|f| crate::feedback::Agreed::of(&f.file))
    }
}
