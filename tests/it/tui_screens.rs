//! Every TUI screen as the teacher sees it, one screen per test, at 80×24 and 120×40 (plus
//! the too-small message), reached by key presses from a real data folder. Snapshots are
//! text: the chosen row carries a `›` and colour is off, so meaning shows without it.

use music_sef::draft::Draft;
use music_sef::store::atomic::{Step, inject_fault};
use ratatui_textarea::Key;

use crate::common;
use crate::harness::{TestApp, moment};

/// A home screen with two drafts saved a minute apart, and a damaged one.
fn home_with_drafts() -> TestApp {
    let env = common::env();
    let qn = common::shipped("school-music-self-evaluation");
    let mut d = common::complete_draft(&env, &qn, "Oakfield Primary – 2026/27");
    d.answers.remove("consent");
    d.updated_at = moment();
    env.store.save(&d).expect("save");
    let audit = common::shipped("music-quality-mark-audit");
    let mut other = common::complete_draft(&env, &audit, "Quality mark audit 2026");
    other.updated_at = moment() - chrono::Duration::minutes(1);
    env.store.save(&other).expect("save");
    let broken = Draft::new("Broken", d.questionnaire.clone());
    env.store.save(&broken).expect("save");
    std::fs::write(env.store.draft_file(broken.id), b"{ garbage").expect("garble");
    let mut app = TestApp::in_env(env);
    // The damaged draft is listed first; move to Oakfield.
    app.key(Key::Down);
    app
}

#[test]
fn home_welcome() {
    TestApp::new().snap("home_welcome");
}

#[test]
fn home_drafts() {
    home_with_drafts().snap("home_drafts");
}

#[test]
fn home_confirm_delete() {
    let mut app = home_with_drafts();
    app.key(Key::Char('x'));
    app.snap("home_confirm_delete");
}

#[test]
fn home_rename() {
    let mut app = home_with_drafts();
    app.key(Key::Char('r'));
    app.snap("home_rename");
}

#[test]
fn new_draft_choose() {
    let mut app = TestApp::new();
    app.key(Key::Char('n'));
    app.snap("new_draft_choose");
}

#[test]
fn new_draft_title() {
    let mut app = TestApp::new();
    app.key(Key::Char('n'));
    app.key(Key::Enter);
    for _ in 0..40 {
        app.key(Key::Backspace);
    }
    app.typed("Oakfield Primary – 2026/27");
    app.snap("new_draft_title");
}

fn default_draft() -> TestApp {
    TestApp::with_draft("school-music-self-evaluation", "Oakfield Primary – 2026/27").0
}

#[test]
fn question_text() {
    default_draft().snap("question_text");
}

#[test]
fn question_number_error() {
    let mut app = default_draft();
    app.goto("urn");
    app.typed("12");
    app.key(Key::Enter);
    app.snap("question_number_error");
}

#[test]
fn question_single_choice() {
    let mut app = default_draft();
    app.goto("phase");
    app.key(Key::Char('2'));
    app.key(Key::Down);
    app.snap("question_single_choice");
}

#[test]
fn question_multi_choice() {
    let mut app = default_draft();
    app.goto("key_stages");
    app.key(Key::Char('2'));
    app.key(Key::Char('3'));
    app.snap("question_multi_choice");
}

#[test]
fn question_date() {
    let mut app = default_draft();
    app.goto("review_date");
    app.snap("question_date");
}

#[test]
fn question_yes_no() {
    let mut app = default_draft();
    app.goto("mdp_in_place");
    app.snap("question_yes_no");
}

#[test]
fn question_rating_evidence() {
    let mut app = default_draft();
    app.goto("vision");
    app.key(Key::Char('3'));
    app.key(Key::Tab);
    app.typed("Shared at the staff meeting in September.");
    app.snap("question_rating_evidence");
}

#[test]
fn question_long_text_guidance() {
    let mut app = default_draft();
    app.goto("future_plans");
    app.ctrl('g');
    app.typed("We plan a KS2 choir and a ukulele project.");
    app.snap("question_long_text_guidance");
}

#[test]
fn sections() {
    let mut app = default_draft();
    app.goto("future_plans");
    app.key(Key::F(2));
    app.snap("sections");
}

fn audit_at_lm1() -> TestApp {
    let (mut app, _) = TestApp::with_draft("music-quality-mark-audit", "Audit 2026");
    app.goto("LM1");
    app.key(Key::Down);
    app.key(Key::Down);
    app
}

#[test]
fn question_criterion() {
    audit_at_lm1().snap("question_criterion");
}

#[test]
fn help_on_a_question() {
    let mut app = audit_at_lm1();
    app.key(Key::F(1));
    app.snap("help_workspace");
}

#[test]
fn review_missing() {
    let mut app = audit_at_lm1();
    app.key(Key::F(3));
    app.snap("review_missing");
}

/// The audit with every criterion answered, in review.
fn complete_audit_in_review() -> TestApp {
    let env = common::env();
    let qn = common::shipped("music-quality-mark-audit");
    let d = common::complete_draft(&env, &qn, "Audit 2026");
    let (mut app, _) = TestApp::in_env(env).opened(d);
    app.key(Key::F(3));
    app
}

#[test]
fn review_ready() {
    let mut app = complete_audit_in_review();
    app.key(Key::Char('m'));
    app.snap("review_ready");
}

#[test]
fn review_hub_email() {
    let mut app = complete_audit_in_review();
    app.key(Key::Char('e'));
    app.snap("review_hub_email");
}

#[test]
fn not_saved_banner() {
    let (mut app, _) = TestApp::with_draft("pre-meeting-data-form", "Pre-meeting");
    inject_fault(app.env.store.dir(), Some(Step::NoSpace));
    app.typed("Oakfield");
    app.key(Key::Enter);
    app.snap("not_saved_banner");
    inject_fault(app.env.store.dir(), None);
}

#[test]
fn read_only_in_a_second_window() {
    let (first, d) = TestApp::with_draft("pre-meeting-data-form", "Pre-meeting");
    // The holder's pid, host and time differ per machine; `draft.holder` says who, so a fixed
    // holder keeps the wrapped sentence the same everywhere.
    std::fs::write(
        first.env.store.draft_dir(d.id).join("draft.holder"),
        r#"{"pid":4242,"host":"MUSIC-PC","since":null}"#,
    )
    .expect("rewrite the holder");
    let second = TestApp::in_env(common::Env::beside(&first.env));
    let (mut second, _) = second.opened(d);
    second.typed("x");
    assert!(
        second.ws().session.draft.answers.is_empty(),
        "typing changes nothing"
    );
    second.snap_at("read_only_80x24", 80, 24);
    drop(first);
}

#[test]
fn too_small() {
    TestApp::new().snap_at("too_small", 60, 20);
}

#[test]
fn restore() {
    let env = common::env();
    let qn = common::shipped("pre-meeting-data-form");
    let mut d = common::complete_draft(&env, &qn, "With backups");
    env.store
        .backup(d.id, music_sef::store::BackupReason::SessionStart)
        .expect("backup");
    d.answers.clear();
    d.answers.insert(
        "school_name".into(),
        music_sef::answers::AnswerValue::Text("Oakfield".into()),
    );
    env.store.save(&d).expect("save");
    let mut app = TestApp::in_env(env);
    app.key(Key::Char('b'));
    app.snap("restore");
    app.key(Key::Enter);
    app.key(Key::Char('y'));
    let restored = app.env.store.load(d.id).expect("load");
    assert!(restored.answers.len() > 10, "the fuller backup is back");
}
