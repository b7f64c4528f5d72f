//! Every TUI screen as the teacher sees it, at 80×24 and 120×40, plus the too-small
//! message. Snapshots are text; colour never carries meaning on its own (NO_COLOR is set).

use crate::common;

use chrono::TimeZone;
use music_sef::answers::{AnswerValue, LevelAnswer};
use music_sef::draft::Draft;
use music_sef::store::SaveStatus;
use music_sef::tui::{Action, Controller, Screen};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn fixed_time() -> chrono::DateTime<chrono::Local> {
    chrono::Local
        .with_ymd_and_hms(2026, 11, 24, 14, 2, 31)
        .single()
        .expect("time")
}

/// Draw the controller's app at a size, with times fixed so snapshots are stable.
fn screen(c: &mut Controller, w: u16, h: u16) -> String {
    if c.app.session.is_some() && !matches!(c.app.save_status, SaveStatus::Failed { .. }) {
        c.app.save_status = SaveStatus::Saved(fixed_time());
    }
    for r in &mut c.app.home.rows {
        r.saved = Some(fixed_time());
    }
    c.app.color = false;
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    t.draw(|f| music_sef::tui::ui::render(f, &c.app))
        .expect("draw");
    format!("{}", t.backend())
}

fn both(name: &str, c: &mut Controller) {
    insta::assert_snapshot!(format!("{name}_80x24"), screen(c, 80, 24));
    insta::assert_snapshot!(format!("{name}_120x40"), screen(c, 120, 40));
}

fn open_draft(env: &common::Env, qn_id: &str, title: &str) -> (Controller, Draft) {
    let qn = common::shipped(qn_id);
    let d = Draft::new(
        title,
        music_sef::draft::QuestionnaireRef {
            id: qn.id.clone(),
            version: qn.version.clone(),
            source: None,
        },
    );
    env.store.save(&d).expect("save");
    let mut c = Controller::new(&env.dirs);
    c.open(d.id).expect("open");
    (c, d)
}

fn goto(c: &mut Controller, id: &str) {
    assert!(
        c.app.session.as_mut().expect("session").go_to_question(id),
        "{id} applies"
    );
}

#[test]
fn home_screens() {
    let env = common::env();
    let mut c = Controller::new(&env.dirs);
    both("home_welcome", &mut c);
    let qn = common::shipped("school-music-self-evaluation");
    let mut d = common::complete_draft(&env, &qn, "Oakfield Primary – 2026/27");
    d.answers.remove("consent");
    env.store.save(&d).expect("save");
    let other = common::complete_draft(
        &env,
        &common::shipped("music-quality-mark-audit"),
        "Quality mark audit 2026",
    );
    let broken = Draft::new("Broken", d.questionnaire.clone());
    env.store.save(&broken).expect("save");
    std::fs::write(env.store.draft_file(broken.id), b"{ garbage").expect("garble");
    c.refresh_home();
    // Stable order and ids for the snapshot.
    c.app
        .home
        .rows
        .sort_by_key(|r| (r.damaged.is_some(), r.title.clone()));
    for r in &mut c.app.home.rows {
        if let Some(why) = &mut r.damaged {
            *why = "This draft's file could not be read (not valid JSON).".to_string();
        }
        if r.damaged.is_some() {
            r.title = "Draft 0f9e26d6".to_string();
        }
    }
    let _ = other;
    both("home_drafts", &mut c);
    c.dispatch(Action::Delete);
    both("home_confirm_delete", &mut c);
    c.dispatch(Action::No);
    c.dispatch(Action::Rename);
    both("home_rename", &mut c);
}

#[test]
fn new_draft_screens() {
    let env = common::env();
    let mut c = Controller::new(&env.dirs);
    c.dispatch(Action::New);
    assert_eq!(c.app.screen, Screen::NewDraft);
    both("new_draft_choose", &mut c);
    c.dispatch(Action::Enter);
    if let Some(t) = c.app.new_draft.title.as_mut() {
        t.select_all();
        t.cut();
        t.insert_str("Oakfield Primary – 2026/27");
    }
    both("new_draft_title", &mut c);
}

