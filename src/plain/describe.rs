//! How a question is read out in plain mode: every line makes sense on its own, with no
//! symbols that a screen reader would spell out.

use crate::answers::display::{answer_text, evidence, target_text};
use crate::answers::parse::{fmt_num, is_percentage};
use crate::draft::Draft;
use crate::questionnaire::{
    ChoiceOption, Question, QuestionType, Questionnaire, Requirement, Role,
};

/// The level ids offered for a rating or criterion, in order, "not applicable" last, each
/// with its label and what it looks like.
pub fn levels(qn: &Questionnaire, q: &Question) -> Vec<(String, String)> {
    super::choose::scale_choices(qn, q, |l| match q.descriptors.get(&l.id) {
        Some(d) => format!("{}: {d}", l.label),
        None if !l.meaning.is_empty() => format!("{}: {}", l.label, l.meaning),
        None => l.label.clone(),
    })
}

/// What to type for a number, in words: "Type a whole number of minutes from 0 to 600."
fn number_instruction(q: &Question) -> String {
    if q.role == Some(Role::Urn) {
        return "Type the school's six-digit URN, for example 123456.".to_string();
    }
    let percent = is_percentage(q);
    let what = match (percent, q.integer) {
        (true, _) => "a percentage",
        (false, true) => "a whole number",
        (false, false) => "a number",
    };
    let unit = match q.unit.as_deref() {
        Some(u) if !percent => format!(" of {u}"),
        _ => String::new(),
    };
    match (q.min, q.max) {
        (Some(a), Some(b)) => format!("Type {what}{unit} from {} to {}.", fmt_num(a), fmt_num(b)),
        (Some(a), None) => format!("Type {what}{unit}, {} or more.", fmt_num(a)),
        (None, Some(b)) => format!("Type {what}{unit}, {} or less.", fmt_num(b)),
        (None, None) => format!("Type {what}{unit}."),
    }
}

/// What to type, in words.
pub fn instruction(qn: &Questionnaire, q: &Question) -> String {
    match q.kind {
        QuestionType::Text => "Type your answer on one line.".to_string(),
        QuestionType::LongText => "Type your answer. It can take several lines; finish with a line holding only a full stop. To use a command on the way, start it with a colon, for example :back.".to_string(),
        QuestionType::Number => number_instruction(q),
        QuestionType::Date => "Type a date, for example 23/11/2026.".to_string(),
        QuestionType::Url => "Type a web address starting with https.".to_string(),
        QuestionType::Email => "Type an e-mail address.".to_string(),
        QuestionType::SingleChoice => format!(
            "Type the number or the name of your choice, 1 to {}.",
            q.options.len()
        ),
        QuestionType::MultiChoice => format!(
            "Type the numbers or names of all that apply, separated by commas, for example 1, 3. Type clear to untick them all. There are {} choices.",
            q.options.len()
        ),
        QuestionType::YesNo => "Type yes or no.".to_string(),
        QuestionType::Rating | QuestionType::Criterion => format!(
            "Type the number or the name of the level, 1 to {}.",
            levels(qn, q).len()
        ),
    }
}

/// An option as read out: "12. No support needed at the moment, chosen on its own".
fn option_line(i: usize, o: &ChoiceOption) -> String {
    let mut line = format!("{}. {}", i + 1, o.label);
    if let Some(h) = &o.hint {
        line.push_str(&format!(", {h}"));
    }
    if o.exclusive {
        line.push_str(", chosen on its own");
    }
    if o.follow_up.is_some() {
        line.push_str(", then say what");
    }
    line
}

/// `text` as a sentence: a full stop added unless it already ends a sentence, so a read-back
/// of "We sing every day." never ends in two.
pub fn sentence(text: &str) -> String {
    let t = text.trim_end();
    let closed = t.trim_end_matches(['"', '\'', ')', '”', '’']);
    if closed.ends_with(['.', '!', '?', '…']) {
        t.to_string()
    } else {
        format!("{t}.")
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
                lines.push(option_line(i, o));
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
        return sentence(&format!("Unfinished answer typed earlier: {raw}"));
    }
    match draft.answers.get(&q.id).filter(|v| v.is_answered()) {
        None => "No answer yet.".to_string(),
        Some(v) => {
            let mut s = sentence(&format!("Current answer: {}", answer_text(qn, q, v)));
            if let Some(e) = evidence(v) {
                s.push(' ');
                s.push_str(&sentence(&format!("Evidence: {e}")));
            }
            if let Some(t) = target_text(qn, q, v) {
                s.push(' ');
                s.push_str(&sentence(&format!("Target: {t}")));
            }
            s
        }
    }
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

#[cfg(test)]
mod tests {
    use super::sentence;

    #[test]
    fn a_read_back_never_ends_in_two_full_stops() {
        assert_eq!(sentence("Current answer: Yes"), "Current answer: Yes.");
        assert_eq!(
            sentence("Current answer: We sing every day."),
            "Current answer: We sing every day."
        );
        assert_eq!(
            sentence("Evidence: is it working?"),
            "Evidence: is it working?"
        );
        assert_eq!(
            sentence("Evidence: (see the plan.)"),
            "Evidence: (see the plan.)"
        );
        assert_eq!(
            sentence("Current answer: 45 minutes "),
            "Current answer: 45 minutes."
        );
    }
}
