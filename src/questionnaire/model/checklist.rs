//! The readiness checklist a hub writes into its questionnaire: each item names the answers it
//! reads and the test that meets it, so a hub can define its own and the report's first page,
//! the e-mail and the summary CSV all show the same verdicts. `answers::checklist` evaluates it.

use serde::{Deserialize, Serialize};

/// One line of the checklist, e.g. "Key feature 3: a choir or vocal group".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChecklistItem {
    /// Stable id: the summary CSV's column is `check.<id>`.
    pub id: String,
    /// What the item checks, in a line.
    pub label: String,
    /// The answers the item depends on, shown beside it so a reader sees the figures.
    pub reads: Vec<ChecklistRead>,
    /// When the item is met. It may only look at questions listed in `reads`.
    pub met_when: ChecklistTest,
}

/// An answer a checklist item reads, with an optional short name for it ("KS1").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChecklistRead {
    pub question: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

/// The value `at_least` and `at_most` compare a date with to mean the day of the export.
pub const TODAY: &str = "today";

/// A test on answers. In JSON it is externally tagged like `show_if`:
/// `{"at_least": {"question": "ks2_minutes", "value": 60}}`, `{"all": [..]}`.
///
/// A test on a question that does not apply (its `show_if` is false) neither meets nor fails
/// the item: `all` and `any` pass over it, so "every key stage taught has an hour" is
/// written once for every key stage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum ChecklistTest {
    /// The answer equals `value`, as in `show_if`.
    Equals {
        question: String,
        value: serde_json::Value,
    },
    /// The answer equals one of `values`.
    OneOf {
        question: String,
        values: Vec<serde_json::Value>,
    },
    /// The question has an answer.
    Answered {
        question: String,
    },
    /// A number at least `value`, a date on or after `value` (`"YYYY-MM-DD"` or `"today"`),
    /// or a level at or above the level id `value`.
    AtLeast {
        question: String,
        value: serde_json::Value,
    },
    /// As `at_least`, the other way: at most, on or before, at or below.
    AtMost {
        question: String,
        value: serde_json::Value,
    },
    Not(Box<ChecklistTest>),
    All(Vec<ChecklistTest>),
    Any(Vec<ChecklistTest>),
}

impl ChecklistTest {
    /// Every question id the test reads, in order, for validation and "look at" hints.
    pub fn referenced_ids(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.collect_ids(&mut out);
        out
    }

    fn collect_ids<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Self::Equals { question, .. }
            | Self::OneOf { question, .. }
            | Self::Answered { question }
            | Self::AtLeast { question, .. }
            | Self::AtMost { question, .. } => out.push(question),
            Self::Not(inner) => inner.collect_ids(out),
            Self::All(list) | Self::Any(list) => list.iter().for_each(|c| c.collect_ids(out)),
        }
    }

    /// Nesting depth, so validation can refuse absurd trees before evaluation recurses.
    pub fn depth(&self) -> usize {
        match self {
            Self::Not(inner) => 1 + inner.depth(),
            Self::All(list) | Self::Any(list) => {
                1 + list.iter().map(Self::depth).max().unwrap_or(0)
            }
            _ => 1,
        }
    }
}
