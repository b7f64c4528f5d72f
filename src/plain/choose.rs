//! Choices typed in plain mode: by number, or by name ("primary" picks "Primary school"). A
//! name that fits several choices is refused with those choices listed, so nothing is guessed.
//! The exclusive-option rule is the one in `answers::choice`, as in the full-screen view.

use crate::answers::AnswerValue;
use crate::answers::choice::choose_options;
use crate::questionnaire::{Level, NOT_APPLICABLE, Question, QuestionType, Questionnaire};

/// Lower-case words, with anything that is not a letter or a digit a gap.
fn words(s: &str) -> Vec<String> {
    s.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether every typed word starts a word of the label, in the label's order.
fn starts_words(typed: &[String], label: &[String]) -> bool {
    let mut rest = label.iter();
    typed
        .iter()
        .all(|t| rest.any(|l| l.starts_with(t.as_str())))
}

/// The choice `typed` names among `(id, label)` pairs: its number (1 first), its label or id
/// in full, or the starts of its label's words.
///
/// # Errors
/// What to type instead, listing the choices a name fits when it fits more than one.
pub fn pick<'a>(choices: &'a [(String, String)], typed: &str) -> Result<&'a str, String> {
    let n = choices.len();
    let typed = typed.trim();
    if let Some(i) = typed.parse::<usize>().ok().filter(|i| (1..=n).contains(i)) {
        return Ok(&choices[i - 1].0);
    }
    let tw = words(typed);
    if tw.is_empty() {
        return Err(format!(
            "Please type a number from 1 to {n}, or the name of a choice."
        ));
    }
    if let Some((id, _)) = choices
        .iter()
        .find(|(id, label)| words(label) == tw || words(id) == tw)
    {
        return Ok(id);
    }
    let fits: Vec<usize> = (0..n)
        .filter(|&i| starts_words(&tw, &words(&choices[i].1)))
        .collect();
    match fits.as_slice() {
        [one] => Ok(&choices[*one].0),
        [] => Err(format!(
            "“{typed}” is not one of the choices. Please type a number from 1 to {n}, or the name of a choice."
        )),
        many => Err(format!(
            "“{typed}” fits more than one choice: {}. Please type the number of the one you mean.",
            many.iter()
                .map(|&i| format!("{} {}", i + 1, choices[i].1))
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// The options of a choice question as `(id, label)` pairs.
pub fn options(q: &Question) -> Vec<(String, String)> {
    q.options
        .iter()
        .map(|o| (o.id.clone(), o.label.clone()))
        .collect()
}

/// The levels of a rating or criterion as `(id, label)` pairs, "Not applicable" last.
pub fn levels(qn: &Questionnaire, q: &Question) -> Vec<(String, String)> {
    scale_choices(qn, q, |l| l.label.clone())
}

/// The levels of a rating or criterion as `(id, text)` pairs, the text made by `text`, with
/// "Not applicable" last when the scale offers it.
pub fn scale_choices(
    qn: &Questionnaire,
    q: &Question,
    text: impl Fn(&Level) -> String,
) -> Vec<(String, String)> {
    let Some(scale) = qn.scale_of(q) else {
        return Vec::new();
    };
    let mut out: Vec<(String, String)> = scale
        .levels
        .iter()
        .map(|l| (l.id.clone(), text(l)))
        .collect();
    if scale.not_applicable {
        out.push((NOT_APPLICABLE.to_string(), "Not applicable".to_string()));
    }
    out
}

/// The numbers in `part` when it holds only numbers ("1 3"), else None.
fn numbers(part: &str) -> Option<Vec<&str>> {
    let list: Vec<&str> = part.split_whitespace().collect();
    (list.len() > 1 && list.iter().all(|w| w.chars().all(|c| c.is_ascii_digit()))).then_some(list)
}

/// The options named by one comma-separated part: numbers, one name, or names joined by "and".
fn part_ids(choices: &[(String, String)], part: &str) -> Result<Vec<String>, String> {
    if let Some(list) = numbers(part) {
        return list
            .iter()
            .map(|w| pick(choices, w).map(str::to_string))
            .collect();
    }
    match pick(choices, part) {
        Ok(id) => Ok(vec![id.to_string()]),
        Err(e) if part.contains(" and ") => part
            .split(" and ")
            .map(|p| pick(choices, p).map(str::to_string))
            .collect::<Result<_, _>>()
            .map_err(|_| e),
        Err(e) => Err(e),
    }
}

/// A choice answer typed as numbers or names. For a multi_choice, several separated by commas
/// (or spaces between numbers, or "and"); an option that goes on its own must be alone.
///
/// # Errors
/// A message saying what to type instead.
pub fn parse_choice(q: &Question, input: &str) -> Result<AnswerValue, String> {
    let choices = options(q);
    if q.kind != QuestionType::MultiChoice {
        return pick(&choices, input).map(|id| AnswerValue::Text(id.to_string()));
    }
    // The whole line first: a label may hold a comma ("Guitar, bass or ukulele").
    let mut ids = match pick(&choices, input) {
        Ok(id) if numbers(input).is_none() => vec![id.to_string()],
        _ => {
            let mut ids = Vec::new();
            for part in input.split([',', ';']).filter(|p| !p.trim().is_empty()) {
                ids.extend(part_ids(&choices, part)?);
            }
            ids
        }
    };
    let mut seen = Vec::new();
    ids.retain(|id| {
        let new = !seen.contains(id);
        seen.push(id.clone());
        new
    });
    choose_options(q, &ids).map(AnswerValue::List)
}

#[cfg(test)]
mod tests {
    use super::{parse_choice, pick};
    use crate::answers::AnswerValue;
    use crate::questionnaire::Question;

    fn phase() -> Vec<(String, String)> {
        [
            ("infant_first", "Infant or first school"),
            ("primary", "Primary school"),
            ("junior", "Junior school"),
            ("secondary", "Secondary school"),
        ]
        .iter()
        .map(|(a, b)| ((*a).to_string(), (*b).to_string()))
        .collect()
    }

    #[test]
    fn a_choice_is_picked_by_number_name_or_the_start_of_its_words() {
        let p = phase();
        assert_eq!(pick(&p, "2"), Ok("primary"));
        assert_eq!(pick(&p, "Primary"), Ok("primary"));
        assert_eq!(pick(&p, "primary school"), Ok("primary"));
        assert_eq!(pick(&p, "sec"), Ok("secondary"));
        assert_eq!(pick(&p, "first"), Ok("infant_first"));
        let err = pick(&p, "school").expect_err("ambiguous");
        assert_eq!(
            err,
            "“school” fits more than one choice: 1 Infant or first school, 2 Primary school, 3 Junior school, 4 Secondary school. Please type the number of the one you mean."
        );
        assert!(
            pick(&p, "college")
                .expect_err("none")
                .contains("not one of the choices")
        );
        assert!(pick(&p, "9").is_err());
    }

    #[test]
    fn several_choices_by_name_and_number_and_a_label_with_a_comma() {
        let q: Question = serde_json::from_value(serde_json::json!({
            "id": "lessons", "type": "multi_choice", "prompt": "Which lessons?",
            "options": [
                {"id": "strings", "label": "Strings"},
                {"id": "brass", "label": "Brass"},
                {"id": "guitar", "label": "Guitar, bass or ukulele"},
                {"id": "none", "label": "None at present", "exclusive": true}
            ]
        }))
        .expect("a question");
        let list = |v: &[&str]| AnswerValue::List(v.iter().map(|s| (*s).to_string()).collect());
        assert_eq!(parse_choice(&q, "1 2"), Ok(list(&["strings", "brass"])));
        assert_eq!(
            parse_choice(&q, "brass, strings"),
            Ok(list(&["strings", "brass"]))
        );
        assert_eq!(
            parse_choice(&q, "strings and brass"),
            Ok(list(&["strings", "brass"]))
        );
        assert_eq!(
            parse_choice(&q, "Guitar, bass or ukulele"),
            Ok(list(&["guitar"]))
        );
        assert_eq!(parse_choice(&q, "none"), Ok(list(&["none"])));
        assert!(
            parse_choice(&q, "1, 4")
                .expect_err("alone")
                .contains("goes on its own")
        );
    }
}
