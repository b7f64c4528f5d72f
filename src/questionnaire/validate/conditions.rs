//! Checks on `show_if`: it may only read earlier questions, must not nest too deeply, and
//! must compare with values the earlier question can actually hold (otherwise the question
//! silently never appears).

use std::collections::HashSet;

use serde_json::Value;

use super::{Checker, shorten};
use crate::questionnaire::limits::{MAX_CONDITION_DEPTH, MAX_CONDITION_TERMS};
use crate::questionnaire::{Condition, NOT_APPLICABLE, Question, QuestionType as T, Questionnaire};

pub(super) fn check(
    c: &mut Checker,
    qn: &Questionnaire,
    question: &Question,
    cond: &Condition,
    earlier: &HashSet<&str>,
    all_ids: &HashSet<&str>,
    loc: &str,
) {
    let depth = cond.depth();
    if depth > MAX_CONDITION_DEPTH {
        c.add(
            loc,
            format!("show_if is nested {depth} deep; the most allowed is {MAX_CONDITION_DEPTH}. Simplify the condition."),
        );
        return;
    }
    let refs = cond.referenced_ids();
    if refs.len() > MAX_CONDITION_TERMS {
        c.add(
            loc,
            format!(
                "show_if looks at {} answers; the most allowed is {MAX_CONDITION_TERMS}. Simplify the condition.",
                refs.len()
            ),
        );
        return;
    }
    let mut reported = HashSet::new();
    for r in refs {
        if !reported.insert(r) {
            continue;
        }
        if r == question.id {
            c.add(
                loc,
                "show_if refers to the question itself: a condition can only look at earlier questions",
            );
        } else if !all_ids.contains(r) {
            c.add(
                loc,
                format!(
                    "show_if refers to \"{}\", which is not a question in this file: check the spelling of the id",
                    shorten(r)
                ),
            );
        } else if !earlier.contains(r) {
            c.add(
                loc,
                format!(
                    "show_if refers to \"{r}\", which comes later: a condition can only look at earlier questions, so move \"{r}\" before this one"
                ),
            );
        }
    }
    values(c, qn, cond, earlier, loc);
}

/// Walk the condition: empty lists and impossible comparisons.
fn values(
    c: &mut Checker,
    qn: &Questionnaire,
    cond: &Condition,
    earlier: &HashSet<&str>,
    loc: &str,
) {
    // Only earlier questions are looked up; other references are reported above.
    let target = |id: &str| earlier.contains(id).then(|| qn.question(id)).flatten();
    match cond {
        Condition::Equals { question, value } => {
            if let Some(t) = target(question) {
                compare(c, qn, (t, "show_if"), value, loc);
            }
        }
        Condition::OneOf { question, values } => {
            if values.is_empty() {
                c.add(
                    loc,
                    format!("show_if has a one_of on \"{}\" with no values, so it is never true: list the values to look for", shorten(question)),
                );
            }
            if let Some(t) = target(question) {
                for v in values {
                    compare(c, qn, (t, "show_if"), v, loc);
                }
            }
        }
        Condition::Answered { .. } => {}
        Condition::Not(inner) => values(c, qn, inner, earlier, loc),
        Condition::All(list) | Condition::Any(list) => {
            if list.is_empty() {
                let (name, meaning) = if matches!(cond, Condition::All(_)) {
                    ("all", "always true")
                } else {
                    ("any", "never true")
                };
                c.add(
                    loc,
                    format!("show_if has an empty \"{name}\" list, which is {meaning}: add conditions to it or remove it"),
                );
            }
            for inner in list {
                values(c, qn, inner, earlier, loc);
            }
        }
    }
}

/// Whether `value` is something question `t`'s answer can equal; if not, say what can.
/// `field` names the part of the file being checked (`show_if`, `met_when`) in messages.
pub(super) fn compare(
    c: &mut Checker,
    qn: &Questionnaire,
    (t, field): (&Question, &str),
    value: &Value,
    loc: &str,
) {
    let shown = shorten(&value.to_string());
    let id = &t.id;
    let problem = match t.kind {
        // Made at load time, so a value that matches this year would stop matching later.
        T::SingleChoice | T::MultiChoice if t.options_from.is_some() => Some(format!(
            "{field} compares \"{id}\" with {shown}, but that question's options come from options_from and change with the date, so the condition would stop working: use {{\"answered\": {{\"question\": \"{id}\"}}}} instead"
        )),
        // No options is reported on that question itself.
        T::SingleChoice | T::MultiChoice if t.options.is_empty() => None,
        T::SingleChoice | T::MultiChoice => {
            let ok = value.as_str().is_some_and(|s| t.option(s).is_some());
            (!ok).then(|| {
                let ids: Vec<&str> = t.options.iter().map(|o| o.id.as_str()).collect();
                format!(
                    "{field} compares \"{id}\" with {shown}, which is not one of its option ids: use one of: {}",
                    ids.join(", ")
                )
            })
        }
        T::YesNo => (!value.is_boolean()).then(|| {
            format!("{field} compares the yes/no question \"{id}\" with {shown}: use true or false (without quotes)")
        }),
        T::Number => (!value.is_number()).then(|| {
            format!("{field} compares the number question \"{id}\" with {shown}: use a number without quotes")
        }),
        T::Rating | T::Criterion => qn.scale_of(t).and_then(|scale| {
            let ok = value.as_str().is_some_and(|s| {
                scale.rank(s).is_some() || (s == NOT_APPLICABLE && scale.not_applicable)
            });
            (!ok).then(|| {
                let mut ids: Vec<&str> = scale.levels.iter().map(|l| l.id.as_str()).collect();
                if scale.not_applicable {
                    ids.push(NOT_APPLICABLE);
                }
                format!(
                    "{field} compares \"{id}\" with {shown}, which is not a level of the scale \"{}\": use one of: {}",
                    scale.id,
                    ids.join(", ")
                )
            })
        }),
        T::Date => {
            let ok = value
                .as_str()
                .is_some_and(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok());
            (!ok).then(|| {
                format!("{field} compares the date question \"{id}\" with {shown}: dates are stored as \"YYYY-MM-DD\", e.g. \"2026-09-01\"")
            })
        }
        T::Text | T::LongText | T::Url | T::Email => (!value.is_string()).then(|| {
            format!("{field} compares \"{id}\" with {shown}, but its answer is text: put the value in quotes")
        }),
    };
    if let Some(p) = problem {
        c.add(loc, p);
    }
}
