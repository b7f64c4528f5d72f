//! The decision page: what a hub officer decides a recommendation and three priorities from,
//! worked out once (pure) so the report's first page and the e-mail body say the same. The
//! plain-text form for the e-mail is in `decision_text`.

use super::facts::Facts;
use crate::answers::checklist::{ItemResult, ReadAnswer, Status, Tally, tally};
use crate::answers::scoring::{self, AwardOutcome, SectionSummary};
use crate::answers::{Progress, numbering};
use crate::questionnaire::{Questionnaire, Role};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub school: String,
    /// "School music self-evaluation, version 2026.2".
    pub questionnaire: String,
    /// Label and value, in order: URN, phase … who completed it and when, how much is answered.
    pub facts: Vec<(String, String)>,
    pub plan: Plan,
    pub checklist: Vec<CheckRow>,
    /// "7 of 10 met, 2 not met, 1 not answered"; None without a checklist.
    pub tally: Option<String>,
    /// ("Overall self-judgement (10.10)", "Established").
    pub overall: Option<(String, String)>,
    pub summaries: Vec<SummaryRow>,
    /// How the averages and their names are worked out, in a line.
    pub cutoffs: Option<String>,
    pub award: Option<AwardLines>,
    /// Titled lists: strengths, priorities, support asked for, topics to discuss.
    pub lists: Vec<(String, Vec<String>)>,
    pub since_last_time: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub url: Option<String>,
    /// "Published 1 Sep 2026 · next review due 1 Sep 2027", when either is known.
    pub dates: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckRow {
    pub status: Status,
    pub label: String,
    /// The answers it read: "KS1: 45 minutes; KS2: 45 minutes".
    pub answers: String,
    /// The question numbers to look at: "3.2, 3.3".
    pub see: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryRow {
    pub section: String,
    /// "2.6 of 4", or "—" when nothing is rated.
    pub average: String,
    /// The band's name (the scale's own words in the shipped questionnaires).
    pub band: String,
    /// "5 of 6 rated", or why there is nothing to rate.
    pub rated: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AwardLines {
    pub title: String,
    /// "Bronze", or why there is none yet.
    pub level: String,
    /// "the indicative rule: the highest level every criterion reaches".
    pub rule: String,
    pub note: Option<String>,
    pub counts: String,
    pub target: Option<String>,
    /// "Silver: 9 criteria below it (O2, LM3 …)", one per higher award.
    pub held_back: Vec<String>,
}

impl CheckRow {
    /// The verdict as printed: "MET", "NOT MET" …
    pub fn verdict(&self) -> String {
        self.status.word().to_uppercase()
    }
}

/// Everything the decision page says.
pub struct Inputs<'a> {
    pub qn: &'a Questionnaire,
    pub facts: &'a Facts,
    pub progress: &'a Progress,
    pub checklist: &'a [ItemResult],
    pub summaries: &'a [SectionSummary],
    pub award: Option<&'a AwardOutcome>,
    pub since_last_time: &'a [String],
}

pub fn build(i: &Inputs<'_>) -> Decision {
    let (qn, f) = (i.qn, i.facts);
    let mut facts = f.rows.clone();
    facts.push((
        "Answered".to_string(),
        match i.progress.required_missing {
            0 => format!("{} of {} that apply", i.progress.answered, i.progress.total),
            n => format!(
                "{} of {} that apply; {n} required missing",
                i.progress.answered, i.progress.total
            ),
        },
    ));
    let overall = f.overall.clone().map(|v| {
        let number = qn
            .with_role(Role::OverallJudgement)
            .next()
            .and_then(|q| numbering::number_of(qn, &q.id));
        let label = match number {
            Some(n) => format!("Overall self-judgement ({n})"),
            None => "Overall self-judgement".to_string(),
        };
        (label, v)
    });
    let t = tally(i.checklist);
    Decision {
        school: f.school_or_default(),
        questionnaire: format!("{}, version {}", qn.title, qn.version),
        facts,
        plan: Plan {
            url: f.plan_url.clone(),
            dates: plan_dates(f.plan_published.as_deref(), f.plan_review.as_deref()),
        },
        checklist: i.checklist.iter().map(check_row).collect(),
        tally: (!i.checklist.is_empty()).then(|| tally_text(&t, i.checklist.len())),
        overall,
        summaries: i.summaries.iter().map(|s| summary_row(qn, s)).collect(),
        cutoffs: (!i.summaries.is_empty())
            .then(|| scoring::cutoffs(qn))
            .flatten(),
        award: i.award.map(|a| award_lines(a, f)),
        lists: [
            ("Strengths", &f.strengths),
            ("Priorities", &f.priorities),
            ("Support asked for", &f.support),
            ("Topics to discuss", &f.topics),
        ]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(t, v)| (t.to_string(), v.clone()))
        .collect(),
        since_last_time: i.since_last_time.to_vec(),
    }
}

