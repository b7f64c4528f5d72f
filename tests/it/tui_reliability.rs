//! The full-screen view never loses a word: typed text is saved within a bound however
//! steadily the typing goes, the status never says "Saved" for text only in memory, the loop
//! sleeps without a timer when nothing is due, a burst of letters goes in whole, and quitting
//! with a full disk keeps everything (try again, a recovery copy, or quit after a yes).

use std::time::{Duration, Instant};

use music_sef::answers::AnswerValue;
use music_sef::store::atomic::{Step, inject_fault};
use music_sef::tui::TermEvent;
use music_sef::tui::controller::Finish;
use music_sef::tui::controller::typing::MAX_WAIT;
use music_sef::tui::event_loop::run_loop;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui_textarea::{Input, Key};

use crate::harness::TestApp;

fn key(c: char) -> TermEvent {
    TermEvent::Key(Input {
        key: Key::Char(c),
        ..Input::default()
    })
}

fn ctrl_q() -> TermEvent {
    TermEvent::Key(Input {
        key: Key::Char('q'),
        ctrl: true,
        ..Input::default()
    })
}

/// A fresh draft of the default questionnaire, on its first question (a one-line box).
fn on_school_name() -> TestApp {
    TestApp::with_draft("school-music-self-evaluation", "Oakfield Primary – 2026/27").0
}

