//! A data folder in use for a while: 30 drafts and 3 installed questionnaires, some drafts
//! damaged or from a newer music-sef. Opening one draft gives that draft, whatever else is
//! there; the caches that make start-up quick (per-draft summaries, checked questionnaire
//! files) never show anything the files do not say; and a key at the end of a 300 KB
//! paragraph lands where it was typed and is saved.

use std::time::{Duration, SystemTime};

use music_sef::answers::AnswerValue;
use music_sef::draft::Draft;
use music_sef::questionnaire::DEFAULT_ID;
use music_sef::tui::Effect;
use music_sef::workflow::{DraftRow, Workflow};
use ratatui_textarea::Key;

use crate::common::{self, Env};
use crate::harness::{TestApp, moment};
use crate::tui_reliability::long_answer;

/// Three installed questionnaires, and 30 drafts spread over them and the default one, each
/// titled "Draft n" and with its number in one answer of its own questionnaire. Returns
/// the drafts in the order made.
fn crowded(env: &Env) -> Vec<Draft> {
    let dir = env.dirs.questionnaires();
    std::fs::create_dir_all(&dir).expect("folder");
    let mut qns = vec![common::shipped(DEFAULT_ID)];
    for n in [30, 60, 90] {
        let qn = music_sef::synthetic::questionnaire(n, 10);
        let json = serde_json::to_string(&qn).expect("json");
        std::fs::write(dir.join(format!("hub-{n}.json")), json).expect("write");
        qns.push(qn);
    }
    (0..30)
        .map(|i| {
            let qn = &qns[i % qns.len()];
            let mut d = common::complete_draft(env, qn, &format!("Draft {i}"));
            let own = if qn.id == DEFAULT_ID {
                "school_name"
            } else {
                "q3"
            };
            d.answers
                .insert(own.into(), AnswerValue::Text(format!("School {i}")));
            env.store.save(&d).expect("save");
            d
        })
        .collect()
}

fn title_of(app: &TestApp) -> String {
    app.ws().session.draft.title.clone()
}

#[test]
fn opening_a_draft_in_a_crowded_folder_gives_that_draft() {
    let env = common::env();
    let drafts = crowded(&env);
    let w = Workflow::new(&env.dirs);
    for pick in [0, 17, 29] {
        let want = &drafts[pick];
        assert_eq!(
            w.resolve(&format!("Draft {pick}")).expect("by title"),
            want.id
        );
        assert_eq!(
            w.resolve(&want.id.to_string()[..8]).expect("by id"),
            want.id
        );
        let opened = w.open(want.id).expect("opens");
        assert_eq!(opened.draft.id, want.id);
        assert_eq!(opened.draft.answers, want.answers, "draft {pick}");
        drop(opened);
        let mut app = TestApp::in_env(Env::beside(&env));
        app.c.run(Effect::Open(want.id));
        assert_eq!(title_of(&app), format!("Draft {pick}"));
        assert_eq!(app.ws().session.draft.answers, want.answers);
    }
    // The list shows all 30 with their own questionnaire's progress.
    let rows = w.list();
    assert_eq!(rows.len(), 30);
    assert!(
        rows.iter()
            .all(|r| matches!(r, DraftRow::Ok(i) if i.progress.is_some()))
    );
}

#[test]
fn a_broken_or_newer_draft_does_not_stop_the_others_and_the_list_says_why() {
    let env = common::env();
    let drafts = crowded(&env);
    std::fs::write(env.store.draft_file(drafts[3].id), b"{ half a draft").expect("break");
    let newer = env.store.draft_file(drafts[4].id);
    let mut v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&newer).expect("read")).expect("json");
    v["format_version"] = 2.into();
    std::fs::write(&newer, serde_json::to_vec(&v).expect("bytes")).expect("write");

    let text = common::stdout_of(&env, &["drafts"], "");
    assert!(text.contains("DAMAGED"), "{text}");
    assert!(text.contains("Newer version"), "{text}");
    assert!(text.contains("Draft 5"), "{text}");
    let mut app = TestApp::in_env(Env::beside(&env));
    app.c.run(Effect::Open(drafts[5].id));
    assert_eq!(title_of(&app), "Draft 5");
    assert!(app.ws().session.read_only.is_none());
    let mut app = TestApp::in_env(Env::beside(&env));
    app.c.run(Effect::Open(drafts[4].id));
    let why = app.ws().session.read_only.clone().expect("read-only");
    assert!(why.contains("newer version of music-sef"), "{why}");
    // The plain prompts open a good draft beside them too.
    let plain = common::stdout_of(&env, &["plain", "Draft 6"], "");
    assert!(plain.contains("Draft 6"), "{plain}");
}

