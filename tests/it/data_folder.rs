//! The data folder as other programs leave it: a draft saved by a newer music-sef is listed
//! and opens read-only, its file never touched; special files (FIFOs, devices) among the
//! drafts and questionnaires are skipped with a message and never hang a command; the
//! drafts list and questionnaire choices from summaries and caches agree with the files.

use std::path::Path;

use music_sef::draft::{Draft, QuestionnaireRef};
use music_sef::questionnaire::{DEFAULT_ID, Origin, Registry};
use music_sef::tui::Effect;
use music_sef::workflow::{DraftRow, Workflow};

use crate::common::{self, Env};
use crate::harness::TestApp;

/// A draft as a newer music-sef might write it: a newer format, a status and an answer of
/// a kind this build does not know.
fn newer_draft(env: &Env) -> (uuid::Uuid, Vec<u8>) {
    let d = Draft::new(
        "From the future",
        QuestionnaireRef {
            id: DEFAULT_ID.into(),
            version: "2026.1".into(),
            source: None,
        },
    );
    let mut v = serde_json::to_value(&d).expect("json");
    v["format_version"] = 2.into();
    v["status"] = "archived".into();
    v["answers"] = serde_json::json!({
        "school_name": "Oakfield Primary",
        "recording": {"kind": "audio", "file": "choir.ogg"}
    });
    let bytes = serde_json::to_vec_pretty(&v).expect("bytes");
    let dir = env.store.draft_dir(d.id);
    std::fs::create_dir_all(&dir).expect("folder");
    std::fs::write(dir.join("draft.json"), &bytes).expect("write");
    (d.id, bytes)
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn a_newer_draft_is_listed_left_untouched_and_opens_read_only() {
    let env = common::env();
    let (id, bytes) = newer_draft(&env);
    let text = common::stdout_of(&env, &["drafts"], "");
    assert!(text.contains("From the future"), "{text}");
    assert!(text.contains("Newer version"), "{text}");
    assert!(!text.contains("DAMAGED"), "{text}");
    let json = common::stdout_of(&env, &["drafts", "--json"], "");
    assert!(json.contains("\"damaged\": false"), "{json}");
    let file = env.store.draft_file(id);
    assert_eq!(std::fs::read(&file).expect("still there"), bytes);
    assert!(
        !names_in(&env.store.draft_dir(id))
            .iter()
            .any(|n| n.starts_with("draft.corrupt")),
        "never moved aside"
    );

    let mut app = TestApp::in_env(Env::beside(&env));
    app.c.run(Effect::Open(id));
    let why = app.ws().session.read_only.clone().expect("read-only");
    assert!(why.contains("newer version of music-sef"), "{why}");
    app.typed("x");
    app.c.shut_down();
    drop(app);
    assert_eq!(std::fs::read(&file).expect("still there"), bytes);
    // Renaming it is refused too, rather than writing it back without what it holds.
    let err = Workflow::new(&env.dirs).rename(id, "Renamed", chrono::Utc::now());
    let why = err.expect_err("refused").to_string();
    assert!(why.contains("newer version"), "{why}");
    assert_eq!(std::fs::read(&file).expect("still there"), bytes);
}

#[test]
fn damaged_drafts_are_still_moved_aside() {
    let env = common::env();
    let (id, _) = newer_draft(&env);
    std::fs::write(env.store.draft_file(id), b"{ not json").expect("write");
    let text = common::stdout_of(&env, &["drafts"], "");
    assert!(text.contains("DAMAGED"), "{text}");
    assert!(
        names_in(&env.store.draft_dir(id))
            .iter()
            .any(|n| n.starts_with("draft.corrupt")),
        "kept aside"
    );
}

#[cfg(unix)]
fn fifo(path: &Path) {
    let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).expect("path");
    // SAFETY: a valid C string; mkfifo only creates the node.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0, "mkfifo");
}

#[cfg(unix)]
#[test]
fn special_files_among_the_questionnaires_never_hang_a_command() {
    let env = common::env();
    let dir = env.dirs.questionnaires();
    std::fs::create_dir_all(&dir).expect("folder");
    fifo(&dir.join("pipe.json"));
    std::os::unix::fs::symlink("/dev/null", dir.join("device.json")).expect("link");
    let text = common::stdout_within(&env, &["questionnaires"], 20);
    assert!(text.contains(DEFAULT_ID), "{text}");
    for name in ["pipe.json", "device.json"] {
        assert!(text.contains(name), "{text}");
    }
    assert!(text.contains("not a regular file"), "{text}");
    // New drafts and the full-screen view's choices skip them the same way.
    let choices = Workflow::new(&env.dirs).choices();
    assert!(choices.iter().any(|c| c.id == DEFAULT_ID));
}

