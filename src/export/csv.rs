//! `answers.csv`: one row per question that applies, for the hub's spreadsheet. UTF-8 with a
//! BOM (so Excel reads accents), and cells that a spreadsheet would run as a formula are
//! prefixed with `'`.

use super::Submission;
use crate::answers::display::{answer_text, evidence, target_text};
use crate::answers::{AnswerValue, is_visible};

/// Neutralise formula-looking cells (= + - @ tab CR at the start).
pub fn cell(s: &str) -> String {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}"),
        _ => s.to_string(),
    }
}

/// The CSV bytes.
///
/// # Errors
/// Only if writing to memory fails.
pub fn render(sub: &Submission<'_>) -> Result<Vec<u8>, csv::Error> {
    let (qn, draft, changed) = (sub.qn, sub.draft, &sub.changes.ids);
    let mut w = csv::WriterBuilder::new().from_writer(Vec::from("\u{feff}".as_bytes()));
    w.write_record([
        "section",
        "question_id",
        "question",
        "answer",
        "evidence",
        "level",
        "target",
        "changed_since_previous",
    ])?;
    let carried = draft.carried_over.is_some();
    for section in &qn.sections {
        for q in section
            .questions
            .iter()
            .filter(|q| is_visible(q, &draft.answers))
        {
            let v = draft.answers.get(&q.id);
            let answer = v
                .filter(|v| v.is_answered())
                .map(|v| answer_text(qn, q, v))
                .unwrap_or_default();
            let level = v
                .and_then(AnswerValue::as_level)
                .and_then(|l| l.level.clone())
                .unwrap_or_default();
            let target = v.and_then(|v| target_text(qn, q, v)).unwrap_or_default();
            let ev = v.and_then(evidence).unwrap_or_default();
            let changed_cell = if carried {
                if changed.contains(&q.id) { "yes" } else { "no" }
            } else {
                ""
            };
            w.write_record([
                cell(&section.title),
                cell(&q.id),
                cell(&q.prompt),
                cell(&answer),
                cell(ev),
                cell(&level),
                cell(&target),
                changed_cell.to_string(),
            ])?;
        }
    }
    for (id, o) in &draft.orphaned_answers {
        let shown = match &o.value {
            AnswerValue::Text(t) => t.clone(),
            other => other.to_json().to_string(),
        };
        w.write_record([
            "(no longer asked)".to_string(),
            cell(id),
            cell(o.prompt.as_deref().unwrap_or("")),
            cell(&shown),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
        ])?;
    }
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}
