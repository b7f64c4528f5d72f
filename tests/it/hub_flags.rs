//! What `hub add` flags and keeps: a bundle changed after export (even when an unchanged
//! copy came first), a submission without a URN (matched by name where it can be), and an
//! unknown questionnaire (stored raw, read once installed).

use std::io::Write;

use music_sef::hub::generate;
use music_sef::hub::year::AcademicYear;

use crate::common;
use crate::hub_setup::{copy_folder, count, exported, hub, sql, stderr, stdout};

#[test]
fn a_bundle_changed_after_export_is_flagged_and_kept() {
    let env = common::env();
    let folder = copy_folder(&exported()[1].folder, env.dir.path());
    let csv = std::fs::read_dir(&folder)
        .expect("read bundle")
        .flatten()
        .map(|e| e.path())
        .find(|p| p.to_string_lossy().ends_with("-answers.csv"))
        .expect("the bundle has its answers spreadsheet");
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .open(&csv)
        .expect("open");
    writeln!(f, "summary,overall,Overall,Thriving,,thriving,,").expect("write");
    // An unchanged copy first (the zip), then the changed folder: the change is still seen.
    let out = hub(&env)
        .arg("add")
        .arg(&exported()[1].zip)
        .arg(&folder)
        .output()
        .expect("run");
    let text = stdout(&out);
    assert!(out.status.success());
    assert!(text.contains("1 taken, 1 already had, 1 flagged"), "{text}");
    assert!(
        text.contains("-answers.csv no longer matches the hash"),
        "{text}"
    );
    let c = sql(&env);
    let (status, flag): (String, String) = c
        .query_row(
            "SELECT s.files_status, f.kind FROM submissions s JOIN flags f ON f.submission_id = s.id",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("row");
    assert_eq!(
        (status.as_str(), flag.as_str()),
        ("changed", "changed_after_export")
    );
    let changed: String = c
        .query_row(
            "SELECT name FROM submission_files WHERE status = 'changed'",
            [],
            |r| r.get(0),
        )
        .expect("file");
    assert!(changed.ends_with("-answers.csv"), "{changed}");
}

#[test]
fn without_a_urn_a_submission_is_kept_and_matched_by_name_where_it_can_be() {
    let env = common::env();
    let qn = common::shipped("pre-meeting-data-form");
    let year = AcademicYear(2026);
    let csv = env.dir.path().join("expected.csv");
    std::fs::write(&csv, "URN,Name\n100005,Elmstead Primary School\n").expect("csv");
    hub(&env).arg("expect").arg(&csv).assert().success();
    let make = |i: usize, name: &str| {
        let mut b = generate::bundle(&qn, i, year);
        b.submission.answers.remove("urn");
        b.submission.answers.insert(
            "school_name".into(),
            music_sef::answers::AnswerValue::Text(name.into()),
        );
        b.json = serde_json::to_vec_pretty(&b.submission).expect("json");
        let d = env.dir.path().join(format!("s{i}"));
        std::fs::create_dir_all(&d).expect("mkdir");
        b.write_folder(&d).expect("folder")
    };
    let matched = make(1, "Elmstead  primary school");
    let unknown = make(2, "Nowhere Free School");
    let text = stdout(
        &hub(&env)
            .arg("add")
            .args([&matched, &unknown])
            .output()
            .expect("run"),
    );
    assert!(text.contains("2 taken, 0 already had, 2 flagged"), "{text}");
    assert!(text.contains("matched by its name"), "{text}");
    assert!(text.contains("no expected school has this name"), "{text}");
    let c = sql(&env);
    let keys: Vec<(String, String)> = c
        .prepare("SELECT school_key, urn_from FROM submissions ORDER BY id")
        .expect("sql")
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("rows");
    assert_eq!(keys[0], ("urn:100005".to_string(), "name".to_string()));
    assert_eq!(
        keys[1],
        ("name:nowhere free school".to_string(), "none".to_string())
    );
    // A list that names the second school matches it too, and says so.
    std::fs::write(
        &csv,
        "URN,Name\n100005,Elmstead Primary School\n100006,Nowhere Free School\n",
    )
    .expect("csv");
    let text = stdout(&hub(&env).arg("expect").arg(&csv).output().expect("run"));
    assert!(
        text.contains("1 submission(s) sent without a URN now matched"),
        "{text}"
    );
    assert_eq!(
        count(
            &env,
            "SELECT count(*) FROM submissions WHERE urn = 100006 AND current = 1"
        ),
        1
    );
}

#[test]
fn an_unknown_questionnaire_is_stored_raw_flagged_and_read_once_installed() {
    let env = common::env();
    let mut qn = music_sef::synthetic::questionnaire(12, 6);
    qn.id = "leeds-music-review".into();
    let b = generate::bundle(&qn, 3, AcademicYear(2026));
    let path = b.write_zip(env.dir.path()).expect("zip");
    let out = hub(&env).arg("add").arg(&path).output().expect("run");
    let text = stdout(&out);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        text.contains("install questionnaire leeds-music-review (version 1) to read these answers"),
        "{text}"
    );
    assert_eq!(
        count(
            &env,
            "SELECT count(*) FROM submissions WHERE read_with_version IS NULL"
        ),
        1
    );
    assert_eq!(
        count(&env, "SELECT count(*) FROM answers"),
        i64::try_from(b.submission.answers.len()).expect("n")
    );
    let out = hub(&env)
        .args(["schools", "--year", "2026-27"])
        .output()
        .expect("run");
    let schools = stdout(&out);
    assert!(
        schools.contains("questionnaire not installed"),
        "{schools}{}",
        stderr(&out)
    );
    // Installing it is enough: the next hub command reads what waited for it.
    let dir = env.dirs.questionnaires();
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::write(
        dir.join("leeds.json"),
        serde_json::to_vec(&qn).expect("json"),
    )
    .expect("write");
    let schools = stdout(
        &hub(&env)
            .args(["schools", "--year", "2026-27"])
            .output()
            .expect("run"),
    );
    assert!(schools.contains("can now be read"), "{schools}");
    assert!(
        !schools.contains("questionnaire not installed"),
        "{schools}"
    );
    assert_eq!(
        count(
            &env,
            "SELECT count(*) FROM flags WHERE kind = 'unknown_questionnaire'"
        ),
        0
    );
}
