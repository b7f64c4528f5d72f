//! Putting one received submission into the database: its identity (the same submission
//! twice is one record), its school (by URN, else matched by name), which submission is
//! current for the school, questionnaire and year, the file checks and the flags.

pub use super::flag::Flag;
use chrono::{SecondsFormat, Utc};
use rusqlite::{Connection, OptionalExtension, params};

use super::school::{current_of, recompute_current, resolve_school, school_key};
use super::sources::Received;
use crate::export::json::SubmissionFile;
use crate::hub::summary::SchoolSummary;
use crate::hub::{name_key, shown};
use crate::questionnaire::Registry;

/// What became of a submission.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// New, and now current for its school.
    Taken,
    /// New, and newer than the one held, which stays as history.
    Newer,
    /// New, but older than the one held: kept as history.
    Older,
    /// The same submission was taken before.
    AlreadyHad,
}

impl Outcome {
    pub fn name(self) -> &'static str {
        match self {
            Self::Taken => "taken",
            Self::Newer => "newer",
            Self::Older => "older",
            Self::AlreadyHad => "already_had",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Recorded {
    pub outcome: Outcome,
    pub id: i64,
    /// The submission's identity (see [`identity`]).
    pub identity: String,
    pub school: Option<String>,
    pub urn: Option<u32>,
    pub year: String,
    pub flags: Vec<Flag>,
    /// For a reflection: a line per priority it looks back on, with how far it has come.
    pub reflection: Vec<String>,
}

/// A listed file: name, expected hash, hash found, status.
pub type FileRow = (String, String, Option<String>, &'static str);

/// Everything worked out before the write transaction, so the lock is held briefly.
pub struct Prepared {
    pub identity: String,
    pub summary: SchoolSummary,
    pub read_with: Option<String>,
    pub year: String,
    pub files_status: &'static str,
    pub file_rows: Vec<FileRow>,
    pub flags: Vec<Flag>,
    pub reflection: Vec<String>,
}

/// The submission's identity (shared with the school's side, which records it on each
/// export so the hub's feedback finds its draft).
pub use crate::export::json::identity;

/// The overall files status, a row per listed file, and the flags they call for.
fn file_checks(r: &Received) -> (&'static str, Vec<FileRow>, Vec<Flag>) {
    let mut rows = Vec::new();
    let (mut changed, mut missing) = (Vec::new(), Vec::new());
    for f in &r.files {
        let status = match &f.actual {
            _ if r.bare => "not_available",
            None => {
                missing.push(shown(&f.name));
                "missing"
            }
            Some(a) if a.eq_ignore_ascii_case(&f.expected) => "verified",
            Some(_) => {
                changed.push(shown(&f.name));
                "changed"
            }
        };
        rows.push((f.name.clone(), f.expected.clone(), f.actual.clone(), status));
    }
    let mut flags = Vec::new();
    if !changed.is_empty() {
        flags.push(Flag {
            kind: "changed_after_export",
            message: format!(
                "changed after export: {} no longer match{} the hash in submission.json; ask the school to export and send the bundle again",
                changed.join(", "),
                if changed.len() == 1 { "es" } else { "" }
            ),
        });
    }
    if !missing.is_empty() {
        flags.push(Flag {
            kind: "files_missing",
            message: format!("files missing from the bundle: {}", missing.join(", ")),
        });
    }
    let status = if r.bare {
        "not_available"
    } else if !changed.is_empty() {
        "changed"
    } else if !missing.is_empty() {
        "missing"
    } else {
        "verified"
    };
    (status, rows, flags)
}

/// Read the answers with the questionnaire they belong to, when this program has it.
pub fn read_answers(
    registry: &Registry,
    sub: &SubmissionFile,
) -> (SchoolSummary, Option<String>, Vec<Flag>) {
    let q = &sub.questionnaire;
    let held = registry.entries.iter().find(|e| e.questionnaire.id == q.id);
    let Some(entry) = held else {
        let id = shown(&q.id);
        return (
            SchoolSummary::unread(&sub.answers),
            None,
            vec![Flag {
                kind: "unknown_questionnaire",
                message: format!(
                    "install questionnaire {id} (version {}) to read these answers: they are kept as sent",
                    shown(&q.version)
                ),
            }],
        );
    };
    // A reflection's answers are in the sections made for the priorities it looks back on.
    let qn = &entry.for_agreed(sub.agreed.as_ref());
    let mut flags = Vec::new();
    if qn.version != q.version {
        flags.push(Flag {
            kind: "other_version",
            message: format!(
                "sent with version {} of {}; read with version {}, the one here (install version {} to read it exactly)",
                shown(&q.version),
                qn.id,
                qn.version,
                shown(&q.version)
            ),
        });
    }
    (
        SchoolSummary::compute(qn, &sub.answers, sub.generated_at.date_naive()),
        Some(qn.version.clone()),
        flags,
    )
}

pub fn prepare(registry: &Registry, r: &Received) -> Prepared {
    let (summary, read_with, mut flags) = read_answers(registry, &r.submission);
    let (files_status, file_rows, file_flags) = file_checks(r);
    flags.splice(0..0, file_flags);
    Prepared {
        identity: identity(&r.json),
        year: summary.year(r.submission.generated_at).label(),
        summary,
        read_with,
        files_status,
        file_rows,
        flags,
        reflection: super::super::reflection::lines(
            registry.written(&r.submission.questionnaire.id),
            &r.submission,
        ),
    }
}

/// Write one submission (inside the caller's transaction).
///
/// # Errors
/// Only SQLite errors.
pub fn record(c: &Connection, r: &Received, p: &Prepared) -> rusqlite::Result<Recorded> {
    let existing: Option<(i64, Option<u32>, String)> = c
        .prepare_cached("SELECT id, urn, academic_year FROM submissions WHERE sha256 = ?1")?
        .query_row([&p.identity], |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?))
        })
        .optional()?;
    if let Some((id, urn, year)) = existing {
        let flags = merge_checks(c, id, p)?;
        return Ok(Recorded {
            outcome: Outcome::AlreadyHad,
            id,
            identity: p.identity.clone(),
            school: p.summary.school.clone(),
            urn,
            year,
            flags,
            reflection: p.reflection.clone(),
        });
    }
    let (urn, urn_from, urn_flag) = resolve_school(c, &p.summary)?;
    let mut flags = p.flags.clone();
    flags.extend(urn_flag);
    let key = school_key(urn, &p.summary);
    let q = &r.submission.questionnaire;
    let before = current_of(c, &key, &q.id, &p.year)?;
    let id = insert_submission(c, r, p, urn, urn_from, &key)?;
    insert_details(c, id, r, p, &flags)?;
    if let Some(a) = &r.submission.agreed {
        super::super::reflection::link(c, &p.identity, &a.submission)?;
    }
    let after = recompute_current(c, &key, &q.id, &p.year)?;
    let outcome = match (before, after) {
        (None, _) => Outcome::Taken,
        (Some(_), Some(now)) if now == id => Outcome::Newer,
        _ => Outcome::Older,
    };
    Ok(Recorded {
        outcome,
        id,
        identity: p.identity.clone(),
        school: p.summary.school.clone(),
        urn,
        year: p.year.clone(),
        flags,
        reflection: p.reflection.clone(),
    })
}

