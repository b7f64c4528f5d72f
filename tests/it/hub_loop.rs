//! Round the whole loop with the program alone: a school exports, the hub takes it in,
//! reviews and decides, writes the feedback; the school imports it and sees it on the home
//! screen, starts the follow-up reflection on the agreed priorities and exports it; the hub
//! takes that in and shows it against the priorities. Bad feedback files are refused or kept
//! read-only.

use std::path::{Path, PathBuf};

use music_sef::answers::AnswerValue;
use music_sef::draft::Draft;
use music_sef::workflow::Workflow;

use crate::common::{self, Env};
use crate::harness::TestApp;
use crate::hub_decide::decide_args;
use crate::hub_setup::{count, hub, stderr, stdout};

const CONTACT: &str = "music.lead@oakfield.sch.uk";

/// The school's exported self-evaluation, in the school's own data folder.
fn school_export(env: &Env) -> (Draft, PathBuf) {
    let qn = common::shipped("school-music-self-evaluation");
    let mut d = common::complete_draft(env, &qn, "Oakfield Primary School – 2026/27");
    for (id, v) in [
        (
            "school_name",
            AnswerValue::Text("Oakfield Primary School".into()),
        ),
        ("urn", AnswerValue::Number(100_001.into())),
        ("music_lead_email", AnswerValue::Text(CONTACT.into())),
    ] {
        d.answers.insert(id.into(), v);
    }
    env.store.save(&d).expect("save");
    let r = common::export(env, &mut d, &qn, &env.dir.path().join("out"), false).expect("export");
    (d, r.zip)
}

/// `hub feedback 100001`: the feedback.json it wrote, after checking the bundle's files.
fn feedback(env: &Env) -> PathBuf {
    let out = hub(env)
        .args([
            "feedback",
            "100001",
            "--hub-name",
            "Riverside Music Hub",
            "--out",
        ])
        .arg(env.dir.path().join("feedback"))
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains(&format!("an e-mail to {CONTACT}")),
        "{}",
        stdout(&out)
    );
    let folder = std::fs::read_dir(env.dir.path().join("feedback"))
        .expect("folder")
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            p.is_dir()
                && !p
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .expect("the feedback folder");
    let named = |end: &str| {
        std::fs::read_dir(&folder)
            .expect("files")
            .flatten()
            .map(|e| e.path())
            .find(|p| p.to_string_lossy().ends_with(end))
            .unwrap_or_else(|| panic!("no file ending {end} in {}", folder.display()))
    };
    let pdf = std::fs::read(named("-letter.pdf")).expect("letter");
    assert!(pdf.starts_with(b"%PDF"), "the letter is a PDF");
    let eml = String::from_utf8_lossy(&std::fs::read(named(".eml")).expect("eml")).into_owned();
    assert!(
        eml.contains(&format!("To: <{CONTACT}>")) || eml.contains(&format!("To: {CONTACT}")),
        "{eml}"
    );
    assert!(
        eml.contains("-letter.pdf") && eml.contains("-feedback.json"),
        "both attached"
    );
    named("-feedback.json")
}

fn import(env: &Env, file: &Path) -> std::process::Output {
    common::bin(env)
        .arg("import")
        .arg(file)
        .output()
        .expect("run")
}

/// Every question of the opened draft answered as the school, exported into `folder` and
/// taken in by the hub: what `hub add` printed.
fn answered_and_taken_in(
    env: &Env,
    mut opened: music_sef::workflow::Opened,
    folder: &str,
) -> String {
    let mut answers = music_sef::synthetic::answers(&opened.questionnaire, 200);
    answers.insert("urn".into(), AnswerValue::Number(100_001.into()));
    answers.insert(
        "school_name".into(),
        AnswerValue::Text("Oakfield Primary School".into()),
    );
    opened.draft.answers = answers;
    drop(opened.lock.take());
    let r = common::export(
        env,
        &mut opened.draft,
        &opened.questionnaire,
        &env.dir.path().join(folder),
        false,
    )
    .expect("export");
    let out = hub(env).arg("add").arg(&r.zip).output().expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
}

fn home(env: &Env) -> String {
    TestApp::in_env(Env::beside(env)).screen(120, 40)
}

