//! The time, passed in rather than read deep inside: the program uses the system clock, tests
//! a fixed one, so what a screen shows ("Saved 14:02:31", today's date in a title) is stable.

use chrono::{DateTime, Local, NaiveDate, Utc};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Clock {
    fixed: Option<DateTime<Utc>>,
}

impl Clock {
    /// The real time.
    pub fn system() -> Self {
        Self { fixed: None }
    }

    /// Always this moment (tests, snapshots).
    pub fn fixed(at: DateTime<Utc>) -> Self {
        Self { fixed: Some(at) }
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.fixed.unwrap_or_else(Utc::now)
    }

    pub fn local(&self) -> DateTime<Local> {
        self.now().with_timezone(&Local)
    }

    /// Today's date where the teacher is.
    pub fn today(&self) -> NaiveDate {
        self.local().date_naive()
    }
}
