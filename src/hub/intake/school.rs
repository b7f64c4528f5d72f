//! Which school a submission belongs to (its URN, else the one expected school or earlier
//! submission with the same name), and which of a school's submissions is current.

use rusqlite::{Connection, OptionalExtension, params};

use super::flag::Flag;
use crate::hub::summary::SchoolSummary;
use crate::hub::{name_key, parse_urn, shown};

/// The school a submission belongs to: its own URN, else the one expected school (or
/// earlier submission) with the same name.
pub fn resolve_school(
    c: &Connection,
    summary: &SchoolSummary,
) -> rusqlite::Result<(Option<u32>, &'static str, Option<Flag>)> {
    if let Some(urn) = summary.urn.as_deref().and_then(parse_urn) {
        return Ok((Some(urn), "answer", None));
    }
    let name = summary.school.as_deref().unwrap_or("");
    let key = name_key(name);
    let bad = summary
        .urn
        .as_deref()
        .map(|u| format!("the URN \"{}\" is not a six-digit URN; ", shown(u)))
        .unwrap_or_else(|| "no URN given; ".into());
    let mut found: Vec<u32> = Vec::new();
    if !key.is_empty() {
        let mut st =
            c.prepare_cached("SELECT urn FROM expected_schools WHERE name_key = ?1 LIMIT 2")?;
        found = st
            .query_map([&key], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        if found.is_empty() {
            let mut st = c.prepare_cached(
                "SELECT DISTINCT urn FROM submissions WHERE name_key = ?1 AND urn IS NOT NULL LIMIT 2",
            )?;
            found = st
                .query_map([&key], |r| r.get(0))?
                .collect::<Result<_, _>>()?;
        }
    }
    Ok(match found.as_slice() {
        [urn] => (
            Some(*urn),
            "name",
            Some(Flag {
                kind: "urn_matched_by_name",
                message: format!(
                    "{bad}matched by its name \"{}\" to URN {urn}; check it is the right school",
                    shown(name)
                ),
            }),
        ),
        _ => (
            None,
            "none",
            Some(Flag {
                kind: "no_urn",
                message: format!(
                    "{bad}{}; it is listed by name until the school sends its URN",
                    if found.len() > 1 {
                        "more than one school has this name"
                    } else {
                        "no expected school has this name"
                    }
                ),
            }),
        ),
    })
}

/// Make the newest submission of a school, questionnaire and year the current one.
pub fn recompute_current(
    c: &Connection,
    school_key: &str,
    questionnaire: &str,
    year: &str,
) -> rusqlite::Result<Option<i64>> {
    c.prepare_cached(
        "UPDATE submissions SET current = (id = (
             SELECT s2.id FROM submissions s2
             WHERE s2.school_key = ?1 AND s2.questionnaire_id = ?2 AND s2.academic_year = ?3
             ORDER BY s2.generated_at DESC, s2.id DESC LIMIT 1))
         WHERE school_key = ?1 AND questionnaire_id = ?2 AND academic_year = ?3",
    )?
    .execute(params![school_key, questionnaire, year])?;
    current_of(c, school_key, questionnaire, year)
}

/// The current submission of a school, questionnaire and year.
pub fn current_of(
    c: &Connection,
    school_key: &str,
    questionnaire: &str,
    year: &str,
) -> rusqlite::Result<Option<i64>> {
    c.prepare_cached(
        "SELECT id FROM submissions WHERE school_key = ?1 AND questionnaire_id = ?2 AND academic_year = ?3 AND current = 1",
    )?
    .query_row(params![school_key, questionnaire, year], |r| r.get(0))
    .optional()
}

pub fn school_key(urn: Option<u32>, summary: &SchoolSummary) -> String {
    urn.map_or_else(
        || {
            format!(
                "name:{}",
                name_key(summary.school.as_deref().unwrap_or("school not named"))
            )
        },
        |u| format!("urn:{u}"),
    )
}
