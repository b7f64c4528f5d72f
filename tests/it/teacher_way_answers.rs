//! The teacher's way through (issue 14), answering and sending: picking by number, clearing
//! and undoing, long answers, follow-ups, exclusive options, soft warnings and the export
//! screen. Driven by key presses through the real controller.

use music_sef::answers::AnswerValue;
use music_sef::tui::keys::Place;
use music_sef::tui::workspace::View;
use ratatui_textarea::Key;

use crate::common;
use crate::harness::TestApp;

#[test]
fn options_ten_and_above_can_be_picked_by_number() {
    let (mut app, _) = TestApp::with_draft("school-music-self-evaluation", "Many");
    app.goto("support_wanted");
    app.key(Key::Char('1'));
    app.key(Key::Char('1'));
    let chosen = app
        .ws()
        .session
        .draft
        .answers
        .get("support_wanted")
        .cloned();
    let qn = common::shipped("school-music-self-evaluation");
    let eleventh = qn
        .question("support_wanted")
        .map(|q| q.options[10].id.clone())
        .expect("11");
    assert_eq!(chosen, Some(AnswerValue::List(vec![eleventh])));
}

#[test]
fn an_answer_is_cleared_in_one_key_and_undo_brings_it_back_a_word_at_a_time() {
    let (mut app, _) = TestApp::with_draft("pre-meeting-data-form", "Clear");
    app.typed("Oakfield Primary School");
    app.ctrl('z');
    let text = |app: &TestApp| match &app.ws().session.editor {
        music_sef::tui::editor::Editor::Line { area, .. } => area.lines().join(""),
        _ => String::new(),
    };
    assert_eq!(
        text(&app),
        "Oakfield Primary ",
        "one undo takes back a word"
    );
    app.ctrl('k');
    assert_eq!(text(&app), "");
    app.ctrl('z');
    assert_eq!(text(&app), "Oakfield Primary ");
}

#[test]
fn a_long_one_line_answer_wraps_in_a_growing_box_with_the_message_under_it() {
    let (mut app, _) = TestApp::with_draft("pre-meeting-data-form", "Wrap");
    app.typed(
        &"Saint Swithun's Church of England Voluntary Aided Primary School and Nursery ".repeat(2),
    );
    let text = app.screen(80, 24);
    assert!(
        text.contains("Nursery Saint"),
        "wrapped, not scrolled sideways:\n{text}"
    );
    let lines: Vec<&str> = text.lines().collect();
    let bottom = lines
        .iter()
        .position(|l| l.contains('└'))
        .expect("box bottom");
    assert!(
        lines[bottom + 1].contains("Type your answer"),
        "the hint is right under the box:\n{text}"
    );
}

#[test]
fn help_explains_the_marks_and_what_required_means() {
    let (mut app, _) = TestApp::with_draft("pre-meeting-data-form", "Help");
    app.key(Key::F(1));
    let text = app.screen(120, 40);
    for word in [
        "Marks",
        "required answer missing",
        "Recommended",
        "Optional",
    ] {
        assert!(text.contains(word), "{word}:\n{text}");
    }
}

#[test]
fn a_yes_that_opens_follow_up_questions_says_so() {
    let (mut app, _) = TestApp::with_draft("school-music-self-evaluation", "Follow-ups");
    app.goto("choir");
    let before = app.ws().session.walk.overall().total;
    app.key(Key::Char('y'));
    let after = app.ws().session.walk.overall().total;
    assert!(after > before, "the choir's follow-ups apply now");
    let flash = app
        .c
        .app
        .flash
        .as_ref()
        .map(|f| f.text.clone())
        .unwrap_or_default();
    assert!(
        flash.contains("more question") && flash.contains("now apply"),
        "{flash}"
    );
}

#[test]
fn another_folder_for_bundles_is_chosen_on_the_export_screen_and_kept() {
    let env = common::env();
    let qn = common::shipped("pre-meeting-data-form");
    let d = common::complete_draft(&env, &qn, "Folder");
    let (mut app, _) = TestApp::in_env(env).opened(d);
    let chosen = app.env.dir.path().join("Shared drive").join("Music");
    app.key(Key::F(3));
    app.key(Key::Char('e'));
    app.key(Key::Enter); // no hub address
    assert!(matches!(app.ws().view, View::Export(_)));
    app.key(Key::Char('f'));
    assert_eq!(app.c.app.place(), Place::ExportTyping);
    app.ctrl('k');
    app.typed(&chosen.display().to_string());
    app.key(Key::Enter);
    let settings = music_sef::settings::Settings::load(&app.env.dirs);
    assert_eq!(settings.export_dir.as_deref(), Some(chosen.as_path()));
    app.key(Key::Esc);
    app.key(Key::Char('e'));
    app.key(Key::Enter); // still no hub address
    let View::Export(e) = &app.ws().view else {
        panic!("export")
    };
    assert!(
        e.folder.as_ref().is_some_and(|f| f.starts_with(&chosen)),
        "{:?}",
        e.folder
    );
}

#[test]
fn the_export_screen_fits_80x24_with_its_last_line() {
    let env = common::env();
    let qn = common::shipped("pre-meeting-data-form");
    let d = common::complete_draft(&env, &qn, "Fits");
    let (mut app, _) = TestApp::in_env(env).opened(d);
    app.key(Key::F(3));
    app.key(Key::Char('e'));
    app.key(Key::Enter);
    let text = app.screen(80, 24);
    assert!(
        text.contains("Esc to go back"),
        "the last line shows:\n{text}"
    );
}

#[test]
fn an_option_that_goes_on_its_own_unticks_the_others_and_says_so() {
    let (mut app, _) = TestApp::with_draft("school-music-self-evaluation", "Alone");
    app.goto("support_wanted");
    let qn = common::shipped("school-music-self-evaluation");
    let q = qn.question("support_wanted").expect("question");
    let alone = q
        .options
        .iter()
        .position(|o| o.exclusive)
        .expect("an exclusive option");
    app.key(Key::Char('2')); // ticks option 2 at once: no option 20 to wait for
    while app.ws().session.editor_highlight() != Some(alone) {
        app.key(Key::Down);
    }
    app.key(Key::Char(' '));
    let chosen = app
        .ws()
        .session
        .draft
        .answers
        .get("support_wanted")
        .cloned();
    assert_eq!(
        chosen,
        Some(AnswerValue::List(vec![q.options[alone].id.clone()]))
    );
    let flash = app
        .c
        .app
        .flash
        .as_ref()
        .map(|f| f.text.clone())
        .unwrap_or_default();
    assert!(flash.contains("goes on its own"), "{flash}");
}

#[test]
fn numbers_that_do_not_fit_together_get_a_warning_not_a_refusal() {
    let (mut app, _) = TestApp::with_draft("school-music-self-evaluation", "Check");
    app.goto("pupils_on_roll");
    app.typed("210");
    app.key(Key::Enter);
    app.goto("choir");
    app.key(Key::Char('y'));
    app.goto("choir_members");
    app.typed("300");
    app.key(Key::Enter);
    let answers = &app.ws().session.draft.answers;
    assert_eq!(
        answers.get("choir_members").and_then(AnswerValue::as_f64),
        Some(300.0),
        "kept"
    );
    let flash = app
        .c
        .app
        .flash
        .as_ref()
        .map(|f| f.text.clone())
        .unwrap_or_default();
    assert!(flash.starts_with("Please check:"), "{flash}");
    app.key(Key::F(3));
    let text = app.screen(120, 40);
    assert!(text.contains("? Please check"), "{text}");
}
