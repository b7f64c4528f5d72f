//! Answers as words for people: the TUI, plain mode, the PDF and the CSV all show them so.

use crate::questionnaire::{NOT_APPLICABLE, Question, QuestionType, Questionnaire};

use super::{AnswerValue, parse};

/// The answer without its evidence, e.g. "Established", "Yes", "60 minutes", "23 Nov 2026".
pub fn answer_text(qn: &Questionnaire, q: &Question, v: &AnswerValue) -> String {
    match v {
        AnswerValue::Bool(b) => if *b { "Yes" } else { "No" }.to_string(),
        AnswerValue::Number(n) => {
            let num = n.as_f64().map_or_else(|| n.to_string(), parse::fmt_num);
            match q.unit.as_deref() {
                // "27%", as written in English; other units after a space ("60 minutes").
                Some("%") => format!("{num}%"),
                Some(u) => format!("{num} {u}"),
                None => num,
            }
        }
        AnswerValue::Text(s) => match q.kind {
            QuestionType::Date => parse::display_date(s),
            QuestionType::SingleChoice => option_label(q, s),
            _ => s.clone(),
        },
        AnswerValue::List(list) => list
            .iter()
            .map(|id| option_label(q, id))
            .collect::<Vec<_>>()
            .join("; "),
        AnswerValue::Level(l) => l
            .level
            .as_deref()
            .map(|id| level_label(qn, q, id))
            .unwrap_or_default(),
    }
}

/// Label of an option id, or the id itself if the questionnaire no longer has it.
pub fn option_label(q: &Question, id: &str) -> String {
    q.option(id)
        .map_or_else(|| id.to_string(), |o| o.label.clone())
}

/// Label of a level id on the question's scale, "Not applicable" included.
pub fn level_label(qn: &Questionnaire, q: &Question, id: &str) -> String {
    if id == NOT_APPLICABLE {
        return "Not applicable".to_string();
    }
    qn.scale_of(q)
        .and_then(|s| s.label_of(id))
        .map_or_else(|| id.to_string(), str::to_string)
}

/// Evidence typed for a rating or criterion, if any.
pub fn evidence(v: &AnswerValue) -> Option<&str> {
    v.as_level()
        .and_then(|l| l.evidence.as_deref())
        .filter(|e| !e.trim().is_empty())
}

/// Target level label for a criterion, if set.
pub fn target_text(qn: &Questionnaire, q: &Question, v: &AnswerValue) -> Option<String> {
    v.as_level()
        .and_then(|l| l.target.as_deref())
        .map(|t| level_label(qn, q, t))
}
