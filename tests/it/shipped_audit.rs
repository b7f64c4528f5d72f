//! The music quality mark audit (29 criteria, each descriptor in our own words with the
//! source's thresholds kept, and an award stated as indicative) and the pre-meeting data form
//! (short: facts and a few lines, the long answer optional, who attends and for how long).

use std::collections::HashSet;

use music_sef::questionnaire::{AwardMethod, Question, QuestionType as T, Requirement, Role};

use crate::shipped_content::{AUDIT, PRE_MEETING, parse, q};

const CRITERIA: [&str; 29] = [
    "O1", "O2", "O3", "O4", "LM1", "LM2", "LM3", "LM4", "LM5", "LM6", "LM7", "LM8", "LM9", "TLA1",
    "TLA2", "TLA3", "TLA4", "PDBW1", "PDBW2", "C1", "C2", "C3", "C4", "C5", "C6", "C7", "MT1",
    "MT2", "MT3",
];

fn is_criterion_code(id: &str) -> bool {
    ["PDBW", "TLA", "LM", "MT", "O", "C"].iter().any(|p| {
        id.strip_prefix(p)
            .is_some_and(|rest| !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit()))
    })
}

fn descriptor<'a>(
    qn: &'a music_sef::questionnaire::Questionnaire,
    id: &str,
    level: &str,
) -> &'a str {
    q(qn, id).descriptors.get(level).map_or("", String::as_str)
}

#[test]
fn the_audit_has_exactly_the_29_criteria_in_six_strands() {
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
    let sizes: Vec<usize> = qn
        .sections
        .iter()
        .map(|s| {
            s.questions
                .iter()
                .filter(|x| x.kind == T::Criterion)
                .count()
        })
        .filter(|n| *n > 0)
        .collect();
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
        assert_eq!((c.evidence, c.target), (Some(true), Some(true)), "{id}");
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

/// The meaning fixes the review asked for, by id: the source's thresholds and claims kept.
#[test]
fn descriptors_keep_the_source_s_thresholds_and_meaning() {
    let qn = parse("audit", AUDIT);
    let has = |id: &str, level: &str, words: &[&str]| {
        let text = descriptor(&qn, id, level);
        for w in words {
            assert!(text.contains(w), "{id} {level} lacks {w:?}: {text}");
        }
    };
    has(
        "O1",
        "gold",
        &["at least 8% of the year group", "GCSE music"],
    );
    has(
        "LM1",
        "silver",
        &["within the last 3 years", "colleagues in school"],
    );
    has("C2", "bronze", &["at least a year"]);
    has(
        "C2",
        "gold",
        &[
            "full year of whole-class ensemble teaching",
            "at least half",
        ],
    );
    has("C4", "gold", &["retention is excellent"]);
    has("PDBW2", "bronze", &["enjoy"]);
    has("TLA3", "silver", &["central to music lessons"]);
    has("C6", "bronze", &["live and recorded"]);
    assert!(!descriptor(&qn, "C4", "gold").contains("most pupils keep going"));
    assert!(!descriptor(&qn, "PDBW2", "bronze").contains("like performing"));
    // C3 Gold: the 2011 plan's four core roles are history, not the current plan.
    assert!(!descriptor(&qn, "C3", "gold").contains("core offer"));
    let c3 = q(&qn, "C3").guidance.as_deref().unwrap_or_default();
    assert!(c3.contains("2011") && c3.contains("2022"), "{c3}");
}

#[test]
fn the_audit_s_award_is_indicative_and_the_hub_decides() {
    let qn = parse("audit", AUDIT);
    let scale = qn.scale("award_level").expect("award_level");
    let ids: Vec<&str> = scale.levels.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["not_yet", "bronze", "silver", "gold"]);
    let award = qn
        .scoring
        .as_ref()
        .and_then(|s| s.award.as_ref())
        .expect("award");
    assert_eq!(award.title, "Indicative award");
    assert_eq!(
        (award.method, award.percent),
        (AwardMethod::HighestLevelAllReach, None)
    );
    assert_eq!(award.no_award_levels, ["not_yet"]);
    let note = award.note.as_deref().expect("a note shown with the award");
    assert!(
        note.contains("Indicative") && note.contains("hub decides"),
        "{note}"
    );
    assert!(qn.description.contains("indicative"), "{}", qn.description);
    assert!(qn.description.contains("about an hour and a half"));
    let target = qn
        .with_role(Role::TargetAward)
        .next()
        .expect("target award");
    let options: Vec<&str> = target.options.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(
        (target.kind, options),
        (T::SingleChoice, vec!["bronze", "silver", "gold"])
    );
    let first = qn.sections.first().expect("about");
    for role in [Role::DevelopmentPlanUrl, Role::TargetAward] {
        assert!(
            first.questions.iter().any(|x| x.role == Some(role)),
            "{}",
            role.name()
        );
    }
    let last = qn.sections.last().expect("closing");
    for role in [Role::Strength, Role::Priority] {
        assert!(
            last.questions.iter().any(|x| x.role == Some(role)),
            "{}",
            role.name()
        );
    }
    let plan = q(&qn, "action_plan_text");
    assert!(plan.kind == T::LongText && plan.prompt.contains("terms"));
}

#[test]
fn the_pre_meeting_form_says_who_attends_for_how_long_and_that_nothing_is_to_gather() {
    let qn = parse("pre-meeting", PRE_MEETING);
    for words in [
        "90 minutes",
        "head teacher",
        "music coordinator",
        "no evidence",
        "15 to 20 minutes",
    ] {
        assert!(
            qn.description.contains(words),
            "{words:?}: {}",
            qn.description
        );
    }
    let both = q(&qn, "both_attending");
    assert_eq!(both.kind, T::YesNo);
    assert!(both.prompt.contains("head teacher") && both.prompt.contains("90 minutes"));
}

#[test]
fn the_pre_meeting_form_is_short_a_few_lines_each_with_the_long_answer_optional() {
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
        assert!(x.prompt.contains("in a few lines"), "{id}: {}", x.prompt);
        let g = x.guidance.as_deref().unwrap_or_default();
        assert!(
            g.starts_with("Two or three sentences") && g.len() < 300,
            "{id}: {g}"
        );
        assert!(x.max_length.is_none(), "{id}: never cut an answer short");
    }
    let more = q(&qn, "more_detail");
    assert_eq!(
        (more.kind, more.required),
        (T::LongText, Requirement::Optional)
    );
    let long_required = qn
        .questions()
        .filter(|(_, x)| x.kind == T::LongText && x.required == Requirement::Required)
        .count();
    assert_eq!(long_required, 3, "only the three short reflections");
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
    assert_eq!(q(&qn, "meeting_date").kind, T::Date);
    assert!(qn.scoring.is_none() && qn.scales.is_empty());
}