/// Another copy of a submission already held: what its files show is added, so a copy
/// changed after export is flagged even when an unchanged copy came first, and a copy with
/// its files checks what a bare submission.json could not.
fn merge_checks(c: &Connection, id: i64, p: &Prepared) -> rusqlite::Result<Vec<Flag>> {
    if p.files_status == "not_available" {
        return Ok(Vec::new());
    }
    let mut st = c.prepare_cached(
        "UPDATE submission_files SET actual_sha256 = ?3, status = ?4
         WHERE submission_id = ?1 AND name = ?2 AND (?4 = 'changed' OR status IN ('missing', 'not_available'))",
    )?;
    for (name, _, actual, status) in &p.file_rows {
        if matches!(*status, "changed" | "verified") {
            st.execute(params![id, name, actual, status])?;
        }
    }
    c.prepare_cached(
        "UPDATE submissions SET files_status = (
             SELECT CASE WHEN sum(status = 'changed') > 0 THEN 'changed'
                         WHEN sum(status = 'missing') > 0 THEN 'missing'
                         WHEN sum(status = 'verified') > 0 THEN 'verified'
                         ELSE files_status END
             FROM submission_files WHERE submission_id = ?1)
         WHERE id = ?1 AND EXISTS (SELECT 1 FROM submission_files WHERE submission_id = ?1)",
    )?
    .execute([id])?;
    let changed: Vec<Flag> = p
        .flags
        .iter()
        .filter(|f| f.kind == "changed_after_export")
        .cloned()
        .collect();
    let mut st = c.prepare_cached(
        "INSERT OR REPLACE INTO flags (submission_id, kind, message) VALUES (?1, ?2, ?3)",
    )?;
    for f in &changed {
        st.execute(params![id, f.kind, f.message])?;
    }
    Ok(changed)
}

