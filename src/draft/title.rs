//! Automatic draft titles: the school (once known), the questionnaire and the academic
//! year, so two drafts — a self-evaluation and an audit of the same year, say — never share
//! a title (`music-sef open TITLE` must find one) and look different on the home screen.

use chrono::{Datelike, NaiveDate};

use super::Draft;

/// The academic year `today` falls in, "2026/27" (English years start in September).
pub fn academic_year(today: NaiveDate) -> String {
    let y = if today.month() >= 9 {
        today.year()
    } else {
        today.year() - 1
    };
    format!("{}/{:02}", y, (y + 1) % 100)
}

impl Draft {
    /// A title from the school name, the questionnaire and the academic year, e.g.
    /// "Oakfield Primary – music quality mark audit 2026/27", or before the school is known
    /// "Music quality mark audit – 2026/27".
    pub fn suggest_title(
        school: Option<&str>,
        questionnaire: &str,
        academic_year: Option<&str>,
        today: NaiveDate,
    ) -> String {
        let year = academic_year.map_or_else(|| self::academic_year(today), str::to_string);
        let questionnaire = questionnaire.trim();
        match school.map(str::trim).filter(|s| !s.is_empty()) {
            Some(s) => format!("{s} – {} {year}", lower_first(questionnaire)),
            None => format!("{questionnaire} – {year}"),
        }
    }

    /// Whether `title` is one the program made (so it may be improved once the school and
    /// the year are known), rather than one the teacher chose.
    pub fn is_automatic_title(
        title: &str,
        questionnaire: &str,
        academic_year: Option<&str>,
        today: NaiveDate,
    ) -> bool {
        title.trim().is_empty()
            || title == Self::suggest_title(None, questionnaire, academic_year, today)
            || title == Self::suggest_title(None, questionnaire, None, today)
    }
}

/// "School music self-evaluation" → "school music self-evaluation", to follow a dash.
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::{Draft, academic_year};

    #[test]
    fn titles_name_the_questionnaire_so_two_drafts_differ() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 24).expect("date");
        assert_eq!(academic_year(day), "2026/27");
        let a = Draft::suggest_title(None, "School music self-evaluation", None, day);
        let b = Draft::suggest_title(None, "Music quality mark audit", None, day);
        assert_eq!(a, "School music self-evaluation – 2026/27");
        assert_ne!(a, b);
        assert_eq!(
            Draft::suggest_title(
                Some("Oakfield Primary"),
                "Music quality mark audit",
                Some("2026/27"),
                day
            ),
            "Oakfield Primary – music quality mark audit 2026/27"
        );
        assert!(Draft::is_automatic_title(
            &b,
            "Music quality mark audit",
            Some("2027/28"),
            day
        ));
        assert!(!Draft::is_automatic_title(
            "Our review",
            "Music quality mark audit",
            None,
            day
        ));
    }
}
