//! The shipped questionnaires say what a music lead and a hub expect them to say: the audit's 29
//! criteria, the development plan link, the seven key features of the National Plan for Music
//! Education and every part of the music development plan summary. These checks are stricter
//! than the loader's so that a slip in the content (a misspelt option id in a `show_if`, a
//! missing descriptor) is caught here, by name.

use std::collections::{HashMap, HashSet};

use music_sef::questionnaire::{
    AwardMethod, Condition, NOT_APPLICABLE, Question, QuestionType as T, Questionnaire,
    Requirement, Role,
};

const DEFAULT: &str = include_str!("../../questionnaires/school-music-self-evaluation.json");
const AUDIT: &str = include_str!("../../questionnaires/music-quality-mark-audit.json");
const PRE_MEETING: &str = include_str!("../../questionnaires/pre-meeting-data-form.json");

fn parse(name: &str, text: &str) -> Questionnaire {
    serde_json::from_str::<Questionnaire>(text).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn all() -> [(&'static str, Questionnaire); 3] {
    [
        ("school-music-self-evaluation", parse("default", DEFAULT)),
        ("music-quality-mark-audit", parse("audit", AUDIT)),
        ("pre-meeting-data-form", parse("pre-meeting", PRE_MEETING)),
    ]
}

fn q<'a>(qn: &'a Questionnaire, id: &str) -> &'a Question {
    qn.question(id)
        .unwrap_or_else(|| panic!("{}: no question \"{id}\"", qn.id))
}

fn valid_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'))
}

fn is_criterion_code(id: &str) -> bool {
    ["PDBW", "TLA", "LM", "MT", "O", "C"].iter().any(|p| {
        id.strip_prefix(p)
            .is_some_and(|rest| !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit()))
    })
}

#[test]
fn each_file_parses_and_passes_the_program_s_own_validation() {
    for (file, qn) in all() {
        assert_eq!(qn.id, file, "the id matches the file name");
        assert_eq!(qn.format, "music-sef/questionnaire");
        assert_eq!(qn.format_version, 1);
        assert_eq!(qn.version, "2026.1");
        assert!(!qn.title.trim().is_empty() && !qn.description.trim().is_empty());
        let problems = music_sef::questionnaire::validate::validate(&qn);
        assert!(problems.is_empty(), "{file}: {problems:#?}");
    }
}

#[test]
fn ids_are_unique_well_formed_and_conditions_look_only_backwards_at_real_answers() {
    for (file, qn) in all() {
        let mut seen = HashSet::new();
        for s in &qn.sections {
            assert!(valid_id(&s.id), "{file}: section id {}", s.id);
            assert!(seen.insert(s.id.clone()), "{file}: id {} used twice", s.id);
            assert!(!s.questions.is_empty(), "{file}: section {} is empty", s.id);
        }
        let mut earlier: HashMap<&str, &Question> = HashMap::new();
        for (_, x) in qn.questions() {
            assert!(valid_id(&x.id), "{file}: question id {}", x.id);
            assert!(seen.insert(x.id.clone()), "{file}: id {} used twice", x.id);
            assert!(
                !x.prompt.trim().is_empty(),
                "{file}: {} has no prompt",
                x.id
            );
            if let Some(cond) = &x.show_if {
                check_condition(file, &x.id, cond, &earlier);
            }
            earlier.insert(&x.id, x);
        }
    }
}

