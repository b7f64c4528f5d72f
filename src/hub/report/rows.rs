//! Reading the year's submissions for the roll-up, one school at a time (so a national
//! roll-up never holds every submission at once), and the expected schools not heard from.

use rusqlite::params;

use crate::hub::HubError;
use crate::hub::db::HubDb;
use crate::hub::year::AcademicYear;

/// One school's newest current submission of the year, as stored.
#[derive(Debug, Clone, Default)]
pub struct StoredRow {
    pub school_key: String,
    pub urn: Option<u32>,
    /// The expected list's name when the school is on it, else the submission's.
    pub name: Option<String>,
    pub phase: Option<String>,
    pub local_authority: Option<String>,
    pub academic_year: String,
    pub generated_at: String,
    pub questionnaire_id: String,
    pub questionnaire_version: String,
    pub read_with_version: Option<String>,
    pub files_status: String,
    pub flags: Vec<String>,
    /// Other questionnaires' submissions current for the school this year.
    pub others: usize,
    pub json: String,
    /// The hub's own work on it: the newest review state, and the decision in force.
    pub desk: DeskColumns,
}

/// What the hub decided about a submission, as the roll-up shows it.
#[derive(Debug, Clone, Default)]
pub struct DeskColumns {
    /// As stored: `received`, `in_review`, `follow_up`, `decided`; None when never changed.
    pub review_state: Option<String>,
    /// Recommended for the Music Mark of Recognition (None: not decided).
    pub recommended: Option<bool>,
    /// The certificate, or for an audit the award level, as stored.
    pub certificate_or_award: Option<String>,
    /// The agreed priorities, in order.
    pub priorities: Vec<String>,
}

/// Each school's newest current submission of the year, in URN order: ids only, so the
/// sort never carries the stored JSON.
const ORDER_SQL: &str = "
SELECT p.id, p.n - 1 FROM (
    -- The other columns come from the row with the newest generated_at (SQLite's rule for
    -- a lone max()).
    SELECT id, urn, school_name, max(generated_at), count(*) AS n
    FROM submissions WHERE current = 1 AND academic_year = ?1
    GROUP BY school_key) p
LEFT JOIN expected_schools e ON e.urn = p.urn
ORDER BY p.urn IS NULL, p.urn, coalesce(e.name, p.school_name)";

const ROW_SQL: &str = "
SELECT c.school_key, c.urn, coalesce(e.name, c.school_name), coalesce(c.phase, e.phase),
       coalesce(c.local_authority, e.local_authority), c.academic_year, c.generated_at,
       c.questionnaire_id, c.questionnaire_version, c.read_with_version, c.files_status,
       (SELECT group_concat(kind, ',') FROM flags f WHERE f.submission_id = c.id), j.json,
       (SELECT state FROM review_events r WHERE r.submission = c.sha256 ORDER BY r.id DESC LIMIT 1),
       d.recommended, coalesce(d.certificate, d.award),
       (SELECT group_concat(text, char(31)) FROM
          (SELECT text FROM priorities p WHERE p.decision_id = d.id ORDER BY p.n))
FROM submissions c JOIN submission_json j ON j.submission_id = c.id
LEFT JOIN expected_schools e ON e.urn = c.urn
LEFT JOIN decisions d ON d.submission = c.sha256 AND d.replaced_by IS NULL
WHERE c.id = ?1";

fn stored_row(r: &rusqlite::Row<'_>, others: usize) -> rusqlite::Result<StoredRow> {
    let flags: Option<String> = r.get(11)?;
    Ok(StoredRow {
        school_key: r.get(0)?,
        urn: r.get(1)?,
        name: r.get(2)?,
        phase: r.get(3)?,
        local_authority: r.get(4)?,
        academic_year: r.get(5)?,
        generated_at: r.get(6)?,
        questionnaire_id: r.get(7)?,
        questionnaire_version: r.get(8)?,
        read_with_version: r.get(9)?,
        files_status: r.get(10)?,
        flags: flags
            .map(|f| f.split(',').map(str::to_string).collect())
            .unwrap_or_default(),
        others,
        json: r.get(12)?,
        desk: DeskColumns {
            review_state: r.get(13)?,
            recommended: r.get::<_, Option<i64>>(14)?.map(|v| v == 1),
            certificate_or_award: r.get(15)?,
            priorities: r
                .get::<_, Option<String>>(16)?
                .map(|p| p.split('\u{1f}').map(str::to_string).collect())
                .unwrap_or_default(),
        },
    })
}

