//! The questionnaire format's newer fields: `options_from` (options made at load time from a
//! date passed in, such as the current and next academic years) and the award rule's choice of
//! `method`, its `percent` and its `note`. Each mistake has its own fixture in
//! `tests/fixtures/questionnaires/invalid-new-fields/`, refused with its place and its fix (a
//! folder of its own, as `questionnaire_errors` requires every file in `invalid/` to be in its
//! own table).

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use music_sef::answers::{AnswerValue, Answers, LevelAnswer, display, progress, scoring};
use music_sef::paths::DataDirs;
use music_sef::questionnaire::{AwardMethod, Questionnaire, Registry, load_file_on};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/questionnaires")
        .join(name)
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

fn valid_on(day: NaiveDate) -> Questionnaire {
    load_file_on(
        &fixture("valid/with_generated_years_and_award_note.json"),
        day,
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

fn labels(qn: &Questionnaire) -> Vec<String> {
    let year = qn.question("year").expect("year");
    year.options.iter().map(|o| o.label.clone()).collect()
}

#[test]
fn academic_years_are_made_from_the_date_passed_in() {
    // earlier 1, later 2: last year, this year and the next two.
    assert_eq!(
        labels(&valid_on(date(2026, 12, 1))),
        ["2025/26", "2026/27", "2027/28", "2028/29"]
    );
    assert_eq!(
        labels(&valid_on(date(2027, 8, 31))),
        ["2025/26", "2026/27", "2027/28", "2028/29"]
    );
    assert_eq!(
        labels(&valid_on(date(2027, 9, 1))),
        ["2026/27", "2027/28", "2028/29", "2029/30"]
    );
    assert_eq!(
        labels(&valid_on(date(2099, 9, 1))),
        ["2098/99", "2099/00", "2100/01", "2101/02"]
    );
    let qn = valid_on(date(2026, 12, 1));
    let year = qn.question("year").expect("year");
    assert!(
        year.options_from.is_none(),
        "loading turns it into plain options"
    );
    let current = year.option("2026-27").expect("stored as 2026-27");
    assert_eq!(current.hint.as_deref(), Some("the current school year"));
    assert!(year.options.iter().filter(|o| o.hint.is_some()).count() == 1);
    let problems = music_sef::questionnaire::validate::validate(&qn);
    assert!(
        problems.is_empty(),
        "the loaded form is itself valid: {problems:?}"
    );
}

#[test]
fn a_registry_makes_every_questionnaire_for_one_date_and_discover_still_works() {
    let nowhere = DataDirs::at("/nonexistent-music-sef-test");
    let reg = Registry::discover_on(&nowhere, date(2030, 10, 1));
    assert_eq!(reg.today(), date(2030, 10, 1));
    let default = reg
        .find("school-music-self-evaluation")
        .expect("built in")
        .questionnaire;
    let year = default.question("academic_year").expect("academic year");
    assert_eq!(year.options[0].label, "2030/31");
    let file = fixture("valid/with_generated_years_and_award_note.json");
    let by_path = reg
        .find(&file.display().to_string())
        .expect("a file")
        .questionnaire;
    assert_eq!(
        labels(&by_path)[1],
        "2030/31",
        "files found later use the same date"
    );
    // As the commands call it: today's date.
    let today = Registry::discover(&nowhere);
    assert!(today.problems.is_empty() && today.entries.len() == 4);
}

#[test]
fn an_answer_from_a_year_no_longer_offered_still_shows_and_is_kept() {
    let env = crate::common::env();
    let qn = Registry::discover_on(&env.dirs, date(2028, 10, 1))
        .find("school-music-self-evaluation")
        .expect("built in")
        .questionnaire;
    let year = qn.question("academic_year").expect("academic year");
    assert!(
        year.option("2025-26").is_none(),
        "2025/26 is no longer offered in 2028"
    );
    let mut d = music_sef::draft::Draft::new(
        "Oakfield 2025/26",
        music_sef::draft::QuestionnaireRef {
            id: qn.id.clone(),
            version: qn.version.clone(),
            source: None,
        },
    );
    let old = AnswerValue::Text("2025-26".into());
    d.answers.insert("academic_year".into(), old.clone());
    env.store.save(&d).expect("save");
    let (opened, report) = env.store.open_for(d.id, &qn).expect("open");
    assert!(report.orphaned.is_empty(), "{:?}", report.orphaned);
    assert_eq!(
        opened.draft.answers.get("academic_year"),
        Some(&old),
        "not lost"
    );
    assert_eq!(
        display::answer_text(&qn, year, &old),
        "2025-26",
        "still shown"
    );
    let about = progress::section_progress(&qn, 0, &opened.draft.answers);
    assert_eq!(about.answered, 1, "it still counts as answered");
}

fn level(id: &str) -> AnswerValue {
    AnswerValue::Level(LevelAnswer {
        level: Some(id.into()),
        evidence: None,
        target: None,
    })
}

/// A questionnaire with five criteria on bronze/silver/gold and the given award rule.
fn five_criteria(rule: &serde_json::Value) -> Questionnaire {
    let criteria: Vec<serde_json::Value> = (1..=5)
        .map(|i| {
            serde_json::json!({"id": format!("C{i}"), "type": "criterion", "scale": "award",
                "prompt": format!("C{i}"), "descriptors": {"bronze": "b", "silver": "s", "gold": "g"}})
        })
        .collect();
    let v = serde_json::json!({
        "format": "music-sef/questionnaire", "format_version": 1, "id": "five", "version": "1",
        "title": "Five criteria",
        "scales": [{"id": "award", "levels": [
            {"id": "not_yet", "label": "Not yet"}, {"id": "bronze", "label": "Bronze"},
            {"id": "silver", "label": "Silver"}, {"id": "gold", "label": "Gold"}]}],
        "sections": [{"id": "criteria", "title": "Criteria", "questions": criteria}],
        "scoring": {"award": rule}
    });
    music_sef::questionnaire::load_str_on(Path::new("five.json"), &v.to_string(), date(2026, 12, 1))
        .unwrap_or_else(|e| panic!("{e}"))
}

fn answers(levels: [&str; 5]) -> Answers {
    (1..=5)
        .zip(levels)
        .map(|(i, l)| (format!("C{i}"), level(l)))
        .collect()
}

#[test]
fn the_award_rule_can_be_the_highest_level_most_criteria_reach() {
    let qn = five_criteria(&serde_json::json!({"title": "Award", "scale": "award",
        "method": "highest_level_most_reach", "percent": 80, "no_award_levels": ["not_yet"]}));
    let a =
        scoring::award(&qn, &answers(["gold", "gold", "gold", "gold", "silver"])).expect("rule");
    assert_eq!(a.level.as_deref(), Some("gold"), "4 of 5 is 80%");
    assert_eq!(a.holding_back, ["C5"], "the one still below Gold");
    assert_eq!(
        a.rule,
        "the highest level at least 80% of the criteria reach"
    );
    let a =
        scoring::award(&qn, &answers(["gold", "gold", "gold", "silver", "bronze"])).expect("rule");
    assert_eq!(a.level.as_deref(), Some("silver"), "4 of 5 reach Silver");
    assert_eq!(a.holding_back, ["C4", "C5"], "below Gold, the next level");
    let a = scoring::award(
        &qn,
        &answers(["gold", "gold", "gold", "not_yet", "not_yet"]),
    )
    .expect("rule");
    assert_eq!(a.level, None, "3 of 5 reach Bronze: 60% is not enough");
}

#[test]
fn the_default_method_is_every_criterion_and_the_note_comes_with_the_award() {
    let qn = five_criteria(
        &serde_json::json!({"title": "Indicative award", "scale": "award",
        "note": "Indicative only: the hub decides.", "no_award_levels": ["not_yet"]}),
    );
    let rule = qn
        .scoring
        .as_ref()
        .and_then(|s| s.award.as_ref())
        .expect("rule");
    assert_eq!(
        rule.method,
        AwardMethod::HighestLevelAllReach,
        "the default"
    );
    let a =
        scoring::award(&qn, &answers(["gold", "gold", "gold", "gold", "silver"])).expect("rule");
    assert_eq!(a.level.as_deref(), Some("silver"));
    assert_eq!(a.holding_back, ["C5"]);
    assert_eq!(a.rule, "the highest level every criterion reaches");
    assert_eq!(a.note.as_deref(), Some("Indicative only: the hub decides."));
}

#[test]
fn each_new_mistake_is_reported_with_its_place_and_its_fix() {
    let cases: &[crate::questionnaire::Mistake<'_>] = &[
        (
            "options_and_options_from",
            "question \"year\"",
            &["both \"options\" and \"options_from\"", "keep one"],
        ),
        (
            "options_from_too_many_years",
            "question \"year\"",
            &["later is 20", "at most 10"],
        ),
        (
            "options_from_on_text",
            "question \"year\"",
            &[
                "\"options_from\" does not belong on a text question",
                "change the type",
            ],
        ),
        (
            "show_if_on_generated_options",
            "question \"new_year_plans\"",
            &[
                "change with the date",
                "{\"answered\": {\"question\": \"year\"}}",
            ],
        ),
        (
            "award_percent_with_all_reach",
            "scoring.award",
            &["\"percent\" only applies", "remove it"],
        ),
        (
            "award_most_reach_without_percent",
            "scoring.award",
            &["needs \"percent\"", "\"percent\": 80"],
        ),
        (
            "award_percent_out_of_range",
            "scoring.award",
            &["\"percent\" is 40", "from 50 to 100"],
        ),
        (
            "award_note_too_long",
            "scoring.award",
            &["390 characters", "at most 300"],
        ),
        (
            "award_note_empty",
            "scoring.award",
            &["the note is empty", "remove \"note\""],
        ),
    ];
    crate::questionnaire::each_mistake_is_reported("invalid-new-fields", cases);
}
