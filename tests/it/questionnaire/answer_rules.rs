//! The format's rules between answers: options that go on their own (`exclusive`), options
//! that need words (`follow_up`) and soft cross-checks (`checks`). Each mistake a hub author
//! can make has its own fixture in `tests/fixtures/questionnaires/invalid-answer-rules/`,
//! refused with its place and its fix; the valid fixture uses all three.

use music_sef::questionnaire::load_file;

use super::fixture;

#[test]
fn a_file_with_exclusive_options_follow_ups_and_checks_loads() {
    let qn = load_file(&fixture("valid/with_answer_rules.json")).unwrap_or_else(|e| panic!("{e}"));
    let support = qn.question("support").expect("support");
    assert!(support.option("none").is_some_and(|o| o.exclusive));
    assert_eq!(
        support.option("other").and_then(|o| o.follow_up.as_deref()),
        Some("support_other")
    );
    assert_eq!(qn.checks.len(), 1);
}

#[test]
fn each_mistake_in_the_rules_between_answers_is_reported_with_its_place_and_its_fix() {
    let cases: &[super::Mistake<'_>] = &[
        (
            "exclusive_on_single_choice",
            "question \"phase\" › option \"primary\"",
            &["only belongs on the options of a multi_choice", "remove it"],
        ),
        (
            "every_option_exclusive",
            "question \"support\"",
            &[
                "every option is \"exclusive\"",
                "make it a single_choice question",
            ],
        ),
        (
            "follow_up_missing",
            "question \"support\" › option \"other\"",
            &[
                "\"support_details\" is not a question",
                "add a text question with that id",
            ],
        ),
        (
            "follow_up_is_itself",
            "option \"other\"",
            &[
                "is the question itself",
                "asks what \"Something else\" means",
            ],
        ),
        (
            "follow_up_earlier",
            "option \"other\"",
            &["\"school\" comes before this question", "comes after it"],
        ),
        (
            "follow_up_in_another_section",
            "option \"other\"",
            &["is in another section", "move it just after this question"],
        ),
        (
            "follow_up_not_text",
            "option \"other\"",
            &["is a number question", "\"type\": \"text\""],
        ),
        (
            "follow_up_not_shown",
            "option \"other\"",
            &[
                "must be shown whenever \"Something else\" is chosen",
                "\"show_if\": {\"equals\":{\"question\":\"support\",\"value\":\"other\"}}",
            ],
        ),
        (
            "follow_up_shown_under_a_hidden_question",
            "option \"other\"",
            &[
                "must be shown whenever",
                "{\"all\":[{\"equals\":{\"question\":\"phase\"",
            ],
        ),
        (
            "check_unknown_question",
            "check \"choir_within_roll\"",
            &[
                "\"choir_size\", which is not a question",
                "check the spelling",
            ],
        ),
        (
            "check_not_a_number",
            "check \"choir_within_roll\"",
            &[
                "\"at_most\" is \"choir\", a yes_no question",
                "name number questions",
            ],
        ),
        (
            "check_same_question",
            "check \"choir_within_roll\"",
            &["are both \"roll\"", "two different questions"],
        ),
        (
            "check_different_units",
            "check \"choir_within_roll\"",
            &["(%) with \"roll\" (pupils)", "same unit"],
        ),
        (
            "check_unknown_placeholder",
            "check \"choir_within_roll\"",
            &["{choir}", "use {question} or {at_most}"],
        ),
        (
            "check_empty_warning",
            "check \"choir_within_roll\"",
            &["needs a \"warning\"", "the sentence the teacher reads"],
        ),
        (
            "check_duplicate_id",
            "check \"choir_within_roll\"",
            &["same id", "give each check its own id"],
        ),
    ];
    super::each_mistake_is_reported("invalid-answer-rules", cases);
}
