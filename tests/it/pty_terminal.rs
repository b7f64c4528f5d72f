//! The real binary in a pseudo-terminal, as a teacher meets the edges of the full-screen view:
//! with its output redirected it draws on the terminal and the file gets plain text only;
//! the mouse can be left to the terminal (`--no-mouse`, F4, remembered).

use crate::common;

use std::time::Duration;

use expectrl::Session;

/// Switches sent by crossterm's EnableMouseCapture and DisableMouseCapture (their first).
const MOUSE_ON: &str = "\x1b[?1000h";
const MOUSE_OFF: &str = "\x1b[?1000l";
/// F4 as an xterm sends it.
const F4: &str = "\x1bOS";
const QUESTION: &str = "What is your school's name?";

fn session(env: &common::Env, mut cmd: std::process::Command) -> Session {
    cmd.env("MUSIC_SEF_DATA_DIR", env.dir.path())
        .env("TERM", "xterm-256color")
        .env_remove("MUSIC_SEF_CONFIG_DIR");
    let mut s = Session::spawn(cmd).expect("spawn in a pty");
    let _ = s.get_process_mut().set_window_size(100, 30);
    s.set_expect_timeout(Some(Duration::from_secs(20)));
    s
}

fn spawn(env: &common::Env, args: &[&str]) -> Session {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("music-sef"));
    cmd.args(args);
    session(env, cmd)
}

/// What the program drew before the first question appeared.
fn until_question(s: &mut Session) -> String {
    let found = s.expect(QUESTION).expect("question shown");
    String::from_utf8_lossy(found.before()).into_owned()
}

fn quit(mut s: Session) {
    std::thread::sleep(Duration::from_millis(200));
    s.send("\x11").expect("ctrl-q");
    let _ = s.expect(expectrl::Eof);
}

#[test]
fn with_output_redirected_the_view_draws_on_the_terminal_and_the_file_gets_plain_text() {
    let env = common::env();
    let file = env.dir.path().join("out.txt");
    let mut cmd = std::process::Command::new("sh");
    cmd.args(["-c", "exec \"$0\" new --title Redirected > \"$1\""])
        .arg(assert_cmd::cargo::cargo_bin("music-sef"))
        .arg(&file);
    let mut s = session(&env, cmd);
    let drawn = until_question(&mut s);
    assert!(drawn.contains("\x1b[?1049h"), "the view is on the terminal");
    quit(s);
    let written = std::fs::read_to_string(&file).expect("the redirected output");
    assert!(
        !written.contains('\x1b'),
        "no escape codes in the file: {written:?}"
    );
    assert!(written.contains("Saved \"Redirected\""), "{written:?}");
}

#[test]
fn the_mouse_can_be_left_to_the_terminal_and_f4_remembers_it() {
    let env = common::env();
    let mut s = spawn(&env, &["new", "--title", "Mouse"]);
    assert!(
        until_question(&mut s).contains(MOUSE_ON),
        "taken by default"
    );
    s.send(F4).expect("F4");
    s.expect(MOUSE_OFF).expect("given back at once");
    s.expect("Mouse off").expect("and it says so");
    quit(s);
    let settings = std::fs::read_to_string(env.dirs.settings_file()).expect("settings");
    assert!(settings.contains("\"mouse\": false"), "{settings}");

    let mut s = spawn(&env, &["new", "--title", "Mouse again"]);
    assert!(!until_question(&mut s).contains(MOUSE_ON), "remembered");
    s.send(F4).expect("F4");
    s.expect(MOUSE_ON).expect("taken again");
    s.expect("Mouse on").expect("and it says so");
    quit(s);
    let settings = std::fs::read_to_string(env.dirs.settings_file()).expect("settings");
    assert!(!settings.contains("mouse"), "{settings}");
}

#[test]
fn no_mouse_leaves_the_mouse_to_the_terminal_for_one_run() {
    let env = common::env();
    let mut s = spawn(&env, &["--no-mouse", "new", "--title", "No mouse"]);
    assert!(!until_question(&mut s).contains(MOUSE_ON));
    quit(s);
    assert!(!env.dirs.settings_file().exists(), "nothing remembered");
}
