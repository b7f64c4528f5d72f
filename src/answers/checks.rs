//! Soft cross-checks between answers: the questionnaire's `checks` ("pupils in the choir" not
//! more than "pupils on roll") evaluated against the answers. The result is a list of warnings
//! to show beside the answers; nothing here ever refuses or changes an answer, because the
//! figures may well be right and only the teacher knows.

use std::collections::HashMap;

use crate::questionnaire::{Check, Question, Questionnaire};

use super::{Answers, display::answer_text, is_visible};

/// One check that does not hold for the answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The check's id in the questionnaire.
    pub check: String,
    /// The two questions compared: the one that should be smaller, then its limit.
    pub questions: [String; 2],
    /// The hub's warning with the two answers filled in, e.g. "The choir has 300 pupils but
    /// the school has 210 pupils on roll: please check both numbers."
    pub text: String,
}

impl Warning {
    /// Whether the warning is about the question `id` (either side of the check).
    pub fn concerns(&self, id: &str) -> bool {
        self.questions.iter().any(|q| q == id)
    }
}

/// Every check that does not hold, in the questionnaire's order. A check counts only while
/// both its questions apply and are answered: a hidden or empty answer says nothing.
pub fn warnings(qn: &Questionnaire, answers: &Answers) -> Vec<Warning> {
    if qn.checks.is_empty() {
        return Vec::new();
    }
    let by_id: HashMap<&str, &Question> = qn.questions().map(|(_, q)| (q.id.as_str(), q)).collect();
    qn.checks
        .iter()
        .filter_map(|c| failing(qn, c, &by_id, answers))
        .collect()
}

/// The warnings about question `id`, to show with that question after it is answered.
pub fn warnings_about(qn: &Questionnaire, answers: &Answers, id: &str) -> Vec<Warning> {
    let mut list = warnings(qn, answers);
    list.retain(|w| w.concerns(id));
    list
}

fn failing(
    qn: &Questionnaire,
    check: &Check,
    by_id: &HashMap<&str, &Question>,
    answers: &Answers,
) -> Option<Warning> {
    let side = |id: &str| {
        let q = *by_id.get(id)?;
        let v = answers.get(id).filter(|_| is_visible(q, answers))?;
        Some((q, v, v.as_f64()?))
    };
    let (qa, va, a) = side(&check.question)?;
    let (qb, vb, b) = side(&check.at_most)?;
    (a > b).then(|| Warning {
        check: check.id.clone(),
        questions: [qa.id.clone(), qb.id.clone()],
        text: check
            .warning
            .replace("{question}", &answer_text(qn, qa, va))
            .replace("{at_most}", &answer_text(qn, qb, vb)),
    })
}

#[cfg(test)]
mod tests {
    use super::warnings;
    use crate::answers::{AnswerValue, Answers};
    use crate::questionnaire::Questionnaire;

    fn choir_questionnaire() -> Questionnaire {
        serde_json::from_value(serde_json::json!({
            "format": "music-sef/questionnaire", "format_version": 1, "id": "t", "version": "1",
            "title": "T",
            "sections": [{"id": "s", "title": "S", "questions": [
                {"id": "roll", "type": "number", "prompt": "Pupils on roll", "unit": "pupils"},
                {"id": "choir", "type": "yes_no", "prompt": "A choir?"},
                {"id": "choir_members", "type": "number", "prompt": "In the choir",
                 "unit": "pupils", "show_if": {"equals": {"question": "choir", "value": true}}}
            ]}],
            "checks": [{"id": "choir_within_roll", "question": "choir_members", "at_most": "roll",
                "warning": "The choir has {question} but the school has {at_most} on roll: please check both numbers."}]
        }))
        .expect("a questionnaire")
    }

    fn answers(roll: f64, choir: bool, members: f64) -> Answers {
        let n = |x| AnswerValue::number(x).expect("a number");
        Answers::from([
            ("roll".to_string(), n(roll)),
            ("choir".to_string(), AnswerValue::Bool(choir)),
            ("choir_members".to_string(), n(members)),
        ])
    }

    #[test]
    fn more_pupils_in_the_choir_than_on_roll_is_a_warning_with_both_figures() {
        let qn = choir_questionnaire();
        let w = warnings(&qn, &answers(210.0, true, 300.0));
        assert_eq!(w.len(), 1);
        assert_eq!(
            w[0].text,
            "The choir has 300 pupils but the school has 210 pupils on roll: please check both numbers."
        );
        assert!(w[0].concerns("roll") && w[0].concerns("choir_members"));
        assert!(
            warnings(&qn, &answers(210.0, true, 210.0)).is_empty(),
            "equal is fine"
        );
        // A hidden question's old answer says nothing.
        assert!(warnings(&qn, &answers(210.0, false, 300.0)).is_empty());
        let mut partial = answers(210.0, true, 300.0);
        partial.remove("roll");
        assert!(
            warnings(&qn, &partial).is_empty(),
            "nothing to compare with"
        );
    }
}
