//! Checks on `have_ready` and `time_needed`: short, plain lines a teacher reads before
//! starting.

use super::Checker;
use crate::questionnaire::Questionnaire;

/// Items in `have_ready`, at most: a longer list stops being a checklist.
pub const MAX_READY_ITEMS: usize = 20;
/// Characters in one item or in `time_needed`.
pub const MAX_READY_TEXT: usize = 200;

pub(super) fn check(c: &mut Checker, q: &Questionnaire) {
    if q.have_ready.len() > MAX_READY_ITEMS {
        c.add(
            "have_ready",
            format!(
                "the list has {} items; keep it to {MAX_READY_ITEMS} or fewer so it stays a checklist (group related facts in one item)",
                q.have_ready.len()
            ),
        );
    }
    for (i, item) in q.have_ready.iter().enumerate() {
        let loc = format!("have_ready › item {}", i + 1);
        if item.what.trim().is_empty() {
            c.add(
                &loc,
                "\"what\" is empty: say what to have ready, e.g. \"pupils on roll\"",
            );
        }
        for (field, text) in [("what", Some(&item.what)), ("who", item.who.as_ref())] {
            if let Some(t) = text
                && t.chars().count() > MAX_READY_TEXT
            {
                c.add(
                    &loc,
                    format!(
                        "\"{field}\" is {} characters long; keep it under {MAX_READY_TEXT}",
                        t.chars().count()
                    ),
                );
            }
        }
    }
    if let Some(t) = &q.time_needed {
        if t.trim().is_empty() {
            c.add("time_needed", "it is empty: say how long it usually takes, e.g. \"about 20 minutes\", or leave it out");
        } else if t.chars().count() > MAX_READY_TEXT {
            c.add(
                "time_needed",
                format!(
                    "it is longer than {MAX_READY_TEXT} characters; one short phrase is enough"
                ),
            );
        }
    }
}
