//! The lock guards every writer: while another program (a real music-sef, in plain mode)
//! has a draft open, deleting, renaming, restoring and copying it are refused with the holder
//! named, from the workflow and from the home screen, and the holder is read from beside the
//! lock, never from the locked file (which Windows would not let anyone read).

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use music_sef::draft::{Draft, QuestionnaireRef};
use music_sef::store::BackupReason;
use music_sef::workflow::{Workflow, WorkflowError};
use ratatui_textarea::Key;

use crate::common;
use crate::harness::TestApp;

fn saved_draft(env: &common::Env) -> Draft {
    let d = Draft::new(
        "Held elsewhere",
        QuestionnaireRef {
            id: "school-music-self-evaluation".into(),
            version: "2026.1".into(),
            source: None,
        },
    );
    env.store.save(&d).expect("save");
    env.store
        .backup(d.id, BackupReason::SessionStart)
        .expect("backup");
    d
}

/// A second music-sef with the draft open (plain mode, waiting for an answer).
fn holder(env: &common::Env, d: &Draft) -> Child {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("music-sef"))
        .args(["plain", &d.id.to_string()])
        .env("MUSIC_SEF_DATA_DIR", env.dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("spawn");
    // Watch who holds it without trying the lock ourselves (that could win the race).
    let dir = env.store.draft_dir(d.id);
    for _ in 0..400 {
        if music_sef::store::lock::read_holder(&dir).pid == child.id() {
            return child;
        }
        std::thread::sleep(Duration::from_millis(25));
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("the second program never took the lock");
}

fn refused(r: Result<impl std::fmt::Debug, WorkflowError>, pid: u32, what: &str) {
    match r {
        Err(WorkflowError::InUse(msg)) => assert!(
            msg.contains(&format!("program {pid}")) && msg.contains("close it there first"),
            "{what}: {msg}"
        ),
        other => panic!("{what} must be refused while another window has the draft: {other:?}"),
    }
}

#[test]
fn delete_rename_restore_and_copy_refuse_while_another_program_holds_the_draft() {
    let env = common::env();
    let d = saved_draft(&env);
    let before = std::fs::read(env.store.draft_file(d.id)).expect("read");
    let mut child = holder(&env, &d);
    let pid = child.id();
    // Reading the locked file gives nothing (as on Windows): the holder is still named.
    std::fs::write(env.store.draft_dir(d.id).join("draft.lock"), b"").expect("empty it");
    let w = Workflow::new(&env.dirs);
    let backup = env.store.backups(d.id)[0].path.clone();
    refused(w.delete(d.id), pid, "delete");
    refused(w.rename(d.id, "Renamed", chrono::Utc::now()), pid, "rename");
    refused(w.restore(d.id, &backup), pid, "restore");
    refused(w.duplicate(d.id, chrono::Utc::now()), pid, "copy");
    assert_eq!(
        std::fs::read(env.store.draft_file(d.id)).expect("still there"),
        before,
        "nothing was changed"
    );
    assert_eq!(w.list().len(), 1, "and no copy was made");
    child.kill().expect("kill");
    let _ = child.wait();
    // Once the other window is gone, the same changes work.
    w.rename(d.id, "Renamed", chrono::Utc::now())
        .expect("rename");
    w.delete(d.id).expect("delete");
    assert!(!env.store.draft_dir(d.id).exists(), "deleted, lock and all");
}

#[test]
fn the_home_screen_says_who_holds_a_draft_it_cannot_delete() {
    let env = common::env();
    let d = saved_draft(&env);
    let mut child = holder(&env, &d);
    let mut app = TestApp::in_env(env);
    app.key(Key::Char('x'));
    app.key(Key::Char('y'));
    let flash = app.c.app.flash.clone().map(|f| f.text).unwrap_or_default();
    assert!(
        flash.contains(&format!("program {}", child.id())),
        "{flash}"
    );
    assert!(app.env.store.draft_file(d.id).exists());
    child.kill().expect("kill");
    let _ = child.wait();
}