/// Call `each` with every school's row of `year`, in URN order, reading one submission at
/// a time so memory does not grow with the number of schools.
///
/// # Errors
/// The database cannot be read, or `each` failed.
pub fn each_school(
    db: &HubDb,
    year: AcademicYear,
    each: &mut dyn FnMut(StoredRow) -> Result<(), HubError>,
) -> Result<(), HubError> {
    let order: Vec<(i64, usize)> = {
        let mut st = db.conn().prepare(ORDER_SQL).map_err(|e| db.error(e))?;
        let rows = st
            .query_map(params![year.label()], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(|e| db.error(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| db.error(e))?
    };
    let mut st = db.conn().prepare(ROW_SQL).map_err(|e| db.error(e))?;
    for (id, others) in order {
        let row = st
            .query_row([id], |r| stored_row(r, others))
            .map_err(|e| db.error(e))?;
        each(row)?;
    }
    Ok(())
}

/// An expected school with nothing received this year.
#[derive(Debug, Clone)]
pub struct Outstanding {
    pub urn: u32,
    pub name: String,
    pub phase: Option<String>,
    pub local_authority: Option<String>,
    /// When it last sent anything, in any year.
    pub last_sent: Option<String>,
}

/// The expected schools that have sent nothing for `year`, in URN order.
///
/// # Errors
/// The database cannot be read.
pub fn outstanding(db: &HubDb, year: AcademicYear) -> Result<Vec<Outstanding>, HubError> {
    let mut st = db
        .conn()
        .prepare(
            "SELECT e.urn, e.name, e.phase, e.local_authority,
                    (SELECT max(s.generated_at) FROM submissions s WHERE s.school_key = 'urn:' || e.urn)
             FROM expected_schools e
             WHERE NOT EXISTS (SELECT 1 FROM submissions s
                               WHERE s.school_key = 'urn:' || e.urn AND s.academic_year = ?1 AND s.current = 1)
             ORDER BY e.urn",
        )
        .map_err(|e| db.error(e))?;
    let rows = st
        .query_map(params![year.label()], |r| {
            Ok(Outstanding {
                urn: r.get(0)?,
                name: r.get(1)?,
                phase: r.get(2)?,
                local_authority: r.get(3)?,
                last_sent: r.get(4)?,
            })
        })
        .map_err(|e| db.error(e))?;
    rows.collect::<Result<_, _>>().map_err(|e| db.error(e))
}

/// How many schools the hub expects.
///
/// # Errors
/// The database cannot be read.
pub fn expected_count(db: &HubDb) -> Result<usize, HubError> {
    db.conn()
        .query_row("SELECT count(*) FROM expected_schools", [], |r| r.get(0))
        .map_err(|e| db.error(e))
}

/// The questionnaire ids among the year's current submissions.
///
/// # Errors
/// The database cannot be read.
pub fn questionnaires(db: &HubDb, year: AcademicYear) -> Result<Vec<String>, HubError> {
    let mut st = db
        .conn()
        .prepare("SELECT DISTINCT questionnaire_id FROM submissions WHERE academic_year = ?1 AND current = 1 ORDER BY 1")
        .map_err(|e| db.error(e))?;
    let rows = st
        .query_map(params![year.label()], |r| r.get(0))
        .map_err(|e| db.error(e))?;
    rows.collect::<Result<_, _>>().map_err(|e| db.error(e))
}
