//! "Since last year": each school's submission this year beside its newest from the year
//! before, by URN (or by name when it has none), from the stored summary columns.

use std::cmp::Ordering;
use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::params;

use super::cells::{Cell, day_of};
use crate::hub::HubError;
use crate::hub::db::HubDb;
use crate::hub::year::AcademicYear;

/// What a school sent in one year, as far as the comparison needs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Then {
    pub submitted: Option<NaiveDate>,
    pub questionnaire: String,
    pub overall: Option<String>,
    pub rank: Option<usize>,
    pub award: Option<String>,
}

/// Each school's newest current submission of `year`, by school key.
///
/// # Errors
/// The database cannot be read.
pub fn year_before(db: &HubDb, year: AcademicYear) -> Result<HashMap<String, Then>, HubError> {
    let mut st = db
        .conn()
        .prepare(
            "SELECT school_key, generated_at, questionnaire_id, overall, overall_rank, award FROM submissions
             WHERE current = 1 AND academic_year = ?1 ORDER BY generated_at",
        )
        .map_err(|e| db.error(e))?;
    let rows = st
        .query_map(params![year.label()], |r| {
            let at: String = r.get(1)?;
            Ok((
                r.get::<_, String>(0)?,
                Then {
                    submitted: day_of(&at),
                    questionnaire: r.get(2)?,
                    overall: r.get(3)?,
                    rank: r.get(4)?,
                    award: r.get(5)?,
                },
            ))
        })
        .map_err(|e| db.error(e))?;
    // Ordered by time, so the newest of a school's submissions is the one kept.
    rows.collect::<Result<_, _>>().map_err(|e| db.error(e))
}

#[derive(Debug, Clone, PartialEq)]
pub struct SinceRow {
    pub urn: Option<u32>,
    pub name: Option<String>,
    pub then: Then,
    pub now: Then,
    /// Answers the school's own export marked as changed since its previous submission.
    pub changed: Option<usize>,
}

impl SinceRow {
    /// How the overall judgement moved, when both years have one on the same scale.
    pub fn movement(&self) -> Option<Ordering> {
        Some(self.now.rank?.cmp(&self.then.rank?))
            .filter(|_| self.now.questionnaire == self.then.questionnaire)
    }

    pub const HEADINGS: [(&'static str, f64); 11] = [
        ("URN", 9.0),
        ("School", 34.0),
        ("Submitted last year", 12.0),
        ("Submitted this year", 12.0),
        ("Questionnaire last year", 26.0),
        ("Questionnaire this year", 26.0),
        ("Overall last year", 16.0),
        ("Overall this year", 16.0),
        ("Overall moved", 10.0),
        ("Award last year / this year", 18.0),
        ("Answers changed (as the school's export marked them)", 14.0),
    ];

    pub fn cells(&self) -> Vec<Cell> {
        let text = |s: Option<&str>| s.map_or(Cell::Empty, |s| Cell::Text(s.to_string()));
        let moved = match self.movement() {
            Some(Ordering::Greater) => "higher",
            Some(Ordering::Less) => "lower",
            Some(Ordering::Equal) => "same",
            None => "",
        };
        let award = match (&self.then.award, &self.now.award) {
            (None, None) => None,
            (a, b) => Some(format!(
                "{} / {}",
                a.as_deref().unwrap_or("–"),
                b.as_deref().unwrap_or("–")
            )),
        };
        vec![
            self.urn.map_or(Cell::Empty, |u| Cell::Number(f64::from(u))),
            text(self.name.as_deref()),
            self.then.submitted.map_or(Cell::Empty, Cell::Date),
            self.now.submitted.map_or(Cell::Empty, Cell::Date),
            Cell::Text(self.then.questionnaire.clone()),
            Cell::Text(self.now.questionnaire.clone()),
            text(self.then.overall.as_deref()),
            text(self.now.overall.as_deref()),
            text(Some(moved).filter(|m| !m.is_empty())),
            text(award.as_deref()),
            #[allow(clippy::cast_precision_loss)]
            self.changed.map_or(Cell::Empty, |n| Cell::Number(n as f64)),
        ]
    }
}
