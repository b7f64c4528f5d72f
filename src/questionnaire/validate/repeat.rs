//! Checks on sections repeated for each agreed priority: their copies' ids must stay unique
//! and within the limit, nothing outside a repeated section may read its answers (there may be
//! none, or three), roles stay single, and only the placeholders the program fills in are used.

use std::collections::HashSet;

use super::{Checker, braces, shorten};
use crate::feedback::MAX_PRIORITIES;
use crate::questionnaire::limits::MAX_ID_LEN;
use crate::questionnaire::{PLACEHOLDERS, Questionnaire, Section, copy_id};

pub(super) fn check(c: &mut Checker, q: &Questionnaire) {
    let all: HashSet<&str> = q
        .sections
        .iter()
        .map(|s| s.id.as_str())
        .chain(q.questions().map(|(_, x)| x.id.as_str()))
        .collect();
    let mut inside: HashSet<&str> = HashSet::new();
    for s in q.sections.iter().filter(|s| s.repeat.is_some()) {
        let sloc = format!("section \"{}\"", shorten(&s.id));
        inside.extend(s.questions.iter().map(|x| x.id.as_str()));
        let ids = std::iter::once(&s.id).chain(s.questions.iter().map(|x| &x.id));
        for id in ids {
            if id.len() + 2 > MAX_ID_LEN {
                c.add(&sloc, format!("the id \"{}\" is too long for a repeated section: its copies add _1, _2, _3, so keep it under {} characters", shorten(id), MAX_ID_LEN - 1));
            }
            for n in 1..=MAX_PRIORITIES {
                if all.contains(copy_id(id, n).as_str()) {
                    c.add(&sloc, format!("the copy for priority {n} would be named \"{}\", which another section or question already uses: rename one of them", copy_id(id, n)));
                }
            }
        }
        for x in s.questions.iter().filter(|x| x.role.is_some()) {
            c.add(
                format!("{sloc} › question \"{}\"", shorten(&x.id)),
                "a question in a section repeated for each priority cannot have a role (it would be asked up to three times): move it to a section that is not repeated",
            );
        }
    }
    outside_readers(c, q, &inside);
    for s in q.sections.iter().filter(|s| s.repeat.is_none()) {
        for x in &s.questions {
            let read = x
                .show_if
                .as_ref()
                .map(|cond| cond.referenced_ids())
                .unwrap_or_default();
            if let Some(id) = read.into_iter().find(|id| inside.contains(id)) {
                c.add(
                    format!("section \"{}\" › question \"{}\"", shorten(&s.id), shorten(&x.id)),
                    format!("show_if reads \"{}\", which is in a section repeated for each priority: only questions in that section can read it", shorten(id)),
                );
            }
        }
    }
    q.sections.iter().for_each(|s| placeholders(c, s));
}

/// Scoring, checks and the checklist read each answer once: none may read one that is asked
/// once per priority (perhaps three times, perhaps not at all).
fn outside_readers(c: &mut Checker, q: &Questionnaire, inside: &HashSet<&str>) {
    let why = "is in a section repeated for each priority, asked once per priority or not at all: read a question that is asked once";
    for check in &q.checks {
        for id in [&check.question, &check.at_most] {
            if inside.contains(id.as_str()) {
                c.add(
                    format!("checks \"{}\"", shorten(&check.id)),
                    format!("\"{}\" {why}", shorten(id)),
                );
            }
        }
    }
    for item in &q.checklist {
        let mut reads = item.met_when.referenced_ids();
        reads.extend(item.reads.iter().map(|r| r.question.as_str()));
        if let Some(id) = reads.into_iter().find(|id| inside.contains(id)) {
            c.add(
                format!("checklist \"{}\"", shorten(&item.id)),
                format!("\"{}\" {why}", shorten(id)),
            );
        }
    }
    let Some(scoring) = &q.scoring else {
        return;
    };
    let scored: Vec<&str> = [
        scoring.section_summaries.as_ref().map(|s| s.scale.as_str()),
        scoring.award.as_ref().map(|a| a.scale.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect();
    for s in q.sections.iter().filter(|s| s.repeat.is_some()) {
        if let Some(x) = s
            .questions
            .iter()
            .find(|x| x.scale.as_deref().is_some_and(|sc| scored.contains(&sc)))
        {
            c.add(
                format!("section \"{}\" › question \"{}\"", shorten(&s.id), shorten(&x.id)),
                "its scale is one the scoring reads, and a question repeated for each priority cannot count towards it: give it a scale of its own",
            );
        }
    }
}

/// Every `{…}` in the section's words: known ones only, and only where they are filled in.
fn placeholders(c: &mut Checker, s: &Section) {
    let sloc = format!("section \"{}\"", shorten(&s.id));
    let texts = [&s.title, &s.intro].into_iter().chain(
        s.questions
            .iter()
            .flat_map(|x| std::iter::once(&x.prompt).chain(x.guidance.as_ref())),
    );
    for text in texts {
        for p in braces(text) {
            if s.repeat.is_none() && PLACEHOLDERS.contains(&p) {
                c.add(&sloc, format!("{} is filled in only in a section with \"repeat\": \"each_priority\": add that to the section, or write the words out", shorten(p)));
            } else if s.repeat.is_some() && !PLACEHOLDERS.contains(&p) {
                c.add(
                    &sloc,
                    format!(
                        "{}, which music-sef cannot fill in: use {}",
                        shorten(p),
                        PLACEHOLDERS.join(", ")
                    ),
                );
            }
        }
    }
}
