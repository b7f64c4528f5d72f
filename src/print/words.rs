//! Questions described in words for the printed questionnaire: what kind of answer each
//! wants ("choose one", "a number of minutes") and when it is asked ("asked if you answered
//! Yes to 5.1").

use crate::answers::display::{level_label, option_label};
use crate::answers::numbering::number_of;
use crate::answers::parse::fmt_num;
use crate::questionnaire::{Condition, Question, QuestionType, Questionnaire};

/// The kind of answer, in words a teacher uses.
pub fn kind(qn: &Questionnaire, q: &Question) -> String {
    match q.kind {
        QuestionType::Text => "a few words".to_string(),
        QuestionType::LongText => "as much as you like".to_string(),
        QuestionType::SingleChoice => "choose one".to_string(),
        QuestionType::MultiChoice => "tick all that apply".to_string(),
        QuestionType::YesNo => "yes or no".to_string(),
        QuestionType::Number => number(q),
        QuestionType::Date => "a date".to_string(),
        QuestionType::Url => "a web address".to_string(),
        QuestionType::Email => "an e-mail address".to_string(),
        QuestionType::Rating => {
            let levels = levels(qn, q);
            format!("a rating: {levels}")
        }
        QuestionType::Criterion => "a level, with what each level looks like below".to_string(),
    }
}

fn number(q: &Question) -> String {
    let what = match q.unit.as_deref() {
        Some(u) => format!("a number of {u}"),
        None if q.integer => "a whole number".to_string(),
        None => "a number".to_string(),
    };
    match (q.min, q.max) {
        (Some(a), Some(b)) => format!("{what}, from {} to {}", fmt_num(a), fmt_num(b)),
        (Some(a), None) if a > 0.0 => format!("{what}, {} or more", fmt_num(a)),
        (None, Some(b)) => format!("{what}, up to {}", fmt_num(b)),
        _ => what,
    }
}

/// "Not started, Emerging, Established or Thriving".
fn levels(qn: &Questionnaire, q: &Question) -> String {
    let Some(scale) = qn.scale_of(q) else {
        return String::new();
    };
    let mut names: Vec<String> = scale.levels.iter().map(|l| l.label.clone()).collect();
    if scale.not_applicable {
        names.push("Not applicable".to_string());
    }
    or_list(&names)
}

/// "a, b or c".
fn or_list(items: &[String]) -> String {
    list(items, "or")
}

fn list(items: &[String], last: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., end] => format!("{} {last} {end}", init.join(", ")),
    }
}

/// When a conditional question is asked, e.g. "asked if you answered Yes to 5.1".
pub fn condition(qn: &Questionnaire, c: &Condition) -> String {
    format!("asked {}", clause(qn, c))
}

fn clause(qn: &Questionnaire, c: &Condition) -> String {
    match c {
        Condition::Equals { question, value } => {
            format!(
                "if you answered {} to {}",
                value_words(qn, question, value),
                at(qn, question)
            )
        }
        Condition::OneOf { question, values } => {
            let words: Vec<String> = values
                .iter()
                .map(|v| value_words(qn, question, v))
                .collect();
            format!(
                "if you answered {} to {}",
                or_list(&words),
                at(qn, question)
            )
        }
        Condition::Answered { question } => format!("once {} is answered", at(qn, question)),
        Condition::Not(inner) => format!("unless {}", clause(qn, inner).trim_start_matches("if ")),
        Condition::All(list_of) => {
            let parts: Vec<String> = list_of.iter().map(|x| clause(qn, x)).collect();
            list(&parts, "and")
        }
        Condition::Any(list_of) => {
            let parts: Vec<String> = list_of.iter().map(|x| clause(qn, x)).collect();
            or_list(&parts)
        }
    }
}

/// The question's number, or its id when the questionnaire does not have it.
fn at(qn: &Questionnaire, id: &str) -> String {
    number_of(qn, id).unwrap_or_else(|| id.to_string())
}

/// A condition's value as the teacher saw it: Yes/No, an option's label, a level's label.
fn value_words(qn: &Questionnaire, question: &str, value: &serde_json::Value) -> String {
    let q = qn.question(question);
    match (value, q) {
        (serde_json::Value::Bool(true), _) => "Yes".to_string(),
        (serde_json::Value::Bool(false), _) => "No".to_string(),
        (serde_json::Value::String(s), Some(q)) if q.kind.has_options() => {
            format!("\"{}\"", option_label(q, s))
        }
        (serde_json::Value::String(s), Some(q)) if q.kind.uses_scale() => {
            format!("\"{}\"", level_label(qn, q, s))
        }
        (other, _) => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::{condition, kind};
    use crate::questionnaire::Questionnaire;

    fn qn() -> Questionnaire {
        serde_json::from_str(
            r#"{"format":"music-sef/questionnaire","format_version":1,"id":"t","version":"1","title":"T",
              "sections":[{"id":"a","title":"A","questions":[
                {"id":"choir","type":"yes_no","prompt":"Choir?"},
                {"id":"phase","type":"single_choice","prompt":"Phase?","options":[{"id":"primary","label":"Primary school"},{"id":"secondary","label":"Secondary school"}]},
                {"id":"ks2","type":"number","prompt":"Minutes?","unit":"minutes","min":0,"max":600,
                 "show_if":{"all":[{"equals":{"question":"choir","value":true}},{"one_of":{"question":"phase","values":["primary","secondary"]}}]}}]}]}"#,
        )
        .expect("questionnaire")
    }

    #[test]
    fn kinds_and_conditions_read_as_a_teacher_would_say_them() {
        let qn = qn();
        let ks2 = qn.question("ks2").expect("ks2");
        assert_eq!(kind(&qn, ks2), "a number of minutes, from 0 to 600");
        let c = ks2.show_if.as_ref().expect("condition");
        assert_eq!(
            condition(&qn, c),
            "asked if you answered Yes to 1.1 and if you answered \"Primary school\" or \"Secondary school\" to 1.2"
        );
    }
}
