//! Checks on one question: its prompt, the fields that belong to its type, options, number
//! bounds, and the scale and descriptors of ratings and criteria.

use std::collections::HashSet;

use super::{Checker, rules::scale_names, shorten};
use crate::questionnaire::limits::MAX_OPTIONS;
use crate::questionnaire::{Question, QuestionType as T, Questionnaire};

pub(super) fn check(c: &mut Checker, qn: &Questionnaire, q: &Question, loc: &str) {
    if q.prompt.trim().is_empty() {
        c.add(
            loc,
            "the question has no prompt: write the question the teacher should answer",
        );
    }
    c.text(loc, "the prompt", &q.prompt);
    if let Some(g) = &q.guidance {
        c.long_text(loc, "the guidance", g);
    }
    misplaced_fields(c, q, loc);
    if q.kind.has_options() {
        options(c, q, loc);
    }
    if let (Some(min), Some(max)) = (q.min, q.max)
        && min > max
    {
        c.add(
            loc,
            format!("min ({min}) is larger than max ({max}): swap them"),
        );
    }
    if q.integer
        && let Some(bad) = [q.min, q.max]
            .into_iter()
            .flatten()
            .find(|v| v.fract() != 0.0)
    {
        c.add(
            loc,
            format!("the question takes whole numbers only (\"integer\": true), so {bad} cannot be a limit: use a whole number"),
        );
    }
    if let Some(unit) = &q.unit {
        c.text(loc, "the unit", unit);
    }
    if q.max_length == Some(0) {
        c.add(
            loc,
            "max_length is 0, so nothing could be typed: give a larger number or remove it",
        );
    }
    if q.kind.uses_scale() {
        scale_and_descriptors(c, qn, q, loc);
    }
}

/// A field that does nothing on this type is almost always a wrong `type` or a copy-paste slip.
fn misplaced_fields(c: &mut Checker, q: &Question, loc: &str) {
    let kind = q.kind.name();
    let number = q.kind == T::Number;
    let scaled = q.kind.uses_scale();
    let criterion = q.kind == T::Criterion;
    let texty = matches!(q.kind, T::Text | T::LongText);
    let fields: [(&str, bool, bool, &str); 10] = [
        (
            "options",
            !q.options.is_empty(),
            q.kind.has_options(),
            "single_choice and multi_choice",
        ),
        ("min", q.min.is_some(), number, "number"),
        ("max", q.max.is_some(), number, "number"),
        ("integer", q.integer, number, "number"),
        ("unit", q.unit.is_some(), number, "number"),
        ("scale", q.scale.is_some(), scaled, "rating and criterion"),
        (
            "evidence",
            q.evidence.is_some(),
            scaled,
            "rating and criterion",
        ),
        (
            "descriptors",
            !q.descriptors.is_empty(),
            criterion,
            "criterion",
        ),
        ("target", q.target.is_some(), criterion, "criterion"),
        (
            "max_length",
            q.max_length.is_some(),
            texty,
            "text and long_text",
        ),
    ];
    for (field, present, belongs, types) in fields {
        if present && !belongs {
            c.add(
                loc,
                format!("\"{field}\" does not belong on a {kind} question (it is only for {types}): remove it, or change the type"),
            );
        }
    }
}

fn options(c: &mut Checker, q: &Question, loc: &str) {
    if q.options.is_empty() {
        c.add(
            loc,
            format!(
                "a {} question needs options: add a list such as \"options\": [{{\"id\": \"yes\", \"label\": \"Yes\"}}, {{\"id\": \"no\", \"label\": \"No\"}}]",
                q.kind.name()
            ),
        );
        return;
    }
    if q.options.len() > MAX_OPTIONS {
        c.add(
            loc,
            format!(
                "{} options is too many to choose from; the most allowed is {MAX_OPTIONS}. Use a text question instead.",
                q.options.len()
            ),
        );
        return;
    }
    let mut seen = HashSet::new();
    for o in &q.options {
        c.id(loc, "option", &o.id);
        if !seen.insert(o.id.as_str()) {
            c.add(
                loc,
                format!(
                    "the option id \"{}\" appears twice: give each option its own id",
                    o.id
                ),
            );
        }
        if o.label.trim().is_empty() {
            c.add(
                loc,
                format!(
                    "the option \"{}\" needs a label: the words the teacher sees",
                    shorten(&o.id)
                ),
            );
        }
        c.text(loc, "an option label", &o.label);
        if let Some(h) = &o.hint {
            c.long_text(loc, "an option hint", h);
        }
    }
}

fn scale_and_descriptors(c: &mut Checker, qn: &Questionnaire, q: &Question, loc: &str) {
    let kind = q.kind.name();
    let Some(id) = q.scale.as_deref() else {
        c.add(
            loc,
            format!(
                "a {kind} question needs \"scale\": the id of one of the scales in \"scales\" ({})",
                scale_names(qn)
            ),
        );
        return;
    };
    let Some(scale) = qn.scale(id) else {
        c.add(
            loc,
            format!(
                "the scale \"{}\" is not defined: add it to \"scales\", or use one of: {}",
                shorten(id),
                scale_names(qn)
            ),
        );
        return;
    };
    if q.kind != T::Criterion {
        return;
    }
    // Levels that are not an award in themselves ("not yet") need no descriptor.
    let exempt: Vec<&str> = qn
        .scoring
        .as_ref()
        .and_then(|s| s.award.as_ref())
        .filter(|a| a.scale == scale.id)
        .map(|a| a.no_award_levels.iter().map(String::as_str).collect())
        .unwrap_or_default();
    for l in &scale.levels {
        if !exempt.contains(&l.id.as_str()) && !q.descriptors.contains_key(&l.id) {
            c.add(
                loc,
                format!(
                    "the criterion has no descriptor for the level \"{}\": add \"{}\": \"what this level looks like\" to its \"descriptors\"",
                    l.id, l.id
                ),
            );
        }
    }
    for (k, v) in &q.descriptors {
        if scale.rank(k).is_none() {
            c.add(
                loc,
                format!(
                    "the descriptor \"{}\" is not a level of the scale \"{}\": use one of: {}",
                    shorten(k),
                    scale.id,
                    scale
                        .levels
                        .iter()
                        .map(|l| l.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            );
        }
        c.long_text(loc, "a descriptor", v);
    }
}