/// The questionnaire with one long answer (no length limit of its own) first.
pub fn long_answer() -> String {
    format!(
        "{}/tests/fixtures/questionnaires/valid/one_long_answer.json",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn header(app: &mut TestApp) -> String {
    app.screen(120, 40)
        .lines()
        .next()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn steady_typing_is_saved_within_a_second_of_the_first_key_without_a_pause() {
    let mut app = on_school_name();
    let id = app.ws().session.draft.id;
    let t0 = Instant::now();
    let mut typed = String::new();
    // A key every 100 ms, never a pause; the clock is given, so nothing depends on timing.
    let mut now = t0;
    for c in "Oakfield Primary School".chars() {
        app.c.handle_batch(vec![key(c)], now);
        typed.push(c);
        app.c.tick(now);
        if now >= t0 + MAX_WAIT {
            break;
        }
        now += Duration::from_millis(100);
    }
    app.c.settle();
    let on_disk = app.env.store.load(id).expect("load");
    let saved = match on_disk.answers.get("school_name") {
        Some(AnswerValue::Text(t)) => t.clone(),
        other => panic!("typed for {MAX_WAIT:?} without a pause, on disk: {other:?}"),
    };
    assert!(
        typed.starts_with(&saved) && saved.len() >= 10,
        "{saved:?} of {typed:?}"
    );
}

#[test]
fn a_half_typed_address_is_saved_while_typing_but_not_called_wrong_until_a_pause() {
    let mut app = on_school_name();
    app.goto("music_lead_email");
    let id = app.ws().session.draft.id;
    let t0 = Instant::now();
    app.c
        .handle_batch("music@oak".chars().map(key).collect(), t0);
    // Still typing a second later: kept, not judged.
    app.c.handle_batch(vec![key('f')], t0 + MAX_WAIT);
    assert!(app.c.tick(t0 + MAX_WAIT));
    assert_eq!(app.ws().session.error, None);
    app.c.settle();
    let d = app.env.store.load(id).expect("load");
    assert_eq!(
        d.unfinished.get("music_lead_email").map(String::as_str),
        Some("music@oakf")
    );
    // A pause: now it says what is wrong.
    app.c.handle_batch(vec![key('i')], t0 + MAX_WAIT * 2);
    assert!(app.c.tick(t0 + MAX_WAIT * 3));
    assert!(app.ws().session.error.is_some());
}

#[test]
fn typed_text_is_saved_on_time_with_help_open_over_it() {
    let mut app = on_school_name();
    let id = app.ws().session.draft.id;
    let t0 = Instant::now();
    app.c.handle_batch(vec![key('O'), key('a'), key('k')], t0);
    let f1 = TermEvent::Key(Input {
        key: Key::F(1),
        ..Input::default()
    });
    app.c.handle_batch(vec![f1], t0);
    assert!(app.c.app.help.is_some());
    assert!(app.c.tick(t0 + MAX_WAIT));
    app.c.settle();
    assert_eq!(
        app.env
            .store
            .load(id)
            .expect("load")
            .answers
            .get("school_name"),
        Some(&AnswerValue::Text("Oak".into()))
    );
}

#[test]
fn the_status_never_says_saved_while_typed_text_is_only_in_memory() {
    let mut app = on_school_name();
    app.typed("Oak");
    app.c.dispatch(music_sef::tui::Action::Idle);
    app.c.settle();
    assert!(
        header(&mut app).contains("Saved 14:02:31"),
        "{}",
        header(&mut app)
    );
    app.typed("field");
    let line = header(&mut app);
    assert!(!line.contains("Saved"), "typed text only in memory: {line}");
    assert!(line.contains("Not saved yet"), "{line}");
}

#[test]
fn the_loop_sets_a_timer_only_while_typed_text_waits_to_be_saved() {
    let mut app = on_school_name();
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    let mut calls: Vec<Option<Duration>> = Vec::new();
    let mut idle = 0;
    run_loop(&mut terminal, &mut app.c, |timeout| {
        calls.push(timeout);
        match (calls.len(), timeout) {
            (1, _) => Ok(vec![key('O'), key('a'), key('k')]),
            // A timer is due: let it come (a short real wait).
            (_, Some(t)) => {
                std::thread::sleep(t.min(Duration::from_secs(2)));
                Ok(Vec::new())
            }
            // No timer: in the program only an event or the writer's wake-up ends this
            // wait; here the wait ends at once, as the writer's wake-up would.
            (_, None) => {
                idle += 1;
                std::thread::sleep(Duration::from_millis(20));
                Ok(if idle >= 6 {
                    vec![ctrl_q()]
                } else {
                    Vec::new()
                })
            }
        }
    })
    .expect("loop");
    assert!(
        matches!(calls.get(1), Some(Some(t)) if *t <= music_sef::tui::controller::typing::PAUSE),
        "typed text sets a timer to save it: {calls:?}"
    );
    let after: Vec<_> = calls.iter().skip(1).skip_while(|t| t.is_some()).collect();
    assert!(
        after.len() >= 6 && after.iter().all(|t| t.is_none()),
        "once saved, no timer at all: {calls:?}"
    );
    assert!(app.c.app.should_quit);
}

#[test]
fn a_pause_in_typing_seen_by_the_loop_says_what_is_wrong() {
    let mut app = on_school_name();
    app.goto("music_lead_email");
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    let mut calls = 0;
    run_loop(&mut terminal, &mut app.c, |timeout| {
        calls += 1;
        match (calls, timeout) {
            (1, _) => Ok("music@oak".chars().map(key).collect()),
            // Wake-ups with nothing new (the writer's) do not count as typing.
            (_, Some(t)) => {
                std::thread::sleep(t.min(Duration::from_secs(2)) / 2);
                Ok(Vec::new())
            }
            (_, None) => Ok(vec![ctrl_q()]),
        }
    })
    .expect("loop");
    let error = app.ws().session.error.clone().unwrap_or_default();
    assert!(error.contains("e-mail address"), "{error:?}");
}

#[test]
fn idle_wake_ups_with_nothing_new_draw_nothing() {
    let mut app = on_school_name();
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    let mut n = 0;
    run_loop(&mut terminal, &mut app.c, |timeout| {
        n += 1;
        assert_eq!(timeout, None, "nothing was typed: no timer");
        Ok(if n > 5 { vec![ctrl_q()] } else { Vec::new() })
    })
    .expect("loop");
    // The first frame, then one after Ctrl-Q: five empty wake-ups drew nothing.
    assert_eq!(app.c.frames, 2, "frames drawn");
}

#[test]
fn a_burst_of_sixty_four_kilobytes_of_letters_goes_into_the_answer_whole() {
    let (mut app, _) = TestApp::with_draft(&long_answer(), "Burst");
    let text: String = "We sing every day. ".repeat(64 * 1024 / 19);
    let events: Vec<TermEvent> = text.chars().map(key).collect();
    app.c.handle_batch(events, Instant::now());
    app.c.handle(ctrl_q());
    assert!(app.c.app.should_quit, "Ctrl-Q after the burst quits");
    assert_eq!(
        app.ws().session.draft.answers.get("reflection"),
        Some(&AnswerValue::Text(text.trim_end().to_string()))
    );
}

/// Typed text, then Ctrl-Q with the drafts folder full (the data folder's `recovery/` still
/// has room).
fn quitting_with_a_full_disk() -> TestApp {
    let mut app = on_school_name();
    app.typed("Oakfield Primary");
    inject_fault(app.env.store.dir(), Some(Step::NoSpace));
    app.ctrl('q');
    app
}

#[test]
fn quit_cannot_save() {
    let mut app = quitting_with_a_full_disk();
    assert!(!app.c.app.should_quit, "nothing is thrown away");
    app.snap("quit_cannot_save");
    inject_fault(app.env.store.dir(), None);
}

#[test]
fn quit_recovery_copy() {
    let mut app = quitting_with_a_full_disk();
    app.key(Key::Char('w'));
    let dir = app.env.dir.path().join("recovery");
    let copies: Vec<_> = std::fs::read_dir(&dir)
        .expect("a recovery folder")
        .filter_map(Result::ok)
        .collect();
    assert_eq!(copies.len(), 1);
    let copy = std::fs::read_to_string(copies[0].path()).expect("read");
    assert!(copy.contains("Oakfield Primary"), "{copy}");
    app.snap("quit_recovery_copy");
    app.key(Key::Char('q'));
    assert!(
        app.c.app.should_quit,
        "with the copy written, q quits at once"
    );
    match app.c.finish() {
        Finish::Rescued { copy, reason, .. } => {
            assert_eq!(copy, copies[0].path());
            assert!(reason.contains("disk is full"), "{reason}");
        }
        other => panic!("{other:?}"),
    }
    inject_fault(app.env.store.dir(), None);
}

#[test]
fn quit_confirm_without_saving() {
    let mut app = quitting_with_a_full_disk();
    app.key(Key::Char('q'));
    app.snap("quit_confirm_without_saving");
    // Any other key is no; y quits.
    app.key(Key::Char('k'));
    assert!(!app.c.app.should_quit);
    app.key(Key::Char('q'));
    app.key(Key::Char('y'));
    assert!(app.c.app.should_quit);
    assert!(matches!(app.c.finish(), Finish::NotSaved { detail, .. } if detail.contains("chose")));
    inject_fault(app.env.store.dir(), None);
}

#[test]
fn try_again_after_freeing_space_saves_and_quits() {
    let mut app = quitting_with_a_full_disk();
    let id = app.ws().session.draft.id;
    app.key(Key::Char('t'));
    assert!(!app.c.app.should_quit, "still full: still asking");
    inject_fault(app.env.store.dir(), None);
    app.key(Key::Char('t'));
    assert!(app.c.app.should_quit);
    assert!(matches!(app.c.finish(), Finish::Saved { .. }));
    assert_eq!(
        app.env.store.load(id).expect("load").answers["school_name"],
        AnswerValue::Text("Oakfield Primary".into())
    );
}

#[test]
fn a_stop_signal_with_a_full_disk_keeps_a_recovery_copy_by_itself() {
    let mut app = on_school_name();
    app.typed("Typed as the window closed");
    inject_fault(app.env.store.dir(), Some(Step::NoSpace));
    // What the loop does on a stop signal or a closed window.
    match app.c.finish() {
        Finish::Rescued { copy, .. } => {
            let text = std::fs::read_to_string(&copy).expect("read");
            assert!(text.contains("Typed as the window closed"));
        }
        other => panic!("{other:?}"),
    }
    inject_fault(app.env.store.dir(), None);
}

#[test]
fn going_home_with_a_full_disk_keeps_the_draft_open() {
    let mut app = on_school_name();
    app.typed("Oakfield");
    inject_fault(app.env.store.dir(), Some(Step::NoSpace));
    // Stop typing, then back to the drafts list.
    app.c.dispatch(music_sef::tui::Action::Back);
    app.c.dispatch(music_sef::tui::Action::Back);
    assert!(app.c.app.workspace().is_some(), "still open");
    let flash = app.c.app.flash.clone().map(|f| f.text).unwrap_or_default();
    assert!(flash.contains("nothing is lost"), "{flash}");
    inject_fault(app.env.store.dir(), None);
}

#[test]
fn a_read_only_data_folder_is_called_that_and_nothing_claims_to_be_saved() {
    let (app, d) = TestApp::with_draft("pre-meeting-data-form", "Read-only folder");
    let env = crate::common::Env::beside(&app.env);
    drop(app);
    inject_fault(env.dir.path(), Some(Step::ReadOnly));
    let (mut app, _) = TestApp::in_env(env).opened(d);
    let reason = app.ws().session.read_only.clone().unwrap_or_default();
    assert!(
        reason.contains("cannot write in this draft's folder"),
        "{reason}"
    );
    assert!(reason.contains("read-only"), "{reason}");
    assert!(!reason.contains("another music-sef window"), "{reason}");
    assert!(header(&mut app).contains("READ-ONLY"));
    assert!(matches!(app.c.finish(), Finish::ReadOnly { .. }));
    inject_fault(app.env.dir.path(), None);
}
