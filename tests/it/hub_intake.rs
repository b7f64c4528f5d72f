//! `hub add`: bundles exported by the program itself, taken in as zips, folders,
//! submission.json files and e-mails; duplicates, newer and older submissions, files changed
//! after export, no URN, unknown questionnaires and hostile input, with the run going on.

use std::io::Write;

use music_sef::hub::generate;
use music_sef::hub::year::AcademicYear;

use crate::common;
use crate::hub_setup::{copy_folder, count, exported, hub, sql, stderr, stdout};

#[test]
fn every_form_of_bundle_is_taken_and_the_same_submission_twice_is_one_record() {
    let env = common::env();
    let b = exported();
    let out = hub(&env)
        .arg("add")
        .args([&b[0].zip, &b[1].folder, &b[2].json, &b[3].eml])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("Done: 4 taken, 0 already had, 0 flagged, 0 refused."),
        "{text}"
    );
    assert!(
        text.contains(&format!("{} (URN {})", b[0].school, b[0].urn)),
        "{text}"
    );
    // The same four again, each in another form: all recognised.
    let out = hub(&env)
        .arg("add")
        .args([&b[0].eml, &b[1].zip, &b[2].folder, &b[3].json])
        .output()
        .expect("run");
    assert!(
        stdout(&out).contains("Done: 0 taken, 4 already had"),
        "{}",
        stdout(&out)
    );
    assert_eq!(count(&env, "SELECT count(*) FROM submissions"), 4);
    assert_eq!(
        count(&env, "SELECT count(*) FROM submissions WHERE current = 1"),
        4
    );
    // Hashes checked wherever the files were there; a bare submission.json beside its files
    // is checked too.
    assert_eq!(
        count(
            &env,
            "SELECT count(*) FROM submissions WHERE files_status = 'verified'"
        ),
        4
    );
    assert_eq!(count(&env, "SELECT count(*) FROM flags"), 0);
    assert_eq!(
        count(
            &env,
            "SELECT count(DISTINCT submission_id) FROM intake_log WHERE outcome = 'already_had'"
        ),
        4
    );
}

#[test]
fn a_newer_submission_becomes_current_and_the_older_stays_as_history() {
    let env = common::env();
    let qn = common::shipped("school-music-self-evaluation");
    let year = AcademicYear(2026);
    let first = generate::bundle(&qn, 7, year);
    let mut later = first.clone();
    later.submission.generated_at += chrono::Duration::days(20);
    later.submission.answers.insert(
        "choir_members".into(),
        music_sef::answers::AnswerValue::Number(99.into()),
    );
    later.json = serde_json::to_vec_pretty(&later.submission).expect("json");
    let mut earlier = first.clone();
    earlier.submission.generated_at -= chrono::Duration::days(20);
    earlier.json = serde_json::to_vec_pretty(&earlier.submission).expect("json");
    let dirs: Vec<_> = ["a", "b", "c"]
        .iter()
        .map(|d| env.dir.path().join(d))
        .collect();
    for d in &dirs {
        std::fs::create_dir_all(d).expect("mkdir");
    }
    let paths = [
        first.write_zip(&dirs[0]),
        later.write_zip(&dirs[1]),
        earlier.write_zip(&dirs[2]),
    ];
    let text = stdout(
        &hub(&env)
            .arg("add")
            .args(paths.iter().map(|p| p.as_ref().expect("zip")))
            .output()
            .expect("run"),
    );
    assert!(text.contains("newer: "), "{text}");
    assert!(text.contains("older: "), "{text}");
    assert!(
        text.contains("Done: 3 taken (1 newer than one held, 1 older, kept as history)"),
        "{text}"
    );
    let c = sql(&env);
    let current: String = c
        .query_row(
            "SELECT json_extract(j.json, '$.answers.choir_members') FROM submissions s
             JOIN submission_json j ON j.submission_id = s.id WHERE s.current = 1",
            [],
            |r| r.get::<_, i64>(0).map(|n| n.to_string()),
        )
        .expect("current");
    assert_eq!(current, "99");
    assert_eq!(
        count(&env, "SELECT count(*) FROM submissions WHERE current = 0"),
        2
    );
}

fn hostile_zip(path: &std::path::Path, name: &str) {
    let mut zw = zip::ZipWriter::new(std::fs::File::create(path).expect("create"));
    zw.start_file(name, zip::write::SimpleFileOptions::default())
        .expect("entry");
    zw.write_all(b"{}").expect("write");
    zw.finish().expect("finish");
}