/// Every condition names an earlier question and a value that question can really have, so a
/// misspelt option id cannot hide a question for ever.
fn check_condition(file: &str, at: &str, c: &Condition, earlier: &HashMap<&str, &Question>) {
    let target = |id: &str| -> &Question {
        earlier.get(id).copied().unwrap_or_else(|| {
            panic!("{file}: show_if on {at} refers to \"{id}\", which is not an earlier question")
        })
    };
    let value_ok = |x: &Question, v: &serde_json::Value| match x.kind {
        T::YesNo => v.is_boolean(),
        T::SingleChoice | T::MultiChoice => v.as_str().is_some_and(|s| x.option(s).is_some()),
        _ => true,
    };
    match c {
        Condition::Equals { question, value } => {
            let x = target(question);
            assert!(
                value_ok(x, value),
                "{file}: {at}: {value} is not an answer to {question}"
            );
        }
        Condition::OneOf { question, values } => {
            let x = target(question);
            assert!(!values.is_empty(), "{file}: {at}: empty one_of");
            for v in values {
                assert!(
                    value_ok(x, v),
                    "{file}: {at}: {v} is not an answer to {question}"
                );
            }
        }
        Condition::Answered { question } => {
            target(question);
        }
        Condition::Not(inner) => check_condition(file, at, inner, earlier),
        Condition::All(list) | Condition::Any(list) => {
            for inner in list {
                check_condition(file, at, inner, earlier);
            }
        }
    }
}

#[test]
fn type_specific_fields_make_sense() {
    for (file, qn) in all() {
        for (_, x) in qn.questions() {
            if x.kind.has_options() {
                assert!(x.options.len() >= 2, "{file}: {} needs options", x.id);
                let ids: HashSet<&str> = x.options.iter().map(|o| o.id.as_str()).collect();
                assert_eq!(
                    ids.len(),
                    x.options.len(),
                    "{file}: {} repeats an option",
                    x.id
                );
                assert!(
                    x.options
                        .iter()
                        .all(|o| valid_id(&o.id) && !o.label.trim().is_empty())
                );
            } else {
                assert!(x.options.is_empty(), "{file}: {} has options", x.id);
            }
            if x.kind == T::Number {
                let (min, max) = (x.min.expect("min"), x.max.expect("max"));
                assert!(min <= max, "{file}: {}", x.id);
            }
            if x.kind.uses_scale() {
                let scale = qn
                    .scale_of(x)
                    .unwrap_or_else(|| panic!("{file}: {} scale", x.id));
                assert!(x.offers_evidence(), "{file}: {} should take evidence", x.id);
                assert!(scale.levels.iter().all(|l| !l.meaning.trim().is_empty()));
            }
        }
    }
}

#[test]
fn every_questionnaire_asks_for_exactly_one_required_development_plan_link() {
    for (file, qn) in all() {
        let plan: Vec<&Question> = qn.with_role(Role::DevelopmentPlanUrl).collect();
        assert_eq!(plan.len(), 1, "{file}");
        assert_eq!(plan[0].kind, T::Url, "{file}");
        assert_eq!(plan[0].required, Requirement::Required, "{file}");
        assert!(
            plan[0]
                .guidance
                .as_deref()
                .is_some_and(|g| g.contains("website")),
            "{file}: the guidance says where the link is found"
        );
        let sub = qn.submission.as_ref().expect("sent to a hub");
        assert!(
            sub.hub_email.is_none(),
            "{file}: hubs set their own address"
        );
        let subject = sub.subject.as_deref().expect("subject");
        assert!(
            subject.contains("{school}") && subject.contains("{date}"),
            "{file}"
        );
    }
}

#[test]
fn roles_are_used_once_except_the_repeatable_ones_and_the_essentials_are_there() {
    for (file, qn) in all() {
        for role in Role::ALL {
            let n = qn.with_role(role).count();
            if !role.repeatable() {
                assert!(n <= 1, "{file}: role {} used {n} times", role.name());
            }
        }
        for role in [
            Role::SchoolName,
            Role::Urn,
            Role::Phase,
            Role::MusicLead,
            Role::HeadTeacher,
            Role::ContactEmail,
            Role::CompletedBy,
            Role::CompletionDate,
        ] {
            assert_eq!(qn.with_role(role).count(), 1, "{file}: {}", role.name());
        }
        let name = qn.with_role(Role::SchoolName).next().expect("school");
        assert_eq!(name.required, Requirement::Required, "{file}");
        let urn = qn.with_role(Role::Urn).next().expect("urn");
        assert_eq!(
            (urn.kind, urn.min, urn.max, urn.integer),
            (T::Number, Some(100_000.0), Some(999_999.0), true),
            "{file}: a URN has six digits"
        );
        let by = qn
            .with_role(Role::CompletedBy)
            .next()
            .expect("completed by");
        assert_eq!(by.required, Requirement::Required, "{file}");
    }
}

