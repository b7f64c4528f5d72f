//! The checklist's verdicts on a small questionnaire: numbers, dates, levels, questions that
//! do not apply, missing answers, and what to look at.

use chrono::NaiveDate;

use super::{Status, evaluate, tally};
use crate::answers::{AnswerValue, Answers, LevelAnswer};
use crate::questionnaire::Questionnaire;

fn questionnaire() -> Questionnaire {
    let v = serde_json::json!({
        "format": "music-sef/questionnaire", "format_version": 1, "id": "t", "version": "1",
        "title": "T",
        "scales": [{"id": "q", "not_applicable": true, "levels": [
            {"id": "low", "label": "Low"}, {"id": "mid", "label": "Mid"}, {"id": "high", "label": "High"}]}],
        "sections": [{"id": "s", "title": "S", "questions": [
            {"id": "stages", "type": "multi_choice", "prompt": "Stages",
             "options": [{"id": "ks1", "label": "KS1"}, {"id": "ks2", "label": "KS2"}]},
            {"id": "ks1", "type": "number", "prompt": "KS1 minutes", "unit": "minutes",
             "show_if": {"equals": {"question": "stages", "value": "ks1"}}},
            {"id": "ks2", "type": "number", "prompt": "KS2 minutes", "unit": "minutes",
             "show_if": {"equals": {"question": "stages", "value": "ks2"}}},
            {"id": "choir", "type": "yes_no", "prompt": "Choir?"},
            {"id": "review", "type": "date", "prompt": "Next review"},
            {"id": "space", "type": "rating", "scale": "q", "prompt": "Space"}
        ]}],
        "checklist": [
            {"id": "time", "label": "An hour a week",
             "reads": [{"question": "ks1", "label": "KS1"}, {"question": "ks2", "label": "KS2"}],
             "met_when": {"all": [{"at_least": {"question": "ks1", "value": 60}},
                                  {"at_least": {"question": "ks2", "value": 60}}]}},
            {"id": "choir", "label": "A choir", "reads": [{"question": "choir"}],
             "met_when": {"equals": {"question": "choir", "value": true}}},
            {"id": "review", "label": "In date", "reads": [{"question": "review"}],
             "met_when": {"at_least": {"question": "review", "value": "today"}}},
            {"id": "space", "label": "Space", "reads": [{"question": "space"}],
             "met_when": {"at_least": {"question": "space", "value": "mid"}}}
        ]
    });
    serde_json::from_value(v).unwrap_or_else(|e| panic!("{e}"))
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default()
}

fn num(n: i64) -> AnswerValue {
    AnswerValue::Number(n.into())
}

fn level(id: &str) -> AnswerValue {
    AnswerValue::Level(LevelAnswer {
        level: Some(id.into()),
        ..LevelAnswer::default()
    })
}

fn statuses(a: &Answers) -> Vec<Status> {
    evaluate(&questionnaire(), a, today())
        .into_iter()
        .map(|r| r.status)
        .collect()
}

#[test]
fn forty_five_minutes_in_a_key_stage_taught_is_not_met_and_says_where_to_look() {
    let mut a = Answers::new();
    a.insert(
        "stages".into(),
        AnswerValue::List(vec!["ks1".into(), "ks2".into()]),
    );
    a.insert("ks1".into(), num(60));
    a.insert("ks2".into(), num(45));
    let r = &evaluate(&questionnaire(), &a, today())[0];
    assert_eq!(r.status, Status::NotMet);
    assert_eq!(r.look_at, ["1.3"]);
    assert_eq!(r.reads[1].answer.as_deref(), Some("45 minutes"));
    assert_eq!(r.reads[1].label.as_deref(), Some("KS2"));
}

#[test]
fn a_key_stage_not_taught_neither_meets_nor_fails_and_a_missing_figure_is_not_answered() {
    let mut a = Answers::new();
    a.insert("stages".into(), AnswerValue::List(vec!["ks2".into()]));
    a.insert("ks2".into(), num(60));
    assert_eq!(statuses(&a)[0], Status::Met, "KS1 is not taught");
    a.remove("ks2");
    let r = &evaluate(&questionnaire(), &a, today())[0];
    assert_eq!(r.status, Status::NotAnswered);
    assert_eq!(r.look_at, ["1.3"]);
    a.insert("stages".into(), AnswerValue::List(vec![]));
    assert_eq!(statuses(&a)[0], Status::DoesNotApply);
}

#[test]
fn yes_no_dates_against_today_and_levels_by_rank() {
    let mut a = Answers::new();
    a.insert("choir".into(), AnswerValue::Bool(false));
    a.insert("review".into(), AnswerValue::Text("2026-11-30".into()));
    a.insert("space".into(), level("high"));
    assert_eq!(
        statuses(&a)[1..],
        [Status::NotMet, Status::NotMet, Status::Met]
    );
    a.insert("choir".into(), AnswerValue::Bool(true));
    a.insert("review".into(), AnswerValue::Text("2026-12-01".into()));
    a.insert("space".into(), level("low"));
    assert_eq!(
        statuses(&a)[1..],
        [Status::Met, Status::Met, Status::NotMet]
    );
    a.insert("space".into(), level("not_applicable"));
    assert_eq!(statuses(&a)[3], Status::DoesNotApply);
    let t = tally(&evaluate(&questionnaire(), &a, today()));
    // No key stage chosen: neither minutes question applies.
    assert_eq!(
        (t.met, t.not_met, t.not_answered, t.does_not_apply),
        (2, 0, 0, 2)
    );
}