#[test]
fn hostile_and_unreadable_input_is_refused_file_by_file_while_the_rest_go_on() {
    let env = common::env();
    let dir = env.dir.path().join("inbox");
    std::fs::create_dir_all(dir.join("nested")).expect("mkdir");
    hostile_zip(&dir.join("evil.zip"), "../../etc/submission.json");
    std::fs::write(
        dir.join("nested").join("broken.zip"),
        b"PK\x03\x04 not really a zip",
    )
    .expect("write");
    std::fs::write(
        dir.join("notes-submission.json"),
        b"{\"format\": \"something-else\"}",
    )
    .expect("write");
    std::fs::create_dir_all(dir.join("misc")).expect("mkdir");
    std::fs::write(dir.join("misc").join("letter.pdf"), b"%PDF-1.7").expect("write");
    let b = exported();
    std::fs::copy(&b[0].zip, dir.join("nested").join("good.zip")).expect("copy");
    copy_folder(&b[1].folder, &dir);
    let mut evil_json = generate::bundle(
        &common::shipped("pre-meeting-data-form"),
        4,
        AcademicYear(2026),
    );
    evil_json
        .submission
        .files
        .insert("../../secret.txt".into(), "00".into());
    evil_json.json = serde_json::to_vec(&evil_json.submission).expect("json");
    std::fs::write(dir.join("traversal-submission.json"), &evil_json.json).expect("write");
    let out = hub(&env)
        .arg("add")
        .arg(&dir)
        .arg(env.dir.path().join("missing.zip"))
        .output()
        .expect("run");
    assert_eq!(
        out.status.code(),
        Some(1),
        "a refusal is reported in the exit code"
    );
    let (text, err) = (stdout(&out), stderr(&out));
    assert!(
        text.contains(
            "Done: 2 taken, 0 already had, 0 flagged, 5 refused. 1 other file passed over"
        ),
        "{text}"
    );
    for why in [
        "evil.zip: the zip contains an unsafe path",
        "broken.zip: the zip file cannot be read",
        "notes-submission.json: this is not a music-sef submission",
        "traversal-submission.json: submission.json lists a file with an unsafe name",
        "missing.zip: there is no such file or folder",
    ] {
        assert!(err.contains(why), "{why} not in:\n{err}");
    }
    assert_eq!(
        err.lines().filter(|l| l.starts_with("refused: ")).count(),
        5,
        "{err}"
    );
    assert_eq!(count(&env, "SELECT count(*) FROM submissions"), 2);
    assert_eq!(
        count(
            &env,
            "SELECT count(*) FROM intake_log WHERE outcome = 'refused'"
        ),
        5
    );
}

#[test]
fn a_second_writer_is_told_the_database_is_in_use() {
    let env = common::env();
    let path = crate::hub_setup::db_path(&env);
    let db = music_sef::hub::HubDb::open(&path).expect("open");
    let other = rusqlite::Connection::open(&path).expect("second connection");
    other
        .execute_batch("BEGIN IMMEDIATE")
        .expect("hold the write lock");
    let waiting = music_sef::hub::HubDb::open_with(&path, std::time::Duration::from_millis(50))
        .expect("reading still works");
    let err = waiting
        .write(|c| c.execute("DELETE FROM expected_schools", []))
        .expect_err("in use");
    assert!(
        err.to_string().contains("is in use by another music-sef"),
        "{err}"
    );
    other.execute_batch("ROLLBACK").expect("release");
    db.write(|c| c.execute("DELETE FROM expected_schools", []))
        .expect("free again");
}

#[test]
fn the_database_is_plain_sqlite_with_a_versioned_schema() {
    let env = common::env();
    hub(&env)
        .arg("add")
        .arg(&exported()[0].zip)
        .assert()
        .success();
    let c = sql(&env);
    let version: i64 = c
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("version");
    assert_eq!(version, music_sef::hub::db::SCHEMA_VERSION);
    let (urn, school, overall, minutes): (i64, String, String, i64) = c
        .query_row(
            "SELECT urn, school_name, overall, json_extract(a.value, '$')
             FROM current_submissions s JOIN answers a ON a.submission_id = s.id AND a.question_id = 'ks1_minutes'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .expect("plain SQL over the documented tables");
    assert_eq!(
        (urn, school.as_str(), minutes),
        (100_001, "Oakfield Primary School", 45)
    );
    assert!(!overall.is_empty());
    // A file of another kind given as --db is refused, not overwritten.
    let other = env.dir.path().join("other.sqlite");
    rusqlite::Connection::open(&other)
        .expect("other")
        .execute_batch("CREATE TABLE t (x)")
        .expect("table");
    let out = common::bin(&env)
        .args(["hub", "--db"])
        .arg(&other)
        .args(["schools"])
        .output()
        .expect("run");
    assert!(
        stderr(&out).contains("is not a music-sef hub database"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_forwarded_e_mail_is_read_through_to_the_bundle_it_carries() {
    let env = common::env();
    let original = std::fs::read(&exported()[2].eml).expect("eml");
    let forwarded = mail_builder::MessageBuilder::new()
        .from("officer@hub.example")
        .to("returns@hub.example")
        .subject("Fwd: Music self-evaluation")
        .text_body("Forwarding the school's return.")
        .attachment("message/rfc822", "original.eml", original)
        .write_to_vec()
        .expect("forwarded e-mail");
    let path = env.dir.path().join("forwarded.eml");
    std::fs::write(&path, forwarded).expect("write");
    let out = hub(&env).arg("add").arg(&path).output().expect("run");
    let text = stdout(&out);
    assert!(
        text.contains("Done: 1 taken, 0 already had, 0 flagged, 0 refused."),
        "{text}{}",
        stderr(&out)
    );
    assert_eq!(
        count(
            &env,
            "SELECT count(*) FROM submissions WHERE files_status = 'verified'"
        ),
        1
    );
}