#[test]
fn no_text_carries_an_e_mail_address_or_a_source_s_contact() {
    for (file, text) in [
        ("default", DEFAULT),
        ("audit", AUDIT),
        ("pre-meeting", PRE_MEETING),
    ] {
        assert!(!text.contains('@'), "{file} contains an e-mail address");
        for word in ["leics.gov.uk", "Rudland", "tinyurl"] {
            assert!(!text.contains(word), "{file} contains {word}");
        }
    }
}

// ---------------------------------------------------------------- the default questionnaire

/// The seven key features of high-quality school music (National Plan for Music Education,
/// 2022) and the question that asks about each:
/// 1. curriculum music at least an hour a week, all year, KS1–3: `ks1_minutes`, `ks2_minutes`,
///    `ks3_minutes` (each shown when that key stage is taught) and `lesson_pattern`;
/// 2. lessons on a range of instruments and voice: `small_group_lessons` (with
///    `instrument_families`, which includes voice, and `wcet`);
/// 3. a choir or vocal ensemble: `choir`;
/// 4. a school ensemble, band or group: `ensemble`;
/// 5. space for rehearsal and individual practice: `practice_space` and `individual_practice`;
/// 6. a termly school performance: `termly_performance`;
/// 7. a live performance to enjoy at least once a year: `live_music`.
const KEY_FEATURES: [(&str, T); 12] = [
    ("ks1_minutes", T::Number),
    ("ks2_minutes", T::Number),
    ("ks3_minutes", T::Number),
    ("lesson_pattern", T::SingleChoice),
    ("small_group_lessons", T::YesNo),
    ("instrument_families", T::MultiChoice),
    ("choir", T::YesNo),
    ("ensemble", T::YesNo),
    ("practice_space", T::Rating),
    ("individual_practice", T::YesNo),
    ("termly_performance", T::YesNo),
    ("live_music", T::YesNo),
];

/// Every part of the DfE music development plan summary (2024 template) and its question:
/// overview table — academic year `academic_year`, date published `mdp_published`, date of next
/// review `mdp_next_review`, music lead `music_lead_name`, SLT member `slt_music_link`, local
/// music hub `music_hub`, other music organisations `other_partners`; part A curriculum music
/// `curriculum_summary` (with the minutes per key stage and `qualifications`); part B
/// co-curricular music `ensembles_list`, `lesson_costs` and `cost_help`; part C musical
/// experiences `musical_experiences` (with `singing_assemblies`); in the future `future_plans`.
const PLAN_SUMMARY: [(&str, T); 14] = [
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
    ("cost_help", T::YesNo),
    ("musical_experiences", T::LongText),
    ("future_plans", T::LongText),
];

#[test]
fn the_default_asks_about_each_of_the_seven_key_features() {
    let qn = parse("default", DEFAULT);
    for (id, kind) in KEY_FEATURES {
        assert_eq!(q(&qn, id).kind, kind, "{id}");
    }
    // The yes/no key features cannot be skipped.
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
    let voice = q(&qn, "instrument_families").option("voice");
    assert!(voice.is_some(), "singing lessons are one of the choices");
}

