//! Loading questionnaires: the shipped ones, the documented example, and every kind of
//! mistake a hub author can make, each reported with where and how to fix it.

use std::path::Path;

use music_sef::questionnaire::{QuestionType, Role, load_bytes, load_str};
use proptest::prelude::*;

use super::{doc_example, edited, problems};

#[test]
fn the_documented_example_is_valid_and_uses_every_question_type() {
    let q = load_str(Path::new("example.json"), &doc_example()).expect("the doc example must load");
    for t in [
        QuestionType::Text,
        QuestionType::LongText,
        QuestionType::SingleChoice,
        QuestionType::MultiChoice,
        QuestionType::YesNo,
        QuestionType::Number,
        QuestionType::Date,
        QuestionType::Url,
        QuestionType::Email,
        QuestionType::Rating,
        QuestionType::Criterion,
    ] {
        assert!(
            q.questions().any(|(_, x)| x.kind == t),
            "example lacks {}",
            t.name()
        );
    }
    // Every kind of condition, so the doc shows each one working.
    let conditions = serde_json::to_string(
        &q.questions()
            .filter_map(|(_, x)| x.show_if.as_ref())
            .collect::<Vec<_>>(),
    )
    .expect("serialises");
    for kind in ["equals", "one_of", "answered", "not", "all", "any"] {
        assert!(
            conditions.contains(&format!("\"{kind}\"")),
            "example lacks a {kind} condition"
        );
    }
    // And the other features a hub author may need.
    let qs: Vec<_> = q.questions().map(|(_, x)| x).collect();
    assert!(
        qs.iter()
            .any(|x| x.kind == QuestionType::Rating && !x.offers_evidence())
    );
    assert!(qs.iter().any(|x| x.offers_target()));
    assert!(qs.iter().any(|x| !x.previous_ids.is_empty()));
    assert!(qs.iter().any(|x| x.guidance.is_some()));
    assert!(
        qs.iter()
            .any(|x| x.unit.is_some() && x.integer && x.min.is_some())
    );
    assert!(
        qs.iter()
            .any(|x| x.options.iter().any(|o| o.hint.is_some()))
    );
    for r in [
        music_sef::questionnaire::Requirement::Required,
        music_sef::questionnaire::Requirement::Recommended,
    ] {
        assert!(qs.iter().any(|x| x.required == r));
    }
    assert!(q.scales.iter().any(|s| s.not_applicable));
    let sub = q.submission.as_ref().expect("submission shown");
    assert!(sub.hub_email.is_some() && sub.subject.is_some());
    let scoring = q.scoring.as_ref().expect("scoring shown");
    assert!(scoring.section_summaries.is_some() && scoring.award.is_some());
    // A checklist comparing a number and a date, with a short name for an answer read.
    let checks = serde_json::to_string(&q.checklist).expect("serialises");
    for kind in ["\"at_least\"", "\"all\"", "\"label\""] {
        assert!(checks.contains(kind), "example checklist lacks {kind}");
    }
}

#[test]
fn every_shipped_questionnaire_is_valid() {
    let files = music_sef::questionnaire::builtin::BUILTIN_FILES;
    assert_eq!(files.len(), 4);
    for (name, text) in files {
        let q = load_str(Path::new(name), text).unwrap_or_else(|e| panic!("{e}"));
        let plan: Vec<_> = q.with_role(Role::DevelopmentPlanUrl).collect();
        assert_eq!(plan.len(), 1, "{name} asks for the plan link once");
        assert_eq!(plan[0].kind, QuestionType::Url);
        assert_eq!(
            plan[0].required,
            music_sef::questionnaire::Requirement::Required
        );
        assert!(
            q.with_role(Role::SchoolName).next().is_some(),
            "{name} asks for the school"
        );
    }
}

#[test]
fn the_audit_holds_exactly_the_29_criteria() {
    let (_, text) = music_sef::questionnaire::builtin::BUILTIN_FILES
        .iter()
        .find(|(n, _)| n.contains("audit"))
        .expect("audit shipped");
    let q = load_str(Path::new("audit"), text).expect("valid");
    let ids: Vec<&str> = q
        .questions()
        .filter(|(_, x)| x.kind == QuestionType::Criterion)
        .map(|(_, x)| x.id.as_str())
        .collect();
    let mut expected = Vec::new();
    for (prefix, n) in [
        ("O", 4),
        ("LM", 9),
        ("TLA", 4),
        ("PDBW", 2),
        ("C", 7),
        ("MT", 3),
    ] {
        for i in 1..=n {
            expected.push(format!("{prefix}{i}"));
        }
    }
    assert_eq!(ids, expected);
    for (_, c) in q
        .questions()
        .filter(|(_, x)| x.kind == QuestionType::Criterion)
    {
        for level in ["bronze", "silver", "gold"] {
            assert!(
                c.descriptors.get(level).is_some_and(|d| d.len() > 20),
                "{} {level}",
                c.id
            );
        }
    }
}

