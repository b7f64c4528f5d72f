//! Drafts written against an older questionnaire or by a newer program: answers follow
//! renamed questions, answers to removed questions are kept aside (and come back if the
//! question returns), and a newer draft opens read-only.

use crate::common;

use music_sef::answers::AnswerValue;
use music_sef::draft::Draft;
use music_sef::questionnaire::{Questionnaire, load_str};
use music_sef::store::migrate::reconcile;

/// The documented example questionnaire: its `singing` question lists `singing_in_lessons`
/// in `previous_ids`.
fn example() -> Questionnaire {
    let doc = include_str!("../../docs/questionnaire-format.md");
    let start = doc.find("```json\n{").expect("example") + 8;
    let end = start + doc[start..].find("\n```").expect("end");
    load_str(std::path::Path::new("example.json"), &doc[start..end]).expect("valid")
}

fn install(env: &common::Env, fixture: &str) -> Draft {
    let text =
        std::fs::read_to_string(format!("tests/fixtures/drafts/{fixture}")).expect("fixture");
    let value: serde_json::Value = serde_json::from_str(&text).expect("json");
    let id = uuid::Uuid::parse_str(value["id"].as_str().expect("id")).expect("uuid");
    let dir = env.store.draft_dir(id);
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::write(dir.join("draft.json"), text).expect("write");
    env.store.load(id).expect("loads")
}

#[test]
fn answers_follow_renamed_questions_and_removed_ones_are_kept_aside() {
    let env = common::env();
    let d = install(&env, "renamed_and_removed.json");
    let qn = example();
    let (opened, r) = env.store.open_for(d.id, &qn).expect("open");
    assert_eq!(
        r.renamed,
        [("singing_in_lessons".to_string(), "singing".to_string())]
    );
    assert_eq!(r.orphaned, ["old_budget_question"]);
    let after = opened.draft;
    assert_eq!(after.questionnaire.version, "2026.1");
    assert!(
        matches!(&after.answers["singing"], AnswerValue::Level(l) if l.level.as_deref() == Some("secure"))
    );
    assert!(!after.answers.contains_key("old_budget_question"));
    let kept = &after.orphaned_answers["old_budget_question"];
    assert_eq!(kept.value, AnswerValue::Text("£500 a year".into()));
    assert_eq!(kept.asked_in_version.as_deref(), Some("2025.1"));
    // Saved, with a backup of the draft as it was.
    assert_eq!(env.store.load(d.id).expect("load"), after);
    let backups = env.store.backups(d.id);
    assert_eq!(backups.len(), 1);
    let before: Draft =
        serde_json::from_slice(&std::fs::read(&backups[0].path).expect("read")).expect("parse");
    assert!(before.answers.contains_key("old_budget_question"));
    // The kept answer is shown in review and in the export.
    std::fs::create_dir_all(env.dirs.questionnaires()).expect("mkdir");
    std::fs::write(
        env.dirs.questionnaires().join("riverside.json"),
        serde_json::to_vec(&qn).expect("ser"),
    )
    .expect("install");
    drop(opened.lock);
    let (mut app, _) = crate::harness::TestApp::in_env(crate::common::Env::beside(&env)).opened(d);
    app.key(ratatui_textarea::Key::F(3));
    let text = app.screen(120, 40);
    assert!(text.contains("£500 a year"), "{text}");
}

#[test]
fn a_removed_answer_comes_back_when_its_question_returns() {
    let mut d = Draft::new(
        "x",
        music_sef::draft::QuestionnaireRef {
            id: "riverside-hub-review".into(),
            version: "2025.1".into(),
            source: None,
        },
    );
    d.answers
        .insert("urn".into(), AnswerValue::number(123_456.0).expect("n"));
    let qn = example();
    let mut without = qn.clone();
    without.sections[0].questions.retain(|q| q.id != "urn");
    let r = reconcile(&mut d, &without);
    assert_eq!(r.orphaned, ["urn"]);
    let r = reconcile(&mut d, &qn);
    assert_eq!(r.restored, ["urn"]);
    assert!(d.orphaned_answers.is_empty());
    assert_eq!(d.answers["urn"], AnswerValue::number(123_456.0).expect("n"));
}

#[test]
fn a_draft_from_a_newer_program_opens_read_only_and_is_not_changed() {
    let env = common::env();
    let d = install(&env, "newer_format.json");
    let before = std::fs::read(env.store.draft_file(d.id)).expect("read");
    let (opened, r) = env.store.open_for(d.id, &example()).expect("open");
    assert!(!r.changed());
    let why = opened.read_only.expect("read-only");
    assert!(why.contains("newer version of music-sef"), "{why}");
    assert_eq!(
        std::fs::read(env.store.draft_file(d.id)).expect("read"),
        before,
        "untouched"
    );
}