#[test]
fn round_the_loop_from_export_to_the_reflection_shown_against_the_priorities() {
    let env = common::env();
    let (school, zip) = school_export(&env);
    let out = hub(&env).arg("add").arg(&zip).output().expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    for args in [
        vec![
            "review".to_string(),
            "100001".into(),
            "--state".into(),
            "in-review".into(),
        ],
        decide_args(100_001),
    ] {
        let out = hub(&env).args(&args).output().expect("run");
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let json = feedback(&env);
    let file: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&json).expect("read")).expect("json");
    assert_eq!(file["format"], "music-sef/feedback");
    let exported = env.store.load(school.id).expect("draft").exports[0]
        .submission
        .clone();
    assert_eq!(file["answers"]["submission"].as_str(), exported.as_deref());

    // The school takes it in: kept on the draft it answers, once.
    let out = import(&env, &json);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Feedback from Riverside Music Hub: 3 priorities, attached to"),
        "{}",
        stdout(&out)
    );
    // The home screen's import key takes feedback too.
    let mut app = TestApp::in_env(Env::beside(&env));
    app.key(ratatui_textarea::Key::Char('i'));
    app.typed(&json.display().to_string());
    app.key(ratatui_textarea::Key::Enter);
    let screen = app.screen(120, 40);
    assert!(screen.contains("was already attached"), "{screen}");
    drop(app);
    assert!(
        home(&env).contains("Feedback from Riverside Music Hub: 3 priorities"),
        "{}",
        home(&env)
    );

    // The follow-up reflection, one section per agreed priority.
    let wf = Workflow::new(&env.dirs);
    // Started on its own (the new-draft screen), it looks back on the feedback held here.
    let alone = wf
        .create(
            Some("follow-up-reflection"),
            None,
            chrono::Utc::now(),
            chrono::Local::now().date_naive(),
        )
        .expect("a reflection started on its own");
    assert_eq!(alone.agreed.as_ref().map(|a| a.priorities.len()), Some(3));
    let (reflection, _) = wf
        .start_from(&school.id.to_string(), Some("follow-up-reflection"), None)
        .expect("reflection");
    assert_eq!(
        reflection.agreed.as_ref().map(|a| a.priorities.len()),
        Some(3)
    );
    let opened = wf.open(reflection.id).expect("open");
    let titles: Vec<String> = opened
        .questionnaire
        .sections
        .iter()
        .map(|s| s.title.clone())
        .collect();
    assert!(
        titles.contains(&"Priority 2: A published plan".to_string()),
        "{titles:?}"
    );
    assert_eq!(
        opened
            .draft
            .answers
            .get("school_name")
            .and_then(|v| v.as_text()),
        Some("Oakfield Primary School")
    );
    let text = answered_and_taken_in(&env, opened, "out2");
    assert!(
        text.contains("it looks back on the priorities agreed with the hub"),
        "{text}"
    );
    assert!(
        text.contains("Priority 1: Singing every week in KS2 — "),
        "{text}"
    );
    assert!(!text.contains("not answered"), "{text}");
    assert_eq!(
        count(
            &env,
            "SELECT count(*) FROM reflections WHERE decision_id IS NOT NULL"
        ),
        1
    );
    // A reflection is shown beside the priorities, never decided on in their place.
    let out = hub(&env).args(decide_args(100_001)).output().expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        count(&env, "SELECT count(DISTINCT submission) FROM decisions"),
        1
    );

    // Next year's self-evaluation from the same draft shows last review's priorities.
    let (next, _) = wf
        .start_from(&school.id.to_string(), None, None)
        .expect("next year");
    let opened = wf.open(next.id).expect("open next year's");
    let since: Vec<&str> = opened
        .questionnaire
        .sections
        .iter()
        .filter(|s| s.title.starts_with("Since the last review: priority"))
        .map(|s| s.intro.as_str())
        .collect();
    assert_eq!(since.len(), 3, "it asks how far each priority has come");
    assert!(since[0].contains("Singing every week in KS2"), "{since:?}");
    // Exported and taken in, the hub's page of the school shows how far each has come.
    let text = answered_and_taken_in(&env, opened, "out3");
    assert!(text.contains("Priority 2: A published plan — "), "{text}");
    let db = music_sef::hub::HubDb::open(&crate::hub_setup::db_path(&env)).expect("open");
    let desk = music_sef::hub::desk::Desk::new(
        db,
        music_sef::questionnaire::Registry::discover(&env.dirs),
        &env.dirs,
    );
    let page = format!(
        "{:?}",
        music_sef::hub::page::build(&desk, 100_001)
            .expect("page")
            .lines
    );
    assert!(
        page.contains("Looks back on the priorities agreed with Riverside Music Hub"),
        "{page}"
    );
    drop(desk);
    let screen = home(&env);
    assert!(
        screen.contains("Last review's priorities with Riverside Music Hub: 1. Singing"),
        "{screen}"
    );
}

#[test]
fn feedback_for_another_submission_is_refused_and_a_newer_one_is_read_only() {
    let env = common::env();
    let (_, zip) = school_export(&env);
    let out = hub(&env).arg("add").arg(&zip).output().expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    let out = hub(&env).args(decide_args(100_001)).output().expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    let json = feedback(&env);
    let original: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&json).expect("read")).expect("json");

    let mut other = original.clone();
    other["answers"]["submission"] = "cd".repeat(32).into();
    other["answers"]["generated_at"] = "2025-06-12T09:30:00Z".into();
    let path = env.dir.path().join("other.json");
    std::fs::write(&path, other.to_string()).expect("write");
    let out = import(&env, &path);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("of Oakfield Primary School (URN 100001), exported on 12 Jun 2025"),
        "{err}"
    );

    let mut newer = original.clone();
    newer["format_version"] = 2.into();
    newer["a_field_from_the_future"] = true.into();
    let path = env.dir.path().join("newer.json");
    std::fs::write(&path, newer.to_string()).expect("write");
    let out = import(&env, &path);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("shown read-only"), "{}", stdout(&out));
    assert!(
        home(&env).contains("(from a newer music-sef: read-only)"),
        "{}",
        home(&env)
    );
}

#[test]
fn a_reflection_with_no_feedback_held_says_to_import_the_feedback_first() {
    let env = common::env();
    let wf = Workflow::new(&env.dirs);
    let e = wf
        .create(
            Some("follow-up-reflection"),
            None,
            chrono::Utc::now(),
            chrono::Local::now().date_naive(),
        )
        .expect_err("nothing to look back on");
    assert!(
        e.to_string().contains("Import the hub's feedback first"),
        "{e}"
    );
    assert!(wf.list().is_empty(), "no empty reflection was left behind");
}