fn summary_title(env: &Env, id: uuid::Uuid) -> Option<String> {
    let bytes = std::fs::read(env.store.draft_dir(id).join("summary.json")).ok()?;
    let v: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
    v["title"].as_str().map(str::to_string)
}

#[test]
fn a_missing_stale_or_damaged_summary_is_made_again_without_a_word() {
    let env = common::env();
    let drafts = crowded(&env);
    let list = || {
        let out = common::bin(&env).arg("drafts").assert().success();
        let o = out.get_output();
        assert!(
            o.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    list();
    let (gone, stale, bad) = (drafts[1].id, drafts[2].id, drafts[3].id);
    std::fs::remove_file(env.store.draft_dir(gone).join("summary.json")).expect("remove");
    let mut d = drafts[2].clone();
    d.title = "Renamed elsewhere".into();
    env.store.save(&d).expect("save");
    std::fs::write(env.store.draft_dir(bad).join("summary.json"), [0xff, 0, 7]).expect("w");
    let text = list();
    assert!(text.contains("Renamed elsewhere"), "{text}");
    assert!(!text.contains("Draft 2 "), "{text}");
    assert!(!text.contains("DAMAGED"), "{text}");
    assert_eq!(summary_title(&env, gone).as_deref(), Some("Draft 1"));
    assert_eq!(
        summary_title(&env, stale).as_deref(),
        Some("Renamed elsewhere")
    );
    assert_eq!(summary_title(&env, bad).as_deref(), Some("Draft 3"));
}

/// Rewrite installed questionnaire `file` with `title`, and give it a later modification
/// time, as an editor saving it would.
fn edit_title(path: &std::path::Path, from: &str, to: &str, later: u64) {
    let text = std::fs::read_to_string(path).expect("read");
    assert!(text.contains(from));
    std::fs::write(path, text.replace(from, to)).expect("write");
    let f = std::fs::File::options()
        .write(true)
        .open(path)
        .expect("open");
    f.set_modified(SystemTime::now() + Duration::from_secs(later))
        .expect("mtime");
}

#[test]
fn editing_an_installed_questionnaire_is_seen_at_once() {
    let env = common::env();
    crowded(&env);
    let path = env.dirs.questionnaires().join("hub-60.json");
    let shown = || common::stdout_of(&env, &["questionnaires"], "");
    let text = shown();
    assert!(
        text.contains("Synthetic questionnaire with 60 questions"),
        "{text}"
    );
    // Same size, later time: only the time tells the cache it changed.
    edit_title(&path, "with 60 questions", "with 6O questions", 5);
    let text = shown();
    assert!(text.contains("with 6O questions"), "{text}");
    assert!(!text.contains("with 60 questions"), "{text}");
    // A different size.
    edit_title(&path, "with 6O questions", "for the hub", 10);
    let choices = Workflow::new(&env.dirs).choices();
    assert!(
        choices
            .iter()
            .any(|c| c.id == "synthetic-60" && c.title.contains("for the hub")),
        "{:?}",
        choices.iter().map(|c| &c.title).collect::<Vec<_>>()
    );
    // Broken now: said so, and the others are still offered.
    std::fs::write(&path, "{ not a questionnaire").expect("write");
    let text = shown();
    assert!(text.contains("hub-60.json"), "{text}");
    assert!(text.contains("synthetic-90"), "{text}");
    assert!(!text.contains("for the hub"), "{text}");
}

#[test]
fn a_key_at_the_end_of_a_300_kb_paragraph_lands_there_and_is_saved() {
    let env = common::env();
    let w = Workflow::new(&env.dirs);
    let mut d = w
        .create(
            Some(&long_answer()),
            Some("Long"),
            moment(),
            moment().date_naive(),
        )
        .expect("create");
    let paragraph: String = (0..34_000).map(|i| format!("w{i:07} ")).collect();
    assert!(paragraph.len() >= 300_000 && !paragraph.contains('\n'));
    d.answers
        .insert("reflection".into(), AnswerValue::Text(paragraph.clone()));
    env.store.save(&d).expect("save");
    let (mut app, _) = TestApp::in_env(env).opened(d.clone());
    // It opens at the first question without an answer; the long one is first.
    app.goto("reflection");
    app.key(Key::End);
    app.typed("!?");
    app.key(Key::Left);
    app.typed("x");
    app.c.shut_down();
    let want = format!("{paragraph}!x?");
    let saved = app.env.store.load(d.id).expect("load");
    match saved.answers.get("reflection") {
        Some(AnswerValue::Text(t)) => {
            assert_eq!(t.len(), want.len());
            assert!(t == &want, "ends {:?}", &t[t.len() - 20..]);
        }
        other => panic!("{other:?}"),
    }
}
