//! The shipped questionnaires say what a music lead and a hub expect them to say. This module
//! holds the checks that apply to all three (ids, conditions, the development plan link asked
//! early, roles, no "not applicable" on judgements that always apply) and the helpers the
//! per-questionnaire modules share; `shipped_default` and `shipped_audit` pin each file's facts.
//! These checks are stricter than the loader's so that a slip in the content (a misspelt
//! option id in a `show_if`, a missing descriptor) is caught here, by name.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use chrono::NaiveDate;
use music_sef::questionnaire::{
    Condition, Question, QuestionType as T, Questionnaire, Requirement, Role, load_str_on,
};

pub const DEFAULT: &str = include_str!("../../questionnaires/school-music-self-evaluation.json");
pub const AUDIT: &str = include_str!("../../questionnaires/music-quality-mark-audit.json");
pub const PRE_MEETING: &str = include_str!("../../questionnaires/pre-meeting-data-form.json");
pub const REFLECTION: &str = include_str!("../../questionnaires/follow-up-reflection.json");

/// The file as written (options made at load time, such as academic years, not yet made).
pub fn parse(name: &str, text: &str) -> Questionnaire {
    serde_json::from_str::<Questionnaire>(text).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The file as the program loads it on `date` (y, m, d).
pub fn loaded(text: &str, (y, m, d): (i32, u32, u32)) -> Questionnaire {
    let date = NaiveDate::from_ymd_opt(y, m, d).expect("a real date");
    load_str_on(Path::new("shipped.json"), text, date).unwrap_or_else(|e| panic!("{e}"))
}

pub fn all() -> [(&'static str, Questionnaire); 4] {
    [
        ("school-music-self-evaluation", parse("default", DEFAULT)),
        ("music-quality-mark-audit", parse("audit", AUDIT)),
        ("pre-meeting-data-form", parse("pre-meeting", PRE_MEETING)),
        ("follow-up-reflection", parse("reflection", REFLECTION)),
    ]
}

pub fn q<'a>(qn: &'a Questionnaire, id: &str) -> &'a Question {
    qn.question(id)
        .unwrap_or_else(|| panic!("{}: no question \"{id}\"", qn.id))
}

/// Where a question comes in the file, counting from 1.
pub fn position(qn: &Questionnaire, id: &str) -> usize {
    qn.questions()
        .position(|(_, x)| x.id == id)
        .unwrap_or_else(|| panic!("{}: no question \"{id}\"", qn.id))
        + 1
}

pub fn equals(question: &str, value: serde_json::Value) -> Option<Condition> {
    Some(Condition::Equals {
        question: question.into(),
        value,
    })
}

fn valid_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'))
}

#[test]
fn each_file_parses_and_passes_the_program_s_own_validation() {
    for (file, qn) in all() {
        assert_eq!(qn.id, file, "the id matches the file name");
        assert_eq!(qn.format, "music-sef/questionnaire");
        assert_eq!(qn.format_version, 1);
        assert_eq!(qn.version, "2026.3", "{file}");
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
                assert!(
                    x.options.len() >= 2 || x.options_from.is_some(),
                    "{file}: {} needs options",
                    x.id
                );
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

/// Every judgement in the shipped files applies to every school that is asked it (questions
/// that only fit some schools are hidden by `show_if` instead), so none offers "not applicable".
#[test]
fn no_judgement_offers_not_applicable() {
    for (file, qn) in all() {
        for s in &qn.scales {
            assert!(!s.not_applicable, "{file}: scale {} offers it", s.id);
        }
    }
    let qn = parse("default", DEFAULT);
    let overall = qn
        .with_role(Role::OverallJudgement)
        .next()
        .expect("overall");
    assert!(
        overall.show_if.is_none(),
        "the overall judgement always applies"
    );
}

/// Each form asks first whether the plan summary is published on the website (yes / not yet),
/// then for the link after a yes or the date it is expected after a not yet, early on; the
/// guidance no longer offers the school's home page as a stand-in.
#[test]
fn the_plan_link_comes_early_after_asking_whether_the_summary_is_published() {
    for (file, qn) in all() {
        let plan: Vec<&Question> = qn.with_role(Role::DevelopmentPlanUrl).collect();
        assert_eq!(plan.len(), 1, "{file}");
        let (url, published, expected) =
            (plan[0], q(&qn, "mdp_on_website"), q(&qn, "mdp_expected"));
        assert_eq!(url.id, "mdp_url", "{file}: drafts keep their link");
        assert_eq!((url.kind, url.required), (T::Url, Requirement::Required));
        let options: Vec<&str> = published.options.iter().map(|o| o.id.as_str()).collect();
        assert_eq!(options, ["yes", "not_yet"], "{file}");
        assert_eq!(published.required, Requirement::Required, "{file}");
        assert!(published.show_if.is_none(), "{file}: asked of every school");
        let at = position(&qn, "mdp_on_website");
        assert_eq!(
            position(&qn, "mdp_url"),
            at + 1,
            "{file}: the link is beside it"
        );
        assert_eq!(position(&qn, "mdp_expected"), at + 2, "{file}");
        assert!(at <= 12, "{file}: asked early (question {at})");
        assert_eq!(url.show_if, equals("mdp_on_website", "yes".into()));
        assert_eq!(expected.show_if, equals("mdp_on_website", "not_yet".into()));
        assert_eq!(
            (expected.kind, expected.required),
            (T::Date, Requirement::Required)
        );
        let guidance = url.guidance.as_deref().unwrap_or_default();
        assert!(
            guidance.contains("website"),
            "{file}: says where to find it"
        );
        assert!(
            !guidance.contains("website's address") && !guidance.contains("home page"),
            "{file}: no home-page stand-in"
        );
        let sub = qn.submission.as_ref().expect("sent to a hub");
        assert!(
            sub.hub_email.is_none(),
            "{file}: hubs set their own address"
        );
        let subject = sub.subject.as_deref().expect("subject");
        assert!(subject.contains("{school}") && subject.contains("{date}"));
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
        for word in [
            "leics.gov.uk",
            "Rudland",
            "Marrison",
            "Shuttleworth",
            "tinyurl",
        ] {
            assert!(!text.contains(word), "{file} contains {word}");
        }
    }
}
