//! Turning what a teacher typed into a stored value, with messages that say what is wrong
//! and how to fix it. The TUI and plain mode both use these, so they agree word for word.

use chrono::NaiveDate;

use crate::questionnaire::{Question, QuestionType};

use super::AnswerValue;

/// The most text one answer may hold: about a book's chapter, far beyond any real answer,
/// and small enough that typing, saving and drawing stay quick.
pub const MAX_ANSWER_BYTES: usize = 1_000_000;

// E-mail and web addresses are checked by a leaf module that questionnaire validation uses too.
pub use crate::formats::{parse_email, parse_url};

/// Parse typed input for a question whose answer is typed (text, long_text, number, date,
/// url, email). Empty input means "no answer" and gives `Ok(None)`.
///
/// # Errors
/// A message for the teacher, e.g. "Please type a whole number, like 60."
pub fn parse_typed(q: &Question, input: &str) -> Result<Option<AnswerValue>, String> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    match q.kind {
        QuestionType::Text | QuestionType::LongText => {
            let text = if q.kind == QuestionType::Text {
                trimmed.to_string()
            } else {
                input.trim_end().to_string()
            };
            if let Some(msg) = too_long(&text) {
                return Err(msg);
            }
            if let Some(max) = q.max_length {
                let n = text.chars().count();
                if n > max {
                    return Err(format!(
                        "This answer is {n} characters long; the most allowed is {max}. Please shorten it."
                    ));
                }
            }
            Ok(Some(AnswerValue::Text(text)))
        }
        QuestionType::Number => parse_number(q, trimmed).map(Some),
        QuestionType::Date => {
            parse_date(trimmed).map(|d| Some(AnswerValue::Text(d.format("%Y-%m-%d").to_string())))
        }
        QuestionType::Url => parse_url(trimmed).map(|u| Some(AnswerValue::Text(u))),
        QuestionType::Email => parse_email(trimmed).map(|e| Some(AnswerValue::Text(e))),
        other => Err(format!(
            "A {} question is answered by choosing, not by typing.",
            other.name()
        )),
    }
}

fn parse_number(q: &Question, s: &str) -> Result<AnswerValue, String> {
    let cleaned: String = s.chars().filter(|c| *c != ',' && *c != '_').collect();
    let cleaned = cleaned.trim_end_matches('%').trim();
    let example = q.min.map_or(60.0, |m| m.max(1.0)).round();
    let x: f64 = cleaned.parse().map_err(|_| {
        if q.integer {
            format!("Please type a whole number, like {example}.")
        } else {
            format!("Please type a number, like {example}.")
        }
    })?;
    if !x.is_finite() {
        return Err("Please type an ordinary number.".to_string());
    }
    if q.integer && x.fract() != 0.0 {
        return Err(format!(
            "Please type a whole number (no decimals), like {example}."
        ));
    }
    let unit = q
        .unit
        .as_deref()
        .map(|u| format!(" {u}"))
        .unwrap_or_default();
    match (q.min, q.max) {
        (Some(min), Some(max)) if x < min || x > max => Err(format!(
            "Please type a number from {}{unit} to {}{unit}.",
            fmt_num(min),
            fmt_num(max)
        )),
        (Some(min), None) if x < min => Err(format!("Please type {}{unit} or more.", fmt_num(min))),
        (None, Some(max)) if x > max => Err(format!("Please type {}{unit} or less.", fmt_num(max))),
        _ => AnswerValue::number(x).ok_or_else(|| "Please type an ordinary number.".to_string()),
    }
}

/// Format a number without a needless `.0`.
pub fn fmt_num(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{x:.0}")
    } else {
        format!("{x}")
    }
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Accepts 23/11/2026, 23-11-2026, 23.11.2026, 2026-11-23, 23 Nov 2026 and 23 November 2026.
/// Day first, as in the UK: 01/02/2026 is 1 February.
///
/// # Errors
/// A message with examples of what works.
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    const HELP: &str = "Please type a date like 23/11/2026 or 23 Nov 2026.";
    let s = s.trim();
    // ISO only with a four-digit year first, so 23-11-26 is read day first.
    let iso_like = s.split('-').next().is_some_and(|y| y.len() == 4);
    if iso_like && let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Ok(d);
    }
    let parts: Vec<&str> = s
        .split(|c: char| c == '/' || c == '-' || c == '.' || c.is_whitespace() || c == ',')
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() != 3 {
        return Err(HELP.to_string());
    }
    let day: u32 = parts[0]
        .trim_end_matches(|c: char| c.is_ascii_alphabetic())
        .parse()
        .map_err(|_| HELP.to_string())?;
    let month: u32 = match parts[1].parse() {
        Ok(m) => m,
        Err(_) => {
            let word = parts[1].to_ascii_lowercase();
            let pos = MONTHS
                .iter()
                .position(|m| word.len() >= 3 && word.starts_with(m))
                .ok_or_else(|| HELP.to_string())?;
            u32::try_from(pos + 1).map_err(|_| HELP.to_string())?
        }
    };
    let mut year: i32 = parts[2].parse().map_err(|_| HELP.to_string())?;
    if parts[2].len() == 2 {
        year += 2000;
    }
    if !(1900..=2200).contains(&year) {
        return Err(format!("{year} does not look like the right year. {HELP}"));
    }
    NaiveDate::from_ymd_opt(year, month, day)
        .ok_or_else(|| format!("There is no such date. {HELP}"))
}

/// Show a stored ISO date day first: "23 Nov 2026". Unparseable text is shown as it is.
pub fn display_date(iso: &str) -> String {
    NaiveDate::parse_from_str(iso, "%Y-%m-%d")
        .map_or_else(|_| iso.to_string(), |d| d.format("%-d %b %Y").to_string())
}

/// Remove escape sequences (whole, with their parameters, in 7-bit and C1 form), other
/// control characters and bidi overrides from pasted or typed text; CRLF and CR become LF.
/// Tabs and newlines stay when `multiline` is set; a single-line box turns them into spaces.
pub fn sanitize(input: &str, multiline: bool) -> String {
    crate::text::clean_typed(input, multiline)
}

/// The size of an answer as stored, in bytes of text.
pub fn too_long(text: &str) -> Option<String> {
    (text.len() > MAX_ANSWER_BYTES).then(|| {
        format!(
            "This answer holds {} of text; the most an answer can hold is {}. Please shorten it, or keep the long text in a document and give its link here.",
            size_words(text.len()),
            size_words(MAX_ANSWER_BYTES)
        )
    })
}

/// A size in words for a message: "1 MB", "350 KB".
pub fn size_words(bytes: usize) -> String {
    if bytes >= 1_000_000 {
        let tenths = bytes / 100_000;
        if tenths.is_multiple_of(10) {
            format!("{} MB", tenths / 10)
        } else {
            format!("{}.{} MB", tenths / 10, tenths % 10)
        }
    } else {
        format!("{} KB", bytes.div_ceil(1_000))
    }
}
