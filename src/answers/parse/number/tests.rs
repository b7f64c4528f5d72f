//! Numbers as a music lead types them, against questions like the shipped ones.

use serde_json::json;

use super::URN_HELP;
use crate::answers::AnswerValue;
use crate::answers::parse::parse_typed;
use crate::questionnaire::Question;

fn question(extra: serde_json::Value) -> Question {
    let mut q = json!({"id": "q", "type": "number", "prompt": "How many?"});
    if let (Some(q), Some(extra)) = (q.as_object_mut(), extra.as_object()) {
        q.extend(extra.clone());
    }
    serde_json::from_value(q).expect("a question")
}

fn minutes() -> Question {
    question(
        json!({"prompt": "Key stage 2: minutes of music per class in a typical week",
        "min": 0, "max": 600, "integer": true, "unit": "minutes"}),
    )
}

fn percent() -> Question {
    question(json!({"min": 0, "max": 100, "integer": true, "unit": "%"}))
}

fn pupils() -> Question {
    question(json!({"min": 0, "max": 5000, "integer": true, "unit": "pupils"}))
}

fn value(q: &Question, typed: &str) -> Result<f64, String> {
    match parse_typed(q, typed)? {
        Some(AnswerValue::Number(n)) => n.as_f64().ok_or_else(|| "not a number".to_string()),
        other => Err(format!("unexpected {other:?}")),
    }
}

#[test]
fn minutes_with_their_unit_and_about_words_are_understood() {
    let q = minutes();
    for (typed, expected) in [
        ("45", 45.0),
        ("45 mins", 45.0),
        ("45 minutes", 45.0),
        ("45mins", 45.0),
        ("45 min.", 45.0),
        ("about 15", 15.0),
        ("roughly 60 min", 60.0),
        ("approx. 30 minutes", 30.0),
        ("around 90 minutes a week", 90.0),
        ("~40", 40.0),
        ("1 hour", 60.0),
        ("1.5 hours", 90.0),
        ("an hour", 60.0),
        ("none", 0.0),
    ] {
        assert_eq!(value(&q, typed), Ok(expected), "{typed}");
    }
}

#[test]
fn anything_unclear_names_exactly_what_to_type() {
    let q = minutes();
    for typed in ["45 seconds", "lots", "forty", "45 pupils", "1e3"] {
        assert_eq!(
            value(&q, typed),
            Err("Please type a whole number of minutes, like 45.".to_string()),
            "{typed}"
        );
    }
    let range = value(&q, "30-45").expect_err("a range");
    assert!(range.contains("one number, not a range"), "{range}");
    assert!(value(&q, "about 15 or 20").is_err());
    let bound = value(&q, "over 200").expect_err("a bound");
    assert!(bound.contains("best estimate as one number"), "{bound}");
    assert_eq!(
        value(&q, "45.5"),
        Err("Please type a whole number of minutes (no decimals), like 45.".to_string())
    );
    assert_eq!(
        value(&q, "700"),
        Err("Please type a number from 0 minutes to 600 minutes.".to_string())
    );
}

#[test]
fn a_percent_sign_only_counts_where_the_question_asks_for_a_percentage() {
    assert_eq!(value(&percent(), "23%"), Ok(23.0));
    assert_eq!(value(&percent(), "about 23 per cent"), Ok(23.0));
    assert_eq!(
        value(&percent(), "123%"),
        Err("Please type a number from 0% to 100%.".to_string())
    );
    let err = value(&pupils(), "23%").expect_err("not a percentage question");
    assert_eq!(
        err,
        "This question does not ask for a percentage. Please type a whole number of pupils, like 30."
    );
    assert!(value(&minutes(), "23%").is_err());
}

#[test]
fn pupils_may_be_called_children_and_thousands_may_have_commas() {
    let q = pupils();
    assert_eq!(value(&q, "30 children"), Ok(30.0));
    assert_eq!(value(&q, "1 pupil"), Ok(1.0));
    assert_eq!(value(&q, "1,200"), Ok(1200.0));
    // A comma that is not a thousands separator is not silently dropped.
    assert!(value(&q, "1,2").is_err());
}

#[test]
fn a_urn_has_its_own_message() {
    let q = question(json!({"min": 100_000, "max": 999_999, "integer": true, "role": "urn"}));
    assert_eq!(value(&q, "123456"), Ok(123_456.0));
    assert_eq!(value(&q, "URN 123 456"), Ok(123_456.0));
    for typed in ["12A456", "12", "1234567", "123456.5", "about 123456"] {
        assert_eq!(value(&q, typed), Err(URN_HELP.to_string()), "{typed}");
    }
}
