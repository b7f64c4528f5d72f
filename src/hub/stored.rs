//! A submission held in the database read back whole: its submission.json, the
//! questionnaire it is read with (made for the priorities it looks back on), and the
//! summary every hub figure comes from.

use super::HubError;
use super::db::HubDb;
use super::intake::record::read_answers;
use super::summary::SchoolSummary;
use crate::export::json::SubmissionFile;
use crate::questionnaire::{Questionnaire, Registry};

/// A held submission, read.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub sub: SubmissionFile,
    /// None when its questionnaire is not installed here.
    pub qn: Option<Questionnaire>,
    pub summary: SchoolSummary,
}

impl Loaded {
    /// The music hub as the school named it, if it did.
    pub fn summary_hub(&self) -> Option<String> {
        let qn = self.qn.as_ref()?;
        qn.with_role(crate::questionnaire::Role::HubName)
            .find_map(|q| {
                self.sub
                    .answers
                    .get(&q.id)
                    .filter(|v| v.is_answered())
                    .map(|v| crate::answers::display::answer_text(qn, q, v))
            })
    }
}

/// The questionnaire `sub` is read with, when this program has it: the held version, with
/// its repeated sections made for the priorities the submission looks back on.
pub fn questionnaire(registry: &Registry, sub: &SubmissionFile) -> Option<Questionnaire> {
    registry
        .entries
        .iter()
        .find(|e| e.questionnaire.id == sub.questionnaire.id)
        .map(|e| e.for_agreed(sub.agreed.as_ref()))
}

/// The submission with row id `row`.
///
/// # Errors
/// The database cannot be read, or the stored JSON is damaged.
pub fn load(db: &HubDb, registry: &Registry, row: i64) -> Result<Option<Loaded>, HubError> {
    use rusqlite::OptionalExtension;
    let json: Option<String> = db
        .conn()
        .query_row(
            "SELECT json FROM submission_json WHERE submission_id = ?1",
            [row],
            |r| r.get(0),
        )
        .optional()
        .map_err(|e| db.error(e))?;
    let Some(json) = json else {
        return Ok(None);
    };
    let sub: SubmissionFile = serde_json::from_str(&json).map_err(|e| HubError::Db {
        path: db.path().to_path_buf(),
        reason: format!("a stored submission cannot be read back ({e})"),
    })?;
    let (summary, _, _) = read_answers(registry, &sub);
    Ok(Some(Loaded {
        qn: questionnaire(registry, &sub),
        sub,
        summary,
    }))
}