#[test]
fn the_default_asks_about_every_part_of_the_development_plan_summary() {
    let qn = parse("default", DEFAULT);
    for (id, kind) in PLAN_SUMMARY {
        assert_eq!(q(&qn, id).kind, kind, "{id}");
    }
    let plan = q(&qn, "mdp_url");
    assert_eq!(plan.role, Some(Role::DevelopmentPlanUrl));
    assert_eq!(q(&qn, "music_lead_name").role, Some(Role::MusicLead));
    assert_eq!(q(&qn, "music_hub").role, Some(Role::HubName));
    assert_eq!(q(&qn, "academic_year").role, Some(Role::AcademicYear));
    let years: Vec<&str> = q(&qn, "academic_year")
        .options
        .iter()
        .map(|o| o.label.as_str())
        .collect();
    assert_eq!(years, ["2025/26", "2026/27", "2027/28"]);
}

#[test]
fn the_default_asks_for_minutes_only_for_the_key_stages_taught() {
    let qn = parse("default", DEFAULT);
    let stages = q(&qn, "key_stages");
    let ids: Vec<&str> = stages.options.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids, ["eyfs", "ks1", "ks2", "ks3", "ks4", "ks5"]);
    for stage in ["eyfs", "ks1", "ks2", "ks3", "ks4"] {
        let m = q(&qn, &format!("{stage}_minutes"));
        assert_eq!(m.unit.as_deref(), Some("minutes"));
        assert!(m.integer && m.min == Some(0.0));
        assert_eq!(
            m.show_if,
            Some(Condition::Equals {
                question: "key_stages".into(),
                value: serde_json::json!(stage)
            }),
            "{stage}"
        );
    }
    // Early-years music only for schools with the early years.
    assert!(q(&qn, "eyfs_music").show_if.is_some());
    // Exam courses only where they could exist.
    let exams = q(&qn, "qualifications")
        .show_if
        .as_ref()
        .expect("conditional");
    let reads = exams.referenced_ids();
    assert!(reads.contains(&"phase") && reads.contains(&"key_stages"));
}

#[test]
fn whole_class_ensemble_teaching_follow_ups_appear_only_after_a_yes() {
    let qn = parse("default", DEFAULT);
    assert_eq!(q(&qn, "wcet").kind, T::YesNo);
    assert!(q(&qn, "wcet").guidance.is_some(), "WCET is explained");
    for id in [
        "wcet_years",
        "wcet_instrument",
        "wcet_length",
        "continuation",
    ] {
        assert_eq!(
            q(&qn, id).show_if,
            Some(Condition::Equals {
                question: "wcet".into(),
                value: serde_json::json!(true)
            }),
            "{id}"
        );
    }
}

#[test]
fn the_default_has_one_four_level_scale_and_section_summaries() {
    let qn = parse("default", DEFAULT);
    assert_eq!(qn.scales.len(), 1);
    let scale = &qn.scales[0];
    let levels: Vec<&str> = scale.levels.iter().map(|l| l.label.as_str()).collect();
    assert_eq!(
        levels,
        ["Not started", "Emerging", "Established", "Thriving"]
    );
    assert!(scale.not_applicable);
    assert!(scale.levels.iter().all(|l| l.id != NOT_APPLICABLE));
    let ratings = qn.questions().filter(|(_, x)| x.kind == T::Rating).count();
    assert!(ratings >= 20, "{ratings} judgements");
    for (_, x) in qn.questions().filter(|(_, x)| x.kind == T::Rating) {
        assert_eq!(x.scale.as_deref(), Some("quality"), "{}", x.id);
    }
    let sums = qn
        .scoring
        .as_ref()
        .and_then(|s| s.section_summaries.as_ref())
        .expect("section summaries");
    assert_eq!(sums.scale, "quality");
    assert_eq!(sums.bands.first().map(|b| b.from), Some(1.0));
    assert!(sums.bands.windows(2).all(|w| w[0].from < w[1].from));
    assert!(sums.bands.last().is_some_and(|b| b.from <= 4.0));
}

