//! Which options of a multi_choice answer can go together: an `exclusive` option ("No support
//! needed at the moment") goes on its own, so ticking it clears the others and ticking another
//! clears it. The full-screen view (ticking one option) and plain mode (typing a set) both go
//! through [`go_together`], so the rule is written once.

use crate::questionnaire::Question;

/// What ticking or unticking one option did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Toggled {
    /// The options ticked now, in the question's order.
    pub ticked: Vec<String>,
    /// Options that were ticked before and were unticked because they cannot go with the one
    /// just ticked, in the question's order.
    pub cleared: Vec<String>,
}

fn is_exclusive(q: &Question, id: &str) -> bool {
    q.option(id).is_some_and(|o| o.exclusive)
}

/// Whether options `a` and `b` of `q` can be ticked together: always, unless one of two
/// different options goes on its own.
pub fn go_together(q: &Question, a: &str, b: &str) -> bool {
    a == b || !(is_exclusive(q, a) || is_exclusive(q, b))
}

/// The options in the question's order, unknown ids (from an older file) last.
fn in_order(q: &Question, ids: &mut [String]) {
    ids.sort_by_key(|id| {
        q.options
            .iter()
            .position(|o| &o.id == id)
            .unwrap_or(usize::MAX)
    });
}

/// Tick `option` if it is not ticked, else untick it. Ticking clears whatever cannot go with
/// it (see [`go_together`]); [`Toggled::message`] says so in words.
pub fn toggle_option(q: &Question, ticked: &[String], option: &str) -> Toggled {
    if ticked.iter().any(|t| t == option) {
        return Toggled {
            ticked: ticked.iter().filter(|t| *t != option).cloned().collect(),
            cleared: Vec::new(),
        };
    }
    let (mut kept, mut cleared): (Vec<String>, Vec<String>) = ticked
        .iter()
        .cloned()
        .partition(|t| go_together(q, t, option));
    kept.push(option.to_string());
    in_order(q, &mut kept);
    in_order(q, &mut cleared);
    Toggled {
        ticked: kept,
        cleared,
    }
}

/// A whole set of options chosen at once (plain mode types them), in the question's order.
///
/// # Errors
/// Two of them cannot go together: a message naming the one that goes on its own.
pub fn choose_options(q: &Question, ids: &[String]) -> Result<Vec<String>, String> {
    for (i, a) in ids.iter().enumerate() {
        if let Some(b) = ids[i + 1..].iter().find(|b| !go_together(q, a, b)) {
            let alone = if is_exclusive(q, a) { a } else { b };
            return Err(format!(
                "{} goes on its own: choose it alone, or leave it out and choose the others.",
                quoted(q, alone)
            ));
        }
    }
    let mut out = ids.to_vec();
    out.dedup();
    in_order(q, &mut out);
    Ok(out)
}

fn quoted(q: &Question, id: &str) -> String {
    format!("“{}”", q.option(id).map_or(id, |o| o.label.as_str()))
}

impl Toggled {
    /// What ticking `option` cleared, for the message line; None when nothing was cleared.
    /// "“No support needed at the moment” goes on its own, so “Training” and “Instruments”
    /// were unticked." or "“No support needed at the moment” was unticked: it goes on its own."
    pub fn message(&self, q: &Question, option: &str) -> Option<String> {
        if self.cleared.is_empty() {
            return None;
        }
        let names: Vec<String> = self.cleared.iter().map(|id| quoted(q, id)).collect();
        let list = match names.as_slice() {
            [one] => one.clone(),
            [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
            [] => String::new(),
        };
        let were = if names.len() == 1 { "was" } else { "were" };
        Some(if is_exclusive(q, option) {
            format!(
                "{} goes on its own, so {list} {were} unticked.",
                quoted(q, option)
            )
        } else {
            format!("{list} {were} unticked: it goes on its own.")
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{choose_options, toggle_option};
    use crate::questionnaire::Question;

    fn support() -> Question {
        serde_json::from_value(serde_json::json!({
            "id": "support", "type": "multi_choice", "prompt": "What support would you like?",
            "options": [
                {"id": "training", "label": "Training for staff"},
                {"id": "instruments", "label": "Instruments"},
                {"id": "none", "label": "No support needed at the moment", "exclusive": true}
            ]
        }))
        .expect("a question")
    }

    fn ids(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_string()).collect()
    }

    #[test]
    fn ticking_no_support_needed_clears_the_others_and_the_others_clear_it() {
        let q = support();
        let t = toggle_option(&q, &ids(&["instruments", "training"]), "none");
        assert_eq!(t.ticked, ids(&["none"]));
        assert_eq!(t.cleared, ids(&["training", "instruments"]));
        assert_eq!(
            t.message(&q, "none").as_deref(),
            Some(
                "“No support needed at the moment” goes on its own, so “Training for staff” and “Instruments” were unticked."
            )
        );
        let t = toggle_option(&q, &ids(&["none"]), "training");
        assert_eq!(t.ticked, ids(&["training"]));
        assert_eq!(
            t.message(&q, "training").as_deref(),
            Some("“No support needed at the moment” was unticked: it goes on its own.")
        );
        let t = toggle_option(&q, &ids(&["training"]), "instruments");
        assert_eq!(t.message(&q, "instruments"), None);
        assert_eq!(t.ticked, ids(&["training", "instruments"]));
        let t = toggle_option(&q, &ids(&["training", "instruments"]), "training");
        assert_eq!(t.ticked, ids(&["instruments"]));
    }

    #[test]
    fn a_typed_set_with_an_option_that_goes_alone_is_refused() {
        let q = support();
        assert_eq!(
            choose_options(&q, &ids(&["instruments", "training"])),
            Ok(ids(&["training", "instruments"]))
        );
        assert_eq!(choose_options(&q, &ids(&["none"])), Ok(ids(&["none"])));
        let err = choose_options(&q, &ids(&["training", "none"])).expect_err("clash");
        assert!(
            err.starts_with("“No support needed at the moment” goes on its own"),
            "{err}"
        );
    }
}
