//! Checks on `checklist`: every item has its own id and a label, reads questions that exist,
//! and is met by a test that only looks at what it reads and compares with values those
//! answers can hold (otherwise an item would silently never be met).

use std::collections::HashSet;

use serde_json::Value;

use super::conditions::compare;
use super::{Checker, shorten};
use crate::questionnaire::limits::{
    MAX_CHECKLIST_ITEMS, MAX_CHECKLIST_READS, MAX_CONDITION_DEPTH, MAX_CONDITION_TERMS,
};
use crate::questionnaire::{
    ChecklistItem, ChecklistTest, Question, QuestionType as T, Questionnaire, TODAY,
};

pub(super) fn check(c: &mut Checker, q: &Questionnaire) {
    if q.checklist.len() > MAX_CHECKLIST_ITEMS {
        c.add(
            "checklist",
            format!(
                "the checklist has {} items; the most allowed is {MAX_CHECKLIST_ITEMS}. Keep the ones a hub decides from.",
                q.checklist.len()
            ),
        );
        return;
    }
    let mut ids = HashSet::new();
    for (i, item) in q.checklist.iter().enumerate() {
        let loc = format!("checklist item \"{}\"", shorten(&item.id));
        c.id(&format!("checklist[{i}]"), "checklist item", &item.id);
        if !ids.insert(item.id.as_str()) {
            c.add(
                &loc,
                format!(
                    "the id \"{}\" is used by an earlier item: give each item its own id (it names the item's column in the summary CSV)",
                    item.id
                ),
            );
        }
        if item.label.trim().is_empty() {
            c.add(
                &loc,
                "the item needs a label: the line the hub reads, e.g. \"Key feature 3: a choir or vocal group\"",
            );
        }
        c.text(&loc, "the label", &item.label);
        let read = reads(c, q, item, &loc);
        test(c, q, &item.met_when, &read, &loc);
    }
}

/// The item's `reads`: real questions, each once. Returns the ids read.
fn reads<'a>(
    c: &mut Checker,
    q: &Questionnaire,
    item: &'a ChecklistItem,
    loc: &str,
) -> HashSet<&'a str> {
    let mut read = HashSet::new();
    if item.reads.is_empty() {
        c.add(
            loc,
            "reads is empty: list the answers the item depends on, e.g. \"reads\": [{\"question\": \"choir\"}]",
        );
    }
    if item.reads.len() > MAX_CHECKLIST_READS {
        c.add(
            loc,
            format!(
                "reads lists {} answers; the most allowed is {MAX_CHECKLIST_READS}. Split the item in two.",
                item.reads.len()
            ),
        );
        return read;
    }
    for r in &item.reads {
        if q.question(&r.question).is_none() {
            c.add(
                loc,
                format!(
                    "reads \"{}\", which is not a question in this file: check the spelling of the id",
                    shorten(&r.question)
                ),
            );
        } else if !read.insert(r.question.as_str()) {
            c.add(
                loc,
                format!("reads \"{}\" twice: list each answer once", r.question),
            );
        }
        if let Some(label) = &r.label {
            if label.trim().is_empty() {
                c.add(
                    loc,
                    format!(
                        "the label for \"{}\" is empty: write a short name such as \"KS1\", or remove \"label\"",
                        shorten(&r.question)
                    ),
                );
            }
            c.text(loc, "a read's label", label);
        }
    }
    read
}

