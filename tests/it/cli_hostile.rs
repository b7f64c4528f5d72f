//! Nothing from a file reaches the terminal raw: a questionnaire, a draft and a bundle full of
//! escape sequences (window title, clear screen, clipboard), C1 controls and bidi overrides
//! go through every command, and no output holds an escape, a C1 control or a bell; `check`
//! refuses control characters in questionnaire text and says where each one is.

use std::path::{Path, PathBuf};

use music_sef::answers::AnswerValue;

use crate::common;

/// Retitles the window, clears the screen, writes the clipboard (OSC 52, C1 form), reverses
/// the text that follows, and rings the bell.
const EVIL: &str = "\x1b]0;pwned\x07\x1b[2J\u{9b}31m\u{9d}52;c;aGk=\u{9c}\u{202e}Evil\x1b[0m\x07";

/// The output bytes hold nothing a terminal acts on.
fn assert_inert(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let bad: Vec<char> = text
        .chars()
        .filter(|c| {
            (c.is_control() && !matches!(c, '\n' | '\t')) || matches!(c, '\u{202a}'..='\u{202e}')
        })
        .collect();
    assert!(bad.is_empty(), "{what} printed {bad:?}: {text}");
}

fn run(env: &common::Env, args: &[&str], stdin: &str) -> (Vec<u8>, Vec<u8>) {
    let out = common::bin(env)
        .args(args)
        .write_stdin(stdin)
        .output()
        .expect("run");
    (out.stdout, out.stderr)
}

fn run_inert(env: &common::Env, args: &[&str], stdin: &str) -> String {
    let (out, err) = run(env, args, stdin);
    assert_inert(&format!("{args:?} (stdout)"), &out);
    assert_inert(&format!("{args:?} (stderr)"), &err);
    format!(
        "{}{}",
        String::from_utf8_lossy(&out),
        String::from_utf8_lossy(&err)
    )
}

/// The fixture questionnaire with escape sequences in its text and in an id.
fn evil_questionnaire(dir: &Path) -> PathBuf {
    let text = include_str!("../fixtures/questionnaires/valid/minimal.json");
    let mut q: serde_json::Value = serde_json::from_str(text).expect("fixture");
    q["title"] = EVIL.into();
    q["version"] = EVIL.into();
    q["sections"][0]["title"] = format!("About {EVIL}").into();
    q["sections"][0]["questions"][0]["prompt"] = format!("Name{EVIL}").into();
    q["sections"][0]["questions"][0]["guidance"] = format!("Two\nlines{EVIL}").into();
    q["sections"][1]["id"] = format!("q{EVIL}").into();
    let path = dir.join("evil.json");
    std::fs::write(&path, serde_json::to_vec_pretty(&q).expect("json")).expect("write");
    path
}

#[test]
fn check_refuses_control_characters_and_says_where_without_printing_them() {
    let env = common::env();
    let path = evil_questionnaire(env.dir.path());
    let (out, err) = run(&env, &["check", &path.display().to_string()], "");
    assert_inert("check", &out);
    assert_inert("check", &err);
    let err = String::from_utf8_lossy(&err);
    for place in [
        "title: the title contains a control character (escape, U+001B) at character 1",
        "version: the version contains a control character",
        "› question \"school\": the prompt contains a control character (escape, U+001B) at character 5",
        "the guidance contains a control character (escape, U+001B) at character 10",
    ] {
        assert!(err.contains(place), "{place}\n{err}");
    }
    // Installed, it is listed as unusable, harmlessly; used directly, refused harmlessly.
    let installed = env.dirs.questionnaires();
    std::fs::create_dir_all(&installed).expect("mkdir");
    std::fs::copy(&path, installed.join("evil.json")).expect("install");
    let listed = run_inert(&env, &["questionnaires"], "");
    assert!(listed.contains("could not be used"), "{listed}");
    run_inert(
        &env,
        &[
            "new",
            "--plain",
            "--questionnaire",
            &path.display().to_string(),
        ],
        "",
    );
}

/// A draft whose title and answers hold escape sequences (edited by hand, or carried from a
/// hostile bundle), saved in `env`.
fn evil_draft(env: &common::Env) -> music_sef::draft::Draft {
    let qn = common::shipped("school-music-self-evaluation");
    let mut d = common::complete_draft(env, &qn, &format!("Title {EVIL}"));
    d.answers.insert(
        "school_name".into(),
        AnswerValue::Text(format!("School {EVIL}")),
    );
    env.store.save(&d).expect("save");
    d
}

#[test]
fn drafts_export_import_and_plain_print_hostile_text_harmlessly() {
    let env = common::env();
    let d = evil_draft(&env);
    let id = d.id.to_string();
    let listed = run_inert(&env, &["drafts"], "");
    assert!(listed.contains("Title "), "{listed}");
    // The JSON stays the same JSON: the title reads back exactly.
    let (json, _) = run(&env, &["drafts", "--json"], "");
    assert_inert("drafts --json", &json);
    let rows: serde_json::Value = serde_json::from_slice(&json).expect("valid JSON");
    assert_eq!(rows[0]["title"], format!("Title {EVIL}"));
    let out = env.dir.path().join("out");
    let exported = run_inert(
        &env,
        &["export", &id, "--out", &out.display().to_string()],
        "",
    );
    assert!(exported.contains("Bundle written"), "{exported}");
    run_inert(&env, &["plain", &id], "quit\n");
    // Last year's bundle, full of escapes, imported by another school's laptop.
    let zip = std::fs::read_dir(&out)
        .expect("out")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "zip"))
        .expect("a zip");
    let other = common::env();
    let imported = run_inert(&other, &["import", &zip.display().to_string()], "");
    assert!(imported.contains("Started"), "{imported}");
    run_inert(&other, &["drafts"], "");
}

#[cfg(unix)]
#[test]
fn the_line_printed_after_the_full_screen_view_is_harmless_too() {
    let env = common::env();
    let d = evil_draft(&env);
    let cmd = crate::pty::music_sef(env.dir.path(), &["open", &d.id.to_string()]);
    let mut pty = crate::pty::Pty::spawn(cmd, 100, 30);
    assert!(pty.wait_for("Section", std::time::Duration::from_secs(30)));
    pty.write(b"\x11");
    assert!(pty.wait_exit(std::time::Duration::from_secs(20)).is_some());
    let seen = String::from_utf8_lossy(&pty.seen).into_owned();
    let after = seen
        .rsplit("\x1b[?25h")
        .next()
        .unwrap_or_default()
        .to_string();
    assert!(after.contains("Saved \"Title"), "{seen:?}");
    // The terminal itself turns each line break into CR LF.
    assert_inert(
        "the line after the view",
        after.replace("\r\n", "\n").as_bytes(),
    );
}
