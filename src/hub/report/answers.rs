//! The Answers sheet: every answer of every school's submission in long form, numbers as
//! numbers and dates as dates, shown as the school's own answers.csv shows them.

use super::cells::Cell;
use super::rows::StoredRow;
use crate::answers::display::{answer_text, evidence};
use crate::answers::{AnswerValue, is_visible};
use crate::export::json::SubmissionFile;
use crate::questionnaire::{Question, QuestionType, Questionnaire};

pub const ANSWER_HEADINGS: [(&str, f64); 11] = [
    ("URN", 9.0),
    ("School", 30.0),
    ("Questionnaire", 26.0),
    ("Section", 24.0),
    ("Question id", 18.0),
    ("Question", 50.0),
    ("Answer", 40.0),
    ("Unit", 8.0),
    ("Evidence", 40.0),
    ("Level", 14.0),
    ("Target", 14.0),
];

/// The answer as a cell: numbers as numbers, dates as dates, the rest as shown.
fn answer_cell(qn: &Questionnaire, q: &Question, v: &AnswerValue) -> Cell {
    match (q.kind, v) {
        (QuestionType::Number, AnswerValue::Number(n)) => Cell::opt_num(n.as_f64()),
        (QuestionType::Date, AnswerValue::Text(t)) => {
            crate::answers::parse::parse_date(t).map_or_else(|_| Cell::Text(t.clone()), Cell::Date)
        }
        _ => Cell::Text(answer_text(qn, q, v)),
    }
}

/// Every answer of one submission in long form, in questionnaire order, then answers to
/// questions the questionnaire does not have (or all of them, raw, when it is not installed).
pub fn answer_rows(
    qn: Option<&Questionnaire>,
    r: &StoredRow,
    school: Option<&str>,
    sub: &SubmissionFile,
    each: &mut dyn FnMut(Vec<Cell>) -> Result<(), crate::hub::HubError>,
) -> Result<(), crate::hub::HubError> {
    let lead = |section: &str, id: &str, question: &str| {
        vec![
            r.urn.map_or(Cell::Empty, |u| Cell::Number(f64::from(u))),
            Cell::opt_text(school),
            Cell::Text(sub.questionnaire.id.clone()),
            Cell::Text(section.to_string()),
            Cell::Text(id.to_string()),
            Cell::Text(question.to_string()),
        ]
    };
    let mut used = std::collections::HashSet::new();
    if let Some(qn) = qn {
        for (si, q) in qn.questions() {
            let Some(v) = sub.answers.get(&q.id) else {
                continue;
            };
            used.insert(q.id.as_str());
            // As in the school's own answers.csv: only questions that apply, answered.
            if !v.is_answered() || !is_visible(q, &sub.answers) {
                continue;
            }
            let mut row = lead(&qn.sections[si].title, &q.id, &q.prompt);
            let level = v.as_level().and_then(|l| l.level.clone());
            let target = v.as_level().and_then(|l| l.target.clone());
            row.extend([
                answer_cell(qn, q, v),
                Cell::opt_text(q.unit.as_deref().filter(|_| q.kind == QuestionType::Number)),
                Cell::opt_text(evidence(v)),
                Cell::opt_text(level.as_deref()),
                Cell::opt_text(target.as_deref()),
            ]);
            each(row)?;
        }
    }
    let rest = if qn.is_some() {
        "(not in this questionnaire)"
    } else {
        "(questionnaire not installed)"
    };
    for (id, v) in sub
        .answers
        .iter()
        .filter(|(id, _)| !used.contains(id.as_str()))
    {
        let mut row = lead(rest, id, "");
        row.extend([
            Cell::Text(v.to_json().to_string()),
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
        ]);
        each(row)?;
    }
    Ok(())
}
