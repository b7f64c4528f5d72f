//! The printed questionnaire: every question as a teacher reads it before starting — its
//! number as on screen, what kind of answer it wants, the choices or levels with their
//! descriptors, whether it is required, the guidance, and when it is asked — after the
//! "have these ready" list. Laid out as blocks for the same PDF engine as the report.

pub mod words;

use chrono::{DateTime, Utc};

use crate::answers::numbering::number;
use crate::export::ExportError;
use crate::export::pdf::content::{Block, Style, bookmark, indented, text};
use crate::export::pdf::meta::info;
use crate::export::pdf::{Frame, render_blocks};
use crate::questionnaire::{Question, QuestionType, Questionnaire, Requirement};

/// The printed questionnaire as PDF bytes, made at `now`.
///
/// # Errors
/// The fonts are missing from the build or the PDF could not be written.
pub fn pdf(qn: &Questionnaire, now: DateTime<Utc>) -> Result<Vec<u8>, ExportError> {
    let frame = Frame {
        header: format!(
            "{} (version {}) · the questions, to read before you start",
            qn.title, qn.version
        ),
        date: now
            .with_timezone(&chrono::Local)
            .format("%-d %b %Y")
            .to_string(),
        incomplete: false,
        metadata: info(format!("{} – the questions", qn.title), now),
    };
    render_blocks(&blocks(qn), &frame).map(|out| out.bytes)
}

/// The whole document.
pub fn blocks(qn: &Questionnaire) -> Vec<Block> {
    let mut b = first_page(qn);
    for (si, section) in qn.sections.iter().enumerate() {
        let heading = format!("{}. {}", si + 1, section.title);
        b.push(bookmark(heading.clone()));
        b.push(text(Style::Heading, heading));
        if !section.intro.trim().is_empty() {
            b.push(text(Style::Body, section.intro.clone()));
        }
        for (qi, q) in section.questions.iter().enumerate() {
            question(&mut b, qn, q, &number(si, qi));
        }
    }
    b
}

/// Title, what it is, how long it takes, what to have ready, and how to read the rest.
fn first_page(qn: &Questionnaire) -> Vec<Block> {
    let mut b = vec![
        text(Style::Title, qn.title.clone()),
        text(
            Style::Muted,
            format!(
                "Version {} · {} questions at most; fewer apply to most schools",
                qn.version,
                qn.question_count()
            ),
        ),
        Block::Gap(6.0),
    ];
    if !qn.description.trim().is_empty() {
        b.push(text(Style::Body, qn.description.clone()));
    }
    if let Some(t) = &qn.time_needed {
        b.push(Block::Pair {
            label: "How long it takes".to_string(),
            value: t.clone(),
        });
    }
    if !qn.have_ready.is_empty() {
        b.push(bookmark("Have these ready"));
        b.push(text(Style::Subheading, "Have these ready"));
        b.push(text(
            Style::Body,
            "Gathering these first makes the answers quick to give:",
        ));
        b.extend(
            qn.have_ready
                .iter()
                .map(|i| indented(Style::Body, format!("• {}", i.line()))),
        );
    }
    b.push(text(Style::Subheading, "How to read this"));
    b.push(text(
        Style::Body,
        "Questions are numbered as they are on screen. Required questions must be answered before the bundle goes to your music hub; recommended ones are asked for; optional ones are up to you. Some questions are asked only after certain answers, and say so. A number that your own answers skip is a question that does not apply to you.",
    ));
    b.push(Block::Gap(8.0));
    b
}

fn need(q: &Question) -> &'static str {
    match q.required {
        Requirement::Required => "Required",
        Requirement::Recommended => "Recommended",
        Requirement::Optional => "Optional",
    }
}

fn question(b: &mut Vec<Block>, qn: &Questionnaire, q: &Question, n: &str) {
    b.push(Block::Gap(4.0));
    b.push(text(Style::Bold, format!("{n}  {}", q.prompt)));
    let mut about = format!("{} · {}", need(q), words::kind(qn, q));
    if let Some(c) = &q.show_if {
        about.push_str(" · ");
        about.push_str(&words::condition(qn, c));
    }
    b.push(indented(Style::Muted, about));
    match q.kind {
        QuestionType::SingleChoice | QuestionType::MultiChoice => {
            for (i, o) in q.options.iter().enumerate() {
                let hint = o
                    .hint
                    .as_deref()
                    .map(|h| format!(" — {h}"))
                    .unwrap_or_default();
                b.push(indented(
                    Style::Body,
                    format!("{}. {}{hint}", i + 1, o.label),
                ));
            }
        }
        QuestionType::Rating | QuestionType::Criterion => levels(b, qn, q),
        _ => {}
    }
    if let Some(g) = &q.guidance {
        b.push(indented(Style::Muted, format!("Guidance: {g}")));
    }
}

/// Each level with what it means; for a criterion, its descriptor.
fn levels(b: &mut Vec<Block>, qn: &Questionnaire, q: &Question) {
    let Some(scale) = qn.scale_of(q) else {
        return;
    };
    for (i, l) in scale.levels.iter().enumerate() {
        let what = q
            .descriptors
            .get(&l.id)
            .map_or(l.meaning.as_str(), String::as_str);
        let line = if what.is_empty() {
            format!("{}. {}", i + 1, l.label)
        } else {
            format!("{}. {}: {what}", i + 1, l.label)
        };
        b.push(indented(Style::Body, line));
    }
    if q.offers_evidence() {
        b.push(indented(
            Style::Muted,
            "With room for evidence: what shows it.",
        ));
    }
    if q.offers_target() {
        b.push(indented(
            Style::Muted,
            "And a target: the level you aim for next.",
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::blocks;
    use crate::export::pdf::content::Block;

    #[test]
    fn every_question_is_numbered_and_the_list_comes_first() {
        let qn =
            crate::questionnaire::Registry::discover(&crate::paths::DataDirs::at("/nonexistent"))
                .find("pre-meeting-data-form")
                .expect("built in")
                .questionnaire;
        let text: Vec<String> = blocks(&qn)
            .into_iter()
            .filter_map(|b| match b {
                Block::Text { text, .. } => Some(text),
                Block::Pair { label, value } => Some(format!("{label}: {value}")),
                _ => None,
            })
            .collect();
        let ready = text
            .iter()
            .position(|t| t == "Have these ready")
            .expect("list");
        let first_q = text
            .iter()
            .position(|t| t.starts_with("1.1  "))
            .expect("1.1");
        assert!(ready < first_q);
        assert!(
            text.iter()
                .any(|t| t.starts_with("How long it takes: 15 to 20 minutes"))
        );
        let count = qn.question_count();
        let numbered = text
            .iter()
            .filter(|t| {
                t.split_once("  ").is_some_and(|(n, _)| {
                    n.contains('.') && n.chars().all(|c| c.is_ascii_digit() || c == '.')
                })
            })
            .count();
        assert_eq!(numbered, count);
    }
}
