//! The command line as a teacher or hub author meets it: help, listing and
//! checking questionnaires, and clear errors with the right exit codes.

use assert_cmd::Command;
use predicates::prelude::*;

fn cmd(data: &tempfile::TempDir) -> Command {
    let mut c = Command::cargo_bin("music-sef").expect("binary builds");
    c.env("MUSIC_SEF_DATA_DIR", data.path())
        .env("NO_COLOR", "1");
    c
}

#[test]
fn help_lists_the_commands_in_plain_words() {
    let data = tempfile::tempdir().expect("tempdir");
    let mut ok = predicate::str::contains("music hub")
        .and(predicate::str::contains("home screen"))
        .and(predicate::str::contains("Examples:"))
        .boxed();
    for command in [
        "new",
        "open",
        "drafts",
        "export",
        "import",
        "questionnaires",
        "check",
        "plain",
        "paths",
        "completions",
    ] {
        ok = ok
            .and(predicate::str::is_match(format!("(?m)^  {command} +[A-Z]")).expect("regex"))
            .boxed();
    }
    cmd(&data).arg("--help").assert().success().stdout(ok);
}

#[test]
fn questionnaires_lists_built_in_and_installed_ones_and_broken_files() {
    let data = tempfile::tempdir().expect("tempdir");
    let dir = data.path().join("questionnaires");
    std::fs::create_dir_all(&dir).expect("mkdir");
    let doc = include_str!("../../docs/questionnaire-format.md");
    let start = doc.find("```json\n{").expect("example") + 8;
    let end = start + doc[start..].find("\n```").expect("end");
    std::fs::write(dir.join("riverside.json"), &doc[start..end]).expect("write");
    std::fs::write(dir.join("broken.json"), "{ not json").expect("write");
    let out = cmd(&data).arg("questionnaires").assert().success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    for needle in [
        "school-music-self-evaluation  2026.1",
        "music-quality-mark-audit",
        "pre-meeting-data-form",
        "installed: riverside.json  Riverside music hub school review",
        "(the default)",
        "1 installed file could not be used",
        "broken.json:1:",
    ] {
        assert!(text.contains(needle), "{needle:?} missing from:\n{text}");
    }
    assert!(
        text.contains(&dir.display().to_string()),
        "the folder to install into is shown:\n{text}"
    );
}

#[test]
fn an_installed_file_replaces_a_built_in_one_and_two_with_one_id_are_reported() {
    let data = tempfile::tempdir().expect("tempdir");
    let dir = data.path().join("questionnaires");
    std::fs::create_dir_all(&dir).expect("mkdir");
    let own = std::fs::read_to_string("tests/fixtures/questionnaires/valid/minimal.json")
        .expect("fixture")
        .replace("\"id\": \"fixture\"", "\"id\": \"pre-meeting-data-form\"")
        .replace("Fixture questionnaire", "Our own pre-meeting form");
    std::fs::write(dir.join("a.json"), &own).expect("write");
    std::fs::write(dir.join("b.json"), &own).expect("write");
    let out = cmd(&data).arg("questionnaires").assert().success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(
        text.lines().any(|l| l.starts_with("pre-meeting-data-form ")
            && l.contains("installed: a.json")
            && l.ends_with("Our own pre-meeting form")),
        "{text}"
    );
    assert!(!text.contains("Pre-meeting data form"), "{text}");
    assert!(
        text.contains("\"pre-meeting-data-form\" replaces the built-in one"),
        "{text}"
    );
    assert!(
        text.contains("b.json: this file has the id \"pre-meeting-data-form\"")
            && text.contains("Remove one of the two files"),
        "{text}"
    );
    cmd(&data)
        .arg("check")
        .arg(dir.join("a.json"))
        .assert()
        .success()
        .stdout(predicate::str::contains("installed, this file replaces it"));
}

#[test]
fn check_says_ok_for_good_files_and_explains_bad_ones() {
    let data = tempfile::tempdir().expect("tempdir");
    cmd(&data)
        .args([
            "check",
            "questionnaires/school-music-self-evaluation.json",
            "questionnaires/music-quality-mark-audit.json",
            "questionnaires/pre-meeting-data-form.json",
        ])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("ok  questionnaires/music-quality-mark-audit.json")
                .count(1)
                .and(predicate::str::starts_with("ok")),
        );
    let bad = data.path().join("bad.json");
    std::fs::write(&bad, "{\n\"format\": \"music-sef/questionnaire\",\n\"format_version\": 1,\n\"id\": \"x\",\n\"version\": \"1\",\n\"title\": \"X\"\n\"sections\": []\n}").expect("write");
    cmd(&data)
        .arg("check")
        .arg(&bad)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("bad.json:7:"));
    cmd(&data)
        .args(["check", "no-such-file.json"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "no-such-file.json: could not read the file: there is no file with that name",
        ));
    // A good file and a bad one: the good one is still confirmed, the run still fails.
    cmd(&data)
        .args([
            "check",
            "tests/fixtures/questionnaires/valid/minimal.json",
            "tests/fixtures/questionnaires/invalid/many_problems.json",
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "ok  tests/fixtures/questionnaires/valid/minimal.json  (id fixture, version 1, 2 sections, 4 questions)",
        ))
        .stderr(
            predicate::str::contains("many_problems.json: 3 problems to fix")
                .and(predicate::str::contains("1 of 2 files could not be used")),
        );
}

#[test]
fn an_unknown_questionnaire_id_lists_the_known_ones() {
    let data = tempfile::tempdir().expect("tempdir");
    cmd(&data)
        .args(["new", "--questionnaire", "nonsense", "--plain"])
        .write_stdin("")
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("no questionnaire called \"nonsense\"")
                .and(predicate::str::contains("school-music-self-evaluation")),
        );
}

#[test]
fn usage_errors_exit_with_2() {
    let data = tempfile::tempdir().expect("tempdir");
    cmd(&data).arg("frobnicate").assert().code(2);
    cmd(&data).arg("check").assert().code(2);
}
