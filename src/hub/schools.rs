//! `hub schools`: one line per school for the hub's year — the newest submission of each
//! school that sent one, and each expected school that has not — from the stored summary
//! columns, so 25,000 schools list in a blink.

use rusqlite::OptionalExtension;
use serde::Serialize;

use super::HubError;
use super::db::HubDb;
use super::year::AcademicYear;

/// One school's line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SchoolLine {
    pub urn: Option<u32>,
    pub name: String,
    pub phase: Option<String>,
    pub local_authority: Option<String>,
    /// When the school exported its newest submission (ISO 8601); None: outstanding.
    pub submitted: Option<String>,
    pub questionnaire: Option<String>,
    pub questionnaire_version: Option<String>,
    /// The overall self-judgement, or for audits the indicative award.
    pub overall: Option<String>,
    /// Submissions current for the school this year (one per questionnaire).
    pub submissions: usize,
    pub expected: bool,
    /// Readiness checklist items met, and items that apply; None without a checklist.
    pub checks_met: Option<usize>,
    pub checks_applying: Option<usize>,
    /// Flag kinds on the newest submission (see docs/hub.md).
    pub flags: Vec<String>,
    /// "outstanding", "received", or "received" with what to look at.
    pub status: String,
    /// The review state on the desk (`received`, `in-review`, `follow-up`, `decided`) for a
    /// school that sent something; filled in by `hub schools`, None in the list itself.
    pub review_state: Option<String>,
}

/// The hub's year when none is given: the newest with a submission, else this one.
///
/// # Errors
/// The database cannot be read.
pub fn default_year(db: &HubDb) -> Result<AcademicYear, HubError> {
    let newest: Option<String> = db
        .conn()
        .query_row("SELECT max(academic_year) FROM submissions", [], |r| {
            r.get(0)
        })
        .optional()
        .map_err(|e| db.error(e))?
        .flatten();
    Ok(newest
        .as_deref()
        .and_then(AcademicYear::parse)
        .unwrap_or_else(|| AcademicYear::of(chrono::Local::now().date_naive())))
}

/// Words for a flag kind, for the status column.
pub fn flag_label(kind: &str) -> &str {
    match kind {
        "changed_after_export" => "changed after export",
        "files_missing" => "files missing",
        "no_urn" => "no URN",
        "urn_matched_by_name" => "URN matched by name",
        "unknown_questionnaire" => "questionnaire not installed",
        "other_version" => "other questionnaire version",
        other => other,
    }
}

const LIST_SQL: &str = "
WITH cur AS (
    -- One row per school: SQLite takes the other columns from the row with the newest
    -- generated_at, walking the index in school order, so nothing is sorted but the result.
    -- Only the columns listed, so the stored JSON is never read.
    SELECT id, urn, school_name, title, phase, local_authority, max(generated_at) AS generated_at,
           questionnaire_id, questionnaire_version, overall, award, count(*) AS n,
           checks_met, checks_applying
    FROM submissions WHERE current = 1 AND academic_year = ?1
    GROUP BY school_key
)
SELECT * FROM (
    SELECT cur.urn AS urn, coalesce(e.name, cur.school_name, cur.title) AS name,
           coalesce(cur.phase, e.phase), coalesce(cur.local_authority, e.local_authority),
           cur.generated_at, cur.questionnaire_id, cur.questionnaire_version,
           coalesce(cur.overall, cur.award), cur.n, e.urn IS NOT NULL,
           (SELECT group_concat(kind, ',') FROM flags f WHERE f.submission_id = cur.id),
           cur.checks_met, cur.checks_applying
    FROM cur LEFT JOIN expected_schools e ON e.urn = cur.urn
    WHERE NOT ?2
    UNION ALL
    SELECT e.urn, e.name, e.phase, e.local_authority, NULL, NULL, NULL, NULL, 0, 1, NULL, NULL, NULL
    FROM expected_schools e
    WHERE NOT EXISTS (SELECT 1 FROM submissions s
                      WHERE s.school_key = 'urn:' || e.urn AND s.academic_year = ?1 AND s.current = 1)
)
ORDER BY urn IS NULL, urn, name";

/// The schools of `year`; only the outstanding ones when `outstanding`.
///
/// # Errors
/// The database cannot be read.
pub fn list(
    db: &HubDb,
    year: AcademicYear,
    outstanding: bool,
) -> Result<Vec<SchoolLine>, HubError> {
    let any_expected: bool = db
        .conn()
        .query_row("SELECT EXISTS (SELECT 1 FROM expected_schools)", [], |r| {
            r.get(0)
        })
        .map_err(|e| db.error(e))?;
    let mut st = db
        .conn()
        .prepare_cached(LIST_SQL)
        .map_err(|e| db.error(e))?;
    let rows = st
        .query_map(rusqlite::params![year.label(), outstanding], |r| {
            let flags: Option<String> = r.get(10)?;
            let submitted: Option<String> = r.get(4)?;
            let expected: bool = r.get(9)?;
            let flags: Vec<String> = flags
                .map(|f| f.split(',').map(str::to_string).collect())
                .unwrap_or_default();
            let status = status(submitted.is_some(), expected || !any_expected, &flags);
            Ok(SchoolLine {
                urn: r.get(0)?,
                name: r.get::<_, Option<String>>(1)?.unwrap_or_default(),
                phase: r.get(2)?,
                local_authority: r.get(3)?,
                submitted,
                questionnaire: r.get(5)?,
                questionnaire_version: r.get(6)?,
                overall: r.get(7)?,
                submissions: r.get(8)?,
                expected,
                checks_met: r.get(11)?,
                checks_applying: r.get(12)?,
                flags,
                status,
                review_state: None,
            })
        })
        .map_err(|e| db.error(e))?;
    rows.collect::<Result<_, _>>().map_err(|e| db.error(e))
}

fn status(received: bool, expected: bool, flags: &[String]) -> String {
    if !received {
        return "outstanding".into();
    }
    let mut parts = vec!["received".to_string()];
    if !expected {
        parts.push("not on the expected list".into());
    }
    parts.extend(flags.iter().map(|f| flag_label(f).to_string()));
    parts.join("; ")
}
