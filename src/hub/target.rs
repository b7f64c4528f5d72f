//! Which submission a desk action on a school means: the school's newest current submission
//! to decide on (a reflection on earlier priorities is shown, not decided on), or the one an
//! officer names by the start of its id.

use rusqlite::{OptionalExtension, Row};

use super::db::HubDb;
use super::{HubError, parse_urn, shown};
use crate::questionnaire::{Purpose, Registry};

/// A submission, as the desk names and shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// The submission's id (`submissions.sha256`).
    pub sha256: String,
    /// The row id, for the tables keyed by it (answers, flags).
    pub row: i64,
    pub urn: Option<u32>,
    /// The name on the expected list, else the name in the submission, else its title.
    pub school: String,
    pub questionnaire_id: String,
    pub questionnaire_version: String,
    pub title: String,
    /// When the school exported it (ISO 8601).
    pub generated_at: String,
    pub academic_year: String,
    pub current: bool,
}

const COLUMNS: &str =
    "s.sha256, s.id, s.urn, coalesce(e.name, s.school_name, s.title), s.questionnaire_id,
    s.questionnaire_version, s.title, s.generated_at, s.academic_year, s.current
    FROM submissions s LEFT JOIN expected_schools e ON e.urn = s.urn";

fn target(r: &Row<'_>) -> rusqlite::Result<Target> {
    Ok(Target {
        sha256: r.get(0)?,
        row: r.get(1)?,
        urn: r.get(2)?,
        school: r.get::<_, Option<String>>(3)?.unwrap_or_default(),
        questionnaire_id: r.get(4)?,
        questionnaire_version: r.get(5)?,
        title: r.get(6)?,
        generated_at: r.get(7)?,
        academic_year: r.get(8)?,
        current: r.get(9)?,
    })
}

/// Whether submissions of `questionnaire_id` are reflections (shown, not decided on).
pub fn is_reflection(registry: &Registry, questionnaire_id: &str) -> bool {
    registry.entries.iter().any(|e| {
        e.questionnaire.id == questionnaire_id && e.questionnaire.purpose == Purpose::Reflection
    })
}

/// The URN typed on the command line.
///
/// # Errors
/// Not six digits.
pub fn urn_arg(raw: &str) -> Result<u32, HubError> {
    parse_urn(raw).ok_or_else(|| {
        HubError::Input(format!(
            "\"{}\" is not a URN: a URN has six digits, for example 123456 (see `music-sef hub schools`).",
            shown(raw)
        ))
    })
}

/// Every submission from the school with `urn`, newest first.
///
/// # Errors
/// The database cannot be read.
pub fn all_for(db: &HubDb, urn: u32) -> Result<Vec<Target>, HubError> {
    let sql = format!("SELECT {COLUMNS} WHERE s.urn = ?1 ORDER BY s.generated_at DESC, s.id DESC");
    let mut st = db.conn().prepare_cached(&sql).map_err(|e| db.error(e))?;
    let rows = st.query_map([urn], target).map_err(|e| db.error(e))?;
    rows.collect::<Result<_, _>>().map_err(|e| db.error(e))
}

/// The submission `sha256` names (the whole id).
///
/// # Errors
/// The database cannot be read.
pub fn by_id(db: &HubDb, sha256: &str) -> Result<Option<Target>, HubError> {
    let sql = format!("SELECT {COLUMNS} WHERE s.sha256 = ?1");
    db.conn()
        .prepare_cached(&sql)
        .and_then(|mut st| st.query_row([sha256], target).optional())
        .map_err(|e| db.error(e))
}

/// The submission an action on the school `urn` acts on: the one whose id starts with
/// `chosen`, else the newest current one that is not a reflection. `doing` completes "There
/// is no submission from URN … to …" ("decide on", "review").
///
/// # Errors
/// No such school or submission (saying how to fix it), or the database cannot be read.
pub fn for_urn(
    db: &HubDb,
    registry: &Registry,
    urn: u32,
    chosen: Option<&str>,
    doing: &str,
) -> Result<Target, HubError> {
    let all = all_for(db, urn)?;
    if all.is_empty() {
        return Err(HubError::Input(format!(
            "There is no submission from URN {urn} to {doing}{}. Take the school's bundle in first with `music-sef hub add PATH`, or check the URN with `music-sef hub schools`.",
            expected_name(db, urn)?
                .map(|n| format!(" ({})", shown(&n)))
                .unwrap_or_default()
        )));
    }
    if let Some(prefix) = chosen.map(|c| c.trim().to_ascii_lowercase()) {
        let found: Vec<&Target> = all
            .iter()
            .filter(|t| t.sha256.starts_with(&prefix))
            .collect();
        return match found.as_slice() {
            [one] if prefix.len() >= 6 => Ok((*one).clone()),
            [_] | [_, _, ..] => Err(HubError::Input(format!(
                "More than one submission of URN {urn} starts with \"{}\": give more of its id (see the school's page on the desk).",
                shown(&prefix)
            ))),
            [] => Err(HubError::Input(format!(
                "No submission of URN {urn} has an id starting with \"{}\". The school's submissions: {}.",
                shown(&prefix),
                all.iter()
                    .map(|t| format!(
                        "{} ({})",
                        &t.sha256[..12.min(t.sha256.len())],
                        super::day_of(&t.generated_at)
                    ))
                    .collect::<Vec<_>>()
                    .join(", ")
            ))),
        };
    }
    all.iter()
        .find(|t| t.current && !is_reflection(registry, &t.questionnaire_id))
        .or_else(|| all.iter().find(|t| t.current))
        .or_else(|| all.first())
        .cloned()
        .ok_or_else(|| {
            HubError::Input(format!("There is no submission from URN {urn} to {doing}."))
        })
}

fn expected_name(db: &HubDb, urn: u32) -> Result<Option<String>, HubError> {
    db.conn()
        .query_row(
            "SELECT name FROM expected_schools WHERE urn = ?1",
            [urn],
            |r| r.get(0),
        )
        .optional()
        .map_err(|e| db.error(e))
}
