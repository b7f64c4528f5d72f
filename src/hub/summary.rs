//! Every per-school figure the hub shows (the school's facts, overall judgement, section
//! summaries, award, key numbers, support asked for, progress), computed here and only
//! here, through the same core as the school's own export: `answers::scoring`,
//! `answers::progress`, `answers::display` and `export::facts::Facts`.

use chrono::{DateTime, NaiveDate, Utc};

use super::year::AcademicYear;
use crate::answers::checklist::{self, Status, Tally};
use crate::answers::scoring::{self, AwardOutcome};
use crate::answers::{AnswerValue, Answers, Progress, display, progress};
use crate::draft::{Draft, QuestionnaireRef};
use crate::export::facts::Facts;
use crate::questionnaire::{Question, QuestionType, Questionnaire, Role};

/// The key stages whose weekly minutes the hub compares, with the question id each is
/// asked under in the shipped questionnaires (no role names these yet).
pub const KEY_STAGES: [(&str, &str); 5] = [
    ("EYFS", "eyfs_minutes"),
    ("KS1", "ks1_minutes"),
    ("KS2", "ks2_minutes"),
    ("KS3", "ks3_minutes"),
    ("KS4", "ks4_minutes"),
];

/// A judgement on a scale: its label, and its place (1 = lowest) when it has one.
#[derive(Debug, Clone, PartialEq)]
pub struct Judgement {
    pub label: String,
    pub rank: Option<usize>,
    pub out_of: usize,
}

/// One section's summary, named.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionLine {
    pub title: String,
    pub mean: Option<f64>,
    pub band: Option<String>,
    pub rated: usize,
    pub out_of: usize,
}

/// The numbers a hub counts each year, found by question id where the questionnaire asks
/// them with the expected type (a number, or yes/no); None when not asked or not answered.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct KeyNumbers {
    /// Weekly minutes per class, in the order of [`KEY_STAGES`].
    pub minutes: [Option<f64>; 5],
    pub pupils_on_roll: Option<f64>,
    pub pupils_in_lessons: Option<f64>,
    pub choir_members: Option<f64>,
    pub ensemble_members: Option<f64>,
    pub ensembles: Option<f64>,
    pub wcet: Option<bool>,
    pub choir: Option<bool>,
    pub ensemble: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct SchoolSummary {
    pub school: Option<String>,
    /// The URN as answered (checked by `hub::parse_urn`).
    pub urn: Option<String>,
    pub phase: Option<String>,
    pub local_authority: Option<String>,
    /// The academic year as answered, if the questionnaire asks it.
    pub academic_year: Option<AcademicYear>,
    pub completion_date: Option<NaiveDate>,
    pub completed_by: Option<String>,
    pub contact_email: Option<String>,
    pub plan_url: Option<String>,
    pub plan_published: Option<NaiveDate>,
    pub plan_next_review: Option<NaiveDate>,
    pub overall: Option<Judgement>,
    pub sections: Vec<SectionLine>,
    pub award: Option<AwardOutcome>,
    /// Criteria whose level is below the target the school set for them.
    pub below_target: Vec<String>,
    pub numbers: KeyNumbers,
    /// Support asked for, as the options are labelled.
    pub support: Vec<String>,
    pub strengths: Vec<String>,
    pub priorities: Vec<String>,
    pub topics: Vec<String>,
    pub progress: Progress,
    /// The readiness checklist's verdicts, by item label, as of the day the school exported
    /// (so they match the school's own report).
    pub checks: Vec<(String, Status)>,
}

fn first_answered<'q, 'a>(
    qn: &'q Questionnaire,
    answers: &'a Answers,
    role: Role,
) -> Option<(&'q Question, &'a AnswerValue)> {
    qn.with_role(role).find_map(|q| {
        answers
            .get(&q.id)
            .filter(|v| v.is_answered())
            .map(|v| (q, v))
    })
}

/// The answer's raw text: a number without its unit, an option id, a date as stored.
fn raw_text(v: &AnswerValue) -> Option<String> {
    match v {
        AnswerValue::Number(n) => Some(
            n.as_f64()
                .map_or_else(|| n.to_string(), crate::answers::parse::fmt_num),
        ),
        AnswerValue::Text(s) => Some(s.trim().to_string()),
        _ => None,
    }
}

fn answer_of<'a>(
    qn: &Questionnaire,
    answers: &'a Answers,
    id: &str,
    kind: QuestionType,
) -> Option<&'a AnswerValue> {
    qn.question(id)
        .filter(|q| q.kind == kind)
        .and_then(|_| answers.get(id))
}

fn number(qn: &Questionnaire, answers: &Answers, id: &str) -> Option<f64> {
    answer_of(qn, answers, id, QuestionType::Number).and_then(AnswerValue::as_f64)
}

fn yes_no(qn: &Questionnaire, answers: &Answers, id: &str) -> Option<bool> {
    match answer_of(qn, answers, id, QuestionType::YesNo) {
        Some(AnswerValue::Bool(b)) => Some(*b),
        _ => None,
    }
}

fn date(qn: &Questionnaire, answers: &Answers, id: &str) -> Option<NaiveDate> {
    answer_of(qn, answers, id, QuestionType::Date)
        .and_then(AnswerValue::as_text)
        .and_then(|s| crate::answers::parse::parse_date(s).ok())
}

impl KeyNumbers {
    fn gather(qn: &Questionnaire, answers: &Answers) -> Self {
        Self {
            minutes: KEY_STAGES.map(|(_, id)| number(qn, answers, id)),
            pupils_on_roll: number(qn, answers, "pupils_on_roll"),
            pupils_in_lessons: number(qn, answers, "pupils_having_lessons"),
            choir_members: number(qn, answers, "choir_members"),
            ensemble_members: number(qn, answers, "ensemble_members"),
            ensembles: number(qn, answers, "ensemble_count"),
            wcet: yes_no(qn, answers, "wcet"),
            choir: yes_no(qn, answers, "choir"),
            ensemble: yes_no(qn, answers, "ensemble"),
        }
    }
}

