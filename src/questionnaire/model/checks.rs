//! Soft cross-checks between answers, as a hub writes them: "the number of pupils in the
//! choir should not be more than the number on roll". A check that fails is a warning the
//! teacher reads beside the answers (`answers::checks`), never a reason to refuse one: the
//! figures may be right (a choir open to parents), and only the teacher knows.

use serde::{Deserialize, Serialize};

/// The most checks one file may hold; far more than any questionnaire needs.
pub const MAX_CHECKS: usize = 500;

/// One cross-check: the answer to `question` should be at most the answer to `at_most`.
/// In JSON: `{"id": "choir_within_roll", "question": "choir_members", "at_most":
/// "pupils_on_roll", "warning": "The choir has {question} but the school has {at_most} on
/// roll: please check both numbers."}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Check {
    /// Stable id, so a warning can be named in tests and messages.
    pub id: String,
    /// A number question whose answer should not be larger …
    pub question: String,
    /// … than this number question's answer.
    pub at_most: String,
    /// What the teacher reads when it is larger. `{question}` and `{at_most}` are replaced by
    /// the two answers with their units ("300 pupils").
    pub warning: String,
}

impl Check {
    /// The placeholders a warning may use.
    pub const PLACEHOLDERS: [&'static str; 2] = ["{question}", "{at_most}"];
}
