//! An answer holds at most about 1 MB of text: typing stops there and the box says so, a
//! paste that would pass it is refused with a message (never cut short), checking refuses a
//! longer answer, and a draft holding one opens read-only with the reason.

use music_sef::answers::AnswerValue;
use music_sef::answers::parse::{MAX_ANSWER_BYTES, parse_typed};
use ratatui_textarea::Key;

use crate::harness::TestApp;
use crate::tui_reliability::long_answer;

fn long_question() -> music_sef::questionnaire::Question {
    let reg = music_sef::questionnaire::Registry::discover(&music_sef::paths::DataDirs::at(
        "/nonexistent-music-sef-test",
    ));
    let qn = reg.find(&long_answer()).expect("fixture").questionnaire;
    qn.question("reflection").expect("question").clone()
}

#[test]
fn checking_refuses_an_answer_over_the_limit_and_says_how_big_it_is() {
    let q = long_question();
    let ok = "a".repeat(MAX_ANSWER_BYTES);
    assert_eq!(
        parse_typed(&q, &ok),
        Ok(Some(AnswerValue::Text(ok.clone())))
    );
    let msg = parse_typed(&q, &"a".repeat(MAX_ANSWER_BYTES + 1)).unwrap_err();
    assert!(msg.contains("1 MB"), "{msg}");
}

#[test]
fn answer_paste_too_big() {
    let (mut app, _) = TestApp::with_draft(&long_answer(), "Limits");
    app.typed("Our choir");
    app.paste(&"Pasted from a book. ".repeat(60_000));
    let s = &app.ws().session;
    assert_eq!(
        s.editor.text_len(),
        "Our choir\n".len(),
        "nothing of the paste went in"
    );
    let msg = s.error.clone().unwrap_or_default();
    assert!(
        msg.contains("Nothing was pasted") && msg.contains("1.2 MB"),
        "{msg}"
    );
    app.snap("answer_paste_too_big");
}

/// 400 more keys into a box that is nearly full: they stop at the limit, and it says why.
fn types_until_full(app: &mut TestApp) {
    for _ in 0..400 {
        app.key(Key::Char('y'));
    }
    let s = &app.ws().session;
    assert!(
        s.editor.text_len() <= MAX_ANSWER_BYTES,
        "{}",
        s.editor.text_len()
    );
    let msg = s.error.clone().unwrap_or_default();
    assert!(msg.contains("This box is full"), "{msg}");
}

#[test]
fn a_full_box_takes_no_more_typing_and_says_so() {
    let (mut app, _) = TestApp::with_draft(&long_answer(), "Limits");
    let line = format!("{}\n", "x".repeat(99));
    app.paste(&line.repeat((MAX_ANSWER_BYTES - 300) / line.len()));
    assert!(
        app.ws().session.error.is_none(),
        "a paste that fits goes in"
    );
    types_until_full(&mut app);
}

#[test]
fn a_draft_holding_an_answer_over_the_limit_opens_read_only_with_the_reason() {
    let app = TestApp::new();
    let d = app
        .c
        .workflow
        .create(
            Some(&long_answer()),
            Some("Too big"),
            crate::harness::moment(),
            crate::harness::moment().date_naive(),
        )
        .expect("create");
    let mut big = d.clone();
    big.answers.insert(
        "reflection".into(),
        AnswerValue::Text("y".repeat(MAX_ANSWER_BYTES * 6 / 5)),
    );
    app.env.store.save(&big).expect("save");
    let before = std::fs::read(app.env.store.draft_file(d.id)).expect("read");
    let (mut app, _) = app.opened(d.clone());
    let reason = app.ws().session.read_only.clone().unwrap_or_default();
    assert!(
        reason.contains("\"reflection\"")
            && reason.contains("1.2 MB")
            && reason.contains("read-only"),
        "{reason}"
    );
    app.typed("more");
    assert!(matches!(
        app.c.finish(),
        music_sef::tui::controller::Finish::ReadOnly { .. }
    ));
    let after = std::fs::read(app.env.store.draft_file(d.id)).expect("read");
    assert!(after == before, "the draft stays exactly as it was");
}

#[test]
fn a_full_box_of_one_paragraph_takes_no_more_typing_either() {
    // No line breaks: most of it waits outside the box's window, and still counts.
    let (mut app, _) = TestApp::with_draft(&long_answer(), "Limits");
    app.paste(&"word ".repeat((MAX_ANSWER_BYTES - 300) / 5));
    assert!(
        app.ws().session.error.is_none(),
        "a paste that fits goes in"
    );
    types_until_full(&mut app);
}
