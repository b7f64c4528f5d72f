//! Options made when a questionnaire is loaded rather than listed in the file: the English
//! academic years around a date. The date is always passed in, so nothing here reads the
//! clock and tests can pin it.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{ChoiceOption, Questionnaire};
use crate::questionnaire::limits::MAX_GENERATED_YEARS;

/// Where a choice question's options come from when the file does not list them. In JSON:
/// `{"academic_years": {"earlier": 0, "later": 2}}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum OptionSource {
    /// The academic year the load date falls in (1 September to 31 August), with `earlier`
    /// years before it and `later` years after it, oldest first. Ids look like `2026-27`,
    /// labels like `2026/27`.
    AcademicYears {
        #[serde(default)]
        earlier: u32,
        #[serde(default = "two")]
        later: u32,
    },
}

fn two() -> u32 {
    2
}

/// The calendar year in which the academic year holding `date` began: English school years
/// start on 1 September, so 31 August 2027 is in 2026/27 and 1 September 2027 in 2027/28.
pub fn academic_year_start(date: NaiveDate) -> i32 {
    if date.month() >= 9 {
        date.year()
    } else {
        date.year() - 1
    }
}

impl OptionSource {
    /// The options as of `today`.
    pub fn options(self, today: NaiveDate) -> Vec<ChoiceOption> {
        match self {
            Self::AcademicYears { earlier, later } => {
                let current = academic_year_start(today);
                let earlier = i32::try_from(earlier.min(MAX_GENERATED_YEARS)).unwrap_or(0);
                let later = i32::try_from(later.min(MAX_GENERATED_YEARS)).unwrap_or(0);
                (current - earlier..=current + later)
                    .map(|y| {
                        let next = (y + 1).rem_euclid(100);
                        ChoiceOption {
                            id: format!("{y}-{next:02}"),
                            label: format!("{y}/{next:02}"),
                            hint: (y == current).then(|| "the current school year".to_string()),
                            ..ChoiceOption::default()
                        }
                    })
                    .collect()
            }
        }
    }
}

impl Questionnaire {
    /// Fill in every question's `options_from` as of `today`, so the questionnaire behaves as
    /// if the file had listed those options. Loading calls this after validation.
    pub fn generate_options(&mut self, today: NaiveDate) {
        for question in self.sections.iter_mut().flat_map(|s| &mut s.questions) {
            if let Some(source) = question.options_from.take() {
                question.options = source.options(today);
            }
        }
    }
}
