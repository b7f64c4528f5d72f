//! Checks that span the file: scales, roles, the submission block and the scoring rules.

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
        Role::CompletionDate => Some(QuestionType::Date),
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
                    "the role {} is already given to question \"{prev}\": each role may be used once (only strength, priority and discussion_topic may be repeated), so remove one",
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
const SUBJECT_PLACEHOLDERS: [&str; 4] = ["{school}", "{questionnaire}", "{date}", "{title}"];

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
        let mut rest = subject.as_str();
        while let Some(open) = rest.find('{') {
            let after = &rest[open..];
            let end = after.find('}').map_or(after.len(), |i| i + 1);
            let placeholder = &after[..end];
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
            rest = &after[end..];
        }
    }
    if q.with_role(Role::DevelopmentPlanUrl).next().is_none() {
        c.add(
            "submission",
            "a questionnaire sent to a hub must ask for the link to the school's published music development plan: add a question with \"type\": \"url\" and \"role\": \"development_plan_url\" (usually \"required\": \"required\")",
        );
    }
}

pub(super) fn scoring(c: &mut Checker, q: &Questionnaire) {
    let Some(s) = &q.scoring else {
        return;
    };
    let unknown = |id: &str| {
        format!(
            "the scale \"{}\" is not defined: use one of: {}",
            shorten(id),
            scale_names(q)
        )
    };
    // While a question names an unknown scale (reported already), "no question uses this
    // scale" would only be a follow-on of that typo.
    let scales_known = q.questions().all(|(_, x)| {
        !x.kind.uses_scale() || x.scale.as_deref().is_some_and(|s| q.scale(s).is_some())
    });
    let used_by = |scale: &str, kinds: &[QuestionType]| {
        !scales_known
            || q.questions()
                .any(|(_, x)| kinds.contains(&x.kind) && x.scale.as_deref() == Some(scale))
    };
    if let Some(sum) = &s.section_summaries {
        let loc = "scoring.section_summaries";
        match q.scale(&sum.scale) {
            None => c.add(loc, unknown(&sum.scale)),
            Some(scale) => {
                if !used_by(&scale.id, &[QuestionType::Rating]) {
                    c.add(loc, format!("no rating question uses the scale \"{}\", so there is nothing to summarise: use a scale your rating questions use", scale.id));
                }
                #[allow(clippy::cast_precision_loss)]
                let top = scale.levels.len() as f64;
                for b in &sum.bands {
                    if b.label.trim().is_empty() {
                        c.add(loc, "every band needs a label, e.g. \"Strong\"");
                    }
                    c.text(loc, "a band label", &b.label);
                    if !(1.0..=top).contains(&b.from) {
                        c.add(loc, format!("the band \"{}\" starts at {}, but a section's mean is between 1 (the lowest level) and {top} (the highest): choose a \"from\" in that range", shorten(&b.label), b.from));
                    }
                }
            }
        }
    }
    if let Some(a) = &s.award {
        let loc = "scoring.award";
        if a.title.trim().is_empty() {
            c.add(
                loc,
                "give the award a title, e.g. \"Indicative award\": it heads the report's summary",
            );
        }
        c.text(loc, "the title", &a.title);
        let Some(scale) = q.scale(&a.scale) else {
            c.add(loc, unknown(&a.scale));
            return;
        };
        for l in &a.no_award_levels {
            if scale.rank(l).is_none() {
                c.add(
                    loc,
                    format!(
                        "no_award_levels lists \"{}\", which is not a level of the scale \"{}\"",
                        shorten(l),
                        scale.id
                    ),
                );
            }
        }
        if !used_by(&scale.id, &[QuestionType::Criterion, QuestionType::Rating]) {
            c.add(loc, format!("no criterion uses the scale \"{}\", so no award can be worked out: give your criterion questions \"scale\": \"{}\"", scale.id, scale.id));
        }
        if scale.not_applicable {
            c.add(loc, format!("the award's scale \"{}\" offers \"not applicable\", but every criterion must reach a level for an award: remove \"not_applicable\": true from that scale", scale.id));
        }
    }
}
