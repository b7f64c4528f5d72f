//! Re-assessment: starting this year's review from last year's bundle, what changed, and
//! refusing hostile archives without writing anything.

use crate::common;

use std::io::Write;

use music_sef::answers::{AnswerValue, LevelAnswer};
use music_sef::import::start_from;
use zip::write::SimpleFileOptions;

fn exported(
    env: &common::Env,
    qn_id: &str,
) -> (music_sef::draft::Draft, music_sef::export::BundleReport) {
    let qn = common::shipped(qn_id);
    let mut d = common::complete_draft(env, &qn, "Last year");
    let report =
        common::export(env, &mut d, &qn, &env.dir.path().join("out"), false).expect("export");
    (d, report)
}

#[test]
fn export_then_import_gives_identical_answers_all_awaiting_confirmation() {
    for source in ["json", "zip", "folder", "draft"] {
        let env = common::env();
        let (old, report) = exported(&env, "school-music-self-evaluation");
        let spec = match source {
            "json" => report.json.display().to_string(),
            "zip" => report.zip.display().to_string(),
            "folder" => report.folder.display().to_string(),
            _ => old.id.to_string(),
        };
        let new = start_from(&spec, &env.dirs, None, None).expect("import");
        assert_ne!(new.id, old.id);
        assert_eq!(new.answers, old.answers, "{source}");
        let carried = new.carried_over.as_ref().expect("carried");
        assert_eq!(
            carried.unconfirmed.len(),
            old.answers.len(),
            "{source}: every answer waits for confirmation"
        );
        assert!(carried.unknown_answers.is_empty());
        assert!(
            new.title.starts_with("Oakfield Primary School"),
            "{}",
            new.title
        );
        assert_eq!(env.store.load(new.id).expect("saved").answers, old.answers);
    }
}

#[test]
fn changed_answers_are_marked_and_summarised_in_the_next_export() {
    let env = common::env();
    let (_, report) = exported(&env, "music-quality-mark-audit");
    let qn = common::shipped("music-quality-mark-audit");
    let mut new = start_from(
        &report.zip.display().to_string(),
        &env.dirs,
        None,
        Some("This year"),
    )
    .expect("import");
    // Last year every criterion was Gold; this year O1 drops to Silver.
    let lvl = |l: &str| {
        AnswerValue::Level(LevelAnswer {
            level: Some(l.into()),
            evidence: None,
            target: None,
        })
    };
    new.set_answer("O1", Some(lvl("silver")), chrono::Utc::now());
    new.confirm("O2");
    assert!(!new.is_unconfirmed("O1") && !new.is_unconfirmed("O2") && new.is_unconfirmed("O3"));
    let changed = music_sef::export::changes::changed_ids(&new);
    assert_eq!(changed.into_iter().collect::<Vec<_>>(), ["O1"]);
    let summary = music_sef::export::changes::since_last_time(&qn, &new).join("\n");
    assert!(
        summary.contains("Levels lost: O1 Gold → Silver"),
        "{summary}"
    );
    let out = env.dir.path().join("out2");
    let r2 = common::export(&env, &mut new, &qn, &out, false).expect("export");
    let bytes = std::fs::read(&r2.csv).expect("csv");
    let changed: std::collections::BTreeMap<String, String> = csv::Reader::from_reader(&bytes[3..])
        .records()
        .map(|r| r.expect("row"))
        .map(|r| (r[7].to_string(), r[17].to_string()))
        .collect();
    assert_eq!(changed["O1"], "yes");
    assert_eq!(changed["O2"], "no");
    let sub: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&r2.json).expect("json")).expect("json");
    assert_eq!(sub["changed"], serde_json::json!(["O1"]));
}

#[test]
fn answers_the_questionnaire_does_not_know_are_kept_aside_and_shown() {
    let env = common::env();
    let (_, report) = exported(&env, "pre-meeting-data-form");
    let mut sub: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&report.json).expect("json")).expect("json");
    sub["answers"]["retired_question"] = serde_json::json!("an old answer");
    sub["answers"]["phase"] = serde_json::json!("no-such-option");
    let path = env.dir.path().join("edited.json");
    std::fs::write(&path, serde_json::to_vec(&sub).expect("ser")).expect("write");
    let out = common::bin(&env)
        .arg("import")
        .arg(&path)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8_lossy(&out);
    assert!(
        text.contains("kept aside") && text.contains("retired_question") && text.contains("phase"),
        "{text}"
    );
}

fn refused_zip(entries: impl FnOnce(&mut zip::ZipWriter<std::fs::File>)) -> (common::Env, String) {
    refused_zip_patched(entries, |_| {})
}

