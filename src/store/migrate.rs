//! Keeping a draft in step with a changed questionnaire: answers follow stable ids and
//! `previous_ids`; answers to questions no longer asked are kept aside (and come back if
//! the question returns); nothing is ever dropped.

use crate::draft::{Draft, OrphanedAnswer};
use crate::questionnaire::Questionnaire;

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Reconciliation {
    /// (old id, new id) pairs followed through `previous_ids`.
    pub renamed: Vec<(String, String)>,
    /// Ids whose answers moved to "answers no longer asked".
    pub orphaned: Vec<String>,
    /// Ids whose kept-aside answers came back because the question is asked again.
    pub restored: Vec<String>,
    pub version_changed: bool,
}

impl Reconciliation {
    pub fn changed(&self) -> bool {
        !self.renamed.is_empty()
            || !self.orphaned.is_empty()
            || !self.restored.is_empty()
            || self.version_changed
    }
}

/// Bring `draft` in line with `qn`.
pub fn reconcile(draft: &mut Draft, qn: &Questionnaire) -> Reconciliation {
    let mut r = Reconciliation::default();
    for (_, q) in qn.questions() {
        if draft.answers.contains_key(&q.id) {
            continue;
        }
        if let Some(old) = q
            .previous_ids
            .iter()
            .find(|old| draft.answers.contains_key(*old))
            && let Some(v) = draft.answers.remove(old)
        {
            draft.answers.insert(q.id.clone(), v);
            r.renamed.push((old.clone(), q.id.clone()));
        } else if let Some(o) = draft.orphaned_answers.remove(&q.id) {
            draft.answers.insert(q.id.clone(), o.value);
            r.restored.push(q.id.clone());
        }
    }
    let gone: Vec<String> = draft
        .answers
        .keys()
        .filter(|id| qn.question(id).is_none())
        .cloned()
        .collect();
    for id in gone {
        if let Some(value) = draft.answers.remove(&id) {
            draft.orphaned_answers.insert(
                id.clone(),
                OrphanedAnswer {
                    value,
                    prompt: None,
                    asked_in_version: Some(draft.questionnaire.version.clone()),
                },
            );
            r.orphaned.push(id);
        }
    }
    if draft.questionnaire.version != qn.version {
        draft.questionnaire.version.clone_from(&qn.version);
        r.version_changed = true;
    }
    r
}
