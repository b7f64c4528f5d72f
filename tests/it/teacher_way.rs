//! The teacher's way through, as issue 14 found it: sending, keys that do what they say,
//! finding your place, a screen that fits 80×24. Each test is one thing a teacher would
//! notice, driven by key presses through the real controller.

use music_sef::answers::{AnswerValue, LevelAnswer};
use music_sef::draft::DraftStatus;
use music_sef::tui::Screen;
use music_sef::tui::keys::Place;
use music_sef::tui::workspace::View;
use ratatui_textarea::Key;

use crate::common;
use crate::harness::TestApp;

fn level(app: &TestApp, id: &str) -> Option<LevelAnswer> {
    app.ws()
        .session
        .draft
        .answers
        .get(id)
        .and_then(AnswerValue::as_level)
        .cloned()
}

#[test]
fn target_numbers_match_the_level_list_and_only_higher_levels_can_be_targets() {
    let (mut app, _) = TestApp::with_draft("music-quality-mark-audit", "Audit");
    app.goto("LM1");
    app.key(Key::Char('3')); // Silver, as numbered in the list
    app.key(Key::Tab); // evidence
    app.key(Key::Tab); // target
    let text = app.screen(120, 40);
    let target_row = text
        .lines()
        .find(|l| l.contains("Target:"))
        .expect("target row");
    assert!(target_row.contains("4 Gold"), "{target_row}");
    assert!(
        !target_row.contains("Not yet") && !target_row.contains("Bronze"),
        "{target_row}"
    );
    app.key(Key::Char('2'));
    assert!(
        app.ws()
            .session
            .error
            .as_deref()
            .is_some_and(|e| e.contains("above the level")),
        "{:?}",
        app.ws().session.error
    );
    app.key(Key::Char('4'));
    assert_eq!(
        level(&app, "LM1").and_then(|l| l.target).as_deref(),
        Some("gold")
    );
    app.key(Key::Char('0'));
    assert_eq!(level(&app, "LM1").and_then(|l| l.target), None);
}

#[test]
fn esc_steps_back_and_only_asks_on_the_home_screen() {
    let (mut app, _) = TestApp::with_draft("pre-meeting-data-form", "Esc");
    app.key(Key::F(3));
    app.key(Key::Esc);
    assert!(matches!(app.ws().view, View::Question), "review → question");
    app.key(Key::F(2));
    app.key(Key::Esc);
    assert!(
        matches!(app.ws().view, View::Question),
        "sections → question"
    );
    app.key(Key::Esc); // stop typing
    app.key(Key::Esc); // back to the drafts
    assert!(matches!(app.c.app.screen, Screen::Home(_)));
    assert!(!app.c.app.should_quit);
    app.key(Key::Esc);
    assert_eq!(
        app.c.app.place(),
        Place::HomeConfirm,
        "the home screen asks"
    );
    app.key(Key::Char('k'));
    assert!(!app.c.app.should_quit, "any other key stays");
    app.key(Key::Esc);
    app.key(Key::Char('y'));
    assert!(app.c.app.should_quit);
}

#[test]
fn after_the_last_answer_r_opens_review_instead_of_typing_into_the_answer() {
    let (mut app, _) = TestApp::with_draft("school-music-self-evaluation", "Last");
    app.goto("completed_by");
    app.typed("Ms A Khan");
    app.key(Key::Enter);
    assert!(
        app.c
            .app
            .flash
            .as_ref()
            .is_some_and(|f| f.text.contains("Press r"))
    );
    app.key(Key::Char('r'));
    assert!(matches!(app.ws().view, View::Review(_)));
    assert_eq!(
        app.ws().session.draft.answers["completed_by"],
        AnswerValue::Text("Ms A Khan".into())
    );
}

#[test]
fn reopening_goes_back_to_where_the_teacher_stopped_with_guidance_as_it_was() {
    let (mut app, d) = TestApp::with_draft("school-music-self-evaluation", "Resume");
    app.goto("singing_quality");
    app.ctrl('g');
    app.ctrl('q');
    let env = common::Env::beside(&app.env);
    drop(app);
    let (again, _) = TestApp::in_env(env).opened(d);
    let s = &again.ws().session;
    assert_eq!(s.question().map(|q| q.id.as_str()), Some("singing_quality"));
    assert!(s.guidance_open);
    let flash = again
        .c
        .app
        .flash
        .as_ref()
        .map(|f| f.text.clone())
        .unwrap_or_default();
    assert!(
        flash.contains("Welcome back — you stopped at 4."),
        "{flash}"
    );
}

#[test]
fn footers_at_80x24_keep_review_help_and_a_way_out() {
    let (mut app, _) = TestApp::with_draft("school-music-self-evaluation", "Footers");
    let footer = |app: &mut TestApp| {
        app.screen(80, 24)
            .lines()
            .last()
            .unwrap_or_default()
            .to_string()
    };
    for (what, keys) in [("typing", vec![]), ("not typing", vec![Key::Esc])] {
        for k in keys {
            app.key(k);
        }
        let f = footer(&mut app);
        assert!(
            f.contains("review") && f.contains("help") && f.contains("quit"),
            "{what}: {f}"
        );
        assert!(!f.contains(" don\""), "{f}");
    }
    app.key(Key::F(3));
    let f = footer(&mut app);
    assert!(
        f.contains("export") && f.contains("back") && f.contains("quit"),
        "review: {f}"
    );
}

