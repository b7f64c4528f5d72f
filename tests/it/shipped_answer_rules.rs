//! The rules between answers in the shipped questionnaires: every "Something else" or
//! "Another …" option has its box to say what, every "none"-style option goes on its own, and
//! the figures that must fit together (choir, ensembles and lessons within the roll, GCSE
//! numbers within the year group) are cross-checked.

use music_sef::answers::choice::toggle_option;
use music_sef::answers::{AnswerValue, Answers, checks};

use crate::shipped_content::{DEFAULT, all, loaded, q};

#[test]
fn every_something_else_option_has_a_box_to_say_what() {
    for (file, qn) in all() {
        for (_, question) in qn.questions() {
            for o in &question.options {
                let needs_words = ["Something else", "Other", "Another"]
                    .iter()
                    .any(|w| o.label.starts_with(w));
                assert_eq!(
                    needs_words,
                    o.follow_up.is_some(),
                    "{file}: {} › {}",
                    question.id,
                    o.label
                );
            }
        }
    }
}

#[test]
fn every_none_style_option_of_a_multiple_choice_goes_on_its_own() {
    for (file, qn) in all() {
        for (_, question) in qn.questions().filter(|(_, x)| !x.options.is_empty()) {
            for o in &question.options {
                let none_style = o.id == "none"
                    || ["None", "No ", "Nothing"]
                        .iter()
                        .any(|w| o.label.starts_with(w));
                let multi = question.kind == music_sef::questionnaire::QuestionType::MultiChoice;
                assert_eq!(
                    none_style && multi,
                    o.exclusive,
                    "{file}: {} › {}",
                    question.id,
                    o.label
                );
            }
        }
    }
}

#[test]
fn ticking_no_support_needed_clears_the_kinds_of_support_already_ticked() {
    let qn = loaded(DEFAULT, (2026, 11, 23));
    let support = q(&qn, "support_wanted");
    let ticked = vec!["cpd".to_string(), "singing".to_string()];
    let t = toggle_option(support, &ticked, "none");
    assert_eq!(t.ticked, ["none"]);
    assert_eq!(
        t.message(support, "none").as_deref(),
        Some(
            "“No support needed at the moment” goes on its own, so “Training for staff who teach music” and “Singing or starting a choir” were unticked."
        )
    );
}

#[test]
fn the_figures_that_must_fit_together_are_cross_checked() {
    let pairs = |qn: &music_sef::questionnaire::Questionnaire| -> Vec<(String, String)> {
        qn.checks
            .iter()
            .map(|c| (c.question.clone(), c.at_most.clone()))
            .collect()
    };
    let [(_, default), _, (_, pre_meeting), _] = all();
    for (a, b) in [
        ("choir_members", "pupils_on_roll"),
        ("ensemble_members", "pupils_on_roll"),
        ("pupils_having_lessons", "pupils_on_roll"),
        ("gcse_year10", "year10_cohort"),
        ("gcse_year11", "year11_cohort"),
        ("lessons_pupil_premium", "pupils_having_lessons"),
    ] {
        assert!(pairs(&default).contains(&(a.into(), b.into())), "{a} ≤ {b}");
    }
    assert!(
        pairs(&pre_meeting).contains(&("pupils_having_lessons".into(), "pupils_on_roll".into()))
    );
}

#[test]
fn three_hundred_in_the_choir_with_210_on_roll_is_a_warning() {
    let qn = loaded(DEFAULT, (2026, 11, 23));
    let n = |x: f64| AnswerValue::number(x).expect("a number");
    let mut answers = Answers::from([
        ("pupils_on_roll".to_string(), n(210.0)),
        ("choir".to_string(), AnswerValue::Bool(true)),
        ("choir_members".to_string(), n(300.0)),
        (
            "qualifications".to_string(),
            AnswerValue::List(vec!["gcse".into()]),
        ),
        ("gcse_year10".to_string(), n(40.0)),
        ("year10_cohort".to_string(), n(30.0)),
    ]);
    let texts: Vec<String> = checks::warnings(&qn, &answers)
        .into_iter()
        .map(|w| w.text)
        .collect();
    assert_eq!(
        texts,
        [
            "There are more pupils in the choir or vocal groups (300 pupils) than on roll (210 pupils).",
            "More pupils are taking GCSE music in Year 10 (40 pupils) than are in the year group (30 pupils).",
        ]
    );
    // No choir after all: its old figure is hidden, and says nothing.
    answers.insert("choir".into(), AnswerValue::Bool(false));
    assert_eq!(checks::warnings(&qn, &answers).len(), 1);
}
