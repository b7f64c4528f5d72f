//! The shared answer rules: what a teacher may type, how it is stored and shown, which
//! questions apply, and how progress and scores come out.

use music_sef::answers::parse::{parse_date, parse_typed, sanitize};
use music_sef::answers::{
    AnswerValue, Answers, LevelAnswer, check::check_value, display, is_visible, progress, scoring,
};
use music_sef::questionnaire::Questionnaire;

fn questionnaire() -> Questionnaire {
    serde_json::from_value(serde_json::json!({
        "format": "music-sef/questionnaire", "format_version": 1,
        "id": "t", "version": "1", "title": "T",
        "scales": [{"id": "q", "not_applicable": true, "levels": [
            {"id": "a", "label": "Not started"}, {"id": "b", "label": "Emerging"},
            {"id": "c", "label": "Established"}, {"id": "d", "label": "Thriving"}]},
            {"id": "award", "levels": [{"id": "not_yet", "label": "Not yet"},
            {"id": "bronze", "label": "Bronze"}, {"id": "silver", "label": "Silver"},
            {"id": "gold", "label": "Gold"}]}],
        "sections": [
            {"id": "s1", "title": "About", "questions": [
                {"id": "phase", "type": "single_choice", "prompt": "Phase", "required": "required",
                 "options": [{"id": "primary", "label": "Primary"}, {"id": "secondary", "label": "Secondary"}]},
                {"id": "gcse", "type": "yes_no", "prompt": "GCSE?", "required": "required",
                 "show_if": {"equals": {"question": "phase", "value": "secondary"}}},
                {"id": "minutes", "type": "number", "prompt": "Minutes", "min": 0, "max": 600,
                 "integer": true, "unit": "minutes", "required": "recommended"}
            ]},
            {"id": "s2", "title": "Quality", "questions": [
                {"id": "r1", "type": "rating", "prompt": "Singing", "scale": "q"},
                {"id": "r2", "type": "rating", "prompt": "Playing", "scale": "q"},
                {"id": "r3", "type": "rating", "prompt": "Composing", "scale": "q"}
            ]},
            {"id": "s3", "title": "Criteria", "questions": [
                {"id": "O1", "type": "criterion", "prompt": "O1", "scale": "award",
                 "descriptors": {"bronze": "b", "silver": "s", "gold": "g"}},
                {"id": "O2", "type": "criterion", "prompt": "O2", "scale": "award",
                 "descriptors": {"bronze": "b", "silver": "s", "gold": "g"}}
            ]}
        ],
        "scoring": {
            "section_summaries": {"scale": "q", "bands": [{"from": 1, "label": "Low"}, {"from": 2.5, "label": "Good"}]},
            "award": {"title": "Indicative award", "scale": "award", "method": "highest_level_all_reach", "no_award_levels": ["not_yet"]}
        }
    }))
    .expect("test questionnaire is valid")
}

fn level(l: &str) -> AnswerValue {
    AnswerValue::Level(LevelAnswer {
        level: Some(l.to_string()),
        ..LevelAnswer::default()
    })
}

#[test]
fn dates_are_read_day_first_in_the_usual_uk_ways() {
    for s in [
        "23/11/2026",
        "2026-11-23",
        "23 Nov 2026",
        "23 November 2026",
        "23.11.2026",
        "23-11-26",
    ] {
        let d = parse_date(s).unwrap_or_else(|e| panic!("{s}: {e}"));
        assert_eq!(d.to_string(), "2026-11-23", "{s}");
    }
    assert_eq!(
        parse_date("01/02/2026").map(|d| d.to_string()),
        Ok("2026-02-01".into())
    );
    let err = parse_date("31/02/2026").unwrap_err();
    assert!(err.contains("no such date"), "{err}");
    assert!(
        parse_date("next tuesday")
            .unwrap_err()
            .contains("23/11/2026")
    );
    assert_eq!(
        display::answer_text(
            &questionnaire(),
            &date_q(),
            &AnswerValue::Text("2026-11-03".into())
        ),
        "3 Nov 2026"
    );
}

fn date_q() -> music_sef::questionnaire::Question {
    serde_json::from_value(serde_json::json!({"id": "d", "type": "date", "prompt": "When?"}))
        .expect("valid")
}

