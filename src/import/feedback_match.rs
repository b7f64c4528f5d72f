//! Which draft a hub's feedback answers: the one whose export has the submission id the
//! feedback names; for exports made before drafts recorded that id, the draft of the same
//! school and questionnaire exported on the day the feedback names; otherwise none, and the
//! refusal says whose submission of which day it answers.

use crate::draft::Draft;
use crate::feedback::FeedbackFile;
use crate::questionnaire::{Catalogue, Role};

/// How the draft was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// Its export has the submission id the feedback names.
    BySubmission,
    /// The same school and questionnaire, exported that day (an older export).
    BySchoolAndDay,
}

/// The draft `f` answers, among `drafts`.
///
/// # Errors
/// None of them exported that submission: the message names the school and the day.
pub fn find<'a>(
    drafts: &'a [Draft],
    f: &FeedbackFile,
    registry: &Catalogue,
) -> Result<(&'a Draft, Found), String> {
    let wanted = &f.answers.submission;
    if let Some(d) = drafts.iter().find(|d| {
        d.exports
            .iter()
            .any(|e| e.submission.as_ref() == Some(wanted))
    }) {
        return Ok((d, Found::BySubmission));
    }
    let day = f.answers.generated_at.date_naive();
    let same_day = |d: &&Draft| {
        d.questionnaire.id == f.answers.questionnaire_id
            && d.exports
                .iter()
                .any(|e| e.submission.is_none() && e.at.date_naive() == day)
            && same_school(d, f, registry)
    };
    if let Some(d) = drafts.iter().find(same_day) {
        return Ok((d, Found::BySchoolAndDay));
    }
    Err(refusal(f))
}

/// The school's URN, else its name, as the draft answers them, against the feedback's.
fn same_school(d: &Draft, f: &FeedbackFile, registry: &Catalogue) -> bool {
    let Ok(entry) = registry.for_draft(&d.questionnaire) else {
        return false;
    };
    let qn = &entry.questionnaire;
    let answer = |role: Role| {
        qn.with_role(role).find_map(|q| {
            d.answers.get(&q.id).and_then(|v| {
                v.to_json()
                    .as_str()
                    .map(str::to_string)
                    .or_else(|| Some(v.to_json().to_string()))
            })
        })
    };
    match (answer(Role::Urn), &f.school.urn) {
        (Some(a), Some(b)) => folded(&a) == folded(b),
        _ => answer(Role::SchoolName).is_some_and(|n| folded(&n) == folded(&f.school.name)),
    }
}

/// Letters and digits only, in lower case: "123456.0" and "123456" differ only in what a
/// number answer adds, so the fraction goes first.
fn folded(s: &str) -> String {
    let s = s.trim();
    s.strip_suffix(".0")
        .unwrap_or(s)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whose submission the feedback answers, and what to do; made safe for the screen, as the
/// names come from the file.
pub fn refusal(f: &FeedbackFile) -> String {
    crate::answers::parse::sanitize(&refusal_words(f), false)
}

fn refusal_words(f: &FeedbackFile) -> String {
    let urn = f.school.urn_suffix();
    format!(
        "this feedback from {} answers the submission \"{}\" of {}{urn}, exported on {}, and none of your drafts here exported it. Import it on the computer the bundle was exported from, or check with your music hub that it is meant for your school.",
        f.hub,
        f.answers.title,
        f.school.name,
        f.answers.generated_at.format("%-d %b %Y")
    )
}
