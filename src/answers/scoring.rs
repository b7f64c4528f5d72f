//! Scoring rules from the questionnaire: section summaries and the indicative award.

use crate::questionnaire::{
    AwardMethod, AwardRule, NOT_APPLICABLE, QuestionType, Questionnaire, Role, Scale,
    SectionSummaries,
};

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

/// Summaries for every section with rating questions on the summary scale, including a
/// section none of whose ratings applies (so it never drops out unseen). The overall
/// judgement is left out: it is shown once, on its own.
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
        let on_scale: Vec<_> = section
            .questions
            .iter()
            .filter(|q| {
                q.kind == QuestionType::Rating
                    && q.scale.as_deref() == Some(scale.id.as_str())
                    && q.role != Some(Role::OverallJudgement)
            })
            .collect();
        if on_scale.is_empty() {
            continue;
        }
        let questions: Vec<_> = on_scale
            .into_iter()
            .filter(|q| is_visible(q, answers))
            .collect();
        let ranks: Vec<usize> = questions
            .iter()
            .filter_map(|q| answers.get(&q.id)?.as_level()?.level.as_deref())
            .filter(|l| *l != NOT_APPLICABLE)
            .filter_map(|l| scale.rank(l))
            .collect();
        #[allow(clippy::cast_precision_loss)]
        let mean = (!ranks.is_empty())
            .then(|| ranks.iter().map(|r| (r + 1) as f64).sum::<f64>() / ranks.len() as f64);
        out.push(SectionSummary {
            section: i,
            mean,
            rated: ranks.len(),
            rating_questions: questions.len(),
            band: mean.and_then(|m| band_of(rule, scale, m)),
            out_of: scale.levels.len(),
        });
    }
    out
}

/// The band a mean falls in: the questionnaire's bands, or else the nearest level's label.
fn band_of(rule: &SectionSummaries, scale: &Scale, mean: f64) -> Option<String> {
    if rule.bands.is_empty() {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let nearest = (mean.round().max(1.0) as usize).min(scale.levels.len());
        return scale.levels.get(nearest - 1).map(|l| l.label.clone());
    }
    rule.bands
        .iter()
        .filter(|b| mean + 1e-9 >= b.from)
        .max_by(|a, b| a.from.total_cmp(&b.from))
        .map(|b| b.label.clone())
}

/// How the section summaries are worked out, in a line for the report: what the average
/// counts and where each band starts. None without section summaries.
pub fn cutoffs(qn: &Questionnaire) -> Option<String> {
    let rule = qn.scoring.as_ref()?.section_summaries.as_ref()?;
    let scale = qn.scale(&rule.scale)?;
    let counts = scale
        .levels
        .iter()
        .enumerate()
        .map(|(i, l)| format!("{} = {}", l.label, i + 1))
        .collect::<Vec<_>>()
        .join(", ");
    let mut bands: Vec<(f64, String)> = if rule.bands.is_empty() {
        #[allow(clippy::cast_precision_loss)]
        let halves = scale.levels.iter().enumerate().map(|(i, l)| {
            let from = if i == 0 { 1.0 } else { i as f64 + 0.5 };
            (from, l.label.clone())
        });
        halves.collect()
    } else {
        rule.bands
            .iter()
            .map(|b| (b.from, b.label.clone()))
            .collect()
    };
    bands.sort_by(|a, b| a.0.total_cmp(&b.0));
    let named = bands
        .iter()
        .map(|(from, label)| format!("{label} from {}", super::parse::fmt_num(*from)))
        .collect::<Vec<_>>()
        .join(", ");
    Some(format!(
        "Each section's average rating counts {counts} (not applicable left out); {named}."
    ))
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
    /// Every award above the one reached, lowest first, with the criteria below it. Empty
    /// while a criterion is unanswered.
    pub higher: Vec<HeldBack>,
}

/// An award the school does not reach yet and exactly what holds it back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldBack {
    pub level: String,
    pub label: String,
    /// The criteria below this level, in questionnaire order.
    pub criteria: Vec<String>,
    /// How many of them must reach it for the rule to give it (all of them for the default
    /// rule; fewer when the rule asks for a share).
    pub needed: usize,
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
    let higher = match reached {
        Some(r) => held_back(rule, scale, &ranked, r),
        None => Vec::new(),
    };
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
        higher,
    })
}

/// The awards above rank `reached`, each with the criteria below it and how many of those
/// must move up for the rule to give it.
fn held_back(
    rule: &AwardRule,
    scale: &Scale,
    ranked: &[(String, usize)],
    reached: usize,
) -> Vec<HeldBack> {
    let share = match rule.method {
        AwardMethod::HighestLevelAllReach => 100.0,
        AwardMethod::HighestLevelMostReach => rule.percent.unwrap_or(100.0),
    };
    #[allow(
        clippy::cast_precision_loss,
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss
    )]
    let required = ((ranked.len() as f64 * share / 100.0) - 1e-9)
        .ceil()
        .max(0.0) as usize;
    scale
        .levels
        .iter()
        .enumerate()
        .skip(reached + 1)
        .filter(|(_, l)| !rule.no_award_levels.contains(&l.id))
        .map(|(rank, l)| {
            let criteria: Vec<String> = ranked
                .iter()
                .filter(|(_, r)| *r < rank)
                .map(|(id, _)| id.clone())
                .collect();
            let reach = ranked.len() - criteria.len();
            HeldBack {
                level: l.id.clone(),
                label: l.label.clone(),
                needed: required.saturating_sub(reach).min(criteria.len()),
                criteria,
            }
        })
        .collect()
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
