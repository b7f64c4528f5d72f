//! Numbers as teachers type them: "45 mins", "about 15", "roughly 60 min", "1 hour", "23%",
//! "1,200". Words are understood only where they cannot change the figure (the question's own
//! unit, "about"-style words before an estimate); anything else gets a message naming exactly
//! what to type, so a figure is never guessed.

use super::fmt_num;
use crate::answers::AnswerValue;
use crate::questionnaire::{Question, Role};

/// What a URN question says for anything but its six digits.
pub const URN_HELP: &str = "A URN has six digits, for example 123456.";

/// Words before an estimate that leave the figure as it is.
const ABOUT: [&str; 10] = [
    "about",
    "around",
    "roughly",
    "approximately",
    "approx.",
    "approx",
    "circa",
    "ca.",
    "c.",
    "~",
];
/// Words that make the figure a bound rather than a value: the teacher knows the estimate.
const BOUNDS: [&str; 14] = [
    "just over",
    "just under",
    "over",
    "more than",
    "above",
    "under",
    "less than",
    "fewer than",
    "below",
    "at least",
    "at most",
    "up to",
    "nearly",
    "almost",
];
/// Words that can only mean 0.
const ZERO: [&str; 4] = ["none", "zero", "nil", "nothing"];
const PERCENT: [&str; 5] = ["%", "percent", "per cent", "percentage", "pc"];
// No bare "m": it could as well be metres or months.
const MINUTES: [&str; 4] = ["minutes", "minute", "mins", "min"];
const HOURS: [&str; 5] = ["hours", "hour", "hrs", "hr", "h"];
/// Words for pupils, so "30 children" answers "how many pupils".
const PUPILS: [&str; 6] = [
    "pupils", "pupil", "children", "child", "students", "student",
];

/// Whether a number question asks for a percentage (its unit is "%", "percent" …), so
/// instructions can say "a percentage" rather than "a number of %".
pub fn is_percentage(q: &Question) -> bool {
    Unit::of(q) == Unit::Percent
}

/// The kind of unit a number question has, which decides the words it understands.
#[derive(Clone, Copy, PartialEq)]
enum Unit<'a> {
    Minutes(&'a str),
    Percent,
    Other(&'a str),
    None,
}

impl<'a> Unit<'a> {
    fn of(q: &'a Question) -> Self {
        match q.unit.as_deref().map(str::trim) {
            None | Some("") => Self::None,
            Some(u) if PERCENT.contains(&u.to_lowercase().as_str()) => Self::Percent,
            Some(u) if MINUTES.contains(&u.to_lowercase().as_str()) => Self::Minutes(u),
            Some(u) => Self::Other(u),
        }
    }

    /// What to type, for messages: "a whole number of minutes", "a percentage".
    fn what(self, q: &Question) -> String {
        let number = if q.integer {
            "a whole number"
        } else {
            "a number"
        };
        match self {
            Self::Percent => "a percentage".to_string(),
            Self::Minutes(u) | Self::Other(u) => format!("{number} of {u}"),
            Self::None => number.to_string(),
        }
    }

    /// What the words after the figure multiply it by: 1 for nothing or the question's own
    /// unit, 60 for hours on a question in minutes. Other words are refused.
    fn factor(self, q: &Question, rest: &str) -> Result<f64, String> {
        let rest = without_per_week(q, rest);
        if rest.is_empty() {
            return Ok(1.0);
        }
        let percent = PERCENT.contains(&rest);
        match self {
            Self::Percent if percent => Ok(1.0),
            Self::Minutes(_) if MINUTES.contains(&rest) => Ok(1.0),
            Self::Minutes(_) if HOURS.contains(&rest) => Ok(60.0),
            Self::Other(u) if same_word(u, rest) => Ok(1.0),
            _ if percent => Err(format!(
                "This question does not ask for a percentage. Please type {}, like {}.",
                self.what(q),
                example(q)
            )),
            _ => Err(help(q)),
        }
    }
}

/// Whether `typed` names the unit `unit`: the same word, singular or plural, or a word for
/// pupils when the unit is pupils.
fn same_word(unit: &str, typed: &str) -> bool {
    let unit = unit.to_lowercase();
    let stem = |w: &str| w.strip_suffix('s').unwrap_or(w).to_string();
    stem(&unit) == stem(typed) || (PUPILS.contains(&unit.as_str()) && PUPILS.contains(&typed))
}

/// "a week" and the like after the unit say nothing new when the prompt asks per week.
fn without_per_week<'s>(q: &Question, rest: &'s str) -> &'s str {
    if !q.prompt.to_lowercase().contains("week") {
        return rest;
    }
    for tail in [
        "a week",
        "per week",
        "each week",
        "every week",
        "weekly",
        "/week",
        "pw",
    ] {
        if let Some(r) = rest.strip_suffix(tail) {
            return r.trim();
        }
    }
    rest
}

/// "Please type a whole number of minutes, like 45."
fn help(q: &Question) -> String {
    format!("Please type {}, like {}.", Unit::of(q).what(q), example(q))
}

/// A sensible example inside the question's limits: 45 minutes, 25 %, 30 of anything else.
fn example(q: &Question) -> String {
    let base: f64 = match Unit::of(q) {
        Unit::Minutes(_) => 45.0,
        Unit::Percent => 25.0,
        Unit::Other(_) | Unit::None => 30.0,
    };
    let low = q.min.unwrap_or(f64::MIN);
    let high = q.max.unwrap_or(f64::MAX).max(low);
    fmt_num(base.clamp(low, high).round())
}