fn overall(qn: &Questionnaire, answers: &Answers) -> Option<Judgement> {
    let (q, v) = first_answered(qn, answers, Role::OverallJudgement)?;
    let scale = qn.scale_of(q);
    let level = v.as_level().and_then(|l| l.level.as_deref());
    Some(Judgement {
        label: display::answer_text(qn, q, v),
        rank: level.and_then(|l| scale?.rank(l)).map(|r| r + 1),
        out_of: scale.map_or(0, |s| s.levels.len()),
    })
}

/// Criteria whose answered level sits below the school's own target for them.
fn below_target(qn: &Questionnaire, answers: &Answers) -> Vec<String> {
    qn.questions()
        .map(|(_, q)| q)
        .filter(|q| q.offers_target() && crate::answers::is_visible(q, answers))
        .filter(|q| {
            let Some(l) = answers.get(&q.id).and_then(AnswerValue::as_level) else {
                return false;
            };
            let rank = |id: Option<&str>| qn.scale_of(q).and_then(|s| s.rank(id?));
            matches!((rank(l.level.as_deref()), rank(l.target.as_deref())), (Some(a), Some(t)) if a < t)
        })
        .map(|q| q.id.clone())
        .collect()
}

fn support(qn: &Questionnaire, answers: &Answers) -> Vec<String> {
    match (qn.question("support_wanted"), answers.get("support_wanted")) {
        (Some(q), Some(AnswerValue::List(ids))) if q.kind == QuestionType::MultiChoice => {
            ids.iter().map(|id| display::option_label(q, id)).collect()
        }
        _ => Vec::new(),
    }
}

impl SchoolSummary {
    /// Everything the hub shows about one submission, read with its questionnaire, with the
    /// checklist judged as of `on` (the day the school exported it).
    pub fn compute(qn: &Questionnaire, answers: &Answers, on: NaiveDate) -> Self {
        let mut draft = Draft::new(String::new(), QuestionnaireRef::of(qn));
        draft.answers = answers.clone();
        let facts = Facts::gather(qn, &draft);
        let shown =
            |role| first_answered(qn, answers, role).map(|(q, v)| display::answer_text(qn, q, v));
        let raw = |role| first_answered(qn, answers, role).and_then(|(_, v)| raw_text(v));
        let sections = scoring::section_summaries(qn, answers)
            .into_iter()
            .map(|s| SectionLine {
                title: qn
                    .sections
                    .get(s.section)
                    .map(|x| x.title.clone())
                    .unwrap_or_default(),
                mean: s.mean,
                band: s.band,
                rated: s.rated,
                out_of: s.out_of,
            })
            .collect();
        Self {
            urn: raw(Role::Urn),
            phase: shown(Role::Phase),
            local_authority: shown(Role::LocalAuthority),
            academic_year: first_answered(qn, answers, Role::AcademicYear).and_then(|(q, v)| {
                raw_text(v)
                    .and_then(|t| AcademicYear::parse(&t))
                    .or_else(|| AcademicYear::parse(&display::answer_text(qn, q, v)))
            }),
            completion_date: raw(Role::CompletionDate)
                .and_then(|s| crate::answers::parse::parse_date(&s).ok()),
            plan_published: date(qn, answers, "mdp_published"),
            plan_next_review: date(qn, answers, "mdp_next_review"),
            overall: overall(qn, answers),
            sections,
            award: scoring::award(qn, answers),
            below_target: below_target(qn, answers),
            numbers: KeyNumbers::gather(qn, answers),
            support: support(qn, answers),
            progress: progress::overall(qn, answers),
            school: facts.school,
            completed_by: facts.completed_by,
            contact_email: facts.contact_email,
            plan_url: facts.plan_url,
            strengths: facts.strengths,
            priorities: facts.priorities,
            topics: facts.topics,
            checks: checklist::evaluate(qn, answers, on)
                .into_iter()
                .map(|r| (r.label, r.status))
                .collect(),
        }
    }

    /// How many checklist items have each verdict.
    pub fn checks_tally(&self) -> Tally {
        checklist::tally_of(self.checks.iter().map(|(_, s)| *s))
    }

    /// What can be known without the questionnaire (not installed here): the school and
    /// URN under the ids every shipped questionnaire uses for them.
    pub fn unread(answers: &Answers) -> Self {
        let text = |id: &str| answers.get(id).and_then(raw_text).filter(|s| !s.is_empty());
        Self {
            school: text("school_name"),
            urn: text("urn"),
            ..Self::default()
        }
    }

    /// The academic year this submission belongs to: as answered, else the year of its
    /// completion date, else of when it was exported.
    pub fn year(&self, generated_at: DateTime<Utc>) -> AcademicYear {
        self.academic_year
            .or_else(|| self.completion_date.map(AcademicYear::of))
            .unwrap_or_else(|| AcademicYear::of(generated_at.date_naive()))
    }

    /// The overall judgement for a list: the self-judgement, else the indicative award.
    pub fn headline(&self) -> Option<String> {
        self.overall.as_ref().map(|j| j.label.clone()).or_else(|| {
            self.award.as_ref().map(|a| {
                a.level_label
                    .clone()
                    .unwrap_or_else(|| "No award yet".into())
            })
        })
    }

    /// The award level's label, for audits.
    pub fn award_label(&self) -> Option<String> {
        self.award.as_ref().map(|a| {
            a.level_label
                .clone()
                .unwrap_or_else(|| "No award yet".into())
        })
    }
}