/// Build a zip, let `patch` change its bytes, import it, and check that it is refused and
/// that nothing was written.
fn refused_zip_patched(
    entries: impl FnOnce(&mut zip::ZipWriter<std::fs::File>),
    patch: impl FnOnce(&mut Vec<u8>),
) -> (common::Env, String) {
    let env = common::env();
    let path = env.dir.path().join("hostile.zip");
    let mut zw = zip::ZipWriter::new(std::fs::File::create(&path).expect("create"));
    entries(&mut zw);
    zw.finish().expect("finish");
    let mut bytes = std::fs::read(&path).expect("read zip");
    patch(&mut bytes);
    std::fs::write(&path, bytes).expect("write zip");
    let before: Vec<_> = walk(env.dir.path());
    let out = common::bin(&env)
        .arg("import")
        .arg(&path)
        .current_dir(env.dir.path())
        .assert()
        .code(1)
        .get_output()
        .stderr
        .clone();
    assert_eq!(walk(env.dir.path()), before, "nothing was written");
    assert!(env.store.list().is_empty(), "no draft was created");
    (env, String::from_utf8_lossy(&out).into_owned())
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.filter_map(Result::ok) {
            out.push(e.path());
            if e.path().is_dir() {
                out.extend(walk(&e.path()));
            }
        }
    }
    out.sort();
    out
}

fn good_json() -> Vec<u8> {
    serde_json::to_vec(&serde_json::json!({
        "format": "music-sef/submission", "format_version": 1,
        "questionnaire": {"id": "pre-meeting-data-form", "version": "2026.1"},
        "title": "x", "answers": {}, "generated_at": "2026-01-01T00:00:00Z", "app_version": "0.1.0", "files": {}
    }))
    .expect("json")
}

#[test]
fn hostile_zips_are_refused_with_a_message_and_write_nothing() {
    let opts = SimpleFileOptions::default();
    let (_, msg) = refused_zip(|z| {
        z.start_file("../evil/submission.json", opts)
            .expect("entry");
        z.write_all(&good_json()).expect("write");
    });
    assert!(msg.contains("unsafe path"), "{msg}");
    let (_, msg) = refused_zip(|z| {
        z.start_file("/abs/submission.json", opts).expect("entry");
        z.write_all(&good_json()).expect("write");
    });
    assert!(msg.contains("unsafe path"), "{msg}");
    let (_, msg) = refused_zip(|z| {
        z.add_symlink("submission.json", "/etc/passwd", opts)
            .expect("link");
    });
    assert!(msg.contains("link"), "{msg}");
    let (_, msg) = refused_zip(|z| {
        let deflate = SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(true);
        z.start_file("x/submission.json", deflate).expect("entry");
        let zeros = vec![0u8; 1 << 20];
        for _ in 0..60 {
            z.write_all(&zeros).expect("write");
        }
    });
    assert!(msg.contains("50 MB"), "{msg}");
    let (_, msg) = refused_zip(|z| {
        for i in 0..100_000 {
            z.start_file(format!("f{i}"), opts).expect("entry");
        }
    });
    assert!(msg.contains("100000 files"), "{msg}");
    // The encryption flag (bit 0 of the general purpose flags) set in the local and the
    // central header, as an encrypting zip tool would write it.
    let (_, msg) = refused_zip_patched(
        |z| {
            z.start_file("submission.json", opts).expect("entry");
            z.write_all(&good_json()).expect("write");
        },
        |b| {
            for (sig, flags_at) in [(*b"PK\x03\x04", 6), (*b"PK\x01\x02", 8)] {
                let at = b.windows(4).position(|w| w == sig).expect("header");
                b[at + flags_at] |= 1;
            }
        },
    );
    assert!(msg.contains("encrypted file \"submission.json\""), "{msg}");
    let (_, msg) = refused_zip(|z| {
        for name in ["a/submission.json", "b/submission.json"] {
            z.start_file(name, opts).expect("entry");
            z.write_all(&good_json()).expect("write");
        }
    });
    assert!(msg.contains("more than one submission.json"), "{msg}");
}

#[test]
fn wrong_files_get_a_clear_error() {
    let env = common::env();
    let p = env.dir.path().join("other.json");
    std::fs::write(&p, br#"{"format": "something-else"}"#).expect("write");
    common::bin(&env)
        .arg("import")
        .arg(&p)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("not a music-sef submission"));
    let mut newer: serde_json::Value = serde_json::from_slice(&good_json()).expect("json");
    newer["format_version"] = 9.into();
    std::fs::write(&p, serde_json::to_vec(&newer).expect("ser")).expect("write");
    common::bin(&env)
        .arg("import")
        .arg(&p)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("newer music-sef"));
    let mut unknown: serde_json::Value = serde_json::from_slice(&good_json()).expect("json");
    unknown["questionnaire"]["id"] = "some-hub-form".into();
    std::fs::write(&p, serde_json::to_vec(&unknown).expect("ser")).expect("write");
    common::bin(&env)
        .arg("import")
        .arg(&p)
        .assert()
        .code(1)
        .stderr(
            predicates::str::contains("some-hub-form")
                .and(predicates::str::contains("--questionnaire")),
        );
}

use predicates::prelude::PredicateBooleanExt as _;
