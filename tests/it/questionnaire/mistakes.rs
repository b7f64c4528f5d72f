//! One small fixture per mistake a hub author can make (`tests/fixtures/questionnaires/
//! invalid/`): each must be refused with exactly that one problem, naming where it is and
//! saying how to fix it. The valid fixtures must load.

use music_sef::questionnaire::{LoadError, load_file};

use super::{fixture, only_problem};

#[test]
fn the_valid_fixtures_load() {
    for name in [
        "minimal.json",
        "with_criterion.json",
        "with_submission.json",
        "with_checklist.json",
    ] {
        load_file(&fixture(&format!("valid/{name}"))).unwrap_or_else(|e| panic!("{e}"));
    }
}

#[test]
fn each_mistake_is_reported_with_its_place_and_its_fix() {
    // (fixture, where it must say, what it must say including the fix)
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "duplicate_question_id",
            "question \"phase\"",
            &[
                "already used by section \"about\" › question \"phase\"",
                "give each question its own id",
            ],
        ),
        (
            "duplicate_section_id",
            "section \"about\"",
            &["already used", "give each section and question its own id"],
        ),
        (
            "unknown_scale",
            "question \"singing\"",
            &[
                "scale \"stars\" is not defined",
                "add it to \"scales\"",
                "quality",
            ],
        ),
        (
            "show_if_forward",
            "question \"choir\"",
            &[
                "\"singing\", which comes later",
                "move \"singing\" before this one",
            ],
        ),
        (
            "show_if_itself",
            "question \"choir\"",
            &["the question itself", "only look at earlier questions"],
        ),
        (
            "show_if_unknown_id",
            "question \"choir\"",
            &["\"phaze\", which is not a question", "check the spelling"],
        ),
        (
            "show_if_too_deep",
            "question \"choir\"",
            &["nested 10 deep", "most allowed is 8", "Simplify"],
        ),
        (
            "show_if_not_an_option",
            "question \"choir\"",
            &[
                "\"Primary\", which is not one of its option ids",
                "use one of: primary, secondary",
            ],
        ),
        (
            "show_if_empty_any",
            "question \"choir\"",
            &["empty \"any\"", "never true", "add conditions"],
        ),
        (
            "empty_options",
            "question \"phase\"",
            &["needs options", "\"options\": ["],
        ),
        (
            "duplicate_option_ids",
            "question \"phase\"",
            &[
                "option id \"primary\" appears twice",
                "give each option its own id",
            ],
        ),
        (
            "min_greater_than_max",
            "question \"minutes\"",
            &["min (60) is larger than max (10)", "swap them"],
        ),
        (
            "repeated_role",
            "question \"school_again\"",
            &[
                "role school_name is already given to question \"school\"",
                "remove one",
            ],
        ),
        (
            "options_on_text",
            "question \"school\"",
            &[
                "\"options\" does not belong on a text question",
                "single_choice and multi_choice",
                "remove it, or change the type",
            ],
        ),
        (
            "unit_on_rating",
            "question \"singing\"",
            &[
                "\"unit\" does not belong on a rating question",
                "only for number",
            ],
        ),
        (
            "descriptors_on_rating",
            "question \"singing\"",
            &[
                "\"descriptors\" does not belong on a rating question",
                "only for criterion",
            ],
        ),
        (
            "criterion_missing_descriptor",
            "question \"C1\"",
            &["no descriptor for the level \"silver\"", "add \"silver\": "],
        ),
        (
            "criterion_unknown_descriptor",
            "question \"C1\"",
            &[
                "descriptor \"gold\" is not a level of the scale \"award\"",
                "use one of: not_yet, bronze, silver",
            ],
        ),
        (
            "scoring_unknown_scale",
            "scoring.section_summaries",
            &["scale \"qualty\" is not defined", "use one of: quality"],
        ),
        (
            "submission_without_plan_link",
            "submission",
            &[
                "music development plan",
                "\"type\": \"url\"",
                "\"role\": \"development_plan_url\"",
            ],
        ),
        (
            "plan_link_not_a_url",
            "question \"plan\"",
            &["development_plan_url needs a question with \"type\": \"url\""],
        ),
        (
            "subject_unknown_placeholder",
            "submission.subject",
            &[
                "{schoolname}",
                "use {urn}, {school}, {questionnaire}, {result}, {date}, {title}",
            ],
        ),
        (
            "wrong_format",
            "format",
            &["set \"format\": \"music-sef/questionnaire\""],
        ),
        (
            "newer_format_version",
            "format_version",
            &["made for a newer music-sef", "Install the latest music-sef"],
        ),
        (
            "empty_section",
            "section \"quality_of_music\"",
            &["no questions", "add at least one, or remove the section"],
        ),
        (
            "no_sections",
            "sections",
            &["no sections", "add at least one section"],
        ),
        (
            "bad_question_id",
            "question \"choir size\"",
            &["is not allowed", "letters, digits, '_', '.' or '-'"],
        ),
        (
            "previous_id_still_in_use",
            "question \"singing\"",
            &["previous_ids lists \"choir\"", "still the id of a question"],
        ),
    ];
    let mut covered = Vec::new();
    for (name, place, needles) in cases {
        let p = only_problem(name);
        assert!(
            p.contains(place),
            "{name}: the place {place:?} is missing from:\n{p}"
        );
        for n in *needles {
            assert!(p.contains(n), "{name}: {n:?} is missing from:\n{p}");
        }
        covered.push(format!("{name}.json"));
    }
    // Every invalid fixture is tested somewhere (here or below), so none rots unnoticed.
    let elsewhere = [
        "unknown_role.json",
        "unknown_field.json",
        "syntax_error_line7.json",
        "many_problems.json",
    ];
    for entry in std::fs::read_dir(fixture("invalid")).expect("fixtures") {
        let name = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        assert!(
            covered.contains(&name) || elsewhere.contains(&name.as_str()),
            "{name} is not checked by any test"
        );
    }
}

