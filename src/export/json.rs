//! `submission.json`: the answers as data, with the hashes of the other files. This is also
//! what `music-sef import` reads back for next year's review.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::Submission;
use crate::answers::Answers;

pub const SUBMISSION_FORMAT: &str = "music-sef/submission";
pub const SUBMISSION_FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionnaireId {
    pub id: String,
    pub version: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Previous {
    pub title: String,
    pub date: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubmissionFile {
    pub format: String,
    pub format_version: u32,
    pub questionnaire: QuestionnaireId,
    pub title: String,
    pub answers: Answers,
    pub generated_at: DateTime<Utc>,
    pub app_version: String,
    /// SHA-256 (hex) of the PDF and CSV in the same folder.
    pub files: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub development_plan_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<Previous>,
    /// Question ids whose answer changed since `previous`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changed: Vec<String>,
    /// The priorities agreed with the hub that this submission looks back on (a reflection,
    /// or a review started from feedback); the hub shows the answers beside them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreed: Option<crate::feedback::Agreed>,
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The submission's identity: the SHA-256 of its JSON with keys sorted and no spacing, so
/// the same submission from a zip, a folder and an e-mail is recognised as one. The hub
/// names submissions by it, and drafts record it on each export so feedback finds them.
pub fn identity(json: &[u8]) -> String {
    let text = json.strip_prefix(b"\xef\xbb\xbf").unwrap_or(json);
    match serde_json::from_slice::<serde_json::Value>(text) {
        Ok(v) => sha256_hex(canonical(v).to_string().as_bytes()),
        Err(_) => sha256_hex(json),
    }
}

/// Sorted keys at every level, whatever order serde_json's map keeps.
fn canonical(v: serde_json::Value) -> serde_json::Value {
    match v {
        serde_json::Value::Object(map) => {
            let mut entries: Vec<_> = map.into_iter().collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            serde_json::Value::Object(
                entries
                    .into_iter()
                    .map(|(k, v)| (k, canonical(v)))
                    .collect(),
            )
        }
        serde_json::Value::Array(items) => {
            serde_json::Value::Array(items.into_iter().map(canonical).collect())
        }
        other => other,
    }
}

/// The document for `sub`, given the hashes of the files written before it.
pub fn build(sub: &Submission<'_>, files: BTreeMap<String, String>) -> SubmissionFile {
    let (qn, draft) = (sub.qn, sub.draft);
    SubmissionFile {
        format: SUBMISSION_FORMAT.to_string(),
        format_version: SUBMISSION_FORMAT_VERSION,
        questionnaire: QuestionnaireId {
            id: qn.id.clone(),
            version: qn.version.clone(),
        },
        title: draft.title.clone(),
        answers: draft.answers.clone(),
        generated_at: sub.dates.generated_at,
        app_version: env!("CARGO_PKG_VERSION").to_string(),
        files,
        development_plan_url: sub.facts.plan_url.clone(),
        previous: draft.carried_over.as_ref().map(|c| Previous {
            title: c.from_title.clone(),
            date: c.from_date,
        }),
        changed: sub.changes.ids.iter().cloned().collect(),
        agreed: draft.agreed.clone(),
    }
}
