//! Review states (received → in review → follow-up asked → decided), in the manner of ODK
//! Central's submission review: each change a new row with a note, who and when, so the
//! history is never rewritten.

use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::{OptionalExtension, params};

use super::HubError;
use super::db::HubDb;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ReviewState {
    Received,
    InReview,
    FollowUp,
    Decided,
}

impl ReviewState {
    /// The state a school is shown in: its newest change on the desk, else received when it
    /// sent something (nothing changed yet), else none (outstanding).
    pub fn shown(latest: Option<Self>, sent: bool) -> Option<Self> {
        sent.then(|| latest.unwrap_or(Self::Received))
    }

    pub const ALL: [Self; 4] = [
        Self::Received,
        Self::InReview,
        Self::FollowUp,
        Self::Decided,
    ];

    /// As stored in the database.
    pub fn id(self) -> &'static str {
        match self {
            Self::Received => "received",
            Self::InReview => "in_review",
            Self::FollowUp => "follow_up",
            Self::Decided => "decided",
        }
    }

    /// As typed on the command line (`--state in-review`).
    pub fn arg(self) -> &'static str {
        match self {
            Self::Received => "received",
            Self::InReview => "in-review",
            Self::FollowUp => "follow-up",
            Self::Decided => "decided",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Received => "Received",
            Self::InReview => "In review",
            Self::FollowUp => "Follow-up asked",
            Self::Decided => "Decided",
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.id() == id)
    }

    /// The state typed on the command line, in either spelling.
    ///
    /// # Errors
    /// Not a state: the message lists them.
    pub fn from_arg(arg: &str) -> Result<Self, HubError> {
        let a = arg.trim().to_ascii_lowercase().replace('_', "-");
        Self::ALL
            .into_iter()
            .find(|s| s.arg() == a || (a == "follow-up-asked" && *s == Self::FollowUp))
            .ok_or_else(|| {
                HubError::Input(format!(
                    "\"{}\" is not a review state. Use one of: received, in-review, follow-up, decided.",
                    super::shown(arg)
                ))
            })
    }
}

/// One change of state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewEvent {
    pub state: ReviewState,
    pub note: Option<String>,
    pub officer: Option<String>,
    pub at: String,
}

/// Record that `submission` is now in `state`.
///
/// # Errors
/// The database is in use or cannot be written.
pub fn set(
    db: &HubDb,
    submission: &str,
    state: ReviewState,
    note: Option<&str>,
    officer: Option<&str>,
    at: DateTime<Utc>,
) -> Result<(), HubError> {
    let note = note.map(str::trim).filter(|n| !n.is_empty());
    db.write(|c| insert(c, submission, state, note, officer, at))
}

/// The same inside the caller's transaction (a decision records "decided" with itself).
///
/// # Errors
/// Only SQLite errors.
pub fn insert(
    c: &rusqlite::Connection,
    submission: &str,
    state: ReviewState,
    note: Option<&str>,
    officer: Option<&str>,
    at: DateTime<Utc>,
) -> rusqlite::Result<()> {
    c.prepare_cached(
        "INSERT INTO review_events (submission, state, note, officer, at) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        submission,
        state.id(),
        note,
        officer,
        at.to_rfc3339_opts(SecondsFormat::Secs, true)
    ])
    .map(|_| ())
}

/// The submission's state now: its newest change, else received.
///
/// # Errors
/// The database cannot be read.
pub fn current(db: &HubDb, submission: &str) -> Result<ReviewState, HubError> {
    let state: Option<String> = db
        .conn()
        .prepare_cached(
            "SELECT state FROM review_events WHERE submission = ?1 ORDER BY id DESC LIMIT 1",
        )
        .and_then(|mut st| st.query_row([submission], |r| r.get(0)).optional())
        .map_err(|e| db.error(e))?;
    Ok(state
        .as_deref()
        .and_then(ReviewState::from_id)
        .unwrap_or(ReviewState::Received))
}

/// Every change, oldest first.
///
/// # Errors
/// The database cannot be read.
pub fn history(db: &HubDb, submission: &str) -> Result<Vec<ReviewEvent>, HubError> {
    let mut st = db
        .conn()
        .prepare_cached(
            "SELECT state, note, officer, at FROM review_events WHERE submission = ?1 ORDER BY id",
        )
        .map_err(|e| db.error(e))?;
    let rows = st
        .query_map([submission], |r| {
            let state: String = r.get(0)?;
            Ok(ReviewEvent {
                state: ReviewState::from_id(&state).unwrap_or(ReviewState::Received),
                note: r.get(1)?,
                officer: r.get(2)?,
                at: r.get(3)?,
            })
        })
        .map_err(|e| db.error(e))?;
    rows.collect::<Result<_, _>>().map_err(|e| db.error(e))
}

/// Each school's review state for the hub's year, by URN: the newest change on any of its
/// current submissions (schools with none are received, or outstanding).
///
/// # Errors
/// The database cannot be read.
pub fn by_urn(
    db: &HubDb,
    year: &str,
) -> Result<std::collections::HashMap<u32, ReviewState>, HubError> {
    let mut st = db
        .conn()
        .prepare_cached(
            "SELECT s.urn, r.state FROM review_events r JOIN submissions s ON s.sha256 = r.submission
             WHERE r.id IN (SELECT max(id) FROM review_events GROUP BY submission)
               AND s.current = 1 AND s.academic_year = ?1 AND s.urn IS NOT NULL
             ORDER BY r.id",
        )
        .map_err(|e| db.error(e))?;
    let rows = st
        .query_map([year], |r| {
            Ok((r.get::<_, u32>(0)?, r.get::<_, String>(1)?))
        })
        .map_err(|e| db.error(e))?;
    let mut out = std::collections::HashMap::new();
    for row in rows {
        let (urn, state) = row.map_err(|e| db.error(e))?;
        if let Some(s) = ReviewState::from_id(&state) {
            out.insert(urn, s);
        }
    }
    Ok(out)
}
