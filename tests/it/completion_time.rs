//! How long each shipped questionnaire takes, by a rough model of a teacher answering it, so
//! the time each description promises stays honest as questions are added: the default "about
//! an hour and a half", the audit the same, the pre-meeting form "15 to 20 minutes".
//!
//! The model counts the questions a typical primary and a typical secondary school are shown
//! and allows, per question: 10 s for yes/no; 15 s for a choice or a date; 25 s for a multiple
//! choice or a number known by heart, 60 s for a count to look up (anything in pupils, and the
//! URN); 20 s for a short text, 60 s for a strength, priority or topic (30 s for an optional
//! second or third one); 20 s for an e-mail and 45 s for a web address; 70 s for a judgement
//! with a line of evidence (50 s if optional); 150 s for a criterion (reading three
//! descriptors, then level, evidence and target); 120 s for a paragraph, 90 s for one that asks
//! for "a few lines", 30 s for an optional one. It leaves out reading guidance and moving
//! between questions, so the 70 to 85 minutes of answering the two long questionnaires need
//! make about an hour and a half at a desk.

use music_sef::answers::{AnswerValue, Answers, is_visible};
use music_sef::questionnaire::{Question, QuestionType as T, Questionnaire, Requirement, Role};

use crate::shipped_content::{AUDIT, DEFAULT, PRE_MEETING, loaded};

fn seconds(q: &Question) -> u32 {
    let optional = q.required == Requirement::Optional;
    match q.kind {
        T::YesNo => 10,
        T::SingleChoice | T::Date => 15,
        T::MultiChoice => 25,
        T::Number if q.unit.as_deref() == Some("pupils") || q.role == Some(Role::Urn) => 60,
        T::Number => 25,
        T::Text if q.role.is_some_and(Role::repeatable) && optional => 30,
        T::Text if q.role.is_some_and(Role::repeatable) => 60,
        T::Text | T::Email => 20,
        T::Url => 45,
        T::Rating if optional => 50,
        T::Rating => 70,
        T::Criterion => 150,
        T::LongText if optional => 30,
        T::LongText if q.prompt.contains("in a few lines") => 90,
        T::LongText => 120,
    }
}

/// A school's key answers, which decide what else is shown.
fn school(phase: &str, stages: &[&str], gcse: bool) -> Answers {
    let text = |s: &str| AnswerValue::Text(s.to_string());
    let mut a = Answers::new();
    a.insert("phase".into(), text(phase));
    a.insert(
        "key_stages".into(),
        AnswerValue::List(stages.iter().map(|s| (*s).to_string()).collect()),
    );
    a.insert("mdp_on_website".into(), text("yes"));
    a.insert("previous_review".into(), text("last_year"));
    a.insert("curriculum_basis".into(), text("published_scheme"));
    let quals = if gcse {
        vec!["gcse".to_string()]
    } else {
        vec!["graded_exams".to_string()]
    };
    a.insert("qualifications".into(), AnswerValue::List(quals));
    for yes in [
        "mdp_in_place",
        "wcet",
        "small_group_lessons",
        "choir",
        "ensemble",
    ] {
        a.insert(yes.into(), AnswerValue::Bool(true));
    }
    a
}

/// Minutes for the questions `answers` makes visible.
fn minutes(qn: &Questionnaire, answers: &Answers) -> u32 {
    let total: u32 = qn
        .questions()
        .map(|(_, q)| q)
        .filter(|q| is_visible(q, answers))
        .map(seconds)
        .sum();
    total.div_ceil(60)
}

fn schools() -> [(&'static str, Answers); 2] {
    [
        ("primary", school("primary", &["eyfs", "ks1", "ks2"], false)),
        (
            "secondary",
            school("secondary", &["ks3", "ks4", "ks5"], true),
        ),
    ]
}

/// The model's minutes for a typical primary and secondary school lie within `range`.
fn takes(text: &str, range: std::ops::RangeInclusive<u32>) {
    let qn = loaded(text, (2026, 12, 1));
    for (kind, answers) in schools() {
        let m = minutes(&qn, &answers);
        println!("{}, {kind}: about {m} minutes", qn.id);
        assert!(range.contains(&m), "{}, {kind}: {m} minutes", qn.id);
    }
}

#[test]
fn the_default_takes_about_an_hour_and_a_half() {
    takes(DEFAULT, 60..=95);
}

#[test]
fn the_audit_takes_about_an_hour_and_a_half() {
    takes(AUDIT, 75..=100);
}

#[test]
fn the_pre_meeting_form_takes_at_most_twenty_minutes() {
    takes(PRE_MEETING, 10..=20);
}