/// `s` without the word `w` at its start, when `w` is a whole word there.
fn strip_word<'s>(s: &'s str, w: &str) -> Option<&'s str> {
    let rest = s.strip_prefix(w)?;
    let whole = w.ends_with(['.', '~']) || rest.chars().next().is_none_or(|c| !c.is_alphabetic());
    whole.then(|| rest.trim_start())
}

/// The figure at the start of `s` ("1,200.5") and the words after it.
fn split_figure(s: &str) -> (&str, &str) {
    let end = s
        .char_indices()
        .find(|&(i, c)| !(c.is_ascii_digit() || c == ',' || c == '.' || (i == 0 && c == '-')))
        .map_or(s.len(), |(i, _)| i);
    (&s[..end], s[end..].trim())
}

/// Digits with commas only between groups of three ("1,200", not "1,2"), one decimal point.
fn figure_value(figure: &str) -> Option<f64> {
    let figure = figure.trim_end_matches('.');
    let (whole, _) = figure.split_once('.').unwrap_or((figure, ""));
    let groups: Vec<&str> = whole.trim_start_matches('-').split(',').collect();
    let grouped =
        groups.len() == 1 || (groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3));
    if !grouped || figure.matches('.').count() > 1 {
        return None;
    }
    figure.replace(',', "").parse().ok()
}

/// The value typed, before its limits are checked.
fn read_figure(q: &Question, input: &str) -> Result<f64, String> {
    let lower = input.trim().to_lowercase();
    let mut s = lower.as_str();
    if ZERO.contains(&s) {
        return Ok(0.0);
    }
    if BOUNDS.iter().any(|b| strip_word(s, b).is_some()) {
        return Err(format!(
            "Please type your best estimate as one number, like {}.",
            example(q)
        ));
    }
    if let Some(rest) = ABOUT.iter().find_map(|w| strip_word(s, w)) {
        s = rest;
    }
    if matches!(Unit::of(q), Unit::Minutes(_)) && matches!(s, "an hour" | "one hour") {
        return Ok(60.0);
    }
    let (figure, rest) = split_figure(s);
    let value = figure_value(figure).ok_or_else(|| help(q))?;
    let range = ["-", "–", "to ", "or ", "/"].iter().any(|m| {
        rest.strip_prefix(m)
            .is_some_and(|r| r.trim_start().starts_with(|c: char| c.is_ascii_digit()))
    });
    if range {
        return Err(format!(
            "Please type one number, not a range: if it varies, type a typical figure, like {}.",
            example(q)
        ));
    }
    if rest == "+" || rest == "plus" {
        return Err(format!(
            "Please type your best estimate as one number, like {}.",
            example(q)
        ));
    }
    Ok(value * Unit::of(q).factor(q, rest.trim_end_matches('.'))?)
}

/// A typed number for `q`: read, then checked against whole numbers, min and max.
pub(super) fn parse_number(q: &Question, input: &str) -> Result<AnswerValue, String> {
    if q.role == Some(Role::Urn) {
        return parse_urn(q, input);
    }
    let x = read_figure(q, input)?;
    within_limits(q, x)
}

/// A URN: its digits, perhaps typed with spaces or after "URN". Anything else, and a number
/// outside the question's limits, gets the one message that says what a URN looks like.
fn parse_urn(q: &Question, input: &str) -> Result<AnswerValue, String> {
    let lower = input.trim().to_lowercase();
    let rest = lower
        .strip_prefix("urn")
        .map_or(lower.as_str(), |r| r.trim_start_matches([':', ' ']));
    let digits: String = rest.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(URN_HELP.to_string());
    }
    let x: f64 = digits.parse().map_err(|_| URN_HELP.to_string())?;
    within_limits(q, x).map_err(|_| URN_HELP.to_string())
}

/// Whole numbers, min and max, with the unit in the message ("from 0 minutes to 600 minutes").
fn within_limits(q: &Question, x: f64) -> Result<AnswerValue, String> {
    if !x.is_finite() {
        return Err("Please type an ordinary number.".to_string());
    }
    let unit = Unit::of(q);
    if q.integer && x.fract() != 0.0 {
        let what = match unit {
            Unit::Percent => "a whole-number percentage".to_string(),
            _ => unit.what(q),
        };
        return Err(format!(
            "Please type {what} (no decimals), like {}.",
            example(q)
        ));
    }
    let with_unit = |v: f64| match unit {
        Unit::Percent => format!("{}%", fmt_num(v)),
        Unit::Minutes(u) | Unit::Other(u) => format!("{} {u}", fmt_num(v)),
        Unit::None => fmt_num(v),
    };
    match (q.min, q.max) {
        (Some(min), Some(max)) if x < min || x > max => Err(format!(
            "Please type a number from {} to {}.",
            with_unit(min),
            with_unit(max)
        )),
        (Some(min), None) if x < min => Err(format!("Please type {} or more.", with_unit(min))),
        (None, Some(max)) if x > max => Err(format!("Please type {} or less.", with_unit(max))),
        _ => AnswerValue::number(x).ok_or_else(|| "Please type an ordinary number.".to_string()),
    }
}

#[cfg(test)]
mod tests;
