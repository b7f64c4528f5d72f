//! How a draft or a submission names the questionnaire it answers.

use serde::{Deserialize, Serialize};

/// Which questionnaire a draft answers. `source` is a file path for questionnaires that
/// are neither built in nor installed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionnaireRef {
    pub id: String,
    pub version: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl QuestionnaireRef {
    /// The reference to a built-in or installed questionnaire (no file path).
    pub fn of(qn: &super::Questionnaire) -> Self {
        Self {
            id: qn.id.clone(),
            version: qn.version.clone(),
            source: None,
        }
    }
}