#[test]
fn every_problem_in_a_file_is_reported_not_just_the_first() {
    let err = load_file(&fixture("invalid/many_problems.json")).expect_err("invalid");
    let LoadError::Invalid { problems, .. } = &err else {
        panic!("expected problems, got {err}");
    };
    assert_eq!(problems.len(), 3, "{problems:#?}");
    let text = err.to_string();
    assert!(
        text.contains("many_problems.json: 3 problems to fix"),
        "{text}"
    );
    for n in ["newer music-sef", "needs options", "already used"] {
        assert!(text.contains(n), "{n:?} missing from:\n{text}");
    }
}

#[test]
fn an_unknown_role_lists_the_valid_roles() {
    let err = load_file(&fixture("invalid/unknown_role.json")).expect_err("invalid");
    let text = err.to_string();
    assert!(matches!(err, LoadError::Syntax { .. }), "{text}");
    assert!(
        text.contains("question \"school\" › role: unknown value `school`"),
        "{text}"
    );
    for role in [
        "school_name",
        "development_plan_url",
        "discussion_topic",
        "target_award",
    ] {
        assert!(text.contains(role), "{role} missing from:\n{text}");
    }
}

#[test]
fn a_misspelt_field_is_named_with_the_fields_allowed() {
    let text = load_file(&fixture("invalid/unknown_field.json"))
        .expect_err("invalid")
        .to_string();
    assert!(
        text.contains("question \"school\": unknown field `requried`: check the spelling"),
        "{text}"
    );
    assert!(text.contains("required, show_if"), "{text}");
}

#[test]
fn a_syntax_error_is_reported_at_its_line_and_column() {
    let err = load_file(&fixture("invalid/syntax_error_line7.json")).expect_err("invalid");
    let LoadError::Syntax { line, column, .. } = &err else {
        panic!("expected a syntax error, got {err}");
    };
    assert_eq!((*line, *column), (7, 3));
    let text = err.to_string();
    assert!(text.contains("syntax_error_line7.json:7:3: "), "{text}");
    assert!(text.contains("comma missing"), "{text}");
}
