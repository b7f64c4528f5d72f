//! One school's submission in one row: the facts, the checklist, every number and the
//! judgements, under column names that depend only on the questionnaire. So the rows of 40
//! schools that answered the same questionnaire stack into one sheet, and the hub's roll-up
//! builds exactly the row the bundle's summary CSV carries.

use chrono::NaiveDate;

use super::checklist::{self, ItemResult};
use super::display::{answer_text, level_label};
use super::parse::fmt_num;
use super::{AnswerValue, Answers, is_visible, progress, scoring};
use crate::questionnaire::{QuestionType, Questionnaire, Role};

/// The columns every summary starts with, whatever the questionnaire.
pub const FIXED: [&str; 16] = [
    "urn",
    "school",
    "phase",
    "local_authority",
    "academic_year",
    "questionnaire",
    "questionnaire_version",
    "date",
    "completed_by",
    "completion_date",
    "answered",
    "applicable",
    "required_missing",
    "plan_url",
    "plan_published",
    "plan_review",
];

/// The summary row as (column, value) pairs, in column order, judged as of `on`.
pub fn row(qn: &Questionnaire, answers: &Answers, on: NaiveDate) -> Vec<(String, String)> {
    let results = checklist::evaluate(qn, answers, on);
    row_with(qn, answers, on, &results)
}

/// As [`row`], given the checklist already evaluated for the same answers and day.
pub fn row_with(
    qn: &Questionnaire,
    answers: &Answers,
    on: NaiveDate,
    results: &[ItemResult],
) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut put = |k: String, v: String| out.push((k, v));
    facts(qn, answers, on, &mut put);
    let t = checklist::tally(results);
    put("checks_met".into(), t.met.to_string());
    put("checks_not_met".into(), t.not_met.to_string());
    put("checks_not_answered".into(), t.not_answered.to_string());
    for r in results {
        put(format!("check.{}", r.id), r.status.word().to_string());
    }
    numbers(qn, answers, &mut put);
    judgements(qn, answers, &mut put);
    out
}

/// The first answer given to a question with `role`, as shown.
fn first(qn: &Questionnaire, answers: &Answers, role: Role) -> String {
    all(qn, answers, role)
        .into_iter()
        .next()
        .unwrap_or_default()
}

/// Every answer to a question with `role` that applies, as shown.
fn all(qn: &Questionnaire, answers: &Answers, role: Role) -> Vec<String> {
    qn.with_role(role)
        .filter(|q| is_visible(q, answers))
        .filter_map(|q| {
            let v = answers.get(&q.id).filter(|v| v.is_answered())?;
            Some(match (q.kind, v) {
                // A date as data, so a spreadsheet reads it as one.
                (QuestionType::Date, AnswerValue::Text(t)) => t.clone(),
                _ => answer_text(qn, q, v),
            })
        })
        .collect()
}

fn facts(
    qn: &Questionnaire,
    answers: &Answers,
    on: NaiveDate,
    put: &mut impl FnMut(String, String),
) {
    let p = progress::overall(qn, answers);
    let values = [
        first(qn, answers, Role::Urn),
        first(qn, answers, Role::SchoolName),
        first(qn, answers, Role::Phase),
        first(qn, answers, Role::LocalAuthority),
        first(qn, answers, Role::AcademicYear),
        qn.id.clone(),
        qn.version.clone(),
        on.format("%Y-%m-%d").to_string(),
        first(qn, answers, Role::CompletedBy),
        first(qn, answers, Role::CompletionDate),
        p.answered.to_string(),
        p.total.to_string(),
        p.required_missing.to_string(),
        first(qn, answers, Role::DevelopmentPlanUrl),
        first(qn, answers, Role::PlanPublished),
        first(qn, answers, Role::PlanReview),
    ];
    for (k, v) in FIXED.iter().zip(values) {
        put((*k).to_string(), v);
    }
}

/// Every number question, as a bare number (its unit is in the long CSV); empty when
/// unanswered or not applying.
fn numbers(qn: &Questionnaire, answers: &Answers, put: &mut impl FnMut(String, String)) {
    for (_, q) in qn
        .questions()
        .filter(|(_, q)| q.kind == QuestionType::Number)
    {
        let v = answers
            .get(&q.id)
            .filter(|_| is_visible(q, answers))
            .and_then(AnswerValue::as_f64)
            .map(fmt_num)
            .unwrap_or_default();
        put(format!("number.{}", q.id), v);
    }
}

/// The overall judgement, each section's average and band, the award, the target, every
/// criterion's level, the support asked for and the priorities.
fn judgements(qn: &Questionnaire, answers: &Answers, put: &mut impl FnMut(String, String)) {
    put("overall".into(), first(qn, answers, Role::OverallJudgement));
    for s in scoring::section_summaries(qn, answers) {
        let id = &qn.sections[s.section].id;
        put(
            format!("section.{id}"),
            s.mean.map(|m| format!("{m:.2}")).unwrap_or_default(),
        );
        put(format!("section.{id}.band"), s.band.unwrap_or_default());
    }
    if let Some(a) = scoring::award(qn, answers) {
        put("award".into(), a.level_label.unwrap_or_default());
    }
    put("target_award".into(), first(qn, answers, Role::TargetAward));
    for (_, q) in qn
        .questions()
        .filter(|(_, q)| q.kind == QuestionType::Criterion)
    {
        let level = answers
            .get(&q.id)
            .and_then(AnswerValue::as_level)
            .and_then(|l| l.level.as_deref())
            .map(|l| level_label(qn, q, l))
            .unwrap_or_default();
        put(format!("level.{}", q.id), level);
    }
    put("support".into(), all(qn, answers, Role::Support).join("; "));
    for (i, p) in qn.with_role(Role::Priority).enumerate() {
        let v = answers
            .get(&p.id)
            .filter(|v| v.is_answered())
            .map(|v| answer_text(qn, p, v))
            .unwrap_or_default();
        put(format!("priority.{}", i + 1), v);
    }
}
