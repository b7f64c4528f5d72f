//! The hub's year: an English academic year ("2026-27", September to August), from an
//! answer, a date, or what the officer types after `--year`.

use chrono::{Datelike, NaiveDate};

/// An academic year, by the calendar year it starts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AcademicYear(pub i32);

impl AcademicYear {
    /// The year a date falls in: September starts a new one.
    pub fn of(date: NaiveDate) -> Self {
        Self(if date.month() >= 9 {
            date.year()
        } else {
            date.year() - 1
        })
    }

    /// The year before.
    pub fn previous(self) -> Self {
        Self(self.0 - 1)
    }

    /// "2026-27", as stored and used in file names.
    pub fn label(self) -> String {
        format!("{}-{:02}", self.0, (self.0 + 1).rem_euclid(100))
    }

    /// Read "2026-27", "2026/27", "2026-2027", "2026 to 2027" or "2026" (the year that starts
    /// in 2026). None for anything else.
    pub fn parse(text: &str) -> Option<Self> {
        let digits: Vec<&str> = text
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty())
            .collect();
        let start: i32 = match digits.as_slice() {
            [y] if y.len() == 4 => y.parse().ok()?,
            [y, next] if y.len() == 4 && (next.len() == 2 || next.len() == 4) => {
                let y: i32 = y.parse().ok()?;
                let n: i32 = next.parse().ok()?;
                let follows = if next.len() == 2 {
                    (y + 1).rem_euclid(100) == n
                } else {
                    n == y + 1
                };
                if !follows {
                    return None;
                }
                y
            }
            _ => return None,
        };
        (1990..=2200).contains(&start).then_some(Self(start))
    }

    /// As [`AcademicYear::parse`], with a message for `--year`.
    ///
    /// # Errors
    /// Not an academic year.
    pub fn from_arg(text: &str) -> Result<Self, super::HubError> {
        Self::parse(text).ok_or_else(|| {
            super::HubError::Input(format!(
                "--year {} is not an academic year: write it as 2026-27 (or 2026 for the year that starts in September 2026).",
                super::shown(text)
            ))
        })
    }
}

impl std::fmt::Display for AcademicYear {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label())
    }
}

#[cfg(test)]
mod tests {
    use super::AcademicYear;
    use chrono::NaiveDate;

    #[test]
    fn years_read_in_the_ways_people_write_them() {
        for s in ["2026-27", "2026/27", "2026-2027", "2026 to 2027", "2026"] {
            assert_eq!(AcademicYear::parse(s), Some(AcademicYear(2026)), "{s}");
        }
        for s in ["2026-28", "26", "", "year", "2026-27-28"] {
            assert_eq!(AcademicYear::parse(s), None, "{s}");
        }
        assert_eq!(AcademicYear(2099).label(), "2099-00");
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("date");
        assert_eq!(AcademicYear::of(d(2026, 9, 1)), AcademicYear(2026));
        assert_eq!(AcademicYear::of(d(2027, 8, 31)), AcademicYear(2026));
    }
}
