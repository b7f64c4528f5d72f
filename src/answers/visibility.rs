//! `show_if`: whether a question applies given the answers so far.

use serde_json::Value;

use crate::questionnaire::{Condition, Question};

use super::{AnswerValue, Answers};

/// Conditions nested deeper than this are treated as false; validation refuses them anyway.
const MAX_DEPTH: usize = 16;

/// Whether `q` should be asked, given `answers`.
pub fn is_visible(q: &Question, answers: &Answers) -> bool {
    q.show_if.as_ref().is_none_or(|c| eval(c, answers, 0))
}

/// Evaluate a condition against the answers.
pub fn eval(c: &Condition, answers: &Answers, depth: usize) -> bool {
    if depth > MAX_DEPTH {
        return false;
    }
    match c {
        Condition::Equals { question, value } => {
            answers.get(question).is_some_and(|a| matches(a, value))
        }
        Condition::OneOf { question, values } => answers
            .get(question)
            .is_some_and(|a| values.iter().any(|v| matches(a, v))),
        Condition::Answered { question } => {
            answers.get(question).is_some_and(AnswerValue::is_answered)
        }
        Condition::Not(inner) => !eval(inner, answers, depth + 1),
        Condition::All(list) => list.iter().all(|c| eval(c, answers, depth + 1)),
        Condition::Any(list) => list.iter().any(|c| eval(c, answers, depth + 1)),
    }
}

/// Whether a stored answer equals a value written in the questionnaire (a `show_if` or a
/// checklist test): for a multiple choice, whether the option is among those chosen.
pub fn matches(answer: &AnswerValue, expected: &Value) -> bool {
    match (answer, expected) {
        (AnswerValue::Bool(b), Value::Bool(e)) => b == e,
        (AnswerValue::Number(n), Value::Number(e)) => n.as_f64() == e.as_f64(),
        (AnswerValue::Text(s), Value::String(e)) => s == e,
        (AnswerValue::List(list), Value::String(e)) => list.iter().any(|s| s == e),
        (AnswerValue::Level(l), Value::String(e)) => l.level.as_deref() == Some(e.as_str()),
        _ => false,
    }
}