#[cfg(unix)]
#[test]
fn a_special_file_for_a_draft_is_listed_not_opened_nor_moved() {
    let env = common::env();
    let d = common::complete_draft(&env, &common::shipped(DEFAULT_ID), "Pipe");
    let file = env.store.draft_file(d.id);
    std::fs::remove_file(&file).expect("remove");
    fifo(&file);
    let text = common::stdout_within(&env, &["drafts"], 20);
    assert!(text.contains("not a regular file"), "{text}");
    assert!(
        std::fs::symlink_metadata(&file).is_ok_and(|m| !m.is_file()),
        "left where it was"
    );
    common::bin(&env)
        .args(["open", &d.id.to_string()])
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .failure();
}

#[test]
fn the_drafts_list_follows_the_drafts_not_stale_summaries() {
    let env = common::env();
    let qn = common::shipped(DEFAULT_ID);
    let mut d = common::complete_draft(&env, &qn, "First title");
    let w = Workflow::new(&env.dirs);
    let title = |w: &Workflow| match w.list().first() {
        Some(DraftRow::Ok(i)) => (i.title.clone(), i.progress.map(|p| p.answered)),
        other => panic!("{other:?}"),
    };
    let (t, answered) = title(&w);
    assert_eq!(t, "First title");
    assert!(env.store.draft_dir(d.id).join("summary.json").is_file());
    // Changed on disk (by another window, say): the list shows the change.
    d.title = "Second title".into();
    d.answers.clear();
    env.store.save(&d).expect("save");
    assert_eq!(title(&w), ("Second title".to_string(), Some(0)));
    assert_ne!(answered, Some(0));
    // A damaged summary is only a cache.
    std::fs::write(env.store.draft_dir(d.id).join("summary.json"), b"garbage").expect("w");
    assert_eq!(title(&w).0, "Second title");
    assert_eq!(w.resolve("Second title").expect("by title"), d.id);
    assert_eq!(w.resolve(&d.id.to_string()[..8]).expect("by prefix"), d.id);
}

/// The lazy questionnaire lookup gives what loading everything gives.
#[test]
fn questionnaires_found_lazily_match_the_full_discovery() {
    let env = common::env();
    let dir = env.dirs.questionnaires();
    std::fs::create_dir_all(&dir).expect("folder");
    let mut replaced = common::shipped(DEFAULT_ID);
    replaced.title = "The hub's own version".into();
    let text = serde_json::to_string(&replaced).expect("json");
    std::fs::write(dir.join("a-replacement.json"), &text).expect("write");
    std::fs::write(dir.join("b-same-id.json"), &text).expect("write");
    std::fs::write(dir.join("c-broken.json"), "{").expect("write");
    let extra = music_sef::synthetic::questionnaire(30, 10);
    std::fs::write(
        dir.join("d-extra.json"),
        serde_json::to_string(&extra).expect("json"),
    )
    .expect("write");
    for round in 0..2 {
        // The second round uses the cache the first one wrote.
        let full = Registry::discover(&env.dirs);
        let w = Workflow::new(&env.dirs);
        let ids: Vec<String> = w.choices().into_iter().map(|c| c.id).collect();
        // The default first and reflections last, as the new-draft screen lists them.
        let mut entries: Vec<_> = full.entries.iter().map(|e| &e.questionnaire).collect();
        entries.sort_by_key(|q| {
            (
                q.id != DEFAULT_ID,
                q.purpose == music_sef::questionnaire::Purpose::Reflection,
            )
        });
        let want: Vec<String> = entries.iter().map(|q| q.id.clone()).collect();
        assert_eq!(ids, want, "round {round}");
        for id in &want {
            let lazy = w.registry().find(id).expect("found");
            let eager = full.find(id).expect("found");
            assert_eq!(lazy.origin, eager.origin, "{id}");
            assert_eq!(lazy.questionnaire, eager.questionnaire, "{id}");
        }
        let found = w.registry().find(DEFAULT_ID).expect("default");
        assert_eq!(found.questionnaire.title, "The hub's own version");
        assert!(matches!(found.origin, Origin::Installed(p) if p.ends_with("a-replacement.json")));
    }
    // A file changed since it was checked is checked again.
    std::fs::write(dir.join("a-replacement.json"), "{ broken now").expect("write");
    let w = Workflow::new(&env.dirs);
    let found = w.registry().find(DEFAULT_ID).expect("default");
    assert!(matches!(found.origin, Origin::Installed(p) if p.ends_with("b-same-id.json")));
}