/// "Published 1 Sep 2026 · next review due 1 Sep 2027", or as much of it as is known: the
/// bundle's decision page and the hub desk say it the same way.
pub fn plan_dates(published: Option<&str>, review: Option<&str>) -> Option<String> {
    match (published, review) {
        (None, None) => None,
        (Some(p), None) => Some(format!("Published {p}")),
        (None, Some(r)) => Some(format!("Next review due {r}")),
        (Some(p), Some(r)) => Some(format!("Published {p} · next review due {r}")),
    }
}

fn tally_text(t: &Tally, total: usize) -> String {
    let mut parts = vec![format!("{} of {total} met", t.met)];
    for (n, word) in [
        (t.not_met, "not met"),
        (t.not_answered, "not answered"),
        (t.does_not_apply, "not applying"),
    ] {
        if n > 0 {
            parts.push(format!("{n} {word}"));
        }
    }
    parts.join(", ")
}

/// How much of a long answer the checklist quotes; the whole answer is in its section.
const QUOTE: usize = 60;

fn read_text(r: &ReadAnswer) -> String {
    let name = r.label.clone().unwrap_or_else(|| r.number.clone());
    let answer = r
        .answer
        .as_deref()
        .unwrap_or("not answered")
        .replace('\n', " ");
    let answer = if answer.chars().count() > QUOTE {
        let cut: String = answer.chars().take(QUOTE).collect();
        format!("{}…", cut.trim_end())
    } else {
        answer
    };
    format!("{name}: {answer}")
}

fn check_row(r: &ItemResult) -> CheckRow {
    let answers = r
        .reads
        .iter()
        .filter(|a| a.applies)
        .map(read_text)
        .collect::<Vec<_>>()
        .join("; ");
    let see = if r.look_at.is_empty() {
        r.reads
            .iter()
            .filter(|a| a.applies)
            .map(|a| a.number.clone())
            .collect::<Vec<_>>()
    } else {
        r.look_at.clone()
    };
    CheckRow {
        status: r.status,
        label: r.label.clone(),
        answers: if answers.is_empty() {
            "does not apply to this school".to_string()
        } else {
            answers
        },
        see: see.join(", "),
    }
}

fn summary_row(qn: &Questionnaire, s: &SectionSummary) -> SummaryRow {
    let section = format!("{}. {}", s.section + 1, qn.sections[s.section].title);
    let Some(m) = s.mean else {
        let rated = if s.rating_questions == 0 {
            "no rating applies to this school".to_string()
        } else {
            format!("none of {} rated yet", s.rating_questions)
        };
        return SummaryRow {
            section,
            average: "—".to_string(),
            band: String::new(),
            rated,
        };
    };
    SummaryRow {
        section,
        average: format!("{m:.1} of {}", s.out_of),
        band: s.band.clone().unwrap_or_default(),
        rated: format!("{} of {} rated", s.rated, s.rating_questions),
    }
}

fn award_lines(a: &AwardOutcome, f: &Facts) -> AwardLines {
    let level = match (&a.level_label, a.unanswered) {
        (Some(l), _) => l.clone(),
        (None, 0) => {
            "No award yet: every criterion must reach at least the first award level".to_string()
        }
        (None, n) => format!("Not decided yet: {n} criteria not answered"),
    };
    let counts = a
        .counts
        .iter()
        .map(|(l, c)| format!("{l} {c}"))
        .collect::<Vec<_>>()
        .join(" · ");
    let held_back = a
        .higher
        .iter()
        .map(|h| {
            let n = h.criteria.len();
            let need = if h.needed < n {
                format!(", {} of them must reach it", h.needed)
            } else {
                String::new()
            };
            format!(
                "{}: {n} {} below it{need} ({})",
                h.label,
                if n == 1 { "criterion" } else { "criteria" },
                h.criteria.join(", ")
            )
        })
        .collect();
    AwardLines {
        title: a.title.clone(),
        level,
        rule: format!("the indicative rule: {}", a.rule),
        note: a.note.clone(),
        counts,
        target: f.target_award.clone(),
        held_back,
    }
}
