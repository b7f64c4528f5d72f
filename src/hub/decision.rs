//! The hub's decision on a submission: checking what the officer gave (each problem named
//! with its field and the fix, so the desk can point at it and nothing typed is lost), and
//! keeping it with its agreed priorities. A new decision replaces the current one; both stay.

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use rusqlite::params;

use super::HubError;
use super::db::HubDb;
use super::review::{self, ReviewState};
use crate::feedback::{Award, Certificate, MAX_PRIORITIES, Outcome, Priority};

/// The longest text a priority's field takes: a sentence or a short paragraph.
pub const MAX_TEXT: usize = 600;

/// What the officer gave, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Input {
    pub recommended: Option<bool>,
    pub certificate: Option<String>,
    pub award: Option<String>,
    pub priorities: Vec<PriorityInput>,
    pub officer: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PriorityInput {
    pub text: String,
    pub actions: String,
    pub support: String,
    pub review_date: String,
}

/// Where a problem is, so the desk's form can go to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Recommend,
    Certificate,
    Award,
    Priorities,
    /// Priority `n` (0-based) and which of its parts.
    Priority(usize, Part),
    Officer,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Text,
    Actions,
    Support,
    ReviewDate,
}

impl Part {
    pub fn label(self) -> &'static str {
        match self {
            Self::Text => "the priority",
            Self::Actions => "the actions",
            Self::Support => "the support",
            Self::ReviewDate => "the review date",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub field: Field,
    pub message: String,
}

/// A decision that passed every check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    pub outcome: Outcome,
    pub priorities: Vec<Priority>,
}

fn problem(field: Field, message: impl Into<String>) -> Problem {
    Problem {
        field,
        message: message.into(),
    }
}

/// Check `input` for a submission; `audit` when its questionnaire ends in an award.
///
/// # Errors
/// Every problem found, in the order of the form.
pub fn check(input: &Input, audit: bool, now: DateTime<Utc>) -> Result<Checked, Vec<Problem>> {
    let mut problems = Vec::new();
    let recommended = input.recommended.unwrap_or_else(|| {
        problems.push(problem(Field::Recommend, "Say whether you recommend the school for the Music Mark of Recognition (--recommend or --not-recommend; on the desk, ←→ in the form)."));
        false
    });
    let certificate = certificate(input, recommended, &mut problems);
    let award = match input
        .award
        .as_deref()
        .map(str::trim)
        .filter(|a| !a.is_empty())
    {
        None if audit => {
            problems.push(problem(Field::Award, "This school sent a quality-mark audit: give the award (bronze, silver, gold or working-towards-bronze)."));
            None
        }
        None => None,
        Some(a) => Award::from_id(a).or_else(|| {
            problems.push(problem(
                Field::Award,
                format!(
                    "\"{}\" is not an award: use bronze, silver, gold or working-towards-bronze.",
                    super::shown(a)
                ),
            ));
            None
        }),
    };
    let priorities = priorities(&input.priorities, now.date_naive(), &mut problems);
    let officer = input.officer.trim();
    if officer.is_empty() {
        problems.push(problem(
            Field::Officer,
            "Give the hub officer's name (--officer NAME; it is remembered for next time).",
        ));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Checked {
        outcome: Outcome {
            recommended,
            certificate,
            award,
            decided_at: now,
            officer: officer.to_string(),
        },
        priorities,
    })
}

fn certificate(
    input: &Input,
    recommended: bool,
    problems: &mut Vec<Problem>,
) -> Option<Certificate> {
    let given = input
        .certificate
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty());
    match (recommended, given) {
        (true, None) if input.recommended.is_some() => {
            problems.push(problem(Field::Certificate, "A recommendation names its certificate: dedication-improvement (Dedication & Improvement) or ambition-quality (Ambition & Quality)."));
            None
        }
        (false, Some(_)) if input.recommended.is_some() => {
            problems.push(problem(Field::Certificate, "A certificate goes with a recommendation: leave the certificate out, or recommend the school."));
            None
        }
        (_, Some(c)) => Certificate::from_id(c).or_else(|| {
            problems.push(problem(
                Field::Certificate,
                format!(
                    "\"{}\" is not a certificate: use dedication-improvement or ambition-quality.",
                    super::shown(c)
                ),
            ));
            None
        }),
        (_, None) => None,
    }
}

