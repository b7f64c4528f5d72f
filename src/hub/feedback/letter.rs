//! The feedback letter's words, worked out once from the feedback file (pure), then laid out
//! as PDF blocks for the report engine or as the plain text of the e-mail, so both say the
//! same.

use crate::export::pdf::content::{Block, Style, bookmark, indented, pair, text};
use crate::feedback::{Award, FeedbackFile};

/// One piece of the letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Para {
    Heading(String),
    Subheading(String),
    Body(String),
    Muted(String),
    Pair(String, String),
}

/// The letter as paragraphs.
pub fn paragraphs(f: &FeedbackFile, questionnaire: &str) -> Vec<Para> {
    let day = |d: chrono::NaiveDate| d.format("%-d %B %Y").to_string();
    let school = &f.school.name;
    let urn = f.school.urn_suffix();
    let mut p = vec![
        Para::Muted(format!(
            "From {} to {school}{urn} · {}",
            f.hub,
            day(f.decision.decided_at.date_naive())
        )),
        Para::Pair(
            "Your submission".into(),
            format!(
                "{questionnaire}, sent on {}",
                day(f.answers.generated_at.date_naive())
            ),
        ),
        Para::Body(format!(
            "Thank you for the time you and your colleagues gave to reviewing music at {school}. This letter sets out what we decided and the priorities we agreed with you."
        )),
        Para::Heading("Our decision".into()),
        Para::Body(f.decision.headline()),
    ];
    p.extend(decision_words(f));
    p.push(Para::Heading("The priorities we agreed".into()));
    for (i, pr) in f.priorities.iter().enumerate() {
        p.push(Para::Subheading(format!("Priority {}: {}", i + 1, pr.text)));
        p.push(Para::Pair(
            "What the school will do".into(),
            pr.actions.clone(),
        ));
        p.push(Para::Pair(
            format!("How {} will help", f.hub),
            pr.support.clone(),
        ));
        p.push(Para::Pair(
            "We will look at it again by".into(),
            day(pr.review_date),
        ));
    }
    p.push(Para::Heading("What happens next".into()));
    p.push(Para::Body(format!(
        "About a year after this decision, by {}, we will ask you to look back at these priorities and say how far each has come; and again about two years after it, by {}.",
        day(f.dates.first_reflection),
        day(f.dates.second_reflection)
    )));
    p.push(Para::Body(
        "If you use music-sef, import the feedback file that came with this letter (music-sef import, or i on the home screen): your draft then shows these priorities, and the follow-up reflection starts from them.".into(),
    ));
    p.push(Para::Body(format!(
        "We will invite you to review music in your school with us again by {}, or sooner if you would like to.",
        day(f.dates.review_again)
    )));
    p.push(Para::Body("With best wishes,".into()));
    p.push(Para::Body(format!("{}\n{}", f.decision.officer, f.hub)));
    p
}

/// What the decision means for the school, in a sentence or two.
fn decision_words(f: &FeedbackFile) -> Vec<Para> {
    let d = &f.decision;
    let mut p = Vec::new();
    match (d.recommended, d.certificate) {
        (true, Some(c)) => p.push(Para::Body(format!(
            "We are recommending {} for the Music Mark of Recognition for {}. Music Mark will ask the school to accept its three pledges before the certificate and logo can be downloaded.",
            f.school.name,
            c.label()
        ))),
        (true, None) => p.push(Para::Body(format!(
            "We are recommending {} for the Music Mark of Recognition.",
            f.school.name
        ))),
        (false, _) => p.push(Para::Body(
            "We are not recommending the school for the Music Mark of Recognition this time. The priorities below are the steps we will support you with before we look again.".into(),
        )),
    }
    match d.award {
        Some(Award::WorkingTowardsBronze) => p.push(Para::Body(
            "The school is working towards Bronze: when you feel ready, tell us and we will arrange a follow-up visit.".into(),
        )),
        Some(a) => p.push(Para::Body(format!(
            "The school's award is {}. The certificate and logos come to you by e-mail for your school's communications.",
            a.label()
        ))),
        None => {}
    }
    p
}

/// The letter as blocks for the PDF engine, under its title.
pub fn blocks(paras: &[Para]) -> Vec<Block> {
    let mut b = vec![
        bookmark("Feedback on your music review"),
        text(Style::Title, "Feedback on your music review"),
    ];
    for para in paras {
        match para {
            Para::Heading(t) => {
                b.push(Block::Gap(10.0));
                b.push(Block::Keep(60.0));
                b.push(bookmark(t.clone()));
                b.push(text(Style::Heading, t.clone()));
            }
            Para::Subheading(t) => {
                b.push(Block::Gap(4.0));
                b.push(Block::Keep(50.0));
                b.push(text(Style::Subheading, t.clone()));
            }
            Para::Body(t) => {
                for line in t.lines() {
                    b.push(text(Style::Body, line.to_string()));
                }
                b.push(Block::Gap(3.0));
            }
            Para::Muted(t) => b.push(text(Style::Muted, t.clone())),
            Para::Pair(l, v) if l.len() + v.len() > 90 => {
                b.push(text(Style::Bold, format!("{l}:")));
                b.push(indented(Style::Body, v.clone()));
            }
            Para::Pair(l, v) => b.push(pair(l.clone(), v.clone())),
        }
    }
    b
}

/// The letter as plain text, for the e-mail body.
pub fn plain(paras: &[Para]) -> String {
    let mut s = String::from("Feedback on your music review\n\n");
    for para in paras {
        match para {
            Para::Heading(t) => s.push_str(&format!("\n{}\n\n", t.to_uppercase())),
            Para::Subheading(t) => s.push_str(&format!("{t}\n")),
            Para::Body(t) => s.push_str(&format!("{t}\n\n")),
            Para::Muted(t) => s.push_str(&format!("{t}\n\n")),
            Para::Pair(l, v) => s.push_str(&format!("  {l}: {v}\n")),
        }
    }
    s.push_str("\nAttached: this letter as a PDF, and feedback.json (the same decision as data for music-sef).\n");
    s
}
