//! How answers are summarised: section summaries and the award rule.

use serde::{Deserialize, Serialize};

/// How answers are summarised on the report's first page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scoring {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section_summaries: Option<SectionSummaries>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub award: Option<AwardRule>,
}

/// Per section: the mean of its answered ratings on `scale` (levels count 1, 2, 3 …;
/// "not applicable" is left out), named by the highest band whose `from` it reaches.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionSummaries {
    pub scale: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bands: Vec<Band>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub from: f64,
    pub label: String,
}

/// How the award is worked out from the criteria. Hubs differ, so the file chooses; the
/// default is the strictest reading.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AwardMethod {
    /// The highest level that every criterion on the scale reaches.
    #[default]
    HighestLevelAllReach,
    /// The highest level that at least `percent` per cent of the criteria reach.
    HighestLevelMostReach,
}

impl AwardMethod {
    /// The name used in files and error messages.
    pub fn name(self) -> &'static str {
        match self {
            Self::HighestLevelAllReach => "highest_level_all_reach",
            Self::HighestLevelMostReach => "highest_level_most_reach",
        }
    }
}

/// The smallest and largest `percent` a `highest_level_most_reach` rule may ask for.
pub const AWARD_PERCENT_RANGE: std::ops::RangeInclusive<f64> = 50.0..=100.0;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AwardRule {
    /// Heading used on screen and in the report, e.g. "Indicative award".
    pub title: String,
    pub scale: String,
    /// Optional in files; `highest_level_all_reach` when left out.
    #[serde(default)]
    pub method: AwardMethod,
    /// `highest_level_most_reach` only: the share of criteria, 50 to 100, that must reach a
    /// level for it to be the award.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent: Option<f64>,
    /// A sentence or two shown with the award, e.g. that it is indicative and who decides.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Levels that are not an award in themselves (e.g. `not_yet`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub no_award_levels: Vec<String>,
}

impl AwardRule {
    /// The rule in words, e.g. "the highest level every criterion reaches", for a label
    /// beside the award.
    pub fn describe(&self) -> String {
        match (self.method, self.percent) {
            (AwardMethod::HighestLevelMostReach, Some(p)) => {
                format!("the highest level at least {p}% of the criteria reach")
            }
            _ => "the highest level every criterion reaches".to_string(),
        }
    }
}
