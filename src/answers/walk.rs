//! The navigator: which questions apply now, where a teacher resumes, and moving to the next
//! or previous question or to a section. The full-screen view and plain mode both walk the
//! questionnaire through it, so they agree on order, skipping and resuming.
//!
//! What applies is computed when an answer changes (`refresh`), never per key, so moving
//! costs the same for 100 or 10,000 questions.

use std::collections::BTreeSet;

use crate::questionnaire::{Question, Questionnaire};

use super::progress::{self, Progress};
use super::{AnswerValue, Answers, is_visible};

/// A place in the questionnaire: a section, and a position among its applicable questions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Place {
    pub section: usize,
    pub index: usize,
}

/// The applicable questions of every section and the progress, for one set of answers.
#[derive(Debug, Clone, Default)]
pub struct Walk {
    /// Per section, the indices (into the section's questions) of those that apply.
    visible: Vec<Vec<usize>>,
    progress: Vec<Progress>,
    overall: Progress,
}

impl Walk {
    pub fn new(qn: &Questionnaire, answers: &Answers) -> Self {
        let mut w = Self::default();
        w.refresh(qn, answers);
        w
    }

    /// Recompute what applies and the progress; call when an answer changes.
    pub fn refresh(&mut self, qn: &Questionnaire, answers: &Answers) {
        self.visible = qn
            .sections
            .iter()
            .map(|s| {
                s.questions
                    .iter()
                    .enumerate()
                    .filter(|(_, q)| is_visible(q, answers))
                    .map(|(i, _)| i)
                    .collect()
            })
            .collect();
        self.progress = progress::all_sections(qn, answers);
        self.overall = self.progress.iter().fold(Progress::default(), |mut a, p| {
            a.total += p.total;
            a.answered += p.answered;
            a.required_missing += p.required_missing;
            a.recommended_missing += p.recommended_missing;
            a
        });
    }

    pub fn sections(&self) -> usize {
        self.visible.len()
    }

    /// How many questions apply in `section`.
    pub fn count(&self, section: usize) -> usize {
        self.visible.get(section).map_or(0, Vec::len)
    }

    /// Indices of the applicable questions of `section`, in order.
    pub fn applicable(&self, section: usize) -> &[usize] {
        self.visible.get(section).map_or(&[], Vec::as_slice)
    }

    pub fn progress(&self) -> &[Progress] {
        &self.progress
    }

    pub fn section_progress(&self, section: usize) -> Progress {
        self.progress.get(section).copied().unwrap_or_default()
    }

    pub fn overall(&self) -> Progress {
        self.overall
    }