/// `met_when`: not too deep, only what `reads` lists, values the answers can hold.
fn test(
    c: &mut Checker,
    q: &Questionnaire,
    check: &ChecklistTest,
    read: &HashSet<&str>,
    loc: &str,
) {
    let depth = check.depth();
    if depth > MAX_CONDITION_DEPTH {
        c.add(
            loc,
            format!("met_when is nested {depth} deep; the most allowed is {MAX_CONDITION_DEPTH}. Simplify the test."),
        );
        return;
    }
    let refs = check.referenced_ids();
    if refs.len() > MAX_CONDITION_TERMS {
        c.add(
            loc,
            format!(
                "met_when looks at {} answers; the most allowed is {MAX_CONDITION_TERMS}. Simplify the test.",
                refs.len()
            ),
        );
        return;
    }
    let mut reported = HashSet::new();
    // With nothing read, "reads is empty" already says what to add.
    for r in refs.into_iter().filter(|_| !read.is_empty()) {
        if !read.contains(r) && q.question(r).is_some() && reported.insert(r) {
            c.add(
                loc,
                format!(
                    "met_when looks at \"{r}\", which is not in reads: add {{\"question\": \"{r}\"}} to reads, so the hub sees the answer the item depends on"
                ),
            );
        }
    }
    values(c, q, check, read, loc);
}

/// Walk the test: empty lists and comparisons that could never hold.
fn values(
    c: &mut Checker,
    q: &Questionnaire,
    check: &ChecklistTest,
    read: &HashSet<&str>,
    loc: &str,
) {
    // Questions outside `reads` are reported above (or as unknown in reads).
    let target = |id: &str| read.contains(id).then(|| q.question(id)).flatten();
    match check {
        ChecklistTest::Equals { question, value } => {
            if let Some(t) = target(question) {
                compare(c, q, (t, "met_when"), value, loc);
            }
        }
        ChecklistTest::OneOf { question, values } => {
            if values.is_empty() {
                c.add(
                    loc,
                    format!("met_when has a one_of on \"{}\" with no values, so it is never met: list the values that meet it", shorten(question)),
                );
            }
            if let Some(t) = target(question) {
                for v in values {
                    compare(c, q, (t, "met_when"), v, loc);
                }
            }
        }
        ChecklistTest::Answered { .. } => {}
        ChecklistTest::AtLeast { question, value } | ChecklistTest::AtMost { question, value } => {
            if let Some(t) = target(question) {
                ordered(c, q, t, value, loc);
            }
        }
        ChecklistTest::Not(inner) => values(c, q, inner, read, loc),
        ChecklistTest::All(list) | ChecklistTest::Any(list) => {
            if list.is_empty() {
                let name = if matches!(check, ChecklistTest::All(_)) {
                    "all"
                } else {
                    "any"
                };
                c.add(
                    loc,
                    format!("met_when has an empty \"{name}\" list: add tests to it or remove it"),
                );
            }
            for inner in list {
                values(c, q, inner, read, loc);
            }
        }
    }
}

/// `at_least` and `at_most` order numbers, dates and levels; say what fits `t`.
fn ordered(c: &mut Checker, q: &Questionnaire, t: &Question, value: &Value, loc: &str) {
    let id = &t.id;
    let shown = shorten(&value.to_string());
    let problem = match t.kind {
        T::Number => (!value.is_number()).then(|| {
            format!("met_when compares the number question \"{id}\" with {shown}: use a number without quotes, e.g. 60")
        }),
        T::Date => {
            let ok = value.as_str().is_some_and(|s| {
                s == TODAY || chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok()
            });
            (!ok).then(|| {
                format!("met_when compares the date question \"{id}\" with {shown}: use \"today\" (the day of the export) or a date as \"YYYY-MM-DD\"")
            })
        }
        T::Rating | T::Criterion => q.scale_of(t).and_then(|scale| {
            let ok = value.as_str().is_some_and(|s| scale.rank(s).is_some());
            (!ok).then(|| {
                let ids: Vec<&str> = scale.levels.iter().map(|l| l.id.as_str()).collect();
                format!(
                    "met_when compares \"{id}\" with {shown}, which is not a level of the scale \"{}\": use one of: {}",
                    scale.id,
                    ids.join(", ")
                )
            })
        }),
        other => Some(format!(
            "at_least and at_most compare numbers, dates and levels, but \"{id}\" is a {} question: use equals, one_of or answered instead",
            other.name()
        )),
    };
    if let Some(p) = problem {
        c.add(loc, p);
    }
}