#[test]
fn the_e_mail_greets_the_hub_by_name_and_is_signed_by_the_music_lead() {
    let env = common::env();
    let qn = common::shipped("school-music-self-evaluation");
    let mut d = common::complete_draft(&env, &qn, "Oakfield");
    d.answers.insert(
        "music_hub".into(),
        AnswerValue::Text("Riverside Music Hub".into()),
    );
    d.answers.insert(
        "music_lead_name".into(),
        AnswerValue::Text("Ms A Khan".into()),
    );
    env.store.save(&d).expect("save");
    let out = env.dir.path().join("out");
    let report = common::export(&env, &mut d, &qn, &out, false).expect("export");
    let raw = std::fs::read(&report.eml).expect("eml");
    let mail = mail_parser::MessageParser::default()
        .parse(&raw)
        .expect("parses");
    let body = mail.body_text(0).expect("body").replace("\r\n", "\n");
    assert!(
        body.starts_with("Dear colleagues at Riverside Music Hub,"),
        "{body}"
    );
    assert!(
        body.contains("Kind regards,\nMs A Khan\nMusic lead, "),
        "{body}"
    );
    assert!(!body.contains("School's school"), "{body}");
}

#[test]
fn bundles_go_to_the_documents_folder_when_no_folder_is_named() {
    let home = tempfile::tempdir().expect("home");
    let run = |args: &[&str], stdin: &str| {
        let mut c = assert_cmd::Command::cargo_bin("music-sef").expect("binary");
        c.env_remove("MUSIC_SEF_DATA_DIR")
            .env_remove("MUSIC_SEF_EXPORT_DIR")
            .env_remove("XDG_DATA_HOME")
            .env_remove("XDG_CONFIG_HOME")
            .env_remove("XDG_DOCUMENTS_DIR")
            .env("HOME", home.path())
            .env("NO_COLOR", "1")
            .args(args)
            .write_stdin(stdin);
        let out = c.assert().success().get_output().stdout.clone();
        String::from_utf8_lossy(&out).into_owned()
    };
    run(
        &[
            "plain",
            "--questionnaire",
            "pre-meeting-data-form",
            "--title",
            "Docs",
        ],
        "quit\n",
    );
    let text = run(&["export", "Docs", "--allow-incomplete"], "");
    let docs = home.path().join("Documents").join("music-sef");
    assert!(text.contains(&docs.display().to_string()), "{text}");
    assert!(docs.is_dir());
}

#[test]
fn two_drafts_of_different_questionnaires_get_titles_that_tell_them_apart() {
    let mut app = TestApp::new();
    for down in [0, 1] {
        app.key(Key::Char('n'));
        for _ in 0..down {
            app.key(Key::Down);
        }
        app.key(Key::Enter);
        app.key(Key::Enter);
        app.key(Key::Esc); // stop typing
        app.key(Key::Esc); // back to the drafts
    }
    let rows = app.c.workflow.list();
    let titles: Vec<String> = rows
        .iter()
        .filter_map(|r| match r {
            music_sef::workflow::DraftRow::Ok(d) => Some(d.title.clone()),
            music_sef::workflow::DraftRow::Damaged { .. } => None,
        })
        .collect();
    assert_eq!(titles.len(), 2);
    assert_ne!(titles[0], titles[1]);
    for t in &titles {
        assert!(
            app.c.workflow.resolve(t).is_ok(),
            "open \"{t}\" finds one draft"
        );
    }
}

#[test]
fn an_edit_after_export_says_changed_since_export() {
    let env = common::env();
    let qn = common::shipped("pre-meeting-data-form");
    let mut d = common::complete_draft(&env, &qn, "Sent");
    let out = env.dir.path().join("out");
    common::export(&env, &mut d, &qn, &out, false).expect("export");
    let (mut app, _) = TestApp::in_env(env).opened(d);
    app.goto("school_name");
    app.ctrl('k');
    app.typed("Oakfield Primary");
    app.key(Key::Enter);
    assert_eq!(
        app.ws().session.draft.status,
        DraftStatus::ChangedSinceExport
    );
    app.key(Key::F(3));
    let text = app.screen(120, 40);
    assert!(text.contains("Changed since the last export"), "{text}");
}

#[test]
fn review_starts_at_the_first_missing_answer_and_comes_back_after_it_is_fixed() {
    let (mut app, _) = TestApp::with_draft("pre-meeting-data-form", "Fix");
    app.key(Key::F(3));
    let selected_missing = match &app.ws().view {
        View::Review(r) => matches!(
            r.rows.get(r.selected),
            Some(music_sef::tui::workspace::review::ReviewRow::Item { .. })
        ),
        _ => false,
    };
    assert!(selected_missing, "the first missing answer is chosen");
    app.key(Key::Enter);
    assert!(matches!(app.ws().view, View::Question));
    app.typed("Oakfield Primary");
    app.key(Key::Enter);
    assert!(
        matches!(app.ws().view, View::Review(_)),
        "back to review once answered"
    );
}

#[test]
fn review_shows_the_indicative_award_and_what_holds_the_next_one_back() {
    let env = common::env();
    let qn = common::shipped("music-quality-mark-audit");
    let mut d = common::complete_draft(&env, &qn, "Audit");
    for (_, q) in qn
        .questions()
        .filter(|(_, q)| q.kind == music_sef::questionnaire::QuestionType::Criterion)
    {
        let l = if q.id == "C6" { "bronze" } else { "silver" };
        d.answers.insert(
            q.id.clone(),
            AnswerValue::Level(LevelAnswer {
                level: Some(l.into()),
                ..LevelAnswer::default()
            }),
        );
    }
    env.store.save(&d).expect("save");
    let (mut app, _) = TestApp::in_env(env).opened(d);
    app.key(Key::F(3));
    let text = app.screen(120, 40);
    assert!(text.contains("Indicative award: Bronze"), "{text}");
    assert!(text.contains("To reach Silver, work on: C6"), "{text}");
}
