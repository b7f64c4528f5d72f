//! Whole questionnaires completed by key presses alone, reviewed, marked ready and exported,
//! with every answer on disk afterwards; typed text kept on leaving and on idle; carried-over
//! answers confirmed with one key.

use music_sef::answers::AnswerValue;
use music_sef::questionnaire::{Question, QuestionType};
use music_sef::tui::Action;
use music_sef::tui::keys::Place;
use music_sef::tui::workspace::View;
use music_sef::tui::workspace::review::{ItemKind, ReviewRow};
use ratatui_textarea::Key;

use crate::common;
use crate::harness::TestApp;

/// Answer the current question the way `common::plan` expects, by keys.
fn answer(app: &mut TestApp, q: &Question, value: &AnswerValue) {
    match q.kind {
        QuestionType::Date => {
            app.typed("23/11/2026");
            app.key(Key::Enter);
        }
        QuestionType::Text | QuestionType::Url | QuestionType::Email | QuestionType::Number => {
            let text = value
                .as_text()
                .map_or_else(|| value.to_json().to_string(), str::to_string);
            app.typed(&text);
            app.key(Key::Enter);
        }
        QuestionType::LongText => {
            app.typed(value.as_text().unwrap_or_default());
            app.key(Key::Tab);
        }
        QuestionType::SingleChoice => {
            app.key(Key::Char('2'));
            app.key(Key::Enter);
        }
        QuestionType::MultiChoice => {
            app.key(Key::Char('1'));
            if q.options.len() >= 10 {
                // "1" waits for a second digit (10, 11 …): Space ticks option 1 itself.
                app.key(Key::Char(' '));
            }
            app.key(Key::Char('2'));
            app.key(Key::Enter);
        }
        QuestionType::YesNo => app.key(Key::Char('y')),
        QuestionType::Rating | QuestionType::Criterion => {
            app.key(Key::Char('2'));
            app.key(Key::Tab);
            app.typed("Seen in lessons");
            app.key(Key::Tab);
            if q.offers_target() {
                // Targets carry the level list's numbers: 3 is the third level.
                app.key(Key::Char('3'));
                app.key(Key::Tab);
            }
        }
    }
}

#[test]
fn questionnaires_are_completed_by_keyboard_alone() {
    for id in ["school-music-self-evaluation", "music-quality-mark-audit"] {
        let mut app = TestApp::new();
        // Home → new → choose the questionnaire → title → start.
        app.key(Key::Char('n'));
        let pos = app
            .c
            .workflow
            .choices()
            .iter()
            .position(|ch| ch.id == id)
            .expect("offered");
        for _ in 0..pos {
            app.key(Key::Down);
        }
        app.key(Key::Enter);
        app.key(Key::Enter);
        let qn = common::shipped(id);
        let plan = common::plan(&qn);
        for (q, value) in &plan {
            let current = app.ws().session.question().map(|x| x.id.clone());
            assert_eq!(
                current.as_deref(),
                Some(q.id.as_str()),
                "{id}: the walk reaches {}",
                q.id
            );
            answer(&mut app, q, value);
            let s = &app.ws().session;
            assert!(s.error.is_none(), "{id}/{}: {:?}", q.id, s.error);
            // Every screen on the way draws at the smallest size the layout is made for.
            app.screen(80, 24);
        }
        // Review, mark ready, export, quit: all by keys.
        app.key(Key::F(3));
        app.key(Key::Char('m'));
        app.key(Key::Char('e'));
        // The hub's address is asked once; an empty answer skips it.
        app.key(Key::Enter);
        let View::Export(e) = &app.ws().view else {
            panic!("{id}: export screen, {:?}", app.c.app.flash)
        };
        assert!(!e.failed, "{:?}", e.lines);
        let folder = e.folder.clone().expect("folder");
        assert!(
            folder.starts_with(app.env.dirs.exports()),
            "{}",
            folder.display()
        );
        app.ctrl('q');
        assert!(app.c.app.should_quit);
        let d = app.ws().session.draft.id;
        let saved = app.env.store.load(d).expect("saved");
        let expected: music_sef::answers::Answers =
            plan.into_iter().map(|(q, v)| (q.id, v)).collect();
        assert_eq!(saved.answers, expected, "{id}");
        assert_eq!(saved.status, music_sef::draft::DraftStatus::Exported);
        let year = saved.title.rsplit(' ').next().unwrap_or_default();
        assert_eq!(
            saved.title,
            format!(
                "Oakfield Primary School – {} {year}",
                lower_first(&qn.title)
            ),
            "{id}: the title follows the school name and names the questionnaire"
        );
    }
}

