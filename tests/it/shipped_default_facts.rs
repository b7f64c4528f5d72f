//! The facts in the default questionnaire that a hub compares across schools and that the
//! content review added or corrected: qualifications for every school with GCSE take-up per
//! year group beside the cohort, take-up by pupil premium and SEND, how music is funded,
//! progress since the last review, safeguarding, earlier Music Mark recognition, guidance that
//! says no more than the sources, and no two questions asking the same thing.

use music_sef::questionnaire::{Condition, Question, QuestionType as T};

use crate::shipped_content::{DEFAULT, equals, parse, position, q};

fn option_ids(x: &Question) -> Vec<&str> {
    x.options.iter().map(|o| o.id.as_str()).collect()
}

#[test]
fn every_school_is_asked_about_qualifications_and_gcse_take_up_is_per_year_with_the_cohort() {
    let qn = parse("default", DEFAULT);
    let quals = q(&qn, "qualifications");
    assert!(
        quals.show_if.is_none(),
        "primaries have graded exams and Arts Award too"
    );
    for id in ["gcse", "graded_exams", "arts_award"] {
        assert!(quals.option(id).is_some(), "{id}");
    }
    assert!(qn.question("gcse_pupils").is_none(), "no longer pooled");
    for id in [
        "gcse_year10",
        "year10_cohort",
        "gcse_year11",
        "year11_cohort",
    ] {
        let x = q(&qn, id);
        assert_eq!(
            (x.kind, x.unit.as_deref()),
            (T::Number, Some("pupils")),
            "{id}"
        );
        assert!(x.integer, "{id}");
        assert_eq!(x.show_if, equals("qualifications", "gcse".into()), "{id}");
    }
    let cohort = q(&qn, "year10_cohort")
        .guidance
        .as_deref()
        .unwrap_or_default();
    assert!(cohort.contains("8%"), "the benchmark is stated: {cohort}");
    assert_eq!(
        position(&qn, "year10_cohort"),
        position(&qn, "gcse_year10") + 1
    );
}

#[test]
fn take_up_is_asked_by_pupil_premium_and_send_and_how_music_is_funded() {
    let qn = parse("default", DEFAULT);
    let lessons = equals("small_group_lessons", true.into());
    for id in ["lessons_pupil_premium", "lessons_send"] {
        assert_eq!(q(&qn, id).show_if, lessons, "{id}");
        assert!(position(&qn, id) > position(&qn, "pupils_having_lessons"));
    }
    for id in ["groups_pupil_premium", "groups_send"] {
        let reads = q(&qn, id)
            .show_if
            .as_ref()
            .expect("conditional")
            .referenced_ids();
        assert_eq!(reads, ["choir", "ensemble"], "{id}");
        assert!(position(&qn, id) > position(&qn, "ensemble_members"));
    }
    for id in [
        "lessons_pupil_premium",
        "lessons_send",
        "groups_pupil_premium",
        "groups_send",
    ] {
        let x = q(&qn, id);
        assert_eq!(
            (x.kind, x.unit.as_deref()),
            (T::Number, Some("pupils")),
            "{id}"
        );
    }
    let funding = q(&qn, "music_funding");
    assert_eq!(funding.kind, T::MultiChoice);
    for id in [
        "school_budget",
        "pupil_premium",
        "parents",
        "hub_subsidy",
        "grants",
    ] {
        assert!(funding.option(id).is_some(), "{id}");
    }
    assert!(
        qn.question("music_budget").is_none(),
        "yes/no replaced by the sources"
    );
}

#[test]
fn progress_safeguarding_and_earlier_recognition_are_asked() {
    let qn = parse("default", DEFAULT);
    let before = q(&qn, "previous_review");
    assert_eq!(option_ids(before), ["first", "last_year", "longer_ago"]);
    let progress = q(&qn, "progress_since_last_review");
    assert_eq!(progress.kind, T::LongText);
    assert_eq!(
        progress.show_if,
        Some(Condition::OneOf {
            question: "previous_review".into(),
            values: vec!["last_year".into(), "longer_ago".into()]
        })
    );
    assert!(progress.prompt.contains("priorities"));
    let safe = q(&qn, "music_safeguarding");
    assert_eq!(safe.kind, T::Rating);
    assert!(safe.prompt.contains("one-to-one") && safe.show_if.is_none());
    let mark = q(&qn, "music_mark_before");
    assert_eq!(option_ids(mark), ["no", "music_mark_school", "recognition"]);
    assert!(position(&qn, "music_mark_before") < position(&qn, "pledge_advocate"));
}

#[test]
fn guidance_states_what_the_sources_say_and_no_more() {
    let qn = parse("default", DEFAULT);
    let live = q(&qn, "live_music").guidance.as_deref().unwrap_or_default();
    assert!(
        live.contains("does not say who the performers must be"),
        "{live}"
    );
    assert!(!live.contains("count only if"), "{live}");
    let basis = q(&qn, "curriculum_basis")
        .guidance
        .as_deref()
        .unwrap_or_default();
    assert!(basis.contains("Model Music Curriculum") && basis.contains("musicianship"));
    assert!(q(&qn, "curriculum_basis").option("mmc").is_some());
}

#[test]
fn overlapping_questions_are_gone_and_the_time_is_about_an_hour_and_a_half() {
    let qn = parse("default", DEFAULT);
    for id in [
        "individual_practice",
        "ensemble_count",
        "hub_work",
        "hub_ensembles",
        "pupil_premium_music",
        "tracks_participation",
        "groups_tracked",
        "live_events_per_year",
        "performances_per_year",
        "community_links",
        "music_in_school_plan",
        "mdp_agreed_with_hub",
        "cost_help",
        "adaptive_instruments",
    ] {
        assert!(qn.question(id).is_none(), "{id} repeats another question");
    }
    assert!(
        qn.description.contains("about an hour and a half"),
        "{}",
        qn.description
    );
    assert!(!qn.description.contains("hour or two"));
    assert!(
        q(&qn, "hub_services").option("none").is_some(),
        "no hub work at all"
    );
}
