//! The default questionnaire (`school-music-self-evaluation`): the seven key features of the
//! National Plan for Music Education with key feature 1 required, every part of the music
//! development plan summary, academic years from the load date, and its shape (one scale,
//! section summaries, size, guidance, the closing questions). `shipped_default_facts` pins the
//! figures and topics a hub compares.

use music_sef::questionnaire::{OptionSource, Question, QuestionType as T, Requirement, Role};

use crate::shipped_content::{DEFAULT, equals, loaded, parse, q};

/// The seven key features of high-quality school music (National Plan for Music Education,
/// 2022) and the question that asks about each:
/// 1. curriculum music at least an hour a week, all year, KS1–3: `ks1_minutes`, `ks2_minutes`,
///    `ks3_minutes` (each shown when that key stage is taught) and `lesson_pattern`;
/// 2. lessons on a range of instruments and voice: `small_group_lessons` (with
///    `instrument_families`, which includes voice, and `wcet`);
/// 3. a choir or vocal ensemble: `choir`;
/// 4. a school ensemble, band or group: `ensemble`;
/// 5. space for rehearsal and individual practice: `practice_space`;
/// 6. a termly school performance: `termly_performance`;
/// 7. a live performance to enjoy at least once a year: `live_music`.
const KEY_FEATURES: [(&str, T); 11] = [
    ("ks1_minutes", T::Number),
    ("ks2_minutes", T::Number),
    ("ks3_minutes", T::Number),
    ("lesson_pattern", T::SingleChoice),
    ("small_group_lessons", T::YesNo),
    ("instrument_families", T::MultiChoice),
    ("choir", T::YesNo),
    ("ensemble", T::YesNo),
    ("practice_space", T::Rating),
    ("termly_performance", T::YesNo),
    ("live_music", T::YesNo),
];

/// Every part of the DfE music development plan summary (2024 template) and its question:
/// overview table — academic year `academic_year`, date published `mdp_published`, date of next
/// review `mdp_next_review`, music lead `music_lead_name`, SLT member `slt_music_link`, local
/// music hub `music_hub`, other music organisations `other_partners`; part A curriculum music
/// `curriculum_summary` (with the minutes per key stage and `qualifications`); part B
/// co-curricular music `ensembles_list` and `lesson_costs` (costs and help with them); part C
/// musical experiences `musical_experiences` (with `singing_assemblies`); in the future
/// `future_plans`.
const PLAN_SUMMARY: [(&str, T); 13] = [
    ("academic_year", T::SingleChoice),
    ("mdp_published", T::Date),
    ("mdp_next_review", T::Date),
    ("music_lead_name", T::Text),
    ("slt_music_link", T::Text),
    ("music_hub", T::Text),
    ("other_partners", T::LongText),
    ("curriculum_summary", T::LongText),
    ("qualifications", T::MultiChoice),
    ("ensembles_list", T::LongText),
    ("lesson_costs", T::LongText),
    ("musical_experiences", T::LongText),
    ("future_plans", T::LongText),
];

fn option_ids(x: &Question) -> Vec<&str> {
    x.options.iter().map(|o| o.id.as_str()).collect()
}

#[test]
fn the_default_asks_about_each_of_the_seven_key_features_and_feature_1_cannot_be_skipped() {
    let qn = parse("default", DEFAULT);
    for (id, kind) in KEY_FEATURES {
        assert_eq!(q(&qn, id).kind, kind, "{id}");
    }
    // Curriculum time is the feature a hub checks first: required wherever it applies.
    for id in [
        "ks1_minutes",
        "ks2_minutes",
        "ks3_minutes",
        "lesson_pattern",
    ] {
        assert_eq!(q(&qn, id).required, Requirement::Required, "{id}");
    }
    for id in [
        "small_group_lessons",
        "choir",
        "ensemble",
        "termly_performance",
        "live_music",
    ] {
        assert_eq!(q(&qn, id).required, Requirement::Required, "{id}");
        assert!(
            q(&qn, id).show_if.is_none(),
            "{id} is asked of every school"
        );
    }
    assert_eq!(q(&qn, "practice_space").required, Requirement::Required);
    assert!(
        q(&qn, "practice_space")
            .prompt
            .contains("practise on their own")
    );
    assert!(q(&qn, "instrument_families").option("voice").is_some());
}

