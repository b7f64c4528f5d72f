//! Plain mode as a music lead types into it: Enter on a required question, commands inside
//! long answers, choices by name, read-backs with one full stop, numbers with their units, an
//! option that goes on its own, "Something else" with its box, and the cross-check warnings.
//! Every test runs the real binary with piped input.

use music_sef::answers::AnswerValue;
use music_sef::draft::Draft;

use crate::common::{self, Env};

const DEFAULT: &str = "school-music-self-evaluation";

/// Start a new draft of `questionnaire` in plain mode with `input`; what it printed, and the
/// draft it saved.
fn new_plain(questionnaire: &str, input: &str) -> (String, Draft) {
    let env = common::env();
    let text = common::stdout_of(
        &env,
        &[
            "plain",
            "--questionnaire",
            questionnaire,
            "--title",
            "Typed",
        ],
        input,
    );
    (text, only_draft(&env))
}

fn only_draft(env: &Env) -> Draft {
    match env.store.list().into_iter().next() {
        Some(music_sef::store::Listing::Ok(d)) => *d,
        _ => panic!("no draft saved"),
    }
}

fn text(v: &str) -> AnswerValue {
    AnswerValue::Text(v.to_string())
}

fn number(x: f64) -> AnswerValue {
    AnswerValue::number(x).expect("a number")
}

#[test]
fn enter_on_a_required_question_says_it_is_required_and_asks_again() {
    let (out, d) = new_plain(DEFAULT, "\nOakfield Primary School\n123456\nquit\n");
    assert!(
        out.contains("This question is required, so it needs an answer."),
        "{out}"
    );
    // The school's name went to the name question, not the URN after it.
    assert_eq!(d.answers["school_name"], text("Oakfield Primary School"));
    assert_eq!(d.answers["urn"], number(123_456.0));
    // An optional question is still left by Enter alone.
    let (_, d) = new_plain(DEFAULT, "Oakfield\n\n\nquit\n");
    assert!(!d.answers.contains_key("urn"));
}

#[test]
fn inside_a_long_answer_quit_and_back_are_words_and_colon_commands_are_commands() {
    // Section 3 of the pre-meeting form starts with a long answer.
    let input =
        "section 3\nWe want every pupil to sing.\nback\nquit\nThey perform every term.\n.\n:quit\n";
    let (out, d) = new_plain("pre-meeting-data-form", input);
    assert_eq!(
        d.answers["intent"],
        text("We want every pupil to sing.\nback\nquit\nThey perform every term.")
    );
    assert!(
        out.contains("The line “quit” is kept as part of your answer. Inside a long answer, start a command with a colon, for example :quit."),
        "{out}"
    );
    assert!(out.contains("Saved. Goodbye."), "{out}");
    // A colon command in the middle of a long answer keeps what was typed, unfinished.
    let (out, d) = new_plain(
        "pre-meeting-data-form",
        "section 3\nWe want every pupil\n:quit\n",
    );
    assert!(!d.answers.contains_key("intent"));
    assert_eq!(d.unfinished["intent"], "We want every pupil");
    assert!(out.contains("kept as an unfinished answer"), "{out}");
    // Help says which.
    assert!(
        out.contains("Inside a long answer, start a command with a colon"),
        "{out}"
    );
}

#[test]
fn options_are_chosen_by_name_and_a_name_that_fits_several_is_refused_with_them_listed() {
    let input = "Oakfield\n123456\n\nprimary\nkey stage\nkey stage 1, key stage 2\nquit\n";
    let (out, d) = new_plain(DEFAULT, input);
    assert_eq!(d.answers["phase"], text("primary"));
    assert!(
        out.contains(
            "“key stage” fits more than one choice: 2 Key stage 1, 3 Key stage 2, 4 Key stage 3"
        ),
        "{out}"
    );
    assert_eq!(
        d.answers["key_stages"],
        AnswerValue::List(vec!["ks1".into(), "ks2".into()])
    );
    assert!(
        out.contains("Type the number or the name of your choice"),
        "{out}"
    );
}

