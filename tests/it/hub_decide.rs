//! The hub's decisions from the command line: review states with their history, a decision
//! with its three priorities, the checks that refuse a wrong one, a school with no
//! submission, and a second writer told the database is in use.

use crate::common;
use crate::hub_setup::{count, db_path, exported, hub, sql, stderr, stdout};

/// A hub database holding the four shared schools' bundles.
pub fn taken_in(env: &common::Env) {
    let b = exported();
    let out = hub(env)
        .arg("add")
        .args(b.iter().map(|e| &e.zip))
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
}

/// `hub decide 100001 --recommend --certificate ambition-quality` with three priorities.
pub fn decide_args(urn: u32) -> Vec<String> {
    let mut a: Vec<String> = ["decide", &urn.to_string(), "--recommend", "--certificate"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    a.push("ambition-quality".into());
    for (i, what) in [
        "Singing every week in KS2",
        "A published plan",
        "More ensembles",
    ]
    .iter()
    .enumerate()
    {
        a.extend([
            "--priority".into(),
            (*what).into(),
            "--actions".into(),
            format!("Actions for priority {}", i + 1),
            "--support".into(),
            format!("Hub support {}", i + 1),
            "--review-date".into(),
            format!("2035-0{}-30", i + 4),
        ]);
    }
    a.extend(["--officer".into(), "Sam Patel".into()]);
    a
}

#[test]
fn review_states_are_kept_with_note_who_and_when_in_order() {
    let env = common::env();
    taken_in(&env);
    for (state, note) in [
        ("in-review", "Meeting booked"),
        ("follow-up", "Asked for the plan link"),
    ] {
        let out = hub(&env)
            .args([
                "review",
                "100001",
                "--state",
                state,
                "--note",
                note,
                "--officer",
                "Sam Patel",
            ])
            .output()
            .expect("run");
        assert!(out.status.success(), "{}", stderr(&out));
    }
    assert!(
        stdout(
            &hub(&env)
                .args(["review", "100001", "--state", "in-review"])
                .output()
                .expect("run")
        )
        .contains("now In review")
    );
    let rows: Vec<(String, Option<String>, Option<String>)> = sql(&env)
        .prepare("SELECT state, note, officer FROM review_events ORDER BY id")
        .expect("sql")
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows");
    assert_eq!(rows.len(), 3);
    assert_eq!(
        rows[0],
        (
            "in_review".into(),
            Some("Meeting booked".into()),
            Some("Sam Patel".into())
        )
    );
    assert_eq!(rows[1].0, "follow_up");
    assert_eq!(rows[2].1, None);
    let out = hub(&env)
        .args(["review", "100001", "--state", "finished"])
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("is not a review state"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_schools_list_shows_each_review_state_for_people_and_scripts() {
    let env = common::env();
    taken_in(&env);
    let out = hub(&env)
        .args([
            "review",
            "100002",
            "--state",
            "follow-up",
            "--officer",
            "Sam Patel",
        ])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    let out = hub(&env).args(["schools", "--json"]).output().expect("run");
    let list: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json");
    let state = |urn: u64| {
        list.as_array()
            .and_then(|l| l.iter().find(|s| s["urn"] == urn))
            .map(|s| s["review_state"].clone())
    };
    assert_eq!(state(100_002), Some(serde_json::json!("follow-up")));
    assert_eq!(state(100_001), Some(serde_json::json!("received")));
    let table = stdout(&hub(&env).arg("schools").output().expect("run"));
    let row = table
        .lines()
        .find(|l| l.starts_with("100002"))
        .expect("Birchwood's row");
    assert!(row.contains("follow-up"), "{table}");
    assert!(
        table.lines().nth(1).is_some_and(|h| h.contains("Review")),
        "{table}"
    );
}

#[test]
fn a_decision_keeps_three_priorities_and_a_second_replaces_it_with_history() {
    let env = common::env();
    taken_in(&env);
    let out = hub(&env).args(decide_args(100_001)).output().expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("Ambition & Quality"), "{text}");
    assert!(text.contains("Priority 3: More ensembles"), "{text}");
    assert_eq!(count(&env, "SELECT count(*) FROM priorities"), 3);
    assert_eq!(
        count(
            &env,
            "SELECT count(*) FROM review_events WHERE state = 'decided'"
        ),
        1
    );
    // The officer's name is remembered: the second decision need not give it.
    let mut second = decide_args(100_001);
    second.truncate(second.len() - 2);
    second[3] = "--certificate".into();
    second[4] = "dedication-improvement".into();
    let out = hub(&env).args(&second).output().expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("by Sam Patel"), "{}", stdout(&out));
    assert_eq!(count(&env, "SELECT count(*) FROM decisions"), 2);
    assert_eq!(
        count(
            &env,
            "SELECT count(*) FROM decisions WHERE replaced_by IS NULL AND certificate = 'dedication-improvement'"
        ),
        1
    );
}

#[test]
fn a_wrong_decision_is_refused_naming_each_fix_and_nothing_is_kept() {
    let env = common::env();
    taken_in(&env);
    let out = hub(&env)
        .args([
            "decide",
            "100001",
            "--recommend",
            "--priority",
            "Sing",
            "--actions",
            "",
            "--support",
            "Training",
            "--review-date",
            "2001-01-01",
            "--officer",
            "Sam",
        ])
        .output()
        .expect("run");
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("names its certificate"), "{err}");
    assert!(err.contains("Priority 1: the actions is empty"), "{err}");
    assert!(err.contains("in the past"), "{err}");
    assert_eq!(count(&env, "SELECT count(*) FROM decisions"), 0);
    // An audit needs its award.
    let mut audit = decide_args(100_003);
    audit.splice(2..5, ["--not-recommend".to_string()]);
    let out = hub(&env).args(&audit).output().expect("run");
    assert!(stderr(&out).contains("give the award"), "{}", stderr(&out));
    audit.extend(["--award".into(), "silver".into()]);
    let out = hub(&env).args(&audit).output().expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Award: Silver"), "{}", stdout(&out));
}

