//! The real binary in a real pseudo-terminal: start, type, quit (terminal restored, answer
//! on disk), a hang-up while typing keeps the typed text, and the hub desk opens, keeps a
//! review state changed by keys and gives the terminal back.

use crate::common;

use std::time::Duration;

use expectrl::Session;
use music_sef::answers::AnswerValue;
use music_sef::store::Listing;

fn spawn(env: &common::Env, args: &[&str]) -> Session {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("music-sef"));
    cmd.args(args)
        .env("MUSIC_SEF_DATA_DIR", env.dir.path())
        .env("TERM", "xterm-256color");
    let mut s = Session::spawn(cmd).expect("spawn in a pty");
    let _ = s.get_process_mut().set_window_size(100, 30);
    s.set_expect_timeout(Some(Duration::from_secs(20)));
    s
}

fn only_draft(env: &common::Env) -> music_sef::draft::Draft {
    match env.store.list().into_iter().next() {
        Some(Listing::Ok(d)) => *d,
        other => panic!("expected one draft, got {other:?}"),
    }
}

#[test]
fn start_type_quit_restores_the_terminal_and_keeps_the_answer() {
    let env = common::env();
    let mut s = spawn(&env, &["new", "--title", "PTY test"]);
    s.expect("What is your school's name?")
        .expect("question shown");
    s.send("Oakfield Primary").expect("type");
    std::thread::sleep(Duration::from_millis(200));
    s.send("\x11").expect("ctrl-q");
    s.expect("\x1b[?1049l")
        .expect("the alternate screen is left");
    s.expect("Saved \"PTY test\"")
        .expect("says where the work is");
    let _ = s.expect(expectrl::Eof);
    assert_eq!(
        only_draft(&env).answers["school_name"],
        AnswerValue::Text("Oakfield Primary".into())
    );
}

#[test]
fn a_hang_up_while_typing_keeps_the_typed_text() {
    let env = common::env();
    let mut s = spawn(&env, &["new", "--title", "Hang-up"]);
    s.expect("What is your school's name?")
        .expect("question shown");
    s.send("Typed before the window closed").expect("type");
    std::thread::sleep(Duration::from_millis(300));
    let pid = s.get_process().pid().to_string();
    let status = std::process::Command::new("kill")
        .args(["-HUP", &pid])
        .status()
        .expect("kill");
    assert!(status.success());
    let _ = s.expect(expectrl::Eof);
    for _ in 0..100 {
        if !s.is_alive().unwrap_or(false) {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(
        only_draft(&env).answers.get("school_name"),
        Some(&AnswerValue::Text("Typed before the window closed".into()))
    );
}

#[test]
fn closing_the_window_saves_the_typed_text_and_ends_the_program() {
    let env = common::env();
    let mut s = spawn(&env, &["new", "--title", "Closed window"]);
    s.expect("What is your school's name?")
        .expect("question shown");
    s.send("Typed just before closing").expect("type");
    std::thread::sleep(Duration::from_millis(300));
    let pid = s.get_process().pid().to_string();
    // Closing the terminal: the pseudo-terminal's master side goes away.
    drop(s);
    let alive = || {
        std::process::Command::new("kill")
            .args(["-0", &pid])
            .status()
            .is_ok_and(|st| st.success())
    };
    for _ in 0..100 {
        if !alive() {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(
        !alive(),
        "music-sef must not keep running after its window is closed"
    );
    assert_eq!(
        only_draft(&env).answers.get("school_name"),
        Some(&AnswerValue::Text("Typed just before closing".into()))
    );
}

#[test]
fn the_hub_desk_opens_in_a_terminal_keeps_a_state_change_and_closes_cleanly() {
    let env = common::env();
    crate::hub_decide::taken_in(&env);
    let db = crate::hub_setup::db_path(&env);
    let mut s = spawn(&env, &["hub", "--db", &db.display().to_string()]);
    s.expect("Showing all schools (4 of 4)")
        .expect("the schools table is shown");
    // Open the first school, change its state to in review with a note, back, quit.
    for keys in ["\r", "r", "Meeting booked", "\r"] {
        s.send(keys).expect("keys");
        std::thread::sleep(Duration::from_millis(150));
    }
    s.expect("Now In review").expect("the change is confirmed");
    s.send("\x1b").expect("esc");
    std::thread::sleep(Duration::from_millis(150));
    s.send("q").expect("quit");
    s.expect("\x1b[?1049l")
        .expect("the alternate screen is left");
    let _ = s.expect(expectrl::Eof);
    assert_eq!(
        crate::hub_setup::count(
            &env,
            "SELECT count(*) FROM review_events WHERE state = 'in_review' AND note = 'Meeting booked'"
        ),
        1
    );
}
