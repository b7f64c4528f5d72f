//! Sections repeated for each priority agreed with the hub (`"repeat": "each_priority"`):
//! written once in the file, made once per priority when a draft looks back on them, with the
//! priority's words put into the prompts. Ids gain `_1`, `_2`, `_3`, so each copy's answers
//! are kept apart and a reader of the export can tell which priority they answer.

use serde::{Deserialize, Serialize};

use super::{Condition, Questionnaire, Section};
use crate::feedback::{Agreed, Priority};

/// How a section is repeated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Repeat {
    /// Once for each priority agreed with the hub; left out when there are none.
    EachPriority,
}

/// What a repeated section's title, intro, prompts and guidance may name, and what each
/// becomes in the copy for one priority.
pub const PLACEHOLDERS: [&str; 5] = [
    "{n}",
    "{priority}",
    "{actions}",
    "{support}",
    "{review_date}",
];

/// The id of question or section `id` in the copy for priority `n` (from 1).
pub fn copy_id(id: &str, n: usize) -> String {
    format!("{id}_{n}")
}

fn fill(text: &str, n: usize, p: &Priority) -> String {
    text.replace("{n}", &n.to_string())
        .replace("{priority}", &p.text)
        .replace("{actions}", &p.actions)
        .replace("{support}", &p.support)
        .replace(
            "{review_date}",
            &p.review_date.format("%-d %B %Y").to_string(),
        )
}

/// Rename the questions a condition reads that are in the section being copied.
fn rename(c: &mut Condition, local: &[String], n: usize) {
    match c {
        Condition::Equals { question, .. }
        | Condition::OneOf { question, .. }
        | Condition::Answered { question } => {
            if local.contains(question) {
                *question = copy_id(question, n);
            }
        }
        Condition::Not(inner) => rename(inner, local, n),
        Condition::All(list) | Condition::Any(list) => {
            list.iter_mut().for_each(|c| rename(c, local, n));
        }
    }
}

fn copy(section: &Section, n: usize, p: &Priority) -> Section {
    let local: Vec<String> = section.questions.iter().map(|q| q.id.clone()).collect();
    let mut s = section.clone();
    s.repeat = None;
    s.id = copy_id(&s.id, n);
    s.title = fill(&s.title, n, p);
    s.intro = fill(&s.intro, n, p);
    for q in &mut s.questions {
        q.id = copy_id(&q.id, n);
        q.prompt = fill(&q.prompt, n, p);
        q.guidance = q.guidance.as_deref().map(|g| fill(g, n, p));
        q.previous_ids = q.previous_ids.iter().map(|id| copy_id(id, n)).collect();
        if let Some(cond) = &mut q.show_if {
            rename(cond, &local, n);
        }
    }
    s
}

impl Questionnaire {
    /// Whether any section is repeated (and so depends on the priorities a draft answers).
    pub fn repeats(&self) -> bool {
        self.sections.iter().any(|s| s.repeat.is_some())
    }

    /// This questionnaire as a draft looking back on `agreed` sees it: each repeated section
    /// made once for each agreed priority, in their order; left out when there are none.
    pub fn for_agreed(&self, agreed: Option<&Agreed>) -> Self {
        if !self.repeats() {
            return self.clone();
        }
        let priorities = agreed.map_or(&[][..], |a| a.priorities.as_slice());
        let mut out = self.clone();
        // A new set of sections: the clone's index (if built) was for the old one.
        out.index = Default::default();
        out.sections = self
            .sections
            .iter()
            .flat_map(|s| match s.repeat {
                None => vec![s.clone()],
                Some(Repeat::EachPriority) => priorities
                    .iter()
                    .enumerate()
                    .map(|(i, p)| copy(s, i + 1, p))
                    .collect(),
            })
            .collect();
        out
    }
}
