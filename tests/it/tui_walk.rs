//! A whole default questionnaire completed by key presses alone, reviewed, marked ready and
//! exported, with every answer on disk afterwards.

use crate::common;

use music_sef::answers::AnswerValue;
use music_sef::questionnaire::QuestionType;
use music_sef::tui::{Controller, Screen};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

fn press(c: &mut Controller, code: KeyCode) {
    c.handle_event(&Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn typed(c: &mut Controller, text: &str) {
    for ch in text.chars() {
        if ch == '\n' {
            press(c, KeyCode::Enter);
        } else {
            press(c, KeyCode::Char(ch));
        }
    }
}

#[test]
fn the_default_questionnaire_is_completed_by_keyboard_alone() {
    for id in ["school-music-self-evaluation", "music-quality-mark-audit"] {
        let env = common::env();
        let mut c = Controller::new(&env.dirs);
        c.export_dir = env.dir.path().join("bundles");
        // Home → new → choose the questionnaire → title → start.
        press(&mut c, KeyCode::Char('n'));
        let pos = c
            .app
            .new_draft
            .choices
            .iter()
            .position(|ch| ch.id == id)
            .expect("offered");
        for _ in 0..pos {
            press(&mut c, KeyCode::Down);
        }
        press(&mut c, KeyCode::Enter);
        press(&mut c, KeyCode::Enter);
        assert_eq!(c.app.screen, Screen::Workspace);
        let qn = common::shipped(id);
        let plan = common::plan(&qn);
        for (q, value) in &plan {
            let current = c
                .app
                .session
                .as_ref()
                .and_then(|s| s.question())
                .map(|x| x.id.clone());
            assert_eq!(
                current.as_deref(),
                Some(q.id.as_str()),
                "{id}: the walk reaches {}",
                q.id
            );
            match q.kind {
                QuestionType::Date => {
                    typed(&mut c, "23/11/2026");
                    press(&mut c, KeyCode::Enter);
                }
                QuestionType::Text
                | QuestionType::Url
                | QuestionType::Email
                | QuestionType::Number => {
                    let text = value
                        .as_text()
                        .map_or_else(|| value.to_json().to_string(), str::to_string);
                    typed(&mut c, &text);
                    press(&mut c, KeyCode::Enter);
                }
                QuestionType::LongText => {
                    typed(&mut c, value.as_text().unwrap_or_default());
                    press(&mut c, KeyCode::Tab);
                }
                QuestionType::SingleChoice => {
                    press(&mut c, KeyCode::Char('2'));
                    press(&mut c, KeyCode::Enter);
                }
                QuestionType::MultiChoice => {
                    press(&mut c, KeyCode::Char('1'));
                    press(&mut c, KeyCode::Char('2'));
                    press(&mut c, KeyCode::Enter);
                }
                QuestionType::YesNo => press(&mut c, KeyCode::Char('y')),
                QuestionType::Rating | QuestionType::Criterion => {
                    press(&mut c, KeyCode::Char('2'));
                    press(&mut c, KeyCode::Tab);
                    typed(&mut c, "Seen in lessons");
                    press(&mut c, KeyCode::Tab);
                    if q.offers_target() {
                        // Target choices are "none" then the levels: 4 is the third level.
                        press(&mut c, KeyCode::Char('4'));
                        press(&mut c, KeyCode::Tab);
                    }
                }
            }
            let s = c.app.session.as_ref().expect("session");
            assert!(s.error.is_none(), "{id}/{}: {:?}", q.id, s.error);
        }
        // Review, mark ready, export, quit: all by keys.
        press(&mut c, KeyCode::F(3));
        assert_eq!(c.app.screen, Screen::Review);
        press(&mut c, KeyCode::Char('m'));
        press(&mut c, KeyCode::Char('e'));
        // The hub's address is asked once; an empty answer skips it.
        press(&mut c, KeyCode::Enter);
        assert_eq!(c.app.screen, Screen::Export, "{id}: {:?}", c.app.flash);
        assert!(!c.app.export.failed, "{:?}", c.app.export.lines);
        c.handle_event(&Event::Key(KeyEvent::new(
            KeyCode::Char('q'),
            KeyModifiers::CONTROL,
        )));
        assert!(c.app.should_quit);
        let d = c.app.session.as_ref().expect("session").draft.id;
        let saved = env.store.load(d).expect("saved");
        let expected: music_sef::answers::Answers =
            plan.into_iter().map(|(q, v)| (q.id, v)).collect();
        assert_eq!(saved.answers, expected, "{id}");
        assert_eq!(saved.status, music_sef::draft::DraftStatus::Exported);
        assert_eq!(
            saved.title, "Oakfield Primary School – 2026/27",
            "{id}: the title follows the school name"
        );
        let _ = AnswerValue::Bool(true);
    }
}

#[test]
fn typed_text_is_kept_when_leaving_and_after_idle() {
    let env = common::env();
    let mut c = Controller::new(&env.dirs);
    press(&mut c, KeyCode::Char('n'));
    press(&mut c, KeyCode::Enter);
    press(&mut c, KeyCode::Enter);
    typed(&mut c, "Half-typed school na");
    // No Enter: an idle moment keeps what was typed.
    c.dispatch(music_sef::tui::Action::Idle);
    let id = c.app.session.as_ref().expect("s").draft.id;
    c.flush();
    assert_eq!(
        env.store.load(id).expect("load").answers["school_name"],
        AnswerValue::Text("Half-typed school na".into())
    );
    // An invalid date is kept as typed and flagged, not lost.
    assert!(
        c.app
            .session
            .as_mut()
            .expect("s")
            .go_to_question("review_date")
    );
    typed(&mut c, "31/02/2026");
    press(&mut c, KeyCode::Tab);
    c.flush();
    let d = env.store.load(id).expect("load");
    assert_eq!(
        d.unfinished.get("review_date").map(String::as_str),
        Some("31/02/2026")
    );
    // Pasted control characters never reach the answer.
    assert!(
        c.app
            .session
            .as_mut()
            .expect("s")
            .go_to_question("local_authority")
    );
    c.handle_event(&Event::Paste("Herts\u{1b}]0;pwned\u{7}\r\nCouncil".into()));
    press(&mut c, KeyCode::Enter);
    c.flush();
    assert_eq!(
        env.store.load(id).expect("load").answers["local_authority"],
        AnswerValue::Text("Herts Council".into())
    );
}

#[test]
fn typing_into_a_text_question_just_types_even_command_letters() {
    let env = common::env();
    let mut c = Controller::new(&env.dirs);
    press(&mut c, KeyCode::Char('n'));
    press(&mut c, KeyCode::Enter);
    press(&mut c, KeyCode::Enter);
    typed(&mut c, "quiet? yes, really: r s g e q");
    assert!(!c.app.should_quit);
    assert_eq!(c.app.screen, Screen::Workspace);
    press(&mut c, KeyCode::Enter);
    let d = &c.app.session.as_ref().expect("s").draft;
    assert_eq!(
        d.answers["school_name"],
        AnswerValue::Text("quiet? yes, really: r s g e q".into())
    );
    // Off a text box the same letters are commands: q saves and quits.
    press(&mut c, KeyCode::Esc);
    press(&mut c, KeyCode::Char('q'));
    assert!(c.app.should_quit);
}

#[test]
fn carried_over_answers_are_confirmed_with_one_key_and_listed_until_then() {
    let env = common::env();
    let qn = common::shipped("pre-meeting-data-form");
    let mut last = common::complete_draft(&env, &qn, "Last year");
    let out = env.dir.path().join("out");
    let report =
        music_sef::export::export_draft(&env.store, &mut last, &qn, &out, &Default::default())
            .expect("export");
    let new =
        music_sef::import::start_from(&report.zip.display().to_string(), &env.dirs, None, None)
            .expect("import");
    let mut c = Controller::new(&env.dirs);
    c.open(new.id).expect("open");
    let first = c
        .app
        .session
        .as_ref()
        .and_then(|s| s.question())
        .map(|q| q.id.clone());
    assert_eq!(
        first.as_deref(),
        Some("school_name"),
        "starts at the first answer to confirm"
    );
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).expect("t");
    t.draw(|f| music_sef::tui::ui::render(f, &c.app))
        .expect("draw");
    assert!(format!("{}", t.backend()).contains("press Enter to confirm or change it"));
    press(&mut c, KeyCode::Enter);
    let s = c.app.session.as_ref().expect("s");
    assert!(!s.draft.is_unconfirmed("school_name"));
    assert!(s.draft.is_unconfirmed("urn"));
    assert_eq!(s.draft.answers, last.answers, "confirming changes nothing");
    press(&mut c, KeyCode::F(3));
    let unconfirmed = c
        .app
        .review
        .rows
        .iter()
        .filter(|r| {
            matches!(
                r,
                music_sef::tui::review::ReviewRow::Item {
                    kind: music_sef::tui::review::ItemKind::Unconfirmed,
                    ..
                }
            )
        })
        .count();
    assert_eq!(
        unconfirmed,
        last.answers.len() - 1,
        "every carried answer but the confirmed one"
    );
}