#[test]
fn the_default_has_a_sensible_size_and_guidance_on_at_least_a_third_of_its_questions() {
    let qn = parse("default", DEFAULT);
    let n = qn.question_count();
    assert!((80..=110).contains(&n), "{n} questions");
    assert!((9..=11).contains(&qn.sections.len()));
    let guided = qn.questions().filter(|(_, x)| x.guidance.is_some()).count();
    assert!(guided * 3 >= n, "guidance on {guided} of {n}");
    let required = qn
        .questions()
        .filter(|(_, x)| x.required == Requirement::Required)
        .count();
    let recommended = qn
        .questions()
        .filter(|(_, x)| x.required == Requirement::Recommended)
        .count();
    assert!(
        required >= 10 && recommended > required,
        "{required} / {recommended}"
    );
    // Words a non-specialist needs explained are explained.
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
    assert!(q(&qn, "curriculum_basis").option("mmc").is_some());
    assert!(
        q(&qn, "curriculum_basis")
            .guidance
            .as_deref()
            .is_some_and(|g| g.contains("Model Music Curriculum"))
    );
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

// ---------------------------------------------------------------- the quality mark audit

const CRITERIA: [&str; 29] = [
    "O1", "O2", "O3", "O4", "LM1", "LM2", "LM3", "LM4", "LM5", "LM6", "LM7", "LM8", "LM9", "TLA1",
    "TLA2", "TLA3", "TLA4", "PDBW1", "PDBW2", "C1", "C2", "C3", "C4", "C5", "C6", "C7", "MT1",
    "MT2", "MT3",
];

#[test]
fn the_audit_has_exactly_the_29_criteria_in_order() {
    let qn = parse("audit", AUDIT);
    let criteria: Vec<&str> = qn
        .questions()
        .filter(|(_, x)| x.kind == T::Criterion)
        .map(|(_, x)| x.id.as_str())
        .collect();
    assert_eq!(criteria, CRITERIA);
    let coded: Vec<&str> = qn
        .questions()
        .map(|(_, x)| x.id.as_str())
        .filter(|id| is_criterion_code(id))
        .collect();
    assert_eq!(coded, CRITERIA, "no other question uses a criterion code");
    // Six strands, one section each, between the opening and closing sections.
    let strands: Vec<Vec<&str>> = qn
        .sections
        .iter()
        .map(|s| {
            s.questions
                .iter()
                .filter(|x| x.kind == T::Criterion)
                .map(|x| x.id.as_str())
                .collect::<Vec<_>>()
        })
        .filter(|ids| !ids.is_empty())
        .collect();
    let sizes: Vec<usize> = strands.iter().map(Vec::len).collect();
    assert_eq!(sizes, [4, 9, 4, 2, 7, 3]);
    for s in &qn.sections {
        let kinds: HashSet<bool> = s.questions.iter().map(|x| x.kind == T::Criterion).collect();
        assert_eq!(
            kinds.len(),
            1,
            "section {} mixes criteria and other questions",
            s.id
        );
    }
}

#[test]
fn each_criterion_has_three_descriptors_evidence_and_a_target() {
    let qn = parse("audit", AUDIT);
    for id in CRITERIA {
        let c = q(&qn, id);
        assert_eq!(c.scale.as_deref(), Some("award_level"), "{id}");
        assert_eq!(c.required, Requirement::Required, "{id}");
        assert_eq!(c.evidence, Some(true), "{id}");
        assert_eq!(c.target, Some(true), "{id}");
        assert!(
            c.prompt.starts_with(&format!("{id} · ")),
            "{id}: {}",
            c.prompt
        );
        assert!(
            c.prompt.chars().count() <= 70,
            "{id}: keep the prompt short"
        );
        assert!(c.guidance.is_some(), "{id}");
        let levels: Vec<&str> = c.descriptors.keys().map(String::as_str).collect();
        assert_eq!(levels, ["bronze", "gold", "silver"], "{id}");
        let texts: HashSet<&str> = c.descriptors.values().map(String::as_str).collect();
        assert_eq!(texts.len(), 3, "{id}: each level says something different");
        assert!(texts.iter().all(|t| t.len() >= 40), "{id}");
    }
}

#[test]
fn the_audit_awards_the_highest_level_every_criterion_reaches() {
    let qn = parse("audit", AUDIT);
    let scale = qn.scale("award_level").expect("award_level");
    let ids: Vec<&str> = scale.levels.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["not_yet", "bronze", "silver", "gold"]);
    assert!(!scale.not_applicable, "every criterion must be judged");
    assert!(scale.levels.iter().all(|l| !l.meaning.is_empty()));
    let award = qn
        .scoring
        .as_ref()
        .and_then(|s| s.award.as_ref())
        .expect("award");
    assert_eq!(award.title, "Indicative award");
    assert_eq!(award.scale, "award_level");
    assert_eq!(award.method, AwardMethod::HighestLevelAllReach);
    assert_eq!(award.no_award_levels, ["not_yet"]);
    let target = qn
        .with_role(Role::TargetAward)
        .next()
        .expect("target award");
    let options: Vec<&str> = target.options.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(target.kind, T::SingleChoice);
    assert_eq!(options, ["bronze", "silver", "gold"]);
    // The plan link and target come before the criteria; the action plan after them.
    let first = qn.sections.first().expect("about");
    assert!(
        first
            .questions
            .iter()
            .any(|x| x.role == Some(Role::DevelopmentPlanUrl))
    );
    assert!(
        first
            .questions
            .iter()
            .any(|x| x.role == Some(Role::TargetAward))
    );
    let last = qn.sections.last().expect("closing");
    assert!(
        last.questions
            .iter()
            .any(|x| x.role == Some(Role::Strength))
    );
    assert!(
        last.questions
            .iter()
            .any(|x| x.role == Some(Role::Priority))
    );
    let plan = q(&qn, "action_plan_text");
    assert_eq!(plan.kind, T::LongText);
    assert!(plan.prompt.contains("terms"));
}