#[test]
fn key_stage_3_guidance_does_not_let_a_carousel_pass_for_an_hour_every_week() {
    let qn = parse("default", DEFAULT);
    let g = q(&qn, "ks3_minutes")
        .guidance
        .as_deref()
        .unwrap_or_default();
    assert!(
        g.contains("carousel") && g.contains("not an average"),
        "{g}"
    );
    assert!(!g.contains("has 60 minutes"), "{g}");
    let pattern = q(&qn, "lesson_pattern")
        .guidance
        .as_deref()
        .unwrap_or_default();
    assert!(pattern.contains("every week, all year"), "{pattern}");
}

#[test]
fn the_default_asks_about_every_part_of_the_development_plan_summary() {
    let qn = parse("default", DEFAULT);
    for (id, kind) in PLAN_SUMMARY {
        assert_eq!(q(&qn, id).kind, kind, "{id}");
    }
    assert_eq!(q(&qn, "music_lead_name").role, Some(Role::MusicLead));
    assert_eq!(q(&qn, "music_hub").role, Some(Role::HubName));
    assert_eq!(q(&qn, "academic_year").role, Some(Role::AcademicYear));
    assert_eq!(
        q(&qn, "mdp_published").show_if,
        equals("mdp_on_website", "yes".into())
    );
    assert_eq!(
        qn.sections[0].questions[6].id, "mdp_on_website",
        "seventh of all"
    );
}