#[test]
fn numbers_respect_range_and_whole_number_rules_with_helpful_messages() {
    let qn = questionnaire();
    let q = qn.question("minutes").expect("exists");
    assert_eq!(parse_typed(q, " 60 "), Ok(AnswerValue::number(60.0)));
    assert!(parse_typed(q, "60.5").unwrap_err().contains("whole number"));
    let err = parse_typed(q, "601").unwrap_err();
    assert!(err.contains("0 minutes to 600 minutes"), "{err}");
    assert!(
        parse_typed(q, "sixty")
            .unwrap_err()
            .contains("whole number")
    );
    assert_eq!(parse_typed(q, ""), Ok(None));
    // Stored as a JSON integer, not 60.0.
    let v = parse_typed(q, "60").expect("ok").expect("some");
    assert_eq!(serde_json::to_string(&v).expect("json"), "60");
    assert_eq!(display::answer_text(&qn, q, &v), "60 minutes");
}

#[test]
fn pasted_text_loses_whole_escape_sequences_bidi_overrides_and_control_characters() {
    // The C1 CSI (U+009B) goes with its parameters, as a terminal would read it.
    let pasted = "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31mHello\r\nworld\rnext\u{0}";
    assert_eq!(sanitize(pasted, true), "Hello\nworld\nnext");
    let c1 = "\u{9d}52;c;ZXZpbA==\u{9c}\u{90}1$r\u{9c}\u{9e}pm\u{9c}kept";
    assert_eq!(sanitize(c1, false), "kept");
    assert_eq!(
        sanitize("cost \u{202e}99.3\u{202c} \u{2067}x\u{2069}", false),
        "cost 99.3 x"
    );
    assert_eq!(sanitize("a\r\nb\tc", false), "a b c");
    assert_eq!(sanitize("emoji 🎵 and עברית", true), "emoji 🎵 and עברית");
}

#[test]
fn conditional_questions_follow_earlier_answers() {
    let qn = questionnaire();
    let gcse = qn.question("gcse").expect("exists");
    let mut answers = Answers::new();
    assert!(!is_visible(gcse, &answers));
    answers.insert("phase".into(), AnswerValue::Text("secondary".into()));
    assert!(is_visible(gcse, &answers));
    // Hidden questions do not count towards required answers.
    answers.insert("phase".into(), AnswerValue::Text("primary".into()));
    let p = progress::overall(&qn, &answers);
    assert_eq!(p.required_missing, 0);
    assert_eq!(p.recommended_missing, 1);
    answers.insert("phase".into(), AnswerValue::Text("secondary".into()));
    let missing = progress::missing(
        &qn,
        &answers,
        music_sef::questionnaire::Requirement::Required,
    );
    assert_eq!(
        missing
            .iter()
            .map(|(_, q)| q.id.as_str())
            .collect::<Vec<_>>(),
        ["gcse"]
    );
}

#[test]
fn section_summary_is_the_mean_of_answered_ratings_without_not_applicable() {
    let qn = questionnaire();
    let mut answers = Answers::new();
    answers.insert("r1".into(), level("c"));
    answers.insert("r2".into(), level("d"));
    answers.insert("r3".into(), level("not_applicable"));
    let s = scoring::section_summaries(&qn, &answers);
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].mean, Some(3.5));
    assert_eq!(s[0].rated, 2);
    assert_eq!(s[0].band.as_deref(), Some("Good"));
    assert_eq!(s[0].out_of, 4);
}

#[test]
fn award_is_the_highest_level_every_criterion_reaches() {
    let qn = questionnaire();
    let mut answers = Answers::new();
    answers.insert("O1".into(), level("gold"));
    let a = scoring::award(&qn, &answers).expect("rule");
    assert_eq!(a.level, None, "an unanswered criterion means no award yet");
    assert_eq!(a.unanswered, 1);
    answers.insert("O2".into(), level("silver"));
    let a = scoring::award(&qn, &answers).expect("rule");
    assert_eq!(a.level_label.as_deref(), Some("Silver"));
    assert_eq!(a.holding_back, ["O2"]);
    answers.insert("O2".into(), level("not_yet"));
    assert_eq!(scoring::award(&qn, &answers).expect("rule").level, None);
}

#[test]
fn stored_values_are_checked_against_their_question() {
    let qn = questionnaire();
    let phase = qn.question("phase").expect("exists");
    assert!(check_value(&qn, phase, &AnswerValue::Text("primary".into())).is_ok());
    assert!(
        check_value(&qn, phase, &AnswerValue::Text("nursery".into()))
            .unwrap_err()
            .contains("not one of")
    );
    assert!(check_value(&qn, phase, &AnswerValue::Bool(true)).is_err());
    let r1 = qn.question("r1").expect("exists");
    assert!(check_value(&qn, r1, &level("not_applicable")).is_ok());
    assert!(check_value(&qn, r1, &level("gold")).is_err());
}