#[test]
fn a_school_with_no_submission_cannot_be_decided_on() {
    let env = common::env();
    taken_in(&env);
    let out = hub(&env).args(decide_args(100_009)).output().expect("run");
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("There is no submission from URN 100009 to decide on"),
        "{}",
        stderr(&out)
    );
    assert_eq!(count(&env, "SELECT count(*) FROM decisions"), 0);
}

#[test]
fn a_second_writer_is_told_the_database_is_in_use() {
    let env = common::env();
    taken_in(&env);
    // Another desk holding the write lock, as during a long `hub add`: the command waits
    // its five seconds, then says so.
    let other = rusqlite::Connection::open(db_path(&env)).expect("open");
    other.execute_batch("BEGIN IMMEDIATE").expect("lock");
    let out = hub(&env)
        .args(["review", "100001", "--state", "in-review"])
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("is in use by another music-sef"),
        "{}",
        stderr(&out)
    );
    other.execute_batch("ROLLBACK").expect("unlock");
    let out = hub(&env)
        .args(["review", "100001", "--state", "in-review"])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn the_roll_up_shows_each_schools_review_state_decision_and_priorities() {
    use calamine::{Reader, Xlsx, open_workbook};
    let env = common::env();
    taken_in(&env);
    let out = hub(&env).args(decide_args(100_001)).output().expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    let out = hub(&env)
        .args([
            "review",
            "100002",
            "--state",
            "follow-up",
            "--officer",
            "Sam Patel",
        ])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    let dir = env.dir.path().join("roll-up");
    let out = hub(&env)
        .arg("report")
        .arg("--out")
        .arg(&dir)
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    let xlsx = std::fs::read_dir(&dir)
        .expect("the roll-up folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "xlsx"))
        .expect("the workbook");
    let mut book: Xlsx<_> = open_workbook(&xlsx).expect("open");
    let sheet = book.worksheet_range("Schools").expect("Schools sheet");
    let rows: Vec<Vec<String>> = sheet
        .rows()
        .map(|r| r.iter().map(ToString::to_string).collect())
        .collect();
    let at = |name: &str| {
        rows[0]
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name}: {:?}", rows[0]))
    };
    let school = |urn: &str| {
        rows.iter()
            .find(|r| r[at("URN")] == urn)
            .unwrap_or_else(|| panic!("no row for {urn}"))
    };
    let decided = school("100001");
    assert_eq!(decided[at("Decision")], "recommended");
    assert_eq!(decided[at("Certificate or award")], "ambition-quality");
    assert_eq!(
        decided[at("Agreed priorities")],
        "Singing every week in KS2; A published plan; More ensembles"
    );
    assert_eq!(school("100002")[at("Review state")], "Follow-up asked");
    assert_eq!(school("100002")[at("Decision")], "");
    assert_eq!(school("100003")[at("Review state")], "Received");
}