#[test]
fn academic_years_are_the_current_and_the_next_two_from_the_load_date() {
    let raw = parse("default", DEFAULT);
    assert_eq!(
        q(&raw, "academic_year").options_from,
        Some(OptionSource::AcademicYears {
            earlier: 0,
            later: 2
        })
    );
    let labels = |date| {
        let qn = loaded(DEFAULT, date);
        let x = q(&qn, "academic_year");
        assert!(x.options_from.is_none(), "made into options when loaded");
        x.options
            .iter()
            .map(|o| o.label.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(labels((2026, 12, 1)), ["2026/27", "2027/28", "2028/29"]);
    assert_eq!(labels((2027, 8, 31)), ["2026/27", "2027/28", "2028/29"]);
    assert_eq!(labels((2027, 9, 1)), ["2027/28", "2028/29", "2029/30"]);
    let qn = loaded(DEFAULT, (2026, 12, 1));
    assert_eq!(
        option_ids(q(&qn, "academic_year")),
        ["2026-27", "2027-28", "2028-29"]
    );
}

#[test]
fn the_default_asks_for_minutes_only_for_the_key_stages_taught() {
    let qn = parse("default", DEFAULT);
    assert_eq!(
        option_ids(q(&qn, "key_stages")),
        ["eyfs", "ks1", "ks2", "ks3", "ks4", "ks5"]
    );
    for stage in ["eyfs", "ks1", "ks2", "ks3", "ks4"] {
        let m = q(&qn, &format!("{stage}_minutes"));
        assert_eq!(m.unit.as_deref(), Some("minutes"));
        assert!(m.integer && m.min == Some(0.0));
        assert_eq!(
            m.show_if,
            equals("key_stages", serde_json::json!(stage)),
            "{stage}"
        );
    }
    assert!(q(&qn, "eyfs_music").show_if.is_some(), "early years only");
}

#[test]
fn whole_class_ensemble_teaching_follow_ups_appear_only_after_a_yes() {
    let qn = parse("default", DEFAULT);
    assert!(q(&qn, "wcet").guidance.is_some(), "WCET is explained");
    for id in [
        "wcet_years",
        "wcet_instrument",
        "wcet_length",
        "continuation",
    ] {
        assert_eq!(q(&qn, id).show_if, equals("wcet", true.into()), "{id}");
    }
}

#[test]
fn the_default_has_one_four_level_scale_and_section_summaries() {
    let qn = parse("default", DEFAULT);
    // The quality scale for every judgement; the progress scale only for how far each
    // priority agreed at the last review has come, which the scoring never reads.
    assert_eq!(qn.scales.len(), 2);
    let levels: Vec<&str> = qn.scales[0]
        .levels
        .iter()
        .map(|l| l.label.as_str())
        .collect();
    assert_eq!(
        levels,
        ["Not started", "Emerging", "Established", "Thriving"]
    );
    let judged = |repeated: bool| -> Vec<&Question> {
        qn.sections
            .iter()
            .filter(|s| s.repeat.is_some() == repeated)
            .flat_map(|s| &s.questions)
            .filter(|x| x.kind == T::Rating)
            .collect()
    };
    let ratings = judged(false);
    assert!(ratings.len() >= 20, "{} judgements", ratings.len());
    assert!(
        ratings
            .iter()
            .all(|x| x.scale.as_deref() == Some("quality"))
    );
    let progress = judged(true);
    assert_eq!(progress.len(), 1);
    assert_eq!(progress[0].scale.as_deref(), Some("progress"));
    let sums = qn
        .scoring
        .as_ref()
        .and_then(|s| s.section_summaries.as_ref())
        .expect("section summaries");
    assert_eq!(sums.scale, "quality");
    assert_eq!(sums.bands.first().map(|b| b.from), Some(1.0));
    assert!(sums.bands.windows(2).all(|w| w[0].from < w[1].from));
}

#[test]
fn the_default_has_a_sensible_size_and_guidance_on_at_least_a_third_of_its_questions() {
    let qn = parse("default", DEFAULT);
    // A follow-up ("What else …?") is asked only after "Something else" is ticked, so it does
    // not add to the length a school meets.
    let follow_ups: Vec<&str> = qn
        .questions()
        .flat_map(|(_, x)| x.options.iter().filter_map(|o| o.follow_up.as_deref()))
        .collect();
    let n = qn.question_count() - follow_ups.len();
    assert!((80..=110).contains(&n), "{n} questions");
    assert!((9..=11).contains(&qn.sections.len()));
    let guided = qn.questions().filter(|(_, x)| x.guidance.is_some()).count();
    assert!(guided * 3 >= n, "guidance on {guided} of {n}");
    let count = |r| qn.questions().filter(|(_, x)| x.required == r).count();
    let (required, recommended) = (
        count(Requirement::Required),
        count(Requirement::Recommended),
    );
    assert!(
        required >= 10 && recommended > required,
        "{required} / {recommended}"
    );
    for id in [
        "urn",
        "curriculum_basis",
        "progression",
        "wcet",
        "mdp_url",
        "assessment",
    ] {
        assert!(q(&qn, id).guidance.is_some(), "{id}");
    }
}

#[test]
fn the_default_ends_with_strengths_priorities_pledges_consent_and_who_completed_it() {
    let qn = parse("default", DEFAULT);
    for role in [Role::Strength, Role::Priority] {
        let qs: Vec<&Question> = qn.with_role(role).collect();
        assert_eq!(qs.len(), 3, "{}", role.name());
        assert_eq!(qs[0].required, Requirement::Required);
        assert!(qs[1..].iter().all(|x| x.required != Requirement::Required));
    }
    let overall = qn
        .with_role(Role::OverallJudgement)
        .next()
        .expect("overall");
    assert_eq!(
        (overall.kind, overall.required),
        (T::Rating, Requirement::Required)
    );
    for id in ["pledge_advocate", "pledge_inclusive", "pledge_partnership"] {
        assert_eq!(q(&qn, id).kind, T::YesNo, "{id}");
    }
    let consent = q(&qn, "consent");
    assert_eq!(
        (consent.kind, consent.required),
        (T::YesNo, Requirement::Required)
    );
    assert_eq!(q(&qn, "support_wanted").kind, T::MultiChoice);
    let last = qn.sections.last().expect("sections");
    assert!(
        last.questions
            .iter()
            .any(|x| x.role == Some(Role::CompletedBy))
    );
}