#[test]
fn a_read_back_never_ends_in_two_full_stops() {
    let (out, _) = new_plain(DEFAULT, "Oakfield Primary School.\nquit\n");
    assert!(
        out.contains("Saved. Current answer: Oakfield Primary School.\n"),
        "{out}"
    );
    assert!(!out.contains(".."), "{out}");
}

#[test]
fn numbers_with_units_a_urn_and_a_web_address_are_read_as_a_teacher_types_them() {
    let env = common::env();
    let qn = common::shipped(DEFAULT);
    let mut d = common::complete_draft(&env, &qn, "Units");
    d.answers
        .insert("key_stages".into(), AnswerValue::List(vec!["ks1".into()]));
    d.answers.remove("ks1_minutes");
    env.store.save(&d).expect("save");
    let id = d.id.to_string();
    // Section 3 starts with key stage 1 minutes now.
    let out = common::stdout_of(&env, &["plain", &id], "section 3\nabout 45 mins\nquit\n");
    assert!(out.contains("Saved. Current answer: 45 minutes."), "{out}");
    assert_eq!(
        env.store.load(d.id).expect("load").answers["ks1_minutes"],
        number(45.0)
    );
    // Section 1: the name is kept, the URN mistyped then typed, five answers kept, then the
    // plan's web address typed as a number.
    let input = "section 1\n\n12A456\n123456\n\n\n\n\n\n2\nquit\n";
    let out = common::stdout_of(&env, &["plain", &id], input);
    assert!(
        out.contains("That answer was not accepted. A URN has six digits, for example 123456."),
        "{out}"
    );
    assert!(
        out.contains("That answer was not accepted. That is a number, not a web address."),
        "{out}"
    );
    assert_eq!(
        env.store.load(d.id).expect("load").answers["mdp_url"],
        text("https://www.oakfield.sch.uk/music")
    );
}

#[test]
fn nothing_yet_this_year_goes_on_its_own_and_something_else_gets_its_box() {
    // Section 9 starts with what the hub provided: 8 is "Something else", 9 "Nothing yet".
    let (out, d) = new_plain(DEFAULT, "section 9\n1, 9\nnothing yet\nquit\n");
    assert!(
        out.contains("That answer was not accepted. “Nothing yet this year” goes on its own"),
        "{out}"
    );
    assert_eq!(
        d.answers["hub_services"],
        AnswerValue::List(vec!["none".into()])
    );
    let (out, d) = new_plain(DEFAULT, "section 9\n1, 8\nA keyboard to borrow\nquit\n");
    assert!(out.contains("8. Something else, then say what"), "{out}");
    assert!(
        out.contains("What else has the music hub provided?"),
        "{out}"
    );
    assert_eq!(
        d.answers["hub_services_other"],
        text("A keyboard to borrow")
    );
}

#[test]
fn more_pupils_in_the_choir_than_on_roll_is_a_warning_and_the_answer_is_still_saved() {
    let env = common::env();
    let qn = common::shipped(DEFAULT);
    let mut d = common::complete_draft(&env, &qn, "Choir");
    d.answers.insert("pupils_on_roll".into(), number(210.0));
    d.answers.insert("choir".into(), AnswerValue::Bool(true));
    d.answers.remove("choir_members");
    env.store.save(&d).expect("save");
    // Section 4: assemblies, singing in lessons and the choir are answered, then the size.
    let out = common::stdout_of(
        &env,
        &["plain", &d.id.to_string()],
        "section 4\n\n\n\n300\nreview\nquit\n",
    );
    let warning = "Please check: There are more pupils in the choir or vocal groups (300 pupils) than on roll (210 pupils).";
    assert!(
        out.contains(&format!("Saved. Current answer: 300 pupils.\n{warning}")),
        "{out}"
    );
    assert_eq!(
        out.matches(warning).count(),
        2,
        "after the answer and in the review"
    );
    assert_eq!(
        env.store.load(d.id).expect("load").answers["choir_members"],
        number(300.0)
    );
}
