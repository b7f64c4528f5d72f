//! Reflections received: a submission that looks back on the priorities agreed on an earlier
//! one (the follow-up reflection, or a review started from the hub's feedback). On intake it
//! is linked to the decision whose priorities it answers, and its answers are read out per
//! priority ("Priority 2: A published plan — Well on the way") for `hub add` and the desk.

use chrono::{SecondsFormat, Utc};
use rusqlite::{Connection, params};

use super::HubError;
use super::db::HubDb;
use super::shown;
use crate::answers::display::answer_text;
use crate::export::json::SubmissionFile;
use crate::questionnaire::{QuestionType, Questionnaire, copy_id};

/// One line per agreed priority: its words and how far the school says it has come (the
/// first rating in the section made for it), for a submission that looks back on some;
/// `qn` as written, its repeated sections not yet made.
pub fn lines(qn: Option<&Questionnaire>, sub: &SubmissionFile) -> Vec<String> {
    let Some(agreed) = &sub.agreed else {
        return Vec::new();
    };
    let repeated: Vec<&str> = qn
        .map(|q| {
            q.sections
                .iter()
                .filter(|s| s.repeat.is_some())
                .map(|s| s.id.as_str())
                .collect()
        })
        .unwrap_or_default();
    let made = qn.map(|q| q.for_agreed(Some(agreed)));
    agreed
        .priorities
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let said = made
                .as_ref()
                .and_then(|q| progress(q, &repeated, i + 1, sub));
            let said = said
                .map(|s| format!(" — {s}"))
                .unwrap_or_else(|| " — not answered".into());
            shown(&format!("Priority {}: {}{said}", i + 1, p.text))
        })
        .collect()
}

fn progress(
    q: &Questionnaire,
    repeated: &[&str],
    n: usize,
    sub: &SubmissionFile,
) -> Option<String> {
    let ids: Vec<String> = repeated.iter().map(|id| copy_id(id, n)).collect();
    q.sections
        .iter()
        .filter(|s| ids.contains(&s.id))
        .flat_map(|s| &s.questions)
        .filter(|x| x.kind == QuestionType::Rating)
        .find_map(|x| {
            sub.answers
                .get(&x.id)
                .filter(|v| v.is_answered())
                .map(|v| answer_text(q, x, v))
        })
}

/// Keep that the submission `identity` looks back on the priorities agreed on the
/// submission `answers` (inside the caller's transaction).
///
/// # Errors
/// Only SQLite errors.
pub fn link(c: &Connection, identity: &str, answers: &str) -> rusqlite::Result<()> {
    c.prepare_cached(
        "INSERT OR IGNORE INTO reflections (submission, answers, decision_id, received_at)
         VALUES (?1, ?2, (SELECT id FROM decisions WHERE submission = ?2 AND replaced_by IS NULL), ?3)",
    )?
    .execute(params![
        identity,
        answers,
        Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true)
    ])
    .map(|_| ())
}

/// The reflections held on the priorities agreed on `answers`: each one's row id, oldest first.
///
/// # Errors
/// The database cannot be read.
pub fn on(db: &HubDb, answers: &str) -> Result<Vec<i64>, HubError> {
    let mut st = db
        .conn()
        .prepare_cached(
            "SELECT s.id FROM reflections r JOIN submissions s ON s.sha256 = r.submission
             WHERE r.answers = ?1 ORDER BY s.generated_at",
        )
        .map_err(|e| db.error(e))?;
    let rows = st
        .query_map([answers], |r| r.get(0))
        .map_err(|e| db.error(e))?;
    rows.collect::<Result<_, _>>().map_err(|e| db.error(e))
}
