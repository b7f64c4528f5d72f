//! `show_if` conditions: which earlier answers a question depends on.

use serde::{Deserialize, Serialize};

/// A `show_if` condition on earlier answers. In JSON it is externally tagged:
/// `{"equals": {"question": "phase", "value": "secondary"}}`, `{"not": {...}}`,
/// `{"all": [..]}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Condition {
    /// The answer equals `value`; for multi_choice, the option is among those chosen;
    /// for rating and criterion, the level id.
    Equals {
        question: String,
        value: serde_json::Value,
    },
    /// The answer equals any of `values` (for multi_choice: any of them chosen).
    OneOf {
        question: String,
        values: Vec<serde_json::Value>,
    },
    /// The question has any answer.
    Answered {
        question: String,
    },
    Not(Box<Condition>),
    All(Vec<Condition>),
    Any(Vec<Condition>),
}

impl Condition {
    /// Every question id the condition reads, for validation.
    pub fn referenced_ids(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.collect_ids(&mut out);
        out
    }

    fn collect_ids<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Self::Equals { question, .. }
            | Self::OneOf { question, .. }
            | Self::Answered { question } => out.push(question),
            Self::Not(inner) => inner.collect_ids(out),
            Self::All(list) | Self::Any(list) => list.iter().for_each(|c| c.collect_ids(out)),
        }
    }

    /// Nesting depth, so validation can refuse absurd trees before evaluation recurses.
    pub fn depth(&self) -> usize {
        match self {
            Self::Equals { .. } | Self::OneOf { .. } | Self::Answered { .. } => 1,
            Self::Not(inner) => 1 + inner.depth(),
            Self::All(list) | Self::Any(list) => {
                1 + list.iter().map(Self::depth).max().unwrap_or(0)
            }
        }
    }
}