    /// The question at `place`, if one applies there.
    pub fn question<'q>(&self, qn: &'q Questionnaire, place: Place) -> Option<&'q Question> {
        let qi = *self.visible.get(place.section)?.get(place.index)?;
        qn.sections.get(place.section)?.questions.get(qi)
    }

    /// `place` moved back inside its section when answers made questions disappear.
    pub fn clamp(&self, place: Place) -> Place {
        let section = place.section.min(self.sections().saturating_sub(1));
        Place {
            section,
            index: place.index.min(self.count(section).saturating_sub(1)),
        }
    }

    /// The next applicable question, crossing into later sections; None at the end.
    pub fn next(&self, place: Place) -> Option<Place> {
        if place.index + 1 < self.count(place.section) {
            return Some(Place {
                index: place.index + 1,
                ..place
            });
        }
        self.next_section(place.section).map(Self::start)
    }

    /// The previous applicable question, crossing into earlier sections; None at the start.
    pub fn prev(&self, place: Place) -> Option<Place> {
        if place.index > 0 && place.index <= self.count(place.section) {
            return Some(Place {
                index: place.index - 1,
                ..place
            });
        }
        self.prev_section(place.section).map(|s| Place {
            section: s,
            index: self.count(s) - 1,
        })
    }

    /// The first later section with a question that applies.
    pub fn next_section(&self, section: usize) -> Option<usize> {
        (section + 1..self.sections()).find(|&s| self.count(s) > 0)
    }

    /// The nearest earlier section with a question that applies.
    pub fn prev_section(&self, section: usize) -> Option<usize> {
        (0..section.min(self.sections()))
            .rev()
            .find(|&s| self.count(s) > 0)
    }

    /// The start of a section (which may have no applicable question).
    pub fn start(section: usize) -> Place {
        Place { section, index: 0 }
    }

    /// Where the question `id` is, if it applies now.
    pub fn find(&self, qn: &Questionnaire, id: &str) -> Option<Place> {
        self.visible.iter().enumerate().find_map(|(s, qs)| {
            qs.iter()
                .position(|&qi| qn.sections[s].questions[qi].id == id)
                .map(|index| Place { section: s, index })
        })
    }

    /// Where a teacher coming back carries on: the first applicable question that is
    /// unanswered or carried over from last time and not yet confirmed; the very start when
    /// everything is done.
    pub fn resume(
        &self,
        qn: &Questionnaire,
        answers: &Answers,
        unconfirmed: &BTreeSet<String>,
    ) -> Place {
        let mut place = Some(Place::default()).filter(|p| self.question(qn, *p).is_some());
        if place.is_none() {
            place = self.next_section(0).map(Self::start);
        }
        while let Some(p) = place {
            if let Some(q) = self.question(qn, p) {
                let answered = answers.get(&q.id).is_some_and(AnswerValue::is_answered);
                if !answered || unconfirmed.contains(&q.id) {
                    return p;
                }
            }
            place = self.next(p);
        }
        Place::default()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::{Place, Walk};
    use crate::answers::{AnswerValue, Answers};
    use crate::questionnaire::Questionnaire;

    /// Three sections: a yes/no with a follow-up, an empty-when-no section, a text.
    fn qn() -> Questionnaire {
        let json = r#"{"format":"music-sef/questionnaire","format_version":1,"id":"t","version":"1","title":"T",
          "sections":[
            {"id":"a","title":"A","questions":[
              {"id":"choir","type":"yes_no","prompt":"Choir?"},
              {"id":"choir_size","type":"number","prompt":"How many?","show_if":{"equals":{"question":"choir","value":true}}}]},
            {"id":"b","title":"B","questions":[
              {"id":"only_if_no","type":"text","prompt":"Why not?","show_if":{"equals":{"question":"choir","value":false}}}]},
            {"id":"c","title":"C","questions":[{"id":"name","type":"text","prompt":"Name?"}]}]}"#;
        serde_json::from_str(json).expect("questionnaire")
    }

    #[test]
    fn next_and_prev_skip_what_does_not_apply() {
        let qn = qn();
        let mut answers = Answers::new();
        answers.insert("choir".into(), AnswerValue::Bool(true));
        let w = Walk::new(&qn, &answers);
        let start = Place::default();
        let second = w.next(start).expect("follow-up applies");
        assert_eq!(
            w.question(&qn, second).map(|q| q.id.as_str()),
            Some("choir_size")
        );
        // Section B has nothing that applies: the walk goes straight to C.
        let third = w.next(second).expect("section C");
        assert_eq!(third.section, 2);
        assert_eq!(w.next(third), None, "the end");
        assert_eq!(w.prev(third), Some(second));
        assert_eq!(w.prev(start), None);
    }

    #[test]
    fn resume_stops_at_the_first_unanswered_or_unconfirmed_answer() {
        let qn = qn();
        let mut answers = Answers::new();
        answers.insert("choir".into(), AnswerValue::Bool(false));
        answers.insert("only_if_no".into(), AnswerValue::Text("No teacher".into()));
        let w = Walk::new(&qn, &answers);
        let none = BTreeSet::new();
        let p = w.resume(&qn, &answers, &none);
        assert_eq!(w.question(&qn, p).map(|q| q.id.as_str()), Some("name"));
        // A carried-over answer still to confirm comes first.
        let unconfirmed: BTreeSet<String> = ["choir".to_string()].into();
        assert_eq!(w.resume(&qn, &answers, &unconfirmed), Place::default());
        answers.insert("name".into(), AnswerValue::Text("Oakfield".into()));
        let w = Walk::new(&qn, &answers);
        assert_eq!(
            w.resume(&qn, &answers, &none),
            Place::default(),
            "all done: the start"
        );
    }

    #[test]
    fn find_and_clamp_follow_the_answers() {
        let qn = qn();
        let mut answers = Answers::new();
        answers.insert("choir".into(), AnswerValue::Bool(true));
        let w = Walk::new(&qn, &answers);
        let size = w.find(&qn, "choir_size").expect("applies");
        answers.insert("choir".into(), AnswerValue::Bool(false));
        let w = Walk::new(&qn, &answers);
        assert_eq!(w.find(&qn, "choir_size"), None);
        assert_eq!(w.clamp(size), Place::default(), "back inside section A");
        assert_eq!(w.overall().total, 3);
    }
}