fn insert_submission(
    c: &Connection,
    r: &Received,
    p: &Prepared,
    urn: Option<u32>,
    urn_from: &str,
    key: &str,
) -> rusqlite::Result<i64> {
    let s = &p.summary;
    let sub = &r.submission;
    let json = String::from_utf8_lossy(&r.json);
    let checks = checks_columns(s);
    c.prepare_cached(
        "INSERT INTO submissions (sha256, school_key, urn, urn_from, school_name, name_key, phase,
             local_authority, questionnaire_id, questionnaire_version, read_with_version, academic_year,
             generated_at, title, app_version, overall, overall_rank, award, answered, applicable,
             plan_url, files_status, current, source_path, received_at, checks_met, checks_applying)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
             ?20, ?21, ?22, 0, ?23, ?24, ?25, ?26)",
    )?
    .execute(params![
        p.identity,
        key,
        urn,
        urn_from,
        s.school,
        s.school.as_deref().map(name_key),
        s.phase,
        s.local_authority,
        sub.questionnaire.id,
        sub.questionnaire.version,
        p.read_with,
        p.year,
        sub.generated_at.to_rfc3339_opts(SecondsFormat::Micros, true),
        sub.title,
        sub.app_version,
        s.overall.as_ref().map(|j| j.label.clone()),
        s.overall.as_ref().and_then(|j| j.rank),
        s.award_label(),
        p.read_with.as_ref().map(|_| s.progress.answered),
        p.read_with.as_ref().map(|_| s.progress.total),
        s.plan_url,
        p.files_status,
        r.source.display().to_string(),
        Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true),
        checks.0,
        checks.1,
    ])?;
    let id = c.last_insert_rowid();
    // Kept apart so the submissions table stays small and quick to list.
    c.prepare_cached("INSERT INTO submission_json (submission_id, json) VALUES (?1, ?2)")?
        .execute(params![id, json])?;
    Ok(id)
}

fn insert_details(
    c: &Connection,
    id: i64,
    r: &Received,
    p: &Prepared,
    flags: &[Flag],
) -> rusqlite::Result<()> {
    let mut st = c.prepare_cached(
        "INSERT INTO submission_files (submission_id, name, expected_sha256, actual_sha256, status) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (name, expected, actual, status) in &p.file_rows {
        st.execute(params![id, name, expected, actual, status])?;
    }
    let mut st = c.prepare_cached(
        "INSERT OR REPLACE INTO flags (submission_id, kind, message) VALUES (?1, ?2, ?3)",
    )?;
    for f in flags {
        st.execute(params![id, f.kind, f.message])?;
    }
    let mut st = c.prepare_cached(
        "INSERT INTO answers (submission_id, question_id, value) VALUES (?1, ?2, ?3)",
    )?;
    for (qid, v) in &r.submission.answers {
        st.execute(params![id, qid, v.to_json().to_string()])?;
    }
    Ok(())
}

/// The checklist as the list shows it: items met, and items that apply (met, not met or not
/// answered); both NULL when the questionnaire has no checklist or was not read.
pub fn checks_columns(s: &SchoolSummary) -> (Option<usize>, Option<usize>) {
    let t = s.checks_tally();
    let applying = t.met + t.not_met + t.not_answered;
    if applying == 0 {
        (None, None)
    } else {
        (Some(t.met), Some(applying))
    }
}
