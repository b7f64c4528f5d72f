//! Answer values as stored in drafts and in `submission.json`, keyed by question id.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// One stored answer. The JSON shape depends on the question type:
/// text-like, url, email and date (`YYYY-MM-DD`) → string; number → number;
/// yes_no → bool; single_choice → option id; multi_choice → array of option ids;
/// rating and criterion → `{"level": .., "evidence": .., "target": ..}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum AnswerValue {
    Bool(bool),
    Number(serde_json::Number),
    Text(String),
    List(Vec<String>),
    Level(LevelAnswer),
}

/// A rating or criterion answer. `level` may be missing while only evidence has been typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelAnswer {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
}

/// All answers of a draft, ordered by id so files are stable byte for byte.
pub type Answers = BTreeMap<String, AnswerValue>;

impl AnswerValue {
    /// Whether this value counts as an answer for progress and `required`.
    /// Empty text, an empty list and a level answer without a level do not.
    pub fn is_answered(&self) -> bool {
        match self {
            Self::Bool(_) | Self::Number(_) => true,
            Self::Text(s) => !s.trim().is_empty(),
            Self::List(v) => !v.is_empty(),
            Self::Level(l) => l.level.is_some(),
        }
    }

    pub fn as_text(&self) -> Option<&str> {
        match self {
            Self::Text(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_level(&self) -> Option<&LevelAnswer> {
        match self {
            Self::Level(l) => Some(l),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Self::Number(n) => n.as_f64(),
            _ => None,
        }
    }

    /// Build a number value, keeping whole numbers as JSON integers (`12`, not `12.0`).
    pub fn number(x: f64) -> Option<Self> {
        if x.fract() == 0.0 && x.abs() < 9.0e15 {
            #[allow(clippy::cast_possible_truncation)]
            return Some(Self::Number(serde_json::Number::from(x as i64)));
        }
        serde_json::Number::from_f64(x).map(Self::Number)
    }

    /// The value as `serde_json::Value`, for `show_if` comparisons.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }
}