fn priorities(
    given: &[PriorityInput],
    today: NaiveDate,
    problems: &mut Vec<Problem>,
) -> Vec<Priority> {
    let given: Vec<&PriorityInput> = given
        .iter()
        .filter(|p| {
            ![&p.text, &p.actions, &p.support, &p.review_date]
                .iter()
                .all(|s| s.trim().is_empty())
        })
        .collect();
    if given.is_empty() || given.len() > MAX_PRIORITIES {
        problems.push(problem(
            Field::Priorities,
            format!("Agree one to three priorities with the school ({} given), each with its actions, the support the hub offers and a review date.", given.len()),
        ));
    }
    let mut out = Vec::new();
    for (i, p) in given.iter().enumerate().take(MAX_PRIORITIES) {
        let n = i + 1;
        for (part, text) in [
            (Part::Text, &p.text),
            (Part::Actions, &p.actions),
            (Part::Support, &p.support),
        ] {
            let t = text.trim();
            if t.is_empty() {
                problems.push(problem(
                    Field::Priority(i, part),
                    format!("Priority {n}: {} is empty; write a sentence.", part.label()),
                ));
            } else if t.chars().count() > MAX_TEXT {
                problems.push(problem(
                    Field::Priority(i, part),
                    format!(
                        "Priority {n}: {} is {} characters; keep it under {MAX_TEXT}.",
                        part.label(),
                        t.chars().count()
                    ),
                ));
            }
        }
        let date = match crate::answers::parse::parse_date(&p.review_date) {
            Ok(d) if d < today => {
                problems.push(problem(Field::Priority(i, Part::ReviewDate), format!("Priority {n}: the review date {} is in the past; give a date from today on.", d.format("%-d %b %Y"))));
                None
            }
            Ok(d) => Some(d),
            Err(why) => {
                let typed = super::shown(p.review_date.trim());
                let what = if typed.is_empty() {
                    "is missing".to_string()
                } else {
                    format!("\"{typed}\" is not a date")
                };
                problems.push(problem(
                    Field::Priority(i, Part::ReviewDate),
                    format!("Priority {n}: the review date {what}. {why}"),
                ));
                None
            }
        };
        if let Some(review_date) = date {
            out.push(Priority {
                text: p.text.trim().to_string(),
                actions: p.actions.trim().to_string(),
                support: p.support.trim().to_string(),
                review_date,
            });
        }
    }
    out
}

/// A decision as kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    pub id: i64,
    pub outcome: Outcome,
    pub priorities: Vec<Priority>,
    /// Replaced by a later decision.
    pub replaced: bool,
}

/// Keep `d` as the current decision on `submission`, the one before it replaced, and the
/// submission marked decided; all in one transaction.
///
/// # Errors
/// The database is in use or cannot be written.
pub fn record(db: &HubDb, submission: &str, d: &Checked) -> Result<i64, HubError> {
    let o = &d.outcome;
    db.write(|c| {
        c.execute(
            "INSERT INTO decisions (submission, recommended, certificate, award, officer, decided_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![submission, o.recommended, o.certificate.map(Certificate::id), o.award.map(Award::id), o.officer, o.decided_at.to_rfc3339_opts(SecondsFormat::Secs, true)],
        )?;
        let id = c.last_insert_rowid();
        c.execute(
            "UPDATE decisions SET replaced_by = ?2 WHERE submission = ?1 AND replaced_by IS NULL AND id <> ?2",
            params![submission, id],
        )?;
        for (i, p) in d.priorities.iter().enumerate() {
            c.execute(
                "INSERT INTO priorities (decision_id, n, text, actions, support, review_date) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![id, i + 1, p.text, p.actions, p.support, p.review_date.to_string()],
            )?;
        }
        let note = format!("Decision: {}", o.headline());
        review::insert(c, submission, ReviewState::Decided, Some(&note), Some(&o.officer), o.decided_at)?;
        Ok(id)
    })
}

/// Every decision on `submission`, oldest first (the last one not replaced is current).
///
/// # Errors
/// The database cannot be read.
pub fn history(db: &HubDb, submission: &str) -> Result<Vec<Stored>, HubError> {
    let mut st = db
        .conn()
        .prepare_cached("SELECT id, recommended, certificate, award, officer, decided_at, replaced_by IS NOT NULL FROM decisions WHERE submission = ?1 ORDER BY id")
        .map_err(|e| db.error(e))?;
    let rows: Vec<(i64, Outcome, bool)> = st
        .query_map([submission], |r| {
            let certificate: Option<String> = r.get(2)?;
            let award: Option<String> = r.get(3)?;
            let at: String = r.get(5)?;
            Ok((
                r.get(0)?,
                Outcome {
                    recommended: r.get(1)?,
                    certificate: certificate.as_deref().and_then(Certificate::from_id),
                    award: award.as_deref().and_then(Award::from_id),
                    officer: r.get(4)?,
                    decided_at: DateTime::parse_from_rfc3339(&at)
                        .map(|t| t.with_timezone(&Utc))
                        .unwrap_or_default(),
                },
                r.get(6)?,
            ))
        })
        .map_err(|e| db.error(e))?
        .collect::<Result<_, _>>()
        .map_err(|e| db.error(e))?;
    rows.into_iter()
        .map(|(id, outcome, replaced)| {
            Ok(Stored {
                id,
                priorities: priorities_of(db, id)?,
                outcome,
                replaced,
            })
        })
        .collect()
}

/// The decision now in force on `submission`.
///
/// # Errors
/// The database cannot be read.
pub fn current(db: &HubDb, submission: &str) -> Result<Option<Stored>, HubError> {
    Ok(history(db, submission)?.into_iter().rfind(|d| !d.replaced))
}

fn priorities_of(db: &HubDb, decision: i64) -> Result<Vec<Priority>, HubError> {
    let mut st = db
        .conn()
        .prepare_cached("SELECT text, actions, support, review_date FROM priorities WHERE decision_id = ?1 ORDER BY n")
        .map_err(|e| db.error(e))?;
    let rows = st
        .query_map([decision], |r| {
            let date: String = r.get(3)?;
            Ok(Priority {
                text: r.get(0)?,
                actions: r.get(1)?,
                support: r.get(2)?,
                review_date: NaiveDate::parse_from_str(&date, "%Y-%m-%d").unwrap_or_default(),
            })
        })
        .map_err(|e| db.error(e))?;
    rows.collect::<Result<_, _>>().map_err(|e| db.error(e))
}
