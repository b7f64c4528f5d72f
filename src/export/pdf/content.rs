//! What the report says, as a list of blocks: the first page (school facts, the plan link,
//! summaries, award, since last time, strengths and priorities), then every section.

use crate::answers::AnswerValue;
use crate::answers::display::{answer_text, evidence, target_text};
use crate::draft::Draft;
use crate::export::Submission;
use crate::questionnaire::{NOT_APPLICABLE, Question, Questionnaire};

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

fn pair(label: impl Into<String>, value: impl Into<String>) -> Block {
    Block::Pair {
        label: label.into(),
        value: value.into(),
    }
}

/// The report's blocks: the first page, then every section's answers.
pub fn build(sub: &Submission<'_>) -> Vec<Block> {
    let mut b = Vec::new();
    heading(&mut b, sub);
    summaries(&mut b, sub);
    award(&mut b, sub);
    since_last_time(&mut b, &sub.changes.since_last_time);
    let facts = &sub.facts;
    for (title, items) in [
        ("Strengths", &facts.strengths),
        ("Priorities", &facts.priorities),
        ("Topics to discuss", &facts.topics),
    ] {
        numbered(&mut b, title, items);
    }
    answers(&mut b, sub);
    orphaned(&mut b, sub.draft);
    b
}

/// The title, the school, the plan link, the facts and how much is answered.
fn heading(b: &mut Vec<Block>, sub: &Submission<'_>) {
    let (qn, facts) = (sub.qn, &sub.facts);
    b.extend([
        text(Style::Title, qn.title.clone()),
        text(Style::Heading, facts.school_or_default()),
        text(
            Style::Muted,
            format!(
                "Questionnaire {} (version {}) · draft \"{}\"",
                qn.id, qn.version, sub.draft.title
            ),
        ),
        Block::Gap(6.0),
    ]);
    match &facts.plan_url {
        Some(url) => b.push(Block::Link {
            label: "Music development plan:".to_string(),
            url: url.clone(),
        }),
        None => b.push(pair("Music development plan:", "Not given")),
    }
    b.push(Block::Gap(4.0));
    for (label, value) in &facts.rows {
        b.push(pair(format!("{label}:"), value.clone()));
    }
    let overall = &sub.progress;
    b.push(pair(
        "Answered:",
        format!(
            "{} of {} questions that apply ({} required missing)",
            overall.answered, overall.total, overall.required_missing
        ),
    ));
}

fn summaries(b: &mut Vec<Block>, sub: &Submission<'_>) {
    if sub.summaries.is_empty() {
        return;
    }
    b.push(Block::Gap(8.0));
    b.push(text(
        Style::Subheading,
        "Section summaries (average rating)",
    ));
    for s in &sub.summaries {
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
        b.push(pair(sub.qn.sections[s.section].title.clone(), value));
    }
}

/// How many criteria the audit has: "work on" is left out when every one holds it back.
const AUDIT_CRITERIA: usize = 29;

fn award(b: &mut Vec<Block>, sub: &Submission<'_>) {
    let Some(a) = &sub.award else {
        return;
    };
    b.push(Block::Gap(8.0));
    b.push(text(Style::Subheading, a.title.clone()));
    let level = match (&a.level_label, a.unanswered) {
        (Some(l), _) => l.clone(),
        (None, 0) => {
            "No award yet: every criterion must reach at least the first award level".to_string()
        }
        (None, n) => format!("Not yet decided: {n} criteria not answered"),
    };
    b.push(pair("Level every criterion reaches:", level));
    let counts = a
        .counts
        .iter()
        .map(|(l, c)| format!("{l}: {c}"))
        .collect::<Vec<_>>()
        .join(" · ");
    b.push(pair("Criteria at each level:", counts));
    if !a.holding_back.is_empty() && a.holding_back.len() < AUDIT_CRITERIA {
        b.push(pair(
            "To reach the next level, work on:",
            a.holding_back.join(", "),
        ));
    }
}

fn since_last_time(b: &mut Vec<Block>, lines: &[String]) {
    if lines.is_empty() {
        return;
    }
    b.push(Block::Gap(8.0));
    b.push(text(Style::Subheading, "Since last time"));
    b.extend(lines.iter().map(|l| indented(Style::Body, l.clone())));
}

fn numbered(b: &mut Vec<Block>, title: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    b.push(Block::Gap(8.0));
    b.push(text(Style::Subheading, title));
    b.extend(
        items
            .iter()
            .enumerate()
            .map(|(i, s)| indented(Style::Body, format!("{}. {s}", i + 1))),
    );
}

/// Every section with each question that applies, its answer, evidence and target.
fn answers(b: &mut Vec<Block>, sub: &Submission<'_>) {
    let (qn, draft) = (sub.qn, sub.draft);
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
            answer(b, qn, q, draft.answers.get(&q.id));
            if sub.changes.ids.contains(&q.id)
                && let Some(d) = &sub.changes.previous_date
            {
                b.push(indented(Style::Mark, format!("Changed since {d}")));
            }
        }
    }
}

fn answer(b: &mut Vec<Block>, qn: &Questionnaire, q: &Question, v: Option<&AnswerValue>) {
    match v.filter(|v| v.is_answered()) {
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
            b.push(indented(Style::Muted, "Not answered"));
            if let Some(e) = v.and_then(evidence) {
                b.push(indented(Style::Muted, format!("Evidence: {e}")));
            }
        }
    }
}

/// Answers kept from questions the questionnaire no longer asks: shown, never dropped.
fn orphaned(b: &mut Vec<Block>, draft: &Draft) {
    if draft.orphaned_answers.is_empty() {
        return;
    }
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