#[test]
fn the_hub_address_is_asked_once_and_addresses_the_e_mail() {
    let env = common::env();
    let qn = common::shipped("music-quality-mark-audit");
    let d = common::complete_draft(&env, &qn, "Audit 2026");
    let (mut app, _) = TestApp::in_env(env).opened(d);
    app.key(Key::F(3));
    app.key(Key::Char('e'));
    assert_eq!(app.c.app.place(), Place::ReviewTyping);
    app.typed("music@hub.example.org");
    app.key(Key::Enter);
    assert!(
        matches!(app.ws().view, View::Export(_)),
        "{:?}",
        app.c.app.flash
    );
    let remembered = music_sef::settings::Settings::load(&app.env.dirs).hub_email;
    assert_eq!(remembered.as_deref(), Some("music@hub.example.org"));
    let text = app.screen(120, 40);
    assert!(text.contains("Your submission bundle is ready"), "{text}");
    assert!(
        text.contains("(PDF)") && text.contains("the e-mail (.eml)"),
        "{text}"
    );
    assert!(
        text.contains("addressed to music@hub.example.org"),
        "{text}"
    );
    // Next time it is not asked.
    app.key(Key::Esc);
    app.key(Key::Char('e'));
    assert!(matches!(app.ws().view, View::Export(_)));
}

#[test]
fn typed_text_is_kept_when_leaving_and_after_idle() {
    let mut app = TestApp::new();
    app.key(Key::Char('n'));
    app.key(Key::Enter);
    app.key(Key::Enter);
    app.typed("Half-typed school na");
    // No Enter: an idle moment keeps what was typed.
    app.c.dispatch(Action::Idle);
    let id = app.ws().session.draft.id;
    app.c.settle();
    let load = |app: &TestApp| app.env.store.load(id).expect("load");
    assert_eq!(
        load(&app).answers["school_name"],
        AnswerValue::Text("Half-typed school na".into())
    );
    // An invalid date is kept as typed and flagged, not lost.
    app.goto("review_date");
    app.typed("31/02/2026");
    app.key(Key::Tab);
    app.c.settle();
    assert_eq!(
        load(&app).unfinished.get("review_date").map(String::as_str),
        Some("31/02/2026")
    );
    // Pasted control characters never reach the answer.
    app.goto("local_authority");
    app.paste("Herts\u{1b}]0;pwned\u{7}\r\nCouncil");
    app.key(Key::Enter);
    app.c.settle();
    assert_eq!(
        load(&app).answers["local_authority"],
        AnswerValue::Text("Herts Council".into())
    );
}

#[test]
fn typing_into_a_text_question_just_types_even_command_letters() {
    let mut app = TestApp::new();
    app.key(Key::Char('n'));
    app.key(Key::Enter);
    app.key(Key::Enter);
    app.typed("quiet? yes, really: r s g e q");
    assert!(!app.c.app.should_quit);
    app.key(Key::Enter);
    assert_eq!(
        app.ws().session.draft.answers["school_name"],
        AnswerValue::Text("quiet? yes, really: r s g e q".into())
    );
    // Off a text box the same letters are commands: r opens review.
    app.key(Key::Esc);
    app.key(Key::Char('r'));
    assert!(matches!(app.ws().view, View::Review(_)));
    assert!(!app.c.app.should_quit, "only Ctrl-Q quits from a draft");
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_lowercase().chain(c).collect())
        .unwrap_or_default()
}

#[test]
fn carried_over_answers_are_confirmed_with_one_key_and_listed_until_then() {
    let env = common::env();
    let qn = common::shipped("pre-meeting-data-form");
    let mut last = common::complete_draft(&env, &qn, "Last year");
    let out = env.dir.path().join("out");
    let report = common::export(&env, &mut last, &qn, &out, false).expect("export");
    let (new, _) = music_sef::workflow::Workflow::new(&env.dirs)
        .start_from(&report.zip.display().to_string(), None, None)
        .expect("import");
    let (mut app, _) = TestApp::in_env(env).opened(new);
    let first = app.ws().session.question().map(|q| q.id.clone());
    assert_eq!(
        first.as_deref(),
        Some("school_name"),
        "starts at the first answer to confirm"
    );
    assert!(
        app.screen(100, 30)
            .contains("press Enter to confirm or change it")
    );
    app.key(Key::Enter);
    let s = &app.ws().session;
    assert!(!s.draft.is_unconfirmed("school_name"));
    assert!(s.draft.is_unconfirmed("urn"));
    assert_eq!(s.draft.answers, last.answers, "confirming changes nothing");
    app.key(Key::F(3));
    let View::Review(review) = &app.ws().view else {
        panic!("review")
    };
    let unconfirmed = review
        .rows
        .iter()
        .filter(|r| {
            matches!(
                r,
                ReviewRow::Item {
                    kind: ItemKind::Unconfirmed,
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

/// Help lists the keys of the screen it was opened from (it once always showed the home
/// screen's keys from the sections list, export, new-draft and restore screens).
#[test]
fn help_shows_the_keys_of_the_screen_it_was_opened_from() {
    let (mut app, _) = TestApp::with_draft("pre-meeting-data-form", "Help");
    app.key(Key::F(2));
    app.key(Key::F(1));
    let text = app.screen(120, 40);
    assert!(text.contains("go to the chosen section"), "{text}");
    assert!(!text.contains("start a new self-evaluation"), "{text}");
    // From the new-draft screen: its own keys, not the drafts list's.
    let mut app = TestApp::new();
    app.key(Key::Char('n'));
    app.key(Key::F(1));
    let text = app.screen(120, 40);
    assert!(text.contains("use the chosen questionnaire"), "{text}");
    assert!(!text.contains("rename the chosen draft"), "{text}");
}
