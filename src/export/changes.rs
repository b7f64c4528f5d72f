//! What changed since the previous submission (re-assessment): per answer, and a short
//! "since last time" summary for the report's first page.

use std::collections::BTreeSet;

use super::submission::Changes;
use crate::answers::scoring::{self, SectionSummary};
use crate::answers::{AnswerValue, Answers};
use crate::draft::Draft;
use crate::questionnaire::{QuestionType, Questionnaire};

impl Changes {
    /// What changed, given this draft's section summaries (already worked out for the report).
    pub fn of(qn: &Questionnaire, draft: &Draft, summaries: &[SectionSummary]) -> Self {
        let ids = changed_ids(draft);
        Self {
            since_last_time: since_last_time_given(qn, draft, ids.len(), summaries),
            previous_date: previous_date(draft),
            ids,
        }
    }
}

/// The previous submission's date as shown; None when the draft was not carried over.
fn previous_date(draft: &Draft) -> Option<String> {
    draft
        .carried_over
        .as_ref()
        .map(|c| c.from_date.format("%-d %b %Y").to_string())
}

/// Question ids whose answer differs from the previous submission's.
pub fn changed_ids(draft: &Draft) -> BTreeSet<String> {
    let Some(prev) = draft.carried_over.as_ref() else {
        return BTreeSet::new();
    };
    let answered = |a: &Answers, id: &str| a.get(id).filter(|v| v.is_answered()).cloned();
    draft
        .answers
        .keys()
        .chain(prev.previous_answers.keys())
        .filter(|id| answered(&draft.answers, id) != answered(&prev.previous_answers, id))
        .cloned()
        .collect()
}

/// Lines for the "Since last time" box; empty when the draft was not carried over.
pub fn since_last_time(qn: &Questionnaire, draft: &Draft) -> Vec<String> {
    let now = scoring::section_summaries(qn, &draft.answers);
    since_last_time_given(qn, draft, changed_ids(draft).len(), &now)
}

/// As [`since_last_time`], from the number of changed answers and this draft's summaries.
fn since_last_time_given(
    qn: &Questionnaire,
    draft: &Draft,
    changed: usize,
    now: &[SectionSummary],
) -> Vec<String> {
    let (Some(prev), Some(date)) = (draft.carried_over.as_ref(), previous_date(draft)) else {
        return Vec::new();
    };
    let mut lines = vec![format!(
        "Compared with \"{}\" of {date}: {changed} answer{} changed.",
        prev.from_title,
        if changed == 1 { "" } else { "s" }
    )];
    let before = scoring::section_summaries(qn, &prev.previous_answers);
    for s in now {
        let Some(b) = before.iter().find(|b| b.section == s.section) else {
            continue;
        };
        if let (Some(m), Some(pm)) = (s.mean, b.mean) {
            let dir = if m > pm + 0.05 {
                "up"
            } else if m + 0.05 < pm {
                "down"
            } else {
                "no change"
            };
            lines.push(format!(
                "{}: average rating {pm:.1} → {m:.1} ({dir})",
                qn.sections[s.section].title
            ));
        }
    }
    let (mut gained, mut lost) = (Vec::new(), Vec::new());
    for (_, q) in qn
        .questions()
        .filter(|(_, q)| q.kind == QuestionType::Criterion)
    {
        let Some(scale) = qn.scale_of(q) else {
            continue;
        };
        let rank = |a: &Answers| {
            a.get(&q.id)
                .and_then(AnswerValue::as_level)
                .and_then(|l| l.level.as_deref())
                .and_then(|l| scale.rank(l))
        };
        if let (Some(n), Some(p)) = (rank(&draft.answers), rank(&prev.previous_answers)) {
            let text = format!(
                "{} {} → {}",
                q.id, scale.levels[p].label, scale.levels[n].label
            );
            if n > p {
                gained.push(text);
            } else if n < p {
                lost.push(text);
            }
        }
    }
    if !gained.is_empty() {
        lines.push(format!("Levels gained: {}", gained.join("; ")));
    }
    if !lost.is_empty() {
        lines.push(format!("Levels lost: {}", lost.join("; ")));
    }
    lines
}
