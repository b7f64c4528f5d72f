//! Progress: what is answered, and which required or recommended answers are missing.

use crate::questionnaire::{Question, Questionnaire, Requirement};

use super::{Answers, visibility::is_visible};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    /// Questions that apply (their `show_if` holds).
    pub total: usize,
    pub answered: usize,
    pub required_missing: usize,
    pub recommended_missing: usize,
}

impl Progress {
    pub fn is_complete(&self) -> bool {
        self.required_missing == 0
    }

    /// Whole percent answered, for "45%" displays.
    pub fn percent(&self) -> usize {
        (self.answered * 100).checked_div(self.total).unwrap_or(100)
    }

    fn add(&mut self, q: &Question, answers: &Answers) {
        self.total += 1;
        if answers
            .get(&q.id)
            .is_some_and(super::AnswerValue::is_answered)
        {
            self.answered += 1;
        } else {
            match q.required {
                Requirement::Required => self.required_missing += 1,
                Requirement::Recommended => self.recommended_missing += 1,
                Requirement::Optional => {}
            }
        }
    }
}

/// Progress of one section.
pub fn section_progress(qn: &Questionnaire, section: usize, answers: &Answers) -> Progress {
    let mut p = Progress::default();
    if let Some(s) = qn.sections.get(section) {
        for q in s.questions.iter().filter(|q| is_visible(q, answers)) {
            p.add(q, answers);
        }
    }
    p
}

/// Progress of every section, in order.
pub fn all_sections(qn: &Questionnaire, answers: &Answers) -> Vec<Progress> {
    (0..qn.sections.len())
        .map(|i| section_progress(qn, i, answers))
        .collect()
}

/// Progress of the whole questionnaire.
pub fn overall(qn: &Questionnaire, answers: &Answers) -> Progress {
    all_sections(qn, answers)
        .into_iter()
        .fold(Progress::default(), |mut acc, p| {
            acc.total += p.total;
            acc.answered += p.answered;
            acc.required_missing += p.required_missing;
            acc.recommended_missing += p.recommended_missing;
            acc
        })
}

/// Questions that apply but are unanswered and have requirement `level`, with their
/// section index, in questionnaire order.
pub fn missing<'q>(
    qn: &'q Questionnaire,
    answers: &Answers,
    level: Requirement,
) -> Vec<(usize, &'q Question)> {
    qn.questions()
        .filter(|(_, q)| q.required == level && is_visible(q, answers))
        .filter(|(_, q)| {
            !answers
                .get(&q.id)
                .is_some_and(super::AnswerValue::is_answered)
        })
        .collect()
}
