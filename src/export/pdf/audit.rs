//! The audit's grid, on a page of its own: every criterion with its claimed level and target,
//! the indicative award under its rule, and exactly which criteria hold each higher award
//! back, by code and title. Only for questionnaires with an award rule.

use super::blocks::{Block, Grid, Style, bookmark, pair, text};
use crate::answers::display::level_label;
use crate::answers::{AnswerValue, numbering};
use crate::export::Submission;
use crate::questionnaire::{Question, Questionnaire};

pub fn build(b: &mut Vec<Block>, sub: &Submission<'_>) {
    let (Some(award), Some(rule)) = (
        &sub.award,
        sub.qn.scoring.as_ref().and_then(|s| s.award.as_ref()),
    ) else {
        return;
    };
    let qn = sub.qn;
    let criteria: Vec<&Question> = qn
        .questions()
        .map(|(_, q)| q)
        .filter(|q| q.kind.uses_scale() && q.scale.as_deref() == Some(rule.scale.as_str()))
        .collect();
    if criteria.is_empty() {
        return;
    }
    let title = "The criteria: claimed level and target".to_string();
    b.push(Block::PageBreak);
    b.push(bookmark(title.clone()));
    b.push(text(Style::Heading, title));
    let rows = criteria
        .iter()
        .map(|q| row(qn, q, sub.draft.answers.get(&q.id), &below(sub, &q.id)))
        .collect();
    b.push(Block::Grid(Grid {
        columns: vec![
            ("No.".to_string(), 0.07),
            ("Code".to_string(), 0.09),
            ("Criterion".to_string(), 0.44),
            ("Claimed".to_string(), 0.12),
            ("Target".to_string(), 0.12),
            ("Holds back".to_string(), 0.16),
        ],
        rows,
        size: 8.0,
    }));
    let level = award
        .level_label
        .clone()
        .unwrap_or_else(|| "none yet".to_string());
    b.push(Block::Gap(6.0));
    b.push(pair(
        "Indicative award:",
        format!("{level} (the indicative rule: {})", award.rule),
    ));
    if let Some(n) = &award.note {
        b.push(text(Style::Muted, n.clone()));
    }
    for h in &award.higher {
        let named: Vec<String> = h
            .criteria
            .iter()
            .filter_map(|id| qn.question(id))
            .map(|q| format!("{} {}", q.id, title_of(q)))
            .collect();
        let need = if h.needed < h.criteria.len() {
            format!(" ({} of them must reach it)", h.needed)
        } else {
            String::new()
        };
        b.push(text(
            Style::Small,
            format!(
                "{} is held back by {}{need}: {}.",
                h.label,
                h.criteria.len(),
                named.join("; ")
            ),
        ));
    }
}

/// The higher awards a criterion is below, e.g. "Silver, Gold".
fn below(sub: &Submission<'_>, id: &str) -> String {
    sub.award
        .iter()
        .flat_map(|a| &a.higher)
        .filter(|h| h.criteria.iter().any(|c| c == id))
        .map(|h| h.label.clone())
        .collect::<Vec<_>>()
        .join(", ")
}

fn row(qn: &Questionnaire, q: &Question, v: Option<&AnswerValue>, below: &str) -> Vec<String> {
    let l = v.and_then(AnswerValue::as_level);
    let label =
        |id: Option<&String>| id.map_or_else(|| "—".to_string(), |id| level_label(qn, q, id));
    vec![
        numbering::number_of(qn, &q.id).unwrap_or_default(),
        q.id.clone(),
        title_of(q).to_string(),
        label(l.and_then(|l| l.level.as_ref())),
        label(l.and_then(|l| l.target.as_ref())),
        below.to_string(),
    ]
}

/// A criterion's title: its prompt without the code it starts with ("C6 · Music technology"
/// gives "Music technology").
pub fn title_of(q: &Question) -> &str {
    q.prompt
        .strip_prefix(q.id.as_str())
        .map(|rest| {
            rest.trim_start_matches([' ', '·', ':', '-', '–'])
                .trim_start()
        })
        .filter(|t| !t.is_empty())
        .unwrap_or(&q.prompt)
}
