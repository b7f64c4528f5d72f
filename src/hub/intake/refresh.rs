//! Submissions kept raw because their questionnaire was not installed are read again once
//! it is: their school, year, judgements and flags are worked out as at intake.

use rusqlite::{Connection, params};

use super::record::{self, Flag};
use super::school;
use crate::hub::db::HubDb;
use crate::hub::{HubError, name_key};
use crate::import::reader;
use crate::questionnaire::Registry;

/// The flags that finding the school sets.
const SCHOOL_FLAGS: [&str; 2] = ["no_urn", "urn_matched_by_name"];

/// A stored submission waiting for its questionnaire.
struct Waiting {
    id: i64,
    json: String,
    school_key: String,
    year: String,
    urn_from: String,
}

/// Read again every stored submission whose questionnaire is now available. Returns how
/// many were read.
///
/// # Errors
/// The database is in use or cannot be written.
pub fn refresh(db: &HubDb, registry: &Registry) -> Result<usize, HubError> {
    let known: Vec<&str> = registry
        .entries
        .iter()
        .map(|e| e.questionnaire.id.as_str())
        .collect();
    let waiting: Vec<Waiting> = {
        let mut st = db
            .conn()
            .prepare(
                "SELECT s.id, j.json, s.school_key, s.academic_year, s.urn_from, s.questionnaire_id
                 FROM submissions s JOIN submission_json j ON j.submission_id = s.id
                 WHERE s.read_with_version IS NULL",
            )
            .map_err(|e| db.error(e))?;
        let rows = st
            .query_map([], |r| {
                Ok((
                    Waiting {
                        id: r.get(0)?,
                        json: r.get(1)?,
                        school_key: r.get(2)?,
                        year: r.get(3)?,
                        urn_from: r.get(4)?,
                    },
                    r.get::<_, String>(5)?,
                ))
            })
            .map_err(|e| db.error(e))?;
        rows.filter_map(Result::ok)
            .filter(|(_, q)| known.contains(&q.as_str()))
            .map(|(w, _)| w)
            .collect()
    };
    if waiting.is_empty() {
        return Ok(0);
    }
    db.write(|c| {
        let mut n = 0;
        for w in &waiting {
            n += usize::from(reread(c, registry, w)?);
        }
        Ok(n)
    })
}

fn reread(c: &Connection, registry: &Registry, w: &Waiting) -> rusqlite::Result<bool> {
    // It was read once at intake; a stored text that no longer parses is left as it is.
    let Ok(sub) = reader::parse(std::path::Path::new("hub"), w.json.as_bytes()) else {
        return Ok(false);
    };
    let (summary, read_with, mut flags) = record::read_answers(registry, &sub);
    let year = summary.year(sub.generated_at).label();
    let (urn, urn_from) = if w.urn_from == "none" {
        let (u, from, flag) = school::resolve_school(c, &summary)?;
        flags.extend(flag);
        (u, from)
    } else {
        let urn = c.query_row("SELECT urn FROM submissions WHERE id = ?1", [w.id], |r| {
            r.get(0)
        })?;
        (
            urn,
            if w.urn_from == "answer" {
                "answer"
            } else {
                "name"
            },
        )
    };
    let key = school::school_key(urn, &summary);
    let checks = super::record::checks_columns(&summary);
    c.execute(
        "UPDATE submissions SET school_key = ?2, urn = ?3, urn_from = ?4, school_name = ?5,
             name_key = ?6, phase = ?7, local_authority = ?8, read_with_version = ?9,
             academic_year = ?10, overall = ?11, award = ?12, answered = ?13, applicable = ?14,
             plan_url = ?15, overall_rank = ?16, checks_met = ?17, checks_applying = ?18
         WHERE id = ?1",
        params![
            w.id,
            key,
            urn,
            urn_from,
            summary.school,
            summary.school.as_deref().map(name_key),
            summary.phase,
            summary.local_authority,
            read_with,
            year,
            summary.overall.as_ref().map(|j| j.label.clone()),
            summary.award_label(),
            summary.progress.answered,
            summary.progress.total,
            summary.plan_url,
            summary.overall.as_ref().and_then(|j| j.rank),
            checks.0,
            checks.1,
        ],
    )?;
    let mut kinds = vec!["unknown_questionnaire", "other_version"];
    if w.urn_from == "none" {
        kinds.extend(SCHOOL_FLAGS);
    }
    replace_flags(c, w.id, &flags, &kinds)?;
    school::recompute_current(c, &w.school_key, &sub.questionnaire.id, &w.year)?;
    school::recompute_current(c, &key, &sub.questionnaire.id, &year)?;
    Ok(true)
}

/// Replace the flags of `kinds` with `flags`; the others (about the files) stay.
fn replace_flags(c: &Connection, id: i64, flags: &[Flag], kinds: &[&str]) -> rusqlite::Result<()> {
    let mut st = c.prepare_cached("DELETE FROM flags WHERE submission_id = ?1 AND kind = ?2")?;
    for kind in kinds {
        st.execute(params![id, kind])?;
    }
    for f in flags {
        c.execute(
            "INSERT OR REPLACE INTO flags (submission_id, kind, message) VALUES (?1, ?2, ?3)",
            params![id, f.kind, f.message],
        )?;
    }
    Ok(())
}

/// Look again, by name, for the school of every submission held without a URN (after a
/// new expected list). Returns how many were matched.
///
/// # Errors
/// Only SQLite errors.
pub fn rematch_names(c: &Connection) -> rusqlite::Result<usize> {
    let unmatched: Vec<(i64, Option<String>, String, String, String)> = c
        .prepare(
            "SELECT id, school_name, school_key, questionnaire_id, academic_year
             FROM submissions WHERE urn_from = 'none'",
        )?
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?
        .collect::<Result<_, _>>()?;
    let mut matched = 0;
    for (id, name, old_key, questionnaire, year) in unmatched {
        let summary = crate::hub::summary::SchoolSummary {
            school: name,
            ..Default::default()
        };
        let (urn, from, flag) = school::resolve_school(c, &summary)?;
        if urn.is_none() {
            continue;
        }
        let key = school::school_key(urn, &summary);
        c.execute(
            "UPDATE submissions SET urn = ?2, urn_from = ?3, school_key = ?4 WHERE id = ?1",
            params![id, urn, from, key],
        )?;
        replace_flags(c, id, &Vec::from_iter(flag), &SCHOOL_FLAGS)?;
        school::recompute_current(c, &old_key, &questionnaire, &year)?;
        school::recompute_current(c, &key, &questionnaire, &year)?;
        matched += 1;
    }
    Ok(matched)
}
