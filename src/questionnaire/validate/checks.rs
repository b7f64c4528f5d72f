//! Checks on the questionnaire's soft cross-checks (`checks`): each compares two different
//! number questions counted in the same unit, and has a warning in words with only the
//! placeholders the program fills in.

use std::collections::HashSet;

use super::{Checker, shorten};
use crate::questionnaire::{Check, MAX_CHECKS, QuestionType, Questionnaire};

pub(super) fn check(c: &mut Checker, qn: &Questionnaire) {
    if qn.checks.len() > MAX_CHECKS {
        c.add(
            "checks",
            format!(
                "there are {} checks; the most allowed is {MAX_CHECKS}",
                qn.checks.len()
            ),
        );
        return;
    }
    let mut seen = HashSet::new();
    for (i, check) in qn.checks.iter().enumerate() {
        let loc = format!("check \"{}\"", shorten(&check.id));
        c.id(&format!("checks[{i}]"), "check", &check.id);
        if !seen.insert(check.id.as_str()) {
            c.add(
                &loc,
                "another check has the same id: give each check its own id",
            );
        }
        questions(c, qn, check, &loc);
        warning(c, check, &loc);
    }
}

/// Both sides name number questions, different ones, in the same unit.
fn questions(c: &mut Checker, qn: &Questionnaire, check: &Check, loc: &str) {
    let mut units = Vec::new();
    for (field, id) in [("question", &check.question), ("at_most", &check.at_most)] {
        match qn.question(id) {
            None => c.add(
                loc,
                format!(
                    "\"{field}\" is \"{}\", which is not a question: check the spelling",
                    shorten(id)
                ),
            ),
            Some(q) if q.kind != QuestionType::Number => c.add(
                loc,
                format!(
                    "\"{field}\" is \"{id}\", a {} question: a check compares two numbers, so name number questions",
                    q.kind.name()
                ),
            ),
            Some(q) => units.push((id, q.unit.as_deref().unwrap_or("no unit"))),
        }
    }
    if check.question == check.at_most {
        c.add(
            loc,
            format!(
                "\"question\" and \"at_most\" are both \"{}\": name two different questions",
                shorten(&check.question)
            ),
        );
    } else if let [(a, ua), (b, ub)] = units.as_slice()
        && ua != ub
    {
        c.add(
            loc,
            format!("the check compares \"{a}\" ({ua}) with \"{b}\" ({ub}): name two questions counted in the same unit"),
        );
    }
}

/// The words the teacher reads: present, not too long, only the known placeholders.
fn warning(c: &mut Checker, check: &Check, loc: &str) {
    if check.warning.trim().is_empty() {
        c.add(
            loc,
            "the check needs a \"warning\": the sentence the teacher reads, such as \"The choir has {question} but the school has {at_most} on roll: please check both numbers.\"",
        );
    }
    c.text(loc, "the warning", &check.warning);
    let mut rest = check.warning.as_str();
    while let Some(open) = rest.find('{') {
        let after = &rest[open..];
        let end = after.find('}').map_or(after.len(), |i| i + 1);
        let placeholder = &after[..end];
        if !Check::PLACEHOLDERS.contains(&placeholder) {
            c.add(
                loc,
                format!(
                    "the warning has {}, which music-sef cannot fill in: use {}",
                    shorten(placeholder),
                    Check::PLACEHOLDERS.join(" or ")
                ),
            );
        }
        rest = &after[end..];
    }
}
