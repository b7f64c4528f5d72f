//! The questionnaire's readiness checklist, evaluated: each item met, not met, not answered or
//! not applying, with the answers it read and the question numbers to look at. Pure (the date
//! that "today" means is passed in), so the report, the e-mail, the summary CSV and the hub's
//! roll-up all give the same verdicts.

use std::cmp::Ordering;

use chrono::NaiveDate;
use serde_json::Value;

use super::display::answer_text;
use super::numbering::number_of;
use super::visibility::matches;
use super::{AnswerValue, Answers, is_visible};
use crate::questionnaire::{
    ChecklistItem, ChecklistTest, NOT_APPLICABLE, Question, QuestionType, Questionnaire, TODAY,
};

/// An item's verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Met,
    NotMet,
    /// An answer the verdict depends on is still missing.
    NotAnswered,
    /// Every answer the item reads belongs to a question that does not apply to this school.
    DoesNotApply,
}

impl Status {
    /// The verdict in words, as in the report and the summary CSV.
    pub fn word(self) -> &'static str {
        match self {
            Self::Met => "met",
            Self::NotMet => "not met",
            Self::NotAnswered => "not answered",
            Self::DoesNotApply => "does not apply",
        }
    }
}

/// One answer an item read, as a reader sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadAnswer {
    pub question: String,
    /// The question's number ("3.2"), as on screen and in the report.
    pub number: String,
    /// The item's short name for it, if it gives one ("KS1").
    pub label: Option<String>,
    /// The answer as shown ("45 minutes", "No"); None when unanswered.
    pub answer: Option<String>,
    /// Whether the question applies to this school.
    pub applies: bool,
}

/// One item's verdict with what it rests on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemResult {
    pub id: String,
    pub label: String,
    pub status: Status,
    /// The answers the item reads, in the item's order.
    pub reads: Vec<ReadAnswer>,
    /// Numbers of the questions that make it not met or not answered (empty when met).
    pub look_at: Vec<String>,
}

/// How many items have each verdict.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub met: usize,
    pub not_met: usize,
    pub not_answered: usize,
    pub does_not_apply: usize,
}

/// A test's value: true, false, unknown (an answer is missing), or skipped (the question
/// does not apply, so the test neither meets nor fails anything).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum V {
    True,
    False,
    Unknown,
    Skip,
}

/// Every checklist item of `qn`, judged on `answers` as of `today`.
pub fn evaluate(qn: &Questionnaire, answers: &Answers, today: NaiveDate) -> Vec<ItemResult> {
    let ctx = Ctx { qn, answers, today };
    qn.checklist.iter().map(|item| ctx.item(item)).collect()
}

/// Count the verdicts.
pub fn tally(results: &[ItemResult]) -> Tally {
    tally_of(results.iter().map(|r| r.status))
}

/// Count verdicts however they are held (the hub keeps only the verdicts).
pub fn tally_of(statuses: impl IntoIterator<Item = Status>) -> Tally {
    let mut t = Tally::default();
    for status in statuses {
        match status {
            Status::Met => t.met += 1,
            Status::NotMet => t.not_met += 1,
            Status::NotAnswered => t.not_answered += 1,
            Status::DoesNotApply => t.does_not_apply += 1,
        }
    }
    t
}

struct Ctx<'a> {
    qn: &'a Questionnaire,
    answers: &'a Answers,
    today: NaiveDate,
}

