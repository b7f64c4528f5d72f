//! Generated questionnaires and drafts of any size, for benchmarks and scale tests.
//! They use every answer type so costs are realistic, and they pass validation.

use crate::answers::{AnswerValue, Answers, LevelAnswer};
use crate::questionnaire::Questionnaire;

/// A valid questionnaire with `questions` questions spread over sections of `per_section`.
pub fn questionnaire(questions: usize, per_section: usize) -> Questionnaire {
    let per_section = per_section.max(1);
    let mut sections = Vec::new();
    let mut n = 0;
    while n < questions {
        let mut qs = Vec::new();
        for _ in 0..per_section.min(questions - n) {
            qs.push(question(n));
            n += 1;
        }
        sections.push(serde_json::json!({
            "id": format!("s{}", sections.len()),
            "title": format!("Section {}", sections.len() + 1),
            "questions": qs,
        }));
    }
    let value = serde_json::json!({
        "format": "music-sef/questionnaire",
        "format_version": 1,
        "id": format!("synthetic-{questions}"),
        "version": "1",
        "title": format!("Synthetic questionnaire with {questions} questions"),
        "description": "Generated for benchmarks.",
        "scales": [{"id": "q", "not_applicable": true, "levels": [
            {"id": "l1", "label": "Not started", "meaning": "Nothing in place yet"},
            {"id": "l2", "label": "Emerging", "meaning": "Some practice"},
            {"id": "l3", "label": "Established", "meaning": "Consistent"},
            {"id": "l4", "label": "Thriving", "meaning": "Embedded and improving"}]}],
        "sections": sections,
        "scoring": {"section_summaries": {"scale": "q", "bands": [{"from": 1.0, "label": "Low"}]}}
    });
    // The JSON above is built to match the model; a mismatch is a bug in this file.
    serde_json::from_value(value).unwrap_or_else(|e| panic!("synthetic questionnaire: {e}"))
}

fn question(n: usize) -> serde_json::Value {
    let id = format!("q{n}");
    let prompt = format!("Question {n}: how well does this part of music provision work?");
    match n % 6 {
        0 => serde_json::json!({"id": id, "type": "rating", "scale": "q", "prompt": prompt,
            "guidance": "Think about the last full term.", "required": "recommended"}),
        1 => {
            serde_json::json!({"id": id, "type": "single_choice", "prompt": prompt, "required": "required",
            "options": [{"id": "a", "label": "Weekly"}, {"id": "b", "label": "Termly"}, {"id": "c", "label": "Never"}]})
        }
        2 => {
            serde_json::json!({"id": id, "type": "number", "prompt": prompt, "min": 0, "max": 600, "integer": true, "unit": "minutes"})
        }
        3 => serde_json::json!({"id": id, "type": "long_text", "prompt": prompt}),
        4 => serde_json::json!({"id": id, "type": "yes_no", "prompt": prompt,
            "show_if": {"answered": {"question": format!("q{}", n - 1)}}}),
        _ => serde_json::json!({"id": id, "type": "multi_choice", "prompt": prompt,
            "options": [{"id": "x", "label": "Choir"}, {"id": "y", "label": "Band"}, {"id": "z", "label": "Orchestra"}]}),
    }
}

/// Valid answers for every question of `q` that applies; long texts get `long_text_len`
/// characters.
pub fn answers(q: &Questionnaire, long_text_len: usize) -> Answers {
    use crate::questionnaire::QuestionType as T;
    let long: String = "Pupils sing every week and perform each term. "
        .chars()
        .cycle()
        .take(long_text_len)
        .collect();
    let mut out = Answers::new();
    // In order, answering only what applies given the answers so far, as a teacher would.
    for (_, question) in q.questions() {
        if !crate::answers::is_visible(question, &out) {
            continue;
        }
        let value = match question.kind {
            T::Text => AnswerValue::Text("Oakfield Primary School".into()),
            T::LongText => AnswerValue::Text(long.clone()),
            T::SingleChoice => AnswerValue::Text(
                question
                    .options
                    .first()
                    .map(|o| o.id.clone())
                    .unwrap_or_default(),
            ),
            T::MultiChoice => AnswerValue::List(
                question
                    .options
                    .iter()
                    .take(2)
                    .map(|o| o.id.clone())
                    .collect(),
            ),
            T::YesNo => AnswerValue::Bool(true),
            T::Number => AnswerValue::number(
                question
                    .min
                    .unwrap_or(0.0)
                    .max(1.0)
                    .min(question.max.unwrap_or(1e9)),
            )
            .unwrap_or(AnswerValue::Bool(true)),
            T::Date => AnswerValue::Text("2026-11-23".into()),
            T::Url => AnswerValue::Text("https://www.oakfield.sch.uk/music".into()),
            T::Email => AnswerValue::Text("music@oakfield.sch.uk".into()),
            T::Rating | T::Criterion => {
                let scale = q.scale_of(question);
                AnswerValue::Level(LevelAnswer {
                    level: scale.and_then(|s| s.levels.last()).map(|l| l.id.clone()),
                    evidence: Some("Seen in lesson visits and pupil voice.".into()),
                    target: None,
                })
            }
        };
        out.insert(question.id.clone(), value);
    }
    out
}
