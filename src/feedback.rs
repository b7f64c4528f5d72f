//! The hub's answer to a submission, `feedback.json` (format `music-sef/feedback`, see
//! docs/hub.md): the decision, the certificate or award, the agreed priorities
//! and when the school reflects on them. Written by the hub (`hub feedback`), read by the
//! school (`import::feedback_file`); only the data types and their words live here, so the
//! draft can keep them.

use std::collections::BTreeMap;

use chrono::{DateTime, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

pub const FEEDBACK_FORMAT: &str = "music-sef/feedback";
/// The newest feedback format this program writes; a newer file is read as far as it can be,
/// read-only.
pub const FEEDBACK_FORMAT_VERSION: u32 = 1;
/// The most priorities a decision agrees (the hubs' "three manageable priorities").
pub const MAX_PRIORITIES: usize = 3;

/// Which Music Mark of Recognition certificate the hub sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Certificate {
    DedicationImprovement,
    AmbitionQuality,
}

impl Certificate {
    pub const ALL: [Self; 2] = [Self::DedicationImprovement, Self::AmbitionQuality];

    /// The id used on the command line, in the database and in feedback.json.
    pub fn id(self) -> &'static str {
        match self {
            Self::DedicationImprovement => "dedication-improvement",
            Self::AmbitionQuality => "ambition-quality",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::DedicationImprovement => "Dedication & Improvement",
            Self::AmbitionQuality => "Ambition & Quality",
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.id() == id)
    }
}

/// The award a quality-mark audit ends in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Award {
    /// Not Bronze yet: the hub arranges a follow-up visit.
    WorkingTowardsBronze,
    Bronze,
    Silver,
    Gold,
}

impl Award {
    pub const ALL: [Self; 4] = [
        Self::WorkingTowardsBronze,
        Self::Bronze,
        Self::Silver,
        Self::Gold,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Self::WorkingTowardsBronze => "working-towards-bronze",
            Self::Bronze => "bronze",
            Self::Silver => "silver",
            Self::Gold => "gold",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::WorkingTowardsBronze => "Working towards Bronze",
            Self::Bronze => "Bronze",
            Self::Silver => "Silver",
            Self::Gold => "Gold",
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        let id = id.trim().to_ascii_lowercase();
        Self::ALL.into_iter().find(|a| a.id() == id)
    }
}

/// One agreed priority: what, the school's actions, the hub's support, and when to look again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Priority {
    pub text: String,
    pub actions: String,
    pub support: String,
    pub review_date: NaiveDate,
}

/// What the hub decided.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    /// Recommended for the Music Mark of Recognition.
    pub recommended: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate: Option<Certificate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub award: Option<Award>,
    pub decided_at: DateTime<Utc>,
    pub officer: String,
}

impl Outcome {
    /// "Recommended for the Music Mark of Recognition (Ambition & Quality)", in a line.
    pub fn headline(&self) -> String {
        let mark = match (self.recommended, self.certificate) {
            (true, Some(c)) => format!(
                "Recommended for the Music Mark of Recognition for {}",
                c.label()
            ),
            (true, None) => "Recommended for the Music Mark of Recognition".to_string(),
            (false, _) => "Not recommended for the Music Mark of Recognition this time".to_string(),
        };
        match self.award {
            Some(a) => format!("Award: {} · {mark}", a.label()),
            None => mark,
        }
    }
}

/// The submission the feedback answers, as the school exported it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answers {
    /// The submission's id: the SHA-256 of its submission.json with keys sorted.
    pub submission: String,
    pub questionnaire_id: String,
    pub questionnaire_version: String,
    pub title: String,
    /// When the school exported it.
    pub generated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct School {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub urn: Option<String>,
    pub name: String,
}

impl School {
    /// " (URN 123456)" after the school's name, or nothing without one.
    pub fn urn_suffix(&self) -> String {
        self.urn
            .as_deref()
            .map(|u| format!(" (URN {u})"))
            .unwrap_or_default()
    }
}

/// When the school looks back at the priorities, and when the hub invites it again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dates {
    pub first_reflection: NaiveDate,
    pub second_reflection: NaiveDate,
    pub review_again: NaiveDate,
}

impl Dates {
    /// About 12 and 24 months after the decision, and again after three years.
    pub fn after(decided: NaiveDate) -> Self {
        let plus = |m| {
            decided
                .checked_add_months(Months::new(m))
                .unwrap_or(decided)
        };
        Self {
            first_reflection: plus(12),
            second_reflection: plus(24),
            review_again: plus(36),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackFile {
    pub format: String,
    pub format_version: u32,
    pub hub: String,
    pub answers: Answers,
    pub school: School,
    pub decision: Outcome,
    pub priorities: Vec<Priority>,
    pub dates: Dates,
    pub generated_at: DateTime<Utc>,
    pub app_version: String,
    /// SHA-256 (hex) of the letter written beside it.
    #[serde(default)]
    pub files: BTreeMap<String, String>,
}

impl FeedbackFile {
    /// "Feedback from Riverside music hub: 3 priorities".
    pub fn line(&self) -> String {
        let n = self.priorities.len();
        format!(
            "Feedback from {}: {n} priorit{}",
            self.hub,
            if n == 1 { "y" } else { "ies" }
        )
    }
}

/// The priorities a draft reports on: from the hub's feedback it was started from. Its
/// questionnaire's repeated sections are made once for each (`questionnaire::repeat`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agreed {
    pub hub: String,
    /// The submission the feedback answered.
    pub submission: String,
    pub decided_at: DateTime<Utc>,
    pub priorities: Vec<Priority>,
}

impl Agreed {
    pub fn of(f: &FeedbackFile) -> Self {
        Self {
            hub: f.hub.clone(),
            submission: f.answers.submission.clone(),
            decided_at: f.decision.decided_at,
            priorities: f.priorities.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Award, Certificate, Dates};

    #[test]
    fn ids_round_trip_and_reflections_fall_a_year_apart() {
        for c in Certificate::ALL {
            assert_eq!(Certificate::from_id(c.id()), Some(c));
        }
        assert_eq!(Award::from_id(" Silver "), Some(Award::Silver));
        assert_eq!(Award::from_id("platinum"), None);
        let d = Dates::after(chrono::NaiveDate::from_ymd_opt(2026, 11, 24).expect("date"));
        assert_eq!(d.first_reflection.to_string(), "2027-11-24");
        assert_eq!(d.second_reflection.to_string(), "2028-11-24");
        assert_eq!(d.review_again.to_string(), "2029-11-24");
    }
}
