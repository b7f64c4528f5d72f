//! What a school gathers before starting: the facts to have ready and who usually holds
//! them, shown on the welcome screen, the new-draft screen and the printed questionnaire.

use serde::{Deserialize, Serialize};

/// One thing to have ready, e.g. "pupils on roll, and the pupil premium and SEND figures",
/// usually from "the school office".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReadyItem {
    pub what: String,
    /// Who usually has it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub who: Option<String>,
}

impl ReadyItem {
    /// "Pupils on roll (from the school office)".
    pub fn line(&self) -> String {
        match self.who.as_deref().map(str::trim).filter(|w| !w.is_empty()) {
            Some(who) => format!("{} (from {who})", self.what.trim()),
            None => self.what.trim().to_string(),
        }
    }
}
