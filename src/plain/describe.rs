//! How a question is read out in plain mode: every line makes sense on its own, with no
//! symbols that a screen reader would spell out.

use crate::answers::AnswerValue;
use crate::answers::display::{answer_text, evidence, target_text};
use crate::answers::parse::fmt_num;
use crate::draft::Draft;
use crate::questionnaire::{NOT_APPLICABLE, Question, QuestionType, Questionnaire, Requirement};

/// The level ids offered for a rating or criterion, in order, "not applicable" last.
pub fn levels(qn: &Questionnaire, q: &Question) -> Vec<(String, String)> {
    let Some(scale) = qn.scale_of(q) else {
        return Vec::new();
    };
    let mut out: Vec<(String, String)> = scale
        .levels
        .iter()
        .map(|l| {
            let text = match q.descriptors.get(&l.id) {
                Some(d) => format!("{}: {d}", l.label),
                None if !l.meaning.is_empty() => format!("{}: {}", l.label, l.meaning),
                None => l.label.clone(),
            };
            (l.id.clone(), text)
        })
        .collect();
    if scale.not_applicable {
        out.push((NOT_APPLICABLE.to_string(), "Not applicable".to_string()));
    }
    out
}

/// What to type, in words.
pub fn instruction(qn: &Questionnaire, q: &Question) -> String {
    match q.kind {
        QuestionType::Text => "Type your answer on one line.".to_string(),
        QuestionType::LongText => "Type your answer. It can take several lines; finish with a line holding only a full stop.".to_string(),
        QuestionType::Number => {
            let what = if q.integer { "a whole number" } else { "a number" };
            let unit = q.unit.as_deref().map(|u| format!(" of {u}")).unwrap_or_default();
            match (q.min, q.max) {
                (Some(a), Some(b)) => format!("Type {what}{unit} from {} to {}.", fmt_num(a), fmt_num(b)),
                (Some(a), None) => format!("Type {what}{unit}, {} or more.", fmt_num(a)),
                (None, Some(b)) => format!("Type {what}{unit}, {} or less.", fmt_num(b)),
                (None, None) => format!("Type {what}{unit}."),
            }
        }
        QuestionType::Date => "Type a date, for example 23/11/2026.".to_string(),
        QuestionType::Url => "Type a web address starting with https.".to_string(),
        QuestionType::Email => "Type an e-mail address.".to_string(),
        QuestionType::SingleChoice => format!("Type the number of your choice, 1 to {}.", q.options.len()),
        QuestionType::MultiChoice => format!(
            "Type the numbers of all that apply, separated by commas, for example 1, 3. Type none to clear. There are {} choices.",
            q.options.len()
        ),
        QuestionType::YesNo => "Type yes or no.".to_string(),
        QuestionType::Rating | QuestionType::Criterion => {
            format!("Type the number of the level, 1 to {}.", levels(qn, q).len())
        }
    }
}

/// The lines read before the answer is typed.
pub fn question_lines(
    qn: &Questionnaire,
    draft: &Draft,
    q: &Question,
    section: usize,
    pos: usize,
    count: usize,
) -> Vec<String> {
    let s = &qn.sections[section];
    let need = match q.required {
        Requirement::Required => "Required.",
        Requirement::Recommended => "Recommended.",
        Requirement::Optional => "Optional.",
    };
    let mut lines = vec![
        String::new(),
        format!(
            "Section {} of {}, {}. Question {} of {count}. {need}",
            section + 1,
            qn.sections.len(),
            s.title,
            pos + 1
        ),
        q.prompt.clone(),
    ];
    match q.kind {
        QuestionType::SingleChoice | QuestionType::MultiChoice => {
            for (i, o) in q.options.iter().enumerate() {
                let hint = o
                    .hint
                    .as_deref()
                    .map(|h| format!(", {h}"))
                    .unwrap_or_default();
                lines.push(format!("{}. {}{hint}", i + 1, o.label));
            }
        }
        QuestionType::Rating => {
            for (i, (_, text)) in levels(qn, q).iter().enumerate() {
                lines.push(format!("{}. {text}", i + 1));
            }
        }
        QuestionType::Criterion => {
            for (i, (_, text)) in levels(qn, q).iter().enumerate() {
                lines.push(format!("Level {}. {text}", i + 1));
            }
        }
        _ => {}
    }
    lines.push(current_answer(qn, draft, q));
    if let Some(c) = draft
        .carried_over
        .as_ref()
        .filter(|_| draft.is_unconfirmed(&q.id))
    {
        lines.push(format!(
            "This answer is from {}. Press Enter to confirm it, or type a new answer.",
            c.from_date.format("%-d %B %Y")
        ));
    }
    if q.guidance.is_some() {
        lines.push("Guidance is available: type a question mark.".to_string());
    }
    lines.push(instruction(qn, q));
    lines
}

pub fn current_answer(qn: &Questionnaire, draft: &Draft, q: &Question) -> String {
    if let Some(raw) = draft.unfinished.get(&q.id) {
        return format!("Unfinished answer typed earlier: {raw}.");
    }
    match draft.answers.get(&q.id).filter(|v| v.is_answered()) {
        None => "No answer yet.".to_string(),
        Some(v) => {
            let mut s = format!("Current answer: {}.", answer_text(qn, q, v));
            if let Some(e) = evidence(v) {
                s.push_str(&format!(" Evidence: {e}."));
            }
            if let Some(t) = target_text(qn, q, v) {
                s.push_str(&format!(" Target: {t}."));
            }
            s
        }
    }
}

/// Parse a choice answer typed as numbers.
///
/// # Errors
/// A message saying what to type instead.
pub fn parse_choice(q: &Question, input: &str) -> Result<AnswerValue, String> {
    let n = q.options.len();
    let pick = |t: &str| -> Result<String, String> {
        t.trim()
            .parse::<usize>()
            .ok()
            .filter(|i| (1..=n).contains(i))
            .map(|i| q.options[i - 1].id.clone())
            .or_else(|| {
                q.options
                    .iter()
                    .find(|o| o.label.eq_ignore_ascii_case(t.trim()))
                    .map(|o| o.id.clone())
            })
            .ok_or_else(|| format!("Please type a number from 1 to {n}."))
    };
    if q.kind == QuestionType::MultiChoice {
        let mut ids = Vec::new();
        for part in input.split([',', ' ']).filter(|p| !p.trim().is_empty()) {
            let id = pick(part)?;
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        ids.sort_by_key(|id| q.options.iter().position(|o| &o.id == id));
        return Ok(AnswerValue::List(ids));
    }
    pick(input).map(AnswerValue::Text)
}

/// yes / no in the usual spellings.
///
/// # Errors
/// Anything else.
pub fn parse_yes_no(input: &str) -> Result<bool, String> {
    match input.trim().to_ascii_lowercase().as_str() {
        "y" | "yes" | "1" | "true" => Ok(true),
        "n" | "no" | "2" | "false" => Ok(false),
        _ => Err("Please type yes or no.".to_string()),
    }
}
