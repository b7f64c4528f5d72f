//! Questions by id: a map built once per questionnaire, the first time one is looked up, so
//! finding a question costs the same in a questionnaire of 10 questions and of 10,000 (opening
//! a draft looks up every answer's question).

use std::collections::HashMap;
use std::sync::OnceLock;

use super::model::{Question, Section};

/// Where each question is: (section, position in the section), by id.
#[derive(Debug, Default, Clone)]
struct Positions {
    at: HashMap<Box<str>, (u32, u32)>,
    /// How many questions there were when the map was built: a map that no longer matches
    /// the sections (they were changed after a lookup) is not trusted about a missing id.
    count: usize,
}

/// The lazily built index a `Questionnaire` carries. It takes no part in comparing,
/// reading or writing questionnaires.
#[derive(Debug, Default, Clone)]
pub struct QuestionIndex(OnceLock<Positions>);

impl PartialEq for QuestionIndex {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

fn build(sections: &[Section]) -> Positions {
    let mut at = HashMap::new();
    let mut count = 0;
    for (s, section) in sections.iter().enumerate() {
        for (q, question) in section.questions.iter().enumerate() {
            count += 1;
            let pos = (
                u32::try_from(s).unwrap_or(u32::MAX),
                u32::try_from(q).unwrap_or(u32::MAX),
            );
            // The first question with an id wins, as a search from the start would find.
            at.entry(question.id.as_str().into()).or_insert(pos);
        }
    }
    Positions { at, count }
}

fn linear<'q>(sections: &'q [Section], id: &str) -> Option<&'q Question> {
    sections
        .iter()
        .flat_map(|s| s.questions.iter())
        .find(|q| q.id == id)
}

impl QuestionIndex {
    /// The question with `id`. Checked against the sections themselves, so a questionnaire
    /// changed after its index was built is still answered correctly (by a search).
    pub fn find<'q>(&self, sections: &'q [Section], id: &str) -> Option<&'q Question> {
        let p = self.0.get_or_init(|| build(sections));
        match p.at.get(id) {
            Some(&(s, q)) => {
                let found = sections
                    .get(s as usize)
                    .and_then(|sec| sec.questions.get(q as usize))
                    .filter(|question| question.id == id);
                found.or_else(|| linear(sections, id))
            }
            None => {
                let now: usize = sections.iter().map(|s| s.questions.len()).sum();
                if now == p.count {
                    None
                } else {
                    linear(sections, id)
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::synthetic;

    #[test]
    fn lookups_agree_with_a_search_also_after_a_change() {
        let mut q = synthetic::questionnaire(60, 7);
        assert_eq!(q.question("q59").map(|x| x.id.as_str()), Some("q59"));
        assert!(q.question("nope").is_none());
        // Remove a question after the index was built: positions shift.
        q.sections[0].questions.remove(0);
        assert!(q.question("q0").is_none());
        assert_eq!(q.question("q1").map(|x| x.id.as_str()), Some("q1"));
        assert_eq!(q.question("q59").map(|x| x.id.as_str()), Some("q59"));
        let copy = q.clone();
        assert_eq!(copy, q);
        assert_eq!(copy.question("q30").map(|x| x.id.as_str()), Some("q30"));
    }
}
