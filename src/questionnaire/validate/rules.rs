//! Checks that span the file: scales, roles and the submission block.

use std::collections::{HashMap, HashSet};

use super::{Checker, shorten};
use crate::questionnaire::limits::{MAX_LEVELS, MAX_SCALES};
use crate::questionnaire::{NOT_APPLICABLE, QuestionType, Questionnaire, Role};

/// The scale ids, for "use one of: …" in messages.
pub(super) fn scale_names(q: &Questionnaire) -> String {
    if q.scales.is_empty() {
        return "(there are no scales yet: add one to \"scales\")".to_string();
    }
    q.scales
        .iter()
        .map(|s| s.id.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

pub(super) fn scales(c: &mut Checker, q: &Questionnaire) {
    if q.scales.len() > MAX_SCALES {
        c.add(
            "scales",
            format!(
                "there are {} scales; the most allowed is {MAX_SCALES}",
                q.scales.len()
            ),
        );
        return;
    }
    let mut seen = HashSet::new();
    for (i, s) in q.scales.iter().enumerate() {
        let loc = format!("scale \"{}\"", shorten(&s.id));
        c.id(&format!("scales[{i}]"), "scale", &s.id);
        if !seen.insert(s.id.as_str()) {
            c.add(
                &loc,
                "another scale has the same id: give each scale its own id",
            );
        }
        if s.levels.len() < 2 || s.levels.len() > MAX_LEVELS {
            c.add(
                &loc,
                format!(
                    "a scale needs from 2 to {MAX_LEVELS} levels, lowest first; this one has {}",
                    s.levels.len()
                ),
            );
            if s.levels.len() > MAX_LEVELS {
                continue;
            }
        }
        let mut levels = HashSet::new();
        for l in &s.levels {
            if l.id == NOT_APPLICABLE {
                c.add(
                    &loc,
                    "\"not_applicable\" cannot be a level id: remove that level and set \"not_applicable\": true on the scale instead",
                );
            } else {
                c.id(&loc, "level", &l.id);
            }
            if !levels.insert(l.id.as_str()) {
                c.add(
                    &loc,
                    format!(
                        "the level id \"{}\" appears twice: give each level its own id",
                        l.id
                    ),
                );
            }
            if l.label.trim().is_empty() {
                c.add(
                    &loc,
                    format!(
                        "the level \"{}\" needs a label: the word the teacher picks",
                        shorten(&l.id)
                    ),
                );
            }
            c.text(&loc, "a level label", &l.label);
            c.long_text(&loc, "a level meaning", &l.meaning);
        }
    }
}

/// The answer type each role needs for the program to use it (the plan link becomes a link in
/// the e-mail and report, the contact address and date are read as such).
fn role_type(role: Role) -> Option<QuestionType> {
    match role {
        Role::DevelopmentPlanUrl => Some(QuestionType::Url),
        Role::ContactEmail => Some(QuestionType::Email),
        Role::CompletionDate | Role::PlanPublished | Role::PlanReview => Some(QuestionType::Date),
        _ => None,
    }
}

pub(super) fn roles(c: &mut Checker, q: &Questionnaire) {
    let mut first: HashMap<Role, &str> = HashMap::new();
    for (si, question) in q.questions() {
        let Some(role) = question.role else {
            continue;
        };
        let loc = || {
            format!(
                "section \"{}\" › question \"{}\"",
                shorten(&q.sections[si].id),
                shorten(&question.id)
            )
        };
        if !role.repeatable()
            && let Some(prev) = first.insert(role, &question.id)
        {
            c.add(
                loc(),
                format!(
                    "the role {} is already given to question \"{prev}\": each role may be used once (only strength, priority, discussion_topic and support may be repeated), so remove one",
                    role.name()
                ),
            );
        }
        if let Some(kind) = role_type(role)
            && question.kind != kind
        {
            c.add(
                loc(),
                format!(
                    "the role {} needs a question with \"type\": \"{}\" (this one is {})",
                    role.name(),
                    kind.name(),
                    question.kind.name()
                ),
            );
        }
    }
}

/// Placeholders the e-mail subject may use (filled in by the export).
const SUBJECT_PLACEHOLDERS: [&str; 6] = [
    "{urn}",
    "{school}",
    "{questionnaire}",
    "{result}",
    "{date}",
    "{title}",
];

pub(super) fn submission(c: &mut Checker, q: &Questionnaire) {
    let Some(sub) = &q.submission else {
        return;
    };
    if sub.hub_name.trim().is_empty() {
        c.add(
            "submission.hub_name",
            "give the hub's name, e.g. \"Riverside music hub\" (or \"your music hub\")",
        );
    }
    c.text("submission.hub_name", "the hub name", &sub.hub_name);
    if let Some(email) = &sub.hub_email
        && crate::formats::parse_email(email).is_err()
    {
        c.add(
            "submission.hub_email",
            format!(
                "\"{}\" is not an e-mail address: write it like schools@hub.example.org, or remove hub_email so music-sef asks the teacher",
                shorten(email)
            ),
        );
    }
    if let Some(subject) = &sub.subject {
        c.text("submission.subject", "the subject", subject);
        for placeholder in super::braces(subject) {
            if !SUBJECT_PLACEHOLDERS.contains(&placeholder) {
                c.add(
                    "submission.subject",
                    format!(
                        "the subject has {}, which music-sef cannot fill in: use {}",
                        shorten(placeholder),
                        SUBJECT_PLACEHOLDERS.join(", ")
                    ),
                );
            }
        }
    }
    if q.with_role(Role::DevelopmentPlanUrl).next().is_none() {
        c.add(
            "submission",
            "a questionnaire sent to a hub must ask for the link to the school's published music development plan: add a question with \"type\": \"url\" and \"role\": \"development_plan_url\" (usually \"required\": \"required\")",
        );
    }
}