impl Ctx<'_> {
    fn item(&self, item: &ChecklistItem) -> ItemResult {
        let status = match self.eval(&item.met_when, 0) {
            V::True => Status::Met,
            V::False => Status::NotMet,
            V::Unknown => Status::NotAnswered,
            V::Skip => Status::DoesNotApply,
        };
        let wanted = match status {
            Status::NotMet => Some(V::False),
            Status::NotAnswered => Some(V::Unknown),
            Status::Met | Status::DoesNotApply => None,
        };
        let mut look_at: Vec<String> = Vec::new();
        if let Some(w) = wanted {
            let mut leaves = Vec::new();
            self.leaves(&item.met_when, &mut leaves);
            for (id, v) in leaves {
                if v == w
                    && let Some(n) = number_of(self.qn, id)
                    && !look_at.contains(&n)
                {
                    look_at.push(n);
                }
            }
        }
        let reads: Vec<ReadAnswer> = item
            .reads
            .iter()
            .filter_map(|r| {
                let q = self.qn.question(&r.question)?;
                Some(ReadAnswer {
                    question: q.id.clone(),
                    number: number_of(self.qn, &q.id).unwrap_or_default(),
                    label: r.label.clone(),
                    answer: self.answer(q).map(|v| answer_text(self.qn, q, v)),
                    applies: is_visible(q, self.answers),
                })
            })
            .collect();
        if look_at.is_empty() && status == Status::NotMet {
            // Failed through a `not`: every answer that applies is worth a look.
            look_at = reads
                .iter()
                .filter(|r| r.applies)
                .map(|r| r.number.clone())
                .collect();
        }
        ItemResult {
            id: item.id.clone(),
            label: item.label.clone(),
            status,
            reads,
            look_at,
        }
    }

    fn answer(&self, q: &Question) -> Option<&AnswerValue> {
        self.answers.get(&q.id).filter(|v| v.is_answered())
    }

    fn eval(&self, check: &ChecklistTest, depth: usize) -> V {
        // Validation refuses deeper tests; a hostile file only gets "not met".
        if depth > 16 {
            return V::False;
        }
        match check {
            ChecklistTest::Not(inner) => match self.eval(inner, depth + 1) {
                V::True => V::False,
                V::False => V::True,
                other => other,
            },
            ChecklistTest::All(list) => {
                combine(list.iter().map(|c| self.eval(c, depth + 1)), V::False)
            }
            ChecklistTest::Any(list) => {
                combine(list.iter().map(|c| self.eval(c, depth + 1)), V::True)
            }
            leaf => self.leaf(leaf),
        }
    }

    /// Every leaf test with its value, in order.
    fn leaves<'c>(&self, check: &'c ChecklistTest, out: &mut Vec<(&'c str, V)>) {
        match check {
            ChecklistTest::Not(inner) => self.leaves(inner, out),
            ChecklistTest::All(list) | ChecklistTest::Any(list) => {
                list.iter().for_each(|c| self.leaves(c, out))
            }
            leaf => {
                if let Some(id) = leaf.referenced_ids().first() {
                    out.push((id, self.leaf(leaf)));
                }
            }
        }
    }

    fn leaf(&self, check: &ChecklistTest) -> V {
        let Some(id) = check.referenced_ids().first().copied() else {
            return V::False;
        };
        let Some(q) = self.qn.question(id) else {
            return V::False;
        };
        if !is_visible(q, self.answers) {
            return V::Skip;
        }
        let answer = self.answer(q);
        if let ChecklistTest::Answered { .. } = check {
            return truth(answer.is_some());
        }
        let Some(v) = answer else {
            return V::Unknown;
        };
        match check {
            ChecklistTest::Equals { value, .. } => truth(matches(v, value)),
            ChecklistTest::OneOf { values, .. } => truth(values.iter().any(|x| matches(v, x))),
            ChecklistTest::AtLeast { value, .. } => self.order(q, v, value, Ordering::is_ge),
            ChecklistTest::AtMost { value, .. } => self.order(q, v, value, Ordering::is_le),
            _ => V::False,
        }
    }

    /// Compare an answer with a number, date or level; "not applicable" skips the test.
    fn order(&self, q: &Question, v: &AnswerValue, value: &Value, ok: fn(Ordering) -> bool) -> V {
        let ordering = match q.kind {
            QuestionType::Number => v
                .as_f64()
                .zip(value.as_f64())
                .and_then(|(a, b)| a.partial_cmp(&b)),
            QuestionType::Date => {
                let parse = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
                let bound = match value.as_str() {
                    Some(TODAY) => Some(self.today),
                    Some(s) => parse(s),
                    None => None,
                };
                v.as_text()
                    .and_then(parse)
                    .zip(bound)
                    .map(|(a, b)| a.cmp(&b))
            }
            QuestionType::Rating | QuestionType::Criterion => {
                let level = v.as_level().and_then(|l| l.level.as_deref());
                if level == Some(NOT_APPLICABLE) {
                    return V::Skip;
                }
                let scale = self.qn.scale_of(q);
                let rank = |id: &str| scale.and_then(|s| s.rank(id));
                level
                    .and_then(rank)
                    .zip(value.as_str().and_then(rank))
                    .map(|(a, b)| a.cmp(&b))
            }
            _ => None,
        };
        truth(ordering.is_some_and(ok))
    }
}

fn truth(b: bool) -> V {
    if b { V::True } else { V::False }
}

/// `all` (decided by any false) or `any` (decided by any true); a missing answer leaves it
/// unknown, and tests that were all skipped skip the whole.
fn combine(values: impl Iterator<Item = V>, decisive: V) -> V {
    let (mut unknown, mut counted) = (false, false);
    for v in values {
        if v == decisive {
            return decisive;
        }
        unknown |= v == V::Unknown;
        counted |= v != V::Skip;
    }
    let other = if decisive == V::False {
        V::True
    } else {
        V::False
    };
    match (unknown, counted) {
        (true, _) => V::Unknown,
        (false, true) => other,
        (false, false) => V::Skip,
    }
}

#[cfg(test)]
mod tests;
