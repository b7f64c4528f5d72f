//! Questions by id: a map built once per questionnaire, the first time one is looked up, so
//! finding a question costs the same in a questionnaire of 10 questions and of 10,000 (opening
//! a draft looks up every answer's question). It knows sections and questions only through
//! the two accessors the model hands it, so the model owns the index and not the reverse.

use std::collections::HashMap;
use std::sync::OnceLock;

/// How the index reads a questionnaire: a section's questions, and a question's id.
pub struct Shape<S, Q> {
    pub questions: fn(&S) -> &[Q],
    pub id: fn(&Q) -> &str,
}

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

fn build<S, Q>(sections: &[S], shape: &Shape<S, Q>) -> Positions {
    let mut at = HashMap::new();
    let mut count = 0;
    for (s, section) in sections.iter().enumerate() {
        for (q, question) in (shape.questions)(section).iter().enumerate() {
            count += 1;
            let pos = (
                u32::try_from(s).unwrap_or(u32::MAX),
                u32::try_from(q).unwrap_or(u32::MAX),
            );
            // The first question with an id wins, as a search from the start would find.
            at.entry((shape.id)(question).into()).or_insert(pos);
        }
    }
    Positions { at, count }
}

fn linear<'q, S, Q>(sections: &'q [S], shape: &Shape<S, Q>, id: &str) -> Option<&'q Q> {
    sections
        .iter()
        .flat_map(|s| (shape.questions)(s).iter())
        .find(|q| (shape.id)(q) == id)
}

impl QuestionIndex {
    /// The question with `id`. Checked against the sections themselves, so a questionnaire
    /// changed after its index was built is still answered correctly (by a search).
    pub fn find<'q, S, Q>(
        &self,
        sections: &'q [S],
        shape: &Shape<S, Q>,
        id: &str,
    ) -> Option<&'q Q> {
        let p = self.0.get_or_init(|| build(sections, shape));
        match p.at.get(id) {
            Some(&(s, q)) => {
                let found = sections
                    .get(s as usize)
                    .and_then(|sec| (shape.questions)(sec).get(q as usize))
                    .filter(|question| (shape.id)(question) == id);
                found.or_else(|| linear(sections, shape, id))
            }
            None => {
                let now: usize = sections.iter().map(|s| (shape.questions)(s).len()).sum();
                if now == p.count {
                    None
                } else {
                    linear(sections, shape, id)
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