// ---------------------------------------------------------------- the pre-meeting data form

#[test]
fn the_pre_meeting_form_is_short_and_ends_with_intent_implementation_impact_and_topics() {
    let qn = parse("pre-meeting", PRE_MEETING);
    assert!(
        qn.question_count() <= 35,
        "{} questions",
        qn.question_count()
    );
    for id in ["intent", "implementation", "impact"] {
        let x = q(&qn, id);
        assert_eq!(
            (x.kind, x.required),
            (T::LongText, Requirement::Required),
            "{id}"
        );
        assert!(x.guidance.as_deref().is_some_and(|g| g.len() > 100), "{id}");
        assert!(
            x.max_length.is_none(),
            "{id}: never cut a long answer short"
        );
    }
    let topics: Vec<&Question> = qn.with_role(Role::DiscussionTopic).collect();
    assert_eq!(topics.len(), 3);
    assert!(topics.iter().all(|x| x.kind == T::Text));
    assert_eq!(topics[0].required, Requirement::Required);
    assert!(
        topics[1..]
            .iter()
            .all(|x| x.required == Requirement::Optional)
    );
    for id in [
        "meeting_date",
        "who_teaches",
        "scheme",
        "wcet",
        "pupils_having_lessons",
        "ensembles",
        "performances_last_year",
        "live_music_last_year",
        "ks1_minutes",
        "ks2_minutes",
        "ks3_minutes",
    ] {
        q(&qn, id);
    }
    assert_eq!(q(&qn, "who_teaches").kind, T::MultiChoice);
    assert_eq!(q(&qn, "scheme").kind, T::SingleChoice);
    assert_eq!(q(&qn, "meeting_date").kind, T::Date);
    assert!(qn.scoring.is_none() && qn.scales.is_empty());
}
