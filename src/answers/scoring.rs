//! Scoring rules from the questionnaire: section summaries and the indicative award.

use crate::questionnaire::{AwardMethod, NOT_APPLICABLE, QuestionType, Questionnaire};

use super::{Answers, visibility::is_visible};

/// A section's summary: the mean of its answered ratings (lowest level counts 1).
#[derive(Debug, Clone, PartialEq)]
pub struct SectionSummary {
    pub section: usize,
    /// None when nothing in the section is rated yet.
    pub mean: Option<f64>,
    /// Ratings that count (answered, not "not applicable").
    pub rated: usize,
    /// Rating questions that apply in the section.
    pub rating_questions: usize,
    /// Highest band reached, if the questionnaire names bands.
    pub band: Option<String>,
    /// Number of levels on the scale, for "2.5 out of 4".
    pub out_of: usize,
}

/// Summaries for sections that hold at least one rating on the summary scale.
pub fn section_summaries(qn: &Questionnaire, answers: &Answers) -> Vec<SectionSummary> {
    let Some(rule) = qn
        .scoring
        .as_ref()
        .and_then(|s| s.section_summaries.as_ref())
    else {
        return Vec::new();
    };
    let Some(scale) = qn.scale(&rule.scale) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, section) in qn.sections.iter().enumerate() {
        let questions: Vec<_> = section
            .questions
            .iter()
            .filter(|q| {
                q.kind == QuestionType::Rating && q.scale.as_deref() == Some(scale.id.as_str())
            })
            .filter(|q| is_visible(q, answers))
            .collect();
        if questions.is_empty() {
            continue;
        }
        let ranks: Vec<usize> = questions
            .iter()
            .filter_map(|q| answers.get(&q.id)?.as_level()?.level.as_deref())
            .filter(|l| *l != NOT_APPLICABLE)
            .filter_map(|l| scale.rank(l))
            .collect();
        #[allow(clippy::cast_precision_loss)]
        let mean = (!ranks.is_empty())
            .then(|| ranks.iter().map(|r| (r + 1) as f64).sum::<f64>() / ranks.len() as f64);
        let band = mean.and_then(|m| {
            rule.bands
                .iter()
                .filter(|b| m + 1e-9 >= b.from)
                .max_by(|a, b| a.from.total_cmp(&b.from))
                .map(|b| b.label.clone())
        });
        out.push(SectionSummary {
            section: i,
            mean,
            rated: ranks.len(),
            rating_questions: questions.len(),
            band,
            out_of: scale.levels.len(),
        });
    }
    out
}

/// The indicative award and what holds it back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AwardOutcome {
    pub title: String,
    /// The level the rule gives; None when a criterion is unanswered or the level reached is
    /// one of the rule's "no award" levels.
    pub level: Option<String>,
    pub level_label: Option<String>,
    /// The rule in words, e.g. "the highest level every criterion reaches", for the label
    /// beside the level.
    pub rule: String,
    /// The questionnaire's note to show with the award (e.g. that it is indicative only).
    pub note: Option<String>,
    /// How many criteria sit at each level, lowest first: (level label, count).
    pub counts: Vec<(String, usize)>,
    pub unanswered: usize,
    /// Criteria to work on for the next award: for the default rule those at the lowest
    /// level reached; for `highest_level_most_reach` those below the next level up (or, at the
    /// top level, those still below it).
    pub holding_back: Vec<String>,
}

/// The award from the questionnaire's award rule, if it has one.
pub fn award(qn: &Questionnaire, answers: &Answers) -> Option<AwardOutcome> {
    let rule = qn.scoring.as_ref()?.award.as_ref()?;
    let scale = qn.scale(&rule.scale)?;
    let criteria: Vec<_> = qn
        .questions()
        .map(|(_, q)| q)
        .filter(|q| q.kind.uses_scale() && q.scale.as_deref() == Some(scale.id.as_str()))
        .filter(|q| is_visible(q, answers))
        .collect();
    let mut counts = vec![0usize; scale.levels.len()];
    let mut unanswered = 0;
    let mut ranked = Vec::new();
    for q in &criteria {
        match answers
            .get(&q.id)
            .and_then(|a| a.as_level())
            .and_then(|l| l.level.as_deref())
            .and_then(|l| scale.rank(l))
        {
            Some(r) => {
                counts[r] += 1;
                ranked.push((q.id.clone(), r));
            }
            None => unanswered += 1,
        }
    }
    let (reached, holding_back) = if unanswered > 0 || ranked.is_empty() {
        (None, Vec::new())
    } else {
        match rule.method {
            AwardMethod::HighestLevelAllReach => all_reach(&ranked),
            AwardMethod::HighestLevelMostReach => {
                most_reach(&ranked, scale.levels.len(), rule.percent.unwrap_or(100.0))
            }
        }
    };
    let level = reached
        .map(|r| &scale.levels[r])
        .filter(|l| !rule.no_award_levels.contains(&l.id));
    Some(AwardOutcome {
        title: rule.title.clone(),
        level: level.map(|l| l.id.clone()),
        level_label: level.map(|l| l.label.clone()),
        rule: rule.describe(),
        note: rule.note.clone(),
        counts: scale
            .levels
            .iter()
            .zip(counts)
            .map(|(l, c)| (l.label.clone(), c))
            .collect(),
        unanswered,
        holding_back,
    })
}

/// The lowest rank any criterion has, and the criteria at it.
fn all_reach(ranked: &[(String, usize)]) -> (Option<usize>, Vec<String>) {
    let min = ranked.iter().map(|(_, r)| *r).min();
    let at_min = ranked
        .iter()
        .filter(|(_, r)| Some(*r) == min)
        .map(|(id, _)| id.clone())
        .collect();
    (min, at_min)
}

/// The highest rank that at least `percent` % of the criteria reach, and the criteria that
/// keep the school from the next one.
fn most_reach(
    ranked: &[(String, usize)],
    levels: usize,
    percent: f64,
) -> (Option<usize>, Vec<String>) {
    #[allow(clippy::cast_precision_loss)]
    let share = |rank: usize| {
        ranked.iter().filter(|(_, r)| *r >= rank).count() as f64 * 100.0 / ranked.len() as f64
    };
    let reached = (0..levels)
        .rev()
        .find(|&rank| share(rank) + 1e-9 >= percent)
        .unwrap_or(0);
    let bar = if reached + 1 < levels {
        reached
    } else {
        reached.saturating_sub(1)
    };
    let below = ranked
        .iter()
        .filter(|(_, r)| *r <= bar)
        .map(|(id, _)| id.clone())
        .collect();
    (Some(reached), below)
}
