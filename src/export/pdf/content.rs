//! What the report says, as a list of blocks: the first page (school facts, the plan link,
//! summaries, award, since last time, strengths and priorities), then every section.

use crate::answers::display::{answer_text, evidence, target_text};
use crate::answers::{AnswerValue, scoring};
use crate::draft::Draft;
use crate::export::changes;
use crate::export::facts::Facts;
use crate::questionnaire::{NOT_APPLICABLE, Questionnaire};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Title,
    Heading,
    Subheading,
    Bold,
    Body,
    Muted,
    Mark,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Text {
        style: Style,
        text: String,
        indent: f32,
    },
    Pair {
        label: String,
        value: String,
    },
    Link {
        label: String,
        url: String,
    },
    Gap(f32),
    PageBreak,
}

fn text(style: Style, t: impl Into<String>) -> Block {
    Block::Text {
        style,
        text: t.into(),
        indent: 0.0,
    }
}

fn indented(style: Style, t: impl Into<String>) -> Block {
    Block::Text {
        style,
        text: t.into(),
        indent: 14.0,
    }
}

pub fn build(qn: &Questionnaire, draft: &Draft, facts: &Facts) -> Vec<Block> {
    let mut b = vec![
        text(Style::Title, qn.title.clone()),
        text(Style::Heading, facts.school_or_default()),
        text(
            Style::Muted,
            format!(
                "Questionnaire {} (version {}) · draft \"{}\"",
                qn.id, qn.version, draft.title
            ),
        ),
        Block::Gap(6.0),
    ];
    match &facts.plan_url {
        Some(url) => b.push(Block::Link {
            label: "Music development plan:".to_string(),
            url: url.clone(),
        }),
        None => b.push(Block::Pair {
            label: "Music development plan:".to_string(),
            value: "Not given".to_string(),
        }),
    }
    b.push(Block::Gap(4.0));
    for (label, value) in &facts.rows {
        b.push(Block::Pair {
            label: format!("{label}:"),
            value: value.clone(),
        });
    }
    let overall = crate::answers::progress::overall(qn, &draft.answers);
    b.push(Block::Pair {
        label: "Answered:".to_string(),
        value: format!(
            "{} of {} questions that apply ({} required missing)",
            overall.answered, overall.total, overall.required_missing
        ),
    });
    let summaries = scoring::section_summaries(qn, &draft.answers);
    if !summaries.is_empty() {
        b.push(Block::Gap(8.0));
        b.push(text(
            Style::Subheading,
            "Section summaries (average rating)",
        ));
        for s in &summaries {
            let value = match s.mean {
                Some(m) => format!(
                    "{m:.1} out of {} — {}  ({} of {} rated)",
                    s.out_of,
                    s.band.as_deref().unwrap_or(""),
                    s.rated,
                    s.rating_questions
                ),
                None => "not rated yet".to_string(),
            };
            b.push(Block::Pair {
                label: qn.sections[s.section].title.clone(),
                value,
            });
        }
    }
    if let Some(a) = scoring::award(qn, &draft.answers) {
        b.push(Block::Gap(8.0));
        b.push(text(Style::Subheading, a.title.clone()));
        let level = match (&a.level_label, a.unanswered) {
            (Some(l), _) => l.clone(),
            (None, 0) => "No award yet: every criterion must reach at least the first award level"
                .to_string(),
            (None, n) => format!("Not yet decided: {n} criteria not answered"),
        };
        b.push(Block::Pair {
            label: "Level every criterion reaches:".to_string(),
            value: level,
        });
        let counts = a
            .counts
            .iter()
            .map(|(l, c)| format!("{l}: {c}"))
            .collect::<Vec<_>>()
            .join(" · ");
        b.push(Block::Pair {
            label: "Criteria at each level:".to_string(),
            value: counts,
        });
        if !a.holding_back.is_empty() && a.holding_back.len() < 29 {
            b.push(Block::Pair {
                label: "To reach the next level, work on:".to_string(),
                value: a.holding_back.join(", "),
            });
        }
    }
    let since = changes::since_last_time(qn, draft);
    if !since.is_empty() {
        b.push(Block::Gap(8.0));
        b.push(text(Style::Subheading, "Since last time"));
        b.extend(since.into_iter().map(|l| indented(Style::Body, l)));
    }
    for (title, items) in [
        ("Strengths", &facts.strengths),
        ("Priorities", &facts.priorities),
        ("Topics to discuss", &facts.topics),
    ] {
        if !items.is_empty() {
            b.push(Block::Gap(8.0));
            b.push(text(Style::Subheading, title));
            b.extend(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, s)| indented(Style::Body, format!("{}. {s}", i + 1))),
            );
        }
    }
    answers(&mut b, qn, draft);
    b
}

fn answers(b: &mut Vec<Block>, qn: &Questionnaire, draft: &Draft) {
    let changed = changes::changed_ids(draft);
    let since = draft
        .carried_over
        .as_ref()
        .map(|c| c.from_date.format("%-d %b %Y").to_string());
    for (si, section) in qn.sections.iter().enumerate() {
        b.push(if si == 0 {
            Block::PageBreak
        } else {
            Block::Gap(14.0)
        });
        b.push(text(
            Style::Heading,
            format!("{}. {}", si + 1, section.title),
        ));
        for (qi, q) in section.questions.iter().enumerate() {
            if !crate::answers::is_visible(q, &draft.answers) {
                continue;
            }
            b.push(Block::Gap(5.0));
            b.push(text(
                Style::Bold,
                format!("{}.{} {}", si + 1, qi + 1, q.prompt),
            ));
            match draft.answers.get(&q.id).filter(|v| v.is_answered()) {
                Some(v) => {
                    let shown = answer_text(qn, q, v);
                    let na = v.as_level().and_then(|l| l.level.as_deref()) == Some(NOT_APPLICABLE);
                    b.push(indented(if na { Style::Muted } else { Style::Body }, shown));
                    if let Some(e) = evidence(v) {
                        b.push(indented(Style::Muted, format!("Evidence: {e}")));
                    }
                    if let Some(t) = target_text(qn, q, v) {
                        b.push(indented(Style::Muted, format!("Target: {t}")));
                    }
                }
                None => {
                    let ev = draft.answers.get(&q.id).and_then(evidence);
                    b.push(indented(Style::Muted, "Not answered"));
                    if let Some(e) = ev {
                        b.push(indented(Style::Muted, format!("Evidence: {e}")));
                    }
                }
            }
            if changed.contains(&q.id)
                && let Some(d) = &since
            {
                b.push(indented(Style::Mark, format!("Changed since {d}")));
            }
        }
    }
    if !draft.orphaned_answers.is_empty() {
        b.push(Block::Gap(14.0));
        b.push(text(Style::Heading, "Answers to questions no longer asked"));
        for (id, o) in &draft.orphaned_answers {
            b.push(text(
                Style::Bold,
                o.prompt.clone().unwrap_or_else(|| id.clone()),
            ));
            let shown = match &o.value {
                AnswerValue::Text(t) => t.clone(),
                other => other.to_json().to_string(),
            };
            b.push(indented(Style::Body, shown));
        }
    }
}
