//! What the report says, as a list of blocks: the decision page (`front`), the audit's grid
//! (`audit`), then every section with every question by its number — a question that does
//! not apply says so — and the "for hub use" block (`hub_use`) at the end.

pub use super::blocks::{Block, Grid, Style, bookmark, indented, pair, text};
use super::{audit, front, hub_use};
use crate::answers::display::{answer_text, evidence, target_text};
use crate::answers::{AnswerValue, is_visible, numbering};
use crate::draft::Draft;
use crate::export::Submission;
use crate::questionnaire::{NOT_APPLICABLE, Question, QuestionType, Questionnaire};

/// The report's blocks, in reading order.
pub fn build(sub: &Submission<'_>) -> Vec<Block> {
    let mut b = front::build(sub);
    audit::build(&mut b, sub);
    answers(&mut b, sub);
    orphaned(&mut b, sub.draft);
    hub_use::build(&mut b, sub);
    b
}

/// Every section with each of its questions by number: the answer, evidence and target, or
/// "not applicable" for a question that does not apply to this school.
fn answers(b: &mut Vec<Block>, sub: &Submission<'_>) {
    let (qn, draft) = (sub.qn, sub.draft);
    for (si, section) in qn.sections.iter().enumerate() {
        let title = format!("{}. {}", si + 1, section.title);
        b.push(if si == 0 {
            Block::PageBreak
        } else {
            Block::Gap(12.0)
        });
        b.push(Block::Keep(60.0));
        b.push(bookmark(title.clone()));
        b.push(text(Style::Heading, title));
        for (qi, q) in section.questions.iter().enumerate() {
            let number = numbering::number(si, qi);
            if !is_visible(q, &draft.answers) {
                b.push(text(
                    Style::Muted,
                    format!("{number}  Not applicable: {}", q.prompt),
                ));
                continue;
            }
            b.push(Block::Gap(3.0));
            answer(b, qn, (number, q), draft.answers.get(&q.id));
            if sub.changes.ids.contains(&q.id)
                && let Some(d) = &sub.changes.previous_date
            {
                b.push(indented(Style::Mark, format!("Changed since {d}")));
            }
        }
    }
}

/// One question with its answer: short answers beside it, longer ones below; a criterion's
/// claimed level with that level's descriptor, then evidence and target.
fn answer(
    b: &mut Vec<Block>,
    qn: &Questionnaire,
    (number, q): (String, &Question),
    v: Option<&AnswerValue>,
) {
    let prompt = q.prompt.clone();
    let Some(v) = v.filter(|v| v.is_answered()) else {
        b.push(Block::Question {
            number,
            prompt,
            answer: Some(("Not answered".to_string(), Style::Muted)),
        });
        if let Some(e) = v.and_then(evidence) {
            b.push(indented(Style::Muted, format!("Evidence: {e}")));
        }
        return;
    };
    let shown = answer_text(qn, q, v);
    let level = v.as_level().and_then(|l| l.level.as_deref());
    let style = match (q.kind, v) {
        _ if level == Some(NOT_APPLICABLE) => Style::Muted,
        (QuestionType::YesNo, AnswerValue::Bool(false)) => Style::Alert,
        _ => Style::Body,
    };
    match q.kind {
        QuestionType::Url => {
            b.push(Block::Question {
                number,
                prompt,
                answer: None,
            });
            b.push(Block::Link {
                label: String::new(),
                url: shown,
            });
        }
        QuestionType::LongText | QuestionType::MultiChoice => {
            b.push(Block::Question {
                number,
                prompt,
                answer: None,
            });
            b.push(indented(style, shown));
        }
        _ => b.push(Block::Question {
            number,
            prompt,
            answer: Some((shown, style)),
        }),
    }
    if let Some(d) = level.and_then(|l| q.descriptors.get(l)) {
        b.push(indented(
            Style::Small,
            format!("What this level looks like: {d}"),
        ));
    }
    if let Some(e) = evidence(v) {
        b.push(indented(Style::Muted, format!("Evidence: {e}")));
    }
    if let Some(t) = target_text(qn, q, v) {
        b.push(indented(Style::Muted, format!("Target: {t}")));
    }
}

/// Answers kept from questions the questionnaire no longer asks: shown, never dropped.
fn orphaned(b: &mut Vec<Block>, draft: &Draft) {
    if draft.orphaned_answers.is_empty() {
        return;
    }
    let title = "Answers to questions no longer asked";
    b.push(Block::Gap(14.0));
    b.push(Block::Keep(60.0));
    b.push(bookmark(title));
    b.push(text(Style::Heading, title));
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
