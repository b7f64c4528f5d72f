//! The questionnaire format's checklist: a valid one loads and is judged by the core (one
//! implementation for the report, the summary CSV and the hub), and each mistake a hub author
//! can make in it (one fixture each in `tests/fixtures/questionnaires/invalid-checklist/`) is
//! refused with its place and its fix.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use music_sef::answers::checklist::{Status, evaluate};
use music_sef::answers::{AnswerValue, Answers};
use music_sef::questionnaire::load_file_on;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/questionnaires")
        .join(name)
}

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default()
}

#[test]
fn a_valid_checklist_loads_and_is_judged_from_the_answers() {
    let qn = load_file_on(&fixture("valid/with_checklist.json"), day())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(qn.checklist.len(), 4);
    let mut a = Answers::new();
    a.insert("phase".into(), AnswerValue::Text("primary".into()));
    a.insert("choir".into(), AnswerValue::Bool(false));
    a.insert("minutes".into(), AnswerValue::Number(45.into()));
    a.insert("review".into(), AnswerValue::Text("2027-07-20".into()));
    let verdicts: Vec<Status> = evaluate(&qn, &a, day()).iter().map(|r| r.status).collect();
    assert_eq!(
        verdicts,
        [Status::NotMet, Status::NotMet, Status::Met, Status::Met]
    );
    // Secondary: the choir question does not apply, so neither does its item.
    a.insert("phase".into(), AnswerValue::Text("secondary".into()));
    assert_eq!(evaluate(&qn, &a, day())[0].status, Status::DoesNotApply);
    assert_eq!(
        evaluate(&qn, &a, day())[3].status,
        Status::NotAnswered,
        "singing unrated"
    );
}

#[test]
fn each_checklist_mistake_is_reported_with_its_place_and_its_fix() {
    let item = "checklist item \"";
    let cases: &[crate::questionnaire::Mistake<'_>] = &[
        (
            "duplicate_id",
            item,
            &["\"choir\" is used by an earlier item", "its own id"],
        ),
        ("empty_label", item, &["needs a label"]),
        (
            "reads_unknown_question",
            item,
            &[
                "reads \"minuets\", which is not a question",
                "check the spelling",
            ],
        ),
        (
            "reads_nothing",
            item,
            &["reads is empty", "\"reads\": [{\"question\":"],
        ),
        (
            "test_not_in_reads",
            item,
            &[
                "looks at \"choir\", which is not in reads",
                "add {\"question\": \"choir\"} to reads",
            ],
        ),
        (
            "at_least_on_text",
            item,
            &[
                "\"school\" is a text question",
                "use equals, one_of or answered",
            ],
        ),
        (
            "at_least_text_on_number",
            item,
            &["number question \"minutes\"", "without quotes"],
        ),
        (
            "bad_date",
            item,
            &["date question \"review\"", "\"today\"", "YYYY-MM-DD"],
        ),
        (
            "unknown_level",
            item,
            &[
                "\"medium\"",
                "not a level of the scale \"quality\"",
                "use one of: low, high",
            ],
        ),
        (
            "not_an_option",
            item,
            &[
                "met_when compares \"phase\"",
                "use one of: primary, secondary",
            ],
        ),
        (
            "empty_all",
            item,
            &["empty \"all\" list", "add tests to it or remove it"],
        ),
        (
            "bad_id",
            "checklist[1]",
            &["checklist item id \"an hour\" is not allowed", "no spaces"],
        ),
    ];
    crate::questionnaire::each_mistake_is_reported("invalid-checklist", cases);
}

#[test]
fn a_misspelt_checklist_field_lists_the_fields_allowed() {
    let text = std::fs::read_to_string(fixture("valid/with_checklist.json")).expect("fixture");
    let broken = text.replacen("\"met_when\"", "\"met_if\"", 1);
    let err = music_sef::questionnaire::load_str_on(Path::new("t.json"), &broken, day())
        .expect_err("refused")
        .to_string();
    assert!(
        err.contains("unknown field `met_if`") && err.contains("met_when"),
        "{err}"
    );
}

#[test]
fn the_shipped_questionnaires_check_the_key_features_the_plan_the_pledges_and_consent() {
    let ids = |id: &str| -> Vec<String> {
        crate::common::shipped(id)
            .checklist
            .iter()
            .map(|i| i.id.clone())
            .collect()
    };
    let default = ids("school-music-self-evaluation");
    for n in 1..=7 {
        assert!(
            default.iter().any(|i| i.starts_with(&format!("kf{n}_"))),
            "key feature {n}"
        );
    }
    for id in ["plan_in_date", "music_mark_pledges", "consent"] {
        assert!(default.iter().any(|i| i == id), "{id}");
    }
    assert!(ids("music-quality-mark-audit").contains(&"plan_published".to_string()));
    assert!(ids("pre-meeting-data-form").contains(&"kf1_curriculum_time".to_string()));
}
