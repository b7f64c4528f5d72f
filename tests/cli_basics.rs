//! The command line as a teacher or hub author meets it: help, version, listing and
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
    cmd(&data).arg("--help").assert().success().stdout(
        predicate::str::contains("new")
            .and(predicate::str::contains("export"))
            .and(predicate::str::contains("music hub")),
    );
}

#[test]
fn version_shows_the_data_folders_in_use() {
    let data = tempfile::tempdir().expect("tempdir");
    cmd(&data).arg("--version").assert().success().stdout(
        predicate::str::contains(env!("CARGO_PKG_VERSION")).and(predicate::str::contains(
            data.path().to_string_lossy().as_ref(),
        )),
    );
}

#[test]
fn questionnaires_lists_built_in_and_installed_ones_and_broken_files() {
    let data = tempfile::tempdir().expect("tempdir");
    let dir = data.path().join("questionnaires");
    std::fs::create_dir_all(&dir).expect("mkdir");
    let doc = include_str!("../docs/questionnaire-format.md");
    let start = doc.find("```json\n{").expect("example") + 8;
    let end = start + doc[start..].find("\n```").expect("end");
    std::fs::write(dir.join("riverside.json"), &doc[start..end]).expect("write");
    std::fs::write(dir.join("broken.json"), "{ not json").expect("write");
    cmd(&data).arg("questionnaires").assert().success().stdout(
        predicate::str::contains("school-music-self-evaluation")
            .and(predicate::str::contains("music-quality-mark-audit"))
            .and(predicate::str::contains("pre-meeting-data-form"))
            .and(predicate::str::contains("riverside-hub-review"))
            .and(predicate::str::contains("installed"))
            .and(predicate::str::contains("broken.json:1:")),
    );
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
            "no-such-file.json: could not read the file",
        ));
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