#[test]
fn workspace_widgets() {
    let env = common::env();
    let (mut c, _) = open_draft(
        &env,
        "school-music-self-evaluation",
        "Oakfield Primary – 2026/27",
    );
    both("question_text", &mut c);
    goto(&mut c, "urn");
    for ch in "12".chars() {
        c.handle_event(&key(KeyCode::Char(ch)));
    }
    c.handle_event(&key(KeyCode::Enter));
    both("question_number_error", &mut c);
    goto(&mut c, "phase");
    c.handle_event(&key(KeyCode::Char('2')));
    c.handle_event(&key(KeyCode::Down));
    both("question_single_choice", &mut c);
    goto(&mut c, "key_stages");
    c.handle_event(&key(KeyCode::Char('2')));
    c.handle_event(&key(KeyCode::Char('3')));
    both("question_multi_choice", &mut c);
    goto(&mut c, "review_date");
    both("question_date", &mut c);
    goto(&mut c, "mdp_in_place");
    both("question_yes_no", &mut c);
    goto(&mut c, "vision");
    c.handle_event(&key(KeyCode::Char('3')));
    c.handle_event(&key(KeyCode::Tab));
    for ch in "Shared at the staff meeting in September.".chars() {
        c.handle_event(&key(KeyCode::Char(ch)));
    }
    both("question_rating_evidence", &mut c);
    goto(&mut c, "future_plans");
    c.dispatch(Action::ToggleGuidance);
    for ch in "We plan a KS2 choir and a ukulele project.".chars() {
        c.handle_event(&key(KeyCode::Char(ch)));
    }
    both("question_long_text_guidance", &mut c);
    c.handle_event(&key(KeyCode::F(2)));
    both("sections", &mut c);
}

#[test]
fn criterion_review_help_and_export() {
    let env = common::env();
    let (mut c, _) = open_draft(&env, "music-quality-mark-audit", "Audit 2026");
    goto(&mut c, "LM1");
    c.handle_event(&key(KeyCode::Down));
    c.handle_event(&key(KeyCode::Down));
    both("question_criterion", &mut c);
    c.handle_event(&key(KeyCode::F(1)));
    both("help_workspace", &mut c);
    c.handle_event(&key(KeyCode::Esc));
    c.handle_event(&key(KeyCode::F(3)));
    both("review_missing", &mut c);
    // Complete it, then review says it can be marked ready; export.
    let qn = common::shipped("music-quality-mark-audit");
    let s = c.app.session.as_mut().expect("session");
    s.draft.answers = music_sef::synthetic::answers(&qn, 80);
    s.refresh();
    c.dispatch(Action::Back);
    c.dispatch(Action::Review);
    c.dispatch(Action::MarkReady);
    both("review_ready", &mut c);
    c.export_dir = env.dir.path().join("bundles");
    c.dispatch(Action::Export);
    // Nobody knows the hub's address yet: asked once.
    both("review_hub_email", &mut c);
    for ch in "music@hub.example.org".chars() {
        c.handle_event(&key(KeyCode::Char(ch)));
    }
    c.handle_event(&key(KeyCode::Enter));
    assert_eq!(c.app.screen, Screen::Export);
    assert_eq!(
        music_sef::settings::Settings::load(&env.dirs)
            .hub_email
            .as_deref(),
        Some("music@hub.example.org")
    );
    let text = screen(&mut c, 120, 40);
    assert!(text.contains("Your submission bundle is ready"), "{text}");
    assert!(
        text.contains("answers.csv") && text.contains("email-to-hub.eml"),
        "{text}"
    );
    assert!(
        text.contains("addressed to music@hub.example.org"),
        "{text}"
    );
}

#[test]
fn warnings_read_only_and_too_small() {
    let env = common::env();
    let (mut c, d) = open_draft(&env, "pre-meeting-data-form", "Pre-meeting");
    c.app.save_status = SaveStatus::Failed {
        reason: "the disk is full".into(),
        since: fixed_time(),
    };
    both("not_saved_banner", &mut c);
    // A second window on the same draft.
    let mut second = Controller::new(&env.dirs);
    second.open(d.id).expect("open read-only");
    let text = screen(&mut second, 80, 24);
    assert!(text.contains("READ-ONLY"), "{text}");
    second.handle_event(&key(KeyCode::Char('x')));
    assert!(
        second
            .app
            .session
            .as_ref()
            .expect("s")
            .draft
            .answers
            .is_empty(),
        "typing changes nothing"
    );
    insta::assert_snapshot!("read_only_80x24", screen(&mut second, 80, 24));
    insta::assert_snapshot!("too_small", screen(&mut c, 60, 20));
}

#[test]
fn restore_screen_lists_backups_with_progress() {
    let env = common::env();
    let qn = common::shipped("pre-meeting-data-form");
    let mut d = common::complete_draft(&env, &qn, "With backups");
    env.store
        .backup(d.id, music_sef::store::BackupReason::SessionStart)
        .expect("backup");
    d.answers.clear();
    d.answers
        .insert("school_name".into(), AnswerValue::Text("Oakfield".into()));
    env.store.save(&d).expect("save");
    let mut c = Controller::new(&env.dirs);
    c.dispatch(Action::Restore);
    assert_eq!(c.app.screen, Screen::Restore);
    for b in &mut c.app.restore.backups {
        b.taken_at = fixed_time();
    }
    both("restore", &mut c);
    c.dispatch(Action::Enter);
    c.dispatch(Action::Yes);
    let restored = env.store.load(d.id).expect("load");
    assert!(restored.answers.len() > 10, "the fuller backup is back");
    let _ = LevelAnswer::default();
}