#[test]
fn the_default_questionnaire_covers_the_seven_key_features_and_the_plan_summary() {
    let (_, text) = music_sef::questionnaire::builtin::BUILTIN_FILES
        .iter()
        .find(|(n, _)| n.contains("school-music-self-evaluation"))
        .expect("default shipped");
    let q = load_str(Path::new("default"), text).expect("valid");
    // Key features: curriculum time; lessons on instruments and voice; choir; ensemble;
    // rehearsal and practice space; termly performance; live music each year.
    // Development plan summary: year, published, next review, lead, SLT, hub, partners,
    // part A, part B (incl. costs), part C, in the future.
    for id in [
        "ks1_minutes",
        "ks2_minutes",
        "ks3_minutes",
        "lesson_pattern",
        "small_group_lessons",
        "choir",
        "ensemble",
        "practice_space",
        "termly_performance",
        "live_music",
        "academic_year",
        "mdp_published",
        "mdp_next_review",
        "music_lead_name",
        "slt_music_link",
        "music_hub",
        "other_partners",
        "curriculum_summary",
        "qualifications",
        "ensembles_list",
        "lesson_costs",
        "musical_experiences",
        "future_plans",
        "mdp_url",
    ] {
        assert!(q.question(id).is_some(), "missing {id}");
    }
    let with_guidance = q.questions().filter(|(_, x)| x.guidance.is_some()).count();
    assert!(
        with_guidance * 3 >= q.question_count(),
        "guidance on {with_guidance} questions only"
    );
}

#[test]
fn semantic_mistakes_are_all_reported_with_the_place_and_the_fix() {
    let text = edited(|v| {
        let about = &mut v["sections"][0]["questions"];
        about[1]["id"] = "school_name".into(); // duplicate id
        about[2]["options"] = serde_json::json!([]); // empty options
        v["sections"][1]["questions"][2]["scale"] = "stars".into(); // unknown scale
        v["sections"][1]["questions"][0]["min"] = 700.into(); // min > max
        v["sections"][1]["questions"][0]["show_if"] =
            serde_json::json!({"equals": {"question": "completed_by", "value": "x"}}); // forward
        v["sections"][1]["questions"][1]["show_if"] =
            serde_json::json!({"answered": {"question": "no_such_question"}}); // unknown
    });
    let msg = problems(&text);
    for needle in [
        "already used by",
        "needs options",
        "scale \"stars\" is not defined",
        "min (700) is larger than max (600)",
        "\"completed_by\", which comes later",
        "\"no_such_question\", which is not a question",
        "6 problems",
    ] {
        assert!(msg.contains(needle), "missing {needle:?} in:\n{msg}");
    }
    assert!(
        msg.contains("section \"curriculum\" › question \"ks2_minutes\""),
        "{msg}"
    );
}

#[test]
fn a_submission_questionnaire_must_ask_for_the_development_plan_link() {
    let msg = problems(&edited(|v| {
        v["sections"][0]["questions"][5]["role"] = serde_json::Value::Null;
    }));
    assert!(msg.contains("development_plan_url"), "{msg}");
}

#[test]
fn fields_on_the_wrong_type_and_newer_formats_say_what_is_allowed() {
    let msg = problems(&edited(|v| {
        v["sections"][0]["questions"][0]["options"] = serde_json::json!([{"id": "a", "label": "A"}])
    }));
    assert!(
        msg.contains("\"options\" does not belong on a text question"),
        "{msg}"
    );
    let msg = problems(&edited(|v| v["format_version"] = 2.into()));
    assert!(msg.contains("newer music-sef"), "{msg}");
}

#[test]
fn a_criterion_needs_a_descriptor_for_every_award_level() {
    let msg = problems(&edited(|v| {
        v["sections"][2]["questions"][0]["descriptors"]
            .as_object_mut()
            .expect("object")
            .remove("gold");
    }));
    assert!(
        msg.contains("no descriptor for the level \"gold\""),
        "{msg}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_make_the_loader_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = load_bytes(Path::new("random.json"), &bytes);
    }

    #[test]
    fn mutated_questionnaires_never_make_the_loader_panic(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..4), 1..8)
    ) {
        let mut bytes = doc_example().into_bytes();
        for (at, byte, kind) in edits {
            if bytes.is_empty() { break; }
            let i = at.index(bytes.len());
            match kind {
                0 => bytes[i] = byte,
                1 => bytes.truncate(i),
                2 => bytes.insert(i, byte),
                _ => { let chunk: Vec<u8> = bytes[i..bytes.len().min(i + 64)].to_vec(); bytes.splice(i..i, chunk); }
            }
        }
        let _ = load_bytes(Path::new("mutated.json"), &bytes);
    }

    #[test]
    fn reshaped_questionnaires_never_make_the_validator_panic(
        edits in proptest::collection::vec((0usize..64, 0usize..64, 0u8..6, 0usize..8), 1..12)
    ) {
        // Edits that keep the JSON well formed, so they reach validation: moved, copied and
        // removed questions, odd ids and values, and conditions pointing anywhere.
        let words = ["", "phase", "C1", "x y", "not_applicable", "quality", "award_level", "ks2", "bronze"];
        let mut v: serde_json::Value = serde_json::from_str(&doc_example()).expect("parses");
        for (a, b, kind, w) in edits {
            let sections = v["sections"].as_array().map_or(0, Vec::len);
            if sections == 0 { break; }
            let s = a % sections;
            let Some(qs) = v["sections"][s]["questions"].as_array_mut() else { continue };
            if qs.is_empty() { continue; }
            let i = b % qs.len();
            let word = serde_json::Value::from(words[w % words.len()]);
            match kind {
                0 => { qs.remove(i); }
                1 => { let q = qs[i].clone(); qs.insert(b % (qs.len() + 1), q); }
                2 => qs[i]["id"] = word,
                3 => qs[i]["scale"] = word,
                4 => qs[i]["show_if"] = serde_json::json!({"any": [{"equals": {"question": word, "value": word}}, {"not": {"answered": {"question": qs[b % qs.len()]["id"].clone()}}}]}),
                _ => { let t = ["text", "rating", "criterion", "single_choice", "number", "url", "yes_no", "date"][w % 8]; qs[i]["type"] = t.into(); }
            }
        }
        let text = serde_json::to_string(&v).expect("serialises");
        let _ = load_str(Path::new("reshaped.json"), &text);
    }
}
